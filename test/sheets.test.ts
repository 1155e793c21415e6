// Per-unit tracking workbooks: checked with an independent reader (openpyxl), rendered and re-saved by LibreOffice.
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readWorkbookFile } from '../src/collect/read.ts';
import { validateSubmission } from '../src/collect/validate.ts';
import { parseRound } from '../src/model/round.ts';
import { readPlan } from '../src/plan/index.ts';
import { assignUnits, safeFileName } from '../src/sheets/assign.ts';
import { generateRound } from '../src/sheets/generate.ts';
import { ROOT, inspectWorkbook, jinanPlan, run, soffice, tempDir } from './helpers.ts';

const inspect = inspectWorkbook;

describe('sheets generate (jinan)', async () => {
  const plan = await jinanPlan();
  const round = parseRound('2025-Q3');
  const dir = tempDir();
  const out = join(dir, 'out');
  const result = await generateRound({ plan, round, outDir: out, password: '123456' });
  const air = join(out, '大气环境处_2025-Q3_调度表.xlsx');

  it('writes one workbook per unit (23) and a distribution list; the catch-all gets none', () => {
    expect(result.files).toHaveLength(23);
    expect(readdirSync(out).filter((f) => f.endsWith('_调度表.xlsx'))).toHaveLength(23);
    expect(readdirSync(out)).toContain('下发清单.xlsx');
    expect(result.files.some((f) => f.unit.includes('其他'))).toBe(false);
  });

  it('gives 大气环境处 exactly the clauses that name it: 19 tasks, lead and cooperate marked', () => {
    const seen = inspect(air);
    const rows = seen.rows as { id: string; role: string }[];
    const tasks = new Set(rows.map((r) => r.id.replace(/-\d+$/, '')));
    expect(tasks.size).toBe(19);
    expect(rows.find((r) => r.id === '4.4-1')!.role).toBe('牵头');
    expect(rows.find((r) => r.id === '1.2')!.role).toBe('配合');
    const expected = plan.tasks.flatMap((t) => t.clauses.filter((c) => c.assignments.some((a) => a.unit === '大气环境处')).map((c) => c.id));
    expect(rows.map((r) => r.id)).toEqual(expected);
  });

  it('is protected with input cells unlocked, a status dropdown, frozen header and A4 landscape print (openpyxl)', () => {
    const seen = inspect(air);
    expect(seen.sheets).toEqual(['填报说明', '调度表', '_taizhang']);
    expect(seen.states._taizhang).toBe('hidden');
    expect(seen.title).toBe('济南市生态环境局 2025年第三季度 重点工作调度表');
    expect(seen.unit).toBe('大气环境处');
    expect(seen.protected).toBe(true);
    expect(seen.algorithm).toBe('SHA-512');
    expect(seen.header_locked).toEqual({ F2: false, H2: false });
    expect(seen.rows.every((r: { locked_plan: boolean; locked_input: boolean }) => r.locked_plan && !r.locked_input)).toBe(true);
    const status = seen.validations.find((v: { type: string }) => v.type === 'list');
    expect(status.formula1).toBe('"已完成,序时推进,滞后,未启动"');
    expect(status.sqref).toBe(`K5:K${4 + seen.rows.length}`);
    expect(seen.validations.find((v: { type: string }) => v.type === 'decimal').sqref).toBe(`J5:J${4 + seen.rows.length}`);
    expect(seen.freeze).toBe('B5');
    expect(seen.orientation).toBe('landscape');
    expect(seen.paper).toBe(9);
    expect(seen.fit_width).toBe(1);
    expect(seen.print_titles).toBe('$4:$4');
    expect(seen.meta).toMatchObject({ format: 'taizhang/workbook@1', plan_id: plan.id, unit: '大气环境处', round: '2025-Q3', first_row: 5 });
  });

  it('converts to PDF with LibreOffice: guide and table on A4', () => {
    const [pdf] = soffice([air], 'pdf', join(dir, 'pdf'));
    const info = run('pdfinfo', [pdf!]).stdout;
    expect(info).toMatch(/Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/);
    const text = run('pdftotext', ['-layout', pdf!, '-']).stdout;
    expect(text).toContain('填报说明');
    expect(text).toContain('重点工作调度表');
    // Table cells wrap across lines in the PDF: check ids and headers, which do not.
    for (const words of ['4.4-1', '13.3', '完成状态', '下一步打算', '第 2 页']) expect(text).toContain(words);
  });

  it('converts every unit’s workbook to PDF with LibreOffice', () => {
    const all = result.files.map((f) => join(out, f.file));
    const pdfs = soffice(all, 'pdf', join(dir, 'pdf-all'));
    expect(pdfs).toHaveLength(23);
    for (const pdf of pdfs) expect(run('pdfinfo', [pdf]).stdout).toMatch(/Pages:\s+[1-9]/);
  });

  it('keeps everything the collector needs through a LibreOffice re-save', async () => {
    const [resaved] = soffice([air], 'xlsx:Calc MS Excel 2007 XML', join(dir, 'lo'));
    const read = await readWorkbookFile(resaved!);
    expect(read.meta).toMatchObject({ format: 'taizhang/workbook@1', unit: '大气环境处', round: '2025-Q3', plan_id: plan.id });
    expect(read.metaRows.length).toBe(21);
    const unit = assignUnits(plan).assignments.find((a) => a.unit === '大气环境处')!;
    const v = validateSubmission(read, 'x', plan, unit.rows);
    // Nothing was filled in, so only missing answers are reported: no plan cell changed, no row moved.
    expect(new Set(v.problems.map((p) => p.rule))).toEqual(new Set(['reporter-missing', 'phone-missing', 'status-missing', 'progress-missing']));
  });

  it('refuses an output folder of another round without --force, and never deletes', async () => {
    writeFileSync(join(out, '单位自留.txt'), 'keep');
    await expect(generateRound({ plan, round: parseRound('2025-Q4'), outDir: out })).rejects.toThrow('已有 2025-Q3 轮次的调度表');
    await expect(generateRound({ plan, round, outDir: out })).rejects.toThrow('同名调度表');
    await generateRound({ plan, round, outDir: out, force: true });
    expect(readdirSync(out)).toContain('单位自留.txt');
  });
});

describe('sheets generate: awkward plans', async () => {
  const base = await readPlan(join(ROOT, 'test', 'fixtures', 'variants-plan.txt'));

  it('gives units with forbidden characters safe, readable names; expands groups with members; warns about unassigned', async () => {
    const plan = structuredClone(base);
    plan.tasks[0]!.clauses[0]!.assignments[0]!.unit = '大气/水环境处';
    plan.units.push({ name: '大气/水环境处', kind: 'unit', aliases: [], members: [] });
    const group = plan.units.find((u) => u.name === '各区县（功能区）')!;
    group.members = ['历下区', '市中区'];
    plan.tasks[0]!.clauses[0]!.text = '=HYPERLINK("http://x")+1';
    const dir = tempDir();
    const result = await generateRound({ plan, round: parseRound('2026-09'), outDir: dir });
    expect(safeFileName('大气/水环境处')).toBe('大气／水环境处');
    const names = result.files.map((f) => f.file);
    expect(names).toContain('大气／水环境处_2026-09_调度表.xlsx');
    expect(names).toContain('历下区_2026-09_调度表.xlsx');
    expect(names).toContain('市中区_2026-09_调度表.xlsx');
    expect(names.some((n) => n.startsWith('各区县'))).toBe(false);
    expect(result.unassigned.map((u) => u.clause.id)).toEqual(['7-2']);
    // Plan text that looks like a formula stays text.
    const seen = inspect(join(dir, '大气／水环境处_2026-09_调度表.xlsx'));
    expect(seen.rows[0].text).toBe('=HYPERLINK("http://x")+1');
    expect(seen.rows[0].text_type).toBe('s');
    const [resaved] = soffice([join(dir, '大气／水环境处_2026-09_调度表.xlsx')], 'xlsx:Calc MS Excel 2007 XML', join(dir, 'lo'));
    const again = inspect(resaved!);
    expect(again.rows[0].text).toBe('=HYPERLINK("http://x")+1');
    expect(again.rows[0].text_type).toBe('s');
  });
});
