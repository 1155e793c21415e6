// The checks that tie a returned workbook to the one issued: each row's checksum over its plan cells, and the digest
// of the input cells it was issued with. Writer and reader compute them here, the same way.
import { createHash, hash } from 'node:crypto';
import { PLAN_KEYS } from './layout.ts';

/** Spreadsheet programs may turn `\n` into `\r\n` or trim; compare what a person sees. */
export function normalizeCell(s: string): string {
  return (s.includes('\r') ? s.replace(/\r\n?/g, '\n') : s).trim();
}

/**
 * Checksum of a row's plan cells, kept in the hidden identification: the collector checks it to know the rows issued
 * to the unit. `keys`: the plan columns of the workbook's layout (an earlier layout's, for a workbook issued in it).
 */
export function rowChecksum(cells: Record<string, string>, keys: readonly string[] = PLAN_KEYS): string {
  return hash('sha256', keys.map((k) => normalizeCell(cells[k] ?? '')).join('\u001f')).slice(0, 12);
}

/** The identification's `checksum`: a digest of the rows' checksums, in row order. */
export function rowsChecksum(sums: string[]): string {
  return createHash('sha256').update(sums.join('')).digest('hex').slice(0, 16);
}

/**
 * The text an input cell holds, as compared to decide whether a workbook was filled at all: a number as JavaScript
 * writes it (Excel saves 62.4 as 62.399999999999999, which reads back as the same number), a text as a person sees it.
 */
export function inputText(v: string | number | boolean | null | undefined): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return typeof v === 'number' ? String(v) : normalizeCell(v);
}

/** The digest of a workbook's input cells, row by row in INPUT_KEYS order (the `inputs` identification pair). */
export function inputsDigest(rows: (string | number | boolean | null | undefined)[][]): string {
  return createHash('sha256').update(JSON.stringify(rows.map((r) => r.map(inputText)))).digest('hex').slice(0, 16);
}

/** The identification's `indicator_checksum`: a digest of the 指标 rows' locked cells (序号, 指标, 单位, 目标), in order. */
export function indicatorsChecksum(rows: string[][]): string {
  return createHash('sha256').update(JSON.stringify(rows.map((r) => r.map(normalizeCell)))).digest('hex').slice(0, 16);
}
