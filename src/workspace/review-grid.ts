// A plan's 任务分解表 as an editable grid: the same sheets, columns and row numbers as the workbook `plan export`
// writes, so that a problem found on saving (by the same applyReview as `plan import`) names the cell the clerk sees.
import type { Plan } from '../model/plan.ts';

/** The columns (1-based) a clerk may edit on each sheet; the others are the plan's original text. */
const EDITABLE: Record<string, number[] | 'all'> = { 任务分解表: [5, 6, 7, 10, 11], 责任单位: 'all', 目标值: [1, 3, 4, 5, 6, 7], 指标: 'all' };
/** The sheet of clauses: no rows added or removed there, and the reader's doubts stand in its last column. */
const CLAUSES = '任务分解表';

/** The grids of a plan, and how many clauses lack a unit (listed last in the 任务分解表). */
export async function reviewGrids(plan: Plan) {
  const { reviewSheets, REVIEW_COLUMNS } = await import('../plan/review.ts');
  const { sheets, unassigned } = reviewSheets(plan);
  const grids = (Object.entries(sheets) as [string, (string | number | null)[][]][]).map(([name, rows], index) => {
    const editable = EDITABLE[name]!;
    const columns = REVIEW_COLUMNS[name as keyof typeof REVIEW_COLUMNS].map((title, i) => ({ title, editable: editable === 'all' || editable.includes(i + 1) }));
    const doubted = (cells: (string | number | null)[]) => name === CLAUSES && !!cells[cells.length - 1];
    return {
      name,
      index,
      first: index === 0,
      // Rows may be added where a row is a thing of its own (a unit, a target, an indicator), not to the clauses.
      addable: name !== CLAUSES,
      removable: name === '目标值' || name === '指标',
      columns,
      doubtful: rows.filter(doubted).length,
      rows: rows.map((cells, i) => ({
        n: i + 2,
        unassigned: name === CLAUSES && i >= rows.length - unassigned,
        doubtful: doubted(cells),
        cells: cells.map((v, c) => ({ value: v === null ? '' : String(v), editable: columns[c]!.editable, long: String(v ?? '').length > 40 || (name === CLAUSES && (c === 4 || c === 5)) })),
      })),
      blank: columns.map((c) => ({ editable: c.editable })),
    };
  });
  return { grids, unassigned };
}
