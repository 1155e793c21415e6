// What every command shares: the options that name the workspace and the day, read into the workspace services
// (src/workspace), which the 工作台 uses too. Kept light: it loads no stage and no SQLite, so `--help` and option
// errors start instantly.
import type { Command } from 'commander';
import { join } from 'node:path';
import type { Ledger } from '../ledger/ledger.ts';
import { LEDGER_FILE } from '../ledger/file.ts';
import { DEFAULT_THRESHOLDS, readThresholds, type Thresholds } from '../model/thresholds.ts';
import { today } from '../util/time.ts';
import { findWorkspace, openFoundLedger } from '../workspace/find.ts';
import { Workspace, type RoundPart, ROUND_PARTS } from '../workspace/workspace.ts';

export { DEFAULT_WORKSPACE, findWorkspace, type WorkspaceLocation } from '../workspace/find.ts';

export interface GlobalOptions {
  workspace?: string;
  today?: string;
}

export function workspaceOf(o: GlobalOptions): string {
  return findWorkspace(o).path;
}

/** The workspace services on the workspace the options name, judging deadlines by --today when given. */
export function workspaceFor(o: GlobalOptions): Workspace {
  return new Workspace(workspaceOf(o), { today: () => todayOf(o) });
}

/** The date deadlines are judged against (util/time.ts's today): --today, TAIZHANG_TODAY, else today in Beijing. */
export function todayOf(o: GlobalOptions): string {
  return today(o.today);
}

/** The 序时 thresholds options, shared by every command that consolidates a round. */
export function withThresholdOptions(cmd: Command): Command {
  return cmd
    .option('--yellow <百分点>', '序时黄色预警阈值（落后序时的百分点）', String(DEFAULT_THRESHOLDS.yellow))
    .option('--red <百分点>', '序时红色预警阈值', String(DEFAULT_THRESHOLDS.red));
}

/** The workspace option every command takes. */
export function withWorkspaceOption(cmd: Command): Command {
  return cmd.option('-w, --workspace <目录>', '工作目录（台账、归档、各轮次文件）；默认向上查找含台账的目录，找不到时为 output');
}

/** Reads the threshold options, by the one rule the workbench's forms are read by too (model/thresholds.ts). */
export function thresholdsOf(o: { yellow: string; red: string }): Thresholds {
  return readThresholds(o);
}

/** The ledger the command works on, named when SQLite reports a problem with it (a lock, a full disk). */
let openedLedgerPath: string | undefined;

export function ledgerPathInUse(): string | undefined {
  return openedLedgerPath;
}

/**
 * Opens the workspace's ledger (workspace/find.ts: only issuing a round creates one), and says so when it was
 * upgraded to this version's layout.
 */
export async function openLedger(o: GlobalOptions, options: { create?: boolean } = {}): Promise<Ledger> {
  const location = findWorkspace(o);
  openedLedgerPath = join(location.path, LEDGER_FILE);
  const ledger = await openFoundLedger(location, options);
  if (ledger.migrated) {
    process.stderr.write(`提示：台账 ${ledger.path} 已由版本 ${ledger.migrated.from} 升级为版本 ${ledger.migrated.to}；升级前的副本保存为 ${ledger.migrated.backup}。\n`);
  }
  return ledger;
}

const PART_BY_NAME = Object.fromEntries(Object.entries(ROUND_PARTS).map(([k, v]) => [v, k])) as Record<string, RoundPart>;

/** A round's folder in the workspace: `<workspace>/<round>/<part>` (workspace.ts's roundFolder). */
export function roundDir(o: GlobalOptions, roundId: string, part: RoundPart | (typeof ROUND_PARTS)[RoundPart]): string {
  return workspaceFor(o).roundFolder(roundId, PART_BY_NAME[part] ?? (part as RoundPart));
}
