// What every command shares: where the workspace (ledger, archive, round folders) is, and what day it is.
import { join } from 'node:path';
import type { Command } from 'commander';
import type { Thresholds } from '../consolidate/index.ts';
import { Ledger } from '../ledger/ledger.ts';
import { LEDGER_FILE } from '../ledger/schema.ts';
import { UserError } from '../util/errors.ts';
import { safeFileName } from '../sheets/assign.ts';

export interface GlobalOptions {
  workspace?: string;
  today?: string;
}

export function workspaceOf(o: GlobalOptions): string {
  return o.workspace ?? process.env.TAIZHANG_WORKSPACE ?? 'output';
}

/** The date deadlines are judged against; fixed with --today or TAIZHANG_TODAY for reproducible runs. */
export function todayOf(o: GlobalOptions): string {
  return o.today ?? process.env.TAIZHANG_TODAY ?? new Date().toISOString().slice(0, 10);
}

/** The 序时 thresholds options, shared by every command that consolidates a round. */
export function withThresholdOptions(cmd: Command): Command {
  return cmd
    .option('--yellow <百分点>', '序时黄色预警阈值（落后序时的百分点）', '10')
    .option('--red <百分点>', '序时红色预警阈值', '30');
}

/** Reads the threshold options; 0 ≤ yellow ≤ red. */
export function thresholdsOf(o: { yellow: string; red: string }): Thresholds {
  const thresholds = { yellow: Number(o.yellow), red: Number(o.red) };
  if (!(thresholds.yellow >= 0 && thresholds.red >= thresholds.yellow)) throw new UserError('预警阈值应满足 0 ≤ 黄色 ≤ 红色。');
  return thresholds;
}

/** The ledger the command works on, named when SQLite reports a problem with it (a lock, a full disk). */
let openedLedgerPath: string | undefined;

export function ledgerPathInUse(): string | undefined {
  return openedLedgerPath;
}

/**
 * Opens the workspace's ledger. Only a command that issues a round creates one (`create`); every other command
 * refuses a workspace without a ledger and writes nothing, so a mistyped -w leaves no stray folder behind.
 */
export function openLedger(o: GlobalOptions, options: { create?: boolean } = {}): Ledger {
  openedLedgerPath = join(workspaceOf(o), LEDGER_FILE);
  const ledger = new Ledger(workspaceOf(o), { create: options.create ?? false });
  if (ledger.migrated) {
    process.stderr.write(`提示：台账 ${ledger.path} 已由版本 ${ledger.migrated.from} 升级为版本 ${ledger.migrated.to}；升级前的副本保存为 ${ledger.migrated.backup}。\n`);
  }
  return ledger;
}

export function roundDir(o: GlobalOptions, roundId: string, part: string): string {
  return join(workspaceOf(o), safeFileName(roundId), part);
}
