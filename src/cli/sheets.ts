// `taizhang sheets generate`: one tracking workbook per unit for a round, registered in the ledger.
import type { Command } from 'commander';
import { openLedger, roundDir, withWorkspaceOption, workspaceOf, type GlobalOptions } from './context.ts';
import { PlanStore } from '../workspace/plans.ts';
import { progress } from './progress.ts';
import { say } from './say.ts';

/** The indicators an indicator file sends to the units of the round (model/indicators.ts). */
async function readIndicatorFile(path: string, plan: import('../model/plan.ts').Plan, round: import('../model/round.ts').Round) {
  const [{ readFile }, { UserError }, { issuedIndicators }, { planRound }] = await Promise.all([
    import('node:fs/promises'),
    import('../util/errors.ts'),
    import('../model/indicators.ts'),
    import('../sheets/generate.ts'),
  ]);
  let json: unknown;
  try {
    json = JSON.parse(await readFile(path, 'utf8'));
  } catch (e) {
    const why = (e as NodeJS.ErrnoException).code === 'ENOENT' ? '文件不存在' : e instanceof SyntaxError ? `不是有效的 JSON（${e.message}）` : (e as Error).message;
    throw new UserError(`无法读取指标文件“${path}”：${why}。`, '请检查路径；指标文件应为 JSON，例如 {"优良天数比率": {"目标": "≥64%", "报送单位": "生态环境监测处"}}（写法见 docs/indicators.md）。');
  }
  return issuedIndicators(json, path, plan, new Set(planRound(plan, round).named.map((n) => n.unit)));
}

export function register(program: Command): void {
  const sheets = program.command('sheets').description('生成并下发各单位调度表');
  withWorkspaceOption(
    sheets
      .command('generate <plan.json>')
      .description('按轮次为每个责任单位生成调度表（.xlsx），并登记到台账')
      .requiredOption('--round <轮次>', '报送轮次（必填）：2025-09、2025-Q3、2025-H1 或 2025-年终；也可写 2025年第三季度、2025年9月等，省略年份时取工作要点的年份')
      .option('--deadline <日期>', '报送截止日期，如 2025-10-10 或 2025年10月10日（默认为轮次结束后第10天）')
      .option('-o, --output <目录>', '调度表输出目录（默认 <工作目录>/<轮次>/下发）')
      .option('--password <密码>', '工作表保护密码（默认不设密码，仅锁定）')
      .option('--contact <联系方式>', '填报说明中的联系人和电话（默认取 npx taizhang config 中的“联系人”）')
      .option('--no-prefill', '不预填上一轮已收取的填报内容')
      .option('--indicators <指标.json>', '由责任单位在调度表“指标”工作表中报送的指标：{"优良天数比率": {"单位": "%", "目标": "≥64%", "依据": "省考核要求", "报送单位": "生态环境监测处"}, …}；工作要点指标表中的指标可只写“报送单位”，单位和目标取自指标表（见 docs/indicators.md）')
      .option('--force', '覆盖输出目录中的同名文件（不会删除任何文件）'),
  ).action(async (file: string, opts: GlobalOptions & { round: string; deadline?: string; output?: string; password?: string; contact?: string; prefill: boolean; force?: boolean; indicators?: string }) => {
    const [{ parseRound }, { loadPlanJson }, { issueRound }, { readSettings }, { displayTitle }] = await Promise.all([
      import('../model/round.ts'),
      import('../plan/index.ts'),
      import('../sheets/issue.ts'),
      import('../ledger/settings.ts'),
      import('../model/plan.ts'),
    ]);
    const plan = await loadPlanJson(file);
    const round = parseRound(opts.round, opts.deadline, { year: plan.year });
    const indicators = opts.indicators ? await readIndicatorFile(opts.indicators, plan, round) : undefined;
    const ledger = await openLedger(opts, { create: true });
    try {
      const outDir = opts.output ?? roundDir(opts, round.id, '下发');
      const bar = await progress('生成', 0);
      const result = await issueRound(ledger, {
        plan,
        round,
        outDir,
        force: opts.force,
        password: opts.password,
        contact: opts.contact ?? readSettings(workspaceOf(opts)).contact,
        prefill: opts.prefill,
        indicators,
        onProgress: (_, total) => bar.tick(total),
      });
      bar.stop();
      // The 工作台 lists the workspace's plans: a plan read from elsewhere is kept there too.
      await new PlanStore(workspaceOf(opts)).adopt(plan);
      say(`${round.label}调度表已生成：${result.files.length} 个单位，报送截止 ${round.deadline}。`);
      for (const f of result.files) {
        say(`  ${f.file}  条目 ${f.rows}（牵头 ${f.lead}，配合 ${f.cooperate}）${f.prefilled ? `，已预填上轮内容 ${f.prefilled} 条` : ''}${f.indicators ? `，报送指标 ${f.indicators} 项` : ''}`);
      }
      if (indicators?.length) say(`\n由单位报送的指标 ${indicators.length} 项，见各单位调度表的“指标”工作表；收回后生成报告时，主要指标段采用单位报送的数值。`);
      const untargeted = indicators?.filter((i) => !i.target) ?? [];
      if (untargeted.length) say(`提示：${untargeted.map((i) => `“${i.name}”`).join('')}没有目标（指标文件和工作要点的指标表中均未写明），报告中只写数值、不作对照；如有目标，请在指标文件中写“目标”后重新生成（--force）。`);
      if (result.unassigned.length) {
        say(`\n提示：以下 ${result.unassigned.length} 个条目没有明确的责任单位，未下发（请用 plan export / plan import 指定）：`);
        for (const u of result.unassigned) say(`  ${u.clause.id} ${u.task.lead}`);
      }
      if (!plan.title.trim()) {
        say(`\n提示：任务清单没有文件标题，调度表“任务来源”一行写作《${displayTitle(plan)}》。请重新读取工作要点并用 --title 指定标题（npx taizhang plan parse <工作要点文件> --title "…"），或在工作台“计划”页上传时填写，然后重新生成调度表（--force）。`);
      }
      say(`\n输出目录：${outDir}（含下发清单.xlsx）`);
      say(`下一步：将调度表分发给各单位；收回后运行 npx taizhang collect <收件文件夹或压缩包> --round ${round.id}`);
    } finally {
      ledger.close();
    }
  });
}
