// What every command shares: where the workspace (ledger, archive, round folders) is, and what day it is.
import { join } from 'node:path';
import { Ledger } from '../ledger/ledger.ts';
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

export function openLedger(o: GlobalOptions): Ledger {
  return new Ledger(workspaceOf(o));
}

export function roundDir(o: GlobalOptions, roundId: string, part: string): string {
  return join(workspaceOf(o), safeFileName(roundId), part);
}
