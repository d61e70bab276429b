import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../../src/db/connect.js';
import { catalogVersion } from '../../src/db/repositories/catalogVersion.js';
import type { Database } from '../../src/db/schema.js';
import type { Indicator } from '../../src/domain/indicator.js';
import { catalogSnapshot } from '../../src/services/catalogCache.js';
import { scorecard } from '../../src/services/scorecard.js';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase.js';

/**
 * The catalog held in memory (services/catalogCache.ts) and the version that tells when to read
 * it again (migration 20261122T1600): a change made anywhere — here through a second pool, as
 * another server instance or the CLI would — is seen by the next request.
 */
async function smallCatalog(db: Kysely<Database>): Promise<void> {
  await sql`insert into plan_period (id, start_year, end_year) values ('2026-2028', 2026, 2028)`.execute(db);
  await sql`insert into goal_line (id) values ('kvalitet')`.execute(db);
  await sql`insert into goal (id, plan_period_id, goal_line_id, position, name) values ('2026-2028:kvalitet', '2026-2028', 'kvalitet', 1, 'Kvalitet')`.execute(db);
  await sql`insert into area (id, kind, name) values ('0008', 'region', 'Region Kalmar län')`.execute(db);
  await sql`insert into indicator (id, name, unit, decimals, direction, period_type, kind, source)
            values ('telefon', 'Telefontillgänglighet', 'procent', 0, 'higher_is_better', 'month', 'value', 'Test')`.execute(db);
  await sql`insert into indicator_goal_line (indicator_id, goal_line_id) values ('telefon', 'kvalitet')`.execute(db);
  await sql`insert into measurement (indicator_id, area_id, period, period_start, period_end, value, source, recorded_by)
            values ('telefon', '0008', '2026-03', '2026-03-01', '2026-03-31', 91, 'Test', 'test'),
                   ('telefon', '0008', '2026-04', '2026-04-01', '2026-04-30', 94, 'Test', 'test')`.execute(db);
}

const entryOf = async (db: Kysely<Database>) => {
  const view = await scorecard(db, { planPeriodId: '2026-2028', areaId: '0008' });
  const entry = view.goals[0]?.indicators[0];
  if (!entry) throw new Error('styrkortet saknar indikatorn');
  return entry;
};

describe('the cached catalog', () => {
  let t: TestDatabase;
  let other: DatabaseHandle;
  beforeAll(async () => {
    t = await createTestDatabase();
    // a second pool on the same database, as another process would have
    other = openDatabase(t.url, { role: 'styrkort_app' });
  });
  afterAll(async () => {
    await other.close();
    await t.drop();
  });

  it('has no version before the first change, and a new one after each statement on a catalog table', async () => {
    expect(await catalogVersion(t.db)).toBe('');
    await smallCatalog(t.db);
    const seen = new Set([await catalogVersion(t.db)]);
    expect([...seen][0]).toMatch(/^[0-9a-f-]{36}$/);
    const changes = [
      sql`update plan_period set end_year = end_year`,
      sql`update goal set name = 'Kvalitet och säkerhet'`,
      sql`update area set short_name = 'Regionen'`,
      sql`insert into area (id, kind, name) values ('0880', 'unit', 'Kalmar')`,
      sql`insert into area_member (group_id, member_id) values ('0008', '0880')`,
      sql`delete from area_member`,
      sql`update indicator set description = 'Andel besvarade samtal'`,
      sql`delete from indicator_goal_line where false`,
      sql`insert into target (id, indicator_id, comparator, threshold, valid_from_year, source, label)
          values ('telefon-mal', 'telefon', 'gte', 90, 2026, 'regionplan', 'Minst 90 %')`,
    ];
    for (const change of changes) {
      const before = await catalogVersion(t.db);
      await change.execute(t.db);
      const after = await catalogVersion(t.db);
      expect(after).not.toBe(before);
      expect(seen.has(after)).toBe(false);
      seen.add(after);
    }
  });

  it('keeps its version when other tables change', async () => {
    const before = await catalogVersion(t.db);
    await sql`insert into measurement (indicator_id, area_id, period, period_start, period_end, value, source, recorded_by)
              values ('telefon', '0008', '2026-05', '2026-05-01', '2026-05-31', 96, 'Test', 'test')`.execute(t.db);
    await sql`insert into goal_line (id) values ('ekonomi')`.execute(t.db);
    await sql`insert into person (id, name) values ('helen-persson', 'Helen Persson')`.execute(t.db);
    expect(await catalogVersion(t.db)).toBe(before);
  });

  it('makes a new version visible to others only when the change commits, and not at all when it rolls back', async () => {
    const before = await catalogVersion(other.db);
    await t.db
      .transaction()
      .execute(async (trx) => {
        await sql`update indicator set name = 'Telefoni' where id = 'telefon'`.execute(trx);
        expect(await catalogVersion(trx)).not.toBe(before);
        expect(await catalogVersion(other.db)).toBe(before);
        throw new Error('ångra');
      })
      .catch((e: unknown) => expect(String(e)).toContain('ångra'));
    expect(await catalogVersion(other.db)).toBe(before);
    expect(await catalogVersion(t.db)).toBe(before);
  });

  it('hands out one frozen snapshot per version', async () => {
    const first = await catalogSnapshot(t.db);
    expect(await catalogSnapshot(t.db)).toBe(first);
    expect(first.version).toBe(await catalogVersion(t.db));
    expect(first.indicatorById.get('telefon')?.name).toBe('Telefontillgänglighet');
    expect(() => (first.indicators as Indicator[]).push(first.indicators[0] as Indicator)).toThrow(TypeError);
    expect(() => {
      (first.indicators[0] as { name: string }).name = 'ändrad';
    }).toThrow(TypeError);
    expect(() => (first.areas.get('0008')?.memberIds as string[]).push('0880')).toThrow(TypeError);

    await sql`update area set name = 'Region Kalmar' where id = '0008'`.execute(other.db);
    const second = await catalogSnapshot(t.db);
    expect(second).not.toBe(first);
    expect(second.areas.get('0008')?.name).toBe('Region Kalmar');
  });

  it('gives the scorecard what another process changed, at the next request', async () => {
    const before = await entryOf(t.db);
    expect(before.indicator.name).toBe('Telefontillgänglighet');
    expect(before.latest?.display).toBe('96\u00a0%');
    expect(before.target?.label).toBe('Minst 90 %');
    expect(before.status.status).toBe('met');

    await sql`update indicator set name = 'Telefoni 1177' where id = 'telefon'`.execute(other.db);
    await sql`update target set threshold = 98, label = 'Minst 98 %' where id = 'telefon-mal'`.execute(other.db);
    const after = await entryOf(t.db);
    expect(after.indicator.name).toBe('Telefoni 1177');
    expect(after.target?.label).toBe('Minst 98 %');
    expect(after.status.status).not.toBe('met');

    await sql`delete from indicator_goal_line where indicator_id = 'telefon'`.execute(other.db);
    const view = await scorecard(t.db, { planPeriodId: '2026-2028', areaId: '0008' });
    expect(view.goals[0]?.indicators).toEqual([]);
  });
});
