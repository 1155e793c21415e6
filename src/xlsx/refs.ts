// Cell references (`J7`) and column letters, as the xlsx reader and its callers spell them.

/** Text that holds half of a surrogate pair alone (text decoded from UTF-8 never does; an `_xD800_` escape may). */
export const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** A column's letters from its number (1 → A, 27 → AA). */
export function columnLetters(n: number): string {
  let s = '';
  for (; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** A cell reference's column and row (`J7` → 10, 7): one to three capital letters, then digits; null otherwise. */
export function cellPosition(ref: string): { col: number; row: number } | null {
  let i = 0;
  let col = 0;
  for (let c = ref.charCodeAt(0); c >= 0x41 && c <= 0x5a && i < 3; c = ref.charCodeAt(++i)) col = col * 26 + (c - 64);
  if (i === 0 || i === ref.length) return null;
  let row = 0;
  for (let j = i; j < ref.length; j++) {
    const d = ref.charCodeAt(j) - 0x30;
    if (d < 0 || d > 9) return null;
    row = row * 10 + d;
  }
  return { col, row };
}
