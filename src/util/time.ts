// Times as the office reads them: Beijing time, whatever the machine's zone.
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
