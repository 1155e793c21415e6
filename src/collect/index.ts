// Collects returned workbooks for a round: identifies each by its content, validates it, archives the original
// unchanged and records it in the ledger; a unit with problems gets a receipt and a 退回重报 workbook.
import { existsSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import type { Ledger } from '../ledger/ledger.ts';
import type { Intake, Problem, Submission } from '../model/submission.ts';
import { safeFileName } from '../sheets/assign.ts';
import { TRACKING_SHEET } from '../sheets/layout.ts';
import { returnStamper, type WorkbookStamper } from '../sheets/stamp.ts';
import { buildWorkbook, inputValuesOf, sheetProtection, type InputValues } from '../sheets/workbook.ts';
import { INDICATOR_SHEET } from '../workbook/layout.ts';
import { removeLeftoverParts, writeFileAtomicSync } from '../util/files.ts';
import { sha256 } from '../util/hash.ts';
import { beijingToday } from '../util/time.ts';
import { readableForm } from './convert.ts';
import { planVersion, type Judged, type Judgement, type PlanVersion, type RunFacts } from './judge.ts';
import { readAndJudge, runReader, type Reader, type Ticket } from './pool.ts';
import type { Refusal } from './read.ts';
import { checkNotEmpty, countInputs, enumerateSources, Skipped, UnusableFile, type SourceFile } from './sources.ts';

export type FileOutcome =
  | { kind: 'accepted'; unit: string; rows: number; warnings: number; superseded: boolean }
  | { kind: 'returned'; unit: string; problems: Problem[]; returnWorkbook: string; receipt: string }
  | { kind: 'stale'; unit: string }
  /**
   * The same bytes were taken in before. `refused`: not taken then either (refused or unusable), with the reason
   * given then: nothing was booked, and the file still needs attention.
   */
  | { kind: 'duplicate'; unit: string | null; refused?: { reason: string; receivedAt: string } }
  | { kind: 'refused'; reason: string }
  | { kind: 'unusable'; reason: string }
  /** An office lock file or a system file beside the returned ones: named, not read, not booked. */
  | { kind: 'skipped'; reason: string }
  /** Not a new file: the 退回重报 workbook and receipt of a returned submission, lost to an interrupted run, written again. */
  | { kind: 'rebuilt'; unit: string; returnWorkbook: string; receipt: string };

export interface CollectEvent {
  file: string;
  outcome: FileOutcome;
}

export interface CollectOptions {
  ledger: Ledger;
  roundId: string;
  paths: string[];
  /** Where receipts and 退回重报 workbooks go. */
  outDir: string;
  onFile?: (event: CollectEvent) => void;
  /** The moment of collection; no file is taken as received later than this. Fixed in tests and demos. */
  now?: () => Date;
  /** When every file of this run arrived, for paper, USB or other deliveries whose file times say nothing. */
  receivedAt?: Date;
  /** The new date by which a returned file is to be sent again, once the round's deadline is past (`--until`). */
  until?: string;
}

/** The facts of a run on the main thread: every plan version the ledger has, looked up once each. */
export class RunCache implements RunFacts {
  private versions = new Map<string, PlanVersion | null>();
  readonly expected: Set<string>;
  readonly roundId: string;
  readonly planId: string;
  /** The digests of the files the ledger had taken in for the round when the run began: one query, not one a file. */
  readonly known: ReadonlySet<string>;

  constructor(private ledger: Ledger, round: Pick<LedgerRound, 'id' | 'planId'>) {
    this.roundId = round.id;
    this.planId = round.planId;
    this.expected = new Set(ledger.expected(round.id).map((e) => e.unit));
    this.known = ledger.intakeDigests(round.id);
  }

  version(hash: string): PlanVersion | null {
    if (!this.versions.has(hash)) {
      const plan = this.ledger.planByHash(hash);
      this.versions.set(hash, plan ? planVersion(plan, hash) : null);
    }
    return this.versions.get(hash)!;
  }

  private stampers = new Map<string, Promise<WorkbookStamper>>();

  /** The stamper of 退回重报 workbooks of a plan version, one per version and contact (kept in the ledger, see stamp.ts). */
  returnStamper(version: PlanVersion, round: LedgerRound, contact: string | undefined): Promise<WorkbookStamper> {
    const key = `${version.hash}\u0000${contact ?? ''}`;
    if (!this.stampers.has(key)) {
      this.stampers.set(key, returnStamper(this.ledger, { plan: version.plan, planHash: version.hash, round, protection: sheetProtection(), contact }));
    }
    return this.stampers.get(key)!;
  }
}

type LedgerRound = ReturnType<Ledger['requireRound']>;

export async function collect(o: CollectOptions): Promise<CollectEvent[]> {
  const round = o.ledger.requireRound(o.roundId);
  await checkNotEmpty(o.paths);
  // Temporary copies a killed run left beside the archive and the 退回重报 files (this command writes both
  // synchronously, see removeLeftoverParts).
  removeLeftoverParts(join(o.ledger.archiveDir, safeFileName(round.id)));
  removeLeftoverParts(join(o.outDir, '退回重报'));
  const cache = new RunCache(o.ledger, round);
  const events: CollectEvent[] = [];
  const emit = (event: CollectEvent) => {
    events.push(event);
    o.onFile?.(event);
  };
  // A run killed between recording a returned file and writing its 退回重报 workbook left the ledger ahead of the
  // disk: what the ledger says should exist is written again before anything new is taken in.
  for (const rebuilt of await rebuildDerived(o.ledger, round, o.outDir, cache, o)) emit(rebuilt);
  // Files are loaded, hashed and read ahead of the ones being recorded (on a reader thread where there is one),
  // and recorded strictly in the order they were found, a few in each ledger transaction. What is held ahead is
  // bounded by count and by bytes, so memory does not grow with the number of files.
  const reader = runReader(cache, round.planHash);
  const window: Pending[] = [];
  const held = () => window.reduce((sum, p) => sum + p.size, 0);
  // With a reader thread, files are loaded ahead for it to read; without, each is loaded at its turn, so that its
  // bytes are garbage within milliseconds rather than held while others are read.
  const depth = reader.threaded ? AHEAD : BATCH;
  const run = async (batch: Pending[]) => {
    for (const event of await collectBatch(o, round, batch, cache)) emit(event);
  };
  try {
    for await (const source of enumerateSources(o.paths)) {
      window.push(pending(source, reader, cache.known));
      while (window.length >= depth || (window.length > 1 && held() > AHEAD_BYTES)) await run(window.splice(0, Math.min(BATCH, window.length)));
    }
    while (window.length) await run(window.splice(0, BATCH));
  } finally {
    // Files started but not recorded (a bug stopped the run) are simply not taken: nothing was recorded for them.
    for (const p of window) p.prepared?.catch(() => undefined);
    await reader.close();
  }
  return events;
}

/**
 * Files loaded and read ahead of the ones being recorded, and the bytes they may hold together: enough to keep a
 * reader thread busy while the main thread records a batch and writes its 退回重报 workbooks; more only holds
 * memory.
 */
const AHEAD = 64;
const AHEAD_BYTES = 32 * 1024 * 1024;
/**
 * Files recorded in one ledger transaction: one commit for several files writes each changed page once, not once a
 * file. Only judged files are recorded together, in one synchronous step: no transaction stays open while the
 * run waits for anything, so another connection (a second collect, the 工作台) never waits for more than that step.
 */
const BATCH = 8;

/** A file on its way: once started, loaded, hashed and, unless the ledger already has it, handed to the reader. */
interface Pending {
  source: SourceFile;
  /** Bytes held, once loaded. */
  size: number;
  start: () => Promise<Prepared>;
  /** Set once started: at once with a reader thread, at the file's turn without. */
  prepared: Promise<Prepared> | null;
}

interface Prepared {
  bytes: Uint8Array;
  digest: string;
  ticket: Ticket | null;
}

function pending(source: SourceFile, reader: Reader, known: ReadonlySet<string>): Pending {
  const p: Pending = {
    source,
    size: 0,
    start: () =>
      source.load().then(async (bytes) => {
        p.size = bytes.length;
        const digest = sha256(bytes);
        // A file the ledger had at the start is not read again. One taken since (earlier in this run, or by another
        // collect) is read, and its transaction finds it taken.
        if (known.has(digest)) return { bytes, digest, ticket: null };
        // A .xls/.et/.ods return is read as the .xlsx LibreOffice makes of it; `bytes` (the original) is archived.
        const readable = await readableForm(bytes, source.name);
        return { bytes, digest, ticket: reader.add(readable.bytes, readable.name, source.display) };
      }),
    prepared: null,
  };
  if (reader.threaded) {
    p.prepared = p.start();
    p.prepared.catch(() => undefined); // a file that cannot be loaded is reported when its turn comes
  }
  return p;
}

/** What step 1 leaves for step 2: an outcome already, a refusal to book, or a judged workbook to record. */
type Judging =
  | { kind: 'done'; outcome: FileOutcome }
  | { kind: 'refuse'; source: SourceFile; digest: string; refusal: Refusal }
  | { kind: 'record'; source: SourceFile; digest: string; archivePath: string; judged: Judged };

/**
 * Collecting a file is three steps: identify and judge it, record it in the ledger, write what is derived from the
 * record. A batch of files is judged one by one, recorded in one transaction, and only then reported: an outcome
 * shown is an outcome committed.
 */
async function collectBatch(o: CollectOptions, round: LedgerRound, batch: (Pending | null)[], cache: RunCache): Promise<CollectEvent[]> {
  const files = batch.map((p) => p!.source.display);
  const judgings: Judging[] = [];
  for (let i = 0; i < batch.length; i++) {
    judgings.push(await judgeOne(o, round, batch[i]!, cache));
    // Its bytes are archived: let them go.
    batch[i] = null;
    // A file read here is all synchronous work: a turn of the event loop lets a reader thread's answers in, and
    // gives it the next files to read.
    await new Promise(setImmediate);
  }
  const recorded = o.ledger.batch(() => judgings.map((j) => recordOne(o, round, j)));
  const events: CollectEvent[] = [];
  for (const [i, r] of recorded.entries()) {
    const file = files[i]!;
    if (!('returned' in r)) {
      events.push({ file, outcome: r });
      continue;
    }
    const derived = await writeDerived(o.ledger, round, r.returned, o.outDir, cache, o);
    events.push({ file, outcome: { kind: 'returned', unit: r.returned.unit, problems: r.problems, ...derived } });
  }
  return events;
}

async function judgeOne(o: CollectOptions, round: LedgerRound, pending: Pending, cache: RunCache): Promise<Judging> {
  const { source } = pending;
  let prepared: Prepared;
  try {
    prepared = await (pending.prepared ?? pending.start());
  } catch (e) {
    if (e instanceof Skipped) return { kind: 'done', outcome: { kind: 'skipped', reason: e.message } };
    const reason = e instanceof UnusableFile ? e.message : `无法读取文件（${readError(e as NodeJS.ErrnoException)}）`;
    return { kind: 'refuse', source, digest: sha256(source.display), refusal: { outcome: 'unusable', reason, rule: e instanceof UnusableFile ? e.rule : 'file-unreadable' } };
  }
  const { bytes, digest, ticket } = prepared;
  if (!ticket) {
    const seen = o.ledger.intakeOf(round.id, digest);
    if (seen) return { kind: 'done', outcome: takenBefore(seen) };
  }
  let judgement: Judgement;
  if (ticket) judgement = await ticket.judgement();
  else {
    try {
      const readable = await readableForm(bytes, source.name);
      judgement = await readAndJudge(readable.bytes, readable.name, source.display, cache);
    } catch (e) {
      // A conversion that failed (or could not run) is the file's own problem, as when it is loaded.
      if (e instanceof Skipped) return { kind: 'done', outcome: { kind: 'skipped', reason: e.message } };
      if (e instanceof UnusableFile) return { kind: 'refuse', source, digest, refusal: { outcome: 'unusable', reason: e.message, rule: e.rule } };
      throw e;
    }
  }
  if ('refusal' in judgement) return { kind: 'refuse', source, digest, refusal: judgement.refusal };
  return { kind: 'record', source, digest, archivePath: archive(o.ledger, round, source, bytes, digest), judged: judgement.judged };
}

/** Why the system could not read a file, in words for the coordinator; the system's code for anything rarer. */
function readError(e: NodeJS.ErrnoException): string {
  const words: Record<string, string> = {
    EACCES: '没有读取权限',
    EPERM: '没有读取权限',
    ENOENT: '文件已不存在，可能在收集时被移走或删除',
    EBUSY: '文件被其他程序占用，请关闭后重新收集',
    EISDIR: '这是文件夹',
    EIO: '磁盘读取出错',
  };
  return (e.code && words[e.code]) ?? `系统错误${e.code ? ` ${e.code}` : ''}`;
}

/** Step 2 for one file, inside its batch's transaction: a returned submission still has its derived files to come. */
function recordOne(o: CollectOptions, round: LedgerRound, j: Judging): FileOutcome | { returned: Submission; problems: Problem[] } {
  if (j.kind === 'done') return j.outcome;
  if (j.kind === 'refuse') return refuse(o, j.digest, j.source, j.refusal);
  const recorded = record(o, round, j.source, j.archivePath, j.digest, j.judged);
  if (recorded.kind !== 'recorded') return recorded;
  const { submission, superseded } = recorded;
  if (submission.outcome === 'accepted') {
    return { kind: 'accepted', unit: submission.unit, rows: j.judged.entries.length, warnings: j.judged.problems.length, superseded };
  }
  return { returned: submission, problems: j.judged.problems };
}

/** Step 1 alone, for one file's bytes: read and judged on this thread. */
export async function judgeFile(bytes: Uint8Array, source: Pick<SourceFile, 'name' | 'display'>, cache: RunCache): Promise<Judgement> {
  return readAndJudge(bytes, source.name, source.display, cache);
}

export type { Refusal };

type Recorded =
  | { kind: 'recorded'; submission: Submission; superseded: boolean }
  | { kind: 'stale'; unit: string }
  | { kind: 'duplicate'; unit: string };

/**
 * Archives the original of a judged workbook unchanged, before it is recorded: an interrupted run leaves at most an
 * unreferenced copy, never a ledger row without its file. Returns the copy's path.
 */
export function archive(ledger: Ledger, round: LedgerRound, source: SourceFile, bytes: Uint8Array, digest: string): string {
  const archivePath = join(ledger.archiveDir, safeFileName(round.id), `${digest}${extname(source.name).toLowerCase() || '.xlsx'}`);
  // Not asked whether the copy exists first: a file is new nearly always, and a copy written again is the same bytes
  // (its name is their digest). Two collects may take the same file at once: each writes its own temporary copy,
  // and either rename wins.
  writeFileAtomicSync(archivePath, bytes);
  return archivePath;
}

/** Step 2: records a judged workbook, archived first, in the ledger in one transaction. */
export function record(o: Pick<CollectOptions, 'ledger' | 'now' | 'receivedAt'>, round: LedgerRound, source: SourceFile, archivePath: string, digest: string, judged: Judged): Recorded {
  const { ledger } = o;
  const outcome = judged.problems.some((p) => p.severity === 'error') ? 'returned' : 'accepted';
  const submission = {
    roundId: round.id,
    unit: judged.unit,
    planHash: judged.planHash,
    sha256: digest,
    originalPath: source.display,
    archivePath,
    fileTime: source.mtime.toISOString(),
    receivedAt: receivedAtOf(o, source).toISOString(),
    outcome,
    reporter: judged.header.reporter || null,
    phone: judged.header.phone || null,
    fillDate: judged.header.date || null,
    contact: judged.contact,
  } as const;
  const recorded = ledger.recordSubmission(submission, judged.entries, judged.problems, judged.indicators);
  if (!recorded) return { kind: 'duplicate', unit: judged.unit };
  if (recorded.stale) return { kind: 'stale', unit: judged.unit };
  return { kind: 'recorded', submission: { ...submission, id: recorded.id, supersededBy: null }, superseded: !!recorded.superseded };
}

/** Where the 退回重报 workbook and the receipt of a unit's returned submission go. */
export function derivedPaths(outDir: string, unit: string, roundId: string): { returnWorkbook: string; receipt: string } {
  const dir = join(outDir, '退回重报');
  return {
    returnWorkbook: join(dir, `退回重报_${safeFileName(unit)}_${roundId}.xlsx`),
    receipt: join(dir, `回执_${safeFileName(unit)}_${roundId}.txt`),
  };
}

/**
 * Step 3: writes what is derived from a returned submission, from the ledger alone (its entries, problems and
 * header): the unit's own answers in a fresh workbook with each failing cell highlighted and commented, and the
 * receipt. Built from the record rather than the file, so that a later run rebuilds exactly what was lost.
 */
export async function writeDerived(
  ledger: Ledger,
  round: LedgerRound,
  submission: Submission,
  outDir: string,
  cache: RunCache,
  when: Pick<CollectOptions, 'now' | 'until'> = {},
): Promise<{ returnWorkbook: string; receipt: string }> {
  const paths = derivedPaths(outDir, submission.unit, round.id);
  const now = when.now?.() ?? new Date();
  const by = resubmitBy(round.deadline, now, when.until);
  const version = cache.version(submission.planHash);
  const assignment = version?.units.get(submission.unit);
  if (!version || !assignment) throw new Error(`ledger submission ${submission.id} names plan ${submission.planHash} or unit ${submission.unit} that the ledger lacks`);
  const problems = ledger.problemsOf(submission.id);
  const errors = problems.filter((p) => p.severity === 'error');
  const values = new Map<string, InputValues>();
  for (const e of ledger.entries(submission.id)) values.set(e.clauseId, inputValuesOf(e));
  const cellProblems = new Map<string, string>();
  for (const p of errors) {
    if (p.sheet !== TRACKING_SHEET || !/^[A-Z]+\d+$/.test(p.cell)) continue;
    // Problems of moved rows are shown where the row belongs in the fresh workbook.
    cellProblems.set(p.cell, cellProblems.has(p.cell) ? `${cellProblems.get(p.cell)}\n${p.message}` : p.message);
  }
  const header = { reporter: submission.reporter ?? '', phone: submission.phone ?? '', date: submission.fillDate ?? '' };
  const notice = `退回重报：本表有 ${errors.length} 处问题（红色单元格，鼠标移上可查看批注），${by ? `请修改后于 ${by} 前重新报送` : '请立即修改后重新报送'}。`;
  const indicators = ledger.roundIndicators(round.id).filter((i) => i.unit === submission.unit);
  let bytes: Uint8Array;
  if (indicators.length) {
    // A unit that reports indicators gets its 指标 sheet back with its own values, from exceljs (the stamper's
    // template has no such sheet): a few units of a round.
    const indicatorProblems = new Map<string, string>();
    for (const p of errors) {
      if (p.sheet !== INDICATOR_SHEET || !/^[A-Z]+\d+$/.test(p.cell)) continue;
      indicatorProblems.set(p.cell, indicatorProblems.has(p.cell) ? `${indicatorProblems.get(p.cell)}\n${p.message}` : p.message);
    }
    // As the unit wrote it (`61.5%`, `38微克/立方米`), a plain figure as a number.
    const indicatorValues = new Map(
      ledger.indicatorValues(submission.id).map((v) => [v.name, { value: v.value !== null && v.valueText === String(v.value) ? v.value : (v.valueText ?? undefined), note: v.note ?? undefined }]),
    );
    const wb = buildWorkbook({
      plan: version.plan,
      planHash: version.hash,
      round,
      unit: assignment,
      protection: sheetProtection(),
      contact: submission.contact || undefined,
      values,
      header,
      problems: cellProblems,
      notice,
      indicators,
      indicatorValues,
      indicatorProblems,
    });
    bytes = new Uint8Array(await wb.xlsx.writeBuffer());
  } else {
    const stamper = await cache.returnStamper(version, round, submission.contact || undefined);
    bytes = stamper.render(assignment, values, { header, problems: cellProblems, notice });
  }
  // Written whole or not at all: a half-written workbook would look present to the next run and never be rebuilt.
  writeFileAtomicSync(paths.returnWorkbook, bytes);
  writeFileAtomicSync(paths.receipt, receiptText(submission.unit, round.label, submission.originalPath, submission.sha256, errors, round.deadline, now, when.until));
  return paths;
}

/** Rebuilds the 退回重报 workbook and receipt of every returned submission in force whose files are missing. */
async function rebuildDerived(ledger: Ledger, round: LedgerRound, outDir: string, cache: RunCache, when: Pick<CollectOptions, 'now' | 'until'>): Promise<CollectEvent[]> {
  const events: CollectEvent[] = [];
  for (const submission of ledger.currentSubmissions(round.id)) {
    if (submission.outcome !== 'returned') continue;
    const paths = derivedPaths(outDir, submission.unit, round.id);
    if (existsSync(paths.returnWorkbook) && existsSync(paths.receipt)) continue;
    await writeDerived(ledger, round, submission, outDir, cache, when);
    events.push({ file: submission.originalPath, outcome: { kind: 'rebuilt', unit: submission.unit, ...paths } });
  }
  return events;
}

/**
 * When a file arrived, on the best evidence there is: the coordinator's word (`--received-at`), else the file's
 * own time (folder or zip entry), never later than the moment of collection. Collecting late does not make a
 * unit late.
 */
export function receivedAtOf(o: Pick<CollectOptions, 'now' | 'receivedAt'>, source: Pick<SourceFile, 'mtime'>): Date {
  if (o.receivedAt) return o.receivedAt;
  const now = o.now?.() ?? new Date();
  const own = source.mtime;
  return Number.isNaN(own.getTime()) || own.getTime() <= 0 || own > now ? now : own;
}

/** A file whose bytes the ledger has seen: taken before, or refused before and why. */
function takenBefore(intake: Intake | null): FileOutcome {
  if (intake && (intake.outcome === 'refused' || intake.outcome === 'unusable')) {
    return { kind: 'duplicate', unit: null, refused: { reason: intake.message ?? '（未记录原因）', receivedAt: intake.receivedAt } };
  }
  return { kind: 'duplicate', unit: intake?.unit ?? null };
}

function refuse(o: CollectOptions, digest: string, source: SourceFile, r: Refusal): FileOutcome {
  const problem: Problem = { file: source.display, sheet: '-', cell: '-', rule: r.rule, severity: 'error', message: r.reason };
  const booked = o.ledger.recordIntake(o.roundId, digest, source.display, r.outcome, null, [problem], o.now?.());
  // The same bytes were booked meanwhile (earlier in this run, or by another one).
  if (booked === null) return takenBefore(o.ledger.intakeOf(o.roundId, digest));
  return { kind: r.outcome, reason: r.reason };
}

/**
 * When a returned file is to be sent again, as the 退回重报 notice and the receipt say it: by the round's deadline
 * while it is not past (Beijing date of `now`), else by `until` when the coordinator gave one, else at once.
 */
export function resubmitBy(deadline: string, now: Date, until?: string): string | null {
  if (deadline >= beijingToday(now)) return deadline;
  return until ?? null;
}

/** A received file as a unit may see it: its own name, never the folder it lay in on the coordinator's computer. */
export function shownName(originalPath: string): string {
  return basename(originalPath.split(' › ').pop()!);
}

export function receiptText(unit: string, label: string, file: string, digest: string, problems: Problem[], deadline: string, now = new Date(), until?: string): string {
  const by = resubmitBy(deadline, now, until);
  const lines = [
    '调度表报送回执',
    '',
    `报送单位：${unit}`,
    `报送轮次：${label}`,
    `收到文件：${shownName(file)}（校验码 ${digest.slice(0, 12)}）`,
    `处理结果：退回重报（共 ${problems.length} 处问题）`,
    '',
    '问题清单：',
    ...problems.map((p, i) => `${i + 1}. ${p.sheet} ${p.cell}：${p.message}`),
    '',
    `请在随附的“退回重报”表中按红色单元格的批注修改，${by ? `于 ${by} 前` : '立即'}重新报送。文件名可以修改，系统按表格内容识别。`,
  ];
  return lines.join('\n') + '\n';
}
