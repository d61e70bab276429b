import { defineConfig } from 'vitest/config';

/**
 * Projects:
 * - `unit`: pure domain and parsers, no database.
 * - `db`: everything that needs PostgreSQL (repositories, migrations, imports, reports built from
 *   demo data, the API in-process, the CLI as a process, teardown after failed and interrupted
 *   runs). Runs against the embedded PostgreSQL started by the global setup, or
 *   STYRKORT_TEST_DATABASE_URL (CI's PostgreSQL 15) when set.
 * - `browser`: end-to-end tests in Debian's Chromium (playwright-core): the web app, the web
 *   deck, PDFs. Run by `npm run test:browser` (CI installs chromium first).
 * - `office`: the PowerPoint files opened and converted by LibreOffice. `npm run test:office`.
 * `npm test` runs `unit` and `db`.
 *
 * Time limits are only against hangs: each is several times what its slowest test takes on this
 * 2-core machine while a second copy of the suite runs (see docs/ARCHITECTURE.md, "Tests"), so a
 * machine twice as slow does not trip them.
 *
 * `teardown-fixture` exists only while test/process/teardown.test.ts runs a nested vitest on
 * purpose-built failing and hanging tests (STYRKORT_TEARDOWN_FIXTURE set); no other run sees it.
 */
const db = { environment: 'node' as const, globalSetup: ['test/support/globalSetup.ts'], testTimeout: 180_000, hookTimeout: 300_000 };

export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['test/unit/**/*.test.ts'], environment: 'node', testTimeout: 60_000 } },
      {
        test: {
          name: 'db',
          include: ['test/db/**/*.test.ts', 'test/api/**/*.test.ts', 'test/cli/**/*.test.ts', 'test/import/**/*.test.ts', 'test/reports/**/*.test.ts', 'test/process/**/*.test.ts'],
          ...db,
        },
      },
      { test: { name: 'browser', include: ['test/e2e/**/*.test.ts'], ...db, testTimeout: 300_000, fileParallelism: false } },
      { test: { name: 'office', include: ['test/office/**/*.test.ts'], ...db, testTimeout: 600_000, fileParallelism: false } },
      ...(process.env.STYRKORT_TEARDOWN_FIXTURE ? [{ test: { name: 'teardown-fixture', include: ['test/process/fixtures/*.fixture.ts'], ...db } }] : []),
    ],
  },
});
