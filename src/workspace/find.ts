// Finding a workspace and opening its ledger: the one rule the command line and the 工作台 share. Kept light: it
// loads no stage and no SQLite until a ledger is opened, so `--help` and option errors start instantly.
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Ledger } from '../ledger/ledger.ts';
import { LEDGER_FILE } from '../ledger/file.ts';
import { UserError } from '../util/errors.ts';

/** Where a workspace is, and how it was found (for the message when it holds no ledger). */
export interface WorkspaceLocation {
  path: string;
  source: 'option' | 'environment' | 'found' | 'default';
  /** The folders searched upward from the current one, when neither -w nor TAIZHANG_WORKSPACE named one. */
  searched: string[];
}

/** The default workspace, relative to the current folder. */
export const DEFAULT_WORKSPACE = 'output';

/**
 * Found the way git finds its repository: the given folder (`-w`), then TAIZHANG_WORKSPACE, then the nearest folder
 * upward from the current one that holds a ledger, then `./output`.
 */
export function findWorkspace(o: { workspace?: string }, cwd = process.cwd()): WorkspaceLocation {
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

/** Whether the workspace holds a ledger yet. */
export function hasLedger(workspace: string): boolean {
  return existsSync(join(workspace, LEDGER_FILE));
}

/**
 * Opens a found workspace's ledger. Only issuing a round creates one (`create`); otherwise a workspace found by
 * default without a ledger is refused, saying where it was looked for, and nothing is written, so a mistyped -w
 * leaves no stray folder behind.
 */
export async function openFoundLedger(location: WorkspaceLocation, options: { create?: boolean } = {}): Promise<Ledger> {
  if (location.source === 'default' && !options.create && !hasLedger(location.path)) {
    const shown = location.searched.length > 4 ? [...location.searched.slice(0, 3), '……', location.searched.at(-1)!] : location.searched;
    throw new UserError(
      `没有找到台账（${LEDGER_FILE}）。已查找：-w 未指定；环境变量 TAIZHANG_WORKSPACE 未设置；从当前目录向上各级目录（${shown.join('、')}）及其中的 ${DEFAULT_WORKSPACE} 目录都没有台账。`,
      '请在工作目录中运行，或用 -w 指定生成调度表时所用的工作目录；新的工作请先运行 npx taizhang sheets generate <plan.json> --round <轮次>。',
    );
  }
  const { Ledger } = await import('../ledger/ledger.ts');
  return new Ledger(location.path, { create: options.create ?? false });
}
