// The tracking workbook (调度表) as data: its sheets, header cells, columns (what each shows or takes, its width,
// its validation, the submission field it fills) and its identification sheet. The writer (src/sheets), the reader
// (src/collect) and the documentation read this; the format's version is derived from it, never bumped by hand.
import type ExcelJS from 'exceljs';
import { hash } from 'node:crypto';
import type { Entry } from '../model/submission.ts';
import { Status } from '../model/status.ts';
import { columnLetters } from './cells.ts';
import { FONT, HEADER_FILL, INPUT_FILL, LOCKED_FILL, PROBLEM_FILL_ARGB, TITLE_FONT } from './style.ts';

/** Excel's number check on an input cell: a warning, not a stop, since a unit may still type 45% or 1,200 and the
 * collector reads it. The tracking sheet's 完成值 and the 指标 sheet's 本期数值 use it alike. */
export function numberCheck(errorTitle: string, error: string): { type: 'decimal'; operator: 'between'; allowBlank: true; formulae: number[]; showErrorMessage: true; errorStyle: 'warning'; errorTitle: string; error: string } {
  return { type: 'decimal', operator: 'between', allowBlank: true, formulae: [-1e12, 1e12], showErrorMessage: true, errorStyle: 'warning', errorTitle, error };
}

export const TRACKING_SHEET = '调度表';
export const GUIDE_SHEET = '填报说明';
/** Hidden: identifies the file by its content, whatever it is renamed to (see IDENTIFICATION). */
export const META_SHEET = '_taizhang';

/** Header cells of the tracking sheet: label cell and the cell the value goes in. */
export const HEADER = {
  unit: { label: 'A2', value: 'B2' },
  reporter: { label: 'E2', value: 'F2' },
  phone: { label: 'G2', value: 'H2' },
  date: { label: 'J2', value: 'K2' },
} as const;

export const HEADER_ROW = 4;
export const FIRST_ROW = 5;

/** An Excel data validation as the writer applies it over a column's rows (the range is added there). */
export type ColumnValidation = ExcelJS.DataValidation;

export interface Column {
  key: string;
  header: string;
  width: number;
  /** Plan columns are locked and grey; the unit fills the others. */
  input: boolean;
  align: 'center' | 'left';
  /**
   * Input columns: the fields of a collected Entry the cell fills. A text column fills one field of the same
   * meaning, read as text (see `text` below); 完成值 and 完成状态 are read by their own rules in collect/validate.ts.
   */
  fills?: readonly (keyof Entry)[];
  /** Input columns read as plain text into their field (进展情况, 存在问题, 下一步打算). */
  text?: boolean;
  /** What Excel checks as the unit types into the column. */
  validation?: ColumnValidation;
}

/**
 * The table's columns, left to right from column A. Adding a column is one entry here (and its rule in
 * collect/validate.ts, its ledger column and a past layout for the workbooks already out: see CONTRIBUTING.md).
 */
export const COLUMNS = [
  { key: 'id', header: '序号', width: 8, input: false, align: 'center' },
  { key: 'chapter', header: '所属章节', width: 14, input: false, align: 'left' },
  { key: 'task', header: '重点任务', width: 16, input: false, align: 'left' },
  { key: 'text', header: '具体内容', width: 46, input: false, align: 'left' },
  { key: 'role', header: '本单位职责', width: 8, input: false, align: 'center' },
  { key: 'others', header: '其他责任单位', width: 20, input: false, align: 'left' },
  { key: 'deadline', header: '完成时限', width: 11, input: false, align: 'left' },
  { key: 'target', header: '目标值', width: 18, input: false, align: 'left' },
  // The unit 完成值 is counted in, beside it: units answered in the wrong unit when they had to guess it.
  { key: 'unit', header: '完成值单位', width: 9, input: false, align: 'center' },
  {
    key: 'value',
    header: '完成值',
    width: 10,
    input: true,
    align: 'center',
    fills: ['value', 'valueText'],
    validation: numberCheck('完成值', '完成值应为数字（如 78 或 40%），请勿填写“约”“左右”等文字。'),
  },
  {
    key: 'status',
    header: '完成状态',
    width: 11,
    input: true,
    align: 'center',
    fills: ['status'],
    validation: {
      type: 'list',
      allowBlank: true,
      formulae: [`"${Status.options.join(',')}"`],
      showErrorMessage: true,
      errorStyle: 'stop',
      errorTitle: '完成状态',
      error: `请从下拉列表中选择：${Status.options.join('、')}`,
      showInputMessage: true,
      promptTitle: '完成状态',
      prompt: '请从下拉列表中选择',
    },
  },
  { key: 'progress', header: '进展情况', width: 36, input: true, align: 'left', fills: ['progress'], text: true },
  { key: 'problems', header: '存在问题', width: 24, input: true, align: 'left', fills: ['problems'], text: true },
  { key: 'nextSteps', header: '下一步打算', width: 24, input: true, align: 'left', fills: ['nextSteps'], text: true },
] as const satisfies readonly Column[];

export type ColumnKey = (typeof COLUMNS)[number]['key'];
/** The columns a unit fills. */
export type InputKey = Extract<(typeof COLUMNS)[number], { input: true }>['key'];

export const PLAN_KEYS: ColumnKey[] = COLUMNS.filter((c) => !c.input).map((c) => c.key);
export const INPUT_KEYS = COLUMNS.filter((c) => c.input).map((c) => c.key) as InputKey[];
/** Input columns read as plain text into the Entry field of the same name. */
export const TEXT_INPUTS = COLUMNS.filter((c): c is Extract<(typeof COLUMNS)[number], { text: true }> => 'text' in c && c.text).map((c) => c.key);

/** The statuses of the 完成状态 drop-down (model/status.ts). */
export const STATUSES = Status.options;
export { STATUS_MEANINGS, type Status } from '../model/status.ts';

/** Column letter of a key: `status` → `K`. */
export function columnLetter(key: string): string {
  const i = COLUMNS.findIndex((c) => c.key === key);
  if (i < 0) throw new Error(`unknown column ${key}`);
  return columnLetters(i + 1);
}
export const LAST_COLUMN = columnLetters(COLUMNS.length);

/**
 * The identification sheet: key/value rows in this order (`inputs` only in an issued workbook, not in a 退回重报
 * one), a blank row, then META_HEADER and one row per table row. The collector knows a workbook by these, never
 * by its file name.
 */
export const IDENTIFICATION = {
  format: 'the layout version, FORMAT below',
  plan_id: "the plan's id",
  plan_hash: 'the plan version the rows were made from',
  plan_title: "the plan's title, to name it when refusing a file of another plan",
  unit: 'the unit the workbook was issued to',
  round: "the round's id",
  deadline: "the round's deadline",
  first_row: 'the first table row (FIRST_ROW)',
  row_count: 'how many table rows were issued',
  checksum: 'a digest of the rows’ checksums',
  contact: "the coordinator's contact, so that a 退回重报 workbook made from this file names it again",
  inputs: 'a digest of the pre-filled input cells, to know a workbook sent back exactly as issued',
} as const;
export type IdentificationKey = keyof typeof IDENTIFICATION;

/** The header of the identification sheet's row list: `row, clause, role, checksum`. */
export const META_HEADER = ['row', 'clause', 'role', 'checksum'];

const digest = (x: unknown) => hash('sha256', JSON.stringify(x)).slice(0, 12);

/**
 * The hash of what a reader relies on to read a workbook: where the sheets, header cells, columns and identification
 * are. Widths, looks and validations are left out: a workbook that differs only in those reads the same.
 */
export function layoutHash(columns: readonly Column[]): string {
  return digest({
    sheets: [TRACKING_SHEET, GUIDE_SHEET, META_SHEET],
    header: HEADER,
    rows: [HEADER_ROW, FIRST_ROW],
    columns: columns.map((c) => [c.key, c.header, c.input, c.fills ?? []]),
    identification: [Object.keys(IDENTIFICATION), META_HEADER],
  });
}
export const LAYOUT_HASH = layoutHash(COLUMNS);

/**
 * Layouts issued before the version was derived, under the name their workbooks carry, by their LAYOUT_HASH: the
 * workbooks out there keep their name, so they collect as before. A new layout is named by its hash.
 */
const NAMED_LAYOUTS: Record<string, string> = { '921214bf2507': 'taizhang/workbook@1' };

/** The name of a layout version: pinned for the layouts issued before, else its hash. */
export function formatName(hash: string): string {
  return NAMED_LAYOUTS[hash] ?? `taizhang/workbook@${hash}`;
}
/** The layout version written into every workbook's identification (`format`) and checked by the collector. */
export const FORMAT = formatName(LAYOUT_HASH);

/**
 * Earlier layouts whose workbooks may still come back, with their column keys left to right: the migration a new
 * column brings (see CONTRIBUTING.md). Empty while there has been only one layout.
 */
export const PAST_LAYOUTS: { format: string; columns: readonly string[] }[] = [];

/** The column keys, left to right, of a workbook of the given layout version; null for a layout no reader knows. */
export function columnsOf(format: string | undefined): readonly string[] | null {
  if (format === FORMAT) return COLUMNS.map((c) => c.key);
  return PAST_LAYOUTS.find((l) => l.format === format)?.columns ?? null;
}

/**
 * Everything the 退回重报 template is made from besides the round and plan: the layout and how it looks. Kept
 * templates are keyed by it (sheets/stamp.ts), so that a change here makes them again; a change to the writer's code
 * itself (sheets/workbook.ts, sheets/stamp.ts) raises TEMPLATE_REVISION.
 */
export function lookHash(columns: readonly Column[]): string {
  return digest({
    layout: layoutHash(columns),
    columns: columns.map((c) => [c.width, c.align, c.validation ?? null]),
    style: [FONT, TITLE_FONT, HEADER_FILL, LOCKED_FILL, INPUT_FILL, PROBLEM_FILL_ARGB],
  });
}
export const LOOK_HASH = lookHash(COLUMNS);
const TEMPLATE_REVISION = 1;
/** Template keys before they were derived, by revision and LOOK_HASH: kept templates stay in use. */
const NAMED_TEMPLATES: Record<string, string> = { '1+5e1a89d8acaf': 'taizhang/return-template@1' };
/** The layout part of a kept 退回重报 template's key. */
export const TEMPLATE_LAYOUT = NAMED_TEMPLATES[`${TEMPLATE_REVISION}+${LOOK_HASH}`] ?? `taizhang/return-template@${TEMPLATE_REVISION}+${LOOK_HASH}`;

/**
 * The 指标 sheet: the indicators a unit reports (model/indicators.ts), in a workbook issued to a unit that reports
 * any. It is a part of its own, beside the tracking layout and versioned apart from it (INDICATOR_FORMAT, written in
 * the identification as `indicators` with the digest of the issued rows as `indicator_checksum`): a workbook without
 * the sheet (every workbook issued before it existed, and a unit that reports none) is of the same tracking layout
 * as before and collects as before; one with it says which 指标 layout it holds, and a reader that does not know
 * that layout refuses it rather than leave its values unread.
 */
export const INDICATOR_SHEET = '指标';
export const INDICATOR_HEADER_ROW = 3;
export const INDICATOR_FIRST_ROW = 4;

export interface IndicatorColumn {
  key: 'seq' | 'name' | 'measure' | 'target' | 'value' | 'note';
  header: string;
  width: number;
  input: boolean;
  align: 'center' | 'left';
}

/** The 指标 sheet's columns, left to right from column A. */
export const INDICATOR_COLUMNS: readonly IndicatorColumn[] = [
  { key: 'seq', header: '序号', width: 6, input: false, align: 'center' },
  { key: 'name', header: '指标', width: 30, input: false, align: 'left' },
  { key: 'measure', header: '单位', width: 12, input: false, align: 'center' },
  { key: 'target', header: '目标', width: 18, input: false, align: 'left' },
  { key: 'value', header: '本期数值', width: 14, input: true, align: 'center' },
  { key: 'note', header: '说明', width: 40, input: true, align: 'left' },
];
export type IndicatorKey = IndicatorColumn['key'];
/** The 指标 sheet's locked columns, whose cells the `indicator_checksum` covers. */
export const INDICATOR_PLAN_KEYS = INDICATOR_COLUMNS.filter((c) => !c.input).map((c) => c.key);

/** Column letter of a 指标 sheet key: `value` → `E`. */
export function indicatorLetter(key: IndicatorKey): string {
  return columnLetters(INDICATOR_COLUMNS.findIndex((c) => c.key === key) + 1);
}

/** The identification pairs a workbook with a 指标 sheet adds after IDENTIFICATION's. */
export const INDICATOR_IDENTIFICATION = {
  indicators: 'the 指标 sheet’s layout version, INDICATOR_FORMAT',
  indicator_checksum: 'a digest of the 指标 rows issued (their locked cells)',
} as const;

/** The 指标 sheet's layout version: a hash of what its reader relies on, as LAYOUT_HASH is for the tracking sheet. */
export const INDICATOR_FORMAT = `taizhang/indicators@${digest({
  sheet: INDICATOR_SHEET,
  rows: [INDICATOR_HEADER_ROW, INDICATOR_FIRST_ROW],
  columns: INDICATOR_COLUMNS.map((c) => [c.key, c.header, c.input]),
  identification: Object.keys(INDICATOR_IDENTIFICATION),
})}`;

/**
 * The layout as plain JSON, for programs outside taizhang that write or read its workbooks: the bench's peers
 * (bench/peers) check that the layout they implement is this one.
 */
export function layoutDescription(): { format: string; sheets: string[]; headerRow: number; firstRow: number; statuses: string[]; columns: [string, string, number, boolean][] } {
  return {
    format: FORMAT,
    sheets: [GUIDE_SHEET, TRACKING_SHEET, META_SHEET],
    headerRow: HEADER_ROW,
    firstRow: FIRST_ROW,
    statuses: [...STATUSES],
    columns: COLUMNS.map((c) => [c.key, c.header, c.width, c.input]),
  };
}
