// The 督办通报's own context (`通报`): its title, the sentences it states and the lists it names, each decided by
// a rule over the round's data here; templates/bulletin.hbs only lays them out.
import type { Plan, Target } from '../model/plan.ts';
import type { ClauseProgress, RoundProgress, UnitAnswer } from '../model/progress.ts';
import { comparatorRule } from '../model/comparator.ts';
import type { Settings } from '../model/settings.ts';
import { STATUS_FILLS } from '../sheets/style.ts';
import { cnDate } from '../util/time.ts';
import { SCHEDULE_WORDS, type ReportContext } from './context.ts';

/** What a document shows where the reply date is not given (`report --reply-by`). */
export const REPLY_PLACEHOLDER = '【待填：整改措施报送日期】';

/**
 * Who the 通报 commends: units that reported on time and whose every answer is 已完成 (the 年终 round) or 已完成 /
 * 序时推进 with no clause they lead behind the schedule (any other round). A unit with no answer is not commended.
 */
export const COMMEND_RULE = { yearEnd: ['已完成'], midYear: ['已完成', '序时推进'] } as const;

export interface BulletinContext {
  标题: string;
  开头: string;
  报送: string;
  推进: string;
  /** Clauses to be pressed: behind the schedule, 滞后 or 未启动 by the lead's word; 配合 units that did their part are left out. */
  督办: { 编号: string; 任务: string; 单位: string; 情况: string; 序时: string; 颜色: string; 停滞: boolean }[];
  表扬: string[];
  /** `A、B逾期报送；C至今未报送，请于…前补报。` or ''. */
  点名: string;
  /** The 工作要求 paragraphs, in order. */
  要求: string[];
  /** `下一轮调度将重点跟踪上述事项。` in a round that another follows; '' at the year's end. */
  下一轮: string;
  回复日期: string;
  抄送: string;
  印发机关: string;
  印发日期: string;
}

const num = (x: number) => String(Math.round(x * 100) / 100);

/** A target as the plan states it: `40%以上`, `下降5%`, `660个`. */
function targetWords(t: Pick<Target, 'value' | 'unit' | 'comparator'>): string {
  const rule = comparatorRule(t.comparator);
  const figure = `${num(t.value)}${t.unit}`;
  return rule.after.includes(t.comparator) ? `${figure}${t.comparator}` : `${rule.kind === 'count' ? '' : t.comparator}${figure}`;
}

/**
 * How far a reported value falls short of its target, in figures: `660个完成612个，尚差48个`, `目标40%以上，实际
 * 32%，尚差8个百分点`, `目标不超过5%，实际6%，超出1个百分点`; null when the target is met or gives no such measure
 * (ranges, `左右`). Percentages differ in 个百分点.
 */
export function shortfall(t: Pick<Target, 'value' | 'unit' | 'comparator'>, value: number): string | null {
  const kind = comparatorRule(t.comparator).kind;
  const diffUnit = /^[%％]$/.test(t.unit) ? '个百分点' : t.unit;
  switch (kind) {
    case 'count':
      return value < t.value ? `${num(t.value)}${t.unit}完成${num(value)}${t.unit}，尚差${num(t.value - value)}${diffUnit}` : null;
    case 'atLeast':
    case 'reduce':
    case 'increase': {
      if (value >= t.value) return null;
      const did = kind === 'atLeast' ? '' : t.comparator;
      return `目标${targetWords(t)}，实际${did}${num(value)}${t.unit}，尚差${num(t.value - value)}${diffUnit}`;
    }
    case 'atMost':
      return value > t.value ? `目标${targetWords(t)}，实际${num(value)}${t.unit}，超出${num(value - t.value)}${diffUnit}` : null;
    default:
      return null;
  }
}

/** The shortfall of a clause's first target from the answer its figures rest on (see ClauseProgress.source). */
export function clauseShortfall(c: ClauseProgress, plan: Plan): string | null {
  const answer = c.answers.find((a) => a.unit === c.source);
  const target = plan.tasks.find((t) => t.id === c.taskId)?.clauses.find((x) => x.id === c.clauseId)?.targets[0];
  if (!answer || answer.value === null || !target) return null;
  return shortfall(target, answer.value);
}

/** Whether a clause is to be pressed in the 通报: behind the schedule, or 滞后 / 未启动 by its lead's word. */
export function isPressed(c: ClauseProgress): boolean {
  return c.schedule === 'red' || c.schedule === 'yellow' || c.status === '滞后' || c.status === '未启动';
}

/**
 * The units a pressed clause names: every lead, and a cooperating unit only when its own part is not 已完成 (one
 * that reported its part done is not blamed for the lead's shortfall).
 */
export function pressedUnits(c: ClauseProgress): UnitAnswer[] {
  return c.answers.filter((a) => a.role === '牵头' || a.status !== '已完成');
}

/** `A、B和C` lists read as 顿号 lists in documents. */
const list = (xs: string[]) => xs.join('、');

export function buildBulletin(ctx: ReportContext, progress: RoundProgress, plan: Plan, o: { replyBy?: string; settings?: Settings } = {}): BulletinContext {
  const yearEnd = ctx.轮次.年终;
  const year = ctx.轮次.年度;
  const s = ctx.统计;
  const n = (k: string) => Number(s[k] ?? 0);
  const reply = o.replyBy ? cnDate(o.replyBy) : REPLY_PLACEHOLDER;
  const subject = yearEnd ? `${year}年度重点工作完成情况` : `${ctx.轮次.名称}重点工作推进情况`;
  // Zero counts are left out: `逾期0家` says nothing.
  const parts = (xs: [number, string][]) => xs.filter(([v]) => v > 0).map(([, t]) => t);
  const receipts = parts([
    [n('按时报送单位数'), `按时报送${n('按时报送单位数')}家`],
    [n('逾期报送单位数'), `逾期报送${n('逾期报送单位数')}家（${list(ctx.报送.逾期)}）`],
    [n('退回单位数'), `经审核退回重报${n('退回单位数')}家（${list(ctx.报送.退回)}）`],
    [n('未报送单位数'), `未报送${n('未报送单位数')}家（${list(ctx.报送.未报)}）`],
  ]);
  const clauses = progress.clauses.filter((c) => c.answers.length > 0);
  const pressed = clauses.filter(isPressed);
  const status = parts([
    [n('已完成'), `已完成${n('已完成')}个`],
    [n('序时推进'), `${yearEnd ? '按进度持续推进' : '序时推进'}${n('序时推进')}个`],
    [n('滞后'), `滞后${n('滞后')}个`],
    [n('未启动'), `未启动${n('未启动')}个`],
    [n('未报送条目'), `责任单位未报送${n('未报送条目')}个`],
  ]);
  const warn = parts([
    [n('红色'), `红色预警${n('红色')}个`],
    [n('黄色'), `黄色预警${n('黄色')}个`],
  ]);
  const progressSentence = ctx.结论.有报送
    ? `${yearEnd ? '全年部署的' : ''}${n('条目数')}个工作条目中，${status.join('，')}${yearEnd ? `，完成率${s.完成率}` : ''}${warn.length ? `；对照序时进度，${warn.join('、')}` : ''}${n('停滞') ? `，连续两轮进展无变化${n('停滞')}个` : ''}。`
    : '';
  const pressedRows = pressed.map((c) => ({
    编号: c.clauseId,
    任务: c.task,
    单位: pressedUnits(c).map((a) => (a.role === '牵头' ? `${a.unit}（牵头）` : a.unit)).join('、'),
    // At the year's end what matters is what is left undone, in figures where there are figures.
    情况: yearEnd
      ? clauseShortfall(c, plan) ?? (c.status === '未启动' ? '未启动' : c.status === '滞后' ? '自报滞后' : c.gap !== null && c.gap > 0 ? `落后${c.gap}个百分点` : c.status)
      : c.gap !== null && c.gap > 0 ? `${c.gap}个百分点` : '自报滞后',
    序时: SCHEDULE_WORDS[c.schedule],
    颜色: STATUS_FILLS[c.schedule].slice(2),
    停滞: c.stagnant,
  }));
  const allowed: readonly string[] = yearEnd ? COMMEND_RULE.yearEnd : COMMEND_RULE.midYear;
  const commended = progress.receipts
    .filter((r) => r.state === '已报送')
    .map((r) => r.unit)
    .filter((unit) => {
      const mine = clauses.flatMap((c) => c.answers.filter((a) => a.unit === unit).map((a) => ({ c, a })));
      return mine.length > 0 && mine.every(({ c, a }) => a.status !== null && allowed.includes(a.status) && !(a.role === '牵头' && isPressed(c)) && !a.stagnant);
    });
  const named: string[] = [];
  if (ctx.报送.逾期.length) named.push(`${list(ctx.报送.逾期)}未按时报送${ctx.轮次.名称}调度表`);
  if (ctx.报送.未报.length) named.push(`${list(ctx.报送.未报)}至今未报送调度表，请于${reply}前补报`);
  if (ctx.报送.退回.length) named.push(`${list(ctx.报送.退回)}报送的调度表经审核退回，请按回执修改后于${reply}前重新报送`);
  const printer = o.settings?.printer || ctx.机关;
  const requirements: string[] = [];
  if (pressedRows.length) {
    requirements.push(
      `各责任单位要对照本通报列出的${pressedRows.length}项${yearEnd ? '未完成或滞后' : '滞后'}事项，逐项分析原因，明确整改措施和完成时限，并于${reply}前将整改措施书面报送${printer}。`,
    );
  }
  if (yearEnd && pressedRows.length) requirements.push(`${year}年未完成的任务，要纳入${Number(year) + 1}年工作统筹推进，确保按期完成。`);
  if (!requirements.length) requirements.push(yearEnd ? `各单位要巩固${year}年工作成效，对照${Number(year) + 1}年工作安排抓好落实。` : '各单位要对照任务分工，按序时推进各项工作。');
  const stagnant = ctx.停滞任务;
  if (stagnant.length) requirements.push(`${list([...new Set(stagnant.flatMap((x) => x.单位.split('、')))])}报送的部分进展情况与上一轮完全相同，请如实更新（条目${list(stagnant.map((x) => x.编号))}）。`);
  return {
    标题: `关于${subject}的通报`,
    开头: `按照《${ctx.计划.标题}》调度安排，现将${subject}通报如下。`,
    报送: `本轮应报送单位${n('应报单位数')}家${receipts.length ? `，${receipts.join('，')}` : ''}。`,
    推进: progressSentence,
    督办: pressedRows,
    表扬: commended,
    点名: named.length ? `${named.join('；')}。` : '',
    要求: requirements,
    下一轮: yearEnd ? '' : '下一轮调度将重点跟踪上述事项。',
    回复日期: reply,
    抄送: o.settings?.cc?.trim() ?? '',
    印发机关: printer,
    印发日期: ctx.成文日期,
  };
}
