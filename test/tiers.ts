// The two test tiers (docs/testing.md). The fast tier (`npm test`) is the files below: pure unit tests that start
// no other program, run in seconds and need no build. Every other test file is in the client tier
// (`npm run test:clients`): LibreOffice, Gnumeric, Chromium, python (openpyxl, python-docx), pdftotext and the CLI
// run as a process. CI runs both (`npm run test:all`). A new file lands in the client tier until it is listed
// here; test/fast-tier-guard.ts fails a fast-tier test that starts a program, so the list cannot go stale quietly.

/**
 * Test files of the fast tier (paths or globs from the project root). Listed one by one, tests beside their sources
 * (src/…/*.test.ts) included: a file moved or added while others work on the suite stays in the client tier,
 * where it runs as before, until someone lists it here.
 */
export const FAST_TIER = [
  'test/files.test.ts',
  'test/time.test.ts',
  'test/plan.test.ts',
  'test/report.test.ts',
  // The model's rule catalogue and the workbook format (issue 31): pure by design.
  'test/rules.test.ts',
  'test/workbook.test.ts',
  'test/workspace-mail.test.ts',
  'test/report-context.test.ts',
];

/** Where test files are found at all; the client tier is these minus FAST_TIER. */
export const ALL_TESTS = ['test/**/*.test.ts', 'src/**/*.test.ts'];
