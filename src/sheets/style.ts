// The look of every workbook taizhang writes: a government form in Chinese fonts, grey locked cells.
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
