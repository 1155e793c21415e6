// Two projects, the test tiers of docs/testing.md: `fast` (pure unit tests, `npm test`) and `clients` (real
// LibreOffice, Gnumeric, Chromium, python, pdftotext and the CLI as a process, `npm run test:clients`).
// `npm run test:all` runs both, as CI does. Which file is in which tier is listed in test/tiers.ts.
import { configDefaults, defineConfig } from 'vitest/config';
import { ALL_TESTS, FAST_TIER } from './test/tiers.ts';

export default defineConfig({
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'fast',
          include: FAST_TIER,
          setupFiles: ['test/fast-tier-guard.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'clients',
          include: ALL_TESTS,
          exclude: [...configDefaults.exclude, ...FAST_TIER],
          // LibreOffice round trips take seconds each.
          testTimeout: 240_000,
          hookTimeout: 240_000,
        },
      },
    ],
  },
});
