import { rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/connect.js';
import { backupDatabase, restoreDatabase } from '../../src/db/backup.js';
import { appOn, demoDatabase } from '../support/demo.js';
import { snapshotAll } from '../support/snapshot.js';
import { createEmptyDatabase, type TestDatabase } from '../support/testDatabase.js';

const ROUTES = [
  '/api/plan-periods',
  '/api/areas',
  '/api/people',
  '/api/indicators?area=0008',
  '/api/indicators?area=0000',
  '/api/indicators/telefon-teleq-samma-dag/ranking?period=2026-03',
  '/api/meetings',
  '/api/meetings/rs-2024-02-01',
  '/api/meetings/rs-2025-06-17',
  '/api/meetings/rs-2025-12-10',
  '/api/meetings/rs-2026-05-06',
];

describe('backup and restore (no pg_dump)', () => {
  let source: TestDatabase;
  const file = path.join(os.tmpdir(), `styrkort-${process.pid}-${Date.now()}.backup.gz`);
  beforeAll(async () => {
    source = await demoDatabase();
  });
  afterAll(async () => {
    await source.drop();
    await rm(file, { force: true });
  });

  it('restores into an empty database with the same rows and the same API answers', async () => {
    const manifest = await backupDatabase(source.url, file);
    expect(manifest.tables.find((t) => t.name === 'measurement')?.rows).toBeGreaterThan(100);

    const target = await createEmptyDatabase();
    const handle = openDatabase(target.url);
    try {
      await restoreDatabase(target.url, file);
      // the migration log is rebuilt by restore (same migrations, new timestamps)
      const data = ['styrkort_migration'];
      expect(await snapshotAll(handle.db as never, data)).toEqual(await snapshotAll(source.db as never, data));

      const a = await appOn(source);
      const b = await appOn({ ...source, db: handle.db });
      for (const url of ROUTES) {
        const [x, y] = await Promise.all([a.inject({ url }), b.inject({ url })]);
        expect(y.statusCode, url).toBe(200);
        expect(y.body, url).toBe(x.body);
      }
      await a.close();
      await b.close();

      // identity sequences continue after the restored ids
      const next = await sql<{ id: number }>`insert into import_batch (kind, created_by) values ('manual', 'test') returning id`.execute(handle.db);
      const max = await sql<{ m: number }>`select max(id) as m from import_batch where created_by <> 'test'`.execute(handle.db);
      expect(Number(next.rows[0]?.id)).toBeGreaterThan(Number(max.rows[0]?.m));
    } finally {
      await handle.close();
      await target.drop();
    }
  });

  it('is one snapshot while writes go on', async () => {
    // a writer keeps committing measurements while the backup runs; the backup must hold a
    // state that existed at one moment: every batch it holds has all of its rows
    const writer = openDatabase(source.url, { max: 1 });
    let running = true;
    const writes = (async () => {
      let n = 0;
      while (running) {
        n += 1;
        await writer.db.transaction().execute(async (trx) => {
          const batch = await sql<{ id: number }>`insert into import_batch (kind, created_by, inserted) values ('manual', 'writer', 3) returning id`.execute(trx);
          const id = batch.rows[0]?.id;
          for (const area of ['0001', '0003', '0004']) {
            await sql`insert into measurement (indicator_id, area_id, period, period_start, period_end, numerator, denominator, source, recorded_by, import_batch_id)
                      values ('telefon-teleq-samma-dag', ${area}, ${`2030-${String(n % 12 + 1).padStart(2, '0')}`}, '2030-01-01', '2030-01-31', ${n}, ${n + 10}, 'skrivtest', 'writer', ${id})
                      on conflict (indicator_id, area_id, period, breakdown, scenario, as_of) do update set numerator = excluded.numerator, import_batch_id = excluded.import_batch_id`.execute(trx);
          }
        });
      }
    })();
    await new Promise((r) => setTimeout(r, 200));
    const snapshotFile = `${file}.2`;
    await backupDatabase(source.url, snapshotFile);
    running = false;
    await writes;
    await writer.close();

    const target = await createEmptyDatabase();
    const handle = openDatabase(target.url);
    try {
      await restoreDatabase(target.url, snapshotFile);
      const orphans = await sql<{ n: number }>`
        select count(*)::int as n from measurement m left join import_batch b on b.id = m.import_batch_id
        where m.import_batch_id is not null and b.id is null`.execute(handle.db);
      expect(orphans.rows[0]?.n).toBe(0);
    } finally {
      await handle.close();
      await target.drop();
      await rm(snapshotFile, { force: true });
    }
  });

  it('refuses a database that already holds data, and a file that is not a backup', async () => {
    await expect(restoreDatabase(source.url, file)).rejects.toThrow(/Databasen innehåller redan data/);
    const target = await createEmptyDatabase();
    try {
      await expect(restoreDatabase(target.url, path.join(import.meta.dirname, 'backup.test.ts'))).rejects.toThrow();
    } finally {
      await target.drop();
    }
  });
});
