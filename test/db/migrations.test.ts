import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { appliedMigrations, knownMigrations, migrateToLatest } from '../../src/db/migrate.js';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase.js';

describe('migrations', () => {
  const databases: TestDatabase[] = [];
  afterAll(async () => {
    for (const d of databases) await d.drop();
  });

  it('take an empty database to the latest schema, and a second run does nothing', async () => {
    const t = await createTestDatabase({ migrate: false });
    databases.push(t);
    const first = await migrateToLatest(t.db as never);
    expect(first).toEqual(knownMigrations());
    expect(await appliedMigrations(t.db as never)).toEqual(knownMigrations());
    expect(await migrateToLatest(t.db as never)).toEqual([]);

    const tables = await sql<{ table_name: string }>`
      select table_name from information_schema.tables where table_schema = 'public' order by table_name`.execute(t.db);
    const names = tables.rows.map((r) => r.table_name);
    for (const table of ['plan_period', 'goal', 'goal_line', 'focus_area', 'area', 'area_member', 'person', 'person_title', 'indicator', 'target', 'measurement', 'import_batch', 'dataset', 'risk', 'meeting', 'agenda_item', 'content_block']) {
      expect(names).toContain(table);
    }
  });

  it('run on PostgreSQL 15 or later (and on the major version CI asks for)', async () => {
    const t = await createTestDatabase({ migrate: false });
    databases.push(t);
    const r = await sql<{ v: string }>`select current_setting('server_version_num') as v`.execute(t.db);
    const major = Math.floor(Number(r.rows[0]?.v) / 10000);
    expect(major).toBeGreaterThanOrEqual(15);
    const expected = process.env.STYRKORT_TEST_EXPECT_PG_MAJOR;
    if (expected) expect(major).toBe(Number(expected));
  });

  it('store values as numeric and keep one row per measurement key', async () => {
    const t = await createTestDatabase();
    databases.push(t);
    const type = await sql<{ data_type: string }>`
      select data_type from information_schema.columns where table_name = 'measurement' and column_name = 'value'`.execute(t.db);
    expect(type.rows[0]?.data_type).toBe('numeric');

    await sql`insert into area (id, kind, name) values ('0008', 'region', 'Region Kalmar län')`.execute(t.db);
    await sql`insert into indicator (id, name, unit, decimals, direction, period_type, kind, source)
              values ('x', 'X', 'antal', 0, 'neutral', 'year', 'count', 'test')`.execute(t.db);
    const insert = () => sql`insert into measurement (indicator_id, area_id, period, period_start, period_end, value, source, recorded_by)
              values ('x', '0008', '2025', '2025-01-01', '2025-12-31', 0.1, 'test', 'test')`.execute(t.db);
    await insert();
    await expect(insert()).rejects.toThrow(/measurement_key/);
    const sum = await sql<{ s: string }>`select (value + 0.2)::text as s from measurement`.execute(t.db);
    expect(sum.rows[0]?.s).toBe('0.3');
  });
});
