// Validates one returned workbook against the plan version it was made from. A pure function: it collects
// every problem of the file (a report, not a first exception) and the entries that could be read.
import { valueConflict } from '../model/comparator.ts';
import type { Plan } from '../model/plan.ts';
import { ruleMessage, ruleVariant, type RuleCode } from '../model/rules.ts';
import { isStatus } from '../model/status.ts';
import type { Entry, Problem } from '../model/submission.ts';
import type { UnitRow } from '../sheets/assign.ts';
import { PlanRows } from '../sheets/workbook.ts';
import { indicatorsChecksum, inputsDigest, normalizeCell } from '../workbook/identification.ts';
import {
  COLUMNS, FIRST_ROW, HEADER, INDICATOR_FIRST_ROW, INDICATOR_FORMAT, INDICATOR_PLAN_KEYS, INDICATOR_SHEET, INPUT_KEYS, PLAN_KEYS, STATUSES, TEXT_INPUTS,
  TRACKING_SHEET, columnLetter, indicatorLetter,
} from '../workbook/layout.ts';
import { numericIndicator, type IndicatorValue } from '../model/indicators.ts';
import { exactNumber } from '../model/exact.ts';
import type { ReadCell, ReadWorkbook } from './read.ts';
import { readValue } from './values.ts';
import { isDateFormat } from '../xlsx/index.ts';

export interface ValidationResult {
  entries: Entry[];
  problems: Problem[];
  /** Where each clause was found in the file, for highlighting problems in a returned workbook. */
  rowOf: Map<string, number>;
}

const PHONE = /^(?:\+?86[-\s]?)?(?:1[3-9]\d{9}|0\d{2,3}[-\s]?\d{7,8}(?:[-转]\d{1,6})?|\d{7,8}(?:[-转]\d{1,6})?)$/;

export function looksLikePhone(s: string): boolean {
  const compact = s.replace(/[（(]\s*/g, '').replace(/[)）]\s*/g, '-').replace(/\s+/g, '');
  return compact.split(/[,，;；、/]/).every((p) => PHONE.test(p));
}

/** The plan cells of each row issued to a unit and their checksums, as the workbook was made with them. */
export interface IssuedRows {
  cells: Record<string, string>[];
  sums: string[];
}

/** `rows` works out each row (sharing the rows of a group's members; see PlanRows in sheets/workbook.ts). */
export function issuedRows(plan: Plan, expected: UnitRow[], rows = new PlanRows(plan)): IssuedRows {
  const issued = expected.map((r) => rows.of(r));
  return { cells: issued.map((r) => r.cells), sums: issued.map((r) => r.sum) };
}

/**
 * Whether the workbook is the one issued to `unit`: its visible 填报单位, its hidden identification and its issued
 * rows must agree. Each disagreement is listed; any one means the file is refused as 身份不符 and booked to no
 * unit, so a forged or mixed-up workbook can never displace a unit's own submission.
 */
export function identityProblems(
  read: ReadWorkbook,
  unit: string,
  plan: Plan,
  expected: UnitRow[],
  issued = issuedRows(plan, expected),
  clauseIds = new Set(plan.tasks.flatMap((t) => t.clauses.map((c) => c.id))),
): string[] {
  const problems: string[] = [];
  const shown = normalizeCell(read.header.unit);
  if (read.hasTrackingSheet && shown !== normalizeCell(unit)) {
    problems.push(`表头“填报单位”（${TRACKING_SHEET} ${HEADER.unit.value}）为“${shown || '空白'}”，隐藏的识别信息为“${unit}”`);
  }
  const { sums } = issued;
  const listed = read.metaRows.map((m) => m.clause).join('、');
  if (read.metaRows.length !== expected.length || read.metaRows.some((m, i) => m.clause !== expected[i]!.clause.id || m.checksum !== sums[i])) {
    problems.push(`识别信息中的条目（${truncate(listed) || '无'}）与下发给“${unit}”的条目（${truncate(expected.map((e) => e.clause.id).join('、'))}）不一致`);
  }
  // Rows of clauses issued to other units: content copied from another unit's workbook.
  const ids = new Set(expected.map((e) => e.clause.id));
  const foreign = read.rows.map((r) => ({ row: r.row, id: normalizeCell(r.cells.id!.text) })).filter((r) => clauseIds.has(r.id) && !ids.has(r.id));
  if (foreign.length) {
    problems.push(`${foreign.slice(0, 5).map((r) => `第 ${r.row} 行条目 ${r.id}`).join('、')}${foreign.length > 5 ? ` 等 ${foreign.length} 行` : ''}不是下发给“${unit}”的条目`);
  }
  return problems;
}

/**
 * Whether a workbook's input cells (完成值、完成状态、进展情况、存在问题、下一步打算 of every issued row) are exactly as
 * it was issued with: blank, or the answers it was pre-filled with from an earlier round (the `inputs` digest of
 * its identification). Such a file reports nothing, whatever its header says: 'blank' or 'prefilled' says which,
 * null that something was filled in. A workbook issued before the digest was recorded is compared with blank.
 */
export function unfilledAsIssued(read: ReadWorkbook, expected: UnitRow[], issuedDigest: string | undefined): 'blank' | 'prefilled' | null {
  // A formula saved without its value reads as blank but was written by someone: validation says so at its cell.
  if (read.uncomputed.length) return null;
  const byId = new Map<string, ReadWorkbook['rows'][number]>();
  for (const r of read.rows) {
    const id = normalizeCell(r.cells.id!.text);
    if (id && !byId.has(id)) byId.set(id, r);
  }
  const cells = expected.map((e) => INPUT_KEYS.map((k) => byId.get(e.clause.id)?.cells[k]?.value as string | number | boolean | null | undefined));
  const blank = inputsDigest(expected.map(() => INPUT_KEYS.map(() => null)));
  const own = inputsDigest(cells);
  if (own === blank) return 'blank';
  return issuedDigest && own === issuedDigest ? 'prefilled' : null;
}

export function validateSubmission(read: ReadWorkbook, file: string, plan: Plan, expected: UnitRow[], issued = issuedRows(plan, expected)): ValidationResult {
  const problems: Problem[] = [];
  const entries: Entry[] = [];
  const rowOf = new Map<string, number>();
  // A cell holding an uncomputed formula gets that one message, not also "未填写…" for the blank it reads as.
  const uncomputed = new Set(read.uncomputed.map((u) => u.cell));
  const problem = (cell: string, rule: RuleCode, message: string, severity: 'error' | 'warning' = 'error') => {
    if (rule !== 'formula-uncomputed' && uncomputed.has(cell)) return;
    problems.push({ file, sheet: TRACKING_SHEET, cell, rule, severity, message });
  };

  if (!read.hasTrackingSheet) {
    problems.push({ file, sheet: TRACKING_SHEET, cell: '-', rule: 'sheet-missing', severity: 'error', message: ruleMessage('sheet-missing') });
    return { entries, problems, rowOf };
  }
  for (const { cell, formula } of read.uncomputed) {
    problem(cell, 'formula-uncomputed', ruleMessage('formula-uncomputed', { formula: truncate(formula) }));
  }
  if (!read.header.reporter) problem(HEADER.reporter.value, 'reporter-missing', ruleMessage('reporter-missing'));
  if (!read.header.phone) problem(HEADER.phone.value, 'phone-missing', ruleMessage('phone-missing'));
  else if (!looksLikePhone(read.header.phone)) {
    problem(HEADER.phone.value, 'phone-invalid', ruleMessage('phone-invalid', { phone: read.header.phone }));
  }

  const { cells: wanted } = issued;

  // Match rows by clause id: rows must be neither deleted, inserted nor moved.
  const byId = new Map<string, (typeof read.rows)[number]>();
  for (const r of read.rows) {
    const id = normalizeCell(r.cells.id!.text);
    if (id && !byId.has(id)) byId.set(id, r);
  }
  const expectedIds = new Set(expected.map((e) => e.clause.id));
  expected.forEach((unitRow, i) => {
    const id = unitRow.clause.id;
    const wantRow = FIRST_ROW + i;
    const found = byId.get(id);
    if (!found) {
      problem(`A${wantRow}`, 'row-deleted', ruleMessage('row-deleted', { id, task: unitRow.task.lead }));
      return;
    }
    if (found.row !== wantRow) {
      problem(`A${found.row}`, 'row-moved', ruleMessage('row-moved', { id, want: wantRow, found: found.row }));
    }
    rowOf.set(id, found.row);
    const wantCells = wanted[i]!;
    // Each plan cell against the issued one, as a person sees it (what the row checksum covers, without its hash).
    for (const key of PLAN_KEYS) {
      if (normalizeCell(found.cells[key]!.text) !== normalizeCell(wantCells[key]!)) {
        const header = COLUMNS.find((c) => c.key === key)!.header;
        problem(`${columnLetter(key)}${found.row}`, 'plan-cell-changed', ruleMessage('plan-cell-changed', { header, want: truncate(wantCells[key]!) }));
      }
    }
    entries.push(readEntry(found, unitRow, problem));
  });
  for (const r of read.rows) {
    const id = normalizeCell(r.cells.id!.text);
    if (!id || !expectedIds.has(id)) {
      problem(`A${r.row}`, 'row-inserted', id ? ruleVariant('row-inserted', 'numbered', { row: r.row, id }) : ruleVariant('row-inserted', 'plain', { row: r.row }));
    }
  }
  return { entries, problems, rowOf };
}

function truncate(s: string): string {
  return s.length > 30 ? `${s.slice(0, 30)}…` : s;
}

function readEntry(
  found: ReadWorkbook['rows'][number],
  unitRow: UnitRow,
  problem: (cell: string, rule: RuleCode, message: string, severity?: 'error' | 'warning') => void,
): Entry {
  const at = (key: string) => `${columnLetter(key)}${found.row}`;
  const text = (key: string) => normalizeCell(found.cells[key]!.text);
  const id = unitRow.clause.id;
  const status = text('status');
  const progress = text('progress');
  const issues = text('problems');
  const choices = STATUSES.join('、');
  if (!status) problem(at('status'), 'status-missing', ruleMessage('status-missing', { id, choices }));
  else if (!isStatus(status)) problem(at('status'), 'status-invalid', ruleMessage('status-invalid', { id, status, choices }));
  if (!progress && status !== '未启动') problem(at('progress'), 'progress-missing', ruleMessage('progress-missing', { id }));
  if (status === '滞后' && !issues) problem(at('problems'), 'problems-missing', ruleMessage('problems-missing', { id }));
  const target = unitRow.clause.targets[0];
  const cell = found.cells.value!;
  const reading = readValue(cell.value, cell.numFmt, target ? target.unit : null);
  if (!reading.ok) problem(at('value'), 'value-not-number', `条目 ${id}：${reading.message}`);
  else if (reading.value !== null) {
    const conflict = valueConflict(target, reading.value, reading.text, status);
    if (conflict) problem(at('value'), conflict.rule, `条目 ${id}：${conflict.message}`);
  }
  // The text columns (进展情况, 存在问题, 下一步打算, and any added to the layout) fill their fields as written.
  const texts = Object.fromEntries(TEXT_INPUTS.map((k) => [k, text(k) || null])) as Record<(typeof TEXT_INPUTS)[number], string | null>;
  return { clauseId: id, role: unitRow.role, status: status || null, valueText: reading.text || null, value: reading.ok ? reading.value : null, ...texts };
}

/**
 * The 指标 sheet of a workbook issued with one (the identification names its layout): its locked cells must be the
 * ones issued (the `indicator_checksum`), each 本期数值 a figure where one is expected (model/indicators.ts
 * numericIndicator), read as 完成值 is (45%, 1,200, 38微克/立方米). Every problem is located on the sheet; the
 * values are taken only from a sheet whose locked cells are as issued.
 */
export function validateIndicators(read: ReadWorkbook, file: string): { values: IndicatorValue[]; problems: Problem[] } {
  const problems: Problem[] = [];
  const values: IndicatorValue[] = [];
  const sheet = read.indicators;
  const format = read.meta?.indicators;
  if (!sheet || !format) return { values, problems };
  const problem = (cell: string, rule: RuleCode, message: string, severity: 'error' | 'warning' = 'error') =>
    problems.push({ file, sheet: INDICATOR_SHEET, cell, rule, severity, message });
  if (format !== INDICATOR_FORMAT) {
    problem('-', 'indicator-sheet-missing', ruleVariant('indicator-sheet-missing', 'unknown', { format }));
    return { values, problems };
  }
  if (!sheet.hasSheet) {
    problem('-', 'indicator-sheet-missing', ruleVariant('indicator-sheet-missing', 'missing'));
    return { values, problems };
  }
  const text = (c: ReadCell) => normalizeCell(c.text);
  const locked = sheet.rows.map((r) => INDICATOR_PLAN_KEYS.map((k) => text(r.cells[k])));
  if (indicatorsChecksum(locked) !== read.meta?.indicator_checksum) {
    problem(`A${INDICATOR_FIRST_ROW}`, 'indicator-sheet-changed', ruleMessage('indicator-sheet-changed'));
    return { values, problems };
  }
  const uncomputed = new Set(sheet.uncomputed.map((u) => u.cell));
  for (const { cell, formula } of sheet.uncomputed) problem(cell, 'formula-uncomputed', ruleMessage('formula-uncomputed', { formula: truncate(formula) }));
  for (const r of sheet.rows) {
    const name = text(r.cells.name);
    const measure = text(r.cells.measure);
    const target = text(r.cells.target);
    const at = `${indicatorLetter('value')}${r.row}`;
    const note = text(r.cells.note) || null;
    const cell = r.cells.value;
    let value: number | null = null;
    let valueText: string | null = text(cell) || null;
    if (numericIndicator({ measure, target })) {
      const reading = readValue(cell.value, cell.numFmt, measure || null);
      if (!reading.ok) {
        const shown = reading.text.length > 30 ? `${reading.text.slice(0, 30)}…` : reading.text;
        // readValue says why in 完成值's words; the 指标 sheet's own words are chosen by the same cause.
        const date = typeof cell.value === 'number' && !!cell.numFmt && isDateFormat(cell.numFmt);
        const big = !date && /^[+-]?[\d,.]+$/.test(reading.text.replace(/\s/g, ''));
        problem(
          at,
          'indicator-not-number',
          date
            ? ruleVariant('indicator-not-number', 'date', { name })
            : big
            ? ruleVariant('indicator-not-number', 'tooLarge', { name, text: shown })
            : measure
              ? ruleVariant('indicator-not-number', 'measured', { name, text: shown, measure })
              : ruleVariant('indicator-not-number', 'plain', { name, text: shown }),
        );
      } else {
        value = reading.value;
        valueText = reading.text || null;
      }
    } else if (typeof cell.value === 'number' && exactNumber(cell.value)) {
      value = cell.value;
    }
    if (valueText === null && !note && !uncomputed.has(at)) problem(at, 'indicator-value-missing', ruleMessage('indicator-value-missing', { name }), 'warning');
    values.push({ name, valueText, value, note });
  }
  return { values, problems };
}

/** Whether a unit wrote anything on its 指标 sheet: a workbook with only that filled is not sent back unfilled. */
export function indicatorsFilled(read: ReadWorkbook): boolean {
  return !!read.indicators?.rows.some((r) => r.cells.value.text.trim() !== '' || r.cells.note.text.trim() !== '') || !!read.indicators?.uncomputed.length;
}
