// Extracts blocks from a plain-text plan: one paragraph per line; tab-indented lines form a table
// (one cell per line, rows separated by blank lines), as Word's "save as text" writes them.
import { UserError } from '../util/errors.ts';
import { cleanText, type Block, type ExtractedDocument } from './blocks.ts';

/** Decodes UTF-8 (with or without BOM), UTF-16 with BOM, or GB18030/GBK, which many office files still use. */
export function decodeText(bytes: Uint8Array, file: string): { text: string; encoding: string } {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(bytes), encoding: 'UTF-16LE' };
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: new TextDecoder('utf-16be').decode(bytes), encoding: 'UTF-16BE' };
  }
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return { text: text.replace(/^\ufeff/, ''), encoding: 'UTF-8' };
  } catch {
    // not UTF-8: try the Chinese national encoding
  }
  try {
    const text = new TextDecoder('gb18030', { fatal: true }).decode(bytes);
    // GB18030 decodes almost any byte string; demand that the result is mostly CJK text and punctuation.
    const letters = text.replace(/\s/g, '');
    const cjk = (letters.match(/[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/g) ?? []).length;
    if (letters.length > 0 && cjk / letters.length > 0.3) return { text, encoding: 'GB18030' };
  } catch {
    // fall through to the error below
  }
  throw new UserError(
    `无法识别文件“${file}”的文字编码。`,
    '请用记事本或 WPS 将文件另存为 UTF-8 编码的 .txt，或直接提供 .docx 文件。',
  );
}

export function extractTxt(bytes: Uint8Array, file: string): ExtractedDocument {
  const { text, encoding } = decodeText(bytes, file);
  const lines = text.split(/\r\n|\r|\n/);
  const blocks: Block[] = [];
  let i = 0;
  while (i < lines.length) {
    const raw = lines[i]!;
    if (raw.startsWith('\t') && cleanText(raw) !== '') {
      const start = i;
      const rows: { text: string; colspan: number }[][] = [];
      let row: { text: string; colspan: number }[] = [];
      // A table runs while lines are tab-indented or blank lines separate its rows.
      while (i < lines.length && (lines[i]!.startsWith('\t') || (lines[i]!.trim() === '' && lines[i + 1]?.startsWith('\t')))) {
        const line = lines[i]!;
        if (line.trim() === '' && !line.startsWith('\t')) {
          if (row.length) rows.push(row);
          row = [];
        } else {
          row.push({ text: cleanText(line), colspan: 1 });
        }
        i++;
      }
      if (row.length) rows.push(row);
      blocks.push({ kind: 'table', rows, line: start + 1 });
      continue;
    }
    const cleaned = cleanText(raw);
    if (cleaned) blocks.push({ kind: 'paragraph', text: cleaned, line: i + 1, heading: null, boldLead: null });
    i++;
  }
  return { blocks, lineWord: '行', encoding };
}
