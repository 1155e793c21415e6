// The xlsx reader as a library: `readXlsx(bytes, limits)` opens a workbook's bytes within limits and gives its
// sheets' cells. Three layers, each usable alone: zip.ts (members inflated within limits, checked by CRC and for
// overlap), xml.ts (a conforming tokenizer, proven equal to saxes), workbook.ts (sheet names, shared strings,
// number formats, cell values). Every problem of the file is a ZipProblem or an OverLimit (errors.ts), worded in
// Chinese for the unit that sent it; anything else thrown is a bug. See README.md beside this file for why these
// are our own and not saxes, yauzl or fflate.
import { READ_LIMITS, XlsxFile, type ReadLimits } from './workbook.ts';

export { OverLimit, ZipProblem } from './errors.ts';
export { cellPosition, columnLetters } from './refs.ts';
export { isDateFormat, READ_LIMITS, serialDate, XlsxFile, XlsxSheet, type ReadLimits, type XlsxCell } from './workbook.ts';
export { listMembers, readMembers, ZIP_LIMITS, type ZipLimits } from './zip.ts';

/**
 * Opens a workbook: every member inflated and checked, every part other than the worksheets parsed and checked.
 * Worksheets are read by `sheet(name, lastRow)` and the rest checked by `checkUnread()`. Throws ZipProblem or
 * OverLimit for the file's own problems.
 */
export function readXlsx(bytes: Uint8Array, limits: ReadLimits = READ_LIMITS): XlsxFile {
  return new XlsxFile(bytes, limits);
}
