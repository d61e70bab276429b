import { defineConfig } from 'vitest/config';

/**
 * Two projects: `unit` (pure domain and parsers, no database) and `db` (everything that needs
 * PostgreSQL: repositories, migrations, the demo load, backup/restore, the API in-process and
 * the CLI as a process). `db` runs against the embedded PostgreSQL started by the global setup,
 * or against STYRKORT_TEST_DATABASE_URL (CI's PostgreSQL 15) when set.
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'db',
          include: ['test/db/**/*.test.ts', 'test/api/**/*.test.ts', 'test/cli/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['test/support/globalSetup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
