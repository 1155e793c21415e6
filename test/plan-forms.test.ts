// Plans as other offices write them: each form of issue 9 on fixtures written for the purpose, and task tables
// in real Word and Excel files made by independent writers (python-docx, openpyxl), PDF and .doc through
// the converters a real office has.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Plan } from '../src/model/plan.ts';
import { parseAnnotationBody, splitUnits } from '../src/plan/annotations.ts';
import { readPlan } from '../src/plan/index.ts';
import { pdfParagraphs } from '../src/plan/extract-converted.ts';
import { findDeadline, findTargets } from '../src/plan/targets.ts';
import { ROOT, SEEDS, python, soffice, taizhang, tempDir } from './helpers.ts';

const roles = (plan: Plan, clauseId: string) =>
  plan.tasks.flatMap((t) => t.clauses).find((c) => c.id === clauseId)!.assignments.map((a) => `${a.role}${a.unit}`);

describe('responsibility written the ways offices write it', () => {
  let plan: Plan;
  beforeAll(async () => {
    plan = await readPlan(join(ROOT, 'test', 'fixtures', 'forms-plan.txt'));
  });

  it('joins a title split over two lines and takes the issuer from the signature', () => {
    expect(plan.title).toBe('某区2026年营商环境提升工作方案');
    expect(plan.issuer).toBe('某区人民政府办公室');
    expect(plan.year).toBe(2026);
  });

  it('reads tasks at every level of the outline, numbering running across chapters', () => {
    expect(plan.tasks.map((t) => t.id)).toEqual(['2.3', '2.4', '2.5', '2.6', '3.7.1.1', '3.7.1.2', '3.7.2', '3.8.1', '3.8.2', '3.9', '4.2']);
  });

  it('reads X牵头，Y、Z等参与 with a shared 区 prefix restored, and adds 以下均需…不再列出 to every later task', () => {
    expect(roles(plan, '2.3')).toEqual(['牵头区行政审批局', '配合区市场监督管理局', '配合区税务局', '配合相关镇街']);
    expect(roles(plan, '4.2')).toEqual(['负责区委督查室', '负责区政府督查室', '配合相关镇街']);
    expect(plan.warnings.find((w) => w.code === 'inherited-units')?.message).toBe('第14行写明“以下均需相关镇街配合，不再列出”，已将相关镇街加入其后各项任务。');
  });

  it('closes a clause at each annotation inside a paragraph, and keeps joint leads (X、Y牵头)', () => {
    expect(roles(plan, '2.4-1')).toEqual(['负责区税务局', '配合相关镇街']);
    expect(roles(plan, '2.4-2')).toEqual(['牵头区税务局', '牵头区财政局', '配合区行政审批局', '配合相关镇街']);
  });

  it('reads a labelled annotation and leaves other labels (适用范围) out of the units', () => {
    expect(roles(plan, '2.5')).toEqual(['负责区司法局', '负责区市场监督管理局', '配合相关镇街']);
  });

  it('keeps an alias in brackets, splits off a catch-all, and reads the deadline inside the annotation', () => {
    expect(roles(plan, '2.6')).toEqual(['牵头区综合执法局（区安监局）', '配合区直各有关部门', '配合相关镇街']);
    expect(plan.tasks.find((t) => t.id === '2.6')!.clauses[0]!.deadline).toEqual({ words: '2026年6月底前', meaning: { kind: 'date', date: '2026-06-30' } });
    expect(plan.units.find((u) => u.name === '区直各有关部门')?.kind).toBe('catchall');
  });

  it('makes each paragraph closed by its own annotation a task under a bare heading', () => {
    const tasks = plan.tasks.filter((t) => t.id.startsWith('3.7.1.'));
    expect(tasks.map((t) => t.lead)).toEqual(['推行“一件事一次办”，年底前实现20个事项集成办理', '推进“免证办”，减少群众提交材料']);
    expect(roles(plan, '3.7.1.2')).toEqual(['牵头区数据局', '配合区公安局', '配合等有关部门', '配合相关镇街']);
  });

  it('reads 牵头单位/配合单位/完成时限 lines under a heading, 各镇、街道 as one group', () => {
    expect(roles(plan, '3.7.2')).toEqual(['牵头区行政审批局', '配合各镇、街道', '配合相关镇街']);
    expect(plan.tasks.find((t) => t.id === '3.7.2')!.clauses[0]!.deadline?.meaning).toEqual({ kind: 'date', date: '2026-09-30' });
  });

  it('applies a section-level （责任单位：…） paragraph to the unassigned items above it, and says so', () => {
    expect(roles(plan, '3.8.1')).toEqual(['负责区自然资源局', '负责区发展和改革局', '负责区供电公司', '配合相关镇街']);
    expect(roles(plan, '3.8.2')).toEqual(roles(plan, '3.8.1'));
    expect(plan.warnings.find((w) => w.code === 'section-annotation')?.line).toBe(30);
  });

  it('reads 由X牵头 in prose when a task has no annotation, and reports it for checking', () => {
    expect(roles(plan, '3.9')).toEqual(['牵头区人力资源和社会保障局', '配合相关镇街']);
    expect(plan.warnings.find((w) => w.code === 'units-from-prose')?.message).toContain('已按正文“由区人力资源和社会保障局牵头”识别为区人力资源和社会保障局');
  });

  it('lists the principles, goals and unassigned safeguards it skips, and a closing paragraph, with their lines', () => {
    expect(plan.warnings.find((w) => w.code === 'not-tasks')?.message).toBe(
      '以下3项属于指导思想、目标、保障措施等内容且未指定责任单位，未列为任务：第11行“（一）指导思想”、第12行“（二）工作目标”、第33行“（一）加强组织领导”。如需跟踪，请在任务分解表中补充。',
    );
    expect(plan.warnings.filter((w) => w.code === 'paragraph-not-task').map((w) => w.line)).toEqual([35]);
  });
});

describe('unit lists and annotation grammar', () => {
  it.each([
    ['区经济发展局牵头，区财政金融局、环境与国土资源局等参与', ['牵头区经济发展局', '配合区财政金融局', '配合区环境与国土资源局']],
    ['区直各有关部门按职责分工负责，2018年3月底前完成', ['负责区直各有关部门']],
    ['市发展和改革局会同市工业和信息化局负责', ['牵头市发展和改革局', '配合市工业和信息化局']],
    ['驻局纪检组、办公室牵头落实', ['牵头驻局纪检组', '牵头办公室']],
    ['牵头单位：区宣传部，配合单位：区相关部门', ['牵头区宣传部', '配合区相关部门']],
    ['责任单位：省体育局（牵头）、省财政厅', ['牵头省体育局', '配合省财政厅']],
  ])('（%s）', (body, expected) => {
    expect(parseAnnotationBody(body)!.assignments.map((a) => `${a.role}${a.unit}`)).toEqual(expected);
  });

  it('splits lists at 和/及 only between whole names, and keeps groups and open tails apart', () => {
    expect(splitUnits('科技部、财政部和相关科技项目管理部门')).toEqual(['科技部', '财政部', '相关科技项目管理部门']);
    expect(splitUnits('人力资源和社会保障局、工业和信息化局')).toEqual(['人力资源和社会保障局', '工业和信息化局']);
    expect(splitUnits('发展改革委、商务部等有关部门和单位')).toEqual(['发展改革委', '商务部', '等有关部门和单位']);
    expect(splitUnits('各区、县级市，市教育局')).toEqual(['各区、县级市', '市教育局']);
    expect(splitUnits('各县、区人民政府(管委会)')).toEqual(['各县、区人民政府(管委会)']);
    expect(splitUnits('甲局\n乙中心')).toEqual(['甲局', '乙中心']);
  });

  it('does not read a bracket that only explains as units', () => {
    expect(parseAnnotationBody('含地下水')).toBeNull();
    expect(parseAnnotationBody('由有关部门组成')).toBeNull();
  });
});

/** A 任务分工表 in Word, written by python-docx: merged 序号 cells over sub-rows, units one per line, `/` for empty. */
const WORD_TABLE = String.raw`
import sys
from docx import Document
doc = Document()
doc.add_paragraph('某市2026年物业服务提升实施方案任务分工表')
rows = [
  ('序号', '工作事项', '主要内容', '牵头单位', '配合单位', '市住建局内牵头处室', '完成时限'),
  ('1', '规范物业服务。', '制定物业服务标准，年底前覆盖100%住宅小区。', '市住房城乡建设局', '市市场监管局\n各区政府', '物业处', '2026年12月底前'),
  ('1', '规范物业服务。', '开展物业服务质量评价。', '各区政府、市住房城乡建设局', '/', '物业处', '每季度'),
  ('2', '加强维修资金管理。', '完善维修资金使用流程。', '市住房城乡建设局', '市财政局，市审计局', '资金处', '2026年6月底前'),
]
table = doc.add_table(rows=len(rows), cols=len(rows[0]))
for r, row in enumerate(rows):
  for c, text in enumerate(row):
    cell = table.cell(r, c)
    lines = text.split('\n')
    cell.text = lines[0]
    for extra in lines[1:]:
      cell.add_paragraph(extra)
for c in (0, 1):
  table.cell(1, c).merge(table.cell(2, c))
  table.cell(1, c).text = rows[1][c]
doc.add_paragraph('注：牵头单位列第一位者为牵头单位，下同。')
doc.save(sys.argv[1])
`;

/** The same kind of table in Excel, written by openpyxl: a title row, section rows merged across, units on lines. */
const EXCEL_TABLE = String.raw`
import sys
from openpyxl import Workbook
from openpyxl.styles import Alignment
wb = Workbook()
ws = wb.active
ws.title = '任务分工'
ws.append(['某区2026年生态环境保护工作要点分工表'])
ws.merge_cells('A1:E1')
ws.append(['序号', '主要工作任务', '具体工作措施', '完成时限', '主要责任单位'])
ws.append(['一、大气污染防治'])
ws.merge_cells('A3:E3')
ws.append([1, '治理工业废气', '1、完成10家企业深度治理', '6月', '区环保局\n区工信局\n相关镇人民政府'])
ws.append([1, '治理工业废气', '2、开展挥发性有机物排查', '全年', '区环保局'])
ws.merge_cells('A4:A5')
ws.merge_cells('B4:B5')
ws.append(['二、水污染防治'])
ws.merge_cells('A6:E6')
ws.append([2, '保护饮用水源', '3、整治水源保护区违法建筑', '12月', '相关镇人民政府、区水利局'])
ws.append(['注：主要责任单位第一个为牵头单位，其余为主要配合单位。'])
ws.merge_cells('A8:E8')
for row in ws.iter_rows():
  for cell in row:
    cell.alignment = Alignment(wrap_text=True)
wb.save(sys.argv[1])
`;

describe('task tables in real Word and Excel files', () => {
  const dir = tempDir('taizhang-tables-');

  it('reads a Word 任务分工表: sub-rows of one 序号 as clauses, units per line, / as empty, internal divisions left out', async () => {
    const file = join(dir, '分工表.docx');
    python(WORD_TABLE, file);
    const plan = await readPlan(file);
    expect(plan.tasks.map((t) => [t.id, t.lead, t.clauses.length])).toEqual([
      ['1', '规范物业服务。', 2],
      ['2', '加强维修资金管理。', 1],
    ]);
    expect(roles(plan, '1-1')).toEqual(['牵头市住房城乡建设局', '配合市市场监管局', '配合各区政府']);
    expect(roles(plan, '1-2')).toEqual(['牵头各区政府', '牵头市住房城乡建设局']);
    expect(roles(plan, '2')).toEqual(['牵头市住房城乡建设局', '配合市财政局', '配合市审计局']);
    expect(plan.units.map((u) => u.name)).not.toContain('物业处');
    expect(plan.tasks[0]!.clauses[0]!.deadline?.meaning).toEqual({ kind: 'date', date: '2026-12-31' });
    expect(plan.tasks[0]!.clauses[1]!.deadline?.meaning).toEqual({ kind: 'recurring', every: 'quarter' });
    expect(plan.tasks[0]!.clauses[0]!.targets[0]).toMatchObject({ value: 100, unit: '%' });
  });

  it('reads an Excel 任务分工表 through the CLI: numbered measures as tasks under their rows, section rows, catch-alls', () => {
    const file = join(dir, '分工表.xlsx');
    python(EXCEL_TABLE, file);
    const out = join(dir, 'plan.json');
    const r = taizhang(['plan', 'parse', file, '-o', out]);
    expect(r.code).toBe(0);
    const plan = JSON.parse(readFileSync(out, 'utf8')) as Plan;
    expect(plan.source.format).toBe('xlsx');
    expect(plan.title).toBe('某区2026年生态环境保护工作要点分工表');
    expect(plan.chapters.map((c) => c.title)).toEqual(['大气污染防治', '水污染防治']);
    expect(plan.tasks.map((t) => [t.id, t.chapterId, t.lead])).toEqual([
      ['1', '1', '完成10家企业深度治理'],
      ['2', '1', '开展挥发性有机物排查'],
      ['3', '2', '整治水源保护区违法建筑'],
    ]);
    expect(roles(plan, '1')).toEqual(['牵头区环保局', '配合区工信局', '配合相关镇人民政府']);
    // The position rule makes the first unit lead, a catch-all included.
    expect(roles(plan, '3')).toEqual(['牵头相关镇人民政府', '配合区水利局']);
    expect(plan.units.find((u) => u.name === '相关镇人民政府')?.kind).toBe('catchall');
  });

  it('reads a task table flattened to one cell per line in text', async () => {
    const file = join(dir, 'flat.txt');
    python(
      String.raw`
import sys
lines = ['附件', '任务分工表', '序号', '工作任务', '主要内容', '牵头单位', '配合单位',
         '1', '推进数字政府建设。', '建成一体化政务平台。', '市政务服务数据管理局', '市财政局、市发展改革委',
         '2', '优化审批服务。', '压减审批时限。', '市政务服务数据管理局', '/']
open(sys.argv[1], 'w', encoding='utf-8').write('\n'.join(lines) + '\n')
`,
      file,
    );
    const plan = await readPlan(file);
    expect(plan.tasks.map((t) => t.lead)).toEqual(['推进数字政府建设。', '优化审批服务。']);
    expect(roles(plan, '1')).toEqual(['牵头市政务服务数据管理局', '配合市财政局', '配合市发展改革委']);
    expect(roles(plan, '2')).toEqual(['牵头市政务服务数据管理局']);
  });
});

describe('PDF and old Word plans', () => {
  const dir = tempDir('taizhang-pdf-');

  it('reads the seed plan from a PDF and a .doc made by LibreOffice exactly as from the .docx', async () => {
    const source = join(SEEDS, 'jinan-2025-work-plan.docx');
    const [pdf] = soffice([source], 'pdf', dir);
    const [doc] = soffice([source], 'doc', dir);
    const want = await readPlan(source);
    const shape = (p: Plan) => p.tasks.map((t) => [t.id, t.lead, t.clauses.map((c) => [c.text, c.assignments, c.targets, c.deadline])]);
    for (const file of [pdf!, doc!]) {
      const got = await readPlan(file);
      expect(shape(got)).toEqual(shape(want));
      expect(got.warnings).toEqual(want.warnings.map((w) => ({ ...w, line: w.line === null ? null : expect.any(Number) })));
    }
  });

  it('drops page numbers and running headers, and joins lines wrapped by the page', () => {
    const text = ['某局文件', '一、重点任务', '1.推进治理。完成10家', '企业整治。(责任单位:', '大气处)', '— 1 —', '\f某局文件', '2.强化监管。', '— 2 —', '\f某局文件', '— 3 —'].join('\n');
    expect(pdfParagraphs(text)).toEqual(['一、重点任务', '1.推进治理。完成10家企业整治。(责任单位:大气处)', '2.强化监管。']);
  });

  it('tells a scanned PDF from a text PDF', () => {
    const file = join(dir, 'scan.pdf');
    python(
      String.raw`
import sys
open(sys.argv[1], 'wb').write(b'%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj 3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n')
`,
      file,
    );
    const r = taizhang(['plan', 'parse', file, '-o', join(dir, 'x.json')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('错误：PDF 文件“scan.pdf”中没有可提取的文字，可能是扫描件。');
    expect(r.stderr).toContain('处理办法：扫描件需先做文字识别（OCR）');
  });
});

describe('targets: what the task commits to, not what it describes', () => {
  const read = (text: string) => findTargets(text).map((t) => `${t.value}${t.upper !== undefined ? `-${t.upper}` : ''}${t.unit}`);
  it.each([
    ['全年新增城市绿地12.5万平方米', ['12.5万平方米']],
    ['年内接待研学团队3.2万人次，实现营业收入1.8亿元', ['3.2万人次', '1.8亿元']],
    ['门诊起付线由800元降至400元', ['400元']],
    ['将慢病用药目录扩大至35种', ['35种']],
    ['力争培训不少于1200名社区网格员', ['1200名']],
    ['发起设立规模20-30亿元的产业引导基金', ['20-30亿元']],
    ['每年提高2～4个百分点', ['2-4个百分点']],
  ])('%s', (text, expected) => {
    expect(read(text)).toEqual(expected);
  });
  it.each([
    ['对86家重点排污单位开展执法监测', 'the object of the work (对…)'],
    ['由12家配送企业统一配送', 'who does it (由…)'],
    ['推动2家省级试点园区做好创新工作', 'the pilots it supports'],
    ['确保已建成的8万吨供水工程发挥效益', 'what already exists (已建成的…)'],
    ['处方用量最长延长至2个月', 'a duration'],
    ['覆盖率=签约人数/常住人口数*100%', 'a formula'],
    ['生态保护方面6项：', "a count of the document's own items"],
    ['北京、上海等9个试点地区', 'the count of a list just given'],
    ['按照本方案提出的15个重点问题开展自查', "the document's own list"],
    ['签约服务由1-3种服务包组成', 'what a service consists of, without a commitment verb'],
  ])('%s is not a target: %s', (text) => {
    expect(read(text)).toEqual([]);
  });
});

describe('deadlines: the latest one the text sets, relative forms counted from the plan', () => {
  const dates: { year: number | null; issued: string | null } = { year: 2024, issued: "2024-03-15" };
  const read = (text: string, d = dates) => findDeadline(text, d);
  it.each([
    ['2024年5月10日前完成阶段性工作，2024年9月20日前全面完成', '2024-09-20'],
    ['2024年6月底前取得阶段性成果，2024年7月至2025年6月巩固提升', '2025-06-30'],
    ['到2027年，覆盖率达到90%', '2027-12-31'],
    ['力争2026年实现全覆盖', '2026-12-31'],
    ['各区于本方案印发后2个月内制定细则', '2024-05-15'],
    ['本意见印发之日起30日内报送名单', '2024-04-14'],
    ['印发一个月内报送工作计划', '2024-04-15'],
    ['三年内完成改造', '2027-03-15'],
    ['“十五五”期间新增绿地200亩', '2030-12-31'],
    ['力争第三季度开工建设', '2024-09-30'],
    ['争取5月完成招标', '2024-05-31'],
    ['分别于6月10日、12月5日前报送', '2024-12-05'],
    ['（二）推进阶段（2024年4-9月）', '2024-09-30'],
    ['（三）总结阶段（2024年11月）', '2024-11-30'],
    ['全年完成造林1.2万亩', '2024-12-31'],
    ['上半年印发实施，下半年全面推开', '2024-12-31'],
    ['自即日起至2024年10月结束', '2024-10-31'],
    ['完成时限：2024年 8 月 15 日前', '2024-08-15'],
  ])('%s → %s', (text, date) => {
    expect(read(text)?.meaning).toEqual({ kind: 'date', date });
  });
  it.each([
    ['自2024年下半年起每季度公开水质信息', { kind: 'recurring', every: 'quarter' }],
    ['自5月份开始每月调度进展', { kind: 'recurring', every: 'month' }],
    ['2024年10月底前取得阶段性成果，并长期坚持', { kind: 'ongoing' }],
    ['常态化开展排查，2024年底前完成整治，并长期坚持', { kind: 'ongoing' }],
    ['定期向社会公布', { kind: 'ongoing' }],
    ['常态化开展巡查', { kind: 'ongoing' }],
  ])('%s', (text, meaning) => {
    expect(read(text)?.meaning).toEqual(meaning);
  });
  it.each([
    ['全面梳理2023年1月1日至2024年2月29日期间挂网的项目', 'a period that says which projects'],
    ['国务院已于2022年印发通知予以推广', 'a past event'],
    ['2023年，全区完成减排任务', 'a past year'],
    ['提供长期处方服务', 'a kind of prescription'],
    ['前三季度、全年工作情况', 'reporting periods'],
    ['科学编制中长期（2024-2035年）发展规划', "a plan's title"],
  ])('%s has no deadline: %s', (text) => {
    expect(read(text)).toBeNull();
  });
  it('keeps a relative deadline as written when the plan has no date', () => {
    expect(read('印发后3个月内出台方案', { year: 2024, issued: null })?.meaning).toEqual({ kind: 'within', amount: 3, unit: 'month' });
  });
  it('reads the signature date of a plan as its issue date', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tz-issued-'));
    const file = join(dir, 'plan.txt');
    writeFileSync(file, '某区2024年工作方案\n某区人民政府办公室\n2024年3月15日\n一、重点任务\n1.各街道于本方案印发后2个月内制定细则。（责任单位：区发展改革局）\n');
    const plan = await readPlan(file);
    expect(plan.issued).toBe('2024-03-15');
    expect(plan.tasks[0]!.clauses[0]!.deadline).toEqual({ words: '印发后2个月内', meaning: { kind: 'date', date: '2024-05-15' } });
  });
});

// Issue 30: forms of a second set of real plans. A lead exists only where the text marks one.
describe('leads only where marked, catch-alls, shared suffixes, 和, doubled brackets', () => {
  const read = (body: string) => parseAnnotationBody(body)!;
  const rolesOf = (body: string) => read(body).assignments.map((a) => `${a.role}${a.unit}`);

  it('makes no unit lead by its place in a list: （A、B、C按职责分工负责）, （A、B和各地方人民政府负责）', () => {
    expect(rolesOf('市商务局、市发展改革委、市财政局按职责分工负责')).toEqual(['负责市商务局', '负责市发展改革委', '负责市财政局']);
    expect(rolesOf('商务局、发展改革委和各地方人民政府负责')).toEqual(['负责商务局', '负责发展改革委', '负责各地方人民政府']);
  });

  it('makes the first lead under a stated position rule, and only there', () => {
    expect(rolesOf('市公安局、市交通局负责，排在第一位的部门为牵头部门，下同')).toEqual(['牵头市公安局', '配合市交通局']);
    expect(read('市公安局、市交通局负责，排在第一位的部门为牵头部门，下同').positionRule).toBe(true);
    expect(rolesOf('市公安局、市交通局负责')).toEqual(['负责市公安局', '负责市交通局']);
  });

  it('cuts a named unit out of the catch-all it is written into, and says the boundary is a doubt', () => {
    const a = read('商务部牵头，工业和信息化部等国务院相关部门及各地区按职责分工负责');
    expect(a.assignments.map((x) => `${x.role}${x.unit}`)).toEqual(['牵头商务部', '配合工业和信息化部', '配合等国务院相关部门', '配合各地区']);
    expect(a.doubts).toEqual(['catchall-boundary']);
    // The 、 inside a catch-all does not make its parts units, nor leads.
    expect(rolesOf('市商务局牵头，市发展改革委等各产业、招商主管部门按职责分工负责')).toEqual(['牵头市商务局', '配合市发展改革委', '配合等各产业、招商主管部门']);
    // 高等/中等 are words, not an open list.
    expect(splitUnits('市教育局、高等职业学校')).toEqual(['市教育局', '高等职业学校']);
  });

  it('restores a suffix shared along a list of places: 黄埔区、天河区人民政府', () => {
    expect(rolesOf('黄埔区、天河区人民政府负责')).toEqual(['负责黄埔区人民政府', '负责天河区人民政府']);
    expect(rolesOf('黄埔区、天河区、番禺区人民政府负责')).toEqual(['负责黄埔区人民政府', '负责天河区人民政府', '负责番禺区人民政府']);
    // A place followed by a body of another level keeps its own name.
    expect(splitUnits('黄埔区、天河区人民政府')).toEqual(['黄埔区', '天河区人民政府']);
  });

  it('splits at 和 by the words around it, and flags the doubtful', () => {
    const one = read('十五运会和残特奥会广州赛区执委会负责');
    expect(one.assignments.map((x) => x.unit)).toEqual(['十五运会和残特奥会广州赛区执委会']);
    expect(one.doubts).toEqual(['split-at-he']);
    const two = read('市委宣传部和市文明办负责');
    expect(two.assignments.map((x) => x.unit)).toEqual(['市委宣传部', '市文明办']);
    expect(two.doubts).toEqual([]);
    expect(splitUnits('区公安局、各级政府和各有关部门')).toEqual(['区公安局', '各级政府', '各有关部门']);
    expect(splitUnits('人力资源和社会保障局')).toEqual(['人力资源和社会保障局']);
  });

  it('ends a catch-all tail at the next name, keeps 各乡（镇）人民政府 whole, and notes a 其中 division and names left out', () => {
    expect(rolesOf('区传媒中心牵头，区财政金融局、文明委等区直各有关部门、县政府和县委宣传部组织实施')).toEqual([
      '牵头区传媒中心', '配合区财政金融局', '配合区文明委', '配合等区直各有关部门', '配合县政府', '配合县委宣传部',
    ]);
    expect(splitUnits('县政府、各乡（镇）人民政府')).toEqual(['县政府', '各乡（镇）人民政府']);
    const aside = read('区交通局牵头，县交通局配合。其中：“危桥改造工程”由区建设局牵头组织实施');
    expect(aside.assignments.map((x) => `${x.role}${x.unit}`)).toEqual(['牵头区交通局', '配合县交通局']);
    expect(aside.doubts).toEqual(['units-left-out']);
  });

  it('reads X配合Y in prose: Y leads, X cooperates', async () => {
    const { proseClauses } = await import('../src/plan/prose.ts');
    expect(proseClauses('区农村发展局配合规划局对划定的保护区界线进行确认。')[0]!.assignments).toEqual([
      { unit: '规划局', role: '牵头' },
      { unit: '区农村发展局', role: '配合' },
    ]);
    expect(proseClauses('由区规划局牵头，建立联席会议制度。', '由区规划局牵头，建立联席会议制度')[0]!.assignments).toEqual([{ unit: '区规划局', role: '牵头' }]);
  });

  it('reads a doubled bracket as one annotation, the bracket never inside a name', () => {
    expect(rolesOf('（省商务厅牵头，省发展改革委配合）')).toEqual(['牵头省商务厅', '配合省发展改革委']);
    expect(rolesOf('区资源生态局牵头负责;各片区负责配合落实')).toEqual(['牵头区资源生态局', '配合各片区']);
  });
});

describe('scoring tables and two levels of tasks', () => {
  let assessment: Plan;
  let twoLevel: Plan;
  beforeAll(async () => {
    assessment = await readPlan(join(ROOT, 'test', 'fixtures', 'assessment-plan.txt'));
    twoLevel = await readPlan(join(ROOT, 'test', 'fixtures', 'two-level-plan.txt'));
  });

  it('reads every scored item, 牵头考核单位 as lead, the deadline inside the annotation, the points out of the lead', () => {
    expect(assessment.title).toBe('某市2026年度营商环境工作考核细则');
    expect(assessment.tasks.map((t) => t.id)).toEqual(['1.1', '1.2', '2.1', '2.2']);
    expect(assessment.tasks[0]!.lead).toBe('推行企业开办“一网通办”，实现全程网上办理');
    expect(roles(assessment, '1.1')).toEqual(['牵头市政府办公室', '牵头市公安局']);
    expect(roles(assessment, '2.2')).toEqual(['牵头市税务局', '配合市财政局']);
    expect(assessment.tasks[0]!.clauses[0]!.deadline?.meaning).toEqual({ kind: 'date', date: '2026-06-30' });
    expect(assessment.tasks[2]!.clauses[0]!.deadline?.meaning).toEqual({ kind: 'date', date: '2026-12-31' });
  });

  it('reads a 重点任务 with its own annotation and the measures under it, each with theirs; a follow-on paragraph is a further clause', () => {
    expect(twoLevel.tasks.map((t) => t.id)).toEqual(['1.1', '1.1.1', '1.1.2', '1.2', '1.2.1', '1.2.2', '2.1', '2.2']);
    expect(roles(twoLevel, '1.1')).toEqual(['牵头区行政审批局', '配合区市场监督管理局']);
    expect(roles(twoLevel, '1.1.2')).toEqual(['负责区市场监督管理局', '负责区数据局']);
    const t = twoLevel.tasks.find((x) => x.id === '1.2.2')!;
    expect(t.lead).toBe('加强用能保障');
    expect(t.clauses.map((c) => c.assignments.map((a) => `${a.role}${a.unit}`))).toEqual([['负责区供电公司'], ['负责区住房和城乡建设局']]);
    expect(roles(twoLevel, '2.1')).toEqual(['牵头区行政审批局', '配合黄埔区人民政府', '配合天河区人民政府']);
    expect(twoLevel.leadRule).toBe('marked');
  });

  it('carries its doubts on the clause and prints them with their lines in plan parse', () => {
    const c = twoLevel.tasks.find((x) => x.id === '2.2')!.clauses[0]!;
    expect(c.assignments.map((a) => a.unit)).toEqual(['十五运会和残特奥会广州赛区执委会']);
    expect(c.doubts).toEqual(['split-at-he', 'unit-once']);
    expect(twoLevel.tasks.flatMap((t) => t.clauses).filter((x) => x.doubts).map((x) => x.id)).toEqual(['2.2']);
    const out = taizhang(['plan', 'parse', join(ROOT, 'test', 'fixtures', 'two-level-plan.txt'), '-o', join(tempDir(), 'p.json')]);
    expect(out.stdout).toContain('待核对条目 1 条：\n  第15行 条目2.2：单位名称在“和”“及”处的分合待核对；单位名称仅此一处出现且不规范');
  });
});

describe('a section annotation under a descriptive heading, and duties assigned by naming the body', () => {
  let plan: Plan;
  beforeAll(async () => {
    plan = await readPlan(join(ROOT, 'test', 'fixtures', 'duties-plan.txt'));
  });

  it('reads the items of 整治内容 as tasks when the last one’s annotation covers the section, marked as far from them', () => {
    expect(plan.tasks.filter((t) => t.chapterId === '1').map((t) => t.id)).toEqual(['1.1.1', '1.1.2', '1.1.3']);
    expect(roles(plan, '1.1.1')).toEqual(['牵头区文旅局', '牵头旅游中心', '配合各相关单位']);
    expect(plan.tasks.find((t) => t.id === '1.1.1')!.clauses[0]!.doubts).toEqual(['annotation-far']);
    expect(plan.tasks.find((t) => t.id === '1.1.3')!.clauses[0]!.doubts).toBeUndefined();
  });

  it('under 职责分工, takes the body an item names first, or the heading above it, as responsible (no lead)', () => {
    expect(roles(plan, '2.1')).toEqual(['负责区执法应急局']);
    expect(plan.tasks.find((t) => t.id === '2.1')!.clauses[0]!.doubts).toEqual(['from-prose']);
    expect(roles(plan, '2.2.1')).toEqual(['负责区公安局', '负责区交通局']);
    expect(roles(plan, '2.2.2')).toEqual(['负责区气象局']);
    expect(roles(plan, '2.3.1')).toEqual(['负责学校']);
    expect(roles(plan, '2.3.2')).toEqual(['负责学校']);
  });
});
