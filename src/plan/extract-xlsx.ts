// Extracts blocks from an Excel plan (任务分工表): each sheet is one table. A cell merged down several rows is
// repeated in each (it holds one value for all of them); a cell merged across columns appears once with its
// span. Rows that are one merged cell (the table's title, a `注：` line) are also given as paragraphs, so the
// title and a lead rule written under the table are read as in a Word file.
import ExcelJS from 'exceljs';
import { UserError } from '../util/errors.ts';
import { cleanText, type Block, type ExtractedDocument } from './blocks.ts';

function cellText(cell: ExcelJS.Cell): string {
  return String(cell.text ?? '')
    .split(/\r\n|\r|\n/)
    .map(cleanText)
    .filter((t) => t !== '')
    .join('\n');
}

export async function extractXlsx(bytes: Uint8Array, file: string): Promise<ExtractedDocument> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch (e) {
    throw new UserError(
      `无法读取 Excel 文件“${file}”：${(e as Error).message}`,
      '文件可能已损坏或并非 .xlsx 格式，请用 Excel 或 WPS 打开后另存为 .xlsx 再试。',
    );
  }
  const blocks: Block[] = [];
  let line = 0;
  workbook.eachSheet((sheet) => {
    if (sheet.state !== 'visible') return;
    const rows: { text: string; colspan: number }[][] = [];
    const start = line + 1;
    for (let r = 1; r <= sheet.rowCount; r++) {
      line++;
      const row = sheet.getRow(r);
      const cells: { text: string; colspan: number }[] = [];
      for (let c = 1; c <= sheet.columnCount; c++) {
        const cell = row.getCell(c);
        const master = cell.isMerged ? cell.master : cell;
        // Merged across: the master's cell widens; the rest of the merge adds nothing.
        if (master !== cell && master.row === cell.row && cells.length > 0) {
          cells[cells.length - 1]!.colspan++;
          continue;
        }
        cells.push({ text: cellText(master), colspan: 1 });
      }
      while (cells.length && cells[cells.length - 1]!.text === '') cells.pop();
      if (cells.length === 0) continue;
      const filled = cells.filter((c) => c.text !== '');
      if (filled.length === 1 && (cells.length === 1 || filled[0]!.colspan > 1)) {
        blocks.push({ kind: 'paragraph', text: cleanText(filled[0]!.text), line, heading: null, boldLead: null });
      }
      rows.push(cells);
    }
    if (rows.length) blocks.push({ kind: 'table', rows, line: start });
  });
  return { blocks, lineWord: '行', encoding: 'xlsx' };
}
