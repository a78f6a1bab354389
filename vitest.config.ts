import { defineConfig } from 'vitest/config';

// Two projects: `unit` runs pure modules with no build; `site` builds the portal once,
// starts the built server (tests/support/globalSetup.ts) and tests it over HTTP and in
// a real browser.
export default defineConfig({
  test: {
    reporters: ['default', './tests/support/summaryReporter.ts'],
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          // Unit files run while the site project builds the portal, on 2 cores: a test
          // that parses the national village table takes 3–5 s then. Timeouts only catch
          // hangs here; speed is measured by `npm run bench` against budgets.
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'site',
          include: ['tests/integration/**/*.test.ts', 'tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/support/globalSetup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // One browser and one server on a 2-core machine: run files one after another.
          fileParallelism: false,
        },
      },
    ],
  },
});
