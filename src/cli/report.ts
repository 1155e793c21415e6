// `taizhang report`: the round's documents from the ledger, through editable templates.
import type { Command } from 'commander';
import { readFile } from 'node:fs/promises';
import { BUILT_IN } from '../report/templates.ts';
import { parseMetrics, type Metrics } from '../model/metrics.ts';
import { UserError } from '../util/errors.ts';
import { parseDate } from '../util/time.ts';
import { openLedger, thresholdsOf, withThresholdOptions, withWorkspaceOption, workspaceFor, type GlobalOptions } from './context.ts';
import { say } from './say.ts';

/** The next year's plan: a plan.json, or a plan document read as `plan parse` reads it. */
async function readNextPlan(path: string) {
  const { loadPlanJson, readPlan } = await import('../plan/index.ts');
  return path.toLowerCase().endsWith('.json') ? loadPlanJson(path) : readPlan(path);
}

export function register(program: Command): void {
  withWorkspaceOption(withThresholdOptions(program.command('report')))
    .description('生成报告：工作进展情况报告（年终轮次为年度工作情况报告）、督办通报、讲话稿（Word）和汇总表（Excel）')
    .option('--round <轮次>', '轮次')
    .option('-t, --template <名称或路径>', `模板：${BUILT_IN.join('、')}，或自己的 .hbs 文件；多个时重复 -t 或以逗号分隔`, (value: string, earlier: string[] = []) => [...earlier, value])
    .option('-o, --output <目录>', '输出目录（默认 <工作目录>/<轮次>/报告）')
    .option('--date <日期>', '成文日期，如 2025-10-20 或 2025年10月20日（默认今天）')
    .option('--metrics <文件.json>', '补充数据：{"行政处罚案件数": 216, "细颗粒物（PM2.5）平均浓度": {"值": 38, "单位": "微克/立方米", "目标": "≤42", "依据": "省考核要求"}, …}；报告的主要指标段逐项写明数值、单位和是否达到目标，模板中的 {{数值 "名称"}} 也可取用')
    .option('--list-variables', '列出模板可用的变量和元素')
    .option('--next-plan <任务文件>', '新一年的工作要点（plan.json 或工作要点文件）：讲话稿据此部署新一年重点工作')
    .option('--meeting <会议名称>', '讲话稿的会议名称，如“2026年全市生态环境工作会议”（默认按发文机关推定为本机关的工作会议，如“市生态环境局2026年工作会议”）')
    .option('--reply-by <日期>', '督办通报要求书面报送整改措施、补报调度表的期限（未给出时文中为【待填】）')
    .option('--force', '本轮尚无任何收取的报送时仍然生成（文中如实说明无报送数据）')
    .option('--today <YYYY-MM-DD>', '按此日期判断是否逾期（默认今天）')
    .action(async (opts: GlobalOptions & { round?: string; template?: string[]; output?: string; date?: string; metrics?: string; nextPlan?: string; meeting?: string; replyBy?: string; yellow: string; red: string; listVariables?: boolean; force?: boolean }) => {
      if (opts.listVariables) {
        const [{ VARIABLES }, { ELEMENTS }] = await Promise.all([import('../report/context.ts'), import('../report/markup.ts')]);
        say('模板变量（Handlebars，写作 {{变量}}）：');
        for (const [name, text] of VARIABLES) say(`  ${name}\n      ${text}`);
        say('\n模板元素：');
        for (const [name, text] of Object.entries(ELEMENTS)) say(`  <${name}>  ${text}`);
        return;
      }
      if (!opts.round) throw new UserError('请用 --round 指定轮次。', '例如：npx taizhang report --round 2025-Q3');
      let metrics: Metrics = {};
      if (opts.metrics) {
        let json: unknown;
        try {
          json = JSON.parse(await readFile(opts.metrics, 'utf8'));
        } catch (e) {
          throw new UserError(`无法读取数据文件“${opts.metrics}”：${(e as Error).message}`, '数据文件应为 JSON，例如 {"行政处罚案件数": 216}。');
        }
        metrics = parseMetrics(json, opts.metrics);
      }
      if (opts.replyBy !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(opts.replyBy)) {
        throw new UserError(`--reply-by 的取值“${opts.replyBy}”不是日期。`, '请写成 YYYY-MM-DD，例如 2026-01-20。');
      }
      const nextPlan = opts.nextPlan ? await readNextPlan(opts.nextPlan) : undefined;
      const thresholds = thresholdsOf(opts);
      const ledger = await openLedger(opts);
      try {
        const { renderRoundReports } = await import('../workspace/reports.ts');
        // One or several templates, given as repeated options or comma-separated.
        const templates = opts.template ? opts.template.flatMap((t) => t.split(',')).filter(Boolean) : undefined;
        const { progress, ...result } = await renderRoundReports(workspaceFor(opts), ledger, {
          roundId: opts.round,
          thresholds,
          outDir: opts.output,
          templates,
          date: opts.date === undefined ? undefined : parseDate(opts.date, '--date'),
          metrics,
          force: opts.force,
          nextPlan,
          meeting: opts.meeting,
          replyBy: opts.replyBy === undefined ? undefined : parseDate(opts.replyBy, '--reply-by'),
        });
        say(`${progress.round.label}报告已生成：`);
        for (const f of result.files) say(`  ${f}`);
        if (result.truncated.length) {
          say(`\n提示：汇总表中 ${result.truncated.length} 个单元格的文字超过 Excel 单元格上限（32767 字），已截断并注明：\n  ${result.truncated.slice(0, 10).join('、')}${result.truncated.length > 10 ? ' 等' : ''}`);
        }
        if (result.indicators.fromUnits.length) say(`\n主要指标采用单位报送的数值 ${result.indicators.fromUnits.length} 项：${result.indicators.fromUnits.join('、')}`);
        for (const n of result.indicators.notes) say(`\n注意：${n}`);
        for (const w of result.warnings) say(`\n注意：${w}`);
        for (const m of result.missing) {
          say(`\n提示：《${m.document}》中以下内容没有来源，已标注为【待填：…】，请补写后定稿（数据可用 --metrics 提供）：\n  ${m.figures.join('、')}`);
        }
      } finally {
        ledger.close();
      }
    });
}
