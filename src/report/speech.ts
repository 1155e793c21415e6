// The conference speech's own context (`讲话`): at the next year's work conference the leader reviews the year
// from its data and deploys the next year's plan (`report --next-plan`); after any other round, the rest of the
// year. Every sentence here follows from the data by a rule; what the data cannot give (形势, political framing)
// is a 【待填：…】 paragraph of templates/speech.hbs.
import { displayTitle, type Plan } from '../model/plan.ts';
import type { RoundProgress } from '../model/progress.ts';
import { isPressed } from './bulletin.ts';
import { cnOrdinal, type ReportContext } from './context.ts';
import { sentenceShape, shortName } from './synthesis.ts';

export { sentenceShape };

export interface SpeechContext {
  标题: string;
  /** The meeting as named in the title and the opening: `市生态环境局2026年工作会议`, or a 【待填】. */
  会议: string;
  /** The line under the title: who speaks (a 【待填】: the data cannot say) and when. */
  讲话人: string;
  日期: string;
  回顾年度: string;
  部署年度: string;
  /** `2025年` at the year's end, `前三季度` otherwise: the period reviewed, as the speech names it. */
  回顾期间: string;
  开场: string;
  /** One overall figure at most, at the level the review lists (项 of work). */
  总述: string;
  /** The KPI paragraph (kpi.ts), or a 【待填】 at the year's end. */
  指标: string;
  /**
   * The review by theme (themes.ts, synthesis.ts): a result heading, and one spoken paragraph of at most
   * HIGHLIGHTS.most of the units' reported sentences (highlights()), or a 【待填】.
   */
  回顾: { 序号: string; 标题: string; 成效: string[] }[];
  /** At most SHORTCOMINGS.most tasks not done, each with its shortfall when known, then a 【待填】 for the deeper causes. */
  不足: string[];
  部署: {
    /** `next`: the next year's plan; `remaining`: this year's unfinished tasks; `none`: nothing to deploy from. */
    来源: 'next' | 'remaining' | 'none';
    计划: string;
    /** The 总体要求 paragraph: a 【待填】 (guiding thought and aims are the leader's). */
    总体要求: string;
    概述: string;
    结转: string;
    章节: { 序号: string; 标题: string; 任务: string[] }[];
    /** `具体任务见《…》。` after the parts. */
    见: string;
  };
  /** The 强化调度督办 sentence, in the speaker's voice. */
  督办: string;
}

/**
 * How the speaker names things, as data: the bureau speaking of itself says 我们 (its own work) and 局里 (what its
 * office will do); its name is shortened by dropping the city or district before 市/区/县 (`济南市生态环境局` →
 * `市生态环境局`) where a name must stand (the meeting).
 */
export const SPEAKER_WORDS = { self: '我们', office: '局里' } as const;

/** The deployment has this many parts at most: a next plan with more chapters has consecutive ones grouped. */
export const DEPLOY_PARTS = { most: 7 } as const;
/** Task leads named in one part of the deployment before `等`. */
const LEADS_NAMED = 3;

/** The review's spoken connectors: the first theme opens the year, each theme says what we focused on. */
export const REVIEW_WORDS = {
  first: '一年来，',
  focus: '聚焦',
  /** Abstract nouns a theme's subject ends with that 聚焦 does not take (`聚焦治理能力现代化水平` → `…现代化`). */
  notFocused: /(安全屏障|屏障|水平)$/,
} as const;
/** Highlights per theme in the review, and shortcomings named at most. */
export const HIGHLIGHTS = { most: 3 } as const;
export const SHORTCOMINGS = { most: 3 } as const;

const FIGURE = /\d+(?:\.\d+)?/g;

/** A theme's reported sentences: the report's `一是…` items split at 。 and ；, numbering and sub-headings dropped. */
export function reportedSentences(items: string[]): string[] {
  return items
    .flatMap((x) => x.replace(/^[一二三四五六七八九十]+是/, '').split(/[。；]/))
    .map((x) => x.trim().replace(/^(同时|此外|另外)，/, '').replace(/[，、\s]+$/, ''))
    .filter((x) => x && !/按计划完成$/.test(x));
}

/**
 * A theme's highlights for the speech: of the units' reported sentences, the distinctive ones (a shape not repeated
 * elsewhere in the review: routine counts of meetings and trainings are no highlight, unless the theme has nothing
 * else), those with the most figures first; at most HIGHLIGHTS.most, in their order. Without any figure, the first sentences stand. Every
 * highlight is a unit's sentence, trimmed, never a new claim. `shapes` counts each shape over all themes.
 */
export function highlights(items: string[], shapes: Map<string, number> = new Map()): string[] {
  const scored = reportedSentences(items).map((x, at) => ({ x, at, n: (x.match(FIGURE) ?? []).length, routine: (shapes.get(sentenceShape(x)) ?? 0) > 1 ? 1 : 0 }));
  const withFigures = scored.filter((s) => s.n > 0);
  // Routine sentences stand only where the theme has nothing distinctive.
  const distinct = withFigures.filter((s) => !s.routine);
  const pool = withFigures.length ? [...(distinct.length ? distinct : withFigures)].sort((a, b) => b.n - a.n || a.at - b.at) : scored.filter((s) => s.x.length > 8);
  return [...new Set(pool.slice(0, HIGHLIGHTS.most).sort((a, b) => a.at - b.at).map((s) => s.x))];
}

/** A task not done, in the speaker's words: `深入开展农村环境整治还有48个没有完成` from the shortfall `…尚差48个`. */
export function shortfallWords(task: string, shortfall: string | null, yearEnd: boolean): string {
  const left = shortfall ? /尚差(.+)$/.exec(shortfall)?.[1]?.trim() : undefined;
  if (left) return `${task}还有${left}没有完成`;
  return `${task}工作${yearEnd ? '年内没有完成' : '进度滞后'}`;
}

/** What the speech prints where the data cannot speak, each a 【待填】 listed after rendering. */
export const SPEECH_GAPS = {
  meeting: '【待填：会议名称】',
  speaker: '【待填：讲话人姓名、职务】',
  results: '【待填：本方面主要成效及数据】',
  silent: '【待填：本方面主要成效及数据（责任单位未报送）】',
  indicators: (year: string) => `【待填：${year}年主要指标完成情况】`,
  deeper: '【待填：深层次问题】',
  aims: (year: string) => `【待填：${year}年工作总体要求（指导思想、目标定位）】`,
} as const;

/**
 * The meeting a speech is given at, from the issuer's name, as the model speech names it: `济南市生态环境局` holds
 * the `市生态环境局2026年工作会议`, an internal meeting of the bureau (its plan is the bureau's, not the city's).
 * `--meeting` or the setting 会议名称 names it outright.
 */
export function meetingName(issuer: string, year: string, yearEnd: boolean, span: string): string {
  const own = shortName(issuer);
  return yearEnd ? `${own}${year}年工作会议` : `${own}${year}年${span}重点工作推进会`;
}

/** Chapters grouped into at most DEPLOY_PARTS.most parts, consecutive ones together, sizes as even as may be. */
export function groupChapters<T>(chapters: T[]): T[][] {
  const parts = Math.min(chapters.length, DEPLOY_PARTS.most);
  const out: T[][] = [];
  let at = 0;
  for (let i = 0; i < parts; i++) {
    const size = Math.floor(chapters.length / parts) + (i < chapters.length % parts ? 1 : 0);
    out.push(chapters.slice(at, at + size));
    at += size;
  }
  return out;
}

/**
 * A plan's chapters condensed into the deployment's parts, in the speaker's voice: the chapters' titles as the
 * heading, then one sentence naming its first tasks and every quantified target (`要A，B，C，确保…。`); the plan is referred to for the rest.
 */
function deployParts(p: Plan, keep: (t: Plan['tasks'][number]) => boolean): SpeechContext['部署']['章节'] {
  const chapters = p.chapters.map((ch) => ({ ch, tasks: p.tasks.filter((t) => t.chapterId === ch.id && keep(t)) })).filter((x) => x.tasks.length);
  return groupChapters(chapters).map((group, i) => {
    const tasks = group.flatMap((x) => x.tasks);
    // Every chapter a heading joins gets its own clause: its first tasks' leads, LEADS_NAMED shared out among them.
    const per = Math.max(1, Math.floor(LEADS_NAMED / group.length));
    const leadsOf = (ts: typeof tasks) => [...new Set(ts.map((t) => t.lead.trim().replace(/[。；，\s]+$/, '')).filter(Boolean))];
    const leads = [...new Set(group.flatMap((x) => leadsOf(x.tasks).slice(0, per)))];
    const targets = [...new Set(tasks.flatMap((t) => t.clauses.flatMap((c) => c.targets.map((x) => x.words.trim()))).filter(Boolean))];
    const named = `要${leads.slice(0, LEADS_NAMED).join('，')}`;
    return {
      序号: cnOrdinal(i),
      标题: group.map((x) => x.ch.title.trim().replace(/\s+/g, '，')).join('，'),
      任务: [`${named}${targets.length ? `，确保${targets.join('，')}` : ''}。`],
    };
  });
}

export function buildSpeech(ctx: ReportContext, progress: RoundProgress, plan: Plan, o: { nextPlan?: Plan; meeting?: string } = {}): SpeechContext {
  const yearEnd = ctx.轮次.年终;
  const year = ctx.轮次.年度;
  const next = yearEnd ? String(Number(year) + 1) : year;
  const period = yearEnd ? `${year}年` : ctx.轮次.期间;
  const issuerKnown = !ctx.机关.startsWith('【待填');
  const meeting = o.meeting?.trim() || (issuerKnown ? meetingName(ctx.机关, next, yearEnd, ctx.轮次.期间) : SPEECH_GAPS.meeting);
  const clauses = progress.clauses.filter((c) => c.answers.length > 0);
  const ofChapters = (ids: string[]) => clauses.filter((c) => ids.includes(c.chapterId));
  const notDone = (c: (typeof clauses)[number]) => (yearEnd ? c.yearEnd === '未完成' : isPressed(c));

  // One overall figure, in 项 of work as the review counts: of all when every unit reported, else what is done.
  const done = clauses.filter((c) => (yearEnd ? c.yearEnd === '完成' : c.status === '已完成')).length;
  // Zero is no figure to give in a speech (`已完成重点工作0项`).
  // Always with its denominator (`67项重点工作完成61项`): what was not reported is simply not counted as done.
  const figure = !ctx.结论.有报送 || !done ? '' : yearEnd ? `，全年${clauses.length}项重点工作完成${done}项` : `，${clauses.length}项重点工作已完成${done}项`;
  const overview = `${SPEAKER_WORDS.self}认真落实《${ctx.计划.标题}》部署${figure}。`;

  // The review: the report's themes, in their order, each a few highlights from what the units reported; nothing
  // made from a title, and never the report's whole 成效 pasted (the speech is heard, not read).
  const shapes = new Map<string, number>();
  for (const t of ctx.报告.主题) for (const x of reportedSentences(t.成效)) shapes.set(sentenceShape(x), (shapes.get(sentenceShape(x)) ?? 0) + 1);
  const review = ctx.报告.主题
    .filter((t) => ofChapters(t.章节).length)
    .map((t, i) => {
      const own = ofChapters(t.章节);
      // What was not reported is the 通报's business, not a citywide speech's: the report's sentences on it are left out.
      const quiet = (x: string) => t.未报送句.reduce((acc, q) => acc.split(q).join(''), x);
      const results = t.成效.map(quiet);
      const picked = highlights(results, shapes);
      const items = picked.length
        ? [`${i ? '' : REVIEW_WORDS.first}${SPEAKER_WORDS.self}${REVIEW_WORDS.focus}${t.简称.replace(REVIEW_WORDS.notFocused, '')}，${picked.join('；')}。`]
        : own.every((c) => c.status === '未报送') ? [SPEECH_GAPS.silent] : [SPEECH_GAPS.results, quiet(t.成效补充)];
      return { 序号: cnOrdinal(i), 标题: t.标题, 成效: items.filter(Boolean) };
    });

  // Shortcomings: each point one task not done, with what is still missing when the figures give it, at most three.
  const behind = [...new Map(clauses.filter(notDone).map((c) => [c.task, c] as const)).values()];
  const ordered = [...behind.filter((c) => c.shortfall), ...behind.filter((c) => !c.shortfall)].slice(0, SHORTCOMINGS.most);
  const points = ordered.map((c) => shortfallWords(c.task, c.shortfall, yearEnd));
  // A single point is said, not numbered: 一是 with no 二是 reads as a list cut short.
  const shortcomings = [...points.map((x, i) => (points.length > 1 ? `${cnOrdinal(i)}是${x}。` : `${x}。`)), `${SPEECH_GAPS.deeper}。`];

  const pressed = clauses.filter(notDone);
  const carriedTasks = [...new Set(pressed.map((c) => c.task))];
  const carried = yearEnd && carriedTasks.length
    ? `对${year}年未完成的${carriedTasks.slice(0, 3).join('、')}${carriedTasks.length > 3 ? '等' : ''}工作，要${carriedTasks.length > 1 ? '逐项' : ''}明确完成时限，尽快完成。`
    : '';
  let deploy: SpeechContext['部署'];
  if (o.nextPlan) {
    const p = o.nextPlan;
    const parts = deployParts(p, () => true);
    deploy = {
      来源: 'next',
      计划: displayTitle(p),
      总体要求: SPEECH_GAPS.aims(next),
      概述: `${next}年，要围绕《${displayTitle(p)}》，重点抓好以下${parts.length}个方面工作。`,
      结转: carried,
      章节: parts,
      见: `具体任务见《${displayTitle(p)}》。`,
    };
  } else if (!yearEnd) {
    // The rest of the year: the plan's tasks with a clause not yet done, condensed the same way.
    const open = new Set(clauses.filter((c) => c.status !== '已完成').map((c) => c.taskId));
    const parts = deployParts(plan, (t) => open.has(t.id));
    deploy = {
      来源: parts.length ? 'remaining' : 'none',
      计划: ctx.计划.标题,
      总体要求: '',
      概述: parts.length ? `下一步，要对照《${ctx.计划.标题}》，抓好尚未完成的${open.size}项重点任务。` : '',
      结转: '',
      章节: parts,
      见: parts.length ? `具体任务见《${ctx.计划.标题}》。` : '',
    };
  } else {
    deploy = { 来源: 'none', 计划: '', 总体要求: SPEECH_GAPS.aims(next), 概述: '', 结转: carried, 章节: [], 见: '' };
  }
  return {
    标题: `在${meeting}上的讲话`,
    会议: meeting,
    讲话人: SPEECH_GAPS.speaker,
    日期: `（${ctx.成文日期}）`,
    回顾年度: year,
    部署年度: next,
    回顾期间: period,
    开场: yearEnd
      ? `今天召开${meeting}，主要任务是总结${year}年工作，分析当前形势，部署${next}年重点工作。`
      : `今天召开${meeting}，主要任务是通报${period}重点工作推进情况，分析当前形势，部署下一步工作。`,
    总述: overview,
    指标: ctx.报告.指标段 || (yearEnd ? `${SPEECH_GAPS.indicators(year)}。` : ''),
    回顾: review,
    不足: shortcomings,
    部署: deploy,
    督办: `${SPEAKER_WORDS.office}将对重点工作实行清单化管理、定期调度，对进度滞后的任务及时督办通报，确保各项任务按时保质完成。`,
  };
}
