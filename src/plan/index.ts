// Reads a plan document into the plan model. One reader per format, chosen from a small table;
// every reader extracts blocks first and hands them to the same mapper.
import { readFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { ISSUER_PLACEHOLDER, Plan, TITLE_PLACEHOLDER, type Warning } from '../model/plan.ts';
import { UserError } from '../util/errors.ts';
import { sha256 } from '../util/hash.ts';
import type { ExtractedDocument } from './blocks.ts';
import { extractDocx } from './extract-docx.ts';
import { extractPdf, extractThroughOffice } from './extract-converted.ts';
import { extractTxt } from './extract-txt.ts';
import { extractXlsx } from './extract-xlsx.ts';
import { mapBlocks } from './outline.ts';
import { warningMessage } from '../model/rules.ts';

type Extractor = (bytes: Uint8Array, file: string) => ExtractedDocument | Promise<ExtractedDocument>;

const READERS: Record<string, Extractor> = {
  txt: extractTxt,
  docx: extractDocx,
  xlsx: extractXlsx,
  pdf: extractPdf,
  doc: extractThroughOffice('doc', '请安装 LibreOffice，或用 Word、WPS 打开后“另存为”.docx 格式再试。'),
  wps: extractThroughOffice('wps', '请安装 LibreOffice，或用 WPS 打开后“另存为”.docx 格式再试。'),
  rtf: extractThroughOffice('rtf', '请安装 LibreOffice，或用 Word、WPS 打开后“另存为”.docx 格式再试。'),
};

/** Formats people send that we cannot read, with what to do instead. */
const UNSUPPORTED: Record<string, string> = {
  ofd: 'OFD 版式文件无法提取文字，请向发文单位索取 Word 版本（.docx）。',
};

/** Tells the format from the bytes; the extension only decides between look-alikes. */
export function sniffFormat(bytes: Uint8Array, file: string): string {
  const ext = extname(file).slice(1).toLowerCase();
  const head = Buffer.from(bytes.subarray(0, 8));
  if (head.subarray(0, 4).toString('latin1') === '%PDF') return 'pdf';
  if (head.readUInt32BE(0) === 0xd0cf11e0) return ext === 'wps' ? 'wps' : 'doc';
  if (head.subarray(0, 5).toString('latin1') === '{\\rtf') return 'rtf';
  if (head.subarray(0, 2).toString('latin1') === 'PK') {
    if (ext === 'ofd') return 'ofd';
    if (Buffer.from(bytes).includes('word/document.xml')) return 'docx';
    if (Buffer.from(bytes).includes('xl/workbook.xml')) return 'xlsx';
    return ext || 'zip';
  }
  return 'txt';
}

export interface ReadPlanOptions {
  title?: string;
  issuer?: string;
}

export async function readPlan(path: string, options: ReadPlanOptions = {}): Promise<Plan> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch {
    throw new UserError(`找不到文件“${path}”。`, '请检查文件路径是否正确。');
  }
  const file = basename(path);
  if (bytes.length === 0) throw new UserError(`文件“${file}”是空文件。`, '请确认选择了正确的文件。');
  const format = sniffFormat(bytes, file);
  if (format in UNSUPPORTED) throw new UserError(`不支持读取文件“${file}”。`, UNSUPPORTED[format]);
  const reader = READERS[format];
  if (!reader) {
    throw new UserError(`不支持读取“${file}”这种格式（${format}）。`, '工作要点请提供 .docx、.xlsx、.pdf、.doc、.wps 或 .txt 文件。');
  }
  const doc = await reader(bytes, file);
  const plan = mapBlocks(doc, { file, format: format as Plan['source']['format'], sha256: sha256(bytes), ...options });
  plan.warnings.push(...headerWarnings(plan));
  return Plan.parse(plan);
}

/**
 * A plan without a title or issuer still parses, but every sheet and document would print it empty: the coordinator
 * is told now, with the ways to give it, rather than finding 《》 in a signed document.
 */
export function headerWarnings(plan: Pick<Plan, 'title' | 'issuer'>): Warning[] {
  const warnings: Warning[] = [];
  // The same words whatever the format the plan came in (its .pdf and .docx give the same warnings).
  const how = (option: string, field: string) =>
    `请重新读取并指定（npx taizhang plan parse <工作要点文件> ${option} "…"），或在工作台“计划”页上传时填写“${field}”。`;
  if (!plan.title.trim()) {
    warnings.push({ code: 'title-missing', line: null, message: warningMessage('title-missing', { placeholder: TITLE_PLACEHOLDER, how: how('--title', '标题') }) });
  }
  if (!plan.issuer.trim()) {
    warnings.push({
      code: 'issuer-missing',
      line: null,
      message: warningMessage('issuer-missing', { placeholder: ISSUER_PLACEHOLDER, how: how('--issuer', '发文机关') }),
    });
  }
  return warnings;
}

/** Reads a plan JSON written by `plan parse` or `plan import`, with a clear message when it is not one. */
export async function loadPlanJson(path: string): Promise<Plan> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    throw new UserError(`找不到任务文件“${path}”。`, '请先运行 npx taizhang plan parse <工作要点文件> -o plan.json 生成。');
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new UserError(`任务文件“${path}”不是有效的 JSON：${(e as Error).message}`);
  }
  const parsed = Plan.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new UserError(`任务文件“${path}”格式不正确：字段 ${issue.path.join('.')}：${issue.message}`, '请用 npx taizhang plan parse 或 npx taizhang plan import 重新生成该文件。');
  }
  return parsed.data;
}

