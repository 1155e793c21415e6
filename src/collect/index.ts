// Collects returned workbooks for a round: identifies each by its content, validates it, archives the original
// unchanged and records it in the ledger; a unit with problems gets a receipt and a 退回重报 workbook.
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, extname, join } from 'node:path';
import type { Ledger } from '../ledger/ledger.ts';
import type { Plan } from '../model/plan.ts';
import type { Problem, Submission } from '../model/submission.ts';
import { assignUnits, safeFileName, type UnitAssignment, type UnitRow } from '../sheets/assign.ts';
import { FORMAT, TRACKING_SHEET } from '../sheets/layout.ts';
import { WorkbookStamper } from '../sheets/stamp.ts';
import { inputValuesOf, sheetProtection, type InputValues } from '../sheets/workbook.ts';
import { writeFileAtomicSync } from '../util/files.ts';
import { sha256 } from '../util/hash.ts';
import { readReturned, runReader, type ReadOutcome, type Reader, type Refusal } from './pool.ts';
import type { ReadWorkbook } from './read.ts';
import { enumerateSources, Skipped, UnusableFile, type SourceFile } from './sources.ts';
import { identityProblems, issuedRows, validateSubmission, type IssuedRows, type ValidationResult } from './validate.ts';

export type FileOutcome =
  | { kind: 'accepted'; unit: string; rows: number; warnings: number; superseded: boolean }
  | { kind: 'returned'; unit: string; problems: Problem[]; returnWorkbook: string; receipt: string }
  | { kind: 'stale'; unit: string }
  | { kind: 'duplicate'; unit: string | null }
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
}

/** A plan version as every file of a run is checked against it, worked out once per version rather than once per file. */
interface PlanVersion {
  plan: Plan;
  hash: string;
  units: Map<string, UnitAssignment>;
  /** Every clause id of the plan: a row of one of them not issued to the unit was copied from another unit. */
  clauseIds: Set<string>;
}

export class RunCache {
  private versions = new Map<string, PlanVersion | null>();
  readonly expected: Set<string>;

  constructor(private ledger: Ledger, roundId: string) {
    this.expected = new Set(ledger.expected(roundId).map((e) => e.unit));
  }

  version(hash: string): PlanVersion | null {
    if (!this.versions.has(hash)) {
      const plan = this.ledger.planByHash(hash);
      this.versions.set(
        hash,
        plan ? { plan, hash, units: new Map(assignUnits(plan).assignments.map((a) => [a.unit, a])), clauseIds: new Set(plan.tasks.flatMap((t) => t.clauses.map((c) => c.id))) } : null,
      );
    }
    return this.versions.get(hash)!;
  }

  private stampers = new Map<string, Promise<WorkbookStamper>>();

  /** The template 退回重报 workbooks of a plan version are stamped from, built once per version and contact. */
  returnStamper(version: PlanVersion, round: LedgerRound, contact: string | undefined): Promise<WorkbookStamper> {
    const key = `${version.hash}\u0000${contact ?? ''}`;
    if (!this.stampers.has(key)) {
      this.stampers.set(key, WorkbookStamper.create({ plan: version.plan, planHash: version.hash, round, protection: sheetProtection(), contact, returned: true }));
    }
    return this.stampers.get(key)!;
  }
}

type LedgerRound = ReturnType<Ledger['requireRound']>;

export async function collect(o: CollectOptions): Promise<CollectEvent[]> {
  const round = o.ledger.requireRound(o.roundId);
  const cache = new RunCache(o.ledger, round.id);
  const events: CollectEvent[] = [];
  const emit = (event: CollectEvent) => {
    events.push(event);
    o.onFile?.(event);
  };
  // A run killed between recording a returned file and writing its 退回重报 workbook left the ledger ahead of the
  // disk: what the ledger says should exist is written again before anything new is taken in.
  for (const rebuilt of await rebuildDerived(o.ledger, round, o.outDir, cache)) emit(rebuilt);
  // Files are loaded, hashed and read a few ahead of the one being recorded (on reader threads when asked for),
  // and recorded strictly in the order they were found. What is held ahead is bounded
  // by count and by bytes, so memory does not grow with the number of files.
  const reader = runReader();
  const window: Pending[] = [];
  const held = () => window.reduce((sum, p) => sum + p.size, 0);
  const run = async (item: Pending) => {
    emit({ file: item.source.display, outcome: await collectOne(o, round, item, cache) });
  };
  try {
    for await (const source of enumerateSources(o.paths)) {
      window.push(ahead(o, round, source, reader));
      while (window.length > 1 && (window.length > AHEAD || held() > AHEAD_BYTES)) await run(window.shift()!);
    }
    while (window.length) await run(window.shift()!);
  } finally {
    // Files started but not recorded (a bug stopped the run) are simply not taken; nothing was written for them.
    for (const p of window) p.prepared.catch(() => undefined);
    await reader.close();
  }
  return events;
}

/**
 * Files loaded and read ahead of the one being recorded, and the bytes they may hold together (besides the first):
 * enough to keep a reader thread busy while the main thread records; more only holds memory.
 */
const AHEAD = 3;
const AHEAD_BYTES = 32 * 1024 * 1024;

/** A file on its way: loaded, hashed and, unless the ledger already has it, being read. */
interface Pending {
  source: SourceFile;
  /** Bytes held, once loaded. */
  size: number;
  prepared: Promise<{ bytes: Uint8Array; digest: string; read: Promise<ReadOutcome> | null }>;
}

function ahead(o: CollectOptions, round: LedgerRound, source: SourceFile, reader: Reader): Pending {
  const pending: Pending = { source, size: 0, prepared: null! };
  pending.prepared = source.load().then((bytes) => {
    pending.size = bytes.length;
    const digest = sha256(bytes);
    // A file the ledger already has is not read again (its turn decides, in case another run takes it meanwhile).
    const read = o.ledger.intakeOf(round.id, digest) ? null : reader.read(bytes, source.name);
    read?.catch(() => undefined); // a bug met while reading is thrown when the file's turn comes
    return { bytes, digest, read };
  });
  pending.prepared.catch(() => undefined); // a file that cannot be loaded is reported when its turn comes
  return pending;
}

/** Collecting one file is three steps: identify it, record it in the ledger, write what is derived from the record. */
async function collectOne(o: CollectOptions, round: LedgerRound, pending: Pending, cache: RunCache): Promise<FileOutcome> {
  const { source } = pending;
  let prepared: Awaited<Pending['prepared']>;
  try {
    prepared = await pending.prepared;
  } catch (e) {
    if (e instanceof Skipped) return { kind: 'skipped', reason: e.message };
    const reason = e instanceof UnusableFile ? e.message : `无法读取文件（${(e as NodeJS.ErrnoException).code === 'EACCES' ? '没有读取权限' : (e as Error).message}）`;
    return refuse(o, sha256(source.display), source, { outcome: 'unusable', reason, rule: e instanceof UnusableFile ? e.rule : 'file-unreadable' });
  }
  const { bytes, digest } = prepared;
  const seen = o.ledger.intakeOf(round.id, digest);
  if (seen) return { kind: 'duplicate', unit: seen.unit };
  const identified = identifyRead(await (prepared.read ?? readReturned(bytes, source.name)), round, cache);
  if ('refusal' in identified) return refuse(o, digest, source, identified.refusal);
  const recorded = await record(o, round, source, bytes, digest, identified);
  if (recorded.kind !== 'recorded') return recorded;
  const { submission, result } = recorded;
  if (submission.outcome === 'accepted') {
    return { kind: 'accepted', unit: submission.unit, rows: result.entries.length, warnings: result.problems.length, superseded: recorded.superseded };
  }
  const derived = await writeDerived(o.ledger, round, submission, o.outDir, cache);
  return { kind: 'returned', unit: submission.unit, problems: result.problems, ...derived };
}

export type { Refusal };

export interface Identified {
  read: ReadWorkbook;
  meta: Record<string, string>;
  unit: string;
  version: PlanVersion;
  rows: UnitRow[];
  issued: IssuedRows;
}

/**
 * Step 1: which unit's workbook this is, for this round and a registered plan version; or why it is refused. A
 * workbook whose identification, visible 填报单位 and issued rows disagree is refused here and booked to no unit.
 */
export async function identify(bytes: Uint8Array, name: string, round: LedgerRound, cache: RunCache): Promise<Identified | { refusal: Refusal }> {
  return identifyRead(await readReturned(bytes, name), round, cache);
}

/** The same, given the file already read (on a reader thread or here). */
function identifyRead(outcome: ReadOutcome, round: LedgerRound, cache: RunCache): Identified | { refusal: Refusal } {
  if ('refusal' in outcome) return outcome;
  const refused = (reason: string, rule: string, outcome: Refusal['outcome'] = 'refused') => ({ refusal: { outcome, reason, rule } });
  const { read } = outcome;
  const meta = read.meta;
  if (!meta || meta.format !== FORMAT) return refused('不是本系统下发的调度表（缺少识别信息），请在下发的原表中填写后报送', 'not-taizhang');
  if (meta.round !== round.id) return refused(`这是 ${meta.round} 轮次的调度表（${meta.unit}），本次收集的是 ${round.id}，未收取`, 'wrong-round');
  if (meta.plan_id !== round.planId) return refused(`这是另一项工作任务的调度表（《${meta.plan_title}》），不属于本轮收集的任务，未收取`, 'wrong-plan');
  const version = cache.version(meta.plan_hash ?? '');
  if (!version) return refused('调度表版本未在台账中登记（可能由其他电脑生成），请使用本轮下发的调度表', 'unknown-version');
  const unit = meta.unit ?? '';
  const assignment = version.units.get(unit);
  if (!cache.expected.has(unit) || !assignment) return refused(`“${unit}”不在本轮下发清单中，未收取`, 'unknown-unit');
  const issued = issuedRows(version.plan, assignment.rows);
  const identity = identityProblems(read, unit, version.plan, assignment.rows, issued, version.clauseIds);
  if (identity.length) {
    return refused(`身份不符，未收取：${identity.join('；')}。请使用下发给本单位的原表填写，勿从其他单位的表格复制内容或修改填报单位`, 'identity-mismatch');
  }
  return { read, meta, unit, version, rows: assignment.rows, issued };
}

type Recorded =
  | { kind: 'recorded'; submission: Submission; result: ValidationResult; superseded: boolean }
  | { kind: 'stale'; unit: string }
  | { kind: 'duplicate'; unit: string };

/**
 * Step 2: validates an identified workbook, archives the original unchanged and records it in one ledger
 * transaction. The archive copy is written first: an interrupted run leaves at most an unreferenced copy, never a
 * ledger row without its file.
 */
export async function record(o: Pick<CollectOptions, 'ledger' | 'now' | 'receivedAt'>, round: LedgerRound, source: SourceFile, bytes: Uint8Array, digest: string, id: Identified): Promise<Recorded> {
  const { ledger } = o;
  const result = validateSubmission(id.read, source.display, id.version.plan, id.rows, id.issued);
  const outcome = result.problems.some((p) => p.severity === 'error') ? 'returned' : 'accepted';
  const archivePath = join(ledger.archiveDir, safeFileName(round.id), `${digest}${extname(source.name).toLowerCase() || '.xlsx'}`);
  if (!existsSync(archivePath)) {
    mkdirSync(dirname(archivePath), { recursive: true });
    // Two collects may take the same file at once: each writes its own temporary copy, and either rename wins.
    writeFileAtomicSync(archivePath, bytes);
  }
  const submission = {
    roundId: round.id,
    unit: id.unit,
    planHash: id.meta.plan_hash!,
    sha256: digest,
    originalPath: source.display,
    archivePath,
    fileTime: source.mtime.toISOString(),
    receivedAt: receivedAtOf(o, source).toISOString(),
    outcome,
    reporter: id.read.header.reporter || null,
    phone: id.read.header.phone || null,
    fillDate: id.read.header.date || null,
    contact: id.meta.contact || null,
  } as const;
  const recorded = ledger.recordSubmission(submission, result.entries, result.problems);
  if (!recorded) return { kind: 'duplicate', unit: id.unit };
  if (recorded.stale) return { kind: 'stale', unit: id.unit };
  return { kind: 'recorded', submission: { ...submission, id: recorded.id, supersededBy: null }, result, superseded: !!recorded.superseded };
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
export async function writeDerived(ledger: Ledger, round: LedgerRound, submission: Submission, outDir: string, cache: RunCache): Promise<{ returnWorkbook: string; receipt: string }> {
  const paths = derivedPaths(outDir, submission.unit, round.id);
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
  const stamper = await cache.returnStamper(version, round, submission.contact || undefined);
  const bytes = stamper.render(assignment, values, {
    header: { reporter: submission.reporter ?? '', phone: submission.phone ?? '', date: submission.fillDate ?? '' },
    problems: cellProblems,
    notice: `退回重报：本表有 ${errors.length} 处问题（红色单元格，鼠标移上可查看批注），请修改后于 ${round.deadline} 前重新报送。`,
  });
  mkdirSync(dirname(paths.returnWorkbook), { recursive: true });
  // Written whole or not at all: a half-written workbook would look present to the next run and never be rebuilt.
  writeFileAtomicSync(paths.returnWorkbook, bytes);
  writeFileAtomicSync(paths.receipt, receiptText(submission.unit, round.label, submission.originalPath, submission.sha256, errors, round.deadline));
  return paths;
}

/** Rebuilds the 退回重报 workbook and receipt of every returned submission in force whose files are missing. */
async function rebuildDerived(ledger: Ledger, round: LedgerRound, outDir: string, cache: RunCache): Promise<CollectEvent[]> {
  const events: CollectEvent[] = [];
  for (const submission of ledger.currentSubmissions(round.id)) {
    if (submission.outcome !== 'returned') continue;
    const paths = derivedPaths(outDir, submission.unit, round.id);
    if (existsSync(paths.returnWorkbook) && existsSync(paths.receipt)) continue;
    await writeDerived(ledger, round, submission, outDir, cache);
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

function refuse(o: CollectOptions, digest: string, source: SourceFile, r: Refusal): FileOutcome {
  const problem: Problem = { file: source.display, sheet: '-', cell: '-', rule: r.rule, severity: 'error', message: r.reason };
  o.ledger.recordIntake(o.roundId, digest, source.display, r.outcome, null, [problem], o.now?.());
  return { kind: r.outcome, reason: r.reason };
}

export function receiptText(unit: string, label: string, file: string, digest: string, problems: Problem[], deadline: string): string {
  const lines = [
    '调度表报送回执',
    '',
    `报送单位：${unit}`,
    `报送轮次：${label}`,
    `收到文件：${file}（校验码 ${digest.slice(0, 12)}）`,
    `处理结果：退回重报（共 ${problems.length} 处问题）`,
    '',
    '问题清单：',
    ...problems.map((p, i) => `${i + 1}. ${p.sheet} ${p.cell}：${p.message}`),
    '',
    `请在随附的“退回重报”表中按红色单元格的批注修改，于 ${deadline} 前重新报送。文件名可以修改，系统按表格内容识别。`,
  ];
  return lines.join('\n') + '\n';
}
