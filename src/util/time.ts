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

/** Reads `2025-10-09` or `2025-10-09 15:30` as Beijing time; `option` names the option in the error. */
export function parseBeijingTime(text: string, option: string): Date {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{1,2}):(\d{2}))?$/.exec(text.trim());
  const date = m ? new Date(`${m[1]}-${m[2]}-${m[3]}T${(m[4] ?? '0').padStart(2, '0')}:${m[5] ?? '00'}:00+08:00`) : null;
  if (!date || Number.isNaN(date.getTime())) {
    throw new UserError(`${option} 的取值“${text}”无法识别。`, '请写成 2025-10-09 或 "2025-10-09 15:30"（北京时间）。');
  }
  return date;
}
