// Generates a round's workbooks: one per responsible unit, plus a distribution list (下发清单).
// Never overwrites without --force and never deletes anything.
import { existsSync, writeFileSync } from 'node:fs';
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { planHash, type Clause, type Plan, type Task } from '../model/plan.ts';
import type { Round } from '../model/round.ts';
import { UserError } from '../util/errors.ts';
import { assignUnits, safeFileName, type UnitAssignment } from './assign.ts';
import { FONT, HEADER_FILL, thinBorder } from './style.ts';
import { newWorkbook, sheetProtection, type InputValues } from './workbook.ts';
import { WorkbookStamper } from './stamp.ts';

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
}

export interface GenerateResult {
  files: GeneratedFile[];
  unassigned: { task: Task; clause: Clause }[];
  distributionList: string;
}

export function workbookFileName(unit: string, round: Round): string {
  return `${safeFileName(unit)}_${round.id}_调度表.xlsx`;
}

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

/** Plans the round: which unit gets which rows and under what file name. */
export function planRound(plan: Plan, round: Round) {
  const { assignments, unassigned } = assignUnits(plan);
  const named = assignments.map((a) => ({ assignment: a, name: workbookFileName(a.unit, round) }));
  // Two units whose names differ only in forbidden characters must not share a file.
  const used = new Map<string, number>();
  for (const n of named) {
    const count = (used.get(n.name) ?? 0) + 1;
    used.set(n.name, count);
    if (count > 1) n.name = n.name.replace(/_调度表\.xlsx$/, `_${count}_调度表.xlsx`);
  }
  return { named, unassigned };
}

export async function generateRound(o: GenerateOptions): Promise<GenerateResult> {
  const { named, unassigned } = planRound(o.plan, o.round);
  if (named.length === 0) {
    throw new UserError('任务清单中没有任何条目明确了责任单位，无法生成调度表。', '请先用 taizhang plan export / plan import 指定责任单位。');
  }
  await checkOutput(o.outDir, o.round, [...named.map((n) => n.name), '下发清单.xlsx'], !!o.force);
  await mkdir(o.outDir, { recursive: true });
  const protection = sheetProtection(o.password);
  const hash = planHash(o.plan);
  const files = named.map(({ assignment, name }) => describe(assignment, name, o.prefill?.get(assignment.unit)));
  const stamper = await WorkbookStamper.create({ plan: o.plan, planHash: hash, round: o.round, protection, contact: o.contact });
  let done = 0;
  for (const { assignment, name } of named) {
    // Written synchronously: thousands of small files, each a round trip to the thread pool when written async.
    writeFileSync(join(o.outDir, name), stamper.render(assignment, o.prefill?.get(assignment.unit)));
    o.onProgress?.(++done, named.length);
  }
  const distributionList = join(o.outDir, '下发清单.xlsx');
  await writeDistributionList(distributionList, o, files);
  await writeFile(join(o.outDir, MARKER), JSON.stringify({ round: o.round.id, plan: o.plan.id, planHash: hash }, null, 2));
  return { files, unassigned, distributionList };
}

function describe(a: UnitAssignment, file: string, values?: Map<string, InputValues>): GeneratedFile {
  return {
    unit: a.unit,
    file,
    rows: a.rows.length,
    lead: a.rows.filter((r) => r.role === '牵头').length,
    cooperate: a.rows.filter((r) => r.role === '配合').length,
    prefilled: a.rows.filter((r) => values?.has(r.clause.id)).length,
  };
}

async function writeDistributionList(path: string, o: GenerateOptions, files: GeneratedFile[]): Promise<void> {
  const wb = newWorkbook();
  const ws = wb.addWorksheet('下发清单', { views: [{ state: 'frozen', ySplit: 2 }] });
  ws.mergeCells('A1:G1');
  ws.getCell('A1').value = `${o.round.label}重点工作调度表下发清单（报送截止：${o.round.deadline}）`;
  ws.getCell('A1').font = { name: '黑体', size: 14, bold: true };
  const header = ['序号', '责任单位', '文件名', '条目数', '牵头条目', '配合条目', '联系人及电话'];
  ws.addRow(header);
  files.forEach((f, i) => ws.addRow([i + 1, f.unit, f.file, f.rows, f.lead, f.cooperate, '']));
  [6, 32, 48, 8, 10, 10, 20].forEach((w, i) => (ws.getColumn(i + 1).width = w));
  ws.eachRow((row, n) => {
    if (n < 2) return;
    row.eachCell({ includeEmpty: true }, (cell) => {
      cell.font = { ...FONT, bold: n === 2 };
      cell.border = thinBorder;
      if (n === 2) cell.fill = HEADER_FILL;
    });
  });
  ws.pageSetup = { paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '2:2' };
  await wb.xlsx.writeFile(path);
}
