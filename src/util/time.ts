// Times as the office reads them: Beijing time, whatever the machine's zone.
import { UserError } from './errors.ts';

const ZONE = 'Asia/Shanghai';

/** `2025-10-10T01:00:00Z` → `2025-10-10 09:00`. */
export function displayTime(iso: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false }).formatToParts(new Date(iso));
  const get = (t: string) => parts.find((p) => p.type === t)!.value;
  return `${get('year')}-${get('month')}-${get('day')} ${get('hour') === '24' ? '00' : get('hour')}:${get('minute')}`;
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
