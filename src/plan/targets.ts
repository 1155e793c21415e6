// Reads quantified targets (`下降5%`, `40%以上`, `完成78家`) and deadlines (`2022年底前`, `每季度`) from clause text.
import { comparatorPattern } from '../model/comparator.ts';
import type { Deadline, Target } from '../model/plan.ts';
import { addDays, isoDate, monthEnd } from '../model/round.ts';
import { chineseNumeral } from './numerals.ts';

const COUNT_UNITS = '万亿元|万人次|亿人次|万人|万户|万辆|万个|万件|辆次|家次|户次|批次|万平方米|平方米|平方公里|万亩|亩|公里|千米|万吨|吨|万元|亿元|个百分点|个|家|处|条|项|座|台|辆|次|件|人次|人|所|批|套|场|户|宗|起|块|期|篇|份|口|只|枚|余家|余个|余项|名|种|间|元';
const PERCENT = '%|％';
// The comparator words come from the one table of their meanings (src/model/comparator.ts), longest first, so
// `不低于` wins over `低于`; `提高到` (a level) is not `提高` (a change), which may not be followed by 到 or 至.
const CHANGE = comparatorPattern(['reduce', 'increase'], 'words');
const LEVEL = comparatorPattern(['atLeast', 'atMost', 'count'], 'words');
const BOUND_AFTER = comparatorPattern(['atLeast', 'atMost'], 'after');
const ABOUT = comparatorPattern(['about'], 'after');
const RANGE = '到|至|-|－|~|～|—';
// A count without a comparator is a target only when the task commits to producing it: the verb stands right
// before the number (`完成省定660个`, `打造100个`, `实现旅游收入11亿元`). Without one, a count describes the
// work's object (`对135家企业开展监测`, `由10家企业配送`, `推动1家园区做好试点`).
const COMMIT = '完成|建成|新建|建设|新增|推出|打造|培育|培养|培训|创建|引进|组建|举办|开展|招引|实现|接待|实施|改造|整治|治理|投放|成立|设立|种植|造林|投资|发放|筹集|争取|淘汰|关闭|取缔|拆除|查处|办理|抽查|检查|监测|处置|回收|安装|铺设|配备|建立|命名|认定|评选|收储|修复|提供';
const COMMITTED = new RegExp(`(?:${COMMIT})[^，,、。；;的\\d]{0,8}$`);
// A count of the document's own items (`（共5项）`, `方面4项：`, `本方案提出的20个问题`) or of a list just given (`等8个区域`).
const SELF_COUNT = /(?:共|方面|等)$|本方案|本意见|本通知|本文|上述|以下/;

/** The phrase of the clause, between punctuation, that contains [start, end). */
function phraseAround(text: string, start: number, end: number): string {
  const stops = /[，。；;：:！？、,]/;
  let a = start;
  while (a > 0 && !stops.test(text[a - 1]!)) a--;
  let b = end;
  while (b < text.length && !stops.test(text[b]!)) b++;
  return text.slice(a, b).replace(/^[（(]?\d+[.．、]/, '').trim();
}

export function findTargets(text: string): Target[] {
  const targets: Target[] = [];
  const taken: [number, number][] = [];
  const overlaps = (s: number, e: number) => taken.some(([a, b]) => s < b && e > a);
  const push = (m: RegExpExecArray, value: string, unit: string, comparator: string, upper?: string) => {
    const s = m.index;
    const e = m.index + m[0].length;
    if (overlaps(s, e)) return;
    taken.push([s, e]);
    const target: Target = { value: Number(value), unit: unit.replace('％', '%'), comparator, words: phraseAround(text, s, e) };
    if (upper !== undefined) target.upper = Number(upper);
    targets.push(target);
  };
  /** The phrase's text before a position, for the words that precede a number. */
  const before = (at: number) => {
    let a = at;
    while (a > 0 && !/[，。；;！？,]/.test(text[a - 1]!)) a--;
    return text.slice(a, at);
  };
  // 1到2个 / 3-5家 / 60%～70%: a range, reported against its lower end.
  for (const m of text.matchAll(new RegExp(`(?<![\\d.])(\\d+(?:\\.\\d+)?)\\s*(?:${PERCENT})?\\s*(?:${RANGE})\\s*(\\d+(?:\\.\\d+)?)\\s*(${PERCENT}|个百分点|${COUNT_UNITS})`, 'g'))) {
    if (Number(m[2]) <= Number(m[1])) continue;
    if (!/%|％|百分点/.test(m[3]!) && !COMMITTED.test(before(m.index))) continue;
    push(m as RegExpExecArray, m[1]!, m[3]!, '范围', m[2]!);
  }
  // 50%左右 / 100个左右
  for (const m of text.matchAll(new RegExp(`(?<![\\d.])(\\d+(?:\\.\\d+)?)\\s*(${PERCENT}|个百分点|${COUNT_UNITS})?(?:${ABOUT})`, 'g'))) {
    push(m as RegExpExecArray, m[1]!, m[2] ?? '', '左右');
  }
  // 较2020年下降5% / 下降5个百分点 (but `下降到5%` is a level: see LEVEL)
  for (const m of text.matchAll(new RegExp(`(?:较\\d{4}年)?(${CHANGE})(?![到至])(?:了)?(\\d+(?:\\.\\d+)?)\\s*(${PERCENT}|个百分点)`, 'g'))) {
    push(m as RegExpExecArray, m[2]!, m[3]!, m[1]!);
  }
  // 保持在40%以上 / 达到100% / 55以上
  for (const m of text.matchAll(new RegExp(`(${LEVEL})?\\s*(\\d+(?:\\.\\d+)?)\\s*(${PERCENT})?(${BOUND_AFTER})`, 'g'))) {
    push(m as RegExpExecArray, m[2]!, m[3] ?? '', m[4]!);
  }
  // A percentage in a formula (`…/常住人口数*100%`) defines a rate; it is not one.
  for (const m of text.matchAll(new RegExp(`(${LEVEL})?\\s*(?<![*×＊/])(\\d+(?:\\.\\d+)?)\\s*(${PERCENT})`, 'g'))) {
    if (/[=＝]/.test(before(m.index))) continue;
    push(m as RegExpExecArray, m[2]!, m[3]!, m[1] ?? '');
  }
  // 完成省定660个行政村 / 组织完成78家重点监管单位; a number inside quotes (“224”) or a year is not a target.
  for (const m of text.matchAll(new RegExp(`(${LEVEL})?[^，,、。；;\\d“”"]{0,4}?(?<![\\d.“"第])(\\d+(?:\\.\\d+)?)\\s*(${COUNT_UNITS})(?![\\d”"月工])`, 'g'))) {
    if (/[“"]/.test(text.slice(Math.max(0, m.index - 1), m.index))) continue;
    const end = m.index + m[0].length;
    const start = m.index + m[0].search(/\d/);
    // A count that describes the work's object, not what it commits to: a threshold (`对20吨及以上设施`), a scope
    // (`全市161个街道`), the parts of a named programme in brackets (`“224”(2个区县、2个园区…)`).
    if (/^(?:及)?(?:以上|以下)/.test(text.slice(end)) && !m[1]) continue;
    if (/(?:全市|全区|全县|全省|全国|辖区内?|现有|所有)$/.test(text.slice(Math.max(0, start - 3), start)) && !m[1]) continue;
    if (/[”"][（(][^）)]*$/.test(text.slice(0, start))) continue;
    if (SELF_COUNT.test(before(start))) continue;
    // The filler before the number may have taken the comparator word (`路检不少于500辆次`): look for it there.
    const prefix = m[0].slice(0, m[0].search(/\d/));
    // `已建成的8万吨工程` names what exists: a count after 的 or after 已 is a description whatever the verb.
    if (/的/.test(prefix) || /已$/.test(text.slice(Math.max(0, m.index - 1), m.index))) continue;
    const comparator = m[1] ?? new RegExp(`(${LEVEL})`).exec(prefix)?.[1] ?? '';
    if (!comparator && (!COMMITTED.test(before(start)) || /已[^，。；]{0,4}$/.test(before(start)))) continue;
    push(m as RegExpExecArray, m[2]!, m[3]!, comparator);
  }
  return targets.sort((a, b) => text.indexOf(a.words) - text.indexOf(b.words));
}

/** What a relative deadline is counted from: the plan's year (`上半年`, `年底前`) and the notice's date (`印发后3个月内`). */
export interface PlanDates {
  year: number | null;
  /** The date the plan was issued (its signature date), YYYY-MM-DD. */
  issued: string | null;
}

/** `3`, `三`, `十二` as a number; NaN when the words are neither. */
function amount(words: string): number {
  return /^\d+$/.test(words) ? Number(words) : (chineseNumeral(words) ?? NaN);
}

/** A date `n` months or years on, the day kept where the month has it (31 Jan + 1 month is 28/29 Feb). */
function addPeriod(date: string, n: number, unit: 'day' | 'month' | 'year'): string {
  if (unit === 'day') return addDays(date, n);
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const months = y * 12 + (m - 1) + (unit === 'year' ? 12 * n : n);
  const [year, month] = [Math.floor(months / 12), (months % 12) + 1];
  return isoDate(year, month, Math.min(d, Number(monthEnd(year, month).slice(8))));
}

const NUM = '\\d+|[一二两三四五六七八九十]+';
// `自2016年下半年起`, `2016年起`, `自4月份开始`: when the work starts, never when it is due.
const START = /自?(?:即日|\d{4}\s*年(?:\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?|[上下]半年)?|\d{1,2}\s*月份?(?:\s*\d{1,2}\s*日)?)(?:起|开始)/g;
// A dated period that describes what the work covers (`2018年6月1日至2019年11月20日期间挂网的项目`), not when.
const SCOPE_PERIOD = /\d{4}\s*年[\d\s年月日]*(?:至|到|-|—)\s*\d{4}\s*年[\d\s年月日]*期间/g;
const FIVE_YEAR: Record<string, number> = { 十二五: 2015, 十三五: 2020, 十四五: 2025, 十五五: 2030 };

/**
 * The deadline the text sets for the clause. Every dated deadline is read and the latest one wins: `10月10日前完成
 * 阶段性工作，11月25日前全面完成` is done on 25 November. `长期坚持` after a date keeps the clause open; a clause
 * with no date is recurring (`每季度`) or ongoing (`常态化`, `定期`). Dates without a year (`6月底前`, `上半年`,
 * `年底前`) are in the plan's year; `印发后3个月内` counts from the notice's date.
 */
export function findDeadline(text: string, dates: PlanDates): Deadline | null {
  const { year, issued } = dates;
  // Digits spaced out by a converter (`2019 年 11 月`) read as written.
  const plain = text.replace(/(\d)\s+(?=[年月日])|([年月])\s+(?=\d)/g, '$1$2').replace(START, (m) => '　'.repeat(m.length)).replace(SCOPE_PERIOD, (m) => '　'.repeat(m.length));
  const found: { words: string; date: string }[] = [];
  const add = (words: string, y: number, m: number, d?: number) => {
    if (m < 1 || m > 12) return;
    found.push({ words, date: d ? isoDate(y, m, Math.min(d, Number(monthEnd(y, m).slice(8)))) : monthEnd(y, m) });
  };
  const all = (re: RegExp, f: (m: RegExpExecArray) => void) => {
    for (const m of plain.matchAll(re)) f(m as RegExpExecArray);
  };
  const taken: [number, number][] = [];
  const free = (m: RegExpExecArray) => {
    const [s, e] = [m.index, m.index + m[0].length];
    if (taken.some(([a, b]) => s < b && e > a)) return false;
    taken.push([s, e]);
    return true;
  };
  // Absolute dates: 2019年11月25日前, 2019年2月底前, 2018年4月至2019年10月 (a period ends at its end), (2019年11月).
  all(/(\d{4})年(\d{1,2})月(\d{1,2})日(?:前|以前|之前)/g, (m) => free(m) && add(m[0], +m[1]!, +m[2]!, +m[3]!));
  all(/(\d{4})年(\d{1,2})月(?:份)?(?:底|末)?(?:前|以前|之前)/g, (m) => free(m) && add(m[0], +m[1]!, +m[2]!));
  all(/(?:至|到|—|-|－)\s*(\d{4})年(\d{1,2})月(?:(\d{1,2})日)?/g, (m) => free(m) && add(m[0], +m[1]!, +m[2]!, m[3] ? +m[3] : undefined));
  all(/(\d{4})年\d{1,2}\s*(?:-|－|—|至|到)\s*(\d{1,2})月/g, (m) => free(m) && add(m[0], +m[1]!, +m[2]!));
  all(/[（(](\d{4})年(\d{1,2})月[)）]/g, (m) => free(m) && add(m[0], +m[1]!, +m[2]!));
  all(/(\d{4})年(?:底|年底|末|年末)?(?:前|以前|之前)|(\d{4})年(?:底|末)/g, (m) => free(m) && add(m[0], +(m[1] ?? m[2])!, 12));
  all(/(?:到|至|(?<!已)于|(?<!已)在|力争|争取)\s*(\d{4})年(?![\d度])/g, (m) => free(m) && add(m[0], +m[1]!, 12));
  // The end of a five-year period: “十四五”期间, 十四五末.
  all(/“?(十[二三四五]五)”?(?:期间|末|时期)/g, (m) => free(m) && add(m[0], FIVE_YEAR[m[1]!]!, 12));
  if (year !== null) {
    all(/(?<![\d年])(\d{1,2})月(\d{1,2})日(?:前|以前|之前)/g, (m) => free(m) && add(m[0], year, +m[1]!, +m[2]!));
    all(/(?<![\d年])(\d{1,2})月(?:份)?(?:底|末)?(?:前|以前|之前)/g, (m) => free(m) && add(m[0], year, +m[1]!));
    all(/(?<![\d年])(\d{1,2})月(?:份)?(?:底|末)?(?=(?:初步|全面|基本)?(?:完成|建成|获批|出台|印发|开工|投运|投入|通过))/g, (m) => free(m) && add(m[0], year, +m[1]!));
    all(/第([一二三四1-4])季度|([一二三四])季度(?:末|底)(?:前)?/g, (m) => free(m) && add(m[0], year, 3 * amount(m[1] ?? m[2]!)));
    all(/(?<![\d一二两三四五六七八九十]\s*)(?:年底前|年内|年底|年末)/g, (m) => free(m) && add(m[0], year, 12));
    all(/上半年/g, (m) => free(m) && add(m[0], year, 6));
    all(/下半年/g, (m) => free(m) && add(m[0], year, 12));
    all(/全年(?:共|累计)?(?=完成|实现|接待|新增|建成|投资|开展|举办)/g, (m) => free(m) && add(m[0], year, 12));
  }
  // 印发后3个月内, 本意见印发之日起30日内, 三年内: counted from the notice's date.
  const within: { words: string; n: number; unit: 'day' | 'month' | 'year' }[] = [];
  all(new RegExp(`(?:印发|发布|实施)?(?:之日起|后)?\\s*(${NUM})\\s*(个工作日|日|天|个月|年)内`, 'g'), (m) => {
    if (!free(m)) return;
    const n = amount(m[1]!);
    const unit = /月/.test(m[2]!) ? 'month' : /年/.test(m[2]!) ? 'year' : 'day';
    if (Number.isFinite(n)) within.push({ words: m[0].trim(), n, unit });
  });
  all(new RegExp(`利用\\s*(?:${NUM})\\s*(?:-|～|~|至|到)\\s*(${NUM})\\s*(个月|年)(?:时间|左右)`, 'g'), (m) => {
    if (!free(m)) return;
    within.push({ words: m[0], n: amount(m[1]!), unit: /月/.test(m[2]!) ? 'month' : 'year' });
  });
  for (const w of within) {
    if (issued) found.push({ words: w.words, date: addPeriod(issued, w.n, w.unit) });
  }
  // `并长期坚持` keeps a clause open whatever dates come before it.
  const keptOpen = /长期坚持/.exec(plain);
  if (keptOpen) return { words: keptOpen[0], meaning: { kind: 'ongoing' } };
  if (found.length) {
    const latest = found.reduce((a, b) => (b.date > a.date ? b : a));
    return { words: latest.words.replace(/^(?:于|在)/, ''), meaning: { kind: 'date', date: latest.date } };
  }
  if (within.length) {
    const w = within[within.length - 1]!;
    return { words: w.words, meaning: { kind: 'within', amount: w.n, unit: w.unit } };
  }
  const recurring: [RegExp, 'month' | 'quarter' | 'halfyear' | 'year'][] = [
    [/每月|按月/, 'month'],
    [/每季度|按季度|每季/, 'quarter'],
    [/每半年/, 'halfyear'],
    [/每年(?!度)/, 'year'],
  ];
  let m: RegExpExecArray | null;
  for (const [re, every] of recurring) {
    if ((m = re.exec(plain))) return { words: m[0], meaning: { kind: 'recurring', every } };
  }
  const ongoing = /常态化|定期/.exec(plain);
  if (ongoing) return { words: ongoing[0], meaning: { kind: 'ongoing' } };
  return null;
}
