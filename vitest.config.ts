import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // LibreOffice round trips take seconds each.
    testTimeout: 240_000,
    hookTimeout: 240_000,
  },
});
