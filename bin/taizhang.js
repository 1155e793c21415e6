#!/usr/bin/env node
// Entry point for `npx taizhang`: runs the TypeScript sources through tsx, so no build step is needed.
import { register } from 'tsx/esm/api';
register();
// `taizhang … | head` closes our output early: that is the reader's choice, not an error.
process.stdout.on('error', (e) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});
const { main } = await import('../src/cli/index.ts');
process.exitCode = await main(process.argv);
