import { defineConfig } from 'vitest/config';

// Two projects: `unit` needs nothing but Node; `db` runs the repository suites against
// real SQLite (always) and PostgreSQL (when reachable; see test/db/support/providers.ts).
export default defineConfig({
  test: {
    env: { TZ: 'UTC' },
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts'],
          exclude: ['test/db/**', 'test/e2e/**', 'node_modules/**'],
          env: { TZ: 'UTC' },
          // Property tests run thousands of cases: room for a loaded machine, never a speed check.
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'db',
          include: ['test/db/**/*.test.ts', 'test/e2e/**/*.test.ts'],
          env: { TZ: 'UTC' },
          testTimeout: 60_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
