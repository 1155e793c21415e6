// `taizhang mail send | collect | remind | check`: the mailbox loop. Each command reads its options, calls the
// service in src/mail/ and prints each unit's or message's result as it comes; addresses, subjects and file names
// from outside are printed through printable().
import type { Command } from 'commander';
import type { MessageResult } from '../mail/collect.ts';
import type { MailContext, UnitMailResult } from '../mail/send.ts';
import type { Ledger } from '../ledger/ledger.ts';
import { printable } from '../util/printable.ts';
import { beijingToday, parseNewDeadline } from '../util/time.ts';
import { EXIT } from './exit.ts';
import { openLedger, todayOf, withWorkspaceOption, workspaceOf, type GlobalOptions } from './context.ts';

/** The context of a mail command: settings read, and the password asked (once) only when a server needs a login. */
async function mailContext(opts: GlobalOptions, ledger: Ledger, needs: ('imap' | 'smtp')[]): Promise<MailContext> {
  const [{ readSettings }, { mailSettings, mailPassword }] = await Promise.all([import('../ledger/settings.ts'), import('../mail/config.ts')]);
  const settings = readSettings(workspaceOf(opts));
  const s = mailSettings(settings);
  const login = needs.some((n) => s[n]?.user);
  const now = process.env.TAIZHANG_NOW ? () => new Date(process.env.TAIZHANG_NOW!) : undefined;
  return { ledger, workspace: workspaceOf(opts), settings, password: login ? await mailPassword() : null, now };
}

const MARK: Record<UnitMailResult['outcome'], string> = { sent: '✔', 'dry-run': '·', already: '·', 'no-address': '✘', 'no-file': '✘', failed: '✘' };

function unitLine(r: UnitMailResult): string {
  return `${MARK[r.outcome]} ${r.unit}${r.addresses.length ? `  ${printable(r.addresses.join('、'))}` : ''}：${printable(r.outcome === 'sent' ? `已发送${r.detail ? `；${r.detail}` : ''}` : r.detail)}`;
}

function messageLine(r: MessageResult): string {
  const head = `UID ${r.uid}  ${printable(r.sender)}「${printable(r.subject)}」`;
  if (r.kind !== 'submission') return `· ${head}：${printable(r.note)}`;
  const files = r.files.map((f) => {
    const what =
      f.kind === 'accepted' ? `✔ ${f.unit}：已收取 ${f.rows} 条` : f.kind === 'returned' ? `✘ ${f.unit}：${f.problems?.length ?? 0} 处问题，已退回重报` : f.kind === 'stale' ? `· ${f.unit}：旧版本，仅存档` : f.kind === 'duplicate' ? '· 已收到过' : `✘ 未收取：${f.reason}`;
    return `    ${printable(what)}　← ${printable(f.name)}`;
  });
  return [`${r.reply === 'sent' ? '✔' : r.reply === 'failed' || r.reply === 'uncertain' ? '✘' : '·'} ${head}：${printable(r.replyDetail)}`, ...files].join('\n');
}

export function register(program: Command): void {
  const mail = program.command('mail').description('通过单位邮箱下发调度表、收取回复并回执、邮件催报（先用 config set 设置收件服务器、发件服务器、发件人）');

  withWorkspaceOption(
    mail
      .command('send')
      .description('把各单位的调度表发到其登记的邮箱（每个单位一封；已发过的不再发）')
      .requiredOption('--round <轮次>', '轮次（必填）')
      .option('--units <单位,…>', '只发给这些单位（用逗号或顿号分隔）')
      .option('--from <目录>', '调度表所在目录（默认 <工作目录>/<轮次>/下发）')
      .option('--dry-run', '只列出将发给谁，不发送'),
  ).action(async (opts: GlobalOptions & { round: string; units?: string; from?: string; dryRun?: boolean }) => {
    const ledger = await openLedger(opts);
    try {
      const { sendRound } = await import('../mail/send.ts');
      const ctx = await mailContext(opts, ledger, opts.dryRun ? [] : ['smtp']);
      const units = opts.units?.split(/[,，、]/).map((u) => u.trim()).filter(Boolean);
      const results = await sendRound(ctx, { roundId: opts.round, units, dryRun: opts.dryRun, workbookDir: opts.from, onUnit: (r) => console.log(unitLine(r)) });
      const count = (k: UnitMailResult['outcome']) => results.filter((r) => r.outcome === k).length;
      const missing = count('no-address') + count('no-file') + count('failed');
      console.log(
        opts.dryRun
          ? `\n试运行：将发送 ${count('dry-run')} 封，此前已发 ${count('already')} 个单位，无法发送 ${missing} 个单位。未发送任何邮件。`
          : `\n已发送 ${count('sent')} 封，此前已发 ${count('already')} 个单位，未能发送 ${missing} 个单位。`,
      );
      if (count('no-address')) console.log('没有邮箱的单位请先登记：npx taizhang units export -o 单位名录.xlsx，填写后 units import。');
      if (missing) process.exitCode = EXIT.needsAttention;
    } finally {
      ledger.close();
    }
  });

  withWorkspaceOption(
    mail
      .command('collect')
      .description('收取邮箱中各单位的回复：附件按 collect 同样校验登记，并回复回执、退回重报表或未收取的原因')
      .requiredOption('--round <轮次>', '轮次（必填）')
      .option('--until <日期>', '退回重报的新报送期限（本轮截止日期已过时使用）'),
  ).action(async (opts: GlobalOptions & { round: string; until?: string }) => {
    const ledger = await openLedger(opts);
    try {
      const { collectMail } = await import('../mail/collect.ts');
      const ctx = await mailContext(opts, ledger, ['imap', 'smtp']);
      const today = beijingToday(ctx.now?.());
      const until = opts.until === undefined ? undefined : parseNewDeadline(opts.until, '--until', today, '重新报送期限');
      const results = await collectMail(ctx, { roundId: opts.round, until, onMessage: (r) => console.log(messageLine(r)) });
      const files = results.flatMap((r) => r.files);
      const n = (k: string) => files.filter((f) => f.kind === k).length;
      const left = results.filter((r) => r.kind !== 'submission');
      console.log(
        results.length
          ? `\n新邮件 ${results.length} 封：报送 ${results.length - left.length} 封（收取 ${n('accepted')}，退回 ${n('returned')}，未收取 ${n('refused')}，重复 ${n('duplicate')}），不是报送的 ${left.length} 封（未回复）。已回复 ${results.filter((r) => r.reply === 'sent').length} 封。`
          : '\n没有新邮件。',
      );
      const failed = results.filter((r) => r.reply === 'failed' || r.reply === 'uncertain').length;
      if (failed) console.log(`有 ${failed} 封回复未能确认发出，见上。`);
      console.log(`下一步：npx taizhang status --round ${opts.round} 查看报送情况；npx taizhang mail remind --round ${opts.round} 邮件催报。`);
      if (n('returned') || n('refused') || failed) process.exitCode = EXIT.needsAttention;
    } finally {
      ledger.close();
    }
  });

  withWorkspaceOption(
    mail
      .command('remind')
      .description('给未报送和被退回的单位发催报邮件（与 status 的催报通知同一措辞；每个单位每天最多一次）')
      .requiredOption('--round <轮次>', '轮次（必填）')
      .option('--until <日期>', '催报通知中给出的新报送期限（截止日期已过时使用）')
      .option('--today <日期>', '按此日期判断是否逾期（默认今天）')
      .option('--force', '今天已催报过的单位也再发一次')
      .option('--dry-run', '只列出将催报谁，不发送'),
  ).action(async (opts: GlobalOptions & { round: string; until?: string; force?: boolean; dryRun?: boolean }) => {
    const today = todayOf(opts);
    const until = opts.until === undefined ? undefined : parseNewDeadline(opts.until, '--until', today, '催报期限');
    const ledger = await openLedger(opts);
    try {
      const { remindRound } = await import('../mail/send.ts');
      const ctx = await mailContext(opts, ledger, opts.dryRun ? [] : ['smtp']);
      const results = await remindRound(ctx, { roundId: opts.round, today, until, force: opts.force, dryRun: opts.dryRun, onUnit: (r) => console.log(unitLine(r)) });
      const count = (k: UnitMailResult['outcome']) => results.filter((r) => r.outcome === k).length;
      console.log(
        results.length === 0
          ? '\n全部单位均已报送，无需催报。'
          : opts.dryRun
            ? `\n试运行：将催报 ${count('dry-run')} 个单位，今天已催报 ${count('already')} 个，没有邮箱 ${count('no-address')} 个。未发送任何邮件。`
            : `\n已催报 ${count('sent')} 个单位，今天已催报过 ${count('already')} 个，没有邮箱 ${count('no-address')} 个${count('failed') ? `，发送失败 ${count('failed')} 个` : ''}。`,
      );
      if (count('no-address') || count('failed')) process.exitCode = EXIT.needsAttention;
    } finally {
      ledger.close();
    }
  });

  withWorkspaceOption(mail.command('check').description('检查邮箱设置：登录收件服务器和发件服务器，不收发任何邮件')).action(async (opts: GlobalOptions) => {
    const ledger = await openLedger(opts);
    try {
      const [{ mailSettings, requireSettings }, { openImap, openSmtp }] = await Promise.all([import('../mail/config.ts'), import('../mail/transport.ts')]);
      const ctx = await mailContext(opts, ledger, ['imap', 'smtp']);
      const s = mailSettings(ctx.settings);
      requireSettings(s, ['imap', 'smtp', 'from']);
      const imap = await openImap(s.imap!, ctx.password);
      await imap.logout();
      console.log(`✔ 收件服务器 ${s.imap!.host}:${s.imap!.port} 登录成功`);
      (await openSmtp(s.smtp!, ctx.password)).close();
      console.log(`✔ 发件服务器 ${s.smtp!.host}:${s.smtp!.port} 登录成功`);
      console.log(`发件人：${s.from!.text}`);
    } finally {
      ledger.close();
    }
  });
}
