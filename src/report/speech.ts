// The conference speech's own context (`讲话`): at the next year's work conference the leader reviews the year
// from its data and deploys the next year's plan (`report --next-plan`); after any other round, the rest of the
// year. Every sentence here follows from the data by a rule (the year's plan, the units' reports, the next plan's
// preamble and clauses); what the data cannot give (the speaker, 形势) is a short 【待填：…】, and what carries no
// facts (作风, the closing words) is an editable paragraph of templates/speech.hbs.
import { displayTitle, type Plan } from '../model/plan.ts';
import type { ClauseProgress, RoundProgress } from '../model/progress.ts';
import { bulletinSubject, COMMEND_RULE, coopFillerMostly, isPressed, missedLead, rowName, YEAR_RESULTS } from './bulletin.ts';
import { asOwnFact, firstKept, kindPoints, LEANS, leansOnPrevious, NEXT_OPENING, remainingMatch, tellingFact, cnCount, cnOrdinal, echoesTheme, headlineRank, leadWords, namesItsSubject, offTopic, PLAN_ECHO, sameWork, sharesRun, SUPERIORS, SUPERIORS_GAP, superiorsOf, taskObject, type ReportContext } from './context.ts';
import type { Settings } from '../model/settings.ts';
import { aimAgainstValue, annexVerdict, chaptersOfMetric, figureWords, metricTopic } from './kpi.ts';
import type { Metrics } from '../model/metrics.ts';
import { scopeWords, sizeOf } from './counting.ts';
import { cnPunctuation } from './punctuation.ts';
import { completePhrases, escapeRe, HEADING_ADVERBS, HEADING_PREDICATES, headingWords, partAlone, sentenceShape, sentencesOf, shortName, substance, substantiveMeasure, SUBSTANTIVE_MEASURE, SUPERIOR_INSPECTION, toldOnce } from './synthesis.ts';
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
  /** `2026年` as the template prints it. */
  部署年: string;
  /** `2025年` at the year's end, `前三季度` otherwise: the period reviewed, as the speech names it. */
  回顾期间: string;
  开场: string;
  /** The bodies the bureau answers to: the report's gap (`【待填：上级领导机关，如“市委市政府”】`), never stated as fact. */
  上级: string;
  /** The Word comment on the opening when 上级 is said by the bureau's level (context.ts SUPERIORS.note), else ''. */
  上级批注: string;
  /** The year's guiding thought as its own plan states it (`以…为指导，深入贯彻习近平生态文明思想`), or empty. */
  遵循: string;
  /** One overall figure at most, at the level the review lists (项 of work). */
  总述: string;
  /** The year's indicators with a target in the speaker's words (SPOKEN_KPI, kpiWords), else the report's KPI paragraph spoken, or a 【待填】 at the year's end. */
  指标: string;
  /**
   * At the close of a five-year plan (PLAN_CLOSING), the sentence the review opens with (round fifteen, R10 speech 5:
   * `2025年是“十四五”规划的收官之年，…【待填：全面完成/基本完成】。一年来，在…的坚强领导下`), or empty.
   */
  收官: string;
  /** What the review's first sentence opens with: `一年来` after the 收官 sentence, else the period (`2025年`). */
  回顾起: string;
  /**
   * The review by theme (themes.ts, synthesis.ts): a result heading, and one spoken paragraph `一是…；二是…` of the
   * units' reported results, the biggest figures, firsts and awards first (highlightScore), or a 【待填】.
   */
  回顾: { 序号: string; 标题: string; 成效: string[] }[];
  /**
   * The review's turn from the figures to its themes, as the deployment's 概述 (round eighteen, R21 speech 2:
   * `一年来，我们重点抓了五个方面`): `全年重点抓了以下五个方面工作。` by the themes told; '' with fewer than two.
   */
  回顾概述: string;
  /** The shortcomings as one spoken passage: missed indicators, tasks not done with their shortfall and cause, problems reported. */
  不足: string[];
  /**
   * The 形势 part (SITUATION, R6 speech 3): （一）the superiors' requirements, a 【待填】; （二）the stage, from the next
   * plan's preamble, ending in the pressures to fill; （三）the office's own work, the next aims against the year's
   * values and the superior's inspection the next plan names (R8 speech 3, R12), when the data gives them.
   */
  形势: string[];
  部署: {
    /** `next`: the next year's plan; `remaining`: this year's unfinished tasks; `none`: nothing to deploy from. */
    来源: 'next' | 'remaining' | 'none';
    计划: string;
    /** The 总体要求 paragraph from the next plan's preamble (its place, guiding thought and aims), or a 【待填】. */
    总体要求: string;
    概述: string;
    /** The year's unfinished work that no part of the deployment took up, with the units' own deadlines. */
    结转: string;
    章节: { 序号: string; 标题: string; 任务: string[] }[];
    /** The closing line after the parts (DEPLOY_CLOSING): `具体任务在《…》中已经明确，各单位要逐项抓好落实。` */
    见: string;
  };
  /**
   * 压实工作责任's opening (DUTY_WORDS): the next plan named with its size (`《…2026年工作要点》部署了59项重点任务，`),
   * run on into the template's words; empty without a next plan.
   */
  责任: string;
  /** The 强化调度督办 sentence, in the speaker's voice (SUPERVISION_WORDS); mid-year, then the units that did not report (SILENT_UNITS). */
  督办: string;
  /** What the closing words build towards, from the next plan's preamble (`美丽济南`), or empty. */
  愿景: string;
}

/**
 * How the speaker names things, as data: the bureau speaking of itself says 我们 (its own work) and 局里 (what its
 * office will do); its name is shortened by dropping the city or district before 市/区/县 (`济南市生态环境局` →
 * `市生态环境局`) where a name must stand (the meeting).
 */
export const SPEAKER_WORDS = { self: '我们', lastYear: '去年' } as const;

/**
 * The deployment (R4 speech 4): a part leads with what answers the year's problems, then its tasks with a target or
 * new words, `perPart` items in all (`othersPerPart` of the latter at most, `leastPerPart` at least); a chapter
 * answering a missed indicator tells `toldPerChapter` tasks. Each item is `<lead>。<measures>，确保<targets>。`: the
 * measures the plan's clauses of at most `clauseChars`, `measureChars` in all, never more than `copyMost` of the plan's
 * words running. The rest is the plan's (DEPLOY_CLOSING).
 */
export const DEPLOY = { toldPerChapter: 2, named: 3, measureChars: 50, perPart: 4, othersPerPart: 3, leastPerPart: 2, clauseChars: 40, copyMost: 50, nextLeast: 10, measures: 2, itemChars: 120 } as const;

/**
 * An item as the leader says it (R8 speech 4), not the plan's clauses strung: its lead and at most DEPLOY.measures
 * measures (a task's clauses; in a part of several chapters, a task's bit), in one register, the director's: round
 * fifteen (R10 speech 1, as R6 asked) opens every item's first measure with SPOKEN_ITEM.must (`一是加强政治机关建设。要坚持
 * …`), reversing round fourteen (R9 speech 5: no 要, as the seed's items) — two of the three later reviewers asked for
 * it; an item over DEPLOY.itemChars characters is cut at a clause boundary from its end, never a gap to fill nor what
 * it ensures.
 */
export const SPOKEN_ITEM = {
  must: '要',
  /** A measure that opens so says its own modal (`要…`, `必须…`) or is a gap to fill (`【待填…】`). */
  opensOwn: /^(要|必须|【)/,
  kept: /【待填|(?:^|，)确保/,
  /**
   * Round sixteen (R13 speech 10: `“五即”（即产生、即包装、即称重、即打码、即入库）`, nobody reads a parenthesis aloud):
   * a gloss listing what a name stands for is left to the plan; a gap's own note (`【待填：…（待…）】`) stays.
   */
  gloss: /（[^（）【】]*、[^（）【】]*）/g,
} as const;
export function spokenItem(item: string, ownerAt: RegExp = NO_OWNER, limit: number = DEPLOY.itemChars): string {
  item = item.split(/(【[^】]*】)/).map((x) => (x.startsWith('【') ? x : x.replace(SPOKEN_ITEM.gloss, ''))).join('');
  const at = item.indexOf('。');
  if (at < 0) return item;
  const lead = item.slice(0, at);
  const told = item.slice(at + 1).replace(/。$/, '');
  if (!told) return item;
  // A measure said with its owner (OWNER: `大气环境处要…`, ownerAt from ownerOpening) has its 要; the owner counts in
  // neither a clause's kind nor the item's length.
  // A first measure opening with its deadline is done by it (`要在2026年6月底前完成…`), as ownedMeasures says it.
  const body = ownerAt.test(told) || SPOKEN_ITEM.opensOwn.test(told) ? told : `${SPOKEN_ITEM.must}${DEADLINE_OPENING.test(told) ? '在' : ''}${told}`;
  const unowned = (c: string) => c.replace(ownerAt, '');
  // Cut at a clause boundary from the end (R8 speech 4): each measure keeps its first clause (a framing clause with the
  // clause it frames), a gap and what it ensures; the last measure's last other clause goes first.
  const measures = body.split('；').map((m) => {
    const out: string[] = [];
    for (const c of m.split('，')) {
      const prev = out.at(-1);
      // A gap is said with the frame before it and the measure after it (`针对…问题，【待填…】，按照…`): one clause here.
      const last = prev?.split('，').at(-1) ?? '';
      if (prev !== undefined && (FRAMING_CLAUSE.test(unowned(last).replace(/^要/, '')) || /】$/.test(last) || /^【待填/.test(c))) out[out.length - 1] = `${prev}，${c}`;
      else out.push(c);
    }
    return out;
  });
  const said = () => measures.map((m) => m.join('，')).join('；');
  // Measured as the item would be without its owners: the first measure's 要 it would have anyway, the others' not.
  const length = () => measures.map((m, i) => (i ? unowned(m.join('，')).replace(/^要/, '') : unowned(m.join('，')))).join('；').length;
  while (lead.length + 1 + length() + 1 > limit) {
    const at = measures.map((m, i) => (m.slice(1).some((c) => !SPOKEN_ITEM.kept.test(c)) ? i : -1)).reduce((a, b) => Math.max(a, b), -1);
    if (at < 0) break;
    const m = measures[at]!;
    const k = m.map((c, i) => (i > 0 && !SPOKEN_ITEM.kept.test(c) ? i : -1)).reduce((a, b) => Math.max(a, b), -1);
    m.splice(k, 1);
  }
  return `${lead}。${said()}。`;
}

/**
 * How a theme's review paragraph opens, in turn (the first theme first): not every paragraph `我们聚焦…`. `subject`
 * is the theme's subject without the abstract nouns 聚焦 does not take (REVIEW_WORDS.notFocused).
 */
export const REVIEW_OPENINGS: readonly ((subject: string, since: string) => string)[] = [
  (s, since) => `${since}，我们聚焦${s}，`,
  (s) => `在${s}方面，`,
  (s) => `围绕${s}，`,
  (s) => `${s}方面，`,
];
export const REVIEW_WORDS = {
  /** Abstract nouns a theme's subject ends with that the openings do not take (`聚焦治理能力现代化水平` → `…现代化`). */
  notFocused: /(安全屏障|屏障|水平)$/,
  /** Routine counts that are no result to tell a conference: meetings held, trainings given, inspections made. */
  // Round twenty (R39 1, R41 4, R42 1: `组织“第一议题”学习31次、党组理论学习中心组集体学习14次` is no result a director reads out):
  // counts of study sessions too.
  routine: /(培训|调度会|推进会|座谈会|专项督导|现场检查|受理|学习\d+次)/,
  /**
   * When a theme's paragraph opens with REVIEW_OPENINGS (R6 speech 1: `围绕黄河流域生态保护，一是…` under `（三）黄河
   * 流域生态保护…` says the heading again): only a single point whose subject shares fewer than `leadInRun` characters
   * running with the heading keeps one; points open with 一是.
   */
  leadInRun: 4,
} as const;
/** The review's turn to its themes (SpeechContext.回顾概述). */
export const REVIEW_TURN = (period: string, themes: number) => `${period}重点抓了以下${cnCount(themes)}个方面工作。`;
/** Chapters a theme's review heading names at most, when not every chapter of the theme has a result to tell. */
export const REVIEW_SHOWN = 2;
/** Items (一是…) per theme in the review, and shortcomings named at most. */
export const HIGHLIGHTS = { most: 3, chapters: 4 } as const;
/**
 * Round eighteen (R21 speech 4: the deployment answered 小清河总氮 and 排污权 `针对…的问题`, never named in 问题和不足):
 * past `most` points, the problems reported on work done without a figure are one last point, each by the name the
 * deployment answers it by (`部分城乡接合部镇街道路积尘负荷反复，小清河汛期总氮浓度波动较大，…`), so every problem
 * answered was first named, as the report's 存在问题 does (context.ts problemLayout).
 */
// After R23 (speech 6: the last point had no head of its own): `一些工作还存在短板，` before the names.
export const SHORTCOMINGS = { most: 4, join: '，', head: '一些工作还存在短板，' } as const;

/**
 * What makes a reported result a highlight, as data: each figure counts, a large one more (each threshold passed),
 * and a first, a ranking or an award most. Years (`2025年`) are no figures.
 */
export const HIGHLIGHT_RULES = {
  honours: /首次|首个|首家|首批|率先|(全国|全省|全市)第[一二三]|第一名|获评|荣获|评为|授予|表彰|[一二三特]等奖|典型案例|国家级|全国/,
  honourWeight: 3,
  large: [100, 1000, 10000] as readonly number[],
  /**
   * A result (R1 speech 3): what the work achieved, not how often it was done; a clause saying one counts this much
   * more, at most twice a sentence.
   */
  results: /(完成|建成|下降|降低|达到|达标|获评|提高到|提升至|压缩至|全部|通过|施行|整改|销号|办结|创建|入库|总投资|兑付|实现|保持)/,
  resultWeight: 2,
  /** A count of acts (`检测在用机动车28.7万辆次`, `查处…96起`, `开展…检查4轮`): activity, not result; each such clause counts this much less. */
  activity: /(检测|检查|抽查|抽检|查处|开展|排查|巡查|评查|核查|受理|组织|举办|召开)[^，；]*?\d+(?:\.\d+)?万?余?(?:次|辆次|人次|家次|轮|场|起|期)/,
  activityWeight: 2,
} as const;

const FIGURE = /\d+(?:\.\d+)?/g;

/** Whether a sentence has anything to show: a figure (years aside) or an honour. */
export function telling(x: string): boolean {
  const bare = x.replace(/\d{4}年/g, '');
  return /\d/.test(bare) || HIGHLIGHT_RULES.honours.test(bare);
}

/**
 * How much a reported sentence has to show a conference (HIGHLIGHT_RULES): each figure counts, a large one more
 * (each threshold passed), a first, a ranking or an award most; a clause of result more, a count of acts less.
 */
export function highlightScore(x: string): number {
  const bare = x.replace(/\d{4}年/g, '');
  const figures = (bare.match(FIGURE) ?? []).map(Number);
  const big = Math.max(0, ...figures.map((n) => HIGHLIGHT_RULES.large.filter((t) => n >= t).length)) + (/\d\s*[万亿]/.test(bare) ? 1 : 0);
  const clauses = bare.split(/[，；]/);
  const acts = clauses.filter((c) => HIGHLIGHT_RULES.activity.test(c)).length;
  const results = Math.min(2, clauses.filter((c) => !HIGHLIGHT_RULES.activity.test(c) && HIGHLIGHT_RULES.results.test(c)).length);
  return (
    figures.length + big + (HIGHLIGHT_RULES.honours.test(bare) ? HIGHLIGHT_RULES.honourWeight : 0) + results * HIGHLIGHT_RULES.resultWeight - acts * HIGHLIGHT_RULES.activityWeight
  );
}

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
 * else), the highest highlightScore first; at most HIGHLIGHTS.most, in their order. Without any figure, the first
 * sentences stand. Every highlight is a unit's sentence, trimmed, never a new claim. `shapes` counts each shape over
 * all themes.
 */
export function highlights(items: string[], shapes: Map<string, number> = new Map(), distinctOnly = false): string[] {
  const scored = reportedSentences(items).map((x, at) => ({ x, at, n: highlightScore(x), shows: telling(x), routine: (shapes.get(sentenceShape(x)) ?? 0) > 1 ? 1 : 0 }));
  const withFigures = scored.filter((s) => s.shows);
  // Routine sentences stand only where the theme has nothing distinctive (and never when `distinctOnly`).
  const distinct = withFigures.filter((s) => !s.routine);
  if (distinctOnly) return [...new Set([...distinct].sort((a, b) => b.n - a.n || a.at - b.at).slice(0, HIGHLIGHTS.most).sort((a, b) => a.at - b.at).map((s) => s.x))];
  const pool = withFigures.length ? [...(distinct.length ? distinct : withFigures)].sort((a, b) => b.n - a.n || a.at - b.at) : scored.filter((s) => s.x.length > 8);
  return [...new Set(pool.slice(0, HIGHLIGHTS.most).sort((a, b) => a.at - b.at).map((s) => s.x))];
}

/**
 * A task not done, in the speaker's words: what it is about and what is left, with the noun its target counts. Round
 * sixteen (R13 speech 5: `尚有48个行政村未完成` without its denominator; the issue's rule `660个完成612个，尚差48个`):
 * a count short of its target says all three (`农村环境整治省定660个行政村完成612个，还差48个`); the target's scope word
 * before its figure (`省定`) is kept.
 */
export const SHORTFALL_SPOKEN = {
  counted: /^(\d+(?:\.\d+)?)(个|家|项|处|座|条)完成(\d+(?:\.\d+)?)\2，尚差(\d+(?:\.\d+)?)\2$/,
  scope: /(省定|市定|省下达|国家下达)(?=\d)/,
} as const;
export function shortfallWords(task: string, shortfall: string | null, yearEnd: boolean, target = ''): string {
  const left = shortfall ? /尚差(.+)$/.exec(shortfall)?.[1]?.trim() : undefined;
  const about = taskObject(task);
  if (left) {
    const noun = /\d+(?:个|家|项|处|座|条)([\u4e00-\u9fa5]{1,4}?)(?=环境|整治|建设|改造|治理|创建|任务|的|，|$)/.exec(target)?.[1] ?? '';
    const n = SHORTFALL_SPOKEN.counted.exec(shortfall!.trim());
    if (n) return `${about}${SHORTFALL_SPOKEN.scope.exec(target)?.[1] ?? ''}${n[1]}${n[2]}${noun}完成${n[3]}${n[2]}，还差${n[4]}${n[2]}`;
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
  return SPOKEN_FIGURES.reduce((t, [re, to]) => t.replace(re, to), cnPunctuation(text));
}

/**
 * The year's indicators in the speaker's words (round fifteen, R10 speech 6: the report's figures read aloud): only
 * those with a target; a topic (kpi.ts METRIC_TOPICS) with an indicator missed is told figure by figure (`…36微克/立方米，
 * 优于省考核要求`, `…63.1%，离省考核要求还差0.4个百分点`), the topics met throughout together (`水、土壤主要指标全部达到
 * 考核要求`, their bases merged as the 通报's YEAR_RESULTS.met). With nothing missed, the first topic is told by figure.
 */
export const SPOKEN_KPI = {
  beats: (name: string, value: string, basis: string) => `${name}${value}，优于${basis}`,
  meets: (name: string, value: string, basis: string) => `${name}${value}，达到${basis}`,
  short: (name: string, value: string, basis: string, gap: string) => `${name}${value}，离${basis}还差${gap}`,
  // Round sixteen (R13 speech 4: `水、土壤主要指标全部达到考核要求` was vague): each topic met together is named by its first
  // indicator and value before the verdict (`国控断面优良水体比例100%、重点建设用地安全利用率100%，水、土壤…`).
  allMet: (named: string[], topics: string[], basis: string) => `${named.length ? `${named.join('、')}，` : ''}${topics.join('、')}主要指标全部达到${basis}`,
  /** A gap between two percentages is said in 百分点. */
  points: '个百分点',
} as const;
/** The bases of indicators said together: their one basis, `考核要求` when each is some 考核要求 (省, 国家), else `目标`. */
export function sharedBasis(bases: string[]): string {
  const unique = [...new Set(bases)];
  return unique.length === 1 ? unique[0]! : unique.every((b) => b.endsWith('考核要求')) ? '考核要求' : '目标';
}
/** How far a value falls short of its target, in the target's unit (`0.4个百分点`, `2微克/立方米`), or '' when not figures. */
export function shortBy(value: string, target: string): string {
  const [v, t] = [/-?\d+(?:\.\d+)?/.exec(value)?.[0], /-?\d+(?:\.\d+)?/.exec(target)?.[0]];
  if (v === undefined || t === undefined) return '';
  const decimals = Math.max(...[v, t].map((x) => x.split('.')[1]?.length ?? 0));
  const gap = Math.abs(Number(t) - Number(v)).toFixed(decimals);
  return `${gap}${/[%％]$/.test(value) ? SPOKEN_KPI.points : value.slice(value.indexOf(v) + v.length)}`;
}
/** The gap with its side (`低0.4个百分点`, `高2微克/立方米`): the report's 存在问题 says it so; '' when shortBy has none. */
export function gapWords(value: string, target: string): string {
  const by = shortBy(value, target);
  if (!by) return '';
  const [v, t] = [value, target].map((x) => Number(/-?\d+(?:\.\d+)?/.exec(x)![0]));
  return `${v! < t! ? '低' : '高'}${by}`;
}
export function kpiWords(rows: readonly { 名称: string; 目标: string; 完成值: string; 结论: string }[]): string {
  const targeted = rows.filter((r) => r.目标 && /^(未)?达到/.test(r.结论));
  if (!targeted.length) return '';
  const basisOf = (r: (typeof targeted)[number]) => r.结论.replace(/^(未)?达到/, '');
  const topicOf = (r: (typeof targeted)[number]) => metricTopic(r.名称)?.topic ?? '';
  const topics = [...new Set(targeted.map(topicOf))];
  const missed = new Set(targeted.filter((r) => r.结论.startsWith('未')).map(topicOf));
  // A topic told figure by figure: one with a miss, an indicator of no topic, or (nothing missed) the first.
  const byFigure = (t: string) => !t || missed.has(t) || (!missed.size && t === topics[0]);
  const figure = (r: (typeof targeted)[number]) => {
    const name = spoken(r.名称);
    const gap = shortBy(r.完成值, r.目标);
    if (r.结论.startsWith('未')) return gap ? SPOKEN_KPI.short(name, r.完成值, basisOf(r), gap) : `${name}${r.完成值}，没有达到${basisOf(r)}`;
    return aimAgainstValue(r.名称, r.目标, r)?.margin ? SPOKEN_KPI.beats(name, r.完成值, basisOf(r)) : SPOKEN_KPI.meets(name, r.完成值, basisOf(r));
  };
  const together = topics.filter((t) => !byFigure(t));
  const said = [
    ...targeted.filter((r) => byFigure(topicOf(r))).map(figure),
    together.length
      ? SPOKEN_KPI.allMet(
          together.map((t) => targeted.find((r) => topicOf(r) === t)!).map((r) => `${spoken(r.名称)}${r.完成值}`),
          together,
          sharedBasis(targeted.filter((r) => together.includes(topicOf(r))).map(basisOf)),
        )
      : '',
  ].filter(Boolean);
  return `${said.join('；')}。`;
}

/** What the speech prints where the data cannot speak, each a 【待填】 listed after rendering. */
export const SPEECH_GAPS = {
  meeting: '【待填：会议名称】',
  speaker: '【待填：讲话人姓名、职务】',
  /** The report's form (round ten, R5 speech 4): who leads the bureau is not in the data. */
  // A function: context.ts and this module import each other, so its constant is read when the speech is built.
  superiors: () => `【待填：${SUPERIORS_GAP}】`,
  results: '【待填：本方面主要成效及数据】',
  silent: '【待填：本方面主要成效及数据（责任单位未报送）】',
  indicators: (year: string) => `【待填：${year}年主要指标完成情况】`,
  /** 形势's parts the data cannot give (SITUATION): the superiors' meetings and documents, a stage unknown, the pressures. */
  superiorsWords: '【待填：上级会议和文件对今年工作的要求（约200字）】',
  stage: '【待填：所处发展阶段和面临的形势】',
  pressures: '【待填：今年面临的压力和挑战（约200字）】',
  /** Round fourteen: when （三） says the pressures of the office's own work from the data, what is left to fill is the outside. */
  outerPressures: '【待填：今年面临的外部压力和挑战（约150字）】',
  notDoneCause: '【待填：未完成原因】',
  subjective: '【待填：主观方面不足】',
  missedCause: (name: string) => `【待填：${name}未达标原因】`,
  /** The deployment's answer to a missed indicator (R5 speech 5): its causes are the lead's to find, so no measure is claimed as their cure. */
  missedMeasure: (lead: string) => `【待填：针对性措施${lead ? `（待${lead}原因分析）` : ''}】`,
  aims: (year: string) => `【待填：${year}年工作总体要求（指导思想、主要目标）】`,
  /** The speech's word on it (R9 speech 6): whether the five-year plan was fully or mostly done is the drafter's to say. */
  planVerdict: '【待填：全面完成/基本完成】',
} as const;

/**
 * A year that closes a five-year plan, as its own plan's preamble says (`2025年是“十四五”规划的收官之年，…`): round
 * fourteen (R9 speech 6) says it as one short clause of the review's opening, right after its first sentence, like the
 * report's (was: a paragraph of its own before the theme points, `五年来，【待填：…完成情况】`): the verdict to fill.
 */
export const PLAN_CLOSING = /(\d{4}年)是(“[^”]+”)规划的?收官之年/;
export function planClosingWords(place: string): string {
  const m = PLAN_CLOSING.exec(place);
  // The plan named once in the sentence (R12 speech 6: `“十四五”规划…，“十四五”规划目标任务…`).
  return m ? `${m[0]}，规划目标任务${SPEECH_GAPS.planVerdict}。` : '';
}

/**
 * The meeting a speech is given at, from the issuer's name, as the model speech names it: `济南市生态环境局` holds
 * the `市生态环境局2026年工作会议`, an internal meeting of the bureau (its plan is the bureau's, not the city's).
 * `--meeting` or the setting 会议名称 names it outright.
 */
export function meetingName(issuer: string, year: string, yearEnd: boolean, span: string): string {
  const own = shortName(issuer);
  return yearEnd ? `${own}${year}年工作会议` : `${own}${year}年${span}重点工作推进会`;
}

/**
 * 当前形势 (R6 speech 3): （一）the superiors' requirements are not in the data (a gap); （二）the stage is the next plan's
 * own place in time (`2026年是“十五五”规划的开局之年`) with its clause of what that asks (`stageClause`: `高质量开好…的局`),
 * which the 总体要求 then does not say again, and the pressures the data cannot name (a gap); （三）the office's own work
 * (R8 speech 3, ownWorkWords): what the next year's aims ask beyond the year's values, and the superior's inspection
 * the next plan names, when the data gives either (round twelve had no （三）: it only repeated the shortcomings). Round fourteen: with a
 * （三）, the own work's pressures are said there, and （二）'s gap is only the outside's (SPEECH_GAPS.outerPressures).
 */
export const SITUATION = {
  views: ['从上级要求看', '从发展阶段看', '从自身工作看'] as const,
  stageClause: /开好|开局/,
} as const;
export function situationWords(place: string, stageClause: string, ownWork = ''): string[] {
  const [upper, stage, self] = SITUATION.views;
  return [
    `（一）${upper}，${SPEECH_GAPS.superiorsWords}。`,
    `（二）${stage}，${place ? `${place}${stageClause ? `，要${stageClause.replace(/^要/, '')}` : ''}，${ownWork ? SPEECH_GAPS.outerPressures : SPEECH_GAPS.pressures}` : SPEECH_GAPS.stage}。`,
    ...(ownWork ? [`（三）${self}，${ownWork}。`] : []),
  ];
}

/**
 * 形势 （三）'s words, as data (R8 speech 3): an aim the year's value falls short of is raised to (`优良天数比率要由63.1%
 * 提高到64%以上`); an aim the year's value meets is not said: one it beats is no pressure (R12 speech 5: `力争稳定在36…` was a commitment no plan
 * or unit wrote; `控制在37…以内` alone read as asking for less, R9 speech 3). A
 * short Latin name stands for its indicator (`PM2.5平均浓度` → `PM2.5`).
 */
export const OWN_WORK = {
  raise: (name: string, value: string, atMost: boolean, aim: string) => `${name}要由${value}${atMost ? '降至' : '提高到'}${aim}`,
  /** The aim's verb before its figure (`控制在37…以内` → `37…以内`), where the raise says its own. */
  verb: /^(控制在|达到|保持在?|提高到|提升至|降至|降低到|不高于|不低于|不超过|不少于)/,
  shortName: /^([A-Za-z][A-Za-z0-9.]*)(?=[\u4e00-\u9fa5])/,
  /**
   * What the next plan says the year must be ready for (SUPERIOR_INSPECTION in its clause `做好迎接中央生态环境保护督察
   * 各项准备工作`), as a pressure (`今年还面临迎接中央生态环境保护督察的任务`): the deployment says the clause as its measure.
   * The work the year left and the problems to follow up are not said again here (R10, R11, R12 speech: they repeated the
   * shortcomings just listed).
   */
  // Round eighteen (R21 speech 5: `面临…的任务` says more than the plan's `做好迎接…准备工作`): the plan's duty, short.
  inspection: (clause: string) => `今年还要做好${SUPERIOR_INSPECTION.exec(clause)?.[0] ?? clause}的准备`,
  /**
   * Round sixteen (R13–R17 speech, five readers in a row: （三） was thin; R10–R12 had asked it not to repeat the
   * shortcomings): the work the year left, said forward as this year's, never the shortfall or its cause again.
   * Round eighteen (R18, R19 speech: the 48 villages and the 5 problems came three times, in 不足, 形势 and 部署):
   * the work left is named by its work only (`农村环境整治、督察反馈问题整改还有收尾任务`), its counts and dates are
   * the deployment's; work carried into the year keeps its unit's date, the year left out (`“十五五”生态环境保护规划
   * 编制要在上半年完成`), the one thing the deployment says by its plan's own date.
   */
  dated: /^((?:\d{4}年(?=[一二三四上下\d])|\d{4}(?=年底))?(?:[一二三四]季度|[上下]半年|\d+月(?:底|中旬|上旬|下旬)?|年底)(?:前|内)?)(完成.+)$/,
  /** The works with something left (a dated remainder, problems to close), named by their work. */
  left: (works: string[]) => (works.length ? `${works.join('、')}还有收尾任务` : ''),
  /** What remains of a work, as its unit wrote it (`剩余48个村整治任务`, `剩余5项督察问题`). */
  remaining: /剩余\d+(?:\.\d+)?(?:个|项|家|处|件|条)[\u4e00-\u9fa5]{1,10}?(?:任务|问题|工作|项目)/,
  /** The works left, the first with 剩余 and the others without (`剩余48个村整治任务、5项督察问题要抓紧收尾`). */
  leftCounted: (works: string[]) => (works.length ? `${works.map((w, i) => (i ? w.replace(/^剩余/, '') : w)).join('、')}要抓紧收尾` : ''),
  /** Problems left to close, named by their kind (`督察反馈问题` → `督察反馈问题整改`). */
  close: (kind: string) => `${kind}整改`,
  generic: /^(各类|各项|相关|有关|其他)/,
  carried: (object: string, clause: string) => {
    const m = OWN_WORK.dated.exec(clause);
    if (!m) return '';
    // Round nineteen (F30: `各类试点示范建设要在年底前完成` named no work): a task's object naming only a kind
    // (OWN_WORK.generic) gives way to the unit's own object of 完成 (`近零碳试点建设验收`); a task naming its work keeps it.
    const own = m[2]!.replace(/^完成/, '').split(/[，。；]/)[0]!;
    const what = OWN_WORK.generic.test(object) && own.length >= 4 ? own : object;
    return `${what}要在${m[1]!.replace(/^\d{4}(?:年(?!底))?/, '').replace(/(?<!年底)前$/, '')}完成`;
  },
} as const;


/** One aim of the next plan against the year's value of its indicator (OWN_WORK, kpi.ts aimAgainstValue), or null when there is nothing to ask. */
export function aimAgainstYear(aim: string, rows: readonly { 指标: string; 目标: string; 完成值: string }[]): string | null {
  const m = aimRow(aim, rows);
  if (!m?.against || m.against.meets) return null;
  return OWN_WORK.raise(OWN_WORK.shortName.exec(m.name)?.[1] ?? m.name, m.row.完成值, m.against.atMost, m.rest.replace(OWN_WORK.verb, ''));
}

/**
 * The year's row an aim (in spoken words) is about, by the indicator's spoken name it opens with: the name, the aim's
 * rest (`控制在37…以内`) and how the year's value stands against it (kpi.ts aimAgainstValue); null when no row is.
 * One match for 形势's raise and gain and the 主要目标's bridge.
 */
function aimRow<R extends { 指标: string; 完成值: string }>(aim: string, rows: readonly R[]) {
  const row = rows.find((r) => aim.startsWith(spoken(r.指标)));
  if (!row) return null;
  const name = spoken(row.指标);
  const rest = aim.slice(name.length);
  return { row, name, rest, against: aimAgainstValue(name, rest, row) };
}

/**
 * 形势 （三）: the aims the year's values fall short of, then what the next plan says to be ready for (OWN_WORK.inspection);
 * '' when neither.
 */
export function ownWorkWords(aims: string[], rows: readonly { 指标: string; 目标: string; 完成值: string }[], inspection = '', left: string[] = [], missed: readonly { 指标: string; 目标: string; 完成值: string }[] = []): string {
  const figures = [...aims.map((a) => aimAgainstYear(a, rows)), ...aims.map((a) => gainAgainstYear(a, missed))].filter(Boolean).join('，');
  return [figures, left.filter(Boolean).join('，'), inspection ? OWN_WORK.inspection(inspection) : ''].filter(Boolean).join('；');
}

/**
 * After R24 (speech 5: （三） lost the one real pressure, the missed rate against a higher aim) and R22, R23 (63.1% said
 * four times): a missed indicator in 百分点 is said by the gain the next aim asks (`优良天数比率要比去年提高0.9个百分点
 * 以上`), a figure said nowhere else; '' for any other.
 */
export const GAIN = (name: string, points: string) => `${name}要比去年提高${points}个百分点以上`;
export function gainAgainstYear(aim: string, rows: readonly { 指标: string; 完成值: string }[]): string {
  const m = aimRow(aim, rows);
  const [target, value] = [/(\d+(?:\.\d+)?)%/.exec(m?.rest ?? '')?.[1], /(\d+(?:\.\d+)?)%/.exec(m?.row.完成值 ?? '')?.[1]];
  if (!m?.against || m.against.meets || m.against.atMost || !target || !value) return '';
  const points = Math.round((Number(target) - Number(value)) * 10) / 10;
  return GAIN(OWN_WORK.shortName.exec(m.name)?.[1] ?? m.name, String(points));
}

/** The next plan's clause naming a superior's inspection to be ready for (SUPERIOR_INSPECTION), or ''. */
export function inspectionClause(plan: Plan | undefined): string {
  for (const t of plan?.tasks ?? []) {
    const hit = cnPunctuation([t.text, ...t.clauses.map((c) => c.text)].join('。')).split(/[，；。]/).find((x) => SUPERIOR_INSPECTION.test(x));
    if (hit) return hit.trim();
  }
  return '';
}

/** A target's words compared across years: `2025年`/`2026年`, spaces and half-width marks left out. */
export const targetKey = (words: string) => cnPunctuation(words).replace(/\d{4}年度?/g, '').replace(/\s+/g, '');

/**
 * A task's targets in the speaker's voice: `确保A，B` for what is new. A target the year already met (the same words
 * on a clause done, 保持 or not) is left out: re-issued as new it would ask for less than was achieved
 * (`确保非现场执法比例保持在40%以上` after 42%), and `巩固…的成果` after it reads as a report, not a task.
 */
export function targetWords(targets: string[], met: Set<string>): string {
  const fresh = targets.filter((t) => !met.has(targetKey(t)));
  return fresh.length ? `确保${fresh.join('，')}` : '';
}

/**
 * How a plan's preamble is read (Plan.preamble): its aims after `主要任务目标：`, its place in time (`…之年`), and its
 * guiding thought after the subject's `要` (`全市生态环境保护工作要以…为指导，…`).
 */
export const PREAMBLE_WORDS = {
  aims: /^(?:主要(?:任务)?目标|工作目标|目标任务)[：:]\s*/,
  place: /之年$/,
  guidance: /^(.{2,20}?工作)要(以.+为指导.*)$/,
  /** What the closing words build towards: `着力建设…美丽济南` → `美丽济南`. */
  vision: /(美丽[\u4e00-\u9fa5]{2,3}?)(?:建设)?$/,
} as const;

export interface Preamble {
  place: string;
  subject: string;
  guidance: string;
  aims: string[];
}

/** A plan's preamble in parts; empty parts when it has none. */
export function readPreamble(preamble: string | undefined): Preamble {
  const out: Preamble = { place: '', subject: '', guidance: '', aims: [] };
  for (const line of cnPunctuation(preamble ?? '').split('\n').map((l) => l.trim()).filter(Boolean)) {
    if (PREAMBLE_WORDS.aims.test(line)) {
      out.aims.push(...line.replace(PREAMBLE_WORDS.aims, '').replace(/[。\s]+$/, '').split(/[，；]/).map((x) => x.trim()).filter(Boolean));
      continue;
    }
    for (const s of sentencesOf(line)) {
      const g = PREAMBLE_WORDS.guidance.exec(s);
      if (g) [out.subject, out.guidance] = [g[1]!, g[2]!];
      else if (PREAMBLE_WORDS.place.test(s) && !out.place) out.place = s;
    }
  }
  return out;
}

/**
 * The 总体要求 as a leader says it: `2026年是…之年。全市生态环境保护工作的总体要求是：以…为指导，…。主要目标是：…。`
 * Empty when the preamble states no guiding thought and no aims.
 */
/**
 * The guiding thought's clauses a leader says in the 总体要求 (R4 speech 5: the plan's text cut, not the review): its
 * first (`以…为指导`), the line of the Party and the superiors, and what the year builds towards; the list of tasks in
 * between is what the parts deploy.
 */
// Round sixteen (R14 speech 8: the quote jumped from 指示要求 to 支撑, dropping its core): the year's battles and its
// four-way push (`持续深入打好蓝天碧水净土保卫战`, `协同推进降碳、减污、扩绿、增长`) are kept; the rest of the list is the parts'.
export const REQUIREMENT_KEEP = /为指导|精神|思想|指示要求|开好|支撑|美丽|保卫战|协同推进/;
export function requirementWords(p: Preamble, year: string, saidInSituation = false): string {
  if (!p.guidance && !p.aims.length) return '';
  const subject = p.subject || `${year}年工作`;
  // The place and its stage clause the 形势 said (situationWords) are not said again (R6 speech 3).
  const place = saidInSituation ? '' : p.place;
  const guidance = p.guidance.split('，').filter((x, i) => i === 0 || (REQUIREMENT_KEEP.test(x) && !(saidInSituation && x === stageClauseOf(p)))).join('，');
  return [
    place ? `${place}。` : '',
    p.guidance ? `${place ? '' : `${year}年，`}${subject}的总体要求是：${guidance}。` : '',
    p.aims.length ? `主要目标是：${p.aims.join('，')}。` : '',
  ].join('');
}

/** The preamble's clause of what its stage asks (SITUATION.stageClause: `高质量开好“十五五”…的局`), or empty. */
export function stageClauseOf(p: Preamble): string {
  return p.place ? p.guidance.split('，').find((x, i) => i > 0 && SITUATION.stageClause.test(x)) ?? '' : '';
}

/** The year's guiding thought in the review's opening: the preamble's `…为指导` and its 生态文明思想, nothing more. */
export function guidanceWords(p: Preamble): string {
  const parts = p.guidance.split('，');
  return parts.filter((x, i) => i === 0 || /生态文明思想/.test(x)).slice(0, 2).join('，');
}

type PlanTask = Plan['tasks'][number];
const leadOf = (t: PlanTask) => cnPunctuation(t.lead.trim()).replace(/[。；，\s]+$/, '');
const targetsOf = (ts: PlanTask[]) => [...new Set(ts.flatMap((t) => t.clauses.flatMap((c) => c.targets.map((x) => cnPunctuation(x.words.trim())))).filter(Boolean))];
/** A sentence compared across years: years, spaces and half-width marks aside. */
const sentenceKey = targetKey;

/**
 * The review's opening figures (R2 speech 2): the year's count with its own subject (`年初部署的59项…，完成61项`, not
 * run on after `我们…落实…部署`); the quantified targets' tally is not said (`实现了3项` beside the indicator just said
 * to be missed reads as a contradiction).
 */
export const OPENING_WORDS = { deployed: '年初部署的' } as const;

/**
 * The year's count as a leader says it (R5 speech 2): by the share done, a word (`绝大部分按期完成`); below the last
 * share, the counts themselves. First share met wins.
 */
// Round eighteen (R20 speech 6: `按期` is not in the data: the year-end outcome says done, not when): the share only.
export const OPENING_SHARE: readonly { least: number; words: string }[] = [
  { least: 0.9, words: '绝大部分完成' },
  { least: 0.75, words: '大部分完成' },
];
export function openingShare(done: number, total: number): string {
  return total ? OPENING_SHARE.find((x) => done / total >= x.least)?.words ?? '' : '';
}

/**
 * Units that did not report (R5 speech 2): not the review's business but the 落实 part's, one sentence; `个别` up to
 * `few` units, else `部分`.
 */
// Round sixteen (R13 speech 13: `未按时报送` understated a unit that never reported): the units counted here reported
// nothing at all, so they are said as not having reported to this day (`至今未报送`), and told to report now (R14 speech
// 10: `要引以为戒` spoke to the others, not to the unit at fault).
// Round sixteen (R15 speech 9, R16 speech 8): at the year-end conference the 督办通报 of the same days names the unit and
// its date; calling it out before all staff is the 通报's business, so the year-end speech does not (a mid-year 推进会
// still does).
export const SILENT_UNITS = { few: 2, words: (n: number, what: string) => `${n <= SILENT_UNITS.few ? '个别' : '部分'}单位至今未报送${what}，要立即补报。` } as const;
/** The deployment's last line (R2 speech 8): the plan is where the rest is, and each unit is held to it. */
export const DEPLOY_CLOSING = (plan: string) => `具体任务在《${plan}》中已经明确，各单位要逐项抓好落实。`;

/**
 * 压实工作责任 opens with the next plan's size (round fourteen, R9 speech: 落实 said from the data): the plan named and
 * its tasks (counting.ts sizeOf), before the template's words. Round fifteen (R10 speech 7): the clauses the tasks are
 * divided into by responsibility are the office's own statistics, not said at a conference (was `部署重点任务59项，按
 * 责任分工细化为67项。`). With the next plan it is the plan's one mention (DEPLOY_CLOSING is then not said, R11 speech 8).
 */
// Round sixteen (R13 speech 14: `具体任务已经明确` said again by the closing `2026年的任务已经明确`): the plan and its size only.
// Round sixteen (R15 speech 10: `…部署了59项重点任务。各牵头单位要对照2026年重点工作任务` named the tasks twice): one
// sentence with the template's duty, which then leaves out its `对照…重点工作任务`.
export const DUTY_WORDS = (plan: string, tasks: number) => `《${plan}》部署了${tasks}项重点任务，`;

/**
 * 强化调度督办 says how the year's returns went by the units that did not report (SILENT_UNITS) and nothing more (R11,
 * R12 speech: the cooperating units' filler is the 通报's internal statistic, bulletin.ts coopFiller; the seed's 落实 has
 * no such figure). Was, rounds fourteen to sixteen, COOP_FILLER_WORDS: `这次年终调度中，多数配合单位只写了“继续做好配合
 * 工作”，今年各配合单位要写实具体配合事项。` What the cooperating units owe is a requirement said in 压实工作责任 already
 * (templates/speech.hbs: `配合单位要主动对接、密切协作，形成工作合力`), so nothing takes its place.
 */
// Round eighteen (R20 speech 5, R21 speech 9: `局里将…` is colloquial and says nothing of the round): the speaker's
// `要`, and the 督办通报 the same round issues, its items closed one by one (its 工作要求's `逐项对账销号`).
export const SUPERVISION_WORDS = {
  // Round twenty (R40 speech 9, R41 speech 8: `督办通报` named no document the audience has): the 通报 of the same round by
  // its title (bulletin.ts bulletinSubject).
  template: (subject: string) => `要坚持清单化管理、定期调度，《关于${subject}的通报》所列督办事项要逐项对账销号，对进度滞后的任务及时督办，确保各项任务按时保质完成。`,
} as const;

/**
 * Round eighteen (R20 speech 4, R21 speech 10, R22 speech 6, R23 speech 7: four readers in a row; R11, R12 had left it
 * to the 通报): at the year-end conference the round's reporting lesson, said to all without names or figures — a unit
 * that never reported, the cooperating units' filler when most of their texts are it (bulletin.ts coopFillerMostly,
 * the 通报's own rule) — and what is asked this year. '' when the round had neither.
 */
// After R24, R25 (speech: the 通报 of the same days rebukes it; at the conference, said softer): the faults by kind.
export const REPORTING_LESSON = {
  silent: '报送不及时',
  filler: '配合事项写得不具体',
  words: (faults: string[]) => (faults.length ? `这次年终调度也暴露出${faults.join('、')}的问题，今年各单位要按时据实报送进展，配合单位要写明具体配合事项。` : ''),
} as const;

/** A dated or counted step (`2026年一季度完成…`, `6月底前…`): what a leader can hold a unit to. */
export const DEADLINE_WORDS = /\d{4}年|[一二三四]季度|[上下]半年|\d+月|月底|年底|年内|前完成/;

/**
 * Round twenty (R37 1, R39 6, R40 2: "each 一是 needs a why and a bar"; W1's rewrite: 「去年唯一未达标的指标、未按期完成的
 * 农村环境整治…都出在这一方面」): a part of several chapters that takes up the year's missed indicators or its work not
 * done says so first, as a fact of the data, with the speech's own call for them (`要拿出更有力的措施`, said of a
 * single chapter's missed indicator before); '' for a part with neither. Work carried on by plan is no shortfall.
 */
export const PART_WHY = {
  words: (missed: readonly string[], unfinished: readonly string[], only: boolean) =>
    missed.length || unfinished.length
      ? // R42 speech 3 (`…的优良天数比率和没有按期完成的…都在这一方面` read as broken): a series, then `都出在这一方面` (W1).
        `去年${[missed.length ? `${only ? '唯一' : ''}没有达到考核要求的${missed.join('、')}` : '', unfinished.length ? `没有按期完成的${unfinished.join('、')}` : ''].filter(Boolean).join('、')}，都出在这一方面，要拿出更有力的措施。`
      : '',
  /**
   * Round twenty-one (R46 speech 2, R47 speech 4: one part of five said why; R46 wrote it for the 督察 part): a part whose
   * work readies for a superior's inspection the plan names (SUPERIOR_INSPECTION: `迎接中央生态环境保护督察`) says so
   * first, the inspection as the plan names it; '' for a part without one.
   */
  inspection: (items: string) => {
    const m = SUPERIOR_INSPECTION.exec(items);
    return m ? `这一方面的工作，今年都要经得起${m[0].replace(/^迎接/, '')}的检验。` : '';
  },
} as const;

/** What the year left undone, as the next year's deployment takes it up: the unit's own plan for it, when dated. */
export interface Carried {
  /** 未完成 (not done in its year) or 结转 (carried on by plan, PART_WHY says nothing of it). */
  kind?: '未完成' | '结转';
  task: string;
  /** The responsible unit's 下一步, its dated clauses (`督促区县落实配套资金，2026年一季度完成剩余48个村整治任务`). */
  plan: string;
  /** The figure left (`48`), so the next plan's sentence on the same remainder is not said twice. */
  left: string;
}

/** The unit's 下一步 for a task not done, its clauses with a figure, a date or a named measure, deadline last kept. */
export function carriedPlan(next: string): string {
  const parts = cnPunctuation(next).split(/[。；，]/).map((x) => x.trim()).filter(Boolean);
  const dated = parts.findIndex((x) => DEADLINE_WORDS.test(x));
  return dated < 0 ? '' : parts.slice(Math.max(0, dated - 1), dated + 1).join('，');
}

/** A plan sentence cut at a comma to about DEPLOY.measureChars characters (its first clause at least). */
function cut(sentence: string): string {
  const parts = sentence.split('，');
  let out = parts[0]!;
  for (const p of parts.slice(1)) {
    if (out.length + 1 + p.length > DEPLOY.measureChars) break;
    out = `${out}，${p}`;
  }
  return out;
}

interface TaskDeploy {
  task: PlanTask;
  /** The task's verb phrase: its lead, with the deadline of a measure that only restates it (`2026年6月底前完成…`). */
  lead: string;
  /** The measures that do not echo the lead, within DEPLOY.measureChars with it. */
  measure: string;
  /** Its quantified targets not yet met nor said in the measure. */
  targets: string[];
  /** Why it is told: carried (4), a new target (3), new words (2), a dated or counted measure (1). */
  score: number;
  /** The first measure ends in the lead's words and so says the lead: the sentence leaves the lead out. */
  leadInMeasure?: boolean;
  /** The deadline of a measure that only restates the lead (`2026年6月底前`): said as `确保<due>完成`, the lead left verb–object (R5 speech 6). */
  due?: string;
}

/** A deadline a measure opens with (`2026年6月底前`): said before the lead when the rest of the measure only restates it. */
// Round twenty (R38 speech 7: `大气环境处要2026年底前完成…`): a year's end said with its year (`2026年底前`) too.
// Round twenty-one: and the year's own seasons said without its year (`汛前完成…`, `一季度完成…`, `年内出台…`), now that an
// answer opens with its unit's next step (ANSWER_SELF): `水生态环境处要在汛前完成…`.
export const DEADLINE_OPENING = /^((?:\d{4}年)?(?:\d+月(?:底|中旬|上旬|下旬)?|[一二三四]季度|[上下]半年|年底)(?:前|内)|\d{4}年底前|(?:\d{4}年)?(?:汛前|年内|[一二三四]季度(?=完成|建成|出台))|\d{4}年(?=出台|完成|建成))/;
/** The longest run of characters two phrases share. */
function commonRun(a: string, b: string): number {
  let best = 0;
  for (let i = 0; i < a.length; i++) for (let j = 0; j < b.length; j++) {
    let k = 0;
    while (a[i + k] !== undefined && a[i + k] === b[j + k]) k++;
    best = Math.max(best, k);
  }
  return best;
}

/**
 * Whether a measure only says its task's lead again (R1 speech 1: `实施“一河一策”精准治理` … `实施精准治理`, `妥善应对
 * 突发环境事件` … `有效防范和妥善应对各类突发环境事件`): it shares ECHO.run characters running with the lead's object,
 * or ECHO.least that are half of it, and has no figure of its own (`推动4条入海河流总氮达到考核要求` says more). Four
 * common characters alone (`生态保护`) are a field's words, no echo.
 */
export const ECHO = { run: 6, least: 4, document: /^(?:印发|制定|出台|编制)(《[^》]+》)/ } as const;
export function echoesLead(clause: string, lead: string): boolean {
  // Round twenty (S39, R35 4: `印发《2026年济南市“无废城市”建设工作方案》` taken for `持续推进“无废城市”建设` said again,
  // the chapter's item then never naming 无废城市): the programme's own document to issue (its title naming the lead's
  // quoted programme) is an act of its own, no echo.
  const programme = /“[^”]+”/.exec(lead)?.[0];
  if (programme && ECHO.document.exec(clause)?.[1]?.includes(programme)) return false;
  if (/\d/.test(clause.replace(/\d{4}年度?/g, '').replace(DEADLINE_OPENING, ''))) return false;
  const run = commonRun(clause, taskObject(lead));
  return run >= ECHO.run || (run >= ECHO.least && run * 2 >= clause.length);
}

/**
 * Round sixteen (R13 speech 9: `要细化落实机关党建“三级三张清单”` after the review's `细化落实机关党建“三级三张清单”`): a
 * measure the review said word for word as the year's work is heard twice; another measure of the task goes before it,
 * and it is said only when the task has no other. At least `least` characters, so a short common phrase is no echo.
 */
export const SAID_IN_REVIEW = { least: 8 } as const;
/**
 * One task of the next plan as a leader deploys it, one sentence (issue 29, R1 speech 1): its lead, then the measures
 * worth saying that do not echo it (the unit's own dated plan for work carried from the year; else sentences new
 * against the year's plan, with a figure or date first; never a sentence restating a target the year met), at most
 * DEPLOY.measureChars characters with the lead, then its quantified targets not yet said (`确保…`).
 */
function deployTask(t: PlanTask, o: { previous: Set<string>; met: Set<string>; carried?: Carried; done?: string[]; spoken?: string }): TaskDeploy {
  let lead = leadOf(t);
  const all = sentencesOf(cnPunctuation(t.text)).filter((s) => s !== lead);
  const metHere = (s: string) => [...o.met].some((m) => m && sentenceKey(s).includes(m));
  const sameRemainder = (s: string) => !!o.carried?.left && new RegExp(`(?<![\\d.])${o.carried.left}(?![\\d.])`).test(s);
  // The remainder the unit's own plan says is taken out clause by clause (`…完成剩余48个行政村…，完成省定520个…`).
  const candidates = all
    .map((s) => (o.carried ? s.split('，').filter((c) => !sameRemainder(c)).join('，') : s))
    .filter((s) => s && !metHere(s))
    .map((s, at) => ({ s, at, fresh: !o.previous.has(sentenceKey(s)), figure: /\d/.test(s.replace(/\d{4}年度?/g, '')) || DEADLINE_WORDS.test(s) }))
    .sort((a, b) => Number(b.fresh) * 2 + Number(b.figure) - (Number(a.fresh) * 2 + Number(a.figure)) || a.at - b.at);
  const clauses: string[] = [];
  let leadInMeasure = false;
  let due = '';
  for (const c of candidates.flatMap((x) => measureClauses(x.s))) {
    // A superior's inspection named is its own duty, not the lead said again (R7 speech 3).
    if (echoesLead(c, lead) && !SUPERIOR_INSPECTION.test(c)) {
      // A measure restating the lead with a deadline keeps its deadline, once, as what the task ensures (R5 speech 6:
      // the lead stays verb–object, never `在2026年6月底前完成…`).
      const by = DEADLINE_OPENING.exec(c)?.[1];
      if (by && !due && !DEADLINE_WORDS.test(lead)) due = by;
      continue;
    }
    if (o.done && doneAlready(c, o.done)) continue;
    // A measure ending in the lead's words says the lead itself (`按照…要求，有序组织水泥、焦化企业实施深度治理`): the
    // measure is kept whole and the lead left unsaid, rather than its verb cut off (`有序组织水泥、焦化企业`).
    if (withoutTrailingEcho(c, lead) !== c && !clauses.length) leadInMeasure = true;
    if (!clauses.includes(c)) clauses.push(c);
  }
  // A measure readying for a superior's inspection ranks first (R7 speech 3: `做好迎接中央生态环境保护督察各项准备工作`);
  // then (round fifteen, R10 speech 1) a substantive measure before a plain one, a routine act last (MEASURE_RANK).
  const echoed = (c: string) => c.length >= SAID_IN_REVIEW.least && !!o.spoken?.includes(c);
  clauses.sort((a, b) => Number(SUPERIOR_INSPECTION.test(b)) - Number(SUPERIOR_INSPECTION.test(a)) || Number(echoed(a)) - Number(echoed(b)) || measureRank(a) - measureRank(b));
  // The unit's own plan for work carried is said whole, beside the limit.
  const measures: string[] = [];
  const planText = cnPunctuation(t.text);
  for (const c of clauses) {
    // At most DEPLOY.measures, the unit's own plan for work carried one of them (R8 speech 4).
    if (measures.length + (o.carried?.plan ? 1 : 0) >= DEPLOY.measures) break;
    // The lead is a sentence of its own (`一是<lead>。<measures>`): the measures have DEPLOY.measureChars to themselves,
    // a clause at most DEPLOY.clauseChars, and no run of the plan's words longer than DEPLOY.copyMost (R4 speech 4).
    const length = [...measures, c].join('，').length;
    if (c.length > DEPLOY.clauseChars) continue;
    if (length > DEPLOY.measureChars && measures.length) continue;
    if (measures.length && sharesRun([...measures, c].join('，'), planText, DEPLOY.copyMost + 1)) continue;
    measures.push(c);
  }
  const measure = [o.carried?.plan ?? '', ...measures].filter(Boolean).join('，');
  const targets = targetsOf([t]).filter((x) => !o.met.has(targetKey(x)) && !measure.includes(x));
  const best = candidates[0];
  const score = o.carried ? 4 : targets.length ? 3 : best?.fresh ? 2 : best?.figure ? 1 : 0;
  return { task: t, lead, measure, targets, score, leadInMeasure: leadInMeasure && !o.carried?.plan && measures[0] === clauses[0], due };
}

/**
 * Which of a task's measures a leader says first (round fifteen, R10 speech 1): a routine act — the office's periodic
 * duties, not the year's work (`编发…工作简报`, `依法依规核发危险废物经营许可证`, `定期开展驻济环评单位专项检查`) — after
 * the others, unless it is substantive (synthesis.ts substantiveMeasure: a figure, a named document, a date). The
 * others keep the plan's order: ranking every substantive measure first took figures before the task's own work
 * (`利用卫星遥感…等手段，非现场执法比例达到45%以上` before `大力推行无感式执法`).
 */
// Round nineteen (R18, R19 speech: `巩固…A级成果` for a director's priority): holding last year's result is routine too.
export const MEASURE_RANK = { routine: /简报|^依法依规|^定期开展|^按要求|^做好[^，]*备案|^巩固[^，；]*成果$/ } as const;
export function measureRank(measure: string): number {
  // Round twenty-one: the year's own 工作要点 or 计划 (synthesis.ts SUBSTANTIVE_MEASURE.ownPaper) is routine too.
  return (MEASURE_RANK.routine.test(measure) || SUBSTANTIVE_MEASURE.ownPaper.test(measure.trim())) && !substantiveMeasure(measure) ? 1 : 0;
}

/**
 * A measure the year's reports already state as done (R2 speech 3: `完成局直属机关党委换届工作` after the review said
 * `完成局直属机关党委换届`): its object, `工作` aside, of DONE_MEASURE.least characters at least, stands in a reported
 * clause with a verb of completion.
 */
export const DONE_MEASURE = { verb: /^(完成|建成|实现)/, least: 6, count: /\d+(?:个|项|家|条|处|座)/g, begun: /(启动|筹备|正在|推进中)/ } as const;
/**
 * Round eleven (R6 speech 5) changes the match (was: the object in a reported clause with a verb of completion): the
 * object alone, counts aside (`完成徒骇河…国控断面“一断面一策”` after `编制徒骇河…2个国控断面“一断面一策”`): what the
 * year's reports say of work done is done, whatever its verb, unless the clause says it only begun (`启动…筹备`).
 */
/**
 * A law's amendment the review says was passed (R7 speech 2): `修改《济南市大气污染防治条例》` after `《…条例》修正案…施行`
 * is done: its quoted title stands in a reported clause that says the amendment came into force.
 */
export const DONE_AMENDMENT = { verb: /^(修改|修订|修正)(《[^》]+》)/, done: /(修正案|修订|修改|修正)[^，；。]*(施行|通过|实施|印发)/, titled: /《[^》]+》[\u4e00-\u9fa5]{2,}/ } as const;
/**
 * Work on kinds of firms the year's reports say were done (R9 speech 9: `按照…超低排放改造要求，有序组织水泥、焦化企业实施
 * 深度治理` after `完成3家水泥企业、2家焦化企业超低排放改造`): the match is on the shared object, not the measure's verb:
 * every kind the measure lists (`水泥、焦化企业`) stands in one reported clause of completion, and the two share the
 * work's words (`超低排放`, `run` characters running, the kinds aside).
 */
export const DONE_KINDS = { list: /((?:[\u4e00-\u9fa5]{2}、)+[\u4e00-\u9fa5]{2})等?(?:企业|行业)/, run: 4 } as const;
/** A survey measure (`深入开展环保产业调查和调研`): its object before 和/及 (`环保产业调查`). */
export const DONE_SURVEY = { verb: /^(?:深入|组织)?开展([\u4e00-\u9fa5]+?(?:调查|普查|评估))(?:和|及|[，、]|$)/ } as const;
/**
 * Round twenty (R35 4, R36 2: `开展产废单位“五即”规范化建设` after `推动486家产废单位落实“五即”管理`; `完成全市重点河湖干流和
 * 黄河流域入河排污口溯源和整治工作` after `完成…重点河湖干流入河排污口溯源342个、整治186个`): a measure opening with a verb
 * of doing (`verb`, not of carrying on: 推进, 深化) is done when a reported clause counting what was done (`count`) with a
 * verb of completion (`done`) covers `share` of its object or more, by runs of `run` characters at least.
 */
export const DONE_COVER = { verb: /^(完成|开展|建成|实现)/, done: /完成|建成|落实/, count: /\d+(?:个|项|家|条|处|座)/, run: 4, share: 0.5 } as const;
export function coveredShare(object: string, clause: string, run: number): number {
  const covered = new Array<boolean>(object.length).fill(false);
  for (let i = 0; i + run <= object.length; i++) if (clause.includes(object.slice(i, i + run))) covered.fill(true, i, i + run);
  return object.length ? covered.filter(Boolean).length / object.length : 0;
}
export function doneAlready(measure: string, reported: string[]): boolean {
  const doing = DONE_COVER.verb.exec(measure);
  if (doing) {
    // A gloss of what a name stands for (`“五即”（即产生、…）`) is no part of the work.
    const object = measure.slice(doing[0].length).replace(/（[^（）]*）|\([^()]*\)/g, '').replace(/工作$/, '');
    const clauses = reported.flatMap((r) => r.split(/[，；。]/));
    if (object.length >= DONE_MEASURE.least && clauses.some((c) => DONE_COVER.done.test(c) && DONE_COVER.count.test(c) && !DONE_MEASURE.begun.test(c) && coveredShare(object, c, DONE_COVER.run) >= DONE_COVER.share)) return true;
  }
  const kinds = DONE_KINDS.list.exec(measure)?.[1]?.split('、');
  if (kinds) {
    const work = kinds.reduce((m, k) => m.split(k).join(''), measure).replace(/、+/g, '、');
    const clauses = reported.flatMap((r) => r.split(/[，；。]/));
    if (clauses.some((c) => DONE_MEASURE.verb.test(c) && !DONE_MEASURE.begun.test(c) && kinds.every((k) => c.includes(k)) && sharesRun(work, c, DONE_KINDS.run))) return true;
  }
  const amended = DONE_AMENDMENT.verb.exec(measure);
  if (amended) return reported.some((r) => r.split(/[；。]/).some((c) => c.includes(amended[2]!) && DONE_AMENDMENT.done.test(c)));
  // Work on a quoted title the review says was completed (`推动《…条例》修改调研` after `完成《…条例》修改调研`).
  const titled = DONE_AMENDMENT.titled.exec(measure)?.[0];
  if (titled && reported.some((r) => r.split(/[，；。]/).some((c) => c.includes(`完成${titled}`)))) return true;
  // A survey the year's reports say was completed (R25 speech 4: `深入开展环保产业调查和调研` after `完成全市环保产业
  // 调查`): its object, up to 和/及, stands in a reported clause of completion.
  const surveyed = DONE_SURVEY.verb.exec(measure)?.[1];
  if (surveyed && surveyed.length >= DONE_MEASURE.least && reported.some((r) => r.split(/[，；。]/).some((c) => DONE_MEASURE.verb.test(c) && !DONE_MEASURE.begun.test(c) && c.includes(surveyed)))) return true;
  if (!DONE_MEASURE.verb.test(measure)) return false;
  const object = measure.replace(DONE_MEASURE.verb, '').replace(/工作$/, '').replace(DONE_MEASURE.count, '');
  if (object.length < DONE_MEASURE.least) return false;
  return reported.some((r) => r.split(/[，；。]/).some((c) => c.replace(DONE_MEASURE.count, '').includes(object) && !DONE_MEASURE.begun.test(c)));
}

/**
 * A hollow measure (R6 speech 5): fewer than `least` characters of its own (`完善预警反馈机制`), a plan's echo (context.ts
 * PLAN_ECHO), or only the plan's formula (`细化年度目标、任务、项目`): no item is made of it.
 */
export const HOLLOW = { least: 12, formula: /^细化(年度)?目标、任务、项目$/ } as const;
export function hollowMeasure(measure: string): boolean {
  const own = measure.split('，').filter((c) => c && !HOLLOW.formula.test(c) && !PLAN_ECHO.test(c));
  return own.join('，').length < HOLLOW.least;
}

/**
 * A measure ending in its lead's words (R2 speech 7: `实施重点行业深度治理` … `有序组织水泥、焦化企业实施深度治理`):
 * the words the lead said (TRAILING_ECHO.least characters at least) and the verb before them are dropped, when what is
 * left still says something (TRAILING_ECHO.keep characters).
 */
export const TRAILING_ECHO = { least: 4, keep: 6, verb: /(实施|开展|推进|推动|进行|加强|强化)$/ } as const;
export function withoutTrailingEcho(measure: string, lead: string): string {
  let n = 0;
  while (n < measure.length && lead.includes(measure.slice(measure.length - n - 1))) n++;
  if (n < TRAILING_ECHO.least) return measure;
  const before = measure.slice(0, measure.length - n);
  // Without a verb right before the echo, the echo is the verb's object (`持续推进…企业挥发性有机物综合治理`): kept.
  if (!TRAILING_ECHO.verb.test(before)) return measure;
  const rest = before.replace(TRAILING_ECHO.verb, '').replace(/[，、]$/, '');
  const last = rest.split('，').at(-1) ?? '';
  return last.length >= TRAILING_ECHO.keep ? rest : measure;
}

/** Whether two phrases share four characters running (`重点建设用地安全利用` and `强化建设用地土壤环境管理`). */
export function sharesWords(a: string, b: string, n = 4): boolean {
  return sharesRun(a.replace(/[\d.%，、“”《》（）]/g, ''), b, n);
}

/** A clause that only frames the next (`结合六五环境日等重大活动，…`): said with it or not at all. */
export const FRAMING_CLAUSE = /^(结合|按照|围绕|针对|根据|依托|利用|通过|对照|以)/;
/** A plan sentence's clauses, a framing clause joined to the one it frames. */
/** A clause that says the standard of the one before it, never a measure alone (round eighteen). */
export const CONSEQUENCE_CLAUSE = /^做到/;
export function measureClauses(sentence: string): string[] {
  const out: string[] = [];
  let framing = '';
  for (const c of sentence.split('，').map((x) => x.trim()).filter(Boolean)) {
    // A clause saying the standard its previous one is to reach (`…备案管理工作，做到重点行业企业应备尽备`) goes with it.
    if (CONSEQUENCE_CLAUSE.test(c) && out.length && !framing) out[out.length - 1] = `${out.at(-1)}，${c}`;
    else if (FRAMING_CLAUSE.test(c)) framing = framing ? `${framing}，${c}` : c;
    else (out.push(framing ? `${framing}，${c}` : c), (framing = ''));
  }
  return out;
}

/**
 * Round sixteen (R16 speech 4: `完成“十五五”…规划编制，…，确保2026年6月底前完成` said 完成 twice): a lead that is itself
 * the completion takes its deadline before it (`2026年6月底前完成“十五五”…编制`), and no `确保…完成` after.
 */
function dated(y: TaskDeploy): TaskDeploy {
  return y.due && /^完成/.test(y.lead) ? { ...y, lead: `${y.due}${y.lead}`, due: '' } : y;
}

/** A told task in one sentence: `lead，measure，确保targets、aims`. */
function taskSentence(task: TaskDeploy, aims: string[] = [], withLead = true): string {
  const y = dated(task);
  const ensure = [...y.targets, ...aims.filter((a) => !y.targets.includes(a))];
  // A measure saying what its `确保…` says again (`完成省下达的…任务，确保完成省下达的…目标`) is left to the 确保 (AIM_ECHO).
  const measure = y.measure
    .split('，')
    .filter((c) => !ensure.some((e) => sharesRun(c, e, AIM_ECHO.run)))
    .join('，');
  const ensured = [y.due ? `${y.due}完成` : '', ensure.join('、')].filter(Boolean).join('，');
  return [withLead && !y.leadInMeasure ? y.lead : '', measure, ensured ? `确保${ensured}` : ''].filter(Boolean).join('，');
}

/**
 * An item that says nothing of its own (R5 speech 6): no measure left beside what it ensures, and no target of its own
 * (`推动减污降碳协同增效。确保完成省下达的总量控制、碳排放控制目标。` only restates the 主要目标 the 总体要求 said).
 */
export function saysNothingOwn(measure: string, targets: string[], aims: string[]): boolean {
  const left = measure.split('，').filter((c) => c && ![...targets, ...aims].some((e) => sharesRun(c, e, AIM_ECHO.run)));
  return !left.length && !targets.length;
}
/** A measure clause sharing this many characters running with a target or aim it is said with restates it. */
export const AIM_ECHO = { run: 6 } as const;

/** A theme's own verb (`推进绿色低碳高质量发展精准有力`), left out where the deployment's heading puts its own (`积极推动…`). */
export const THEME_VERB = /^(推进|推动|促进|加快|加强|强化|深化)(?=[\u4e00-\u9fa5]{4})/;

/**
 * Round eighteen (R18, R19 speech: `三是全力保障环境安全。要加强应急值守，切实维护生态环境安全` says its heading twice): a
 * plan's purpose clause (`切实维护…`, `有效防范…`) sharing `run` characters with its chapter's title restates the chapter's
 * aim; a chapter's item does not say it as a measure.
 */
export const CHAPTER_AIM = { purpose: /^(?:切实|有效|全力|坚决|牢牢|着力)?(?:维护|保障|守住|守牢|筑牢|确保)/, run: 4 } as const;
export function restatesChapter(clause: string, chapter: string): boolean {
  return CHAPTER_AIM.purpose.test(clause) && sharesRun(clause, chapter, CHAPTER_AIM.run);
}

/**
 * A chapter's item in a part of several chapters (R6 speech 4): its tasks' measures at most `measures`, each of about
 * `measureChars` (its unit's own plan for work carried whole).
 */
export const CHAPTER_ITEM = { measures: DEPLOY.measures, measureChars: 30, missed: 1, missedChars: 40 } as const;

/**
 * A plan clause that leans on its task for its object (R7 speech 1): a manner or a condition with no object of its own
 * (`清单化、责任化推动水质改善`, `发现问题督促…整改`), functions of what its task names (`…等功能`), or a generic object
 * (`依法查处违法违规行为`). Cut from its task, it is said after the task's lead (`严格消耗臭氧层物质监管，依法查处…`).
 */
export const SUBJECTLESS = /^(?:清单化|责任化|常态化|发现问题|依法查处违法违规行为)|等功能(?:模块)?$/;

/**
 * A review point whose lead unit did not report (R7 speech 6): its gap first, then the cooperating units' figures, as
 * the report's; its lead says no `继续`/`持续` the data cannot show, but the adverb of resolve.
 */
export const SILENT_POINT = { adverb: '切实' } as const;

/**
 * A unit's excuse is no problem in the director's voice (R7 speech 5): a count left (`剩余5项督察问题涉及历史遗留，整改周期
 * 较长`) whose clause's own figures confirm it (`…督察反馈问题46项完成整改41项`, context.ts REMAINING) is said by its fact
 * (`督察整改还没有清零，尚有5项反馈问题未销号`), and the deployment answers it by name (`针对剩余5项督察反馈问题，`).
 */
export const EXCUSE = {
  words: /涉及历史遗留|周期较长|难度较大|客观原因/,
  kind: /^(?:剩余|尚有|还有|仍有)\d+[个项件家条处]([\u4e00-\u9fa5]{2,6}?)问题/,
  // Round sixteen (R13 speech 5: was `督察整改还没有清零，尚有5项反馈问题未销号`, without its denominator): the count, the
  // part done and what is left (`督察反馈问题46项已整改41项，还有5项没有销号`).
  fact: (kind: string, what: string, total: string, verb: string, done: string, left: string, unit: string) => `${kind}${what}${total}${unit}已${verb || '完成'}${done}${unit}，还有${left}${unit}没有销号`,
  named: (kind: string, left: string, unit: string, what: string) => `剩余${left}${unit}${kind}${what}`,
} as const;
export function excuseAsFact(problem: string, progress: string[]): { text: string; words: string; kind: string } | null {
  if (!EXCUSE.words.test(problem)) return null;
  const kind = EXCUSE.kind.exec(problem)?.[1];
  // The count left and the figures that confirm it: the report's search (context.ts remainingMatch).
  const found = kind ? remainingMatch(problem, progress) : null;
  if (!kind || !found) return null;
  const { count: m, figures: x } = found;
  // What is left, as the clause's object names it after the kind (`…督察反馈问题` → `反馈问题`).
  const at = x[1]!.lastIndexOf(kind);
  const what = at >= 0 && at + kind.length < x[1]!.length ? x[1]!.slice(at + kind.length) : '问题';
  return { text: EXCUSE.fact(kind, what, x[2]!, x[4] ?? '', x[5]!, m[2]!, m[3]!), words: EXCUSE.named(kind, m[2]!, m[3]!, what), kind: `${kind}${what}` };
}

/**
 * A problem as the deployment names it: `针对<words>的问题`, never `…问题的问题` (R6 speech 5), nor 问题 twice in one
 * name (R7 speech 5: `针对剩余5项督察问题涉及…较长的问题`): words already saying 问题 are `…的情况`.
 */
export function problemWords(words: string): string {
  return /问题$/.test(words) ? words : /问题/.test(words) ? `${words}的情况` : `${words}的问题`;
}

/**
 * The follow-up problems the deployment answers (R12 speech 2): every problem a unit reported on its work with its next
 * step — the 通报's 表3 rows (道路积尘, 小清河总氮, 排污权交易) and the review's points alike — is answered once, in the
 * item of its work's chapter (`针对<problem>的问题，<next step>`), not only the SHORTCOMINGS.most the review names (was:
 * 道路积尘 answered, the other two not). An answer is no plan measure (R12 speech 1): an item says its lead, its answers
 * (a missed indicator's gap, its follow-up problems') and at most CHAPTER_ITEM.measures of the plan's measures, the
 * lowest-ranked dropped while the item is over DEPLOY.itemChars, `leastMeasures` kept.
 * A problem that names neither its work's head (`head` characters of the work's object: `镇街`, `排污`) nor, first, the
 * place it is in (`place`: `小清河汛期…`) is named with its work before it (`排污权有偿使用和交易改革中二级市场交易活跃度
 * 不高`): said alone at the conference, `二级市场…` would not say which market.
 */
export const FOLLOW_UP_ANSWER = { head: 2, place: /^[一-龥]{1,4}?(?:河|湖|水库|流域|区|县|镇|街道|园区)/, within: '中', leastMeasures: 1 } as const;
export function followUpName(problem: string, work: string): string {
  const object = taskObject(cnPunctuation(work).trim());
  const named = object.length < FOLLOW_UP_ANSWER.head || problem.includes(object.slice(0, FOLLOW_UP_ANSWER.head)) || FOLLOW_UP_ANSWER.place.test(problem);
  return named ? problem : `${object}${FOLLOW_UP_ANSWER.within}${problem}`;
}
/** A task's answers to the problems reported on it: `针对…的问题，<next step>`, the next step left out when there is none. */
/**
 * Round eighteen (R22 speech 5, R23 speech 4: `针对…的问题，` four times over, mechanical): the deployment's answers to the
 * year's problems open by turns with these frames, in the order they are said; the first keeps 针对.
 */
export const ANSWER_FRAMES = ['针对', '着力解决'] as const;
export function varyAnswerFrames(parts: SpeechContext['部署']['章节']): SpeechContext['部署']['章节'] {
  let n = 0;
  const frame = /(^|[。；，]|要)针对(?=[^，；。]*问题，)/g;
  return parts.map((p) => ({ ...p, 任务: p.任务.map((x) => x.replace(frame, (_, before: string) => `${before}${ANSWER_FRAMES[n++ % ANSWER_FRAMES.length]}`)) }));
}
/**
 * Round nineteen (R20–R29 speech, every reader: the deployment was the plan with 要, nobody named to do it; W1, a 公文
 * writer's rewrite, named each measure's unit): a measure is said with the unit that leads it in the next plan, as the
 * director assigns the work at the conference (`大气环境处要…；市生态环境数字化应用中心要对高值镇街实行…`). The lead is
 * the 牵头 of the plan clause the measure is from (else its 负责 units), at most `most` of them; a unit is named once
 * while the measures after it are its own too. A clause led by more units, or by none, names nobody; a catch-all unit
 * (`机关其他相关处室、单位`) is never named.
 */
export const OWNER = {
  most: 2,
  join: '、',
  run: 6,
  catchAll: /其他|其它|相关|有关|^各/,
  /**
   * Round twenty (R33 speech, R34 speech 3: `机关党委要坚持“第一议题”制度，认真开展党组理论学习中心组集中学习研讨`, the
   * 第一议题 and the 中心组 are the 党组's own): a measure naming the 党组's own institutions is the 党组's, named by the
   * issuer's last character (`济南市生态环境局` → `局党组`, `…委员会` → `委党组`), whoever the plan makes responsible for organising it.
   */
  party: /第一议题|党组(?:理论学习)?中心组/,
  /**
   * Round twenty (R34 speech 2, R36 speech 1: about twenty `××处要…`, "a task-assignment table, not a speech"; a director
   * names units for the hard tasks only; then S39 after R37 7, R38 9: units named at the answers only read as "the
   * subject changes inside one sentence", "name the lead unit for every measurable target, or for none"): a unit is named before every answer and every
   * measure carrying a hard target (hardTarget: a figure or a date), never before another; a plain measure that would
   * follow a named unit's and is not that unit's is said before the item's named measures (namedWhereHard), or, after a
   * gap the item must open with, names its own (no false attribution).
   */
  hardOnly: true,
  partyName: (issuer: string) => `${/([局委厅办院])(?:员会)?$/.exec(issuer)?.[1] ?? ''}党组`,
} as const;
export function ownerOf(t: PlanTask, measure: string, party = ''): string {
  const bare = measure.replace(/【[^】]*】/g, '');
  if (party && OWNER.party.test(bare)) return party;
  const clause = t.clauses.find((c) => sharesRun(bare, cnPunctuation(c.text), OWNER.run)) ?? (t.clauses.length === 1 ? t.clauses[0] : undefined);
  if (!clause) return '';
  const leads = clause.assignments.filter((a) => a.role === '牵头');
  // A catch-all (`机关其他相关处室、单位`) is nobody to name.
  const units = (leads.length ? leads : clause.assignments.filter((a) => a.role === '负责')).map((a) => a.unit).filter((u) => !OWNER.catchAll.test(u));
  return units.length && units.length <= OWNER.most ? units.join(OWNER.join) : '';
}
/**
 * A hard target (OWNER.hardOnly): a figure (`64%`, `520个`, `45%以上`) or a date (`6月底前`, `年底前`, `汛前`, `一季度`),
 * the plan's year alone (`做好2026年全国碳市场履约`, `《…2026年工作要点》`) none.
 */
export const HARD_TARGET = { year: /\d{4}年度?(?!底|内)/g, figure: /\d/, date: /[一二三四]季度|[上下]半年|月底|年底|年内|汛前|前完成/ } as const;
export function hardTarget(measure: string): boolean {
  const bare = measure.replace(/【[^】]*】/g, '').replace(HARD_TARGET.year, '');
  return HARD_TARGET.figure.test(bare) || HARD_TARGET.date.test(bare);
}
/**
 * An item's measures with the owners said (OWNER.hardOnly): each answer (`hard`) and each measure with a hard target
 * keeps its owner, the others none. A plain measure after a named one of another unit (or of none) would read as that
 * unit's: it goes before the item's first named measure, or, when the item's opening (`head`: a missed indicator's gap)
 * names a unit already, keeps its own owner there.
 */
export function namedWhereHard(head: { text: string; owner: string }, bits: readonly { text: string; owner: string; hard: boolean }[]): { text: string; owner: string }[] {
  const named = (b: { text: string; owner: string; hard: boolean }) => !!b.owner && (b.hard || hardTarget(b.text) || !OWNER.hardOnly);
  const headNamed = !!head.text && !!head.owner;
  const out: { text: string; owner: string; hard: boolean; name: boolean }[] = [];
  let last = headNamed ? head.owner : '';
  let firstNamed = -1;
  for (const b of bits) {
    if (named(b)) {
      if (firstNamed < 0) firstNamed = out.length;
      out.push({ ...b, name: true });
      last = b.owner;
      continue;
    }
    // Not the named unit's own: moved before the named measures, or, after the item's named opening, named itself.
    if (last && b.owner !== last) {
      if (firstNamed >= 0 && !headNamed) {
        out.splice(firstNamed, 0, { ...b, name: false });
        firstNamed++;
        continue;
      }
      if (b.owner) {
        out.push({ ...b, name: true });
        last = b.owner;
        continue;
      }
    }
    out.push({ ...b, name: false });
  }
  return out.map((b) => ({ text: b.text, owner: b.name ? b.owner : '' }));
}
/**
 * Round twenty (S39, R35 3, R36 3): in the opening year of a period (the preamble's place: `2026年是“十五五”规划的开局之年`)
 * the next period's plan compiled (`2026年6月底前完成“十五五”生态环境保护规划编制`) is the year's main deliverable: said
 * first in its item, its item first in its part. `opening` reads the period from the place, `compiles` the measure.
 */
export const NEXT_PLAN = { opening: /(“[^”]+”)(?:规划)?的?开局之年/, compiles: /规划(?:文本)?编制|编制[^，；。]*规划/ } as const;
export function nextPeriod(place: string): string {
  return NEXT_PLAN.opening.exec(place)?.[1] ?? '';
}
export function compilesNextPlan(text: string, period: string): boolean {
  return !!period && text.includes(period) && NEXT_PLAN.compiles.test(text);
}
/** No owner's opening (spokenItem without owners). */
const NO_OWNER = /(?!)/;
/** A measure's opening naming its owners (`大气环境处、土壤生态环境处`) before its 要, which stays. */
export function ownerOpening(owners: readonly string[]): RegExp {
  const name = owners.length ? `(?:${[...owners].sort((a, b) => b.length - a.length).map(escapeRe).join('|')})` : '(?!)';
  return new RegExp(`^${name}(?:${OWNER.join}${name})*(?=${SPOKEN_ITEM.must})`);
}
/**
 * An item's measures each said with its owner (OWNER): `<unit>要<measure>` where the unit changes, the measure alone after
 * it (one owner an item was tried after R30 5: it gave 生态保护处 the 执法支队's 无感式执法, a false attribution). Each
 * item names its own (R30 5: some items named a unit, others none); a part whose every item one unit leads names it once
 * (namedOnce in deployParts).
 */
export function ownedMeasures(bits: readonly { text: string; owner: string }[]): string[] {
  let last = '';
  return bits
    .filter((b) => b.text)
    .map((b) => {
      if (!b.owner || b.owner === last) return b.text;
      last = b.owner;
      // A measure opening with its deadline is done by it (`要在2026年6月底前完成…`, `要在2026年底前完成…`).
      return `${b.owner}${SPOKEN_ITEM.must}${DEADLINE_OPENING.test(b.text) ? '在' : ''}${b.text}`;
    });
}
/**
 * Round twenty-one (R46 speech 2: `水生态环境处要针对小清河汛期总氮浓度波动较大的问题，…`, three problems said again word for
 * word, just after 不足 said them): a next step that names its problem's own subject (a run of `run` characters: 小清河,
 * 排污权) answers it by itself; one that does not (`按整改方案持续推进`) keeps the problem before it.
 */
export const ANSWER_SELF = { run: 3 } as const;
export function answerWords(problems: readonly { words: string; next: string }[]): string[] {
  return problems.map((p) => (p.next && sharesWords(p.words, p.next, ANSWER_SELF.run) ? p.next : `针对${problemWords(p.words)}${p.next ? `，${p.next}` : ''}`));
}

/** A chapter title sharing so many characters running with its part's heading says it again (R2 speech 10). */
export const SUBHEAD_ECHO = { run: 6 } as const;

/** The told tasks of a chapter (by score, or in plan order: its main work first) and the rest, named once. */
function pickTasks(items: TaskDeploy[], most: number, least: number, inOrder = false, chapter = ''): { told: TaskDeploy[]; rest: TaskDeploy[] } {
  // Another field's task in the chapter (context.ts OFF_TOPIC: 网络安全 under 环境安全) comes after the chapter's own (R2 speech 6).
  const off = (x: TaskDeploy) => offTopic(chapter, leadOf(x.task));
  items = [...items.filter((x) => !off(x)), ...items.filter(off)];
  const ranked = inOrder ? [...items].sort((a, b) => Number(b.score === 4) - Number(a.score === 4) || items.indexOf(a) - items.indexOf(b)) : [...items].sort((a, b) => b.score - a.score || items.indexOf(a) - items.indexOf(b));
  // A task with nothing to say beyond its lead is no task told (a title alone is no deployment), unless none has more.
  const sayable = items.filter((x) => x.measure || x.targets.length);
  // In a chapter with another field's task, the chapter's own tasks are told first, by their lead if need be.
  const own = items.filter((x) => !off(x));
  const pool = own.length < items.length && own.length ? [...own.filter((x) => sayable.includes(x)), ...own.filter((x) => !sayable.includes(x)), ...items.filter((x) => off(x) && sayable.includes(x))] : sayable.length ? sayable : items;
  if (own.length < items.length && own.length) {
    // The chapter's own tasks lead (said by their lead when they have no measure); another field's only with room left.
    const told = pool.slice(0, Math.max(most, least));
    return { told: items.filter((x) => told.includes(x)), rest: items.filter((x) => !told.includes(x)) };
  }
  const chosen = new Set([...ranked.filter((x) => pool.includes(x) && (inOrder || x.score > 0)).slice(0, most), ...pool.slice(0, least)].slice(0, Math.max(most, least)));
  return { told: items.filter((x) => chosen.has(x)), rest: items.filter((x) => !chosen.has(x)) };
}

/**
 * What `抓好…工作` takes as a task's name: its object when that names a work (`移动源污染管控`, `环境应急能力建设`),
 * else the whole lead (`防范化解重大环境风险`, not `抓好重大环境风险工作`).
 */
export const WORK_NOUNS = /(工作|建设|治理|管控|防控|管理|监管|防治|整治|防护|保护|修复|改造|升级|转型|提升|利用|处置|体系|制度|机制|格局|平台|应用|发展|改革|创新|任务|示范|试点|创建|审核|审批|调查|排查|监测|评估|预警|规划|编制|履约|许可|办理|应诉|执法|督察|整改|赔偿|宣传|服务|保障|优化|质效|制)$/;
export function restName(lead: string): string {
  const object = taskObject(lead);
  return WORK_NOUNS.test(object) ? object : lead;
}

/**
 * The tasks not told, as a leader names them (R1 speech 2): `统筹抓好A、B、C等工作。`, each by a short object (restName
 * without its `工作`): a name that is a list itself (`坚持科学立法、民主立法、依法立法`) or longer than REST_NAME.chars is
 * no short object and left to the plan (the closing line, DEPLOY_CLOSING); fewer than REST_NAME.least names left, the line is not said.
 */
export const REST_NAME = { chars: 12, least: 2, lead: '统筹抓好', perSpeech: 0 } as const;
export function restWords(leads: string[]): string {
  const names = [...new Set(leads.map((l) => restName(cnPunctuation(l).trim()).replace(/工作$/, '')).filter((x) => x.length <= REST_NAME.chars && !/[、，]/.test(x)))];
  if (names.length < REST_NAME.least) return '';
  return `${REST_NAME.lead}${names.slice(0, DEPLOY.named).join('、')}等工作。`;
}

interface DeployInput {
  plan: Plan;
  keep: (t: PlanTask) => boolean;
  themes: ThemeSpec[];
  met: Set<string>;
  /** Sentences of the year's own plan (sentenceKey): a sentence not among them is new words. */
  previous: Set<string>;
  carried: Carried[];
  /** Per chapter id: the next plan's aims its work answers for, and the indicators the year missed there. */
  aims: Map<string, string[]>;
  missed: Map<string, string[]>;
  /** Who answers for each missed indicator (bulletin.ts missedLead), named in the deployment's gap. */
  missedLeads?: Map<string, string>;
  /** What the year's reports said was done (doneAlready): not deployed again. */
  done?: string[];
  /** Whether every aim and indicator of the year was judged (no 【待填】 row in the report's annex): `唯一` may be said. */
  allJudged?: boolean;
  /** The issuer's 党组 (OWNER.party), owner of the measures naming it; '' names none. */
  party?: string;
  /** The period whose opening year the plan's is (NEXT_PLAN: `“十五五”`), '' when it is none. */
  period?: string;
  /** The review's point leads (`积极落实黄河重大国家战略`): a deployed chapter's lead is not the same words again. */
  reviewed?: Set<string>;
  /** The review's spoken text: a measure it said as done a paragraph before comes after the others (SAID_IN_REVIEW). */
  spoken?: string;
  /** The problems units reported on the year's work, by its task, each with its next step: the next plan's same work answers them (FOLLOW_UP_ANSWER). */
  problems?: { task: string; words: string; next: string }[];
}

/**
 * A plan's chapters as the deployment's parts, in the speaker's voice. Without themes each chapter is a part under
 * its own title; with the office's themes (found in the next plan) each theme is a part under a verb + object
 * heading. A part of several chapters says each as `一是<title>。要<task, measure>；<task, measure>，确保<aims>。
 * 统筹抓好…等工作。`; a part of one chapter says its aims first, then each told task as `一是<lead>。要<measure>。`.
 * An indicator the year missed opens the part that answers for it (`针对去年优良天数比率没有达标的问题，…`).
 */
function deployParts(d: DeployInput): { parts: SpeechContext['部署']['章节']; placed: Set<string> } {
  const placed = new Set<string>();
  // The units a measure may be said with (OWNER), for spokenItem to know its 要 is said.
  const ownerAt = ownerOpening([...new Set([...d.plan.tasks.flatMap((t) => t.clauses.flatMap((c) => c.assignments.map((a) => a.unit))), ...(d.party ? [d.party] : [])])]);
  const carriedFor = (t: PlanTask) => d.carried.find((c) => targetKey(taskObject(c.task)) === targetKey(taskObject(leadOf(t))));
  const chapters = d.plan.chapters.map((ch) => ({ ch, tasks: d.plan.tasks.filter((t) => t.chapterId === ch.id && d.keep(t)) })).filter((x) => x.tasks.length);
  const deployed = (tasks: PlanTask[]) =>
    tasks.map((t) => {
      const carried = carriedFor(t);
      // Work carried with a dated plan is said at its task; without one it is named with the rest (结转).
      if (carried?.plan) placed.add(carried.task);
      return deployTask(t, { previous: d.previous, met: d.met, carried, done: d.done, spoken: d.spoken });
    });
  const title = (ch: Plan['chapters'][number]) => cnPunctuation(ch.title.trim()).replace(/\s+/g, '，');
  // Whether a chapter holds a missed indicator, and its items' length then (CHAPTER_ITEM.missedChars more).
  const missedIn = (id: string) => (d.missed.get(id)?.length ?? 0) > 0;
  const itemLimit = (id: string) => DEPLOY.itemChars + (missedIn(id) ? CHAPTER_ITEM.missedChars : 0);
  // Who answers for a chapter's missed indicators (OWNER): their one lead, named before the gap.
  const missedOwner = (id: string) => {
    const leads = [...new Set((d.missed.get(id) ?? []).map((n) => d.missedLeads?.get(n) ?? ''))];
    return leads.length === 1 ? leads[0]! : '';
  };
  const opening = (id: string) => {
    const missed = d.missed.get(id) ?? [];
    // The answer to a missed indicator is its lead's to work out (R5 speech 5): a gap naming who, then the plan's measures.
    return missed.length ? `针对${missed.join('、')}未达标问题，${missed.map((n) => SPEECH_GAPS.missedMeasure(d.missedLeads?.get(n) ?? '')).join('')}，` : '';
  };
  // Each aim goes to the told task whose words it shares (R1 speech 7: `重点建设用地安全利用…` to 强化建设用地土壤环境
  // 管理, not to 农村环境整治), else to its chapter as a whole.
  const placeAims = (id: string, told: TaskDeploy[]) => {
    const own = new Map<TaskDeploy, string[]>();
    const whole: string[] = [];
    for (const aim of d.aims.get(id) ?? []) {
      const home = told.find((y) => sharesWords(aim, `${y.lead}，${y.measure}`));
      if (home) own.set(home, [...(own.get(home) ?? []), aim]);
      else whole.push(aim);
    }
    return { own, whole };
  };
  // A part sets priorities (R4 speech 4): first what answers the year's problems (the chapter of a missed indicator,
  // work carried with its unit's date, a task whose work had a problem reported), then the tasks with a target or new
  // words, DEPLOY.perPart items in all; the rest is the plan's (DEPLOY_CLOSING).
  // The problems reported on the year's same work (by its task's object), each answered at that task (FOLLOW_UP_ANSWER).
  const problemsOf = (t: PlanTask) => d.problems?.filter((p) => targetKey(taskObject(leadOf(t))) === targetKey(taskObject(cnPunctuation(p.task)))) ?? [];
  const answersProblem = (t: PlanTask) => problemsOf(t).length > 0;
  // An answer said without its problem (ANSWER_SELF) is owned as the problem is: its owner found by the problem's words too.
  const withProblem = (y: TaskDeploy, text: string) => [...problemsOf(y.task).filter((p) => p.next && text.includes(p.next)).map((p) => p.words), text].join('，');
  const allAims = [...d.aims.values()].flat();
  const chapterWords = headingWords();
  // A part of several chapters (R6 speech 4): one item per chapter, its verb–object the lead, then CHAPTER_ITEM.measures
  // measures from its tasks (what answers the year's problems and work carried first, then by score), the answers to
  // the problems inside; a target the 主要目标 states already is not said again.
  const fresh = (t: string) => !allAims.some((a) => sharesRun(t, a, AIM_ECHO.run));
  // A task's measure without what the 主要目标 says, the plan's echoes and formulas.
  // A purpose clause restating its chapter (CHAPTER_AIM) is no measure either.
  const ownMeasure = (y: TaskDeploy, chapter: string) => measureClauses(y.measure).filter((c) => fresh(c) && !HOLLOW.formula.test(c) && !PLAN_ECHO.test(c) && !restatesChapter(c, chapter)).join('，');
  const chapterItem = (x: (typeof chapters)[number], heading: string): string => {
    const ys = deployed(x.tasks);
    // Each task's own measure, worked out once for the choice and the words.
    const owned = new Map(ys.map((y) => [y, ownMeasure(y, title(x.ch))] as const));
    const off = (y: TaskDeploy) => offTopic(x.ch.title, leadOf(y.task));
    // A task all of whose measures are routine acts, or hollow once they are set aside (`依法查处违法违规行为`): round
    // eighteen (R20 speech 3, R21 speech 1: `按要求抽取…开展技术复核` too small for a director).
    const routine = (y: TaskDeploy) => {
      const cs = measureClauses(owned.get(y)!);
      return cs.length && cs.some((c) => measureRank(c)) && hollowMeasure(cs.filter((c) => !measureRank(c)).join('，')) ? 1 : 0;
    };
    // A quantified target of the task's own, not met last year nor in the 主要目标.
    const aimed = (y: TaskDeploy) => targetsOf([y.task]).some((t) => !d.met.has(targetKey(t)) && fresh(t));
    // The tasks answering a follow-up problem say their answers (FOLLOW_UP_ANSWER), beside the plan's measures.
    const answering = ys.filter((y) => problemsOf(y.task).length);
    // Round twenty (R35 3, R36 3): the next period's plan compiled in its opening year is the year's main deliverable,
    // told first (NEXT_PLAN); then work carried with its unit's date.
    const compiles = (y: TaskDeploy) => compilesNextPlan(`${y.lead}，${y.measure}`, d.period ?? '');
    const first = [...ys.filter((y) => compiles(y) && !answering.includes(y)), ...ys.filter((y) => y.score === 4 && !compiles(y) && !answering.includes(y))];
    const candidates = ys.filter((y) => !first.includes(y) && !answering.includes(y) && !off(y) && (y.targets.filter(fresh).length || !hollowMeasure(owned.get(y)!)) && !saysNothingOwn(y.measure, y.targets, allAims));
    // A task of routine acts only is told when the chapter has nothing else (round eighteen, R20, R21).
    const others = (candidates.some((y) => !routine(y)) ? candidates.filter((y) => !routine(y)) : candidates)
      .map((y, at) => ({ y, at }))
      // A chapter answering a missed indicator tells its main work first, in plan order (as pickTasks does there); a
      // task with a quantified target of its own before it (round seventeen, R18, R19 speech: the 氨 6% of 蓝天 went
      // unsaid behind `巩固…A级成果`).
      .sort((a, b) => (d.missed.get(x.ch.id)?.length ? Number(aimed(b.y)) - Number(aimed(a.y)) : b.y.score - a.y.score) || a.at - b.at)
      .map((z) => z.y);
    // A task's measure as the item says it; `forced` when it is said as a problem's answer, hollow or not.
    const bitOf = (task: TaskDeploy, forced = false): string => {
      const y = dated(task);
      let said = '';
      // A clause whose object is its task's (SUBJECTLESS) opening the task's words is said after the task's lead.
      let withLead = false;
      for (const c of measureClauses(owned.get(task)!)) {
        if (!said && SUBJECTLESS.test(c)) withLead = true;
        if (!said || said.length + 1 + c.length <= CHAPTER_ITEM.measureChars || y.score === 4) said = said ? `${said}，${c}` : c;
      }
      if (withLead && !task.due) said = `${y.lead}，${said}`;
      // Its targets not met nor said in the 主要目标, those the cut left out of the measure too.
      const targets = targetsOf([y.task]).filter((t) => !d.met.has(targetKey(t)) && fresh(t) && !said.includes(t));
      const ensured = [y.due ? `${y.due}完成` : '', targets.join('、')].filter(Boolean).join('，');
      // A deadline is its lead's (`完成…规划编制，…，确保2026年6月底前完成`): the lead is said with it.
      const what = task.due ? [y.lead, said].filter(Boolean).join('，') : said || y.lead;
      // A measure left hollow by the cut (`完善预警反馈机制`), with nothing to ensure, is no measure to say (HOLLOW).
      if (!forced && !ensured && hollowMeasure(said)) return '';
      return `${what}${ensured ? `，确保${ensured}` : ''}`;
    };
    // The answers of a task: each problem with its unit's next step; one without a next step with the task's measure.
    const answerOf = (y: TaskDeploy): string => {
      const ps = problemsOf(y.task);
      const plain = bitOf(y, true);
      // A superior's inspection to ready for opens the item, before the problem's answer (R7 speech 3).
      const [head, ...tail] = plain.split('，');
      const inspection = head && SUPERIOR_INSPECTION.test(head) ? head : '';
      const rest = inspection ? tail.join('，') : plain;
      const bare = ps.filter((p) => !p.next).map((p) => `${answerWords([p])[0]}，${rest || y.lead}`);
      return [inspection, ...answerWords(ps.filter((p) => p.next)), ...bare].filter(Boolean).join('；');
    };
    // CHAPTER_ITEM.measures bits that say something, by priority, told in plan order after the answers.
    const answers = new Map(answering.map((y) => [y, answerOf(y)] as const));
    // An inspection said with an answer is the plan's measure, one of CHAPTER_ITEM.measures.
    const inspections = [...answers.values()].filter((a) => SUPERIOR_INSPECTION.test(a.split('；')[0]!)).length;
    // Round nineteen (R31 speech 3: the one indicator missed had the thinnest item, its gap, 氨 and 镇街): the chapter of
    // a missed indicator, the year's first priority, says CHAPTER_ITEM.missed more measures within as many more characters.
    const missedHere = missedIn(x.ch.id);
    const most = CHAPTER_ITEM.measures + (missedHere ? CHAPTER_ITEM.missed : 0);
    const itemChars = itemLimit(x.ch.id);
    let told = [...first, ...others].map((y) => ({ y, bit: bitOf(y) })).filter((z) => z.bit);
    // The missed indicator's gap ends at the gap (R12 speech 1): its own clause, no plan measure run into it.
    const open = opening(x.ch.id).replace(/，$/, '');
    // A chapter's lead repeating its part's heading (R2 speech 10: 服务绿色低碳高质量发展 under 积极推动绿色低碳高质量发展)
    // gives way to its first told task's lead.
    // Not the review's lead again (round eleven: one adverb table gave both the same words): the next adverb instead.
    // Round nineteen (R30 speech 8: `（三）全力筑牢…` over `三是全力增强…四是全力保障…`): nor its part heading's adverb.
    const headAdverb = HEADING_ADVERBS.next.find((a) => heading.startsWith(a)) ?? '';
    const clash = (lead: string) => d.reviewed?.has(lead) || (!!headAdverb && lead.startsWith(headAdverb));
    // Round twenty-one: with the plan's verb kept (titleVerb), only the adverb can differ: the heading's is avoided.
    const avoid = headAdverb ? [headAdverb] : [];
    let own = chapterWords.lead(title(x.ch), 'next', 'chapter', avoid);
    for (let tries = 0; tries < 3 && clash(own); tries++) own = chapterWords.lead(title(x.ch), 'next', 'chapter', avoid);
    const echoed = sharesRun(own, heading, SUBHEAD_ECHO.run) || sharesRun(title(x.ch), heading, SUBHEAD_ECHO.run);
    // Round twenty (R35 5, R37 10: `一是促进营商环境优化。…；探索生态环境领域项目投融资渠道`, the 环保产业 task's): an item
    // led by one task's lead says the measures of that task, and of another only when its lead shares the item's words
    // (sharesWords), not another task's work under a lead it does not fit.
    if (echoed) {
      const leader = [...answering, ...told.map((z) => z.y)][0];
      told = told.filter((z) => !leader || z.y === leader || sharesWords(z.y.lead, leader.lead));
    }
    told = told.slice(0, Math.max(0, most - inspections));
    // The item with its measures' owners (OWNER), or without them for its length.
    const itemOf = (owned: boolean) => {
      const lead = echoed ? ([...answering, ...told.map((z) => z.y)][0]?.lead ?? own) : own;
      // The missed indicator's chapter says its task with a quantified target of its own first (R18, R19: 氨 6%).
      const ranked = missedHere ? [...ys.filter(aimed), ...ys.filter((y) => !aimed(y))] : ys;
      const order = [...ranked.filter(compiles), ...ranked.filter((y) => !compiles(y))];
      // Round twenty (S39: OWNER.hardOnly, namedWhereHard): the unit named before the answer to the year's problem, the
      // work it carries on, the missed indicator's gap and each measure with a hard target; a plain measure that would
      // read as a named unit's not its own goes before the named ones (or, after the gap, names its own).
      const hard = (y: TaskDeploy) => !!carriedFor(y.task);
      const bits = order.flatMap((y) => [{ text: answers.get(y) ?? '', hard: true, y }, ...told.filter((z) => z.y === y).map((z) => ({ text: z.bit, hard: hard(y), y }))].filter((b) => b.text));
      const head = { text: open, owner: owned ? missedOwner(x.ch.id) : '' };
      return `${lead}。${ownedMeasures([head, ...namedWhereHard(head, bits.map((b) => ({ text: b.text, owner: owned ? ownerOf(b.y.task, withProblem(b.y, b.text), d.party) : '', hard: b.hard })))]).join('；')}。`;
    };
    // Within the item's length (FOLLOW_UP_ANSWER): the lowest-ranked plan measure gives way, the answers never.
    while (told.length > FOLLOW_UP_ANSWER.leastMeasures && SPOKEN_ITEM.must.length + itemOf(false).length > itemChars) told = told.slice(0, -1);
    return itemOf(true);
  };
  // A part whose every item one unit leads names it once, in its first item (OWNER); others name each item's own.
  const namedOnce = (items: string[]): string[] => {
    const heads = items.map((x) => ownerAt.exec(x.slice(x.indexOf('。') + 1))?.[0] ?? '');
    if (items.length < 2 || !heads[0] || heads.some((h) => h !== heads[0])) return items;
    return items.map((x, i) => (i ? `${x.slice(0, x.indexOf('。') + 1)}${x.slice(x.indexOf('。') + 1 + heads[0]!.length)}` : x));
  };
  const partItems = (own: typeof chapters, heading: string): string[] => {
    // Each item names its own owner here; namedOnce leaves one where the part's every item has the same.
    if (own.length > 1) {
      // The chapter compiling the next period's plan first (NEXT_PLAN), the others in the plan's order.
      const compiling = (x: (typeof chapters)[number]) => x.tasks.some((t) => compilesNextPlan(leadOf(t), d.period ?? ''));
      const inOrder = [...own.filter(compiling), ...own.filter((x) => !compiling(x))];
      // Round twenty (PART_WHY): the year's shortfalls this part takes up, said before its items.
      const missedHere = [...new Set(own.flatMap((x) => d.missed.get(x.ch.id) ?? []))];
      const allMissed = new Set([...d.missed.values()].flat());
      const unfinishedHere = [...new Set(own.flatMap((x) => x.tasks.map(carriedFor).filter((c): c is Carried => c?.kind === '未完成').map((c) => taskObject(cnPunctuation(c.task).replace(/[。；，\s]+$/, '')))))];
      // 唯一 only when every aim of the year was judged (R41 speech 2: 碳排放控制 and 环境安全形势 still 【待填】 in the annex).
      const partItems = namedOnce(inOrder.map((x) => spokenItem(chapterItem(x, heading), ownerAt, itemLimit(x.ch.id))));
      const why = PART_WHY.words(missedHere, unfinishedHere, missedHere.length === 1 && allMissed.size === 1 && !!d.allJudged) || PART_WHY.inspection(partItems.join(''));
      return [...(why ? [why] : []), ...partItems.map((x, i) => `${cnOrdinal(i)}是${x}`)];
    }
    // Said before the numbered items: in a part of one chapter, the indicator it answers for.
    const preface: string[] = [];
    const items: string[] = [];
    const used = new Set<PlanTask>();
    const taskItem = (y: TaskDeploy, frame = '', aims: string[] = []) => {
      const sentence = taskSentence(y, aims, false);
      // A problem's answer is said without a plan measure after it too (FOLLOW_UP_ANSWER); the task's owner before it (OWNER).
      const told = sentence ? `${frame}${sentence}` : frame.replace(/[，；]$/, '');
      return told ? `${y.lead}。${ownedMeasures([{ text: told, owner: frame || carriedFor(y.task) || hardTarget(told) ? ownerOf(y.task, withProblem(y, told), d.party) : '' }])[0]}。` : `${y.lead}。`;
    };
    for (const x of own) {
      const open = opening(x.ch.id);
      if (!open) continue;
      // A part of as many chapters as it has items gives each chapter its item (R5 speech 6): the missed indicator's
      // chapter tells one task then, the cut made in the item's length, not in the chapters told.
      const most = own.length >= DEPLOY.perPart ? 1 : DEPLOY.toldPerChapter;
      const { told } = pickTasks(deployed(x.tasks.filter((t) => !answersProblem(t) && !carriedFor(t)?.plan)), most, 1, true, x.ch.title);
      told.forEach((y) => used.add(y.task));
      const { own: aimsOf, whole } = placeAims(x.ch.id, told);
      if (own.length === 1) {
        preface.push(`${open}${whole.length ? `要确保${whole.join('、')}` : '要拿出更有力的措施'}。`);
        told.forEach((y) => items.push(taskItem(y, '', aimsOf.get(y))));
        continue;
      }
      // A chapter title repeating its part's heading (R2 speech 10) gives way to its first told task's lead.
      const echo = !!told[0] && sharesRun(title(x.ch), heading, SUBHEAD_ECHO.run);
      const head = echo ? told[0]!.lead : title(x.ch);
      items.push(`${head}。${open}${told.map((y, i) => taskSentence(y, aimsOf.get(y), !(echo && i === 0))).join('；')}${whole.length ? `，确保${whole.join('、')}` : ''}。`);
    }
    const rest = own.flatMap((x) => deployed(x.tasks.filter((t) => !used.has(t))).map((y) => ({ y, ch: x.ch })));
    // Work carried with its unit's date, and work whose problem the review named: said first, the problem named.
    for (const { y, ch } of rest) {
      const ps = problemsOf(y.task);
      if (y.score !== 4 && !ps.length) continue;
      used.add(y.task);
      // The problems named, each with its unit's own next step for it (`对高值镇街实行“周调度、月通报”`), then the plan's
      // measures; a problem without a next step is answered by them.
      const answered = answerWords(ps.filter((p) => p.next));
      const bare = answerWords(ps.filter((p) => !p.next));
      const frame = `${answered.length ? `${answered.join('；')}；` : ''}${bare.length ? `${bare.join('，')}，` : ''}`;
      items.push(taskItem(y, frame, placeAims(ch.id, [y]).own.get(y)));
    }
    // Then the tasks with a target or new words, the rest left to the plan.
    // An item restating only what it ensures (saysNothingOwn) is no task told (R5 speech 6).
    const others = rest
      .filter(({ y, ch }) => !used.has(y.task) && (y.measure || y.targets.length) && !offTopic(ch.title, leadOf(y.task)))
      // Each task's aims placed once (placeAims), for the filter, the rank and the item alike.
      .map((x) => ({ ...x, aims: placeAims(x.ch.id, [x.y]).own.get(x.y) }))
      .filter(({ y, aims }) => !saysNothingOwn(y.measure, y.targets, aims ?? []))
      // A hollow measure with no target of its own is no item either (R6 speech 5).
      .filter(({ y }) => y.targets.length > 0 || !hollowMeasure(y.measure))
      // A task carrying one of the year's main aims (the preamble's 主要目标) before one with a target of its own.
      .map((x, at) => ({ ...x, at, rank: x.y.score + (x.aims?.length ? 2 : 0) }));
    const ranked = [...others].sort((a, b) => b.rank - a.rank || a.at - b.at);
    // Every chapter of the part is deployed (R5 speech 6: the cut is per item's length, no chapter dropped): the best
    // task of each chapter no item told yet, then the others while the part has room.
    const covered = new Set(own.filter((x) => x.tasks.some((t) => used.has(t))).map((x) => x.ch.id));
    const perChapter = own.filter((x) => !covered.has(x.ch.id)).map((x) => ranked.find((o) => o.ch.id === x.ch.id)).filter((x): x is (typeof others)[number] => !!x);
    const room = Math.max(DEPLOY.leastPerPart - items.length, Math.min(DEPLOY.othersPerPart, DEPLOY.perPart - items.length)) - perChapter.length;
    const chosen = new Set([...perChapter, ...ranked.filter((x) => !perChapter.includes(x)).slice(0, Math.max(0, room))]);
    for (const x of others.filter((o) => chosen.has(o))) items.push(taskItem(x.y, '', x.aims));
    return [...preface, ...namedOnce(items.map((x) => spokenItem(x, ownerAt))).map((x, i) => `${cnOrdinal(i)}是${x}`)];
  };
  const named = new Set(d.themes.flatMap((t) => t.chapters));
  if (!d.themes.length) return { parts: chapters.map((x, i) => ({ 序号: cnOrdinal(i), 标题: title(x.ch), 任务: partItems([x], title(x.ch)) })), placed };
  const words = headingWords();
  const parts = [
    ...d.themes.map((t) => ({ heading: words.action((t.title.replace(HEADING_PREDICATES, '') || t.title).replace(THEME_VERB, ''), 'next'), own: chapters.filter((x) => t.chapters.includes(x.ch.id)) })),
    ...chapters.filter((x) => !named.has(x.ch.id)).map((x) => ({ heading: title(x.ch), own: [x] })),
  ].filter((x) => x.own.length);
  return {
    parts: parts.map((part, i) => ({ 序号: cnOrdinal(i), 标题: part.heading, 任务: partItems(part.own, part.heading) })),
    placed,
  };
}

/**
 * A review point as the seed speech tells it (R4 speech 1: `一是创新执法模式，提升执法效能。全面推行……。`): a verb +
 * object lead, then the point's strongest result with its figure, then (when its chapter has them) up to two more
 * (REVIEW_POINT.results), each of the units' own clauses, joined by ； into one sentence, never a longer report
 * sentence whole. A clause's weight (resultWeight) is the
 * speech's highlightScore with the 通报's judgement of a result (COMMEND_RULE.highlight: 下降/通过/获评… over 兑付/保持/
 * 人次, and no 学习/会议/简报 count); a result without a figure (`完成局直属机关党委换届`) counts as a result.
 */
export const REVIEW_POINT = {
  /**
   * Results after the lead, at most; round sixteen (R13 speech 4: headline results missing, the speech 3,200 characters
   * against the seed's 5,800): a third only when it is a headline (context.ts headlineRank: `…氨排放总量较2020年下降5.3%`).
   */
  results: 3,
  plainResults: 2,
  /** A second result weighs this much at least (a count of acts is no second result). */
  secondLeast: 3,
  /** An opening clause said before the result, to name what it is about: no figure, at most so many characters. */
  openingMost: 30,
  /** Clauses a result sentence has at most, and figures (a neighbouring clause is not added beyond them). */
  clauses: 3,
  figures: 2,
  /** A result clause shorter (in Chinese characters) says its subject with the sentence's opening clause. */
  subjectLeast: 12,
  /** A clause that leans on the one before it (`其中…`, `均…`, `已…`, `点位水质…` after the points it names). */
  leaning: /^(其中|均|并|已|全部|点位|断面)/,
  /** Counts of what was searched or passed on (`排查问题线索9条`, `推送…线索1862条`): the work, not its result. */
  acts: /(排查|筛查|核查|推送|梳理|收到)[^，；]*?\d|(检查|巡查|督导|调研)$/,
  /**
   * What a clause without a figure must say to be a result: a thing done (`完成局直属机关党委换届`), not work going on,
   * or an outcome of quality (R6 speech 2: `水质稳定保持Ⅱ类`, `点位水质全部达到考核要求`).
   */
  doneWithoutFigure: /(完成|建成|施行|审议通过|获批|批准|办结|销号|换届|挂牌|揭牌|印发实施|(稳定)?保持[ⅠⅡⅢⅣ]+类|全部达到|达到[^，；。]*考核要求)(?!.*(推进|开展)$)/,
  /** A second result stands alone: its first clause of so many Chinese characters at least, not leaning on what was left out. */
  alone: 8,
  /**
   * A subject that is only a count of a generic noun (R5 speech 1: `40家单位隐患排查“回头看”全部完成`, which units?):
   * a result opening so, without a clause before it naming them, is not said.
   */
  bareSubject: /^\d+(?:\.\d+)?(?:家|个|项)(?:单位|企业|项目|点位|问题)/,
  /** A result of the whole year (`全年推送…`), and the named system its sentence opens with (`智慧生态黄河平台新增…`). */
  yearLong: /^(全年|累计)/,
  subject: /^([\u4e00-\u9fa5“”]{2,14}(?:平台|系统|中心|热线|网格))(?=新增|完成|建成|上线|接入|累计|全年)/,
} as const;

/** A result whose subject is only a count of a generic noun (REVIEW_POINT.bareSubject), said alone. */
export function bareSubject(result: string): boolean {
  return !result.includes('，') && REVIEW_POINT.bareSubject.test(result);
}

/** How much a clause shows as a result (REVIEW_POINT): below zero a count of acts, zero nothing achieved. */
export function resultWeight(clause: string): number {
  const H = COMMEND_RULE.highlight;
  if (H.notResult.test(clause) || REVIEW_WORDS.routine.test(clause) || HIGHLIGHT_RULES.activity.test(clause) || REVIEW_POINT.acts.test(clause)) return -1;
  const figure = /\d/.test(clause.replace(H.notFigure, ''));
  if (!figure) return REVIEW_POINT.doneWithoutFigure.test(clause) || HIGHLIGHT_RULES.honours.test(clause) ? highlightScore(clause) : 0;
  return highlightScore(clause) + (H.substantive.test(clause) ? H.substantiveWeight : 0) - (H.routineResult.test(clause) ? H.routineResultWeight : 0);
}

/**
 * A reported sentence's result as a sentence of its own (REVIEW_POINT): the clause of most weight; its figure beside
 * it when it has none (`完成南部山区生物多样性本底调查，记录物种2316种`); the clause it leans on when it cannot stand
 * alone (`完成整改9项`, `其中…`), or else the sentence's opening clause saying what the work was; and a neighbouring
 * clause of weight (`指导2个区县成功创建…，1个单位获评…`), never the whole of a longer sentence.
 */
export function resultSentence(sentence: string, lead = '', saidElsewhere: (clause: string) => boolean = () => false, inReport: (text: string) => boolean = () => false): { text: string; weight: number } | null {
  const clauses = sentence.split('，').map((x) => x.trim()).filter(Boolean);
  // A clause of more figures than a listener keeps (`2个区县、2个园区、4个社区…`) is no result to say.
  const many = (c: string) => (c.replace(COMMEND_RULE.highlight.notFigure, '').match(FIGURE) ?? []).length > REVIEW_POINT.figures;
  // A clause saying its lead's work again without a figure (`…示范创建工作有序推进` under 持续推进生态文明示范创建) tells nothing.
  const echo = (c: string) => !!lead && !/\d/.test(c) && sharesWords(c, taskObject(lead), 6);
  const weights = clauses.map((c) => (saidElsewhere(c) || echo(c) ? -1 : many(c) ? 0 : resultWeight(c)));
  const order = clauses.map((c, at) => ({ c, at, w: weights[at]! })).filter((x) => x.w > 0).sort((a, b) => b.w - a.w || a.at - b.at);
  const top = order[0];
  if (!top) return null;
  const figure = (c: string) => /\d/.test(c.replace(COMMEND_RULE.highlight.notFigure, ''));
  const chinese = (x: string) => (x.match(/[\u4e00-\u9fff]/g) ?? []).length;
  const at = new Set([top.at]);
  const room = () => at.size < Math.min(REVIEW_POINT.clauses, clauses.length > 2 ? clauses.length - 1 : clauses.length);
  if (!figure(top.c)) {
    const beside = [top.at + 1, top.at - 1].find((k) => clauses[k] && figure(clauses[k]!) && weights[k]! > 0);
    if (beside !== undefined) at.add(beside);
  }
  // A clause naming what the clause before it introduced (context.ts leansOnPrevious: `试点园区…下降6.8%` after `推动…试点
  // 园区建设`) is said with it, as the report says it (R8 speech 2). A short clause or one opening with a count takes
  // the sentence's opening instead (below).
  const namesBefore = !/^\d/.test(top.c) && chinese(top.c) >= REVIEW_POINT.subjectLeast && leansOnPrevious(top.c, clauses[top.at - 1]);
  const leaning = REVIEW_POINT.leaning.test(top.c) || chinese(top.c) < COMMEND_RULE.highlight.least || namesBefore;
  const first = clauses[0]!;
  const opening = top.at > 0 && !figure(first) && first.length <= REVIEW_POINT.openingMost && !(lead && sharesWords(first, taskObject(lead))) && !saidElsewhere(first);
  // What a leaning clause leans on: the result before it, else the sentence's opening, else the clause before it.
  if (leaning && top.at > 0 && weights[top.at - 1]! > 0) at.add(top.at - 1);
  // Round sixteen (R14 speech 2: `修订…谋划细则，入库项目143个` said the wrong clause): a short result naming what the
  // clause just before introduced (`入库项目…` after `建立…项目库`) is said with that clause, not the sentence's opening.
  else if (leaning && top.at > 1 && weights[top.at - 1] === 0 && leansOnPrevious(top.c, clauses[top.at - 1])) at.add(top.at - 1);
  else if ((leaning || chinese(top.c) < REVIEW_POINT.subjectLeast) && opening && room()) at.add(0);
  else if (leaning && top.at > 0) at.add(top.at - 1);
  const figures = (ks: number[]) => ks.flatMap((k) => clauses[k]!.replace(COMMEND_RULE.highlight.notFigure, '').match(FIGURE) ?? []).length;
  // A result whose subject is only a count (`2个断面水质…均达到考核要求`) takes the opening that names them (`编制徒骇河…
  // 2个国控断面“一断面一策”`), figure and all, within the figures a sentence has.
  if (/^\d/.test(top.c) && top.at > 0 && !at.has(0) && first.length <= DEPLOY.clauseChars && !saidElsewhere(first) && room() && figures([...at, 0]) <= REVIEW_POINT.figures) at.add(0);
  for (const k of [top.at - 1, top.at + 1]) if (clauses[k] && weights[k]! >= REVIEW_POINT.secondLeast && room() && figures([...at, k]) <= REVIEW_POINT.figures) at.add(k);
  const said = (ks: Set<number>) => [...ks].sort((a, b) => a - b).map((k) => clauses[k]!).join('，');
  // A sentence the report says whole is not said whole again (R4 speech 1): its result clause, with what it leans on.
  // (Round fourteen: a `其中…获评…` result the report tells whole is said alone, its 其中 dropped: LEANS.part.)
  // Round sixteen (R12 speech: `二是夯实基层建设基础。完成局直属机关党委换届。`, a point of one bare fact): a result that
  // alone would be shorter than a clause naming its subject (REVIEW_POINT.subjectLeast) keeps what it was said with.
  const clippedTop = LEANS.part.test(top.c) ? partAlone(top.c) : said(new Set([top.at, ...(leaning && top.at > 0 ? [top.at - 1] : [])]));
  // Round sixteen (R14 speech 4: `指导2个区县成功创建省级生态文明建设示范区` was lost): a clipped result whose subject is
  // only a count (bareSubject: `1个单位获评…`), which the point would drop, gives way to the result said before it.
  const before = top.at > 0 && at.has(top.at - 1) && weights[top.at - 1]! > 0 ? clauses[top.at - 1]! : '';
  const clipped = bareSubject(clippedTop) && before ? before : clippedTop;
  const cut = inReport(said(at)) && at.size > 1 && (LEANS.part.test(top.c) || chinese(clipped) >= REVIEW_POINT.subjectLeast) ? clipped : said(at);
  // A rule's passage the report tells whole is said by its taking force alone, as the 通报 does (YEAR_RESULTS.procedure).
  const told = inReport(cut) ? cut.replace(YEAR_RESULTS.procedure, '') : cut;
  // Round sixteen (R13 speech 1: `全年推送环境问题线索1862条` said nothing of what pushed them): a result of the whole year
  // left without its subject takes the subject the sentence's first clause names (REVIEW_POINT.subject).
  const subject = !told.startsWith(first) && REVIEW_POINT.yearLong.test(told) ? REVIEW_POINT.subject.exec(first)?.[1] : undefined;
  const text = subject ? `${subject}${told}` : told;
  return { text: text.replace(/^(同时|此外|另外)，/, ''), weight: top.w };
}

/**
 * Round nineteen (W1, a 公文 writer's rewrite of the review: heard, not read): a point's results as a leader says them.
 * - A list of names before their count is left to the report, the count says it (`list`: `完成钢城区颜庄石灰窑、长清区
 *   平安街道涂装、章丘区水泥制品3个产业集群整治` → `完成3个产业集群整治`), after a verb only, so a subject stays named.
 * - Counts of two kinds of the same things are said as one (`sum`: `3家水泥企业、2家焦化企业` → `5家水泥、焦化企业`).
 * - Two short results done by the same verb are one (`join`: `完成5家水泥、焦化企业超低排放改造和3个产业集群整治`),
 *   within the figures a result says.
 * - A result beating its clause's quantified target says so, as the annex's 结论 (kpi.ts annexVerdict) has it
 *   (`…大气氨排放总量较2020年下降5.3%，超额完成年度目标`).
 * - A count said again of the same things in the next clause is not said twice (`recount`: `编制2个国控断面“一断面一策”，
 *   2个断面水质…` → `…，断面水质…`).
 */
export const SPOKEN_RESULT = {
  // Round twenty: no quote marks in a name (`开展“上一线、察实情”调研帮扶企业132家` is one quoted slogan, not a list: left
  // `开展132家`).
  list: /(完成|编制|建成|创建|整治|指导|推动|组织|开展|实施)((?:[\u4e00-\u9fa5]{2,16}、)+[\u4e00-\u9fa5]{2,16}?)(?=\d+(?:\.\d+)?(?:个|家|条|座|项|处|所|批))/g,
  join: { verb: /^(完成|建成|创建)/, most: 40, with: '和' },
  exceeded: '，超额完成年度目标',
  run: 6,
  recount: /(\d+(?:个|家|条|座|项|处))([\u4e00-\u9fa5]{2,8})/g,
  sum: /(?<![\d.、])(\d+)(家|个)([\u4e00-\u9fa5]{1,4}?)(企业|单位|园区)、(\d+)\2([\u4e00-\u9fa5]{1,4}?)\4(?!、)/g,
} as const;
/** A result's later clause counting again what an earlier clause counted (SPOKEN_RESULT.recount), said without the count. */
function withoutRecount(result: string): string {
  const clauses = result.split('，');
  const counted = new Map<string, string>();
  return clauses
    .map((c, k) => {
      let out = c;
      for (const [whole, count, noun] of c.matchAll(SPOKEN_RESULT.recount)) {
        const before = counted.get(count!);
        if (k > 0 && before && before !== noun && before.endsWith(noun!.slice(0, 2)) && out.startsWith(whole)) out = out.slice(count!.length);
      }
      for (const [, count, noun] of c.matchAll(SPOKEN_RESULT.recount)) if (!counted.has(count!)) counted.set(count!, noun!);
      return out;
    })
    .join('，');
}
/** One result said: its list of names before a count left out, a count said again dropped (SPOKEN_RESULT). */
export function spokenResultForm(result: string): string {
  const summed = result.replace(SPOKEN_RESULT.sum, (_, a: string, unit: string, x: string, noun: string, b: string, y: string) => `${Number(a) + Number(b)}${unit}${x}、${y}${noun}`);
  return withoutRecount(summed.replace(SPOKEN_RESULT.list, '$1'));
}
export function spokenResults(results: readonly string[], exceeded: readonly { value: string; target: string }[] = []): string[] {
  const joinable = (x: string) => !/[，；]/.test(x);
  // Within the figures a result says (REVIEW_POINT.figures).
  const figures = (x: string) => (x.replace(/\d{4}年/g, '').match(FIGURE) ?? []).length;
  const out: string[] = [];
  for (const r0 of results) {
    let r = spokenResultForm(r0);
    const beats = exceeded.find((x) => new RegExp(`(?<![\\d.])${x.value.replace('.', '\\.')}(?![\\d.])`).test(r) && sharesRun(r, x.target, SPOKEN_RESULT.run));
    if (beats && !r.includes(SPOKEN_RESULT.exceeded.slice(1))) r += SPOKEN_RESULT.exceeded;
    const prev = out.at(-1);
    const verb = SPOKEN_RESULT.join.verb.exec(r)?.[1];
    if (prev && verb && prev.startsWith(verb) && joinable(prev) && joinable(r) && prev.length + r.length - verb.length + 1 <= SPOKEN_RESULT.join.most && figures(prev) + figures(r) <= REVIEW_POINT.figures) out[out.length - 1] = `${prev}${SPOKEN_RESULT.join.with}${r.slice(verb.length)}`;
    else out.push(r);
  }
  return out;
}

/**
 * The review of a theme as one spoken paragraph of points (REVIEW_POINT): a theme of several chapters a point per
 * chapter (its verb + object), one of a single chapter a point per task (its lead); the points of most weight, at most
 * HIGHLIGHTS.chapters and HIGHLIGHTS.most, in plan order.
 */
function reviewItems(
  t: ReportContext['报告']['主题'][number],
  shapes: Map<string, number>,
  words: ReturnType<typeof headingWords>,
  reported: (chapterId: string) => { task: string; sentences: string[] }[],
  saidElsewhere: (clause: string) => boolean = () => false,
  inReport: (text: string) => boolean = () => false,
  exceeded: readonly { value: string; target: string }[] = [],
) {
  const routine = (x: string) => (shapes.get(sentenceShape(x)) ?? 0) > 1;
  // A unit's sentences: split at 。；, routine shapes out unless nothing else, the same fact said twice once.
  const sentences = (texts: string[]) => {
    const all = [...new Set(reportedSentences(texts))];
    const own = all.filter((x) => !routine(x));
    // Routine shapes stand only where nothing else is, and never a sentence of meetings and trainings.
    return own.length ? own : all.filter((x) => !REVIEW_WORDS.routine.test(x));
  };
  const point = (lead: string, texts: string[], first = false) => {
    const results = sentences(texts)
      .map((x, at) => ({ at, r: resultSentence(x, lead, saidElsewhere, inReport) }))
      .filter((x): x is { at: number; r: { text: string; weight: number } } => !!x.r)
      // Headline results first (R5 speech 1: the report's SELECTION.headline rule, context.ts headlineRank), then by weight.
      .sort((a, b) => headlineRank(a.r.text) - headlineRank(b.r.text) || b.r.weight - a.r.weight || a.at - b.at)
      .filter((p, i, xs) => !xs.slice(0, i).some((q) => sharesWords(p.r.text, q.r.text, 8)));
    const alone = (x: string) => ((x.split('，')[0] ?? '').match(/[\u4e00-\u9fff]/g) ?? []).length >= REVIEW_POINT.alone && !REVIEW_POINT.leaning.test(x);
    // Told in that order, the headlines leading the point.
    const kept = results
      .filter((x) => !bareSubject(x.r.text))
      .filter((x, i) => i === 0 || (x.r.weight >= REVIEW_POINT.secondLeast && alone(x.r.text)))
      .filter((x, i) => i < REVIEW_POINT.plainResults || headlineRank(x.r.text) < Infinity)
      .slice(0, REVIEW_POINT.results)
      .sort((a, b) => headlineRank(a.r.text) - headlineRank(b.r.text) || a.at - b.at);
    // A chapter's first task is told whatever its weight, as the report tells it (context.ts firstKept, tellingFact):
    // `组织“第一议题”学习31次…` counts acts, yet opens the chapter's work (R8 speech 1).
    const told = first && !kept.length && firstKept(texts.join('。'), routine) ? tellingFact(sentences(texts), toldOnce(), taskObject(lead), routine) : '';
    const opening = REVIEW_WORDS.routine.test(told) ? '' : told;
    return { lead, results: opening ? [opening] : kept.map((x) => x.r.text), weight: results[0]?.r.weight ?? 0, first: first && (!!opening || kept.length > 0) };
  };
  const chapters = t.分章;
  const units =
    chapters.length > 1
      ? chapters.flatMap((ch) => {
          // Another field's task in the chapter (context.ts OFF_TOPIC: 网络安全 under 环境安全) is no result of it.
          const own = reported(ch.章节).filter((x) => !offTopic(ch.对象, x.task));
          const said = point(words.action(ch.对象, ch.状态), own.flatMap((x) => x.sentences));
          // A lead saying the theme's heading again (R6 speech 6: `（四）推进绿色低碳高质量发展…` then `二是扎实推动绿色低碳
          // 高质量发展`) takes the report's rule (context.ts echoesTheme): the own words of the task its first result is from.
          const from = said.results[0] ? own.find((x) => x.sentences.some((s) => s.includes(said.results[0]!.split('，')[0]!))) : undefined;
          const instead = from && echoesTheme(said.lead, t.标题) ? leadWords(cnPunctuation(from.task).replace(/[。；，\s]+$/, '')) : '';
          if (!instead || echoesTheme(instead, t.标题)) return [{ ch, ...said }];
          // Round fourteen (R9 speech 2): a task's lead heads only tasks of its kind, as the report's points (context.ts
          // kindPoints, TASK_KINDS): 环评审批 is its own point (`靠前服务保障项目建设`), not under 推动减污降碳协同增效.
          const kinds = kindPoints([from!, ...own.filter((x) => x !== from)], instead);
          if (kinds.length < 2) return [{ ch, ...said, lead: instead }];
          return kinds.map((k) => ({ ch, ...point(k.head, k.tasks.flatMap((x) => x.sentences)) }));
        })
      : chapters.flatMap((ch) => reported(ch.章节).map((x, k) => ({ ch, ...point(cnPunctuation(x.task.trim()).replace(/[。；，\s]+$/, ''), x.sentences, k === 0) })));
  const most = chapters.length > 1 ? HIGHLIGHTS.chapters : HIGHLIGHTS.most;
  const told = units.filter((u) => u.results.length);
  // The chapter's first task first (firstKept), then the points of most weight: a weaker one gives way.
  const shown = new Set([...told].sort((a, b) => Number(b.first) - Number(a.first) || b.weight - a.weight).slice(0, most));
  const kept = told.filter((u) => shown.has(u));
  return {
    // Round sixteen: the lead a sentence of its own, then the work and its results, as the report's points are (R13, R14,
    // R15 speech read the seed's pair form `一是…，<outcome>。` with a data outcome as results put before the work, and
    // round fourteen's PAIR_LEAD is removed); the results of a point are one sentence, joined by ；, not a telegram of
    // one-clause sentences (R15 speech 1).
    items: kept.map((u) => `${u.lead}。${spokenResults(u.results, exceeded).join('；')}`),
    chapters: [...new Set(kept.map((u) => u.ch))],
    of: kept.map((u) => u.ch.章节),
  };
}

export function buildSpeech(ctx: ReportContext, progress: RoundProgress, plan: Plan, o: { nextPlan?: Plan; meeting?: string; settings?: Settings; metrics?: Metrics } = {}): SpeechContext {
  const yearEnd = ctx.轮次.年终;
  const year = ctx.轮次.年度;
  const next = yearEnd ? String(Number(year) + 1) : year;
  const period = yearEnd ? `${year}年` : ctx.轮次.期间;
  const issuerKnown = !ctx.机关.startsWith('【待填');
  const meeting = o.meeting?.trim() || (issuerKnown ? meetingName(ctx.机关, next, yearEnd, ctx.轮次.期间) : SPEECH_GAPS.meeting);
  // Who leads the bureau, by its level as the report says it (context.ts superiorsOf); '' leaves the gap.
  const superiors = superiorsOf(ctx.机关);
  const clauses = progress.clauses.filter((c) => c.answers.length > 0);
  const ofChapters = (ids: string[]) => clauses.filter((c) => ids.includes(c.chapterId));
  const notDone = (c: (typeof clauses)[number]) => (yearEnd ? c.yearEnd === '未完成' : isPressed(c));

  // One overall figure, in 项 of work as the review counts: of all when every unit reported, else what is done.
  const done = clauses.filter((c) => (yearEnd ? c.yearEnd === '完成' : c.status === '已完成')).length;
  // Zero is no figure to give in a speech (`已完成重点工作0项`).
  // Always with its denominator (`67项重点工作完成61项`): what was not reported is simply not counted as done.
  // At the year's end the count basis as every document says it (counting.ts scopeWords), and every outcome, so the
  // figures add up (R1 speech 8: 61 done of 67 says nothing of the 4 not reported).
  const count = (f: (c: ClauseProgress) => boolean) => clauses.filter(f).length;
  const outcomes = [
    [count((c) => c.yearEnd === '结转'), '转入下一年度'],
    [count((c) => c.yearEnd === '未完成'), '未完成'],
  ] as const;
  const silentCount = count((c) => c.status === '未报送');
  const share = openingShare(done, clauses.length);
  // By its share done a word, on the plan's own count (`59项重点任务`); below every share, the counts themselves.
  const taskCount = plan.tasks.length < clauses.length ? `${plan.tasks.length}项重点任务` : `${clauses.length}项重点工作`;
  const yearFigure = share
    ? `。${OPENING_WORDS.deployed}${taskCount}${share}`
    : `。${OPENING_WORDS.deployed}${scopeWords(plan)}，完成${done}项${outcomes.filter(([n]) => n).map(([n, w]) => `，${w}${n}项`).join('')}${silentCount ? `，${silentCount}项未报送完成情况` : ''}`;
  // The units that reported nothing at all, named once under 四 (SILENT_UNITS).
  const units = new Map<string, boolean>();
  for (const c of clauses) for (const a of c.answers) units.set(a.unit, (units.get(a.unit) ?? false) || a.reported);
  const silentUnits = [...units].filter(([, r]) => !r).length;
  const filler = coopFillerMostly(clauses);
  const reportingLesson = REPORTING_LESSON.words([silentUnits ? REPORTING_LESSON.silent : '', filler ? REPORTING_LESSON.filler : ''].filter(Boolean));
  const figure = !ctx.结论.有报送 || !done ? '' : yearEnd ? yearFigure : `，${clauses.length}项重点工作已完成${done}项`;
  const own = readPreamble(plan.preamble);
  const guidance = guidanceWords(own);
  // Round fifteen (R10 speech 5): the close of a five-year plan opens the review (收官), before `一年来，在…领导下`.
  const closing = yearEnd ? planClosingWords(own.place) : '';
  const opened = `${SPEAKER_WORDS.self}${guidance ? `${guidance}，全面` : '认真'}落实《${ctx.计划.标题}》部署`;
  const overview = `${opened}${figure}。`;

  // The review: the report's themes, in their order, each a few highlights from what the units reported; nothing
  // made from a title, and never the report's whole 成效 pasted (the speech is heard, not read).
  // A shape repeated across the units' reports (R4 speech 1: every clause of theirs is a candidate now, not only the
  // report's) is a routine count, pasted or alike under several tasks: no result to tell.
  const shapes = new Map<string, number>();
  const byTask = new Map<string, { task: string; sentences: string[] }[]>();
  // Counted task by task: the same sentence pasted under three tasks is three times a shape.
  for (const task of [...new Set(clauses.map((c) => c.chapterId))].flatMap(reportedByTask))
    for (const x of new Set(reportedSentences(task.sentences))) if (sentenceShape(x)) shapes.set(sentenceShape(x), (shapes.get(sentenceShape(x)) ?? 0) + 1);
  const words = headingWords();
  // A chapter's reported results: its lead units' words on every clause, and on a clause its lead did not report,
  // what its cooperating units did, as the bureau's (the report's rule, context.ts asOwnFact).
  const reportedOf = (chapterId: string) => reportedByTask(chapterId).flatMap((x) => x.sentences);
  // The same, task by task (a theme of one chapter tells its tasks): read once a chapter (byTask), asked for by the
  // shapes, the review and the deployment alike.
  function reportedByTask(chapterId: string): { task: string; sentences: string[] }[] {
    const known = byTask.get(chapterId);
    if (known) return known;
    const read = readByTask(chapterId);
    byTask.set(chapterId, read);
    return read;
  }
  function readByTask(chapterId: string): { task: string; sentences: string[] }[] {
    const tasks = new Map<string, { task: string; sentences: string[] }>();
    // A clause not done is no result (the issue's rule): it stands under 不足 and 部署. Round nineteen (F30: the carried
    // 近零碳 pilots' 历城区获评… went unsaid): work carried on by plan, as the report tells it under 成效 with its date,
    // keeps what its year achieved (an honour, a stage passed); its date is 形势's and 部署's.
    for (const c of clauses.filter((x) => x.chapterId === chapterId && x.yearEnd !== '未完成')) {
      // Its responsible units (the leads, or all where none leads, as the report's), else on a clause its lead did not
      // report, what its cooperating units did.
      const leads = c.answers.filter((a) => a.role === '牵头');
      const responsible = (leads.length ? leads : c.answers).filter((a) => a.reported);
      const from = responsible.length ? responsible : c.status === '未报送' ? c.answers.filter((a) => a.reported) : [];
      const said = from.map((a) => asOwnFact(cnPunctuation(substance(a.progress, c.task)))).filter(Boolean);
      const t = tasks.get(c.taskId) ?? { task: c.task, sentences: [] };
      t.sentences.push(...said);
      tasks.set(c.taskId, t);
    }
    return [...tasks.values()].filter((x) => x.sentences.length);
  }
  // A clause whose figure the KPI paragraph gave for the same work (context.ts sameWork) was said there.
  // The report's quality outcomes (kpi.ts QUALITY_FACTS) are not among the speech's figures: the review may say them.
  const kpiSentences = yearEnd ? ctx.质量.reduce((k, q) => k.replace(q.内容, ''), ctx.报告.指标段).split(/[；。]/).filter(Boolean) : [];
  const inKpi = (clause: string) => {
    const figures = clause.replace(/\d{4}年/g, '').match(/\d+(?:\.\d+)?%?/g) ?? [];
    return figures.length > 0 && figures.every((f) => kpiSentences.some((k) => k.includes(f) && sameWork(k, clause)));
  };
  // The report's own sentences of 成效: the speech says none of them whole (R4 speech 1).
  const reportSaid = new Set(ctx.报告.主题.flatMap((t) => [...t.成效, t.成效补充]).join('').split(/[。；]/).map((x) => x.replace(/^[一二三四五六七八九十]+是/, '').trim()));
  // The clauses whose reported figure beat their target (the annex's 超额完成), for the review to say so (SPOKEN_RESULT).
  const exceededTargets = yearEnd
    ? clauses.filter((c) => annexVerdict(c) === '超额完成').flatMap((c) => {
        const v = c.answers.find((a) => a.unit === c.source)?.value;
        return v === null || v === undefined ? [] : [{ value: String(v), target: c.target }];
      })
    : [];
  const review = ctx.报告.主题
    .filter((t) => ofChapters(t.章节).length)
    .map((t, i) => {
      const mine = ofChapters(t.章节);
      // What was not reported is the 通报's business, not a citywide speech's: the report's sentences on it are left out.
      const quiet = (x: string) => t.未报送句.reduce((acc, q) => acc.split(q).join(''), x);
      const { items: picked, chapters, of } = reviewItems(t, shapes, words, reportedByTask, inKpi, (x) => reportSaid.has(x), exceededTargets);
      const withFacts = new Set(mine.map((c) => c.chapterId));
      // A heading says only what its facts show: the theme's title when every chapter with results is told, else the
      // chapters told (REVIEW_SHOWN at most), each verb + object as the model speech (强化执法监管，健全…体系).
      // Three chapters told make the theme (its title claims no more than they show); fewer are named.
      const complete = chapters.length > 0 && (chapters.length >= withFacts.size || chapters.length > REVIEW_SHOWN);
      const shown = chapters.slice(0, REVIEW_SHOWN);
      const heading = complete || !picked.length ? t.标题 : shown.map((ch) => words.action(ch.对象, ch.状态)).join('，');
      const subject = (complete || !picked.length ? t.简称 : shown.map((ch) => ch.对象).join('和')).replace(REVIEW_WORDS.notFocused, '').replace(THEME_VERB, '');
      // `一年来` at the year's end; a mid-year speech names its period (`前三季度，我们聚焦…`).
      const open = REVIEW_OPENINGS[i === 0 ? 0 : 1 + ((i - 1) % (REVIEW_OPENINGS.length - 1))]!(subject, yearEnd ? '一年来' : period);
      // What the lead units did not report keeps its place in the review (R1 speech 4), at the point of its chapter
      // (R2 speech 5): the report's gap for it, naming who did not report, after what the cooperating units did there.
      const silentGaps = t.未报送句.flatMap((x) => x.match(/【待填：[^】]*】/g) ?? []);
      const silentChapter = (gap: string) => mine.find((c) => c.status === '未报送' && gap.includes(taskObject(c.task)))?.chapterId;
      const placedGaps = silentGaps.filter((g) => of.includes(silentChapter(g) ?? ''));
      // Heard, not read: the gap is one short bracket, not the report's list; round sixteen (R13 speech 12: the gap asked
      // for four items' results, sized for a report) asks for one sentence once the unit has reported
      // (`【待填：环境安全方面成效一句（待环境安全应急管理处补报4项工作后提炼）】`).
      const spokenGap = (g: string) => {
        const m = /(\d+)项工作年终完成情况（([^）]*?)未报送）】$/.exec(g);
        const chapter = plan.chapters.find((c) => c.id === silentChapter(g));
        return m && chapter ? `【待填：${taskObject(chapter.title)}方面成效一句（待${m[2]}补报${m[1]}项工作后提炼）】` : g;
      };
      // The report's order (R7 speech 6): a point whose lead unit was silent says its gap first, then what the
      // cooperating units did, under a lead claiming no continuity (SILENT_POINT).
      const items = picked.map((x, k) => {
        const last = of[k] !== undefined && of.lastIndexOf(of[k]!) === k;
        const here = last ? placedGaps.filter((g) => silentChapter(g) === of[k]).map(spokenGap) : [];
        if (!here.length) return x;
        const at = x.indexOf('。');
        const lead = x.slice(0, at).replace(new RegExp(`^(${HEADING_ADVERBS.mixed.join('|')})`), SILENT_POINT.adverb);
        return `${lead}。${here.join('')}。${x.slice(at + 1)}`;
      });
      // Points as the seed's: `一是<lead>。<result>。<result>。二是…`, one paragraph. A lead-in naming the subject the
      // heading just above names (`在污染防治攻坚方面，一是…`) says it twice (R6 speech 1): points open with 一是; a
      // single point is said with 我们, its opening kept only where the heading does not name it (REVIEW_WORDS.leadIn).
      const leadIn = !sharesRun(subject, heading, REVIEW_WORDS.leadInRun) ? open : '';
      const said = items.length > 1 ? items.map((x, k) => `${cnOrdinal(k)}是${x}`).join('。') : items.length ? `${leadIn.includes(SPEAKER_WORDS.self) ? '' : SPEAKER_WORDS.self}${items[0]}` : '';
      const unplaced = silentGaps.filter((g) => !placedGaps.includes(g)).join('');
      const paragraph = said
        ? [`${items.length > 1 ? '' : leadIn}${said}。${unplaced ? `${unplaced}。` : ''}`]
        : mine.every((c) => c.status === '未报送')
          ? [SPEECH_GAPS.silent]
          : [SPEECH_GAPS.results, quiet(t.成效补充)];
      return { 序号: cnOrdinal(i), 标题: heading, 成效: paragraph.filter(Boolean) };
    });

  // Shortcomings: missed indicators first, then the tasks not done with what is left and why (as reported), then
  // problems units reported on work done; at most SHORTCOMINGS.most, each concrete.
  // A missed indicator with its cause as the report found it (its 存在问题 point on the indicator), else a gap.
  const problemSentences = [ctx.报告.问题要点, ...ctx.报告.主题.flatMap((t) => t.问题)].join('').split(/(?<=。)/);
  const missedWords = (verdict: string) => {
    const name = /^(.+?)为/.exec(verdict)?.[1] ?? '';
    const said = name ? problemSentences.find((p) => p.replace(/^[一二三四五六七八九十]+是/, '').startsWith(name)) ?? '' : '';
    const cause = /主要是([^。]+)/.exec(said)?.[1];
    // Its figures are the KPI paragraph's, said once there (R5 speech 5): here the indicator and the requirement it missed.
    const basis = /未达到([^（，；。]+)/.exec(verdict)?.[1];
    const said2 = name && basis ? `${name}没有达到${basis}` : spoken(verdict.replace(/。$/, ''));
    return `${said2}，${cause ? `主要是${cause}` : SPEECH_GAPS.missedCause(name)}`;
  };
  const behind = [...new Map(clauses.filter(notDone).map((c) => [c.task, c] as const)).values()];
  const ordered = [...behind.filter((c) => c.shortfall), ...behind.filter((c) => !c.shortfall)];
  const causeOf = (c: ClauseProgress) => {
    const leads = c.answers.filter((a) => a.role === '牵头' && a.reported);
    const cause = (leads.length ? leads : c.answers.filter((a) => a.reported)).map((a) => substance(a.problems)).filter(Boolean)[0] ?? '';
    // No cause reported: the report's gap for it (context.ts sectionText), so the speaker does not leave it unsaid.
    // Round sixteen (R13 speech 5): a speech says the cause's first clause; the report and the 通报 carry it whole.
    return cause ? `，主要是${completePhrases(cnPunctuation(cause)).replace(/^(主要)?原因(是|为|：)/, '').split(/[，。；]/)[0]}` : `，${SPEECH_GAPS.notDoneCause}`;
  };
  // Work carried on by plan is no shortcoming (F30: `社区试点建设周期较长` is why the pilots go on, said with them, as
  // the report does): its lead's problems are neither 不足 nor a problem the deployment answers.
  const reported = clauses
    .filter((c) => !notDone(c) && c.status !== '未报送' && c.yearEnd !== '结转')
    .flatMap((c) => c.answers.filter((a) => a.role === '牵头' && a.reported).map((a) => ({ c, p: substance(a.problems), next: substance(a.nextSteps ?? '') })))
    .filter((x) => x.p)
    .map((x) => {
      const problem = cnPunctuation(x.p).replace(/[。；]+/g, '，').replace(/，$/, '');
      // A problem with its own subject (`剩余5项督察问题…`, `部分…镇街道路积尘负荷反复`) is said as it stands; the
      // `…方面，` frame only gives a subject to one without (the report's rule, context.ts namesItsSubject).
      const text = namesItsSubject(problem, taskObject(x.c.task)) ? problem : `${taskObject(x.c.task)}方面，${problem}`;
      // A unit's excuse, said by its fact (EXCUSE, R7 speech 5).
      const fact = excuseAsFact(problem, x.c.answers.map((a) => cnPunctuation(a.progress ?? '')));
      // As the deployment names it (`针对…的问题，`): its clauses in a series.
      // Its unit's next step, when it says what will be done (not `继续推进`): the deployment's answer to it.
      const next = cnPunctuation(x.next).replace(/[。；\s]+$/, '').replace(/。/g, '，');
      // The deployment names it by its work when it does not say which (FOLLOW_UP_ANSWER); a fact names its own kind.
      // Round sixteen (R15 speech 2: the unit's whole problem text pasted after 针对): its first clause names it.
      const words = fact?.words ?? followUpName(problem.split('，')[0]!, rowName(x.c, clauses));
      return { task: x.c.task, text: fact?.text ?? text, words, next: next.length >= DEPLOY.nextLeast ? next : '', close: fact ? OWN_WORK.close(fact.kind) : '' };
    });
  // The weightier first (R1 speech 5): a problem with a figure (`剩余5项督察问题…`) before one without.
  const weighed = [...reported.filter((x) => /\d/.test(x.text)), ...reported.filter((x) => !/\d/.test(x.text))];
  const counted = [
    ...ctx.报告.指标未达到.map(missedWords),
    ...ordered.map((c) => `${shortfallWords(c.task, c.shortfall, yearEnd, c.target)}${causeOf(c)}`),
    ...weighed.filter((x) => /\d/.test(x.text)).map((x) => x.text),
  ];
  const plain = [...new Set(weighed.filter((x) => !/\d/.test(x.text)).map((x) => x.text))];
  const plainNames = [...new Set(weighed.filter((x) => !/\d/.test(x.text)).map((x) => x.words))];
  const points =
    counted.length + plain.length <= SHORTCOMINGS.most || plain.length < 2
      ? [...counted, ...plain].slice(0, SHORTCOMINGS.most)
      : [...counted.slice(0, SHORTCOMINGS.most - 1), `${SHORTCOMINGS.head}${plainNames.join(SHORTCOMINGS.join)}`];
  // The problems the deployment answers (R4 speech 4; R12 speech: every one reported, not only the review's points,
  // FOLLOW_UP_ANSWER), each once.
  const answered = [...new Map(weighed.map(({ task, words, next }) => [`${task}\u0000${words}`, { task, words, next }] as const)).values()];
  // A single point is said, not numbered: 一是 with no 二是 reads as a list cut short. The office's own failings the
  // data cannot give: a gap after the points, as the report's (主观方面不足).
  const shortcomings = points.length
    ? [`${points.length > 1 ? points.map((x, i) => `${cnOrdinal(i)}是${x}`).join('；') : points[0]}。`, ...(yearEnd ? [`从主观上看，${SPEECH_GAPS.subjective}。`] : [])]
    : [];

  // The year's unfinished work, with the responsible unit's own dated plan for it.
  // Round nineteen (F30): work carried on by plan too, its unit's date said at the next plan's same task.
  const carriedOn = [...new Map(clauses.filter((c) => c.yearEnd === '结转').map((c) => [c.task, c] as const)).values()];
  const carriedOf = (c: ClauseProgress): Carried => {
    const leads = c.answers.filter((a) => a.role === '牵头' && a.reported);
    const nextSteps = (leads.length ? leads : c.answers.filter((a) => a.reported)).map((a) => a.nextSteps ?? '').join('。');
    return { task: c.task, plan: carriedPlan(nextSteps), left: /尚差(\d+(?:\.\d+)?)/.exec(c.shortfall ?? '')?.[1] ?? '' };
  };
  // The work not done (形势 names it by its work: OWN_WORK.left), then the work carried on.
  const unfinished = yearEnd ? behind.map((c) => ({ ...carriedOf(c), kind: '未完成' as const })) : [];
  const carried: Carried[] = yearEnd ? [...unfinished, ...carriedOn.map((c) => ({ ...carriedOf(c), kind: '结转' as const }))] : [];
  const carriedSentence = (cs: Carried[]) => {
    if (!cs.length) return '';
    const dated = cs.filter((c) => c.plan);
    const undated = cs.filter((c) => !c.plan);
    return [
      ...dated.map((c) => `对${SPEAKER_WORDS.lastYear}没有完成的${taskObject(c.task)}工作，要${c.plan}。`),
      undated.length ? `对${year}年未完成的${undated.slice(0, 3).map((c) => c.task).join('、')}${undated.length > 3 ? `等${undated.length}项` : ''}工作，要${undated.length > 1 ? '逐项' : ''}明确完成时限，尽快完成。` : '',
    ].join('');
  };
  // The office's themes group the next plan's chapters too, when they name chapters it has; else one part a chapter.
  const themesOf = (p: Plan): ThemeSpec[] => {
    try {
      return parseThemes(o.settings?.reportThemes ?? '', p.chapters);
    } catch {
      return [];
    }
  };
  // Targets the year met, by their words: the next year's plan may say them again; they are not re-issued.
  const doneIds = new Set(clauses.filter((c) => (yearEnd ? c.yearEnd === '完成' : c.status === '已完成')).map((c) => c.clauseId));
  const met = new Set(plan.tasks.flatMap((t) => t.clauses.filter((c) => doneIds.has(c.id)).flatMap((c) => c.targets.map((x) => targetKey(x.words)))));
  const previous = new Set(plan.tasks.flatMap((t) => sentencesOf(cnPunctuation(t.text)).map(sentenceKey)));
  const missedNames = ctx.报告.指标未达到.map((x) => /^(.+?)为/.exec(spoken(x))?.[1] ?? '').filter(Boolean);
  let deploy: SpeechContext['部署'];
  let vision = '';
  if (o.nextPlan) {
    const p = o.nextPlan;
    const pre = readPreamble(p.preamble);
    vision = PREAMBLE_WORDS.vision.exec(pre.guidance)?.[1] ?? '';
    // Each aim of the next plan said once, in the first chapter that answers for it (kpi.ts chaptersOfMetric); an
    // indicator missed this year opens the chapter that answers for it, with its aim there.
    const aims = new Map<string, string[]>();
    const missed = new Map<string, string[]>();
    const add = (m: Map<string, string[]>, id: string, x: string) => m.set(id, [...new Set([...(m.get(id) ?? []), x])]);
    for (const name of missedNames) {
      const id = chaptersOfMetric(p, name)[0];
      if (id) add(missed, id, name);
    }
    for (const aim of pre.aims.map(spoken)) {
      const home = missedNames.find((n) => aim.includes(n));
      const id = (home ? chaptersOfMetric(p, home)[0] : undefined) ?? chaptersOfMetric(p, aim)[0];
      if (id) add(aims, id, aim);
    }
    const { parts, placed } = deployParts({ plan: p, keep: () => true, themes: themesOf(p), met, previous, carried, aims, missed, missedLeads: new Map(missedNames.map((n) => [n, missedLead(plan, clauses, n)])), done: [...new Set(clauses.map((c) => c.chapterId))].flatMap(reportedOf), problems: answered, allJudged: !ctx.附件指标.some((x) => x.完成值.startsWith('【待填')), party: issuerKnown ? OWNER.partyName(ctx.机关) : '', period: nextPeriod(pre.place), spoken: review.flatMap((t) => t.成效).join(''), reviewed: new Set(review.flatMap((t) => t.成效.flatMap((x) => [...x.matchAll(/[一二三四五六七八九十]是([^。]+)。/g)].flatMap((m) => [m[1]!, m[1]!.split('，')[0]!])))) });
    // Round twenty (R32, R33, R34: `（2025年为36微克/立方米）` after the PM2.5 aim points the superior to a looser target;
    // rounds eighteen and nineteen had added it, then a bridge, for R21–R25's `37 after 36 a step back`): the 主要目标
    // as the plan states them, nothing added.
    const requirement = requirementWords(pre, next, !!pre.place);
    deploy = {
      来源: 'next',
      计划: displayTitle(p),
      总体要求: requirement || SPEECH_GAPS.aims(next),
      // The plan is named once (R9 speech 10), not here: by 压实工作责任 with its size (DUTY_WORDS), which the
      // closing line would precede word for word (R11 speech 8), so that line is not said after the parts.
      概述: `${requirement ? '围绕上述要求和目标，' : `${next}年，要`}重点抓好以下${cnCount(parts.length)}个方面工作。`,
      结转: carriedSentence(carried.filter((c) => !placed.has(c.task))),
      // Round twenty (R39 speech 2: `2026年汛前…`, `2026年一季度…`, `2026年底前…` where a speaker says the year is this
      // one): a date in the conference's year loses the year, as the report's 下一步 (context.ts NEXT_OPENING.dated).
      章节: varyAnswerFrames(parts).map((x) => ({ ...x, 任务: x.任务.map((t) => t.replace(NEXT_OPENING.dated(Number(next)), NEXT_OPENING.within)) })),
      见: '',
    };
  } else if (!yearEnd) {
    // The rest of the year: the plan's tasks with a clause not yet done, condensed the same way.
    const open = new Set(clauses.filter((c) => c.status !== '已完成').map((c) => c.taskId));
    const { parts } = deployParts({ plan, keep: (t) => open.has(t.id), themes: themesOf(plan), met, previous: new Set(), carried: [], aims: new Map(), missed: new Map() });
    deploy = {
      来源: parts.length ? 'remaining' : 'none',
      计划: ctx.计划.标题,
      总体要求: '',
      概述: parts.length ? `下一步，要对照《${ctx.计划.标题}》，抓好尚未完成的${open.size}项重点任务。` : '',
      结转: '',
      章节: varyAnswerFrames(parts),
      见: parts.length ? DEPLOY_CLOSING(ctx.计划.标题) : '',
    };
  } else {
    deploy = { 来源: 'none', 计划: '', 总体要求: SPEECH_GAPS.aims(next), 概述: '', 结转: carriedSentence(carried), 章节: [], 见: '' };
  }
  // The year's figures with a target in the speaker's words (SPOKEN_KPI), the plan's indicators first as the report
  // orders them, the report's gaps for figures not supplied after them; without any, the report's paragraph spoken.
  const metrics = o.metrics ?? {};
  const metricNames = [...plan.indicators.map((i) => i.name).filter((n) => n in metrics), ...Object.keys(metrics).filter((k) => !k.startsWith('完成值:') && !plan.indicators.some((i) => i.name === k))];
  // Only the indicators the report compares with a target (ctx.指标对比): a figure the report leaves out (a name reserved
  // for its own statistics, context.ts reserved) is not said here either.
  const compared = new Set(ctx.指标对比.map((x) => x.指标));
  const kpiSaid = yearEnd ? kpiWords(metricNames.filter((k) => metrics[k] !== '' && compared.has(k)).map((k) => figureWords(k, metrics[k]!, plan.indicators.find((i) => i.name === k)).row)) : '';
  const kpiGaps = (ctx.报告.指标段.match(/【待填：[^】]*】/g) ?? []).join('');
  const indicators = kpiSaid
    ? `${kpiSaid}${kpiGaps ? `${kpiGaps}。` : ''}`
    : yearEnd
      ? `${spoken(ctx.报告.指标段.replace(/量化任务方面，[^。]*。/g, '').replace(/量化目标完成情况见附件。/g, '')) || `${SPEECH_GAPS.indicators(year)}。`}`
      : spoken(ctx.报告.指标段);
  // 形势 (R6 speech 3, R7 speech 4): the superiors' requirements and the next plan's stage.
  const nextPre = readPreamble(o.nextPlan?.preamble);
  // The work the year left, said forward (OWN_WORK.left, close, carried): the works with a dated remainder or problems
  // to close named by their work, then work carried by its unit's date.
  const datedClause = (text: string) => cnPunctuation(text).split(/[。；，]/).map((x) => x.trim()).find((x) => OWN_WORK.dated.test(x)) ?? '';
  const carriedOver = clauses.filter((c) => c.yearEnd === '结转').map((c) => OWN_WORK.carried(taskObject(c.task), datedClause(c.answers.filter((a) => a.role === '牵头' && a.reported).map((a) => a.nextSteps ?? '').join('。'))));
  // Round twenty (R35 speech 8, R36 speech 7, after R32, R33: the 48 villages and the 5 problems in 不足, 形势 and 部署)
  // dropped the work left here for a while; round twenty again (R37 6, R38 1, R39 3, R40 4, four readers after: （三） a to-do list without the heaviest load, the
  // 48 villages and the 5 problems): the work left by what remains of it, as its unit wrote it (OWN_WORK.remaining).
  const remainingOf = (texts: string[]) => texts.map((t) => OWN_WORK.remaining.exec(cnPunctuation(t))?.[0]).find(Boolean);
  const leftNames = [
    ...unfinished.filter((c) => datedClause(c.plan)).map((c) => remainingOf([c.plan]) ?? taskObject(c.task)),
    ...reported.filter((x) => x.close).map((x) => remainingOf([x.text, x.words, x.next]) ?? x.close),
  ];
  const leftWork = [OWN_WORK.leftCounted(leftNames), ...carriedOver];
  // Round eighteen (R22 speech 3, R23 speech 5: the missed 63.1% said four times): an indicator 不足 names as missed is
  // not raised here again; the deployment's 主要目标 and its gap answer it.
  // After R24 (speech 5), by the gain the next aim asks (GAIN), a figure said nowhere else.
  const raised = ctx.指标对比.filter((x) => x.结论 !== '未达到');
  const situation = situationWords(nextPre.place, stageClauseOf(nextPre), yearEnd ? ownWorkWords(nextPre.aims.map(spoken), raised, inspectionClause(o.nextPlan), leftWork, ctx.指标对比.filter((x) => x.结论 === '未达到')) : '');
  const speech: SpeechContext = {
    标题: `在${meeting}上的讲话`,
    会议: meeting,
    讲话人: SPEECH_GAPS.speaker,
    日期: `（${ctx.成文日期}）`,
    回顾年度: year,
    部署年度: next,
    部署年: `${next}年`,
    回顾期间: period,
    开场: yearEnd
      ? `今天召开${meeting}，主要任务是总结${year}年工作，分析当前形势，部署${next}年重点工作。`
      : `今天召开${meeting}，主要任务是通报${period}重点工作推进情况，分析当前形势，部署下一步工作。`,
    上级: superiors || SPEECH_GAPS.superiors(),
    上级批注: superiors ? SUPERIORS.note : '',
    遵循: guidance,
    总述: overview,
    指标: indicators,
    // Round fifteen (R10 speech 5): the review opens with it, then `一年来` (回顾起).
    收官: closing,
    回顾起: closing ? '一年来' : period,
    回顾: review,
    回顾概述: review.length > 1 ? REVIEW_TURN(yearEnd ? '全年' : period, review.length) : '',
    不足: shortcomings,
    形势: situation,
    部署: deploy,
    责任: o.nextPlan ? DUTY_WORDS(displayTitle(o.nextPlan), sizeOf(o.nextPlan).tasks) : '',
    // The units that did not report, no statistics of the cooperating units' texts (SUPERVISION_WORDS, R11/R12).
    督办: `${SUPERVISION_WORDS.template(bulletinSubject(yearEnd, year, ctx.轮次.名称))}${silentUnits && ctx.结论.有报送 && !yearEnd ? SILENT_UNITS.words(silentUnits, '工作进展情况') : ''}${yearEnd && ctx.结论.有报送 ? reportingLesson : ''}`,
    愿景: vision,
  };
  return speech;
}
