// `mail collect` as a service: reads the office inbox by UID, takes every attachment through the same collect as a
// folder of files (the message's arrival as the received time), and answers each sender once: a 回执 for what was
// taken, the 退回重报 workbook for what was returned, the reason for what was refused. Mail is hostile input: HTML
// is never rendered, sizes are limited before download, names are made safe, automatic mail is never answered.
import type { ImapFlow } from 'imapflow';
import { simpleParser, type AddressObject, type Attachment, type ParsedMail } from 'mailparser';
import type { Transporter } from 'nodemailer';
import { existsSync, mkdirSync, readFileSync, utimesSync } from 'node:fs';
import { basename, join, relative, sep } from 'node:path';
import { collect, derivedPaths, resubmitBy, type CollectEvent } from '../collect/index.ts';
import { EMAIL } from '../model/units.ts';
import { safeFileName } from '../sheets/assign.ts';
import { writeFileAtomicSync } from '../util/files.ts';
import { beijingToday, cnDate, localDate } from '../util/time.ts';
import { mailServerError, mailSettings, requireSettings } from './config.ts';
import { signature, type MailContext } from './send.ts';
import { answeredElsewhere, beginMessage, recordSent, roundCreatedAt, seenMessage, setMessageState, type SeenRow } from './store.ts';
import { openImap, openSmtp } from './transport.ts';

/** A message larger than this is not downloaded: no returned workbook (under 50 MB, as a file) makes one so large. */
export const MESSAGE_BYTES = 80 * 1024 * 1024;
/** Attachments taken from one message at most; more is not a unit returning its workbook. */
export const MESSAGE_ATTACHMENTS = 50;

/** What became of one attachment (or one file in an attached zip). */
export interface FileResult {
  /** The attachment's name, or `报送.zip › 大气处.xlsx`. */
  name: string;
  kind: 'accepted' | 'returned' | 'stale' | 'duplicate' | 'refused';
  unit: string | null;
  rows?: number;
  reason?: string;
  /** `调度表 F7：…`, for a returned workbook. */
  problems?: string[];
  returnWorkbook?: string;
}

/** One inbox message and what was done with it, as a page lists it. */
export interface MessageResult {
  uid: number;
  sender: string;
  subject: string;
  receivedAt: string;
  /** submission: attachments taken; the others are left alone (listed, never answered). */
  kind: 'submission' | 'automatic' | 'own' | 'no-attachment' | 'too-large' | 'other-round';
  /** Why a message was left alone. */
  note: string;
  files: FileResult[];
  reply: 'sent' | 'none' | 'failed' | 'uncertain';
  replyDetail: string;
}

export interface CollectMailOptions {
  roundId: string;
  /** The new date for returned files once the deadline is past (`--until`). */
  until?: string;
  onMessage?: (r: MessageResult) => void;
  /** Mailbox folder read (default INBOX). */
  mailbox?: string;
}

/** Why a message is automatic (an auto-reply, a bounce, a list): never a submission, never answered. */
export function automatic(mail: Pick<ParsedMail, 'headers' | 'from'>): string | null {
  const h = mail.headers;
  const text = (name: string) => {
    const v = h.get(name);
    if (v === undefined || v === null) return null;
    if (typeof v === 'string') return v;
    if (typeof v === 'object' && 'value' in v && typeof (v as { value: unknown }).value === 'string') return (v as { value: string }).value;
    if (typeof v === 'object' && 'text' in v) return String((v as { text: unknown }).text);
    return String(v);
  };
  const auto = text('auto-submitted');
  if (auto && !/^\s*no\b/i.test(auto)) return '自动发送的邮件（Auto-Submitted）';
  if (text('x-autoreply') || text('x-autorespond') || text('x-auto-response-suppress')?.match(/all|oof|autoreply/i)) return '自动回复';
  if (/^(auto_reply|bulk|junk|list)$/i.test((text('precedence') ?? '').trim())) return '群发或自动回复邮件（Precedence）';
  const from = mail.from?.value[0]?.address ?? '';
  if (/^(mailer-daemon|postmaster)@/i.test(from) || /mailer-daemon/i.test(mail.from?.text ?? '')) return '退信（投递失败通知）';
  const type = h.get('content-type') as { value?: string; params?: Record<string, string> } | undefined;
  if (type?.value === 'multipart/report') return '退信或回执通知（multipart/report）';
  const returnPath = text('return-path');
  if (returnPath !== null && /^\s*<?\s*>?\s*$/.test(returnPath)) return '退信（空的 Return-Path）';
  return null;
}

/** Attachments that are the sender's files, not a signature's logo, a calendar entry or a digital signature. */
function submittedFiles(mail: ParsedMail): Attachment[] {
  return mail.attachments.filter((a) => {
    if (a.related) return false;
    if (a.contentDisposition === 'inline' && a.contentType.startsWith('image/')) return false;
    if (/^application\/(pkcs7-signature|x-pkcs7-signature)$|^text\/calendar$|^text\/(x-)?vcard$/i.test(a.contentType)) return false;
    return true;
  });
}

const firstAddress = (a: AddressObject | AddressObject[] | undefined) => (Array.isArray(a) ? a[0] : a)?.value[0]?.address?.toLowerCase() ?? '';

/** A subject or name from outside as a line of a message we send: one line, not too long. */
function oneLine(text: string, max = 120): string {
  // eslint-disable-next-line no-control-regex
  const clean = text.replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]+/g, ' ').trim();
  return clean.length > max ? `${clean.slice(0, max)}…` : clean;
}

/** `mail collect`: every message of the round's time not handled before, handled once; see the module header. */
export async function collectMail(ctx: MailContext, o: CollectMailOptions): Promise<MessageResult[]> {
  const s = mailSettings(ctx.settings);
  requireSettings(s, ['imap', 'smtp', 'from']);
  const round = ctx.ledger.requireRound(o.roundId);
  const plan = ctx.ledger.planByHash(round.planHash);
  const now = ctx.now ?? (() => new Date());
  const folderName = o.mailbox ?? 'INBOX';
  // UIDs are a mailbox's own: the key names the account and the folder.
  const mailbox = `${s.imap!.user ?? ''}@${s.imap!.host}/${folderName}`;
  const own = new Set([s.from!.address, ...(s.imap!.user && EMAIL.test(s.imap!.user) ? [s.imap!.user.toLowerCase()] : []), ...(s.smtp!.user && EMAIL.test(s.smtp!.user) ? [s.smtp!.user.toLowerCase()] : [])]);
  const mailDir = join(ctx.workspace, safeFileName(round.id), '邮件');
  const outDir = join(ctx.workspace, safeFileName(round.id), '收集');
  const results: MessageResult[] = [];
  const emit = (r: MessageResult) => {
    results.push(r);
    o.onMessage?.(r);
  };

  const client = await openImap(s.imap!, ctx.password);
  let transport: Transporter | null = ctx.transport ?? null;
  const ownTransport = !ctx.transport;
  const smtp = async () => (transport ??= await openSmtp(s.smtp!, ctx.password));
  try {
    // Read-only (EXAMINE): the office's mailbox is left as it was, unread messages stay unread.
    let opened;
    try {
      opened = await client.mailboxOpen(folderName, { readOnly: true });
    } catch (e) {
      throw mailServerError(e, s.imap!) ?? e;
    }
    const uidValidity = String(opened.uidValidity);
    // Mail from before the round was issued is another round's (IMAP SINCE is a date: the day before, to be safe).
    const since = new Date(new Date(roundCreatedAt(ctx.ledger, round.id)).getTime() - 86_400_000);
    const uids = ((await client.search({ since }, { uid: true })) || []).sort((a, b) => a - b);
    for (const uid of uids) {
      const key = { mailbox, uidValidity, uid, roundId: round.id };
      const seen = seenMessage(ctx.ledger, mailbox, uidValidity, uid, round.id);
      if (seen?.state === 'done') continue;
      if (seen?.state === 'replying') {
        // A run stopped while this reply was going out: whether it went is not known, and a unit is never answered twice.
        setMessageState(ctx.ledger, key, 'done', { note: '上次运行在发送回复时中断，未能确认回复是否已发出，不再重发；请在“已发送”邮件中核对' });
        const r = JSON.parse(seen.results ?? '{}') as MessageResult;
        emit({ ...r, reply: 'uncertain', replyDetail: '上次运行在发送回复时中断，未能确认回复是否已发出，不再重发；请在“已发送”邮件中核对' });
        continue;
      }
      let result: MessageResult;
      let inReplyTo: string | null = seen?.messageId ?? null;
      let replyTo = '';
      if (seen?.state === 'collected') {
        result = JSON.parse(seen.results!) as MessageResult;
        replyTo = seen.sender;
      } else {
        const taken = await takeMessage(ctx, client, { uid, key, round, mailbox, uidValidity, own, mailDir, outDir, now, until: o.until, resumed: !!seen });
        result = taken.result;
        inReplyTo = taken.messageId;
        replyTo = taken.replyTo;
        // Workbooks of another round only: left for that round's collect, which answers the message.
        const other = result.kind === 'submission' && result.files.every((f) => f.kind === 'refused' && WRONG_ROUND.test(f.reason ?? '')) ? WRONG_ROUND.exec(result.files[0]!.reason!)![1]! : null;
        if (other) result = { ...result, kind: 'other-round', note: `附件是 ${other} 轮次的调度表，未回复；请运行 npx taizhang mail collect --round ${other} 收取` };
        if (result.kind !== 'submission') {
          setMessageState(ctx.ledger, key, 'done', { results: JSON.stringify(result), note: result.note, kind: result.kind });
          emit(result);
          continue;
        }
        setMessageState(ctx.ledger, key, 'collected', { results: JSON.stringify(result), kind: result.kind });
      }
      const elsewhere = answeredElsewhere(ctx.ledger, key);
      if (elsewhere) {
        setMessageState(ctx.ledger, key, 'done', { note: `已在轮次 ${elsewhere} 中回复过，不再回复` });
        emit({ ...result, reply: 'none', replyDetail: `已在轮次 ${elsewhere} 中回复过，不再回复` });
        continue;
      }
      if (!EMAIL.test(replyTo)) {
        setMessageState(ctx.ledger, key, 'done', { note: '发件地址无效，未回复' });
        emit({ ...result, reply: 'none', replyDetail: '发件地址无效，未回复' });
        continue;
      }
      // Connected first (a server down leaves the message 'collected', answered by the next run); then booked before
      // it goes: a run killed from here on never sends this reply a second time.
      const sender = await smtp();
      setMessageState(ctx.ledger, key, 'replying');
      const at = now();
      const message = replyMessage(ctx, result, round, plan?.issuer ?? '', at, o.until);
      try {
        const info = await sender.sendMail({
          from: s.from!.text,
          to: replyTo,
          subject: `回复：${oneLine(result.subject) || `${round.label}调度表`}`,
          text: message.text,
          inReplyTo: inReplyTo ?? undefined,
          references: inReplyTo ?? undefined,
          attachments: message.attachments.map((path) => ({ filename: basename(path), content: readFileSync(path) })),
        });
        recordSent(ctx.ledger, { roundId: round.id, unit: message.units.join('、') || null, kind: 'reply', addresses: [replyTo], messageId: info.messageId, sentAt: at.toISOString(), day: beijingToday(at), inReplyTo });
        setMessageState(ctx.ledger, key, 'done');
        emit({ ...result, reply: 'sent', replyDetail: `已回复 ${replyTo}` });
      } catch (e) {
        const user = mailServerError(e, s.smtp!);
        if (!user && !(e as { code?: string }).code) throw e;
        // Not sent: the message goes back to 'collected', and the next run sends its reply.
        setMessageState(ctx.ledger, key, 'collected');
        emit({ ...result, reply: 'failed', replyDetail: `回复未能发出（${user?.message ?? (e as Error).message}），下次运行 mail collect 时重发` });
        if (user) throw user;
      }
    }
  } finally {
    if (ownTransport) transport?.close();
    await client.logout().catch(() => client.close());
  }
  return results;
}

interface TakeContext {
  uid: number;
  key: Pick<SeenRow, 'mailbox' | 'uidValidity' | 'uid' | 'roundId'>;
  round: ReturnType<MailContext['ledger']['requireRound']>;
  mailbox: string;
  uidValidity: string;
  own: Set<string>;
  mailDir: string;
  outDir: string;
  now: () => Date;
  until?: string;
  /** The message was begun before by a run that stopped: what the ledger took from it then is found again. */
  resumed: boolean;
}

/** Fetches, classifies and, for a submission, collects one message. */
async function takeMessage(ctx: MailContext, client: ImapFlow, t: TakeContext): Promise<{ result: MessageResult; messageId: string | null; replyTo: string }> {
  const head = await client.fetchOne(String(t.uid), { uid: true, size: true, internalDate: true, envelope: true }, { uid: true });
  if (!head) throw new Error(`IMAP message UID ${t.uid} vanished between SEARCH and FETCH`);
  const arrived = head.internalDate ? new Date(head.internalDate) : t.now();
  const receivedAt = arrived > t.now() ? t.now() : arrived;
  const envelopeFrom = head.envelope?.from?.[0]?.address?.toLowerCase() ?? '';
  const base = {
    uid: t.uid,
    sender: envelopeFrom,
    subject: oneLine(head.envelope?.subject ?? '', 200),
    receivedAt: receivedAt.toISOString(),
    files: [] as FileResult[],
    reply: 'none' as const,
    replyDetail: '',
  };
  const book = (kind: string) =>
    beginMessage(ctx.ledger, { ...t.key, roundId: t.round.id, messageId: head.envelope?.messageId ?? null, sender: envelopeFrom, subject: base.subject, sentAt: receivedAt.toISOString(), seenAt: t.now().toISOString(), state: 'collecting', kind, folder: null });
  if ((head.size ?? 0) > MESSAGE_BYTES) {
    book('too-large');
    const result: MessageResult = { ...base, kind: 'too-large', note: `邮件有 ${Math.round((head.size ?? 0) / 1048576)} MB，远超调度表的正常大小，未下载；请直接查看该邮件`, reply: 'none', replyDetail: '未回复' };
    return { result, messageId: head.envelope?.messageId ?? null, replyTo: envelopeFrom };
  }
  const full = await client.fetchOne(String(t.uid), { uid: true, source: true }, { uid: true });
  if (!full || !full.source) throw new Error(`IMAP message UID ${t.uid} has no source`);
  // HTML is neither rendered nor turned into text; links and images are left as they are.
  const mail = await simpleParser(full.source, { skipHtmlToText: true, skipTextToHtml: true, skipImageLinks: true, skipTextLinks: true });
  const sender = firstAddress(mail.from) || envelopeFrom;
  const messageId = mail.messageId ?? head.envelope?.messageId ?? null;
  const common = { ...base, sender, subject: oneLine(mail.subject ?? base.subject, 200) };
  const why = automatic(mail);
  if (why) {
    book('automatic');
    return { result: { ...common, kind: 'automatic', note: `${why}，不是报送，未处理、未回复` }, messageId, replyTo: sender };
  }
  if (t.own.has(sender)) {
    book('own');
    return { result: { ...common, kind: 'own', note: '本单位自己的邮箱发出的邮件，未处理、未回复' }, messageId, replyTo: sender };
  }
  const files = submittedFiles(mail);
  if (!files.length) {
    book('no-attachment');
    return { result: { ...common, kind: 'no-attachment', note: '没有附件，不是报送，未处理、未回复；请查看邮件内容' }, messageId, replyTo: sender };
  }
  book('submission');
  const folder = join(t.mailDir, `${safeFileName(t.uidValidity)}-${t.uid}`);
  mkdirSync(folder, { recursive: true });
  const names = new Set<string>();
  const kept = files.slice(0, MESSAGE_ATTACHMENTS);
  for (const [i, a] of kept.entries()) {
    // A name from outside: no folders, no hidden or device names; two attachments of one name both kept.
    let name = safeFileName(basename((a.filename ?? '').replace(/\\/g, '/'))) || `附件${i + 1}`;
    if (names.has(name)) name = `${i + 1}_${name}`;
    names.add(name);
    const path = join(folder, name);
    writeFileAtomicSync(path, a.content);
    // The file's time is the message's arrival: the evidence collect reads as the received time.
    utimesSync(path, receivedAt, receivedAt);
  }
  const events = await collect({ ledger: ctx.ledger, roundId: t.round.id, paths: [folder], outDir: t.outDir, receivedAt, now: t.now, until: t.until });
  const results = events
    // A lock file beside an attachment is nothing to answer; a .xls this machine cannot convert is (the unit is told).
    .filter((e) => e.outcome.kind !== 'rebuilt' && (e.outcome.kind !== 'skipped' || e.outcome.reason.includes('LibreOffice')) && (e.file === folder || e.file.startsWith(folder + sep)))
    .map((e) => fileResult(ctx, t, folder, e));
  if (files.length > MESSAGE_ATTACHMENTS) results.push({ name: `其余 ${files.length - MESSAGE_ATTACHMENTS} 个附件`, kind: 'refused', unit: null, reason: `一封邮件最多收取 ${MESSAGE_ATTACHMENTS} 个附件，其余未收取；请分多封邮件发送` });
  if (!results.length) {
    setMessageState(ctx.ledger, t.key, 'collecting', { kind: 'no-attachment' });
    return { result: { ...common, kind: 'no-attachment', note: '附件只有临时文件或系统文件，不是报送，未回复' }, messageId, replyTo: sender };
  }
  return { result: { ...common, kind: 'submission', note: '', files: results }, messageId, replyTo: sender };
}

/** One collect event as the reply states it. A file the ledger already had is stated as the ledger has it. */
function fileResult(ctx: MailContext, t: TakeContext, folder: string, e: CollectEvent): FileResult {
  const name = relative(folder, e.file.split(' › ')[0]!) + (e.file.includes(' › ') ? ` › ${e.file.split(' › ').slice(1).join(' › ')}` : '');
  const o = e.outcome;
  const problemsOf = (list: { sheet: string; cell: string; message: string; severity: string }[]) => list.filter((p) => p.severity === 'error').map((p) => `${p.sheet} ${p.cell}：${p.message}`);
  switch (o.kind) {
    case 'accepted':
      return { name, kind: 'accepted', unit: o.unit, rows: o.rows };
    case 'returned':
      return { name, kind: 'returned', unit: o.unit, problems: problemsOf(o.problems), returnWorkbook: o.returnWorkbook };
    case 'stale':
      return { name, kind: 'stale', unit: o.unit };
    case 'refused':
    case 'unusable':
      return { name, kind: 'refused', unit: null, reason: o.reason };
    case 'skipped':
      // Not booked: a later collect, once LibreOffice is installed, takes the file from the saved attachment.
      return { name, kind: 'refused', unit: null, reason: '本单位暂时无法读取此格式，请“另存为”Excel 工作簿（.xlsx）后重新报送' };
    case 'duplicate': {
      if (o.refused) return { name, kind: 'refused', unit: null, reason: o.refused.reason };
      // Taken from this very message by a run that stopped before answering it: answered as it was taken then.
      const row = t.resumed
        ? (ctx.ledger.db.prepare('SELECT id, unit, outcome FROM submissions WHERE round_id = ? AND original_path = ? ORDER BY id DESC LIMIT 1').get(t.round.id, e.file) as { id: number; unit: string; outcome: string } | undefined)
        : undefined;
      if (row?.outcome === 'accepted') return { name, kind: 'accepted', unit: row.unit, rows: ctx.ledger.entries(row.id).length };
      if (row?.outcome === 'returned') {
        const paths = derivedPaths(t.outDir, row.unit, t.round.id);
        return { name, kind: 'returned', unit: row.unit, problems: problemsOf(ctx.ledger.problemsOf(row.id)), returnWorkbook: existsSync(paths.returnWorkbook) ? paths.returnWorkbook : undefined };
      }
      return { name, kind: 'duplicate', unit: o.unit };
    }
    default:
      return { name, kind: 'refused', unit: null, reason: '未能处理' };
  }
}

/** collect's refusal of another round's workbook (judge.ts's wrong-round), with the round it names. */
const WRONG_ROUND = /^这是 (\S+) 轮次的调度表/;

const ORDINALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** The reply to a submission: one paragraph per file, the 退回重报 workbooks attached. */
export function replyMessage(ctx: MailContext, r: MessageResult, round: { id: string; label: string; deadline: string }, issuer: string, now: Date, until?: string): { text: string; attachments: string[]; units: string[] } {
  const by = resubmitBy(round.deadline, now, until);
  const again = by ? `于${cnDate(by)}前` : '立即';
  const units = [...new Set(r.files.map((f) => f.unit).filter((u): u is string => !!u))];
  const paragraphs = r.files.map((f, i) => {
    const n = r.files.length > 1 ? `${ORDINALS[i] ?? String(i + 1)}、` : '';
    const name = `附件“${oneLine(f.name)}”`;
    switch (f.kind) {
      case 'accepted':
        return `${n}${name}：已收取${f.unit}报送的${round.label}调度表，共 ${f.rows} 条。特此回执。`;
      case 'returned':
        return [
          `${n}${name}：${f.unit}报送的调度表经审核有 ${f.problems?.length ?? 0} 处问题，已退回重报。请按${f.returnWorkbook ? '随附“退回重报”表中红色单元格的批注' : '以下问题'}修改，${again}直接回复本邮件重新报送：`,
          ...(f.problems ?? []).slice(0, 30).map((p, j) => `  ${j + 1}. ${p}`),
          ...((f.problems?.length ?? 0) > 30 ? [`  ……共 ${f.problems!.length} 处，详见退回重报表`] : []),
        ].join('\n');
      case 'stale':
        return `${n}${name}：早于此前已收取的${f.unit}调度表，仅存档，不替代已收取的版本。`;
      case 'duplicate':
        return `${n}${name}：此文件此前已收到${f.unit ? `（${f.unit}）` : ''}，无需重复报送。`;
      case 'refused':
        return `${n}${name}：未收取。原因：${f.reason}。`;
    }
  });
  const text = [`${units.length ? units.join('、') : '您好'}：`, '', `你单位发来的邮件（${cnDate(localDate(r.receivedAt))}收到）已收悉，附件处理结果如下：`, '', ...paragraphs.flatMap((p) => [p, '']), signature(ctx, issuer, now)].join('\n');
  const attachments = r.files.filter((f) => f.kind === 'returned' && f.returnWorkbook && existsSync(f.returnWorkbook)).map((f) => f.returnWorkbook!);
  return { text, attachments, units };
}
