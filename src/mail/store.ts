// The mail loop's records in the ledger (schema version 4): every message the office sent (mail_sent) and every
// inbox message looked at, by mailbox, UIDVALIDITY and UID (mail_seen), with how far its handling got.
import type { Ledger } from '../ledger/ledger.ts';

export type SentKind = 'workbook' | 'reply' | 'remind';

export interface SentRow {
  roundId: string;
  unit: string | null;
  kind: SentKind;
  addresses: string[];
  messageId: string;
  sentAt: string;
  /** The Beijing date of sending: a reminder goes at most once a day. */
  day: string;
  inReplyTo: string | null;
}

export function recordSent(ledger: Ledger, s: SentRow): void {
  ledger.db
    .prepare('INSERT INTO mail_sent (round_id, unit, kind, addresses, message_id, sent_at, day, in_reply_to) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
    .run(s.roundId, s.unit, s.kind, JSON.stringify(s.addresses), s.messageId, s.sentAt, s.day, s.inReplyTo);
}

function toSent(r: Record<string, string | null>): SentRow {
  return { roundId: r.round_id!, unit: r.unit, kind: r.kind as SentKind, addresses: JSON.parse(r.addresses!), messageId: r.message_id!, sentAt: r.sent_at!, day: r.day!, inReplyTo: r.in_reply_to };
}

export function sentOf(ledger: Ledger, roundId: string, kind?: SentKind): SentRow[] {
  const rows = kind
    ? ledger.db.prepare('SELECT * FROM mail_sent WHERE round_id = ? AND kind = ? ORDER BY id').all(roundId, kind)
    : ledger.db.prepare('SELECT * FROM mail_sent WHERE round_id = ? ORDER BY id').all(roundId);
  return (rows as Record<string, string | null>[]).map(toSent);
}

export type SeenState = 'collecting' | 'collected' | 'replying' | 'done';

export interface SeenRow {
  mailbox: string;
  uidValidity: string;
  uid: number;
  roundId: string;
  messageId: string | null;
  sender: string;
  subject: string;
  sentAt: string | null;
  seenAt: string;
  state: SeenState;
  kind: string;
  folder: string | null;
  /** What became of the message's attachments (JSON, see collect.ts's MessageResult), once collected. */
  results: string | null;
  note: string | null;
}

export function seenMessage(ledger: Ledger, mailbox: string, uidValidity: string, uid: number, roundId: string): SeenRow | null {
  const r = ledger.db.prepare('SELECT * FROM mail_seen WHERE mailbox = ? AND uid_validity = ? AND uid = ? AND round_id = ?').get(mailbox, uidValidity, uid, roundId) as Record<string, string | number | null> | undefined;
  return r ? toSeen(r) : null;
}

/** The other round whose collect answered (or began to answer) this message, if any: a message is answered once. */
export function answeredElsewhere(ledger: Ledger, key: Pick<SeenRow, 'mailbox' | 'uidValidity' | 'uid' | 'roundId'>): string | null {
  return (
    (ledger.db
      .prepare("SELECT round_id FROM mail_seen WHERE mailbox = ? AND uid_validity = ? AND uid = ? AND round_id <> ? AND kind = 'submission' AND state IN ('replying', 'done') LIMIT 1")
      .pluck()
      .get(key.mailbox, key.uidValidity, key.uid, key.roundId) as string | undefined) ?? null
  );
}

function toSeen(r: Record<string, string | number | null>): SeenRow {
  return {
    mailbox: r.mailbox as string,
    uidValidity: r.uid_validity as string,
    uid: r.uid as number,
    roundId: r.round_id as string,
    messageId: r.message_id as string | null,
    sender: r.sender as string,
    subject: r.subject as string,
    sentAt: r.sent_at as string | null,
    seenAt: r.seen_at as string,
    state: r.state as SeenState,
    kind: r.kind as string,
    folder: r.folder as string | null,
    results: r.results as string | null,
    note: r.note as string | null,
  };
}

export function seenOf(ledger: Ledger, roundId: string): SeenRow[] {
  return (ledger.db.prepare('SELECT * FROM mail_seen WHERE round_id = ? ORDER BY seen_at, uid').all(roundId) as Record<string, string | number | null>[]).map(toSeen);
}

/** Books a message as being handled, before anything is done with it; an existing row is kept as it is. */
export function beginMessage(ledger: Ledger, row: Omit<SeenRow, 'results' | 'note'>): void {
  ledger.db
    .prepare(
      `INSERT OR IGNORE INTO mail_seen (mailbox, uid_validity, uid, round_id, message_id, sender, subject, sent_at, seen_at, state, kind, folder)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(row.mailbox, row.uidValidity, row.uid, row.roundId, row.messageId, row.sender, row.subject, row.sentAt, row.seenAt, row.state, row.kind, row.folder);
}

export function setMessageState(ledger: Ledger, key: Pick<SeenRow, 'mailbox' | 'uidValidity' | 'uid' | 'roundId'>, state: SeenState, more: { results?: string; note?: string; kind?: string } = {}): void {
  ledger.db
    .prepare('UPDATE mail_seen SET state = ?, results = COALESCE(?, results), note = COALESCE(?, note), kind = COALESCE(?, kind) WHERE mailbox = ? AND uid_validity = ? AND uid = ? AND round_id = ?')
    .run(state, more.results ?? null, more.note ?? null, more.kind ?? null, key.mailbox, key.uidValidity, key.uid, key.roundId);
}

/** When a round was issued (its ledger row's creation): the inbox is read from that day on. */
export function roundCreatedAt(ledger: Ledger, roundId: string): string {
  return (ledger.db.prepare('SELECT created_at FROM rounds WHERE id = ?').pluck().get(roundId) as string | undefined) ?? new Date(0).toISOString();
}
