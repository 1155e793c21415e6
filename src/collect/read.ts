// Reads a returned workbook (through the xlsx reader, src/xlsx/) into plain data: its metadata, header cells and table
// rows; or says why the file cannot be read, in the file's own words. Knows the layout (sheets/layout.ts) but judges
// nothing; judge.ts and validate.ts do that.
import { readFile } from 'node:fs/promises';
import { isDateFormat, OverLimit, readXlsx, serialDate, ZipProblem, type XlsxCell } from '../xlsx/index.ts';
import { ruleMessage, type RuleCode } from '../model/rules.ts';
import { columnLetters } from '../workbook/cells.ts';
import { COLUMNS, FIRST_ROW, HEADER, INDICATOR_COLUMNS, INDICATOR_FIRST_ROW, INDICATOR_SHEET, META_SHEET, TRACKING_SHEET, columnsOf, type IndicatorKey } from '../workbook/layout.ts';
import { checkUsable, UnusableFile } from './sources.ts';

export interface ReadCell {
  value: unknown;
  text: string;
  numFmt?: string;
}

export interface ReadWorkbook {
  meta: Record<string, string> | null;
  /** Rows listed in the metadata: row number, clause id, role, checksum. */
  metaRows: { row: number; clause: string; role: string; checksum: string }[];
  hasTrackingSheet: boolean;
  header: { reporter: string; phone: string; date: string; unit: string };
  /** Cells of the tracking sheet (header values and table columns) holding a formula saved without its value. */
  uncomputed: { cell: string; formula: string }[];
  /** Table rows from FIRST_ROW down to the last row with any content, keyed by column key. */
  rows: { row: number; cells: Record<string, ReadCell> }[];
  /**
   * The 指标 sheet, read when the identification names one (`indicators`): whether the sheet is there, its rows from
   * INDICATOR_FIRST_ROW down to the last with any content, and its cells holding a formula saved without its value.
   * Null when the workbook was issued without one.
   */
  indicators: { hasSheet: boolean; rows: { row: number; cells: Record<IndicatorKey, ReadCell> }[]; uncomputed: { cell: string; formula: string }[] } | null;
}

function textOf(cell: XlsxCell | undefined): string {
  if (!cell || cell.value === null) return '';
  if (typeof cell.value === 'number' && isDateFormat(cell.numFmt)) return serialDate(cell.value);
  if (typeof cell.value === 'boolean') return cell.value ? 'TRUE' : 'FALSE';
  return String(cell.value);
}

/** Rows read past the last issued one: enough to see rows a unit inserted, and no more. */
const ROW_MARGIN = 200;

export async function readWorkbook(bytes: Uint8Array): Promise<ReadWorkbook> {
  const file = readXlsx(bytes);
  const metaSheet = file.sheet(META_SHEET, 20_000);
  let meta: Record<string, string> | null = null;
  const metaRows: ReadWorkbook['metaRows'] = [];
  if (metaSheet) {
    meta = {};
    // Only the rows that hold cells are visited, in order: a cell at row 2,000,000,000 costs nothing.
    let inRows = false;
    for (const r of metaSheet.rowNumbers()) {
      const a = textOf(metaSheet.cell(r, 1));
      if (a === 'row') {
        inRows = true;
        continue;
      }
      if (!a) continue;
      const b = textOf(metaSheet.cell(r, 2));
      if (inRows) metaRows.push({ row: Number(a), clause: b, role: textOf(metaSheet.cell(r, 3)), checksum: textOf(metaSheet.cell(r, 4)) });
      else meta[a] = b;
    }
  }
  const ws = file.sheet(TRACKING_SHEET, FIRST_ROW + (metaRows.length || 2000) + ROW_MARGIN);
  const header = { reporter: '', phone: '', date: '', unit: '' };
  const rows: ReadWorkbook['rows'] = [];
  const uncomputed: ReadWorkbook['uncomputed'] = [];
  if (ws) {
    const headerRefs = new Set<string>(Object.values(HEADER).map((h) => h.value));
    header.reporter = textOf(ws.get(HEADER.reporter.value)).trim();
    header.phone = textOf(ws.get(HEADER.phone.value)).trim();
    header.date = textOf(ws.get(HEADER.date.value)).trim();
    header.unit = textOf(ws.get(HEADER.unit.value)).trim();
    // The columns of the layout the workbook was issued in (an earlier one's, when it names one: see PAST_LAYOUTS).
    const keys = columnsOf(meta?.format) ?? COLUMNS.map((c) => c.key);
    // A column the workbook's layout lacks (added since) reads as blank.
    const every = [...new Set([...keys, ...COLUMNS.map((c) => c.key)])];
    for (const r of ws.rowNumbers()) {
      const { cols, cells: found } = ws.row(r)!;
      let cells: Record<string, ReadCell> | null = null;
      for (let i = 0; i < cols.length; i++) {
        const cell = found[i]!;
        // Only the layout's columns are read; a cell past them (up to column XFD and beyond) is not.
        const col = cols[i]! <= keys.length ? cols[i]! - 1 : -1;
        if (cell.uncomputedFormula !== undefined) {
          const ref = `${columnLetters(cols[i]!)}${r}`;
          if (headerRefs.has(ref) || (col >= 0 && r >= FIRST_ROW)) uncomputed.push({ cell: ref, formula: cell.uncomputedFormula });
        }
        if (col < 0 || r < FIRST_ROW) continue;
        const text = textOf(cell);
        if (text.trim() === '') continue;
        cells ??= {};
        cells[keys[col]!] = { value: cell.value, text, numFmt: cell.numFmt };
      }
      if (!cells) continue;
      for (const key of every) cells[key] ??= { value: null, text: '' };
      rows.push({ row: r, cells });
    }
  }
  const indicators = meta?.indicators ? readIndicatorSheet(file.sheet(INDICATOR_SHEET, INDICATOR_FIRST_ROW + ROW_MARGIN)) : null;
  // The worksheets not read above must be sound too.
  file.checkUnread();
  return { meta, metaRows, hasTrackingSheet: !!ws, header, uncomputed, rows, indicators };
}

/** The 指标 sheet's rows by column key (only the sheet's columns are read), as the tracking sheet's are. */
function readIndicatorSheet(ws: ReturnType<ReturnType<typeof readXlsx>['sheet']>): NonNullable<ReadWorkbook['indicators']> {
  const rows: NonNullable<ReadWorkbook['indicators']>['rows'] = [];
  const uncomputed: { cell: string; formula: string }[] = [];
  if (!ws) return { hasSheet: false, rows, uncomputed };
  for (const r of ws.rowNumbers()) {
    if (r < INDICATOR_FIRST_ROW) continue;
    const { cols, cells: found } = ws.row(r)!;
    let cells: Partial<Record<IndicatorKey, ReadCell>> | null = null;
    for (let i = 0; i < cols.length; i++) {
      const col = cols[i]! - 1;
      if (col >= INDICATOR_COLUMNS.length) continue;
      const cell = found[i]!;
      if (cell.uncomputedFormula !== undefined) uncomputed.push({ cell: `${columnLetters(cols[i]!)}${r}`, formula: cell.uncomputedFormula });
      const text = textOf(cell);
      if (text.trim() === '') continue;
      cells ??= {};
      cells[INDICATOR_COLUMNS[col]!.key] = { value: cell.value, text, numFmt: cell.numFmt };
    }
    if (!cells) continue;
    for (const c of INDICATOR_COLUMNS) cells[c.key] ??= { value: null, text: '' };
    rows.push({ row: r, cells: cells as Record<IndicatorKey, ReadCell> });
  }
  return { hasSheet: true, rows, uncomputed };
}

/** Reads a workbook file from disk. */
export async function readWorkbookFile(path: string): Promise<ReadWorkbook> {
  return readWorkbook(await readFile(path));
}

/** Why a file cannot become a submission, in the words shown to the coordinator and the unit. */
export interface Refusal {
  outcome: 'refused' | 'unusable';
  reason: string;
  rule: RuleCode;
}

export type ReadOutcome = { read: ReadWorkbook } | { refusal: Refusal };

/**
 * A returned file read into plain data, or why it cannot be read: every problem of the file itself (not a
 * workbook, damaged, over a limit) becomes a refusal in the file's own words. Only a bug of ours throws.
 */
export async function readReturned(bytes: Uint8Array, name: string): Promise<ReadOutcome> {
  const unusable = (reason: string, rule: RuleCode): ReadOutcome => ({ refusal: { outcome: 'unusable', reason, rule } });
  try {
    await checkUsable(bytes, name);
  } catch (e) {
    if (!(e instanceof UnusableFile)) throw e;
    return unusable(e.message, e.rule);
  }
  try {
    return { read: await readWorkbook(bytes) };
  } catch (e) {
    // A file over a limit or with a damaged structure says so in its own words; anything else the reader met is
    // still the file's problem, reported with the reader's message.
    if (e instanceof OverLimit || e instanceof ZipProblem) {
      const advice = e instanceof ZipProblem ? '。请用 Excel 或 WPS 打开后重新保存再报送' : '';
      return unusable(`${e.message}${advice}`, e.rule);
    }
    // Not a problem the reader words itself: an internal error, the only kind whose library text is shown (in brackets).
    return unusable(ruleMessage('reader-crash', { detail: (e as Error).message.slice(0, 120) }), 'reader-crash');
  }
}
