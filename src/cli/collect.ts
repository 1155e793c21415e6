// `taizhang collect` and `taizhang status`: take in returned workbooks, and show who has reported. Stages are loaded
// when a command runs, not when the CLI starts.
import type { Command } from 'commander';
import type { CollectEvent } from '../collect/index.ts';
import { UserError } from '../util/errors.ts';
import { beijingToday, displayTime, parseBeijingTime, parseNewDeadline } from '../util/time.ts';
import { printable } from '../util/printable.ts';
import { EXIT } from './exit.ts';
import { openLedger, roundDir, todayOf, withWorkspaceOption, type GlobalOptions } from './context.ts';
import { progress } from './progress.ts';
import { say } from './say.ts';

// Every piece shown here that came from a file's name or content is made printable before the line is built.
function describe(e: CollectEvent): string {
  const o = e.outcome;
  const file = printable(e.file);
  switch (o.kind) {
    case 'accepted':
      return `✔ ${printable(o.unit)}：已收取 ${o.rows} 条${o.superseded ? '（替代此前报送的版本）' : ''}${o.warnings ? `，提示 ${o.warnings} 处` : ''}　← ${file}`;
    case 'returned':
      return `✘ ${printable(o.unit)}：${o.problems.filter((p) => p.severity === 'error').length} 处问题，已退回重报　← ${file}\n    退回表：${printable(o.returnWorkbook)}\n    回执：${printable(o.receipt)}\n    ${o.problems.slice(0, 3).map((p) => `${p.sheet === '调度表' || p.sheet === '-' ? '' : `${printable(p.sheet)} `}${printable(p.cell)}：${printable(p.message)}`).join('\n    ')}${o.problems.length > 3 ? '\n    ……详见回执' : ''}`;
    case 'stale':
      return `· ${printable(o.unit)}：该文件早于已收取的版本，仅存档不替代　← ${file}`;
    case 'duplicate':
      // A file refused before is not "taken": it is said again, with the reason given then.
      if (o.refused) return `✘ 此文件此前已收到但未收取（${displayTime(o.refused.receivedAt)}），原因：${printable(o.refused.reason)}　← ${file}`;
      return `· 已收取过，跳过${o.unit ? `（${printable(o.unit)}）` : ''}　← ${file}`;
    case 'refused':
      return `✘ 未收取：${printable(o.reason)}　← ${file}`;
    case 'unusable':
      return `✘ 无法使用：${printable(o.reason)}　← ${file}`;
    case 'skipped':
      return `· 跳过：${printable(o.reason)}　← ${file}`;
    case 'rebuilt':
      return `↻ ${printable(o.unit)}：上次收集中断，已按台账补写退回重报表和回执　← ${file}\n    退回表：${printable(o.returnWorkbook)}\n    回执：${printable(o.receipt)}`;
  }
}

/** The kinds of outcome that leave something for the coordinator to do: a file returned, or not taken at all. */
const NEEDS_ATTENTION = new Set(['returned', 'refused', 'unusable']);

export function register(program: Command): void {
  withWorkspaceOption(
    program
      .command('collect <文件夹、压缩包或文件...>')
      .description('收集各单位报送的调度表：识别、校验、归档并登记到台账')
      .requiredOption('--round <轮次>', '本次收集的轮次（必填）')
      .option('--received-at <日期时间>', '本批文件的收到时间（纸质、U 盘等方式报送时），如 2025-10-09、2025/10/9、"2025年10月9日 15:30"（北京时间）；默认取文件自身的修改时间')
      .option('--until <日期>', '退回重报的新报送期限（本轮截止日期已过时使用；不指定则写“立即重新报送”）')
      .option('--json', '以 JSON 输出每个文件的处理结果（供脚本使用）'),
  ).action(async (paths: string[], opts: GlobalOptions & { round: string; receivedAt?: string; until?: string; json?: boolean }) => {
    // TAIZHANG_NOW fixes the moment of collection for reproducible demos and tests (see the README).
    const now = process.env.TAIZHANG_NOW ? () => new Date(process.env.TAIZHANG_NOW!) : undefined;
    const today = beijingToday(now?.());
    const until = opts.until === undefined ? undefined : parseNewDeadline(opts.until, '--until', today, '重新报送期限');
    const { countInputs } = await import('../collect/sources.ts');
    const inSight = await countInputs(paths);
    const receivedAt = opts.receivedAt === undefined ? undefined : parseBeijingTime(opts.receivedAt, '--received-at');
    const ledger = await openLedger(opts);
    try {
      const roundId = ledger.requireRound(opts.round).id;
      const { collect } = await import('../collect/index.ts');
      const counts: Record<string, number> = {};
      const bar = opts.json ? null : await progress('收集', inSight);
      const events = await collect({
        ledger,
        roundId,
        paths,
        outDir: roundDir(opts, roundId, '收集'),
        receivedAt,
        now,
        until,
        onFile: (e) => {
          counts[e.outcome.kind] = (counts[e.outcome.kind] ?? 0) + 1;
          if (!bar) return;
          bar.log(describe(e));
          if (e.outcome.kind !== 'rebuilt') bar.tick();
        },
      });
      bar?.stop();
      const refusedBefore = events.filter((e) => e.outcome.kind === 'duplicate' && e.outcome.refused).length;
      const code = refusedBefore || events.some((e) => NEEDS_ATTENTION.has(e.outcome.kind)) ? EXIT.needsAttention : EXIT.ok;
      process.exitCode = code;
      if (opts.json) {
        console.log(JSON.stringify({ round: roundId, counts, exitCode: code, events }, null, 2));
        return;
      }
      say(
        `\n共处理 ${events.length - (counts.rebuilt ?? 0) - (counts.skipped ?? 0)} 个文件：收取 ${counts.accepted ?? 0}，退回 ${counts.returned ?? 0}，未收取 ${(counts.refused ?? 0) + (counts.unusable ?? 0) + refusedBefore}${refusedBefore ? `（其中此前已拒收 ${refusedBefore}）` : ''}，重复 ${(counts.duplicate ?? 0) - refusedBefore}${counts.stale ? `，旧版本 ${counts.stale}` : ''}。${counts.skipped ? `另跳过临时文件、系统文件 ${counts.skipped} 个。` : ''}`,
      );
      if (counts.returned) say(`退回重报表和回执在 ${roundDir(opts, roundId, '收集')}，请发回相应单位。`);
      // Whether the round has any accepted submission at all, from this run or an earlier one: a run that only
      // returned files does not make a round with accepted reports unfit for a report.
      const anyAccepted = !!counts.accepted || ledger.currentReceipts(roundId).some((x) => x.outcome === 'accepted');
      say(
        anyAccepted
          ? `下一步：npx taizhang status --round ${roundId} 查看报送情况；npx taizhang report --round ${roundId} 生成报告。`
          : `下一步：npx taizhang status --round ${roundId} 查看报送情况和催报通知（本次没有收取任何报送，暂不宜生成报告）。`,
      );
    } finally {
      ledger.close();
    }
  });
  withWorkspaceOption(
    program
      .command('status')
      .description('查看某一轮次各单位报送情况，并生成催报名单')
      .requiredOption('--round <轮次>', '轮次（必填）')
      .option('--json', '以 JSON 输出')
      .option('--today <日期>', '按此日期判断是否逾期（默认今天）')
      .option('--until <日期>', '催报通知中给出的新报送期限（截止日期已过时使用；不指定则写“立即报送”）'),
  ).action(async (opts: GlobalOptions & { round: string; json?: boolean; until?: string }) => {
    const today = todayOf(opts);
    const until = opts.until === undefined ? undefined : parseNewDeadline(opts.until, '--until', today, '催报期限');
    const ledger = await openLedger(opts);
    try {
      const [{ loadReceipts }, { renderStatus, urgeList, urgeNotice }] = await Promise.all([import('../consolidate/index.ts'), import('../consolidate/status.ts')]);
      // Receipts only: status needs no answer consolidated, whatever the size of the round.
      const round = loadReceipts(ledger, opts.round, today);
      if (opts.json) {
        console.log(JSON.stringify({ round: round.round, receipts: round.receipts, urge: urgeList(round.receipts, round.round), notice: urgeNotice(round.receipts, round.round, today, until) }, null, 2));
      } else {
        say(renderStatus(round, ledger.refusedFiles(round.round.id), today, until));
        // Whom to call: the unit registry's contacts of the units to urge.
        const { needsUrging } = await import('../consolidate/index.ts');
        const contacts = (await import('../units/index.ts')).urgeContacts(ledger, round.receipts.filter(needsUrging));
        if (contacts) say(`\n${contacts}`);
      }
    } finally {
      ledger.close();
    }
  });
}
