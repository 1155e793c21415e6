// `taizhang demo` (npm run demo), and the developers' `bench` and `corpus` (npm run bench, npm run corpus): these two
// are hidden from the user's --help, which lists only what a clerk or coordinator runs.
import type { Command } from 'commander';
import { say } from './say.ts';

export function register(program: Command): void {
  program
    .command('demo')
    .description('演示：在示例工作要点上运行全部环节（单位填报内容为示例数据）')
    .action(async () => {
      const { runDemo } = await import('../demo/index.ts');
      await runDemo();
    });
  registerBench(program);
  program
    .command('corpus [语料目录]', { hidden: true })
    .description('计划读取评测：逐一读取语料中的工作要点，与人工答案比对并列表')
    .option('--only <文件名片段>', '只评测文件名含此片段的文件')
    .option('-v, --verbose', '列出每一项不一致')
    .action(async (dir: string | undefined, opts: { only?: string; verbose?: boolean }) => {
      const corpus = await import('../corpus/index.ts');
      const scores = await corpus.scoreCorpus(dir ?? '../shared/corpus', opts.only);
      say(corpus.formatScores(scores, !!opts.verbose));
      if (opts.only) return;
      say(await corpus.checkBulk(dir ?? '../shared/corpus'));
      const labels = await import('../corpus/labels.ts');
      const score = await labels.scoreLabels('corpus/targets-deadlines.jsonl', dir ?? '../shared/corpus', 'seeds');
      say(labels.formatLabelScore(score, !!opts.verbose));
    });
}

export function registerBench(program: Command): void {
  program
    .command('bench', { hidden: true })
    .description('性能基准：与 openpyxl 脚本、原始 XML 基线并排测量生成、收集（整个进程，含启动）的用时和内存，并测报告和启动')
    .option('--scales <列表>', '规模（单位数，逗号分隔），如 50,1000,2000,10000', '50,1000,2000')
    .option('--runs <次数>', '每个规模运行的次数（取中位数）', '3')
    .option('--json', '以 JSON 输出')
    .action(async (opts: { scales: string; runs: string; json?: boolean }) => {
      const bench = await import('../bench/index.ts');
      await bench.runBench(opts.scales.split(',').map(Number), Number(opts.runs), !!opts.json);
    });
}
