// Extracts blocks from a Word (.docx) plan through mammoth's HTML, which keeps heading styles,
// bold runs and tables with merged cells.
import mammoth from 'mammoth';
import { parseDocument } from 'htmlparser2';
import type { ChildNode, Element } from 'domhandler';
import { UserError } from '../util/errors.ts';
import { cleanText, type Block, type ExtractedDocument } from './blocks.ts';

function textOf(node: ChildNode): string {
  if (node.type === 'text') return (node as unknown as { data: string }).data;
  if ('children' in node) return (node.children as ChildNode[]).map(textOf).join('');
  return '';
}

function decodeEntities(s: string): string {
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

function isElement(node: ChildNode): node is Element {
  return node.type === 'tag';
}

/** The bold text a paragraph opens with, if any. */
function leadingBold(p: Element): string | null {
  const first = p.children.find((c) => !(c.type === 'text' && textOf(c).trim() === ''));
  if (first && isElement(first) && (first.name === 'strong' || first.name === 'b')) {
    const t = cleanText(decodeEntities(textOf(first)));
    return t || null;
  }
  return null;
}

export async function extractDocx(bytes: Uint8Array, file: string): Promise<ExtractedDocument> {
  let html: string;
  try {
    html = (await mammoth.convertToHtml({ buffer: Buffer.from(bytes) })).value;
  } catch (e) {
    throw new UserError(
      `无法读取 Word 文件“${file}”：${(e as Error).message}`,
      '文件可能已损坏或并非 .docx 格式，请用 Word 或 WPS 打开后另存为 .docx 再试。',
    );
  }
  const doc = parseDocument(html, { decodeEntities: true });
  const blocks: Block[] = [];
  let counter = 0;
  const visit = (node: ChildNode): void => {
    if (!isElement(node)) return;
    const name = node.name;
    if (name === 'p' || /^h[1-6]$/.test(name)) {
      counter++;
      const text = cleanText(textOf(node));
      if (!text) return;
      const level = /^h([1-6])$/.exec(name)?.[1];
      blocks.push({
        kind: 'paragraph',
        text,
        line: counter,
        heading: level ? (Math.min(Number(level), 3) as 1 | 2 | 3) : null,
        boldLead: leadingBold(node),
      });
    } else if (name === 'table') {
      counter++;
      blocks.push({ kind: 'table', rows: tableRows(node), line: counter });
    } else {
      node.children.forEach(visit);
    }
  };
  doc.children.forEach(visit);
  return { blocks, lineWord: '段', encoding: 'docx' };
}

/** A cell's text; its paragraphs (one unit per line, as offices often write them) stay on lines of their own. */
function cellText(td: Element): string {
  const paragraphs: string[] = [];
  const walk = (n: ChildNode): void => {
    if (!isElement(n)) return;
    if (n.name === 'p') paragraphs.push(cleanText(textOf(n)));
    else n.children.forEach(walk);
  };
  td.children.forEach(walk);
  const lines = paragraphs.filter((t) => t !== '');
  return lines.length ? lines.join('\n') : cleanText(textOf(td));
}

/** Rows of cells; a cell merged down several rows is repeated in each, since it holds one value for all of them. */
function tableRows(table: Element): { text: string; colspan: number }[][] {
  const trs: Element[] = [];
  const collect = (n: ChildNode): void => {
    if (!isElement(n)) return;
    if (n.name === 'tr') trs.push(n);
    else if (n.name !== 'table') n.children.forEach(collect);
  };
  table.children.forEach(collect);
  const pending: { col: number; left: number; cell: { text: string; colspan: number } }[] = [];
  return trs.map((tr) => {
    const out: { text: string; colspan: number }[] = [];
    let col = 0;
    const takeRowspans = (): void => {
      for (let p = pending.find((x) => x.col === col && x.left > 0); p; p = pending.find((x) => x.col === col && x.left > 0)) {
        out.push({ ...p.cell });
        p.left--;
        col += p.cell.colspan;
      }
    };
    for (const td of tr.children.filter(isElement).filter((c) => c.name === 'td' || c.name === 'th')) {
      takeRowspans();
      const cell = { text: cellText(td), colspan: Number(td.attribs.colspan ?? 1) || 1 };
      const rowspan = Number(td.attribs.rowspan ?? 1) || 1;
      if (rowspan > 1) pending.push({ col, left: rowspan - 1, cell });
      out.push(cell);
      col += cell.colspan;
    }
    takeRowspans();
    return out;
  });
}
