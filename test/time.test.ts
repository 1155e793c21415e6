// Beijing time without a time-zone database: the instant moved by eight hours, checked against ICU's Asia/Shanghai.
import { describe, expect, it } from 'vitest';
import { displayTime, localDate } from '../src/util/time.ts';

describe('Beijing time', () => {
  it('shows an instant as Beijing wall time, across midnight and the new year', () => {
    expect(displayTime('2025-10-10T01:00:00Z')).toBe('2025-10-10 09:00');
    expect(displayTime('2025-12-31T16:30:00.000Z')).toBe('2026-01-01 00:30');
    expect(localDate('2025-10-09T15:59:59Z')).toBe('2025-10-09');
    expect(localDate('2025-10-09T16:00:00Z')).toBe('2025-10-10');
    expect(displayTime('2025-10-10T09:00:00+08:00')).toBe('2025-10-10 09:00');
  });

  it('agrees with the time-zone database on instants spread over 2000–2030', () => {
    const icu = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false });
    const start = Date.parse('2000-01-01T00:00:00Z');
    const step = 7 * 86_400_000 + 3_600_000 * 5 + 60_000 * 17;
    let checked = 0;
    for (let t = start; t < Date.parse('2030-12-31T00:00:00Z'); t += step, checked++) {
      const p = Object.fromEntries(icu.formatToParts(new Date(t)).map((x) => [x.type, x.value]));
      expect(displayTime(new Date(t).toISOString())).toBe(`${p.year}-${p.month}-${p.day} ${p.hour === '24' ? '00' : p.hour}:${p.minute}`);
    }
    // 31 years in steps of 7 days 5 h 17 min.
    expect(checked).toBe(1569);
  });
});
