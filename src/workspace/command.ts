// How the user runs taizhang on this machine, so that every command a message suggests works when typed: bare
// `taizhang` when this program is the one a bare `taizhang` finds on PATH (a global install), else `npx taizhang`
// (a project's own install, a checkout, or a run through npx, which puts node_modules/.bin on PATH only for itself).
import { existsSync, realpathSync } from 'node:fs';
import { delimiter, join, sep } from 'node:path';

/** The command form messages are written in; `runnable` turns it into the one that works here. */
export const WRITTEN_FORM = 'npx taizhang';

let cached: string | undefined;

/** `taizhang` or `npx taizhang`, whichever starts this program from the user's shell. */
export function commandPrefix(env: NodeJS.ProcessEnv = process.env, program = process.argv[1]): string {
  if (env === process.env && program === process.argv[1] && cached) return cached;
  const prefix = onPath(env, program) ? 'taizhang' : WRITTEN_FORM;
  if (env === process.env && program === process.argv[1]) cached = prefix;
  return prefix;
}

function onPath(env: NodeJS.ProcessEnv, program: string | undefined): boolean {
  // Started by npx or an npm script: the PATH seen here is npm's, not the user's.
  if (!program || env.npm_command === 'exec' || env.npm_lifecycle_event) return false;
  const self = real(program);
  if (!self) return false;
  const names = process.platform === 'win32' ? ['taizhang.cmd', 'taizhang'] : ['taizhang'];
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    if (!dir || dir.endsWith(`node_modules${sep}.bin`)) continue;
    for (const name of names) {
      const candidate = join(dir, name);
      if (existsSync(candidate)) return real(candidate) === self;
    }
  }
  return false;
}

function real(path: string): string | null {
  try {
    return realpathSync(path);
  } catch {
    return null;
  }
}

/** A command line as the user should type it here, e.g. `commandLine('status --round 2025-Q3')`. */
export function commandLine(args: string): string {
  return `${commandPrefix()} ${args}`;
}

/**
 * A message with every suggested command (`npx taizhang plan export`, or `taizhang plan export` as some stages
 * write it) in the form that works here. A command is `taizhang` followed by a lower-case command name, so prose
 * such as “不是 taizhang 导出的” is left alone.
 */
export function runnable(text: string, prefix = commandPrefix()): string {
  return text.replace(/(?<![\w./-])(?:npx )?taizhang(?= [a-z])/g, prefix);
}
