// The layout of a unit's 调度表, shared by the writer (sheets) and the reader (collect): one source of truth
// for where each thing stands.
export const TRACKING_SHEET = '调度表';
export const GUIDE_SHEET = '填报说明';
export const META_SHEET = '_taizhang';
export const FORMAT = 'taizhang/workbook@1';

/** Header cells: label cell and the cell the value goes in. */
export const HEADER = {
  unit: { label: 'A2', value: 'B2' },
  reporter: { label: 'E2', value: 'F2' },
  phone: { label: 'G2', value: 'H2' },
  date: { label: 'J2', value: 'K2' },
} as const;

export const HEADER_ROW = 4;
export const FIRST_ROW = 5;

export interface Column {
  key: string;
  header: string;
  width: number;
  /** Plan columns are locked and grey; the unit fills the others. */
  input: boolean;
}

export const COLUMNS: Column[] = [
  { key: 'id', header: '序号', width: 8, input: false },
  { key: 'chapter', header: '所属章节', width: 14, input: false },
  { key: 'task', header: '重点任务', width: 16, input: false },
  { key: 'text', header: '具体内容', width: 46, input: false },
  { key: 'role', header: '本单位职责', width: 8, input: false },
  { key: 'others', header: '其他责任单位', width: 20, input: false },
  { key: 'deadline', header: '完成时限', width: 11, input: false },
  { key: 'target', header: '目标值', width: 18, input: false },
  // The unit 完成值 is counted in, beside it: units answered in the wrong unit when they had to guess it.
  { key: 'unit', header: '完成值单位', width: 9, input: false },
  { key: 'value', header: '完成值', width: 10, input: true },
  { key: 'status', header: '完成状态', width: 11, input: true },
  { key: 'progress', header: '进展情况', width: 36, input: true },
  { key: 'problems', header: '存在问题', width: 24, input: true },
  { key: 'nextSteps', header: '下一步打算', width: 24, input: true },
];

export const PLAN_KEYS = COLUMNS.filter((c) => !c.input).map((c) => c.key);
export const INPUT_KEYS = ['value', 'status', 'progress', 'problems', 'nextSteps'] as const;
export type InputKey = (typeof INPUT_KEYS)[number];

/** Column letter of a key: `status` → `J`. */
export function columnLetter(key: string): string {
  const i = COLUMNS.findIndex((c) => c.key === key);
  if (i < 0) throw new Error(`unknown column ${key}`);
  return String.fromCharCode(65 + i);
}
export const LAST_COLUMN = String.fromCharCode(64 + COLUMNS.length);

/** A column's number as Excel counts them, from 1: `A` → 1, `J` → 10, `AA` → 27. */
export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** The letters of a column number: 10 → `J`, 27 → `AA`. */
export function columnLetters(n: number): string {
  let s = '';
  for (; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** A cell reference's column and row (`J7` → 10, 7): one to three capital letters, then digits; null otherwise. */
export function cellPosition(ref: string): { col: number; row: number } | null {
  let i = 0;
  let col = 0;
  for (let c = ref.charCodeAt(0); c >= 0x41 && c <= 0x5a && i < 3; c = ref.charCodeAt(++i)) col = col * 26 + (c - 64);
  if (i === 0 || i === ref.length) return null;
  let row = 0;
  for (let j = i; j < ref.length; j++) {
    const d = ref.charCodeAt(j) - 0x30;
    if (d < 0 || d > 9) return null;
    row = row * 10 + d;
  }
  return { col, row };
}

/** Cells in reading order: by row, then by column (`B2` before `A3`, `J7` before `K7`). */
export function cellOrder(a: string, b: string): number {
  const [, ca, ra] = /^([A-Z]+)(\d+)$/.exec(a)!;
  const [, cb, rb] = /^([A-Z]+)(\d+)$/.exec(b)!;
  return Number(ra) - Number(rb) || columnNumber(ca!) - columnNumber(cb!);
}

export const STATUSES = ['已完成', '序时推进', '滞后', '未启动'] as const;
export type Status = (typeof STATUSES)[number];

export const STATUS_MEANINGS: Record<Status, string> = {
  已完成: '本条目任务已全部完成',
  序时推进: '按计划进度推进，能够按期完成',
  滞后: '进度落后于计划，须在“存在问题”中说明原因',
  未启动: '尚未开始实施（“进展情况”可不填）',
};
