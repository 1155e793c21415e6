// Generates a round's workbooks: one per responsible unit, plus a distribution list (下发清单).
// Never overwrites without --force and never deletes anything.
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { planHash, type Clause, type Plan, type Task } from '../model/plan.ts';
import type { Round } from '../model/round.ts';
import { environmentError, failedAt } from '../util/environment.ts';
import { UserError } from '../util/errors.ts';
import { UnitIndex, type UnitAssignment } from './assign.ts';
import { columnLetters } from '../workbook/cells.ts';
import { numberedFileName, workbookFileName } from '../workbook/file-name.ts';
import { FONT, HEADER_FILL, thinBorder } from '../workbook/style.ts';
import { buildWorkbook, newWorkbook, sheetProtection, type InputValues } from './workbook.ts';
import type { IssuedIndicator } from '../model/indicators.ts';
import { cellStyles, splitSheet, valueCell, WorkbookStamper } from './stamp.ts';
import { strFromU8, unzipSync } from 'fflate';
import { streamedEntry, zip } from '../util/zip.ts';

export const MARKER = '.taizhang-round.json';


export interface GenerateOptions {
  plan: Plan;
  round: Round;
  outDir: string;
  force?: boolean;
  password?: string;
  contact?: string;
  /** Earlier answers to pre-fill, per unit and clause. */
  prefill?: Map<string, Map<string, InputValues>>;
  /** Each unit's 联系人及电话 for the 下发清单, from the unit registry (units/). */
  contacts?: Map<string, string>;
  /** The indicators units report in the round (model/indicators.ts): each such unit's workbook gets a 指标 sheet. */
  indicators?: IssuedIndicator[];
  /** Called after each workbook is written, with how many of how many. */
  onProgress?: (done: number, total: number) => void;
}

export interface GeneratedFile {
  unit: string;
  file: string;
  rows: number;
  lead: number;
  cooperate: number;
  prefilled: number;
  /** How many indicators the unit reports on its 指标 sheet. */
  indicators: number;
}

export interface GenerateResult {
  files: GeneratedFile[];
  unassigned: { task: Task; clause: Clause }[];
  distributionList: string;
}

export { workbookFileName } from '../workbook/file-name.ts';

/** Refuses to write into a folder holding another round's files, or over existing files, unless forced. */
async function checkOutput(outDir: string, round: Round, names: string[], force: boolean): Promise<void> {
  if (!existsSync(outDir)) return;
  const marker = join(outDir, MARKER);
  if (existsSync(marker)) {
    const previous = JSON.parse(await readFile(marker, 'utf8')) as { round: string };
    if (previous.round !== round.id && !force) {
      throw new UserError(
        `输出目录“${outDir}”中已有 ${previous.round} 轮次的调度表，为防止覆盖，未生成。`,
        `请用 -o 指定新的目录（例如 output/${round.id}），或确认无误后加 --force（只覆盖同名文件，不删除任何文件）。`,
      );
    }
  }
  const existing = new Set(await readdir(outDir));
  const clashes = names.filter((n) => existing.has(n));
  if (clashes.length && !force) {
    throw new UserError(
      `输出目录“${outDir}”中已有 ${clashes.length} 个同名调度表（如“${clashes[0]}”），未生成。`,
      '如确需重新生成并覆盖，请加 --force（只覆盖同名文件，不删除任何文件）；否则请用 -o 指定新的目录。',
    );
  }
}

/**
 * Plans the round: which units get a workbook and under what file name. Each unit's rows are worked out from the
 * index when its workbook is written, so that a province's every row is never held at once.
 */
export function planRound(plan: Plan, round: Round) {
  const index = new UnitIndex(plan);
  const named = index.units().map((unit) => ({ unit, name: workbookFileName(unit, round) }));
  // Two units whose names differ only in forbidden characters must not share a file.
  const used = new Map<string, number>();
  for (const n of named) {
    const count = (used.get(n.name) ?? 0) + 1;
    used.set(n.name, count);
    if (count > 1) n.name = numberedFileName(n.name, count);
  }
  return { named, unassigned: index.unassigned(), index };
}

export async function generateRound(o: GenerateOptions): Promise<GenerateResult> {
  const { named, unassigned, index } = planRound(o.plan, o.round);
  if (named.length === 0) {
    throw new UserError('任务清单中没有任何条目明确了责任单位，无法生成调度表。', '请先用 npx taizhang plan export / npx taizhang plan import 指定责任单位。');
  }
  await checkOutput(o.outDir, o.round, [...named.map((n) => n.name), '下发清单.xlsx'], !!o.force);
  await mkdir(o.outDir, { recursive: true });
  const protection = sheetProtection(o.password);
  const hash = planHash(o.plan);
  const stamper = await WorkbookStamper.create({ plan: o.plan, planHash: hash, round: o.round, protection, contact: o.contact });
  const files: GeneratedFile[] = [];
  for (const { unit, name } of named) {
    const assignment = index.get(unit)!;
    const indicators = o.indicators?.filter((i) => i.unit === unit) ?? [];
    // A unit that reports indicators gets its workbook, 指标 sheet and all, from exceljs (the stamper's template has
    // none): a few units of a round, not thousands.
    const bytes = indicators.length
      ? new Uint8Array(
          await buildWorkbook({ plan: o.plan, planHash: hash, round: o.round, unit: assignment, protection, contact: o.contact, values: o.prefill?.get(unit), indicators }).xlsx.writeBuffer(),
        )
      : stamper.render(assignment, o.prefill?.get(unit));
    // Written synchronously: thousands of small files, each a round trip to the thread pool when written async.
    writeWhole(join(o.outDir, name), bytes);
    files.push({ ...describe(assignment, name, o.prefill?.get(unit)), indicators: indicators.length });
    o.onProgress?.(files.length, named.length);
  }
  const distributionList = join(o.outDir, '下发清单.xlsx');
  await writeDistributionList(distributionList, o, files);
  await writeFile(join(o.outDir, MARKER), JSON.stringify({ round: o.round.id, plan: o.plan.id, planHash: hash }, null, 2)).catch((e) => {
    throw failedAt(e, join(o.outDir, MARKER));
  });
  return { files, unassigned, distributionList };
}

/**
 * Writes a workbook, or nothing: a write cut short (a full disk) would leave a truncated workbook that could be
 * sent to a unit, so it is removed, and the error names the file.
 */
function writeWhole(path: string, data: Uint8Array): void {
  try {
    writeFileSync(path, data);
  } catch (e) {
    rmSync(path, { force: true });
    const user = environmentError(failedAt(e, path));
    // The workbooks written before the failure are in the folder now: the same command again needs --force.
    throw user ? new UserError(user.message, `${user.hint ?? ''}本轮尚未登记；处理后重新生成时请加 --force，覆盖本次已写出的调度表。`) : e;
  }
}

function describe(a: UnitAssignment, file: string, values?: Map<string, InputValues>): Omit<GeneratedFile, 'indicators'> {
  return {
    unit: a.unit,
    file,
    rows: a.rows.length,
    lead: a.rows.filter((r) => r.role === '牵头').length,
    cooperate: a.rows.filter((r) => r.role === '配合').length,
    prefilled: a.rows.filter((r) => values?.has(r.clause.id)).length,
  };
}

/**
 * The 下发清单: one row per workbook. exceljs lays out the title, the header and one sample row (so the look and
 * the print setup are defined as for every other sheet); the rows are then written into the sheet's XML in the
 * sample row's styles, as the stamper does for a unit's rows. A list of thousands of units built cell by cell in
 * exceljs would hold an object per cell (150 MB for 10,000 units); this holds the text of the rows.
 */
async function writeDistributionList(path: string, o: GenerateOptions, files: GeneratedFile[]): Promise<void> {
  const wb = newWorkbook();
  const ws = wb.addWorksheet('下发清单', { views: [{ state: 'frozen', ySplit: 2 }] });
  ws.mergeCells('A1:G1');
  ws.getCell('A1').value = `${o.round.label}重点工作调度表下发清单（报送截止：${o.round.deadline}）`;
  ws.getCell('A1').font = { name: '黑体', size: 14, bold: true };
  ws.addRow(['序号', '责任单位', '文件名', '条目数', '牵头条目', '配合条目', '联系人及电话']);
  // The sample row: its values are replaced, its styles given to every row of the list.
  ws.addRow([1, '', '', 0, 0, 0, '']);
  [6, 32, 48, 8, 10, 10, 20].forEach((w, i) => (ws.getColumn(i + 1).width = w));
  for (const n of [2, 3]) {
    ws.getRow(n).eachCell({ includeEmpty: true }, (cell) => {
      cell.font = { ...FONT, bold: n === 2 };
      cell.border = thinBorder;
      if (n === 2) cell.fill = HEADER_FILL;
    });
  }
  ws.pageSetup = { paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '2:2' };
  const parts = unzipSync(new Uint8Array(await wb.xlsx.writeBuffer()));
  const sheetName = 'xl/worksheets/sheet1.xml';
  if (!parts[sheetName]) throw new Error('distribution list template without its sheet');
  const { head, rows, tail } = splitSheet(strFromU8(parts[sheetName]!));
  const sample = /<row r="3"([^>]*)>.*?<\/row>/s.exec(rows);
  if (!sample) throw new Error('distribution list template without its sample row');
  const styles = cellStyles(sample[0]);
  const row = (f: GeneratedFile, i: number) => {
    const r = i + 3;
    const values = [i + 1, f.unit, f.file, f.rows, f.lead, f.cooperate, o.contacts?.get(f.unit) ?? ''];
    return `<row r="${r}"${sample[1]}>${values.map((v, c) => valueCell(`${columnLetters(c + 1)}${r}`, styles.get(columnLetters(c + 1)) ?? '', v)).join('')}</row>`;
  };
  // The sheet is deflated a few hundred rows at a time: its whole text is never held.
  function* pieces(): Generator<string> {
    yield head.replace(/<dimension ref="[^"]*"\/>/, `<dimension ref="A1:G${files.length + 2}"/>`) + rows.slice(0, sample!.index);
    for (let i = 0; i < files.length; i += LIST_ROWS_AT_ONCE) yield files.slice(i, i + LIST_ROWS_AT_ONCE).map((f, k) => row(f, i + k)).join('');
    yield tail;
  }
  const sheet = await streamedEntry(sheetName, pieces());
  writeWhole(path, zip(Object.entries(parts).map(([name, data]) => (name === sheetName ? sheet : { name, data, deflate: true }))));
}

/** Rows of the 下发清单 made and deflated together. */
const LIST_ROWS_AT_ONCE = 500;
