// The 督办通报's own context (`通报`): its title, the sentences it states and the lists it names, each decided by
// a rule over the round's data here; templates/bulletin.hbs only lays them out.
import type { Metrics } from '../model/metrics.ts';
import type { Plan } from '../model/plan.ts';
import type { ClauseProgress, RoundProgress, UnitAnswer } from '../model/progress.ts';
import type { Settings } from '../model/settings.ts';
import { STATUS_FILLS } from '../sheets/style.ts';
import { cnDate, localDate } from '../util/time.ts';
import { cnCount, cnOrdinal, quoted, SCHEDULE_WORDS, type ReportContext } from './context.ts';
import { scopeCounted, sizeOf } from './counting.ts';
import { cnPunctuation } from './punctuation.ts';
import { chaptersOfMetric, exceeded, figureWords, metricTopic } from './kpi.ts';
import { highlightScore, readPreamble, REVIEW_WORDS, sharedBasis } from './speech.ts';
import { completePhrases, joinTexts, partAlone, opensWithVerb, problemsSaid, sentenceShape, sentencesOf, substance } from './synthesis.ts';

/** What a document shows where the reply date is not given (`report --reply-by`). */
export const REPLY_PLACEHOLDER = '【待填：整改措施报送日期】';
/** Where neither the unit nor the plan says by when an item is to be done. */
export const DEADLINE_GAP = '【待填：完成时限】';
export const DOC_NUMBER_GAP = '【待填：发文字号】';

/**
 * Who the 通报 commends (B9 point 3, the issue's rule): units that reported on time, every answer 已完成 (the 年终
 * round) or 已完成 / 序时推进 (any other round), and none of those the rule disqualifies — the lead of a clause not done
 * (未完成, 结转, 未报送; at mid-year behind) or followed up in 表2 (OPEN_REMAINDER), the lead of a main indicator
 * missed (表2's row: kpi.ts chaptersOfMetric's first chapter), the late, the silent and the returned unit, and a
 * cooperating unit on a clause not done that did not report its own part. A cooperating unit that reported its part
 * (done, in words of substance) is not blamed for the lead's shortfall. Then each with its strongest result.
 */
export const COMMEND_RULE = {
  yearEnd: ['已完成'],
  midYear: ['已完成', '序时推进'],
  /** At most this many, the strongest highlight first (the registry's order on a tie), in one paragraph. */
  most: 5,
  /**
   * B34 (R32, R33 通报: both units praised in 三（一） had rows of their own in 表3, 持续跟踪): a 督查室 does not praise a
   * unit it lists for follow-up in the same document — a unit the 责任单位 column of 表2 (督办) or 表3 (持续跟踪) names
   * is not commended, whatever its other results.
   */
  notListed: true,
  /**
   * The praise as one sentence (round ten, B10 point 4; was a list of `单位，成效` cells): each unit with its highlight
   * as a clause, a verb before a highlight that has none (`推动`), then the verdict and the closing (praiseSentence).
   */
  /**
   * Round eleven (R6 通报 6): the basis of the praise after the units, then the closing (was `成效突出` alone at the
   * year's end: praise for one result read as praise for a unit whose other work nobody judged).
   */
  verdict: { yearEnd: '任务完成质量高、成效突出', midYear: '推进有力' },
  verb: '推动',
  /** Verbs a result may open with beyond synthesis.ts LEAD_VERBS (`兑现…资金2.3亿元` needs no 推动 before it). */
  resultVerbs: /^(全年|累计|共)?(兑现|兑付|实现|获得|收储|保障|办结|推送|核发)/,
  closing: '予以通报表扬。',
  /**
   * B32 (R26–R31 通报: `入库项目143个、总投资86.4亿元`, `财政奖补覆盖全部12个区县` read as routine outputs, not 成效突出):
   * at the year's end a unit is commended for an outcome only — an honour won, a level lowered or met, a whole put
   * right, a target beaten (kpi.ts exceeded) — never for a count of money, projects or acts (routineResult nor those
   * either); a unit whose results are all counts is not commended. Mid-year (`推进有力`) any highlight still serves.
   */
  outcome: /获评|荣获|评为|入选|下降|降低|削减|达到|达标|通过|全部(完成|整治|整改|销号|办结)|超额|提高到|提升至|同比提高/,
  outcomeOnly: { yearEnd: true, midYear: false },
  /**
   * B32 (R30 7, R31 1: `推动` four times): an outcome with a subject of its own is said after the act of the unit's that
   * brought it, the clause before it in the unit's sentence, in its words (`组织申报省级美丽河湖5条，其中玉符河、绣江河2条
   * 获评省级美丽河湖`), when that clause opens with a verb and is at most `actMost` long; else `verb` before it.
   * Units so told are separated by 分号, and the verdict is said of them all (`以上单位`).
   */
  actMost: 30,
  allUnits: '以上单位',
  /**
   * Round thirteen (B13 point 4): praise is the leadership's call; the sentence stays, with this Word comment on it
   * for the drafter (the speech's template paragraphs' mechanism, `<p note>`).
   */
  note: '表扬名单由系统按“全部完成且成效突出”规则初拟，请报局领导审定',
  /**
   * B39 (R35 1, R36 5, R37 5: since B34 the rule picks nobody in the test round and 三 was criticism only): praise is
   * the leadership's call; at the year's end, when the rule picks nobody, （一）通报表扬 stays as a listed gap for the
   * leadership to fill or strike, and 三 is 表扬和批评 again. Mid-year rounds say nothing when nobody is picked.
   */
  // Round twenty (R42 通报 1: `按表扬规则` is the tool's word, not the reader's): what to fill and who decides.
  gap: '【待填：拟通报表扬的单位及事由，报局领导审定】',
  /** The gap with the units the data can propose (按时报送、全部完成、未列入表2表3, leading work of their own), at most `most` named. */
  candidates: (units: readonly string[]) =>
    units.length
      ? `【待填：拟通报表扬的单位及事由，报局领导审定。按时报送、所承担工作全部完成且未列入表2、表3的牵头单位有${units.slice(0, COMMEND_RULE.most).join('、')}${units.length > COMMEND_RULE.most ? `等${units.length}家` : ''}】`
      : COMMEND_RULE.gap,
  /** One highlight per unit (highlightClause): its strongest result clause, short, from its own words. */
  highlight: {
    most: 40,
    /** Chinese characters a clause needs to name its object itself (`完成整改9项` leans on the clause before it). */
    least: 8,
    /** A year or a date is no figure of a result (`系统谋划2025年…工作有序推进`). */
    notFigure: /\d{4}年度?|\d{1,2}月(\d{1,2}日)?/g,
    /**
     * The score is the speech's (speech.ts highlightScore: figures, large ones, honours, results over counts of acts),
     * then (R2, round eight) a substantive result over a payment made, a level kept or a reach counted.
     */
    substantive: /下降|降低|削减|达到|达标|通过|获评|荣获|评为|全部|建成|消除|提高到|提升至/,
    substantiveWeight: 3,
    /**
     * Round fifteen (R9 通报 3, R10 通报 3): a payment of money (`兑现…奖补资金2.3亿元`) is routine too — paying out is the
     * office's duty, not a result achieved (was 兑付 alone); so is its reach (`payment`).
     */
    routineResult: /(兑现|兑付|拨付|发放)[^，；。]*?资金|兑付|保持|有效率|人次/,
    /**
     * A payment and the kind of money it pays (the two characters before 资金, `奖补`): a clause of the same sentence
     * naming that kind (`财政奖补覆盖全部12个区县`) tells the payment's reach, as routine as the payment.
     */
    payment: /(兑现|兑付|拨付|发放)[^，；。]*?([\u4e00-\u9fff]{2})资金/,
    routineResultWeight: 3,
    /** A clause scoring below this (a count of acts or of 人次 and nothing achieved) is no highlight to commend. */
    floor: 0,
    notResult: /学习|会议|活动|培训|座谈|调研|宣传|报道|通报|简报/,
    /** A connective that ties the clause to the one before (`其中玉符河、绣江河2条获评…`) is no part of it alone. */
    connective: /^(其中|同时|并且?|此外|另外|从而)，?/,
    /**
     * A sum of money (B10 point 4): preferred to the clause chosen when both tell the same work (share a two-character
     * term: `奖补资金2.3亿元` over `财政奖补覆盖全部12个区县`) and it is not a routine payment (routineResult).
     */
    amount: /\d(\.\d+)?\s*[万亿]元/,
    /**
     * Round fifteen (R10 通报 3): a hard result — work of substance completed (`完成…超低排放改造`, `…整治`, `…创建`) —
     * ranks above a routine one in the praise (praiseOrder), as a result beyond its target does.
     */
    hardResult: /完成[^，；。]*?(改造|整治|创建)|(改造|整治|创建)[^，；。]*?完成/,
  },
} as const;

/**
 * 表2's row of a main indicator missed: no clause number; the lead, and the others it works with unnamed (round twelve,
 * R7 通报 6: the plan assigns no unit to an indicator, so a count of units read as an assignment nobody made); what is
 * asked.
 */
const MISSED_OTHERS = '有关处室、单位';
export const MISSED_ROW = {
  number: '—',
  /**
   * Its 重点任务 cell (round fourteen, R9 通报 10; was the indicator's name alone, which read as a task of the plan):
   * `主要指标：优良天数比率`.
   */
  task: (name: string) => `主要指标：${name}`,
  /** `大气环境处（会同有关处室、单位）`; the lead alone when no other chapter lead answers for it. */
  others: MISSED_OTHERS,
  units: (lead: string, others: string[]) => (others.length ? `${lead}（会同${MISSED_OTHERS}）` : lead),
  ask: '报送原因分析和整改措施',
  lowerIsBetter: /不高于|不超过|以内|以下|≤/,
} as const;

/**
 * B39 (R35 1, R37 3, R38 8: `按照《…工作要点》调度安排，现将…通报如下。` read oddly — a 通报 reports on what the units
 * reported, not on a plan's 调度): the opening says whose reports it sums up, of which period, and that the office
 * checked them, as a 督查室 writes it. The reporters are the 主送 (`各处室、各单位` → `各处室、单位`).
 */
export const OPENING = {
  yearEnd: (year: string) => `${year}年度重点工作年终进展情况`,
  midYear: (round: string) => `${round}重点工作进展情况`,
  reporters: (recipients: string) => recipients.replace(/[：:]$/, '').replace(/、各/g, '、'),
  text: (recipients: string, what: string) => `根据${OPENING.reporters(recipients)}报送的${what}，经汇总审核，现将有关情况通报如下：`,
} as const;

/** How many of a silent unit's tasks its criticism names one by one; more are the first and a count. */
const CRITICISM_NAMED = 4;
/** The criticism paragraph: the silent and the returned are criticised, the late reminded, each its own sentence. */
export const CRITICISM_WORDS = {
  criticism: '通报批评。',
  both: '通报批评和提醒。',
  reminder: '提醒。',
  remind: '予以提醒。',
  /**
   * Round twenty (R41 5, R42 6, R43 3, R44 1: the praise is left to the leadership while `予以通报批评` stands decided):
   * the criticism carries a Word comment for the drafter, as the praise does (COMMEND_RULE.note); the text stays as
   * it will be signed.
   */
  note: '通报批评和提醒由系统按未报送、逾期报送、重复报送等事实初拟，批评还是提醒，请报局领导审定',
} as const;
/**
 * B34 (R32, R33: 三 was titled 表扬和批评 over a section with no praise, its one part numbered （一）): 三's title says
 * what the section holds; with praise and criticism (or the quality remark, 报送质量) both, each is a numbered part
 * (（一）通报表扬。（二）…); with one of them only, its title is 三's and the paragraph has no number (a （一） with no
 * （二）); a reminder alone, or nothing, is the 报送情况.
 */
export const SECTION_THREE = {
  both: '表扬和批评',
  praise: '通报表扬',
  /** Criticism only: by its paragraph's title (CRITICISM_WORDS), without the full stop; a reminder alone is `none`. */
  criticism: (title: string) => (title === CRITICISM_WORDS.reminder ? SECTION_THREE.none : title.replace(/。$/, '')),
  none: '报送情况',
} as const;

/**
 * `2026年一季度`, `3月底前`, `上半年`: a date a unit commits to in its next steps, as the 督办 list's 时限. Groups: the
 * year, a period (PERIOD_ENDS) or a month with its part (底, 上旬…) or day, which enforceableDate reads as captured.
 */
// F30: `2026年底前` is the year's end too (the year then 底; was read as 年底 alone, `12月31日前` with no year).
export const COMMITTED_DATE = /(\d{4}年)?(?:([一二三四]季度|上半年|下半年|年底|(?<=\d{4}年)底)|(\d{1,2})月(底|中旬|上旬|下旬|(\d{1,2})日)?)(前)?/;
/** The first date a unit committed to in its 下一步 (COMMITTED_DATE), of the answers given. */
const committedIn = (answers: UnitAnswer[]): string | undefined => answers.map((a) => COMMITTED_DATE.exec(substance(a.nextSteps))?.[0]).find(Boolean);

/**
 * A period as the day it ends (round ten, B10 point 2): a 时限 one can hold a unit to is a day, `2026年一季度` →
 * `2026年3月31日前`, `上半年` → `6月30日前`, `3月底` → `3月31日前`; a day given stays as given.
 */
export const PERIOD_ENDS: Record<string, [number, number]> = {
  一季度: [3, 31], 二季度: [6, 30], 三季度: [9, 30], 四季度: [12, 31], 上半年: [6, 30], 下半年: [12, 31], 年底: [12, 31], 底: [12, 31],
};
/** The first COMMITTED_DATE of `text` as the day it ends (PERIOD_ENDS), the rest of the text as written. */
export function enforceableDate(text: string): string {
  return text.replace(COMMITTED_DATE, (_whole, year: string | undefined, period: string | undefined, month: string | undefined, part: string | undefined, day: string | undefined) => {
    const y = year ? Number(year.slice(0, -1)) : 2001;
    const last = (m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
    const end = period ? PERIOD_ENDS[period]! : [Number(month), day ?? (part === '上旬' ? 10 : part === '中旬' ? 20 : last(Number(month)))];
    return `${year ?? ''}${end[0]}月${end[1]}日前`;
  });
}

export interface BulletinContext {
  /** The 版头's red 发文机关标志 (GB/T 9704 7.2.3): `config set 发文机关标志`, else the 发文机关 and `文件`. */
  发文机关标志: string;
  标题: string;
  开头: string;
  /** 任务完成情况: the counts by outcome (year-end: 完成/未完成/结转/未报送), zero counts left out. */
  推进: string;
  /**
   * Year-end with `--metrics`: the main indicators in one sentence, those met, then those missed with figure and target
   * (`主要指标中，…等指标达到考核要求；优良天数比率为63.1%，未达到…`), after the judgement, before what is short.
   */
  指标: string;
  /** Year-end: where what is not done or not reported lies, and what is carried over (`未完成和未报送的工作集中在…`). */
  短板: string;
  /** 表2's caption and the line before it (PRESSED_WORDS). */
  表2标题: string;
  督办说明: string;
  /** Year-end: the table of clauses done with a problem to follow up (表3), its caption and line; [] when none. */
  跟踪: { 序号: string; 编号: string; 任务: string; 单位: string; 问题: string; 措施: string }[];
  表3标题: string;
  跟踪说明: string;
  /**
   * Year-end: was each item carried into next year, one sentence after 表2 with its unit's own date; '' since B32 (the
   * items are rows of 表3, CARRIED_ROW). Kept for templates a clerk edited.
   */
  结转说明: string;
  /** The overall judgement, or 【待填：总体评价】 when too much is unreported to judge (BULLETIN_RULES). */
  总体: string;
  /**
   * 表1: by chapter, then a 合计 row; a chapter with nothing reported says 未报送 rather than 0%. Year-end: 基本完成
   * counts the clauses reported 完成 with a remainder (BULLETIN_RULES.basicDone), which 完成 then leaves out.
   */
  表1: { 章节: string; 项数: number; 完成: number; 基本完成: number; 未完成: number; 结转: number; 滞后: number; 未报送: number; 完成率: string }[];
  /** Year-end: whether 表1 has the 基本完成 column (some clause is such). */
  基本完成列: boolean;
  /** What 表1's 完成率 is of: stated under the table (unreported items count in the base, not as done), and what 基本完成 means. */
  表注: string;
  /**
   * Year-end: every item 未完成 or 未报送; otherwise the items behind. With the causes units reported, and 时限: by when
   * (the date the unit committed to in its next steps, the reply date for a report not made, the plan's deadline in a
   * round that another follows; else a listed 【待填】).
   */
  督办: { 序号: string; 编号: string; 任务: string; 单位: string; 情况: string; 原因: string; 时限: string; 序时: string; 颜色: string; 停滞: boolean }[];
  /** Under 表2: what cooperating units reported on a silent lead's items (BULLETIN_RULES.partsNote), or ''. */
  表2注: string;
  /** 报送情况: the counts, then 表扬 and 批评, units in the plan's registry order. */
  报送: string;
  表扬: string[];
  /** What each commended unit achieved, from its own report (`大气环境处完成…超低排放改造点位112个`); 表扬句 joins them. */
  表扬成效: { 单位: string; 成效: string; 举措?: string; 原文?: string }[];
  表扬句: string;
  /** The Word comment on the praise (COMMEND_RULE.note): the list is the system's draft for the leadership to decide. */
  表扬批注: string;
  /** The Word comment on the criticism paragraph (CRITICISM_WORDS.note). */
  批评批注: string;
  /** Year-end with nobody picked by the rule: the gap 三（一） holds for the leadership (COMMEND_RULE.gap); else ''. */
  表扬待填: string;
  /**
   * Whether 三 holds praise (the rule's sentence or the gap) and criticism or the quality remark (报送质量) both: then
   * each is a numbered part, （一）通报表扬。（二）… (SECTION_THREE.both).
   */
  分段: boolean;
  /** The 通报's 发文字号, or a listed 【待填：发文字号】 when `config set 文号` has not given one. */
  文号: string;
  /** `A未报送…，予以通报批评。B逾期2天报送，予以提醒。` or ''. */
  批评: string;
  /** 三's title (SECTION_THREE): 表扬和批评 when it holds both, else the one it holds, else 报送情况. */
  表扬批评标题: string;
  /** Its paragraph's title (CRITICISM_WORDS): 通报批评, 通报批评和提醒, or 提醒 alone. */
  批评标题: string;
  /**
   * After the criticism: the units that pasted one sentence under several tasks (BULLETIN_RULES.repeatedText), then the
   * cooperating units' filler when it is most of their texts (BULLETIN_RULES.coopFiller); or ''.
   */
  报送质量: string;
  /** Units not commended because they lead a main indicator missed (表2's row; for the drafter's check). */
  指标未达到单位: string[];
  /** The 工作要求 paragraphs, in order: each a lead phrase and its text (BULLETIN_REQUIREMENTS). */
  要求: { 标题: string; 内容: string }[];
  /** `下一轮调度将重点跟踪上述事项。` in a round that another follows; '' at the year's end. */
  下一轮: string;
  回复日期: string;
  /** Who takes the replies the 工作要求 ask for: the setting 联系人, else BULLETIN_RULES.contactGap (R19 通报). */
  联系人: string;
  抄送: string;
  印发机关: string;
  印发日期: string;
}

/**
 * Judgements of the 通报, as data: no overall verdict when more than `judgeUnreportedAtMost` of the items were not
 * reported; the year-end words for each outcome, one term each.
 */
export const BULLETIN_RULES = {
  judgeUnreportedAtMost: 0.1,
  outcomeWords: { 完成: '完成', 基本完成: '基本完成', 未完成: '未完成', 结转: '转入下一年度', 未报送: '未报送' },
  verdictGap: '【待填：总体评价】',
  /**
   * The year-end overall judgement (总体看，…) by the share of items done: the first band whose floor the share
   * reaches gives the words. Then how many chapters are wholly done, and where what is not done or not reported lies.
   */
  overall: [
    { atLeast: 0.95, words: '全年重点工作完成情况良好' },
    { atLeast: 0.85, words: '全年重点工作完成情况较好' },
    { atLeast: 0, words: '全年重点工作完成情况与年初部署仍有差距' },
  ],
  ccGap: '【待填：抄送】',
  contactGap: '【待填：联系人及电话】',
  /**
   * The part a cooperating unit reported of an item whose lead did not (B10 point 6), short: `水生态环境处已报送排查企业
   * 126家、督促整改隐患37处`; said in the note under 表2, the row itself saying only 未报送 (round sixteen).
   */
  part: (unit: string, figures: string) => `${unit}已报送${figures}`,
  /**
   * One unit's unreported clauses in one chapter, as one row of 表2 (round twelve, R7 通报 1; were a row each): the
   * chapter by its name and the count (of clauses, as 表1 counts), the tasks in brackets (a task divided into clauses
   * named once); round thirteen (B13 point 5; was the chapter and the count alone over four tasks): when that is
   * longer than `BULLETIN_SILENT_MOST` characters, the first task and the count, as 三's criticism names them (the list
   * stays there); 完成情况 `未报送`, then what cooperating units reported.
   */
  silentGroup: (chapter: string, tasks: string[]) => {
    const names = [...new Set(tasks)];
    const whole = `${chapter}等${tasks.length}项（${names.join('、')}）`;
    return [...whole].length <= BULLETIN_SILENT_MOST ? whole : `${names[0]}等${tasks.length}项`;
  },
  // Round sixteen (R9–R11, R14 通报: a cooperating unit's figures in the silent lead's row read as its own 督办 item): the
  // row says 未报送; what the cooperating units reported (part) is kept in the note under 表2 (partsNote).
  partsNote: (rows: { no: string; part: string }[]) =>
    rows.length ? `注：${rows.map((r) => `第${r.no}项中，配合单位${r.part}`).join('；')}。` : '',
  /** How many of the cooperating unit's clauses with figures the cell names. */
  partFigures: 2,
  /** A part reported in words of substance but without figures. */
  partWithoutFigures: '本单位部分情况',
  /**
   * 表1's third category (B18; rounds eleven to fifteen counted it 完成 and explained under 表1, which three reviewers
   * in a row read as the 通报's main contradiction): a clause its lead reported 完成 whose own text states a remainder
   * (OPEN_REMAINDER, the rule that presses the remainder in 表2) is counted 基本完成, as 督办 tables count it. 表1 gets
   * the column only when there is such a clause; the note under it says what the word means, in one clause; 一 names
   * the chapter among those 表2 presses (pressedIn, B34; was by the work and what is left, which 表2's row states), so
   * that the chapters named add up with 表1.
   */
  basicDone: {
    // B32 (R30 4, R31 6: `责任单位报为完成但…` read as the office overruling the unit): what the word means.
    note: '基本完成指主体工作已完成、尚有剩余事项的，剩余事项列入表2督办',
    /**
     * B34: a remainder as 一 names its kind among what 表2 presses, by its verb: `尚未销号` (a problem rectified is
     * 销号, BULLETIN_CLOSED), else `尚有剩余`.
     */
    kind: (verbs: string[]) => {
      const closed = [...new Set(verbs.map((v) => BULLETIN_CLOSED[v]))];
      return closed.length === 1 && closed[0] ? `尚未${closed[0]}` : '尚有剩余';
    },
  },
  /**
   * B34 (R32, R33: 一's first paragraph told what 表2 lists in three sentences — where the work not done and not reported
   * lies and 需督办推进, then the remainder with its count): what 表2 presses, by its kinds (未完成, 未报送, a remainder
   * not closed: basicDone.kind) and its chapters, in one clause pointing to the table; the work carried into next year
   * follows in the same sentence (CARRIED_ROW). The figures stand in 表2's rows, not again here.
   */
  pressedIn: (kinds: string[], chapters: string[], table: string, missed = '') =>
    chapters.length
      ? `${kinds.length > 1 ? `${kinds.slice(0, -1).join('、')}和${kinds.at(-1)}` : kinds[0]}的事项${chapters.length > 1 ? '集中在' : '在'}${chapters.join('')}${chapters.length > 1 ? `${cnCount(chapters.length)}个方面` : '方面'}，${missed ? `${BULLETIN_RULES.missedToo(missed)}，` : ''}列入${table}督办`
      : missed
        ? `${missed}的问题列入${table}督办`
        : '',
  /**
   * B39 (R35–R38: 一 said 表2 lists the work of three chapters, and 表2's last row was the indicator missed): the main
   * indicators 表2 lists (MISSED_ROW) are named in the same clause, by kpi.ts's verdict (`优良天数比率未达到省考核要求`;
   * several with one basis share it: `A、B未达到省考核要求`).
   */
  missedToo: (missed: string) => `连同${missed}的问题`,
  missedWords: (rows: { name: string; verdict: string }[]) => {
    const bases = [...new Set(rows.map((r) => r.verdict.slice(r.name.length)))];
    return bases.length === 1 ? `${rows.map((r) => r.name).join('、')}${bases[0]}` : rows.map((r) => r.verdict).join('、');
  },
  /**
   * Round thirteen (B13 point 3): the quality of the returns, after the criticism, when units pasted one sentence under
   * several tasks (报告.重复表述, context.ts boilerplateOf): the count of those units and, up to `repeatedNamed`, their
   * names; nothing when none did.
   */
  repeatedText: (units: string[], rows = '') =>
    // A few units are named as the subject; `部分单位…1家单位` would read as a contradiction.
    units.length <= BULLETIN_REPEATED_NAMED
      ? `${units.join('、')}${REPEATED.pasted}${rows}，${REPEATED.vague}。`
      : `部分单位报送内容照搬套用、${REPEATED.vague}，${units.length}家单位${REPEATED.pasted}。`,
  /**
   * Round fifteen (R10 通报 4; was the reminder, then a sentence naming the unit again): a late unit that also pasted
   * text is reminded of both in one sentence; repeatedText then names only the others. Round sixteen (R14, R15, R16
   * 通报: `表述笼统` was untrue of a unit whose other entries are specific, `多项` vague): by the count of the unit's own
   * works the pasted sentence stands under (`政策法规处逾期2天报送，且在3项工作下重复报送同一表述，予以提醒。`).
   */
  lateAndRepeated: (late: string, works: number, rows = '') => `${late}，且在${works}项工作下重复报送同一表述${rows}`,
  /**
   * B25 (R22, R24, R25 通报: `在3项工作下重复报送同一表述` beside 表1 counting those items 完成 — one wording evidences
   * no three completions): a lead's clauses reported 完成 whose text holds a sentence pasted under several tasks (报告.
   * 重复表述, the sentence the year-end report gives nobody) are one row of 表2 per unit and chapter (silentGroup's
   * words), followed up by the reply date; 表1 counts them as reported. After R26, R27 only a clause whose lead wrote
   * nothing but that sentence (`未写明具体进展`): one with its own figures besides is evidenced. 三 points to the row, 四
   * asks by the rows only. 表1's note says nothing of them: the row's own `报为完成` tells why 表1 counts them, and a
   * fourth mention (note, row, 三, 四（三）) was one too many.
   */
  pasted: {
    // (After R26, R27 only a clause with nothing else is followed up: the row says so.)
    situation: (items: number) => `报为完成，但${items > 1 ? `${items}项工作报送同一表述` : '所报表述与其他工作相同'}，未写明具体进展`,
    ask: '分别补报具体进展',
    /** Up to how many units that pasted 表2 follows up item by item (the quality remark's BULLETIN_REPEATED_NAMED). */
    units: 3,
    /** 三's pointer to the rows (rowNumbers' `第4项`). */
    see: (rows: string) => `（见表2${rows}）`,
  },
  /** What 四 asks of those units (the remark states, the requirement asks: said once each). */
  repeatedAsk: '各单位要逐项写明具体进展和成效，不得在多项工作下重复报送相同内容',
  /**
   * Round fourteen (R9 通报 4): the cooperating units' returns, when most say nothing of their own part (synthesis.ts
   * substance leaves nothing: `继续做好配合工作`, `按要求报送相关材料`): after the quality remark, how many of the texts
   * they reported are such, quoted by the phrase most of them use; and 四 asks for the part itself (BULLETIN_REQUIREMENTS).
   * Nothing when they are no more than `share` of the texts.
   */
  coopFiller: {
    share: 0.5,
    // (All of them: `66条中有66条` reads as a slip; 均 says it.)
    // Round sixteen (R14 通报 5: no subject and no ruling): who, how many of how many, and the reminder.
    // Round eighteen (R22 通报 3, R23 通报 2: 78 of 82 is no `部分`): `widely` of them or more are `普遍`.
    widely: 0.9,
    text: (total: number, filler: number, phrase: string) =>
      `${filler === total ? '配合单位报送内容空泛' : filler >= total * BULLETIN_RULES.coopFiller.widely ? '配合单位报送内容普遍空泛' : '部分配合单位报送内容空泛'}，${total}条配合情况${filler === total ? '均' : `中有${filler}条仅`}为“${phrase}”等表述，未写明具体配合事项，予以提醒。`,
    ask: (phrase: string) => `配合单位要写明具体配合事项和数量，不得以“${phrase}”等表述代替工作进展`,
  },
} as const;

/**
 * The cooperating units' texts that say nothing of their part (BULLETIN_RULES.coopFiller): of the 配合 answers reported
 * with a text, how many are filler only, and the filler phrase most of them open with (the first on a tie).
 */
export function coopFiller(clauses: ClauseProgress[]): { total: number; filler: number; phrase: string } {
  const texts = clauses.flatMap((c) => c.answers.filter((a) => a.role === '配合' && a.reported && a.progress?.trim()).map((a) => ({ c, text: a.progress!.trim() })));
  const filler = texts.filter((x) => !substance(x.text, x.c.task)).map((x) => x.text.split(/[，,；;。]/)[0]!.trim());
  const counts = new Map<string, number>();
  for (const p of filler) counts.set(p, (counts.get(p) ?? 0) + 1);
  const phrase = [...counts].reduce<[string, number]>((best, x) => (x[1] > best[1] ? x : best), ['', 0])[0];
  return { total: texts.length, filler: filler.length, phrase };
}
/** The cooperating units' filler when it is more than BULLETIN_RULES.coopFiller.share of their texts, else null: the one rule the 通报 and the speech say it by. */
export function coopFillerMostly(clauses: ClauseProgress[]): ReturnType<typeof coopFiller> | null {
  const coop = coopFiller(clauses);
  return coop.filler > coop.total * BULLETIN_RULES.coopFiller.share ? coop : null;
}
/** How long a row of one unit's unreported clauses may name them all (BULLETIN_RULES.silentGroup), in characters. */
const BULLETIN_SILENT_MOST = 40;
/** The quality remark's two findings (BULLETIN_RULES.repeatedText). */
const REPEATED = { pasted: '在多项工作下报送了相同内容', vague: '表述笼统' } as const;
/** Up to how many units the quality remark names (BULLETIN_RULES.repeatedText). */
const BULLETIN_REPEATED_NAMED = 3;
/** What closes an item of a remainder by its verb: a problem rectified is 销号 (written off the list). */
const BULLETIN_CLOSED: Record<string, string> = { 整改: '销号' };

/** What the 通报 is about, for its title (`济南市生态环境局关于<subject>的通报`) and the speech's reference to it. */
export const bulletinSubject = (yearEnd: boolean, year: string, period: string) => (yearEnd ? `${year}年度重点工作完成情况` : `${period}重点工作推进情况`);

/** A cooperating unit's part in short: its clauses with a figure (`排查企业126家、督促整改隐患37处`), '' when none. */
export function partFigures(text: string): string {
  return text.split(/[，；。]/).map((x) => x.trim()).filter((x) => /\d/.test(x)).slice(0, BULLETIN_RULES.partFigures).join('、');
}

/**
 * The clauses a year-end 表1 counts 基本完成 (BULLETIN_RULES.basicDone): reported 完成, their leads' own text stating a
 * remainder (OPEN_REMAINDER). One rule for the 通报 and the 汇总表's year-end sheet (round sixteen, R19 通报 2: the two
 * documents sent out together counted 督察整改 differently).
 */
export function basicDoneIds(clauses: readonly ClauseProgress[]): Set<string> {
  return new Set(clauses.filter((c) => c.yearEnd === '完成' && leadRemainder(c) !== undefined).map((c) => c.clauseId));
}
/** A year-end clause's outcome as 表1 counts it: its consolidated outcome, 基本完成 for one in `basic` (basicDoneIds). */
export function tableOutcome(c: ClauseProgress, basic: ReadonlySet<string>): string | null {
  return c.yearEnd === '完成' && basic.has(c.clauseId) ? '基本完成' : c.yearEnd;
}
/**
 * One row of 表1's counts for the clauses `own` (a chapter, or all for 合计): the 通报's 表1 and the 汇总表's year-end
 * sheet both count by it, so the two documents sent together agree (R19 通报 2). Nothing reported is no 0%: 未报送.
 */
export function tableCounts(own: readonly ClauseProgress[], yearEnd: boolean, basic: ReadonlySet<string>) {
  const reported = own.filter((c) => c.status !== '未报送');
  const done = own.filter((c) => (yearEnd ? tableOutcome(c, basic) === '完成' : c.status === '已完成')).length;
  return {
    项数: own.length,
    完成: done,
    基本完成: yearEnd ? own.filter((c) => tableOutcome(c, basic) === '基本完成').length : 0,
    未完成: own.filter((c) => c.yearEnd === '未完成').length,
    结转: own.filter((c) => c.yearEnd === '结转').length,
    滞后: own.filter((c) => isPressed(c)).length,
    未报送: own.length - reported.length,
    完成率: own.length && !reported.length ? BULLETIN_RULES.outcomeWords.未报送 : own.length ? tableRate(done, own.length) : '—',
  };
}
/** The units a row of 表2 names (`甲处（牵头）、乙处`), without the 牵头 mark. */
function rowUnits(r: { 单位: string }): string[] {
  return r.单位.split('、').map((u) => u.replace(/（牵头）$/, ''));
}
/** The remainder a clause's reporting leads state in their own text (OPEN_REMAINDER), the first found, else undefined. */
function leadRemainder(c: ClauseProgress): ReturnType<typeof openRemainder> | undefined {
  return c.answers
    .filter((a) => a.role === '牵头' && a.reported)
    .map((a) => openRemainder(substance(a.progress, c.task)))
    .find((x) => x !== null) ?? undefined;
}

/**
 * 表1's 完成率 (R12: `91%` beside `83.3%`): a whole percentage as it is (`100%`, `75%`), any other with one decimal
 * (`89.6%`, `91.0%`), so that no row reads rounder than it is.
 */
export function tableRate(done: number, of: number): string {
  return (done * 100) % of === 0 ? `${(done * 100) / of}%` : `${((done * 100) / of).toFixed(1)}%`;
}

/** The office that takes written replies, as the 通报 names it: a 局's own office is `局办公室`. */
export function replyOffice(issuer: string, printer: string): string {
  return /局$/.test(issuer.trim()) ? '局办公室' : printer;
}

/** An item the 工作要求 names: the task, its lead, the units that answer with it and by when. */
export interface PressedItem {
  task: string;
  lead: string;
  others: string[];
  deadline: string;
}

/** A clause done and followed up in 表2: a remainder (`剩余5项`) or a problem its lead reported (OPEN_PROBLEM). */
export interface FollowedItem {
  lead: string;
  kind: 'remainder' | 'problem' | 'carried';
  /** 表2's 时限: a day, or what is owed by the reply date (`2026年1月30日前报送剩余5项整改计划及销号时限`), or a measure. */
  deadline: string;
}

export interface RequirementInput {
  yearEnd: boolean;
  year: string;
  /** Items not done (year-end) or behind (any other round), in 表2's order. */
  undone: PressedItem[];
  /**
   * Each unit that owes a report: the tasks it answers for that stand 未报送, whether its report was returned, and
   * whether 三's criticism lists those tasks already (`named`: 四 then counts them, round fifteen).
   */
  unreported: { unit: string; tasks: string[]; returned: boolean; named?: boolean }[];
  /** Year-end: the clauses done and followed up: a remainder in 表2 (OPEN_REMAINDER), a problem in 表3 (OPEN_PROBLEM). */
  followed: FollowedItem[];
  /** The caption's number of the table of problems to follow up (`表3`; `表2` when nothing is pressed). */
  followTable?: string;
  /**
   * Year-end with `--metrics`: each main indicator missed, the lead that answers for it (missedLead) and the next plan's
   * aim for it.
   */
  missed: { name: string; lead: string; aim: string }[];
  reply: string;
  office: string;
  /** The filler phrase most cooperating units reported, when most did (BULLETIN_RULES.coopFiller); else ''. */
  coopFiller?: string;
  /** Whether some unit pasted one sentence under several tasks (BULLETIN_RULES.repeatedText). */
  repeated?: boolean;
  /** 表2's row numbers whose 时限 is the reply date, when not every row's is (REQUIREMENT_WORDS.listedPapers); else []. */
  replyRows?: number[];
  /** Year-end: whether 表2 lists clauses reported 完成 under one pasted sentence (BULLETIN_RULES.pasted), owed again. */
  pasted?: boolean;
}

/** How many items a requirement names one by one; the rest are counted. */
const NAMED_AT_MOST = 3;

/**
 * `“A”“B”` or `“A”等5项工作`: tasks as a requirement names them; round fifteen (R10 通报): `4项工作` when 三's criticism
 * lists them already (`named`), a single task still by its name.
 */
function tasksWords(tasks: string[], named = false): string {
  if (named && tasks.length > 1) return `${tasks.length}项工作`;
  return tasks.length > 2 ? `${quoted(tasks[0]!)}等${tasks.length}项工作` : tasks.map(quoted).join('');
}

/** `第2至4项`, `第2、3项`, `第1、3至5项`: 表2's rows by number, a run of three or more as its ends. */
export function rowNumbers(rows: number[]): string {
  const runs: number[][] = [];
  for (const r of [...rows].sort((a, b) => a - b)) {
    const last = runs.at(-1);
    if (last && r === last.at(-1)! + 1) last.push(r);
    else runs.push([r]);
  }
  return `第${runs.map((x) => (x.length > 2 ? `${x[0]}至${x.at(-1)}` : x.join('、'))).join('、')}项`;
}

/**
 * The papers 表2 asks by the reply date besides the reports not made, as (三) names them: by the table alone; round
 * fifteen (R10 通报): by its rows whose 时限 is the reply date when not all rows share it (`表2第2至4项所列材料`).
 */
export const REQUIREMENT_WORDS = { listedPapers: (rows: number[] = []) => `表2${rows.length ? rowNumbers(rows) : ''}所列材料`, faithful: '做到数据真实、内容完整' } as const;

/** A remainder whose 时限 is a paper owed by the reply date (OPEN_REMAINDER.ask): that paper, else ''. */
function remainderPaper(x: FollowedItem, reply: string): string {
  const head = `${reply}前报送`;
  return x.kind === 'remainder' && x.deadline.startsWith(head) ? x.deadline.slice(head.length) : '';
}

/**
 * The papers 表2 asks for by the reply date besides the reports not made, by unit (B10 point 5: (三) lists exactly
 * what 表2 asks): a missed indicator's cause analysis and measures (MISSED_ROW.ask), a remainder's plan.
 */
export function papersOwed(o: RequirementInput): string[] {
  const analysts = [...new Set(o.missed.map((m) => m.lead).filter(Boolean))];
  const ask = MISSED_ROW.ask.replace(/^报送/, '');
  return [
    ...(analysts.length ? [`${list(analysts)}的${ask}`] : []),
    ...o.followed.filter((x) => remainderPaper(x, o.reply)).map((x) => `${x.lead}的${remainderPaper(x, o.reply)}`),
  ];
}

/**
 * The year-end (一) as requirements (round thirteen, B13 point 2): 表2's units to act by the table's dates and close each
 * item, 表3's to carry out the measures they reported within next year's 调度; the acts are those 表2 lists (整改 for an
 * item not done, an indicator missed or a remainder; 补报 for a report not made).
 */
export const FOLLOW_UP = {
  press: (acts: string[]) => `表2所列责任单位要按表列时限${acts.join('或')}，逐项对账销号`,
  rectify: '完成整改',
  supply: '补报',
  follow: (table: string, year: number) => `${table}所列事项，责任单位要按所报措施抓好落实，纳入${year}年度调度`,
  /** The clauses of (一) for a round's tables: 表2's when it lists anything, 表3's when it does. */
  asks: (o: RequirementInput): string[] => {
    const acts = [
      o.undone.length || o.missed.some((m) => m.lead) || o.followed.some((x) => x.kind === 'remainder') ? FOLLOW_UP.rectify : '',
      o.unreported.some((x) => x.tasks.length) || o.pasted ? FOLLOW_UP.supply : '',
    ].filter(Boolean);
    return [acts.length ? FOLLOW_UP.press(acts) : '', o.followed.some((x) => x.kind === 'problem' || x.kind === 'carried') ? FOLLOW_UP.follow(o.followTable ?? '表3', Number(o.year) + 1) : ''].filter(Boolean);
  },
};

/**
 * The 工作要求, as data: each applies when its condition holds and names its subjects from the round's data (which
 * unit is to finish which task by when, which unit owes which report); the reply date is given once, in the last.
 * Round ten (B10 point 5): the next plan's work is no 督办 matter and is not deployed here.
 */
export const BULLETIN_REQUIREMENTS: { 标题: string; when: (o: RequirementInput) => boolean; text: (o: RequirementInput) => string }[] = [
  {
    标题: '抓紧整改落实。',
    when: (o) => (o.yearEnd ? FOLLOW_UP.asks(o).length > 0 : o.undone.length > 0),
    text: (o) => {
      // Year-end (round thirteen, B13 point 2): what the tables ask, as a requirement; their dates and measures stand in
      // the tables only (was each item again with its unit, step and date). B34: then the dated written reply
      // (PAPERS_DUE), its last sentence.
      if (o.yearEnd) return `${FOLLOW_UP.asks(o).join('；')}。${PAPERS_DUE.when(o) ? PAPERS_DUE.text(o) : ''}`;
      const shown = o.undone.slice(0, NAMED_AT_MOST);
      // Only a date is a deadline (`2026年一季度`, `12月底前`); a plan's `常态化` or `每季度` is none.
      const dated = (x: PressedItem) => COMMITTED_DATE.test(x.deadline);
      // What is left (`落后序时…`) stands in 表2's row; the requirement names the task, not it again.
      const named = shown.map((x) => `${x.lead}要${x.others.length ? `会同${list(x.others)}` : ''}加快推进${quoted(x.task)}${dated(x) ? `，确保${x.deadline}完成` : ''}`);
      // What has no date yet is asked for once, after the items (not after each).
      const undated = shown.filter((x) => !dated(x)).length;
      const rest = o.undone.length - shown.length;
      const ask = '明确整改措施和完成时限';
      if (rest > 0) return `${named.join('；')}。${undated ? '以上尚未明确时限的工作和' : ''}其余${rest}项进度滞后工作，责任单位要逐项分析原因，${ask}。`;
      if (undated && named.length === 1) return `${named[0]}，${ask}。`;
      if (undated === named.length) return `${named.join('；')}。以上工作的责任单位要${ask}。`;
      return `${named.join('；')}。${undated ? `尚未明确完成时限的，责任单位要尽快${ask}。` : ''}`;
    },
  },
  {
    // The year's main indicator missed: said once, short (表2's row names the units and asks for the causes by the
    // reply date); its lead, with the units that cooperate, is held to the next plan's aim.
    标题: '补齐指标短板。',
    when: (o) => o.yearEnd && o.missed.some((m) => m.lead),
    text: (o) =>
      o.missed
        .filter((m) => m.lead)
        .map((m) => `${m.lead}要会同${MISSED_ROW.others}针对${m.name}未达到目标的问题细化整改措施，${m.aim ? `确保${Number(o.year) + 1}年${m.aim}` : `确保完成${Number(o.year) + 1}年目标任务`}`)
        .join('；') + '。',
  },
  {
    // Round fourteen (R9 通报 4): most cooperating units' texts were filler, or units pasted one sentence under several
    // tasks (三 states it, this asks it, once); before the papers owed, whose reply date closes the requirements.
    标题: '提高报送质量。',
    when: (o) => !!o.coopFiller || !!o.repeated,
    text: (o) => `${[o.repeated ? BULLETIN_RULES.repeatedAsk : '', o.coopFiller ? BULLETIN_RULES.coopFiller.ask(o.coopFiller) : ''].filter(Boolean).join('；')}。`,
  },
  {
    // B34 (R32, R33: `（四）按期报送材料。表2第2至4项所列材料请于…` said again what (一) asks of 表2's units): at the
    // year's end the written reply closes (一) (PAPERS_DUE.within); its own point only where (一) does not stand, or
    // in a round in the year.
    标题: '按期报送材料。',
    when: (o) => PAPERS_DUE.when(o) && !PAPERS_DUE.within(o),
    text: (o) => PAPERS_DUE.text(o),
  },
];

/**
 * The papers the office is owed, with the one date (按期报送材料): the reports not made, then what else 表2 asks by that
 * date (papersOwed), named there only (round eleven, R6 通报 5: each paper once in the document). B34: at the year's end
 * the sentence closes 抓紧整改落实 (`within`), which asks 表2's units for the same items.
 */
export const PAPERS_DUE = {
  when: (o: RequirementInput) => o.unreported.length > 0 || papersOwed(o).length > 0 || !!o.pasted,
  within: (o: RequirementInput) => o.yearEnd && FOLLOW_UP.asks(o).length > 0,
  text: (o: RequirementInput) => {
    const what = o.yearEnd ? '年终完成情况' : '进展情况';
    const one = (x: RequirementInput['unreported'][number]) =>
      `${x.unit}${x.returned ? '要按照审核意见修改后重新报送' : '要补报'}${x.tasks.length ? `${tasksWords(x.tasks, x.named)}的${what}` : `${o.yearEnd ? '年终' : ''}工作情况`}`;
    // B25 (R22–R25 通报: the 补报 asked in 表2, in 三 and again here, item 2 counted twice): at the year's end a silent
    // or returned unit's items are rows of 表2 with the reply date, so they are asked by the rows alone (a returned
    // unit told once that it corrects its report); only a unit owing no item of its own is named here.
    const inTable = (x: RequirementInput['unreported'][number]) => o.yearEnd && x.tasks.length > 0;
    const named = o.unreported.filter((x) => !inTable(x));
    const redo = o.unreported.filter((x) => inTable(x) && x.returned).map((x) => x.unit);
    const corrected = redo.length ? `；其中${list(redo)}要按照审核意见修改后重新报送` : '';
    const owed = named.length
      ? `${(named.length > NAMED_AT_MOST ? [`${list(named.map((x) => x.unit))}要按照要求补报${o.yearEnd ? '年终' : ''}工作情况`] : named.map(one)).join('；')}，${REQUIREMENT_WORDS.faithful}。`
      : '';
    const listed = papersOwed(o).length || o.pasted || o.unreported.some(inTable) ? REQUIREMENT_WORDS.listedPapers(o.replyRows) : '';
    // The rows alone: one sentence, the faithfulness asked when some of them are reports owed.
    if (!owed) return `${listed}请于${o.reply}前书面报送${o.office}${o.pasted || o.unreported.length ? `，${REQUIREMENT_WORDS.faithful}` : ''}${corrected}。`;
    return `${owed}${listed ? `以上补报材料以及${listed}，` : '以上补报材料'}请于${o.reply}前书面报送${o.office}${corrected}。`;
  },
};

/**
 * The main indicators `--metrics` shows missed, by name: kpi.ts's verdict (figureWords), the one the report's KPI
 * paragraph and 存在问题 state.
 */
export function missedIndicators(plan: Pick<Plan, 'indicators'>, metrics: Metrics): string[] {
  return Object.entries(metrics)
    .filter(([k, v]) => !k.startsWith('完成值:') && figureWords(k, v, plan.indicators.find((i) => i.name === k)).row.结论.startsWith('未达到'))
    .map(([k]) => k);
}

/**
 * The year's strongest results, which the 总体看 sentence names before what is short (B9 point 2), as data: the main
 * indicators met (kpi.ts figureWords' verdict), one a topic (METRIC_TOPICS), by their short name and value, the
 * others counted by 等; then task results from the leads' own words, a rule taking force first, then an honour
 * conferred, then by the praise's clause scoring (highlightClause: results over activity). Nothing no figure or unit
 * says; nothing said twice.
 */
export const YEAR_RESULTS = {
  indicators: 2,
  /**
   * Task results named after the indicators (round ten, B10 point 3: none — a rule in force read as unrelated in a
   * completion summary); when no indicator is named, this many.
   */
  tasks: 0,
  tasksAlone: 2,
  /** A rule taking force: `《…条例》修正案…于2025年10月1日起施行`. */
  inForce: /《[^》]+》[^；。]*?(施行|颁布|公布)/,
  /** How it passed is not what it achieved (`经市人大常委会审议通过、省人大常委会批准，`), left out before its date. */
  procedure: /经[^，；。]*?(审议通过|批准|审定)(、[^，；。]*?(审议通过|批准|审定))*，?(?=[于自])/,
  /** An honour conferred on the office's work (`历城区获评省级低碳发展示范区`), said as the clause that names it. */
  awarded: /获评|荣获|被评为|授予/,
  /** Chinese characters an honour's clause needs to name its subject (as the praise's highlight's `least`). */
  least: COMMEND_RULE.highlight.least,
  /**
   * The met indicators' verdict: their basis when they share one (`省考核要求`), `考核要求` when each is some 考核要求
   * (省, 国家), else `目标`; `等指标` when more are met than named.
   */
  met: (named: string, more: boolean, basis: string) => `${named}${more ? '等指标' : ''}达到${basis}`,
} as const;

/** A task result for 总体看 (YEAR_RESULTS): its words, its rank (0 a rule in force, 1 an honour, 2 else) and strength. */
export function taskResult(sentence: string): { text: string; rank: number; n: number } | null {
  const R = YEAR_RESULTS;
  const cn = (x: string) => (x.match(/[\u4e00-\u9fff]/g) ?? []).length;
  if (R.inForce.test(sentence)) return { text: sentence.replace(R.procedure, ''), rank: 0, n: highlightScore(sentence) };
  const honour = sentence.split(/[，；]/).map((x) => partAlone(x.trim()).replace(COMMEND_RULE.highlight.connective, '')).find((x) => R.awarded.test(x) && cn(x) >= R.least);
  if (honour) return { text: honour, rank: 1, n: highlightScore(sentence) };
  const h = highlightClause(sentence);
  return h ? { text: h.text, rank: 2, n: h.n } : null;
}

/**
 * The results 总体看 names: the met indicators' phrase, then the strongest task results of `sentences` (the leads'
 * own on the clauses done, in the plan's order) not among `told`; '' when there are none.
 */
export function yearResults(plan: Pick<Plan, 'indicators'>, metrics: Metrics, sentences: string[], told: ReadonlySet<string> = new Set()): string {
  const R = YEAR_RESULTS;
  const met = Object.entries(metrics)
    .filter(([k]) => !k.startsWith('完成值:'))
    .map(([k, v]) => ({ name: k, ...figureWords(k, v, plan.indicators.find((i) => i.name === k)) }))
    .filter((x) => x.row.结论.startsWith('达到'));
  const topic = (name: string) => metricTopic(name)?.topic ?? name;
  const named = met.filter((x, i) => met.findIndex((y) => topic(y.name) === topic(x.name)) === i).slice(0, R.indicators);
  const basis = sharedBasis(met.map((x) => x.row.结论.replace(/^达到/, '')));
  // Round sixteen (R17 通报 8): a written 通报 names an indicator in full at its first mention (`细颗粒物（PM2.5）平均浓度`);
  // only the speech, which is heard, says the short name (speech.ts spoken).
  // R46 通报 2 (`…平均浓度38微克/立方米达到省考核要求；优良天数比率为62.6%，未达到省考核要求（不低于64%）`, the pair said in two
  // forms): one indicator met is said as the missed one is, its figure, verdict and target (kpi.ts figureWords).
  const alone = named.length === 1 && met.length === 1 ? met[0]! : undefined;
  const indicators = alone ? cnPunctuation(alone.text) : named.length ? R.met(named.map((x) => `${cnPunctuation(x.name)}${x.row.完成值}`).join('、'), met.length > named.length, basis) : '';
  const tasks = sentences
    .map((x, at) => ({ r: taskResult(x), at }))
    .filter((x): x is { r: NonNullable<ReturnType<typeof taskResult>>; at: number } => x.r !== null && !told.has(x.r.text))
    .sort((a, b) => a.r.rank - b.r.rank || b.r.n - a.r.n || a.at - b.at)
    .slice(0, indicators ? R.tasks : R.tasksAlone)
    .map((x) => x.r.text);
  return [indicators, ...tasks].filter(Boolean).join('，');
}

/** Whether a clause is to be pressed in the 通报: behind the schedule, or 滞后 / 未启动 by its lead's word. */
/**
 * Who answers for a main indicator the year missed (R2, round eight): the lead of the first clause of the first
 * chapter that answers for it (kpi.ts chaptersOfMetric); '' when none. 表2's row and the speech's gap name it.
 */
export function missedLead(plan: Plan, clauses: ClauseProgress[], name: string): string {
  const first = chaptersOfMetric(plan, name)[0];
  return clauses.find((c) => c.chapterId === first)?.answers.find((a) => a.role === '牵头')?.unit ?? '';
}

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

/**
 * A clause reported 完成 whose own text states a remainder (B9 point 4): `督察反馈问题46项完成整改41项` — N of a measure
 * word, then 完成 (and what was done) M of the same word, M < N, in one clause or the next. It is done but not closed: one row of 表2 to be
 * followed up, what was done and what is left, the lead's problem as its cause, the lead's dated next step as its
 * time limit, else the rectification plan's own.
 */
export const OPEN_REMAINDER = {
  /** N and its measure word, at most one comma before 完成 (`发现问题302个，已完成整改276个`), then what was done and M. */
  pattern: /(\d+)(项|件|个|家|处|宗|起)[^，；。\d]{0,12}?(?:，[^，；。\d]{0,3}?)?完成([^，；。\d]{0,6}?)(\d+)(项|件|个|家|处|宗|起)/g,
  kind: '需持续跟踪',
  // Round twenty (R34 通报 4: `已完成整改41项` said no base): the whole first (`46项已整改41项，剩余5项`).
  situation: (r: { verb: string; done: number; left: number; unit: string }) => `${r.done + r.left}${r.unit}已${r.verb || '完成'}${r.done}${r.unit}，剩余${r.left}${r.unit}`,
  /**
   * No dated next step (round ten, B10 point 2; was `按整改方案时限`, which holds nobody to anything): the remainder's
   * plan and the dates it is to be closed by, owed by the reply date (`2026年1月30日前报送剩余5项整改计划及销号时限`).
   */
  ask: (left: string) => `报送剩余${left}整改计划及销号时限`,
} as const;

/**
 * A clause done whose lead reported a problem of substance (round ten, B10 point 1: `道路积尘负荷反复`): followed up in
 * 表3 (round eleven, R6 通报 1: was a row of 表2 with the measure in its 时限 column), the problem's whole text as 存在问题
 * (round thirteen, B13 point 1: a cause the unit gave stays in it, `上游来水影响明显`; was a column of 原因 mostly
 * 【待填】, a cause nobody reported), the lead's own next step as 下一步措施 (its date as a day, enforceableDate). A filler
 * problem (`无`, 套话) never is.
 */
export const OPEN_PROBLEM = {
  /** Phrases that name no problem one could follow up (synthesis.ts FILLER drops `无`, `暂无` before these apply). */
  filler: [/^(无|暂无|没有)(明显|突出|重大)?问题$/, /^(个别|部分)?工作(推进|落实|开展)?(还|仍)?(不够|不太)(平衡|深入|到位|扎实)$/, /(有待|需要|仍需)(进一步)?(加强|提高|提升|完善|改进)$/, /^(认识|重视|力度|能力|水平)(还|仍)?(不够|不足|有待提高)$/],
  /** Chinese characters a problem needs to name what it is about. */
  least: 8,
  /** Where the lead's next step is filler too: what the drafter is to fill. */
  noStep: '【待填：下一步措施】',
} as const;

/** A lead's problem worth following up (OPEN_PROBLEM): its whole text, clauses joined by commas; null for filler. */
export function openProblem(problems: string | null | undefined): string | null {
  const text = substance(problems);
  const parts = text.split(/[，；。]/).map((x) => x.trim()).filter(Boolean);
  if (!parts.length || parts.every((x) => OPEN_PROBLEM.filler.some((re) => re.test(x)))) return null;
  if ((text.match(/[\u4e00-\u9fff]/g) ?? []).length < OPEN_PROBLEM.least) return null;
  return parts.join('，');
}
/** The first remainder a text states (OPEN_REMAINDER), or null when every count it gives is closed. */
export function openRemainder(text: string): { verb: string; done: number; left: number; unit: string } | null {
  const m = remainderMatch(text);
  return m ? { verb: m[3]!, done: Number(m[4]), left: Number(m[1]) - Number(m[4]), unit: m[2]! } : null;
}

/** The first `N项…完成M项` of a text with one measure word and M < N (OPEN_REMAINDER.pattern), shared by the two readers. */
function remainderMatch(text: string): RegExpMatchArray | null {
  for (const m of text.matchAll(OPEN_REMAINDER.pattern)) if (m[2] === m[5] && Number(m[4]) < Number(m[1])) return m;
  return null;
}

/**
 * What a remainder is of, as its lead wrote it before the count (`中央和省级生态环境保护督察反馈问题46项完成整改41项` →
 * `中央和省级督察反馈问题`), and its verb (`整改`): the 工作要求 names the work by them (round eleven, R6 通报 5). In the
 * issuer's own document its own field before one of its functions goes without saying (OBJECT_IMPLIED).
 */
export const OBJECT_IMPLIED = {
  /** The issuer's field: its name without the place before it and the kind of body after it (`生态环境`). */
  field: (issuer: string) => issuer.trim().replace(/^.*?[省市区县州旗](?=.{3})/, '').replace(/(局|厅|委员会|委|办公室)+$/, ''),
  /** The functions it qualifies (`生态环境保护督察` is the bureau's `督察`). */
  before: /督察|执法|监测|监管/,
} as const;
export function remainderObject(text: string, issuer: string): { object: string; verb: string } | null {
  const m = remainderMatch(text);
  if (!m) return null;
  const object = text.slice(0, m.index).split(/[，；。]/).at(-1)!.trim();
  const field = OBJECT_IMPLIED.field(issuer);
  const implied = field.length >= 2 ? new RegExp(`${field}(保护)?(?=${OBJECT_IMPLIED.before.source})`, 'g') : null;
  return { object: implied ? object.replace(implied, '') : object, verb: m[3]!.trim() };
}

/**
 * How a row of 表2 or 表3 names its work (round fourteen, R9 通报 1): by its task, unless the task's clauses have
 * different leads — then the task (`深化体制机制改革创新`) also covers another unit's work (财政奖补), and the row names
 * its own clause by the clause's first phrase (`深化排污权有偿使用和交易改革`), the task's lead sentence before it left
 * out; a phrase shorter than `least` or longer than `most` characters names nothing well, and the task stays.
 */
export const ROW_NAME = { least: 4, most: 24, phrase: /[，,；;。]/ } as const;
export function rowName(c: Pick<ClauseProgress, 'clauseId' | 'taskId' | 'task' | 'text' | 'answers'>, clauses: Pick<ClauseProgress, 'taskId' | 'answers'>[]): string {
  const lead = (x: Pick<ClauseProgress, 'answers'>) => x.answers.find((a) => a.role === '牵头')?.unit ?? '';
  const leads = new Set(clauses.filter((x) => x.taskId === c.taskId).map(lead));
  if (leads.size < 2) return c.task;
  const own = c.text.trim().startsWith(c.task) ? c.text.trim().slice(c.task.length).replace(/^[。，,；;\s]+/, '') : c.text.trim();
  const phrase = own.split(ROW_NAME.phrase)[0]!.trim();
  return [...phrase].length >= ROW_NAME.least && [...phrase].length <= ROW_NAME.most ? phrase : c.task;
}

/** `A、B和C` lists read as 顿号 lists in documents. */
const list = (xs: string[]) => xs.join('、');

/** Units named with （牵头） only where more than one is named. */
function unitsText(us: UnitAnswer[]): string {
  return us.map((a) => (a.role === '牵头' && us.length > 1 ? `${a.unit}（牵头）` : a.unit)).join('、');
}

/**
 * What a commended unit's highlight is (COMMEND_RULE.highlight): one clause of its own sentence, as it wrote it,
 * with a figure, no more than `most` characters and at least `least` Chinese ones, not a meeting, study or training count; the strongest first by
 * highlightScore, a substantive result over a routine one (COMMEND_RULE.highlight) — the earlier on a tie. Null when no
 * clause qualifies.
 */
export function highlightClause(sentence: string): { text: string; n: number } | null {
  const H = COMMEND_RULE.highlight;
  // Scored as reported (its count is a figure), said as a part alone (partAlone: `玉符河、绣江河获评…`).
  const clauses = sentence.split(/[，；]/).map((x) => x.trim()).filter(Boolean).map((x) => ({ said: partAlone(x).replace(H.connective, ''), scored: x.replace(H.connective, '') }));
  // The kinds of money the sentence pays out (COMMEND_RULE.highlight.payment): a clause naming one is the payment's reach.
  const paid = clauses.map(({ scored: x }) => H.payment.exec(x)?.[2]).filter((x): x is string => !!x);
  const routine = (x: string) => H.routineResult.test(x) || paid.some((k) => x.includes(k));
  const scored = clauses
    .filter(({ scored: x }) => /\d/.test(x.replace(H.notFigure, '')) && [...x].length <= H.most && (x.match(/[\u4e00-\u9fff]/g) ?? []).length >= H.least && !H.notResult.test(x) && !REVIEW_WORDS.routine.test(x))
    .map(({ said, scored: x }, at) => ({ text: said, at, n: highlightScore(x) + (H.substantive.test(x) ? H.substantiveWeight : 0) - (routine(x) ? H.routineResultWeight : 0) }));
  const top = scored.filter((x) => x.n >= H.floor).sort((a, b) => b.n - a.n || a.at - b.at)[0];
  if (!top) return null;
  const terms = (x: string) => new Set([...x.matchAll(/(?=([\u4e00-\u9fff]{2}))/g)].map((m) => m[1]!));
  const mine = terms(top.text);
  const amount = H.amount.test(top.text) ? undefined : scored.find((x) => H.amount.test(x.text) && !H.routineResult.test(x.text) && [...terms(x.text)].some((t) => mine.has(t)));
  return amount ? { text: amount.text, n: top.n } : { text: top.text, n: top.n };
}

/**
 * The captions of the year-end tables and the one line before each (round eleven, R6 通报 1: was one table whose
 * caption listed its kinds). 表2 lists what is to be put right or reported by a date (a task not done or not reported,
 * a main indicator missed, a clause done with a remainder); 表3 the clauses done whose lead reported a problem to
 * follow up, with the lead's next step as the measure, and (B32) each item carried into next year (CARRIED_ROW).
 */
export const PRESSED_WORDS = {
  kinds: { 未完成: '未完成', 指标: '未达到目标', 跟踪: OPEN_REMAINDER.kind, 未报送: '未报送', 重复: '表述相同' },
  yearEnd: { 表2标题: '表2　督办事项清单', 督办说明: '以下事项请责任单位按表列时限整改或补报：' },
  /** The table of problems to follow up: 表3, or 表2 when nothing is pressed. */
  follow: {
    标题: (n: number) => `表${n}　需持续跟踪事项清单`,
    说明: '以下事项已完成年度任务，但仍存在需持续跟踪的问题：',
    /** B32: with work carried into next year among the rows (CARRIED_ROW); only such work. */
    说明含结转: '以下事项已完成年度任务但仍存在需持续跟踪的问题，或转入下一年度继续实施：',
    说明仅结转: '以下事项转入下一年度继续实施：',
  },
  midYear: { 表2标题: '表2　滞后任务清单', 督办说明: '以下任务进度滞后于序时要求，请责任单位分析原因、制定措施，加快推进：' },
} as const;

export type PressedKind = keyof typeof PRESSED_WORDS.kinds;

/**
 * B32 (R30 3, R31 2: the work carried into next year was tracked nowhere, neither in 表2 nor in 表3): each clause carried
 * is a row of the table of problems to follow up, in the plan's order — what is left as its lead reported it (its
 * problem, the reason it goes on), and its unit's dated next step as written (`2026年底前完成近零碳试点建设验收`); 一
 * then names it once and points to the table (`（见表3）`).
 */
export const CARRIED_ROW = {
  /** 存在问题 when the lead gave no problem: what is plain from the clause's state. */
  left: '跨年度实施，年内未完成',
  see: (table: string) => `（见${table}）`,
} as const;

export function pressedWords(yearEnd: boolean): { 表2标题: string; 督办说明: string } {
  return yearEnd ? { ...PRESSED_WORDS.yearEnd } : { ...PRESSED_WORDS.midYear };
}

export function buildBulletin(
  ctx: ReportContext,
  progress: RoundProgress,
  plan: Plan,
  o: { replyBy?: string; settings?: Settings; metrics?: Metrics; nextPlan?: Plan } = {},
): BulletinContext {
  const yearEnd = ctx.轮次.年终;
  const year = ctx.轮次.年度;
  const s = ctx.统计;
  const n = (k: string) => Number(s[k] ?? 0);
  const reply = o.replyBy ? cnDate(o.replyBy) : REPLY_PLACEHOLDER;
  const subject = bulletinSubject(yearEnd, year, ctx.轮次.名称);
  // Units in the order of the plan's registry, as a 通报 lists them; a unit not in it keeps its place after.
  const order = (xs: string[]) => {
    const at = (u: string) => {
      const i = plan.units.findIndex((r) => r.name === u || r.aliases.includes(u));
      return i < 0 ? plan.units.length : i;
    };
    return [...xs].sort((a, b) => at(a) - at(b));
  };
  // Zero counts are left out: `逾期0家` says nothing.
  const parts = (xs: [number, string][]) => xs.filter(([v]) => v > 0).map(([, t]) => t);
  const receipts = parts([
    [n('按时报送单位数'), `按时报送${n('按时报送单位数')}家`],
    [n('逾期报送单位数'), `逾期报送${n('逾期报送单位数')}家`],
    [n('退回单位数'), `经审核退回${n('退回单位数')}家`],
    [n('未报送单位数'), `未报送${n('未报送单位数')}家`],
  ]);
  const clauses = progress.clauses.filter((c) => c.answers.length > 0);
  const W = BULLETIN_RULES.outcomeWords;
  // The sentences pasted under several tasks (报告.重复表述, context.ts boilerplateOf): no unit's result, and (B25) no
  // evidence that a clause reported 完成 under them was done (BULLETIN_RULES.pasted).
  const boiler = new Set(ctx.报告.重复表述.map((x) => x.表述));
  // A clause done whose lead's own text states a remainder (OPEN_REMAINDER, in 表2), or whose lead reported a problem
  // of substance (OPEN_PROBLEM, in 表3): followed up, by its lead alone.
  type Followed = { c: ClauseProgress; leads: UnitAnswer[]; kind: 'remainder' | 'problem'; left: string; verb?: string; 情况: string; 原因: string; deadline: string; step: string };
  const followed = yearEnd
    ? clauses
        .filter((c) => c.yearEnd === '完成')
        .flatMap((c): Followed[] => {
          const leads = c.answers.filter((a) => a.role === '牵头' && a.reported);
          const left = leadRemainder(c);
          const step = leads.map((a) => substance(a.nextSteps, c.task)).find(Boolean) ?? '';
          if (left) {
            const dated = COMMITTED_DATE.exec(step)?.[0];
            const deadline = dated ? enforceableDate(dated) : `${reply}前${OPEN_REMAINDER.ask(`${left.left}${left.unit}`)}`;
            const named = leads.map((a) => remainderObject(substance(a.progress, c.task), ctx.机关)).find((x) => x !== null);
            return [{ c, leads, kind: 'remainder', left: `${left.left}${left.unit}`, verb: named?.verb, 情况: OPEN_REMAINDER.situation(left), 原因: problemsSaid(leads) || '—', deadline, step }];
          }
          const problem = leads.map((a) => openProblem(a.problems)).find((x) => x !== null);
          if (!problem) return [];
          // The unit's own next step is the measure, with its date as a day (B10 point 1).
          return [{ c, leads, kind: 'problem', left: '', 情况: problem, 原因: '', deadline: step ? enforceableDate(step) : OPEN_PROBLEM.noStep, step }];
        })
    : [];
  // 表1's third category (BULLETIN_RULES.basicDone): basicDoneIds, the same rule (OPEN_REMAINDER) that presses the
  // remainder in 表2 and that the 汇总表's year-end sheet counts by; the unit's own status stays as reported.
  const remainderIds = basicDoneIds(clauses);
  const outcome = (c: ClauseProgress) => tableOutcome(c, remainderIds);
  const count = (k: string) => clauses.filter((c) => outcome(c) === k).length;
  // Each clause 基本完成 and its verb as its lead wrote it (`整改`): 一 names the kind by it (BULLETIN_RULES.basicDone.kind).
  const remainders = followed.filter((x) => x.kind === 'remainder').map((x) => ({ c: x.c, verb: x.verb ?? '' }));
  const silentCount = clauses.filter((c) => c.status === '未报送').length;
  const carriedCount = yearEnd ? clauses.filter((c) => c.yearEnd === '结转').length : 0;
  // The clauses 表1 counts and 完成率 does not: `未报送的4项、转入下一年度的1项`.
  const uncounted = parts([
    [silentCount, `${W.未报送}的${silentCount}项`],
    [carriedCount, `${W.结转}的${carriedCount}项`],
  ]);
  const tooSilent = silentCount > clauses.length * BULLETIN_RULES.judgeUnreportedAtMost;
  // The document's first count names its basis (counting.ts, one rule for the three documents): the plan's tasks and
  // the clauses they are divided into, when every clause is counted; else the clauses alone.
  const whole = sizeOf(plan).clauses === clauses.length;
  // The subject of a count of `k` clauses: the plan's scope with 其中 when they are the whole plan (scopeCounted).
  const counted = (k: number) => (k === clauses.length && whole ? scopeCounted(plan) : `${k}项重点工作中，`);
  let progressSentence = '';
  let overallFrom = false;
  let verdict = ctx.结论.总体;
  // Year-end: the judgement with the year's strongest results in it (yearResults), assembled once they are known.
  let verdictWith: ((results: string) => string) | null = null;
  let shortfalls = '';
  if (ctx.结论.有报送 && yearEnd) {
    const outcomes = parts([
      [count('完成'), `${W.完成}${count('完成')}项`],
      [count('基本完成'), `${W.基本完成}${count('基本完成')}项`],
      [count('未完成'), `${W.未完成}${count('未完成')}项`],
      [count('结转'), `${W.结转}${count('结转')}项`],
      [silentCount, `${W.未报送}${silentCount}项`],
    ]);
    progressSentence = `全年${counted(clauses.length)}${outcomes.join('，')}。`;
    verdict = tooSilent ? BULLETIN_RULES.verdictGap : '';
    if (!tooSilent && count('完成') === clauses.length) verdictWith = (results) => `年度各项任务全部完成${results ? `，${results}` : ''}。`;
    overallFrom = count('完成') < clauses.length && !tooSilent;
  } else if (ctx.结论.有报送) {
    const status = parts([
      [n('已完成'), `已完成${n('已完成')}项`],
      [n('序时推进'), `序时推进${n('序时推进')}项`],
      [n('滞后'), `滞后${n('滞后')}项`],
      [n('未启动'), `未启动${n('未启动')}项`],
      [n('未报送条目'), `未报送${n('未报送条目')}项`],
    ]);
    const warn = parts([
      [n('红色'), `红色预警${n('红色')}项`],
      [n('黄色'), `黄色预警${n('黄色')}项`],
    ]);
    progressSentence = `${counted(n('条目数'))}${status.join('，')}${warn.length ? `；对照序时进度，${warn.join('、')}` : ''}${n('停滞') ? `，连续两次进展无变化${n('停滞')}项` : ''}。`;
    if (tooSilent) verdict = BULLETIN_RULES.verdictGap;
  }

  // One row's counts, for a chapter or for the whole plan (the 合计 row, which the opening sentence's counts equal).
  const tableRow = (章节: string, own: ClauseProgress[]) => ({ 章节, ...tableCounts(own, yearEnd, remainderIds) });
  const table = [
    ...progress.chapters.map((ch, i) => tableRow(`${ctx.章节[i]?.序号 ?? ''}、${(ctx.章节[i]?.标题 ?? ch.title).trim()}`, clauses.filter((c) => c.chapterId === ch.chapterId))),
    tableRow('合计', clauses),
  ];

  // An item carried into next year (CARRIED_ROW, B32): its unit's dated next step as written, from its date to the
  // clause's end (`2026年底前完成近零碳试点建设验收`), else its next step, else the plan's date with what is then done.
  const carriedStep = (c: ClauseProgress) => {
    const steps = c.answers.filter((a) => a.role === '牵头').map((a) => substance(a.nextSteps)).filter(Boolean);
    const step = steps.flatMap((x) => x.split(/[，,。；;]/)).find((x) => COMMITTED_DATE.test(x));
    if (step) return step.slice(COMMITTED_DATE.exec(step)!.index).trim();
    if (steps[0]) return steps[0].replace(/[。；;]+$/, '');
    const planned = COMMITTED_DATE.exec(c.deadline)?.[0];
    return planned ? `${enforceableDate(planned)}完成` : OPEN_PROBLEM.noStep;
  };
  // 一's sentence on what is short, once the number of the table that lists the work carried is known.
  let shortfallsIn: (table: string, missed: string) => string = () => '';
  // 总体看: by rule from 表1 (BULLETIN_RULES.overall), before the tables; what it names is what 表2 lists.
  if (overallFrom) {
    const rows = table.slice(0, -1).filter((r) => r.项数 > 0);
    const share = count('完成') / clauses.length;
    const band = BULLETIN_RULES.overall.find((b) => share >= b.atLeast)!;
    const whole = rows.filter((r) => r.完成 === r.项数).length;
    // B34: every chapter with work 表2 presses (未完成, 未报送, 基本完成), named in one clause with the kinds; the
    // chapters named add up with 表1 (R2, round eight) — those wholly done, these, and those carrying work only.
    const pressedChapters = rows.filter((r) => r.未完成 + r.未报送 + r.基本完成 > 0);
    const name = (r: (typeof rows)[number]) => `“${r.章节.replace(/^[一二三四五六七八九十]+、/, '')}”`;
    const kinds = [
      rows.some((r) => r.未完成) ? W.未完成 : '',
      rows.some((r) => r.未报送) ? W.未报送 : '',
      rows.some((r) => r.基本完成) ? BULLETIN_RULES.basicDone.kind(remainders.map((x) => x.verb)) : '',
    ].filter(Boolean);
    // B39: with the main indicators 表2 lists (missed: BULLETIN_RULES.missedWords), known once 表2 is.
    const where = (missed: string) => BULLETIN_RULES.pressedIn(kinds, pressedChapters.map(name), '表2', missed);
    // A chapter whose only open item is carried into next year is named on its own, as no failure.
    // Round twelve (R7 通报 4): one task carried is named here, once.
    const carriedOnly = rows.filter((r) => r.结转 > 0 && r.未完成 + r.未报送 + r.基本完成 === 0);
    const carriedTasks = clauses.filter((c) => c.yearEnd === '结转');
    // (The one task carried, when the one chapter carrying one is all: then that task lies in that chapter.)
    const one = carriedTasks.length === 1 && carriedOnly.length === 1 ? carriedTasks[0] : undefined;
    // B32 (R30 3, R31 2): what is due and by when stand in 表3's row (CARRIED_ROW); 一 points to it (was `，计划2026年
    // 12月31日前完成近零碳试点建设验收`, the date said twice).
    const carried = (table: string) =>
      one
        ? `${name(carriedOnly[0]!)}方面的${quoted(one.task)}属跨年度实施，转入下一年度${CARRIED_ROW.see(table)}`
        : carriedOnly.length
          ? `${carriedOnly.map(name).join('')}${carriedOnly.length > 1 ? `${cnCount(carriedOnly.length)}个方面` : '方面'}有${carriedOnly.reduce((k, r) => k + r.结转, 0)}项工作属跨年度实施，转入下一年度${CARRIED_ROW.see(table)}`
          : '';
    // The judgement and the results first (B9 point 2), then the indicators' sentence (round eleven, R6 通报 4), then
    // what is short: B34 (was three sentences, round sixteen's R14 通报 2 split of one chain): one sentence, the work
    // 表2 presses and the work carried (表3) its two clauses.
    shortfallsIn = (table, missed) => {
      const short = [where(missed), carried(table)].filter(Boolean).join('；');
      return short ? `${short}。` : '';
    };
    verdictWith = (results) => `总体看，${band.words}，${rows.length}个方面中有${whole}个方面的任务全部完成${results ? `，${results}` : ''}。`;
  }
  const causes = new Map(ctx.报告.未完成.map((u) => [u.编号, u.原因]));
  const cause = (c: ClauseProgress) => completePhrases(causes.get(c.clauseId) || joinTexts(pressedUnits(c).map((a) => substance(a.problems)).filter(Boolean)) || '—');
  // By when each item is to be done: what the unit committed to, else what the 通报 asks, else a gap to fill.
  const deadline = (c: ClauseProgress, silent: boolean): string => {
    if (silent) return `${reply}前补报`;
    const committed = committedIn(pressedUnits(c));
    if (committed) return enforceableDate(committed);
    if (!yearEnd && c.deadline.trim()) return c.deadline.trim();
    return DEADLINE_GAP;
  };
  // Year-end: every item not done or not reported. An item carried into next year is no failure (R2, round eight):
  // it is told after 表2 with its unit's own date (结转说明), not listed among the items to put right.
  const pressed = yearEnd ? clauses.filter((c) => c.yearEnd === '未完成' || c.status === '未报送') : clauses.filter(isPressed);
  const pressedRows = pressed.map((c) => {
    const silent = c.status === '未报送';
    const leads = c.answers.filter((a) => a.role === '牵头');
    const units = silent ? (leads.length ? leads : c.answers).filter((a) => !a.reported) : pressedUnits(c);
    // A silent lead whose cooperating units reported their own part (with substance, not filler): said as it is.
    // Its figures when it gives any (B10 point 6), else that it reported its part.
    const parts = silent ? c.answers.filter((a) => a.role === '配合' && a.reported && !!substance(a.progress, c.task)).map((a) => ({ a, figures: partFigures(substance(a.progress, c.task)) })) : [];
    const part = parts.find((x) => x.figures) ?? (parts[0] ? { ...parts[0], figures: BULLETIN_RULES.partWithoutFigures } : undefined);
    return {
      // What a cooperating unit reported (`水生态环境处已报送…`), for a row of several silent clauses (silentGroup).
      部分: part ? BULLETIN_RULES.part(part.a.unit, part.figures) : '',
      序号: '',
      编号: c.clauseId,
      任务: rowName(c, clauses),
      单位: unitsText(units),
      类别: (silent ? '未报送' : '未完成') as PressedKind,
      // At the year's end what matters is what is left undone, in figures where there are figures (consolidate's rule).
      情况: silent
        ? W.未报送
        : yearEnd ? c.shortfall ?? (c.status === '未启动' ? '年内未启动' : '年内未完成') : c.gap !== null && c.gap > 0 ? `${c.gap}个百分点` : '自报滞后',
      // A report not made has no cause to state: 完成情况 already says 未报送 (round twelve, R7 通报 1; B10 point 6 had
      // repeated it here).
      原因: silent ? '—' : cause(c),
      时限: deadline(c, silent),
      序时: SCHEDULE_WORDS[c.schedule],
      颜色: STATUS_FILLS[c.schedule].slice(2),
      停滞: c.stagnant,
    };
  });
  const allowed: readonly string[] = yearEnd ? COMMEND_RULE.yearEnd : COMMEND_RULE.midYear;
  // The leads of the chapters that answer for a main indicator the year missed (kpi.ts's one mapping).
  const missed = yearEnd ? missedIndicators(plan, o.metrics ?? {}) : [];
  const leadsOf = (m: string) => chaptersOfMetric(plan, m).flatMap((id) => clauses.filter((c) => c.chapterId === id).flatMap((c) => c.answers.filter((a) => a.role === '牵头').map((a) => a.unit)));
  // Each missed indicator as 一 states it (kpi.ts's words), its answerable units and the next plan's aim for it.
  const nextAims = readPreamble(o.nextPlan?.preamble).aims;
  const missedRows = missed.map((name) => {
    const f = figureWords(name, o.metrics![name]!, plan.indicators.find((i) => i.name === name));
    // Who answers for it: the lead of the first clause of the first chapter that answers for it, the other leads
    // of those chapters cooperating (R2, round eight: 表2 names one unit to answer, not four side by side).
    const units = order([...new Set(leadsOf(name))]);
    const lead = missedLead(plan, clauses, name) || units[0] || '';
    return { name, text: f.text, row: f.row, verdict: `${name}${f.row.结论}`, lead, units, aim: nextAims.find((x) => x.includes(name)) ?? '' };
  });
  // 表2's row for each missed indicator: its figure against its target, who answers, by when the causes are due.
  const indicatorRows = missedRows.map((m) => {
    return {
      序号: '',
      编号: MISSED_ROW.number,
      任务: MISSED_ROW.task(m.name),
      单位: MISSED_ROW.units(m.lead, m.units.filter((u) => u !== m.lead)),
      类别: '指标' as PressedKind,
      情况: `${m.row.完成值}，${MISSED_ROW.lowerIsBetter.test(m.row.目标) ? '高于' : '低于'}目标（${m.row.目标}）`,
      // The cause is what the lead is asked for (R4 通报 7: a dash reads as no cause at all).
      原因: `待${m.lead}分析报送`,
      时限: `${reply}前${MISSED_ROW.ask}`,
      序时: '',
      颜色: '',
      停滞: false,
    };
  });
  // Every clause followed up (for the praise and 总体看, which leave them out); only a remainder is pressed in 表2.
  const followRows = followed.map(({ c, leads, 情况, 原因, deadline }) => ({
    部分: '',
    序号: '',
    编号: c.clauseId,
    任务: rowName(c, clauses),
    单位: unitsText(leads),
    类别: '跟踪' as PressedKind,
    情况,
    原因,
    时限: deadline,
    序时: '',
    颜色: '',
    停滞: false,
  }));
  // 表2 in the plan's order of its clauses, the indicators after them; 表3 the problems to follow up, its own.
  const remainderRows = followRows.filter((_, i) => followed[i]!.kind === 'remainder');
  // B32: the work carried into next year with them, in the plan's order (CARRIED_ROW).
  const carriedRows = yearEnd
    ? clauses
        .filter((c) => c.yearEnd === '结转')
        .map((c) => {
          const leads = c.answers.filter((a) => a.role === '牵头' && a.reported);
          const problem = problemsSaid(leads);
          return { c, leads, 问题: problem || CARRIED_ROW.left, 措施: carriedStep(c) };
        })
    : [];
  const at = (c: ClauseProgress) => clauses.indexOf(c);
  const tracked = [
    ...followed.filter((x) => x.kind === 'problem').map((x) => ({ c: x.c, leads: x.leads, 问题: x.情况, 措施: x.deadline })),
    ...carriedRows,
  ]
    .sort((a, b) => at(a.c) - at(b.c))
    .map((x, i) => ({ 序号: String(i + 1), 编号: x.c.clauseId, 任务: rowName(x.c, clauses), 单位: unitsText(x.leads), 问题: x.问题, 措施: x.措施 }));
  // B25: a lead's clauses reported 完成 under a pasted sentence (BULLETIN_RULES.pasted), not in 表2 already for a
  // remainder: followed up by the reply date, 表1 counting them as reported. Whether the lead wrote anything of its own
  // besides (`需逐项核实`) or nothing (`未写明具体进展`), by clause.
  // The units whose reports hold a sentence pasted under several tasks (the report's 重复表述, one detector).
  // Counted once: per unit, the clauses it pasted such a sentence under.
  const pastedUnder = new Map<string, number>();
  for (const c of clauses)
    for (const u of new Set(c.answers.filter((a) => a.reported && sentencesOf(substance(a.progress, c.task)).some((x) => boiler.has(x))).map((a) => a.unit))) pastedUnder.set(u, (pastedUnder.get(u) ?? 0) + 1);
  // (Only while few units pasted, BULLETIN_RULES.pasted.units: beyond that 三 says 部分单位…照搬套用 and 四 asks for
  // better returns; 表2 is no list of half the office's work.)
  const pastedRows = yearEnd && pastedUnder.size <= BULLETIN_RULES.pasted.units
    ? clauses.flatMap((c) => {
        if (c.yearEnd !== '完成' || remainderRows.some((r) => r.编号 === c.clauseId)) return [];
        const sentences = (a: UnitAnswer) => sentencesOf(substance(a.progress, c.task));
        // After R26, R27 (通报: the unit's items each gave their own figures, the pasted sentence only closing them; `需逐项
        // 核实` then doubted figures the report states): only a clause whose lead wrote nothing but the pasted sentence.
        const leads = c.answers.filter((a) => a.role === '牵头' && a.reported && sentences(a).length > 0 && sentences(a).every((x) => boiler.has(x)));
        if (!leads.length) return [];
        const 情况 = BULLETIN_RULES.pasted.situation(1);
        return [{ 部分: '', 序号: '', 编号: c.clauseId, 任务: rowName(c, clauses), 单位: unitsText(leads), 类别: '重复' as PressedKind, 情况, 原因: '—', 时限: `${reply}前${BULLETIN_RULES.pasted.ask}`, 序时: '', 颜色: '', 停滞: false }];
      })
    : [];
  const pastedIds = new Set(pastedRows.map((r) => r.编号));
  const sortedRows = [...pressedRows, ...remainderRows, ...pastedRows].sort((a, b) => clauses.findIndex((c) => c.clauseId === a.编号) - clauses.findIndex((c) => c.clauseId === b.编号));
  // One unit's unreported clauses in one chapter are one row, at the first's place (BULLETIN_RULES.silentGroup).
  const chapterOf = (id: string) => clauses.find((c) => c.clauseId === id)?.chapterId ?? '';
  const clauseRows = sortedRows.flatMap((r) => {
    // (Year-end only: a round in the year lists items behind, with their clause numbers.)
    if (!yearEnd || (r.类别 !== '未报送' && r.类别 !== '重复')) return [r];
    const same = sortedRows.filter((x) => x.类别 === r.类别 && x.单位 === r.单位 && chapterOf(x.编号) === chapterOf(r.编号));
    if (same.length < 2) return [r];
    if (same[0] !== r) return [];
    const at = progress.chapters.findIndex((ch) => ch.chapterId === chapterOf(r.编号));
    const title = (ctx.章节[at]?.标题 ?? progress.chapters[at]?.title ?? '').trim();
    const 任务 = BULLETIN_RULES.silentGroup(title, same.map((x) => x.任务));
    if (r.类别 === '重复') {
      // B25: one unit's pasted clauses in one chapter, one row as a silent unit's are (silentGroup's words).
      return [{ ...r, 任务, 情况: BULLETIN_RULES.pasted.situation(same.length) }];
    }
    const parts = same.map((x) => x.部分).filter(Boolean);
    return [{ ...r, 任务, 情况: W.未报送, 部分: parts.join('；') }];
  });
  // B32: an item carried into next year is a row of 表3 (carriedRows), no sentence after the tables (was `“…”属跨年度
  // 实施，已转入2026年继续推进，计划…。`).
  const carriedWords = '';
  // The clauses whose lead is not commended: not done (a task carried over included: its lead has work left) or
  // followed up. Their cooperating units are blamed only on an item 表2 presses as a failure (未完成, 未报送; a task
  // carried over is none) and only when they did not report their own part (done, in words of substance).
  // A clause followed up for a problem its lead reported (OPEN_PROBLEM) is done: no bar (the brief's praise names
  // such leads), but its result is not the unit's highlight (below).
  // (Year-end: anything but 完成 as 表1 counts it, so a clause 基本完成 bars its lead's praise.)
  const leadShort = yearEnd ? clauses.filter((c) => outcome(c) !== '完成') : clauses.filter((c) => isPressed(c) || c.status === '未报送');
  const coopShort = yearEnd ? pressed : leadShort;
  const reportedPart = (c: ClauseProgress, a: UnitAnswer) => a.reported && a.status !== null && allowed.includes(a.status) && !!substance(a.progress, c.task);
  const disqualified = (c: ClauseProgress, a: UnitAnswer) => (a.role === '牵头' ? leadShort.includes(c) : coopShort.includes(c) && !reportedPart(c, a));
  // Every unit 表2 makes answerable for a missed indicator (its lead and those counted as cooperating): praising one
  // of them beside the row that presses it would contradict the table.
  const missedLeads = new Set(missedRows.map((m) => m.lead).filter(Boolean));
  const missedAnswerable = new Set(missedRows.flatMap((m) => [m.lead, ...m.units]).filter(Boolean));
  // The units 表2 and 表3 name as 责任单位 (a missed indicator's row by its lead, `（会同…）` being no unit's name).
  const listed = new Set([...clauseRows, ...tracked].flatMap(rowUnits).concat([...missedLeads]));
  // Only units that reported on time (已报送) are considered: the late, the silent and the returned never are.
  const commended = progress.receipts
    .filter((r) => r.state === '已报送')
    .map((r) => r.unit)
    .filter((unit) => {
      const mine = clauses.flatMap((c) => c.answers.filter((a) => a.unit === unit).map((a) => ({ c, a })));
      return (
        mine.length > 0 &&
        !missedAnswerable.has(unit) &&
        // (B25: nor a unit whose clauses 表2 follows up for a pasted sentence.)
        !pastedRows.some((r) => rowUnits(r).includes(unit)) &&
        // B34: nor any unit a row of 表2 or 表3 names (COMMEND_RULE.notListed).
        !(COMMEND_RULE.notListed && listed.has(unit)) &&
        mine.every(({ a }) => a.status !== null && allowed.includes(a.status) && !a.stagnant) &&
        !mine.some(({ c, a }) => disqualified(c, a))
      );
    });
  // Commended for results: each unit's most specific sentence from its own reports on the clauses it answers for,
  // boilerplate (报告.重复表述) and routine counts (a shape other units' results share) left out.
  const results = commended.map((unit) => {
    // Not from a clause 表2 follows up: praise beside the row that presses the same work reads as a contradiction.
    const own = clauses.filter((c) => !followRows.some((r) => r.编号 === c.clauseId) && !pastedIds.has(c.clauseId)).flatMap((c) => c.answers.filter((a) => a.unit === unit && a.role !== '配合').map((a) => ({ c, a })));
    // (Whether the clause went beyond its target, kpi.ts exceeded, on the unit's own figure: praiseOrder.)
    const sentences = own.flatMap(({ c, a }) => sentencesOf(substance(a.progress, c.task)).filter((x) => !boiler.has(x)).map((x) => ({ task: c.task, x, beyond: c.source === a.unit && exceeded(c) })));
    return { unit, sentences };
  });
  const shapes = new Map<string, number>();
  for (const r of results) for (const x of new Set(r.sentences.map((y) => sentenceShape(y.x)))) shapes.set(x, (shapes.get(x) ?? 0) + 1);
  // Each unit's one highlight: the strongest result clause of its distinctive sentences (highlightClause).
  const outcomeOnly = COMMEND_RULE.outcomeOnly[yearEnd ? 'yearEnd' : 'midYear'];
  const best = results
    .map((r) => {
      const own = r.sentences.filter((y) => (shapes.get(sentenceShape(y.x)) ?? 0) <= 1 && !REVIEW_WORDS.routine.test(y.x));
      const pick = own
        .map((y) => ({ h: highlightClause(y.x), beyond: y.beyond, x: y.x }))
        .filter((x): x is { h: { text: string; n: number }; beyond: boolean; x: string } => x.h !== null)
        // B32: at the year's end an outcome only (COMMEND_RULE.outcome), a result beyond its target being one.
        .filter((x) => !outcomeOnly || x.beyond || (COMMEND_RULE.outcome.test(x.h.text) && !COMMEND_RULE.highlight.routineResult.test(x.h.text)))
        .sort((a, b) => b.h.n - a.h.n)[0];
      return pick ? { 单位: r.unit, 成效: pick.h.text, n: pick.h.n, exceeded: pick.beyond, ...(praiseAct(pick.x, pick.h.text) ?? {}) } : null;
    })
    .filter((x): x is { 单位: string; 成效: string; n: number; exceeded: boolean; 举措?: string; 原文?: string } => x !== null);
  // The strongest first (B9 point 3), a result beyond its target above a sum of money, the registry's order on a tie.
  const praise = praiseOrder(best, order(best.map((x) => x.单位)))
    .slice(0, COMMEND_RULE.most)
    .map(({ 单位, 成效, 举措, 原文 }) => ({ 单位, 成效, ...(举措 ? { 举措, 原文 } : {}) }));
  // 总体看's results (B9 point 2), from the leads' words on the clauses done and not followed up; a praised unit's
  // highlight is told there, not twice.
  // The main indicators in one sentence of their own (round eleven, R6 通报 4): those met (yearResults' phrase), then
  // those missed with figure and target; the judgement then names task results only when there is no indicator.
  const indicatorParts = yearEnd && ctx.结论.有报送 ? [yearResults(plan, o.metrics ?? {}, []), ...missedRows.map((m) => m.text)].filter(Boolean) : [];
  if (verdictWith) {
    const done = clauses.filter((c) => c.yearEnd === '完成' && !followRows.some((r) => r.编号 === c.clauseId) && !pastedIds.has(c.clauseId));
    const sentences = done.flatMap((c) => c.answers.filter((a) => a.role === '牵头' && a.reported).flatMap((a) => sentencesOf(substance(a.progress, c.task)).filter((x) => !boiler.has(x))));
    verdict = verdictWith(indicatorParts.length ? '' : yearResults(plan, {}, sentences, new Set(praise.map((x) => x.成效))));
  }
  // Criticism: each unit with its failing, in registry order, one verdict for all.
  const failing = new Map<string, string>();
  // A late report is no silence: the late unit is reminded, with the days it was late (its receipt against the
  // round's deadline), not criticised with those that did not report.
  const daysLate = (u: string) => {
    const at = progress.receipts.find((r) => r.unit === u)?.receivedAt;
    if (!at) return 0;
    return Math.round((Date.parse(`${localDate(at)}T00:00:00Z`) - Date.parse(`${progress.round.deadline}T00:00:00Z`)) / 86_400_000);
  };
  const lateUnits = order(ctx.报送.逾期);
  const lateWords = (u: string) => `${u}逾期${daysLate(u) > 0 ? `${daysLate(u)}天` : ''}报送`;
  for (const u of ctx.报送.未报) {
    // Name what is missing: the items this unit answers for that stand 未报送 in 表2.
    const items = pressedRows.filter((r) => r.类别 === '未报送' && rowUnits(r).includes(u));
    // Round thirteen (B13 point 5): every task named, up to CRITICISM_NAMED (表2's row may name only the first).
    const names = [...new Set(items.map((r) => r.任务))];
    const what = items.length > 2 ? `${names.length <= CRITICISM_NAMED ? list(names) : names[0]}等${items.length}项工作` : list(names);
    failing.set(u, items.length ? `未报送${yearEnd ? '年终' : ''}工作情况，所承担的${what}${yearEnd ? '完成' : '进展'}情况不明` : '未报送');
  }
  for (const u of ctx.报送.退回) failing.set(u, '报送材料经审核退回');
  const criticised = order([...failing.keys()]).map((u) => `${u}${failing.get(u)}`);
  const repeaters = order([...pastedUnder.keys()]);
  // A late unit that pasted text is reminded of both at once (BULLETIN_RULES.lateAndRepeated), not named twice.
  // B25: 三 points to the units' rows of 表2 (`（见表2第4项）`), which ask for what is owed; it does not ask it again.
  const pastedRefs = (us: string[]) => {
    const rows = clauseRows.flatMap((r, i) => (r.类别 === '重复' && rowUnits(r).some((x) => us.includes(x)) ? [i + 1] : []));
    return rows.length ? BULLETIN_RULES.pasted.see(rowNumbers(rows)) : '';
  };
  const late = lateUnits.map((u) => (pastedUnder.has(u) ? BULLETIN_RULES.lateAndRepeated(lateWords(u), pastedUnder.get(u)!, pastedRefs([u])) : lateWords(u)));
  const otherRepeaters = repeaters.filter((u) => !lateUnits.includes(u));
  // Most cooperating units' texts are filler (BULLETIN_RULES.coopFiller): counted in 三, asked for in 四.
  const coopWords = coopFillerMostly(clauses);
  // The 版记's 印发机关 is the office that prints and sends (GB/T 9704 7.4.2): the issuer's 办公室 unless set.
  const printer = o.settings?.printer || (ctx.机关.startsWith('【') ? ctx.机关 : `${ctx.机关}办公室`);
  // What the 工作要求 name: the items of 表2 not done with their units and dates; the units that owe a report.
  const undoneItems: PressedItem[] = pressed
    .map((c, i) => ({ c, row: pressedRows[i]! }))
    .filter(({ row }) => row.类别 === '未完成')
    .map(({ c, row }) => {
      const units = pressedUnits(c).map((a) => a.unit);
      const lead = c.answers.find((a) => a.role === '牵头')?.unit ?? units[0] ?? '';
      return { task: row.任务, lead, others: units.filter((u) => u !== lead), deadline: row.时限 };
    });
  const owing = order([...new Set([...ctx.报送.未报, ...ctx.报送.退回, ...pressedRows.filter((r) => r.类别 === '未报送').flatMap(rowUnits)])]);
  // 表2 as printed (numbered 1…N below), and the rows whose 时限 is the reply date (REQUIREMENT_WORDS.listedPapers).
  const tableRows = [...clauseRows, ...indicatorRows];
  const followTable = `表${tableRows.length ? 3 : 2}`;
  shortfalls = shortfallsIn(followTable, missedRows.length ? BULLETIN_RULES.missedWords(missedRows) : '');
  const replyRows = tableRows.flatMap((r, i) => (r.时限.startsWith(`${reply}前`) ? [i + 1] : []));
  const input: RequirementInput = {
    yearEnd,
    year,
    undone: undoneItems,
    unreported: owing.map((unit) => ({
      unit,
      tasks: pressedRows.filter((r) => r.类别 === '未报送' && rowUnits(r).includes(unit)).map((r) => r.任务),
      returned: ctx.报送.退回.includes(unit),
      // 三 criticises a silent unit by the tasks it owes (failing above); a returned unit is criticised without them.
      named: ctx.报送.未报.includes(unit),
    })),
    followed: [
      ...followed.map((x) => ({ lead: unitsText(x.leads), kind: x.kind, deadline: x.deadline })),
      ...carriedRows.map((x) => ({ lead: unitsText(x.leads), kind: 'carried' as const, deadline: x.措施 })),
    ],
    followTable,
    missed: missedRows.map((m) => ({ name: m.name, lead: m.lead, aim: m.aim })),
    reply,
    office: replyOffice(ctx.机关, printer),
    coopFiller: coopWords?.phrase ?? '',
    repeated: repeaters.length > 0,
    replyRows: replyRows.length < tableRows.length ? replyRows : [],
    pasted: pastedRows.length > 0,
  };
  const requirements = BULLETIN_REQUIREMENTS.filter((r) => r.when(input)).map((r) => ({ 标题: r.标题, 内容: r.text(input) }));
  const stagnant = ctx.停滞任务;
  // Before the written reply, which closes the requirements with the one date.
  if (stagnant.length) requirements.splice(requirements.at(-1)?.标题 === '按期报送材料。' ? -1 : requirements.length, 0, { 标题: '如实更新进展。', 内容: `${list(order([...new Set(stagnant.flatMap((x) => x.单位.split('、')))]))}报送的部分进展情况与上一次完全相同（${list(stagnant.map((x) => x.任务))}），请如实更新。` });
  if (!requirements.length) requirements.push({ 标题: '巩固工作成效。', 内容: yearEnd ? `各单位要巩固${year}年工作成效，对照${Number(year) + 1}年工作安排抓好落实。` : '各单位要对照任务分工，按序时推进各项工作。' });
  const criticism = `${criticised.length === 1 ? `${criticised[0]}，予以通报批评。` : criticised.length ? `${criticised.join('；')}。对以上单位予以通报批评。` : ''}${late.length ? `${late.some((x) => x.includes('，')) ? late.join('；') : list(late)}，${CRITICISM_WORDS.remind}` : ''}`;
  const quality = `${otherRepeaters.length ? BULLETIN_RULES.repeatedText(otherRepeaters, pastedRefs(otherRepeaters)) : ''}${coopWords ? BULLETIN_RULES.coopFiller.text(coopWords.total, coopWords.filler, coopWords.phrase) : ''}`;
  // B39: at the year's end the praise is never silently absent (COMMEND_RULE.gap).
  // Round twenty-one (R45–R52, every reader: the gap too large, the data can propose): the units the rule would weigh —
  // on time, every clause done, no row of 表2 or 表3 — that lead work of their own, named inside the gap for the
  // leadership to choose from; none named, the bare gap.
  const candidates = commended.filter((u) => clauses.some((c) => c.answers.some((a) => a.unit === u && a.role === '牵头')));
  const praiseGap = yearEnd && !praise.length ? COMMEND_RULE.candidates(order(candidates)) : '';
  const praised = praise.length > 0 || !!praiseGap;
  const criticismTitle = criticised.length && late.length ? CRITICISM_WORDS.both : criticised.length ? CRITICISM_WORDS.criticism : CRITICISM_WORDS.reminder;
  return {
    发文机关标志: o.settings?.issuerMark?.trim() || `${ctx.机关}文件`,
    标题: `${ctx.机关}关于${subject}的通报`,
    开头: OPENING.text(ctx.主送, yearEnd ? OPENING.yearEnd(year) : OPENING.midYear(ctx.轮次.名称)),
    推进: progressSentence,
    指标: indicatorParts.length ? `主要指标中，${indicatorParts.join('；')}。` : '',
    短板: shortfalls,
    总体: verdict,
    表1: table,
    // Numbered 1…N (round eleven, R6 通报 2: clause numbers such as 13.2-3 read as figures); the task names the item.
    督办: [...clauseRows.map(({ 部分: _, ...r }) => r), ...indicatorRows].map((r, i) => ({ ...r, 序号: String(i + 1) })),
    表2注: BULLETIN_RULES.partsNote(clauseRows.map((r, i) => ({ no: String(i + 1), part: r.部分 })).filter((x) => x.part)),
    跟踪: tracked,
    表3标题: PRESSED_WORDS.follow.标题(clauseRows.length + indicatorRows.length ? 3 : 2),
    跟踪说明: !carriedRows.length ? PRESSED_WORDS.follow.说明 : carriedRows.length === tracked.length ? PRESSED_WORDS.follow.说明仅结转 : PRESSED_WORDS.follow.说明含结转,
    结转说明: carriedWords,
    ...pressedWords(yearEnd),
    报送: `应报送单位${n('应报单位数')}家${receipts.length ? `，${receipts.join('，')}` : ''}。`,
    表扬: praise.map((x) => x.单位),
    表扬成效: praise,
    表扬句: praiseSentence(praise, yearEnd),
    表扬批注: COMMEND_RULE.note,
    批评批注: CRITICISM_WORDS.note,
    表扬待填: praiseGap,
    分段: praised && !!(criticism || quality),
    文号: ctx.文号 || DOC_NUMBER_GAP,
    // B32 (R30 4, R31 5): what is carried into next year counts as 未报送 does, in one clause (十's 66.7% explained).
    表注: `注：完成率为${yearEnd ? '完成' : '已完成'}项数占工作项数的比例${uncounted.length ? `；${uncounted.join('、')}计入工作项数，不计为完成` : ''}${remainders.length ? `；${BULLETIN_RULES.basicDone.note}` : ''}。`,
    基本完成列: remainders.length > 0,
    // One unit: its failing and the verdict in one sentence; several, each its own clause, then the verdict once.
    // The late unit's reminder is its own sentence after the criticism (R2, round eight), and the title says both.
    批评: criticism,
    报送质量: quality,
    批评标题: criticismTitle,
    表扬批评标题: praised && (criticism || quality) ? SECTION_THREE.both : praised ? SECTION_THREE.praise : criticism ? SECTION_THREE.criticism(criticismTitle) : SECTION_THREE.none,
    指标未达到单位: order([...missedLeads]),
    要求: requirements.map((r, i) => ({ 标题: `（${cnOrdinal(i)}）${r.标题}`, 内容: r.内容 })),
    下一轮: yearEnd ? '' : '下一轮调度将重点跟踪上述事项。',
    回复日期: reply,
    联系人: o.settings?.contact?.trim() || BULLETIN_RULES.contactGap,
    抄送: o.settings?.cc?.trim() || BULLETIN_RULES.ccGap,
    印发机关: printer,
    印发日期: ctx.成文日期,
  };
}

/**
 * The praise's order (B9 point 3): the strongest highlight first (its score), the registry's order on a tie; round
 * fourteen (R9 通报 3): a result beyond its target (kpi.ts exceeded) above any sum of money (COMMEND_RULE.highlight.amount),
 * whatever their scores — money paid out is no result achieved; round fifteen (R10 通报 3): so is a hard result
 * (COMMEND_RULE.highlight.hardResult), and above a routine one (routineResult) too.
 */
export function praiseOrder<T extends { 单位: string; 成效: string; n: number; exceeded: boolean }>(items: T[], registered: string[]): T[] {
  const H = COMMEND_RULE.highlight;
  const hard = (x: T) => x.exceeded || H.hardResult.test(x.成效);
  const money = items.filter((x) => !hard(x) && (H.amount.test(x.成效) || H.routineResult.test(x.成效))).map((x) => x.n);
  const above = money.length ? Math.max(...money) + 1 : -Infinity;
  const key = (x: T) => (hard(x) ? Math.max(x.n, above) : x.n);
  return [...items].sort((a, b) => key(b) - key(a) || registered.indexOf(a.单位) - registered.indexOf(b.单位));
}

/**
 * The commendation as one sentence (B10 point 4): `甲处完成…，乙处推动…，成效突出，予以通报表扬。` — a result that opens
 * with its verb follows its unit; one with a subject of its own gets COMMEND_RULE.verb before it.
 */
export function praiseSentence(praise: { 单位: string; 成效: string; 举措?: string; 原文?: string }[], yearEnd: boolean): string {
  if (!praise.length) return '';
  const verdict = COMMEND_RULE.verdict[yearEnd ? 'yearEnd' : 'midYear'];
  // B32: a result after the unit's own act (praiseAct), as it wrote them; else the result alone, a verb before it when
  // it has none of its own.
  const clauses = praise.map((x) =>
    x.举措 ? `${x.单位}${x.举措}，${x.原文 ?? x.成效}` : `${x.单位}${opensWithVerb(x.成效) || COMMEND_RULE.resultVerbs.test(x.成效) ? '' : COMMEND_RULE.verb}${x.成效}`,
  );
  if (praise.some((x) => x.举措) && praise.length > 1) return `${clauses.join('；')}。${COMMEND_RULE.allUnits}${verdict}，${COMMEND_RULE.closing}`;
  return `${clauses.join('，')}，${verdict}，${COMMEND_RULE.closing}`;
}

/**
 * The unit's act that brought a result with a subject of its own (COMMEND_RULE.actMost, B32): the clause before it in
 * the unit's sentence, when that opens with a verb, and the result's clause as written (`其中…` kept, as it ties the
 * two); null when the result opens with a verb itself or no such clause stands before it.
 */
export function praiseAct(sentence: string, result: string): { 举措: string; 原文: string } | null {
  const R = COMMEND_RULE;
  if (opensWithVerb(result) || R.resultVerbs.test(result)) return null;
  const clauses = sentence.split(/[，；]/).map((x) => x.trim()).filter(Boolean);
  const at = clauses.findIndex((x) => x === result || partAlone(x).replace(R.highlight.connective, '') === result || x.replace(R.highlight.connective, '') === result);
  const act = at > 0 ? clauses[at - 1]! : '';
  if (!act || !opensWithVerb(act) || [...act].length > R.actMost || R.highlight.notResult.test(act)) return null;
  return { 举措: act, 原文: clauses[at]! };
}
