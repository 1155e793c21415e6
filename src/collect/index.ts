// Collects returned workbooks for a round: identifies each by its content, validates it, archives the original
// unchanged and records it in the ledger; a unit with problems gets a receipt and a 退回重报 workbook.
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { planHash as hashOf, type Plan } from '../model/plan.ts';
import type { Ledger, ProblemRecord } from '../ledger/ledger.ts';
import { assignUnits, type UnitAssignment } from '../sheets/assign.ts';
import { FORMAT, TRACKING_SHEET } from '../sheets/layout.ts';
import { buildWorkbook, inputValuesOf, sheetProtection, type InputValues } from '../sheets/workbook.ts';
import { safeFileName } from '../sheets/assign.ts';
import { writeFileAtomic } from '../util/files.ts';
import { sha256 } from '../util/hash.ts';
import { readWorkbook } from './read.ts';
import { checkUsable, enumerateSources, UnusableFile, type SourceFile } from './sources.ts';
import { identityProblems, issuedRows, validateSubmission } from './validate.ts';
import { OverLimit } from './xlsx.ts';
import { ZipProblem } from './zip.ts';

export type FileOutcome =
  | { kind: 'accepted'; unit: string; rows: number; warnings: number; superseded: boolean }
  | { kind: 'returned'; unit: string; problems: ProblemRecord[]; returnWorkbook: string; receipt: string }
  | { kind: 'stale'; unit: string }
  | { kind: 'duplicate'; unit: string | null }
  | { kind: 'refused'; reason: string }
  | { kind: 'unusable'; reason: string };

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

/** What every file of a run is checked against, worked out once per plan version rather than once per file. */
class RunCache {
  private plans = new Map<string, { plan: Plan; units: Map<string, UnitAssignment> } | null>();
  readonly expected: Set<string>;

  constructor(private ledger: Ledger, roundId: string) {
    this.expected = new Set(ledger.expected(roundId).map((e) => e.unit));
  }

  version(hash: string) {
    if (!this.plans.has(hash)) {
      const plan = this.ledger.planByHash(hash);
      this.plans.set(hash, plan ? { plan, units: new Map(assignUnits(plan).assignments.map((a) => [a.unit, a])) } : null);
    }
    return this.plans.get(hash)!;
  }
}

export async function collect(o: CollectOptions): Promise<CollectEvent[]> {
  const round = o.ledger.requireRound(o.roundId);
  const cache = new RunCache(o.ledger, round.id);
  const events: CollectEvent[] = [];
  // Each file is read from disk while the one before it is checked: one file ahead, so memory stays bounded.
  let pending: { source: SourceFile; bytes: Promise<Uint8Array> } | null = null;
  const ahead = (source: SourceFile) => {
    const bytes = source.load();
    bytes.catch(() => undefined); // its failure is reported when the file's turn comes
    return { source, bytes };
  };
  const run = async (item: { source: SourceFile; bytes: Promise<Uint8Array> }) => {
    const outcome = await collectOne(o, round, item.source, cache, item.bytes);
    const event = { file: item.source.display, outcome };
    events.push(event);
    o.onFile?.(event);
  };
  for await (const source of enumerateSources(o.paths)) {
    const next = ahead(source);
    if (pending) await run(pending);
    pending = next;
  }
  if (pending) await run(pending);
  return events;
}

async function collectOne(o: CollectOptions, round: ReturnType<Ledger['requireRound']>, source: SourceFile, cache: RunCache, loading: Promise<Uint8Array>): Promise<FileOutcome> {
  const { ledger } = o;
  let bytes: Uint8Array;
  try {
    bytes = await loading;
  } catch (e) {
    const reason = e instanceof UnusableFile ? e.message : `无法读取文件（${(e as Error).message}）`;
    return refuse(o, 'unusable', sha256(source.display), source, reason, e instanceof UnusableFile ? e.rule : 'file-unreadable');
  }
  const digest = sha256(bytes);
  const seen = ledger.intakeOf(round.id, digest);
  if (seen) return { kind: 'duplicate', unit: seen.unit };
  try {
    await checkUsable(bytes, source.name);
  } catch (e) {
    if (!(e instanceof UnusableFile)) throw e;
    return refuse(o, 'unusable', digest, source, e.message, e.rule);
  }
  let read;
  try {
    read = await readWorkbook(bytes);
  } catch (e) {
    // A file over a limit or with a damaged structure says so in its own words; anything else the reader met is
    // still the file's problem, reported with the reader's message.
    if (e instanceof OverLimit || e instanceof ZipProblem) {
      const advice = e instanceof ZipProblem ? '。请用 Excel 或 WPS 打开后重新保存再报送' : '';
      return refuse(o, 'unusable', digest, source, `${e.message}${advice}`, e.rule);
    }
    return refuse(o, 'unusable', digest, source, `工作簿内容损坏，无法读取（${(e as Error).message.slice(0, 120)}）。请用 Excel 或 WPS 打开后重新保存再报送`, 'reader-crash');
  }
  const meta = read.meta;
  if (!meta || meta.format !== FORMAT) {
    return refuse(o, 'refused', digest, source, '不是本系统下发的调度表（缺少识别信息），请在下发的原表中填写后报送', 'not-taizhang');
  }
  if (meta.round !== round.id) {
    return refuse(o, 'refused', digest, source, `这是 ${meta.round} 轮次的调度表（${meta.unit}），本次收集的是 ${round.id}，未收取`, 'wrong-round');
  }
  if (meta.plan_id !== round.planId) {
    return refuse(o, 'refused', digest, source, `这是另一项工作任务的调度表（《${meta.plan_title}》），不属于本轮收集的任务，未收取`, 'wrong-plan');
  }
  const version = cache.version(meta.plan_hash ?? '');
  if (!version) {
    return refuse(o, 'refused', digest, source, '调度表版本未在台账中登记（可能由其他电脑生成），请使用本轮下发的调度表', 'unknown-version');
  }
  const { plan } = version;
  const unit = meta.unit ?? '';
  const unitRows = version.units.get(unit);
  if (!cache.expected.has(unit) || !unitRows) {
    return refuse(o, 'refused', digest, source, `“${unit}”不在本轮下发清单中，未收取`, 'unknown-unit');
  }
  const issued = issuedRows(plan, unitRows.rows);
  const identity = identityProblems(read, unit, plan, unitRows.rows, issued);
  if (identity.length) {
    return refuse(o, 'refused', digest, source, `身份不符，未收取：${identity.join('；')}。请使用下发给本单位的原表填写，勿从其他单位的表格复制内容或修改填报单位`, 'identity-mismatch');
  }
  const result = validateSubmission(read, source.display, plan, unitRows.rows, issued);
  const errors = result.problems.filter((p) => p.severity === 'error');
  const outcome = errors.length ? 'returned' : 'accepted';

  // The original is archived unchanged before the ledger points at it; an interrupted run leaves at most an
  // unreferenced copy, never a ledger row without its file.
  const archivePath = join(ledger.archiveDir, safeFileName(round.id), `${digest}${extname(source.name).toLowerCase() || '.xlsx'}`);
  if (!existsSync(archivePath)) {
    await mkdir(join(ledger.archiveDir, safeFileName(round.id)), { recursive: true });
    // Two collects may take the same file at once: each writes its own temporary copy, and either rename wins.
    await writeFileAtomic(archivePath, bytes);
  }
  const recorded = ledger.recordSubmission(
    {
      roundId: round.id,
      unit,
      planHash: meta.plan_hash!,
      sha256: digest,
      originalPath: source.display,
      archivePath,
      fileTime: source.mtime.toISOString(),
      receivedAt: receivedAtOf(o, source).toISOString(),
      outcome,
      reporter: read.header.reporter || null,
      phone: read.header.phone || null,
      fillDate: read.header.date || null,
    },
    result.entries,
    result.problems,
  );
  if (!recorded) return { kind: 'duplicate', unit };
  if (recorded.stale) return { kind: 'stale', unit };
  if (outcome === 'accepted') {
    return { kind: 'accepted', unit, rows: result.entries.length, warnings: result.problems.length, superseded: !!recorded.superseded };
  }
  // A returned workbook: the unit's own answers, failing cells highlighted with a comment on each.
  const dir = join(o.outDir, '退回重报');
  await mkdir(dir, { recursive: true });
  const values = new Map<string, InputValues>();
  for (const e of result.entries) values.set(e.clauseId, inputValuesOf(e));
  const cellProblems = new Map<string, string>();
  for (const p of errors) {
    if (p.sheet !== TRACKING_SHEET || !/^[A-Z]+\d+$/.test(p.cell)) continue;
    // Problems of moved rows are shown where the row belongs in the fresh workbook.
    cellProblems.set(p.cell, cellProblems.has(p.cell) ? `${cellProblems.get(p.cell)}\n${p.message}` : p.message);
  }
  const returnWorkbook = join(dir, `退回重报_${safeFileName(unit)}_${round.id}.xlsx`);
  const wb = buildWorkbook({
    plan,
    planHash: hashOf(plan),
    round,
    unit: unitRows,
    protection: sheetProtection(),
    values,
    header: { reporter: read.header.reporter, phone: read.header.phone, date: read.header.date },
    problems: cellProblems,
    contact: meta.contact || undefined,
    notice: `退回重报：本表有 ${errors.length} 处问题（红色单元格，鼠标移上可查看批注），请修改后于 ${round.deadline} 前重新报送。`,
  });
  await wb.xlsx.writeFile(returnWorkbook);
  const receipt = join(dir, `回执_${safeFileName(unit)}_${round.id}.txt`);
  await writeFile(receipt, receiptText(unit, round.label, source.display, digest, errors, round.deadline));
  return { kind: 'returned', unit, problems: result.problems, returnWorkbook, receipt };
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

function refuse(o: CollectOptions, outcome: 'refused' | 'unusable', digest: string, source: SourceFile, reason: string, rule: string): FileOutcome {
  const problem: ProblemRecord = { file: source.display, sheet: '-', cell: '-', rule, severity: 'error', message: reason };
  o.ledger.recordIntake(o.roundId, digest, source.display, outcome, null, [problem], o.now?.());
  return { kind: outcome, reason };
}

export function receiptText(unit: string, label: string, file: string, digest: string, problems: ProblemRecord[], deadline: string): string {
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
