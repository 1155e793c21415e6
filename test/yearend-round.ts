// A year-end round of the Jinan plan built for the documents tests, through the CLI as a coordinator runs it:
// 22 of 23 units report with concrete text (one of them late), one is silent (环境安全应急管理处, which leads the
// 切实保障环境安全 tasks), one target is missed (6.3: 660 villages, 612 done), a cooperating unit reports figures on
// a task whose lead is silent (9.2), and every cooperating row says the same filler.
import { mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { withFirstListedLeads } from '../src/plan/review.ts';
import { jinanPlan, fillWorkbook, taizhang, tempDir, SEEDS } from './helpers.ts';
import { assignUnits } from '../src/sheets/assign.ts';
import { taskObject } from '../src/report/context.ts';
import type { Metrics } from '../src/model/metrics.ts';

/** The seed report's five themes over the plan's fourteen chapters. */
export const SEED_THEMES = '全面从严治党纵深推进=十四；污染防治攻坚扎实深入=四,五,六,七；黄河流域生态保护安全屏障更加牢固=二,八,九,十一；绿色低碳高质量发展精准有力=一,三,十；治理能力现代化水平持续提升=十二,十三';
export const SILENT = '环境安全应急管理处';
export const LATE = '政策法规处';
export const FILLER_PROGRESS = '继续做好配合工作。';
/** The sentence some units paste under every task. */
export const BOILERPLATE = '建立工作台账，逐项对账销号，全年推进重点事项12项。';
export const COOPERATING_FIGURES = '配合开展重点河流沿线环境风险排查，排查企业126家，督促整改隐患37处';

/** What each lead reports on its clause: [status, value, progress, problems, next]. */
export const LEAD_TEXT: Record<string, [string, number | null, string, string, string]> = {
  '1.1': ['已完成', null, '印发美丽济南建设年度推进计划，建立配套项目清单86个，按季度调度通报。', '无', '制定2026年度推进计划。'],
  '1.2': ['序时推进', null, '完成“十四五”规划终期评估，梳理“十五五”重大工程项目132个，规划编制基本思路形成初稿。', '无', '2026年上半年完成规划文本编制并报批。'],
  '1.4-1': ['已完成', null, '指导2个区县成功创建省级生态文明建设示范区，1个单位获评“两山”实践创新基地。', '无', '继续指导区县开展示范创建。'],
  '3.1': ['已完成', null, '细化第三轮“四减四增”年度目标任务58项，全部按期完成。', '无', '启动下一年度任务分解。'],
  '4.1': ['已完成', null, '完成水泥、焦化行业超低排放改造点位112个，新增环保绩效A级企业5家。', '无', '巩固深度治理成果。'],
  '4.4-1': ['已完成', 5.3, '规模化畜禽养殖场大气氨排放总量较2020年下降5.3%。', '无', '持续推进氨排放控制。'],
  '5.2': ['已完成', null, '完成黄河流域入河排污口溯源217个、整治128个。', '无', '开展整治成效“回头看”。'],
  '6.2': ['已完成', 78, '完成78家重点监管单位周边土壤和地下水监督性监测，40家单位隐患排查“回头看”全部完成。', '无', '督促问题整改。'],
  '6.3': ['滞后', 612, '完成612个行政村环境整治，整治村庄生活污水治理率达到62%。', '部分区县村庄整治资金未及时到位，12个村因村庄规划调整暂缓实施', '督促区县落实配套资金，2026年一季度完成剩余48个村整治任务。'],
  '7.1': ['已完成', null, '完成3家“无废园区”、23个“无废机关”创建。', '无', '推进“无废细胞”建设。'],
  '11.1': ['已完成', null, '督察反馈问题302项完成整改276项，交办信访件8591件完成整改8583件。', '剩余26项督察问题整改周期较长', '按整改方案持续推进，逐项对账销号。'],
  '11.3': ['已完成', 42, '非现场执法检查率达到42%，线上发现问题核实整改率99%。', '无', '扩大非现场监管覆盖面。'],
  '12.4': ['已完成', null, '办理行政复议案件18件、行政诉讼案件31件。', '无', '提升复议应诉质量。'],
  '14.1': ['已完成', null, '组织“第一议题”学习24次、党组理论学习中心组集体学习18次。', '无', '严格落实“第一议题”制度。'],
};

/**
 * A lead's answer on a clause not in LEAD_TEXT: concrete and done, but written as units write, not to one pattern:
 * ten ways of telling the year's work (some naming the task's object, most not), each with figures of its own
 * (k: the clause's number), and for one of them the sentence a few units paste under every task (BOILERPLATE),
 * which the report prints as nobody's achievement.
 */
export function leadAnswer(clauseId: string, task: string) {
  const own = LEAD_TEXT[clauseId];
  if (own) return { status: own[0], value: own[1] ?? undefined, progress: own[2], problems: own[3], next: own[4] };
  const k = Number(clauseId.replace(/\D/g, ''));
  // Which way a unit writes: spread over the plan by the whole clause number, not its last digit (x.2 always alike).
  const way = [...clauseId].reduce((h, ch) => (h * 31 + ch.charCodeAt(0)) % 9973, 7) % 10;
  const obj = taskObject(task);
  const progress = [
    `印发${obj}工作方案，明确年度重点任务${12 + (k % 7)}项，开展专项督导${3 + (k % 4)}次。`,
    `针对群众反映集中的问题，召开推进会${4 + (k % 6)}次，推动解决问题${20 + (k % 13)}个。`,
    `对${100 + (k % 41)}家重点单位开展“双随机、一公开”检查，立案查处违法行为${3 + (k % 11)}起。`,
    BOILERPLATE,
    `制定${obj}配套制度${1 + (k % 5)}项，举办专题培训${2 + (k % 4)}期，覆盖基层人员${150 + (k % 60)}人次。`,
    `完成年度项目${5 + (k % 9)}个，争取上级资金${(1 + (k % 7)) * 800}万元，年度任务通过省厅评估验收。`,
    `建成${obj}信息化管理模块，接入点位${30 + (k % 50)}个，全年预警处置${10 + (k % 20)}次。`,
    `会同${k % 2 ? '各区县' : '市直有关部门'}开展联合检查${6 + (k % 8)}轮，排查隐患${60 + (k % 30)}处，均已整改到位。`,
    `全年受理相关信访、投诉${30 + (k % 40)}件，按期办结率100%。`,
    `编制${obj}年度评估报告，评估结果报市政府并通报各区县。`,
  ][way]!;
  const next = [
    '按计划推进。',
    '巩固工作成效，完善长效机制。',
    `2026年6月底前完成${obj}中期评估。`,
    '无',
    `2026年出台${obj}实施细则。`,
    '持续跟踪问题整改。',
    `推进${obj}管理模块与省级平台数据对接。`,
    '无',
    `将${obj}纳入2026年度重点督办清单。`,
    '继续推进。',
  ][(way + k) % 10]!;
  return { status: '已完成', progress, problems: '无', next };
}

export interface YearEndRound {
  ws: string;
  reportDir: string;
  cli: (...args: string[]) => ReturnType<typeof taizhang>;
}

/** Builds the round, collects it and renders the year-end documents (with the metrics given). */
export async function yearEndRound(metrics: Metrics = {}, themes?: string): Promise<YearEndRound> {
  const ws = tempDir('tz-yearend-');
  const cli = (...args: string[]) => taizhang(args[0] === 'plan' ? args : [...args, '-w', ws]);
  const plan = withFirstListedLeads(await jinanPlan()).plan;
  // The Jinan plan marks no lead; its office follows the usual convention (the unit listed first leads), adopted once.
  let r = cli('plan', 'parse', join(SEEDS, 'jinan-2025-work-plan.txt'), '-o', join(ws, 'plan.json'), '--title', plan.title, '--issuer', plan.issuer, '--first-listed-leads');
  if (r.code !== 0) throw new Error(r.stderr);
  r = cli('sheets', 'generate', join(ws, 'plan.json'), '--round', '2025-年终');
  if (r.code !== 0) throw new Error(r.stderr);
  const out = join(ws, '2025-年终', '下发');
  const inbox = join(ws, 'inbox');
  mkdirSync(inbox);
  for (const a of assignUnits(plan).assignments) {
    if (a.unit === SILENT) continue;
    const rows: Record<string, object> = {};
    for (const row of a.rows) {
      if (row.role === '牵头') rows[row.clause.id] = leadAnswer(row.clause.id, row.task.lead);
      else if (row.clause.id === '9.2' && a.unit === '水生态环境处') rows[row.clause.id] = { status: '已完成', progress: `${COOPERATING_FIGURES}。`, problems: '无', next: FILLER_PROGRESS };
      else rows[row.clause.id] = { status: '已完成', progress: FILLER_PROGRESS, problems: '无', next: FILLER_PROGRESS };
    }
    const file = join(inbox, `${a.unit}.xlsx`);
    fillWorkbook(join(out, `${a.unit}_2025-年终_调度表.xlsx`), file, { reporter: '张明', phone: '0531-86161234', date: '2026-01-08', rows });
    // On time by the file's time, but for the late unit: after the 2026-01-10 deadline.
    const t = new Date(a.unit === LATE ? '2026-01-12T10:00:00+08:00' : '2026-01-08T10:00:00+08:00');
    utimesSync(file, t, t);
  }
  r = cli('collect', inbox, '--round', '2025-年终');
  if (r.code !== 0) throw new Error(r.stdout + r.stderr);
  if (themes) {
    r = cli('config', 'set', '报告主题', themes);
    if (r.code !== 0) throw new Error(r.stderr);
  }
  const metricsFile = join(ws, 'metrics.json');
  writeFileSync(metricsFile, JSON.stringify(metrics));
  r = cli('report', '--round', '2025-年终', '--date', '2026-01-20', '--today', '2026-01-20', '--metrics', metricsFile, '-t', 'annual-summary');
  if (r.code !== 0) throw new Error(r.stdout + r.stderr);
  return { ws, reportDir: join(ws, '2025-年终', '报告'), cli };
}
