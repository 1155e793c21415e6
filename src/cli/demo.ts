// `taizhang demo` (npm run demo) and `taizhang bench` (npm run bench).
import type { Command } from 'commander';

export function register(program: Command): void {
  program
    .command('demo')
    .description('演示：在示例工作要点上运行全部环节（单位填报内容为示例数据）')
    .action(async () => {
      const { runDemo } = await import('../demo/index.ts');
      await runDemo();
    });
  registerBench(program);
}

export function registerBench(program: Command): void {
  program
    .command('bench')
    .description('性能基准：按 50、500、2000 个单位的规模测量生成、收集、报告的用时和内存')
    .option('--scales <列表>', '规模（单位数，逗号分隔）', '50,500,2000')
    .option('--json', '以 JSON 输出')
    .option('--child <单位数>', '（内部使用）在子进程中运行一个环节')
    .action(async (opts: { scales: string; json?: boolean; child?: string }) => {
      const bench = await import('../bench/index.ts');
      if (opts.child) return bench.benchChild(opts.child);
      await bench.runBench(opts.scales.split(',').map(Number), !!opts.json);
    });
}
