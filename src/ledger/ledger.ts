// The ledger: an embedded SQLite database in the workspace recording plans, rounds, expected receipts, every
// file received, every submission with its entries and problems. Nothing is ever deleted; a newer submission
// supersedes an older one, which stays in the history. WAL and transactions keep it consistent when a
// collect is killed, and let two collects run at once.
import type Database from 'better-sqlite3';
import { join } from 'node:path';
import { Plan, Role } from '../model/plan.ts';
import { normalizeRoundId, Round } from '../model/round.ts';
import { IndicatorValue, IssuedIndicator, type ReportedIndicator } from '../model/indicators.ts';
import { Entry, exactNumber, Intake, Problem, Submission, SubmissionOutcome, SubmissionReceipt, wellFormedText, type IntakeOutcome } from '../model/submission.ts';
import { UserError } from '../util/errors.ts';
import { openLedgerFile, type OpenedLedger } from './schema.ts';

export class Ledger {
  readonly db: Database.Database;

  /** The ledger file, named in every message about it. */
  readonly path: string;
  /** Set when opening migrated an older ledger (the CLI says so, with the backup's name). */
  readonly migrated: OpenedLedger['migrated'];

  /** Opens the workspace's ledger; `create: false` refuses a workspace that has none and writes nothing. */
  constructor(readonly workspace: string, options: { create?: boolean } = {}) {
    const opened = openLedgerFile(workspace, options.create ?? true);
    this.db = opened.db;
    this.path = opened.path;
    this.migrated = opened.migrated;
  }

  close(): void {
    this.db.close();
  }

  private statements = new Map<string, Database.Statement>();
  private transactions = new Map<string, Database.Transaction<(run: () => unknown) => unknown>>();

  /**
   * Runs `body` in an IMMEDIATE transaction. The transaction function is made once per kind and ledger (better-sqlite3
   * builds one with its own statements each time `transaction()` is called), and `body` is passed to it per call.
   */
  private once<T>(kind: string, body: () => T): T {
    let t = this.transactions.get(kind);
    if (!t) {
      t = this.db.transaction((run: () => unknown) => run());
      this.transactions.set(kind, t);
    }
    return t.immediate(body) as T;
  }

  /**
   * Runs `body`, synchronous, in one IMMEDIATE transaction: what it records (each call a savepoint of its own) is
   * committed together, or not at all when it throws.
   */
  batch<T>(body: () => T): T {
    return this.once('batch', body);
  }

  /** Prepares a statement once per ledger: a statement prepared per call holds native memory until collected. */
  private sql(text: string): Database.Statement {
    let statement = this.statements.get(text);
    if (!statement) {
      statement = this.db.prepare(text);
      this.statements.set(text, statement);
    }
    return statement;
  }

  get archiveDir(): string {
    return join(this.workspace, 'archive');
  }

  registerPlan(plan: Plan, hash: string): void {
    this.sql('INSERT OR IGNORE INTO plans (hash, id, title, json, registered_at) VALUES (?, ?, ?, ?, ?)')
      .run(hash, plan.id, plan.title, JSON.stringify(plan), new Date().toISOString());
  }

  planByHash(hash: string): Plan | null {
    const row = this.sql('SELECT json FROM plans WHERE hash = ?').get(hash) as { json: string } | undefined;
    return row ? Plan.parse(JSON.parse(row.json)) : null;
  }

  /** Registers a round and the receipts it expects; a round regenerated from an edited plan points at the new version. */
  registerRound(round: Round, plan: Plan, hash: string, expected: { unit: string; file: string; rows: number }[]): void {
    this.db.transaction(() => {
      this.sql(
          `INSERT INTO rounds (id, plan_id, plan_hash, label, start, end, deadline, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
           ON CONFLICT(id) DO UPDATE SET plan_id = excluded.plan_id, plan_hash = excluded.plan_hash, deadline = excluded.deadline`,
        )
        .run(round.id, plan.id, hash, round.label, round.start, round.end, round.deadline, new Date().toISOString());
      const insert = this.sql(
        'INSERT INTO expected (round_id, unit, file, rows) VALUES (?, ?, ?, ?) ON CONFLICT(round_id, unit) DO UPDATE SET file = excluded.file, rows = excluded.rows',
      );
      for (const e of expected) insert.run(round.id, e.unit, e.file, e.rows);
    })();
  }

  /** The indicators issued in a round (the 指标 sheets), replacing those of an earlier issue of the same round. */
  registerIndicators(roundId: string, indicators: IssuedIndicator[]): void {
    this.db.transaction(() => {
      this.sql('DELETE FROM round_indicators WHERE round_id = ?').run(roundId);
      const insert = this.sql('INSERT INTO round_indicators (round_id, name, unit, seq, measure, target, basis) VALUES (?, ?, ?, ?, ?, ?, ?)');
      for (const i of indicators) insert.run(roundId, i.name, i.unit, i.seq, i.measure, i.target, i.basis);
    })();
  }

  /** The indicators issued in a round, by unit and 序号. */
  roundIndicators(roundId: string): IssuedIndicator[] {
    return (this.sql('SELECT name, unit, seq, measure, target, basis FROM round_indicators WHERE round_id = ? ORDER BY unit, seq').all(roundId) as Record<string, unknown>[]).map((r) =>
      IssuedIndicator.parse(r),
    );
  }

  /** The indicator values of one submission, in its sheet's order. */
  indicatorValues(submissionId: number): IndicatorValue[] {
    return (this.sql('SELECT name, value_text, value, note FROM indicator_values WHERE submission_id = ? ORDER BY rowid').all(submissionId) as Record<string, unknown>[]).map((r) =>
      IndicatorValue.parse({ name: r.name, valueText: r.value_text, value: r.value, note: r.note }),
    );
  }

  /** The indicator values of a round's accepted submissions in force: what the units reported. */
  reportedIndicators(roundId: string): ReportedIndicator[] {
    const rows = this.sql(
      `SELECT s.unit, s.id, v.name, v.value_text, v.value, v.note FROM indicator_values v JOIN submissions s ON s.id = v.submission_id
       WHERE s.round_id = ? AND s.outcome = 'accepted' AND s.superseded_by IS NULL ORDER BY s.unit, v.rowid`,
    ).all(roundId) as Record<string, unknown>[];
    return rows.map((r) => ({ ...IndicatorValue.parse({ name: r.name, valueText: r.value_text, value: r.value, note: r.note }), unit: String(r.unit), submissionId: Number(r.id) }));
  }

  /** A template kept by its key (see sheets/stamp.ts), or null. */
  template(key: string): Uint8Array | null {
    const row = this.sql('SELECT bytes FROM templates WHERE key = ?').get(key) as { bytes: Buffer } | undefined;
    return row ? new Uint8Array(row.bytes) : null;
  }

  /** Keeps a template (a key always stands for the same template: one kept again replaces a damaged one). */
  keepTemplate(key: string, bytes: Uint8Array): void {
    this.sql('INSERT OR REPLACE INTO templates (key, bytes, created_at) VALUES (?, ?, ?)').run(key, Buffer.from(bytes), new Date().toISOString());
  }

  /** The round a user's words name: any form normalizeRoundId reads, a year left out taken from the rounds issued. */
  roundId(id: string): string {
    return normalizeRoundId(id, () => (this.sql('SELECT id FROM rounds ORDER BY end, id').all() as { id: string }[]).map((r) => r.id));
  }

  round(id: string): (Round & { planId: string; planHash: string }) | null {
    const row = this.sql('SELECT * FROM rounds WHERE id = ?').get(this.roundId(id)) as Record<string, string> | undefined;
    if (!row) return null;
    return { ...Round.parse({ id: row.id, label: row.label, start: row.start, end: row.end, deadline: row.deadline }), planId: row.plan_id!, planHash: row.plan_hash! };
  }

  requireRound(id: string): Round & { planId: string; planHash: string } {
    const round = this.round(id);
    if (!round) {
      const known = this.rounds().map((r) => r.id);
      throw new UserError(
        `台账（${this.path}）中没有轮次“${this.roundId(id)}”。`,
        known.length ? `已有轮次：${known.join('、')}。` : '请先运行 npx taizhang sheets generate <plan.json> --round <轮次> 生成并下发调度表。',
      );
    }
    return round;
  }

  rounds(): (Round & { planId: string })[] {
    return (this.sql('SELECT * FROM rounds ORDER BY end, id').all() as Record<string, string>[]).map((r) => ({
      id: r.id!, label: r.label!, start: r.start!, end: r.end!, deadline: r.deadline!, planId: r.plan_id!,
    }));
  }

  /** How many files were received for a round (whatever became of them). */
  intakeCount(roundId: string): number {
    return (this.sql('SELECT COUNT(*) AS n FROM intake WHERE round_id = ?').get(roundId) as { n: number }).n;
  }

  /**
   * Removes a round created by mistake. Only a round that has received no file can go: a received file is
   * evidence and is never deleted. The issued workbooks stay on disk.
   */
  removeRound(id: string): void {
    const round = this.requireRound(id);
    this.db.transaction(() => {
      const received = this.intakeCount(round.id);
      if (received > 0) {
        throw new UserError(`轮次“${round.id}”已收到 ${received} 个报送文件，不能删除。`, '已收到的报送是工作记录，不予删除；如轮次设置有误，可新建正确的轮次重新下发。');
      }
      this.sql('DELETE FROM expected WHERE round_id = ?').run(round.id);
      this.sql('DELETE FROM round_indicators WHERE round_id = ?').run(round.id);
      this.sql('DELETE FROM rounds WHERE id = ?').run(round.id);
    }).immediate();
  }

  expected(roundId: string): { unit: string; file: string; rows: number }[] {
    return this.sql('SELECT unit, file, rows FROM expected WHERE round_id = ? ORDER BY rowid').all(roundId) as never;
  }

  /** The digest of every file taken in for a round, whatever became of it. */
  intakeDigests(roundId: string): Set<string> {
    return new Set(this.sql('SELECT sha256 FROM intake WHERE round_id = ?').pluck().all(roundId) as string[]);
  }

  /** The intake record of a file already received for this round, if any: re-running collect changes nothing. */
  intakeOf(roundId: string, sha256: string): Intake | null {
    const row = this.sql('SELECT * FROM intake WHERE round_id = ? AND sha256 = ?').get(roundId, sha256) as Record<string, unknown> | undefined;
    return row ? toIntake(row) : null;
  }

  /** Records a file that could not become a submission (unusable, another round or plan). */
  recordIntake(roundId: string, sha256: string, originalPath: string, outcome: IntakeOutcome, unit: string | null, problems: Problem[], receivedAt = new Date()): number | null {
    return this.once('recordIntake', () => {
      // Another collect running at the same time may have taken this very file since we looked.
      if (this.intakeOf(roundId, sha256)) return null;
      const info = this.sql('INSERT INTO intake (round_id, sha256, original_path, received_at, outcome, unit, message) VALUES (?, ?, ?, ?, ?, ?, ?)')
        .run(roundId, sha256, originalPath, receivedAt.toISOString(), outcome, unit, problems[0]?.message ?? null);
      const id = Number(info.lastInsertRowid);
      this.insertProblems(id, problems);
      return id;
    });
  }

  private insertProblems(intakeId: number, problems: Problem[]): void {
    const insert = this.sql('INSERT INTO problems (intake_id, file, sheet, cell, rule, severity, message) VALUES (?, ?, ?, ?, ?, ?, ?)');
    for (const p of problems) insert.run(intakeId, p.file, p.sheet, p.cell, p.rule, p.severity, p.message);
  }

  /**
   * Records a submission with its entries and problems in one transaction, then works out again which of the
   * unit's submissions are in force (see `settle`).
   */
  recordSubmission(
    s: Omit<Submission, 'id' | 'supersededBy'>,
    entries: Entry[],
    problems: Problem[],
    /** The values of its 指标 sheet, when it has one. */
    indicators: IndicatorValue[] = [],
  ): { id: number; superseded: Submission | null; stale: boolean } | null {
    // What is booked is sound, whatever read it: a number the ledger can hold exactly, texts of whole characters
    // (validation sees to both; reaching here otherwise is a bug of ours, and nothing is written).
    for (const e of entries) {
      if (e.value !== null && !exactNumber(e.value)) throw new Error(`entry ${e.clauseId} of ${s.unit} holds ${e.value}, which the ledger cannot hold exactly`);
      for (const t of [e.valueText, e.status, e.progress, e.problems, e.nextSteps]) if (t && !wellFormedText(t)) throw new Error(`entry ${e.clauseId} of ${s.unit} holds a lone surrogate`);
    }
    for (const t of [s.unit, s.reporter, s.phone, s.fillDate, s.contact, s.originalPath]) if (t && !wellFormedText(t)) throw new Error(`submission of ${s.unit} holds a lone surrogate`);
    for (const i of indicators) {
      if (i.value !== null && !exactNumber(i.value)) throw new Error(`indicator ${i.name} of ${s.unit} holds ${i.value}, which the ledger cannot hold exactly`);
      for (const t of [i.name, i.valueText, i.note]) if (t && !wellFormedText(t)) throw new Error(`indicator ${i.name} of ${s.unit} holds a lone surrogate`);
    }
    // IMMEDIATE: take the write lock before reading, so two collects at once cannot both record the same file.
    return this.once('recordSubmission', () => {
      if (this.intakeOf(s.roundId, s.sha256)) return null;
      const before = this.inForce(s.roundId, s.unit);
      const intake = this.sql('INSERT INTO intake (round_id, sha256, original_path, received_at, outcome, unit, message) VALUES (?, ?, ?, ?, ?, ?, ?)')
        .run(s.roundId, s.sha256, s.originalPath, s.receivedAt, s.outcome, s.unit, null);
      const intakeId = Number(intake.lastInsertRowid);
      const info = this.sql(
          `INSERT INTO submissions (intake_id, round_id, unit, plan_hash, sha256, original_path, archive_path, received_at, file_time, outcome, reporter, phone, fill_date, contact)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(intakeId, s.roundId, s.unit, s.planHash, s.sha256, s.originalPath, s.archivePath, s.receivedAt, s.fileTime, s.outcome, s.reporter, s.phone, s.fillDate, s.contact);
      const id = Number(info.lastInsertRowid);
      const insert = this.sql(
        'INSERT INTO entries (submission_id, clause_id, role, status, value_text, value, progress, problems, next_steps) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
      );
      for (const e of entries) insert.run(id, e.clauseId, e.role, e.status, e.valueText, e.value, e.progress, e.problems, e.nextSteps);
      const indicator = this.sql('INSERT INTO indicator_values (submission_id, name, value_text, value, note) VALUES (?, ?, ?, ?, ?)');
      for (const i of indicators) indicator.run(id, i.name, i.valueText, i.value, i.note);
      this.insertProblems(intakeId, problems);
      const after = this.settle(s.roundId, s.unit);
      const stale = after.accepted?.id !== id && after.returned?.id !== id;
      if (stale) this.sql("UPDATE intake SET outcome = 'stale' WHERE id = ?").run(intakeId);
      // What the new file replaced: the accepted one in force, or else a returned one it answers.
      const superseded = after.accepted?.id === id ? before.accepted ?? before.returned : after.returned?.id === id && !after.accepted ? before.returned : null;
      return { id, superseded, stale };
    });
  }

  /**
   * Decides which of a unit's submissions are in force, by the time each was received:
   * - the latest accepted one holds the unit's answers until a later *accepted* one replaces it;
   * - the latest returned one stays open (退回, or 重报被退回 beside an accepted one) only when nothing accepted
   *   came after it; a returned file takes nothing away from an accepted one.
   * Every other submission is history, pointing at the one that replaced it.
   */
  private settle(roundId: string, unit: string): { accepted: Pick<Submission, 'id'> | null; returned: Pick<Submission, 'id'> | null } {
    // Only what deciding needs, not whole submissions: this runs once for every file recorded.
    const all = (this.sql('SELECT id, outcome, received_at, superseded_by FROM submissions WHERE round_id = ? AND unit = ? ORDER BY id').all(roundId, unit) as {
      id: number;
      outcome: Submission['outcome'];
      received_at: string;
      superseded_by: number | null;
    }[]).map((r) => ({ id: r.id, outcome: r.outcome, receivedAt: r.received_at, supersededBy: r.superseded_by }));
    type Row = (typeof all)[number];
    const later = (a: Row, b: Row) => (a.receivedAt === b.receivedAt ? a.id > b.id : a.receivedAt > b.receivedAt);
    let accepted: Row | null = null;
    let returned: Row | null = null;
    for (const x of all) {
      if (x.outcome === 'accepted' && (!accepted || later(x, accepted))) accepted = x;
      if (x.outcome === 'returned' && (!returned || later(x, returned))) returned = x;
    }
    if (returned && accepted && !later(returned, accepted)) returned = null;
    const replacement = accepted ?? returned;
    const update = this.sql('UPDATE submissions SET superseded_by = ? WHERE id = ?');
    for (const x of all) {
      const open = x.id === accepted?.id || x.id === returned?.id;
      const pointer = open ? null : replacement!.id;
      if (x.supersededBy !== pointer) update.run(pointer, x.id);
    }
    return { accepted, returned };
  }

  /** The unit's accepted submission in force, and a returned one that came after it (or alone). */
  inForce(roundId: string, unit: string): { accepted: Submission | null; returned: Submission | null } {
    const open = (this.sql('SELECT * FROM submissions WHERE round_id = ? AND unit = ? AND superseded_by IS NULL ORDER BY id').all(roundId, unit) as Record<string, unknown>[]).map(toSubmission);
    return { accepted: open.find((x) => x.outcome === 'accepted') ?? null, returned: open.find((x) => x.outcome === 'returned') ?? null };
  }

  /** Every submission in force for a round: per unit, its accepted one and a later returned one, when there are. */
  currentSubmissions(roundId: string): Submission[] {
    return (this.sql('SELECT * FROM submissions WHERE round_id = ? AND superseded_by IS NULL ORDER BY unit').all(roundId) as Record<string, unknown>[]).map(toSubmission);
  }

  /**
   * What the receipts of a round rest on, per submission in force: only the columns a receipt shows, parsed through
   * the same schema's fields, so that status on a round of thousands of units reads no more than it prints.
   */
  currentReceipts(roundId: string): SubmissionReceipt[] {
    return (this.sql('SELECT id, unit, outcome, received_at, reporter, phone FROM submissions WHERE round_id = ? AND superseded_by IS NULL ORDER BY unit').all(roundId) as Record<string, unknown>[]).map(
      toReceipt,
    );
  }

  history(roundId: string, unit: string): Submission[] {
    return (this.sql('SELECT * FROM submissions WHERE round_id = ? AND unit = ? ORDER BY id').all(roundId, unit) as Record<string, unknown>[]).map(toSubmission);
  }

  /** How many submissions each unit made for a round, in one query. */
  submissionCounts(roundId: string): Map<string, number> {
    const rows = this.sql('SELECT unit, COUNT(*) AS n FROM submissions WHERE round_id = ? GROUP BY unit').all(roundId) as { unit: string; n: number }[];
    return new Map(rows.map((r) => [r.unit, r.n]));
  }

  /** How many errors each submission in force of a round has, in one query (submissions without any are absent). */
  errorCounts(roundId: string): Map<number, number> {
    const rows = this.sql(
      `SELECT s.id, COUNT(*) AS n FROM submissions s JOIN problems p ON p.intake_id = s.intake_id
       WHERE s.round_id = ? AND s.superseded_by IS NULL AND p.severity = 'error' GROUP BY s.id`,
    ).all(roundId) as { id: number; n: number }[];
    return new Map(rows.map((r) => [r.id, r.n]));
  }

  entries(submissionId: number): Entry[] {
    return (this.sql('SELECT * FROM entries WHERE submission_id = ? ORDER BY rowid').all(submissionId) as Record<string, unknown>[]).map(toEntry);
  }

  problemsOf(submissionId: number): Problem[] {
    return this.sql('SELECT p.file, p.sheet, p.cell, p.rule, p.severity, p.message FROM problems p JOIN submissions s ON s.intake_id = p.intake_id WHERE s.id = ? ORDER BY p.id')
      .all(submissionId)
      .map((r) => Problem.parse(r));
  }

  /** Files received for a round that never became a submission. */
  refusedFiles(roundId: string): Intake[] {
    return (this.sql("SELECT * FROM intake WHERE round_id = ? AND outcome IN ('refused', 'unusable') ORDER BY id").all(roundId) as Record<string, unknown>[]).map(toIntake);
  }

  /**
   * The latest accepted answers of each unit for a plan, clause by clause, from the rounds issued before `roundId`:
   * what pre-fills a round's workbooks, and what its stagnation is measured against. By issue time, not by period:
   * the 年终 round spans the whole year, yet follows the Q3 round issued before it.
   */
  latestAcceptedBefore(planId: string, roundId: string): Map<string, Map<string, Entry>> {
    // Rounds of the plan issued before this one, by issue time (rowid breaks a tie of the same millisecond). A round
    // not yet registered is being issued now: every round of the plan precedes it.
    const rows = this.sql(
        `SELECT s.id, s.unit FROM submissions s JOIN rounds r ON r.id = s.round_id LEFT JOIN rounds c ON c.id = ?
         WHERE r.plan_id = ? AND r.id <> ? AND s.outcome = 'accepted' AND s.superseded_by IS NULL
           AND (c.id IS NULL OR r.created_at < c.created_at OR (r.created_at = c.created_at AND r.rowid < c.rowid))
         ORDER BY r.created_at, r.rowid, s.id`,
      )
      .all(roundId, planId, roundId) as { id: number; unit: string }[];
    const result = new Map<string, Map<string, Entry>>();
    for (const row of rows) {
      const byClause = result.get(row.unit) ?? new Map<string, Entry>();
      for (const e of this.entries(row.id)) byClause.set(e.clauseId, e);
      result.set(row.unit, byClause);
    }
    return result;
  }
}

/**
 * A row as the model names its fields: column `received_at` is field `receivedAt`. Columns the schema does not
 * know (`intake_id`, `submission_id`) are dropped by its parse.
 */
function camelRow(r: Record<string, unknown>): Record<string, unknown> {
  const row: Record<string, unknown> = {};
  for (const k in r) row[fieldName(k)] = r[k];
  return row;
}

/** Column names are few and rows many: each name is worked out once. */
const fieldNames = new Map<string, string>();
function fieldName(column: string): string {
  let name = fieldNames.get(column);
  if (name === undefined) {
    name = column.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
    fieldNames.set(column, name);
  }
  return name;
}

const toSubmission = (r: Record<string, unknown>): Submission => Submission.parse(camelRow(r));

const OUTCOMES = new Set<unknown>(SubmissionOutcome.options);
const ROLES = new Set<unknown>(Role.options);

/** A nullable text column as the models take it: text or NULL (a blob or a number is neither). */
const text = (v: unknown) => v === null || typeof v === 'string';

/**
 * A receipt row, checked as SubmissionReceipt would check it. `status` reads every unit's receipt at each start, and
 * zod's parse of a province's thousands of rows costs, cold, more than the rest of the command: the same checks are
 * made here, and a row that fails them goes to zod, which words the error.
 */
function toReceipt(r: Record<string, unknown>): SubmissionReceipt {
  const { id, unit, outcome, received_at: receivedAt, reporter, phone } = r;
  if (!Number.isInteger(id) || typeof unit !== 'string' || !OUTCOMES.has(outcome) || typeof receivedAt !== 'string' || !text(reporter) || !text(phone)) {
    return SubmissionReceipt.parse(camelRow(r));
  }
  return { id, unit, outcome, receivedAt, reporter, phone } as SubmissionReceipt;
}
/** An entry row, checked by hand as `toReceipt` is (each 退回重报 workbook reads its unit's every row back). */
function toEntry(r: Record<string, unknown>): Entry {
  const { clause_id: clauseId, role, status, value_text: valueText, value, progress, problems, next_steps: nextSteps } = r;
  if (typeof clauseId !== 'string' || !ROLES.has(role) || !text(status) || !text(valueText) || !(value === null || Number.isFinite(value)) || !text(progress) || !text(problems) || !text(nextSteps)) {
    return Entry.parse(camelRow(r));
  }
  return { clauseId, role, status, valueText, value, progress, problems, nextSteps } as Entry;
}
const toIntake = (r: Record<string, unknown>): Intake => Intake.parse(camelRow(r));
