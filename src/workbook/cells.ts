// Cell references as Excel writes them (`J7`, `AA12`): columns counted from 1, letters to numbers and back.
// The reader, the writer and the 退回重报 stamper all place cells by these.

/** A column's number as Excel counts them, from 1: `A` → 1, `J` → 10, `AA` → 27. */
export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** The letters of a column number: 10 → `J`, 27 → `AA`. */
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

/** Cells in reading order: by row, then by column (`B2` before `A3`, `J7` before `K7`). */
export function cellOrder(a: string, b: string): number {
  const [, ca, ra] = /^([A-Z]+)(\d+)$/.exec(a)!;
  const [, cb, rb] = /^([A-Z]+)(\d+)$/.exec(b)!;
  return Number(ra) - Number(rb) || columnNumber(ca!) - columnNumber(cb!);
}
