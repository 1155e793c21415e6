// Plan reading in process: the seed plans against golden files, the annotation variants of the family, and bad
// input (the CLI's words for it are in plan-cli.test.ts).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Plan } from '../src/model/plan.ts';
import { parseAnnotationBody, splitUnits } from '../src/plan/annotations.ts';
import { readPlan } from '../src/plan/index.ts';
import { unitTaskCounts } from '../src/plan/summary.ts';
import { findDeadline, findTargets } from '../src/plan/targets.ts';
import { UserError } from '../src/util/errors.ts';
import { ROOT, SEEDS, tempDir } from './helpers.ts';

const GOLDEN = join(ROOT, 'test', 'golden');

/**
 * Compares a plan with its golden file. Only UPDATE=1 writes it (for review in the diff); a missing golden file
 * fails, so a deleted or misnamed one can never turn the test into a check of the output against itself.
 */
function expectGolden(plan: Plan, name: string) {
  const file = join(GOLDEN, `${name}.plan.json`);
  const actual = JSON.stringify(plan, null, 2) + '\n';
  if (process.env.UPDATE) writeFileSync(file, actual);
  if (!existsSync(file)) throw new Error(`Golden file ${file} is missing: write it with UPDATE=1 npx vitest run test/plan.test.ts and review it`);
  expect(actual).toBe(readFileSync(file, 'utf8'));
}

const units = (plan: Plan) => plan.units.filter((u) => u.kind === 'unit');
const clauses = (plan: Plan) => plan.tasks.flatMap((t) => t.clauses);

describe('jinan-2025-work-plan', async () => {
  const txt = await readPlan(join(SEEDS, 'jinan-2025-work-plan.txt'));
  const docx = await readPlan(join(SEEDS, 'jinan-2025-work-plan.docx'));

  it('reads 14 chapters, 59 tasks, 67 clauses with units, 23 units and one catch-all', () => {
    expect(txt.chapters).toHaveLength(14);
    expect(txt.chapters[13]!.title).toBe('坚定不移推进全面从严治党');
    expect(txt.tasks).toHaveLength(59);
    expect(clauses(txt).filter((c) => c.assignments.length > 0)).toHaveLength(67);
    expect(units(txt)).toHaveLength(23);
    expect(txt.units.filter((u) => u.kind === 'catchall').map((u) => u.name)).toEqual(['机关其他相关处室、单位']);
    // Issue 28: the seed has no title line and no signature, and parse now says so (it warned of nothing).
    expect(txt.warnings.map((w) => w.code)).toEqual(['title-missing', 'issuer-missing']);
  });

  // Issue 30: (责任单位:X、Y) marks no lead, and the plan states no position rule, so X and Y are each responsible.
  it('splits a task with several annotations into clauses, each unit responsible where no lead is marked', () => {
    const task = txt.tasks.find((t) => t.id === '4.4')!;
    expect(task.lead).toBe('强化面源污染治理');
    expect(task.clauses.map((c) => c.id)).toEqual(['4.4-1', '4.4-2']);
    expect(task.clauses[0]!.assignments).toEqual([
      { unit: '大气环境处', role: '负责' },
      { unit: '土壤生态环境处', role: '负责' },
    ]);
    expect(task.clauses[1]!.assignments).toEqual([{ unit: '大气环境处', role: '负责' }]);
    expect(txt.leadRule).toBe('marked');
    expect(task.clauses[0]!.targets[0]).toMatchObject({ value: 5, unit: '%', comparator: '下降' });
    expect(txt.tasks.find((t) => t.id === '13.2')!.clauses).toHaveLength(4);
  });

  it('counts 19 tasks for 大气环境处', () => {
    const c = unitTaskCounts(txt).find((u) => u.unit === '大气环境处')!;
    expect(c.lead + c.responsible + c.cooperate).toBe(19);
    expect(c.lead).toBe(0);
  });

  it('reads targets and deadlines from task text', () => {
    const t63 = txt.tasks.find((t) => t.id === '6.3')!.clauses[0]!;
    expect(t63.targets[0]).toMatchObject({ value: 660, unit: '个', comparator: '完成', words: '完成省定660个行政村环境整治任务' });
    const t62 = txt.tasks.find((t) => t.id === '6.2')!.clauses[0]!;
    expect(t62.targets.map((t) => [t.value, t.unit])).toEqual([[78, '家'], [40, '家']]);
    const t113 = txt.tasks.find((t) => t.id === '11.3')!.clauses[0]!;
    expect(t113.targets[0]).toMatchObject({ value: 40, unit: '%', comparator: '以上' });
    expect(txt.tasks.find((t) => t.id === '4.5')!.clauses[0]!.deadline?.meaning).toEqual({ kind: 'recurring', every: 'month' });
  });

  it('gives the same tasks and units from the .docx', () => {
    const shape = (p: Plan) => p.tasks.map((t) => [t.id, t.lead, t.clauses.map((c) => [c.id, c.assignments])]);
    expect(shape(docx)).toEqual(shape(txt));
    expect(docx.units).toEqual(txt.units);
  });

  it('matches its golden file', () => expectGolden(txt, 'jinan-2025-work-plan'));
});

describe('jiyang-2021-consolidation-plan', async () => {
  const plan = await readPlan(join(SEEDS, 'jiyang-2021-consolidation-plan.txt'));

  it('skips the notice header and web noise and reads 16 continuously numbered tasks in three sections', () => {
    expect(plan.title).toBe('济南市济阳区巩固提升国家生态文明建设示范区创建成果工作方案');
    expect(plan.issuer).toBe('济南市济阳区人民政府');
    expect(plan.tasks.map((t) => t.id)).toEqual(Array.from({ length: 16 }, (_, i) => String(i + 1)));
    expect(plan.chapters[0]!.sections.map((s) => s.title)).toEqual(['深入完善生态文明制度', '全力保障全区生态安全', '持续优化区域生态空间']);
    expect(plan.tasks.some((t) => /扫码|字号/.test(t.text))).toBe(false);
  });

  it('reads 19 units, keeps 各镇（街道） whole and splits 区委办公室、区政府办公室', () => {
    expect(units(plan).length + plan.units.filter((u) => u.kind === 'group').length).toBe(19);
    expect(plan.units.find((u) => u.name === '各镇（街道）')?.kind).toBe('group');
    expect(plan.tasks[1]!.clauses[0]!.assignments.map((a) => a.unit)).toEqual(['区委办公室', '区政府办公室', '市生态环境局济阳分局']);
    expect(plan.tasks[3]!.clauses[0]!.assignments).toEqual([
      { unit: '区城乡水务局', role: '负责' },
      { unit: '各镇（街道）', role: '负责' },
    ]);
  });

  it('reads the same plan from GB18030', async () => {
    const gb = await readPlan(join(ROOT, 'test', 'fixtures', 'jiyang-gb18030.txt'));
    expect(gb.source.encoding).toBe('GB18030');
    expect(gb.tasks).toEqual(plan.tasks);
  });

  it('matches its golden file', () => expectGolden(plan, 'jiyang-2021-consolidation-plan'));
});

describe('tianqiao-14th-five-year-plan', async () => {
  const txt = await readPlan(join(SEEDS, 'tianqiao-14th-five-year-plan.txt'));
  const docx = await readPlan(join(SEEDS, 'tianqiao-14th-five-year-plan.docx'));

  it('reads chapters and sections and paragraph tasks, none in the background chapter', () => {
    expect(txt.chapters[0]!.number).toBe('第二章');
    expect(txt.chapters.at(-1)!.title).toBe('建立健全规划实施保障体系');
    expect(txt.tasks.length).toBeGreaterThan(120);
    expect(txt.tasks[0]).toMatchObject({ id: '2.1.1', lead: '打造多元生态格局', number: null });
    expect(txt.tasks.every((t) => t.clauses.every((c) => c.assignments.length === 0))).toBe(true);
    expect(txt.tasks.some((t) => /bookmark/.test(t.text))).toBe(false);
    expect(txt.warnings.map((w) => w.code)).toContain('no-units');
  });

  it('reads the 20 indicators with categories, baselines, targets and attributes', () => {
    expect(txt.indicators).toHaveLength(20);
    expect(txt.indicators[0]).toEqual({
      id: '1', category: '环境治理', name: '城市细颗粒物（PM2.5）浓度', unit: 'ug/m3', baseline: '52', target: '42', attribute: '约束性', note: '统计口径有调整（原表带*）',
    });
    expect(txt.indicators[19]).toMatchObject({ id: '20', category: '生态保护', attribute: '约束性', target: '完成市分解任务' });
    expect(txt.indicators.filter((i) => i.target === '').map((i) => i.id)).toEqual(['8', '9', '10']);
    expect(txt.warnings.filter((w) => w.code === 'indicator-target-empty')).toHaveLength(3);
  });

  it('gives the same tasks and indicators from the .docx', () => {
    expect(docx.tasks.map((t) => [t.id, t.lead])).toEqual(txt.tasks.map((t) => [t.id, t.lead]));
    expect(docx.indicators).toEqual(txt.indicators);
  });

  it('matches its golden file', () => expectGolden(txt, 'tianqiao-14th-five-year-plan'));
});

describe('annotation variants of the family', async () => {
  const plan = await readPlan(join(ROOT, 'test', 'fixtures', 'variants-plan.txt'));
  const task = (id: string) => plan.tasks.find((t) => t.id === id)!;

  it('reads 牵头单位；配合单位 and 牵头单位，配合单位 with nested brackets', () => {
    expect(task('1').clauses[0]!.assignments).toEqual([
      { unit: '大气环境处', role: '牵头' },
      { unit: '执法支队', role: '配合' },
      { unit: '监测中心', role: '配合' },
    ]);
    expect(task('2').clauses[0]!.assignments.map((a) => a.unit)).toEqual(['水生态环境处', '监测中心', '各区县（功能区）']);
  });

  it('reads 责任单位 on a line of its own, （X负责） and （X会同Y负责）', () => {
    expect(task('3').clauses[0]!.assignments.map((a) => a.unit)).toEqual(['土壤生态环境处', '监测中心']);
    expect(task('3').clauses[0]!.deadline).toEqual({ words: '2026年6月底前', meaning: { kind: 'date', date: '2026-06-30' } });
    expect(task('4').clauses[0]!.assignments).toEqual([{ unit: '固体废物处', role: '负责' }]);
    expect(task('5').clauses[0]!.assignments).toEqual([
      { unit: '辐射处', role: '牵头' },
      { unit: '执法支队', role: '配合' },
    ]);
  });

  it('reads 〔…〕 annotations and drops the 列第一位者为牵头单位 rule from the units', () => {
    expect(task('6').clauses[0]!.assignments).toEqual([
      { unit: '办公室', role: '牵头' },
      { unit: '组织人事处', role: '配合' },
    ]);
    expect(task('6').clauses[0]!.deadline?.meaning).toEqual({ kind: 'date', date: '2026-12-31' });
  });

  it('keeps text after the last annotation as a clause to assign, with a warning naming the line', () => {
    expect(task('7').clauses.map((c) => c.assignments.length)).toEqual([2, 0]);
    const w = plan.warnings.find((x) => x.code === 'clause-without-units')!;
    expect(w.line).toBe(11);
    expect(w.message).toContain("第11行");
    expect(w.message).toContain('依法公开信息');
  });

  it('does not read an explanatory bracket as units', () => {
    expect(task('8').clauses).toHaveLength(1);
    expect(task('8').clauses[0]!.assignments).toEqual([{ unit: '宣教中心', role: '牵头' }]);
    expect(parseAnnotationBody('含线上线下')).toBeNull();
    expect(parseAnnotationBody('即产生、即包装、即称重')).toBeNull();
  });

  it('splits unit lists at 、，, outside brackets and keeps catch-alls whole', () => {
    expect(splitUnits('综合与科技处,机关其他相关处室、单位')).toEqual(['综合与科技处', '机关其他相关处室、单位']);
    expect(splitUnits('区城乡水务局、各镇(街道)')).toEqual(['区城乡水务局', '各镇(街道)']);
    expect(splitUnits('甲局，乙局；丙中心')).toEqual(['甲局', '乙局', '丙中心']);
  });

  it('warns about a unit name that does not read like one, and never invents a unit', () => {
    const r = parseAnnotationBody('责任单位：大气环境处、按要求推进的各项工作任务落实到位情况跟踪')!;
    expect(r.assignments).toEqual([{ unit: '大气环境处', role: '负责' }]);
    expect(r.problems[0]).toContain('不像单位名称');
  });
});

describe('targets and deadlines', () => {
  it.each([
    ['完成省定660个行政村环境整治任务', 660, '个', '完成'],
    ['大气氨排放总量较2020年下降5%', 5, '%', '下降'],
    ['非现场执法比例保持在40%以上', 40, '%', '以上'],
    ['组织完成78家重点监管单位', 78, '家', '组织完成'],
    ['信息公开率达100%', 100, '%', ''],
  ])('%s', (text, value, unit, comparator) => {
    expect(findTargets(text)[0]).toMatchObject({ value, unit, comparator });
  });

  it('does not read years or quoted numbers as targets', () => {
    expect(findTargets('推进“224”近零碳试点建设，2025年开展')).toEqual([]);
  });

  it.each([
    ['每月公布', { kind: 'recurring', every: 'month' }],
    ['每季度开展', { kind: 'recurring', every: 'quarter' }],
    ['2022年底前完成', { kind: 'date', date: '2022-12-31' }],
    ['年底前完成', { kind: 'date', date: '2025-12-31' }],
    ['9月底前完成', { kind: 'date', date: '2025-09-30' }],
  ])('%s', (text, meaning) => {
    expect(findDeadline(text, { year: 2025, issued: null })?.meaning).toEqual(meaning);
  });
});

describe('bad input', () => {
  const dir = tempDir();
  const write = (name: string, data: string | Buffer) => {
    const p = join(dir, name);
    writeFileSync(p, data);
    return p;
  };

  it.each([
    ['empty.txt', '', '是空文件'],
    ['notes.txt', '会议纪要\n今天开会讨论了工作。\n', '没有识别出任务'],
    ['old.doc', Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(600)]), '另存为”.docx'],
    ['plan.wps', Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(600)]), 'WPS'],
    ['plan.pdf', '%PDF-1.7\n%...', 'Word 版本'],
    ['binary.txt', Buffer.from(Array.from({ length: 400 }, (_, i) => (i * 37 + 129) % 256)), '文字编码'],
  ])('%s gets a clear Chinese error', async (name, data, words) => {
    const error = await readPlan(write(name, data)).then(
      () => null,
      (e: UserError) => e,
    );
    expect(error).toBeInstanceOf(UserError);
    expect(`${error!.message} ${error!.hint}`).toContain(words);
  });
});

describe('other layouts of the family', () => {
  it('reads （一）-numbered paragraph tasks under 一、 chapters, with their annotations', async () => {
    const plan = await readPlan(join(ROOT, 'test', 'fixtures', 'section-tasks-plan.txt'));
    expect(plan.title).toBe('某县2026年农村人居环境整治提升工作方案');
    expect(plan.issuer).toBe('某县人民政府办公室');
    expect(plan.tasks.map((t) => [t.id, t.number, t.lead])).toEqual([
      ['2.1', '（一）', '推进农村厕所革命'],
      ['2.2', '（二）', '加快生活污水治理'],
      ['2.3', '（三）', '提升村容村貌'],
      ['3.2', '（二）', '强化督导考核'],
    ]);
    expect(plan.tasks[0]!.clauses[0]!.assignments.map((a) => `${a.role}${a.unit}`)).toEqual(['牵头县农业农村局', '配合县卫生健康局', '配合各乡镇人民政府']);
    expect(plan.tasks[2]!.clauses[0]!.assignments.map((a) => `${a.role}${a.unit}`)).toEqual(['牵头县农业农村局', '配合各乡镇人民政府']);
    // 保障措施 items are tasks only when units are assigned to them; the others are listed, never dropped silently.
    expect(plan.warnings.find((w) => w.code === 'not-tasks')?.message).toBe(
      '以下2项属于指导思想、目标、保障措施等内容且未指定责任单位，未列为任务：第7行“一、总体要求”、第14行“（一）加强组织领导”。如需跟踪，请在任务分解表中补充。',
    );
  });

  it('joins a 配合单位 line to the 牵头单位 line above it, and reads 区直有关部门 as a catch-all', async () => {
    const plan = await readPlan(join(ROOT, 'test', 'fixtures', 'annotation-lines-plan.txt'));
    expect(plan.tasks[0]!.clauses[0]!.assignments.map((a) => `${a.role}${a.unit}`)).toEqual(['牵头区生态环境分局', '配合区工信局', '配合区发改局']);
    expect(plan.tasks[0]!.clauses[0]!.deadline?.meaning).toEqual({ kind: 'date', date: '2026-09-30' });
    expect(plan.units.find((u) => u.name === '区直有关部门')?.kind).toBe('catchall');
    expect(plan.tasks[2]!.id).toBe('2.1');
    expect(plan.tasks[2]!.clauses[0]!.targets[0]).toMatchObject({ value: 500, unit: '辆次', comparator: '不少于' });
    // Issue 28: `某区` names no issuing office, and parse now says so.
    expect(plan.warnings.map((w) => w.code)).toEqual(['issuer-missing']);
  });
});

describe('numbering that restarts in each section', () => {
  it('gives ids of chapter, section and number, none duplicated', async () => {
    const plan = await readPlan(join(ROOT, 'test', 'fixtures', 'section-numbering-plan.txt'));
    expect(plan.tasks.map((t) => t.id)).toEqual(['1.1.1', '1.1.2', '1.2.1', '2.1']);
    // Issue 28: `某市` names no issuing office, and parse now says so.
    expect(plan.warnings.map((w) => w.code)).toEqual(['issuer-missing']);
    expect(plan.tasks[2]!.clauses[0]!.targets[0]).toMatchObject({ value: 100, unit: '%', comparator: '达到' });
  });
});
