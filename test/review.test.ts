// The coordinator's review loop: export the plan, edit the workbook with an independent writer (openpyxl),
// import it back; unknown units are reported with their cell.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPlan } from '../src/plan/index.ts';
import { applyReview, exportReview, importReview, reviewSheets } from '../src/plan/review.ts';
import { ROOT, SEEDS, python, soffice, tempDir } from './helpers.ts';

const ASSIGN = `
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
us = wb['责任单位']
us.append(['区生态环境分局', '单位', '', ''])
us.append(['区发展和改革局', '单位', '发改局', ''])
us.append(['各街道办事处', '群组', '', '北园街道、泺口街道'])
ws = wb['任务分解表']
ws['E2'] = '区生态环境分局'
ws['F2'] = '发改局、各街道办事处'
ws['G2'] = '2025年6月底前'
ws['E3'] = sys.argv[2]
wb.save(sys.argv[1])
`;

describe('plan export / import', async () => {
  const plan = await readPlan(join(SEEDS, 'tianqiao-14th-five-year-plan.docx'));
  const dir = tempDir();

  it('reads back units the coordinator assigned, resolving aliases and group members', async () => {
    const file = join(dir, '任务分解表.xlsx');
    await exportReview(plan, file);
    python(ASSIGN, file, '区生态环境分局');
    const { plan: edited, changes } = await importReview(file);
    const first = edited.tasks[0]!.clauses[0]!;
    expect(first.assignments).toEqual([
      { unit: '区生态环境分局', role: '牵头' },
      { unit: '区发展和改革局', role: '配合' },
      { unit: '各街道办事处', role: '配合' },
    ]);
    expect(first.deadline).toEqual({ words: '2025年6月底前', meaning: { kind: 'date', date: '2025-06-30' } });
    expect(edited.tasks[1]!.clauses[0]!.assignments).toEqual([{ unit: '区生态环境分局', role: '牵头' }]);
    expect(edited.units.find((u) => u.name === '各街道办事处')).toEqual({ name: '各街道办事处', kind: 'group', aliases: [], members: ['北园街道', '泺口街道'] });
    expect(edited.tasks.slice(2).every((t) => t.clauses[0]!.assignments.length === 0)).toBe(true);
    expect(changes).toContain('条目2.1.1责任单位已修改');
    expect(edited.id).toBe(plan.id);
  });

  it('refuses a name close to a registered one with file, sheet, cell and a suggestion, and imports nothing', async () => {
    const file = join(dir, '有误.xlsx');
    await exportReview(plan, file);
    python(ASSIGN, file, '区生态环境分居');
    await expect(importReview(file)).rejects.toThrow('有误.xlsx › 任务分解表 › E3：单位“区生态环境分居”不在“责任单位”表中，是否为“区生态环境分局”？');
  });

  it('registers a new unit typed in a task row, with a warning naming the cell', async () => {
    const file = join(dir, '新单位.xlsx');
    await exportReview(plan, file);
    python(ASSIGN, file, '区城市管理局');
    const { plan: edited, changes } = await importReview(file);
    expect(edited.tasks[1]!.clauses[0]!.assignments).toEqual([{ unit: '区城市管理局', role: '牵头' }]);
    expect(edited.units.find((u) => u.name === '区城市管理局')).toEqual({ name: '区城市管理局', kind: 'unit', aliases: [], members: [] });
    const message = '新增单位“区城市管理局”（任务分解表 › E3），已登记到“责任单位”表，请确认名称无误';
    expect(changes[0]).toBe(message);
    expect(edited.warnings.filter((w) => w.code === 'unit-added').map((w) => w.message)).toEqual([message]);
  });

  it('survives a LibreOffice re-save', async () => {
    const file = join(dir, 'lo.xlsx');
    await exportReview(plan, file);
    python(ASSIGN, file, '区生态环境分局');
    const [resaved] = soffice([file], 'xlsx:Calc MS Excel 2007 XML', join(dir, 'resaved'));
    const { plan: edited } = await importReview(resaved!);
    expect(edited.tasks[0]!.clauses[0]!.assignments.map((a) => a.unit)).toEqual(['区生态环境分局', '区发展和改革局', '各街道办事处']);
    expect(edited.tasks).toHaveLength(plan.tasks.length);
  });

  it('reads back targets per clause and the indicator sheet as the coordinator corrected them', async () => {
    const file = join(dir, '目标.xlsx');
    await exportReview(plan, file);
    // The sheets as exported: one row per target; the indicators with the three empty targets the plan's table has.
    const listed = JSON.parse(python(`
import sys, json, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ts, ind = wb['目标值'], wb['指标']
print(json.dumps({
  'header': [c.value for c in ts[1]],
  'targets': [[c.value for c in r] for r in ts.iter_rows(min_row=2)],
  'indicatorHeader': [c.value for c in ind[1]],
  'emptyTargets': [r[0].value for r in ind.iter_rows(min_row=2) if r[5].value in (None, '')],
}, ensure_ascii=False))
`, file)) as { header: string[]; targets: unknown[][]; indicatorHeader: string[]; emptyTargets: string[] };
    expect(listed.header).toEqual(['条目编号', '条目内容', '数值', '上限（范围填写）', '计量单位', '比较方式', '原文']);
    expect(listed.targets).toHaveLength(plan.tasks.flatMap((t) => t.clauses).reduce((n, c) => n + c.targets.length, 0));
    expect(listed.targets[0]!.slice(2, 7)).toEqual([90, null, '%', '以上', '全区畜禽粪污综合利用率稳定在90%以上']);
    expect(listed.indicatorHeader).toEqual(['编号', '类别', '指标', '单位', '基期值', '目标值', '属性', '备注']);
    expect(listed.emptyTargets).toEqual(['8', '9', '10']);
    // The coordinator deletes the first target, adds one to clause 2.1.1, and fills indicator 8.
    python(`
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ts = wb['目标值']
ts.delete_rows(2)
ts.append(['2.1.1', '', 3, None, '个', '', '新建3个口袋公园'])
ind = wb['指标']
for r in ind.iter_rows(min_row=2):
    if r[0].value == '8':
        r[5].value = '完成市下达任务'
wb.save(sys.argv[1])
`, file);
    const { plan: edited, changes } = await importReview(file);
    const clause = (id: string) => edited.tasks.flatMap((t) => t.clauses).find((c) => c.id === id)!;
    expect(clause('3.4.2').targets).toEqual([]);
    expect(clause('2.1.1').targets).toEqual([{ value: 3, unit: '个', comparator: '', words: '新建3个口袋公园' }]);
    expect(clause('4.2.2').targets).toEqual(plan.tasks.flatMap((t) => t.clauses).find((c) => c.id === '4.2.2')!.targets);
    expect(edited.indicators.find((x) => x.id === '8')!.target).toBe('完成市下达任务');
    expect(edited.warnings.filter((w) => w.code === 'indicator-target-empty').map((w) => w.message)).toEqual([
      '指标第9项“挥发性有机物排放总量减少”的目标值为空，请在任务分解表的“指标”表中补填。',
      '指标第10项“氮氧化物排放总量减少”的目标值为空，请在任务分解表的“指标”表中补填。',
    ]);
    expect(changes).toEqual(['条目2.1.1目标值改为“新建3个口袋公园”', '条目3.4.2目标值改为“无”', '指标第8项“氨氮排放总量减少”已修改']);
  });

  it('refuses a target row it cannot read, naming the cell', async () => {
    const file = join(dir, '目标有误.xlsx');
    await exportReview(plan, file);
    python(`
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ts = wb['目标值']
ts.append(['2.1.1', '', '三个', None, '个', '', ''])
ts.append(['2.1.1', '', 5, None, '%', '大约', ''])
ts.append(['99.9', '', 5, None, '%', '', ''])
wb['指标']['G2'] = '必须'
wb.save(sys.argv[1])
`, file);
    const error = await importReview(file).then(() => null, (e: Error) => e.message);
    // The appended rows follow the header and one row per target of the plan.
    const first = 2 + plan.tasks.flatMap((t) => t.clauses).reduce((n, c) => n + c.targets.length, 0);
    expect(first).toBe(17);
    expect(error).toContain(`目标有误.xlsx › 目标值 › C${first}：数值“三个”不是数字`);
    expect(error).toContain(`目标有误.xlsx › 目标值 › F${first + 1}：比较方式“大约”无法识别`);
    expect(error).toContain(`目标有误.xlsx › 目标值 › A${first + 2}：条目编号“99.9”在任务分解表中不存在`);
    expect(error).toContain('目标有误.xlsx › 指标 › G2：属性“必须”无效');
  });

  it('imports an unchanged export of a plan whose target words the list no longer offers, and refuses such a word on another clause', () => {
    // A plan read by an earlier version, with a comparator word (`推动`) that is not among the choices today.
    const old = structuredClone(plan);
    const clauses = old.tasks.flatMap((t) => t.clauses);
    const withTarget = clauses.find((c) => c.targets.length > 0)!;
    withTarget.targets[0]!.comparator = '推动';
    const { sheets } = reviewSheets(old);
    const text = (rows: (string | number | null)[][]) => rows.map((r) => r.map((c) => (c === null ? '' : String(c))));
    const unchanged = { 任务分解表: text(sheets.任务分解表), 责任单位: text(sheets.责任单位), 目标值: text(sheets.目标值), 指标: text(sheets.指标) };
    const { plan: same, changes } = applyReview(old, unchanged, '任务分解表.xlsx');
    expect(changes).toEqual([]);
    expect(same.tasks.flatMap((t) => t.clauses).find((c) => c.id === withTarget.id)!.targets[0]!.comparator).toBe('推动');
    // The same word moved to another clause's target is refused at its cell, and the plan passed in is untouched.
    const row = unchanged.目标值.findIndex((r) => r[0] !== withTarget.id);
    unchanged.目标值[row]![5] = '推动';
    expect(() => applyReview(old, unchanged, '任务分解表.xlsx')).toThrow(`任务分解表.xlsx › 目标值 › F${row + 2}：比较方式“推动”无法识别`);
    expect(old.tasks.flatMap((t) => t.clauses).find((c) => c.id === withTarget.id)!.targets[0]!.comparator).toBe('推动');
  });

  it('refuses a clause row given twice', () => {
    const { sheets } = reviewSheets(plan);
    const rows = sheets.任务分解表.map((r) => r.map((c) => (c === null ? '' : String(c))));
    rows.push([...rows[0]!]);
    expect(() => applyReview(plan, { 任务分解表: rows, 责任单位: sheets.责任单位.map((r) => r.map(String)) }, '网页')).toThrow(`网页 › 任务分解表 › A${rows.length + 1}：条目编号“${rows[0]![0]}”重复出现`);
  });
});

// Issue 30: rows with several units responsible and no lead, the reader's doubts, and the plan-wide lead choice.
describe('负责单位, 待核对 and the plan-wide choice of leads in the 任务分解表', async () => {
  const plan = await readPlan(join(SEEDS, 'jiyang-2021-consolidation-plan.txt'));
  const dir = tempDir();

  it('shows 负责 units in their column, the doubts in 待核对, shaded, with a filter over the sheet', async () => {
    const read = String.raw`
import sys, json, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb['任务分解表']
rows = {str(r[0].value): ([c.value for c in r], r[10].fill.fgColor.rgb) for r in ws.iter_rows(min_row=2)}
print(json.dumps({'header': [c.value for c in ws[1]], 'rows': rows, 'filter': ws.auto_filter.ref, 'choice': wb['说明']['B12'].value}, ensure_ascii=False))
`;
    const file = join(dir, '任务分解表.xlsx');
    await exportReview(plan, file);
    const r = JSON.parse(python(read, file));
    expect(r.header.slice(9)).toEqual(['负责单位（原文未写明牵头）', '待核对']);
    // 4.（责任单位:区城乡水务局、各镇(街道)）: no lead marked, both responsible.
    expect(r.rows['4'][0].slice(4, 6)).toEqual(['', '']);
    expect(r.rows['4'][0][9]).toBe('区城乡水务局、各镇（街道）');
    expect(r.filter).toMatch(/^A1:K\d+$/);
    expect(r.choice).toBe('仅按原文标注');
    const twoLevel = await readPlan(join(ROOT, 'test', 'fixtures', 'two-level-plan.txt'));
    const file2 = join(dir, '任务分解表-二级.xlsx');
    await exportReview(twoLevel, file2);
    const r2 = JSON.parse(python(read, file2));
    expect(r2.rows['2.2'][0][10]).toBe('单位名称在“和”“及”处的分合待核对；单位名称仅此一处出现且不规范');
    expect(r2.rows['2.2'][1]).toBe('FFFCE4D6');
    // Only the doubtful row is marked.
    expect(Object.values(r2.rows as Record<string, [unknown[], string]>).filter(([cells]) => cells[10]).length).toBe(1);
  });

  it('imports the choice that the first listed leads: applied to every row without a lead, recorded, each row marked', async () => {
    const file = join(dir, '任务分解表-首位.xlsx');
    await exportReview(plan, file);
    python(String.raw`
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
wb['说明']['B12'] = '未写明牵头的条目以列第一位者为牵头单位'
wb.save(sys.argv[1])
`, file);
    const { plan: after, changes } = await importReview(file);
    expect(after.leadRule).toBe('first-listed');
    const c4 = after.tasks[3]!.clauses[0]!;
    expect(c4.assignments).toEqual([{ unit: '区城乡水务局', role: '牵头' }, { unit: '各镇（街道）', role: '配合' }]);
    expect(c4.doubts).toContain('lead-by-position');
    // Every one of the 16 clauses names units and none marks a lead: all 16 get one.
    expect(changes).toContain('原文未写明牵头单位的 16 条条目，已按“未写明牵头的条目以列第一位者为牵头单位”确定牵头单位');
    expect(after.tasks.every((t) => t.clauses.every((c) => c.assignments.filter((a) => a.role === '牵头').length === 1))).toBe(true);
  });

  it('imports a 任务分解表 of the earlier 9-column form unchanged, 负责 units kept', async () => {
    const file = join(dir, '任务分解表-旧.xlsx');
    await exportReview(plan, file);
    python(String.raw`
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
wb['任务分解表'].delete_cols(10, 2)
wb.save(sys.argv[1])
`, file);
    const { plan: after, changes } = await importReview(file);
    expect(changes).toEqual([]);
    expect(after.tasks[3]!.clauses[0]!.assignments).toEqual([{ unit: '区城乡水务局', role: '负责' }, { unit: '各镇（街道）', role: '负责' }]);
  });

  it('makes the other 负责 units of a row cooperate when the coordinator names its lead', () => {
    const { sheets } = reviewSheets(plan);
    const rows = sheets.任务分解表.map((r) => r.map((c) => (c === null ? '' : String(c))));
    const i = rows.findIndex((r) => r[0] === '4');
    rows[i]![4] = '区城乡水务局';
    const { plan: after, changes } = applyReview(plan, { 任务分解表: rows, 责任单位: sheets.责任单位.map((r) => r.map(String)) }, '网页');
    expect(after.tasks[3]!.clauses[0]!.assignments).toEqual([{ unit: '区城乡水务局', role: '牵头' }, { unit: '各镇（街道）', role: '配合' }]);
    expect(changes).toContain('条目4责任单位已修改');
  });
});
