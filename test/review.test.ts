// The coordinator's review loop: export the plan, edit the workbook with an independent writer (openpyxl),
// import it back; unknown units are reported with their cell.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPlan } from '../src/plan/index.ts';
import { exportReview, importReview } from '../src/plan/review.ts';
import { SEEDS, python, soffice, tempDir } from './helpers.ts';

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
});
