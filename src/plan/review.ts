// The coordinator's review loop: the plan as an editable 任务分解表 workbook, and the edits read back.
// The workbook carries the whole plan in a hidden sheet, so `plan import` needs nothing but the file.
import ExcelJS from 'exceljs';
import { basename } from 'node:path';
import { COMPARATORS } from '../model/comparator.ts';
import { clausesOf, DOUBT_WORDS, Doubt, Plan, type Clause, type Indicator, type RegistryUnit, type Target } from '../model/plan.ts';
import { UserError } from '../util/errors.ts';
import { canonicalUnit, splitUnits, unitKindOf } from './annotations.ts';
import { registryOf } from './outline.ts';
import { findDeadline } from './targets.ts';
import { addRangeValidation, FONT, HEADER_FILL, printSetup, rowHeight, thinBorder } from '../workbook/style.ts';
import { warningMessage, warningVariant } from '../model/rules.ts';

const UNASSIGNED_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } };

const CLAUSE_SHEET = '任务分解表';
const UNIT_SHEET = '责任单位';
const TARGET_SHEET = '目标值';
const INDICATOR_SHEET = '指标';
const PLAN_SHEET = '_plan';
// 负责单位 and 待核对 come last, so that the columns of workbooks exported before them keep their letters.
const COLUMNS = ['条目编号', '所属章节', '重点任务', '条目内容', '牵头单位', '配合单位', '完成时限', '目标值（在“目标值”表修改）', '原文责任单位', '负责单位（原文未写明牵头）', '待核对'] as const;
/** Rows the reader is unsure about: shaded, and listed by the 待核对 column's filter. */
const DOUBT_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFCE4D6' } };
/** The 说明 sheet's row holding the plan-wide choice about leads, and its two answers. */
const LEAD_RULE_ROW = 12;
const LEAD_RULE_MARKED = '仅按原文标注';
const LEAD_RULE_FIRST = '未写明牵头的条目以列第一位者为牵头单位';
const UNIT_COLUMNS = ['单位名称', '类别', '别名', '成员（群组填写，以顿号分隔）'] as const;
const TARGET_COLUMNS = ['条目编号', '条目内容', '数值', '上限（范围填写）', '计量单位', '比较方式', '原文'] as const;
const INDICATOR_COLUMNS = ['编号', '类别', '指标', '单位', '基期值', '目标值', '属性', '备注'] as const;
/** The comparator words a coordinator may choose, from the one table of their meanings; blank is a plain count. */
const COMPARATOR_WORDS = [...new Set(COMPARATORS.flatMap((r) => [...r.after, ...r.words]).filter(Boolean))];
/** The words written after the number (`以上`, `以下`, `以内`, `左右`). */
const AFTER_WORDS = new Set(COMPARATORS.flatMap((r) => r.after));
const KIND_NAMES: Record<RegistryUnit['kind'], string> = { unit: '单位', group: '群组', catchall: '泛指' };

function targetWords(c: Clause): string {
  return c.targets.map((t) => t.words).join('；');
}

/** A sheet of the 任务分解表 as rows of cells below its header: row i is sheet row i + 2. */
export type ReviewRows = (string | number | null)[][];

/** The editable sheets of the 任务分解表, by sheet name: what the workbook holds and what the 工作台's grid shows. */
export interface ReviewSheets {
  [CLAUSE_SHEET]: ReviewRows;
  [UNIT_SHEET]: ReviewRows;
  [TARGET_SHEET]: ReviewRows;
  [INDICATOR_SHEET]: ReviewRows;
}

export const REVIEW_SHEETS = { clauses: CLAUSE_SHEET, units: UNIT_SHEET, targets: TARGET_SHEET, indicators: INDICATOR_SHEET } as const;
export const REVIEW_COLUMNS = { [CLAUSE_SHEET]: COLUMNS, [UNIT_SHEET]: UNIT_COLUMNS, [TARGET_SHEET]: TARGET_COLUMNS, [INDICATOR_SHEET]: INDICATOR_COLUMNS } as const;

/**
 * The plan as the 任务分解表's sheets. Clauses with no unit yet come after the rest (the workbook shades them), so
 * that none is overlooked; `unassigned` counts them.
 */
export function reviewSheets(plan: Plan): { sheets: ReviewSheets; unassigned: number } {
  const chapterTitle = new Map(plan.chapters.map((c) => [c.id, `${c.number}${c.title}`]));
  const ordered = clausesOf(plan).sort((a, b) => Number(a.clause.assignments.length === 0) - Number(b.clause.assignments.length === 0));
  const clauses = ordered.map(({ task, clause: c }) => [
    c.id,
    chapterTitle.get(task.chapterId) ?? '',
    task.lead,
    c.text,
    c.assignments.filter((a) => a.role === '牵头').map((a) => a.unit).join('、'),
    c.assignments.filter((a) => a.role === '配合').map((a) => a.unit).join('、'),
    c.deadline?.words ?? '',
    targetWords(c),
    c.annotation ?? '',
    c.assignments.filter((a) => a.role === '负责').map((a) => a.unit).join('、'),
    (c.doubts ?? []).map((d) => DOUBT_WORDS[d]).join('；'),
  ]);
  const units = plan.units.map((u) => [u.name, KIND_NAMES[u.kind], u.aliases.join('、'), u.members.join('、')]);
  // One row per target, so that a false one is deleted and a missed one added without rewriting any sentence. The
  // clause's opening words identify it; its full text is on the 任务分解表 sheet.
  const targets = clausesOf(plan).flatMap(({ clause: c }) => c.targets.map((t) => [c.id, c.text.length > 40 ? `${c.text.slice(0, 40)}…` : c.text, t.value, t.upper ?? null, t.unit, t.comparator, t.words]));
  const indicators = plan.indicators.map((x) => [x.id, x.category, x.name, x.unit, x.baseline, x.target, x.attribute, x.note]);
  return {
    sheets: { [CLAUSE_SHEET]: clauses, [UNIT_SHEET]: units, [TARGET_SHEET]: targets, [INDICATOR_SHEET]: indicators },
    unassigned: ordered.filter((o) => o.clause.assignments.length === 0).length,
  };
}

export async function exportReview(plan: Plan, out: string): Promise<void> {
  const { sheets, unassigned } = reviewSheets(plan);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'taizhang';
  const ws = wb.addWorksheet(CLAUSE_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  const widths = [8, 18, 22, 60, 18, 30, 14, 30, 30, 24, 24];
  ws.columns = widths.map((width, i) => ({ header: COLUMNS[i], width }));
  ws.pageSetup = printSetup(widths, FONT.size!, '1:1');
  ws.headerFooter = { oddFooter: '&C第 &P 页，共 &N 页' };
  const clauseRows = sheets[CLAUSE_SHEET];
  ws.addRows(clauseRows);
  styleTable(ws);
  ws.eachRow((row, n) => {
    if (n > 1) row.height = rowHeight(widths.map((w, i) => [String(row.getCell(i + 1).value ?? ''), w] as [string, number]));
  });
  // The unassigned clauses are the last rows, shaded.
  for (let n = clauseRows.length - unassigned + 2; n <= clauseRows.length + 1; n++) ws.getRow(n).eachCell({ includeEmpty: true }, (cell) => (cell.fill = UNASSIGNED_FILL));
  // Rows the reader doubts: their 待核对 cell shaded; the header's filter shows them alone (待核对 not empty).
  clauseRows.forEach((r, i) => {
    if (r[COLUMNS.length - 1]) ws.getRow(i + 2).getCell(COLUMNS.length).fill = DOUBT_FILL;
    // Several units responsible and none marked as lead: the coordinator decides whether one leads.
    if (String(r[9] ?? '').includes('、')) ws.getRow(i + 2).getCell(10).fill = DOUBT_FILL;
  });
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: clauseRows.length + 1, column: COLUMNS.length } };
  const us = wb.addWorksheet(UNIT_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  us.columns = [34, 8, 24, 40].map((width, i) => ({ header: UNIT_COLUMNS[i], width }));
  us.addRows(sheets[UNIT_SHEET]);
  styleTable(us);
  addRangeValidation(us, `B2:B${Math.max(plan.units.length + 200, 300)}`, {
    type: 'list',
    allowBlank: true,
    formulae: ['"单位,群组,泛指"'],
  });
  const ts = wb.addWorksheet(TARGET_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  const targetWidths = [10, 40, 10, 14, 10, 10, 44];
  ts.columns = targetWidths.map((width, i) => ({ header: TARGET_COLUMNS[i], width }));
  ts.pageSetup = printSetup(targetWidths, FONT.size!, '1:1');
  ts.addRows(sheets[TARGET_SHEET]);
  styleTable(ts);
  const targetRows = Math.max(ts.rowCount + 200, 300);
  addRangeValidation(ts, `F2:F${targetRows}`, { type: 'list', allowBlank: true, formulae: [`"${COMPARATOR_WORDS.join(',')}"`] });
  addRangeValidation(ts, `C2:D${targetRows}`, { type: 'decimal', operator: 'greaterThanOrEqual', allowBlank: true, formulae: [-1e15], showErrorMessage: true, errorTitle: '数值', error: '请填写数字。' });
  const is = wb.addWorksheet(INDICATOR_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  const indicatorWidths = [6, 16, 40, 12, 12, 12, 8, 24];
  is.columns = indicatorWidths.map((width, i) => ({ header: INDICATOR_COLUMNS[i], width }));
  is.pageSetup = printSetup(indicatorWidths, FONT.size!, '1:1');
  is.addRows(sheets[INDICATOR_SHEET]);
  styleTable(is);
  addRangeValidation(is, `G2:G${Math.max(is.rowCount + 100, 200)}`, { type: 'list', allowBlank: true, formulae: ['"约束性,预期性"'] });
  for (const sheet of [ts, is]) {
    sheet.eachRow((row, n) => {
      if (n > 1) row.height = rowHeight(sheet.columns.map((c, i) => [String(row.getCell(i + 1).value ?? ''), c.width ?? 10] as [string, number]));
    });
  }
  const guide = wb.addWorksheet('说明');
  guide.getColumn(1).width = 100;
  [
    '任务分解表使用说明',
    '1. 在“任务分解表”中核对每一条目的牵头单位、配合单位、完成时限和目标值，可直接修改。多个单位之间用顿号（、）分隔。',
    '2. 新增或更名的单位，须先在“责任单位”表中登记；导入时将逐一核对单位名称，未登记的单位会报错并指出单元格。',
    '3. 群组（如“各镇（街道）”）可在“成员”列列出所属单位，下发调度表时将为每个成员各生成一份。',
    '4. 请勿修改“条目编号”，请勿增删行；隐藏的“_plan”表保存原始任务数据，请勿删除。',
    '   尚未明确责任单位的条目排在最后，以浅黄色标出，请逐条指定牵头单位。',
    '5. 目标值在“目标值”表中核对：每行一个目标。误识别的目标删除该行；漏识别的目标新增一行，填写条目编号、数值、计量单位和比较方式。',
    '6. 规划的指标在“指标”表中核对：目标值为空的指标（原表可能为合并单元格）请补填；属性填“约束性”或“预期性”。',
    '7. 修改完成后运行：npx taizhang plan import 任务分解表.xlsx -o plan.json',
    '8. “负责单位”列是原文未写明牵头、由几个单位分别负责的条目：各单位分别报送本单位负责的部分。需要指定牵头单位的，将其移入“牵头单位”列。',
    '9. “待核对”列列出读取时没有把握之处，并以浅橙色标出；可用表头的筛选只看这些条目。核对无误后清空该单元格。',
    '10. 原文未写明牵头单位的条目，可按惯例统一以列第一位者为牵头单位：在下面第12行 B 列选择，导入时对全部此类条目适用，并记入任务文件。',
    '',
    '牵头单位认定',
  ].forEach((t, i) => {
    const cell = guide.getCell(i + 1, 1);
    cell.value = t;
    cell.font = { ...FONT, bold: i === 0 || i + 1 === LEAD_RULE_ROW, size: i === 0 ? 14 : 11 };
  });
  guide.getColumn(2).width = 44;
  const choice = guide.getCell(LEAD_RULE_ROW, 2);
  choice.value = plan.leadRule === 'first-listed' ? LEAD_RULE_FIRST : LEAD_RULE_MARKED;
  choice.border = thinBorder;
  choice.dataValidation = { type: 'list', allowBlank: false, formulae: [`"${LEAD_RULE_MARKED},${LEAD_RULE_FIRST}"`] };
  const hidden = wb.addWorksheet(PLAN_SHEET, { state: 'hidden' });
  const json = JSON.stringify(plan);
  for (let i = 0, row = 1; i < json.length; i += 30000, row++) hidden.getCell(row, 1).value = json.slice(i, i + 30000);
  await wb.xlsx.writeFile(out);
}

function styleTable(ws: ExcelJS.Worksheet): void {
  ws.eachRow((row, n) => {
    row.eachCell({ includeEmpty: true }, (cell) => {
      cell.font = { ...FONT, bold: n === 1 };
      cell.alignment = { vertical: 'top', wrapText: true };
      cell.border = thinBorder;
      if (n === 1) cell.fill = HEADER_FILL;
    });
  });
}

function cellText(cell: ExcelJS.Cell): string {
  const v = cell.value;
  if (v === null || v === undefined) return '';
  if (typeof v === 'object' && 'richText' in v) return v.richText.map((r) => r.text).join('').trim();
  if (typeof v === 'object' && 'text' in v) return String(v.text).trim();
  if (typeof v === 'object' && 'result' in v) return String(v.result ?? '').trim();
  return String(v).trim();
}

export interface ImportProblem {
  sheet: string;
  cell: string;
  message: string;
}

/** The sheets of a reviewed 任务分解表 as text, one row per sheet row below the header (blank rows kept blank). */
export type ReviewText = Partial<Record<keyof ReviewSheets, string[][]>>;

/** A reviewed 任务分解表 with problems: each names its sheet and cell, so the 工作台 can mark it in its grid. */
export class ReviewProblems extends UserError {
  constructor(
    readonly problems: ImportProblem[],
    file: string,
  ) {
    super(`任务分解表有 ${problems.length} 处问题，未导入：\n${problems.map((p) => `  ${file} › ${p.sheet} › ${p.cell}：${p.message}`).join('\n')}`, '请按提示修改后重新导入。');
  }
}

/** Reads a reviewed 任务分解表 back into a plan; every unknown unit or broken row is reported with its cell. */
export async function importReview(path: string): Promise<{ plan: Plan; changes: string[] }> {
  const file = basename(path);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.readFile(path);
  } catch (e) {
    throw new UserError(`无法读取任务分解表“${file}”：${(e as Error).message}`, '请确认文件为 .xlsx 格式（WPS 或 Excel 另存为“Excel 工作簿”）。');
  }
  const hidden = wb.getWorksheet(PLAN_SHEET);
  const ws = wb.getWorksheet(CLAUSE_SHEET);
  const us = wb.getWorksheet(UNIT_SHEET);
  if (!hidden || !ws || !us) {
    throw new UserError(`“${file}”不是 taizhang 导出的任务分解表（缺少“${!ws ? CLAUSE_SHEET : !us ? UNIT_SHEET : PLAN_SHEET}”工作表）。`, '请用 taizhang plan export 重新导出后再修改。');
  }
  let json = '';
  hidden.eachRow((row) => (json += cellText(row.getCell(1))));
  const original = Plan.parse(JSON.parse(json));
  const text: ReviewText = {};
  for (const name of Object.values(REVIEW_SHEETS)) {
    const sheet = wb.getWorksheet(name);
    if (!sheet) continue;
    const rows: string[][] = [];
    // A 任务分解表 exported before the 负责单位 and 待核对 columns has 9: its rows are read as 9 cells.
    const width = name === CLAUSE_SHEET && cellText(sheet.getRow(1).getCell(10)) !== COLUMNS[9] ? 9 : REVIEW_COLUMNS[name].length;
    sheet.eachRow((row, n) => {
      if (n === 1) return;
      const cells: string[] = [];
      for (let c = 1; c <= width; c++) cells.push(cellText(row.getCell(c)));
      rows[n - 2] = cells;
    });
    text[name] = Array.from(rows, (r) => r ?? []);
  }
  const guide = wb.getWorksheet('说明');
  const choice = guide ? cellText(guide.getCell(LEAD_RULE_ROW, 2)) : '';
  if (choice && choice !== LEAD_RULE_MARKED && choice !== LEAD_RULE_FIRST) {
    throw new ReviewProblems([{ sheet: '说明', cell: `B${LEAD_RULE_ROW}`, message: `“${choice}”无效，请从下拉列表中选择“${LEAD_RULE_MARKED}”或“${LEAD_RULE_FIRST}”` }], file);
  }
  return applyReview(original, text, file, { firstListedLeads: choice === LEAD_RULE_FIRST });
}

/**
 * The plan as the coordinator's review changes it: the units, deadlines, targets and indicators of `sheets`, checked
 * as one (every unit registered or close to a registered one, every clause present once, numbers and words that
 * can be read). Throws ReviewProblems, naming each cell, when any check fails; `file` is how the messages name the
 * source. Used for the workbook (`plan import`) and for the 工作台's grid alike.
 */
export function applyReview(planBefore: Plan, sheets: ReviewText, file: string, options: { firstListedLeads?: boolean } = {}): { plan: Plan; changes: string[] } {
  // Worked on a copy (zod's parse builds every object and array anew): the caller's plan is left as it was.
  const original = Plan.parse(planBefore);
  const problems: ImportProblem[] = [];
  const changes: string[] = [];
  const rowsOf = (name: keyof ReviewSheets) => (sheets[name] ?? []).map((cells, i) => ({ n: i + 2, cell: (c: number) => (cells[c - 1] ?? '').trim() }));

  // The registry as edited.
  const registry: RegistryUnit[] = [];
  const kindOf: Record<string, RegistryUnit['kind']> = { 单位: 'unit', 群组: 'group', 泛指: 'catchall' };
  for (const { n, cell } of rowsOf(UNIT_SHEET)) {
    const name = canonicalUnit(cell(1));
    if (!name) continue;
    const kindText = cell(2);
    if (kindText && !(kindText in kindOf)) {
      problems.push({ sheet: UNIT_SHEET, cell: `B${n}`, message: `类别“${kindText}”无效，应为“单位”“群组”或“泛指”` });
    }
    if (registry.some((u) => u.name === name)) {
      problems.push({ sheet: UNIT_SHEET, cell: `A${n}`, message: `单位“${name}”重复登记` });
      continue;
    }
    registry.push({
      name,
      kind: kindOf[kindText] ?? unitKindOf(name),
      aliases: splitUnits(cell(3)).map(canonicalUnit),
      members: splitUnits(cell(4)).map(canonicalUnit),
    });
  }
  const known = new Map<string, string>();
  for (const u of registry) {
    known.set(u.name, u.name);
    for (const a of u.aliases) known.set(a, u.name);
  }
  const added: { name: string; where: string }[] = [];
  const resolve = (name: string, sheet: string, cell: string): string | null => {
    const canonical = canonicalUnit(name);
    const found = known.get(canonical);
    if (found) return found;
    // A name close to a registered one is most likely a typo: refused, with the name it probably means.
    const close = closestUnit(canonical, [...known.keys()]);
    if (close) {
      problems.push({ sheet, cell, message: `单位“${name}”不在“${UNIT_SHEET}”表中，是否为“${known.get(close)}”？请改正，或先在该表登记这一新单位` });
      return null;
    }
    // A new name is a unit the coordinator adds: registered, and said so.
    registry.push({ name: canonical, kind: unitKindOf(canonical), aliases: [], members: [] });
    known.set(canonical, canonical);
    added.push({ name: canonical, where: `${sheet} › ${cell}` });
    return canonical;
  };
  for (const u of registry) for (const [i, m] of u.members.entries()) u.members[i] = known.get(m) ?? m;

  const clauses = new Map(original.tasks.flatMap((t) => t.clauses.map((c) => [c.id, c] as const)));
  const seen = new Set<string>();
  for (const { n, cell } of rowsOf(CLAUSE_SHEET)) {
    const id = cell(1);
    if (!id) continue;
    const clause = clauses.get(id);
    if (!clause) {
      problems.push({ sheet: CLAUSE_SHEET, cell: `A${n}`, message: `条目编号“${id}”在原任务中不存在，请勿修改条目编号或新增行` });
      continue;
    }
    if (seen.has(id)) {
      problems.push({ sheet: CLAUSE_SHEET, cell: `A${n}`, message: `条目编号“${id}”重复出现，请删除多出的一行` });
      continue;
    }
    seen.add(id);
    const leads = splitUnits(cell(5));
    const coops = splitUnits(cell(6));
    // A sheet exported before the 负责单位 column has none: its rows keep their 负责 units as the plan has them.
    const hasRespColumn = (sheets[CLAUSE_SHEET]?.[n - 2]?.length ?? 0) >= 10;
    const resps = hasRespColumn ? splitUnits(cell(10)) : clause.assignments.filter((a) => a.role === '负责').map((a) => a.unit);
    const assignments: Clause['assignments'] = [];
    const read = (names: string[], column: string, role: Clause['assignments'][number]['role']) => {
      for (const name of names) {
        const unit = resolve(name, CLAUSE_SHEET, `${column}${n}`);
        if (unit && !assignments.some((a) => a.unit === unit)) assignments.push({ unit, role });
      }
    };
    read(leads, 'E', '牵头');
    // A lead named for a row of 负责 units: the others now cooperate with it.
    read(resps, 'J', leads.length > 0 ? '配合' : '负责');
    read(coops, 'F', '配合');
    if (coops.length > 0 && leads.length === 0 && resps.length === 0) {
      problems.push({ sheet: CLAUSE_SHEET, cell: `E${n}`, message: `条目${id}有配合单位但没有牵头单位或负责单位` });
    }
    const before = clause.assignments.map((a) => `${a.role}:${a.unit}`).join(',');
    const after = assignments.map((a) => `${a.role}:${a.unit}`).join(',');
    if (before !== after) changes.push(`条目${id}责任单位已修改`);
    clause.assignments = assignments;
    // The coordinator has checked a row whose units were changed or whose 待核对 cell was cleared.
    if (clause.doubts?.length && (before !== after || (hasRespColumn && cell(11) === ''))) {
      delete clause.doubts;
      changes.push(`条目${id}已核对`);
    }
    const deadlineWords = cell(7);
    if (deadlineWords !== (clause.deadline?.words ?? '')) {
      changes.push(`条目${id}完成时限改为“${deadlineWords}”`);
      if (!deadlineWords) clause.deadline = null;
      else {
        const parsed = findDeadline(deadlineWords, { year: original.year, issued: original.issued ?? null });
        if (!parsed) {
          problems.push({ sheet: CLAUSE_SHEET, cell: `G${n}`, message: `完成时限“${deadlineWords}”无法识别，请写成“2025年6月底前”“年底前”“每季度”等形式` });
        } else clause.deadline = { words: deadlineWords, meaning: parsed.meaning };
      }
    }
  }
  for (const id of clauses.keys()) {
    if (!seen.has(id)) problems.push({ sheet: CLAUSE_SHEET, cell: '-', message: `条目${id}所在行已被删除，请勿删除行` });
  }
  // Workbooks exported before these sheets existed keep the plan's targets and indicators as they were.
  if (sheets[TARGET_SHEET]) readTargetSheet(rowsOf(TARGET_SHEET), clauses, problems, changes);
  const indicators = sheets[INDICATOR_SHEET] ? readIndicatorSheet(rowsOf(INDICATOR_SHEET), original.indicators, problems, changes) : original.indicators;
  if (problems.length) throw new ReviewProblems(problems, file);
  // The coordinator's plan-wide choice: where the text marks no lead, the first unit responsible leads.
  let leadRule = original.leadRule ?? 'marked';
  if (options.firstListedLeads && leadRule !== 'first-listed') {
    const adopted = adoptFirstListedLeads(clauses.values());
    leadRule = 'first-listed';
    changes.push(`原文未写明牵头单位的 ${adopted} 条条目，已按“${LEAD_RULE_FIRST}”确定牵头单位`);
  }
  // Units no clause names any more stay in the registry only if listed there; the order follows the sheet.
  const named = new Set([...registryOf(original.tasks).map((u) => u.name), ...added.map((a) => a.name)]);
  const units = registry.filter((u) => named.has(u.name) || u.members.length > 0 || u.kind !== 'catchall');
  const kept = original.warnings.filter((w) => (w.code !== 'no-units' || named.size === 0) && w.code !== 'indicator-target-empty');
  // An indicator whose target is still empty keeps its warning; one filled in the sheet loses it.
  for (const x of indicators.filter((i) => !i.target)) {
    kept.push({ code: 'indicator-target-empty', line: null, message: warningVariant('indicator-target-empty', 'sheet', { id: x.id, name: x.name, sheet: INDICATOR_SHEET }) });
  }
  const addedMessages = added.map((a) => warningMessage('unit-added', { name: a.name, where: a.where, sheet: UNIT_SHEET }));
  const plan = Plan.parse({ ...original, indicators, units, leadRule, warnings: [...kept, ...addedMessages.map((message) => ({ code: 'unit-added', line: null, message }))] });
  return { plan, changes: [...addedMessages, ...changes] };
}

/** Edit distance, for names of a few characters. */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cur = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = cur;
    }
  }
  return row[b.length]!;
}

/**
 * The registered name a new name is probably meant to be: one or two characters off (`区生态环境分居`), or the
 * same name with or without its level prefix (`生态环境分局` for 区生态环境分局).
 */
export function closestUnit(name: string, names: string[]): string | null {
  const bare = (n: string) => n.replace(/^[省市区县]/, '');
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const n of names) {
    if (bare(n) === bare(name)) return n;
    const d = distance(n, name);
    const allowed = Math.min(n.length, name.length) >= 6 ? 2 : 1;
    if (d <= allowed && d < bestDistance) {
      best = n;
      bestDistance = d;
    }
  }
  return best;
}

type TextRow = { n: number; cell: (c: number) => string };

function numberIn(text: string): number | null {
  text = text.replace(/[,，]/g, '');
  if (!text) return null;
  const n = Number(text);
  return Number.isFinite(n) ? n : NaN;
}

/** The 目标值 sheet: one row per target; a clause's targets are replaced when its rows differ from the plan's. */
function readTargetSheet(rows: TextRow[], clauses: Map<string, Clause>, problems: ImportProblem[], changes: string[]): void {
  const read = new Map<string, Target[]>();
  for (const { n, cell } of rows) {
    const id = cell(1);
    const value = numberIn(cell(3));
    if (!id && value === null) continue;
    if (!clauses.has(id)) {
      problems.push({ sheet: TARGET_SHEET, cell: `A${n}`, message: id ? `条目编号“${id}”在任务分解表中不存在，请填写已有条目的编号` : '缺少条目编号，请填写该目标所属条目的编号' });
      continue;
    }
    if (value === null || Number.isNaN(value)) {
      problems.push({ sheet: TARGET_SHEET, cell: `C${n}`, message: `数值“${cell(3)}”不是数字，请只填写数字（如 78、5.5）` });
      continue;
    }
    const upper = numberIn(cell(4));
    if (upper !== null && (Number.isNaN(upper) || upper <= value)) {
      problems.push({ sheet: TARGET_SHEET, cell: `D${n}`, message: `上限“${cell(4)}”应为大于数值的数字，不是范围的请留空` });
      continue;
    }
    const unit = cell(5);
    const comparator = cell(6) || (upper !== null ? '范围' : '');
    // A word the plan already had for this clause stays acceptable (a plan read by an earlier version may hold one
    // the list no longer offers): an unchanged sheet always imports.
    if (comparator && !COMPARATOR_WORDS.includes(comparator) && !clauses.get(id)!.targets.some((t) => t.comparator === comparator)) {
      problems.push({ sheet: TARGET_SHEET, cell: `F${n}`, message: `比较方式“${comparator}”无法识别，请从下拉列表中选择（如“以上”“不低于”“下降”），普通数量请留空` });
      continue;
    }
    // Without the plan's words, the target is written the way plans write it: `不低于80%`, `80%以上`.
    const after = AFTER_WORDS.has(comparator);
    const words = cell(7) || `${after ? '' : comparator}${value}${upper !== null ? `-${upper}` : ''}${unit}${after ? comparator : ''}`;
    const target: Target = { value, unit, comparator, words };
    if (upper !== null) target.upper = upper;
    read.set(id, [...(read.get(id) ?? []), target]);
  }
  const key = (ts: Target[]) => JSON.stringify(ts.map((t) => [t.value, t.upper ?? null, t.unit, t.comparator]));
  for (const [id, clause] of clauses) {
    const targets = read.get(id) ?? [];
    if (key(targets) === key(clause.targets)) continue;
    changes.push(`条目${id}目标值改为“${targets.map((t) => t.words).join('；') || '无'}”`);
    clause.targets = targets;
  }
}

/** The 指标 sheet: the plan's indicators as the coordinator corrected or completed them. */
function readIndicatorSheet(rows: TextRow[], original: Indicator[], problems: ImportProblem[], changes: string[]): Indicator[] {
  const indicators: Indicator[] = [];
  for (const { n, cell } of rows) {
    const name = cell(3);
    if (!name) continue;
    const id = cell(1) || String(indicators.length + 1);
    if (indicators.some((x) => x.id === id)) {
      problems.push({ sheet: INDICATOR_SHEET, cell: `A${n}`, message: `指标编号“${id}”重复，请改为不重复的编号` });
      continue;
    }
    const attribute = cell(7);
    if (attribute && attribute !== '约束性' && attribute !== '预期性') {
      problems.push({ sheet: INDICATOR_SHEET, cell: `G${n}`, message: `属性“${attribute}”无效，应为“约束性”或“预期性”，不确定的请留空` });
      continue;
    }
    indicators.push({
      id,
      category: cell(2),
      name,
      unit: cell(4),
      baseline: cell(5),
      target: cell(6),
      attribute: attribute as Indicator['attribute'],
      note: cell(8),
    });
  }
  const before = new Map(original.map((x) => [x.id, JSON.stringify(x)]));
  for (const x of indicators) {
    const was = before.get(x.id);
    if (was === undefined) changes.push(`新增指标第${x.id}项“${x.name}”`);
    else if (was !== JSON.stringify(x)) changes.push(`指标第${x.id}项“${x.name}”已修改`);
  }
  for (const x of original) if (!indicators.some((y) => y.id === x.id)) changes.push(`删除指标第${x.id}项“${x.name}”`);
  return indicators;
}

/**
 * The usual convention, adopted by the coordinator for a whole plan: in each clause where the text marks no lead,
 * the first unit responsible leads and the others cooperate (each such clause gains a lead-by-position doubt).
 * Changes the clauses in place; returns how many it changed.
 */
export function adoptFirstListedLeads(clauses: Iterable<Clause>): number {
  let adopted = 0;
  for (const clause of clauses) {
    const responsible = clause.assignments.filter((a) => a.role === '负责');
    if (responsible.length === 0 || clause.assignments.some((a) => a.role === '牵头')) continue;
    for (const a of responsible) a.role = a === responsible[0] ? '牵头' : '配合';
    clause.doubts = [...new Set<Doubt>([...(clause.doubts ?? []), 'lead-by-position'])];
    adopted++;
  }
  return adopted;
}

/** A plan with the convention adopted (see adoptFirstListedLeads), recorded as its lead rule; the given plan is left as it was. */
export function withFirstListedLeads(planBefore: Plan): { plan: Plan; adopted: number } {
  const plan = Plan.parse(planBefore);
  if (plan.leadRule === 'first-listed') return { plan, adopted: 0 };
  const adopted = adoptFirstListedLeads(plan.tasks.flatMap((t) => t.clauses));
  return { plan: Plan.parse({ ...plan, leadRule: 'first-listed' }), adopted };
}
