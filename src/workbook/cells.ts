// Cell references as Excel writes them (`J7`, `AA12`): columns counted from 1, letters to numbers and back.
// The reader, the writer and the 退回重报 stamper all place cells by these.

/** A column's number as Excel counts them, from 1: `A` → 1, `J` → 10, `AA` → 27. */
export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

// Letters from a column number and a reference's position are the xlsx reader's own (src/xlsx/refs.ts): the format
// takes them from the library rather than keep a copy, and the library stays free of the domain.
export { cellPosition, columnLetters } from '../xlsx/refs.ts';

/** Cells in reading order: by row, then by column (`B2` before `A3`, `J7` before `K7`). */
export function cellOrder(a: string, b: string): number {
  const [, ca, ra] = /^([A-Z]+)(\d+)$/.exec(a)!;
  const [, cb, rb] = /^([A-Z]+)(\d+)$/.exec(b)!;
  return Number(ra) - Number(rb) || columnNumber(ca!) - columnNumber(cb!);
}
