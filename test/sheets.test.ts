// Per-unit tracking workbooks: checked with an independent reader (openpyxl), rendered and re-saved by LibreOffice.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readWorkbookFile } from '../src/collect/read.ts';
import { validateSubmission } from '../src/collect/validate.ts';
import { parseRound } from '../src/model/round.ts';
import { readPlan } from '../src/plan/index.ts';
import { assignUnits, safeFileName } from '../src/sheets/assign.ts';
import { generateRound } from '../src/sheets/generate.ts';
import { planHash } from '../src/model/plan.ts';
import { WorkbookStamper, xmlText } from '../src/sheets/stamp.ts';
import { buildWorkbook, rowHeight, sheetProtection } from '../src/sheets/workbook.ts';
import { zip } from '../src/util/zip.ts';
import { syntheticPlan } from '../src/bench/index.ts';
import { PYTHON, ROOT, inspectWorkbook, jinanPlan, python, run, soffice, tempDir } from './helpers.ts';

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

  // Issue 30: the seed's (责任单位:…) lists mark no lead, so 大气环境处 is 负责 in every row (it was 牵头/配合 by place).
  it('gives 大气环境处 exactly the clauses that name it: 19 tasks, its role (负责 where no lead is marked) shown', () => {
    const seen = inspect(air);
    const rows = seen.rows as { id: string; role: string }[];
    const tasks = new Set(rows.map((r) => r.id.replace(/-\d+$/, '')));
    expect(tasks.size).toBe(19);
    expect(rows.find((r) => r.id === '4.4-1')!.role).toBe('负责');
    expect(rows.find((r) => r.id === '1.2')!.role).toBe('负责');
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

describe('stamped workbooks', async () => {
  const plan = await jinanPlan();
  const round = parseRound('2025-Q3');
  const hash = planHash(plan);
  const unit = assignUnits(plan).assignments.find((a) => a.unit === '大气环境处')!;
  const dir = tempDir();
  const dump = (...files: string[]) => {
    const r = run(PYTHON, [join(ROOT, 'test', 'fixtures', 'dump_workbook.py'), ...files]);
    if (r.code !== 0) throw new Error(r.stderr);
    return JSON.parse(r.stdout) as unknown[];
  };
  const values = new Map([
    [unit.rows[0]!.clause.id, { value: 12.5, status: '序时推进', progress: '已完成 & <一半>' }],
    [unit.rows[2]!.clause.id, { value: '约两千', status: '基本完成' }],
  ]);

  it('an issued workbook reads, cell for cell, as the one exceljs builds (openpyxl)', async () => {
    const o = { plan, planHash: hash, round, protection: sheetProtection(), contact: '综合处 王五 0531-1234' };
    writeFileSync(join(dir, 'built.xlsx'), new Uint8Array(await buildWorkbook({ ...o, unit, values }).xlsx.writeBuffer()));
    writeFileSync(join(dir, 'stamped.xlsx'), (await WorkbookStamper.create(o)).render(unit, values));
    const [built, stamped] = dump(join(dir, 'built.xlsx'), join(dir, 'stamped.xlsx'));
    expect(stamped).toEqual(built);
  });

  it('a 退回重报 workbook reads, cell for cell, as the one exceljs builds: red cells, comments, 审核意见 column, notice', async () => {
    const o = { plan, planHash: hash, round, protection: sheetProtection(), contact: '综合处 王五 0531-1234' };
    const r1 = 5 + 2;
    const problems = new Map([
      ['F2', '未填写填报人'],
      ['H2', '联系电话“12”不是有效号码'],
      [`J${r1}`, '完成值“约两千”不是数字'],
      [`K${r1}`, '完成状态“基本完成”不在可选范围内'],
      ['L9', '未填写进展情况'],
    ]);
    const returned = { header: { reporter: '', phone: '12', date: '2025-10-08' }, problems, notice: '退回重报：本表有 5 处问题。' };
    writeFileSync(join(dir, 'built-r.xlsx'), new Uint8Array(await buildWorkbook({ ...o, unit, values, ...returned }).xlsx.writeBuffer()));
    writeFileSync(join(dir, 'stamped-r.xlsx'), (await WorkbookStamper.create({ ...o, returned: true })).render(unit, values, returned));
    const [built, stamped] = dump(join(dir, 'built-r.xlsx'), join(dir, 'stamped-r.xlsx')) as { 调度表: { cells: Record<string, Record<string, unknown>> } }[];
    expect(stamped).toEqual(built);
    // What that equality covers, worked out by hand: the red cells with their comments, the column, the notice.
    const cells = stamped!.调度表.cells;
    expect(cells.H2).toMatchObject({ value: '12', fill: 'FFFFC7CE', comment: '联系电话“12”不是有效号码' });
    expect(cells[`K${r1}`]).toMatchObject({ value: '基本完成', fill: 'FFFFC7CE', locked: false });
    expect(cells[`L${r1}`]!.fill).toBe('FFFFFFFF');
    expect(cells.O4!.value).toBe('审核意见（退回原因）');
    expect(cells[`O${r1}`]!.value).toBe(`J${r1}：完成值“约两千”不是数字\nK${r1}：完成状态“基本完成”不在可选范围内`);
    expect(cells.A3!.value).toBe('退回重报：本表有 5 处问题。表头：F2：未填写填报人；H2：联系电话“12”不是有效号码');
    expect(Object.values(cells).filter((c) => c.comment).length).toBe(5);
  });

  it('a 退回重报 workbook whose problems name no cell has no comments, and LibreOffice and Gnumeric open it', async () => {
    const o = { plan, planHash: hash, round, protection: sheetProtection() };
    const returned = { header: { reporter: '张明', phone: '0531-86161234', date: '2025-10-08' }, problems: new Map<string, string>(), notice: '退回重报：本表有 1 处问题。' };
    const file = join(dir, 'no-cells.xlsx');
    writeFileSync(file, (await WorkbookStamper.create({ ...o, returned: true })).render(unit, values, returned));
    const [stamped] = dump(file) as { 调度表: { cells: Record<string, Record<string, unknown>> } }[];
    expect(Object.values(stamped!.调度表.cells).filter((c) => c.comment)).toEqual([]);
    expect(stamped!.调度表.cells.A3!.value).toBe('退回重报：本表有 1 处问题。');
    expect(stamped!.调度表.cells.F2!.value).toBe('张明');
    const [resaved] = soffice([file], 'xlsx:Calc MS Excel 2007 XML', join(dir, 'lo'));
    const [lo] = dump(resaved!) as { 调度表: { cells: Record<string, Record<string, unknown>> } }[];
    expect(lo!.调度表.cells.F2!.value).toBe('张明');
    // Without notes Gnumeric has nothing to say at all (with them, it names the note shapes' x:Locked: gnumeric.test).
    const g = run('ssconvert', ['-S', '--export-type=Gnumeric_stf:stf_csv', file, join(dir, 'g_%s.csv')]);
    expect(`${g.stdout}${g.stderr}`.trim()).toBe('');
    expect(readFileSync(join(dir, 'g_调度表.csv'), 'utf8')).toContain('0531-86161234');
  });
});

describe('sheets generate: a 下发清单 longer than one deflated piece', () => {
  it('lists every unit once, in order, across the pieces it was deflated in (openpyxl)', async () => {
    // 1,100 units: the list is made and deflated 500 rows at a time, so rows 502 and 503 (the 500th and 501st
    // units) lie on either side of the first seam and 1,002/1,003 of the second.
    const plan = syntheticPlan(1100);
    const out = join(tempDir(), 'out');
    const result = await generateRound({ plan, round: parseRound('2025-Q3'), outDir: out });
    expect(result.files).toHaveLength(1100);
    const seen = JSON.parse(
      python(
        'import openpyxl, sys, json; ws = openpyxl.load_workbook(sys.argv[1]).active; print(json.dumps({"max": ws.max_row, "dim": ws.dimensions, "rows": [[c.value for c in r] for r in ws.iter_rows(min_row=3, max_col=6)]}, ensure_ascii=False))',
        join(out, '下发清单.xlsx'),
      ),
    ) as { max: number; dim: string; rows: unknown[][] };
    expect(seen.max).toBe(1102);
    expect(seen.dim).toBe('A1:G1102');
    // Every row as the generate result describes its workbook: number, unit, file name and counts.
    expect(seen.rows).toEqual(result.files.map((f, i) => [i + 1, f.unit, f.file, f.rows, f.lead, f.cooperate]));
    expect(new Set(seen.rows.map((r) => r[1])).size).toBe(1100);
  });
});

describe('sheets: the zip writer and the cell texts of stamped workbooks', () => {
  it('stores a part under 2 KB and deflates a larger one; Python\'s zipfile reads both back byte for byte', () => {
    const small = Buffer.from('<x>'.padEnd(2047, 'a'));
    const large = Buffer.from(Array.from({ length: 400 }, (_, i) => `<row r="${i}">第${i}行</row>`).join(''));
    const archive = zip([
      { name: 'small.xml', data: small, deflate: true },
      { name: 'large.xml', data: large, deflate: true },
    ]);
    const dir = tempDir('tz-zip-');
    writeFileSync(join(dir, 'a.zip'), archive);
    const listed = python(
      'import sys, zipfile, hashlib\nz = zipfile.ZipFile(sys.argv[1])\nz.testzip()\nfor i in z.infolist(): print(i.filename, i.compress_type, i.file_size, hashlib.sha256(z.read(i)).hexdigest())',
      join(dir, 'a.zip'),
    );
    const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
    expect(listed.trim().split('\n')).toEqual([`small.xml 0 2047 ${sha(small)}`, `large.xml 8 ${large.length} ${sha(large)}`]);
  });

  it('escapes only what XML needs in a cell text, and counts a character beyond the BMP once in a row height', () => {
    expect(xmlText('推进 A&B <完成> "100%"\u0001')).toBe('推进 A&amp;B &lt;完成&gt; &quot;100%&quot;');
    const plain = '按计划推进，已完成阶段性工作。';
    expect(xmlText(plain)).toBe(plain);
    // A column 9 wide holds 4 characters a line: 8 characters are 2 lines (35 pt), 9 are 3 (49.5 pt), however
    // many UTF-16 units they take.
    expect(rowHeight([['𠀀𠀁𠀂𠀃𠀄𠀅𠀆𠀇', 9]])).toBe(35);
    expect(rowHeight([['𠀀𠀁𠀂𠀃𠀄𠀅𠀆𠀇一', 9]])).toBe(49.5);
    expect(rowHeight([['一二三四\n五', 9]])).toBe(35);
  });
});
