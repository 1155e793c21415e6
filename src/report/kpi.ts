// The KPI paragraph a year-end report opens 一、 with: the plan's indicators with the values the office supplies
// (--metrics), each against its target, and the clauses' quantified targets against the reported figures. What
// neither gives is a visible 【待填】, listed, never invented.
import type { Plan } from '../model/plan.ts';
import { escapeRe, LEAD_VERBS } from './synthesis.ts';
import type { ClauseProgress } from '../model/progress.ts';
import { comparatorRule, type TargetKind } from '../model/comparator.ts';
import type { Metric, Metrics } from '../model/metrics.ts';
import type { IssuedIndicator, ReportedIndicator } from '../model/indicators.ts';

/** Which way an indicator is met, from its target's words first, then from its name. */
export const DIRECTION_RULES = {
  atMostWords: /≤|<|＜|以下|不高于|不超过|以内|控制在/,
  atLeastWords: /≥|>|＞|以上|不低于|不少于|达到/,
  /** Names of indicators where less is better (concentrations, emissions, intensities, bad days…). */
  lowerIsBetter: /浓度|排放|能耗|强度|重污染|劣[ⅤV五]|超标|事件|风险|损失/,
} as const;

const firstNumber = (s: string): number | null => {
  const m = /-?\d+(?:\.\d+)?/.exec(s);
  return m ? Number(m[0]) : null;
};

/** Whether a target is a ceiling (`不高于42`, `控制在37…以内`), by its words first, then by its indicator's name. */
function isCeiling(name: string, target: string): boolean {
  return DIRECTION_RULES.atMostWords.test(target) || (!DIRECTION_RULES.atLeastWords.test(target) && DIRECTION_RULES.lowerIsBetter.test(name));
}

/** Whether a value meets an indicator's target: true, false, or null when the target gives no figure to compare. */
export function meetsTarget(name: string, target: string, value: number): boolean | null {
  const t = firstNumber(target);
  if (t === null) return null;
  return isCeiling(name, target) ? value <= t : value >= t;
}

/**
 * A next year's aim for an indicator against this year's value (`控制在37微克/立方米以内` after 36): whether the aim is a
 * ceiling, whether the value already meets it, and whether it beats it with margin. The report's 下一步 and the speech's
 * 形势 both word an aim by this: one short of the value is raised to, one the value beats is left to the plan (R12: a goal
 * of holding the value would be a commitment no plan or unit wrote).
 */
export function aimAgainstValue(name: string, aim: string, year: { 完成值: string }): { atMost: boolean; meets: boolean; margin: boolean } | null {
  const [target, value] = [firstNumber(aim), firstNumber(year.完成值)];
  if (target === null || value === null) return null;
  const atMost = isCeiling(name, aim);
  return { atMost, meets: atMost ? value <= target : value >= target, margin: atMost ? value < target : value > target };
}

export interface KpiParagraph {
  段: string;
  /** The figures alone (段 without its 量化任务 sentence): the year-end report states them first. */
  指标句: string;
  /** The quantified targets' count as a sentence of its own (those done beyond target named): the year-end report says it after the themes. */
  量化: string;
  待填: string[];
  /** Each figure the paragraph states, for the 汇总表 and tests. */
  指标: { 名称: string; 目标: string; 完成值: string; 结论: string }[];
  /** The quality outcomes told after the figures (QUALITY_FACTS), each with the unit's clause it comes from. */
  质量: QualityFact[];
}

/** `≤42` with its unit as a sentence says it: `不高于42微克/立方米`; a target in words is kept as written. */
export function targetWords(target: string, unit: string, atMost: boolean): string {
  const t = target.trim();
  const m = /^(≤|<|＜|≥|>|＞)?\s*(-?\d+(?:\.\d+)?)\s*([%％]?)$/.exec(t);
  if (!m) return t;
  // A bare 100% asks for all: `不低于100%` says it awkwardly.
  if (!m[1] && m[3] && Number(m[2]) === 100) return '100%';
  const word = m[1] ? (/[≤<＜]/.test(m[1]) ? '不高于' : '不低于') : atMost ? '不高于' : '不低于';
  return `${word}${m[2]}${m[3] || unit}`;
}

/** A value that is its target's whole (100%): the sentence says it is kept (`保持100%`), with no bracketed target. */
export const FULL_MARK = /^100(\.0+)?[%％]$/;
export const FULL_MARK_VERB = '保持';

/**
 * One figure as the paragraph states it: `细颗粒物（PM2.5）平均浓度为38微克/立方米，达到省考核要求（不高于42微克/立方米）`.
 * Value, unit and target are the inputs as given; the verdict is `meetsTarget`'s. Without a target, the value alone.
 */
export function figureWords(name: string, raw: Metric, plan?: { unit: string; target: string }): { text: string; row: KpiParagraph['指标'][number] } {
  const spec = typeof raw === 'object' ? raw : { 值: raw };
  const value = typeof spec.值 === 'number' ? spec.值 : firstNumber(String(spec.值));
  const unitOf = spec.单位 ?? plan?.unit ?? '';
  const unit = unitOf && !/[%％]$/.test(String(spec.值)) ? unitOf : '';
  const target = spec.目标 ?? plan?.target ?? '';
  const met = value === null || !target ? null : meetsTarget(name, target, value);
  const atMost = !!target && (DIRECTION_RULES.atMostWords.test(target) || (!DIRECTION_RULES.atLeastWords.test(target) && DIRECTION_RULES.lowerIsBetter.test(name)));
  const basis = spec.依据?.trim() || '目标';
  const verdict = met === null ? '' : `${met ? '达到' : '未达到'}${basis}`;
  const aim = target ? targetWords(target, unitOf, atMost) : '';
  // A value equal to its target of all (100% against 100%) is kept, and the target is not said again (R2 report 5).
  const shown = `${spec.值}${unit}`;
  const full = met === true && aim === shown && FULL_MARK.test(shown);
  const text = full ? `${name}${FULL_MARK_VERB}${shown}，${verdict}` : `${name}为${shown}${verdict ? `，${verdict}${aim === shown ? '' : `（${aim}）`}` : aim ? `（目标${aim}）` : ''}`;
  return { text, row: { 名称: name, 目标: aim, 完成值: `${spec.值}${unit}`, 结论: verdict || '—' } };
}

/**
 * A clause done beyond its target (5.3% against 下降5%, 42% against 40%以上): its reported value passes the target's
 * number in the target's direction (`以内`, `不超过`, `≤`: below). Its 结论 in the annex says 超额完成.
 */
export function exceeded(c: ClauseProgress): boolean {
  const value = c.answers.find((a) => a.unit === c.source)?.value;
  if (c.targetValue === null || value === null || value === undefined) return false;
  const lower = /以内|以下|不超过|不高于|≤|控制在/.test(c.target);
  return lower ? value < c.targetValue : value > c.targetValue;
}

/**
 * The annex's 完成度 (round ten): a value past its target is shown past 100% (5.3% against 下降5% → 106%, 42% against
 * 40%以上 → 105%), so that 超额完成 never stands beside 100%; otherwise the share as consolidated (capped).
 */
export function annexCompletion(c: ClauseProgress): number | null {
  const value = c.answers.find((a) => a.unit === c.source)?.value;
  if (c.completion === null || value === null || value === undefined || c.targetValue === null || !exceeded(c)) return c.completion;
  const lower = /以内|以下|不超过|不高于|≤|控制在/.test(c.target);
  return lower ? (value > 0 ? c.targetValue / value : null) : c.targetValue > 0 ? value / c.targetValue : null;
}

/** The annex's 完成值 in its target's words: a reduction or a rise says so (`下降5.3%`), as its target does. */
export const ANNEX_VALUE_VERBS: readonly { kind: TargetKind; verb: string }[] = [
  { kind: 'reduce', verb: '下降' },
  { kind: 'increase', verb: '提高' },
];
export function annexValue(valueText: string, comparator: string | undefined): string {
  const verb = comparator === undefined ? undefined : ANNEX_VALUE_VERBS.find((v) => v.kind === comparatorRule(comparator).kind)?.verb;
  return verb && !valueText.startsWith(verb) ? `${verb}${valueText}` : valueText;
}

/**
 * Round thirteen (R8 report 5): a target stated as a percent that a value passes or holds (`下降5%`, `保持在40%以上`) has no
 * 完成度 in the annex (a percent of a percent reads oddly): `—`, its 结论 (超额完成 / 完成) saying it all.
 */
export const ANNEX_NO_COMPLETION: readonly TargetKind[] = ['reduce', 'increase', 'atLeast', 'atMost'];
export function annexHasCompletion(target: { unit: string; comparator: string } | undefined): boolean {
  return !target || !/^[%％]$/.test(target.unit) || !ANNEX_NO_COMPLETION.includes(comparatorRule(target.comparator).kind);
}

/**
 * Round fourteen (R9 report 9): the annex has no 完成度 column (its mixed `—` and % read inconsistent). A count target
 * short of it carries its share in 完成值 (`612个（92.7%）`); a target that asks to hold a level (`保持在40%以上`) met is
 * 完成, never 超额完成; one passed in its direction (5.3% against 下降5%) stays 超额完成.
 */
export const ANNEX_RULES = { hold: /保持/, share: (value: string, share: string) => `${value}（${share}）` } as const;
/** Whether the annex's 完成值 carries its share: a count target (no percent) reported short of it. */
export function annexShowsShare(c: Pick<ClauseProgress, 'completion'>, target: { unit: string; comparator: string } | undefined): boolean {
  return c.completion !== null && c.completion < 1 && !!target && !/[%％]/.test(target.unit);
}
/** The annex's 结论 at the year's end: 超额完成 only for a target passed, not one held (ANNEX_RULES.hold). */
export function annexVerdict(c: ClauseProgress): string {
  return c.yearEnd === '完成' && exceeded(c) && !ANNEX_RULES.hold.test(c.target) ? '超额完成' : (c.yearEnd ?? '');
}

/** The longest run of characters two texts share (quotes aside): how a reported clause is told to a target's part. */
function sharedRun(a: string, b: string): number {
  const x = a.replace(/[“”‘’()（）]/g, '');
  const y = b.replace(/[“”‘’()（）]/g, '');
  let best = 0;
  for (let i = 0; i < x.length; i++) for (let j = i + best + 1; j <= x.length && y.includes(x.slice(i, j)); j++) best = j - i;
  return best;
}

/**
 * The annex's 完成值 for a target of several parts (round thirteen, R8 report 5: `完成78家…监督性监测；完成40家…“回头看”`):
 * the reported value for the first (the sheet's 完成值), then each later part's figure from the clause of the lead's text
 * that speaks of it (the part it shares the longest run with, a figure in the part's unit: `40家单位…“回头看”全部完成`),
 * joined with ；. A part no clause states is a 【待填】 naming it, never a figure guessed.
 */
export const ANNEX_PART_GAP = (words: string) => `${words.replace(/^(组织|推动|督促)?(完成|实现|开展)/, '')}完成值`;
export function annexParts(first: string, targets: readonly { value: number; unit: string; words: string }[], progress: string): { 完成值: string; 待填: string[] } {
  const clauses = progress.split(/[。；，,;]/).map((c) => c.trim()).filter(Boolean);
  const gaps: string[] = [];
  const values = targets.slice(1).map((t, k) => {
    const figure = new RegExp(`(\\d+(?:\\.\\d+)?)${escapeRe(t.unit)}`);
    const own = clauses.filter((c) => figure.test(c) && targets.every((o, i) => i === k + 1 || sharedRun(c, o.words) < sharedRun(c, t.words)));
    const best = own.sort((a, b) => sharedRun(b, t.words) - sharedRun(a, t.words))[0];
    if (best) return `${figure.exec(best)![1]}${t.unit}`;
    const gap = ANNEX_PART_GAP(t.words);
    gaps.push(gap);
    return `【待填：${gap}】`;
  });
  return { 完成值: [first, ...values].join('；'), 待填: gaps };
}

/** The year-end report's pointer to its annex (the 主要指标 and the quantified targets in one attachment). */
export const ANNEX_TITLE = '主要指标和量化目标完成情况';
export const ANNEX_NOTE = `${ANNEX_TITLE}见附件。`;

/**
 * The paragraph: `主要指标方面，细颗粒物（PM2.5）平均浓度为38微克/立方米，达到省考核要求（不高于42微克/立方米）；…。
 * 量化任务方面，全年N项量化目标中，达到目标M项；未达到K项。` A clause counts as met by its year-end outcome (完成), not
 * by a reading of its own here.
 */
export function indicatorParagraph(plan: Plan, clauses: ClauseProgress[], metrics: Metrics, o: { yearEnd: boolean; asOf: string; reserved: Set<string>; quality?: readonly { chapter: string; text: string }[] }): KpiParagraph {
  const out: KpiParagraph = { 段: '', 指标句: '', 量化: '', 待填: [], 指标: [], 质量: [] };
  const parts: string[] = [];
  const stated: { name: string; text: string }[] = [];
  const unknown: string[] = [];
  for (const ind of plan.indicators) {
    const raw = metrics[ind.name];
    if (raw === undefined || raw === '') {
      unknown.push(ind.name);
      continue;
    }
    const f = figureWords(ind.name, raw, ind);
    stated.push({ name: ind.name, text: f.text });
    out.指标.push(f.row);
  }
  // Figures the office supplied that are no indicator of the plan and no figure of ours: stated as given.
  const names = new Set(plan.indicators.map((i) => i.name));
  for (const [k, v] of Object.entries(metrics)) {
    if (names.has(k) || o.reserved.has(k) || k.startsWith('完成值:')) continue;
    // An indicator issued to a unit that did not report it (mergeIndicatorValues): a gap, as a plan's is.
    if (v === '' || (typeof v === 'object' && v.值 === '')) {
      unknown.push(k);
      continue;
    }
    const f = figureWords(k, v);
    stated.push({ name: k, text: f.text });
    out.指标.push(f.row);
  }
  // The year's quality outcomes the units reported, for the topics no figure states (QUALITY_FACTS).
  out.质量 = o.yearEnd && stated.length && o.quality && stated.every((x) => metricTopic(x.name)) ? qualityFacts(o.quality, new Set(stated.map((x) => metricTopic(x.name)?.head ?? ''))) : [];
  if (stated.length) parts.push(...figuresByTopic([...stated, ...out.质量.map((x) => ({ name: '', text: x.text, head: x.head }))]));
  if (unknown.length) {
    const gap = `${unknown.length > 3 ? `${unknown.slice(0, 3).join('、')}等${unknown.length}项指标` : unknown.join('、')}${o.yearEnd ? '全年' : ''}完成值`;
    parts.push(`${stated.length ? '' : '主要指标方面，'}【待填：${gap}】`);
    out.待填.push(gap);
  }
  if (!plan.indicators.length && !stated.length && o.yearEnd) {
    const gap = '空气质量、水环境质量等主要指标全年完成情况';
    parts.push(`【待填：${gap}】`);
    out.待填.push(gap);
  }
  // The indicators' sentence, before any count of quantified targets joins the paragraph.
  out.指标句 = parts.length ? `${parts.join('。')}。`.replace(/。。$/, '。') : '';
  const quantified = clauses.filter((c) => c.targetValue !== null && c.answers.length > 0);
  if (quantified.length) {
    const done = o.yearEnd ? quantified.filter((c) => c.yearEnd === '完成') : quantified.filter((c) => c.completion !== null && c.completion >= 1);
    const short = quantified.filter((c) => c.shortfall && (o.yearEnd ? c.yearEnd === '未完成' : true));
    const carried = o.yearEnd ? quantified.filter((c) => c.yearEnd === '结转') : [];
    const silent = quantified.filter((c) => c.status === '未报送');
    const rest = quantified.length - done.length - short.length - carried.length - silent.length;
    const bits = [`${o.yearEnd ? '全年' : o.asOf}${quantified.length}项量化目标中，达到目标${done.length}项`];
    // The tasks by name and their shortfalls are in the annex and under 存在问题; the paragraph only counts.
    if (short.length) bits.push(`${o.yearEnd ? '未达到' : '尚未达到'}${short.length}项`);
    if (carried.length) bits.push(`转入下一年度继续推进${carried.length}项`);
    if (rest > 0) bits.push(`${rest}项未报告完成值`);
    if (silent.length) bits.push(`${silent.length}项未报送`);
    parts.push(`量化任务方面，${bits.join('，')}`);
    // Year-end (R3/R4 report: a tally of the tool's own 量化目标 reads as no bureau's language, and the missed ones are
    // under 存在问题): the body points to the annex, whose tables hold every figure (超额完成 there); mid-year keeps the count.
    out.量化 = o.yearEnd ? ANNEX_NOTE : `量化任务方面，${bits.join('，')}。`;
  }
  out.段 = parts.length ? `${parts.join('。')}。`.replace(/。。$/, '。') : '';
  return out;
}

/**
 * The merge step before the paragraph: the figures the office supplied (--metrics, the 报告 page's 补充数据) and the
 * values units reported on their 指标 sheets (the round's accepted submissions in force), one figure per indicator.
 * The office's value wins over a unit's, and `notes` says so for each; a unit's value is stated with the unit of
 * measure, target and 依据 its 指标 sheet was issued with. An indicator issued and not reported is kept as '' (a
 * 【待填】 gap), unless the plan's own indicator table lists it (indicatorParagraph names those gaps already).
 */
export function mergeIndicatorValues(
  office: Metrics,
  issued: IssuedIndicator[],
  reported: ReportedIndicator[],
  planIndicators: ReadonlySet<string> = new Set(),
): { metrics: Metrics; notes: string[]; fromUnits: string[] } {
  const metrics: Metrics = { ...office };
  const notes: string[] = [];
  const fromUnits: string[] = [];
  const given = (m: Metric | undefined) => m !== undefined && m !== '' && !(typeof m === 'object' && m.值 === '');
  for (const ind of issued) {
    const own = reported.find((r) => r.name === ind.name && r.unit === ind.unit && r.valueText !== null);
    const issuedSpec = { ...(ind.measure ? { 单位: ind.measure } : {}), ...(ind.target ? { 目标: ind.target } : {}), ...(ind.basis ? { 依据: ind.basis } : {}) };
    if (given(office[ind.name])) {
      const value = office[ind.name]!;
      const shown = typeof value === 'object' ? value.值 : value;
      // The office's figure, against the target the 指标 sheet was issued with where the office gives none.
      metrics[ind.name] = typeof value === 'object' ? { ...issuedSpec, ...value } : { 值: value, ...issuedSpec };
      notes.push(
        own
          ? `指标“${ind.name}”采用补充数据中的数值 ${shown}，${ind.unit}报送的 ${own.valueText} 未采用。`
          : `指标“${ind.name}”采用补充数据中的数值 ${shown}（${ind.unit}未报送）。`,
      );
      continue;
    }
    if (!own) {
      if (!planIndicators.has(ind.name)) metrics[ind.name] = '';
      continue;
    }
    // A percentage written `64.2%` with no unit of measure issued keeps its sign; otherwise the figure and its unit.
    const value = own.value === null ? own.valueText! : !ind.measure && /[%％]$/.test(own.valueText!) ? own.valueText! : own.value;
    metrics[ind.name] = { 值: value, ...issuedSpec };
    fromUnits.push(`${ind.name}（${ind.unit}报送：${own.valueText}）`);
  }
  return { metrics, notes, fromUnits };
}

/**
 * Which plan chapters answer for an indicator, by the topic both name (空气 → 蓝天/大气…): the one rule by which the
 * report's 下一步, the 通报's commendations and the speech's deployment tie a missed indicator to its work. Rules as
 * data, first match wins; an indicator of no listed topic answers to no chapter (and nothing is said of it). `head`
 * is how the seed report heads the topic's figures (空气质量方面，…) and names it as a problem's subject.
 */
export const METRIC_TOPICS: readonly { topic: string; head: string; metric: RegExp; chapter: RegExp }[] = [
  { topic: '大气', head: '空气质量', metric: /空气|PM2\.5|PM10|颗粒物|优良天|重污染|臭氧|二氧化氮|二氧化硫|降尘/i, chapter: /蓝天|大气|空气/ },
  { topic: '水', head: '水环境质量', metric: /断面|水质|水体|饮用水|地表水|地下水水质|黑臭|入海|总氮|总磷/, chapter: /碧水|水环境|水污染|河湖|水生态/ },
  { topic: '土壤', head: '土壤环境质量', metric: /土壤|建设用地|受污染耕地|安全利用|地下水/, chapter: /净土|土壤/ },
  { topic: '噪声', head: '声环境质量', metric: /噪声|声环境/, chapter: /噪声|声环境|宁静/ },
  { topic: '固废', head: '固体废物', metric: /固体废物|固废|危险废物|无废/, chapter: /固体废物|无废|新污染物/ },
  { topic: '气候', head: '应对气候变化', metric: /碳排放|二氧化碳|能耗|碳强度/, chapter: /碳达峰|碳中和|低碳|气候/ },
  { topic: '生态', head: '生态质量', metric: /生态质量|生态保护红线|EQI|森林|湿地|自然保护地/i, chapter: /生态系统|生态保护|生物多样性/ },
];
/** The topic an indicator belongs to by its name (METRIC_TOPICS), if any. */
export const metricTopic = (name: string) => METRIC_TOPICS.find((t) => t.metric.test(name));

/** The chapters (ids) that answer for an indicator; empty when its topic is unknown or no chapter names it. */
export function chaptersOfMetric(plan: Pick<Plan, 'chapters'>, name: string): string[] {
  const rule = metricTopic(name);
  if (!rule) return [];
  return plan.chapters.filter((c) => rule.chapter.test(c.title)).map((c) => c.id);
}

/**
 * Round twenty-one (R45 2, R46 1: `主要指标方面` told the air alone, while the seed report gives 空气质量方面, 水环境质量方面
 * and 土壤环境质量方面, and the units had reported the water and soil outcomes in the body): at the year's end, a topic of
 * `topics` that no figure of the paragraph states is told by the quality outcomes its lead units reported of clauses
 * they completed (a water class kept, a rate kept or reached, a standard met: `outcome`), in their own words and in the
 * plan's order, at most `most` a topic. A clause's topic is its chapter's (METRIC_TOPICS.chapter: groundwater under 净土
 * is soil's), else its own words'. The body does not tell them again (context.ts teller).
 */
export const QUALITY_FACTS = {
  topics: ['水', '土壤'],
  most: 4,
  outcome:
    /(?:水质|浓度|安全利用率|达标率|优良(?:水体)?比例)[^，；。]*?(?:保持|达到|优于)[^，；。]*?(?:[ⅠⅡⅢ]+类|\d+(?:\.\d+)?%|考核要求|标准)|(?:水质|浓度)[^，；。]*?(?:全部|均)(?:达标|达到[^，；。]*考核要求)/,
  /** An outcome over a change (`同比提高…`) or still to come (`力争…`) is no state reached. */
  not: /同比|较上年|力争|争取|预计/,
  /**
   * A clause naming what it is about by kind alone (`点位水质…`, `2个断面水质…`) takes the count and name a clause before
   * it gave them (`每季度对13个国控地下水考核点位开展…` → `13个国控地下水考核点位水质…`).
   */
  bare: /^(\d+个)?(断面|点位)/,
  named: /(\d+个)((?:[\u4e00-\u9fa5]{0,12}?)(?:断面|点位))/g,
  /**
   * R47 3, R48 1 (`2个国控断面水质…` read as the city having two): the names listed before that count come with it
   * (`编制徒骇河刘成桥、北大沙河入黄河口2个国控断面…` → `徒骇河刘成桥、北大沙河入黄河口2个国控断面水质…`), its verb left.
   */
  names: /((?:[\u4e00-\u9fa5]{2,12}、)+[\u4e00-\u9fa5]{2,12})$/,
  /** The verb the listing clause opens with (synthesis.ts LEAD_VERBS), left out of the names. */
  verb: new RegExp(`^(?:${LEAD_VERBS.join('|')})`),
} as const;

/** One quality outcome: the topic's head (`水环境质量`), the words told and the unit's clause they come from. */
export interface QualityFact {
  head: string;
  text: string;
  clause: string;
}

/** The quality outcomes of the units' reports (QUALITY_FACTS), topic by topic; `known` the heads the figures state. */
export function qualityFacts(reports: readonly { chapter: string; text: string }[], known: ReadonlySet<string> = new Set()): QualityFact[] {
  const Q = QUALITY_FACTS;
  const out: QualityFact[] = [];
  for (const r of reports) {
    for (const sentence of r.text.split(/[。；]/)) {
      const clauses = sentence.split('，').map((x) => x.trim());
      clauses.forEach((clause, at) => {
        if (!Q.outcome.test(clause) || Q.not.test(clause)) return;
        const topic = METRIC_TOPICS.find((t) => t.chapter.test(r.chapter)) ?? metricTopic(clause);
        if (!topic || !(Q.topics as readonly string[]).includes(topic.topic) || known.has(topic.head)) return;
        let text = clause;
        const bare = Q.bare.exec(clause);
        if (bare) {
          const before = clauses.slice(0, at).reverse().flatMap((c) => [...c.matchAll(Q.named)]).find((m) => m[2]!.endsWith(bare[2]!) && (!bare[1] || m[1] === bare[1]));
          if (!before) return;
          const listed = Q.names.exec(before.input!.slice(0, before.index))?.[1]?.replace(Q.verb, '') ?? '';
          text = `${listed}${before[1]}${before[2]!.replace(/^.*?(国控|省控|市控)/, '$1')}${clause.slice(bare[0].length)}`;
        }
        if (out.filter((x) => x.head === topic.head).length < Q.most && !out.some((x) => x.text === text)) out.push({ head: topic.head, text, clause });
      });
    }
  }
  // The topics in METRIC_TOPICS' order (水 before 土壤), each in the plan's.
  return METRIC_TOPICS.flatMap((t) => out.filter((x) => x.head === t.head));
}

/**
 * The stated figures as sentences: one per topic (`空气质量方面，…；…`) when they span two topics or more and every
 * figure has one, as the seed report writes them; else one sentence under `主要指标方面`.
 */
export function figuresByTopic(stated: { name: string; text: string; head?: string }[]): string[] {
  // Grouped by head (METRIC_TOPICS, in the order met); '' for a figure of no known topic.
  const groups = new Map<string, string[]>();
  for (const s of stated) {
    const head = s.head ?? metricTopic(s.name)?.head ?? '';
    groups.set(head, [...(groups.get(head) ?? []), s.text]);
  }
  if (groups.size < 2 || groups.has('')) return [`主要指标方面，${stated.map((s) => s.text).join('；')}`];
  // `空气质量方面，综合指数为4.59`: a figure named by its head's words is not named by them twice.
  const unheaded = (head: string, text: string) => (text.startsWith(head) && text.length > head.length + 2 ? text.slice(head.length) : text);
  // A topic told by quality outcomes alone (QUALITY_FACTS, a clause each) runs on with `，`, as the seed's 水环境质量方面，
  // …全部达标，…保持100%; figures with their verdicts are parted by `；`.
  const outcomes = new Set(stated.filter((s) => s.head).map((s) => s.head!));
  const figures = new Set(stated.filter((s) => !s.head).map((s) => metricTopic(s.name)?.head ?? ''));
  return [...groups].map(([head, texts]) => `${head}方面，${texts.map((t) => unheaded(head, t)).join(outcomes.has(head) && !figures.has(head) ? '，' : '；')}`);
}

/**
 * R34H (R32, R33 report: annex 一 lacked the plan's 总量控制 and 碳排放控制 targets and its 环境安全形势总体保持稳定;
 * nothing dropped means every 主要任务目标 the plan states is accounted for). The year's 主要任务目标 (its preamble,
 * speech.ts readPreamble) as annex rows: an aim of a list (`完成省下达的环境质量改善、总量控制、碳排放控制目标`) one row per
 * item (`总量控制` | `完成省下达的目标`), any other aim one row, its subject before its predicate (`环境安全形势` | `总体保持
 * 稳定`). An aim is accounted for by an indicator of the KPI paragraph (plan, --metrics, or a unit's 指标 report, as
 * merged) whose name, its measure word aside (`重点建设用地安全利用率`), is the aim's subject or holds it, never by any
 * clause's prose; the 环境质量 item by the indicators of an environmental-quality topic (METRIC_TOPICS head `…质量`).
 * An indicator already a row with its verdict leaves the aim out; one with a value and no target gives the row its
 * value; none gives a 【待填】, which `report` lists.
 */
export const ANNEX_AIMS = {
  list: /^(?:完成|实现)((?:国家|省|市)下达的)(.+)目标$/,
  /** Where a whole aim's subject ends: `环境安全形势` before `总体保持稳定`, `重点建设用地安全利用` before `得到有效保障`. */
  predicate: /(得到|总体|保持|持续|达到|控制在|不低于|不高于|不超过)/,
  /** An indicator's name without its measure word. */
  stem: /(率|比例|比率|目标|完成情况)$/,
  /** The item the environmental-quality indicators state. */
  quality: /环境质量/,
  /** A topic of environmental quality, by its head (METRIC_TOPICS). */
  qualityHead: /质量$/,
  /** What the clerk fills: `总量控制目标完成情况`; for a whole aim its question (`环境安全形势是否总体保持稳定`). */
  gap: (item: { name: string; target: string; listed: boolean }) => (item.listed ? `${item.name}目标完成情况` : `${item.name}是否${item.target}`),
  /**
   * Round twenty (R36 1, R37 1, R38 1: the body says `完成省下达的年度减排目标任务` while the row 总量控制 asks 【待填】): a
   * listed aim (`完成省下达的…目标`) a lead unit reported done in the aim's own terms — the same superior's target of
   * its kind (`减排` is the 总量控制 target's) — is 完成, 达到. Only these words; never a clause's prose matched loosely.
   */
  reported: [
    { aim: /总量控制/, said: /完成(国家|省|市)下达的[^，。；]{0,8}(?:减排|总量(?:控制|减排)?)[^，。；]{0,4}目标(?:任务)?/ },
    { aim: /碳排放控制/, said: /完成(国家|省|市)下达的[^，。；]{0,8}碳排放(?:控制|强度下降)?[^，。；]{0,4}目标(?:任务)?/ },
  ] as readonly { aim: RegExp; said: RegExp }[],
  done: { 完成值: '完成', 结论: '达到' },
  /**
   * R45 1, R46 2 (the row 重点建设用地安全利用 asked 【待填】 while the body says `重点建设用地安全利用率保持100%`): a whole aim
   * (`…得到有效保障`) whose rate a lead unit reported in the aim's own name (`<aim>率保持100%`) takes that rate as its
   * value; a full rate meets it (达到), any other is left for the clerk to judge (—).
   */
  rate: (name: string) => new RegExp(`${escapeRe(name)}率(?:保持|达到|为)(?:在)?(\\d+(?:\\.\\d+)?%)`),
  full: '100%',
  /** The value names its rate by the aim's last words (`安全利用率100%`), the row naming the rest. */
  rateName: 4,
} as const;

/** Whether an indicator is of an environmental-quality topic (METRIC_TOPICS head `…质量`). */
export const qualityIndicator = (name: string) => ANNEX_AIMS.qualityHead.test(metricTopic(name)?.head ?? '');

export interface AimRow {
  指标: string;
  目标: string;
  完成值: string;
  结论: string;
}

/** The year's aims not yet rows of annex 一 (ANNEX_AIMS), each with its value where an indicator gives it, else a 【待填】. */
export function aimRows(aims: readonly string[], rows: KpiParagraph['指标'], reported: readonly string[] = []): AimRow[] {
  const judged = (r: KpiParagraph['指标'][number]) => !!r.目标 && r.结论 !== '—';
  const items = aims.flatMap((aim) => {
    const list = ANNEX_AIMS.list.exec(aim);
    if (list) return list[2]!.split('、').map((x) => ({ name: x.trim(), target: `完成${list[1]}目标`, listed: true }));
    const at = ANNEX_AIMS.predicate.exec(aim)?.index ?? 0;
    return at > 0 ? [{ name: aim.slice(0, at), target: aim.slice(at), listed: false }] : [{ name: aim, target: aim, listed: false }];
  });
  const out: AimRow[] = [];
  for (const item of items.filter((x) => x.name)) {
    if (ANNEX_AIMS.quality.test(item.name) && rows.some((r) => judged(r) && qualityIndicator(r.名称))) continue;
    const stating = rows.filter((r) => {
      const stem = r.名称.replace(ANNEX_AIMS.stem, '');
      return stem.length >= 2 && (item.name.includes(stem) || r.名称.includes(item.name));
    });
    if (stating.some(judged)) continue;
    const stated = stating.find((r) => r.完成值);
    // Reported done in the aim's terms, by the same superior (`省下达的` in both).
    const superior = /(国家|省|市)下达的/.exec(item.target)?.[1];
    const rule = item.listed && !stated ? ANNEX_AIMS.reported.find((r) => r.aim.test(item.name)) : undefined;
    const said = rule && reported.some((t) => rule.said.exec(t)?.[1] === superior);
    if (said) {
      out.push({ 指标: item.name, 目标: item.target, ...ANNEX_AIMS.done });
      continue;
    }
    const rate = !item.listed && !stated ? reported.map((t) => ANNEX_AIMS.rate(item.name).exec(t)?.[1]).find(Boolean) : undefined;
    if (rate) {
      out.push({ 指标: item.name, 目标: item.target, 完成值: `${item.name.slice(-ANNEX_AIMS.rateName)}率${rate}`, 结论: rate === ANNEX_AIMS.full ? '达到' : '—' });
      continue;
    }
    out.push({ 指标: item.name, 目标: item.target, 完成值: stated?.完成值 || `【待填：${ANNEX_AIMS.gap(item)}】`, 结论: '—' });
  }
  return out;
}
