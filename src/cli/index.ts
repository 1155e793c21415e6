// The command line: declares commands and hands each to its stage. One catch turns errors into exit codes:
// a user's mistake prints a Chinese message and hint (exit 1); anything else is a bug (exit 2).
import { Command, CommanderError, Help } from 'commander';
import { environmentError } from '../util/environment.ts';
import { UserError } from '../util/errors.ts';
import { ledgerPathInUse } from './context.ts';
import { registerPlanCommands } from './plan.ts';

export async function main(argv: string[]): Promise<number> {
  const program = new Command('taizhang')
    .description('台账：工作要点分解、调度表下发、报送收集与汇总报告')
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s), outputError: (s, write) => write(chineseError(s)) })
    .configureHelp({ formatHelp: (cmd, helper) => chineseHelp(Help.prototype.formatHelp.call(helper, cmd, helper)) })
    .helpOption('-h, --help', '显示帮助')
    .helpCommand('help [命令]', '显示命令帮助');
  registerPlanCommands(program);
  for (const load of commandModules) (await load()).register(program);
  try {
    await program.parseAsync(argv);
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode;
    const user = e instanceof UserError ? e : environmentError(e, ledgerPathInUse());
    if (user) {
      process.stderr.write(`错误：${user.message}\n`);
      if (user.hint) process.stderr.write(`处理办法：${user.hint}\n`);
      return 1;
    }
    process.stderr.write(`程序内部错误（请将以下信息反馈给维护人员）：\n${(e as Error).stack ?? String(e)}\n`);
    return 2;
  }
}

/** Commander writes its help headings in English; users read Chinese. */
function chineseHelp(text: string): string {
  // Only the usage line is translated word for word: in the aligned lists a wider Chinese word would break columns.
  return text
    .replace(/^Usage:(.*)$/m, (_, usage: string) => `用法：${usage.replace('[options]', '[选项]').replace('[command]', '[命令]')}`)
    .replace(/^Arguments:/m, '参数：')
    .replace(/^Options:/m, '选项：')
    .replace(/^Commands:/m, '命令：')
    .replace(/\(default: ([^)]*)\)/g, '（默认：$1）');
}

/** Commander's own errors (a missing option, an unknown command), in Chinese with what to do. */
export function chineseError(text: string): string {
  const rules: [RegExp, string][] = [
    [/error: required option '(.+?)' not specified/, '错误：缺少必填选项 $1'],
    [/error: missing required argument '(.+?)'/, '错误：缺少参数 $1'],
    [/error: option '(.+?)' argument missing/, '错误：选项 $1 缺少取值'],
    [/error: unknown option '(.+?)'/, '错误：无法识别的选项 $1'],
    [/error: unknown command '(.+?)'/, '错误：无法识别的命令 $1'],
    [/error: too many arguments(?: for '(.+?)')?.*/, '错误：参数过多'],
  ];
  for (const [re, zh] of rules) if (re.test(text)) return `${text.replace(re, zh).replace(/\(Did you mean (.+?)\?\)/, '（是否想输入 $1？）').trim()}\n运行 npx taizhang --help 查看用法。\n`;
  return text;
}

/** Later stages register their commands here; each module exports `register(program)`. */
const commandModules: (() => Promise<{ register: (p: Command) => void }>)[] = [
  () => import('./sheets.ts'),
  () => import('./collect.ts'),
  () => import('./report.ts'),
  () => import('./rounds.ts'),
  () => import('./demo.ts'),
];
