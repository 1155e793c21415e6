// Formats read through well-kept external converters when they are installed: PDF through poppler's pdftotext
// (text PDFs only), and old Word (.doc), WPS (.wps) and RTF files through LibreOffice (converted to .docx).
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { UserError } from '../util/errors.ts';
import { cleanText, type Block, type ExtractedDocument } from './blocks.ts';
import { extractDocx } from './extract-docx.ts';

const run = promisify(execFile);

async function withTemp<T>(bytes: Uint8Array, name: string, work: (dir: string, file: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'taizhang-plan-'));
  try {
    const file = join(dir, name);
    await writeFile(file, bytes);
    return await work(dir, file);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Lines a PDF repeats on its pages: page numbers (`— 1 —`, `- 2 -`, `第3页`), and running headers and footers. */
const PAGE_NUMBER = /^[-—－–\s]*\d{1,4}[-—－–\s]*$|^第\s*\d+\s*页(?:\s*[,，/／]?\s*共\s*\d+\s*页)?$|^\d+\s*\/\s*\d+$/;

/** Joins the lines a PDF wrapped back into paragraphs and drops page furniture. */
export function pdfParagraphs(text: string): string[] {
  const pages = text.split('\f');
  const counts = new Map<string, number>();
  for (const page of pages) {
    const lines = page.split('\n').map(cleanText).filter((l) => l !== '');
    for (const l of new Set([...lines.slice(0, 2), ...lines.slice(-2)])) counts.set(l, (counts.get(l) ?? 0) + 1);
  }
  const furniture = new Set([...counts].filter(([l, n]) => n >= 3 && n >= pages.length / 2 && l.length <= 40).map(([l]) => l));
  const paragraphs: string[] = [];
  let current = '';
  for (const page of pages) {
    for (const raw of page.split('\n')) {
      // pdftotext spaces digits and Latin letters off from Chinese (`2025 年`); the document has no such spaces.
      const line = cleanText(raw).replace(/(?<=[\u3000-\u9fff\uff00-\uffef]) (?=[\x21-\x7e])|(?<=[\x21-\x7e]) (?=[\u3000-\u9fff\uff00-\uffef])/g, '');
      if (line === '' || PAGE_NUMBER.test(line) || furniture.has(line)) continue;
      // A new paragraph starts with a number or after a line that ended a sentence or a heading.
      const starts = /^(?:第[一二三四五六七八九十百]+[章节]|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[)）]|\d{1,3}[.．、]|[①-⑳]|附件)/.test(line);
      if (current && (starts || /[。；;！？!?）)]$/.test(current))) {
        paragraphs.push(current);
        current = line;
      } else current = current ? `${current}${/[A-Za-z0-9]$/.test(current) && /^[A-Za-z0-9]/.test(line) ? ' ' : ''}${line}` : line;
    }
  }
  if (current) paragraphs.push(current);
  return paragraphs;
}

export async function extractPdf(bytes: Uint8Array, file: string): Promise<ExtractedDocument> {
  let text: string;
  try {
    text = await withTemp(bytes, 'plan.pdf', async (_dir, pdf) => (await run('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { maxBuffer: 64 << 20 })).stdout);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new UserError(`读取 PDF 文件“${file}”需要 pdftotext，本机未安装。`, '请安装 poppler-utils（如 apt install poppler-utils），或向发文单位索取 Word 版本（.docx）。');
    }
    throw new UserError(`无法读取 PDF 文件“${file}”：${(e as Error).message.split('\n')[0]}`, '文件可能已损坏或加密，请向发文单位索取 Word 版本（.docx）。');
  }
  const paragraphs = pdfParagraphs(text);
  if (paragraphs.join('').replace(/\s/g, '').length < 20) {
    throw new UserError(`PDF 文件“${file}”中没有可提取的文字，可能是扫描件。`, '扫描件需先做文字识别（OCR），或向发文单位索取 Word 版本（.docx）。');
  }
  const blocks: Block[] = paragraphs.map((text, i) => ({ kind: 'paragraph', text, line: i + 1, heading: null, boldLead: null }));
  return { blocks, lineWord: '段', encoding: 'pdf' };
}

/** Old Word, WPS and RTF files: LibreOffice converts them to .docx, which is then read as any Word file. */
export function extractThroughOffice(kind: string, hint: string) {
  return async (bytes: Uint8Array, file: string): Promise<ExtractedDocument> => {
    const converted = await withTemp(bytes, `plan.${kind}`, async (dir, input) => {
      try {
        await run('soffice', ['--headless', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', 'docx', '--outdir', dir, input], { timeout: 120_000 });
      } catch (e) {
        const err = e as NodeJS.ErrnoException;
        if (err.code === 'ENOENT' && err.syscall?.startsWith('spawn')) return null;
        throw new UserError(`无法转换文件“${file}”：${err.message.split('\n')[0]}`, hint);
      }
      try {
        return await readFile(join(dir, 'plan.docx'));
      } catch {
        throw new UserError(`无法读取文件“${file}”：LibreOffice 未能转换，文件可能已损坏或不是${kind === 'wps' ? ' WPS 文字' : kind === 'rtf' ? ' RTF ' : '旧版 Word '}文件。`, '请用 Word 或 WPS 打开该文件，确认内容完整后“另存为”.docx 格式再试。');
      }
    });
    if (!converted) throw new UserError(`读取“${file}”需要 LibreOffice，本机未安装。`, hint);
    const doc = await extractDocx(converted, file);
    return { ...doc, encoding: kind };
  };
}
