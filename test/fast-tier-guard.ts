// Setup file of the fast tier: any attempt to start another program (LibreOffice, python, the CLI …) fails the test
// at once with the way out, rather than making `npm test` slow or dependent on what is installed.
import childProcess from 'node:child_process';
import { syncBuiltinESMExports } from 'node:module';

const STARTERS = ['spawn', 'spawnSync', 'exec', 'execSync', 'execFile', 'execFileSync', 'fork'] as const;

for (const name of STARTERS) {
  (childProcess as unknown as Record<string, unknown>)[name] = (command: unknown) => {
    throw new Error(
      `The fast tier starts no other program, but this test called child_process.${name}(${JSON.stringify(command)}). ` +
        'Move the test to a file of the client tier, or take its file out of FAST_TIER in test/tiers.ts (see docs/testing.md).',
    );
  };
}
// ES module imports (`import { execFileSync } from 'node:child_process'`) see the replacements too.
syncBuiltinESMExports();
