// The conference speech's own context (`讲话`): at the next year's work conference the leader reviews the year
// from its data and deploys the next year's plan (`report --next-plan`); after any other round, the rest of the
// year. Every sentence here follows from the data by a rule; what the data cannot give (形势, political framing)
// is a 【待填：…】 paragraph of templates/speech.hbs.
import { displayTitle, type Plan } from '../model/plan.ts';
import type { RoundProgress } from '../model/progress.ts';
import { clauseShortfall, isPressed } from './bulletin.ts';
import { cnOrdinal, type ReportContext } from './context.ts';

export interface SpeechContext {
  标题: string;
  /** The meeting as named in the title and the opening: `2026年全市生态环境工作会议`. */
  会议: string;
  回顾年度: string;
  部署年度: string;
  /** `2025年` at the year's end, `前三季度` otherwise: the period reviewed, as the speech names it. */
  回顾期间: string;
  开场: string;
  总述: string;
  回顾: { 序号: string; 标题: string; 概况: string; 成效: string[] }[];
  亮点: string;
  不足: string[];
  部署: {
    /** `next`: the next year's plan; `remaining`: this year's unfinished tasks; `none`: nothing to deploy from. */
    来源: 'next' | 'remaining' | 'none';
    计划: string;
    概述: string;
    结转: string;
    章节: { 序号: string; 标题: string; 任务: string[] }[];
  };
}

/** At most this many items named in one sentence of the review's shortcomings (`……等`). */
const NAMED_AT_MOST = 5;

function sentence(s: string): string {
  const t = s.trim().replace(/[；;，,\s]+$/, '');
  return /[。！？.]$/.test(t) ? t.replace(/\.$/, '。') : `${t}。`;
}

/**
 * The meeting a speech is given at, from the issuer's name: `济南市生态环境局` holds the `全市生态环境工作会议`;
 * an issuer of another shape holds `<issuer>工作会议`. `--meeting` names it outright.
 */
export function meetingName(issuer: string, year: string, yearEnd: boolean, span: string): string {
  const m = /^.+?([省市区县州旗])(.+?)(?:局|厅|委员会|委|办公室|办|中心)$/.exec(issuer);
  const scope = m ? `全${m[1]}${m[2]}` : issuer;
  return yearEnd ? `${year}年${scope}工作会议` : `${year}年${scope}${m ? '系统' : ''}${span}重点工作推进会`;
}

export function buildSpeech(ctx: ReportContext, progress: RoundProgress, plan: Plan, o: { nextPlan?: Plan; meeting?: string } = {}): SpeechContext {
  const yearEnd = ctx.轮次.年终;
  const year = ctx.轮次.年度;
  const next = yearEnd ? String(Number(year) + 1) : year;
  const s = ctx.统计;
  const n = (k: string) => Number(s[k] ?? 0);
  const period = yearEnd ? `${year}年` : ctx.轮次.期间;
  const meeting = o.meeting?.trim() || meetingName(ctx.机关, next, yearEnd, ctx.轮次.期间);
  const clauses = progress.clauses.filter((c) => c.answers.length > 0);
  const pressed = clauses.filter(isPressed);

  const overview = ctx.结论.有报送
    ? `${ctx.机关}认真落实《${ctx.计划.标题}》部署，${yearEnd ? '全年' : ''}共部署重点任务${n('任务数')}项、${n('条目数')}个工作条目，${ctx.轮次.截至 === '全年' ? '截至年终' : ctx.轮次.截至}已完成${n('已完成')}个，完成率${s.完成率}。${ctx.结论.总体}`
    : `${ctx.机关}认真落实《${ctx.计划.标题}》部署，共部署重点任务${n('任务数')}项、${n('条目数')}个工作条目。${ctx.结论.总体}`;

  const review = ctx.章节
    .filter((ch) => ch.成效.length)
    .map((ch, i) => ({
      序号: cnOrdinal(i),
      标题: ch.标题.trim(),
      // Zero counts are left unsaid (`已完成0个`).
      概况: `${yearEnd ? '全年' : ''}部署${ch.条目数}个工作条目${[ch.已完成 ? `已完成${ch.已完成}个` : '', ch.滞后 ? `${ch.滞后}个滞后预警` : '', ch.未报送 ? `${ch.未报送}个未报送` : ''].filter(Boolean).map((x) => `，${x}`).join('')}。`,
      成效: ch.成效,
    }));

  // Highlights: targets met, with the figure reported.
  const met = clauses
    .filter((c) => c.targetValue !== null && c.completion === 1)
    .map((c) => {
      const a = c.answers.find((x) => x.unit === c.source);
      return a?.valueText ? `${c.target.split('；')[0]}（完成值${a.valueText}${c.targetUnit && !/[%％]$/.test(a.valueText) ? c.targetUnit : ''}）` : '';
    })
    .filter(Boolean);
  const highlights = met.length ? `从量化目标看，${met.length}项目标已经达到：${met.slice(0, NAMED_AT_MOST).join('；')}${met.length > NAMED_AT_MOST ? '等' : ''}。` : '';

  // Shortcomings: what is undone or behind, what units say stands in the way, and reporting that fell short.
  const shortcomings: string[] = [];
  if (pressed.length) {
    const named = pressed.slice(0, NAMED_AT_MOST).map((c) => {
      const gap = yearEnd ? clauseShortfall(c, plan) : null;
      return `${c.task}${gap ? `（${gap}）` : ''}`;
    });
    shortcomings.push(
      `${yearEnd ? '部分年度任务没有完成' : '部分任务进度滞后'}，${pressed.length}个条目${yearEnd ? '未完成年度目标或进度滞后' : '落后于序时进度或自报滞后'}，如${named.join('、')}${pressed.length > NAMED_AT_MOST ? '等' : ''}。`,
    );
  }
  const problems = [...new Set(ctx.章节.flatMap((ch) => ch.问题))];
  if (problems.length) shortcomings.push(`推进中还存在一些困难，责任单位反映：${problems.slice(0, NAMED_AT_MOST).map(sentence).join('')}`);
  const reporting = [
    ctx.报送.逾期.length ? `${ctx.报送.逾期.length}家单位逾期报送` : '',
    ctx.报送.未报.length ? `${ctx.报送.未报.length}家单位未报送` : '',
    ctx.报送.退回.length ? `${ctx.报送.退回.length}家单位报送的调度表被退回重报` : '',
  ].filter(Boolean);
  if (reporting.length) shortcomings.push(`调度报送还不够及时规范，${reporting.join('，')}。`);
  const numbered = shortcomings.map((x, i) => `${cnOrdinal(i)}是${x}`);

  const carried = yearEnd && pressed.length ? `对${year}年未完成或滞后的${pressed.length}个条目（编号${pressed.map((c) => c.clauseId).join('、')}），要逐项明确措施和时限，纳入${next}年工作继续推进。` : '';
  let deploy: SpeechContext['部署'];
  if (o.nextPlan) {
    const p = o.nextPlan;
    const chapters = p.chapters
      .map((ch) => ({ ch, tasks: p.tasks.filter((t) => t.chapterId === ch.id) }))
      .filter((x) => x.tasks.length)
      .map((x, i) => ({ 序号: cnOrdinal(i), 标题: x.ch.title.trim(), 任务: x.tasks.map((t, j) => `${cnOrdinal(j)}是${sentence(t.text)}`) }));
    const clauseCount = p.tasks.reduce((k, t) => k + t.clauses.length, 0);
    const targets = p.tasks.reduce((k, t) => k + t.clauses.reduce((m, c) => m + c.targets.length, 0), 0);
    deploy = {
      来源: 'next',
      计划: displayTitle(p),
      概述: `${next}年，要围绕《${displayTitle(p)}》部署的${p.tasks.length}项重点任务、${clauseCount}个工作条目${targets ? `（其中量化目标${targets}项）` : ''}，重点抓好以下${chapters.length}个方面工作。`,
      结转: carried,
      章节: chapters,
    };
  } else if (!yearEnd) {
    // The rest of the year: the plan's tasks with a clause not yet done, by chapter.
    const open = new Set(clauses.filter((c) => c.status !== '已完成').map((c) => c.taskId));
    const chapters = plan.chapters
      .map((ch) => ({ ch, tasks: plan.tasks.filter((t) => t.chapterId === ch.id && open.has(t.id)) }))
      .filter((x) => x.tasks.length)
      .map((x, i) => ({ 序号: cnOrdinal(i), 标题: x.ch.title.trim(), 任务: x.tasks.map((t, j) => `${cnOrdinal(j)}是${sentence(t.text)}`) }));
    deploy = {
      来源: chapters.length ? 'remaining' : 'none',
      计划: ctx.计划.标题,
      概述: chapters.length ? `下一步，要对照《${ctx.计划.标题}》，抓好尚未完成的${open.size}项重点任务。` : '',
      结转: '',
      章节: chapters,
    };
  } else {
    deploy = { 来源: 'none', 计划: '', 概述: '', 结转: carried, 章节: [] };
  }
  return {
    标题: `在${meeting}上的讲话`,
    会议: meeting,
    回顾年度: year,
    部署年度: next,
    回顾期间: period,
    开场: yearEnd
      ? `今天召开${meeting}，主要任务是总结${year}年工作，分析当前形势，部署${next}年重点工作。`
      : `今天召开${meeting}，主要任务是通报${period}重点工作推进情况，分析当前形势，部署下一步工作。`,
    总述: overview,
    回顾: review,
    亮点: highlights,
    不足: numbered,
    部署: deploy,
  };
}
