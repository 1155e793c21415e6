// Builds one unit's tracking workbook (调度表): a guide sheet, the tracking sheet, and a hidden metadata sheet
// that lets the collector identify the file by its content whatever it is renamed to.
import type ExcelJS from 'exceljs';
import { createHash, randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import { reportingUnit } from '../model/comparator.ts';
import { displayTitle, type Plan } from '../model/plan.ts';
import type { Round } from '../model/round.ts';
import { othersOf, type UnitAssignment, type UnitRow } from './assign.ts';
import { cellOrder } from '../workbook/cells.ts';
import { indicatorsChecksum, inputsDigest, normalizeCell, rowChecksum, rowsChecksum } from '../workbook/identification.ts';
import {
  COLUMNS, FIRST_ROW, FORMAT, GUIDE_SHEET, HEADER, HEADER_ROW, LAST_COLUMN, META_HEADER, META_SHEET, STATUSES, STATUS_MEANINGS,
  INDICATOR_COLUMNS, INDICATOR_FIRST_ROW, INDICATOR_FORMAT, INDICATOR_HEADER_ROW, INDICATOR_IDENTIFICATION, INDICATOR_SHEET,
  INPUT_KEYS, TRACKING_SHEET, columnLetter, indicatorLetter, numberCheck, type IdentificationKey, type InputKey,
} from '../workbook/layout.ts';
import { numericIndicator, type IssuedIndicator } from '../model/indicators.ts';
import { FONT, HEADER_FILL, INPUT_FILL, LOCKED_FILL, PROBLEM_FILL, TITLE_FONT, addRangeValidation, rowHeight, thinBorder } from '../workbook/style.ts';

// Moved to src/workbook/; re-exported for the modules that import them from here.
export { inputsDigest, inputText, normalizeCell, rowChecksum } from '../workbook/identification.ts';
export { META_HEADER } from '../workbook/layout.ts';
export { rowHeight } from '../workbook/style.ts';

export type SheetProtection = Record<string, unknown>;

/**
 * Sheet protection computed once per run: exceljs's `protect()` hashes the password 100,000 times on every call
 * (about 200 ms), which would dominate the run at hundreds of units.
 */
export function sheetProtection(password?: string): SheetProtection {
  const base = {
    sheet: true,
    selectLockedCells: true,
    selectUnlockedCells: true,
    formatColumns: true,
    formatRows: true,
    insertRows: false,
    deleteRows: false,
    insertColumns: false,
    deleteColumns: false,
    sort: false,
    autoFilter: false,
  };
  if (!password) return base;
  const spinCount = 100000;
  const salt = randomBytes(16);
  let key = createHash('sha512').update(salt).update(Buffer.from(password, 'utf16le')).digest();
  for (let i = 0; i < spinCount; i++) {
    const iterator = Buffer.alloc(4);
    iterator.writeUInt32LE(i, 0);
    key = createHash('sha512').update(key).update(iterator).digest();
  }
  return { ...base, algorithmName: 'SHA-512', saltValue: salt.toString('base64'), spinCount, hashValue: key.toString('base64') };
}

/** Assigns precomputed protection; exceljs writes `sheetProtection` but leaves it out of its typings. */
function protect(ws: ExcelJS.Worksheet, protection: SheetProtection): void {
  (ws as unknown as { sheetProtection: SheetProtection }).sheetProtection = protection;
}

/** The values a row shows from the plan, in column order: what the checksum covers. */
export function planCells(plan: Plan, row: UnitRow): Record<string, string> {
  const chapter = plan.chapters.find((c) => c.id === row.task.chapterId);
  const targets = row.clause.targets.map((t) => t.words);
  return {
    id: row.clause.id,
    chapter: chapter ? `${chapter.number}${chapter.title}` : '',
    task: row.task.lead,
    text: row.clause.text,
    role: row.role,
    others: othersOf(row),
    deadline: row.clause.deadline?.words ?? '',
    target: targets.length > 1 ? targets.map((t, i) => `${'①②③④⑤⑥⑦⑧⑨'[i] ?? `${i + 1}.`}${t}`).join('\n') : targets[0] ?? '',
    unit: row.clause.targets[0] ? reportingUnit(row.clause.targets[0]) : '',
  };
}

/** A row's plan cells and their checksum. */
export interface IssuedRow {
  cells: Record<string, string>;
  sum: string;
}

/**
 * The plan cells and checksums of issued rows, for one plan (PlanRows). A member of a group named in a clause (and not named
 * there itself) is shown the same row as every other member, so that row is worked out once per clause, role and
 * group, however many members the group has; what is kept is bounded by the plan, not by the number of units.
 * Every other row is worked out each time it is asked for.
 */
export class PlanRows {
  private readonly shared = new Map<string, IssuedRow>();

  constructor(private readonly plan: Plan) {}

  of(row: UnitRow): IssuedRow {
    if (row.via === null || row.clause.assignments.some((a) => a.unit === row.unit)) return issuedRow(this.plan, row);
    const key = `${row.clause.id}\u0000${row.role}\u0000${row.via}`;
    let known = this.shared.get(key);
    if (!known) {
      known = issuedRow(this.plan, row);
      this.shared.set(key, known);
    }
    return known;
  }
}

function issuedRow(plan: Plan, row: UnitRow): IssuedRow {
  const cells = planCells(plan, row);
  return { cells, sum: rowChecksum(cells) };
}

export type InputValues = Partial<Record<InputKey, string | number>>;

export interface WorkbookOptions {
  plan: Plan;
  planHash: string;
  round: Round;
  unit: UnitAssignment;
  protection: SheetProtection;
  /** Whom units call with questions, shown in the guide. */
  contact?: string;
  /** Answers to pre-fill, by clause id (the unit's latest accepted answers, or its rejected ones when returned). */
  values?: Map<string, InputValues>;
  header?: { reporter?: string; phone?: string; date?: string };
  /** Cells to highlight with a comment each, in a returned workbook: `J7` → message. */
  problems?: Map<string, string>;
  /** Shown above the table in a returned workbook. */
  notice?: string;
  /** The indicators the unit reports (model/indicators.ts): a 指标 sheet is added when there are any. */
  indicators?: IssuedIndicator[];
  /** Values to pre-fill on the 指标 sheet, by indicator name (a 退回重报 workbook: the unit's own). */
  indicatorValues?: Map<string, { value?: string | number; note?: string }>;
  /** 指标 sheet cells to highlight with a comment each: `E4` → message. */
  indicatorProblems?: Map<string, string>;
}

// exceljs takes about 0.2 s to load in full. The collector needs this module's pure helpers for every file but
// builds a workbook only when one is returned, so exceljs is loaded at the first build, not at start; and only its
// Workbook class, which writes .xlsx, not the streaming reader and writer (and their zip libraries) that its main
// module loads as well: half the time.
const require = createRequire(import.meta.url);

/** An empty exceljs workbook, exceljs loaded on first use (see above). */
export function newWorkbook(): ExcelJS.Workbook {
  return new (require('exceljs/lib/doc/workbook.js') as typeof ExcelJS.Workbook)();
}

export function buildWorkbook(o: WorkbookOptions): ExcelJS.Workbook {
  const wb = newWorkbook();
  wb.creator = o.plan.issuer || 'taizhang';
  wb.title = `${o.unit.unit} ${o.round.label} 重点工作调度表`;
  addGuide(wb, o);
  addTrackingSheet(wb, o);
  if (o.indicators?.length) addIndicatorSheet(wb, o, o.indicators);
  addMeta(wb, o);
  return wb;
}

function addGuide(wb: ExcelJS.Workbook, o: WorkbookOptions): void {
  const ws = wb.addWorksheet(GUIDE_SHEET, { properties: { tabColor: { argb: 'FF4472C4' } } });
  ws.getColumn(1).width = 16;
  ws.getColumn(2).width = 90;
  const rows: [string, string][] = [
    ['填报单位', o.unit.unit],
    ['报送轮次', o.round.label],
    ['截止时间', `${o.round.deadline}（请在截止日前报送）`],
    ['联系方式', o.contact ?? `${o.plan.issuer || '牵头处室'}（如有疑问请与综合处联系）`],
    ['任务来源', `《${displayTitle(o.plan)}》`],
    ['', ''],
    ['填报方法', '1. 打开“调度表”工作表，先填写表头的填报人、联系电话、填报日期。'],
    ['', `2. 逐行填写白色单元格：${COLUMNS.filter((c) => c.input).map((c) => ('validation' in c && c.validation.type === 'list' ? `${c.header}（下拉选择）` : c.header)).join('、')}。`],
    ['', '3. “完成值”请按“完成值单位”一列所示的单位填写数字（如单位为“个”填 78，为“%”填 40 或 40%），不要填写“约”“左右”等文字；目标为“下降”“提高”的，填写已实现的降幅、增幅；有多项目标的（①②…），填写第①项的完成值，其余写入“进展情况”；没有量化目标的可不填。'],
    ['', '4. 填写完成后直接保存（可用 Excel、WPS 或 LibreOffice），文件名可以修改，按原渠道报送。'],
    ['完成状态', STATUSES.map((s) => `${s}：${STATUS_MEANINGS[s]}`).join('；')],
    ['', ''],
    ['注意事项', '1. 灰色单元格为任务内容，已锁定，请勿修改。'],
    ['', '2. 请勿插入、删除、移动行或列，请勿修改“序号”；请勿删除或重命名工作表。'],
    ['', '3. 选择“滞后”的，须在“存在问题”中说明原因；除“未启动”外，“进展情况”必须填写。'],
    ['', '4. 本表由系统根据内容识别报送单位和轮次，请勿将其他单位或其他轮次的表格内容复制到本表。'],
    ...(o.indicators?.length
      ? ([
          ['', ''],
          ['指标报送', `本单位负责报送 ${o.indicators.length} 项指标，见“${INDICATOR_SHEET}”工作表：请在“本期数值”栏填写截至本期的数值（目标为数值的只填数字，如 38 或 64.2%），需要说明的写入“说明”栏；灰色单元格已锁定，请勿修改。`],
        ] as [string, string][])
      : []),
  ];
  const title = ws.getCell('A1');
  title.value = `${o.round.label}重点工作调度表填报说明`;
  title.font = TITLE_FONT;
  ws.mergeCells('A1:B1');
  ws.getRow(1).height = 30;
  rows.forEach(([label, text], i) => {
    const row = ws.getRow(i + 3);
    row.getCell(1).value = label;
    row.getCell(2).value = text;
    row.getCell(1).font = { ...FONT, bold: true };
    row.getCell(2).font = FONT;
    row.getCell(2).alignment = { wrapText: true, vertical: 'top' };
    row.height = rowHeight([[text, 90]]);
  });
  ws.pageSetup = { paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 };
}

function addTrackingSheet(wb: ExcelJS.Workbook, o: WorkbookOptions): void {
  const ws = wb.addWorksheet(TRACKING_SHEET, {
    views: [{ state: 'frozen', xSplit: 1, ySplit: HEADER_ROW, activeCell: `${columnLetter('value')}${FIRST_ROW}` }],
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      printTitlesRow: `${HEADER_ROW}:${HEADER_ROW}`,
      margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddFooter: '&C第 &P 页，共 &N 页' },
  });
  COLUMNS.forEach((c, i) => (ws.getColumn(i + 1).width = c.width));
  const last = FIRST_ROW + o.unit.rows.length - 1;

  ws.mergeCells(`A1:${LAST_COLUMN}1`);
  const title = ws.getCell('A1');
  title.value = `${o.plan.issuer ? `${o.plan.issuer} ` : ''}${o.round.label} 重点工作调度表`;
  title.font = TITLE_FONT;
  title.alignment = { horizontal: 'center', vertical: 'middle' };
  ws.getRow(1).height = 32;

  // Header: 填报单位 (filled in), 填报人, 联系电话, 填报日期 (to fill).
  const label = (addr: string, text: string) => {
    const c = ws.getCell(addr);
    c.value = text;
    c.font = { ...FONT, bold: true };
    c.alignment = { horizontal: 'right', vertical: 'middle' };
  };
  label(HEADER.unit.label, '填报单位：');
  ws.mergeCells(`${HEADER.unit.value}:D2`);
  const unitCell = ws.getCell(HEADER.unit.value);
  unitCell.value = o.unit.unit;
  unitCell.font = { ...FONT, bold: true };
  label(HEADER.reporter.label, '填报人：');
  label(HEADER.phone.label, '联系电话：');
  ws.mergeCells(`${HEADER.phone.value}:I2`);
  label(HEADER.date.label, '填报日期：');
  ws.mergeCells(`${HEADER.date.value}:${LAST_COLUMN}2`);
  const inputs: [string, string | undefined, string][] = [
    [HEADER.reporter.value, o.header?.reporter, '@'],
    [HEADER.phone.value, o.header?.phone, '@'],
    [HEADER.date.value, o.header?.date, '@'],
  ];
  for (const [addr, value, numFmt] of inputs) {
    const c = ws.getCell(addr);
    if (value) c.value = value;
    c.protection = { locked: false };
    c.numFmt = numFmt;
    c.font = FONT;
    c.fill = INPUT_FILL;
    c.border = { bottom: { style: 'thin' } };
  }
  ws.getRow(2).height = 24;

  ws.mergeCells(`A3:${LAST_COLUMN}3`);
  const note = ws.getCell('A3');
  note.value =
    o.notice ??
    `报送截止：${o.round.deadline}。灰色为任务内容（已锁定），白色由本单位填写；“完成状态”请从下拉列表选择；请勿插入或删除行。`;
  note.font = { ...FONT, size: 10, color: { argb: o.notice ? 'FFC00000' : 'FF595959' } };
  note.alignment = { wrapText: true, vertical: 'middle' };
  ws.getRow(3).height = o.notice ? 36 : 20;

  writeHeader(ws.getRow(HEADER_ROW), COLUMNS, 30);

  o.unit.rows.forEach((row, i) => {
    const r = ws.getRow(FIRST_ROW + i);
    const plan = planCells(o.plan, row);
    const values = o.values?.get(row.clause.id) ?? {};
    const texts: [string, number][] = [];
    COLUMNS.forEach((c, j) => {
      const cell = r.getCell(j + 1);
      // Plan text is always a string value, never a formula, even when it starts with = + - @.
      const value = c.input ? values[c.key as InputKey] : plan[c.key];
      if (value !== undefined && value !== '') cell.value = value;
      if (typeof value === 'string') texts.push([value, c.width]);
      styleCell(cell, c, c.key === 'role' && row.role === '牵头' ? { ...FONT, bold: true } : FONT);
    });
    r.height = rowHeight(texts);
  });

  // Each column's validation over the table's rows: one range entry per column.
  if (o.unit.rows.length > 0) {
    for (const c of COLUMNS) if ('validation' in c) addRangeValidation(ws, `${columnLetter(c.key)}${FIRST_ROW}:${columnLetter(c.key)}${last}`, { ...c.validation, formulae: [...c.validation.formulae] });
  }

  for (const [addr, message] of o.problems ?? []) {
    const cell = ws.getCell(addr);
    cell.fill = PROBLEM_FILL;
    cell.note = { texts: [{ text: message }] };
  }
  if (o.problems?.size) addProblemColumn(ws, o.problems, last);
  protect(ws, o.protection);
}

/** Width of the 审核意见 column of a 退回重报 workbook. */
export const PROBLEM_COLUMN_WIDTH = 36;

/**
 * A returned workbook lists each row's problems in a visible column after the table: comments do not print, and
 * a unit working from paper must see them too. The collector reads only the issued columns, so it is ignored on
 * resubmission.
 */
function addProblemColumn(ws: ExcelJS.Worksheet, problems: Map<string, string>, last: number): void {
  const col = COLUMNS.length + 1;
  ws.getColumn(col).width = PROBLEM_COLUMN_WIDTH;
  const head = ws.getRow(HEADER_ROW).getCell(col);
  head.value = '审核意见（退回原因）';
  head.font = { ...FONT, bold: true, color: { argb: 'FFC00000' } };
  head.fill = HEADER_FILL;
  head.border = thinBorder;
  head.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  const { byRow, header } = problemNotes(problems);
  for (let r = FIRST_ROW; r <= last; r++) {
    const cell = ws.getRow(r).getCell(col);
    const text = byRow.get(r);
    if (text) cell.value = text;
    cell.font = { ...FONT, color: { argb: 'FFC00000' } };
    cell.border = thinBorder;
    cell.alignment = { vertical: 'top', wrapText: true };
    if (text) ws.getRow(r).height = Math.max(ws.getRow(r).height ?? 20, rowHeight([[text, PROBLEM_COLUMN_WIDTH]]));
  }
  if (header.length) {
    const note = ws.getCell('A3');
    note.value = `${String(note.value ?? '')}${header}`;
    ws.getRow(3).height = 50;
  }
}

/**
 * What a 退回重报 workbook says of its problems in print, in reading order: each table row's messages for the
 * 审核意见 column (`J7：…`, one a line), and the header's, appended to the notice (`表头：F2：…；H2：…`).
 */
export function problemNotes(problems: Map<string, string>): { byRow: Map<number, string>; header: string } {
  const lines = new Map<number, string[]>();
  for (const ref of [...problems.keys()].sort(cellOrder)) {
    const row = Number(/\d+$/.exec(ref)![0]);
    lines.set(row, [...(lines.get(row) ?? []), `${ref}：${problems.get(ref)}`]);
  }
  const header = [...lines].filter(([row]) => row < FIRST_ROW).flatMap(([, m]) => m);
  return { byRow: new Map([...lines].map(([row, m]) => [row, m.join('\n')])), header: header.length ? `表头：${header.join('；')}` : '' };
}

/** Identification of a workbook, as key/value rows of the metadata sheet, and the checksum of each table row. */
export function metadata(
  o: Pick<WorkbookOptions, 'plan' | 'planHash' | 'round' | 'unit' | 'contact' | 'indicators'>,
  /** Each row's plan cells and checksum, when the caller has them already. */
  issued: IssuedRow[] = o.unit.rows.map((row) => issuedRow(o.plan, row)),
  /**
   * The answers an issued workbook is pre-filled with (none: blank), recorded as a digest so that collect knows a
   * workbook sent back exactly as issued; null for a 退回重报 workbook, which holds answers already judged.
   */
  values: Map<string, InputValues> | null = null,
): { pairs: [IdentificationKey | keyof typeof INDICATOR_IDENTIFICATION, string | number][]; rows: { row: number; id: string; role: string; sum: string }[] } {
  const rows = o.unit.rows.map((row, i) => ({ row: FIRST_ROW + i, id: row.clause.id, role: row.role, sum: issued[i]!.sum }));
  const total = rowsChecksum(rows.map((r) => r.sum));
  return {
    pairs: [
      ['format', FORMAT],
      ['plan_id', o.plan.id],
      ['plan_hash', o.planHash],
      ['plan_title', displayTitle(o.plan)],
      ['unit', o.unit.unit],
      ['round', o.round.id],
      ['deadline', o.round.deadline],
      ['first_row', FIRST_ROW],
      ['row_count', rows.length],
      ['checksum', total],
      // The coordinator's contact, so that a 退回重报 workbook made from this file names it again.
      ['contact', o.contact ?? ''],
      ...(values ? [['inputs', inputsDigest(o.unit.rows.map((r) => INPUT_KEYS.map((k) => values.get(r.clause.id)?.[k])))] as [IdentificationKey, string]] : []),
      // The 指标 sheet, when the unit reports indicators: its layout version and the rows issued (see layout.ts).
      ...(o.indicators?.length
        ? ([
            ['indicators', INDICATOR_FORMAT],
            ['indicator_checksum', indicatorsChecksum(o.indicators.map(indicatorPlanCells))],
          ] as [keyof typeof INDICATOR_IDENTIFICATION, string][])
        : []),
    ],
    rows,
  };
}

function addMeta(wb: ExcelJS.Workbook, o: WorkbookOptions): void {
  // `hidden`, not `veryHidden`: LibreOffice turns veryHidden into hidden on re-save anyway.
  const ws = wb.addWorksheet(META_SHEET, { state: 'hidden' });
  // A 退回重报 workbook (problems or a notice) holds answers already judged: no `inputs` digest (see metadata).
  const { pairs, rows } = metadata(o, undefined, o.problems || o.notice !== undefined ? null : (o.values ?? new Map()));
  for (const pair of pairs) ws.addRow(pair);
  ws.addRow([]);
  ws.addRow(META_HEADER);
  for (const r of rows) ws.addRow([r.row, r.id, r.role, r.sum]);
  protect(ws, o.protection);
}

/** An issued indicator's locked cells, in INDICATOR_PLAN_KEYS order (序号, 指标, 单位, 目标): what its checksum covers. */
export function indicatorPlanCells(i: IssuedIndicator): string[] {
  return [String(i.seq), i.name, i.measure, i.target];
}

/**
 * The 指标 sheet: one row per indicator the unit reports, 序号/指标/单位/目标 locked and grey, 本期数值 and 说明 to
 * fill; a figure expected is checked by Excel as the 完成值 column is (a warning: the collector reads 45% or 1,200).
 */
function addIndicatorSheet(wb: ExcelJS.Workbook, o: WorkbookOptions, indicators: IssuedIndicator[]): void {
  const last = INDICATOR_COLUMNS.length;
  const lastLetter = indicatorLetter(INDICATOR_COLUMNS[last - 1]!.key);
  const ws = wb.addWorksheet(INDICATOR_SHEET, {
    views: [{ state: 'frozen', ySplit: INDICATOR_HEADER_ROW, activeCell: `${indicatorLetter('value')}${INDICATOR_FIRST_ROW}` }],
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, horizontalCentered: true, printTitlesRow: `${INDICATOR_HEADER_ROW}:${INDICATOR_HEADER_ROW}` },
  });
  INDICATOR_COLUMNS.forEach((c, i) => (ws.getColumn(i + 1).width = c.width));
  ws.mergeCells(`A1:${lastLetter}1`);
  const title = ws.getCell('A1');
  title.value = `${o.unit.unit} ${o.round.label} 指标报送表`;
  title.font = TITLE_FONT;
  title.alignment = { horizontal: 'center', vertical: 'middle' };
  ws.getRow(1).height = 32;
  ws.mergeCells(`A2:${lastLetter}2`);
  const note = ws.getCell('A2');
  note.value = '灰色为指标内容（已锁定），白色由本单位填写：“本期数值”填写截至本期的数值，目标为数值的只填数字（如 38 或 64.2%），需要说明的写入“说明”。';
  note.font = { ...FONT, size: 10, color: { argb: 'FF595959' } };
  note.alignment = { wrapText: true, vertical: 'middle' };
  ws.getRow(2).height = 30;
  writeHeader(ws.getRow(INDICATOR_HEADER_ROW), INDICATOR_COLUMNS, 24);
  indicators.forEach((ind, i) => {
    const r = ws.getRow(INDICATOR_FIRST_ROW + i);
    const filled = o.indicatorValues?.get(ind.name) ?? {};
    const values: Record<string, string | number | undefined> = { seq: ind.seq, name: ind.name, measure: ind.measure, target: ind.target, value: filled.value, note: filled.note };
    const texts: [string, number][] = [];
    INDICATOR_COLUMNS.forEach((c, j) => {
      const cell = r.getCell(j + 1);
      const value = values[c.key];
      // Locked texts stay texts (a target `≥64%` or a name starting with = is never a formula).
      if (value !== undefined && value !== '') cell.value = value;
      if (typeof value === 'string') texts.push([value, c.width]);
      styleCell(cell, c, FONT);
    });
    r.height = rowHeight(texts);
    if (numericIndicator(ind)) {
      const ref = `${indicatorLetter('value')}${INDICATOR_FIRST_ROW + i}`;
      const check = numberCheck('本期数值', `“${ind.name}”的本期数值应为数字${ind.measure ? `（单位：${ind.measure}）` : ''}，说明文字请写在“说明”栏。`);
      addRangeValidation(ws, `${ref}:${ref}`, { ...check, formulae: [...check.formulae] });
    }
  });
  for (const [addr, message] of o.indicatorProblems ?? []) {
    const cell = ws.getCell(addr);
    cell.fill = PROBLEM_FILL;
    cell.note = { texts: [{ text: message }] };
  }
  protect(ws, o.protection);
}

/** The answers of a ledger entry as input cell values, to pre-fill or return a workbook. */
export function inputValuesOf(e: { value: number | null; valueText: string | null; status: string | null; progress: string | null; problems: string | null; nextSteps: string | null }): InputValues {
  return { value: e.value ?? e.valueText ?? undefined, status: e.status ?? undefined, progress: e.progress ?? undefined, problems: e.problems ?? undefined, nextSteps: e.nextSteps ?? undefined };
}

/** A sheet's header row: each column's header, bold on the header fill, centred and wrapped. */
function writeHeader(header: ExcelJS.Row, columns: readonly { header: string }[], height: number): void {
  columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.header;
    cell.font = { ...FONT, bold: true };
    cell.fill = HEADER_FILL;
    cell.border = thinBorder;
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  });
  header.height = height;
}

/** A row cell of the tracking or the 指标 sheet: thin border, wrapped top, white to fill or grey and locked; a value
 * cell in General format (a number typed stays a number). */
function styleCell(cell: ExcelJS.Cell, column: { key: string; input: boolean; align: 'left' | 'center' }, font: Partial<ExcelJS.Font>): void {
  cell.font = font;
  cell.border = thinBorder;
  cell.alignment = { vertical: 'top', wrapText: true, horizontal: column.align };
  cell.fill = column.input ? INPUT_FILL : LOCKED_FILL;
  cell.protection = { locked: !column.input };
  if (column.key === 'value') cell.numFmt = 'General';
}
