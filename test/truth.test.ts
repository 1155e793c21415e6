// Every figure, state and sentence the tool shows is true: comparators, receipt times, returned resubmissions,
// empty rounds, round-fit documents, settings, round ids and `progress --json`, each against values worked out
// by hand. The scenario runs through the CLI as a coordinator would.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { completionAgainst, comparatorRule, COMPARATORS } from '../src/model/comparator.ts';
import { normalizeRoundId, parseRound } from '../src/model/round.ts';
import { findTargets } from '../src/plan/targets.ts';
import { readValue } from '../src/collect/values.ts';
import { clauseStatus } from '../src/consolidate/index.ts';
import { urgeNotice } from '../src/consolidate/status.ts';
import type { UnitAnswer } from '../src/model/progress.ts';
import { periodWords } from '../src/report/context.ts';
import { GOOD_ANSWERS, PYTHON, ROOT, fillWorkbook, inspectWorkbook, python, taizhang, tempDir } from './helpers.ts';

describe('comparators: one table, each row with a worked example', () => {
  // [plan words, comparator read, kind, reported value, completion worked out by hand]
  const cases: [string, string, string, number, number][] = [
    ['清洁取暖覆盖率不低于80%', '不低于', 'atLeast', 45, 45 / 80],
    ['绿色建筑占比不小于50%', '不小于', 'atLeast', 60, 1],
    ['非现场执法比例保持在40%以上', '以上', 'atLeast', 30, 0.75],
    ['污水收集率达到90%', '达到', 'atLeast', 90, 1],
    ['优良天数比例超过70%', '超过', 'atLeast', 35, 0.5],
    ['至少建成3个示范点', '至少', 'atLeast', 2, 2 / 3],
    ['覆盖率提高到60%', '提高到', 'atLeast', 30, 0.5],
    ['单位能耗不超过5%', '不超过', 'atMost', 4, 1],
    ['单位能耗不超过5%', '不超过', 'atMost', 10, 0.5],
    ['空置率低于10%', '低于', 'atMost', 8, 1],
    ['噪声超标率控制在5%以内', '以内', 'atMost', 6, 5 / 6],
    ['劣五类水体比例下降到20%', '下降到', 'atMost', 25, 0.8],
    ['细颗粒物浓度较2020年下降5%', '下降', 'reduce', 3, 0.6],
    ['公众满意度提高2个百分点', '提高', 'increase', 1, 0.5],
    ['完成660个行政村环境整治', '完成', 'count', 330, 0.5],
    ['新增100家左右', '左右', 'about', 95, 0.95],
    ['新建1到2个污水处理厂', '范围', 'range', 1, 1],
    ['新建1到2个污水处理厂', '范围', 'range', 0, 0],
  ];
  it.each(cases)('%s: comparator %s (%s), reported %d → completion %d', (words, comparator, kind, value, completion) => {
    const [target] = findTargets(words);
    expect(target!.comparator).toBe(comparator);
    expect(comparatorRule(target!.comparator).kind).toBe(kind);
    expect(completionAgainst(target!, value)).toBeCloseTo(completion, 10);
  });

  it('reads a range with both ends, and never reads 不低于 as 低于 or 不小于 as 小于', () => {
    expect(findTargets('新建1到2个污水处理厂')[0]).toMatchObject({ value: 1, upper: 2, unit: '个', comparator: '范围' });
    expect(comparatorRule('不低于').kind).toBe('atLeast');
    expect(comparatorRule('不小于').kind).toBe('atLeast');
    expect(comparatorRule('低于').kind).toBe('atMost');
    // Every word belongs to exactly one meaning.
    const words = COMPARATORS.flatMap((r) => [...r.words, ...r.after]);
    expect(new Set(words).size).toBe(words.length);
  });
});

describe('units of 完成值', () => {
  it('accepts the target’s own unit and names the expected unit when it refuses', () => {
    expect(readValue('65%', 'General', '%')).toMatchObject({ ok: true, value: 65 });
    expect(readValue('3个百分点', 'General', '个百分点')).toMatchObject({ ok: true, value: 3 });
    const refused = readValue('65%', 'General', '吨');
    expect(refused.ok).toBe(false);
    expect(refused.ok === false && refused.message).toBe('完成值“65%”含有“%”，本条目完成值的单位是“吨”（见“完成值单位”一列），请只填写数字');
  });
});

describe('round ids, periods and reminders', () => {
  it('normalises round ids so one round never splits in two', () => {
    expect(normalizeRoundId('2025-q3')).toBe('2025-Q3');
    expect(normalizeRoundId('2025-3')).toBe('2025-03');
    expect(normalizeRoundId(' 2025-h1 ')).toBe('2025-H1');
    expect(normalizeRoundId('2025')).toBe('2025-年终');
    expect(normalizeRoundId('２０２５－Ｑ３')).toBe('2025-Q3');
  });

  it('names the period as documents do', () => {
    expect(periodWords(parseRound('2025-Q3'))).toEqual({ kind: 'quarter', asOf: '截至9月底', span: '前三季度' });
    expect(periodWords(parseRound('2025-Q1'))).toEqual({ kind: 'quarter', asOf: '截至3月底', span: '一季度' });
    expect(periodWords(parseRound('2025-08'))).toEqual({ kind: 'month', asOf: '截至8月底', span: '1—8月' });
    expect(periodWords(parseRound('2025-H1'))).toEqual({ kind: 'half', asOf: '截至6月底', span: '上半年' });
    expect(periodWords(parseRound('2025-年终'))).toEqual({ kind: 'year', asOf: '全年', span: '全年' });
  });

  it('never gives a deadline already past in a reminder', () => {
    const round = parseRound('2025-Q3'); // deadline 2025-10-10
    const receipts = [{ unit: '水处', state: '逾期' as const, resubmissionReturned: false, receivedAt: null, reporter: null, phone: null, rows: 1, problems: 0, submissions: 0 }];
    expect(urgeNotice(receipts, round, '2025-10-09')).toBe('截至目前，水处尚未报送2025年第三季度重点工作调度表。请上述单位于2025年10月10日前按要求报送。');
    expect(urgeNotice(receipts, round, '2025-10-12')).toBe('截至目前，水处尚未报送2025年第三季度重点工作调度表。请上述单位立即按要求报送。');
    expect(urgeNotice(receipts, round, '2025-10-12', '2025-10-15')).toBe('截至目前，水处尚未报送2025年第三季度重点工作调度表。请上述单位于2025年10月15日前按要求报送。');
  });
});

/** Sets a file's modification time to a Beijing wall-clock time. */
function touch(file: string, beijing: string): void {
  const t = new Date(`${beijing}+08:00`);
  utimesSync(file, t, t);
}

describe('a round through the CLI: receipt times, a returned resubmission, the figures and the documents', () => {
  const ws = tempDir('tz-truth-');
  const inbox = join(ws, 'inbox');
  const out = join(ws, '2025-Q3', '下发');
  const file = (unit: string) => join(out, `${unit}_2025-Q3_调度表.xlsx`);
  // `plan` commands work on files, not on a workspace.
  const cli = (...args: string[]) => taizhang(args[0] === 'plan' ? args : [...args, '-w', ws]);
  let progress: {
    clauses: { clauseId: string; status: string; completion: number | null; expected: number; gap: number | null; schedule: string; answers: unknown[] }[];
    receipts: { unit: string; state: string; resubmissionReturned: boolean; receivedAt: string | null; submissions: number }[];
  };

  beforeAll(() => {
    // The collect runs two days after the deadline (2025-10-10): lateness must follow arrival, not collection.
    process.env.TAIZHANG_NOW = '2025-10-12T02:00:00Z';
    expect(cli('plan', 'parse', join(ROOT, 'test', 'fixtures', 'truth-plan.txt'), '-o', join(ws, 'plan.json')).code).toBe(0);
    // A lower-case round id is the same round as 2025-Q3.
    const generated = cli('sheets', 'generate', join(ws, 'plan.json'), '--round', '2025-q3', '--contact', '综合处 李华 0591-12345678');
    expect(generated.stderr).toBe('');
    expect(readdirSync(out).filter((f) => !f.startsWith('.')).sort()).toEqual(['下发清单.xlsx', '大气处_2025-Q3_调度表.xlsx', '执法支队_2025-Q3_调度表.xlsx', '水处_2025-Q3_调度表.xlsx', '能源中心_2025-Q3_调度表.xlsx']);
    mkdirSync(inbox);
    fillWorkbook(file('大气处'), join(inbox, '大气处.xlsx'), {
      ...GOOD_ANSWERS,
      rows: {
        '1': { status: '序时推进', value: 3, progress: '细颗粒物浓度同比下降3%。', next: '加强重污染天气应对。' },
        '2': { status: '滞后', value: 70, progress: '清洁取暖覆盖率达到70%。', problems: '设备到货延迟。', next: '督促设备供应。' },
      },
    });
    touch(join(inbox, '大气处.xlsx'), '2025-10-09T10:00:00');
    fillWorkbook(file('水处'), join(inbox, '水处.xlsx'), {
      ...GOOD_ANSWERS,
      rows: { '5': { status: '已完成', value: 12, progress: '12条黑臭水体全部完成整治。', next: '巩固治理成效。' }, '6': { status: '序时推进', progress: '水源地巡查常态化开展。', next: '继续巡查。' } },
    });
    touch(join(inbox, '水处.xlsx'), '2025-10-08T16:00:00');
    // 能源中心 sends its file in a zip made on a Beijing PC: a DOS time, 2025-10-11 09:30, after the deadline.
    fillWorkbook(file('能源中心'), join(ws, '能源中心.xlsx'), { ...GOOD_ANSWERS, rows: { '2': { status: '序时推进', value: 75, progress: '配合推进清洁取暖。' } } });
    python(
      `import sys, zipfile
with zipfile.ZipFile(sys.argv[2], 'w') as z:
    info = zipfile.ZipInfo('能源中心报送.xlsx', date_time=(2025, 10, 11, 9, 30, 0))
    z.writestr(info, open(sys.argv[1], 'rb').read())`,
      join(ws, '能源中心.xlsx'),
      join(inbox, '能源中心.zip'),
    );
    const first = cli('collect', inbox, '--round', '2025-Q3');
    expect(first.code).toBe(0);
    // 水处 then resubmits a file with mistakes (no status on row 5): it is returned and takes nothing away.
    const again = join(ws, 'again');
    mkdirSync(again);
    fillWorkbook(file('水处'), join(again, '水处重报.xlsx'), { ...GOOD_ANSWERS, rows: { '5': { status: '' }, '6': { status: '序时推进', progress: '改过的进展。' } } });
    touch(join(again, '水处重报.xlsx'), '2025-10-09T09:00:00');
    const second = cli('collect', again, '--round', '2025-Q3');
    expect(second.stdout).toContain('已退回重报');
    const json = cli('progress', '--round', '2025-Q3', '--json', '--today', '2025-10-12');
    expect(json.code).toBe(0);
    progress = JSON.parse(json.stdout);
  });
  afterAll(() => {
    delete process.env.TAIZHANG_NOW;
  });

  it('judges each clause as worked out by hand (progress --json)', () => {
    // Q3 ends 2025-09-30: 273 of 365 days elapsed.
    const e = 273 / 365;
    const by = (id: string) => progress.clauses.find((c) => c.clauseId === id)!;
    expect(progress.clauses.map((c) => c.clauseId)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8']);
    // 1: reduction of 5%, 3 achieved → 60%; 74.8 − 60 = 14.8 points behind → yellow.
    expect(by('1')).toMatchObject({ status: '序时推进', completion: 0.6, gap: 14.8, schedule: 'yellow' });
    expect(by('1').expected).toBeCloseTo(e, 10);
    // 2: 不低于80%, 70 reported → 87.5% (not 100%: 不低于 is a lower bound); ahead of the figures, but the lead
    // says 滞后, so yellow.
    expect(by('2')).toMatchObject({ status: '滞后', completion: 0.875, gap: -12.7, schedule: 'yellow' });
    // 3: 年底前 (2025-12-31): 273 of 364 days of its span; nobody reported → grey.
    expect(by('3')).toMatchObject({ status: '未报送', completion: null, gap: null, schedule: 'grey' });
    expect(by('3').expected).toBeCloseTo(273 / 364, 10);
    expect(by('4')).toMatchObject({ status: '未报送', schedule: 'grey' });
    // 5: 12 of 12 from 水处's accepted file: its returned resubmission takes nothing away.
    expect(by('5')).toMatchObject({ status: '已完成', completion: 1, schedule: 'green' });
    expect(by('6')).toMatchObject({ status: '序时推进', gap: 0, schedule: 'green' });
    expect(by('6').completion).toBeCloseTo(e, 10);
    // 7 and 8 name no unit.
    expect(by('7')).toMatchObject({ status: '未报送', answers: [] });
  });

  it('takes the arrival time from the file or the zip entry, not from when collect ran', () => {
    const by = (unit: string) => progress.receipts.find((r) => r.unit === unit)!;
    expect(by('大气处')).toMatchObject({ state: '已报送', receivedAt: '2025-10-09T02:00:00.000Z', resubmissionReturned: false, submissions: 1 });
    expect(by('能源中心')).toMatchObject({ state: '逾期报送', receivedAt: '2025-10-11T01:30:00.000Z' });
    expect(by('水处')).toMatchObject({ state: '已报送', resubmissionReturned: true, receivedAt: '2025-10-08T08:00:00.000Z', submissions: 2 });
    expect(by('执法支队')).toMatchObject({ state: '逾期', receivedAt: null });
  });

  it('shows the receipt time and 已报送；重报被退回 in status, and a reminder with no past date', () => {
    const status = cli('status', '--round', '2025-Q3', '--today', '2025-10-12');
    const line = (unit: string) => status.stdout.split('\n').find((l) => l.trim().startsWith(unit))!;
    expect(line('水处')).toMatch(/已报送；重报被退回\s+2025-10-08 16:00/);
    expect(line('大气处')).toMatch(/已报送\s+2025-10-09 10:00/);
    expect(line('能源中心')).toMatch(/逾期报送\s+2025-10-11 09:30/);
    expect(status.stdout).toContain('请上述单位立即按要求报送。');
    expect(status.stdout).not.toContain('于2025年10月10日前');
  });

  it('says plainly what the data says in the quarterly report (not a 年度 report)', () => {
    const r = cli('report', '--round', '2025-Q3', '--date', '2025-10-20', '--today', '2025-10-12');
    expect(r.code).toBe(0);
    const dir = join(ws, '2025-Q3', '报告');
    expect(readdirSync(dir).filter((f) => f.endsWith('.docx')).sort()).toEqual(['工作进展情况报告_2025-Q3.docx', '督办通报_2025-Q3.docx', '讲话稿_2025-Q3.docx']);
    const text = docxText(join(dir, '工作进展情况报告_2025-Q3.docx'));
    expect(text[0]).toBe('某区生态环境局2025年前三季度工作进展情况报告');
    const body = text.join('\n');
    expect(body).not.toMatch(/全年|年度工作情况/);
    // Rates leave out the two tasks without units (counted in a sentence of their own): 1 of 6 clauses done.
    // (Issue 29: the report counts 项 of work, not the tool's 工作条目.)
    expect(body).toContain('6项重点任务、6项具体工作中，已完成1项，按序时推进2项，进度滞后1项，2项未报送进展情况。');
    // Two of three lead units reported: no claim about overall progress.
    expect(body).toContain('牵头单位报送不全（应报3家，已报送2家），暂不能对总体进度作出判断。');
    expect(body).not.toContain('总体按计划推进');
    expect(body).toContain('另有2项工作未明确责任单位，未纳入统计。');
    // 成效 numbered continuously over the chapters with progress; the empty chapter named once.
    // Issue 29 round two changes this: 存在问题 of three points or fewer is one paragraph (一是…) without chapter
    // headings, closed by a gap for the office's own part; what was not reported stands in its chapter, at its
    // place, with a listed gap naming the unit; 下一步 without a concrete plan is a gap per chapter.
    // Issue 29 round four: 下一步 headings are verb phrases (the reviewer found noun lists), varied by rule.
    expect(text.filter((p) => /^（[一二三四]）/.test(p)).map((p) => p.split('。')[0])).toEqual(['（一）大气污染防治', '（二）土壤污染防治', '（三）水污染防治', '（一）深入推进大气污染防治', '（二）持续深化土壤污染防治', '（三）扎实推进水污染防治']);
    // Round eleven (rule changed, R6 report 2): 深化 takes 持续/不断, 推进 扎实/深入/稳步 (VERB_ADVERBS), not 全力深化/积极推进.
    expect(text).toContain('一是清洁取暖方面，设备到货延迟。二是【待填：主观方面不足】。');
    // Issue 29 (report brief, finding 3 and 7): no internal workings in a report for leadership, mid-year too: what
    // nobody reported is a 【待填】 for the clerk at its place (the silent unit named inside it), without the frame
    // "…责任单位尚未报送进展情况" the reviewer found.
    expect(text).toContain('（一）大气污染防治。一是提升空气质量，细颗粒物浓度同比下降3%。二是推进清洁取暖，清洁取暖覆盖率达到70%。【待填：治理扬尘进展情况（执法支队未报送）】。');
    expect(text).toContain('（二）土壤污染防治。【待填：开展土壤污染状况调查进展情况（执法支队未报送）】。');
    expect(body).not.toContain('责任单位尚未报送');
    expect(body).toContain('责任单位报告进度滞后的1项；对照序时进度，黄色预警2项，需加力推进。');
    expect(body).not.toMatch(/条目|本轮|调度表|自报/);
  });

  it('lists only positive lags in the 通报, signed and addressed as the settings say', () => {
    expect(cli('config', 'set', '发文机关', '某区生态环境局办公室').code).toBe(0);
    expect(cli('config', 'set', '主送', '局属各单位').code).toBe(0);
    expect(cli('config', 'set', '文号', '区环办〔2025〕9号').code).toBe(0);
    expect(cli('config').stdout).toContain('发文机关：某区生态环境局办公室');
    const r = cli('report', '--round', '2025-Q3', '--date', '2025-10-20', '--today', '2025-10-12', '-t', 'bulletin');
    expect(r.code).toBe(0);
    const text = docxText(join(ws, '2025-Q3', '报告', '督办通报_2025-Q3.docx'));
    // Issue 29 (round two): the title names the issuer; （牵头） only beside other units; a 原因 column.
    // Issue 29 (round six): issued as a 文件, the 版头's 发文机关标志 (default: the issuer and 文件) above the 文号.
    expect(text.slice(0, 4)).toEqual(['某区生态环境局办公室文件', '区环办〔2025〕9号', '某区生态环境局办公室关于2025年第三季度重点工作推进情况的通报', '局属各单位：']);
    // Round eighteen: the contact as an 附注 under the date (GB/T 9704 7.3.6); here the setting is unset.
    expect(text.slice(-3)).toEqual(['某区生态环境局办公室', '2025年10月20日', '（联系人：【待填：联系人及电话】）']);
    // B39 (R35 1, R37 3, R38 8: `按照《…》调度安排，现将…通报如下。` read oddly): the opening sums up the reports of the
    // units the 通报 is addressed to (the 主送 set above), for the round's own period.
    expect(text[4]).toBe('根据局属各单位报送的2025年第三季度重点工作进展情况，经汇总审核，现将有关情况通报如下：');
    // B39: the praise's gap for the leadership is the year-end 通报's only; a mid-year round praises by the rule or not at all.
    expect(text.join('\n')).not.toContain('拟通报表扬');
    const lags = docxTable(join(ws, '2025-Q3', '报告', '督办通报_2025-Q3.docx'), 1);
    expect(lags).toEqual([
      // Issue 29 round four: each item says by when; neither the plan nor the units give a date here: a listed gap.
      ['编号', '重点任务', '责任单位', '预警', '落后序时', '原因', '完成时限'],
      ['1', '提升空气质量', '大气处', '黄', '14.8个百分点', '—', '【待填：完成时限】'],
      ['2', '推进清洁取暖', '大气处（牵头）、能源中心', '黄', '自报滞后', '设备到货延迟', '【待填：完成时限】'],
    ]);
    expect(text.join('\n')).not.toMatch(/-\d+(\.\d+)?个百分点/);
  });

  it('shows each problem of a returned workbook in a visible column, with the coordinator’s contact', () => {
    const back = join(ws, '2025-Q3', '收集', '退回重报', '退回重报_水处_2025-Q3.xlsx');
    const seen = JSON.parse(
      python(
        `import sys, json, openpyxl
ws = openpyxl.load_workbook(sys.argv[1])['调度表']
head = [c.value for c in ws[4]]
col = head.index('审核意见（退回原因）') + 1
guide = {r[0].value: r[1].value for r in openpyxl.load_workbook(sys.argv[1])['填报说明'].iter_rows(min_row=3, max_col=2)}
print(json.dumps({'last': len(head), 'col': col, 'row5': ws.cell(5, col).value, 'row6': ws.cell(6, col).value, 'fit': ws.page_setup.fitToWidth, 'contact': guide['联系方式']}, ensure_ascii=False))`,
        back,
      ),
    );
    // After the 14 issued columns; row 5 (clause 5) has no status; row 6 is fine.
    expect(seen).toEqual({ last: 15, col: 15, row5: 'K5：条目 5 未选择完成状态，请从下拉列表中选择：已完成、序时推进、滞后、未启动', row6: null, fit: 1, contact: '综合处 李华 0591-12345678' });
  });

  it('prints the 汇总表 and the 任务分解表 legibly: A3 when A4 would shrink text below 9 pt, header repeated, unassigned rows apart', () => {
    cli('plan', 'export', join(ws, 'plan.json'), '-o', join(ws, '任务分解表.xlsx'));
    const read = (file: string, sheet: string) =>
      JSON.parse(
        python(
          `import sys, json, openpyxl
ws = openpyxl.load_workbook(sys.argv[1])[sys.argv[2]]
rows = [[c.value for c in r] for r in ws.iter_rows()]
print(json.dumps({'paper': ws.page_setup.paperSize, 'orientation': ws.page_setup.orientation, 'fit': ws.page_setup.fitToWidth,
  'titles': ws.print_title_rows, 'wrap': ws.cell(3, 3).alignment.wrap_text, 'first': [r[0] for r in rows],
  'heights': {i + 1: ws.row_dimensions[i + 1].height for i in range(len(rows))}}, ensure_ascii=False))`,
          file,
          sheet,
        ),
      );
    const summary = read(join(ws, '2025-Q3', '报告', '汇总表_2025-Q3.xlsx'), '条目汇总');
    // 17 columns of 宋体 11 pt fitted to A4 landscape would print at about 6 pt: A3.
    expect(summary).toMatchObject({ paper: 8, orientation: 'landscape', fit: 1, titles: '$2:$2', wrap: true });
    // One row per answering unit (clause 2 has two); clauses 7 and 8 have no unit: after the others, under a row that says so.
    expect(summary.first.slice(2)).toEqual(['1', '2', null, '3', '4', '5', '6', '以下 2 个条目未明确责任单位，未下发调度，不计入统计', '7', '8']);
    expect(summary.heights['3']).toBeGreaterThan(20);
    const review = read(join(ws, '任务分解表.xlsx'), '任务分解表');
    expect(review).toMatchObject({ paper: 8, orientation: 'landscape', fit: 1, titles: '$1:$1' });
    expect(review.first.slice(1)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8']);
  });

  it('takes --received-at for a paper delivery, and lists and guards rounds', () => {
    const paper = join(ws, 'paper');
    mkdirSync(paper);
    fillWorkbook(file('执法支队'), join(paper, '执法支队.xlsx'), GOOD_ANSWERS);
    expect(cli('collect', paper, '--round', '2025-Q3', '--received-at', '2025-10-10 17:30').code).toBe(0);
    const json = JSON.parse(cli('status', '--round', '2025-Q3', '--json', '--today', '2025-10-12').stdout);
    expect(json.receipts.find((r: { unit: string }) => r.unit === '执法支队')).toMatchObject({ state: '已报送', receivedAt: '2025-10-10T09:30:00.000Z' });
    // 2025-3 is 2025-03: a round with no file received can be removed; 2025-Q3 cannot.
    expect(cli('sheets', 'generate', join(ws, 'plan.json'), '--round', '2025-3').code).toBe(0);
    expect(cli('rounds').stdout).toMatch(/2025-03\s+2025年3月[^\n]*收到文件 0 个[^]*2025-Q3\s+2025年第三季度[^\n]*收到文件 5 个/);
    const refused = cli('rounds', 'remove', '2025-Q3');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('轮次“2025-Q3”已收到 5 个报送文件，不能删除。');
    expect(cli('rounds', 'remove', '2025-3').code).toBe(0);
    expect(cli('rounds').stdout).not.toContain('2025-03');
  });
});

describe('a clause’s status rests on the units responsible for it', () => {
  const answer = (unit: string, role: '牵头' | '配合', status: string | null): UnitAnswer => ({
    unit,
    role,
    reported: status !== null,
    status,
    value: null,
    valueText: null,
    progress: status ? `${unit}的进展。` : null,
    problems: null,
    nextSteps: null,
    stagnant: false,
  });

  it.each([
    ['the lead silent, a cooperating unit says 已完成', '未报送', [answer('甲处', '牵头', null), answer('乙处', '配合', '已完成')]],
    ['the lead silent, a cooperating unit says 滞后 (its own part only)', '未报送', [answer('甲处', '牵头', null), answer('乙处', '配合', '滞后')]],
    ['the lead 序时推进, a cooperating unit 滞后', '序时推进', [answer('甲处', '牵头', '序时推进'), answer('乙处', '配合', '滞后')]],
    ['two leads, one 已完成 and one silent', '未报送', [answer('甲处', '牵头', '已完成'), answer('丙处', '牵头', null)]],
    ['two leads, one 未启动 and one silent', '未报送', [answer('甲处', '牵头', '未启动'), answer('丙处', '牵头', null)]],
    ['two leads, one 滞后 and one silent: a part behind holds the clause back', '滞后', [answer('甲处', '牵头', '滞后'), answer('丙处', '牵头', null)]],
    ['two leads, 已完成 and 序时推进', '序时推进', [answer('甲处', '牵头', '已完成'), answer('丙处', '牵头', '序时推进')]],
    ['two leads, both 已完成', '已完成', [answer('甲处', '牵头', '已完成'), answer('丙处', '牵头', '已完成')]],
    ['no lead, two cooperating units, one silent', '未报送', [answer('乙处', '配合', '已完成'), answer('丁处', '配合', null)]],
    ['no lead, two cooperating units, 已完成 and 未启动', '未启动', [answer('乙处', '配合', '已完成'), answer('丁处', '配合', '未启动')]],
  ] as const)('%s → %s', (_, want, answers) => {
    expect(clauseStatus([...answers])).toBe(want);
  });

  it('never shows 已完成 or a figure from a cooperating unit while the lead has not reported (progress --json, the report)', () => {
    const ws = tempDir('tz-lead-');
    const cli = (...args: string[]) => taizhang(args[0] === 'plan' ? args : [...args, '-w', ws]);
    process.env.TAIZHANG_NOW = '2025-10-09T02:00:00Z';
    try {
      expect(cli('plan', 'parse', join(ROOT, 'test', 'fixtures', 'truth-plan.txt'), '-o', join(ws, 'plan.json')).code).toBe(0);
      expect(cli('sheets', 'generate', join(ws, 'plan.json'), '--round', '2025-Q3').code).toBe(0);
      const inbox = join(ws, 'inbox');
      mkdirSync(inbox);
      // Clause 2 (清洁取暖覆盖率不低于80%): lead 大气处 silent; 能源中心, cooperating, says its part is done at 80%.
      fillWorkbook(join(ws, '2025-Q3', '下发', '能源中心_2025-Q3_调度表.xlsx'), join(inbox, '能源中心.xlsx'), {
        ...GOOD_ANSWERS,
        rows: { '2': { status: '已完成', value: 80, progress: '配合完成清洁取暖改造。' } },
      });
      expect(cli('collect', inbox, '--round', '2025-Q3').code).toBe(0);
      const progress = JSON.parse(cli('progress', '--round', '2025-Q3', '--json', '--today', '2025-10-09').stdout);
      const clause2 = progress.clauses.find((c: { clauseId: string }) => c.clauseId === '2');
      expect(clause2).toMatchObject({ status: '未报送', source: null, completion: null, gap: null, schedule: 'grey' });
      // The cooperating unit's answer is still there to read, beside the lead's empty one.
      expect(clause2.answers.map((a: UnitAnswer) => [a.unit, a.role, a.reported, a.status, a.value])).toEqual([
        ['大气处', '牵头', false, null, null],
        ['能源中心', '配合', true, '已完成', 80],
      ]);
      expect(cli('report', '--round', '2025-Q3', '--date', '2025-10-20', '--today', '2025-10-09').code).toBe(0);
      const body = docxText(join(ws, '2025-Q3', '报告', '工作进展情况报告_2025-Q3.docx')).join('\n');
      // No clause done; 能源中心's words are not given as the clause's progress: issue 29 keeps them, named as
      // the cooperating unit's, in the list of what was not reported, never under 一、 as the task's progress.
      expect(body).toContain('已完成0项');
      // (Issue 29 round two: said in each chapter at its place, the cooperating unit's words attributed. The report
      // brief's finding 3 moves them inside the clerk's gap: a bare "配合完成…" with the clause's figure would speak
      // for the silent lead if printed as the bureau's fact; only a cooperating unit's own figures are.)
      expect(body).toContain('（一）大气污染防治。【待填：提升空气质量、推进清洁取暖、治理扬尘等3项工作进展情况（大气处、执法支队未报送；能源中心报告配合完成清洁取暖改造，截至9月底80%）】。');
      expect(body).toContain('（三）水污染防治。【待填：整治黑臭水体、加强饮用水源保护等2项工作进展情况（水处未报送）】。');
      expect(body.match(/配合完成清洁取暖改造/g)).toHaveLength(1);
      expect(body).not.toMatch(/（一）大气污染防治。一是/);
    } finally {
      delete process.env.TAIZHANG_NOW;
    }
  });
});

describe('an empty round', () => {
  it('is refused by report unless forced, and then says so plainly', () => {
    const ws = tempDir('tz-empty-');
    const cli = (...args: string[]) => taizhang(args[0] === 'plan' ? args : [...args, '-w', ws]);
    cli('plan', 'parse', join(ROOT, 'test', 'fixtures', 'truth-plan.txt'), '-o', join(ws, 'plan.json'));
    cli('sheets', 'generate', join(ws, 'plan.json'), '--round', '2025-年终');
    const refused = cli('report', '--round', '2025', '--date', '2026-01-10');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('错误：2025年年终还没有收取任何单位的报送');
    const forced = cli('report', '--round', '2025', '--date', '2026-01-10', '--force');
    expect(forced.code).toBe(0);
    const text = docxText(join(ws, '2025-年终', '报告', '年度工作情况报告_2025-年终.docx'));
    // An upward report (R1 finding 2): the 版头, then the title 关于…的报告.
    expect(text[0]).toBe('某区生态环境局文件');
    expect(text[2]).toBe('某区生态环境局关于2025年度工作情况的报告');
    const body = text.join('\n');
    // Issue 29: the year-end report says it without the tool's words (本轮, 调度表).
    expect(body).toContain('尚未收到任何责任单位报送的年终工作情况，以下各项均无数据，不能据此判断任务完成情况。');
    expect(body).not.toMatch(/总体按计划推进|未报告突出问题|暂无报送进展/);
  });
});

describe('the 完成值单位 column, read by openpyxl', () => {
  it('shows each target’s unit beside 完成值, locked', () => {
    const ws = tempDir('tz-unit-');
    taizhang(['plan', 'parse', join(ROOT, 'test', 'fixtures', 'truth-plan.txt'), '-o', join(ws, 'plan.json')]);
    taizhang(['sheets', 'generate', join(ws, 'plan.json'), '--round', '2025-Q3', '-w', ws]);
    const seen = inspectWorkbook(join(ws, '2025-Q3', '下发', '大气处_2025-Q3_调度表.xlsx'));
    expect(seen.headers.slice(7, 10)).toEqual(['目标值', '完成值单位', '完成值']);
    expect(seen.rows.map((r: { id: string; unit: string | null; locked_unit: boolean }) => [r.id, r.unit, r.locked_unit])).toEqual([
      ['1', '%（降幅）', true],
      ['2', '%', true],
    ]);
  });
});

/** Paragraph texts of a .docx as python-docx (an independent reader) sees them. */
function docxText(file: string): string[] {
  const out = execFileSync(PYTHON, ['-c', 'import sys, docx, json; print(json.dumps([p.text.replace(chr(10), \'\') for p in docx.Document(sys.argv[1]).paragraphs if p.text.strip()], ensure_ascii=False))', file], { encoding: 'utf8' });
  return JSON.parse(out);
}

function docxTable(file: string, index: number): string[][] {
  const out = execFileSync(PYTHON, ['-c', 'import sys, docx, json; t = docx.Document(sys.argv[1]).tables[int(sys.argv[2])]; print(json.dumps([[c.text for c in r.cells] for r in t.rows], ensure_ascii=False))', file, String(index)], { encoding: 'utf8' });
  return JSON.parse(out);
}


