// Builds the data object that report templates lay out. All business logic lives here; the templates and their
// helpers only format. Variable names are Chinese because office clerks edit the templates.
import type { Plan } from '../model/plan.ts';
import type { ClauseProgress, RoundProgress } from '../model/progress.ts';
import { STATUS_FILLS } from '../sheets/style.ts';

const CN_ORDINALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二', '十三', '十四', '十五', '十六', '十七', '十八', '十九', '二十'];

export function cnOrdinal(i: number): string {
  return CN_ORDINALS[i] ?? String(i + 1);
}

export function percent(x: number): string {
  return `${(Math.round(x * 1000) / 10).toFixed(1).replace(/\.0$/, '')}%`;
}

/** `2025-10-20` → `2025年10月20日`, as dates are written in official documents. */
export function cnDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

function sentence(s: string): string {
  const t = s.trim().replace(/[；;，,\s]+$/, '');
  return /[。！？]$/.test(t) ? t : `${t}。`;
}

export interface ReportContext {
  机关: string;
  计划: { 标题: string; 编号: string };
  轮次: { 编号: string; 名称: string; 开始: string; 结束: string; 截止: string; 年度: string };
  成文日期: string;
  统计: Record<string, string | number>;
  章节: {
    序号: string;
    标题: string;
    条目数: number;
    已完成: number;
    滞后: number;
    未报送: number;
    完成率: string;
    成效: string[];
    问题: string[];
    打算: string[];
  }[];
  报送: { 按时: string[]; 逾期: string[]; 退回: string[]; 未报: string[] };
  滞后任务: { 编号: string; 任务: string; 单位: string; 状态: string; 差距: string; 序时: string; 颜色: string; 停滞: boolean }[];
  停滞任务: { 编号: string; 任务: string; 单位: string; 进展: string }[];
  目标对比: { 编号: string; 任务: string; 目标: string; 完成值: string; 完成度: string }[];
  指标: { 序号: string; 名称: string; 单位: string; 基期值: string; 目标值: string; 属性: string; 完成值: string }[];
  数据: Record<string, string | number>;
}

/** 序时 status in words; grey means nobody has reported. */
export const SCHEDULE_WORDS = { red: '红', yellow: '黄', green: '绿', grey: '未报' } as const;
/** The same colours as the 汇总表, as the hex a table cell's `fill` takes. */
const SCHEDULE_FILLS = Object.fromEntries(Object.entries(STATUS_FILLS).map(([k, argb]) => [k, argb.slice(2)])) as Record<keyof typeof STATUS_FILLS, string>;

function leadAnswer(c: ClauseProgress) {
  return c.answers.find((a) => a.role === '牵头' && a.reported) ?? c.answers.find((a) => a.reported) ?? null;
}

/** Each task's reported progress in the chapter, as the `一是……二是……` items of a summary. */
function achievements(clauses: ClauseProgress[]): string[] {
  const byTask = new Map<string, { task: string; parts: string[] }>();
  for (const c of clauses) {
    const a = leadAnswer(c);
    if (!a?.progress) continue;
    const entry = byTask.get(c.taskId) ?? { task: c.task, parts: [] };
    const figure = a.valueText && c.target ? `（完成值${a.valueText}${c.targetUnit && !/[%％]$/.test(a.valueText) ? c.targetUnit : ''}，目标：${c.target.split('；')[0]}）` : '';
    const text = sentence(a.progress).replace(/。$/, `${figure}。`);
    if (!entry.parts.includes(text)) entry.parts.push(text);
    byTask.set(c.taskId, entry);
  }
  return [...byTask.values()].map((t, i) => `${cnOrdinal(i)}是${t.task}。${t.parts.join('')}`);
}

function collectTexts(clauses: ClauseProgress[], key: 'problems' | 'nextSteps'): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const c of clauses) {
    for (const a of c.answers) {
      const t = a[key]?.trim();
      if (t && !/^(无|暂无|没有)[。]?$/.test(t) && !seen.has(t)) {
        seen.add(t);
        out.push(sentence(t));
      }
    }
  }
  return out;
}

export function buildContext(progress: RoundProgress, plan: Plan, date: string, metrics: Record<string, number | string> = {}): ReportContext {
  const c = progress.clauses;
  const r = progress.receipts;
  const count = (status: string) => c.filter((x) => x.status === status).length;
  const reported = r.filter((x) => x.state === '已报送' || x.state === '逾期报送').length;
  const done = count('已完成');
  const stats: Record<string, string | number> = {
    应报单位数: r.length,
    已报送单位数: reported,
    按时报送单位数: r.filter((x) => x.state === '已报送').length,
    逾期报送单位数: r.filter((x) => x.state === '逾期报送').length,
    退回单位数: r.filter((x) => x.state === '退回').length,
    未报送单位数: r.filter((x) => x.state === '未报送' || x.state === '逾期').length,
    报送率: percent(r.length ? reported / r.length : 0),
    任务数: new Set(c.map((x) => x.taskId)).size,
    条目数: c.length,
    已完成: done,
    序时推进: count('序时推进'),
    滞后: count('滞后'),
    未启动: count('未启动'),
    未报送条目: count('未报送'),
    完成率: percent(c.length ? done / c.length : 0),
    红色: c.filter((x) => x.schedule === 'red').length,
    黄色: c.filter((x) => x.schedule === 'yellow').length,
    停滞: c.filter((x) => x.stagnant).length,
  };
  const chapters = progress.chapters.map((ch, i) => {
    const own = c.filter((x) => x.chapterId === ch.chapterId);
    const chapter = plan.chapters.find((p) => p.id === ch.chapterId);
    return {
      序号: cnOrdinal(i),
      标题: chapter?.title ?? ch.title,
      条目数: ch.clauses,
      已完成: ch.completed,
      滞后: ch.behind,
      未报送: ch.notReported,
      完成率: percent(ch.completionRate),
      成效: achievements(own),
      问题: collectTexts(own, 'problems'),
      打算: collectTexts(own, 'nextSteps'),
    };
  });
  const unitsOf = (x: ClauseProgress) => x.answers.map((a) => (a.role === '牵头' ? `${a.unit}（牵头）` : a.unit)).join('、');
  const behind = c
    .filter((x) => x.schedule === 'red' || x.schedule === 'yellow' || x.status === '滞后')
    .map((x) => ({
      编号: x.clauseId,
      任务: x.task,
      单位: unitsOf(x),
      状态: x.status,
      差距: x.gap === null ? '—' : `${x.gap}个百分点`,
      序时: SCHEDULE_WORDS[x.schedule],
      颜色: SCHEDULE_FILLS[x.schedule],
      停滞: x.stagnant,
    }));
  const stagnant = c
    .filter((x) => x.stagnant)
    .map((x) => ({ 编号: x.clauseId, 任务: x.task, 单位: x.answers.filter((a) => a.stagnant).map((a) => a.unit).join('、'), 进展: x.answers.find((a) => a.stagnant)?.progress ?? '' }));
  const targets = c
    .filter((x) => x.targetValue !== null)
    .map((x) => {
      const a = leadAnswer(x);
      return {
        编号: x.clauseId,
        任务: x.task,
        目标: x.target,
        完成值: a?.valueText ?? '未报',
        完成度: x.completion === null || !a?.valueText ? '—' : percent(x.completion),
      };
    });
  const data: Record<string, string | number> = { ...Object.fromEntries(Object.entries(stats)), ...metrics };
  for (const x of c) {
    const a = leadAnswer(x);
    if (a?.value !== null && a?.value !== undefined) data[`完成值:${x.clauseId}`] = a.value;
  }
  return {
    机关: plan.issuer || progress.issuer,
    计划: { 标题: plan.title, 编号: plan.id },
    轮次: { 编号: progress.round.id, 名称: progress.round.label, 开始: progress.round.start, 结束: progress.round.end, 截止: cnDate(progress.round.deadline), 年度: progress.round.end.slice(0, 4) },
    成文日期: cnDate(date),
    统计: stats,
    章节: chapters,
    报送: {
      按时: r.filter((x) => x.state === '已报送').map((x) => x.unit),
      逾期: r.filter((x) => x.state === '逾期报送').map((x) => x.unit),
      退回: r.filter((x) => x.state === '退回').map((x) => x.unit),
      未报: r.filter((x) => x.state === '未报送' || x.state === '逾期').map((x) => x.unit),
    },
    滞后任务: behind,
    停滞任务: stagnant,
    目标对比: targets,
    指标: plan.indicators.map((ind) => ({
      序号: ind.id,
      名称: ind.name,
      单位: ind.unit,
      基期值: ind.baseline || '—',
      目标值: ind.target || '—',
      属性: ind.attribute,
      完成值: metrics[ind.name] !== undefined ? String(metrics[ind.name]) : '—',
    })),
    数据: data,
  };
}

/** The variables templates can use, for `report --list-variables`. */
export const VARIABLES: [string, string][] = [
  ['机关', '发文机关（工作要点的发文单位）'],
  ['计划.标题 / 计划.编号', '工作要点标题、编号'],
  ['轮次.名称 / 轮次.编号 / 轮次.截止 / 轮次.年度', '如“2025年第三季度”、“2025-Q3”、“2025年10月10日”、“2025”'],
  ['成文日期', '如“2025年10月20日”（--date 指定）'],
  ['统计.应报单位数 / 已报送单位数 / 按时报送单位数 / 逾期报送单位数 / 退回单位数 / 未报送单位数 / 报送率', '报送情况'],
  ['统计.任务数 / 条目数 / 已完成 / 序时推进 / 滞后 / 未启动 / 未报送条目 / 完成率 / 红色 / 黄色 / 停滞', '任务完成情况'],
  ['章节（列表）', '每章：序号（一、二…）、标题、条目数、已完成、滞后、未报送、完成率、成效（“一是……”列表）、问题、打算'],
  ['报送.按时 / 报送.逾期 / 报送.退回 / 报送.未报', '单位名单（列表）'],
  ['滞后任务（列表）', '编号、任务、单位、状态、差距、序时（红/黄）、颜色、停滞'],
  ['停滞任务（列表）', '编号、任务、单位、进展（与上一轮相同的进展情况）'],
  ['目标对比（列表）', '编号、任务、目标、完成值、完成度'],
  ['指标（列表）', '序号、名称、单位、基期值、目标值、属性、完成值'],
  ['{{数值 "名称"}}', '取数：统计项、“完成值:条目编号”或 --metrics 文件中的数值；无数据时显示【待填：名称】并给出提示'],
  ['{{顿号 列表}}', '用顿号连接名单'],
  ['{{#each 列表}}…{{/each}}、{{#if 条件}}…{{/if}}', 'Handlebars 的循环和条件'],
];
