// A workspace (ledger, archive, plans, round folders, settings) as both the command line and the 工作台 use it:
// where its parts are, what day it is for it, and the ledger opened for one piece of work and closed after.
import { join } from 'node:path';
import type { Ledger } from '../ledger/ledger.ts';
import { safeFileName } from '../workbook/file-name.ts';
import { today } from '../util/time.ts';
import { hasLedger } from './find.ts';
import { PlanStore } from './plans.ts';

/** The folders of a round, `<workspace>/<round>/<part>`: what was issued, what came in, what was made of it. */
export const ROUND_PARTS = {
  /** The workbooks issued to the units, and the 下发清单. */
  issued: '下发',
  /** Files received through the 工作台, kept as they came. */
  inbox: '收件箱',
  /** 退回重报 workbooks and receipts written while collecting. */
  collected: '收集',
  /** The round's documents. */
  reports: '报告',
} as const;
export type RoundPart = keyof typeof ROUND_PARTS;

export class Workspace {
  /** The plans kept in the workspace, each with its earlier versions. */
  readonly plans: PlanStore;
  /** The date deadlines are judged against: fixed (--today, a test), else TAIZHANG_TODAY, else today in Beijing. */
  readonly today: () => string;

  constructor(
    readonly path: string,
    o: { today?: () => string } = {},
  ) {
    this.plans = new PlanStore(path);
    this.today = o.today ?? (() => today());
  }

  hasLedger(): boolean {
    return hasLedger(this.path);
  }

  /** A round's folder, with the round id made safe as a file name. */
  roundFolder(roundId: string, part: RoundPart): string {
    return join(this.path, safeFileName(roundId), ROUND_PARTS[part]);
  }

  /**
   * Runs `f` on the ledger, closed afterwards whatever happens. Without a ledger: null, unless `create` (issuing a
   * round is the one thing that creates it).
   */
  async withLedger<T>(create: boolean, f: (ledger: Ledger) => Promise<T> | T): Promise<T | null> {
    if (!create && !this.hasLedger()) return null;
    const { Ledger } = await import('../ledger/ledger.ts');
    const ledger = new Ledger(this.path, { create });
    try {
      return await f(ledger);
    } finally {
      ledger.close();
    }
  }
}
