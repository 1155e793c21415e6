// The command line: declares commands and hands each to its stage. Declaring loads no stage (each command imports
// its own when it runs), so `--help`, `--version` and option errors start instantly. One catch turns errors into
// exit codes: a user's mistake prints a Chinese message and hint (exit 1); anything else is a bug (exit 2).
import { Command, CommanderError, Help } from 'commander';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { INTERNAL_ERROR, UserError } from '../util/errors.ts';
import { runnable } from '../workspace/command.ts';
import { ledgerPathInUse } from './context.ts';
import { register as registerCollect } from './collect.ts';
import { register as registerDemo } from './demo.ts';
import { EXIT } from './exit.ts';
import { registerPlanCommands } from './plan.ts';
import { register as registerReport } from './report.ts';
import { register as registerRounds } from './rounds.ts';
import { register as registerServe } from './serve.ts';
import { register as registerSheets } from './sheets.ts';
import { register as registerUnits } from './units.ts';
import { register as registerMail } from './mail.ts';

const VERSION = (JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'package.json'), 'utf8')) as { version: string }).version;

export async function main(argv: string[]): Promise<number> {
  const program = new Command('taizhang')
    .description('台账：工作要点分解、调度表下发、报送收集与汇总报告')
    .version(VERSION, '-V, --version', '显示版本号')
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s), outputError: (s, write) => write(chineseError(s)) })
    .configureHelp(CHINESE_HELP)
    .helpOption('-h, --help', '显示帮助')
    .helpCommand('help [命令]', '显示命令帮助');
  // Declared after the help settings above, which commander copies into every command declared from here on.
  registerPlanCommands(program);
  for (const register of [registerSheets, registerCollect, registerReport, registerRounds, registerServe, registerDemo, registerUnits, registerMail]) register(program);
  // Each command's own errors point to its own help: `npx taizhang plan parse --help`, not the list of commands.
  const pointToOwnHelp = (cmd: Command, name: string): void => {
    cmd.configureOutput({ outputError: (s, write) => write(chineseError(s, name)) });
    for (const sub of cmd.commands) pointToOwnHelp(sub, `${name} ${sub.name()}`);
  };
  pointToOwnHelp(program, 'taizhang');
  try {
    await program.parseAsync(argv);
    return typeof process.exitCode === 'number' ? process.exitCode : EXIT.ok;
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? EXIT.ok : EXIT.userError;
    const user = e instanceof UserError ? e : (await import('../util/environment.ts')).environmentError(e, ledgerPathInUse());
    if (user) {
      // The one place a user's error is printed: any command it suggests is written the way that works here.
      process.stderr.write(`错误：${runnable(user.message)}\n`);
      if (user.hint) process.stderr.write(`处理办法：${runnable(user.hint)}\n`);
      return EXIT.userError;
    }
    process.stderr.write(`${INTERNAL_ERROR}：\n${(e as Error).stack ?? String(e)}\n`);
    return EXIT.internal;
  }
}

/** Columns a string takes on a terminal: CJK and full-width characters take two. */
export function displayWidth(s: string): number {
  let width = 0;
  // eslint-disable-next-line no-control-regex
  for (const ch of s.replace(/\x1b\[[0-9;]*m/g, '')) {
    const c = ch.codePointAt(0)!;
    width += (c >= 0x1100 && c <= 0x115f) || (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) || (c >= 0xffe0 && c <= 0xffe6) || c >= 0x20000 ? 2 : 1;
  }
  return width;
}

/** Commander's help with Chinese headings and placeholders, aligned by display width (a Chinese character is two columns). */
const CHINESE_HELP: Partial<Help> = {
  displayWidth,
  subcommandTerm(cmd: Command): string {
    return Help.prototype.subcommandTerm.call(this, cmd).replace(' [options]', ' [选项]');
  },
  // Translated here, before commander wraps the description, so that a wrapped `(default:` is translated too.
  optionDescription(option) {
    return Help.prototype.optionDescription.call(this, option).replace(/\(default: ([^)]*)\)/g, '（默认：$1）');
  },
  argumentDescription(argument) {
    return Help.prototype.argumentDescription.call(this, argument).replace(/\(default: ([^)]*)\)/g, '（默认：$1）');
  },
  formatHelp(cmd: Command, helper: Help): string {
    return Help.prototype.formatHelp
      .call(helper, cmd, helper)
      .replace(/^Usage: (.*)$/m, (_, usage: string) => `用法：${usage.replace('[options]', '[选项]').replace('[command]', '[命令]')}`)
      .replace(/^Arguments:/m, '参数：')
      .replace(/^Options:/m, '选项：')
      .replace(/^Commands:/m, '命令：');
  },
};

/** Commander's own errors (a missing option, an unknown command), in Chinese with the help of the command at fault. */
export function chineseError(text: string, command = 'taizhang'): string {
  const rules: [RegExp, string][] = [
    [/error: required option '(.+?)' not specified/, '错误：缺少必填选项 $1'],
    [/error: missing required argument '(.+?)'/, '错误：缺少参数 $1'],
    [/error: option '(.+?)' argument missing/, '错误：选项 $1 缺少取值'],
    [/error: unknown option '(.+?)'/, '错误：无法识别的选项 $1'],
    [/error: unknown command '(.+?)'/, '错误：无法识别的命令 $1'],
    [/error: too many arguments(?: for '(.+?)')?.*/, '错误：参数过多'],
  ];
  for (const [re, zh] of rules) if (re.test(text)) return `${text.replace(re, zh).replace(/\(Did you mean (.+?)\?\)/, '（是否想输入 $1？）').trim()}\n${runnable(`运行 npx ${command} --help 查看用法。`)}\n`;
  return text;
}
