// The look of every workbook taizhang writes: a government form in Chinese fonts, grey locked cells, rows as high as
// their wrapped text. Part of the workbook format (src/workbook): the 退回重报 template key is derived from it too.
import type ExcelJS from 'exceljs';

/** 宋体 reads well on screen and in print in Excel, WPS and LibreOffice alike. */
export const FONT: Partial<ExcelJS.Font> = { name: '宋体', size: 11 };
export const TITLE_FONT: Partial<ExcelJS.Font> = { name: '黑体', size: 16, bold: true };

export const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9D9D9' } };
/** Plan cells the unit must not change. */
export const LOCKED_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
/** Cells the unit fills. */
export const INPUT_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFFFF' } };
/** A cell with a problem, in a returned workbook. */
export const PROBLEM_FILL_ARGB = 'FFFFC7CE';
export const PROBLEM_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: PROBLEM_FILL_ARGB } };

/** 序时 status colours (ARGB), shared by the 汇总表 and the Word reports. */
export const STATUS_FILLS: Record<'green' | 'yellow' | 'red' | 'grey', string> = {
  green: 'FFC6EFCE',
  yellow: 'FFFFEB9C',
  red: 'FFFFC7CE',
  grey: 'FFE7E6E6',
};

const thin: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF808080' } };
export const thinBorder: Partial<ExcelJS.Borders> = { top: thin, left: thin, bottom: thin, right: thin };

/**
 * Adds one data validation over a bounded range (`B2:B300`). exceljs supports range validations at run time
 * but its typings omit them; one range entry is far smaller and faster than one entry per cell.
 */
export function addRangeValidation(ws: ExcelJS.Worksheet, range: string, validation: ExcelJS.DataValidation): void {
  (ws as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }).dataValidations.add(range, validation);
}

/** Printable width of a landscape page in points with Excel's default margins (0.7 in each side): A4, A3. */
const PRINTABLE_WIDTH = { 9: 842 - 100.8, 8: 1191 - 100.8 } as const;

/** A column's width in points: Excel's width unit is the 7-pixel digit of the default font, plus 5 px padding. */
export function columnPoints(width: number): number {
  return (7 * width + 5) * 0.75;
}

/**
 * Print settings for a wide table: landscape, fitted to the page width, header rows repeated, on A4 when the text
 * stays at least 9 pt on paper, else on A3 (Excel and WPS shrink a fitted sheet as far as it takes).
 */
export function printSetup(widths: number[], fontSize: number, titleRows: string): Partial<ExcelJS.PageSetup> {
  const sheet = widths.reduce((s, w) => s + columnPoints(w), 0);
  const onPaper = (paper: 8 | 9) => fontSize * Math.min(1, PRINTABLE_WIDTH[paper] / sheet);
  const paperSize = onPaper(9) >= 9 ? 9 : 8;
  return { paperSize: paperSize as unknown as ExcelJS.PaperSize, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: titleRows, horizontalCentered: true };
}

/** The characters of a text as a reader counts them (a character beyond the BMP is one, not two), without an array of them. */
function codePoints(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xdc00 && c <= 0xdfff && i > 0 && (s.charCodeAt(i - 1) & 0xfc00) === 0xd800) n--;
  }
  return n;
}

/** Rough row height for wrapped text (each text with its column's width): CJK characters are about two width units each at 11 pt. */
export function rowHeight(texts: [string, number][]): number {
  let lines = 1;
  for (const [text, width] of texts) {
    const perLine = Math.max(1, Math.floor((width - 1) / 2));
    const l = text.split('\n').reduce((sum, part) => sum + Math.max(1, Math.ceil(codePoints(part) / perLine)), 0);
    lines = Math.max(lines, l);
  }
  return Math.min(409, Math.max(20, lines * 14.5 + 6));
}
