// Reads a returned workbook into plain data: its metadata, header cells and table rows. Knows the layout
// (sheets/layout.ts) but judges nothing; validate.ts does that.
import ExcelJS from 'exceljs';
import { COLUMNS, FIRST_ROW, HEADER, META_SHEET, TRACKING_SHEET } from '../sheets/layout.ts';

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
  /** Table rows from FIRST_ROW down to the last row with any content, keyed by column key. */
  rows: { row: number; cells: Record<string, ReadCell> }[];
}

export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if (Array.isArray(v.richText)) return (v.richText as { text: string }[]).map((r) => r.text).join('');
    if ('result' in v) return cellText(v.result);
    if ('text' in v) return String(v.text);
    if ('error' in v) return String(v.error);
  }
  return String(value);
}

function cellValue(value: unknown): unknown {
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    const v = value as Record<string, unknown>;
    if ('result' in v) return v.result;
    if (Array.isArray(v.richText)) return cellText(value);
  }
  return value;
}

export async function readWorkbook(bytes: Uint8Array): Promise<ReadWorkbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as never);
  const metaSheet = wb.getWorksheet(META_SHEET);
  let meta: Record<string, string> | null = null;
  const metaRows: ReadWorkbook['metaRows'] = [];
  if (metaSheet) {
    meta = {};
    let inRows = false;
    metaSheet.eachRow((row) => {
      const a = cellText(row.getCell(1).value);
      if (a === 'row') {
        inRows = true;
        return;
      }
      if (inRows) {
        metaRows.push({ row: Number(a), clause: cellText(row.getCell(2).value), role: cellText(row.getCell(3).value), checksum: cellText(row.getCell(4).value) });
      } else if (a) meta![a] = cellText(row.getCell(2).value);
    });
  }
  const ws = wb.getWorksheet(TRACKING_SHEET);
  const header = { reporter: '', phone: '', date: '', unit: '' };
  const rows: ReadWorkbook['rows'] = [];
  if (ws) {
    header.reporter = cellText(ws.getCell(HEADER.reporter.value).value).trim();
    header.phone = cellText(ws.getCell(HEADER.phone.value).value).trim();
    header.date = cellText(ws.getCell(HEADER.date.value).value).trim();
    header.unit = cellText(ws.getCell(HEADER.unit.value).value).trim();
    const last = ws.actualRowCount > 0 ? ws.rowCount : 0;
    for (let r = FIRST_ROW; r <= last; r++) {
      const row = ws.getRow(r);
      const cells: Record<string, ReadCell> = {};
      let any = false;
      COLUMNS.forEach((c, i) => {
        const cell = row.getCell(i + 1);
        const value = cellValue(cell.value);
        const text = cellText(cell.value);
        if (text.trim() !== '') any = true;
        cells[c.key] = { value, text, numFmt: cell.numFmt };
      });
      if (any) rows.push({ row: r, cells });
    }
  }
  return { meta, metaRows, hasTrackingSheet: !!ws, header, rows };
}

/** Reads a workbook file from disk. */
export async function readWorkbookFile(path: string): Promise<ReadWorkbook> {
  const { readFile } = await import('node:fs/promises');
  return readWorkbook(await readFile(path));
}
