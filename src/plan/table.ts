// Task tables (任务分工表): a plan that is, or contains, a table with a task column and unit columns.
// The header is found by meaning (序号 / 工作任务 / 主要内容 / 牵头单位 / 配合单位 / 责任单位 / 完成时限 …);
// columns that are not units (任务来源, 推广范围, internal divisions of another body) are left out.
// A table flattened to one cell per line (a web page saved as text) is rebuilt into rows first.
import type { Assignment, Chapter, Clause, Task, Warning } from '../model/plan.ts';
import { canonicalUnit, readsAsName, splitUnits } from './annotations.ts';
import type { Block, ParagraphBlock, TableBlock } from './blocks.ts';
import { findDeadline, findTargets, type PlanDates } from './targets.ts';
import { warningMessage, warningVariant } from '../model/rules.ts';

export type ColumnRole = 'number' | 'title' | 'content' | 'deadline' | 'lead' | 'coop' | 'resp' | 'other';

const ROLE_WORDS: [ColumnRole, RegExp][] = [
  ['number', /^(序号|编号|序|项次)$/],
  // Divisions inside another body (`市卫健委内牵头处室`) are that body's business, not units of the plan.
  ['other', /内.*(处室|科室|部门)|分管|领导|来源|依据|范围|备注|联系人|电话|类别|属性|分值|分数|权重|得分/],
  ['lead', /^(牵头|主办|主责|责任牵头)(考核)?(单位|部门|处室|科室|领导单位)$/],
  ['coop', /^(配合|协办|参与|协同|协助)(考核)?(单位|部门|处室|科室)$/],
  ['resp', /^(主要)?(责任|负责|实施|承办|指导|主体|落实|考核|负责考核)(单位|部门|处室|科室|主体)$|^责任单位及分工$/],
  ['deadline', /时限|完成时间|时间节点|时间安排|进度安排|完成期限|时间$/],
  ['content', /主要内容|具体工作措施|工作措施|具体措施|具体内容|任务内容|措施内容|主要措施|工作内容|工作目标|目标任务|^内容$|考核指标|考核标准|评分标准|考核内容/],
  ['title', /工作事项|改革举措|工作任务|重点任务|任务名称|项目名称|主要任务|^任务$|^事项$|^举措$|^项目$|考核项目/],
];

/** The role a header's words name, or null when they name none. */
function matchRole(header: string): ColumnRole | null {
  const h = header.replace(/\s+/g, '');
  return ROLE_WORDS.find(([, re]) => re.test(h))?.[0] ?? null;
}

function roleOf(header: string): ColumnRole {
  return matchRole(header) ?? 'other';
}

const UNIT_ROLES: ColumnRole[] = ['lead', 'coop', 'resp'];

/** The roles of a header row, or null when the row is not a task table's header. */
export function headerRoles(cells: string[]): ColumnRole[] | null {
  if (cells.length < 3 || cells.some((c) => c.replace(/\s+/g, '').length > 14)) return null;
  const roles = cells.map(roleOf);
  const hasUnits = roles.some((r) => r === 'lead' || r === 'resp');
  const hasText = roles.includes('title') || roles.includes('content');
  return hasUnits && hasText ? roles : null;
}

const DEADLINE_CELL = /^(?:\d{4}年)?\d{1,2}月(?:底|末|份)?(?:前)?$|全年|年底|年内|长期|持续|每月|每季|每年|上半年|下半年|季度|月底|前$|^\d{4}年/;
const EMPTY_CELL = /^[/／\\—\-－无]*$/;
const NUMBER_CELL = /^\d{1,3}$/;
const SECTION_ROW = /^[一二三四五六七八九十]+、/;

/** One line of a unit column: every name in it reads like an organisation or a catch-all. */
function isUnitLine(line: string): boolean {
  if (EMPTY_CELL.test(line)) return true;
  const names = splitUnits(line);
  return names.length > 0 && names.every((n) => n.length <= 20 && readsAsName(n));
}

/**
 * Rebuilds rows from a table flattened to one cell per line. Empty cells are gone and merged cells appear once,
 * so cells are taken by what they hold: the 序号 starts a row; a numbered measure (`7、…`) starts a sub-row when
 * the table's text column numbers its measures; unit lines fill the unit columns.
 */
export function unflatten(roles: ColumnRole[], lines: string[]): string[][] {
  const rows: string[][] = [];
  const unitColumns = roles.filter((r) => UNIT_ROLES.includes(r)).length;
  const textCol = roles.includes('content') ? roles.indexOf('content') : roles.indexOf('title');
  // Columns between the title and the text (a scoring table's 分值): one cell each, a bare number as often as not.
  const between = roles.includes('title') ? roles.slice(roles.indexOf('title') + 1, textCol).length : 0;
  // A scoring table numbers the scoring rules inside its text cells (`1.…得2分`), not measures of its own.
  const numbered = between === 0 && lines.filter((l) => /^\d{1,3}[、.．]/.test(l)).length >= 3 && roles.includes('title') && roles.includes('content');
  let i = 0;
  let rowNumber = '';
  let rowTitle = '';
  let nextMeasure = 1;
  const measureAt = (k: number) => {
    const m = /^(\d{1,3})[、.．]/.exec(lines[k] ?? '');
    if (!m || Number(m[1]) !== nextMeasure) return false;
    // A measure is followed by the cell after it (a deadline, units), not by another numbered line.
    const after = roles[textCol + 1];
    const next = lines[k + 1] ?? '';
    return after === 'deadline' ? DEADLINE_CELL.test(next) : !/^\d{1,3}[、.．]/.test(next) || isUnitLine(next);
  };
  while (i < lines.length) {
    const line = lines[i]!;
    if (SECTION_ROW.test(line) && !NUMBER_CELL.test(line)) {
      // `一、` / its title / its points (`31`) when a scoring table gives the section a line of its own.
      let title = '';
      if (between > 0 && lines[i + 1] !== undefined && !NUMBER_CELL.test(lines[i + 1]!)) {
        title = lines[i + 1]!;
        i++;
        if (NUMBER_CELL.test(lines[i + 1] ?? '') && NUMBER_CELL.test(lines[i + 2] ?? '')) i++;
      }
      rows.push([title ? `${line}${title}` : line]);
      i++;
      continue;
    }
    if (NUMBER_CELL.test(line)) {
      rowNumber = line;
      i++;
      rowTitle = '';
      if (roles.includes('title') && roles.indexOf('title') < textCol) rowTitle = lines[i++] ?? '';
      i += between;
    }
    if (numbered && !measureAt(i)) {
      // Text between measures that fits no column (a merged cell such as 任务来源): skipped.
      i++;
      continue;
    }
    const row: string[] = roles.map(() => '');
    row[roles.indexOf('number')] = rowNumber;
    if (roles.includes('title') && roles.indexOf('title') < textCol) row[roles.indexOf('title')] = rowTitle;
    row[textCol] = lines[i++] ?? '';
    // A text cell wrapped over several lines (one per <p>) runs on to the unit lines after it.
    if (between > 0) {
      while (i < lines.length && !isUnitLine(lines[i]!) && !NUMBER_CELL.test(lines[i]!) && !SECTION_ROW.test(lines[i]!)) row[textCol] += lines[i++]!;
    }
    if (numbered) nextMeasure++;
    for (let c = textCol + 1; c < roles.length && i < lines.length; c++) {
      const role = roles[c]!;
      const next = lines[i]!;
      if (NUMBER_CELL.test(next) || (numbered && measureAt(i))) break;
      if (role === 'deadline') {
        if (DEADLINE_CELL.test(next)) row[c] = lines[i++]!;
      } else if (UNIT_ROLES.includes(role)) {
        if (!isUnitLine(next)) continue;
        // With one unit column a cell may hold one unit per line; with several, each cell is one line.
        const taken: string[] = [];
        do taken.push(lines[i++]!);
        while (unitColumns === 1 && i < lines.length && isUnitLine(lines[i]!) && !NUMBER_CELL.test(lines[i]!) && !(numbered && measureAt(i)));
        row[c] = taken.join('\n');
      } else if (!numbered) {
        row[c] = lines[i++]!;
      }
    }
    rows.push(row);
  }
  return rows;
}

export interface TableTasks {
  chapters: Chapter[];
  tasks: Task[];
  warnings: Warning[];
}

function cellUnits(cell: string): string[] {
  return cell
    .split('\n')
    .flatMap((line) => (EMPTY_CELL.test(line.trim()) ? [] : splitUnits(line)))
    .map(canonicalUnit)
    .filter((u) => u !== '');
}

/**
 * Turns a task table into tasks. Rows sharing a 序号 are sub-rows: each becomes a clause of that task, unless the
 * text column numbers its measures (`7、…`), in which case each measure is a task of its own under the row.
 */
export function tableTasks(table: TableBlock, roles: ColumnRole[], headerIndex: number, dates: PlanDates, lineWord: string): TableTasks {
  const warnings: Warning[] = [];
  const col = (role: ColumnRole) => roles.indexOf(role);
  const textCol = col('content') >= 0 ? col('content') : col('title');
  const chapters: Chapter[] = [];
  const tasks: Task[] = [];
  const chapter = () => {
    if (chapters.length === 0) chapters.push({ id: '1', number: '', title: '任务分工', sections: [] });
    return chapters[chapters.length - 1]!;
  };
  const rows = table.rows.slice(headerIndex + 1).map((r) => r.map((c) => c.text));
  const numberedMeasures = rows.filter((r) => /^\d{1,3}[、.．]/.test(r[textCol] ?? '')).length >= Math.max(3, rows.length / 2) && col('title') >= 0;
  let lastNumber: string | null = null;
  let task: Task | null = null;
  let sectionRows = false;
  const line = table.line;
  for (const cells of rows) {
    const distinct = new Set(cells.filter((c) => c !== ''));
    if (distinct.size <= 1) {
      const only = [...distinct][0] ?? '';
      if (SECTION_ROW.test(only)) {
        sectionRows = true;
        chapters.push({ id: String(chapters.length + 1), number: only.match(SECTION_ROW)![0], title: only.replace(SECTION_ROW, '').trim(), sections: [] });
      }
      continue;
    }
    const number = col('number') >= 0 ? cells[col('number')]!.trim() : '';
    const title = col('title') >= 0 ? cells[col('title')]!.trim() : '';
    const text = (cells[textCol] ?? '').trim();
    if (!text && !title) continue;
    const assignments: Assignment[] = [];
    const add = (names: string[], role: Assignment['role']) => {
      for (const unit of names) if (!assignments.some((a) => a.unit === unit)) assignments.push({ unit, role });
    };
    if (col('lead') >= 0) add(cellUnits(cells[col('lead')]!), '牵头');
    if (col('resp') >= 0) {
      // 责任单位 names no lead: its units are responsible (负责), or cooperate beside a 牵头单位 column. The first
      // leads only under a position rule the plan states (outline.ts applies it to the whole plan).
      const leadGiven = assignments.length > 0;
      add(cellUnits(cells[col('resp')]!), leadGiven ? '配合' : col('coop') >= 0 ? '牵头' : '负责');
    }
    if (col('coop') >= 0) add(cellUnits(cells[col('coop')]!), '配合');
    for (const a of assignments) {
      if (!readsAsName(a.unit)) {
        warnings.push({ code: 'unit-doubtful', line, message: warningMessage('unit-doubtful', { line, lineWord, row: number || title, unit: a.unit }) });
      }
    }
    const deadlineCell = col('deadline') >= 0 ? cells[col('deadline')]!.trim() : '';
    const measure = numberedMeasures ? /^(\d{1,3})[、.．]\s*/.exec(text) : null;
    const body = measure ? text.slice(measure[0].length) : text;
    const clause: Omit<Clause, 'id'> = {
      text: body,
      assignments,
      targets: findTargets(body),
      deadline: findDeadline(deadlineCell || body, dates) ?? findDeadline(body, dates),
      annotation: null,
      line,
    };
    if (numberedMeasures && measure) {
      // Each row's 主要工作任务 heads its measures: a chapter, or a section when the table has section rows.
      if (number && number !== lastNumber) {
        if (sectionRows) {
          const c = chapter();
          c.sections.push({ id: `${c.id}.${c.sections.length + 1}`, number, title: title || `第${number}项` });
        } else chapters.push({ id: String(chapters.length + 1), number, title: title || `第${number}项`, sections: [] });
        lastNumber = number;
      }
      const id = measure[1]!;
      const section = sectionRows ? chapter().sections.at(-1)?.id ?? null : null;
      task = { id, chapterId: chapter().id, sectionId: section, number: id, lead: leadOfText(body), text: body, clauses: [{ id, ...clause }], line };
      tasks.push(task);
      continue;
    }
    if (task && number !== '' && number === lastNumber) {
      task.clauses.push({ id: '', ...clause });
      task.text += clause.text;
      continue;
    }
    lastNumber = number;
    const id = number || String(tasks.length + 1);
    const lead = title || leadOfText(body);
    task = { id, chapterId: chapter().id, sectionId: null, number: number || null, lead, text: title && body ? `${title}${body}` : lead, clauses: [{ id, ...clause }], line };
    tasks.push(task);
  }
  for (const t of tasks) {
    if (t.clauses.length > 1) t.clauses.forEach((c, k) => (c.id = `${t.id}-${k + 1}`));
    const unassigned = t.clauses.filter((c) => c.assignments.length === 0);
    if (unassigned.length) {
      warnings.push({ code: 'task-without-units', line, message: warningVariant('task-without-units', unassigned.length < t.clauses.length ? 'tablePart' : 'table', { task: t.id, lead: t.lead }) });
    }
  }
  // Ids must be unique: a table that restarts its numbering per section gets section-qualified ids.
  const ids = new Set<string>();
  if (tasks.some((t) => (ids.has(t.id) ? true : (ids.add(t.id), false)))) {
    for (const t of tasks) {
      const prefix = t.chapterId;
      t.id = `${prefix}.${t.id}`;
      t.clauses.forEach((c) => (c.id = `${prefix}.${c.id}`));
    }
  }
  return { chapters: chapters.filter((c) => tasks.some((t) => t.chapterId === c.id)), tasks, warnings };
}

function leadOfText(text: string): string {
  const end = text.search(/[。；;]/);
  const lead = end >= 2 ? text.slice(0, end) : text;
  return lead.length > 60 ? lead.slice(0, 60) : lead;
}

/** A header cell's role, or null when the words are no header word at all (then the line is data). */
function knownRole(header: string): ColumnRole | null {
  const h = header.replace(/\s+/g, '');
  if (h.length === 0 || h.length > 14 || /[\d。，、；：:,.]/.test(h)) return null;
  return matchRole(h);
}

export interface TaskTable {
  table: TableBlock;
  roles: ColumnRole[];
  headerIndex: number;
}

/**
 * The task tables of a document: real tables (Word, Excel) whose header reads as one, and tables flattened to
 * one cell per line in text, found by a run of header words (序号 / 工作任务 / … / 牵头单位).
 */
export function findTaskTables(blocks: Block[]): TaskTable[] {
  const found: TaskTable[] = [];
  for (const block of blocks) {
    if (block.kind !== 'table') continue;
    const headerIndex = block.rows.findIndex((r) => headerRoles(r.map((c) => c.text)) !== null);
    if (headerIndex >= 0) found.push({ table: block, roles: headerRoles(block.rows[headerIndex]!.map((c) => c.text))!, headerIndex });
  }
  const paras = blocks.filter((b): b is ParagraphBlock => b.kind === 'paragraph');
  for (let k = 0; k < paras.length; k++) {
    // Header words, a cell split over two lines (`完成` / `时限`) joined again.
    const header: string[] = [];
    let n = 0;
    for (;;) {
      const text = paras[k + n]?.text;
      if (text === undefined) break;
      if (knownRole(text) !== null) {
        header.push(text);
        n++;
      } else if (text.length <= 4 && paras[k + n + 1] && knownRole(text + paras[k + n + 1]!.text) !== null) {
        header.push(text + paras[k + n + 1]!.text);
        n += 2;
      } else break;
    }
    const roles = n >= 3 ? headerRoles(header) : null;
    if (!roles || !/序号|编号|序|项次/.test(header[0]!)) continue;
    let end = k + n;
    while (end < paras.length && !/^注[:：]|^附件\s*\d*$/.test(paras[end]!.text)) end++;
    const rows = unflatten(roles, paras.slice(k + n, end).map((p) => p.text));
    const line = paras[k]!.line;
    found.push({
      table: { kind: 'table', line, rows: [header, ...rows].map((r) => r.map((text) => ({ text, colspan: 1 }))) },
      roles,
      headerIndex: 0,
    });
    k = end - 1;
  }
  return found;
}
