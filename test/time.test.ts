// Beijing time without a time-zone database: the instant moved by eight hours, checked against ICU's Asia/Shanghai.
import { describe, expect, it } from 'vitest';
import { UserError } from '../src/util/errors.ts';
import { beijingToday, displayTime, localDate, parseBeijingTime, parseDate, today } from '../src/util/time.ts';

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

describe('today', () => {
  it('is the Beijing date: between 00:00 and 08:00 Beijing time the UTC date is still yesterday', () => {
    const saved = process.env.TAIZHANG_TODAY;
    delete process.env.TAIZHANG_TODAY;
    try {
      // 2025-10-11 01:30 in Beijing is 2025-10-10 17:30 UTC: the deadline 2025-10-10 has passed in Beijing.
      expect(today(undefined, new Date('2025-10-10T17:30:00Z'))).toBe('2025-10-11');
      expect(beijingToday(new Date('2025-10-10T15:59:59Z'))).toBe('2025-10-10');
      expect(beijingToday(new Date('2025-12-31T16:00:00Z'))).toBe('2026-01-01');
      // Given (--today) it is read in a clerk's forms, and TAIZHANG_TODAY fixes it for reproducible runs.
      expect(today('2025/10/9', new Date('2025-10-10T17:30:00Z'))).toBe('2025-10-09');
      process.env.TAIZHANG_TODAY = '2025-10-08';
      expect(today(undefined, new Date('2025-10-10T17:30:00Z'))).toBe('2025-10-08');
      process.env.TAIZHANG_TODAY = '十月八日';
      expect(() => today()).toThrow(UserError);
    } finally {
      if (saved === undefined) delete process.env.TAIZHANG_TODAY;
      else process.env.TAIZHANG_TODAY = saved;
    }
  });
});

describe('dates as a clerk types them', () => {
  it('reads --received-at in the tool’s and the common forms, as Beijing time', () => {
    const forms: [string, string][] = [
      ['2025-10-09', '2025-10-08T16:00:00.000Z'],
      ['2025-10-9', '2025-10-08T16:00:00.000Z'],
      ['2025/10/9', '2025-10-08T16:00:00.000Z'],
      ['2025.10.9', '2025-10-08T16:00:00.000Z'],
      ['2025年10月9日', '2025-10-08T16:00:00.000Z'],
      ['2025-10-09 15:30', '2025-10-09T07:30:00.000Z'],
      ['2025-10-09T15:30', '2025-10-09T07:30:00.000Z'],
      ['2025/10/9 9:05', '2025-10-09T01:05:00.000Z'],
      ['2025年10月9日 15:30', '2025-10-09T07:30:00.000Z'],
      ['2025年10月9日15时30分', '2025-10-09T07:30:00.000Z'],
      ['2025年10月9日 15：30', '2025-10-09T07:30:00.000Z'],
      ['２０２５／１０／９', '2025-10-08T16:00:00.000Z'],
    ];
    for (const [text, iso] of forms) expect([text, parseBeijingTime(text, '--received-at').toISOString()]).toEqual([text, iso]);
  });

  it('refuses what is not a real date, naming the option and the accepted forms', () => {
    for (const bad of ['2025-02-30', '2025-13-01', '2025/10/9 25:00', '10月9日', '2025-10']) {
      let error: unknown;
      try {
        parseBeijingTime(bad, '--received-at');
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(UserError);
      expect((error as UserError).message).toBe(`--received-at 的取值“${bad}”无法识别为日期时间。`);
      expect((error as UserError).hint).toContain('2025-10-09、2025/10/9、2025.10.9 或 2025年10月9日');
    }
    expect(parseDate('2025年10月9日', '--today')).toBe('2025-10-09');
    expect(() => parseDate('2025-10-09 15:30', '--today')).toThrow('--today 的取值“2025-10-09 15:30”无法识别为日期。');
  });
});
