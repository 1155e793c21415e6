// Reads quantified targets (`下降5%`, `40%以上`, `完成78家`) and deadlines (`2022年底前`, `每季度`) from clause text.
import { comparatorPattern } from '../model/comparator.ts';
import type { Deadline, Target } from '../model/plan.ts';
import { monthEnd } from '../model/round.ts';

const COUNT_UNITS = '辆次|家次|户次|批次|万平方米|平方米|平方公里|万亩|亩|公里|千米|万吨|吨|万元|亿元|个百分点|个|家|处|条|项|座|台|辆|次|件|人次|人|所|批|套|场|户|宗|起|块|期|篇|份|口|只|枚|余家|余个|余项';
const PERCENT = '%|％';
// The comparator words come from the one table of their meanings (src/model/comparator.ts), longest first, so
// `不低于` wins over `低于`; `提高到` (a level) is not `提高` (a change), which may not be followed by 到 or 至.
const CHANGE = comparatorPattern(['reduce', 'increase'], 'words');
const LEVEL = comparatorPattern(['atLeast', 'atMost', 'count'], 'words');
const BOUND_AFTER = comparatorPattern(['atLeast', 'atMost'], 'after');
const ABOUT = comparatorPattern(['about'], 'after');
const RANGE = '到|至|-|－|~|～|—';

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
  // 1到2个 / 3-5家 / 60%～70%: a range, reported against its lower end.
  for (const m of text.matchAll(new RegExp(`(?<![\\d.])(\\d+(?:\\.\\d+)?)\\s*(?:${PERCENT})?\\s*(?:${RANGE})\\s*(\\d+(?:\\.\\d+)?)\\s*(${PERCENT}|个百分点|${COUNT_UNITS})`, 'g'))) {
    if (Number(m[2]) > Number(m[1])) push(m as RegExpExecArray, m[1]!, m[3]!, '范围', m[2]!);
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
  for (const m of text.matchAll(new RegExp(`(${LEVEL})?\\s*(\\d+(?:\\.\\d+)?)\\s*(${PERCENT})`, 'g'))) {
    push(m as RegExpExecArray, m[2]!, m[3]!, m[1] ?? '');
  }
  // 完成省定660个行政村 / 组织完成78家重点监管单位; a number inside quotes (“224”) or a year is not a target.
  for (const m of text.matchAll(new RegExp(`(${LEVEL})?[^，,、。；;\\d“”"]{0,4}?(?<![\\d.“"第])(\\d+(?:\\.\\d+)?)\\s*(${COUNT_UNITS})(?![\\d”"])`, 'g'))) {
    const before = text.slice(Math.max(0, m.index - 1), m.index);
    if (/[“"]/.test(before)) continue;
    const end = m.index + m[0].length;
    const start = m.index + m[0].search(/\d/);
    // A count that describes the work's object, not what it commits to: a threshold (`对20吨及以上设施`), a scope
    // (`全市161个街道`), the parts of a named programme in brackets (`“224”(2个区县、2个园区…)`).
    if (/^(?:及)?(?:以上|以下)/.test(text.slice(end)) && !m[1]) continue;
    if (/(?:全市|全区|全县|全省|全国|辖区内?|现有|所有)$/.test(text.slice(Math.max(0, start - 3), start)) && !m[1]) continue;
    if (/[”"][（(][^）)]*$/.test(text.slice(0, start))) continue;
    // The filler before the number may have taken the comparator word (`路检不少于500辆次`): look for it there.
    const prefix = m[0].slice(0, m[0].search(/\d/));
    push(m as RegExpExecArray, m[2]!, m[3]!, m[1] ?? new RegExp(`(${LEVEL})`).exec(prefix)?.[1] ?? '');
  }
  return targets.sort((a, b) => text.indexOf(a.words) - text.indexOf(b.words));
}

/** The first deadline stated in the text; `year` resolves `年底前` and `6月底前` in an annual plan. */
export function findDeadline(text: string, year: number | null): Deadline | null {
  let m: RegExpExecArray | null;
  if ((m = /(\d{4})年(\d{1,2})月(?:底|末)?(?:前|以前)/.exec(text))) {
    return { words: m[0], meaning: { kind: 'date', date: monthEnd(Number(m[1]), Number(m[2])) } };
  }
  if ((m = /(\d{4})年(?:底|年底|末|年末)?(?:前|以前)/.exec(text))) {
    return { words: m[0], meaning: { kind: 'date', date: `${m[1]}-12-31` } };
  }
  if ((m = /(\d{4})年(?:底|末)/.exec(text))) {
    return { words: m[0], meaning: { kind: 'date', date: `${m[1]}-12-31` } };
  }
  if (year !== null && (m = /(?<!\d)(\d{1,2})月(?:底|末)?(?:前|以前)/.exec(text))) {
    return { words: m[0], meaning: { kind: 'date', date: monthEnd(year, Number(m[1])) } };
  }
  if (year !== null && (m = /(?:年底前|年内|年底|年末)/.exec(text))) {
    return { words: m[0], meaning: { kind: 'date', date: `${year}-12-31` } };
  }
  if (year !== null && (m = /上半年/.exec(text))) {
    return { words: m[0], meaning: { kind: 'date', date: `${year}-06-30` } };
  }
  const recurring: [RegExp, 'month' | 'quarter' | 'halfyear' | 'year'][] = [
    [/每月|按月/, 'month'],
    [/每季度|按季度|每季/, 'quarter'],
    [/每半年/, 'halfyear'],
    [/每年/, 'year'],
  ];
  for (const [re, every] of recurring) {
    if ((m = re.exec(text))) return { words: m[0], meaning: { kind: 'recurring', every } };
  }
  if ((m = /长期坚持|常态化|长期/.exec(text))) return { words: m[0], meaning: { kind: 'ongoing' } };
  return null;
}
