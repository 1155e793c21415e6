// Shared test helpers: temporary folders, the independent clients (python3-openpyxl/docx, LibreOffice).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { Ledger } from '../src/ledger/ledger.ts';
import type { Plan } from '../src/model/plan.ts';
import { parseRound } from '../src/model/round.ts';
import { readPlan } from '../src/plan/index.ts';
import { issueRound } from '../src/sheets/issue.ts';

export const ROOT = join(import.meta.dirname, '..');
export const SEEDS = join(ROOT, 'seeds');

export function tempDir(prefix = 'taizhang-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Debian's python3, which has python3-openpyxl and python3-docx (the pyenv one on PATH may not). */
/** Debian's Chromium for the 工作台's browser tests (driven by playwright-core, which never downloads one); undefined without it. */
export const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => {
  try {
    execFileSync(p, ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
});
export const PYTHON = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';

/** Runs a Python script with arguments and returns its stdout. The script must exist; failures throw. */
export function python(script: string, ...args: string[]): string {
  return execFileSync(PYTHON, ['-c', script, ...args], { encoding: 'utf8', maxBuffer: 64 << 20 });
}

export function sofficePath(): string {
  for (const p of ['/usr/bin/soffice', '/usr/bin/libreoffice', '/usr/lib/libreoffice/program/soffice']) {
    if (existsSync(p)) return p;
  }
  // Tests that need LibreOffice fail, never skip: CI must install it.
  throw new Error('LibreOffice (soffice) is not installed: apt-get install libreoffice-calc libreoffice-writer');
}

/**
 * Converts files with LibreOffice headless, as a unit's office would re-save them. `to` is a filter spec such as
 * `xlsx:Calc MS Excel 2007 XML` (no quotes: no shell is involved) or `pdf`. Each call uses its own profile, so tests can run side by side.
 */
export function soffice(files: string[], to: string, outDir: string): string[] {
  mkdirSync(outDir, { recursive: true });
  const profile = tempDir('lo-profile-');
  execFileSync(sofficePath(), [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', to, '--outdir', outDir, ...files], {
    stdio: 'pipe',
    timeout: 240_000,
  });
  const ext = to.split(':')[0]!;
  const outs = files.map((f) => join(outDir, basename(f).replace(/\.[^.]+$/, `.${ext}`)));
  for (const o of outs) if (!existsSync(o)) throw new Error(`LibreOffice did not write ${o}; folder has ${readdirSync(outDir).join(', ')}`);
  return outs;
}

export function run(cmd: string, args: string[], cwd = ROOT, env?: Record<string, string>): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 << 20, env: env ? { ...process.env, ...env } : undefined });
  if (r.error) throw r.error;
  return { code: r.status ?? 1, stdout: r.stdout, stderr: r.stderr };
}

/** Runs the CLI as a user would, through bin/taizhang.js. */
export function taizhang(args: string[], cwd = ROOT, env?: Record<string, string>) {
  return run(process.execPath, [join(ROOT, 'bin', 'taizhang.js'), ...args], cwd, env);
}

/** Fills a tracking workbook as a unit would, with openpyxl (see fixtures/fill_workbook.py for the spec). */
export function fillWorkbook(src: string, dst: string, spec: object): void {
  const r = run(PYTHON, [join(ROOT, 'test', 'fixtures', 'fill_workbook.py'), src, dst, JSON.stringify(spec)]);
  if (r.code !== 0) throw new Error(r.stderr);
}

/** What openpyxl sees in a tracking workbook. */
export function inspectWorkbook(file: string) {
  const r = run(PYTHON, [join(ROOT, 'test', 'fixtures', 'inspect_workbook.py'), file]);
  if (r.code !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout);
}

/** The Jinan seed plan, read as every collect, sheets and report test uses it. */
export async function jinanPlan(): Promise<Plan> {
  return readPlan(join(SEEDS, 'jinan-2025-work-plan.txt'), { title: '济南市生态环境局2025年工作要点', issuer: '济南市生态环境局' });
}

export const GOOD_ANSWERS = {
  reporter: '张明',
  phone: '0531-86161234',
  date: '2025-10-08',
  default: { status: '序时推进', progress: '按计划推进，已完成阶段性工作。', next: '继续推进。' },
};

/**
 * A workspace with a round issued (into `<ws>/<round>/下发`) and an inbox beside it: the `good` units' workbooks filled
 * with GOOD_ANSWERS and the `bad` ones without a phone number, as `<unit>.xlsx`. The ledger is left open.
 */
export async function issuedWorkspace(ws: string, plan: Plan, o: { round?: string; contact?: string; good?: string[]; bad?: string[] } = {}) {
  const roundId = o.round ?? '2025-Q3';
  const ledger = new Ledger(ws);
  const out = join(ws, roundId, '下发');
  await issueRound(ledger, { plan, round: parseRound(roundId), outDir: out, contact: o.contact });
  const file = (unit: string) => join(out, `${unit}_${roundId}_调度表.xlsx`);
  const inbox = join(ws, 'inbox');
  mkdirSync(inbox);
  for (const unit of o.good ?? []) fillWorkbook(file(unit), join(inbox, `${unit}.xlsx`), GOOD_ANSWERS);
  for (const unit of o.bad ?? []) fillWorkbook(file(unit), join(inbox, `${unit}.xlsx`), { ...GOOD_ANSWERS, phone: '' });
  return { ledger, out, inbox, file };
}

/** A small, well-mixed PRNG (mulberry32): the same seed gives the same sequence, so a seeded test can be rerun. */
export function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (n: number) => Math.floor(next() * n), pick: <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)]! };
}
