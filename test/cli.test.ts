// The command line as people know it from other tools: --version, Chinese help with required options marked,
// Chinese errors with exit 1, the workspace found the way git finds its repository, and collect's exit codes,
// --json and printed paths. Every command runs as a user runs it, through bin/taizhang.js.
import { existsSync, readFileSync, readdirSync, symlinkSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { PlanStore } from '../src/workspace/plans.ts';
import type { Plan } from '../src/model/plan.ts';
import { displayWidth } from '../src/cli/index.ts';
import { ROOT, issuedWorkspace, jinanPlan, run, taizhang, tempDir } from './helpers.ts';

let plan: Plan;
beforeAll(async () => {
  plan = await jinanPlan();
});

const ROUND = '2025-Q3';
const VERSION = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version as string;

/** A project folder whose default workspace `output/` has the round issued, and an inbox of filled workbooks. */
async function project(good: string[], bad: string[] = []) {
  const dir = tempDir('tz-cli-');
  const ws = join(dir, 'output');
  const { ledger, inbox } = await issuedWorkspace(ws, plan, { good, bad });
  ledger.close();
  return { dir, ws, inbox };
}

describe('version and help', () => {
  it('prints the package version', () => {
    for (const flag of ['--version', '-V']) {
      const r = taizhang([flag]);
      expect(r.code).toBe(0);
      expect(r.stdout.trim()).toBe(VERSION);
    }
  });

  it('shows every heading and placeholder in Chinese, required options marked, internal options hidden', () => {
    const top = taizhang(['--help']);
    expect(top.code).toBe(0);
    expect(top.stdout).toMatch(/^用法：taizhang \[选项\] \[命令\]\n/);
    expect(top.stdout).toContain('\n选项：\n');
    expect(top.stdout).toContain('\n命令：\n');
    expect(top.stdout).toMatch(/-V, --version\s+显示版本号/);
    expect(top.stdout).toMatch(/collect \[选项\] <文件夹、压缩包或文件\.\.\.>\s+收集各单位报送的调度表/);
    const collect = taizhang(['collect', '--help']);
    expect(collect.stdout).toMatch(/^用法：taizhang collect \[选项\] <文件夹、压缩包或文件\.\.\.>/);
    expect(collect.stdout).toMatch(/--round <轮次>\s+本次收集的轮次（必填）/);
    expect(collect.stdout).toMatch(/-h, --help\s+显示帮助/);
    const bench = taizhang(['bench', '--help']);
    expect(bench.stdout).not.toContain('--child');
    // Issue 31: the developers' bench and corpus are no commands of the user's; they still run, as npm run bench/corpus.
    expect(top.stdout).not.toMatch(/^ +(bench|corpus)\b/m);
    expect(bench.stdout).toMatch(/^用法：taizhang bench \[选项\]/);
    expect(taizhang(['corpus', '--help']).stdout).toMatch(/^用法：taizhang corpus \[选项\] \[语料目录\]/);
    const scripts = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
    expect([scripts.bench, scripts.corpus]).toEqual(['node bin/taizhang.js bench', 'node bin/taizhang.js corpus']);
    for (const text of [top.stdout, collect.stdout, bench.stdout, taizhang(['sheets', 'generate', '--help']).stdout]) {
      expect(text).not.toMatch(/Usage:|Options:|Commands:|Arguments:|\[options\]|\[command\]|display help|default:/);
    }
  });

  it('aligns the descriptions by display width, a Chinese character taking two columns', () => {
    expect(displayWidth('ab')).toBe(2);
    expect(displayWidth('收集')).toBe(4);
    expect(displayWidth('（必填）')).toBe(8);
    const help = taizhang(['--help']).stdout.split('\n');
    // The description starts at the same column on each line, counted as a terminal shows it.
    const starts = ['收集各单位报送的调度表', '查看某一轮次', '演示：', '显示命令帮助', '显示版本号'].map((d) => {
      const line = help.find((l) => l.includes(d))!;
      return displayWidth(line.slice(0, line.indexOf(d)));
    });
    expect(starts).toEqual([44, 44, 44, 44, 44]);
  });

  it('refuses a missing required option, an unknown option and an unknown command in Chinese, exit 1', () => {
    const missing = taizhang(['collect', '收件箱']);
    expect(missing.code).toBe(1);
    // Issue 28: a subcommand's error points to that subcommand's own help (it pointed to `npx taizhang --help`).
    expect(missing.stderr).toBe('错误：缺少必填选项 --round <轮次>\n运行 npx taizhang collect --help 查看用法。\n');
    // Issue 31: an unknown option of a subcommand, too.
    expect(taizhang(['collect', '收件箱', '--round', ROUND, '--bad']).stderr).toBe('错误：无法识别的选项 --bad\n运行 npx taizhang collect --help 查看用法。\n');
    expect(taizhang(['collect', '--bad']).stderr).toMatch(/\n运行 npx taizhang collect --help 查看用法。\n$/);
    const unknown = taizhang(['status', '--round', ROUND, '--bogus']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toBe('错误：无法识别的选项 --bogus\n运行 npx taizhang status --help 查看用法。\n');
    const command = taizhang(['colect']);
    expect(command.code).toBe(1);
    expect(command.stderr).toContain('错误：无法识别的命令 colect');
    expect(command.stderr).toContain('（是否想输入 collect？）');
    expect(command.stderr).toContain('运行 npx taizhang --help 查看用法。');
    const nested = taizhang(['plan', 'parse']);
    expect(nested.code).toBe(1);
    expect(nested.stderr).toBe('错误：缺少参数 文件\n运行 npx taizhang plan parse --help 查看用法。\n');
    expect(taizhang(['plan', 'pasre']).stderr).toContain('运行 npx taizhang plan --help 查看用法。');
  });

  it('plan parse --help names every format it reads', () => {
    const help = taizhang(['plan', 'parse', '--help']).stdout.replace(/\s+/g, '');
    expect(help).toContain('读取工作要点（.docx、.xlsx、.pdf、.doc、.wps、.rtf或.txt；');
  });
});

describe('the workspace is found as git finds its repository', () => {
  it('uses -w, then TAIZHANG_WORKSPACE, then the nearest folder upward holding a ledger, then ./output', async () => {
    const { dir, ws } = await project([]);
    const deep = join(ws, ROUND, '下发');
    // From a subfolder of the workspace, and from the project folder (its output/ holds the ledger).
    for (const cwd of [deep, dir]) {
      const r = taizhang(['rounds'], cwd);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain(`工作目录 ${ws} 中的轮次：`);
      expect(r.stdout).toContain(`${ROUND}   2025年第三季度  截止 2025-10-10  应报 23 个单位  收到文件 0 个`);
    }
    // TAIZHANG_WORKSPACE wins over what lies upward; -w wins over both.
    const other = (await project([])).ws;
    expect(taizhang(['rounds'], deep, { TAIZHANG_WORKSPACE: other }).stdout).toContain(`工作目录 ${other} 中的轮次：`);
    expect(taizhang(['rounds', '-w', ws], deep, { TAIZHANG_WORKSPACE: other }).stdout).toContain(`工作目录 ${ws} 中的轮次：`);
  });

  it('says where it looked when no ledger is found, and creates nothing', () => {
    const empty = tempDir('tz-cli-empty-');
    const r = taizhang(['status', '--round', ROUND], empty);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('错误：没有找到台账（taizhang.db）。已查找：-w 未指定；环境变量 TAIZHANG_WORKSPACE 未设置；从当前目录向上各级目录（');
    expect(r.stderr).toContain(empty);
    expect(r.stderr).toContain('处理办法：请在工作目录中运行，或用 -w 指定');
    expect(readdirSync(empty)).toEqual([]);
  });

  it('creates the ledger in ./output when a round is first issued', () => {
    const dir = tempDir('tz-cli-new-');
    const parsed = taizhang(['plan', 'parse', join(ROOT, 'seeds', 'jinan-2025-work-plan.txt'), '--title', '济南市生态环境局2025年工作要点', '--issuer', '济南市生态环境局'], dir);
    expect(parsed.code).toBe(0);
    const r = taizhang(['sheets', 'generate', 'plan.json', '--round', ROUND], dir);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(existsSync(join(dir, 'output', 'taizhang.db'))).toBe(true);
    expect(readdirSync(join(dir, 'output', ROUND, '下发')).filter((f) => f.endsWith('_调度表.xlsx'))).toHaveLength(23);
    // The plan read from outside the workspace is kept in it, so the 工作台's 轮次 page lists it (once, unchanged).
    const plan = JSON.parse(readFileSync(join(dir, 'plan.json'), 'utf8'));
    const store = new PlanStore(join(dir, 'output'));
    expect(store.list()).toEqual([{ id: plan.id, title: '济南市生态环境局2025年工作要点', file: `${plan.id}.json`, tasks: plan.tasks.length, clauses: 67 }]);
    expect(taizhang(['sheets', 'generate', 'plan.json', '--round', '2025-Q4'], dir).code).toBe(0);
    expect(store.earlierVersions(plan.id)).toBe(0);
  });
});

describe('collect for scripts', () => {
  it('exits 0 when every file is taken, and prints no progress bar when output is not a terminal', async () => {
    const { dir, inbox } = await project(['大气环境处', '机关党委']);
    const r = taizhang(['collect', inbox, '--round', ROUND], dir);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('共处理 2 个文件：收取 2，退回 0，未收取 0，重复 0。');
    expect(r.stdout).toContain(`npx taizhang report --round ${ROUND} 生成报告`);
    // Again: both are duplicates, nothing needs attention.
    expect(taizhang(['collect', inbox, '--round', ROUND], dir).code).toBe(0);
  });

  it('exits 3 when a file is returned, and names its 退回重报 workbook and 回执', async () => {
    const { dir, ws, inbox } = await project(['大气环境处'], ['机关党委']);
    const r = taizhang(['collect', inbox, '--round', ROUND], dir);
    expect(r.code).toBe(3);
    const returned = join(ws, ROUND, '收集', '退回重报', `退回重报_机关党委_${ROUND}.xlsx`);
    const receipt = join(ws, ROUND, '收集', '退回重报', `回执_机关党委_${ROUND}.txt`);
    expect(r.stdout).toContain(`退回表：${returned}`);
    expect(r.stdout).toContain(`回执：${receipt}`);
    expect(existsSync(returned)).toBe(true);
    expect(existsSync(receipt)).toBe(true);
  });

  it('exits 3 when nothing is taken, and does not suggest a report', async () => {
    const { dir, inbox } = await project([], ['机关党委']);
    const r = taizhang(['collect', inbox, '--round', ROUND], dir);
    expect(r.code).toBe(3);
    expect(r.stdout).not.toContain('report --round');
    expect(r.stdout).toContain('本次没有收取任何报送，暂不宜生成报告');
  });

  it('prints the events as JSON with --json, and only them', async () => {
    const { dir, inbox } = await project(['大气环境处'], ['机关党委']);
    const r = taizhang(['collect', inbox, '--round', ROUND, '--json'], dir);
    expect(r.code).toBe(3);
    const out = JSON.parse(r.stdout);
    expect(out.round).toBe(ROUND);
    expect(out.exitCode).toBe(3);
    expect(out.counts).toEqual({ accepted: 1, returned: 1 });
    expect(out.events.map((e: { file: string; outcome: { kind: string; unit: string } }) => [e.file.split('/').pop(), e.outcome.kind, e.outcome.unit])).toEqual([
      ['大气环境处.xlsx', 'accepted', '大气环境处'],
      ['机关党委.xlsx', 'returned', '机关党委'],
    ]);
    const returned = out.events[1].outcome;
    expect(returned.problems.map((p: { cell: string; rule: string }) => [p.cell, p.rule])).toEqual([['H2', 'phone-missing']]);
    expect(returned.receipt).toMatch(/回执_机关党委_2025-Q3\.txt$/);
  });
});

describe('every command a message suggests works as typed (issue 31)', () => {
  it('writes npx taizhang when taizhang is not installed globally, also where a stage wrote a bare taizhang', async () => {
    const { ws } = await project([]);
    const r = taizhang(['plan', 'import', join(ws, ROUND, '下发', '大气环境处_2025-Q3_调度表.xlsx')]);
    expect(r.code).toBe(1);
    // Prose naming the program is left as it is; the command to run gets its npx.
    expect(r.stderr).toContain('不是 taizhang 导出的任务分解表');
    expect(r.stderr).toContain('处理办法：请用 npx taizhang plan export 重新导出后再修改。\n');
  });

  it('writes a bare taizhang after a global install, whose taizhang on PATH is this program', async () => {
    const { ws } = await project([]);
    const bin = tempDir('tz-global-');
    symlinkSync(join(ROOT, 'bin', 'taizhang.js'), join(bin, 'taizhang'));
    // The user's shell: not inside npx or an npm script.
    const env = { PATH: [bin, dirname(process.execPath), process.env.PATH].join(':'), npm_command: '', npm_lifecycle_event: '' };
    const global = (args: string[], cwd = ROOT) => run(join(bin, 'taizhang'), args, cwd, env);
    const imported = global(['plan', 'import', join(ws, ROUND, '下发', '大气环境处_2025-Q3_调度表.xlsx')]);
    expect(imported.stderr).toContain('处理办法：请用 taizhang plan export 重新导出后再修改。\n');
    expect(global(['collect', '收件箱']).stderr).toBe('错误：缺少必填选项 --round <轮次>\n运行 taizhang collect --help 查看用法。\n');
    const dir = tempDir('tz-global-plan-');
    const parsed = global(['plan', 'parse', join(ROOT, 'seeds', 'jinan-2025-work-plan.txt'), '--title', '济南市生态环境局2025年工作要点', '--issuer', '济南市生态环境局'], dir);
    expect(parsed.code).toBe(0);
    expect(parsed.stdout).toContain('下一步：taizhang plan export plan.json -o 任务分解表.xlsx');
    expect(parsed.stdout).not.toContain('npx');
    // The same program run through npx (npm_command=exec) says npx: the user's own shell may not find it.
    expect(run(join(bin, 'taizhang'), ['collect', '收件箱'], ROOT, { ...env, npm_command: 'exec' }).stderr).toContain('运行 npx taizhang collect --help');
  });
});
