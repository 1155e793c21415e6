// `taizhang demo` (npm run demo) and `taizhang bench` (npm run bench).
import { Option, type Command } from 'commander';

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
    .command('corpus [语料目录]')
    .description('计划读取评测：逐一读取语料中的工作要点，与人工答案比对并列表')
    .option('--only <文件名片段>', '只评测文件名含此片段的文件')
    .option('-v, --verbose', '列出每一项不一致')
    .action(async (dir: string | undefined, opts: { only?: string; verbose?: boolean }) => {
      const corpus = await import('../corpus/index.ts');
      const scores = await corpus.scoreCorpus(dir ?? '../shared/corpus', opts.only);
      console.log(corpus.formatScores(scores, !!opts.verbose));
      if (opts.only) return;
      const labels = await import('../corpus/labels.ts');
      const score = await labels.scoreLabels('corpus/targets-deadlines.jsonl', dir ?? '../shared/corpus', 'seeds');
      console.log(labels.formatLabelScore(score, !!opts.verbose));
    });
}

export function registerBench(program: Command): void {
  program
    .command('bench')
    .description('性能基准：按 50、500、2000 个单位的规模测量生成、收集、报告的用时和内存')
    .option('--scales <列表>', '规模（单位数，逗号分隔）', '50,500,2000')
    .option('--json', '以 JSON 输出')
    // The benchmark's own child processes; not for users.
    .addOption(new Option('--child <环节>').hideHelp())
    .action(async (opts: { scales: string; json?: boolean; child?: string }) => {
      const bench = await import('../bench/index.ts');
      if (opts.child) return bench.benchChild(opts.child);
      await bench.runBench(opts.scales.split(',').map(Number), !!opts.json);
    });
}
