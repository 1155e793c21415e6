// Reporting rounds: `2025-09` (a month), `2025-Q3` (a quarter), `2025-H1` (a half year), `2025-年终` (the year).
import * as z from './zod.ts';
import { UserError } from '../util/errors.ts';

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

/**
 * The one spelling of a round id: `2025-q3` is `2025-Q3`, `2025-3` is `2025-03`, `2025-h1` is `2025-H1`, `2025`
 * and `2025-年度` are `2025-年终`. Every command normalises the id it is given, so one round never splits in two.
 */
export function normalizeRoundId(id: string): string {
  return parseRound(id).id;
}

/** Reads a round id; the default deadline is the 10th day after the period ends. */
export function parseRound(id: string, deadline?: string): Round {
  const trimmed = id.trim().replace(/[－—–]/g, '-').replace(/[Ｑｑ]/g, 'Q').replace(/[Ｈｈ]/g, 'H').replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  let normalized: string;
  let m: RegExpExecArray | null;
  let start: string;
  let end: string;
  let label: string;
  if ((m = /^(\d{4})-(\d{1,2})$/.exec(trimmed)) && Number(m[2]) >= 1 && Number(m[2]) <= 12) {
    const y = Number(m[1]);
    const mo = Number(m[2]);
    start = isoDate(y, mo, 1);
    end = monthEnd(y, mo);
    label = `${y}年${mo}月`;
    normalized = `${y}-${pad(mo)}`;
  } else if ((m = /^(\d{4})-Q([1-4])$/i.exec(trimmed))) {
    const y = Number(m[1]);
    const q = Number(m[2]);
    start = isoDate(y, q * 3 - 2, 1);
    end = monthEnd(y, q * 3);
    label = `${y}年第${CN_Q[q - 1]}季度`;
    normalized = `${y}-Q${q}`;
  } else if ((m = /^(\d{4})-(H[12]|上半年|下半年)$/i.exec(trimmed))) {
    const y = Number(m[1]);
    const first = /H1|上半年/i.test(m[2]!);
    start = first ? isoDate(y, 1, 1) : isoDate(y, 7, 1);
    end = first ? isoDate(y, 6, 30) : isoDate(y, 12, 31);
    label = `${y}年${first ? '上' : '下'}半年`;
    normalized = `${y}-H${first ? 1 : 2}`;
  } else if ((m = /^(\d{4})(?:-(年终|年度|全年|Y))?$/i.exec(trimmed))) {
    const y = Number(m[1]);
    start = isoDate(y, 1, 1);
    end = isoDate(y, 12, 31);
    label = `${y}年年终`;
    normalized = `${y}-年终`;
  } else {
    throw new UserError(
      `无法识别报送轮次“${id}”。`,
      '轮次请写成：2025-09（月度）、2025-Q3（季度）、2025-H1（半年）或 2025-年终（年度）。',
    );
  }
  if (deadline !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(deadline)) {
    throw new UserError(`报送截止日期“${deadline}”格式不正确。`, '请写成 YYYY-MM-DD，例如 2025-10-10。');
  }
  if (deadline !== undefined && deadline < start) {
    throw new UserError(`报送截止日期 ${deadline} 早于轮次 ${normalized} 的开始日期 ${start}。`, '请检查 --deadline。');
  }
  return { id: normalized, label, start, end, deadline: deadline ?? addDays(end, 10) };
}

/** Share of the plan year elapsed by the end of the round (0–1): what 序时 progress expects. */
export function elapsedShare(round: Round): number {
  const year = Number(round.end.slice(0, 4));
  const start = Date.UTC(year, 0, 1);
  const end = Date.UTC(year + 1, 0, 1);
  const at = Date.parse(`${round.end}T00:00:00Z`) + 86_400_000;
  return Math.min(1, Math.max(0, (at - start) / (end - start)));
}
