// Maps the blocks of any plan document to the plan model: finds the title, the chapters (`一、`, `第一章`),
// sections (`（一）`, `第一节`), tasks (numbered `1.` or paragraphs led by a sentence) and their clauses.
import type { Chapter, Clause, Indicator, Plan, RegistryUnit, Section, Task, Warning } from '../model/plan.ts';
import { UserError } from '../util/errors.ts';
import { findAnnotations, parseAnnotationLine, unitKindOf, type Annotation } from './annotations.ts';
import type { ExtractedDocument, ParagraphBlock } from './blocks.ts';
import { isIndicatorTable, readIndicators } from './indicators.ts';
import { findTaskTables, tableTasks } from './table.ts';
import { findDeadline, findTargets } from './targets.ts';

const CN_DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 一 → 1, 十四 → 14, 二十三 → 23. */
export function chineseNumeral(s: string): number | null {
  if (!/^[零〇一二两三四五六七八九十百]+$/.test(s)) return null;
  let total = 0;
  let current = 0;
  for (const ch of s) {
    if (ch === '百') {
      total += (current || 1) * 100;
      current = 0;
    } else if (ch === '十') {
      total += (current || 1) * 10;
      current = 0;
    } else current = CN_DIGITS[ch]!;
  }
  return total + current;
}

const CN = '[一二三四五六七八九十百零〇两]+';
const CHAPTER = new RegExp(`^(第${CN}章|${CN}、)\\s*(.*)$`);
const SECTION = new RegExp(`^(第${CN}节|[（(]${CN}[)）])\\s*(.*)$`);
const NUMBERED = /^(\d{1,3})[.．、](?!\d)\s*(\S.*)$/;
/** The number a paragraph task may open with: （一） (1) ① 一是. */
const ITEM_NUMBER = new RegExp(`^([（(](?:${CN}|\\d{1,2})[)）]|[①-⑳])`);

/** Web-page and notice furniture that is never part of a plan. */
const NOISE = [
  /^字号[:：]?$/,
  /^字号[:：]?\s*大\s*中\s*小$/,
  /^大\s*中\s*小$/,
  /扫码使用手机浏览/,
  /^(打印本页|关闭窗口|【打印】|【关闭】|分享到[:：]?.*)$/,
  /^[（(]此件公开发布[)）]$/,
  /^[（(]联系电话[:：]/,
  /^来源[:：]/,
  /^发布时间[:：]/,
  /^(浏览次数|访问量)[:：]/,
];

/** Sections of a five-year plan that describe, not assign: their paragraphs are not tasks. */
const BACKGROUND = /基础|成效|存在问题|面临|形势|指导思想|基本原则|主要目标|总体目标|总体要求|发展目标|规划目标|发展环境|背景/;

interface Meta {
  file: string;
  format: Plan['source']['format'];
  sha256: string;
  title?: string;
  issuer?: string;
}

/** A title ends like a plan, not like a sentence. */
const TITLE_END = /(工作要点|工作方案|实施方案|行动方案|规划|计划|意见|要点|方案)$/;

function headerInfo(paras: ParagraphBlock[]): { title: string; issuer: string; year: number | null } {
  let title = '';
  let issuer = '';
  let year: number | null = null;
  for (const p of paras.slice(0, 30)) {
    const quoted = /关于印发《(.+?)》的通知/.exec(p.text);
    if (quoted && !title) title = quoted[1]!;
    if (!title && p.text.length <= 50 && TITLE_END.test(p.text) && !/[。，]/.test(p.text)) title = p.text;
  }
  // The issuer signs above the date in a notice.
  paras.slice(0, 30).forEach((p, i) => {
    if (!issuer && /^\d{4}年\d{1,2}月\d{1,2}日$/.test(p.text) && i > 0) {
      const prev = paras[i - 1]!.text;
      if (prev.length <= 30 && /(政府|局|委员会|委|办公室|厅|中心|领导小组)$/.test(prev)) issuer = prev;
      year ??= Number(p.text.slice(0, 4));
    }
  });
  const titleYear = /(\d{4})年/.exec(title);
  if (titleYear) year = Number(titleYear[1]);
  if (year === null) {
    const first = paras.find((p) => /^(\d{4})年/.test(p.text));
    if (first) year = Number(first.text.slice(0, 4));
  }
  if (!issuer) {
    // `…局关于…`, or a plan titled by its issuer and year: `某区生态环境局2025年工作要点`.
    const m = /^(.+?(?:人民政府|局|委员会|厅))(?:关于|办公室关于)/.exec(title) ?? /^(.{2,30}?(?:人民政府|局|委员会|厅|管委会|办公室))\d{4}年/.exec(title);
    if (m) issuer = m[1]!;
  }
  return { title, issuer, year };
}

interface TaskDraft {
  number: string | null;
  ordinal: number;
  chapterIndex: number;
  sectionIndex: number | null;
  line: number;
  lead: string;
  pieces: ({ text: string; line: number } | { annotation: Annotation; line: number })[];
  /** True once the task's text ends with an annotation: later plain paragraphs are not part of it. */
  closed: boolean;
}

function leadOf(text: string): string {
  const end = text.search(/[。]/);
  const lead = end >= 0 ? text.slice(0, end) : text;
  return lead.length > 60 ? lead.slice(0, 60) : lead;
}

/** The sentence a paragraph task opens with, when it reads like a heading: short, at most two commas. */
function sentenceLead(text: string): string | null {
  const end = text.indexOf('。');
  if (end < 2 || end > 45 || end === text.length - 1) return null;
  const lead = text.slice(0, end);
  if (/[；;：:]/.test(lead) || (lead.match(/[，,]/g) ?? []).length > 2) return null;
  return lead;
}

export function mapBlocks(doc: ExtractedDocument, meta: Meta): Plan {
  const warnings: Warning[] = [];
  const at = (line: number) => `第${line}${doc.lineWord}`;
  const paras = doc.blocks.filter((b): b is ParagraphBlock => b.kind === 'paragraph' && !NOISE.some((re) => re.test(b.text)));
  if (paras.length === 0) {
    throw new UserError(`文件“${meta.file}”中没有文字内容。`, '请确认选择了正确的文件；若为扫描件，请先转换为可编辑的文字。');
  }
  const header = headerInfo(paras);
  // A plan with a task table (任务分工表): the table's rows are the tasks; the body restates them without units.
  const taskTables = findTaskTables(doc.blocks);
  if (taskTables.length) {
    const chapters: Chapter[] = [];
    const tasks: Task[] = [];
    for (const t of taskTables) {
      const read = tableTasks(t.table, t.roles, t.headerIndex, header.year, doc.lineWord);
      const offset = chapters.length;
      const renumber = (id: string) => String(Number(id) + offset);
      chapters.push(...read.chapters.map((c) => ({ ...c, id: renumber(c.id) })));
      tasks.push(...read.tasks.map((task) => ({ ...task, chapterId: renumber(task.chapterId) })));
      warnings.push(...read.warnings);
    }
    return assemble(doc, meta, header, chapters, tasks, warnings);
  }
  const chapters: (Chapter & { background: boolean })[] = [];
  const sectionBackground: boolean[][] = [];
  const drafts: TaskDraft[] = [];
  // A plan numbers its tasks (`1.`) under chapters, or (five-year plans) leads paragraphs with a sentence.
  const firstChapter = paras.findIndex((p) => p.heading === 1 || CHAPTER.test(p.text));
  const numberedMode = firstChapter >= 0 && paras.slice(firstChapter).filter((p) => NUMBERED.test(p.text)).length >= 2;
  let current: TaskDraft | null = null;
  let ordinal = 0;

  for (const p of paras) {
    const chapter = CHAPTER.exec(p.text);
    const isChapter = (p.heading === 1 || (chapter && p.text.length <= 40 && !/。./.test(p.text))) && !NUMBERED.test(p.text);
    if (isChapter) {
      const number = chapter?.[1] ?? '';
      const n = chineseNumeral(number.replace(/^第|章$|、$/g, '')) ?? chapters.length + 1;
      chapters.push({ id: String(n), number, title: (chapter?.[2] ?? p.text).trim(), sections: [], background: BACKGROUND.test(p.text) });
      sectionBackground.push([]);
      current = null;
      continue;
    }
    const section = SECTION.exec(p.text);
    const isSection = chapters.length > 0 && (p.heading === 2 || (section && p.text.length <= 40 && !/。./.test(p.text)));
    if (isSection) {
      const ch = chapters[chapters.length - 1]!;
      const number = section?.[1] ?? '';
      const title = (section?.[2] ?? p.text).trim();
      ch.sections.push({ id: `${ch.id}.${ch.sections.length + 1}`, number, title });
      sectionBackground[chapters.length - 1]!.push(BACKGROUND.test(title));
      current = null;
      continue;
    }
    if (chapters.length === 0) continue; // preamble: notice header, opening paragraphs
    const chapterIndex = chapters.length - 1;
    const sections = chapters[chapterIndex]!.sections;
    const sectionIndex = sections.length ? sections.length - 1 : null;

    const annotationLine = parseAnnotationLine(p.text);
    if (annotationLine) {
      const previous = current?.pieces.at(-1);
      if (current && previous && 'annotation' in previous && annotationLine.assignments.every((a) => a.role === '配合')) {
        // `配合单位：…` on the line after `牵头单位：…` completes that annotation.
        const known = new Set(previous.annotation.assignments.map((a) => a.unit));
        previous.annotation.assignments.push(...annotationLine.assignments.filter((a) => !known.has(a.unit)));
        previous.annotation.raw += `；${annotationLine.raw}`;
      } else if (current) {
        current.pieces.push({ annotation: annotationLine, line: p.line });
        current.closed = true;
      } else {
        warnings.push({ code: 'annotation-orphan', line: p.line, message: `${at(p.line)}的“${p.text}”前面没有任务，未能归属。` });
      }
      continue;
    }
    const numbered = numberedMode ? NUMBERED.exec(p.text) : null;
    if (numbered) {
      const body = numbered[2]!;
      current = {
        number: numbered[1]!,
        ordinal: ++ordinal,
        chapterIndex,
        sectionIndex,
        line: p.line,
        lead: leadOf(body),
        pieces: [{ text: body, line: p.line }],
        closed: endsWithAnnotation(body),
      };
      drafts.push(current);
      continue;
    }
    if (numberedMode) {
      if (current && !current.closed) {
        current.pieces.push({ text: p.text, line: p.line });
        current.closed = endsWithAnnotation(p.text);
      }
      continue;
    }
    // Paragraph tasks (five-year plans): a paragraph led by a bold (docx) or heading-like first sentence.
    const background = chapters[chapterIndex]!.background || (sectionIndex !== null && sectionBackground[chapterIndex]![sectionIndex]!);
    if (background) continue;
    // Bold marks the lead in Word files, but not always: a heading-like first sentence counts too.
    // A paragraph task may carry its own number: （一） (1) ①.
    const itemNumber = ITEM_NUMBER.exec(p.text)?.[1] ?? null;
    const body = itemNumber ? p.text.slice(itemNumber.length).trimStart() : p.text;
    const lead = p.boldLead ? p.boldLead.replace(/[。.]$/, '').replace(ITEM_NUMBER, '') : sentenceLead(body);
    if (!lead || body.length <= lead.length + 1) continue;
    current = {
      number: itemNumber,
      ordinal: ++ordinal,
      chapterIndex,
      sectionIndex,
      line: p.line,
      lead,
      pieces: [{ text: body, line: p.line }],
      closed: true,
    };
    drafts.push(current);
  }

  if (drafts.length === 0) {
    throw new UserError(
      `文件“${meta.file}”中没有识别出任务。`,
      '工作要点应有“一、”或“第一章”形式的章节和“1.”形式编号的任务；规划类文件的任务应为以加粗短句开头的段落。请检查文件内容或格式。',
    );
  }

  const tasks = buildTasks(drafts, chapters, header.year, warnings, at, numberedMode);
  return assemble(doc, meta, header, chapters.map(({ background: _b, ...c }) => c), tasks, warnings);
}

function assemble(
  doc: ExtractedDocument,
  meta: Meta,
  header: { title: string; issuer: string; year: number | null },
  chapters: Chapter[],
  tasks: Task[],
  warnings: Warning[],
): Plan {
  const indicators: Indicator[] = [];
  for (const table of doc.blocks.filter((b) => b.kind === 'table')) {
    if (table.kind === 'table' && isIndicatorTable(table)) {
      const read = readIndicators(table, doc.lineWord);
      indicators.push(...read.indicators);
      warnings.push(...read.warnings);
    }
  }
  const unassigned = tasks.filter((t) => t.clauses.every((c) => c.assignments.length === 0));
  if (unassigned.length === tasks.length) {
    warnings.push({
      code: 'no-units',
      line: null,
      message: `全部${tasks.length}项任务均未标注责任单位，请导出任务分解表（taizhang plan export）指定责任单位后再导入。`,
    });
  }

  return {
    schema: 'taizhang/plan@1',
    id: meta.sha256.slice(0, 12),
    title: meta.title ?? header.title ?? '',
    issuer: meta.issuer ?? header.issuer,
    year: header.year,
    source: { file: meta.file, format: meta.format, sha256: meta.sha256, encoding: doc.encoding },
    chapters: chapters.filter((c) => tasks.some((t) => t.chapterId === c.id)),
    tasks,
    indicators,
    units: registryOf(tasks),
    warnings,
  };
}

function endsWithAnnotation(text: string): boolean {
  const anns = findAnnotations(text);
  const last = anns[anns.length - 1];
  return !!last && text.slice(last.end).replace(/[\s。.；;，,]/g, '') === '';
}

function buildTasks(
  drafts: TaskDraft[],
  chapters: Chapter[],
  year: number | null,
  warnings: Warning[],
  at: (line: number) => string,
  numberedMode: boolean,
): Task[] {
  // Numbering that restarts in each chapter gives ids `4.6`, in each section `1.2.3`; across chapters, `7`.
  const restarts = drafts.some((d, i) => i > 0 && d.number === '1' && d.chapterIndex !== drafts[i - 1]!.chapterIndex);
  const restartsInSections = drafts.some(
    (d, i) => i > 0 && d.number === '1' && d.chapterIndex === drafts[i - 1]!.chapterIndex && d.sectionIndex !== drafts[i - 1]!.sectionIndex,
  );
  const perSection = new Map<string, number>();
  const seen = new Set<string>();
  return drafts.map((d) => {
    const chapter = chapters[d.chapterIndex]!;
    const section: Section | null = d.sectionIndex !== null ? chapter.sections[d.sectionIndex]! : null;
    let id: string;
    if (d.number !== null && /^\d+$/.test(d.number)) {
      id = restartsInSections && section ? `${section.id}.${d.number}` : restarts || restartsInSections ? `${chapter.id}.${d.number}` : d.number;
    }
    else {
      const key = section?.id ?? chapter.id;
      const k = (perSection.get(key) ?? 0) + 1;
      perSection.set(key, k);
      id = `${key}.${k}`;
    }
    if (seen.has(id)) {
      warnings.push({ code: 'duplicate-task-id', line: d.line, message: `${at(d.line)}的任务编号“${id}”与前文重复，已改为“${id}′”，请核对原文编号。` });
      id = `${id}′`;
    }
    seen.add(id);
    const clauses = clausesOf(d, id, year, warnings, at, numberedMode);
    const text = clauses.map((c) => c.text).join('');
    return {
      id,
      chapterId: chapter.id,
      sectionId: section?.id ?? null,
      number: d.number,
      lead: d.lead,
      text,
      clauses,
      line: d.line,
    };
  });
}

function clausesOf(
  d: TaskDraft,
  taskId: string,
  year: number | null,
  warnings: Warning[],
  at: (line: number) => string,
  numberedMode: boolean,
): Clause[] {
  const parts: { text: string; line: number; annotation: Annotation | null }[] = [];
  let buffer = '';
  let bufferLine = d.line;
  const close = (annotation: Annotation | null, line: number) => {
    parts.push({ text: buffer.trim(), line: annotation ? line : bufferLine, annotation });
    buffer = '';
  };
  for (const piece of d.pieces) {
    if ('annotation' in piece) {
      close(piece.annotation, piece.line);
      continue;
    }
    if (!buffer) bufferLine = piece.line;
    let from = 0;
    for (const ann of findAnnotations(piece.text)) {
      buffer += piece.text.slice(from, ann.start);
      close(ann, piece.line);
      from = ann.end;
    }
    buffer += piece.text.slice(from);
  }
  const rest = buffer.replace(/^[\s。.；;，,]+/, '').trim();
  if (rest.replace(/[\s。.；;，,]/g, '') !== '') {
    if (parts.length > 0) {
      warnings.push({
        code: 'clause-without-units',
        line: bufferLine,
        message: `${at(bufferLine)}任务${taskId}末尾的“${rest.slice(0, 20)}${rest.length > 20 ? '…' : ''}”没有责任单位括注，已单列为一项待指定单位的内容。`,
      });
    } else if (numberedMode) {
      warnings.push({ code: 'task-without-units', line: d.line, message: `${at(d.line)}任务${taskId}“${d.lead}”未标注责任单位。` });
    }
    buffer = rest;
    close(null, bufferLine);
  }
  const multiple = parts.length > 1;
  return parts.map((part, i) => {
    const text = part.text.replace(/^[\s。.；;，,]+/, '');
    for (const problem of part.annotation?.problems ?? []) {
      warnings.push({ code: 'annotation-unclear', line: part.line, message: `${at(part.line)}任务${taskId}的责任单位括注“${part.annotation!.raw}”：${problem}。` });
    }
    return {
      id: multiple ? `${taskId}-${i + 1}` : taskId,
      text,
      assignments: part.annotation?.assignments ?? [],
      targets: findTargets(text),
      deadline: findDeadline(text, year),
      annotation: part.annotation?.raw ?? null,
      line: part.line,
    };
  });
}

/** Every unit named in the plan, in order of first mention. */
export function registryOf(tasks: Task[]): RegistryUnit[] {
  const units = new Map<string, RegistryUnit>();
  for (const t of tasks) {
    for (const c of t.clauses) {
      for (const a of c.assignments) {
        if (!units.has(a.unit)) units.set(a.unit, { name: a.unit, aliases: [], kind: unitKindOf(a.unit), members: [] });
      }
    }
  }
  return [...units.values()];
}
