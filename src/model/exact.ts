// What the ledger holds of a number or a text, as rules of their own (no zod here: the reader threads load them
// too, and start faster without it). submission.ts builds its schemas on them.

/**
 * The numbers a ledger holds, the one rule: finite, and at most Number.MAX_SAFE_INTEGER (2^53 − 1) in magnitude,
 * where a double still holds every whole number exactly. A value written as text may have at most EXACT_DIGITS
 * significant digits (what a double holds exactly, and what Excel keeps of a number typed in). Anything beyond is a
 * problem at its cell, never stored (1e300 once came back as Infinity and stopped every report).
 */
export const EXACT_DIGITS = 15;

export function exactNumber(n: number): boolean {
  return Number.isFinite(n) && Math.abs(n) <= Number.MAX_SAFE_INTEGER;
}

/** A UTF-16 surrogate outside a pair: no character, and what SQLite would store as invalid UTF-8. */
export const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** A text of whole characters only (no lone surrogate). */
export function wellFormedText(s: string): boolean {
  return !LONE_SURROGATE.test(s);
}
