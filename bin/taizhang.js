#!/usr/bin/env node
// Entry point for `npx taizhang`: runs the compiled JavaScript in dist/, built from src/ by `npm install` (the
// `prepare` script) or `npm run build`. Starting from JavaScript rather than transpiling TypeScript at every start
// is what makes every command start instantly.
import { existsSync } from 'node:fs';
import { join } from 'node:path';

// `taizhang … | head` closes our output early: that is the reader's choice, not an error.
process.stdout.on('error', (e) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});
const entry = join(import.meta.dirname, '..', 'dist', 'cli', 'index.js');
if (!existsSync(entry)) {
  process.stderr.write('错误：taizhang 尚未编译（缺少 dist/）。\n处理办法：在项目目录中运行 npm install（或 npm run build）。\n');
  process.exit(1);
}
const { main } = await import(entry);
process.exitCode = await main(process.argv);
