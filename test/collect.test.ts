// Collecting returned workbooks: filled by openpyxl (an independent writer) and re-saved by LibreOffice,
// every validation rule, every unusable file, resubmission, idempotence, and a killed collect.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { unzipSync, zipSync } from 'fflate';
import { copyFileSync, mkdirSync, readFileSync, readdirSync, symlinkSync, truncateSync, utimesSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { collect } from '../src/collect/index.ts';
import { judge, planVersion } from '../src/collect/judge.ts';
import { readAndJudge, readOnThread, readThreads, threadFacts } from '../src/collect/pool.ts';
import { readValue } from '../src/collect/values.ts';
import { consolidate, loadRoundProgress } from '../src/consolidate/index.ts';
import { Ledger } from '../src/ledger/ledger.ts';
import type { Clause, Plan, Task } from '../src/model/plan.ts';
import { Entry, SubmissionReceipt } from '../src/model/submission.ts';
import { parseRound } from '../src/model/round.ts';
import { readPlan } from '../src/plan/index.ts';
import { assignUnits, UnitIndex, type UnitAssignment, type UnitRow } from '../src/sheets/assign.ts';
import { syntheticPlan } from '../src/bench/index.ts';
import { issueRound } from '../src/sheets/issue.ts';
import { returnStamper, returnTemplateKey, WorkbookStamper } from '../src/sheets/stamp.ts';
import { PlanRows, planCells, rowChecksum, sheetProtection } from '../src/sheets/workbook.ts';
import { GOOD_ANSWERS, ROOT, fillWorkbook, inspectWorkbook, issuedWorkspace, python, soffice, taizhang, tempDir, jinanPlan } from './helpers.ts';

let plan: Plan;
beforeAll(async () => {
  plan = await jinanPlan();
});

/** A workspace with the 2025-Q3 round issued; returns paths. */
async function issued(roundId = '2025-Q3') {
  const ws = tempDir('tz-ws-');
  return { ws, ...(await issuedWorkspace(ws, plan, { round: roundId })) };
}

describe('collect: a whole round from real clients', () => {
  it('collects workbooks filled by openpyxl and re-saved by LibreOffice, whatever their names', async () => {
    const { ledger, out, file, inbox, ws } = await issued();
    const units = readdirSync(out).filter((f) => f.endsWith('_调度表.xlsx'));
    // Every unit fills its own with openpyxl, under a name of its choosing.
    units.forEach((name, i) => fillWorkbook(join(out, name), join(inbox, `报送${i + 1}.xlsx`), GOOD_ANSWERS));
    // Four units re-save theirs in LibreOffice after filling, one opens it in LibreOffice first and fills after.
    const resaved = soffice([1, 2, 3, 4].map((i) => join(inbox, `报送${i}.xlsx`)), 'xlsx:Calc MS Excel 2007 XML', join(ws, 'lo'));
    resaved.forEach((f, i) => copyFileSync(f, join(inbox, `报送${i + 1}.xlsx`)));
    const [loFirst] = soffice([file('大气环境处')], 'xlsx:Calc MS Excel 2007 XML', join(ws, 'lo-first'));
    const air = units.findIndex((u) => u.startsWith('大气环境处'));
    fillWorkbook(loFirst!, join(inbox, `报送${air + 1}.xlsx`), { ...GOOD_ANSWERS, rows: { '4.4-1': { value: '3.5%', status: '序时推进' } } });

    const now = () => new Date('2025-10-08T09:00:00+08:00');
    const events = await collect({ ledger, roundId: '2025-Q3', paths: [inbox], outDir: join(ws, 'c'), now });
    expect(events.map((e) => e.outcome.kind)).toEqual(Array(23).fill('accepted'));
    const { progress } = loadRoundProgress(ledger, '2025-Q3', '2025-10-09');
    expect(progress.receipts.every((r) => r.state === '已报送')).toBe(true);
    const c = progress.clauses.find((x) => x.clauseId === '4.4-1')!;
    // (责任单位:大气环境处、土壤生态环境处) marks no lead: both are responsible (issue 30).
    expect(c.answers[0]).toMatchObject({ unit: '大气环境处', role: '负责', status: '序时推进', value: 3.5, progress: '按计划推进，已完成阶段性工作。' });
    expect(c.answers[1]).toMatchObject({ unit: '土壤生态环境处', role: '负责', reported: true });
    // 3.5 of 5 is 70%, the schedule expects 75% by the end of Q3: 5 points behind, still green.
    expect(c.completion).toBeCloseTo(0.7);
    expect(c.expected).toBeCloseTo(273 / 365, 6);
    expect(c.schedule).toBe('green');

    // Running it again changes nothing.
    const again = await collect({ ledger, roundId: '2025-Q3', paths: [inbox], outDir: join(ws, 'c') });
    expect(again.every((e) => e.outcome.kind === 'duplicate')).toBe(true);
    expect((ledger.db.prepare('SELECT count(*) n FROM submissions').get() as { n: number }).n).toBe(23);
    // The originals are archived unchanged.
    const s = ledger.currentSubmissions('2025-Q3')[0]!;
    expect(readFileSync(s.archivePath).equals(readFileSync(join(inbox, s.originalPath.split('/').pop()!)))).toBe(true);
    ledger.close();
  });
});

describe('collect: validation', () => {
  it('reports every problem of a file with its cell, returns a workbook with highlighted cells, and takes the fix', async () => {
    const { ledger, file, inbox, ws } = await issued();
    fillWorkbook(file('大气环境处'), join(inbox, '大气.xlsx'), {
      reporter: '',
      phone: '请联系办公室',
      default: GOOD_ANSWERS.default,
      rows: {
        '1.2': { status: '' },
        '1.3': { status: '基本完成' },
        '2.2': { status: '序时推进', progress: '' },
        '3.1': { status: '滞后', problems: '' },
        '4.4-1': { value: '约两千' },
        '4.5': { value: '2000万' },
        '4.4-2': { value: '1,200' },
        '9.2': { value: '１２００' },
      },
      cells: { D7: '改过的任务内容' },
    });
    const rowOf = (id: string) => 5 + inspectWorkbook(file('大气环境处')).rows.findIndex((r: { id: string }) => r.id === id);
    const [event] = await collect({ ledger, roundId: '2025-Q3', paths: [join(inbox, '大气.xlsx')], outDir: join(ws, 'c') });
    expect(event!.outcome.kind).toBe('returned');
    if (event!.outcome.kind !== 'returned') return;
    const found = event!.outcome.problems.map((p) => [p.cell, p.rule]);
    expect(found).toEqual([
      ['F2', 'reporter-missing'],
      ['H2', 'phone-invalid'],
      ['K5', 'status-missing'],
      ['K6', 'status-invalid'],
      ['D7', 'plan-cell-changed'],
      ['L7', 'progress-missing'],
      ['M8', 'problems-missing'],
      [`J${rowOf('4.4-1')}`, 'value-not-number'],
      [`J${rowOf('4.5')}`, 'value-not-number'],
    ]);
    const p = event!.outcome.problems;
    expect(p[0]).toMatchObject({ file: join(inbox, '大气.xlsx'), sheet: '调度表', message: '未填写填报人' });
    expect(p.find((x) => x.cell === `J${rowOf('4.4-1')}`)!.message).toContain('完成值“约两千”不是数字');
    expect(p.find((x) => x.cell === `J${rowOf('4.5')}`)!.message).toContain('带有数量单位“万”');
    expect(p.find((x) => x.cell === 'D7')!.message).toContain('灰色单元格“具体内容”被修改');
    // The receipt lists them; the returned workbook highlights them with a comment each.
    expect(readFileSync(event!.outcome.receipt, 'utf8')).toContain('调度表 K6：条目 1.3 的完成状态“基本完成”不在可选范围内');
    const back = inspectWorkbook(event!.outcome.returnWorkbook);
    const row6 = back.rows.find((r: { id: string }) => r.id === '1.3');
    expect(row6.fill_status).toBe('FFFFC7CE');
    expect(row6.comment_status).toContain('不在可选范围内');
    expect(row6.status).toBe('基本完成');
    expect(back.rows.find((r: { id: string }) => r.id === '4.4-2').value).toBe(1200);
    const { progress } = loadRoundProgress(ledger, '2025-Q3', '2025-10-01');
    expect(progress.receipts.find((r) => r.unit === '大气环境处')).toMatchObject({ state: '退回', problems: 9 });

    // The unit fixes the returned workbook (in LibreOffice this time) and sends it again under another name.
    fillWorkbook(event!.outcome.returnWorkbook, join(ws, 'fixed.xlsx'), { ...GOOD_ANSWERS, rows: { '3.1': { status: '滞后', problems: '资金未到位' }, '4.4-1': { value: 4.2 }, '4.5': { value: 20000000 } } });
    const [fixed] = soffice([join(ws, 'fixed.xlsx')], 'xlsx:Calc MS Excel 2007 XML', join(ws, 'lo'));
    const later = new Date(Date.now() + 60_000);
    utimesSync(fixed!, later, later);
    const [second] = await collect({ ledger, roundId: '2025-Q3', paths: [fixed!], outDir: join(ws, 'c') });
    expect(second!.outcome).toMatchObject({ kind: 'accepted', unit: '大气环境处', superseded: true });
    const history = ledger.history('2025-Q3', '大气环境处');
    expect(history).toHaveLength(2);
    expect(history[0]!.supersededBy).toBe(history[1]!.id);
    ledger.close();
  });

  it('detects deleted, inserted and moved rows', async () => {
    const { ledger, file, inbox, ws } = await issued();
    fillWorkbook(file('大气环境处'), join(inbox, 'deleted.xlsx'), { ...GOOD_ANSWERS, delete_row: 6 });
    fillWorkbook(file('水生态环境处'), join(inbox, 'inserted.xlsx'), { ...GOOD_ANSWERS, insert_row: 7 });
    const events = await collect({ ledger, roundId: '2025-Q3', paths: [inbox], outDir: join(ws, 'c') });
    const rules = (i: number) => (events[i]!.outcome as { problems: { rule: string; cell: string }[] }).problems.map((p) => `${p.cell} ${p.rule}`);
    expect(rules(0)).toContain('A6 row-deleted');
    expect(rules(0)).toContain('A6 row-moved');
    expect(rules(1)).toContain('A7 row-inserted');
    expect(rules(1)).toContain('A8 row-moved');
    ledger.close();
  });

  it('refuses an altered identification sheet as 身份不符, booked to no unit', async () => {
    const { ledger, file, inbox, ws } = await issued();
    // D15: the first row's checksum (the identification's pairs, a blank row and the header above it).
    fillWorkbook(file('机关党委'), join(inbox, 'tampered.xlsx'), { ...GOOD_ANSWERS, meta_cells: { D15: '000000000000' } });
    const [event] = await collect({ ledger, roundId: '2025-Q3', paths: [inbox], outDir: join(ws, 'c') });
    expect(event!.outcome.kind).toBe('refused');
    expect((event!.outcome as { reason: string }).reason).toMatch(/^身份不符，未收取：识别信息中的条目（.+）与下发给“机关党委”的条目（.+）不一致。/);
    expect(ledger.history('2025-Q3', '机关党委')).toEqual([]);
    ledger.close();
  });

  it('refuses a workbook whose visible 填报单位, hidden identification or rows name another unit, and keeps that unit\'s submission', async () => {
    const { ledger, file, inbox, ws } = await issued();
    fillWorkbook(file('土壤生态环境处'), join(inbox, 'own.xlsx'), GOOD_ANSWERS);
    const [own] = await collect({ ledger, roundId: '2025-Q3', paths: [join(inbox, 'own.xlsx')], outDir: join(ws, 'c') });
    expect(own!.outcome).toMatchObject({ kind: 'accepted', unit: '土壤生态环境处' });
    const forged = join(ws, 'forged');
    mkdirSync(forged);
    // 1. The visible 填报单位 typed over.
    fillWorkbook(file('大气环境处'), join(forged, 'a-header.xlsx'), { ...GOOD_ANSWERS, cells: { B2: '土壤生态环境处' } });
    // 2. The hidden identification rewritten to name 土壤生态环境处, whose accepted submission it would displace.
    fillWorkbook(file('大气环境处'), join(forged, 'b-meta.xlsx'), GOOD_ANSWERS);
    python(`
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
meta = wb['_taizhang']
for row in meta.iter_rows():
    if row[0].value == 'unit':
        row[1].value = '土壤生态环境处'
wb['调度表']['B2'] = '土壤生态环境处'
wb.save(sys.argv[1])
`, join(forged, 'b-meta.xlsx'));
    // 3. Another unit's filled rows pasted into 水生态环境处's own workbook.
    fillWorkbook(file('大气环境处'), join(ws, 'air-filled.xlsx'), GOOD_ANSWERS);
    fillWorkbook(file('水生态环境处'), join(forged, 'c-rows.xlsx'), GOOD_ANSWERS);
    python(`
import sys, openpyxl
src = openpyxl.load_workbook(sys.argv[1])['调度表']
wb = openpyxl.load_workbook(sys.argv[2])
ws = wb['调度表']
for row in src.iter_rows(min_row=5):
    for c in row:
        ws.cell(row=c.row, column=c.column).value = c.value
wb.save(sys.argv[2])
`, join(ws, 'air-filled.xlsx'), join(forged, 'c-rows.xlsx'));
    const events = await collect({ ledger, roundId: '2025-Q3', paths: [forged], outDir: join(ws, 'c') });
    expect(events.map((e) => [e.file.split('/').pop(), e.outcome.kind])).toEqual([
      ['a-header.xlsx', 'refused'],
      ['b-meta.xlsx', 'refused'],
      ['c-rows.xlsx', 'refused'],
    ]);
    const reason = (i: number) => (events[i]!.outcome as { reason: string }).reason;
    expect(reason(0)).toContain('身份不符，未收取：表头“填报单位”（调度表 B2）为“土壤生态环境处”，隐藏的识别信息为“大气环境处”');
    expect(reason(1)).toContain('身份不符，未收取：识别信息中的条目（1.2、1.3、2.2、3.1、3.2-2、3.5、4.1、…）与下发给“土壤生态环境处”的条目（1.2、1.3、4.4-1、4.7、6.1、6.2、6.3、…）不一致；');
    expect(reason(1)).toContain('第 7 行条目 2.2、第 8 行条目 3.1、第 9 行条目 3.2-2、第 10 行条目 3.5、第 11 行条目 4.1 等 17 行不是下发给“土壤生态环境处”的条目');
    expect(reason(2)).toContain('身份不符，未收取：第 8 行条目 3.1、第 9 行条目 3.2-2、第 11 行条目 4.1、第 12 行条目 4.2、第 13 行条目 4.3 等 13 行不是下发给“水生态环境处”的条目');
    // Nothing changed for any unit: 土壤生态环境处 still has its one accepted submission, the others none.
    expect(ledger.history('2025-Q3', '土壤生态环境处').map((h) => h.outcome)).toEqual(['accepted']);
    expect(ledger.history('2025-Q3', '大气环境处')).toEqual([]);
    expect(ledger.history('2025-Q3', '水生态环境处')).toEqual([]);
    ledger.close();
  });

  it('refuses a workbook of another round or another plan, with the reason', async () => {
    const { ledger, file, inbox, ws } = await issued();
    const other = await issued('2025-Q2');
    fillWorkbook(other.file('大气环境处'), join(inbox, 'q2.xlsx'), GOOD_ANSWERS);
    const variants = await readPlan(join(ROOT, 'test', 'fixtures', 'variants-plan.txt'));
    const foreignWs = tempDir();
    await issueRound(new Ledger(foreignWs), { plan: variants, round: parseRound('2025-Q3'), outDir: join(foreignWs, 'out') });
    fillWorkbook(join(foreignWs, 'out', '办公室_2025-Q3_调度表.xlsx'), join(inbox, 'foreign.xlsx'), GOOD_ANSWERS);
    fillWorkbook(file('机关党委'), join(inbox, 'ok.xlsx'), GOOD_ANSWERS);
    const events = await collect({ ledger, roundId: '2025-Q3', paths: [inbox], outDir: join(ws, 'c') });
    expect(events.map((e) => [e.file.split('/').pop(), e.outcome.kind])).toEqual([
      ['foreign.xlsx', 'refused'],
      ['ok.xlsx', 'accepted'],
      ['q2.xlsx', 'refused'],
    ]);
    expect((events[0]!.outcome as { reason: string }).reason).toContain('另一项工作任务');
    expect((events[2]!.outcome as { reason: string }).reason).toContain('这是 2025-Q2 轮次的调度表（大气环境处），本次收集的是 2025-Q3');
    ledger.close();
  });
});

describe('collect: unusable files', () => {
  it('gives each unusable file its own error and collects the others', async () => {
    const { ledger, file, inbox, ws } = await issued();
    fillWorkbook(file('机关党委'), join(inbox, 'a-good.xlsx'), GOOD_ANSWERS);
    const ole = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(1024)]);
    writeFileSync(join(inbox, 'old.xls'), ole);
    writeFileSync(join(inbox, 'wps.et'), Buffer.concat([ole, Buffer.from('WPS')]));
    // An encrypted OOXML workbook is an OLE container holding an EncryptedPackage stream.
    writeFileSync(join(inbox, 'secret.xlsx'), Buffer.concat([ole, Buffer.from('EncryptedPackage', 'utf16le'), Buffer.alloc(512)]));
    writeFileSync(join(inbox, 'table.csv'), '序号,完成状态\n1.1,已完成\n');
    const good = readFileSync(file('组织人事处'));
    writeFileSync(join(inbox, 'truncated.xlsx'), good.subarray(0, good.length / 2));
    writeFileSync(join(inbox, 'empty.xlsx'), '');
    // A 60 MB file dropped in the inbox (sparse: it takes no disk) is refused before it is read.
    writeFileSync(join(inbox, 'video.xlsx'), '');
    truncateSync(join(inbox, 'video.xlsx'), 60 * 1024 * 1024);
    // A zip bomb: a workbook whose sheet inflates to 300 MB, and a workbook whose XML crashes the reader.
    python(
      `import sys, zipfile
z = zipfile.ZipFile(sys.argv[1], 'w', zipfile.ZIP_DEFLATED)
z.writestr('[Content_Types].xml', '<Types/>'); z.writestr('xl/workbook.xml', '<workbook/>')
z.writestr('xl/worksheets/sheet1.xml', b'\\0' * (300 * 1024 * 1024)); z.close()
z = zipfile.ZipFile(sys.argv[2], 'w', zipfile.ZIP_DEFLATED)
z.writestr('[Content_Types].xml', '<Types'); z.writestr('xl/workbook.xml', '<<<not xml'); z.writestr('xl/_rels/workbook.xml.rels', '<'); z.close()`,
      join(inbox, 'bomb.xlsx'),
      join(inbox, 'crash.xlsx'),
    );
    const events = await collect({ ledger, roundId: '2025-Q3', paths: [inbox], outDir: join(ws, 'c') });
    const byFile: Record<string, (typeof events)[number]["outcome"]> = Object.fromEntries(events.map((e) => [e.file.split("/").pop()!, e.outcome]));
    expect(byFile['a-good.xlsx']!.kind).toBe('accepted');
    const reason = (name: string) => (byFile[name] as { reason: string }).reason;
    expect(reason('old.xls')).toContain('旧版 Excel 97-2003（.xls）');
    expect(reason('wps.et')).toContain('WPS 表格（.et）');
    expect(reason('secret.xlsx')).toContain('设置了打开密码');
    expect(reason('table.csv')).toContain('CSV');
    expect(reason('truncated.xlsx')).toContain('已损坏');
    expect(reason('empty.xlsx')).toContain('空的');
    expect(reason('video.xlsx')).toContain('有 60 MB，远超调度表的正常大小');
    expect(reason('bomb.xlsx')).toContain('压缩炸弹');
    expect(reason('crash.xlsx')).toContain('部件“xl/_rels/workbook.xml.rels”不是合规的 XML');
    expect(Object.values(byFile).filter((o) => o.kind === 'unusable')).toHaveLength(9);
    ledger.close();
  });

  it('reads zip archives of returned files, with GBK names from Windows', async () => {
    const { ledger, file, ws } = await issued();
    const a = join(ws, 'a.xlsx');
    fillWorkbook(file('政策法规处'), a, GOOD_ANSWERS);
    python(
      `import sys, zipfile
class GBKInfo(zipfile.ZipInfo):
    # As Windows' built-in zip writes names: GBK bytes, no UTF-8 flag.
    def _encodeFilenameFlags(self):
        return self.filename.encode('gbk'), self.flag_bits
z = zipfile.ZipFile(sys.argv[2], 'w')
z.writestr(GBKInfo('政策法规处报送.xlsx', (2025, 10, 1, 9, 0, 0)), open(sys.argv[1], 'rb').read()); z.close()`,
      a,
      join(ws, '报送.zip'),
    );
    const [event] = await collect({ ledger, roundId: '2025-Q3', paths: [join(ws, '报送.zip')], outDir: join(ws, 'c') });
    expect(event!.file).toBe('报送.zip › 政策法规处报送.xlsx');
    expect(event!.outcome).toMatchObject({ kind: 'accepted', unit: '政策法规处' });
    ledger.close();
  });
});

describe('完成值 as units write it', () => {
  it.each([
    [1200, undefined, null, 1200],
    ['1,200', undefined, null, 1200],
    ['１２００', undefined, null, 1200],
    ['45%', undefined, '%', 45],
    [0.45, '0%', '%', 45],
    ['78家', undefined, '家', 78],
    ['2000万', undefined, '万元', null],
    ['约两千', undefined, null, null],
    // A date typed into 完成值 is a day count underneath, never a figure.
    [45700, 'yyyy"年"m"月"d"日"', null, null],
    [45700, 'yyyy-mm-dd', '家', null],
  ])('%s', (raw, fmt, unit, expected) => {
    const r = readValue(raw, fmt, unit);
    if (expected === null) expect(r.ok).toBe(false);
    else expect(r).toMatchObject({ ok: true, value: expected });
  });
});

describe('collect: formulas', () => {
  it('refuses a formula saved without its computed value, and takes the same file once LibreOffice has computed it', async () => {
    const { ledger, file, inbox, ws } = await issued();
    // openpyxl writes a formula and no value: Excel would compute it on opening, we cannot know what it shows.
    fillWorkbook(file('大气环境处'), join(inbox, '大气.xlsx'), { ...GOOD_ANSWERS, reporter: '="张"&"明"', rows: { '4.4-1': { value: '=1+2.5', status: '序时推进' } } });
    const now = () => new Date('2025-10-08T09:00:00+08:00');
    const [first] = await collect({ ledger, roundId: '2025-Q3', paths: [join(inbox, '大气.xlsx')], outDir: join(ws, 'c'), now });
    expect(first!.outcome.kind).toBe('returned');
    const problems = ledger.db.prepare('SELECT cell, rule, message FROM problems').all() as { cell: string; rule: string; message: string }[];
    const row = inspectWorkbook(file('大气环境处')).rows.findIndex((r: { id: string }) => r.id === '4.4-1') + 5;
    expect(problems.map((p) => [p.cell, p.rule])).toEqual([
      ['F2', 'formula-uncomputed'],
      [`J${row}`, 'formula-uncomputed'],
    ]);
    expect(problems[1]!.message).toContain('公式“=1+2.5”');
    expect(problems[1]!.message).toContain('没有它的计算结果');

    // LibreOffice computes the formulas when it opens the file and saves the results beside them.
    const [computed] = soffice([join(inbox, '大气.xlsx')], 'xlsx:Calc MS Excel 2007 XML', join(ws, 'lo'));
    const [second] = await collect({ ledger, roundId: '2025-Q3', paths: [computed!], outDir: join(ws, 'c'), now });
    expect(second!.outcome.kind).toBe('accepted');
    const s = ledger.currentSubmissions('2025-Q3').find((x) => x.unit === '大气环境处')!;
    expect(s.reporter).toBe('张明');
    const entry = ledger.entries(s.id).find((e) => e.clauseId === '4.4-1')!;
    expect(entry.value).toBe(3.5);
    ledger.close();
  });
});

describe('collect: crash safety', () => {
  it('a collect killed midway leaves the ledger consistent, and the next run completes it', async () => {
    const { out, inbox, ws } = await issued();
    const units = readdirSync(out).filter((f) => f.endsWith('_调度表.xlsx'));
    python(
      `import sys, json, openpyxl, os
spec = json.loads(sys.argv[3])
for i, name in enumerate(sys.argv[4:]):
    wb = openpyxl.load_workbook(os.path.join(sys.argv[1], name)); ws = wb['调度表']
    ws['F2'] = spec['reporter']; ws['H2'] = spec['phone']; r = 5
    while ws[f'A{r}'].value:
        ws[f'K{r}'] = '序时推进'; ws[f'L{r}'] = '推进中'; r += 1
    for copy in range(8):
        ws['N5'] = f'第{copy}稿'
        wb.save(os.path.join(sys.argv[2], f'{i}-{copy}.xlsx'))`,
      out,
      inbox,
      JSON.stringify(GOOD_ANSWERS),
      ...units,
    );
    const total = readdirSync(inbox).length;
    // Kill the CLI once it has recorded some submissions.
    const child = spawn(process.execPath, [join(ROOT, 'bin', 'taizhang.js'), 'collect', inbox, '--round', '2025-Q3', '-w', ws], { stdio: ['ignore', 'pipe', 'pipe'] });
    let seen = 0;
    await new Promise<void>((resolve) => {
      child.stdout.on('data', (d: Buffer) => {
        seen += (d.toString().match(/✔/g) ?? []).length;
        if (seen >= 10) child.kill('SIGKILL');
      });
      child.on('exit', () => resolve());
    });
    expect(seen).toBeLessThan(total);
    const db = new Database(join(ws, 'taizhang.db'));
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    // Every recorded submission has all its entries: nothing half-written.
    const partial = db.prepare('SELECT s.id FROM submissions s JOIN expected e ON e.unit = s.unit AND e.round_id = s.round_id WHERE (SELECT count(*) FROM entries WHERE submission_id = s.id) != e.rows').all();
    expect(partial).toEqual([]);
    const before = (db.prepare('SELECT count(*) n FROM submissions').get() as { n: number }).n;
    db.close();
    expect(before).toBeGreaterThanOrEqual(10);
    const r = taizhang(['collect', inbox, '--round', '2025-Q3', '-w', ws]);
    expect(r.code).toBe(0);
    const ledger = new Ledger(ws);
    expect((ledger.db.prepare('SELECT count(*) n FROM submissions').get() as { n: number }).n).toBe(total);
    expect(ledger.currentSubmissions('2025-Q3')).toHaveLength(units.length);
    ledger.close();
  });
});

describe('collect output on a terminal', () => {
  it('shows a file name with a newline or terminal escapes as visible codes, never as a fake line', async () => {
    const { ledger, file, inbox, ws } = await issued();
    ledger.close();
    const forged = 'x\n✔ 大气环境处：已收取 9 条\u001b[2J.xlsx';
    fillWorkbook(file('机关党委'), join(inbox, forged), { ...GOOD_ANSWERS, phone: '' });
    const r = taizhang(['collect', inbox, '--round', '2025-Q3', '-w', ws]);
    const lines = r.stdout.split('\n');
    // One event line for the one file: returned (no phone), with the name's control characters spelled out.
    expect(lines.filter((l) => /^[✔✘·]/.test(l))).toEqual([`✘ 机关党委：1 处问题，已退回重报　← ${join(inbox, 'x\\u000a✔ 大气环境处：已收取 9 条\\u001b[2J.xlsx')}`]);
    expect(r.stdout).not.toContain('\u001b');
    // status lists files it could not take the same way.
    const unusable = 'y\n✔ 已报送\u001b[2J.xlsx';
    writeFileSync(join(inbox, unusable), 'not a workbook');
    taizhang(['collect', inbox, '--round', '2025-Q3', '-w', ws]);
    const status = taizhang(['status', '--round', '2025-Q3', '-w', ws]);
    expect(status.stdout).toContain(`  ${join(inbox, 'y\\u000a✔ 已报送\\u001b[2J.xlsx')}：`);
    expect(status.stdout).not.toContain('\u001b');
    expect(status.stdout.split('\n').filter((l) => l.startsWith('✔'))).toEqual([]);
  });
});

describe('the next round, status and concurrency', () => {
  it('pre-fills the next round from each unit’s latest accepted answers', async () => {
    const { ledger, file, inbox, ws } = await issued('2025-Q2');
    fillWorkbook(file('机关党委'), join(inbox, 'q2.xlsx'), { ...GOOD_ANSWERS, default: { status: '序时推进', progress: '二季度完成支部换届准备。', value: 3 } });
    await collect({ ledger, roundId: '2025-Q2', paths: [inbox], outDir: join(ws, 'c') });
    const q3 = join(ws, '2025-Q3', '下发');
    const result = await issueRound(ledger, { plan, round: parseRound('2025-Q3'), outDir: q3 });
    expect(result.files.find((f) => f.unit === '机关党委')!.prefilled).toBe(5);
    expect(result.files.find((f) => f.unit === '组织人事处')!.prefilled).toBe(0);
    const seen = inspectWorkbook(join(q3, '机关党委_2025-Q3_调度表.xlsx'));
    expect(seen.rows[0]).toMatchObject({ status: '序时推进', progress: '二季度完成支部换届准备。', value: 3 });
    ledger.close();
  });

  it('prints status as JSON with the 催报 list, judging lateness by the given day', async () => {
    const { ledger, file, inbox, ws } = await issued();
    fillWorkbook(file('机关党委'), join(inbox, 'a.xlsx'), GOOD_ANSWERS);
    fillWorkbook(file('组织人事处'), join(inbox, 'b.xlsx'), { ...GOOD_ANSWERS, reporter: '' });
    ledger.close();
    // One file returned: collect completes and says so with exit code 3.
    expect(taizhang(['collect', inbox, '--round', '2025-Q3', '-w', ws]).code).toBe(3);
    const r = taizhang(['status', '--round', '2025-Q3', '-w', ws, '--json', '--today', '2025-10-20']);
    expect(r.code).toBe(0);
    const status = JSON.parse(r.stdout);
    const byUnit = Object.fromEntries(status.receipts.map((x: { unit: string; state: string }) => [x.unit, x.state]));
    expect(byUnit['组织人事处']).toBe('退回');
    expect(byUnit['综合与科技处']).toBe('逾期');
    expect(status.urge).toHaveLength(22);
    expect(status.urge.find((u: { unit: string }) => u.unit === '组织人事处').reason).toContain('须修改后重新报送');
    const text = taizhang(['status', '--round', '2025-Q3', '-w', ws, '--today', '2025-10-05']).stdout;
    expect(text).toContain('催报通知（可直接复制）');
    expect(text).toMatch(/截至目前，综合与科技处、.*尚未报送2025年第三季度重点工作调度表/);
  });

  it('lets two collects run at once on the same ledger without corrupting it', async () => {
    const { out, ws } = await issued();
    const units = readdirSync(out).filter((f) => f.endsWith('_调度表.xlsx'));
    const a = join(ws, 'a');
    const b = join(ws, 'b');
    mkdirSync(a);
    mkdirSync(b);
    units.forEach((name, i) => fillWorkbook(join(out, name), join(i % 2 ? a : b, name), GOOD_ANSWERS));
    // The same file in both folders: exactly one of the two runs may take it.
    copyFileSync(join(a, readdirSync(a)[0]!), join(b, 'dup.xlsx'));
    const runOne = (dir: string) =>
      new Promise<number>((resolve) => {
        const child = spawn(process.execPath, [join(ROOT, 'bin', 'taizhang.js'), 'collect', dir, '--round', '2025-Q3', '-w', ws], { stdio: 'ignore' });
        child.on('exit', (code) => resolve(code ?? 1));
      });
    expect(await Promise.all([runOne(a), runOne(b)])).toEqual([0, 0]);
    const db = new Database(join(ws, 'taizhang.db'));
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect((db.prepare("SELECT count(*) n FROM submissions WHERE superseded_by IS NULL AND outcome = 'accepted'").get() as { n: number }).n).toBe(units.length);
    expect((db.prepare('SELECT count(*) n FROM submissions').get() as { n: number }).n).toBe(units.length);
    db.close();
  });
});

describe('序时 status', () => {
  it('colours by the share of the period elapsed, with configurable thresholds', () => {
    const plan2 = structuredClone(plan);
    const clause = plan2.tasks.find((t) => t.id === '6.3')!.clauses[0]!; // target 660 个
    // The clause marks no lead (责任单位 list): each of its units answers for its part, all with the same figure.
    const answers = new Map(clause.assignments.map((a) => [a.unit, new Map([[clause.id, { clauseId: clause.id, role: a.role, status: '序时推进', value: 330, valueText: '330', progress: 'x', problems: null, nextSteps: null }]])]));
    const at = (thresholds?: { yellow: number; red: number }) =>
      consolidate({ plan: plan2, round: parseRound('2025-Q3'), answers, previous: new Map(), receipts: [], thresholds }).clauses.find((c) => c.clauseId === '6.3')!;
    // 50% done where 74.8% is expected: 24.8 points behind.
    expect(at().gap).toBeCloseTo(24.8, 1);
    expect(at().schedule).toBe('yellow');
    expect(at({ yellow: 5, red: 20 }).schedule).toBe('red');
    expect(at({ yellow: 30, red: 50 }).schedule).toBe('green');
  });
});

describe('collect: whatever else lies in an inbox is named, never silently skipped', () => {
  it('reads a hidden-named workbook, names links, pipes and office leftovers, and reports a damaged archive member by member', async () => {
    const { ledger, file, inbox, ws } = await issued();
    fillWorkbook(file('政策法规处'), join(inbox, '.政策法规处.xlsx'), GOOD_ANSWERS);
    writeFileSync(join(inbox, '~$政策法规处.xlsx'), Buffer.alloc(165, 0x20));
    writeFileSync(join(inbox, '.DS_Store'), Buffer.alloc(64));
    // A link to a workbook outside the inbox, and a named pipe that would block a reader for good.
    const outside = join(ws, 'outside.xlsx');
    fillWorkbook(file('机关党委'), outside, GOOD_ANSWERS);
    symlinkSync(outside, join(inbox, '链接.xlsx'));
    execFileSync('mkfifo', [join(inbox, '管道.xlsx')]);
    // An archive holding a good workbook (stored, so a flipped byte is not caught by inflate) and a copy whose data
    // was corrupted; and an archive whose central directory is damaged after its first record.
    const good = readFileSync(outside);
    const archive = Buffer.from(zipSync({ '机关党委.xlsx': [new Uint8Array(good), { level: 0 }], '损坏.xlsx': [new Uint8Array(good), { level: 0 }] }));
    // A byte in the middle of the second member's data flipped after zipping: only its CRC can tell.
    archive[archive.indexOf(Buffer.from('损坏.xlsx')) + (good.length >> 1)] ^= 0xff;
    writeFileSync(join(inbox, '报送.zip'), archive);
    const two = Buffer.from(zipSync({ 'a.xlsx': [new Uint8Array(good), { level: 0 }], 'b.xlsx': [new Uint8Array(good), { level: 0 }] }));
    const second = two.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    two.writeUInt32LE(0xdeadbeef, second);
    writeFileSync(join(inbox, '目录损坏.zip'), two);

    const events = await collect({ ledger, roundId: '2025-Q3', paths: [inbox], outDir: join(ws, 'c') });
    // In the folder's (Chinese collation) order, each archive's members as they lie in it.
    const seen = events.map((e) => [e.file.slice(inbox.length + 1), e.outcome.kind, 'reason' in e.outcome ? e.outcome.reason : 'unit' in e.outcome ? e.outcome.unit : '']);
    expect(seen).toEqual([
      ['.DS_Store', 'skipped', '苹果电脑生成的系统文件，已跳过'],
      ['.政策法规处.xlsx', 'accepted', '政策法规处'],
      ['~$政策法规处.xlsx', 'skipped', 'Office 打开文档时生成的锁定文件，已跳过'],
      ['报送.zip › 机关党委.xlsx', 'accepted', '机关党委'],
      ['报送.zip › 损坏.xlsx', 'unusable', '压缩包中的该文件已损坏（CRC 校验不符）。请重新打包后发送'],
      ['目录损坏.zip › a.xlsx', 'duplicate', '机关党委'],
      ['目录损坏.zip', 'unusable', '压缩包目录已损坏：声明有 2 个文件，只能读出 1 个，其余文件未能读取。请重新打包后发送，或将文件解压到文件夹后收集'],
      ['管道.xlsx', 'unusable', '这是命名管道（FIFO），不是报送文件，未读取'],
      ['链接.xlsx', 'unusable', '这是符号链接（快捷方式），出于安全未读取。请将报送文件本身放入收件文件夹'],
    ]);
    // Skipped leftovers are not booked; every other file is, with its reason.
    expect(ledger.refusedFiles('2025-Q3').map((f) => f.originalPath.slice(inbox.length + 1))).toEqual(['报送.zip › 损坏.xlsx', '目录损坏.zip', '管道.xlsx', '链接.xlsx']);
    ledger.close();
  });

  it('does not hang on a named pipe given as the argument', async () => {
    const { ws, inbox } = await issued();
    const fifo = join(inbox, 'pipe');
    execFileSync('mkfifo', [fifo]);
    const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'taizhang.js'), 'collect', fifo, '--round', '2025-Q3', '-w', ws], { encoding: 'utf8', timeout: 60_000 });
    expect(r.signal).toBeNull();
    // The pipe is not taken: the run completes with exit code 3.
    expect(r.status).toBe(3);
    expect(r.stdout).toContain(`✘ 无法使用：这是命名管道（FIFO），不是文件，未读取。请指定收件文件夹、压缩包或报送文件　← ${fifo}`);
  });
});

describe('collect with reader threads', () => {
  it('uses one thread where there are two processors, none with TAIZHANG_READ_THREADS=0, one for any other number asked for', () => {
    const processors = availableParallelism();
    const saved = process.env.TAIZHANG_READ_THREADS;
    try {
      delete process.env.TAIZHANG_READ_THREADS;
      expect(readThreads()).toBe(processors > 1 ? 1 : 0);
      process.env.TAIZHANG_READ_THREADS = '0';
      expect(readThreads()).toBe(0);
      process.env.TAIZHANG_READ_THREADS = '2';
      expect(readThreads()).toBe(1);
      process.env.TAIZHANG_READ_THREADS = '几个';
      expect(readThreads()).toBe(processors > 1 ? 1 : 0);
    } finally {
      if (saved === undefined) delete process.env.TAIZHANG_READ_THREADS;
      else process.env.TAIZHANG_READ_THREADS = saved;
    }
  });

  it('takes, returns and refuses exactly as a run on the main thread alone, in the same order, to the same ledger', async () => {
    const { ledger, out, file, inbox, ws } = await issued();
    const units = readdirSync(out).filter((f) => f.endsWith('_调度表.xlsx')).map((f) => f.replace('_2025-Q3_调度表.xlsx', '')).slice(0, 6);
    units.forEach((unit, i) => fillWorkbook(file(unit), join(inbox, `${i + 1}-${unit}.xlsx`), i === 2 ? { ...GOOD_ANSWERS, phone: '' } : GOOD_ANSWERS));
    // A copy of a file already in the inbox, a damaged workbook and a text file, between the workbooks.
    copyFileSync(join(inbox, `1-${units[0]}.xlsx`), join(inbox, '2a-副本.xlsx'));
    writeFileSync(join(inbox, '3a-损坏.xlsx'), readFileSync(join(inbox, `4-${units[3]}.xlsx`)).subarray(0, 3000));
    writeFileSync(join(inbox, '5a-说明.txt'), '已报送，请查收。');
    ledger.close();
    const twin = join(ws, 'twin');
    mkdirSync(twin);
    copyFileSync(join(ws, 'taizhang.db'), join(twin, 'taizhang.db'));

    const runWith = (workspace: string, threads: string) => {
      const r = taizhang(['collect', inbox, '--round', '2025-Q3', '-w', workspace, '--json'], ROOT, { TAIZHANG_READ_THREADS: threads, TAIZHANG_NOW: '2025-10-09T10:00:00+08:00' });
      expect(r.code).toBe(3);
      // The 退回重报 workbook and receipt are written in each run's own workspace.
      return JSON.parse(r.stdout.split(join(workspace, '2025-Q3')).join('<round>')) as { events: { file: string; outcome: { kind: string; unit?: string } }[] };
    };
    const alone = runWith(ws, '0');
    const threaded = runWith(twin, '2');
    expect(alone.events.map((e) => [e.file.split('/').pop(), e.outcome.kind, e.outcome.unit ?? null])).toEqual([
      [`1-${units[0]}.xlsx`, 'accepted', units[0]],
      [`2-${units[1]}.xlsx`, 'accepted', units[1]],
      ['2a-副本.xlsx', 'duplicate', units[0]],
      [`3-${units[2]}.xlsx`, 'returned', units[2]],
      ['3a-损坏.xlsx', 'unusable', null],
      [`4-${units[3]}.xlsx`, 'accepted', units[3]],
      [`5-${units[4]}.xlsx`, 'accepted', units[4]],
      ['5a-说明.txt', 'unusable', null],
      [`6-${units[5]}.xlsx`, 'accepted', units[5]],
    ]);
    expect(threaded).toEqual(alone);
    // The ledgers hold the same rows, in the same order.
    const rows = (workspace: string) => {
      const db = new Database(join(workspace, 'taizhang.db'), { readonly: true });
      const dump = {
        intake: db.prepare('SELECT id, sha256, original_path, outcome, unit, message FROM intake ORDER BY id').all(),
        submissions: db.prepare('SELECT id, unit, sha256, outcome, reporter, phone, superseded_by FROM submissions ORDER BY id').all(),
        entries: db.prepare('SELECT * FROM entries ORDER BY submission_id, clause_id').all(),
        problems: db.prepare('SELECT intake_id, sheet, cell, rule, severity, message FROM problems ORDER BY id').all(),
      };
      db.close();
      return dump;
    };
    const a = rows(ws);
    expect(a.intake).toHaveLength(8);
    expect(a.entries.length).toBeGreaterThan(10);
    expect(rows(twin)).toEqual(a);
  });

  it('judges on the thread the files of the round’s own plan version, gives back as read those of another, and every kind crosses whole', async () => {
    const { ledger, file, inbox } = await issued();
    const round = ledger.requireRound('2025-Q3');
    const own = planVersion(ledger.planByHash(round.planHash)!, round.planHash);
    const facts = { roundId: round.id, planId: round.planId, expected: new Set(ledger.expected(round.id).map((e) => e.unit)), version: () => own };
    fillWorkbook(file('大气环境处'), join(inbox, '好.xlsx'), { ...GOOD_ANSWERS, rows: { '4.4-1': { value: '-3.5%', status: '序时推进' } } });
    fillWorkbook(file('水生态环境处'), join(inbox, '缺电话.xlsx'), { ...GOOD_ANSWERS, phone: '', rows: { '4.4-1': { value: '1e3' } } });
    const good = readFileSync(join(inbox, '好.xlsx'));
    const judged = await readAndJudge(good, '好.xlsx', '好.xlsx', facts);
    const returned = await readAndJudge(readFileSync(join(inbox, '缺电话.xlsx')), '缺电话.xlsx', '缺电话.xlsx', facts);
    const refused = await readAndJudge(good.subarray(0, 3000), '坏.xlsx', '坏.xlsx', facts);
    expect('judged' in judged && judged.judged.entries.some((e) => e.value === -3.5)).toBe(true);
    expect('judged' in returned && returned.judged.problems.some((p) => p.severity === 'error')).toBe(true);
    expect('refusal' in refused && refused.refusal.outcome).toBe('unusable');
    // What crosses from the thread is a structured clone: equal field by field, an optional field left undefined (a
    // cell's number format) absent after as before.
    for (const j of [judged, returned, refused]) expect(structuredClone(j)).toEqual(j);
    // On a thread given the round's own plan version, the file is judged there, as on the main thread.
    const sent = { roundId: round.id, planId: round.planId, expected: [...facts.expected], plan: own.plan, hash: own.hash };
    const request = { id: 7, bytes: good, name: '好.xlsx', display: '好.xlsx' };
    expect(await readOnThread(request, sent, threadFacts(sent))).toEqual({ id: 7, judgement: judged });
    // A thread that holds another version gives the file back as read; judged on the main thread, which knows every
    // version, it comes out as the file judged whole.
    const other = { ...sent, hash: 'another-version' };
    const reply = await readOnThread(request, other, threadFacts(other));
    expect('read' in reply && 'read' in reply.read && reply.read.read.rows.length).toBeGreaterThan(0);
    expect('read' in reply && judge(structuredClone(reply.read), '好.xlsx', facts)).toEqual(judged);
  });
});

describe('collect: the 退回重报 template kept with the round', () => {
  it('is made when the round is issued, used by every collect of the round, and stamps the same workbook as one made afresh', async () => {
    const { ledger, file, inbox, ws } = await issued();
    const round = ledger.requireRound('2025-Q3');
    const kept = () => ledger.db.prepare('SELECT key, bytes FROM templates').all() as { key: string; bytes: Buffer }[];
    const [template] = kept();
    expect(kept()).toHaveLength(1);
    const options = { plan, planHash: round.planHash, round, protection: sheetProtection() };
    expect(template!.key).toBe(returnTemplateKey(options));
    fillWorkbook(file('大气环境处'), join(inbox, '大气.xlsx'), { ...GOOD_ANSWERS, phone: '' });
    const [event] = await collect({ ledger, roundId: '2025-Q3', paths: [join(inbox, '大气.xlsx')], outDir: join(ws, 'c') });
    expect(event!.outcome.kind).toBe('returned');
    // The collect found the template under the key it was kept by: none was made again.
    expect(kept()).toEqual([template]);
    // A workbook stamped from the kept template is the one a template made afresh with exceljs gives, part for part
    // and byte for byte; only the document properties' times (when the template was made) may differ.
    const assignment = assignUnits(plan).assignments.find((a) => a.unit === '大气环境处')!;
    const marks = { header: { reporter: '张明', phone: '', date: '2025-10-08' }, problems: new Map([['H2', '未填写联系电话']]), notice: '退回重报：本表有 1 处问题' };
    const fresh = unzipSync(WorkbookStamper.fromTemplate({ ...options, returned: true }, await WorkbookStamper.template({ ...options, returned: true })).render(assignment, undefined, marks));
    const fromKept = unzipSync(WorkbookStamper.fromTemplate({ ...options, returned: true }, new Uint8Array(template!.bytes)).render(assignment, undefined, marks));
    expect(Object.keys(fromKept)).toEqual(Object.keys(fresh));
    const timeless = (xml: Uint8Array) => Buffer.from(xml).toString('utf8').replace(/<dcterms:(created|modified)[^>]*>[^<]*</g, '<$1');
    expect(timeless(fromKept['docProps/core.xml']!)).toBe(timeless(fresh['docProps/core.xml']!));
    for (const name of Object.keys(fresh).filter((n) => n !== 'docProps/core.xml')) expect(Buffer.compare(fromKept[name]!, fresh[name]!), name).toBe(0);
    // A damaged kept template is made again and replaces it, under the same key; made at another moment, it
    // stamps the same parts (only the document properties' times may differ, as above).
    ledger.db.prepare('UPDATE templates SET bytes = ?').run(Buffer.from('not a workbook'));
    await returnStamper(ledger, options);
    const [remade] = kept();
    expect(kept()).toHaveLength(1);
    expect(remade!.key).toBe(template!.key);
    const fromRemade = unzipSync(WorkbookStamper.fromTemplate({ ...options, returned: true }, new Uint8Array(remade!.bytes)).render(assignment, undefined, marks));
    expect(Object.keys(fromRemade)).toEqual(Object.keys(fresh));
    expect(timeless(fromRemade['docProps/core.xml']!)).toBe(timeless(fresh['docProps/core.xml']!));
    for (const name of Object.keys(fresh).filter((n) => n !== 'docProps/core.xml')) expect(Buffer.compare(fromRemade[name]!, fresh[name]!), name).toBe(0);
    ledger.close();
  });
});

describe('plan cells of the rows a group shares', () => {
  it('are the cells and checksum each member would be given row by row', async () => {
    // The plan with a group of three districts, named beside the lead in its first three clauses.
    const grouped = structuredClone(plan);
    const group = { name: '各区县', kind: 'group' as const, aliases: [], members: ['历下区', '市中区', '槐荫区'] };
    grouped.units.push(group);
    grouped.tasks.flatMap((t) => t.clauses).slice(0, 3).forEach((c) => c.assignments.push({ unit: group.name, role: '配合' }));
    const rows = new PlanRows(grouped);
    const members = assignUnits(grouped).assignments.filter((a) => group.members.includes(a.unit));
    expect(members).toHaveLength(3);
    let shared = 0;
    for (const a of members) {
      for (const row of a.rows) {
        const cells = planCells(grouped, row);
        expect(rows.of(row)).toEqual({ cells, sum: rowChecksum(cells) });
        if (row.via === group.name) shared++;
      }
    }
    // Each member has the group's three rows: worked out once each, given three times.
    expect(shared).toBe(9);
  });
});

/**
 * The rows of every unit worked out in one walk of the plan, as assignUnits did before UnitIndex: the reference the
 * index (and assignUnits, now built on it) is held to.
 */
function assignByWalk(plan: Plan): { assignments: UnitAssignment[]; unassigned: { task: Task; clause: Clause }[] } {
  const registry = new Map(plan.units.map((u) => [u.name, u]));
  const byUnit = new Map<string, UnitRow[]>();
  // Each unit's rows by clause id, so that a row given twice is found without a search through the unit's rows.
  const rowOf = new Map<string, Map<string, UnitRow>>();
  const unassigned: { task: Task; clause: Clause }[] = [];
  const add = (unit: string, row: UnitRow) => {
    let rows = byUnit.get(unit);
    let ids = rowOf.get(unit);
    if (!rows || !ids) {
      rows = [];
      ids = new Map();
      byUnit.set(unit, rows);
      rowOf.set(unit, ids);
    }
    // A unit named twice in a clause (itself and through a group) gets the row once, in its stronger role.
    const existing = ids.get(row.clause.id);
    if (existing) {
      if (row.role === '牵头') existing.role = '牵头';
      return;
    }
    rows.push(row);
    ids.set(row.clause.id, row);
  };
  for (const task of plan.tasks) {
    for (const clause of task.clauses) {
      const real = clause.assignments.filter((a) => registry.get(a.unit)?.kind !== 'catchall');
      if (real.length === 0) {
        unassigned.push({ task, clause });
        continue;
      }
      for (const a of real) {
        const entry = registry.get(a.unit);
        if (entry?.kind === 'group' && entry.members.length > 0) {
          for (const member of entry.members) add(member, { task, clause, role: a.role, unit: member, via: a.unit });
        } else {
          add(a.unit, { task, clause, role: a.role, unit: a.unit, via: null });
        }
      }
    }
  }
  // Registry order, looked up by name: an indexOf per comparison would be quadratic in a province's thousands of units.
  const order = new Map<string, number>();
  for (const name of plan.units.flatMap((u) => (u.kind === 'group' && u.members.length ? u.members : [u.name]))) if (!order.has(name)) order.set(name, order.size);
  const rank = (unit: string) => order.get(unit) ?? -1;
  const assignments = [...byUnit.entries()]
    .sort(([a], [b]) => rank(a) - rank(b))
    .map(([unit, rows]) => ({ unit, rows }));
  return { assignments, unassigned };
}

describe('each unit’s rows worked out alone (UnitIndex)', () => {
  it('are exactly the rows one walk of the plan gives it, in its order and roles, for every unit of plans with groups and catch-alls', () => {
    // The seed plan; the same with a group whose member is also named itself (as 配合 in one clause, as 牵头 in
    // another, so that the stronger role must win either way round), a group without members and a catch-all; and
    // the benchmark's synthetic province.
    const grouped = structuredClone(plan);
    const member = grouped.tasks[0]!.clauses[0]!.assignments[0]!.unit;
    grouped.units.push({ name: '各区县', kind: 'group', aliases: [], members: ['历下区', member, '槐荫区', '历下区'] });
    grouped.units.push({ name: '各街道', kind: 'group', aliases: [], members: [] });
    grouped.units.push({ name: '其他有关单位', kind: 'catchall', aliases: [], members: [] });
    const clauses = grouped.tasks.flatMap((t) => t.clauses);
    clauses[0]!.assignments.push({ unit: '各区县', role: '配合' });
    clauses[1]!.assignments.unshift({ unit: '各区县', role: '配合' });
    clauses[1]!.assignments.push({ unit: member, role: '牵头' });
    clauses[2]!.assignments.push({ unit: '各街道', role: '配合' }, { unit: '其他有关单位', role: '配合' });
    clauses[3]!.assignments = [{ unit: '其他有关单位', role: '牵头' }];
    for (const p of [plan, grouped, syntheticPlan(200)]) {
      const index = new UnitIndex(p);
      const { assignments, unassigned } = assignByWalk(p);
      expect(assignments.length).toBeGreaterThan(10);
      for (const a of assignments) expect(index.get(a.unit), a.unit).toEqual(a);
      expect(index.units()).toEqual(assignments.map((a) => a.unit));
      expect(index.unassigned()).toEqual(unassigned);
      expect(assignUnits(p)).toEqual({ assignments, unassigned });
      // No rows: a unit the plan does not name, a group given to its members, a catch-all.
      for (const name of ['不存在的单位', ...p.units.filter((u) => (u.kind === 'group' && u.members.length) || u.kind === 'catchall').map((u) => u.name)]) {
        expect(index.get(name), name).toBeUndefined();
      }
    }
    // The cases built above are there: a member with the group's rows, and the group without members as a unit.
    const index = new UnitIndex(grouped);
    expect(index.get('历下区')!.rows.map((r) => [r.clause.id, r.role, r.via])).toEqual([clauses[0]!.id, clauses[1]!.id].map((id) => [id, '配合', '各区县']));
    expect(index.get(member)!.rows[1]).toMatchObject({ clause: { id: clauses[1]!.id }, role: '牵头', via: '各区县' });
    expect(index.get('各街道')!.rows.map((r) => r.clause.id)).toEqual([clauses[2]!.id]);
  });
});

describe('collect: what is shown is committed', () => {
  it('reports each file only once its record is committed: another connection already sees it', async () => {
    const { ledger, file, inbox, ws } = await issued();
    // More files than one batch (8), some returned, so that several transactions commit during the run.
    const units = assignUnits(plan).assignments.map((a) => a.unit).slice(0, 12);
    units.forEach((unit, i) => fillWorkbook(file(unit), join(inbox, `${unit}.xlsx`), i % 4 === 3 ? { ...GOOD_ANSWERS, phone: '' } : GOOD_ANSWERS));
    const other = new Database(join(ws, 'taizhang.db'), { readonly: true });
    const seen: [string, string, number][] = [];
    await collect({
      ledger,
      roundId: '2025-Q3',
      paths: [inbox],
      outDir: join(ws, 'c'),
      onFile: (e) => seen.push([e.outcome.kind, e.file, (other.prepare('SELECT count(*) n FROM intake WHERE original_path = ?').get(e.file) as { n: number }).n]),
    });
    other.close();
    ledger.close();
    expect(seen).toHaveLength(12);
    expect(seen.filter(([kind]) => kind === 'returned')).toHaveLength(3);
    // Every file shown, taken or returned, was already in the ledger for any other reader.
    expect(seen.map(([, , n]) => n)).toEqual(Array(12).fill(1));
  });
});

describe('ledger: the receipts status reads', () => {
  it('are the rows SubmissionReceipt parses, and a row it would refuse is refused in its words', async () => {
    const { ledger, file, inbox, ws } = await issued();
    const units = assignUnits(plan).assignments.map((a) => a.unit).slice(0, 3);
    units.forEach((unit, i) => fillWorkbook(file(unit), join(inbox, `${unit}.xlsx`), i === 1 ? { ...GOOD_ANSWERS, phone: '' } : GOOD_ANSWERS));
    await collect({ ledger, roundId: '2025-Q3', paths: [inbox], outDir: join(ws, 'c') });
    const raw = new Database(join(ws, 'taizhang.db'));
    const parsed = (raw.prepare('SELECT id, unit, outcome, received_at AS receivedAt, reporter, phone FROM submissions ORDER BY unit').all() as unknown[]).map((r) => SubmissionReceipt.parse(r));
    expect(parsed.map((r) => r.outcome).sort()).toEqual(['accepted', 'accepted', 'returned']);
    expect(ledger.currentReceipts('2025-Q3')).toEqual(parsed);
    // A ledger edited by hand (a text column turns a number into text, and the outcome has a CHECK of its own; a
    // blob stays a blob): a reporter, then a unit, that is not text.
    raw.prepare("UPDATE submissions SET reporter = x'07' WHERE id = ?").run(parsed[0]!.id);
    expect(() => ledger.currentReceipts('2025-Q3')).toThrow(/reporter/);
    raw.prepare("UPDATE submissions SET reporter = NULL, unit = x'07' WHERE id = ?").run(parsed[0]!.id);
    expect(() => ledger.currentReceipts('2025-Q3')).toThrow(/unit/);
    raw.close();
    ledger.close();
  });
});

describe('ledger: the entries a 退回重报 workbook is made from', () => {
  it('are the rows Entry parses, and a row it would refuse is refused in its words', async () => {
    const { ledger, file, inbox, ws } = await issued();
    const unit = assignUnits(plan).assignments[0]!.unit;
    fillWorkbook(file(unit), join(inbox, `${unit}.xlsx`), { ...GOOD_ANSWERS, phone: '' });
    await collect({ ledger, roundId: '2025-Q3', paths: [inbox], outDir: join(ws, 'c') });
    const raw = new Database(join(ws, 'taizhang.db'));
    const { id } = raw.prepare('SELECT id FROM submissions').get() as { id: number };
    const columns = 'clause_id AS clauseId, role, status, value_text AS valueText, value, progress, problems, next_steps AS nextSteps';
    const parsed = (raw.prepare(`SELECT ${columns} FROM entries WHERE submission_id = ? ORDER BY rowid`).all(id) as unknown[]).map((r) => Entry.parse(r));
    // Every row the unit was sent, in its order, with the answers filled in.
    expect(parsed.map((e) => e.clauseId)).toEqual(assignUnits(plan).assignments[0]!.rows.map((r) => r.clause.id));
    expect(parsed.every((e) => e.status === GOOD_ANSWERS.default.status && e.progress === GOOD_ANSWERS.default.progress && e.nextSteps === GOOD_ANSWERS.default.next)).toBe(true);
    expect(ledger.entries(id)).toEqual(parsed);
    // A ledger edited by hand: a figure that is text, then a progress that is a blob.
    raw.prepare("UPDATE entries SET value = 'x' WHERE submission_id = ? AND clause_id = ?").run(id, parsed[0]!.clauseId);
    expect(() => ledger.entries(id)).toThrow(/value/);
    raw.prepare("UPDATE entries SET value = NULL, progress = x'07' WHERE submission_id = ? AND clause_id = ?").run(id, parsed[0]!.clauseId);
    expect(() => ledger.entries(id)).toThrow(/progress/);
    raw.close();
    ledger.close();
  });
});
