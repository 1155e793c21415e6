// Reporting rounds: `2025-09` (a month), `2025-Q3` (a quarter), `2025-H1` (a half year), `2025-年终` (the year).
import * as z from './zod.ts';
import { UserError } from '../util/errors.ts';
import { parseDate } from '../util/time.ts';

export const Round = z.object({
  id: z.string(),
  /** `2025年第三季度` */
  label: z.string(),
  start: z.string(),
  end: z.string(),
  /** Reports are due by this date (inclusive). */
  deadline: z.string(),
});
export type Round = z.infer<typeof Round>;

const CN_Q = ['一', '二', '三', '四'];
const pad = (n: number) => String(n).padStart(2, '0');
/** A date as YYYY-MM-DD. */
export const isoDate = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;

/** The last day of a month as YYYY-MM-DD. */
export function monthEnd(year: number, month: number): string {
  return isoDate(year, month, new Date(Date.UTC(year, month, 0)).getUTCDate());
}

/** Adds days to an ISO date. */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** What kind of period a round covers: a report of a month or quarter is a 工作进展情况, of the year a 年度 report. */
export type RoundKind = 'month' | 'quarter' | 'half' | 'year';

export function roundKind(round: Pick<Round, 'start' | 'end'>): RoundKind {
  const months = (Number(round.end.slice(0, 4)) - Number(round.start.slice(0, 4))) * 12 + Number(round.end.slice(5, 7)) - Number(round.start.slice(5, 7)) + 1;
  return months <= 1 ? 'month' : months <= 3 ? 'quarter' : months <= 6 ? 'half' : 'year';
}

/** The forms a round may be given in, for the message that refuses any other. */
export const ROUND_FORMS =
  '月度 2025-09、2025年9月；季度 2025-Q3、2025Q3、2025年第三季度、2025-3季度；半年 2025-H1、2025年上半年；年度 2025-年终、2025年年终、2025年度、2025。已建立的轮次可省略年份（如 Q3、第三季度、9月、上半年、年终）';

/** A round as written, before its year is known: the period and its number within the year. */
interface RoundSpec {
  year: number | null;
  kind: RoundKind;
  /** The month (1–12), quarter (1–4) or half (1–2); 1 for the year. */
  n: number;
}

const CN_DIGIT: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4 };
// An optional year before the period: `2025-`, `2025年`, `2025/`, `2025.` or just `2025`.
const YEAR = '(?:(\\d{4})(?:年|[-/.])?)?';
const SPECS: [RegExp, RoundKind, (period: string) => number][] = [
  [new RegExp(`^${YEAR}(\\d{1,2})(?:月份?)?$`), 'month', Number],
  [new RegExp(`^${YEAR}Q([1-4])$`), 'quarter', Number],
  [new RegExp(`^${YEAR}第?([一二三四1-4])季度?$`), 'quarter', (p) => CN_DIGIT[p] ?? Number(p)],
  [new RegExp(`^${YEAR}H([12])$`), 'half', Number],
  [new RegExp(`^${YEAR}([上下])半年度?$`), 'half', (p) => (p === '上' ? 1 : 2)],
  [new RegExp(`^${YEAR}(年终|年度|全年|Y)$`), 'year', () => 1],
];

/** Reads the forms the tool prints (`2025-Q3`, `2025年第三季度`) and those a clerk types; null for anything else. */
function readSpec(text: string): RoundSpec | null {
  const t = text
    .trim()
    .replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[－—–_]/g, '-')
    .replace(/[／]/g, '/')
    .replace(/[．]/g, '.')
    .replace(/[Ｑｑq]/g, 'Q')
    .replace(/[Ｈｈh]/g, 'H')
    .replace(/y/g, 'Y')
    .replace(/\s+/g, '');
  // A year alone: `2025`, `2025年`.
  const year = /^(\d{4})年?$/.exec(t);
  if (year) return { year: Number(year[1]), kind: 'year', n: 1 };
  for (const [re, kind, n] of SPECS) {
    const m = re.exec(t);
    if (!m) continue;
    // A bare number is a month only after a year: `2025-9`, not `9`.
    if (kind === 'month' && m[1] === undefined && !t.includes('月')) return null;
    const spec = { year: m[1] === undefined ? null : Number(m[1]), kind, n: n(m[2]!) };
    if (kind === 'month' && (spec.n < 1 || spec.n > 12)) return null;
    return spec;
  }
  return null;
}

function unreadable(id: string): UserError {
  return new UserError(`无法识别报送轮次“${id}”。`, `轮次可写成：${ROUND_FORMS}。`);
}

/**
 * The one spelling of a round id: `2025-q3`, `2025Q3` and `2025年第三季度` are `2025-Q3`, `2025-3` is `2025-03`,
 * `2025` and `2025年度` are `2025-年终`. Every command normalises the id it is given, so one round never splits in
 * two. A round given without its year (`Q3`, `9月`) is the one of the rounds already issued (`known`) it names.
 */
export function normalizeRoundId(id: string, known?: readonly string[] | (() => readonly string[])): string {
  const spec = readSpec(id);
  if (!spec) throw unreadable(id);
  if (spec.year !== null) return roundOf(spec, id).id;
  const ids = typeof known === 'function' ? known() : (known ?? []);
  const matches = ids.filter((k) => {
    const other = readSpec(k);
    return other !== null && other.kind === spec.kind && other.n === spec.n;
  });
  if (matches.length === 1) return matches[0]!;
  if (matches.length > 1) throw new UserError(`轮次“${id}”没有写年份，台账中有多个相符的轮次：${matches.join('、')}。`, `请写明年份，例如 --round ${matches.at(-1)}。`);
  throw new UserError(
    `轮次“${id}”没有写年份，台账中也没有与之相符的轮次${ids.length ? `（已有轮次：${ids.join('、')}）` : ''}。`,
    `请写明年份，例如 2025-Q3 或 2025年第三季度。`,
  );
}

/**
 * Reads a round id; the default deadline is the 10th day after the period ends. A round given without its year
 * takes `o.year` (the plan's year) when there is one.
 */
export function parseRound(id: string, deadline?: string, o: { year?: number | null } = {}): Round {
  const spec = readSpec(id);
  if (!spec) throw unreadable(id);
  if (spec.year === null) {
    if (!o.year) throw new UserError(`轮次“${id}”没有写年份，任务清单也没有年份可以参照。`, '请写明年份，例如 2025-Q3 或 2025年第三季度。');
    spec.year = o.year;
  }
  const round = roundOf(spec, id);
  if (deadline !== undefined) deadline = parseDate(deadline, '--deadline');
  if (deadline !== undefined && deadline < round.start) {
    throw new UserError(`报送截止日期 ${deadline} 早于轮次 ${round.id} 的开始日期 ${round.start}。`, '请检查 --deadline。');
  }
  return { ...round, deadline: deadline ?? round.deadline };
}

function roundOf(spec: RoundSpec, id: string): Round {
  const y = spec.year;
  if (y === null) throw unreadable(id);
  const n = spec.n;
  let start: string;
  let end: string;
  let label: string;
  let normalized: string;
  switch (spec.kind) {
    case 'month':
      start = isoDate(y, n, 1);
      end = monthEnd(y, n);
      label = `${y}年${n}月`;
      normalized = `${y}-${pad(n)}`;
      break;
    case 'quarter':
      start = isoDate(y, n * 3 - 2, 1);
      end = monthEnd(y, n * 3);
      label = `${y}年第${CN_Q[n - 1]}季度`;
      normalized = `${y}-Q${n}`;
      break;
    case 'half':
      start = n === 1 ? isoDate(y, 1, 1) : isoDate(y, 7, 1);
      end = n === 1 ? isoDate(y, 6, 30) : isoDate(y, 12, 31);
      label = `${y}年${n === 1 ? '上' : '下'}半年`;
      normalized = `${y}-H${n}`;
      break;
    case 'year':
      start = isoDate(y, 1, 1);
      end = isoDate(y, 12, 31);
      label = `${y}年年终`;
      normalized = `${y}-年终`;
      break;
  }
  return { id: normalized, label, start, end, deadline: addDays(end, 10) };
}

/** Share of the plan year elapsed by the end of the round (0–1): what 序时 progress expects. */
export function elapsedShare(round: Round): number {
  const year = Number(round.end.slice(0, 4));
  const start = Date.UTC(year, 0, 1);
  const end = Date.UTC(year + 1, 0, 1);
  const at = Date.parse(`${round.end}T00:00:00Z`) + 86_400_000;
  return Math.min(1, Math.max(0, (at - start) / (end - start)));
}
