// Builds the data object that report templates lay out. All business logic lives here; the templates and their
// helpers only format. Variable names are Chinese because office clerks edit the templates.
import { displayTitle, type Plan } from '../model/plan.ts';
import type { ClauseProgress, RoundProgress } from '../model/progress.ts';
import { roundKind, type Round, type RoundKind } from '../model/round.ts';
import { DEFAULT_RECIPIENTS, type Settings } from '../model/settings.ts';
import { STATUS_FILLS } from '../sheets/style.ts';
import { cnDate } from '../util/time.ts';
import { isReported } from '../consolidate/index.ts';

const CN_ORDINALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二', '十三', '十四', '十五', '十六', '十七', '十八', '十九', '二十'];

export function cnOrdinal(i: number): string {
  return CN_ORDINALS[i] ?? String(i + 1);
}

export function percent(x: number): string {
  return `${(Math.round(x * 1000) / 10).toFixed(1).replace(/\.0$/, '')}%`;
}

function sentence(s: string): string {
  const t = s.trim().replace(/[；;，,\s]+$/, '');
  return /[。！？]$/.test(t) ? t : `${t}。`;
}

export interface ReportContext {
  机关: string;
  主送: string;
  联系人: string;
  文号: string;
  计划: { 标题: string; 编号: string };
  轮次: { 编号: string; 名称: string; 开始: string; 结束: string; 截止: string; 年度: string; 年终: boolean; 截至: string; 期间: string; 文种: string };
  成文日期: string;
  /** Sentences decided by rules over the data (see FINDING_RULES); templates print them as they are. */
  结论: { 总体: string; 报送: string; 无责任单位: string; 暂无进展: string; 问题: string; 滞后: string; 有报送: boolean };
  统计: Record<string, string | number>;
  章节: {
    序号: string;
    标题: string;
    成效序号: string;
    打算序号: string;
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

/** The answer the clause's status and figures rest on (see `clauseStatus`); a cooperating unit never speaks for the lead. */
function sourceAnswer(c: ClauseProgress) {
  return c.answers.find((a) => a.unit === c.source) ?? null;
}

/** Each task's reported progress in the chapter, as the `一是……二是……` items of a summary. */
function achievements(clauses: ClauseProgress[]): string[] {
  const byTask = new Map<string, { task: string; parts: string[] }>();
  for (const c of clauses) {
    const a = sourceAnswer(c);
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

/**
 * The thresholds behind every judgement a report makes in words, in one place. `总体按计划推进` is said only when
 * at least `reportedShare` of the units that lead a clause reported, and at least `onScheduleShare` of the
 * reported clauses are done or on schedule (green).
 */
export const MISSING_ISSUER = '【待填：发文机关】';

export const FINDING_RULES = { reportedShare: 0.8, onScheduleShare: 0.8 } as const;

const CN_MONTHS = ['', '1月', '2月', '3月', '4月', '5月', '6月', '7月', '8月', '9月', '10月', '11月', '12月'];

/** The period a round reports on, as documents name it: `截至9月底`, `前三季度`, `1—8月`, `全年`. */
export function periodWords(round: Pick<Round, 'start' | 'end'>): { kind: RoundKind; asOf: string; span: string } {
  const kind = roundKind(round);
  const month = Number(round.end.slice(5, 7));
  const asOf = `截至${month}月底`;
  if (month === 12) return { kind, asOf: kind === 'year' ? '全年' : asOf, span: '全年' };
  if (kind === 'quarter' || (kind === 'half' && month === 6)) {
    const span = { 3: '一季度', 6: '上半年', 9: '前三季度' }[month as 3 | 6 | 9];
    if (span) return { kind, asOf, span };
  }
  return { kind, asOf, span: month === 1 ? '1月' : `1—${CN_MONTHS[month]}` };
}

/** `3个条目自报进度滞后；对照序时进度，红色预警1个、黄色预警2个。` or '' when there is nothing behind. */
function lagSentence(selfBehind: number, red: number, yellow: number): string {
  const parts: string[] = [];
  if (selfBehind) parts.push(`${selfBehind}个条目自报进度滞后`);
  const colours = [red ? `红色预警${red}个` : '', yellow ? `黄色预警${yellow}个` : ''].filter(Boolean).join('、');
  if (colours) parts.push(`对照序时进度，${colours}`);
  return parts.length ? `${parts.join('；')}，` : '';
}

export function buildContext(progress: RoundProgress, plan: Plan, date: string, metrics: Record<string, number | string> = {}, settings: Settings = {}): ReportContext {
  // Clauses no unit answers for are counted apart: they can be neither done nor behind.
  const unassigned = progress.clauses.filter((x) => x.answers.length === 0);
  const c = progress.clauses.filter((x) => x.answers.length > 0);
  const r = progress.receipts;
  const count = (status: string) => c.filter((x) => x.status === status).length;
  const reported = r.filter(isReported).length;
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
    无责任单位条目: unassigned.length,
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
      成效序号: '',
      打算序号: '',
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
  // The 成效 and 下一步 lists number only the chapters that have something to say, continuously.
  chapters.filter((ch) => ch.成效.length).forEach((ch, i) => (ch.成效序号 = cnOrdinal(i)));
  chapters.filter((ch) => ch.打算.length).forEach((ch, i) => (ch.打算序号 = cnOrdinal(i)));
  const unitsOf = (x: ClauseProgress) => x.answers.map((a) => (a.role === '牵头' ? `${a.unit}（牵头）` : a.unit)).join('、');
  const behind = c
    .filter((x) => x.schedule === 'red' || x.schedule === 'yellow' || x.status === '滞后')
    .map((x) => ({
      编号: x.clauseId,
      任务: x.task,
      单位: unitsOf(x),
      状态: x.status,
      // Only a positive lag is a lag; a unit that calls itself 滞后 while ahead of the figures says so itself.
      差距: x.gap !== null && x.gap > 0 ? `${x.gap}个百分点` : '自报滞后',
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
      const a = sourceAnswer(x);
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
    const a = sourceAnswer(x);
    if (a?.value !== null && a?.value !== undefined) data[`完成值:${x.clauseId}`] = a.value;
  }
  const period = periodWords(progress.round);
  const accepted = reported > 0;
  // The units a clause rests on: its leads, or every unit responsible for it where the plan marks no lead.
  const restsOn = (x: ClauseProgress) => {
    const leadAnswers = x.answers.filter((a) => a.role === '牵头');
    return leadAnswers.length ? leadAnswers : x.answers.filter((a) => a.role === '负责');
  };
  const leads = new Set(c.flatMap((x) => restsOn(x).map((a) => a.unit)));
  const leadWord = c.some((x) => restsOn(x).some((a) => a.role === '负责')) ? '牵头或负责单位' : '牵头单位';
  const leadsReported = r.filter((x) => leads.has(x.unit) && isReported(x)).length;
  const reportedClauses = c.filter((x) => x.status !== '未报送');
  const onSchedule = reportedClauses.filter((x) => x.status === '已完成' || x.schedule === 'green').length;
  const behindCount = c.filter((x) => x.schedule === 'red' || x.schedule === 'yellow').length;
  const leadShare = leads.size ? leadsReported / leads.size : 0;
  const scheduleShare = reportedClauses.length ? onSchedule / reportedClauses.length : 0;
  const overall = !accepted
    ? '本轮尚未收到任何单位报送的调度表，以下各项均无报送数据，不能据此判断任务进展。'
    : leadShare < FINDING_RULES.reportedShare
      ? `${leadWord}报送不全（应报${leads.size}家，已报送${leadsReported}家），暂不能对总体进度作出判断。`
      : scheduleShare >= FINDING_RULES.onScheduleShare
        ? `已报送的${reportedClauses.length}个条目中，已完成或按序时推进的${onSchedule}个，总体按计划推进。`
        : `已报送的${reportedClauses.length}个条目中，已完成或按序时推进的${onSchedule}个，${behindCount}个条目落后序时进度，总体进度需加快。`;
  const emptyChapters = chapters.filter((ch) => ch.条目数 > 0 && ch.成效.length === 0).map((ch) => `“${ch.标题}”`);
  const anyProblems = chapters.some((ch) => ch.问题.length);
  return {
    // A document never goes out unsigned by mistake: no known issuer is a visible gap to fill.
    机关: settings.issuer || plan.issuer || progress.issuer || MISSING_ISSUER,
    主送: settings.recipients || DEFAULT_RECIPIENTS,
    联系人: settings.contact ?? '',
    文号: settings.docNumber ?? '',
    计划: { 标题: displayTitle(plan), 编号: plan.id },
    轮次: {
      编号: progress.round.id,
      名称: progress.round.label,
      开始: progress.round.start,
      结束: progress.round.end,
      截止: cnDate(progress.round.deadline),
      年度: progress.round.end.slice(0, 4),
      年终: period.kind === 'year',
      截至: period.asOf,
      期间: period.span,
      文种: period.kind === 'year' ? '年度工作情况报告' : '工作进展情况报告',
    },
    成文日期: cnDate(date),
    结论: {
      有报送: accepted,
      总体: overall,
      报送: `本轮应报送单位${r.length}家，已报送${reported}家${stats.逾期报送单位数 ? `（其中逾期报送${stats.逾期报送单位数}家）` : ''}${stats.退回单位数 ? `，退回重报${stats.退回单位数}家` : ''}${stats.未报送单位数 ? `，未报送${stats.未报送单位数}家` : ''}。`,
      无责任单位: unassigned.length ? `另有${unassigned.length}个条目未明确责任单位，未下发调度，不计入以上统计。` : '',
      暂无进展: accepted && emptyChapters.length ? `${emptyChapters.join('、')}${emptyChapters.length > 1 ? '等方面' : '方面'}的任务本轮暂无报送进展。` : '',
      问题: !accepted ? '' : anyProblems ? '' : behindCount ? '' : '已报送单位均未报告存在问题。',
      滞后: lagSentence(count('滞后'), stats.红色 as number, stats.黄色 as number),
    },
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
  ['机关', '发文机关（taizhang config set 发文机关 …；默认为工作要点的发文单位）'],
  ['主送 / 联系人 / 文号', '通报的主送机关、联系人、发文字号（taizhang config 设置）'],
  ['计划.标题 / 计划.编号', '工作要点标题、编号'],
  ['轮次.名称 / 轮次.编号 / 轮次.截止 / 轮次.年度', '如“2025年第三季度”、“2025-Q3”、“2025年10月10日”、“2025”'],
  ['轮次.截至 / 轮次.期间 / 轮次.年终 / 轮次.文种', '如“截至9月底”、“前三季度”、是否年终轮次、“工作进展情况报告”或“年度工作情况报告”'],
  ['结论.总体 / 报送 / 滞后 / 问题 / 暂无进展 / 无责任单位 / 有报送', '按数据和统一阈值判断得出的句子（无依据时为空），模板原样输出'],
  ['成文日期', '如“2025年10月20日”（--date 指定）'],
  ['统计.应报单位数 / 已报送单位数 / 按时报送单位数 / 逾期报送单位数 / 退回单位数 / 未报送单位数 / 报送率', '报送情况'],
  ['统计.任务数 / 条目数 / 已完成 / 序时推进 / 滞后 / 未启动 / 未报送条目 / 完成率 / 红色 / 黄色 / 停滞 / 无责任单位条目', '任务完成情况（未明确责任单位的条目不计入）'],
  ['章节（列表）', '每章：序号（一、二…）、成效序号、打算序号（只给有内容的章节连续编号）、标题、条目数、已完成、滞后、未报送、完成率、成效（“一是……”列表）、问题、打算'],
  ['报送.按时 / 报送.逾期 / 报送.退回 / 报送.未报', '单位名单（列表）'],
  ['滞后任务（列表）', '编号、任务、单位、状态、差距、序时（红/黄）、颜色、停滞'],
  ['停滞任务（列表）', '编号、任务、单位、进展（与上一轮相同的进展情况）'],
  ['目标对比（列表）', '编号、任务、目标、完成值、完成度'],
  ['指标（列表）', '序号、名称、单位、基期值、目标值、属性、完成值'],
  ['通报.标题 / 开头 / 报送 / 推进 / 点名 / 下一轮 / 回复日期', '督办通报的句子：年终轮次为“关于2025年度重点工作完成情况的通报”；零项不写；逾期、未报、退回单位点名并给出补报期限（--reply-by，未给出时为【待填】）；年终轮次不写“下一轮调度”'],
  ['通报.督办（列表）', '需督办的条目：编号、任务、单位（牵头单位，及本身未完成的配合单位）、情况（年终为“660个完成612个，尚差48个”等差额，其他轮次为落后序时）、序时、颜色、停滞'],
  ['通报.表扬 / 通报.要求（列表）', '按时报送且所承担任务全部完成（年终）或均按序时推进的单位；工作要求各段（含书面报送整改措施的期限）'],
  ['通报.抄送 / 印发机关 / 印发日期', '版记：抄送机关（config set 抄送）、印发机关（config set 印发机关，默认发文机关）、印发日期（成文日期）'],
  ['讲话.标题 / 会议 / 开场 / 回顾年度 / 部署年度 / 回顾期间', '讲话稿：年终轮次为次年工作会议（如“在2026年全市生态环境工作会议上的讲话”，--meeting 可指定会议名称）'],
  ['讲话.总述 / 亮点 / 不足（列表）', '工作回顾的总体情况、达到的量化目标、问题和不足（未完成及差额、单位反映的困难、报送情况），按数据得出'],
  ['讲话.回顾（列表）', '有进展的章节：序号、标题、概况（条目数、已完成）、成效（“一是……”）'],
  ['讲话.部署.来源 / 计划 / 概述 / 结转 / 章节（列表）', '重点工作部署：来自 --next-plan 指定的新一年工作要点（章节为部署的各方面，任务为“一是……”），非年终轮次为本年尚未完成的任务；结转为本年未完成条目的安排'],
  ['{{数值 "名称"}}', '取数：统计项、“完成值:条目编号”或 --metrics 文件中的数值；无数据时显示【待填：名称】并给出提示'],
  ['{{顿号 列表}}', '用顿号连接名单'],
  ['{{#each 列表}}…{{/each}}、{{#if 条件}}…{{/if}}', 'Handlebars 的循环和条件'],
];
