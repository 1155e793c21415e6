// Maps the blocks of any plan document to the plan model: finds the title, the chapters (`一、`, `第一章`),
// sections (`（一）`, `第一节`), tasks (numbered `1.` or paragraphs led by a sentence) and their clauses.
import type { Assignment, Chapter, Doubt, Clause, Indicator, Plan, RegistryUnit, Section, Task, Warning } from '../model/plan.ts';
import { UserError } from '../util/errors.ts';
import { canonicalUnit, findAnnotations, INHERIT, looksLikeUnit, ORGAN_END, readsAsName, splitUnits, statesPositionRule, joinAnnotationLines, parseAnnotationBody, parseAnnotationLine, unitKindOf, type Annotation } from './annotations.ts';
import type { ExtractedDocument, ParagraphBlock } from './blocks.ts';
import { isIndicatorTable, readIndicators } from './indicators.ts';
import { proseClauses } from './prose.ts';
import { findTaskTables, tableTasks } from './table.ts';
import { chineseNumeral } from './numerals.ts';
import { findDeadline, findTargets, type PlanDates } from './targets.ts';
import { warningMessage, warningVariant } from '../model/rules.ts';

const CN = '[一二三四五六七八九十百零〇两]+';

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


interface Meta {
  file: string;
  format: Plan['source']['format'];
  sha256: string;
  title?: string;
  issuer?: string;
}

/** A title ends like a plan, not like a sentence. */
const TITLE_END = /(工作要点|工作方案|实施方案|行动方案|规划|计划|意见|要点|方案|分工表|分解表|任务清单|推广清单|考核细则|考核办法|评分标准|细则)$/;

/** A line that is only a date: the signature date of a notice or plan (`2024年3月15日`, spaced by converters). */
const DATE_LINE = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$/;

function headerInfo(paras: ParagraphBlock[]): { title: string; issuer: string; year: number | null; issued: string | null } {
  let title = '';
  let issuer = '';
  let year: number | null = null;
  // Titles are often split over two or three lines: short lines without punctuation are tried joined.
  const head = paras.slice(0, 30).map((p) => p.text);
  const titleLine = (t: string) => t.length <= 40 && !/[。，,；;：:]/.test(t) && !DATE_LINE.test(t) && !/〔\d{4}〕|[（(]\d{4}[)）]\d+号|^\d+$/.test(t);
  const joined: string[] = [];
  head.forEach((t, i) => {
    for (let k = 3; k >= 1; k--) {
      const parts = head.slice(i, i + k);
      if (parts.length === k && parts.every(titleLine)) joined.push(parts.join(''));
    }
    joined.push(t);
  });
  for (const t of joined) {
    const quoted = /关于印发《(.+?)》的通知/.exec(t);
    if (quoted) {
      title = quoted[1]!;
      break;
    }
  }
  if (!title) title = joined.find((t) => t.length <= 60 && TITLE_END.test(t) && !/[。，]/.test(t)) ?? '';
  if (!title) title = joined.map((t) => /印发(.{4,50}?)的通知$/.exec(t)?.[1]).find((t) => t !== undefined) ?? '';
  // The issuer signs above the date in a notice.
  paras.slice(0, 30).forEach((p, i) => {
    if (!issuer && DATE_LINE.test(p.text) && i > 0) {
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
  // The signature date: after the cover notice, or at the end of the plan.
  const dateLine = [...paras.slice(0, 30), ...paras.slice(-15)].map((p) => DATE_LINE.exec(p.text)).find(Boolean);
  const issued = dateLine ? `${dateLine[1]}-${dateLine[2]!.padStart(2, '0')}-${dateLine[3]!.padStart(2, '0')}` : null;
  return { title, issuer, year, issued };
}

interface TaskDraft {
  number: string | null;
  /** The numbers of the headings above the task and its own (or its paragraph's place): the id is made from it. */
  path: string[];
  chapter: OutlineNode;
  section: OutlineNode | null;
  line: number;
  lead: string;
  pieces: ({ text: string; line: number } | { annotation: Annotation; line: number })[];
  /** Under a 职责分工 heading: the units an item is about (its heading names them), when it has no annotation. */
  actor?: Annotation;
}

/** Headings that assign duties by naming the body first: `职责分工`, `部门职责`, `属地职责`. */
const DUTIES = /职责|分工/;

/** Text that is only a list of units (`区旅游文体局、旅游文化中心`, `学校`), with no words of a sentence. */
function unitListOnly(text: string): string[] | null {
  const t = text.replace(/[。.：:]$/, '').trim();
  if (t.length < 2 || t.length > 40 || /[，,；;。]/.test(t)) return null;
  const names = splitUnits(t);
  const ok = names.length > 0 && names.every((n) => readsAsName(n) && (looksLikeUnit(canonicalUnit(n)) || unitKindOf(n) !== 'unit') && !/要|应|按照|负责|加强|推进|落实|开展|做好/.test(n));
  return ok ? names.map(canonicalUnit) : null;
}

/** The body a duty paragraph opens with: `区党群工作部按照…`, `各片区管理局（乡镇、街道办事处）要…`. */
const SUBJECT = /^((?:各|区|市|县|省)?[\u4e00-\u9fa5]{1,14}?(?:局|部|委员会|办公室|中心|政府|管委会|管理局|厅|署|机构|学校)(?:[（(][^（）()]{1,16}[)）])?)(?=要|应|按照|根据|负责|充分|增加|严格|加强|会同|统筹|督促|指导|组织|做好|落实|牵头|全区|全面|建立|积极|认真|进一步|将|把|在)/;

/**
 * The actor of an item under a 职责分工 heading: its heading or first sentence when that is a list of units, its
 * opening subject (read from prose, so a doubt), or the actor of the heading above it (`（五）区社会事业局` over 1.–5.).
 */
function actorOf(node: OutlineNode): Annotation | null {
  let n: OutlineNode | null = node;
  let duties: OutlineNode | null = null;
  for (let a: OutlineNode | null = node.parent; a && !duties; a = a.parent) if (DUTIES.test(headingPhrase(a.text))) duties = a;
  if (!duties) return null;
  const make = (units: string[], doubts: Doubt[]): Annotation => ({
    start: 0, end: 0, raw: units.join('、'), assignments: units.map((unit) => ({ unit, role: '负责' })), problems: [], doubts,
  });
  for (; n && n !== duties; n = n.parent) {
    const text = n.text || n.paras[0]?.text || '';
    const first = unitListOnly(text.split('。')[0]!);
    if (first) return make(first, []);
    if (n === node) {
      const subject = SUBJECT.exec(n.text.replace(/\s+/g, '')) ?? SUBJECT.exec((n.paras[0]?.text ?? '').replace(/\s+/g, ''));
      if (subject && readsAsName(subject[1]!)) return make([canonicalUnit(subject[1]!)], ['from-prose']);
    }
  }
  return null;
}

function leadOf(text: string): string {
  // The lead stops before the first annotation and a points bracket (`（0.5分）`) of a scoring table.
  const ann = findAnnotations(text)[0];
  const points = text.search(/[（(]\s*\d+(?:\.\d+)?\s*分\s*[)）]/);
  const cut = Math.min(ann ? ann.start : text.length, points >= 0 ? points : text.length);
  if (cut >= 4) text = text.slice(0, cut);
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

/** One numbered heading or item of the outline, with the unnumbered paragraphs under it. */
interface OutlineNode {
  level: number;
  /** As printed: `三、`, `（二）`, `4．`; empty for a heading known only by its Word style. */
  number: string;
  /** The number's value, or the node's place among its siblings when it has none. */
  value: string;
  /** The text after the number. */
  text: string;
  line: number;
  paras: ParagraphBlock[];
  children: OutlineNode[];
  parent: OutlineNode | null;
  /** Principles, goals, background, safeguards: its items are tasks only when units are assigned to them. */
  descriptive: boolean;
}

const NUMBER_FORMS: { level: number; re: RegExp; value: (m: RegExpExecArray) => string }[] = [
  { level: 1, re: new RegExp(`^(第(${CN})[章部篇])\\s*`), value: (m) => String(chineseNumeral(m[2]!)) },
  { level: 1, re: new RegExp(`^((${CN})\\s*、)\\s*`), value: (m) => String(chineseNumeral(m[2]!)) },
  { level: 2, re: new RegExp(`^(第(${CN})节)\\s*`), value: (m) => String(chineseNumeral(m[2]!)) },
  { level: 2, re: new RegExp(`^([（(]\\s*(${CN})\\s*[)）])\\s*`), value: (m) => String(chineseNumeral(m[2]!)) },
  { level: 3, re: /^((\d{1,3})\s*[.．、](?!\d))\s*/, value: (m) => m[2]! },
  { level: 4, re: /^([（(](\d{1,2})[)）])\s*/, value: (m) => m[2]! },
  { level: 4, re: /^(([①-⑳]))\s*/, value: (m) => String(m[2]!.charCodeAt(0) - 0x245f) },
];

/**
 * Headings that describe rather than assign work (principles, goals, background, safeguards, scope). A heading is
 * descriptive when its whole first phrase is made of these words (`指导思想和工作目标`, `基础成效`), never because one
 * of them occurs inside it (`夯实绿色发展基础` is a task).
 */
const DESCRIPTIVE_WORDS = [
  '总体要求', '总体思路', '基本思路', '指导思想', '指导方针', '基本原则', '工作原则', '主要原则', '总体目标', '主要目标', '工作目标',
  '发展目标', '规划目标', '行动目标', '预期目标', '具体目标', '目标', '远景目标', '目标任务', '总体定位', '发展定位', '战略定位',
  '背景', '编制背景', '编制依据', '规划依据', '依据', '基础', '发展基础', '现实基础', '工作基础', '成效', '基础成效', '主要成效',
  '取得成效', '发展成就', '现状', '发展现状', '基本情况', '形势', '面临形势', '形势分析', '发展形势', '发展环境', '机遇', '挑战',
  '存在问题', '主要问题', '问题', '重要意义', '意义', '保障措施', '组织保障', '保障机制', '组织实施', '实施保障', '工作保障',
  '工作要求', '有关要求', '组织领导', '实施步骤', '工作步骤', '步骤', '进度安排', '时间安排', '时间进度', '工作安排', '实施范围',
  '整治范围', '整治内容', '适用范围', '工作范围', '范围', '内容',
];
const DESCRIPTIVE_PART = new Set(DESCRIPTIVE_WORDS);

function descriptiveHeading(phrase: string): boolean {
  const parts = phrase
    .replace(/^(?:充分认识|深刻认识).{0,24}(?=重要意义|意义)/, '')
    // `切实做好组织实施` is still 组织实施.
    .replace(/^(?:切实|认真|扎实|全力)?(?:做好|抓好)/, '').split(/和|与|及|、/).filter((p) => p !== '');
  return parts.length > 0 && parts.every((p) => DESCRIPTIVE_PART.has(p));
}

function numberOf(text: string): { level: number; number: string; value: string; rest: string } | null {
  for (const form of NUMBER_FORMS) {
    const m = form.re.exec(text);
    if (m) {
      // Arabic item numbers are kept as digits (`6`), Chinese ones as printed (`（一）`, `三、`).
      const number = form.level === 3 ? m[2]! : m[1]!.replace(/\s+/g, '');
      return { level: form.level, number, value: form.value(m), rest: text.slice(m[0].length) };
    }
  }
  // Digits straight after an item's number (`11.121人才梯队项目`): the first number is the item's.
  const glued = /^((\d{1,2})[.．])(\d+[\u4e00-\u9fa5])/.exec(text);
  if (glued) return { level: 3, number: glued[2]!, value: glued[2]!, rest: text.slice(glued[1]!.length) };
  return null;
}

/** The phrase a heading opens with: up to its first full stop. */
function headingPhrase(text: string): string {
  return text.split(/[。：:]/)[0]!.replace(/\s+/g, '').replace(/[（(][^）)]*[)）]$/, '');
}

/** A heading's title as printed: its first sentence. */
function titleOf(text: string): string {
  return text.split('。')[0]!.trim();
}

/** A heading with no body: short, one phrase. */
function headingOnly(text: string): boolean {
  const t = text.replace(/[。.]$/, '');
  return t.length <= 40 && !/[。；;]/.test(t) && findAnnotations(t).length === 0;
}

/**
 * Builds the outline of the plan's body: numbered headings and items nested by the form of their number
 * (`一、` > `（一）` > `1.` > `（1）`), each holding the unnumbered paragraphs that follow it.
 */
function outlineOf(paras: ParagraphBlock[]): OutlineNode[] {
  const roots: OutlineNode[] = [];
  const stack: OutlineNode[] = [];
  const firstTop = paras.findIndex((p) => p.heading === 1 || numberOf(p.text)?.level === 1);
  const start = firstTop >= 0 ? firstTop : paras.findIndex((p) => numberOf(p.text) !== null || p.heading !== null);
  if (start < 0) return roots;
  for (const p of paras.slice(start)) {
    if (/^附件\s*\d*\s*[:：]?\s*$|^附件\s*\d*\s*[:：]/.test(p.text) && stack.length > 0) break;
    let num = numberOf(p.text);
    // A Word heading style without a printed number still makes a heading.
    if (!num && p.heading !== null && p.text.length <= 40) num = { level: p.heading, number: '', value: '', rest: p.text };
    if (num && num.level === 3 && /^\d+[.．](?=\d)/.test(p.text)) {
      // `1.5亿元…` at the start of a paragraph is a figure unless it is the next item.
      const previous = stack.find((n) => n.level === 3);
      if (previous && Number(previous.value) + 1 !== Number(num.value)) num = null;
    }
    if (!num) {
      const host = stack[stack.length - 1];
      if (host) host.paras.push(p);
      continue;
    }
    while (stack.length && stack[stack.length - 1]!.level >= num.level) stack.pop();
    const parent = stack[stack.length - 1] ?? null;
    const siblings = parent ? parent.children : roots;
    const phrase = headingPhrase(num.rest);
    const node: OutlineNode = {
      level: num.level,
      number: num.number,
      value: num.value || String(siblings.length + 1),
      text: num.rest,
      line: p.line,
      paras: [],
      children: [],
      parent,
      descriptive: (parent?.descriptive ?? false) || descriptiveHeading(phrase),
    };
    siblings.push(node);
    stack.push(node);
  }
  return roots;
}

/** Words that open a paragraph continuing the one before it rather than a new task. */
const FOLLOW_ON = /^(?:同时|此外|另外|并且|其中|在此基础上|与此同时)[，,]/;

/** `完成时限：…` on a line of its own, under an annotation line. */
const DEADLINE_LINE = /^(?:完成时限|完成时间|时间节点|时限要求|时限)\s*[:：]/;

/** True when the text carries a unit annotation in brackets, or is an annotation line. */
function hasAnnotation(text: string): boolean {
  return findAnnotations(text).length > 0 || parseAnnotationLine(text) !== null;
}

function endsWithAnnotation(text: string): boolean {
  if (parseAnnotationLine(text)) return true;
  const anns = findAnnotations(text);
  const last = anns[anns.length - 1];
  return !!last && text.slice(last.end).replace(/[\s。.；;，,]/g, '') === '';
}

/**
 * The tasks of the outline. A leaf item is a task; the paragraphs under it form one task, or several when
 * annotations close them one by one (`…（X牵头）` paragraph after paragraph), or when each opens with a lead
 * sentence (five-year plans). Items under descriptive headings are tasks only when units are assigned to them;
 * the others are listed in the warnings, never dropped silently.
 */
function draftsOf(roots: OutlineNode[], warnings: Warning[], at: (line: number) => string): TaskDraft[] {
  const drafts: TaskDraft[] = [];
  const pathOf = (node: OutlineNode): string[] => (node.parent ? [...pathOf(node.parent), node.value] : [node.value]);
  const top = (node: OutlineNode): OutlineNode => (node.parent ? top(node.parent) : node);
  const second = (node: OutlineNode): OutlineNode | null => {
    let n: OutlineNode | null = node;
    while (n?.parent?.parent) n = n.parent;
    return n?.parent ? n : null;
  };
  const skipped: OutlineNode[] = [];

  const leafText = (n: OutlineNode) => [n.text, ...n.paras.map((p) => p.text)];
  const sectionAnnotated = (node: OutlineNode): boolean => {
    const items = node.children;
    // Three items at least: under a descriptive heading, one annotated item of two is as likely its own.
    if (items.length < 3 || items.some((c) => c.children.length > 0)) return false;
    const last = leafText(items[items.length - 1]!);
    return endsWithAnnotation(last[last.length - 1]!) && items.slice(0, -1).every((c) => !leafText(c).some(hasAnnotation));
  };

  const visit = (node: OutlineNode): void => {
    const own = node.text && !headingOnly(node.text) ? [{ text: node.text, line: node.line }] : [];
    if (node.children.length > 0) {
      // A heading's own paragraphs (before its items) are an introduction, unless units are assigned in them.
      const intro = [...own, ...node.paras.map((p) => ({ text: p.text, line: p.line }))];
      if (intro.some((p) => hasAnnotation(p.text))) emit(node, intro, true);
      // Items under a descriptive heading whose last item's annotation covers them all (none of the others has one)
      // are tasks: the annotation assigns units to the section.
      if (node.descriptive && sectionAnnotated(node)) for (const child of node.children) child.descriptive = descriptiveHeading(headingPhrase(child.text));
      node.children.forEach(visit);
      inheritSectionAnnotation(node);
      return;
    }
    const paras = [...own, ...node.paras.map((p) => ({ text: p.text, line: p.line, bold: p.boldLead }))];
    if (node.descriptive && !paras.some((p) => hasAnnotation(p.text))) {
      skipped.push(node);
      return;
    }
    emit(node, paras.length ? paras : [{ text: node.text, line: node.line }], own.length > 0);
  };

  const emit = (node: OutlineNode, paras: { text: string; line: number; bold?: string | null }[], ownText: boolean) => {
    // Paragraphs closed by their own annotations are tasks of their own.
    const groups: (typeof paras)[] = [];
    let current: typeof paras = [];
    for (const p of paras) {
      // A follow-on paragraph (`同时，…`, `此外，…`) with its own annotation is a further clause of the task above.
      const followOn = FOLLOW_ON.test(p.text) && current.length === 0 && groups.length > 0;
      if (((parseAnnotationLine(p.text) || DEADLINE_LINE.test(p.text)) && current.length === 0 && groups.length > 0) || followOn) {
        groups[groups.length - 1]!.push(p);
        continue;
      }
      current.push(p);
      if (endsWithAnnotation(p.text)) {
        groups.push(current);
        current = [];
      }
    }
    let perParagraph = false;
    if (current.length) {
      if (groups.length === 0) {
        // No annotation closes them: one task, or (five-year plans: a chapter or section heading over paragraphs
        // each led by a bold or heading-like sentence) one task per such paragraph.
        const led = current.filter((p) => p.bold || sentenceLead(p.text));
        if (!ownText && node.level <= 2 && led.length >= 1) {
          for (const p of led) groups.push([p]);
          perParagraph = true;
        } else groups.push(current);
      } else {
        // Paragraphs after the last annotation (a closing paragraph such as `各地区、各有关部门要…`): not part of
        // the task above; listed so that the coordinator can add them in the review workbook.
        for (const p of current) {
          warnings.push({
            code: 'paragraph-not-task',
            line: p.line,
            message: warningMessage('paragraph-not-task', { at: at(p.line), text: `${p.text.slice(0, 20)}${p.text.length > 20 ? '…' : ''}` }),
          });
        }
      }
    }
    const heading = node.text && headingOnly(node.text) ? node.text.replace(/[。.]$/, '') : null;
    groups.forEach((group, k) => {
      const first = group[0]!;
      const path = groups.length > 1 || perParagraph ? [...pathOf(node), String(k + 1)] : pathOf(node);
      const lead = first.bold?.replace(/[。.]$/, '') ?? (groups.length === 1 && heading && !perParagraph ? heading : sentenceLead(first.text) ?? leadOf(first.text));
      drafts.push({
        number: groups.length === 1 && !perParagraph ? node.number || null : null,
        path,
        chapter: top(node),
        section: second(node) === node && groups.length === 1 && !perParagraph ? null : second(node),
        line: groups.length === 1 && !perParagraph ? node.line : first.line,
        lead,
        pieces: group.map((p) => ({ text: p.text, line: p.line })),
        ...(() => {
          const actor = actorOf(node);
          return actor ? { actor } : {};
        })(),
      });
    });
  };

  /** `（责任单位：…）` after the last item of a section, the items above it unassigned: it covers them all. */
  const inheritSectionAnnotation = (node: OutlineNode) => {
    const items = drafts.filter((d) => d.path.length === pathOf(node).length + 1 && d.path.join('.').startsWith(pathOf(node).join('.') + '.'));
    if (items.length < 2) return;
    const last = items[items.length - 1]!;
    const lastPiece = last.pieces[last.pieces.length - 1];
    if (!lastPiece || !('text' in lastPiece)) return;
    const anns = findAnnotations(lastPiece.text);
    const line = parseAnnotationLine(lastPiece.text);
    const annotation = line ?? anns[anns.length - 1];
    if (!annotation || !endsWithAnnotation(lastPiece.text)) return;
    // A labelled annotation, or one under a descriptive heading (its items are tasks only through it).
    if (!/责任单位|责任部门|牵头单位/.test(annotation.raw) && !node.descriptive) return;
    const others = items.slice(0, -1);
    if (others.some((d) => d.pieces.some((p) => 'text' in p && hasAnnotation(p.text)))) return;
    for (const d of others) d.pieces.push({ annotation: { ...annotation, start: 0, end: 0, doubts: [...annotation.doubts, 'annotation-far'] }, line: lastPiece.line });
    warnings.push({
      code: 'section-annotation',
      line: lastPiece.line,
      message: warningMessage('section-annotation', { at: at(lastPiece.line), annotation: annotation.raw, heading: `${node.number}${headingPhrase(node.text)}` }),
    });
  };

  roots.forEach(visit);
  if (skipped.length) {
    const list = skipped.map((n) => `${at(n.line)}“${n.number}${headingPhrase(n.text).slice(0, 16)}”`).join('、');
    warnings.push({
      code: 'not-tasks',
      line: skipped[0]!.line,
      message: warningMessage('not-tasks', { count: skipped.length, list }),
    });
  }
  return drafts;
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
      const read = tableTasks(t.table, t.roles, t.headerIndex, header, doc.lineWord);
      const offset = chapters.length;
      const renumber = (id: string) => String(Number(id) + offset);
      chapters.push(...read.chapters.map((c) => ({ ...c, id: renumber(c.id) })));
      tasks.push(...read.tasks.map((task) => ({ ...task, chapterId: renumber(task.chapterId) })));
      warnings.push(...read.warnings);
    }
    return assemble(doc, meta, header, chapters, tasks, warnings);
  }

  const roots = outlineOf(paras);
  const drafts = draftsOf(roots, warnings, at);
  if (drafts.length === 0) {
    throw new UserError(
      `文件“${meta.file}”中没有识别出任务。`,
      '工作要点应有“一、”“（一）”或“1.”形式编号的章节和任务，或为含“序号、工作任务、责任单位”等列的任务分工表。请检查文件内容或格式。',
    );
  }
  const { chapters, tasks } = buildTasks(drafts, header, warnings, at);
  applyInherited(tasks, warnings, at);
  const plan = assemble(doc, meta, header, chapters, tasks, warnings);
  const preamble = preambleOf(paras, roots[0]?.line ?? 0);
  return preamble ? { ...plan, preamble } : plan;
}

/**
 * What a plan says of the whole year before its first chapter: its place in time (`…之年`), guiding thought (`以…为
 * 指导`, 总体要求) and aims (主要任务目标). A notice's cover (`现将…印发给你们`) and the lead-in to the chapters
 * (`重点抓好以下工作：`) are not part of it.
 */
export const PREAMBLE = { says: /之年|为指导|指导思想|总体要求|主要(?:任务)?目标|工作目标/, notice: /印发给你们|请认真|贯彻执行|现将/ } as const;
function preambleOf(paras: ParagraphBlock[], firstChapterLine: number): string {
  return paras
    .filter((p) => p.line < firstChapterLine && /[。.]$/.test(p.text) && PREAMBLE.says.test(p.text) && !PREAMBLE.notice.test(p.text))
    .map((p) => p.text)
    .join('\n');
}

/** `以下均需相关乡镇配合，不再列出`: the units named so are added to every later task. */
function applyInherited(tasks: Task[], warnings: Warning[], at: (line: number) => string): void {
  let inherited: Assignment[] | null = null;
  for (const task of tasks) {
    for (const clause of task.clauses) {
      const rule = clause.annotation ? INHERIT.exec(clause.annotation) : null;
      if (inherited && clause.assignments.length > 0) {
        for (const a of inherited) if (!clause.assignments.some((x) => x.unit === a.unit)) clause.assignments.push({ ...a });
      }
      if (rule) {
        const parsed = parseAnnotationBody(`${rule[1]}${rule[2]}`);
        if (parsed && parsed.assignments.length) {
          inherited = parsed.assignments.map((a) => ({ ...a, role: rule[2] === '牵头' ? a.role : '配合' }));
          warnings.push({ code: 'inherited-units', line: clause.line, message: warningMessage('inherited-units', { at: at(clause.line ?? 0), rule: rule[0].replace(/^[，,。；;\s]+/, ''), units: parsed.assignments.map((a) => a.unit).join('、') }) });
        }
      }
    }
  }
}


function buildTasks(drafts: TaskDraft[], dates: PlanDates, warnings: Warning[], at: (line: number) => string): { chapters: Chapter[]; tasks: Task[] } {
  // Items numbered once across the plan keep their number as id; otherwise the id is the path of numbers.
  const numbered = drafts.every((d) => d.number !== null && /^\d+$/.test(d.path[d.path.length - 1]!));
  const unique = numbered && new Set(drafts.map((d) => d.path[d.path.length - 1])).size === drafts.length;
  const seen = new Set<string>();
  const chapters = new Map<OutlineNode, Chapter>();
  const chapterOf = (node: OutlineNode): Chapter => {
    let c = chapters.get(node);
    if (!c) {
      let id = node.value;
      while ([...chapters.values()].some((x) => x.id === id)) id = `${id}′`;
      c = { id, number: node.number, title: titleOf(node.text), sections: [] };
      chapters.set(node, c);
    }
    return c;
  };
  const tasks = drafts.map((d) => {
    const chapter = chapterOf(d.chapter);
    let section: Section | null = null;
    if (d.section) {
      const id = `${chapter.id}.${d.section.value}`;
      section = chapter.sections.find((s) => s.id === id) ?? null;
      if (!section) {
        section = { id, number: d.section.number, title: titleOf(d.section.text) };
        chapter.sections.push(section);
      }
    }
    let id = unique ? d.path[d.path.length - 1]! : d.path.join('.');
    if (seen.has(id)) {
      warnings.push({ code: 'duplicate-task-id', line: d.line, message: warningMessage('duplicate-task-id', { at: at(d.line), id }) });
      while (seen.has(id)) id = `${id}′`;
    }
    seen.add(id);
    const clauses = clausesOf(d, id, dates, warnings, at);
    return {
      id,
      chapterId: chapter.id,
      sectionId: section?.id ?? null,
      number: d.number,
      lead: d.lead,
      text: clauses.map((c) => c.text).join(''),
      clauses,
      line: d.line,
    };
  });
  return { chapters: [...chapters.values()], tasks };
}

function assemble(
  doc: ExtractedDocument,
  meta: Meta,
  header: { title: string; issuer: string; year: number | null; issued: string | null },
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
  const leadRule = applyPositionRule(doc, tasks);
  markDoubts(tasks);
  const unassigned = tasks.filter((t) => t.clauses.every((c) => c.assignments.length === 0));
  if (unassigned.length === tasks.length) {
    // One message for the whole plan rather than one per task.
    for (let i = warnings.length - 1; i >= 0; i--) if (warnings[i]!.code === 'task-without-units') warnings.splice(i, 1);
    warnings.push({
      code: 'no-units',
      line: null,
      message: warningMessage('no-units', { count: tasks.length }),
    });
  }

  return {
    schema: 'taizhang/plan@1',
    id: meta.sha256.slice(0, 12),
    title: meta.title ?? header.title ?? '',
    issuer: meta.issuer ?? header.issuer,
    year: header.year,
    issued: header.issued,
    source: { file: meta.file, format: meta.format, sha256: meta.sha256, encoding: doc.encoding },
    chapters: chapters.filter((c) => tasks.some((t) => t.chapterId === c.id)),
    tasks,
    indicators,
    units: registryOf(tasks),
    warnings,
    leadRule,
  };
}

/**
 * A position rule the plan states (`列第一位者为牵头单位，下同`; `注：主要责任单位第一个为牵头单位`) makes the first unit
 * responsible lead, and the others cooperate, in every clause where no lead is marked: from the annotation that
 * states it on, or throughout when a paragraph outside any annotation (a note under a table) states it.
 */
function applyPositionRule(doc: ExtractedDocument, tasks: Task[]): Plan['leadRule'] {
  const texts = doc.blocks.flatMap((b) => (b.kind === 'paragraph' ? [b.text] : b.rows.flatMap((r) => r.map((c) => c.text))));
  const outside = (t: string) => t.replace(/[（(〔][^（）()〔〕]*[)）〕]/g, '');
  let active = texts.some((t) => statesPositionRule(outside(t)));
  let applied = false;
  // A plan that sets 责任单位 against 配合单位 (`责任单位：X` / `配合单位：Y`) uses 责任单位 for the lead; a 责任单位
  // line standing alone in it says the same.
  const contrast = tasks.some((t) => t.clauses.some((c) => c.annotation && /责任(?:单位|部门)\s*[:：]/.test(c.annotation) && /配合(?:单位|部门)\s*[:：]/.test(c.annotation)));
  if (contrast) {
    for (const clause of tasks.flatMap((t) => t.clauses)) {
      if (!clause.annotation || !/^[\s（(〔]*(?:主要)?责任(?:单位|部门)\s*[:：]/.test(clause.annotation) || /牵头|配合|参与/.test(clause.annotation)) continue;
      for (const a of clause.assignments) if (a.role === '负责') a.role = '牵头';
    }
  }
  for (const clause of tasks.flatMap((t) => t.clauses)) {
    if (!active && clause.annotation && statesPositionRule(clause.annotation)) active = true;
    if (!active || clause.assignments.some((a) => a.role === '牵头')) continue;
    const responsible = clause.assignments.filter((a) => a.role === '负责');
    if (responsible.length === 0) continue;
    for (const a of responsible) a.role = a === responsible[0] ? '牵头' : '配合';
    applied = true;
  }
  return applied ? 'stated' : 'marked';
}

/**
 * The doubts the whole plan shows: a unit named in one clause only, with a name that is long or odd (`等`, `和`, no
 * organ word at its end), is the usual sign of a list read wrong; a clause without units in a plan that assigns other
 * clauses by annotation is one whose units may have been missed (a plan that assigns none says so once, in its warnings).
 */
function markDoubts(tasks: Task[]): void {
  const count = new Map<string, number>();
  const all = tasks.flatMap((t) => t.clauses);
  for (const c of all) for (const a of c.assignments) count.set(a.unit, (count.get(a.unit) ?? 0) + 1);
  // A plan that names units for a clause now and then (`由X牵头` once in forty) does not make the others' lack a doubt.
  const withUnits = all.filter((c) => c.assignments.length > 0).length;
  const assigning = withUnits >= 2 && withUnits >= all.length / 4;
  for (const clause of all) {
    const doubts = new Set(clause.doubts ?? []);
    if (assigning && clause.assignments.length === 0) doubts.add('no-unit');
    const odd = clause.assignments.some(
      (a) => count.get(a.unit) === 1 && unitKindOf(a.unit) === 'unit' && (a.unit.length > 14 || /等/.test(a.unit) || !ORGAN_END.test(a.unit)),
    );
    if (odd) doubts.add('unit-once');
    if (doubts.size) clause.doubts = [...doubts];
  }
}

function clausesOf(
  d: TaskDraft,
  taskId: string,
  dates: PlanDates,
  warnings: Warning[],
  at: (line: number) => string,
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
    const annotationLine = parseAnnotationLine(piece.text);
    if (annotationLine) {
      const previous = parts[parts.length - 1];
      if (previous?.annotation && buffer.trim() === '' && annotationLine.assignments.every((a) => a.role === '配合')) {
        // `配合单位：…` on the line after `牵头单位：…` or `责任单位：…` completes that annotation; after a bracket
        // annotation it adds the cooperating units to it.
        const known = new Set(previous.annotation.assignments.map((a) => a.unit));
        previous.annotation = joinAnnotationLines(previous.annotation, annotationLine) ?? {
          ...previous.annotation,
          assignments: [...previous.annotation.assignments, ...annotationLine.assignments.filter((a) => !known.has(a.unit))],
          raw: `${previous.annotation.raw}；${annotationLine.raw}`,
        };
      } else close(annotationLine, piece.line);
      continue;
    }
    // `完成时限：…` under an annotation line belongs to the clause above it.
    if (DEADLINE_LINE.test(piece.text) && buffer.trim() === '' && parts.length > 0) {
      parts[parts.length - 1]!.text += `（${piece.text}）`;
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
    const prose = parts.length === 0 ? proseClauses(rest, d.lead) : [];
    if (parts.length > 0) {
      warnings.push({
        code: 'clause-without-units',
        line: bufferLine,
        message: warningMessage('clause-without-units', { at: at(bufferLine), task: taskId, text: `${rest.slice(0, 20)}${rest.length > 20 ? '…' : ''}` }),
      });
      buffer = rest;
      close(null, bufferLine);
    } else if (d.actor) {
      // Under a 职责分工 heading the item's heading (or opening subject) names the body the duty is for.
      buffer = rest;
      close(d.actor, bufferLine);
    } else if (prose.length) {
      // No annotation at all, but responsibility written in prose (`由X牵头`, `请X…`, `X要…`): one clause each.
      prose.forEach((clause, i) => {
        buffer = rest.slice(i === 0 ? 0 : clause.start, prose[i + 1]?.start ?? rest.length);
        close({ start: 0, end: 0, raw: clause.words, assignments: clause.assignments, problems: [], doubts: ['from-prose'] }, bufferLine);
      });
      warnings.push({
        code: 'units-from-prose',
        line: d.line,
        message: warningMessage('units-from-prose', {
          at: at(d.line),
          task: taskId,
          lead: d.lead,
          words: prose.map((c) => `“${c.words}”`).join('、'),
          units: prose.map((c) => c.assignments.map((a) => a.unit).join('、')).join('；'),
        }),
      });
    } else {
      warnings.push({ code: 'task-without-units', line: d.line, message: warningVariant('task-without-units', 'text', { at: at(d.line), task: taskId, lead: d.lead }) });
      buffer = rest;
      close(null, bufferLine);
    }
  }
  // `由X牵头` in a clause's own sentences marks X, one of the units its annotation lists, as the lead.
  for (const part of parts) {
    const ann = part.annotation;
    if (!ann || ann.assignments.some((a) => a.role === '牵头')) continue;
    const named = /由([^，。；,、]{2,24}?)(?:负责)?牵头/.exec(part.text)?.[1];
    const lead = named && ann.assignments.find((a) => a.role === '负责' && (a.unit === named || a.unit.endsWith(named) || named.endsWith(a.unit)));
    if (!lead) continue;
    part.annotation = { ...ann, assignments: ann.assignments.map((a) => ({ unit: a.unit, role: a === lead ? '牵头' : a.role === '负责' ? '配合' : a.role })) };
  }
  const multiple = parts.length > 1;
  return parts.map((part, i) => {
    const text = part.text.replace(/^[\s。.；;，,]+/, '');
    for (const problem of part.annotation?.problems ?? []) {
      warnings.push({ code: 'annotation-unclear', line: part.line, message: warningMessage('annotation-unclear', { at: at(part.line), task: taskId, annotation: part.annotation!.raw, problem }) });
    }
    const doubts = new Set<Doubt>(part.annotation?.doubts ?? []);
    return {
      id: multiple ? `${taskId}-${i + 1}` : taskId,
      text,
      assignments: part.annotation?.assignments ?? [],
      targets: findTargets(text),
      // A deadline may stand inside the annotation: `（X牵头，Y等按职责分工负责，2018年3月底前完成）`.
      deadline: findDeadline(text, dates) ?? (part.annotation ? findDeadline(part.annotation.raw, dates) : null),
      annotation: part.annotation?.raw ?? null,
      line: part.line,
      ...(doubts.size ? { doubts: [...doubts] } : {}),
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
