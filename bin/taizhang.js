#!/usr/bin/env node
// Entry point for `npx taizhang`: runs the TypeScript sources through tsx, so no build step is needed.
import { register } from 'tsx/esm/api';
register();
const { main } = await import('../src/cli/index.ts');
process.exitCode = await main(process.argv);
