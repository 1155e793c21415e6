// `taizhang plan parse | export | import`: read a plan document, and the coordinator's review loop.
import type { Command } from 'commander';
import { writeFile } from 'node:fs/promises';
import { say } from './say.ts';

export function registerPlanCommands(program: Command): void {
  const plan = program.command('plan').description('读取工作要点，生成并核对任务清单');
  plan
    .command('parse <文件>')
    .description('读取工作要点（.docx、.xlsx、.pdf、.doc、.wps、.rtf 或 .txt；.pdf 需安装 poppler-utils，.doc、.wps、.rtf 需安装 LibreOffice），输出任务清单 JSON 并显示摘要')
    .option('-o, --output <plan.json>', '输出的任务清单文件', 'plan.json')
    .option('--title <标题>', '文件标题（原文没有标题时填写）')
    .option('--issuer <发文机关>', '发文机关（原文没有落款时填写）')
    .option('--first-listed-leads', '原文未写明牵头单位的条目，以列第一位者为牵头单位（全文统一约定；也可在任务分解表“说明”表中选择）')
    .action(async (file: string, opts: { output: string; title?: string; issuer?: string; firstListedLeads?: boolean }) => {
      const [{ readPlan }, { summarizePlan }, { withFirstListedLeads }] = await Promise.all([import('../plan/index.ts'), import('../plan/summary.ts'), import('../plan/review.ts')]);
      const read = await readPlan(file, { title: opts.title, issuer: opts.issuer });
      const { plan: result, adopted } = opts.firstListedLeads ? withFirstListedLeads(read) : { plan: read, adopted: 0 };
      await writeFile(opts.output, JSON.stringify(result, null, 2) + '\n');
      say(summarizePlan(result));
      if (opts.firstListedLeads) say(`\n原文未写明牵头单位的 ${adopted} 条条目，已按列第一位者为牵头单位确定（任务分解表“待核对”列标出）。`);
      say(`\n任务清单已写入 ${opts.output}。下一步：npx taizhang plan export ${opts.output} -o 任务分解表.xlsx，核对后再导入。`);
    });
  plan
    .command('export <plan.json>')
    .description('导出任务分解表（Excel），供核对、修改责任单位、时限和目标')
    .option('-o, --output <文件>', '输出的任务分解表', '任务分解表.xlsx')
    .action(async (file: string, opts: { output: string }) => {
      const [{ loadPlanJson }, { exportReview }] = await Promise.all([import('../plan/index.ts'), import('../plan/review.ts')]);
      await exportReview(await loadPlanJson(file), opts.output);
      say(`任务分解表已写入 ${opts.output}。核对修改后运行：npx taizhang plan import ${opts.output} -o plan.json`);
    });
  plan
    .command('import <任务分解表.xlsx>')
    .description('读回核对后的任务分解表，校验单位名称并输出任务清单 JSON')
    .option('-o, --output <plan.json>', '输出的任务清单文件', 'plan.json')
    .action(async (file: string, opts: { output: string }) => {
      const [{ importReview }, { summarizePlan }] = await Promise.all([import('../plan/review.ts'), import('../plan/summary.ts')]);
      const { plan: result, changes } = await importReview(file);
      await writeFile(opts.output, JSON.stringify(result, null, 2) + '\n');
      say(summarizePlan(result));
      say(changes.length ? `\n共 ${changes.length} 处修改：\n  ${changes.join('\n  ')}` : '\n未发现修改。');
      say(`任务清单已写入 ${opts.output}。`);
    });
}
