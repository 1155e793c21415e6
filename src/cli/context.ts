// What every command shares: where the workspace (ledger, archive, round folders) is, and what day it is. Kept
// light: it loads no stage and no SQLite, so `--help` and option errors start instantly.
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Command } from 'commander';
import type { Ledger } from '../ledger/ledger.ts';
import { LEDGER_FILE } from '../ledger/file.ts';
import { safeFileName } from '../sheets/assign.ts';
import { DEFAULT_THRESHOLDS, readThresholds, type Thresholds } from '../model/thresholds.ts';
import { UserError } from '../util/errors.ts';
import { today } from '../util/time.ts';

export interface GlobalOptions {
  workspace?: string;
  today?: string;
}

/** The workspace a command works on, and how it was found (for the message when it holds no ledger). */
export interface Workspace {
  path: string;
  source: 'option' | 'environment' | 'found' | 'default';
  /** The folders searched upward from the current one, when neither -w nor TAIZHANG_WORKSPACE named one. */
  searched: string[];
}

/** The default workspace, relative to the current folder. */
export const DEFAULT_WORKSPACE = 'output';

/**
 * Found the way git finds its repository: `-w`, then TAIZHANG_WORKSPACE, then the nearest folder upward from the
 * current one that holds a ledger, then `./output`.
 */
export function findWorkspace(o: GlobalOptions, cwd = process.cwd()): Workspace {
  if (o.workspace) return { path: o.workspace, source: 'option', searched: [] };
  if (process.env.TAIZHANG_WORKSPACE) return { path: process.env.TAIZHANG_WORKSPACE, source: 'environment', searched: [] };
  const searched: string[] = [];
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    searched.push(dir);
    if (existsSync(join(dir, LEDGER_FILE))) return { path: dir, source: 'found', searched };
    // The default workspace of a project folder counts as found from that folder.
    if (existsSync(join(dir, DEFAULT_WORKSPACE, LEDGER_FILE))) return { path: join(dir, DEFAULT_WORKSPACE), source: 'found', searched };
    if (dirname(dir) === dir) break;
  }
  return { path: DEFAULT_WORKSPACE, source: 'default', searched };
}

export function workspaceOf(o: GlobalOptions): string {
  return findWorkspace(o).path;
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

/** Reads the threshold options, by the rule the workbench's form is read by too. */
export function thresholdsOf(o: { yellow: string; red: string }): Thresholds {
  return readThresholds(o);
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
export async function openLedger(o: GlobalOptions, options: { create?: boolean } = {}): Promise<Ledger> {
  const workspace = findWorkspace(o);
  openedLedgerPath = join(workspace.path, LEDGER_FILE);
  if (workspace.source === 'default' && !options.create && !existsSync(openedLedgerPath)) {
    const shown = workspace.searched.length > 4 ? [...workspace.searched.slice(0, 3), '……', workspace.searched.at(-1)!] : workspace.searched;
    throw new UserError(
      `没有找到台账（${LEDGER_FILE}）。已查找：-w 未指定；环境变量 TAIZHANG_WORKSPACE 未设置；从当前目录向上各级目录（${shown.join('、')}）及其中的 ${DEFAULT_WORKSPACE} 目录都没有台账。`,
      '请在工作目录中运行，或用 -w 指定生成调度表时所用的工作目录；新的工作请先运行 npx taizhang sheets generate <plan.json> --round <轮次>。',
    );
  }
  const { Ledger } = await import('../ledger/ledger.ts');
  const ledger = new Ledger(workspace.path, { create: options.create ?? false });
  if (ledger.migrated) {
    process.stderr.write(`提示：台账 ${ledger.path} 已由版本 ${ledger.migrated.from} 升级为版本 ${ledger.migrated.to}；升级前的副本保存为 ${ledger.migrated.backup}。\n`);
  }
  return ledger;
}

/** A round's folder in the workspace: `<workspace>/<round>/<part>`, with the round id made safe as a file name. */
export function roundDir(o: GlobalOptions, roundId: string, part: string): string {
  return join(workspaceOf(o), safeFileName(roundId), part);
}
