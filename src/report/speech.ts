// The conference speech's own context (`讲话`): at the next year's work conference the leader reviews the year
// from its data and deploys the next year's plan (`report --next-plan`); after any other round, the rest of the
// year. Every sentence here follows from the data by a rule; what the data cannot give (形势, political framing)
// is a 【待填：…】 paragraph of templates/speech.hbs.
import { displayTitle, type Plan } from '../model/plan.ts';
import type { RoundProgress } from '../model/progress.ts';
import { isPressed } from './bulletin.ts';
import { cnCount, cnOrdinal, taskObject, type ReportContext } from './context.ts';
import type { Settings } from '../model/settings.ts';
import { HEADING_PREDICATES, headingWords, sentenceShape, sentencesOf, shortName } from './synthesis.ts';
import { parseThemes, type ThemeSpec } from './themes.ts';

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

/**
 * The deployment: one part per chapter of the next plan (or per theme of the office's, when its chapters are found
 * in the next plan), each task a `一是…` with its targets; at most `tasks` tasks told, the rest named once.
 */
export const DEPLOY = { tasks: 5, leadsPerChapter: 4 } as const;

/**
 * How a theme's review paragraph opens, in turn (the first theme first): not every paragraph `我们聚焦…`. `subject`
 * is the theme's subject without the abstract nouns 聚焦 does not take (REVIEW_WORDS.notFocused).
 */
export const REVIEW_OPENINGS: readonly ((subject: string) => string)[] = [
  (s) => `一年来，我们聚焦${s}，`,
  (s) => `在${s}方面，我们`,
  (s) => `围绕${s}，`,
  (s) => `${s}方面，`,
];
export const REVIEW_WORDS = {
  /** Abstract nouns a theme's subject ends with that the openings do not take (`聚焦治理能力现代化水平` → `…现代化`). */
  notFocused: /(安全屏障|屏障|水平)$/,
  /** Routine counts that are no result to tell a conference: meetings held, trainings given, inspections made. */
  routine: /(培训|调度会|推进会|座谈会|专项督导|现场检查|受理)/,
} as const;
/** Chapters a theme's review heading names at most, when not every chapter of the theme has a result to tell. */
export const REVIEW_SHOWN = 2;
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
export function highlights(items: string[], shapes: Map<string, number> = new Map(), distinctOnly = false): string[] {
  const scored = reportedSentences(items).map((x, at) => ({ x, at, n: (x.match(FIGURE) ?? []).length, routine: (shapes.get(sentenceShape(x)) ?? 0) > 1 ? 1 : 0 }));
  const withFigures = scored.filter((s) => s.n > 0);
  // Routine sentences stand only where the theme has nothing distinctive (and never when `distinctOnly`).
  const distinct = withFigures.filter((s) => !s.routine);
  if (distinctOnly) return [...new Set([...distinct].sort((a, b) => b.n - a.n || a.at - b.at).slice(0, HIGHLIGHTS.most).sort((a, b) => a.at - b.at).map((s) => s.x))];
  const pool = withFigures.length ? [...(distinct.length ? distinct : withFigures)].sort((a, b) => b.n - a.n || a.at - b.at) : scored.filter((s) => s.x.length > 8);
  return [...new Set(pool.slice(0, HIGHLIGHTS.most).sort((a, b) => a.at - b.at).map((s) => s.x))];
}

/**
 * A task not done, in the speaker's words: what it is about and what is left, with the noun its target counts
 * (`农村环境整治尚有48个行政村未完成` from the shortfall `…尚差48个` and the target `完成省定660个行政村环境整治任务`).
 */
export function shortfallWords(task: string, shortfall: string | null, yearEnd: boolean, target = ''): string {
  const left = shortfall ? /尚差(.+)$/.exec(shortfall)?.[1]?.trim() : undefined;
  const about = taskObject(task);
  if (left) {
    const noun = /\d+(?:个|家|项|处|座|条)([\u4e00-\u9fa5]{1,4}?)(?=环境|整治|建设|改造|治理|创建|任务|的|，|$)/.exec(target)?.[1] ?? '';
    return `${about}尚有${left}${/[\u4e00-\u9fa5]$/.test(left) && !/(个|家|项|处|座|条)$/.test(left) ? '' : noun}未完成`;
  }
  return `${about}${yearEnd ? '年内未完成' : '进度滞后'}`;
}

/**
 * The report's figures in the speaker's register: a speech is heard, so no bracketed targets or report formulas.
 * Applied in order to the KPI paragraph and the shortcomings; each a rule, as data.
 */
export const SPOKEN_FIGURES: readonly [RegExp, string][] = [
  // `细颗粒物（PM2.5）平均浓度` → `PM2.5平均浓度`: the short name is what is said.
  [/[\u4e00-\u9fa5]+（([A-Za-z][A-Za-z0-9.]*)）/g, '$1'],
  // `未达到省考核要求（不低于64%）` → `没有达到省考核要求的64%`.
  [/未达到([^（，；。]+)（(?:不低于|不高于|不少于|不超过|低于|高于|≥|≤)?([^）]+)）/g, '没有达到$1的$2'],
  // `达到省考核要求（不高于42微克/立方米）` → `达到省考核要求`: met, the threshold is not needed.
  [/达到([^（，；。]+)（[^）]*）/g, '达到$1'],
  [/量化任务方面，全年(\d+)项量化目标中，达到目标(\d+)项，未达到(\d+)项/g, '年初确定的$1项量化目标，实现了$2项，还有$3项没有实现'],
  [/量化任务方面，全年(\d+)项量化目标全部达到/g, '年初确定的$1项量化目标全部实现'],
];
export function spoken(text: string): string {
  return SPOKEN_FIGURES.reduce((t, [re, to]) => t.replace(re, to), text);
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

/** A target's words compared across years: `2025年`/`2026年` and spaces left out. */
export const targetKey = (words: string) => words.replace(/\d{4}年/g, '').replace(/\s+/g, '');

/**
 * A task's targets in the speaker's voice: `确保A，B` for what is new. A target the year already met (the same words
 * on a clause done, 保持 or not) is left out: re-issued as new it would ask for less than was achieved
 * (`确保非现场执法比例保持在40%以上` after 42%), and `巩固…的成果` after it reads as a report, not a task.
 */
export function targetWords(targets: string[], met: Set<string>): string {
  const fresh = targets.filter((t) => !met.has(targetKey(t)));
  return fresh.length ? `确保${fresh.join('，')}` : '';
}

type PlanTask = Plan['tasks'][number];
const leadOf = (t: PlanTask) => t.lead.trim().replace(/[。；，\s]+$/, '');
const targetsOf = (ts: PlanTask[]) => [...new Set(ts.flatMap((t) => t.clauses.flatMap((c) => c.targets.map((x) => x.words.trim()))).filter(Boolean))];

/**
 * A plan's chapters as the deployment's parts, in the speaker's voice. Without themes each chapter is a part under
 * its own title, each task `一是<task>，确保<its targets>。` (DEPLOY.tasks told, the rest named once); with the office's
 * themes (found in the next plan) each theme is a part under a verb + object heading, each chapter `一是<title>。要
 * <its first tasks>，确保<its targets>。`. Every heading has the tasks and targets of its own chapters under it.
 */
function deployParts(p: Plan, keep: (t: PlanTask) => boolean, themes: ThemeSpec[], met: Set<string>): SpeechContext['部署']['章节'] {
  const chapters = p.chapters.map((ch) => ({ ch, tasks: p.tasks.filter((t) => t.chapterId === ch.id && keep(t)) })).filter((x) => x.tasks.length);
  const title = (ch: Plan['chapters'][number]) => ch.title.trim().replace(/\s+/g, '，');
  const chapterItems = (tasks: PlanTask[]) => {
    const told = tasks.slice(0, DEPLOY.tasks);
    const rest = tasks.slice(DEPLOY.tasks).map(leadOf).filter(Boolean);
    return [
      ...told.map((t, i) => {
        const aims = targetWords(targetsOf([t]), met);
        // The task's first measure after its lead (`坚持“第一议题”制度，…`), so a heading is never a bare list of names.
        const first = sentencesOf((t.clauses[0]?.text ?? '').trim().replace(/^[^。]*?。/, (m) => (m.replace(/[。\s]+$/, '') === leadOf(t) ? '' : m)))[0] ?? '';
        const measure = first && first !== leadOf(t) ? `要${first.replace(/^要/, '')}` : '';
        return `${cnOrdinal(i)}是${leadOf(t)}。${[measure, aims].filter(Boolean).join('，')}${measure || aims ? '。' : ''}`;
      }),
      rest.length ? `同时，抓好${rest.slice(0, 3).join('、')}${rest.length > 1 ? `等${rest.length}项工作` : ''}。` : '',
    ].filter(Boolean);
  };
  const named = new Set(themes.flatMap((t) => t.chapters));
  if (!themes.length) return chapters.map((x, i) => ({ 序号: cnOrdinal(i), 标题: title(x.ch), 任务: chapterItems(x.tasks) }));
  const words = headingWords();
  const parts = [
    ...themes.map((t) => ({ heading: words.action(t.title.replace(HEADING_PREDICATES, '') || t.title, 'next'), own: chapters.filter((x) => t.chapters.includes(x.ch.id)) })),
    ...chapters.filter((x) => !named.has(x.ch.id)).map((x) => ({ heading: title(x.ch), own: [x] })),
  ].filter((x) => x.own.length);
  return parts.map((part, i) => ({
    序号: cnOrdinal(i),
    标题: part.heading,
    任务:
      part.own.length === 1
        ? chapterItems(part.own[0]!.tasks)
        : part.own.map((x, k) => {
            const aims = targetWords(targetsOf(x.tasks), met);
            const leads = x.tasks.map(leadOf).filter(Boolean);
            // The rest counted in words, not a trailing 等 after a list (`…强化面源污染治理等。`); a single one left is
            // named rather than counted (`其他一项任务` read as a generator's, found by the 公文 reviewer).
            const shown = leads.length === DEPLOY.leadsPerChapter + 1 ? leads : leads.slice(0, DEPLOY.leadsPerChapter);
            const more = leads.length - shown.length;
            return `${cnOrdinal(k)}是${title(x.ch)}。要${shown.join('，')}${more > 0 ? `，同时抓好其他${cnCount(more)}项任务` : ''}${aims ? `，${aims}` : ''}。`;
          }),
  }));
}

export function buildSpeech(ctx: ReportContext, progress: RoundProgress, plan: Plan, o: { nextPlan?: Plan; meeting?: string; settings?: Settings } = {}): SpeechContext {
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
  const words = headingWords();
  const review = ctx.报告.主题
    .filter((t) => ofChapters(t.章节).length)
    .map((t, i) => {
      const own = ofChapters(t.章节);
      // What was not reported is the 通报's business, not a citywide speech's: the report's sentences on it are left out.
      const quiet = (x: string) => t.未报送句.reduce((acc, q) => acc.split(q).join(''), x);
      // Highlights chapter by chapter, taken in turn, so the facts spread over the theme; only distinctive ones.
      // A chapter with results but none distinctive still has its say: its most specific result that is not a routine
      // count of meetings or trainings (REVIEW_WORDS.routine), so every chapter with results reaches the review.
      const ownPick = (sentences: string[]) => highlights(sentences, new Map()).filter((x) => !REVIEW_WORDS.routine.test(x)).slice(0, 1);
      const perChapter = t.分章
        .map((ch) => {
          const distinct = highlights(ch.句.map(quiet), shapes, true);
          return { ch, distinct: distinct.length > 0, picks: distinct.length ? distinct : ownPick(ch.句.map(quiet)) };
        })
        .filter((x) => x.picks.length);
      const withFacts = new Set(own.map((c) => c.chapterId));
      const complete = perChapter.length > 0 && perChapter.length === withFacts.size;
      // A heading says only what its facts show: the theme's title when every chapter has a highlight, else the
      // chapters that have one (at most two), each verb + object as the model speech (强化执法监管，健全…体系).
      // Those with a distinctive result first (REVIEW_SHOWN chapters at most), told in the plan's order.
      const ranked = [...perChapter].sort((a, b) => Number(b.distinct) - Number(a.distinct)).slice(0, REVIEW_SHOWN);
      const shown = complete ? perChapter : perChapter.filter((x) => ranked.includes(x));
      const most = Math.min(Math.max(HIGHLIGHTS.most, shown.length), HIGHLIGHTS.most + 1);
      const picked: string[] = [];
      for (let k = 0; picked.length < most && shown.some((x) => x.picks[k]); k++) for (const x of shown) if (x.picks[k] && picked.length < most) picked.push(x.picks[k]!);
      // A theme told in one sentence is thin: a second result of its own, when it has one that is no routine count.
      if (picked.length === 1) {
        const more = highlights(t.分章.flatMap((ch) => ch.句).map(quiet), new Map()).filter((x) => !picked.includes(x) && !REVIEW_WORDS.routine.test(x));
        if (more[0]) picked.push(more[0]);
      }
      const fallback = picked.length ? [] : highlights(t.成效.map(quiet), shapes);
      const heading = complete || !picked.length ? t.标题 : shown.map((x) => words.action(x.ch.对象, x.ch.状态)).join('，');
      const subject = (complete || !picked.length ? t.简称 : shown.map((x) => x.ch.对象).join('和')).replace(REVIEW_WORDS.notFocused, '');
      const said = picked.length ? picked : fallback;
      const items = said.length
        ? [`${REVIEW_OPENINGS[i === 0 ? 0 : 1 + ((i - 1) % (REVIEW_OPENINGS.length - 1))]!(subject)}${said.join('；')}。`]
        : own.every((c) => c.status === '未报送') ? [SPEECH_GAPS.silent] : [SPEECH_GAPS.results, quiet(t.成效补充)];
      return { 序号: cnOrdinal(i), 标题: heading, 成效: items.filter(Boolean) };
    });

  // Shortcomings: each point one task not done, with what is still missing when the figures give it, at most three.
  const behind = [...new Map(clauses.filter(notDone).map((c) => [c.task, c] as const)).values()];
  const ordered = [...behind.filter((c) => c.shortfall), ...behind.filter((c) => !c.shortfall)].slice(0, SHORTCOMINGS.most);
  // An indicator that missed its target is said first, as the report's 存在问题 says it.
  const points = [...ctx.报告.指标未达到.map((x) => spoken(x.replace(/。$/, ''))), ...ordered.map((c) => shortfallWords(c.task, c.shortfall, yearEnd, c.target))].slice(0, SHORTCOMINGS.most);
  // A single point is said, not numbered: 一是 with no 二是 reads as a list cut short.
  const shortcomings = [...points.map((x, i) => (points.length > 1 ? `${cnOrdinal(i)}是${x}。` : `${x}。`)), `${SPEECH_GAPS.deeper}。`];

  const pressed = clauses.filter(notDone);
  const carriedTasks = [...new Set(pressed.map((c) => c.task))];
  const carried = yearEnd && carriedTasks.length
    ? `对${year}年未完成的${carriedTasks.slice(0, 3).join('、')}${carriedTasks.length > 3 ? '等' : ''}工作，要${carriedTasks.length > 1 ? '逐项' : ''}明确完成时限，尽快完成。`
    : '';
  // The office's themes group the next plan's chapters too, when they name chapters it has; else one part a chapter.
  const themesOf = (p: Plan): ThemeSpec[] => {
    try {
      return parseThemes(o.settings?.reportThemes ?? '', p.chapters);
    } catch {
      return [];
    }
  };
  // Targets the year met, by their words: the next year's plan says them again, the speech says 巩固.
  const doneIds = new Set(clauses.filter((c) => (yearEnd ? c.yearEnd === '完成' : c.status === '已完成')).map((c) => c.clauseId));
  const met = new Set(plan.tasks.flatMap((t) => t.clauses.filter((c) => doneIds.has(c.id)).flatMap((c) => c.targets.map((x) => targetKey(x.words)))));
  let deploy: SpeechContext['部署'];
  if (o.nextPlan) {
    const p = o.nextPlan;
    const parts = deployParts(p, () => true, themesOf(p), met);
    deploy = {
      来源: 'next',
      计划: displayTitle(p),
      总体要求: SPEECH_GAPS.aims(next),
      概述: `${next}年，要围绕《${displayTitle(p)}》，重点抓好以下${cnCount(parts.length)}个方面工作。`,
      结转: carried,
      章节: parts,
      见: `具体任务见《${displayTitle(p)}》。`,
    };
  } else if (!yearEnd) {
    // The rest of the year: the plan's tasks with a clause not yet done, condensed the same way.
    const open = new Set(clauses.filter((c) => c.status !== '已完成').map((c) => c.taskId));
    const parts = deployParts(plan, (t) => open.has(t.id), themesOf(plan), met);
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
    指标: spoken(ctx.报告.指标段) || (yearEnd ? `${SPEECH_GAPS.indicators(year)}。` : ''),
    回顾: review,
    不足: shortcomings,
    部署: deploy,
    督办: `${SPEAKER_WORDS.office}将对重点工作实行清单化管理、定期调度，对进度滞后的任务及时督办通报，确保各项任务按时保质完成。`,
  };
}
