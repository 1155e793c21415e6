// Times as the office reads them: Beijing time, whatever the machine's zone.
import { UserError } from './errors.ts';

// China has kept UTC+8 all year since 1991, so Beijing time is the instant moved by eight hours: no time-zone
// database is needed (and an Intl.DateTimeFormat per call costs tens of MB over a round of thousands of units).
const BEIJING_OFFSET_MS = 8 * 3_600_000;

/** `2025-10-10T01:00:00Z` → `2025-10-10 09:00`. */
export function displayTime(iso: string): string {
  const shifted = new Date(new Date(iso).getTime() + BEIJING_OFFSET_MS).toISOString();
  return `${shifted.slice(0, 10)} ${shifted.slice(11, 16)}`;
}

/** The Beijing calendar date of an instant. */
export function localDate(iso: string): string {
  return displayTime(iso).slice(0, 10);
}

/** `2025-10-20` → `2025年10月20日`, as dates are written in official documents. */
export function cnDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** The forms a date (and time) may be written in, for the hint of every date option. */
export const DATE_FORMS = '2025-10-09、2025/10/9、2025.10.9 或 2025年10月9日';
const TIME_FORMS = '可带时间，如 "2025-10-09 15:30"、"2025年10月9日 15:30"（北京时间）';

/** Full-width digits and punctuation as ASCII: a clerk's input method often gives `２０２５／１０／９` or `15：30`. */
function halfWidth(text: string): string {
  return text.trim().replace(/[０-９／．：－]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}

/**
 * A calendar date and optional wall time as written by the tool (`2025-10-09 15:30`) or typed by a clerk
 * (`2025/10/9`, `2025.10.9`, `2025年10月9日 15:30`, `2025年10月9日15时30分`); null when it is none of them or no
 * real date (`2025-02-30`).
 */
function readDateTime(text: string): { date: string; hour: number; minute: number; timed: boolean } | null {
  const m =
    /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?:(?:\s+|T)(\d{1,2})[:：](\d{2})(?::\d{2})?)?$/.exec(text) ??
    /^(\d{4})年(\d{1,2})月(\d{1,2})[日号](?:\s*(\d{1,2})(?:[:：]|[时点])(?:(\d{1,2})分?)?)?$/.exec(text);
  if (!m) return null;
  const [y, mo, d, h, mi] = m[2] === '-' || m[2] === '/' || m[2] === '.' ? [m[1], m[3], m[4], m[5], m[6]] : [m[1], m[2], m[3], m[4], m[5]];
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hour = h === undefined ? 0 : Number(h);
  const minute = mi === undefined ? 0 : Number(mi);
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCFullYear() !== year || probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) return null;
  if (hour > 23 || minute > 59) return null;
  const date = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return { date, hour, minute, timed: h !== undefined };
}

/** Reads a date and optional time as Beijing time; `option` names the option in the error. */
export function parseBeijingTime(text: string, option: string): Date {
  const read = readDateTime(halfWidth(text));
  if (!read) throw new UserError(`${option} 的取值“${text}”无法识别为日期时间。`, `请写成 ${DATE_FORMS}，${TIME_FORMS}。`);
  return new Date(`${read.date}T${String(read.hour).padStart(2, '0')}:${String(read.minute).padStart(2, '0')}:00+08:00`);
}

/** Reads a calendar date (no time) as YYYY-MM-DD; `option` names the option in the error. */
export function parseDate(text: string, option: string): string {
  const read = readDateTime(halfWidth(text));
  if (!read || read.timed) throw new UserError(`${option} 的取值“${text}”无法识别为日期。`, `请写成 ${DATE_FORMS}。`);
  return read.date;
}

/** A new deadline (`--until`) as a clerk types it: a date, today or later. */
export function parseNewDeadline(text: string, option: string, today: string, what: string): string {
  const date = parseDate(text, option);
  if (date < today) throw new UserError(`${what}“${text}”无效：应为今天（${today}）或以后的日期。`, `请重新指定 ${option}。`);
  return date;
}

/** The Beijing calendar date at an instant (now by default). */
export function beijingToday(now: Date = new Date()): string {
  return localDate(now.toISOString());
}

/**
 * The date deadlines are judged against, the one definition every command and page uses: the given date (--today),
 * else TAIZHANG_TODAY (for reproducible runs), else today in Beijing, whatever the machine's zone: between 00:00
 * and 08:00 Beijing time the UTC date is still yesterday's.
 */
export function today(given?: string, now: Date = new Date()): string {
  if (given !== undefined) return parseDate(given, '--today');
  const fixed = process.env.TAIZHANG_TODAY;
  if (fixed) return parseDate(fixed, '环境变量 TAIZHANG_TODAY');
  return beijingToday(now);
}
