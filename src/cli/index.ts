// The command line: declares commands and hands each to its stage. One catch turns errors into exit codes:
// a user's mistake prints a Chinese message and hint (exit 1); anything else is a bug (exit 2).
import { Command, CommanderError } from 'commander';
import { UserError } from '../util/errors.ts';
import { registerPlanCommands } from './plan.ts';

export async function main(argv: string[]): Promise<number> {
  const program = new Command('taizhang')
    .description('台账：工作要点分解、调度表下发、报送收集与汇总报告')
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) })
    .helpOption('-h, --help', '显示帮助')
    .helpCommand('help [命令]', '显示命令帮助');
  registerPlanCommands(program);
  for (const load of commandModules) (await load()).register(program);
  try {
    await program.parseAsync(argv);
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode;
    if (e instanceof UserError) {
      process.stderr.write(`错误：${e.message}\n`);
      if (e.hint) process.stderr.write(`处理办法：${e.hint}\n`);
      return 1;
    }
    process.stderr.write(`程序内部错误（请将以下信息反馈给维护人员）：\n${(e as Error).stack ?? String(e)}\n`);
    return 2;
  }
}

/** Later stages register their commands here; each module exports `register(program)`. */
const commandModules: (() => Promise<{ register: (p: Command) => void }>)[] = [
  () => import('./sheets.ts'),
  () => import('./collect.ts'),
  () => import('./report.ts'),
  () => import('./demo.ts'),
];
