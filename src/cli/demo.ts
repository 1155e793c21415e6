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
}
