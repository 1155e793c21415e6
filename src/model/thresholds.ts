// The 序时 warning thresholds: how many percentage points behind the share of the year elapsed a clause may be
// before it turns yellow, and red. One rule for the command line's options and the workbench's form.
import { UserError } from '../util/errors.ts';

export interface Thresholds {
  yellow: number;
  red: number;
}

export const DEFAULT_THRESHOLDS: Thresholds = { yellow: 10, red: 30 };

/**
 * Reads the thresholds as given (an option's or a form field's text; blank or absent is the default) and checks
 * 0 ≤ yellow ≤ red: equal thresholds make every clause behind by that much red at once, which is allowed.
 */
export function readThresholds(given: { yellow?: string | number; red?: string | number }): Thresholds {
  const read = (v: string | number | undefined, fallback: number) => (v === undefined || String(v).trim() === '' ? fallback : Number(String(v).trim().replace(/%$/, '')));
  const thresholds = { yellow: read(given.yellow, DEFAULT_THRESHOLDS.yellow), red: read(given.red, DEFAULT_THRESHOLDS.red) };
  if (!(Number.isFinite(thresholds.yellow) && Number.isFinite(thresholds.red) && thresholds.yellow >= 0 && thresholds.red >= thresholds.yellow)) {
    throw new UserError(
      `序时预警阈值无效（黄色 ${String(given.yellow ?? DEFAULT_THRESHOLDS.yellow)}，红色 ${String(given.red ?? DEFAULT_THRESHOLDS.red)}）。`,
      `阈值为落后序时的百分点数，应满足 0 ≤ 黄色 ≤ 红色，例如黄色 ${DEFAULT_THRESHOLDS.yellow}、红色 ${DEFAULT_THRESHOLDS.red}。`,
    );
  }
  return thresholds;
}
