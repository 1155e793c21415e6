// Builds the data object that report templates lay out. All business logic lives here; the templates and their
// helpers only format. Variable names are Chinese because office clerks edit the templates.
import { displayIssuer, displayTitle, ISSUER_PLACEHOLDER, TITLE_PLACEHOLDER, type Plan } from '../model/plan.ts';
import type { ClauseProgress, RoundProgress } from '../model/progress.ts';
import { roundKind, type Round, type RoundKind } from '../model/round.ts';
import { DEFAULT_RECIPIENTS, type Settings } from '../model/settings.ts';
import { DOCUMENT_VARIABLES, listVariables, type ReportContext, type ReportText } from '../model/report-context.ts';
import { STATUS_FILLS } from '../workbook/style.ts';
import { cnDate } from '../util/time.ts';
import { isReported } from '../consolidate/index.ts';
import { BOILERPLATE_TASKS, SUPERIOR_INSPECTION, TASK_KINDS, clausesOf, dropEcho, clauseShape, closeSentence, completePhrases, problemsSaid, concretePlan, VAGUE_PLAN, HEADING_ADVERBS, HEADING_PREDICATES, headingWords, leadObjects, objectOf, substantiveMeasure, type HeadingState, joinTexts, opensWithVerb, ROUTINE_TASKS, SELECTION, sentencesOf, shortName, substance, toldOnce, type ToldOnce, withLead } from './synthesis.ts';
import { parseThemes } from './themes.ts';
import { aimAgainstValue, aimRows, type AimRow, ANNEX_RULES, annexCompletion, annexHasCompletion, annexParts, annexShowsShare, annexValue, annexVerdict, chaptersOfMetric, DIRECTION_RULES, indicatorParagraph, metricTopic, qualityIndicator } from './kpi.ts';
import { gapWords, guidanceWords, HIGHLIGHT_RULES, highlightScore, PLAN_CLOSING, readPreamble, SPEECH_GAPS } from './speech.ts';
import { COMMEND_RULE, missedLead, rowName } from './bulletin.ts';
import { metricValue, type Metrics } from '../model/metrics.ts';
import { cnPunctuation } from './punctuation.ts';

const CN_ORDINALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二', '十三', '十四', '十五', '十六', '十七', '十八', '十九', '二十'];

export function cnOrdinal(i: number): string {
  return CN_ORDINALS[i] ?? String(i + 1);
}

/** A small count as words say it (`两个方面`, `五个方面`), in figures above ten, as speeches and 通报 write counts. */
export function cnCount(n: number): string {
  return n === 2 ? '两' : n >= 1 && n <= 10 ? cnOrdinal(n - 1) : String(n);
}

/**
 * Every rate the documents print, in one format: one decimal where it has one, none where it is whole (`83.3%`,
 * `91%`, `100%`, never `100.0%`). The report, the 汇总表 and the 通报 share it.
 */
export function percent(x: number): string {
  return `${(Math.round(x * 1000) / 10).toFixed(1).replace(/\.0$/, '')}%`;
}

function sentence(s: string): string {
  const t = s.trim().replace(/[；;，,\s]+$/, '');
  return /[。！？]$/.test(t) ? t : `${t}。`;
}

// The context's type is its schema's (model/report-context.ts), whose descriptions `report --list-variables` prints.
export type { ReportContext, ReportText } from '../model/report-context.ts';

/** 序时 status in words; grey means nobody has reported. */
export const SCHEDULE_WORDS = { red: '红', yellow: '黄', green: '绿', grey: '未报' } as const;
/** The same colours as the 汇总表, as the hex a table cell's `fill` takes. */
const SCHEDULE_FILLS = Object.fromEntries(Object.entries(STATUS_FILLS).map(([k, argb]) => [k, argb.slice(2)])) as Record<keyof typeof STATUS_FILLS, string>;

/** The answer the clause's status and figures rest on (see `clauseStatus`); a cooperating unit never speaks for the lead. */
function sourceAnswer(c: ClauseProgress) {
  return c.answers.find((a) => a.unit === c.source) ?? null;
}

/** The answers a clause rests on: its responsible units (leads, or all when none leads) that reported. */
function responsibleAnswers(c: ClauseProgress) {
  const leads = c.answers.filter((a) => a.role === '牵头');
  return (leads.length ? leads : c.answers).filter((a) => a.reported);
}

/** What a clause's own units reported of its progress, filler left out, the responsible units first. */
function progressTexts(c: ClauseProgress): string[] {
  const responsible = responsibleAnswers(c);
  const others = c.answers.filter((a) => a.reported && !responsible.includes(a));
  return [...responsible, ...others].map((a) => substance(a.progress, c.task)).filter(Boolean);
}

/**
 * 存在问题 at year-end (R1 finding 4): `一是…二是…` points, each opening with its subject, by weight: a missed main
 * indicator (its topic: `空气质量持续改善压力较大，…`), a clause not done (its task's object: `农村环境整治进度滞后，…`),
 * a problem a unit reported with a figure, then one without; at most `most` points (the problems beyond joined to the
 * last, RESIDUAL: none left out), then the office's own gap.
 */
// Round twenty-one (R47 report 4, R48 report 4: six points, the last the subjective gap, read as a tracking table's rows;
// was 5): four points of the data at most, the subjective one after them.
export const PROBLEM_POINTS = { indicator: '持续改善压力较大', notDone: '进度滞后', most: 4, opener: '对照年度目标，工作中还存在一些差距和不足：' } as const;
/** Two-character words too common to show that a problem names its task's subject (`生态`, `环境`). */
const COMMON_PAIRS = /^(生态|环境|工作|问题|推进|提升|建设|管理|保护|治理|完成|开展|部分|持续)$/;
/** A problem that names what its task is about (`剩余5项督察问题…` under 督察整改) needs no `…方面` frame. */
export function namesItsSubject(problem: string, object: string): boolean {
  for (let i = 0; i + 2 <= object.length; i++) {
    const pair = object.slice(i, i + 2);
    if (/^[\u4e00-\u9fa5]{2}$/.test(pair) && !COMMON_PAIRS.test(pair) && problem.includes(pair)) return true;
  }
  return false;
}

/**
 * How the upward report says a shortfall (R6 report 4): the target's object named, `省定660个行政村环境整治任务完成612个，
 * 尚有48个未完成`, not the 通报's short cell `660个完成612个，尚差48个`. `verb` is what opens a target before its object.
 */
export const SHORTFALL = {
  verb: /^(组织|推动|督促|全面|按期)?(完成|实现|开展)/,
  count: /^(\d+(?:\.\d+)?)(\S*?)完成(\d+(?:\.\d+)?)\S*?，尚差(\d+(?:\.\d+)?)/,
  words: (object: string, done: string, left: string, unit: string) => `${object}完成${done}${unit}，尚有${left}${unit}未完成`,
} as const;
export function shortfallSentence(target: string, shortfall: string | null): string {
  if (!shortfall) return '';
  const m = SHORTFALL.count.exec(shortfall);
  const object = target.trim().replace(SHORTFALL.verb, '');
  if (!m || object === target.trim() || !object.includes(`${m[1]}${m[2]}`)) return shortfall;
  return SHORTFALL.words(object, m[3]!, m[4]!, m[2]!);
}

/**
 * A problem that names only a count left (`剩余5项督察问题涉及历史遗留…`) takes its work's object from the clause's own
 * figures (`中央和省级生态环境保护督察反馈问题46项完成整改41项`, 46 − 41 = 5): `…反馈问题尚有5项未完成整改，涉及历史遗留…`.
 */
export const REMAINING = {
  problem: /^(剩余|尚有|还有|仍有)(\d+)([个项件家条处])/,
  progress: /([\u4e00-\u9fa5“”]{4,})(\d+)([个项件家条处])完成([\u4e00-\u9fa5]{0,4}?)(\d+)\3/,
  words: (object: string, left: string, unit: string, verb: string) => `${object}尚有${left}${unit}未完成${verb}`,
  /**
   * Round twelve (R7 report 4): the cause after the count, once it is a clause of its own, opens with 主要 when it opens
   * with 涉及 (`…未完成整改，主要涉及历史遗留，…`): what the remaining items mostly involve, not all of them.
   */
  cause: (rest: string) => rest.replace(/^涉及/, '主要涉及'),
} as const;
/**
 * The search both readers of a count left share (remainingSentence here, the speech's excuseAsFact): the problem's
 * count (`剩余5项`) and the first clause of the units' figures giving the same count (46 − 41 = 5, same unit), or null.
 */
export function remainingMatch(problem: string, progress: string[]): { count: RegExpExecArray; figures: RegExpExecArray } | null {
  const m = REMAINING.problem.exec(problem);
  if (!m) return null;
  for (const text of progress) {
    for (const cl of clausesOf(text.replace(/。/g, '；'))) {
      const x = REMAINING.progress.exec(cl.text);
      if (x && Number(x[2]) - Number(x[5]) === Number(m[2]) && x[3] === m[3]) return { count: m, figures: x };
    }
  }
  return null;
}
export function remainingSentence(problem: string, progress: string[]): string {
  const found = remainingMatch(problem, progress);
  if (!found) return problem;
  const { count: m, figures: x } = found;
  const first = clausesOf(problem)[0]!.text;
  const at = NEXT_ANSWER.predicate.exec(first);
  const rest = [at ? first.slice(at.index) : '', ...clausesOf(problem).slice(1).map((c) => c.text)].filter(Boolean).join('，');
  return `${REMAINING.words(x[1]!, m[2]!, m[3]!, x[4] || '')}${rest ? `，${REMAINING.cause(rest)}` : ''}`;
}

/**
 * Problems reported on work done that are no count left (道路积尘负荷反复, 总氮浓度波动较大): at least `least` of them are
 * one point, each by its first clause (R6 report 4).
 */
// Round sixteen (R14, R15 report 7: `部分领域…，部分城乡接合部…` said 部分 twice): the head says no 部分 when the first
// problem opens with it.
// Round twenty (R20H): a problem framed by its work (`排污权有偿使用和交易改革方面，…`) has no subject before its frame, so
// its first clause (`…方面`) names nothing: it is said whole, after a semicolon (`framed`), as are the reported problems
// beyond PROBLEM_POINTS.most, so that no problem a unit reported is left out of the report.
export const RESIDUAL = {
  least: 2,
  head: '部分领域治理成效尚不稳固，',
  plainHead: '治理成效尚不稳固，',
  /** The head when the point also holds a problem of other work said whole (a reform's: 排污权…), as a clerk widens it. */
  wideHead: '部分工作成效尚不稳固，',
  widePlainHead: '工作成效尚不稳固，',
  framed: /^[^，。；]*方面，/,
  /** A problem of a reform (`排污权有偿使用和交易改革方面，…`), and the head for a point holding such problems. */
  reform: /^[^，。；]*改革[^，。；]*方面，/,
  reformHead: '部分领域治理成效尚不稳固、改革成效有待提升，',
  reformPlainHead: '治理成效尚不稳固、改革成效有待提升，',
  /** The point: the problems naming their subject by their first clauses under the head, then the others whole. */
  point: (problems: string[], whole: readonly string[] = []) => {
    const bare = problems.map((p) => p.replace(/。$/, ''));
    const alone = bare.filter((p, i) => whole.includes(problems[i]!) || RESIDUAL.framed.test(p));
    const firsts = bare.filter((p) => !alone.includes(p)).map((p) => clausesOf(p)[0]!.text);
    const plain = firsts[0]?.startsWith('部分');
    // Round twenty-one (R47 report 4, R48 report 4): a reform's weak uptake joined here is said in the head too (R24H had
    // kept it apart: a reform is no 成效 that wavers).
    const reform = alone.length > 0 && alone.every((p) => RESIDUAL.reform.test(p));
    const head = reform ? (plain ? RESIDUAL.reformPlainHead : RESIDUAL.reformHead) : alone.length ? (plain ? RESIDUAL.widePlainHead : RESIDUAL.wideHead) : plain ? RESIDUAL.plainHead : RESIDUAL.head;
    const headed = firsts.length ? `${head}${firsts.join('、')}` : '';
    return `${[headed, ...alone].filter(Boolean).join('；')}。`;
  },
} as const;

/**
 * 存在问题's points from the ranked problems (R20H): those standing alone in rank order, then the residual ones as one
 * point (RESIDUAL); over PROBLEM_POINTS.most points, the weakest that may join (`reported`: a unit's problem, never a
 * missed indicator or a clause not done) join the residual point, said whole. Nothing is left out.
 * R24H (R26 report 4: 成效尚不稳固 held a reform's weak uptake): a residual problem framed by its work (RESIDUAL.framed:
 * `排污权有偿使用和交易改革方面，…`) is no 成效 that wavers: within PROBLEM_POINTS.most it is a point of its own, after the
 * residual point; only past the limit does it join that point (first, before any other reported problem), said whole.
 */
export function problemLayout(ranked: string[], residuals: ReadonlySet<string>, reported: (p: string) => boolean): string[] {
  const alone = ranked.filter((p) => !residuals.has(p));
  const framed = ranked.filter((p) => residuals.has(p) && RESIDUAL.framed.test(p));
  const together = ranked.filter((p) => residuals.has(p) && !RESIDUAL.framed.test(p));
  const joined: string[] = [];
  // The weakest framed problems join first, kept in rank order after the residual ones.
  const framedJoined: string[] = [];
  const merged = () => together.length + framedJoined.length;
  const count = () => alone.length + framed.length + (merged() >= RESIDUAL.least ? 1 : merged());
  while (count() > PROBLEM_POINTS.most) {
    if (framed.length && merged() + 1 >= RESIDUAL.least) framedJoined.unshift(framed.pop()!);
    else if (alone.length && reported(alone.at(-1)!) && merged() + 1 >= RESIDUAL.least) {
      const p = alone.pop()!;
      joined.unshift(p);
      together.unshift(p);
    } else break;
  }
  const all = [...together, ...framedJoined];
  return all.length >= RESIDUAL.least ? [...alone, RESIDUAL.point(all, joined), ...framed] : [...alone, ...all, ...framed];
}

/** Why a year-end clause was not done, in words, when no figure says it. */
const NOT_DONE_WORDS: Record<string, string> = { 滞后: '进度滞后', 未启动: '尚未启动' };

/** A cooperating unit's words as the bureau's fact: `配合开展…排查` → `开展…排查` (issue 29: no 据配合单位…报告). */
export const COOPERATING_PREFIX = /^(积极|主动)?(配合|协助|参与|会同牵头单位)(牵头单位)?(?=[\u4e00-\u9fa5]{2})/;
export function asOwnFact(text: string): string {
  return text.trim().replace(COOPERATING_PREFIX, '');
}

/** A task's reported sentences: its responsible units' (主) and its cooperating units' (配), boilerplate out. */
export interface TaskFacts {
  任务: string;
  对象: string;
  主: string[];
  配: string[];
  /** A clause of it met a quantified target of the plan: its result is a headline, told first (rankParts). */
  达标: boolean;
  /**
   * Where its reported clauses stand: all done (at year-end every task told is), on course (mid-year, none behind) or
   * behind. A task not told in its block is named by this state only, never as done when it is not (rankParts' rest).
   */
  进度: 'done' | 'onCourse' | 'behind';
}

export interface SectionText {
  /** `一是…二是…` items, each task's sentences in full (the chapter view, 章节.成效); the report tells tasks by `tellTask`. */
  成效: string[];
  /** Each task with something reported: its sentences, for the report to choose the telling fact from. */
  分项: TaskFacts[];
  /** Done at year-end with nothing to tell beyond the fact: named once, not twelve times. */
  完成无详述: string[];
  /** Mid-year: on course with nothing more to tell. */
  序时无详述: string[];
  /** Tasks carried into next year as planned: counted, and told only under 下一步. */
  结转: string[];
  问题: string[];
  /** 问题 as `问题 + 原因` sentences without a task frame, the failures first (存在问题 as a list of points). */
  问题句: string[];
  /** Of 问题句, the clauses not done: they weigh more than a problem reported (PROBLEM_POINTS). */
  未完成句: string[];
  打算: string[];
  /** Year-end clauses not done: each with its task, the shortfall and the cause as reported. */
  未完成: { 编号: string; 任务: string; 单位: string; 差距: string; 原因: string; 打算: string }[];
  /** Each problem a unit reported on work done (not a clause not done): the unit's concrete plans for it, for 下一步 to answer it. */
  问题打算: { 任务: string; 问题: string; /** As 问题句 says it. */ 句: string; 打算: string[] }[];
  /** Of 问题句, the problems on work done with no count left: merged into one point (RESIDUAL). */
  余留: string[];
  /** Concrete plans of the tasks not done or carried over (the unit's own deadline), verb-first: first in 下一步. */
  未完打算: { 任务: string; 打算: string }[];
  /** What was not reported: cooperating units' facts (as the bureau's) and the clerk's gap, at its place. */
  未报送: { 事实: string[]; 待填: string };
  /** Placeholders this section printed. */
  待填: string[];
}

/** Adverbs and verbs before a task's object: `深入开展农村环境整治` → `农村环境整治`, to name a problem by its subject. */
const TASK_VERB = /^(坚定不移|更高标准|高标准|高质量|全力|扎实|切实|稳步|依法|不断|持续|深入|全面|加快|积极|大力|着力|统筹|有序|纵深|严格)*(推进|打好|落实|开展|提升|保障|完善|加强|强化|深化|抓好|做好|建设|推动|实施|组织|促进|防范化解|妥善应对|筑牢|抓牢抓实|巩固|构建|健全|启动)?/;
export function taskObject(task: string): string {
  const o = task.replace(TASK_VERB, '');
  return o.length >= 2 ? o : task;
}

/**
 * Tasks of another field that share a chapter's words: told after the chapter's own facts (`网络安全` is no
 * 环境安全 evidence).
 */
// R24H (R20, R22, R23: 网络安全 told inside 三是持续保障环境安全): `home` names the theme where such a task fits (the
// seed's （五）数字化监管水平持续提升): when the office's themes have one, the task is a point of that theme, else a
// point of its own at the end of its own theme, never inside its chapter's point.
// R32H (R30, R31 report 3: the 十五五 planning, the project library and the 六五环境日 publicity told under （三）黄河…
// 屏障, whose words they share none of): a rule with `theme` reads the office's theme title (`chapter` matched against
// it), not the chapter's; such work goes to the theme whose title or chapters name its field (`home`: 全民行动 is
// 现代环境治理体系's; the 十五五 planning, with its 重大工程项目, and a project library are 服务…项目建设's, the
// 治理体系 point being full), and joins that theme's first point whose lead names it
// (`point`) as its last sentences, else is a point of its own. A chapter-level rule (no `theme`) is the speech's too.
// Round twenty (R34 2, R35 1, R36 4, R37 2, R38 2, five readers: the planning and the project library told under
// `二是靠前服务保障项目建设` are no project service, and 下一步 files the same planning under 美丽济南; R37, R38: the
// publicity belongs to 美丽济南, plan 一.5): R32H's three theme rules are removed; such work is told at its own chapter's
// point (`三是不断深化美丽济南建设实践`), as the plan files it. The chapter rule (网络安全 under 环境安全) stays.
export const OFF_TOPIC: readonly { chapter: RegExp; task: RegExp; home: RegExp; theme?: true; point?: RegExp }[] = [
  { chapter: /环境安全|环境风险|环境应急/, task: /网络安全|信息安全|数据安全|密码/, home: /治理能力|治理体系|数字化|信息化|智慧|智能/ },
];
/** Whether a task of a chapter is another field's work (OFF_TOPIC): told after the chapter's own, never as its result. */
export const offTopic = (chapter: string, task: string): boolean => OFF_TOPIC.some((r) => !r.theme && r.chapter.test(chapter) && r.task.test(task));
/** The OFF_TOPIC rule a task of a chapter in a theme falls under: the chapter's first, else the theme's (R32H). */
export const offTopicRule = (chapter: string, theme: string, task: string) =>
  OFF_TOPIC.find((r) => !r.theme && r.chapter.test(chapter) && r.task.test(task)) ?? OFF_TOPIC.find((r) => r.theme && r.chapter.test(theme) && !r.home.test(theme) && r.task.test(task));
/**
 * Where an off-topic task is told (OFF_TOPIC.home): the first other theme whose title fits it, else its own (-1).
 * R32H: `themes` may give a theme's title with its chapters' titles (`治理能力现代化水平持续提升 不断完善现代环境治理体系`).
 */
export function offTopicHome(chapter: string, task: string, themes: readonly string[], own: number, theme = ''): number {
  const rule = offTopicRule(chapter, theme, task);
  return rule ? themes.findIndex((t, i) => i !== own && rule.home.test(t)) : -1;
}

/** A told task as a numbered point: `加强政治机关建设。组织“第一议题”学习31次…`, its lead-in not said twice. */
export function leadPhrase(task: string, text: string): string {
  const name = task.trim().replace(/[。；，\s]+$/, '');
  const opened = text.startsWith(`${name}，`) ? text.slice(name.length + 1) : text;
  // F30: nor as a clause of its facts (`二是启动“十五五”…规划编制。完成…，启动“十五五”…规划编制。`, a lead's words
  // saying its task was started).
  const body = opened.split(/(?<=[，；。])/).filter((c, i, all) => all.length < 2 || c.replace(/[，；。]$/, '') !== name).join('').replace(/，(?=$)/, '。').replace(/[，；]$/, '。');
  return `${name}。${body}`;
}

/** How many characters of its task's object a text must open with to be taken as its subject. */
const SUBJECT_RUN = 4;

/**
 * The lead-in said before a unit's facts (round ten): a long plan title (`抓牢抓实生态环境保护督察反馈问题和交办信访件整改`,
 * over `most` characters) pasted there reads as if it were a result; its object with a verb when that is short
 * (`扎实推进…`), else none, the facts standing alone.
 */
export const LEAD_IN = { most: 12, verb: '扎实推进' } as const;
export function leadWords(task: string): string {
  const name = task.trim();
  if (name.length <= LEAD_IN.most) return name;
  const object = taskObject(name);
  return object !== name && LEAD_IN.verb.length + object.length <= LEAD_IN.most ? `${LEAD_IN.verb}${object}` : '';
}

/** withLead, but a text that names its task's object inside needs no lead-in (`将纪律作风建设纳入…`, not `强化纪律作风建设，将纪律作风建设纳入…`). */
function leadIn(task: string, text: string, short = false): string {
  const object = taskObject(task);
  // A text whose subject is the task's object and then a verb (`智慧生态黄河平台新增…` under 推进智慧生态黄河平台应用)
  // says it once: the lead-in, then the verb (R1 finding 5).
  let k = 0;
  while (k < text.length && object.includes(text.slice(0, k + 1))) k++;
  // 成效 only: in 下一步 the title names the work a plan continues (启动“十五五”…编制，2026年上半年完成…).
  const lead = short ? leadWords(task) : task;
  // Here the title stands for the text's own subject, so it stays whole, however long.
  if (k >= SUBJECT_RUN && opensWithVerb(text.slice(k)) && !opensWithVerb(text)) return `${task}，${text.slice(k)}`;
  // A text that opens with the object is a figure about it (`清洁取暖覆盖率达到70%`): it keeps its lead-in.
  return text.includes(object) && !text.startsWith(object) ? text : lead ? withLead(lead, text) : text;
}

/** The gap for the tasks nobody answered for, named in full up to four, with the silent units for the clerk. */
function silentGap(missing: { 任务: string; 单位: string }[], yearEnd: boolean, notes: string[] = []): string {
  if (!missing.length) return '';
  const units = [...new Set(missing.flatMap((m) => m.单位.split('、')).filter(Boolean))].join('、');
  const names = [...new Set(missing.map((m) => m.任务))];
  const what = `${names.slice(0, names.length <= 4 ? 4 : 3).join('、')}${names.length > 1 ? `等${names.length}项工作` : ''}`;
  const aside = [units ? `${units}未报送` : '', ...notes].filter(Boolean).join('；');
  return `${what}${yearEnd ? '年终完成情况' : '进展情况'}${aside ? `（${aside}）` : ''}`;
}

/**
 * How much a text shows (R2 report 3): the speech's scoring (speech.highlightScore: results such as 审议通过/施行/获评/
 * 下降/达到/完成 above counts of acts such as 检查/检测/查处/开展…次) over its clauses of no routine shape; a text of no
 * figure and no result scores nothing.
 */
export function resultScore(text: string, routine: (clause: string) => boolean): number {
  // A text of several sentences (a cooperating unit's after the lead's) is scored clause by clause all the same.
  // Round thirteen (R8 report 1): a count of acts (isAct: `办理行政复议案件18件`, `…企业核查27家`) shows no result either.
  const own = clausesOf(text.replace(/。(?=.)/g, '；')).filter((c) => !routine(c.text) && !isAct(c.text)).map((c) => c.text).join('，');
  return own ? Math.max(0, highlightScore(own)) : 0;
}

/**
 * The telling fact of a sentence list: the sentence with the most result figures of its own (a figure in a clause
 * of a routine shape counts for nothing), else the first with anything new; told clauses left out (`teller.fresh`),
 * at most SELECTION.taskClauses clauses. '' when everything was said.
 */
/** A clause stating what was found, and the clause after it stating what was done about it (tellingFact). */
export const FINDING_OUTCOME = { finding: /^(?:共|累计)?(?:发现|查出|检出)/, outcome: /^(?:已|均已|并)?(?:依法)?(?:查处|处理|处罚|立案|整改|完成整改|全部整改|督促整改|责令|约谈|通报|移送)/ } as const;
export function tellingFact(sentences: string[], teller: ToldOnce, object: string, routine: (clause: string) => boolean, lead = '', short = false): string {
  const fresh = sentences.map((s) => teller.fresh(s, object)).filter(Boolean);
  if (!fresh.length) return '';
  const score = (s: string) => resultScore(s, routine);
  const best = fresh.reduce((a, b) => (score(b) > score(a) ? b : a));
  // Over the cap, the first clause (what was done) and then the clauses with figures, in their order. Round twelve
  // (R7 report 1): after the first, a count of acts (`完成…油气回收检测412家次`, `开展专项检查64家次`) is left out,
  // results over acts (the speech's HIGHLIGHT_RULES.activity, SELECTION.actClause).
  const all = clausesOf(best);
  // Round thirteen (R8 report 1): a figure that cannot stand alone after a count of acts (`加密监测点位286个` after `开展飞行
  // 检查312次`) goes with it, unless it states a result (`优秀率提高到82%` after `评查案卷160卷` keeps both, below).
  const more = all.slice(1).filter((c, i) => !isAct(c.text) && !(leansOnPrevious(c.text) && isAct(all[i]!.text) && !HIGHLIGHT_RULES.results.test(c.text)));
  // A result with figures (`道路积尘负荷同比下降12.4%`) before a mere figure, so a short cap keeps the headline.
  const result = (c: { text: string }) => isHeadline(c.text) || (/\d/.test(c.text) && HIGHLIGHT_RULES.results.test(c.text));
  // A sentence opening with a count of acts (`全年检测在用机动车28.7万辆次`) is told from its first result instead.
  const head = isAct(all[0]!.text) && more.some(result) ? more.find(result)! : all[0]!;
  // Told short (a headline topic over its block's budget, rankParts): what was done and its headline results only.
  const pool = short ? [head, ...more.filter((c) => isHeadline(c.text))] : [head, ...more.filter(result), ...more.filter((c) => /\d/.test(c.text)), ...more];
  const keep = new Set([...new Set(pool)].slice(0, SELECTION.taskClauses));
  // A kept clause that cannot stand without the one before it (`优秀率提高到82%` after `评查案卷160卷`, `记录物种2316种`
  // after `完成…本底调查`: too few words before its figure to say what it counts) keeps that one too, over the cap:
  // cut alone it would read as the figure of whatever comes before it (R8 report 3 and 4).
  all.forEach((c, i) => {
    if (i > 0 && keep.has(c) && !keep.has(all[i - 1]) && leansOnPrevious(c.text)) keep.add(all[i - 1]);
  });
  // Round twenty (R34–R38, all five readers: `发现质量问题文件17份。` stops at the finding, "then what?"): a finding kept
  // keeps what was done about it, the clause after it (FINDING_OUTCOME), over the cap.
  all.forEach((c, i) => {
    const next = all[i + 1];
    if (keep.has(c) && next && !keep.has(next) && FINDING_OUTCOME.finding.test(c.text) && FINDING_OUTCOME.outcome.test(next.text)) keep.add(next);
  });
  const kept = all
    .filter((c) => keep.has(c))
    .map((c, i) => (i ? c.mark : '') + c.text)
    .join('');
  // Its opening act left out, the sentence says what it is about by its task's lead (`加强移动源污染管控，完成…`).
  const told = head !== all[0] && lead ? `${lead}，${kept}` : kept;
  // Another clause's headline topic (`兑现…奖补资金2.3亿元` beside `签订…补偿协议9份`) is a sentence of its own: its
  // headline clauses only (round thirteen, R8 report 1).
  // A headline clause leaning on the one before it (`其中…2条获评…` after `组织申报省级美丽河湖5条`) keeps that one (round fourteen).
  const others = fresh
    .filter((s) => s !== best)
    .map((s) => {
      const cs = clausesOf(s);
      const own = new Set(cs.filter((c) => isHeadline(c.text) && !isAct(c.text)));
      cs.forEach((c, i) => i > 0 && own.has(c) && leansOnPrevious(c.text) && own.add(cs[i - 1]!));
      return cs.filter((c) => own.has(c)).map((c) => c.text).join('，');
    })
    .filter(Boolean);
  return [told, ...others].join('。');
}

/**
 * Fewer Chinese characters before its first figure than a highlight needs to stand alone (COMMEND_RULE.highlight.least);
 * or, given the clause before it, opening with LEANS.run characters that clause names (`试点园区单位产值…下降6.8%` after
 * `推动…减污降碳协同创新试点园区建设`: which 试点, the clause before says).
 */
export const LEANS = { run: 4, part: /^其中/ } as const;
export function leansOnPrevious(clause: string, previous = ''): boolean {
  // Round fourteen: `其中玉符河、绣江河2条获评…` names a part of what the clause before it counts.
  if (LEANS.part.test(clause)) return true;
  const head = clause.split(/\d/)[0] ?? '';
  if (/\d/.test(clause) && (head.match(/[\u4e00-\u9fff]/g) ?? []).length < COMMEND_RULE.highlight.least) return true;
  const opening = clause.slice(0, LEANS.run);
  return !!previous && /^[\u4e00-\u9fff]+$/.test(opening) && opening.length === LEANS.run && previous.includes(opening);
}

/** A clause that counts acts, no result (HIGHLIGHT_RULES.activity, SELECTION.actClause). */
const isAct = (clause: string): boolean => HIGHLIGHT_RULES.activity.test(clause) || SELECTION.actClause.test(clause);

/**
 * R32H (R30, R31 report 4: `四是加强网络安全防护。重大活动期间实行7×24小时值守，全年未发生网络安全事件。`, a one-line minor
 * point with its own 四是): at the year's end a point after a theme's first that is one sentence and states no result
 * (`result`: a done act, or a count that is not a count of acts) joins the point before it, its lead as a clause;
 * when the theme has `most` points besides it, it is left out, as a done task with nothing told (never a gap, nor
 * carried or unfinished work).
 */
export const MINOR_POINT = {
  most: 3,
  /**
   * Round twenty-one (R46 report 4: `开展网络安全检查4轮…，全年未发生网络安全事件` was left out as minor): a year without an
   * incident is a result (the seed's 无重大环境事件发生).
   */
  noIncident: /(?:全年|未|没有|无)[^，；。]{0,4}发生[^，；。]*(?:事件|事故)/,
  result: (clause: string) => !isAct(clause) && (HIGHLIGHT_RULES.results.test(clause) || MINOR_POINT.noIncident.test(clause) || /\d+(?:\.\d+)?万?余?(?:[个家件份项条处座台辆吨种名人批场所]|亿元|万元|%)/.test(clause)),
  /** Whether a point's body (after its lead) is minor. */
  minor: (body: string) => sentencesOf(body).length === 1 && !/【待填|尚未|未完成/.test(body) && !clausesOf(body).some((c) => MINOR_POINT.result(c.text)),
} as const;
/**
 * R32H (R31 report 9: the 蓝天 point carried some twenty figures, `涉及治理点位96个`, `升级改造61家`…): at the year's end, in a
 * point of more than `most` figures, a clause after its sentence's first that is no result (MINOR_POINT.result's words,
 * isHeadline) and only details the clause before it (`涉及…`, or too few words before its figure to stand alone,
 * leansOnPrevious) is left out; `其中…` parts and results stay.
 */
export const POINT_FIGURES = {
  most: 12,
  detail: /^(涉及|包括|累计|共计)/,
  secondary: (clause: string) =>
    /\d/.test(clause) && !LEANS.part.test(clause) && !isHeadline(clause) && !HIGHLIGHT_RULES.results.test(clause) && (POINT_FIGURES.detail.test(clause) || leansOnPrevious(clause)),
} as const;
/** A point's body with its secondary figures left out (POINT_FIGURES) when it carries more than `most`. */
export function trimFigures(body: string): string {
  if ((body.match(/\d+(?:\.\d+)?/g) ?? []).length <= POINT_FIGURES.most) return body;
  return body.replace(/[^。]+。/g, (sentence) => {
    const cs = clausesOf(sentence.slice(0, -1));
    // A clause the next one leans on (`评查案卷160卷` before `优秀率提高到82%`) stays with it.
    const drop = (c: { text: string }, i: number) => i > 0 && POINT_FIGURES.secondary(c.text) && !(cs[i + 1] && !POINT_FIGURES.secondary(cs[i + 1]!.text) && leansOnPrevious(cs[i + 1]!.text, c.text));
    return `${cs.filter((c, i) => !drop(c, i)).map((c, i) => (i ? c.mark : '') + c.text).join('')}。`;
  });
}

/** A theme's points with its minor ones (MINOR_POINT) joined or left out, renumbered; what was left out is counted. */
export function withoutMinorPoints(items: readonly string[]): { items: string[]; dropped: number } {
  const split = (item: string) => {
    const rest = item.slice(item.indexOf('是') + 1);
    const at = rest.indexOf('。');
    return { head: rest.slice(0, at), body: rest.slice(at + 1) };
  };
  const out: { head: string; body: string }[] = [];
  let dropped = 0;
  items.forEach((item, i) => {
    const p = split(item);
    if (i === 0 || !MINOR_POINT.minor(p.body)) return void out.push(p);
    if (items.length - 1 >= MINOR_POINT.most) dropped++;
    else out[out.length - 1]!.body += `${p.head}，${p.body}`;
  });
  return { items: out.map((p, i) => `${cnOrdinal(i)}是${p.head}。${trimFigures(p.body)}`), dropped };
}

/**
 * A task as a report tells it: its lead's telling fact (or, when the lead said nothing new, a cooperating unit's
 * as the bureau's), and a cooperating unit's telling fact when it carries figures of its own; with its lead-in.
 * `commit` records it as said; without, the text is a candidate for ranking.
 */
export function tellTask(p: TaskFacts, teller: ToldOnce, routine: (clause: string) => boolean, commit: boolean, short = false): string {
  const say = (s: string) => (commit ? teller.say(s, p.对象) : teller.fresh(s, p.对象));
  const own = tellingFact(p.主, teller, p.对象, routine, leadWords(p.任务), short);
  const coopSentences = p.配.map(asOwnFact);
  const coop = short && own ? '' : tellingFact(coopSentences, teller, p.对象, routine, leadWords(p.任务), short);
  const first = own || coop;
  if (!first) return '';
  const parts = [say(first)];
  // A cooperating unit's figures about the same thing as the lead's (the same stations: 数据有效率 / 数据获取率) are not
  // stitched on with 同时 (R1 finding 5).
  if (own && coop && SELECTION.coopSentences > 0 && clausesOf(coop).some((c) => /\d/.test(c.text) && !routine(c.text) && !isAct(c.text)) && !sameThing(own, coop)) {
    const second = commit ? teller.say(coop, p.对象) : teller.fresh(coop, p.对象);
    if (second && second !== parts[0]) parts.push(second);
  }
  // A cooperating unit's facts are a sentence of their own after the lead's, never stitched on with ；同时， (R6 report 6).
  const [lead, ...more] = parts.filter(Boolean);
  const sentence = lead ? closeSentence(leadIn(p.任务, lead, true)) + more.map((x) => closeSentence(dropEcho(x, p.对象))).join('') : '';
  // The lead-in (the task's name) is said too: 下一步 does not name it again as a measure.
  if (commit && sentence) teller.say(sentence, p.对象);
  return sentence;
}

/**
 * A section's material from its clauses, one rule for the year-end and the mid-year report: each task's reported
 * sentences (filler and boilerplate out) for the report to choose from; at year-end a clause not done stands only
 * under 问题 (shortfall and cause) and its unit's concrete plan under 下一步, a clause carried over only under 下一步.
 * Nothing here is yet "said": the report tells in document order through one `toldOnce` (see reportText).
 */
export function sectionText(clauses: ClauseProgress[], o: { yearEnd: boolean; asOf: string; boilerplate?: Set<string> }): SectionText {
  const byTask = new Map<string, { task: string; clauses: ClauseProgress[] }>();
  for (const c of clauses) {
    const t = byTask.get(c.taskId) ?? { task: c.task, clauses: [] };
    t.clauses.push(c);
    byTask.set(c.taskId, t);
  }
  const out: SectionText = { 成效: [], 分项: [], 完成无详述: [], 序时无详述: [], 结转: [], 问题: [], 问题句: [], 未完成句: [], 打算: [], 未完成: [], 问题打算: [], 未完打算: [], 余留: [], 未报送: { 事实: [], 待填: '' }, 待填: [] };
  const residual = new Set<string>();
  const boiler = o.boilerplate ?? new Set<string>();
  const problemSeen = new Set<string>();
  const plans: string[] = [];
  const failures: string[] = [];
  const others: string[] = [];
  const failuresFull: string[] = [];
  const othersFull: string[] = [];
  const concrete = (text: string) => sentencesOf(text).map((x) => x.split(/[；;]/).filter(concretePlan).join('；')).filter(Boolean);
  const addPlan = (task: string, text: string) => {
    for (const s of concrete(text)) {
      const line = closeSentence(leadIn(task, s));
      if (!plans.includes(line)) plans.push(line);
    }
  };
  const missing: { 任务: string; 单位: string }[] = [];
  const notes: string[] = [];
  for (const { task, clauses: own } of byTask.values()) {
    const achieved = own.filter((c) => (o.yearEnd ? c.yearEnd === '完成' : c.status !== '未报送'));
    const seen = new Set<string>();
    const keep = (t: string) => sentencesOf(t).filter((s) => !boiler.has(s) && !seen.has(s) && (seen.add(s), true));
    const main = achieved.flatMap((c) => responsibleAnswers(c).flatMap((a) => keep(substance(a.progress, c.task))));
    const coop = achieved.flatMap((c) => c.answers.filter((a) => a.reported && !responsibleAnswers(c).includes(a)).flatMap((a) => keep(substance(a.progress, c.task))));
    // A clause whose lead is silent: what its cooperating units reported is the bureau's fact, at the task's place.
    const silentOwn = own.filter((x) => x.status === '未报送');
    // Only its words with figures of its own: a bare "配合完成…" or its reading of the clause's target would speak for
    // the lead, so it goes to the clerk inside the gap (see silentGap), attributed.
    for (const c of silentOwn) {
      for (const a of c.answers.filter((x) => x.reported)) {
        const words = substance(a.progress, c.task);
        const figure = a.valueText ? `${o.asOf}${a.valueText}${c.targetUnit && !/[%％]$/.test(a.valueText) ? c.targetUnit : ''}` : '';
        const facts = keep(words).filter((x) => /\d/.test(x));
        out.未报送.事实.push(...facts.map((x) => closeSentence(leadIn(task, asOwnFact(x)))));
        const rest = sentencesOf(words).filter((x) => !facts.includes(x)).join('，');
        if (rest || figure) notes.push(`${a.unit}报告${rest ? `${rest}${figure ? `，${figure}` : ''}` : `完成值${figure}`}`);
      }
    }
    if (main.length || coop.length) {
      const 进度 = o.yearEnd || achieved.every((c) => c.status === '已完成') ? 'done' : achieved.every((c) => c.status === '已完成' || c.status === '序时推进') ? 'onCourse' : 'behind';
      out.分项.push({ 任务: task, 对象: taskObject(task), 主: main, 配: coop, 达标: achieved.some((c) => c.targetValue !== null && (o.yearEnd ? c.yearEnd === '完成' : c.completion !== null && c.completion >= 1)), 进度 });
      out.成效.push(`${cnOrdinal(out.成效.length)}是${closeSentence(leadIn(task, joinTexts([...main, ...coop].map((s) => s), taskObject(task))))}`);
    } else if (o.yearEnd ? achieved.length > 0 : achieved.length > 0 && achieved.every((c) => c.status === '已完成')) out.完成无详述.push(task);
    else if (!o.yearEnd && achieved.some((c) => c.status === '序时推进')) out.序时无详述.push(task);
    if (o.yearEnd && own.some((c) => c.yearEnd === '结转') && !out.结转.includes(task)) out.结转.push(task);
    for (const c of silentOwn) {
      const leads = c.answers.filter((a) => a.role === '牵头');
      missing.push({ 任务: task, 单位: (leads.length ? leads : c.answers).filter((a) => !a.reported).map((a) => a.unit).join('、') });
    }
    for (const c of own) {
      const lead = responsibleAnswers(c);
      // A unit's cause as a document prints it (completePhrases: 历史遗留 → 历史遗留问题).
      const cause = problemsSaid(lead);
      const next = joinTexts(lead.map((a) => substance(a.nextSteps)).filter(Boolean));
      const unfinished = o.yearEnd && c.yearEnd === '未完成';
      if (o.yearEnd && (unfinished || c.yearEnd === '结转')) {
        // The unit's own plan for what is left (its deadline), first in 下一步; a missed task without one is a gap.
        const mine = concrete(next).map((s) => closeSentence(leadIn(task, s)));
        for (const m of mine) if (!out.未完打算.some((x) => x.打算 === m)) out.未完打算.push({ 任务: task, 打算: m });
        if (unfinished && !mine.length) {
          const gap = `【待填：${task}下一步措施】`;
          out.未完打算.push({ 任务: task, 打算: `${gap}。` });
          out.待填.push(gap.slice(4, -1));
        }
      }
      if (unfinished) {
        const what = c.shortfall ?? NOT_DONE_WORDS[c.status] ?? '';
        const why = cause ? `主要原因是${cause.replace(/^(主要)?原因(是|为|：)/, '')}` : '责任单位未说明原因';
        failuresFull.push(`${task}年内未完成${what ? `，${what}` : ''}，${why}。`);
        const said = c.shortfall ? shortfallSentence(c.target, c.shortfall) : what;
        failures.push(`${taskObject(task)}${PROBLEM_POINTS.notDone}${said ? `，${said}` : '，年内未完成'}，${cause ? `主要是${cause.replace(/^(主要)?原因(是|为|：)/, '')}` : '【待填：未完成原因】'}。`);
        if (!cause) out.待填.push('未完成原因');
        problemSeen.add(cause);
        const before = plans.length;
        if (next) addPlan(task, next);
        if (plans.length === before) {
          const gap = `【待填：${task}下一步措施】`;
          plans.push(gap);
          if (!out.待填.includes(gap.slice(4, -1))) out.待填.push(gap.slice(4, -1));
        }
        out.未完成.push({ 编号: c.clauseId, 任务: task, 单位: lead.map((a) => a.unit).join('、'), 差距: what, 原因: cause, 打算: next });
      }
    }
    for (const c of own) {
      // A clause not done has its lead's cause and plan said above; everyone else's words follow here.
      const said = o.yearEnd && c.yearEnd === '未完成' ? responsibleAnswers(c) : [];
      // F30: a carried clause's lead's problem is why it goes on (`社区试点建设周期较长`), said with the carried work
      // (CARRIED.words), never a 存在问题 of work done (was: under 治理成效尚不稳固); its plan is kept.
      const reason = o.yearEnd && c.yearEnd === '结转' ? responsibleAnswers(c) : [];
      for (const a of c.answers.filter((x) => x.reported && !said.includes(x))) {
        const p = reason.includes(a) ? '' : substance(a.problems);
        if (p && !problemSeen.has(p)) {
          problemSeen.add(p);
          // Round twenty (R20H): a problem that does not name its work is framed by its own clause's work (rowName, as the
          // 通报's 表3 names it: `排污权有偿使用和交易改革方面，…`), not by a task that also covers other units' work
          // (`体制机制改革创新方面，…` said nothing of 排污权).
          const work = rowName(c, clauses);
          othersFull.push(`${work}方面，${closeSentence(p)}`);
          const named = remainingSentence(p, responsibleAnswers(c).map((x) => substance(x.progress, c.task)));
          const line = closeSentence(completePhrases(named !== p || namesItsSubject(p, taskObject(task)) ? named : `${taskObject(work)}方面，${p}`));
          others.push(line);
          if (named === p) residual.add(line);
          // The unit's own plan for its own problem answers it, dated or not (round ten: 按整改方案持续推进…).
          out.问题打算.push({ 任务: task, 问题: p, 句: line, 打算: sentencesOf(substance(a.nextSteps)) });
        }
        const n = substance(a.nextSteps);
        if (n) addPlan(task, n);
      }
    }
  }
  // Failures first, by theme as in points.
  out.问题 = [...failuresFull, ...othersFull];
  out.问题句 = [...failures, ...others];
  out.未完成句 = failures;
  out.余留 = [...residual];
  out.打算 = plans;
  const gap = silentGap(missing, o.yearEnd, notes);
  out.未报送.待填 = gap;
  if (gap) out.待填.push(gap);
  return out;
}

/**
 * The thresholds behind every judgement a report makes in words, in one place. `总体按计划推进` is said only when
 * at least `reportedShare` of the units that lead a clause reported, and at least `onScheduleShare` of the
 * reported clauses are done or on schedule (green).
 */
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


/** `3项工作进度滞后；对照序时进度，红色预警1项、黄色预警2项，需加力推进。` or '' when nothing is behind. */
function lagWords(selfBehind: number, red: number, yellow: number): string {
  const parts: string[] = [];
  if (selfBehind) parts.push(`责任单位报告进度滞后的${selfBehind}项`);
  const colours = [red ? `红色预警${red}项` : '', yellow ? `黄色预警${yellow}项` : ''].filter(Boolean).join('、');
  if (colours) parts.push(`对照序时进度，${colours}`);
  return parts.length ? `${parts.join('；')}，需加力推进。` : '';
}

/**
 * How many sentences a 下一步 point takes: the units' plans at most `most`; under `least`, the next plan's tasks too.
 * `missed` (R34H, R32/R33 report: 下一步's 蓝天 was thinner than the speech's deployment for the year's one missed
 * indicator): the next-plan chapter answering a missed indicator (kpi.ts chaptersOfMetric) says this many measures more,
 * by the same fill as the others, its tasks with a quantified target first (as speech.ts CHAPTER_ITEM.missed).
 */
export const NEXT_STEPS = { most: 3, least: 3, tasks: 4, keyMeasures: 3, missed: 1 } as const;

const bareTitle = (t: string) => t.replace(/\d{4}年/g, '').replace(/\s+/g, '');

/** The next plan's chapters that continue a report section's: through the office's themes, else by title (years aside). */
export function nextChaptersOf(next: Plan, g: { title: string; own: boolean; chapters: string[] }, plan: Plan, themes: string): string[] {
  let ids: string[] = [];
  if (g.own) {
    try {
      ids = parseThemes(themes, next.chapters).find((t) => t.title === g.title)?.chapters ?? [];
    } catch {
      ids = [];
    }
  }
  if (!ids.length) {
    const titles = g.chapters.map((id) => bareTitle(plan.chapters.find((c) => c.id === id)?.title ?? ''));
    ids = next.chapters.filter((c) => titles.includes(bareTitle(c.title))).map((c) => c.id);
  }
  return ids;
}

/** Two facts about one thing share a run of SAME_THING characters (`空气自动站`), words common to all aside. */
export const SAME_THING = 5;
export function sameThing(a: string, b: string): boolean {
  const strip = (t: string) => t.replace(/生态环境|[“”‘’，；。、\s]/g, '|');
  const x = strip(a);
  const y = strip(b);
  for (let i = 0; i + SAME_THING <= x.length; i++) {
    const run = x.slice(i, i + SAME_THING);
    if (!run.includes('|') && !/\d/.test(run) && y.includes(run)) return true;
  }
  return false;
}

/** A chapter's lead that shares this many characters with its theme's heading says the heading again. */
export const THEME_ECHO = 6;
/**
 * Whether a chapter's lead says its theme's heading again (THEME_ECHO, round ten): the report's blocks and the
 * speech's review points then lead with their most telling task's own words (leadWords) instead.
 */
export function echoesTheme(head: string, theme: string): boolean {
  return sharesRun(head.replace(/[“”]/g, ''), theme.replace(/[“”]/g, ''), THEME_ECHO);
}

/** Two task names that speak of one piece of work share a run of this many characters (`生态环境保护规划编制`). */
export const SAME_WORK = 6;
export function sameWork(a: string, b: string): boolean {
  return sharesRun(a.replace(/[“”‘’]/g, ''), b.replace(/[“”‘’]/g, ''), SAME_WORK);
}

/** Whether `y` holds some run of `n` characters of `x` (the test behind sameWork and speech.ts sharesWords). */
export function sharesRun(x: string, y: string, n: number): boolean {
  for (let i = 0; i + n <= x.length; i++) if (y.includes(x.slice(i, i + n))) return true;
  return false;
}

type NextTask = Plan['tasks'][number];
const nextLead = (t: NextTask) => t.lead.trim().replace(/[。；，,\s]+$/, '');
const nextAim = (t: NextTask) => t.clauses.flatMap((c) => c.targets.map((x) => x.words.trim())).find((w) => opensWithVerb(w)) ?? '';
/** A next-plan task's first measure: its first clause, or two when the first only frames it (`按照国家、省…要求，有序组织…`). */
/**
 * A plan's own echo, no measure (round ten: `落实黄河流域生态保护和高质量发展相关工作任务`, `落实加强…监管的意见` without
 * the document's title say nothing to do): left out
 * of a task's measure for its concrete clauses (a figure, a document, an object).
 */
export const PLAN_ECHO = /^(认真|全面|深入)?(落实|完成|做好)([^，。；]*(相关|有关|各项)(工作)?(任务|要求|部署)|[^，。；《》]*的(意见|要求|部署))$/;
function nextMeasure(t: NextTask): string {
  const text = (t.clauses[0]?.text ?? '').replace(/,/g, '，').replace(/;/g, '；');
  const rest = sentencesOf(text).filter((x) => x.replace(/[，。\s]/g, '') !== nextLead(t).replace(/[，\s]/g, ''));
  const cl = rest.flatMap((x) => clausesOf(x)).filter((c) => !PLAN_ECHO.test(c.text));
  return cl.slice(0, /^(按照|根据|围绕|对照|结合|依据|聚焦|针对)/.test(cl[0]?.text ?? '') ? 2 : 1).map((c, i) => (i ? '，' : '') + c.text).join('');
}
/** The characters at a document title's end that name its kind (`行动计划`, `工作规则`). */
const DOCUMENT_KIND = 4;
/**
 * A standing system kept up (`坚持“第一议题”制度`): next year's work however this year's results name it (round fifteen,
 * R10 report 4, reversing R6 report 3 for this form: the speech's deployment leads with it too).
 */
export const STANDING_SYSTEM = /^坚持[^，。；]*制度$/;
/**
 * A next-plan clause that echoes this year's results (round eleven, R6 report 3: `完善…定期调度机制` after `建立…季度调度
 * 机制`): it names a quoted term the results name, or, naming no year, shares SAME_WORK characters with them; never a
 * standing system (STANDING_SYSTEM).
 */
export function echoesResults(clause: string, results: string): boolean {
  if (STANDING_SYSTEM.test(clause)) return false;
  if ([...clause.matchAll(/“([^”]+)”/g)].some((m) => results.includes(`“${m[1]}”`))) return true;
  // A clause naming a year (制定2026年度…工作要点) is that year's new work, however like this year's it reads; so is one
  // naming documents of a kind the results do not name (`落实《山东省生物多样性保护战略与行动计划》`, round fourteen;
  // `印发《…委员会工作规则》` after this year's 印发委员会工作规则 is an echo).
  const documents = [...clause.matchAll(/《([^》]+)》/g)].map((m) => m[1]!);
  if (documents.length && documents.every((d) => !results.includes(d.slice(-DOCUMENT_KIND)))) return false;
  const bare = (t: string) => t.replace(/[“”《》]/g, '');
  return !/\d{4}年/.test(clause) && sharesRun(bare(clause), bare(results), SAME_WORK);
}
/** Clauses of a next-plan task that say what to do with an object: verb first, no frame, no echo of the plan, no vague promise. */
export const NEXT_CLAUSE_FRAME = /^(按照|根据|围绕|对照|结合|依据|聚焦|针对|以)/;
/** A next-plan task's text as clauses, its half-width commas and semicolons read as the plan's full-width ones. */
/** A next-plan task's sentences, each as its clauses' texts. */
function nextPlanSentences(t: NextTask): string[][] {
  const text = t.clauses.map((c) => c.text).join('。').replace(/,/g, '，').replace(/;/g, '；');
  return sentencesOf(text).map((x) => clausesOf(x).map((c) => c.text));
}
function nextPlanClauses(t: NextTask): string[] {
  return nextPlanSentences(t).flat();
}
/** The verb clause that opens the plan sentence holding `clause` further on (`大力推行无感式执法` before `非现场执法比例达到45%以上`), else ''. */
export function headOfSentence(t: NextTask, clause: string): string {
  for (const cs of nextPlanSentences(t)) {
    if (cs.indexOf(clause) > 0) return opensWithVerb(cs[0]!) && !NEXT_CLAUSE_FRAME.test(cs[0]!) && !PLAN_ECHO.test(cs[0]!) ? cs[0]! : '';
  }
  return '';
}
function measureClauses(t: NextTask): string[] {
  return nextPlanClauses(t)
    .filter((x) => x !== nextLead(t) && x.length >= 6 && opensWithVerb(x) && !NEXT_CLAUSE_FRAME.test(x) && !PLAN_ECHO.test(x) && !/相关工作$/.test(x) && !VAGUE_PLAN.some((re) => re.test(x)));
}
/** Whether a task's first measure echoes this year's results: such a task is said after those that do not. */
function nextEchoes(t: NextTask, echoes: (x: string) => boolean): boolean {
  const first = measureClauses(t)[0];
  return !first || echoes(first);
}
/** A task's measure for 下一步: its first concrete clause not said and not echoing the results, else its first such clause. */
function nextClause(t: NextTask, teller: ToldOnce, echoes: (x: string) => boolean): string {
  const own = measureClauses(t).filter((x) => !echoes(x) && teller.fresh(x) === x);
  return own.find((x) => substantiveMeasure(x)) ?? own.find((x) => concretePlan(x)) ?? own[0] ?? '';
}

/** Task titles that read as a heading, naming no work of their own (`服务保障中心任务`): their measure is said alone. */
export const HEADING_LIKE = /^(服务保障|服务|围绕|聚焦)(中心任务|中心工作|大局)$/;

/**
 * A next-plan task in full: its title with its target or first measure; the measure alone when it says the title's
 * work again with its date (`2026年6月底前完成“十五五”…规划文本编制并按程序报批`, not the title and then that).
 */
export function nextTaskWords(t: NextTask): string {
  const aim = nextAim(t);
  const m = nextMeasure(t);
  if (aim && !sameWork(aim, nextLead(t))) return `${nextLead(t)}，${aim}`;
  if (m && (sameWork(m, nextLead(t)) || HEADING_LIKE.test(nextLead(t)))) return m;
  return m ? `${nextLead(t)}，${m}` : nextLead(t);
}

/**
 * A next-plan task's target clauses (round nine: 下一步 sets priorities with their figures): the clauses of its text
 * with a figure beyond a year and a word that makes it a target (达到/下降/控制在/完成…以上/以内/…前), at most two.
 */
export const KEY_TARGET = /(达到|下降|降低|控制在|完成|不低于|不高于|以上|以内|前)/;
export function keyClauses(t: NextTask): string[] {
  return nextPlanClauses(t)
    .filter((c) => /\d/.test(c.replace(/\d{4}年度?/g, '')) && KEY_TARGET.test(c))
    .slice(0, 2);
}

/** How 下一步 answers a problem of this year (round nine: `针对剩余5项督察问题，…`), and states a target standing alone (`确保…`). */
export const NEXT_ANSWER = {
  frame: (subject: string) => `针对${subject}，`,
  aim: '确保',
  predicate: /(涉及|存在|仍|较大|较多|反复|波动|不高|不强|不足|滞后|尚未|未能|压力)/ } as const;
/** A problem's subject: its first clause up to its predicate when that names a 问题, else the clause and 问题. */
export function problemSubject(problem: string): string {
  const first = clausesOf(problem.replace(/[。；]+$/, ''))[0]?.text ?? problem;
  const m = NEXT_ANSWER.predicate.exec(first);
  const head = m ? first.slice(0, m.index) : first;
  return /问题$/.test(head) ? head : `${first}问题`;
}

/**
 * The next plan's tasks for a report section's chapters, as one sentence: `按照《…》部署，重点抓好A、B和C。` A theme
 * finds its chapters in the next plan through the office's themes; a chapter by its title (years aside) or number.
 */
export function nextPlanWords(next: Plan, g: { title: string; own: boolean; chapters: string[] }, plan: Plan, themes: string): string {
  const ids = nextChaptersOf(next, g, plan, themes);
  const leads = next.tasks.filter((t) => ids.includes(t.chapterId)).map((t) => t.lead.trim().replace(/[。；，\s]+$/, '')).filter(Boolean);
  if (!leads.length) return '';
  const told = leads.slice(0, NEXT_STEPS.tasks);
  const list = told.length > 1 ? `${told.slice(0, -1).join('、')}和${told.at(-1)}` : told[0]!;
  return `按照《${displayTitle(next)}》部署，重点抓好${leads.length > told.length ? `${told.join('、')}等${leads.length}项工作` : list}。`;
}

/** A task's name inside “”: its own double quotes become single (`启动‘十五五’规划编制`). */
export const quoted = (task: string) => `“${task.replace(/“/g, '‘').replace(/”/g, '’')}”`;

/**
 * The tasks carried into next year, each named where the report counts them: the task, who leads it, what was done
 * and why it goes on (the lead's problems, else that it runs beyond the year), with the lead's next step.
 */
export function carriedWords(carried: ClauseProgress[], year: number): string {
  if (!carried.length) return '';
  const one = (c: ClauseProgress) => {
    const lead = responsibleAnswers(c).filter((a) => a.reported);
    const units = [...new Set(lead.map((a) => a.unit))].join('、');
    const done = joinTexts(lead.map((a) => substance(a.progress, c.task)).filter(Boolean)).replace(/[。；]+/g, '，').replace(/，$/, '');
    const why = joinTexts(lead.map((a) => substance(a.problems)).filter(Boolean));
    const next = joinTexts(lead.map((a) => substance(a.nextSteps)).filter(Boolean)).replace(/。$/, '');
    return `${quoted(c.task)}${units ? `（${units}牵头）` : ''}${done ? `已${done.replace(/^已/, '')}，` : ''}${why ? `因${why}转入${year + 1}年` : `属跨年度实施的工作`}${next ? `，计划${next.replace(/^计划/, '')}` : ''}`;
  };
  return `其中，转入下一年度的${carried.length > 1 ? `${carried.length}项：` : ''}${carried.map(one).join('；')}。`;
}

/**
 * A block's told tasks as points by kind (TASK_KINDS, round thirteen, R8 report 2): the first point, led by `head` (its most
 * telling task's lead), holds that task's kind and the tasks of no kind; each other kind is a point led by its kind's
 * words (TASK_KINDS.lead), in the order its first task is told. One point when the tasks are of one kind.
 */
export function kindPoints<T extends { task: string }>(kept: T[], head: string, report = false): { head: string; tasks: T[] }[] {
  // R32H: a kind marked `report` is the year-end report's alone (its callers pass `report`).
  const kindOf = (task: string) => TASK_KINDS.findIndex((k) => (report || !k.report) && k.words.test(task));
  const lead = kindOf(kept[0]?.task ?? '');
  const out: { kind: number; head: string; tasks: T[] }[] = [{ kind: lead, head, tasks: [] }];
  for (const p of kept) {
    const k = kindOf(p.task);
    let at = k < 0 ? out[0] : out.find((x) => x.kind === k);
    if (!at) out.push((at = { kind: k, head: TASK_KINDS[k]!.lead, tasks: [] }));
    at!.tasks.push(p);
  }
  return out.filter((x) => x.tasks.length).map(({ head: h, tasks }) => ({ head: h, tasks }));
}

/**
 * Work carried into next year, told at its chapter in 成效 (round thirteen, R8 report 3): its task, what its lead did and
 * when it is to be done (`启动“十五五”…编制，完成…终期评估，…形成初稿，计划2026年6月底前完成`), never as done. The date is
 * the next plan's for the same work (sameWork), else the lead's own next step's; without either, it goes on next year.
 */
export const CARRIED = {
  date: /(\d{4}年(?:\d{1,2}月(?:底|中旬|上旬|下旬)?|[一二三四]季度|[上下]半年|底)前?)(?=完成)/,
  // R24H had it end at what was done when 下一步 has the date (R23 report 2: a plan inside 成效); R24 (report 7) read
  // that as done while the 通报 says 转入下一年度: what was done, then when the rest is due, as before.
  // F30 (the carried 近零碳 pilots): what is due is said, not only when (`计划2026年底前完成` after `持续推进各类试点示范
  // 建设` read as the whole task ending), and why it goes on when its lead said (`社区试点建设周期较长`): a carried
  // clause's problem is its reason, not a 存在问题 (sectionText).
  // R32H (R30, R31 report 1: `…尚未完成验收，计划2026年底前完成近零碳试点建设验收` is a plan inside 成效, said again
  // under 下一步): 成效 ends at what was done and what is not yet (`尚未完成…`, never read as done, R24 report 7); the date
  // is 下一步's (the next plan's, else the unit's own dated plan). Its reason saying 尚未 already says what is not yet.
  // Round twenty (R34 3, R35 4, R36 2: `；社区试点建设周期较长，尚未完成验收` a shortfall among the achievements, its date
  // under 下一步 already, R35: end at `…历城区获评省级低碳发展示范区。`): 成效 says what the year did of the work, under its
  // task's own words of going on (`持续推进…`); its reason is the 通报's 表3 row, its date 下一步's.
  // Without a date for 下一步 to say, that it goes on next year is said here.
  words: (task: string, facts: string, due: string) => `${task}，${facts}${due ? '' : '，转入下一年度继续推进'}。`,
} as const;
/** The first completion date a text names (CARRIED.date): `2026年6月底前`, `2026年上半年`; '' when none. */
export function carriedDate(texts: string[]): string {
  for (const t of texts) {
    const m = CARRIED.date.exec(t);
    if (m) return m[1]!;
  }
  return '';
}
/**
 * The first completion a text names, its date and what is then done, to the clause's end (`2026年底前完成近零碳试点建设
 * 验收`, `2026年6月底前完成“十五五”生态环境保护规划文本编制并按程序报批`); '' when none.
 */
export function carriedDue(texts: string[]): string {
  for (const t of texts) {
    const m = CARRIED.date.exec(t);
    if (m) return `${m[1]!}${/^完成[^，,。；;]*/.exec(t.slice(m.index + m[1]!.length))![0]}`;
  }
  return '';
}

/** A block's tasks not told, by where they stand, each named in its block's closing clause by its own state: a task
 * behind is never named as 按计划完成 or left out of its chapter (the 存在问题 counts it again with the warnings). */
function untold(rest: TaskFacts[], state: TaskFacts['进度']): string[] {
  return rest.filter((p) => p.进度 === state).map((p) => p.任务);
}

/** The tasks done with nothing more to tell (or not told in a full block), named once in one closing clause. */
function extraWords(done: string[], onCourse: string[], told: boolean, behind: string[] = []): string {
  const named = (tasks: string[]) => `${tasks.join('、')}${tasks.length > 1 ? `等${tasks.length}项工作` : ''}`;
  return [
    done.length ? `${told ? '此外，' : ''}${named(done)}按计划完成。` : '',
    onCourse.length ? `${named(onCourse)}按序时推进。` : '',
    behind.length ? `${named(behind)}进度滞后。` : '',
  ].join('');
}

/**
 * The bodies the bureau answers to, as a gap (the data cannot say who leads it): the report's and the speech's
 * `在【待填：…】的坚强领导下`.
 */
export const SUPERIORS_GAP = '上级领导机关，如“市委市政府”';
/**
 * Round twenty-one (R45 3, R46 3, R47 1, R48 3, all four: the gap's own example was its answer): the bodies that lead a
 * bureau, by the level its name gives (`济南市生态环境局` → 市委、市政府; `历下区…` → 区委、区政府): the last level in
 * the name (`市场` is no level). A name giving none (a 镇, a gap) keeps SUPERIORS_GAP. The Word comment asks the drafter
 * to add a superior department where the bureau answers to one too (the seed's 省生态环境厅).
 */
export const SUPERIORS = {
  level: /(自治区|省|市(?!场)|州|盟|县|旗|区)/g,
  words: (level: string) => (level === '自治区' ? '自治区党委、自治区人民政府' : `${level}委、${level}政府`),
  note: '领导机关按发文机关的层级写出，请核改；实行双重领导的，可补写上级主管部门（如“省生态环境厅”）',
} as const;
export function superiorsOf(issuer: string): string {
  if (!issuer || issuer.startsWith('【')) return '';
  const levels = [...issuer.matchAll(SUPERIORS.level)];
  const last = levels.at(-1)?.[1];
  return last ? SUPERIORS.words(last) : '';
}

/**
 * How high a result stands among the headlines (SELECTION.headline, round nine): the index of the first rule it meets
 * (a finished 改造/整治/创建 before a 下降/达到), Infinity when none. The report's blocks and the speech's review points
 * both tell their headlines first by it.
 */
export function headlineRank(text: string): number {
  const at = SELECTION.headline.findIndex((re) => re.test(text));
  return at < 0 ? Infinity : at;
}
/** A headline result: a quantified target met, or a result a SELECTION.headline rule names. */
export function isHeadline(text: string, met = false): boolean {
  return met || headlineRank(text) < Infinity || SELECTION.headlineTopic.some((re) => re.test(text));
}

/**
 * Whether a chapter's first task is told whatever its weight (rankParts, round nine; the speech's review points share
 * it): it reported a result, or at least a figure (`组织“第一议题”学习31次…`: the chapter's opening work, counted).
 */
export function firstKept(text: string, routine: (clause: string) => boolean): boolean {
  return resultScore(text.replace(/。$/, ''), routine) > 0 || /\d/.test(text);
}

/**
 * A point's told tasks by weight (R24H): an honour won (SELECTION.pointFirst: 示范区, 获评) first, those whose telling opens
 * with a count of acts and shows no result (宣传活动36场, its reach `覆盖…12.6万人次` no result of HIGHLIGHT_RULES.results) last,
 * the others between; the plan's order within each. The point's first task is never put last.
 */
export function pointOrder<T extends { text: string }>(tasks: T[], routine: (clause: string) => boolean): T[] {
  // The point's first task is its opening work (firstKept: `召开…委员会全体会议2次，印发…工作规则`), never put last.
  const tier = (t: T, at: number) => (SELECTION.pointFirst.test(t.text) ? 0 : at > 0 && isAct(clausesOf(t.text)[0]?.text ?? '') && (resultScore(t.text.replace(/。$/, ''), routine) <= 0 || !HIGHLIGHT_RULES.results.test(t.text)) ? 2 : 1);
  return tasks.map((t, at) => ({ t, at, k: tier(t, at) })).sort((a, b) => a.k - b.k || a.at - b.at).map((x) => x.t);
}

/**
 * A block's tasks by its length budget (SELECTION, round nine), told in the plan's order; the rest's names for the
 * closing clause. The chapter's first task (`first`) is kept when it reported a result; then the headline results
 * (SELECTION.headline, a quantified target met) in plan order; then the others showing at least SELECTION.fillScore
 * (resultScore, the highest first), while the block stays within `budget` characters. Each task's candidate is its text as it
 * would be told now (nothing said twice).
 */
function rankParts(parts: TaskFacts[], teller: ToldOnce, routine: (clause: string) => boolean, budget: number, first = parts[0]?.任务, named: readonly string[] = [], keepResults = false): { kept: { task: string; text: string }[]; rest: TaskFacts[] } {
  const cands = parts.map((p, at) => ({ p, at, text: tellTask(p, teller, routine, false) })).filter((x) => x.text);
  const score = (t: string) => resultScore(t.replace(/。$/, ''), routine);
  const headline = (x: (typeof cands)[number]) => isHeadline(x.text, x.p.达标);
  const chosen = new Set<(typeof cands)[number]>();
  const short = new Set<(typeof cands)[number]>();
  let used = 0;
  const take = (x: (typeof cands)[number], always = false, whole = false) => {
    if (chosen.has(x)) return;
    if (chosen.size && used + x.text.length > budget && !whole) {
      // A headline topic is told whatever the budget (round thirteen, R8 report 1): the budget limits the rest.
      if (!always && !headline(x)) return;
      // A headline topic over the budget is told in its shortest (round thirteen, R8 report 1): one sentence of its result.
      const brief = tellTask(x.p, teller, routine, false, true);
      if (brief) ((x.text = brief), short.add(x));
    }
    chosen.add(x);
    used += x.text.length;
  };
  const lead = cands.find((x) => x.p.任务 === first);
  if (lead && firstKept(lead.text, routine)) take(lead, true);
  cands.filter(headline).forEach((x) => take(x));
  // What the point's lead names and nothing chosen tells (leadObjects, round fourteen): its task's best sentence, always.
  for (const term of named) {
    if ([...chosen].some((x) => x.p.任务.includes(term) || x.text.includes(term))) continue;
    const best = cands.filter((x) => x.p.任务.includes(term)).sort((a, b) => score(b.text) - score(a.text) || a.at - b.at)[0];
    if (best) take(best, true);
  }
  // Then a result of their own, most telling first; a mere count of acts (召开…2次) is no padding for the budget.
  // Round twenty (R20H, rule changed): where the rest is named nowhere (`keepResults`, the year's end: counted only), a
  // result over the budget is told all the same, whole (监测: `…数据有效率保持98%以上，对135家持证企业开展…`): the budget
  // leaves out acts, never a completed clause's figures.
  cands
    .map((x) => ({ x, s: score(x.text) }))
    .filter(({ s }) => s >= SELECTION.fillScore)
    .sort((a, b) => b.s - a.s || a.x.at - b.x.at)
    .forEach(({ x }) => take(x, false, keepResults));
  // Told in the plan's order, each said through the teller (a clause two kept tasks share is said by the first).
  const kept = cands.filter((x) => chosen.has(x)).map((x) => ({ task: x.p.任务, text: tellTask(x.p, teller, routine, true, short.has(x)) })).filter((x) => x.text);
  const keptTasks = new Set(kept.map((x) => x.task));
  return { kept, rest: parts.filter((p) => !keptTasks.has(p.任务)) };
}

/**
 * Clause shapes that recur in the texts of ROUTINE_TASKS or more tasks over the round (`按期办结率#%`, `均已整改到位`,
 * `完成~中期评估`): routine, no task's result; told once at most (synthesis.toldOnce).
 */
export function routineShapes(clauses: ClauseProgress[]): Set<string> {
  const tasks = new Map<string, Set<string>>();
  const note = (shape: string, task: string) => shape.length > 1 && tasks.set(shape, (tasks.get(shape) ?? new Set()).add(task));
  for (const c of clauses) {
    const object = taskObject(c.task);
    for (const a of c.answers.filter((x) => x.reported)) {
      for (const text of [substance(a.progress, c.task), substance(a.nextSteps), substance(a.problems)]) {
        for (const s of sentencesOf(text)) for (const cl of clausesOf(s)) note(clauseShape(cl.text, object), c.task);
      }
    }
  }
  return new Set([...tasks].filter(([, ts]) => ts.size >= ROUTINE_TASKS).map(([s]) => s));
}

/** Sentences under BOILERPLATE_TASKS or more tasks: not any task's achievement (listed in 报告.重复表述). */
export function boilerplateOf(clauses: ClauseProgress[]): Map<string, string[]> {
  const tasks = new Map<string, Set<string>>();
  for (const c of clauses) for (const t of progressTexts(c)) for (const s of sentencesOf(t)) tasks.set(s, (tasks.get(s) ?? new Set()).add(c.task));
  return new Map([...tasks].filter(([, ts]) => ts.size >= BOILERPLATE_TASKS).map(([s, ts]) => [s, [...ts]]));
}

/**
 * The year-end opening's verdict (round ten, an upward report without counts: the counts live in the 通报). With
 * nothing carried, missed or unreported and no indicator missed, `all` (the seed's 全面完成各项任务目标); else `most`
 * when at least `share` of the clauses were done, else `some`; then the indicators' clause (OPENING_EXCEPTIONS.indicators).
 * Round fourteen (R9 report 1, 2; the seed's opening names no exception): no task is named here; an unfinished one
 * is 存在问题's, work carried over is 下一步's, and a silent area's gap stays at its place in 成效.
 */
export const OPENING_VERDICT = { all: '全面完成各项任务目标', most: '全年重点工作任务基本完成', some: '重点工作未能全部完成', share: 0.8 } as const;
export const OPENING_EXCEPTIONS = {
  /**
   * Round fourteen (R9 report 1): the indicators by the KPI results, one clause after the verdict: all met →
   * `主要指标全部达到考核要求`; some missed → `主要指标除优良天数比率外均达到考核要求`; all missed → `优良天数比率未达到考核要求`;
   * none judged (no value or no target) → nothing.
   * R34H: with aims of the plan still to fill in annex 一 (kpi.ts aimRows: 总量控制, 碳排放控制, 环境安全形势), `主要指标…均
   * 达到` would claim them too: it speaks of what was judged, `环境质量主要指标…` when every judged indicator is of an
   * environmental-quality topic (kpi.ts qualityIndicator), else it names the pending aims as a 【待填】 after it.
   */
  indicators: (rows: readonly { 名称: string; 结论: string }[], pending: readonly string[] = []): string => {
    const judged = rows.filter((r) => /^(未)?达到/.test(r.结论));
    const missed = judged.filter((r) => r.结论.startsWith('未达到')).map((r) => r.名称);
    if (!judged.length) return '';
    if (missed.length === judged.length) return `${missed.join('、')}未达到考核要求`;
    const quality = pending.length > 0 && judged.every((r) => qualityIndicator(r.名称));
    const claim = `${quality ? '环境质量' : ''}${missed.length ? `主要指标除${missed.join('、')}外均达到考核要求` : '主要指标全部达到考核要求'}`;
    return pending.length && !quality ? `${claim}，【待填：${pending.join('、')}完成情况】` : claim;
  },
  /** The year's theme or the superior's demand the data cannot give (the seed's 围绕“项目突破年”工作要求; R9 report 2: no real theme as the example). */
  theme: '年度工作主题或上级工作要求，如“××年”',
  /** A guiding thought the plan names after its first (`认真贯彻习近平生态文明思想`), said in the opening too. */
  thought: /^(认真|深入)?贯彻[^，；。]*思想$/,
  /** A year closing a five-year plan (R9 report 2): one short clause, its verdict to fill, not a five-year summary; last among the verdicts (R10 report 8). */
  planClosing: (plan: string) => `${plan}规划目标任务`,
  planClosingGap: '全面完成/基本完成',
  /**
   * R32H (R30, R31 report 2: `认真落实《济南市生态环境局2025年工作要点》部署` put the bureau's own plan where its superior
   * reads its own 决策部署; issue 29: the report does not describe itself): what the year answered, in the superior's terms.
   */
  superiors: '认真落实上级各项决策部署',
} as const;

/**
 * R31H (R24–R29 report: 三、下一步工作打算 opened with no sense of the year's place and no target): at the year's end,
 * with a next plan whose preamble states them, 下一步 opens with the next year's place in time (`2026年是“十五五”规划的
 * 开局之年`, speech.ts readPreamble) and its 主要目标 as the plan states them, what the bureau commits to its superior;
 * as written (round twenty: no `（2025年为36…）` after an aim the year beats, R32–R34). The points after
 * it say none of its figures again (restatesAim). Without a next plan the opening is the year and the guiding thought.
 */
export const NEXT_OPENING = {
  /** The year's place as its own sentence, else the year alone before the subject. */
  lead: (place: string, year: number) => (place ? `${place}。` : `${year}年，`),
  // Round twenty (R35 9, R37 8: `…落实【待填】，确保…，…保持稳定，重点抓好以下工作。` one run-on sentence): the aims a
  // sentence of their own, as the speech says them (`主要目标是：…。`), then the turn.
  aims: (aims: readonly string[]) => (aims.length ? `。主要目标是：${aims.join('，')}。` : '，'),
  tail: '重点抓好以下工作。',
  /** A figure an aim states (`37微克/立方米`, `64%`, `100%`), not a year: said once, in the opening. */
  figure: /(?<![\d.])\d+(?:\.\d+)?(?:%|[\u4e00-\u9fa5]{0,2}\/[\u4e00-\u9fa5]+)/g,
  /**
   * R31H (read as the 局长 would: `2026年` eight times in the section its opening dates): a point's date in the year the
   * opening names is said without it (`一季度完成剩余48个村整治任务`, `6月底前完成…`); a document's or a year's name
   * (`2026年度`, `《…2026年法治建设工作要点》`) keeps it; the year before an act is `年内` (`年内出台…实施细则`).
   */
  // `2026年底前` keeps its 年底 (`年底前完成…`): only the figure goes (was `底前完成…`, F30's carried pilots).
  dated: (year: number) => new RegExp(`(?<![\\d《])${year}(?:年(?=([一二三四]季度|[上下]半年|\\d{1,2}月|汛前|汛期)|出台|印发|完成|建成|实现)|(?=年底))`, 'g'),
  within: (match: string, time: string | undefined) => (time || !match.endsWith('年') ? '' : '年内'),
} as const;
/**
 * Whether `text` restates one of the opening's `aims` (NEXT_OPENING): it states a figure of the aim (a whole figure: 64%
 * is not in 164%) about the same work (sameWork, figures aside); a 100% of other work is no restatement.
 */
export function restatesAim(text: string, aims: readonly string[]): boolean {
  const bare = (x: string) => x.replace(NEXT_OPENING.figure, '');
  const states = (f: string) => text.split(f).slice(0, -1).some((before) => !/[\d.]$/.test(before));
  return aims.some((a) => (a.match(NEXT_OPENING.figure) ?? []).some(states) && sameWork(bare(a), bare(text)));
}

interface ReportInput {
  progress: RoundProgress;
  plan: Plan;
  clauses: ClauseProgress[];
  unassigned: number;
  settings: Settings;
  metrics: Metrics;
  yearEnd: boolean;
  asOf: string;
  issuer: string;
  accepted: boolean;
  leadShare: number;
  leads: { total: number; reported: number };
  scheduleShare: number;
  behindCount: number;
  reserved: Set<string>;
  /** The next year's plan (`--next-plan`): 下一步 takes its tasks where the units' plans are thin. */
  nextPlan?: Plan;
  /** Each chapter's material as buildContext computed it for 章节 (the same clauses and rules): not computed again. */
  sections?: Map<string, SectionText>;
}

/**
 * The report's paragraphs: the opening (在…领导下 … 现将有关情况报告如下), the KPI paragraph, the sections by theme,
 * the named list of what was not reported, the closing. Political framing the data cannot give is a 【待填】.
 * A year-end report speaks of 完成 / 未完成 / 结转, never of 序时.
 */
function reportText(o: ReportInput): { text: ReportText; gaps: string[]; kpi: ReturnType<typeof indicatorParagraph>; aims: AimRow[] } {
  const gaps: string[] = [];
  const gap = (what: string) => {
    if (!gaps.includes(what)) gaps.push(what);
    return `【待填：${what}】`;
  };
  const c = o.clauses;
  const title = displayTitle(o.plan);
  // The next plan's opening (its guiding thought and 主要任务目标), read once for 下一步.
  const nextPreamble = o.nextPlan ? readPreamble(o.nextPlan.preamble) : undefined;
  // (R32H: the year-end report's opening names no title, OPENING_EXCEPTIONS.superiors; the speech and 通报 still do.)
  if (title === TITLE_PLACEHOLDER) gaps.push(TITLE_PLACEHOLDER.slice(4, -1));
  if (o.issuer === ISSUER_PLACEHOLDER) gaps.push(ISSUER_PLACEHOLDER.slice(4, -1));
  const year = Number(o.progress.round.end.slice(0, 4));
  const tasks = new Set(c.map((x) => x.taskId)).size;
  const n = (pred: (x: ClauseProgress) => boolean) => c.filter(pred).length;
  const silent = n((x) => x.status === '未报送');
  const leadsShort = o.leadShare < FINDING_RULES.reportedShare;
  // What the leads reported of the clauses they completed, with their chapter (QUALITY_FACTS and ANNEX_AIMS read them).
  const leadReports = c
    .filter((x) => x.yearEnd === '完成')
    .flatMap((x) => x.answers.filter((a) => a.role === '牵头' && a.reported).map((a) => ({ chapter: o.plan.chapters.find((ch) => ch.id === x.chapterId)?.title ?? '', text: cnPunctuation(a.progress ?? '') })));
  const kpi = indicatorParagraph(o.plan, c, o.metrics, { yearEnd: o.yearEnd, asOf: o.asOf, reserved: o.reserved, quality: leadReports });
  for (const g of kpi.待填) if (!gaps.includes(g)) gaps.push(g);
  const incomplete = leadsShort ? `牵头单位报送不全（应报${o.leads.total}家，已报送${o.leads.reported}家），${o.yearEnd ? '以上情况尚不完整' : '暂不能对总体进度作出判断'}。` : '';
  let opening: string;
  // Who leads the bureau (superiorsOf): said in the year-end opening, with the drafter's comment on it.
  const superiors = superiorsOf(o.issuer);
  const aims: AimRow[] = [];
  if (o.yearEnd) {
    const done = n((x) => x.yearEnd === '完成');
    // An upward report states the verdict and the indicators' clause; no task by name (round fourteen).
    const missedAny = kpi.指标.some((x) => x.结论.startsWith('未达到'));
    // 全面完成 only when nothing at all is excepted: no shortfall, no indicator missed, nothing carried or unreported.
    const verdict = !missedAny && done === c.length ? OPENING_VERDICT.all : c.length && done / c.length >= OPENING_VERDICT.share ? OPENING_VERDICT.most : OPENING_VERDICT.some;
    // The year's place in time from the plan's preamble (`2025年是“十四五”规划的收官之年…`), else the year alone.
    const preamble = readPreamble(o.plan.preamble);
    // The plan's 主要任务目标 not yet in annex 一 (R34H): the opening's claim speaks of what was judged.
    // What the leads reported of the clauses they completed (ANNEX_AIMS.reported reads `完成省下达的…目标`).
    const reportedDone = leadReports.map((x) => x.text);
    aims.push(...aimRows(preamble.aims, kpi.指标, reportedDone));
    const indicators = OPENING_EXCEPTIONS.indicators(kpi.指标, aims.filter((x) => x.完成值.startsWith('【待填')).map((x) => x.指标));
    // The year's guiding thought as the plan itself states it (`以…为指导`); a gap only when it states none. Its first
    // part only: the 认真贯彻… after it would say 认真 twice beside the 认真落实 that follows.
    // Round sixteen (R14 report 4: the opening lacked 深入贯彻习近平生态文明思想, which the speech says): the thought
    // the plan names after it (`认真贯彻…思想`) is said too, its 认真 as 深入 beside the 认真落实 that follows.
    const [first, ...rest] = preamble.guidance.split('，');
    const thought = rest.find((x) => OPENING_EXCEPTIONS.thought.test(x));
    const guidance = [first!, ...(thought ? [thought.replace(/^认真/, '深入')] : [])].join('，');
    // A year closing a five-year plan (R9 report 2): the bare `2025年是“十四五”规划的收官之年` in place of the
    // preamble's longer place in time; else the place as the plan states it. Round fifteen (R10 report 8): the
    // five-year verdict (`“十四五”规划目标任务【待填：全面完成/基本完成】`) closes the verdicts, after the year's own,
    // so the plan's name is not said twice in one sentence and the year leads.
    const closing = PLAN_CLOSING.exec(preamble.place);
    const place = closing ? closing[0] : preamble.place;
    const lead = `${place ? `${place}。一年来` : `${year}年`}，在${superiors || gap(SUPERIORS_GAP)}的坚强领导下，${o.issuer}${guidance || gap('指导思想和工作主线')}，围绕${gap(OPENING_EXCEPTIONS.theme)}，`;
    const fiveYear = closing ? `${OPENING_EXCEPTIONS.planClosing(closing[2]!)}${gap(OPENING_EXCEPTIONS.planClosingGap)}` : '';
    const counts = !o.accepted
      ? `${OPENING_EXCEPTIONS.superiors}${fiveYear ? `，${fiveYear}` : ''}。尚未收到任何责任单位报送的年终工作情况，以下各项均无数据，不能据此判断任务完成情况。`
      : `${OPENING_EXCEPTIONS.superiors}，${[verdict, indicators, fiveYear].filter(Boolean).join('，')}。${incomplete}`;
    opening = `${lead}${counts}${o.unassigned ? `另有${o.unassigned}项工作未明确责任单位，未纳入统计。` : ''}现将有关情况报告如下：`;
  } else {
    const behind = n((x) => x.status === '滞后');
    const notStarted = n((x) => x.status === '未启动');
    const counts = !o.accepted
      ? '尚未收到任何责任单位报送的工作情况，以下各项均无数据，不能据此判断任务进展。'
      : `${tasks}项重点任务、${c.length}项具体工作中，已完成${n((x) => x.status === '已完成')}项，按序时推进${n((x) => x.status === '序时推进')}项${behind ? `，进度滞后${behind}项` : ''}${notStarted ? `，尚未启动${notStarted}项` : ''}${silent ? `，${silent}项未报送进展情况` : ''}。${
          // The same judgement as 结论.总体, by the same thresholds, in the report's words.
          incomplete || (o.scheduleShare >= FINDING_RULES.onScheduleShare ? '各项工作总体按计划推进。' : `${o.behindCount}项工作落后序时进度，总体进度需加快。`)
        }`;
    opening = `${o.asOf}，${o.issuer}认真落实《${title}》部署，${counts}${o.unassigned ? `另有${o.unassigned}项工作未明确责任单位，未纳入统计。` : ''}现将有关情况报告如下：`;
  }
  // Sections: the office's themes, then each chapter no theme names.
  const specs = parseThemes(o.settings.reportThemes ?? '', o.plan.chapters);
  const named = new Set(specs.flatMap((t) => t.chapters));
  const groups = [
    ...specs.map((t) => ({ title: t.title, own: true, chapters: t.chapters })),
    ...o.progress.chapters.filter((ch) => !named.has(ch.chapterId)).map((ch) => ({ title: o.plan.chapters.find((p) => p.id === ch.chapterId)?.title ?? ch.title, own: false, chapters: [ch.chapterId] })),
  ];
  const boiler = boilerplateOf(c);
  const boilerplate = new Set(boiler.keys());
  // One memory for the whole document (issue 29: a thing is said once): routine shapes across the round.
  const shapes = routineShapes(c);
  const routine = (clause: string) => shapes.has(clauseShape(clause)) || [...new Set(c.map((x) => taskObject(x.task)))].some((ob) => clause.includes(ob) && shapes.has(clauseShape(clause, ob)));
  // A clause restating a figure of the KPI paragraph (`集中式饮用水水源地水质达标率保持100%`) was said there (R1 finding 5).
  // A quality outcome the KPI paragraph told (QUALITY_FACTS) is not told again in the body.
  const teller = toldOnce(shapes, (clause) => kpi.指标.some((r) => r.完成值 && clause.includes(r.完成值) && sameWork(r.名称, clause)) || kpi.质量.some((q) => q.clause === clause));
  const nextYear = o.yearEnd ? `${year + 1}年` : '下一步';
  // R31H: the next plan's 主要目标 open 三 at the year's end (NEXT_OPENING), as the plan states them (round twenty); its
  // figures are said there only.
  const nextAims = o.yearEnd && nextPreamble ? nextPreamble.aims : [];
  // Headings vary by rule (synthesis.headingWords): what was done in the year, and what is to be done next.
  const words = headingWords();
  const nextWords = headingWords();
  // At the year's end a task done with nothing told (or not among a block's most specific) is counted once for the
  // whole report (报告.其余完成), never its title pasted with 按计划完成 under every block.
  let quietCount = 0;
  const quiet = (tasks: string[]) => (o.yearEnd ? ((quietCount += tasks.length), []) : tasks);
  /** What was not reported in a block: cooperating units' facts as the bureau's, then the clerk's gap, at its place. */
  const silentText = (t: SectionText): string => {
    const facts = t.未报送.事实.map((x) => teller.say(x)).filter(Boolean).map(closeSentence).join('');
    // The silent lead's gap first (its work is the point), then what cooperating units did (round ten).
    return `${t.未报送.待填 ? `【待填：${t.未报送.待填}】。` : ''}${facts}`;
  };
  /**
   * A block's work carried into next year (CARRIED): what was done, said once, after the block's results; task by task,
   * so that a block over SELECTION.pointChars tells each as a point of its own (R24H).
   */
  const carriedWordsOf = (mine: ClauseProgress[]): { task: string; words: string }[] => {
    if (!o.yearEnd) return [];
    const tasks = [...new Set(mine.filter((x) => x.yearEnd === '结转').map((x) => x.task))];
    return tasks
      .map((task) => {
        const lead = mine.filter((x) => x.task === task && x.yearEnd === '结转').flatMap(responsibleAnswers);
        const told = tellingFact(lead.flatMap((a) => sentencesOf(substance(a.progress, task))), teller, taskObject(task), routine);
        const facts = teller.say(told.replace(/。/g, '，'), taskObject(task));
        if (!facts) return { task, words: '' };
        const again = o.nextPlan?.tasks.find((t) => sameWork(t.lead, task));
        const words = CARRIED.words(task, facts, carriedDue([...(again?.clauses.map((x) => x.text) ?? []), ...lead.map((a) => substance(a.nextSteps))]));
        // Its task named here, 下一步 does not name it again (toldOnce).
        teller.say(words, taskObject(task));
        return { task, words };
      })
      .filter((x) => x.words);
  };
  /** A chapter's material from buildContext's (one chapter: the same clauses, the same rules), else computed here. */
  const sectionOf = (mine: ClauseProgress[], ids: string[]): SectionText =>
    (ids.length === 1 && o.sections?.get(ids[0]!)) || sectionText(mine, { yearEnd: o.yearEnd, asOf: o.asOf, boilerplate });
  // 成效, in document order: every theme's blocks first, so that nothing said there is said again below.
  const built = groups.map((g) => {
    const own = c.filter((x) => g.chapters.includes(x.chapterId));
    const text = sectionOf(own, g.chapters);
    for (const t of text.待填) if (!gaps.includes(t)) gaps.push(t);
    let extra = '';
    /** Tasks of another field told in a theme's chapters (OFF_TOPIC), placed after every theme is built. */
    const elsewhere: { chapter: string; task: string; text: string }[] = [];
    // The sentences saying what was not reported, as printed inside 成效/成效补充: the speech leaves them out.
    const silentSentences: string[] = [];
    // Per chapter, what its units reported (the sentences told) and its verb + object heading: the speech picks
    // its highlights from these, and names a theme by the chapters its highlights come from.
    const byChapter: ReportText['主题'][number]['分章'] = [];
    const stateOf = (mine: ClauseProgress[]): HeadingState => (mine.every((x) => x.yearEnd === '完成' || x.yearEnd === '结转') ? 'done' : mine.every((x) => x.status === '未报送') ? 'silent' : 'mixed');
    const chapterTitleOf = (id: string) => o.plan.chapters.find((p) => p.id === id)?.title ?? '';
    /**
     * A block's closing, one rule for a theme's chapter and a chapter of its own: what was not reported (said first, its
     * facts through the teller), a gap for a chapter done with no telling fact (round nine), its carried work, the tasks
     * not told, then the gap and facts of what was not reported. The speech leaves the gap and the unreported out.
     */
    const closingOf = (mine: ClauseProgress[], told: number, rest: TaskFacts[], t: SectionText, object: string, state: HeadingState) => closingText(closingParts(mine, told, rest, t, object, state));
    /** A closing said whole: its carried work, then the rest. */
    const closingText = (c: { carried: { words: string }[]; after: string }) => c.carried.map((x) => x.words).join('') + c.after;
    /** closingOf in two: the carried work task by task, and the rest of the closing. */
    const closingParts = (mine: ClauseProgress[], told: number, rest: TaskFacts[], t: SectionText, object: string, state: HeadingState) => {
      const carried = carriedWordsOf(mine);
      const silentHere = silentText(t);
      const noFact = o.yearEnd && mine.length && !told && state === 'done' ? `${gap(`${object}方面主要成效`)}。` : '';
      silentSentences.push(noFact, silentHere);
      return { carried, after: noFact + extraWords(quiet([...untold(rest, 'done'), ...t.完成无详述]), [...untold(rest, 'onCourse'), ...t.序时无详述], told > 0, untold(rest, 'behind')) + silentHere };
    };
    let items: string[];
    if (g.chapters.length > 1) {
      // A theme of several chapters numbers its chapters, as the seed does (一是全力稳固空气质量。强化…，…): each
      // block tells its most telling tasks, counts the rest once, and says what was not reported at its place.
      items = [];
      for (const id of g.chapters) {
        const mine = own.filter((x) => x.chapterId === id);
        const here = sectionOf(mine, [id]);
        // A theme's chapters share its length (SELECTION.themeChars), each at most SELECTION.blockChars (round twelve).
        const budget = Math.min(SELECTION.blockChars, Math.floor(SELECTION.themeChars / g.chapters.length));
        const chapterTitle = chapterTitleOf(id);
        const { kept, rest } = rankParts(here.分项, teller, routine, budget, mine[0]?.task, leadObjects(chapterTitle), o.yearEnd);
        // Verb + object, as the seed's 一是强化政治建设: the adverb claims only what the data shows.
        const state = stateOf(mine);
        const closing = closingParts(mine, kept.length, rest, here, objectOf(chapterTitle), state);
        const tail = closingText(closing);
        if (!kept.length && !tail) continue;
        // Work not all done takes 持续 (`持续保障环境安全`), claiming no success; a lead is never subject + predicate.
        let head = !o.yearEnd ? chapterTitle : words.lead(chapterTitle, state, 'chapter');
        // A lead that says its theme's heading again (`（四）推进绿色低碳高质量发展精准有力。…二是扎实推动绿色低碳高质量发展`)
        // leads with its most telling task's own verb–object instead, told first (round ten, THEME_ECHO).
        // Round thirteen (R8 report 2): a task's lead heads only tasks of its kind (TASK_KINDS): tasks of another kind
        // are a point of their own, led by their kind's words (the seed's 三是靠前服务保障重大项目).
        let points = [{ head, tasks: kept }];
        if (o.yearEnd && kept.length && echoesTheme(head, g.title)) {
          const best = kept.reduce((a, b) => (resultScore(b.text, routine) > resultScore(a.text, routine) ? b : a));
          const own = leadWords(best.task);
          if (own) {
            head = own;
            kept.splice(kept.indexOf(best), 1);
            kept.unshift(best);
            points = kindPoints(kept, own, true);
          }
        }
        byChapter.push({ 章节: id, 对象: objectOf(chapterTitle), 状态: state, 句: kept.map((p) => p.text) });
        // A task of another field that shares the chapter's words (网络安全 under 环境安全) follows what the chapter is
        // about, the cooperating units' facts and the gap included (R1 finding 3).
        // R24H: it is no sentence of the chapter's point at all: a point of its own, in the theme it fits or at the end
        // of this one (OFF_TOPIC.home, placed once every theme is built).
        const offHere = (task: string) => !!offTopicRule(chapterTitle, g.title, task);
        // R24H (R19–R23 report: （四）一是 packed six unlike facts): within a point, its headline results first, its
        // counts of acts last (pointOrder); a point over SELECTION.pointChars tells its carried work (规划编制) as a point
        // of its own, led by its task, as the seed's points are.
        const pointText = (pt: (typeof points)[number]) => pointOrder(pt.tasks.filter((p) => !offHere(p.task)), routine).map((p) => p.text).join('');
        const whole = points.map(pointText).join('') + tail;
        const apart = o.yearEnd && closing.carried.length && mine.length > 1 && whole.length > SELECTION.pointChars;
        const lastTail = apart ? closing.after : tail;
        points.forEach((pt, i) => {
          const onTopicText = pointText(pt);
          const last = i === points.length - 1 ? lastTail : '';
          for (const p of pt.tasks.filter((x) => offHere(x.task))) elsewhere.push({ chapter: chapterTitle, task: p.task, text: p.text });
          // R32H: a point led by its one task's words (a kind's lead, TASK_KINDS) does not say them again as its first clause.
          const body = onTopicText.startsWith(`${pt.head}，`) ? onTopicText.slice(pt.head.length + 1) : onTopicText;
          if (onTopicText || last) items.push(`${cnOrdinal(items.length)}是${pt.head}。${body}${last}`);
        });
        if (apart) for (const x of closing.carried) items.push(`${cnOrdinal(items.length)}是${leadPhrase(x.task, x.words)}`);
      }
    } else {
      const { kept, rest } = rankParts(text.分项, teller, routine, SELECTION.sectionChars, own[0]?.task, [], o.yearEnd);
      // A single chapter numbers its tasks, within SELECTION.sectionChars; the rest are counted once.
      // At year-end each point opens with its task as a lead phrase, as the seed's 一是强化政治建设。组织……（R1 finding 6).
      // Every lead verb + object (headingWords.lead): 服务保障中心任务 as the plan says it, never 中心任务服务保障有力.
      // A task of another field (网络安全 under 环境安全, OFF_TOPIC) is no point of the chapter: it follows, unnumbered,
      // after the chapter's own facts and gap, as in a theme's block (R1 finding 3).
      const offHere = (task: string) => offTopic(g.title, task);
      items = kept.filter((p) => !offHere(p.task)).map((p, i) => `${cnOrdinal(i)}是${o.yearEnd ? leadPhrase(words.lead(p.task, 'done', 'task'), p.text) : p.text}`);
      if (g.chapters[0]) byChapter.push({ 章节: g.chapters[0], 对象: objectOf(chapterTitleOf(g.chapters[0])), 状态: stateOf(own), 句: kept.map((p) => p.text) });
      // F30 (the carried 近零碳 pilots ran on after 一是强化碳市场履约周期管理's facts, as if its work): where every task is
      // a point, the carried work is one too, led by its task, after the told ones (as a long theme's block, R24H).
      const closing = closingParts(own, kept.length, rest, text, objectOf(g.title), stateOf(own));
      if (o.yearEnd) for (const x of closing.carried) items.push(`${cnOrdinal(items.length)}是${leadPhrase(x.task, x.words)}`);
      extra = (o.yearEnd ? closing.after : closingText(closing)) + kept.filter((p) => offHere(p.task)).map((p) => p.text).join('');
    }
    const allDone = own.length > 0 && own.every((x) => x.yearEnd === '完成' || x.yearEnd === '结转');
    const heading = g.own || !o.yearEnd ? g.title : words.evaluative(g.title, allDone);
    // A theme named with its verb (`推进绿色低碳高质量发展精准有力`) has its object as subject (no `服务推进…` below).
    const subject = g.own ? objectOf(heading.replace(HEADING_PREDICATES, '') || heading) : objectOf(g.title);
    return { g, own, text, items, extra, heading, subject, byChapter, silentSentences, elsewhere };
  });
  // Off-topic tasks of a theme's chapters (OFF_TOPIC): each a numbered point after the last of the theme it fits, else
  // of its own theme (R24H), its task as the lead phrase as every year-end point.
  // R32H: a theme is found by its title or its chapters' (`现代环境治理体系` is 十三's, under 治理能力…); a rule naming a point
  // (OFF_TOPIC.point) joins the sentences to the first point of that theme whose lead names it.
  const themeWords = built.map((t) => [t.g.title, ...t.g.chapters.map((id) => o.plan.chapters.find((p) => p.id === id)?.title ?? '')].join(' '));
  const leadOf = (item: string) => item.slice(item.indexOf('是') + 1, item.indexOf('。'));
  built.forEach((b, own) => {
    for (const x of b.elsewhere) {
      const home = offTopicHome(x.chapter, x.task, themeWords, own, b.g.title);
      const to = built[home] ?? b;
      const point = offTopicRule(x.chapter, b.g.title, x.task)?.point;
      const at = point && home >= 0 ? to.items.findIndex((it) => point.test(leadOf(it))) : -1;
      // Joined, it opens with its task as a clause (`推动构建生态环境治理全民行动体系，围绕六五环境日…`), as a point's
      // sentences of several tasks do, so that the receiving lead does not seem to claim it.
      const lead = o.yearEnd ? words.lead(x.task, 'done', 'task') : x.task;
      if (at >= 0) to.items[at] += leadPhrase(lead, closeSentence(x.text)).replace(/^([^。]*)。(?=.)/, '$1，');
      else to.items.push(`${cnOrdinal(to.items.length)}是${o.yearEnd ? leadPhrase(words.lead(x.task, 'done', 'task'), x.text) : x.text}`);
    }
  });
  // R32H: a theme's minor points (MINOR_POINT) at the year's end, once every point is placed.
  if (o.yearEnd)
    for (const b of built) {
      const { items, dropped } = withoutMinorPoints(b.items);
      b.items.splice(0, b.items.length, ...items);
      quietCount += dropped;
    }
  // The year's figures that missed their target (the KPI paragraph's verdicts), each with the chapters answering for it.
  const missedRows = (o.yearEnd ? kpi.指标 : []).filter((x) => x.结论.startsWith('未达到'));
  const missedCause = new Map<string, string>();
  const usedCauses = new Set<string>();
  for (const row of missedRows) {
    // Its cause when the data has it: a problem its chapters' units reported that names the indicator's topic.
    const topic = metricTopic(row.名称);
    const ids = chaptersOfMetric(o.plan, row.名称);
    const cause = topic
      ? c
          .filter((x) => ids.includes(x.chapterId))
          .flatMap((x) => x.answers.filter((a) => a.reported).flatMap((a) => sentencesOf(substance(a.problems))))
          .find((p) => topic.metric.test(p) && !usedCauses.has(p))
      : undefined;
    if (cause) {
      usedCauses.add(cause);
      missedCause.set(row.名称, completePhrases(cause.replace(/^(主要)?原因(是|为|：)/, '')));
    }
  }
  // 存在问题, then 下一步, through the same memory.
  const tellLine = (line: string, commit = true): string => {
    const out = commit ? teller.say(line) : teller.fresh(line);
    // A point left with nothing but its frame (`…方面`) says nothing.
    return !out || /方面$/.test(out) || out.replace(/[，；]/g, '').length < 6 ? '' : closeSentence(out);
  };
  const missed = missedRows.map((x) => {
    const cause = missedCause.get(x.名称);
    if (!cause) gap(`${x.名称}未达标原因`);
    // Not the KPI paragraph's words again: its topic as the subject, the gap to the target, then the cause.
    const head = metricTopic(x.名称)?.head;
    const subject = head ? `${head}${PROBLEM_POINTS.indicator}，` : '';
    // Round twenty (R34 5, R39 4: the target in brackets a fourth time; the annex states it): the gap itself
    // (`较省考核要求低0.4个百分点`, speech.ts shortBy), the bracket only when no gap can be worked out.
    const by = x.目标 ? gapWords(x.完成值, x.目标) : '';
    const basis = x.结论.replace(/^未达到/, '');
    const short = by ? `较${basis}${by}` : `较${basis}${x.目标 ? `（${x.目标}）` : ''}仍有差距`;
    return `${subject}${x.名称}${x.完成值}，${short}${cause ? `，主要是${cause}` : `，【待填：${x.名称}未达标原因】`}。`;
  });
  for (const m of missed) teller.say(m);
  const withProblems = built.map(({ g, own, text, items, extra, heading, subject, byChapter, silentSentences }) => {
    // The same sentences (问题 + 原因, failures first, named by the task's object) serve both layouts: by theme, or
    // as points (问题要点).
    const 问题句 = text.问题句.filter((p) => ![...usedCauses].some((u) => p.includes(u))).map((p) => tellLine(p)).filter(Boolean);
    const 问题 = [...问题句];
    return { g, own, text, items, extra, heading, subject, byChapter, silentSentences, 问题, 问题句 };
  });
  // 存在问题 as at most PROBLEM_POINTS.most points (问题 + 原因, none left out: RESIDUAL), failures first, and one gap for the office's own shortcomings; by theme
  // only when the units' points are more than three. An indicator that missed its target is a problem too, stated
  // first, with its cause when the data has it (else a gap): `missed` above. Ranked here: 下一步 answers each.
  const points = [...missed, ...withProblems.flatMap((t) => t.问题句)];
  const failed = new Set(built.flatMap((b) => b.text.未完成句));
  const weight = (p: string) => (missed.includes(p) ? 0 : [...failed].some((f) => p === closeSentence(f) || f.startsWith(p.replace(/。$/, ''))) ? 1 : /\d/.test(p) ? 2 : 3);
  // Round twenty (R20H, rule changed): every problem is ranked, none cut at a count (the third residual, 排污权, was): the
  // 通报's 表3 lists them and the speech answers them, so the report names them all, and 下一步 answers each.
  const ranked = points.map((p, i) => ({ p, i })).sort((a, b) => weight(a.p) - weight(b.p) || a.i - b.i).map((x) => x.p);
  // Printed: the residual problems on work done as one point, last (RESIDUAL); over PROBLEM_POINTS.most points, the
  // weakest reported problems (never a missed indicator or a clause not done) join it, said whole.
  const printedPoints = problemLayout(ranked, new Set(built.flatMap((b) => b.text.余留)), (p) => weight(p) >= 2);
  const themes = withProblems.map(({ g, own, text, items, extra, heading, subject, byChapter, silentSentences, 问题, 问题句 }) => {
    // At the year's end the opening names the year: the points' dates in it go without it (NEXT_OPENING.dated).
    const plans = nextPoint(g, text, own, [...items, extra].join('')).map((x) => (o.yearEnd ? x.replace(NEXT_OPENING.dated(year + 1), NEXT_OPENING.within) : x));
    if (!plans.length && own.length) plans.push(`${gap(`${subject}方面${nextYear}重点举措`)}。`);
    return { 标题: heading, 简称: subject, 打算标题: nextWords.action(subject, 'next', HEADING_ADVERBS.next.filter((a) => !plans[0]?.startsWith(a))), 章节: g.chapters, 分章: byChapter, 未报送句: silentSentences.filter(Boolean), 成效序号: '', 问题序号: '', 打算序号: '', 成效: items, 成效补充: extra, 问题, 打算: plans, 问题句, 未完成: text.未完成, 结转: text.结转 };
  });

  /**
   * A 下一步 point (issue 29): the missed indicator its chapters answer for first (`着力提升优良天数比率，力争达到省考核
   * 要求（不低于64%）。`); with --next-plan, per next-plan chapter one sentence of its tasks as measures (verb + object
   * first when the theme has several), the units' own plans for what is unfinished or carried joined to the chapter
   * they continue; without it, those plans and the units' other concrete plans, at most NEXT_STEPS.most.
   */
  function nextPoint(g: (typeof groups)[number], text: SectionText, own: ClauseProgress[], results: string): string[] {
    const out: string[] = [];
    for (const row of missedRows) {
      if (!chaptersOfMetric(o.plan, row.名称).some((id) => g.chapters.includes(id)) || out.length) continue;
      const lower = DIRECTION_RULES.lowerIsBetter.test(row.名称) || /^不高于/.test(row.目标);
      // The next plan's own aims for the indicator's topic (its preamble's 主要任务目标, R1 finding 7), else the target missed.
      const topic = metricTopic(row.名称);
      const aims = nextPreamble && topic ? nextPreamble.aims.filter((a) => topic.metric.test(a)) : [];
      // Round twelve (R7 report 3): a cause not in the data is its lead's to find, so its measure is the speech's gap
      // (SPEECH_GAPS.missedMeasure); with the cause reported, the aims stand alone.
      const measure = o.yearEnd && !missedCause.has(row.名称) ? `，${SPEECH_GAPS.missedMeasure(missedLead(o.plan, o.clauses, row.名称))}` : '';
      // An aim the year's value already beats (PM2.5 37 after 36) is no part of answering the missed indicator: stated,
      // it asked for less than was achieved (R9 report 6); with the value as a goal to hold, it made a commitment no plan
      // or unit wrote (R12 report 1). It is left to the plan.
      const beaten = (aim: string) => {
        const year = kpi.指标.find((k) => aim.startsWith(k.名称));
        const against = year && aimAgainstValue(year.名称, aim.slice(year.名称.length), year);
        return !!(against && against.meets && against.margin);
      };
      const own = (a: string) => a.startsWith(row.名称);
      const kept = aims.filter((a) => !beaten(a));
      // The missed indicator alone is not named twice (`着力提升优良天数比率，确保达到64%以上`).
      const reach = [...kept.filter(own), ...kept.filter((a) => !own(a))].map((a) => (kept.length === 1 && own(a) ? a.slice(row.名称.length) : a));
      const aimWords = reach.length ? `确保${reach.join('、')}` : '';
      // R31H: an aim the opening states (NEXT_OPENING) is not said again here, nor this year's target in its place:
      // the point says what to do (its measure, or the gap for it).
      const opened = aims.some((a) => nextAims.some((x) => x.startsWith(a)));
      const target = opened ? '' : `，${aimWords ? aimWords : `力争达到${row.结论.replace(/^未达到/, '')}${row.目标 ? `（${row.目标}）` : ''}`}`;
      out.push(`着力${lower ? '降低' : '提升'}${row.名称}${target}${measure}。`);
    }
    // Work carried over that the next plan sets again is said in the next plan's words (its date), not as this
    // year's task restarted (`启动“十五五”…编制，2026年上半年完成…`, R1 finding 7).
    const again = (task: string) => (o.yearEnd && o.nextPlan && text.结转.includes(task) ? o.nextPlan.tasks.find((t) => sameWork(t.lead, task)) : undefined);
    // F30: only when the next plan dates it; else the unit's own dated plan (the 近零碳 pilots' `2026年底前完成…验收`,
    // which the 2026 plan's `推进“224”近零碳试点建设` does not date, was lost).
    const leftover = text.未完打算
      .map((x) => {
        const t = again(x.任务);
        const dated = t && carriedDate(t.clauses.map((c) => c.text)) ? t : undefined;
        return { ...x, 打算: dated ? tellLine(nextTaskWords(dated)) : x.打算.startsWith('【待填') ? x.打算 : tellLine(x.打算.replace(/。$/, '')) };
      })
      .filter((x, i, all) => x.打算 && all.findIndex((y) => y.打算 === x.打算) === i);
    if (o.yearEnd && o.nextPlan) {
      const next = o.nextPlan;
      const ids = nextChaptersOf(next, g, o.plan, o.settings.reportThemes ?? '');
      const here = next.tasks.filter((t) => ids.includes(t.chapterId) && nextLead(t));
      const used = new Set<NextTask>();
      // This year's problems first decide which next-plan tasks answer them (said there, not again as a measure).
      const answers: string[] = [];
      // Round twelve (R7 report 3): in a point of several chapters, a concrete answer is said inside its chapter's clause (the
      // next plan's chapter of the same place in the theme, else of the same title), not tacked on with 针对… after.
      const inChapter = new Map<string, string[]>();
      const framedIn = new Map<string, string[]>();
      const nextChapterOf = (task: string): string | undefined => {
        const id = own.find((c) => c.task === task)?.chapterId;
        if (!id || ids.length < 2) return undefined;
        const at = g.chapters.indexOf(id);
        if (ids.length === g.chapters.length && at >= 0) return ids[at];
        const title = bareTitle(o.plan.chapters.find((c) => c.id === id)?.title ?? '');
        return ids.find((n) => bareTitle(next.chapters.find((c) => c.id === n)?.title ?? '') === title);
      };
      for (const x of text.问题打算) {
        // Each problem printed under 存在问题 (ranked), once; a missed indicator's cause is answered by its aims.
        if ([...usedCauses].some((u) => x.问题.includes(u)) || !ranked.some((r) => r === x.句 || r.includes(x.问题.replace(/[。；]+$/, '')))) continue;
        const own = x.打算.map((p) => p.replace(/。$/, '')).filter((p) => teller.fresh(p) === p);
        const t = own.length ? undefined : here.find((y) => !used.has(y) && sameWork(y.lead, x.任务));
        if (t) used.add(t);
        const measure = own.length ? own.join('，') : t ? nextMeasure(t) : '';
        // A measure said already in full leaves the answer to the drafter, never an empty 针对…，。
        const words = measure ? teller.say(measure) : '';
        // A vague measure (按整改方案持续推进…) keeps its 针对… frame: without its subject it says nothing. Round fourteen
        // (R9 report 7): framed, it still sits inside its chapter's clause, right after the 督察 measure (SUPERIOR_INSPECTION).
        const at = words ? nextChapterOf(x.任务) : undefined;
        if (at && concretePlan(words)) inChapter.set(at, [...(inChapter.get(at) ?? []), words]);
        else if (at) framedIn.set(at, [...(framedIn.get(at) ?? []), `${NEXT_ANSWER.frame(problemSubject(x.问题))}${words.replace(/。$/, '')}`]);
        else answers.push(closeSentence(`${NEXT_ANSWER.frame(problemSubject(x.问题))}${words || gap(`${problemSubject(x.问题)}整改措施`)}`));
      }
      // This year's unfinished or carried work goes on in the next plan's task for it (sameWork): the unit's own plan
      // with its date, then the figures the next plan sets beyond it (剩余48个村, then 520个行政村).
      const continuing = (t: NextTask) => leftover.filter((x) => !x.打算.startsWith('【待填') && sameWork(t.lead, x.任务));
      const placed = new Set<string>();
      // The key measures (NEXT_STEPS.keyMeasures): tasks continuing this year's work, then those with a target figure
      // (aims first), in plan order; under NEXT_STEPS.least, the chapters' first tasks in full.
      const keyed = here.filter((t) => !used.has(t) && (continuing(t).length || keyClauses(t).length));
      const rank = (t: NextTask) => (continuing(t).length ? 0 : nextAim(t) ? 1 : 2);
      // One measure per chapter before a chapter's second, so that a point's priorities span its chapters.
      const byRank = [...keyed].sort((a, b) => rank(a) - rank(b) || keyed.indexOf(a) - keyed.indexOf(b));
      const chosen = new Set<NextTask>();
      for (const t of byRank) if (chosen.size < NEXT_STEPS.keyMeasures && ![...chosen].some((y) => y.chapterId === t.chapterId)) chosen.add(t);
      for (const t of byRank) if (chosen.size < NEXT_STEPS.keyMeasures) chosen.add(t);
      const full = (t: NextTask) => !!teller.fresh(nextTaskWords(t)) && teller.fresh(nextTaskWords(t)) !== nextLead(t);
      // The fill takes a chapter not yet covered before a covered one, each chapter's first task before its second.
      const within = (t: NextTask) => here.filter((y) => y.chapterId === t.chapterId).indexOf(t);
      const covered = (t: NextTask) => Number([...chosen].some((y) => y.chapterId === t.chapterId));
      // Every chapter of the theme gets a measure before a second of any (R6 report 3), and a point at least
      // NEXT_STEPS.least: per task its clause with an object (nextClause), tasks whose measure echoes this year's results
      // (第一议题 again) after the others, a concrete clause (a figure, a document, 方案…) before a bare one. Who leads and
      // what is owed is the 通报's, never the upward report's (R6 report 1).
      const echoes = (x: string) => echoesResults(x, results);
      // A task its chapter's verb + object names (leadObjects: 新污染物 in 固体废物和新污染物治理) before the others, so that the
      // point's head is kept true in 下一步 too (round fourteen, R9 report 3).
      const namesLead = (t: NextTask) => leadObjects(next.chapters.find((x) => x.id === t.chapterId)?.title ?? '').some((ob) => t.lead.includes(ob));
      const rankFill = (t: NextTask) => {
        const clause = nextClause(t, teller, echoes);
        // A substantive measure (a figure, a named document, a date) before one that only names an act (round fourteen).
        return [covered(t), Number(!clause), Number(!substantiveMeasure(clause)), Number(!namesLead(t)), Number(nextEchoes(t, echoes)), Number(!clause || !concretePlan(clause)), within(t), here.indexOf(t)];
      };
      /** The first of `ts` by rankFill, each task's key computed once, not inside the comparator. */
      const firstByFill = (ts: NextTask[]): NextTask | undefined =>
        ts.map((t) => ({ t, k: rankFill(t) })).sort((a, b) => a.k.map((v, i) => v - b.k[i]!).find((d) => d !== 0) ?? 0)[0]?.t;
      const clauses = new Map<NextTask, string>();
      const fill = (t: NextTask) => {
        chosen.add(t);
        const clause = nextClause(t, teller, echoes);
        if (clause) clauses.set(t, clause);
      };
      for (const id of ids) {
        if ([...chosen].some((y) => y.chapterId === id)) continue;
        const t = firstByFill(here.filter((y) => y.chapterId === id && !used.has(y) && nextClause(y, teller, echoes)));
        if (t) fill(t);
      }
      while (chosen.size < NEXT_STEPS.least) {
        const t = firstByFill(here.filter((y) => !used.has(y) && !chosen.has(y) && (nextClause(y, teller, echoes) || full(y))));
        if (!t) break;
        fill(t);
      }
      // R34H: a chapter answering a missed indicator, the year's first priority, says NEXT_STEPS.missed measures more.
      const missedHere = (id: string) => missedRows.some((row) => chaptersOfMetric(next, row.名称).includes(id));
      for (const id of ids.filter(missedHere)) {
        for (let k = 0; k < NEXT_STEPS.missed; k++) {
          const t = firstByFill(here.filter((y) => y.chapterId === id && !used.has(y) && !chosen.has(y) && nextClause(y, teller, echoes)));
          if (t) fill(t);
        }
      }
      // Its tasks with a quantified target first (keyClauses), then the plan's order, as the speech tells that chapter.
      const after = (t: NextTask) => Number(missedHere(t.chapterId) && !keyClauses(t).length);
      const inOrder = (ts: NextTask[]) => [...ts.filter((t) => !after(t)), ...ts.filter(after)];
      /** A chosen task's words: the unit's plan for what is left, the next plan's figures, else its title and first measure. */
      const measureOf = (t: NextTask, withLead: boolean): string => {
        const mine = continuing(t);
        mine.forEach((x) => placed.add(x.打算));
        const own = mine.map((x) => x.打算.replace(/。$/, ''));
        // A target figure the opening states (NEXT_OPENING) is not a measure here (R31H: each figure once).
        const figs = keyClauses(t).filter((k) => !own.some((u) => sameWork(u, k)) && !restatesAim(k, nextAims)).slice(0, 2);
        // The unit's plans were said already (leftover, through tellLine); the next plan's figures are said here.
        const bits = [...own, ...figs.map((b) => teller.say(b))].filter(Boolean);
        const clause = clauses.get(t);
        if (!bits.length && clause) bits.push(teller.say(clause));
        if (!bits.length) return teller.say(nextTaskWords(t));
        const body = bits.join('，');
        // A clause picked for its object leads with its own task in a point of one chapter (强化纪律作风建设，持续整治…),
        // the title said in 成效 or not: the lead matches its measure.
        if (withLead && clause && bits.length === 1 && !sameWork(body, nextLead(t))) return `${nextLead(t)}，${body}`;
        // Its title before it in a point of one chapter, and wherever the measure opens with no verb (`非现场执法比例…`).
        if ((!withLead && opensWithVerb(body)) || sameWork(body, nextLead(t)) || HEADING_LIKE.test(nextLead(t))) return body;
        // A title said already (成效: `推动差异化监管，…42%`) is not said again: the target alone, as an aim (确保…).
        const title = teller.say(nextLead(t));
        if (title) return `${title}，${body}`;
        if (opensWithVerb(body)) return body;
        // Round fifteen (R10 report 3): the target keeps its own verb when its plan sentence gives one
        // (`大力推行无感式执法，…，非现场执法比例达到45%以上` → `大力推行无感式执法，确保非现场执法比例达到45%以上`).
        const verb = headOfSentence(t, bits[0]!);
        const said = verb ? teller.say(verb) : '';
        return `${said ? `${said}，` : ''}${NEXT_ANSWER.aim}${body}`;
      };
      const picked = inOrder(here.filter((t) => chosen.has(t)));
      // A measure readying for a superior's inspection (SUPERIOR_INSPECTION) ranks first in its chapter, whatever was
      // chosen (round thirteen, R8 report 4: 做好迎接中央生态环境保护督察各项准备工作), as in the speech's deployment.
      const inspection = (id: string): string[] => {
        const clause = here.filter((t) => t.chapterId === id).flatMap(nextPlanClauses).find((x) => SUPERIOR_INSPECTION.test(x));
        const said = clause && teller.fresh(clause) === clause ? teller.say(clause) : '';
        return said ? [said] : [];
      };
      if (ids.length > 1) {
        // Several chapters: one sentence, per chapter its verb + object and its measures (the seed's 扎实推进净土保卫战，…).
        const parts = ids
          .map((id) => ({ id, ts: picked.filter((t) => t.chapterId === id) }))
          .filter((x) => x.ts.length || inChapter.has(x.id) || framedIn.has(x.id))
          .map(({ id, ts }) => {
            const object = objectOf(next.chapters.find((x) => x.id === id)!.title);
            const readying = inspection(id);
            const framed = framedIn.get(id) ?? [];
            const first = [...readying, ...(readying.length ? framed : [])];
            const after = [...ts.map((t) => measureOf(t, false)), ...(inChapter.get(id) ?? []).map((x) => x.replace(/。$/, '')), ...(readying.length ? [] : framed)].filter(Boolean);
            const bits = [...first, ...after];
            const head = nextWords.action(object, 'next');
            // A chapter's verb + object that says the theme's heading again (THEME_ECHO) is left out: its measures alone.
            const echo = echoesTheme(head, g.title) && opensWithVerb(bits[0] ?? '');
            // Round fifteen (R10 report 3): a framed answer (针对…，…逐项对账销号) ends with ；before the chapter's next
            // measure, or its commas run on into it.
            const body = readying.length && framed.length && after.length ? `${first.join('，')}；${after.join('，')}` : bits.join('，');
            return bits.length ? `${echo ? '' : `${head}，`}${body}` : '';
          })
          .filter(Boolean);
        if (parts.length) out.push(closeSentence(parts.join('；')));
      } else out.push(...[...ids.flatMap(inspection), ...picked.map((t) => measureOf(t, true))].filter(Boolean).map(closeSentence));
      out.push(...leftover.filter((x) => !placed.has(x.打算)).map((x) => x.打算), ...answers);
      return out;
    }
    out.push(...leftover.map((x) => x.打算));
    const left = NEXT_STEPS.most - out.length;
    const others = text.打算.filter((x) => !text.未完打算.some((u) => u.打算 === x) && !x.startsWith('【待填')).map((x) => tellLine(x.replace(/。$/, ''))).filter(Boolean);
    out.push(...others.slice(0, Math.max(0, left)));
    return out;
  }
  themes.filter((t) => t.成效.length || t.成效补充).forEach((t, i) => (t.成效序号 = cnOrdinal(i)));
  themes.filter((t) => t.打算.length).forEach((t, i) => (t.打算序号 = cnOrdinal(i)));
  // What was not reported, by name (报告.未报送任务, for the clerk and other templates): the task, the unit that did
  // not report, and what cooperating units said. The built-in report says it only as a 【待填】 at its place.
  const missing = c
    .filter((x) => x.status === '未报送')
    .map((x) => {
      const leads = x.answers.filter((a) => a.role === '牵头');
      const responsible = (leads.length ? leads : x.answers).filter((a) => !a.reported).map((a) => a.unit);
      const others = x.answers
        .filter((a) => a.reported && (substance(a.progress, x.task) || a.valueText))
        .map((a) => {
          const figure = a.valueText ? `${o.asOf}${a.valueText}${x.targetUnit && !/[%％]$/.test(a.valueText) ? x.targetUnit : ''}` : '';
          const words = closeSentence(substance(a.progress, x.task)).replace(/。$/, '');
          return `${a.role === '配合' ? '配合单位' : ''}${a.unit}报告：${words ? `${words}${figure ? `（${figure}）` : ''}` : figure}`;
        });
      return { 编号: x.clauseId, 任务: x.task, 单位: responsible.join('、'), 配合报告: others.join('；') };
    });
  const silentUnits = [...new Set(missing.flatMap((m) => m.单位.split('、')).filter(Boolean))];
  const period = o.yearEnd ? '年终' : '';
  const taskNames = [...new Set(missing.map((m) => `“${m.任务}”`))];
  const notReported = missing.length
    ? `${silentUnits.join('、')}未报送${period}工作情况，${taskNames.join('、')}${missing.length > 1 ? `等${missing.length}项工作` : ''}的${o.yearEnd ? '完成' : '进展'}情况暂缺，待补报后另行报告。${missing
        .filter((m) => m.配合报告)
        .map((m) => `其中，“${m.任务}”的${m.配合报告}。`)
        .join('')}`
    : '';
  const subjective = o.accepted ? `${gap('主观方面不足')}。` : '';
  // Year-end: always points, by weight (PROBLEM_POINTS, ranked above), the office's own shortcomings closing them.
  const problemPoints = !o.accepted
    ? ''
    : o.yearEnd
      ? // Round twenty (R34 8, R37 7: `此外，【待填：主观方面不足】` tacked on): the office's own shortcomings a numbered point.
        `${printedPoints.map((p, i) => `${cnOrdinal(i)}是${p}`).join('')}${subjective ? (ranked.length ? `${cnOrdinal(printedPoints.length)}是${subjective}` : subjective) : ''}`
      : points.length > 3
        ? ''
        : points.length
          ? [...points, subjective].map((p, i) => `${cnOrdinal(i)}是${p}`).join('')
          : subjective;
  const notDone = themes.flatMap((t) => t.未完成);
  const otherProblems = themes.reduce((k, t) => k + t.问题.length, 0) > notDone.length;
  const counted = [missed.length ? `${missed.length}项主要指标未达到目标` : '', o.yearEnd && notDone.length ? `${notDone.length}项工作未完成` : ''].filter(Boolean).join('，');
  // By theme (more than three points), the missed indicators have no theme: the lead says them by name.
  // By theme, a missed indicator opens the theme its chapters belong to (kpi.ts chaptersOfMetric); one of no theme
  // is said in the lead.
  const homeless: string[] = [];
  if (!problemPoints) {
    missedRows.forEach((row, i) => {
      const home = themes.find((t) => chaptersOfMetric(o.plan, row.名称).some((id) => t.章节.includes(id)));
      if (home) home.问题.unshift(missed[i]!);
      else homeless.push(missed[i]!);
    });
  }
  themes.filter((t) => t.问题.length).forEach((t, i) => (t.问题序号 = cnOrdinal(i)));
  const missedNamed = homeless.join('');
  // Year-end: the points say what fell short; no count of indicators or works before them (round ten).
  const problemLead = o.yearEnd && problemPoints ? PROBLEM_POINTS.opener : counted ? `全年有${counted}${otherProblems ? '，部分工作仍存在困难和问题' : ''}，具体如下：${missedNamed}` : '';
  const closing = o.yearEnd
    ? `${NEXT_OPENING.lead(nextPreamble?.place ?? '', year + 1)}${shortName(o.issuer)}将${(nextPreamble?.guidance && guidanceWords(nextPreamble)) || gap('下一年度工作总体思路')}，落实${gap(`上级${year + 1}年工作部署`)}${NEXT_OPENING.aims(nextAims)}${NEXT_OPENING.tail}`
    : `下一步，${shortName(o.issuer)}将对照《${title}》确定的目标任务，重点抓好以下工作。`;
  return {
    text: {
      主送: gap('主送机关'),
      开头: opening,
      开头批注: o.yearEnd && superiors ? SUPERIORS.note : '',
      指标段: kpi.段,
      // Round fifteen (R10 report 6): at the year's end the annex note closes the KPI paragraph, not a line of its own
      // after the themes; 量化 is then empty (kept for templates of earlier rounds).
      主要指标: o.yearEnd ? `${kpi.指标句}${kpi.量化}` : kpi.指标句,
      // Round eleven: the five years' gap is in the opening (开头); kept for templates of earlier rounds, empty.
      收官: '',
      量化: o.yearEnd ? '' : kpi.量化,
      // An upward report (上行文) is titled `…关于…的报告`; the mid-year one keeps its period in the title.
      标题: o.yearEnd ? `${o.issuer}关于${year}年度工作情况的报告` : `${o.issuer}${year}年${periodWords(o.progress.round).span}工作进展情况报告`,
      发文机关标志: o.settings.issuerMark?.trim() || `${o.issuer}文件`,
      文号: o.yearEnd ? gap('文号') : '',
      签发人: o.yearEnd ? gap('签发人') : '',
      结束语: o.yearEnd ? '特此报告。' : '',
      // The 版记's 印发机关 as the 通报's (GB/T 9704 7.4.2): the issuer's 办公室 unless `config set 印发机关`.
      印发机关: o.settings.printer || (o.issuer.startsWith('【') ? o.issuer : `${o.issuer}办公室`),
      // The bare verdicts (the speech states them in its own words; the report's points add the cause).
      指标未达到: missedRows.map((x) => `${x.名称}为${x.完成值}，${x.结论}（${x.目标}）。`),
      主题: themes.map(({ 未完成: _u, 结转: _j, ...t }) => t),
      未报送: notReported,
      // Year-end: the total is in the opening; a count of the rest tells the superior nothing (R1 finding 1).
      其余完成: quietCount && !o.yearEnd ? `除上述工作外，另有${quietCount}项重点工作已按计划完成。` : '',
      问题要点: problemPoints,
      // By theme (more than three points), the office's own shortcomings close the section, a gap as in the points.
      主观不足: o.accepted && !problemPoints && points.length ? `此外，${subjective}` : '',
      重复表述: [...boiler].map(([表述, 任务]) => ({ 表述, 任务 })),
      无责任单位: o.unassigned ? `另有${o.unassigned}项工作未明确责任单位，未纳入跟踪。` : '',
      问题总述: problemLead,
      滞后: o.yearEnd ? '' : lagWords(n((x) => x.status === '滞后'), n((x) => x.schedule === 'red'), n((x) => x.schedule === 'yellow')),
      打算开头: closing,
      未完成: notDone,
      结转: themes.flatMap((t) => t.结转),
      未报送任务: missing,
    },
    gaps,
    kpi,
    aims,
  };
}

export function buildContext(progress: RoundProgress, plan: Plan, date: string, metrics: Metrics = {}, settings: Settings = {}, nextPlan?: Plan): ReportContext {
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
  const period = periodWords(progress.round);
  const yearEnd = period.kind === 'year';
  const asOf = yearEnd ? '全年' : period.asOf;
  const boilerplate = new Set(boilerplateOf(c).keys());
  const sections = new Map(progress.chapters.map((ch) => [ch.chapterId, sectionText(c.filter((x) => x.chapterId === ch.chapterId), { yearEnd, asOf, boilerplate })]));
  const chapters = progress.chapters.map((ch, i) => {
    const chapter = plan.chapters.find((p) => p.id === ch.chapterId);
    const text = sections.get(ch.chapterId)!;
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
      成效: text.成效,
      问题: text.问题,
      打算: text.打算,
      未完成: text.未完成.length,
      结转: text.结转.length,
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
  const targetsOf = (id: string) => plan.tasks.flatMap((t) => t.clauses).find((cl) => cl.id === id)?.targets ?? [];
  const annexGaps: string[] = [];
  const targets = c
    .filter((x) => x.targetValue !== null)
    .map((x, i) => {
      const a = sourceAnswer(x);
      const unit = a?.valueText && x.targetUnit && !/[%％]$/.test(a.valueText) ? x.targetUnit : '';
      const parts = targetsOf(x.clauseId);
      // With its unit (612个, 5.3%) and its target's verb (下降5.3%), as the target states it; a target of several
      // parts, each part's figure (kpi.ts annexParts).
      const value = a?.valueText ? annexValue(`${a.valueText}${unit}`, parts[0]?.comparator) : '';
      const many = value && parts.length > 1 ? annexParts(value, parts, substance(a?.progress, x.task)) : undefined;
      annexGaps.push(...(many?.待填 ?? []));
      return {
        序号: String(i + 1),
        编号: x.clauseId,
        任务: x.task,
        目标: x.target,
        // Year-end (round fourteen): a count short of its target carries its share, the annex having no 完成度.
        完成值: many?.完成值 || (value && yearEnd && annexShowsShare(x, parts[0]) ? ANNEX_RULES.share(value, percent(x.completion!)) : value) || '未报',
        完成度: x.completion === null || !a?.valueText || (yearEnd && !annexHasCompletion(parts[0])) ? '—' : percent(annexCompletion(x) ?? x.completion),
        // The year-end outcome (完成 / 未完成 / 结转 / 未报送); '' in other rounds.
        结论: annexVerdict(x),
      };
    });
  const data: Record<string, string | number> = { ...Object.fromEntries(Object.entries(stats)), ...Object.fromEntries(Object.entries(metrics).map(([k, v]) => [k, metricValue(v)])) };
  for (const x of c) {
    const a = sourceAnswer(x);
    if (a?.value !== null && a?.value !== undefined) data[`完成值:${x.clauseId}`] = a.value;
  }
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
  const outcomeCount = (o: NonNullable<ClauseProgress['yearEnd']>) => c.filter((x) => x.yearEnd === o).length;
  const yearEndCounts = { 完成: outcomeCount('完成'), 结转: outcomeCount('结转'), 未完成: outcomeCount('未完成') };
  const overall = !accepted
    ? '本轮尚未收到任何单位报送的调度表，以下各项均无报送数据，不能据此判断任务进展。'
    : leadShare < FINDING_RULES.reportedShare
      ? `${leadWord}报送不全（应报${leads.size}家，已报送${leadsReported}家），暂不能对总体进度作出判断。`
      : yearEnd
        ? // A year has no 序时: the year-end verdict says what was done and what was not.
          `已报送的${reportedClauses.length}个条目中，完成${yearEndCounts.完成}个，结转下一年度${yearEndCounts.结转}个，未完成${yearEndCounts.未完成}个。`
        : scheduleShare >= FINDING_RULES.onScheduleShare
        ? `已报送的${reportedClauses.length}个条目中，已完成或按序时推进的${onSchedule}个，总体按计划推进。`
        : `已报送的${reportedClauses.length}个条目中，已完成或按序时推进的${onSchedule}个，${behindCount}个条目落后序时进度，总体进度需加快。`;
  const issuer = settings.issuer || plan.issuer.trim() || progress.issuer.trim() || displayIssuer(plan);
  const report = reportText({ progress, plan, clauses: c, unassigned: unassigned.length, settings, metrics, yearEnd, asOf, issuer, accepted, leadShare, leads: { total: leads.size, reported: leadsReported }, scheduleShare, behindCount, reserved: new Set(Object.keys(stats)), nextPlan, sections });
  // The annex's 主要指标 (R2 report 2): each stated figure with a target, before the quantified targets.
  const compared = report.kpi.指标.filter((x) => x.目标 && x.结论 !== '—').map((x, i) => ({ 序号: String(i + 1), 指标: x.名称, 目标: x.目标, 完成值: x.完成值, 结论: x.结论.startsWith('未达到') ? '未达到' : '达到' }));
  for (const x of report.aims) if (x.完成值.startsWith('【待填：')) annexGaps.push(x.完成值.slice(4, -1));
  stats.年终完成 = yearEndCounts.完成;
  stats.年终未完成 = yearEndCounts.未完成;
  stats.结转 = yearEndCounts.结转;
  const emptyChapters = chapters.filter((ch) => ch.条目数 > 0 && ch.成效.length === 0).map((ch) => `“${ch.标题}”`);
  const anyProblems = chapters.some((ch) => ch.问题.length);
  return {
    // A document never goes out unsigned by mistake: no known issuer is a visible gap to fill.
    机关: issuer,
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
      滞后: yearEnd ? (stats.年终未完成 ? `${stats.年终未完成}个条目年内未完成，` : '') : lagSentence(count('滞后'), stats.红色 as number, stats.黄色 as number),
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
    指标对比: compared,
    质量: report.kpi.质量.map((x) => ({ 方面: x.head, 内容: x.text })),
    // Annex 一 (R34H): the compared indicators, then the year's 主要任务目标 no indicator states (kpi.ts aimRows).
    附件指标: [...compared, ...report.aims.map((x, i) => ({ 序号: String(compared.length + i + 1), ...x }))],
    指标: plan.indicators.map((ind) => ({
      序号: ind.id,
      名称: ind.name,
      单位: ind.unit,
      基期值: ind.baseline || '—',
      目标值: ind.target || '—',
      属性: ind.attribute,
      完成值: metrics[ind.name] !== undefined ? String(metricValue(metrics[ind.name]!)) : '—',
    })),
    数据: data,
    报告: report.text,
    待填: [...new Set([...report.gaps, ...annexGaps])],
  };
}

/** The variables templates can use, for `report --list-variables`: the context schema's, then the documents' own. */
export const VARIABLES: [string, string][] = [...listVariables(), ...DOCUMENT_VARIABLES];
