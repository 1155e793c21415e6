// Reads a 完成值 the way units write it: 1,200 / １２００ / 45% / 78家; refuses 约两千 and never reads
// 2000万 as 2000 unless the target itself is counted in 万.
import { EXACT_DIGITS, exactNumber } from '../model/exact.ts';
import { ruleVariant } from '../model/rules.ts';
import { isDateFormat } from '../xlsx/index.ts';

export type ValueReading = { ok: true; value: number | null; text: string } | { ok: false; text: string; message: string };

const FULL_WIDTH = /[\uff10-\uff19\uff0e\uff0c\uff05\uff0d\uff0b]/g;

export function readValue(raw: unknown, numFmt: string | undefined, targetUnit: string | null): ValueReading {
  if (raw === null || raw === undefined || raw === '') return { ok: true, value: null, text: '' };
  if (typeof raw === 'number' && numFmt && isDateFormat(numFmt)) {
    // A date typed into 完成值 is stored as a day count (45,700 for 2025-02-11): never a figure.
    return { ok: false, text: String(raw), message: ruleVariant('value-not-number', 'date') };
  }
  if (typeof raw === 'number') {
    // A cell formatted as a percentage holds 0.45 for 45%.
    // Rounded to 9 places: a value a formula computed (62.400000000000006) is shown as the 62.4 it means.
    const value = round(numFmt && numFmt.includes('%') ? raw * 100 : raw);
    if (!exactNumber(value)) return { ok: false, text: String(raw), message: tooLarge(String(raw)) };
    return { ok: true, value, text: numFmt && numFmt.includes('%') ? `${value}%` : String(value) };
  }
  const text = String(raw).trim();
  const s = text
    .replace(FULL_WIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\s+/g, '');
  if (s === '' || /^[-—－/／无]+$/.test(s)) return { ok: true, value: null, text };
  const m = /^([+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)(.*)$/.exec(s);
  if (!m) {
    return { ok: false, text, message: ruleVariant('value-not-number', 'text', { text }) };
  }
  // Significant digits: leading zeros, and zeros ending a fraction, are none.
  const [whole, fraction = ''] = m[1]!.replace(/[+,-]/g, '').split('.');
  const digits = (whole! + fraction.replace(/0+$/, '')).replace(/^0+/, '');
  const value = Number(m[1]!.replace(/,/g, ''));
  if (digits.length > EXACT_DIGITS || !exactNumber(value)) return { ok: false, text, message: tooLarge(text.length > 30 ? `${text.slice(0, 30)}…` : text) };
  const suffix = m[2]!;
  if (suffix === '') return { ok: true, value, text };
  if (suffix === '%' && (targetUnit === null || targetUnit === '%' || targetUnit === '')) return { ok: true, value, text };
  if (targetUnit && suffix === targetUnit) return { ok: true, value, text };
  // A target of 个百分点 is also answered as `3%` by many units; both mean the same number of points.
  if (targetUnit === '个百分点' && suffix === '%') return { ok: true, value, text };
  const expected = targetUnit ? `本条目完成值的单位是“${targetUnit}”（见“完成值单位”一列），` : '';
  if (/^(万|亿|千|百)/.test(suffix) && !(targetUnit && targetUnit.startsWith(suffix[0]!))) {
    return { ok: false, text, message: ruleVariant('value-not-number', 'magnitude', { text, suffix, expected }) };
  }
  return { ok: false, text, message: ruleVariant('value-not-number', 'suffix', { text, suffix, expected }) };
}

function tooLarge(text: string): string {
  return ruleVariant('value-not-number', 'tooLarge', { text, digits: EXACT_DIGITS, max: Number.MAX_SAFE_INTEGER });
}

function round(n: number): number {
  return Math.round(n * 1e9) / 1e9;
}
