// How units' texts become a report's sentences: what counts as filler, how several units' words on one task are
// joined, how a chapter's imperative title becomes an evaluative heading, and which tool words a document for
// leadership never uses. Rules as data, in one place; context.ts applies them, templates only lay out.

import type { HeadingState } from '../model/report-context.ts';

/**
 * Phrases that say nothing a reader can use: a part of a sentence (between ，；。) that is one of these in full is
 * left out. A text left empty contributes nothing; its clause is still accounted for by its status.
 */
export const FILLER: readonly RegExp[] = [
  /^(无|暂无|没有|无问题|暂无问题|不涉及|\/|—|-)$/,
  /^(继续|持续)?(认真)?(做好|抓好)?(相关)?配合(做好)?(相关)?(工作)?$/,
  /^(按|依)(照)?(计划|要求|序时|进度)(有序|稳步|正常)?推进(中)?(相关工作)?$/,
  /^(工作|各项工作)?(正在|有序|稳步|正常|顺利)推进(中)?$/,
  /^(已)?完成阶段性(工作|任务)$/,
  /^(继续|持续|加快|进一步)(推进|做好|抓好|落实)(相关|各项)?(工作)?$/,
  /^(继续|持续)按(计划|要求)推进(相关工作)?$/,
  /^(积极|主动|认真)?(配合|协助)(牵头单位|有关单位|相关单位)?(做好|完成|推进|开展)?(相关|各项|年度)?(工作|任务)?$/,
  /^(按|依)(照)?(要求|时限)(及时)?报送(相关)?(材料|信息|数据|情况)$/,
];

/** `配合推进清洁取暖` on the task 推进清洁取暖: a unit naming its task back, with nothing it did, is filler too. */
export const ECHO_PREFIX = /^(积极|认真)?(配合|协助|参与)?(推进|做好|开展|落实|抓好)?/;

function isFiller(part: string, task: string): boolean {
  const t = part.trim().replace(/^[、，,\s]+|[、，,\s]+$/g, '');
  if (!t || FILLER.some((re) => re.test(t))) return true;
  const echoed = t.replace(ECHO_PREFIX, '').replace(/(相关)?工作$/, '');
  return !!task && echoed.length > 1 && echoed !== t && task.includes(echoed);
}

/**
 * A unit's text with its filler left out, as one sentence group without its closing mark; '' when nothing is left.
 * `task` is the task's lead, so that a text naming it back counts as filler.
 */
export function substance(text: string | null | undefined, task = ''): string {
  if (!text) return '';
  const sentences = text
    .replace(/\r?\n+/g, '；')
    .split(/[。！？!?]+/)
    .map((s) =>
      s
        .split(/[；;]/)
        .map((clause) => clause.split(/[，,]/).filter((p) => !isFiller(p, task)).join('，'))
        .filter((c) => c.trim())
        .join('；'),
    )
    .filter((s) => s.trim());
  return sentences.join('。').trim();
}

/** Connectors for the second, third… unit's words on one task, joined into one sentence group. */
// 此外 is kept for the closing clause that names the tasks not told (此外，…等N项工作按计划完成).
export const CONNECTORS = ['同时', '另外'] as const;

/**
 * Several texts on one task as one sentence group: the first as written, the rest after a connector; deduplicated.
 * `topic` (the task's object, `纪律作风建设`) is said once: each later text drops its echo (`围绕纪律作风建设组织…` →
 * `组织…`, `开展纪律作风建设现场检查` → `开展现场检查`), so one sentence does not name its topic three times.
 */
export function joinTexts(texts: string[], topic = ''): string {
  const own = [...new Set(texts.map((t) => t.trim()).filter(Boolean))];
  return own.map((t, i) => (i === 0 ? t : `${CONNECTORS[Math.min(i - 1, CONNECTORS.length - 1)]}，${dropEcho(t, topic)}`)).join('；');
}

/** A text without its topic named back: `围绕X，` / `围绕X` before a verb and X itself between a verb and its noun. */
export function dropEcho(text: string, topic: string): string {
  if (!topic || topic.length < 2 || !text.includes(topic)) return text;
  const out = text.replace(new RegExp(`(围绕|针对|聚焦)${escapeRe(topic)}[，,]?`, 'g'), '').split(topic).join('');
  // Never leave a clause without its object: a text that was little more than the topic stays as written.
  return out.replace(/^[，,、\s]+/, '').length >= 4 ? out.replace(/^[，,、\s]+/, '') : text;
}
/** A text as a RegExp source matching it literally. */
export const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Closes a sentence group with 。 unless it ends with a mark of its own. */
export function closeSentence(s: string): string {
  const t = s.trim().replace(/[；;，,、\s]+$/, '');
  return !t ? '' : /[。！？]$/.test(t) ? t : `${t}。`;
}

/** Words of the tool that no document for leadership uses. Tests hold the built-in reports to this list. */
export const JARGON = ['工作条目', '条目', '本轮', '调度表', '报送单位', '自报'] as const;
/** What a year-end document says besides never: a year has no 序时, and its verdict states what was done. */
export const YEAR_END_JARGON = ['序时', '黄色预警', '红色预警', '今年以来', '总体按计划推进'] as const;

/** Adverbs of manner that open a plan's chapter title (`更高标准打好…`), longest first when matched. */
const ADVERBS = ['坚定不移', '更高标准', '高标准', '高质量', '全力', '扎实', '切实', '稳步', '依法', '不断', '持续', '深入', '全面', '加快', '积极', '大力', '着力', '统筹', '有序', '纵深'];

/**
 * Evaluative headings from a chapter's imperative title: the verb it opens with (after an adverb) and how a
 * year-end report states it once done. `更高标准打好蓝天保卫战` → `蓝天保卫战扎实推进`. A theme with work not done
 * takes the `mixed` form, which claims no success. `done` holds several forms: a report uses each in turn (see
 * `headingWords`), so that fourteen sections do not all say 扎实推进.
 */
export const HEADING_RULES: readonly { verb: string; done: readonly string[]; mixed: string }[] = [
  { verb: '推进', done: ['扎实推进', '稳步推进', '纵深推进', '有序推进'], mixed: '持续推进' },
  { verb: '打好', done: ['扎实推进', '纵深推进', '成效明显'], mixed: '持续推进' },
  { verb: '落实', done: ['落实有力', '全面落实'], mixed: '持续落实' },
  { verb: '服务保障', done: ['服务保障有力'], mixed: '持续服务保障' },
  { verb: '服务', done: ['服务有力', '保障有力'], mixed: '持续服务' },
  { verb: '开展', done: ['扎实开展', '深入开展'], mixed: '持续开展' },
  { verb: '提升', done: ['持续提升', '稳步提升'], mixed: '持续推进' },
  { verb: '保障', done: ['保障有力', '坚实有力'], mixed: '持续加强' },
  { verb: '完善', done: ['不断完善', '日趋完善'], mixed: '持续推进' },
  { verb: '加强', done: ['持续加强', '全面加强'], mixed: '持续推进' },
  { verb: '强化', done: ['持续强化', '有力有效'], mixed: '持续推进' },
  { verb: '深化', done: ['不断深化', '纵深推进'], mixed: '持续推进' },
  { verb: '抓好', done: ['扎实有效', '成效明显'], mixed: '持续推进' },
  { verb: '做好', done: ['扎实有效', '成效明显'], mixed: '持续推进' },
  { verb: '建设', done: ['扎实推进', '稳步推进'], mixed: '持续推进' },
];

/** Every predicate an evaluative heading may end with (HEADING_RULES and the seed's own), longest first. */
export const HEADING_PREDICATES = new RegExp(
  `(${[...new Set([...HEADING_RULES.flatMap((r) => [...r.done, r.mixed]), '扎实深入', '更加牢固', '精准有力', '全面加强'])].sort((a, b) => b.length - a.length).join('|')})$`,
);

/** A title without its opening adverbs (ADVERBS, `更高标准`, `持续`…), each taken off while more than `least` characters follow it. */
function withoutAdverbs(title: string, least: number): string {
  let rest = title.trim();
  for (let changed = true; changed; ) {
    changed = false;
    for (const a of ADVERBS) if (rest.startsWith(a) && rest.length > a.length + least) ((rest = rest.slice(a.length)), (changed = true));
  }
  return rest;
}

/** A title's opening verb (HEADING_RULES) and what follows it, its adverbs taken off; null when no rule's verb opens it. */
function titleVerbAndRest(title: string): { verb: string; rest: string } | null {
  const rest = withoutAdverbs(title, 2);
  const rule = HEADING_RULES.find((r) => rest.startsWith(r.verb) && rest.length > r.verb.length + 1);
  return rule ? { verb: rule.verb, rest: rest.slice(rule.verb.length) } : null;
}

/** What a chapter's title is about: its adverbs and its opening verb taken off (`更高标准打好蓝天保卫战` → `蓝天保卫战`). */
export function objectOf(title: string): string {
  const parts = titleVerbAndRest(title);
  // A title that joins two clauses with a space (`深化结构调整 全面推进绿色转型`) keeps its first.
  return parts ? parts.rest.split(/\s+/)[0]! : title.trim();
}

/**
 * What a point's lead names (round fourteen, R9 report 3): its object's parts (`固体废物和新污染物治理` → 固体废物, 新污染物),
 * each without the kind of work it ends with. A task naming one of them keeps its best sentence under that lead, even
 * over the block's budget, so that no lead names work the point does not tell.
 */
export const LEAD_OBJECT_RULES = { joins: /和|及|与|、/, work: /(治理|管控|防治|建设|工作|保护|监管|管理)$/, min: 3 } as const;
export function leadObjects(title: string): string[] {
  return objectOf(title)
    .split(LEAD_OBJECT_RULES.joins)
    .map((x) => x.trim().replace(LEAD_OBJECT_RULES.work, ''))
    .filter((x) => x.length >= LEAD_OBJECT_RULES.min);
}

/**
 * The verbs an object takes in a heading of the verb + object form (`深入打好蓝天保卫战`, `筑牢…安全屏障`), by how
 * the object ends; the first entry that matches applies. Used for the 一是 blocks of a theme, the 下一步 headings and
 * the speech's deployment.
 */
export const OBJECT_VERBS: readonly { object: RegExp; verbs: readonly string[]; /** The adverb the work to come always takes (`坚定不移推进全面从严治党`). */ next?: string }[] = [
  // 保卫战 is 打好, never 打赢 (R2 report 4): one verb where usage allows one.
  { object: /保卫战$/, verbs: ['打好'] },
  { object: /攻坚(战)?$/, verbs: ['推进', '打好'] },
  { object: /屏障$/, verbs: ['筑牢', '夯实'] },
  { object: /底线$/, verbs: ['守牢', '筑牢'] },
  { object: /安全$/, verbs: ['保障', '守护'] },
  { object: /战略$/, verbs: ['落实', '贯彻'] },
  // 水平 is 提升ed, not 增强ed (`增强…水平` is no collocation).
  { object: /水平$/, verbs: ['提升'] },
  { object: /(性|能力|质量|效能)$/, verbs: ['提升', '增强'] },
  { object: /(体系|制度|机制|格局)$/, verbs: ['完善', '健全'] },
  { object: /(督察|执法|监管|监督)$/, verbs: ['强化', '严格'] },
  { object: /发展$/, verbs: ['推动', '服务'] },
  { object: /(从严治党|党建|党的建设)$/, verbs: ['推进', '落实'], next: '坚定不移' },
  { object: /(治理|整治|防治|管控)$/, verbs: ['推进', '深化'] },
  { object: /(建设|实践|创建)$/, verbs: ['推进', '深化'] },
  // R31H (the report's 下一步 said `持续落实碳达峰碳中和`): 碳达峰碳中和 is 推进ed, as the plans and the 二十大 word it
  // (`积极稳妥推进碳达峰碳中和`), never 落实ed without its 目标任务.
  { object: /碳达峰碳中和$/, verbs: ['推进'] },
  { object: /./, verbs: ['推进', '落实'] },
];

/**
 * Adverbs before the verb, by what the data says of the work: `done` (every clause done or carried over as
 * planned), `mixed` (some not done: nothing claimed), `silent` (nothing reported: no adverb at all), `next` (the
 * work to come, in 下一步 and the speech's deployment).
 */
export const HEADING_ADVERBS = {
  done: ['扎实', '全力', '深入', '积极', '着力', '稳步'],
  mixed: ['持续', '继续'],
  silent: [''],
  next: ['深入', '全力', '积极', '着力', '持续', '扎实'],
} as const satisfies Record<HeadingState, readonly string[]>;
export type { HeadingState };
/** The one adverb a report's lead takes for work not all done (headingWords.lead). */
export const LEAD_MIXED = ['持续'] as const;

/**
 * The adverbs a lead verb takes (round eleven, R6 report 2: 深入强化, 扎实强化, 深入保障, 稳步深化 are no collocations).
 * A verb listed here takes only these in a heading of done or next work, whatever the state's list offers; a verb not
 * listed takes the state's. Work not all done keeps LEAD_MIXED (it says the work goes on, not how well).
 */
export const VERB_ADVERBS: Readonly<Record<string, readonly string[]>> = {
  强化: ['持续', '进一步'],
  保障: ['全力', '切实'],
  深化: ['持续', '不断'],
  提升: ['着力', '持续'],
  推进: ['扎实', '深入', '稳步'],
  打好: ['全力', '扎实', '深入'],
};
/** The adverbs `verb` may take out of `choice` (VERB_ADVERBS); the verb's own list when none of `choice` collocates. */
export function adverbsFor(verb: string, choice: readonly string[], state: HeadingState): readonly string[] {
  const allowed = VERB_ADVERBS[verb];
  if (!allowed || state === 'mixed' || state === 'silent') return choice;
  const both = choice.filter((a) => allowed.includes(a));
  return both.length ? both : allowed;
}

/**
 * One document's heading words: each heading takes the adverb, verb and predicate used least so far (in the order
 * of the rules above), so a report's headings vary by rule rather than repeating one phrase.
 */
export function headingWords() {
  const used = new Map<string, number>();
  const least = <T extends string>(xs: readonly T[]): T => {
    const pick = [...xs].sort((a, b) => (used.get(a) ?? 0) - (used.get(b) ?? 0) || xs.indexOf(a) - xs.indexOf(b))[0]!;
    if (pick) used.set(pick, (used.get(pick) ?? 0) + 1);
    return pick;
  };
  return {
    /** `深入打好蓝天保卫战`: verb + object, the adverb by what the data says. */
    action(object: string, state: HeadingState, choice: readonly string[] = HEADING_ADVERBS[state], own = '', avoid: readonly string[] = []): string {
      const rule = OBJECT_VERBS.find((r) => r.object.test(object))!;
      if (state === 'next' && rule.next) return `${rule.next}${rule.verbs[0]}${object}`;
      // Round twenty-one (R45 2, R46 3: `积极增强生态系统多样性…`, `持续守护环境安全`, `着力贯彻黄河重大国家战略` for the plan's
      // 提升…, 保障…, 落实…): a title's own verb, where the object takes it, is the plan's fixed formulation and stays;
      // only the adverb varies.
      const verb = own && rule.verbs.includes(own) ? own : least(rule.verbs);
      // No adverb that shares a character with its verb (`深入深化`), and only those the verb collocates with.
      // Nor one to avoid (the heading above's), taking the verb's own others where the state's leave none.
      const fit = (xs: readonly string[]) => xs.filter((a) => ![...a].some((ch) => verb.includes(ch)) && !avoid.includes(a));
      const pool = adverbsFor(verb, choice, state);
      const adverbs = fit(pool).length ? fit(pool) : fit(VERB_ADVERBS[verb] ?? []);
      return `${least(adverbs.length ? adverbs : pool)}${verb}${object}`;
    },
    /**
     * A sub-point's lead (一是…, round nine): always verb + object, as the seed's 一是强化政治建设 / 二是积极提升水环境
     * 质量, never subject + predicate (`净土保卫战持续推进`). A chapter's title is said by its object with the verb
     * OBJECT_VERBS give it and the adverb its state allows (`持续打好净土保卫战`); a task's title is the plan's own
     * imperative, verb + object already, and stands as written. The one rule for every lead of the report.
     */
    lead(title: string, state: HeadingState, kind: 'chapter' | 'task', avoid: readonly string[] = []): string {
      // Work not all done is 持续 only: 继续保障… reads as the plan's own imperative (R2 report 4).
      return kind === 'task' ? title.trim() : this.action(objectOf(title), state, state === 'mixed' ? LEAD_MIXED : HEADING_ADVERBS[state], titleVerb(title), avoid);
    },
    /** The evaluative form of a chapter's title (see evaluativeHeading), its predicate varied: theme headings only. */
    evaluative(title: string, allDone: boolean): string {
      return evaluativeHeading(title, allDone, least);
    },
  };
}

/**
 * A title's own verb, between its adverbs and its object (`切实保障环境安全` → 保障): objectOf's; '' when it has none, or
 * when the title joins a second clause after its object.
 */
export function titleVerb(title: string): string {
  const parts = titleVerbAndRest(title);
  return parts && !/\s/.test(parts.rest) ? parts.verb : '';
}

/** A chapter title in the evaluative form; the title as written when no rule applies. */
export function evaluativeHeading(title: string, allDone: boolean, pick: (xs: readonly string[]) => string = (xs) => xs[0]!): string {
  const object = objectOf(title);
  if (object === title.trim()) return title;
  const rest = withoutAdverbs(title, 2);
  const rule = HEADING_RULES.find((r) => rest.startsWith(r.verb))!;
  return `${object}${allDone ? pick(rule.done) : rule.mixed}`;
}

/**
 * Verbs a unit's sentence may open with (after an adverb such as 累计/全年/已): such a sentence carries its own
 * lead-in, so the task's name is not put before it. A sentence opening with a noun (`非现场执法检查率达到42%`)
 * gets the task as lead-in (`推动差异化监管，非现场执法检查率达到42%`).
 */
export const LEAD_VERBS = ['完成', '印发', '组织', '出台', '建立', '开展', '实施', '推进', '推动', '制定', '制修订', '修订', '指导', '细化', '督促', '办理', '新增', '启动', '召开', '编制', '落实', '强化', '加强', '深化', '举办', '创建', '建成', '培训', '查处', '处理', '受理', '审批', '发放', '争取', '研究', '梳理', '排查', '整治', '整改', '开发', '上线', '部署', '印制', '配合', '协助', '参与', '牵头', '严格', '扩大', '提升', '优化', '健全', '构建', '打造', '压减', '淘汰', '治理', '核查', '监测', '评估', '申报', '发布', '报送', '签订', '谋划', '聚焦', '围绕', '坚持', '持续', '全面', '扎实', '深入', '积极', '加大', '促进', '增强', '完善', '推行'];
const LEAD_ADVERBS = /^(累计|全年|年内|已|先后|共|共计|全面|全力|扎实|深入|积极|认真|持续|继续|进一步|首次|率先|同步|按期|如期|提前|大力)+/;

/** Whether a sentence opens with a verb phrase of its own (see LEAD_VERBS). */
export function opensWithVerb(text: string): boolean {
  const t = text.trim();
  const rest = t.replace(LEAD_ADVERBS, '');
  return LEAD_VERBS.some((v) => rest.startsWith(v) || t.startsWith(v));
}

/** A unit's text with its lead-in: as written when it opens with a verb, after the task's name otherwise. */
export function withLead(task: string, text: string): string {
  return opensWithVerb(text) ? text : `${task}，${text}`;
}

/** A task's sentences and the same text under other tasks: the same sentence under this many tasks is boilerplate. */
export const BOILERPLATE_TASKS = 3;

/** The sentences of a text (split at 。！？), trimmed, without closing marks. */
export function sentencesOf(text: string): string[] {
  return text.split(/[。！？!?]+/).map((s) => s.trim().replace(/^[；;，,\s]+|[；;，,\s]+$/g, '')).filter(Boolean);
}

/** How specific a text is: the figures it states. A 一是 block keeps the most specific tasks first (MAX_PER_ITEM). */
export function specificity(text: string): number {
  return (text.match(/\d+(\.\d+)?/g) ?? []).length;
}
/** At most this many tasks are told in one 一是 block; the rest are named in one closing clause. */
export const MAX_PER_ITEM = 4;

/**
 * Kinds of work by the words of a task's title (round thirteen, R8 report 2). A block led by its most telling task's
 * title (context.ts, THEME_ECHO) tells the tasks of another kind as a point of their own, led by its kind's words (the
 * seed's 三是靠前服务保障重大项目 beside 一是全力推进绿色低碳发展), never under a title they are not about.
 */
export const TASK_KINDS: readonly { words: RegExp; lead: string; report?: true }[] = [
  { words: /减污降碳|四减四增|减排|降碳|碳达峰|碳中和|碳市场|低碳|零碳/, lead: '推动减污降碳协同增效' },
  // R32H (R31 report 3: `对驻济环评单位开展专项检查2轮…` under 靠前服务保障项目建设 is supervision, not service): the year-end
  // report's own (`report`); the speech's review keeps its kinds.
  { words: /环评质量|环评[^，。；]*(?:监管|检查)|环境影响评价[^，。；]*(?:监管|检查)/, lead: '强化环评质量监管', report: true },
  { words: /环评|环境影响评价|营商环境|项目|产业|总量|准入/, lead: '靠前服务保障项目建设' },
];

/**
 * A measure naming a superior's inspection to come (R7 speech 3, round thirteen R8 report 4: `做好迎接中央生态环境保护督察
 * 各项准备工作`): the office's first duty in its item, in the speech's deployment and the report's 下一步 alike.
 */
export const SUPERIOR_INSPECTION = /迎接(?:中央|国家|省级?)[\u4e00-\u9fa5]*(?:督察|巡视|检查|考核)/;

/**
 * A next step worth printing: it names a figure, a date or a named measure. `巩固工作成效，完善长效机制` or
 * `持续跟踪问题整改` says nothing a reader can hold the office to and is left out; no fallback phrase replaces it.
 */
export const CONCRETE_PLAN = [/\d/, /[一二三四五六七八九十两]+(个|项|家|次|批|季度|月)/, /[“《]/, /(方案|规划|清单|平台|工程|台账|文本|计划|名录|标准)/];
/**
 * Next steps that only promise to go on (`按整改方案持续推进`, `按计划推进`, `巩固成效`): never printed, whatever
 * else they name. A clause of a plan that is one of these in full is dropped before CONCRETE_PLAN is asked.
 */
export const VAGUE_PLAN: readonly RegExp[] = [
  /^(按|依)(照)?[^，；]{0,8}(持续|继续|稳步|有序)?推进(相关工作)?$/,
  /^(继续|持续|进一步)(推进|做好|抓好|落实|加强|巩固)[^，；\d]{0,6}$/,
  /^(巩固|提升|扩大)[^，；\d“《]{0,8}(成效|成果|质量|覆盖面)$/,
  /^逐项对账销号$/,
];
export function concretePlan(text: string): boolean {
  const parts = text.split(/[，,；;]/).map((x) => x.trim()).filter((x) => x && !VAGUE_PLAN.some((re) => re.test(x)));
  return parts.length > 0 && CONCRETE_PLAN.some((re) => re.test(parts.join('，')));
}

/**
 * Phrases units cut short that a document completes (round fourteen, R9 report 8: `涉及历史遗留，整改周期较长` →
 * `涉及历史遗留问题，…`): each phrase with what it lacks, applied wherever the report, the 通报 and the speech print a
 * unit's cause. Data, one row per phrase; the words added name nothing the unit did not say.
 */
export const PHRASE_COMPLETIONS: readonly { phrase: RegExp; words: string }[] = [{ phrase: /历史遗留(?!问题|矛盾|原因|的)/g, words: '历史遗留问题' }];
export function completePhrases(text: string): string {
  return PHRASE_COMPLETIONS.reduce((acc, r) => acc.replace(r.phrase, r.words), text);
}

/** What units' answers say of their problems, as one text a document prints (completePhrases: 历史遗留 → 历史遗留问题). */
export function problemsSaid(answers: readonly { problems: string | null }[]): string {
  return completePhrases(joinTexts(answers.map((a) => substance(a.problems)).filter(Boolean)));
}

/**
 * A `其中…` clause said without the clause it is part of (the speech's review, the 通报's praise): the 其中 goes, and so
 * does a count after the names it counts (`其中玉符河、绣江河2条获评…` → `玉符河、绣江河获评…`): alone, `2条` counts
 * nothing said (R9 通报 9).
 */
export const PART_ALONE = {
  part: /^其中，?/,
  countAfterNames: /((?:[^，；、\d]{2,12}、)+[^，；、\d]{2,12}?)\d+[条个家项座处所](?=获评|入选|被评为|被命名为|通过)/,
} as const;
export function partAlone(clause: string): string {
  return PART_ALONE.part.test(clause) ? clause.replace(PART_ALONE.part, '').replace(PART_ALONE.countAfterNames, '$1') : clause;
}

/**
 * A substantive measure (round fourteen, R9 report 5): a figure beyond its year, a named document (《…》, 细则, 要点,
 * 方案, 名录) or a date. 下一步 prefers it to a measure that only names an act (`开展全方位自查自纠和保护成效评估`).
 */
export const SUBSTANTIVE_MEASURE = {
  document: /《[^》]+》|细则|要点|方案|名录/,
  date: /\d+月(底|中旬|上旬|下旬)?前|年底前|上半年|下半年|[一二三四]季度/,
  /**
   * Round twenty-one (R45 report 5, speech 1: `制定《济南市生态环境局2026年法治建设工作要点》` chosen as the 法治 work to come,
   * over the 条例 to revise): issuing the year's own 工作要点, 工作计划 or 责任清单 is the office's routine paperwork, no
   * substantive measure, however it names a document.
   */
  ownPaper: /^(?:制定|印发|出台|编制)《[^》]*\d{4}年度?[^》]*(?:工作要点|工作计划|监督计划|责任清单)》$/,
} as const;
export function substantiveMeasure(clause: string): boolean {
  if (SUBSTANTIVE_MEASURE.ownPaper.test(clause.trim())) return false;
  return /\d/.test(clause.replace(/\d{4}年度?/g, '')) || SUBSTANTIVE_MEASURE.document.test(clause) || SUBSTANTIVE_MEASURE.date.test(clause);
}

/**
 * How much a report says, per task and per block (issue 29, round nine): a task is told by its telling fact, the
 * sentence of its lead with the most result figures of its own (else the first concrete one), at most `taskClauses`
 * clauses of it; a cooperating unit's telling sentence follows only when it carries figures (`coopSentences`). A block
 * (a chapter of a theme: `blockChars`; a theme of one chapter: `sectionChars`) is limited by its length, not by a
 * count: its chapter's first task when it reported a result, then every headline result (`headline`: 完成…改造/整治/
 * 创建, 下降/达到/通过, or a quantified target met) in plan order, then the other tasks showing at least `fillScore`, the
 * most telling first, while the block stays within its budget; all told in plan order, the rest counted once for the report.
 */
export const SELECTION = {
  taskClauses: 3,
  coopSentences: 1,
  blockChars: 220,
  sectionChars: 300,
  /**
   * Round twelve (R7 report 1): a theme of several chapters shares this length among them, as the seed's themes run to
   * about 480 characters (its 污染防治 477): a block of a theme of four has 220, never more than `blockChars`.
   */
  themeChars: 880,
  /**
   * Round eleven (R6 speech 2): an outcome of quality (`水质稳定保持Ⅱ类`, `…达到考核要求`, `…全部达到…`) and a task's
   * decomposition with a target (`分解落实省“十大行动”任务46项`) are headlines too, above any platform or process count
   * (`推送环境问题线索1862条`, `完成…报告评审63个`), which no rule names.
   */
  headline: [
    /完成[^，；。]{0,40}(改造|整治|创建)/,
    /(下降|达到|通过)/,
    /(稳定)?保持[ⅠⅡⅢⅣ]+类/,
    /分解(落实)?[^，；。]{0,30}\d+项/,
    // Round fourteen (R9 report 4): an award with a figure or a name (`玉符河、绣江河2条获评省级美丽河湖`, `1个单位获评“两山”
    // 实践创新基地`, `历城区获评…`), as the 通报 and the speech tell it.
    /(\d|”|[\u4e00-\u9fff](区|县|市|镇|街道|河|湖|园区|企业|公司|单位))[^，；。]{0,20}(获评|入选|成功创建)|(获评|入选|成功创建)[^，；。]*(\d|“)/,
    // Round sixteen (R12 speech: the director's enforcement figures, 412件 and 2860万元, were not chosen): the cases an
    // enforcement office decided and the fines it imposed are its results, as the seed speech's 执法 point tells them.
    /(行政处罚|处罚)案件\d+件|罚没款\d/,
  ] as readonly RegExp[],
  /**
   * Round twelve (R7 report 1): a clause after a task's first that reviews or checks (`审核销号保护区卫片图斑86个`,
   * `…企业核查27家`, `对…镇街约谈提醒47次`) counts acts as the speech's HIGHLIGHT_RULES.activity does; the report leaves it out.
   */
  actClause: /^(审核|核查|抽查|检查|评查)[^，；]*\d|(核查|检查|检测)\d+(?:\.\d+)?万?余?[家个件份]|约谈[^，；]*\d+次|(编发|编印)[^，；]*\d+期|接待[^，；]*\d+(?:\.\d+)?万?余?人次|办理[^，；]*(复议|诉讼|信访|投诉|证明)[^，；]*\d+件|督导[^，；]*\d+组?次|查处[^，；]*\d+(?:\.\d+)?[辆家件个]/,
  /**
   * Round thirteen (R8 report 1): results that make a task a topic of its own (the seed's 强化工业污染治理，…, 强化移动源污染
   * 治理，…): N units made to finish a piece of work (`推动186家企业完成…替代`), a finished count in the thousands (`完成…编码登记
   * 6452台`), a year-on-year gain (`同比提高3.1个百分点`), no incident all year (`未发生大面积焚烧`), funds in 亿元. A task showing
   * one is told in one sentence whatever its block's budget (rankParts), paid for by the act counts left out (actClause).
   */
  headlineTopic: [/\d+家[^，；。]{0,20}完成/, /完成[^，；。]{0,30}\d{4,}(?:\.\d+)?[台件辆个家]/, /(同比|较上年)(提高|提升|改善)/, /未发生/, /\d+(?:\.\d+)?亿元/] as readonly RegExp[],
  /**
   * R24H (R19–R23 report: （四）一是 ran to ~330 characters of six unlike facts): a chapter's point longer than this tells
   * its carried work (规划编制, CARRIED) as a point of its own, led by its task, as the seed's points run to ~250.
   */
  pointChars: 250,
  /**
   * R24H: within a point, an honour won (`成功创建省级生态文明建设示范区`, `获评省级美丽河湖`) is told before the point's
   * other tasks; any other headline keeps the plan's order, which groups a point's work by subject (工业源 before 面源).
   */
  pointFirst: /获评|入选|荣获|成功创建/,
  /** What a task beyond the first and the headlines must show to take the budget's room (resultScore): a result of its own. */
  fillScore: 1,
} as const;

/** A sentence's clauses (between ， and ；), with the mark before each (none before the first). */
export function clausesOf(sentence: string): { mark: string; text: string }[] {
  const out: { mark: string; text: string }[] = [];
  let mark = '';
  for (const piece of sentence.split(/([，；,;])/)) {
    if (/^[，；,;]$/.test(piece)) mark = piece === ',' ? '，' : piece === ';' ? '；' : piece;
    else if (piece.trim()) {
      out.push({ mark: out.length ? mark : '', text: piece.trim() });
      mark = '';
    }
  }
  return out;
}

/** A clause's shape: figures as #, the task's object as ~ (`会同各区县开展联合检查#轮`, `完成~中期评估`). */
export function clauseShape(clause: string, object = ''): string {
  const c = object && object.length >= 2 ? clause.split(object).join('~') : clause;
  return c.replace(/\d+(?:\.\d+)?/g, '#').replace(/\s+/g, '');
}

/**
 * A document's memory of what it has said (issue 29: "told once"). A clause is said once: the same words again
 * are left out, and so is a clause of a routine shape (one that recurs in the texts of `ROUTINE_TASKS` or more
 * tasks across the round: `按期办结率100%`, `均已整改到位`) after its first use. One per document, for every part
 * (成效, 存在问题, 下一步), so that a section built twice (per theme and per chapter) cannot say a thing twice.
 */
export const ROUTINE_TASKS = 3;
export function toldOnce(routineShapes: ReadonlySet<string> = new Set(), saidElsewhere: (clause: string) => boolean = () => false) {
  const told = new Set<string>();
  const keys = (clause: string, object: string) => {
    const exact = clause.replace(/\s+/g, '');
    const shape = clauseShape(clause, object);
    return routineShapes.has(shape) || routineShapes.has(clauseShape(clause)) ? [exact, `#${shape}`, `#${clauseShape(clause)}`] : [exact];
  };
  /** The sentence without what was said already (and without its own repeats); '' when nothing new is left. */
  const fresh = (sentence: string, object = ''): string => {
    const seen = new Set<string>();
    const kept = clausesOf(sentence.replace(/[。！？]+$/, '')).filter((c) => {
      const k = keys(c.text, object);
      if (k.some((x) => told.has(x) || seen.has(x)) || saidElsewhere(c.text)) return false;
      k.forEach((x) => seen.add(x));
      return true;
    });
    return kept.map((c, i) => (i ? c.mark : '') + c.text).join('');
  };
  return {
    fresh,
    /** fresh(), remembered: what it returns counts as said. */
    say(sentence: string, object = ''): string {
      const out = fresh(sentence, object);
      for (const c of clausesOf(out)) keys(c.text, object).forEach((x) => told.add(x));
      return out;
    },
  };
}
export type ToldOnce = ReturnType<typeof toldOnce>;

/**
 * How an issuer is named after its first mention: the place name before its level dropped (济南市生态环境局 →
 * 市生态环境局, 历下区教育和体育局 → 区教育和体育局). A name without a level is kept as written. The one rule for every
 * document (the report's closing, the speech's meeting name).
 */
export const SHORT_NAME = /^[\u4e00-\u9fa5]{2,4}?(?=[省市区县州旗](?![\u4e00-\u9fa5]{0,1}$))/;
export function shortName(issuer: string): string {
  if (issuer.startsWith('【')) return issuer;
  const short = issuer.replace(SHORT_NAME, '');
  return short.length >= 3 && short !== issuer ? short : issuer;
}

/**
 * A sentence's shape: its last clause with a figure, figures as # (`培训人员#人次`). A shape found more than once over
 * a document's candidates is a routine count (meetings held, trainings given, checks made), no highlight.
 */
export const sentenceShape = (x: string): string => {
  const clause = x.split('，').reverse().find((c) => /\d/.test(c));
  return clause ? clause.replace(/\d+(?:\.\d+)?/g, '#') : '';
};
