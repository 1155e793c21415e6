// `taizhang rounds`, `taizhang progress` and `taizhang config`: the rounds of a workspace, the consolidated
// figures every document is built from, and the workspace's document settings.
import type { Command } from 'commander';
import { join } from 'node:path';
import { SETTING_NAMES } from '../model/setting-names.ts';
import { displayTime } from '../util/time.ts';
import { openLedger, thresholdsOf, todayOf, withThresholdOptions, withWorkspaceOption, workspaceOf, type GlobalOptions } from './context.ts';
import { say } from './say.ts';

export function register(program: Command): void {
  const rounds = withWorkspaceOption(program.command('rounds').description('列出台账中的轮次；rounds remove <轮次> 删除误建且未收到任何报送的轮次'))
    .action(async (opts: GlobalOptions) => {
      const ledger = await openLedger(opts);
      try {
        const list = ledger.rounds();
        if (list.length === 0) {
          say(`工作目录 ${workspaceOf(opts)} 中还没有轮次。请先运行 npx taizhang sheets generate <plan.json> --round <轮次>。`);
          return;
        }
        say(`工作目录 ${workspaceOf(opts)} 中的轮次：`);
        for (const r of list) {
          const expected = ledger.expected(r.id).length;
          const received = ledger.intakeCount(r.id);
          say(`  ${r.id.padEnd(8)}  ${r.label}  截止 ${r.deadline}  应报 ${expected} 个单位  收到文件 ${received} 个`);
        }
      } finally {
        ledger.close();
      }
    });
  // Subcommands take -w from their parent (`rounds -w 目录 remove …` and `rounds remove … -w 目录` alike).
  rounds
    .command('remove <轮次>')
    .description('删除误建的轮次（仅限尚未收到任何报送文件的轮次；已下发的调度表文件保留在磁盘上）')
    .action(async (id: string, _opts: unknown, cmd: Command) => {
      const ledger = await openLedger(cmd.optsWithGlobals<GlobalOptions>());
      try {
        const round = ledger.requireRound(id);
        ledger.removeRound(round.id);
        say(`已从台账中删除轮次 ${round.id}（${round.label}）。已下发的调度表文件未删除，如不再需要请手工处理。`);
      } finally {
        ledger.close();
      }
    });

  withWorkspaceOption(withThresholdOptions(program.command('progress')))
    .description('输出某一轮次的汇总进度（报告和汇总表所用的同一组数据）')
    .requiredOption('--round <轮次>', '轮次（必填）')
    .option('--json', '以 JSON 输出')
    .option('--today <YYYY-MM-DD>', '按此日期判断是否逾期（默认今天）')
    .action(async (opts: GlobalOptions & { round: string; json?: boolean; yellow: string; red: string }) => {
      const ledger = await openLedger(opts);
      try {
        const [{ loadRoundProgress, receiptWords }, { SCHEDULE_WORDS, percent }, { displayTitle }] = await Promise.all([
          import('../consolidate/index.ts'),
          import('../report/context.ts'),
          import('../model/plan.ts'),
        ]);
        const { progress } = loadRoundProgress(ledger, opts.round, todayOf(opts), thresholdsOf(opts));
        if (opts.json) {
          console.log(JSON.stringify(progress, null, 2));
          return;
        }
        say(`${progress.round.label}汇总进度（${displayTitle({ title: progress.planTitle })}）：`);
        for (const c of progress.clauses) {
          const units = c.answers.length ? c.answers.map((a) => `${a.unit}${a.role === '牵头' ? '（牵头）' : ''}`).join('、') : '未明确责任单位';
          say(`  ${c.clauseId.padEnd(7)} ${c.status.padEnd(4, '　')} 完成度 ${c.completion === null ? '—' : percent(c.completion)}  序时 ${percent(c.expected)}  ${SCHEDULE_WORDS[c.schedule]}  ${units}`);
        }
        say('\n报送情况：');
        for (const r of progress.receipts) say(`  ${r.unit}  ${receiptWords(r)}  ${r.receivedAt ? displayTime(r.receivedAt) : '—'}`);
      } finally {
        ledger.close();
      }
    });

  const config = withWorkspaceOption(program.command('config').description('查看或修改工作目录的公文设置：发文机关、主送、联系人、文号'))
    .action(async (opts: GlobalOptions) => {
      const { readSettings, SETTINGS_FILE } = await import('../ledger/settings.ts');
      const settings = readSettings(workspaceOf(opts));
      say(`公文设置（${join(workspaceOf(opts), SETTINGS_FILE)}）：`);
      for (const [key, info] of Object.entries(SETTING_NAMES)) {
        const value = settings[key as keyof typeof settings];
        say(`  ${info.name}：${value ?? '（未设置）'}\n      ${info.text}`);
      }
      say('\n修改：npx taizhang config set 发文机关 "济南市生态环境局"；清除：npx taizhang config unset 文号');
    });
  config
    .command('set <名称> <值>')
    .description(`设置一项：${Object.values(SETTING_NAMES).map((x) => x.name).join('、')}`)
    .action(async (name: string, value: string, _opts: unknown, cmd: Command) => {
      const { readSettings, settingKey, writeSettings } = await import('../ledger/settings.ts');
      const key = settingKey(name);
      // A mail setting is checked now, not at the first send (src/mail/config.ts).
      if (key === 'imapServer' || key === 'smtpServer' || key === 'mailFrom') (await import('../mail/config.ts')).checkMailSetting(key, value);
      const workspace = workspaceOf(cmd.optsWithGlobals<GlobalOptions>());
      const file = await writeSettings(workspace, { ...readSettings(workspace), [key]: value.trim() });
      say(`已设置 ${SETTING_NAMES[key].name}：${value.trim()}（${file}）`);
    });
  config
    .command('unset <名称>')
    .description('清除一项设置，恢复默认')
    .action(async (name: string, _opts: unknown, cmd: Command) => {
      const { readSettings, settingKey, writeSettings } = await import('../ledger/settings.ts');
      const key = settingKey(name);
      const workspace = workspaceOf(cmd.optsWithGlobals<GlobalOptions>());
      const settings = readSettings(workspace);
      delete settings[key];
      await writeSettings(workspace, settings);
      say(`已清除 ${SETTING_NAMES[key].name}，恢复默认。`);
    });
}
