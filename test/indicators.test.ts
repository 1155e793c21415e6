// Indicators (指标) a unit reports in its workbook (issue 29): declared for a round (`sheets generate --indicators`),
// a 指标 sheet in the reporting unit's workbook, filled by openpyxl (and re-saved by LibreOffice), collected and
// validated into the ledger, and stated in the report's KPI paragraph against their targets, the office's --metrics
// winning over a unit's value.
import { execFileSync } from 'node:child_process';
import Database from 'better-sqlite3';
import { copyFileSync, existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { collect } from '../src/collect/index.ts';
import type { ReadWorkbook } from '../src/collect/read.ts';
import { validateIndicators } from '../src/collect/validate.ts';
import { indicatorsChecksum } from '../src/workbook/identification.ts';
import { Ledger } from '../src/ledger/ledger.ts';
import { issuedIndicators } from '../src/model/indicators.ts';
import { parseMetrics } from '../src/model/metrics.ts';
import type { Plan } from '../src/model/plan.ts';
import { parseRound } from '../src/model/round.ts';
import { DEFAULT_THRESHOLDS } from '../src/model/thresholds.ts';
import { aimAgainstValue, ANNEX_RULES, annexHasCompletion, annexParts, annexShowsShare, annexVerdict, indicatorParagraph, mergeIndicatorValues } from '../src/report/kpi.ts';
import type { ClauseProgress } from '../src/model/progress.ts';
import { issueRound } from '../src/sheets/issue.ts';
import { FIRST_ROW, FORMAT, HEADER, INDICATOR_FORMAT, TRACKING_SHEET, columnLetter } from '../src/workbook/layout.ts';
import { renderRoundReports } from '../src/workspace/reports.ts';
import { Workspace } from '../src/workspace/workspace.ts';
import { GOOD_ANSWERS, ROOT, SEEDS, fillWorkbook, jinanPlan, python, soffice, sofficePath, taizhang, tempDir } from './helpers.ts';

const PM = '细颗粒物（PM2.5）平均浓度';
const GOOD_DAYS = '优良天数比率';
const WATER = '国控断面水质优良比例';

/** The Jinan plan with one indicator of its own table (the Jinan plan has none; the five-year plan's has a table). */
async function planWithIndicator(): Promise<Plan> {
  const plan = await jinanPlan();
  return { ...plan, indicators: [{ id: '1', category: '环境质量', name: PM, unit: '微克/立方米', baseline: '45', target: '≤42', attribute: '约束性', note: '' }] };
}

/** The office's indicator file: PM2.5 from the plan's table (unit and target from there), two declared here, one kept. */
const DECLARED = {
  [PM]: { 依据: '省考核要求', 报送单位: '大气环境处' },
  [GOOD_DAYS]: { 单位: '%', 目标: '≥64%', 依据: '省考核要求', 报送单位: '生态环境监测处' },
  [WATER]: { 目标: '≥75%', 报送单位: '生态环境监测处' },
  行政处罚案件数: { 值: 216 },
};

describe('the 指标 sheet’s layout version', () => {
  it('is its own, beside the tracking layout’s, which the sheet leaves as it was', () => {
    // The tracking layout is unchanged: workbooks issued before (and those of units reporting no indicator) are @1.
    expect(FORMAT).toBe('taizhang/workbook@1');
    // Pinned: a change to the 指标 sheet's description changes it, and a workbook issued with the old one is then
    // returned (indicator-sheet-missing, variant unknown) unless a reader for it is kept.
    expect(INDICATOR_FORMAT).toBe('taizhang/indicators@ea5ddedb6317');
  });
});

describe('which indicators a round sends to which unit', () => {
  it('numbers each unit’s indicators in the file’s order, takes unit and target from the plan’s table, sends none without 报送单位', async () => {
    const plan = await planWithIndicator();
    const issued = issuedIndicators(DECLARED, '指标.json', plan, new Set(['大气环境处', '生态环境监测处']));
    expect(issued).toEqual([
      { seq: 1, name: PM, measure: '微克/立方米', target: '≤42', basis: '省考核要求', unit: '大气环境处' },
      { seq: 1, name: GOOD_DAYS, measure: '%', target: '≥64%', basis: '省考核要求', unit: '生态环境监测处' },
      { seq: 2, name: WATER, measure: '', target: '≥75%', basis: '', unit: '生态环境监测处' },
    ]);
  });

  it('refuses a reporting unit that gets no workbook, naming the file, the indicator and the unit', async () => {
    const plan = await planWithIndicator();
    expect(() => issuedIndicators({ [GOOD_DAYS]: { 报送单位: '监测站' } }, '指标.json', plan, new Set(['大气环境处']))).toThrow(
      '指标文件“指标.json”中“优良天数比率”的报送单位“监测站”在本轮没有调度表（工作要点未给该单位分配任务），无法在调度表中报送。',
    );
    expect(() => issuedIndicators({ [GOOD_DAYS]: 64 }, '指标.json', plan, new Set())).toThrow('指标文件“指标.json”中“优良天数比率”的内容不能识别');
  });

  it('a --metrics file may be the same file: an entry with 报送单位 and no 值 is left to the unit', () => {
    expect(parseMetrics(DECLARED, 'm.json')).toEqual({ 行政处罚案件数: { 值: 216 } });
  });
});

describe('the year-end annex’s quantified targets (round thirteen, R8 report 5)', () => {
  const parts = [
    { value: 78, unit: '家', comparator: '组织完成', words: '组织完成78家重点监管单位周边土壤(含地下水)监督性监测' },
    { value: 40, unit: '家', comparator: '完成', words: '完成40家重点监管单位土壤污染隐患排查“回头看”' },
  ];
  it('shows each part of a two-part target, the part no clause states as a gap', () => {
    // The second figure from the clause that speaks of its part (回头看), not the first part's 78家.
    expect(annexParts('78家', parts, '完成78家重点监管单位周边土壤和地下水监督性监测，40家单位隐患排查“回头看”全部完成')).toEqual({ 完成值: '78家；40家', 待填: [] });
    // The lead's text says nothing of the second part: a gap naming it, never 78家 again.
    expect(annexParts('78家', parts, '完成78家重点监管单位周边土壤和地下水监督性监测')).toEqual({
      完成值: '78家；【待填：40家重点监管单位土壤污染隐患排查“回头看”完成值】',
      待填: ['40家重点监管单位土壤污染隐患排查“回头看”完成值'],
    });
  });
  it('gives no 完成度 for a percent target passed or held, but for a count', () => {
    expect(annexHasCompletion({ unit: '%', comparator: '下降' })).toBe(false);
    expect(annexHasCompletion({ unit: '%', comparator: '以上' })).toBe(false);
    expect(annexHasCompletion({ unit: '个', comparator: '完成' })).toBe(true);
    expect(annexHasCompletion({ unit: '%', comparator: '' })).toBe(true);
    expect(annexHasCompletion(undefined)).toBe(true);
  });
});

describe('the annex of round fourteen (kpi.ts ANNEX_RULES)', () => {
  // The fields the annex rules read; the rest as a consolidated clause has them.
  const clause = (target: string, targetValue: number, value: number, completion: number, yearEnd: string) =>
    ({ clauseId: 'x', taskId: 'x', chapterId: 'x', task: 't', text: '', deadline: '', target, targetValue, targetUnit: '', answers: [{ unit: 'A', role: '牵头', reported: true, value, valueText: String(value) }], status: '已完成', source: 'A', completion, expected: 1, gap: 0, schedule: 'green', stagnant: false, yearEnd, shortfall: null }) as unknown as ClauseProgress;
  it('says 超额完成 for a target passed, 完成 for a level held, and the outcome otherwise', () => {
    expect(annexVerdict(clause('推动大型规模化畜禽养殖场大气氨排放总量较2020年下降5%', 5, 5.3, 1, '完成'))).toBe('超额完成');
    expect(annexVerdict(clause('非现场执法比例保持在40%以上', 40, 42, 1, '完成'))).toBe('完成');
    expect(annexVerdict(clause('完成省定660个行政村环境整治任务', 660, 612, 612 / 660, '未完成'))).toBe('未完成');
    expect(annexVerdict(clause('完成省定660个行政村环境整治任务', 660, 660, 1, '完成'))).toBe('完成');
  });
  it('gives a count short of its target its share, never a percent target or one met', () => {
    expect(annexShowsShare({ completion: 612 / 660 }, { unit: '个', comparator: '完成' })).toBe(true);
    expect(ANNEX_RULES.share('612个', '92.7%')).toBe('612个（92.7%）');
    expect(annexShowsShare({ completion: 1 }, { unit: '个', comparator: '完成' })).toBe(false);
    expect(annexShowsShare({ completion: 0.9 }, { unit: '%', comparator: '以上' })).toBe(false);
    expect(annexShowsShare({ completion: null }, { unit: '个', comparator: '完成' })).toBe(false);
  });
});

describe('the merge step of the KPI paragraph', () => {
  const issued = [
    { seq: 1, name: PM, measure: '微克/立方米', target: '≤42', basis: '省考核要求', unit: '大气环境处' },
    { seq: 1, name: GOOD_DAYS, measure: '%', target: '≥64%', basis: '省考核要求', unit: '生态环境监测处' },
    { seq: 2, name: WATER, measure: '', target: '≥75%', basis: '', unit: '生态环境监测处' },
  ];
  const reported = [
    { name: PM, valueText: '38', value: 38, note: null, unit: '大气环境处', submissionId: 1 },
    { name: GOOD_DAYS, valueText: '61.5%', value: 61.5, note: '受沙尘天气影响', unit: '生态环境监测处', submissionId: 2 },
    { name: WATER, valueText: null, value: null, note: null, unit: '生态环境监测处', submissionId: 2 },
  ];

  it('states a unit’s value against the target it was issued with; the office’s value wins and says so', () => {
    const merged = mergeIndicatorValues({ [GOOD_DAYS]: 62 }, issued, reported, new Set([PM]));
    expect(merged.metrics).toEqual({
      [GOOD_DAYS]: { 值: 62, 单位: '%', 目标: '≥64%', 依据: '省考核要求' },
      [PM]: { 值: 38, 单位: '微克/立方米', 目标: '≤42', 依据: '省考核要求' },
      // Issued, not reported, not in the plan's table: a gap the paragraph names.
      [WATER]: '',
    });
    expect(merged.notes).toEqual(['指标“优良天数比率”采用补充数据中的数值 62，生态环境监测处报送的 61.5% 未采用。']);
    expect(merged.fromUnits).toEqual(['细颗粒物（PM2.5）平均浓度（大气环境处报送：38）']);
  });

  it('the paragraph states each figure with its verdict and a 【待填】 for the one not reported', async () => {
    const plan = await planWithIndicator();
    const { metrics } = mergeIndicatorValues({}, issued, reported, new Set([PM]));
    const kpi = indicatorParagraph(plan, [], metrics, { yearEnd: true, asOf: '', reserved: new Set() });
    expect(kpi.段).toBe(
      '主要指标方面，细颗粒物（PM2.5）平均浓度为38微克/立方米，达到省考核要求（不高于42微克/立方米）；优良天数比率为61.5%，未达到省考核要求（不低于64%）。【待填：国控断面水质优良比例全年完成值】。',
    );
    expect(kpi.待填).toEqual(['国控断面水质优良比例全年完成值']);
  });
});

/**
 * Fills a workbook in LibreOffice Calc itself (a Basic macro, test/fixtures/lo_fill.xba, run headless): each text
 * entered into its cell as typed, then saved as .xlsx. The macro goes into a fresh profile's Standard library once
 * the profile exists (its first start writes that library, replacing one written before).
 */
function libreOfficeFill(src: string, dst: string, cells: [sheet: string, cell: string, text: string][]): void {
  const profile = tempDir('lo-fill-');
  const env = `-env:UserInstallation=file://${profile}`;
  execFileSync(sofficePath(), [env, '--headless', '--terminate_after_init'], { stdio: 'pipe', timeout: 120_000 });
  copyFileSync(join(ROOT, 'test', 'fixtures', 'lo_fill.xba'), join(profile, 'user', 'basic', 'Standard', 'Module1.xba'));
  const spec = join(profile, 'spec.txt');
  writeFileSync(spec, cells.map((c) => c.join('\t')).join('\n') + '\n');
  execFileSync(sofficePath(), [env, '--headless', '--norestore', `macro:///Standard.Module1.Fill("${src}","${spec}","${dst}")`], { stdio: 'pipe', timeout: 240_000 });
  if (!existsSync(dst)) throw new Error(`LibreOffice did not write ${dst}`);
}

describe('reading a 指标 sheet’s values', () => {
  /** A read 指标 sheet: rows of 序号, 指标, 单位, 目标 and the 本期数值 cell (value and number format), from row 4. */
  function sheet(rows: [string, string, string, unknown, string?][]): ReadWorkbook {
    const cell = (v: unknown, numFmt?: string) => ({ value: v ?? null, text: v === null || v === undefined ? '' : String(v), numFmt });
    const read = rows.map(([name, measure, target, value, numFmt], i) => ({
      row: 4 + i,
      cells: { seq: cell(i + 1), name: cell(name), measure: cell(measure), target: cell(target), value: cell(value, numFmt), note: cell(null) },
    }));
    const checksum = indicatorsChecksum(rows.map(([name, measure, target], i) => [String(i + 1), name, measure, target]));
    return {
      meta: { indicators: INDICATOR_FORMAT, indicator_checksum: checksum },
      metaRows: [],
      hasTrackingSheet: true,
      header: { reporter: '', phone: '', date: '', unit: '' },
      uncomputed: [],
      rows: [],
      indicators: { hasSheet: true, rows: read, uncomputed: [] },
    };
  }

  it('reads figures as 完成值 is read, a text where the target is in words, and words each refusal by its cause', () => {
    const { values, problems } = validateIndicators(
      sheet([
        [PM, '微克/立方米', '≤42', '38微克/立方米'],
        [GOOD_DAYS, '', '≥64%', 0.615, '0.0%'],
        ['危险废物处置', '', '完成省下达任务', '全部完成'],
        ['断面数', '个', '≥10', '约十个'],
        ['考核日期', '', '≥1', 45700, 'yyyy-mm-dd'],
        ['排放量', '吨', '≤100', '12345678901234567890'],
      ]),
      'x.xlsx',
    );
    expect(values.map((v) => [v.name, v.valueText, v.value])).toEqual([
      [PM, '38微克/立方米', 38],
      [GOOD_DAYS, '61.5%', 61.5],
      ['危险废物处置', '全部完成', null],
      ['断面数', '约十个', null],
      ['考核日期', '45700', null],
      ['排放量', '12345678901234567890', null],
    ]);
    expect(problems.map((p) => [p.sheet, p.cell, p.rule, p.message])).toEqual([
      ['指标', 'E7', 'indicator-not-number', '指标“断面数”的本期数值“约十个”不是数字，请按单位“个”只填写数字（如 38），说明文字请写在“说明”栏'],
      ['指标', 'E8', 'indicator-not-number', '指标“考核日期”的本期数值填写的是日期，请只填写数字（如 38 或 64.2%），日期请写在“说明”栏'],
      ['指标', 'E9', 'indicator-not-number', '指标“排放量”的本期数值“12345678901234567890”位数过多或数值过大，无法准确记录，请核实后填写'],
    ]);
  });
});

/** What python-docx reads of a document: its paragraphs' text. */
function docxParagraphs(file: string): string[] {
  return JSON.parse(python('import docx, json, sys; print(json.dumps([p.text for p in docx.Document(sys.argv[1]).paragraphs]))', file)) as string[];
}

/** What openpyxl reads of a sheet: values, and lock and fill of some cells. */
function sheetCells(file: string, sheet: string, cells: string[]) {
  return JSON.parse(
    python(
      `import openpyxl, json, sys
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb[sys.argv[2]]
print(json.dumps({"sheets": wb.sheetnames, "protected": bool(ws.protection.sheet),
  "rows": [[c.value for c in r] for r in ws.iter_rows(min_row=1, max_row=ws.max_row)],
  "cells": {a: {"locked": ws[a].protection.locked, "fill": ws[a].fill.fgColor.rgb, "comment": ws[a].comment.text if ws[a].comment else None} for a in sys.argv[3:]},
  "validations": sorted(str(v.sqref) for v in ws.data_validations.dataValidation)}, ensure_ascii=False, default=str))`,
      file,
      sheet,
      ...cells,
    ),
  ) as { sheets: string[]; protected: boolean; rows: unknown[][]; cells: Record<string, { locked: boolean; fill: string; comment: string | null }>; validations: string[] };
}

describe('generate → fill → collect → report', () => {
  const ws = tempDir('tz-ind-');
  const round = parseRound('2025-年终');
  const out = join(ws, round.id, '下发');
  const inbox = join(ws, 'inbox');
  const file = (unit: string) => join(out, `${unit}_${round.id}_调度表.xlsx`);
  let plan: Plan;
  /** A workbook of 综合与科技处 issued before the round was issued again with indicators: no 指标 sheet. */
  const before = join(ws, 'before.xlsx');

  beforeAll(async () => {
    plan = await planWithIndicator();
    mkdirSync(inbox);
    const ledger = new Ledger(ws);
    try {
      // Issued first without indicators, and 大气环境处's and 综合与科技处's workbooks kept as they were.
      await issueRound(ledger, { plan, round, outDir: out });
      copyFileSync(file('综合与科技处'), before);
      copyFileSync(file('大气环境处'), join(ws, 'before-air.xlsx'));
      const units = new Set(ledger.expected(round.id).map((e) => e.unit));
      await issueRound(ledger, { plan, round, outDir: out, force: true, indicators: issuedIndicators(DECLARED, '指标.json', plan, units) });
    } finally {
      ledger.close();
    }
  });

  it('adds a 指标 sheet to the reporting units’ workbooks only: locked plan cells, open inputs, numbers validated', () => {
    const air = sheetCells(file('大气环境处'), '指标', ['B4', 'D4', 'E4', 'F4']);
    expect(air.sheets).toEqual(['填报说明', '调度表', '指标', '_taizhang']);
    expect(air.protected).toBe(true);
    expect(air.rows.slice(2)).toEqual([['序号', '指标', '单位', '目标', '本期数值', '说明'], [1, PM, '微克/立方米', '≤42', null, null]]);
    expect([air.cells.B4!.locked, air.cells.D4!.locked, air.cells.E4!.locked, air.cells.F4!.locked]).toEqual([true, true, false, false]);
    expect(air.validations).toEqual(['E4']);
    const monitor = sheetCells(file('生态环境监测处'), '指标', []);
    expect(monitor.rows.slice(3)).toEqual([
      [1, GOOD_DAYS, '%', '≥64%', null, null],
      [2, WATER, null, '≥75%', null, null],
    ]);
    // Both take a figure: a target with a figure (or a unit of measure) wants a number.
    expect(monitor.validations).toEqual(['E4', 'E5']);
    const meta = sheetCells(file('生态环境监测处'), '_taizhang', []);
    expect(meta.rows.find((r) => r[0] === 'format')![1]).toBe('taizhang/workbook@1');
    expect(meta.rows.find((r) => r[0] === 'indicators')![1]).toBe(INDICATOR_FORMAT);
    // A unit that reports none: the same workbook as ever.
    expect(sheetCells(file('综合与科技处'), '调度表', []).sheets).toEqual(['填报说明', '调度表', '_taizhang']);
  });

  it('collects the values filled in LibreOffice, and by openpyxl and re-saved by LibreOffice; a non-number is returned at its cell; an old workbook without the sheet collects', async () => {
    // 大气环境处 fills its workbook in LibreOffice: the header, every row's 完成状态 and 进展情况, and its 指标 row.
    const rows = sheetCells(file('大气环境处'), TRACKING_SHEET, []).rows.length - FIRST_ROW + 1;
    expect(rows).toBe(21);
    libreOfficeFill(file('大气环境处'), join(inbox, 'air.xlsx'), [
      [TRACKING_SHEET, HEADER.reporter.value, GOOD_ANSWERS.reporter],
      [TRACKING_SHEET, HEADER.phone.value, GOOD_ANSWERS.phone],
      [TRACKING_SHEET, HEADER.date.value, GOOD_ANSWERS.date],
      ...Array.from({ length: rows }, (_, i) => [
        [TRACKING_SHEET, `${columnLetter('status')}${FIRST_ROW + i}`, '序时推进'] as [string, string, string],
        [TRACKING_SHEET, `${columnLetter('progress')}${FIRST_ROW + i}`, '按计划推进，已完成阶段性工作。'] as [string, string, string],
      ]).flat(),
      ['指标', 'E4', '38'],
      ['指标', 'F4', '全年均值'],
    ]);
    // 生态环境监测处 fills in openpyxl and re-saves in LibreOffice, as many offices do: a percentage typed as text.
    const monitorFilled = join(ws, 'monitor-filled.xlsx');
    fillWorkbook(file('生态环境监测处'), monitorFilled, { ...GOOD_ANSWERS, indicators: { [GOOD_DAYS]: { value: '61.5%', note: '受沙尘天气影响' }, [WATER]: { value: 80 } } });
    const [resaved] = soffice([monitorFilled], 'xlsx:Calc MS Excel 2007 XML', join(ws, 'lo'));
    copyFileSync(resaved!, join(inbox, 'monitor.xlsx'));
    fillWorkbook(file('水生态环境处'), join(inbox, 'water.xlsx'), GOOD_ANSWERS);
    fillWorkbook(before, join(inbox, 'old.xlsx'), GOOD_ANSWERS);
    const ledger = new Ledger(ws);
    try {
      const events = await collect({ ledger, roundId: round.id, paths: [inbox], outDir: join(ws, 'out'), now: () => new Date('2026-01-08T02:00:00Z') });
      const kinds = Object.fromEntries(events.map((e) => [e.file.split('/').pop(), e.outcome.kind]));
      expect(kinds).toEqual({ 'air.xlsx': 'accepted', 'monitor.xlsx': 'accepted', 'old.xlsx': 'accepted', 'water.xlsx': 'accepted' });
      const reported = ledger.reportedIndicators(round.id);
      expect(reported.map((r) => [r.unit, r.name, r.valueText, r.value, r.note])).toEqual([
        ['大气环境处', PM, '38', 38, '全年均值'],
        ['生态环境监测处', GOOD_DAYS, '61.5%', 61.5, '受沙尘天气影响'],
        ['生态环境监测处', WATER, '80', 80, null],
      ]);
      // The old workbook (no 指标 sheet, no `indicators` in its identification) was read as before: 6 rows, no values.
      const old = ledger.currentSubmissions(round.id).find((s) => s.unit === '综合与科技处')!;
      expect(ledger.entries(old.id)).toHaveLength(6);
      expect(ledger.indicatorValues(old.id)).toEqual([]);
      expect(ledger.roundIndicators(round.id).map((i) => `${i.unit}:${i.seq}:${i.name}`)).toEqual([`大气环境处:1:${PM}`, `生态环境监测处:1:${GOOD_DAYS}`, `生态环境监测处:2:${WATER}`]);

      // A second file of 生态环境监测处 with a figure in words: returned, the problem at 指标!E4, nothing accepted lost.
      const bad = join(ws, 'inbox2');
      mkdirSync(bad);
      fillWorkbook(file('生态环境监测处'), join(bad, 'monitor-again.xlsx'), { ...GOOD_ANSWERS, indicators: { [GOOD_DAYS]: { value: '约六成' } } });
      const [again] = await collect({ ledger, roundId: round.id, paths: [bad], outDir: join(ws, 'out'), now: () => new Date('2026-01-09T02:00:00Z') });
      expect(again!.outcome.kind).toBe('returned');
      const returned = again!.outcome as Extract<(typeof again)['outcome'], { kind: 'returned' }>;
      expect(returned.problems.map((p) => [p.file, p.sheet, p.cell, p.rule, p.severity, p.message])).toEqual([
        [
          join(bad, 'monitor-again.xlsx'),
          '指标',
          'E4',
          'indicator-not-number',
          'error',
          '指标“优良天数比率”的本期数值“约六成”不是数字，请按单位“%”只填写数字（如 38），说明文字请写在“说明”栏',
        ],
        // The row left blank is only a warning.
        [join(bad, 'monitor-again.xlsx'), '指标', 'E5', 'indicator-value-missing', 'warning', '指标“国控断面水质优良比例”未填写本期数值（本期暂无数据的，请在“说明”栏写明原因）'],
      ]);
      // The 退回重报 workbook gives the 指标 sheet back with the unit's text in the red, commented cell.
      const back = sheetCells(returned.returnWorkbook, '指标', ['E4']);
      expect(back.rows[3]).toEqual([1, GOOD_DAYS, '%', '≥64%', '约六成', null]);
      expect(back.cells.E4!.fill).toBe('FFFFC7CE');
      expect(back.cells.E4!.comment).toContain('“约六成”不是数字');
      // The values accepted before stay in force.
      expect(ledger.reportedIndicators(round.id).find((r) => r.name === GOOD_DAYS)!.valueText).toBe('61.5%');
    } finally {
      ledger.close();
    }
  });

  it('returns a workbook whose 指标 sheet was altered or deleted, naming the sheet and cell', async () => {
    const dir = join(ws, 'inbox3');
    mkdirSync(dir);
    // 大气环境处 lowered its own target; 生态环境监测处 deleted the sheet.
    fillWorkbook(file('大气环境处'), join(dir, 'air-changed.xlsx'), { ...GOOD_ANSWERS, indicators: { [PM]: { value: 38 } }, indicator_cells: { D4: '≤45' } });
    fillWorkbook(file('生态环境监测处'), join(dir, 'monitor-no-sheet.xlsx'), { ...GOOD_ANSWERS, delete_sheets: ['指标'] });
    const ledger = new Ledger(ws, { create: false });
    try {
      const events = await collect({ ledger, roundId: round.id, paths: [dir], outDir: join(ws, 'out'), now: () => new Date('2026-01-09T03:00:00Z') });
      const found = events.map((e) => (e.outcome.kind === 'returned' ? e.outcome.problems.map((p) => [p.sheet, p.cell, p.rule, p.message]) : e.outcome.kind));
      expect(found).toEqual([
        [['指标', 'A4', 'indicator-sheet-changed', '“指标”工作表的灰色单元格（序号、指标、单位、目标）被修改，或插入、删除了行，请使用下发的原表填写（指标或目标需要调整的，请与综合处联系）']],
        [['指标', '-', 'indicator-sheet-missing', '找不到“指标”工作表：本单位须在其中报送指标，请勿删除或重命名工作表，请使用下发的原表填写']],
      ]);
      // Nothing of the altered sheet was booked; the values accepted before stay in force.
      expect(ledger.reportedIndicators(round.id).map((r) => [r.name, r.valueText])).toEqual([
        [PM, '38'],
        [GOOD_DAYS, '61.5%'],
        [WATER, '80'],
      ]);
    } finally {
      ledger.close();
    }
  });

  it('writes the KPI paragraph from the units’ values, each against its target; the office’s --metrics wins', async () => {
    const ledger = new Ledger(ws, { create: false });
    try {
      const result = await renderRoundReports(new Workspace(ws, { today: () => '2026-01-12' }), ledger, {
        roundId: round.id,
        thresholds: DEFAULT_THRESHOLDS,
        templates: ['annual-summary'],
        date: '2026-01-12',
        metrics: parseMetrics({ ...DECLARED, [WATER]: { 值: 78.6, 依据: '国家考核要求' } }, 'm.json'),
      });
      expect(result.indicators.notes).toEqual(['指标“国控断面水质优良比例”采用补充数据中的数值 78.6，生态环境监测处报送的 80 未采用。']);
      const docx = result.files.find((f) => f.endsWith('.docx'))!;
      expect(existsSync(docx)).toBe(true);
      const kpi = docxParagraphs(docx).filter((p) => p.startsWith('主要指标方面'));
      expect(kpi).toHaveLength(1);
      expect(kpi[0]).toContain('细颗粒物（PM2.5）平均浓度为38微克/立方米，达到省考核要求（不高于42微克/立方米）');
      expect(kpi[0]).toContain('优良天数比率为61.5%，未达到省考核要求（不低于64%）');
      expect(kpi[0]).toContain('国控断面水质优良比例为78.6，达到国家考核要求（不低于75%）');
      expect(kpi[0]).toContain('行政处罚案件数为216');
      expect(kpi[0]).not.toContain('【待填');
    } finally {
      ledger.close();
    }
  });

  it('keeps the round’s indicators when the round is issued again without a declaration (as the 轮次 page does)', async () => {
    const ledger = new Ledger(ws);
    try {
      const declared = ledger.roundIndicators(round.id);
      expect(declared.map((i) => `${i.unit}:${i.name}`)).toEqual([`大气环境处:${PM}`, `生态环境监测处:${GOOD_DAYS}`, '生态环境监测处:国控断面水质优良比例']);
      const again = join(ws, 'again');
      await issueRound(ledger, { plan, round, outDir: again, force: true });
      expect(ledger.roundIndicators(round.id)).toEqual(declared);
      expect(sheetCells(join(again, `大气环境处_${round.id}_调度表.xlsx`), '指标', []).sheets).toEqual(['填报说明', '调度表', '指标', '_taizhang']);
    } finally {
      ledger.close();
    }
  });
});

describe('a ledger of version 4 (before indicators)', () => {
  it('opens, migrated to version 5 after a backup copy: its submissions kept, no indicators issued or reported', async () => {
    const ws = tempDir('tz-ind-v4-');
    const plan = await jinanPlan();
    const round = parseRound('2025-Q3');
    const out = join(ws, round.id, '下发');
    let ledger = new Ledger(ws);
    await issueRound(ledger, { plan, round, outDir: out });
    ledger.close();
    const inbox = join(ws, 'inbox');
    mkdirSync(inbox);
    fillWorkbook(join(out, `政策法规处_${round.id}_调度表.xlsx`), join(inbox, 'a.xlsx'), GOOD_ANSWERS);
    ledger = new Ledger(ws);
    expect((await collect({ ledger, roundId: round.id, paths: [inbox], outDir: join(ws, 'out') }))[0]!.outcome.kind).toBe('accepted');
    ledger.close();
    // Back to version 4 as it shipped: no indicator tables.
    const db = new Database(join(ws, 'taizhang.db'));
    db.exec('DROP TABLE round_indicators; DROP TABLE indicator_values;');
    db.pragma('user_version = 4');
    db.close();
    ledger = new Ledger(ws, { create: false });
    try {
      expect(ledger.migrated).toMatchObject({ from: 4, to: 5 });
      expect(readdirSync(ws).filter((f) => f.startsWith('taizhang.v4-备份-'))).toHaveLength(1);
      expect(ledger.currentSubmissions(round.id).map((s) => [s.unit, s.outcome])).toEqual([['政策法规处', 'accepted']]);
      expect(ledger.roundIndicators(round.id)).toEqual([]);
      expect(ledger.reportedIndicators(round.id)).toEqual([]);
    } finally {
      ledger.close();
    }
  });
});

describe('sheets generate --indicators (the CLI)', () => {
  it('says which units report how many indicators, and refuses a file naming a unit without a workbook', () => {
    const dir = tempDir('tz-ind-cli-');
    const planFile = join(dir, 'plan.json');
    expect(taizhang(['plan', 'parse', join(SEEDS, 'jinan-2025-work-plan.txt'), '-o', planFile, '--title', '济南市生态环境局2025年工作要点']).code).toBe(0);
    writeFileSync(join(dir, '指标.json'), JSON.stringify(DECLARED));
    const r = taizhang(['sheets', 'generate', planFile, '--round', '2025-年终', '-w', join(dir, 'ws'), '--indicators', join(dir, '指标.json')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/大气环境处_2025-年终_调度表\.xlsx {2}条目 21（[^）]*），报送指标 1 项\n/);
    expect(r.stdout).toMatch(/生态环境监测处_2025-年终_调度表\.xlsx {2}条目 \d+（[^）]*），报送指标 2 项\n/);
    expect(r.stdout).toContain('由单位报送的指标 3 项，见各单位调度表的“指标”工作表');
    // The seed plan has no indicator table: PM2.5's target is nowhere, and the clerk is told.
    expect(r.stdout).toContain('提示：“细颗粒物（PM2.5）平均浓度”没有目标（指标文件和工作要点的指标表中均未写明），报告中只写数值、不作对照');
    writeFileSync(join(dir, 'bad.json'), JSON.stringify({ [GOOD_DAYS]: { 报送单位: '监测站' } }));
    const bad = taizhang(['sheets', 'generate', planFile, '--round', '2025-Q3', '-w', join(dir, 'ws'), '--indicators', join(dir, 'bad.json')]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain(`错误：指标文件“${join(dir, 'bad.json')}”中“优良天数比率”的报送单位“监测站”在本轮没有调度表`);
    // Nothing was issued for the refused round.
    expect(existsSync(join(dir, 'ws', '2025-Q3'))).toBe(false);
  });
});

// After R9/R11: a next year's aim against this year's value and target, the one comparison the report's 下一步 and the
// speech's 形势 word aims by (kpi.ts aimAgainstValue).
describe('a next year’s aim against the year’s value', () => {
  it('tells an aim the value already beats (PM2.5 37 after 36, target 42) from one it falls short of (64% after 63.1%)', () => {
    const pm = { 目标: '不高于42微克/立方米', 完成值: '36微克/立方米' };
    expect(aimAgainstValue('细颗粒物（PM2.5）平均浓度', '控制在37微克/立方米以内', pm)).toEqual({ atMost: true, meets: true, margin: true });
    expect(aimAgainstValue('优良天数比率', '达到64%以上', { 完成值: '63.1%' })).toEqual({ atMost: false, meets: false, margin: false });
    // 38 does not meet 37: the aim is a target still.
    expect(aimAgainstValue('细颗粒物（PM2.5）平均浓度', '控制在37微克/立方米以内', { ...pm, 完成值: '38微克/立方米' })).toMatchObject({ meets: false, margin: false });
    expect(aimAgainstValue('国控断面优良水体比例', '保持100%', { 完成值: '100%' })).toMatchObject({ meets: true, margin: false });
  });
});
