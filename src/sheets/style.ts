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
export const PROBLEM_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFC7CE' } };

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
