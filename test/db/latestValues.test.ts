import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { latestValues, type LatestSeries } from '../../src/db/repositories/latestValues.js';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase.js';

/**
 * latestValues reads rows as PostgreSQL's text and parses them itself (rowMode 'array'): what it
 * returns must be what the table holds, read the ordinary way through Kysely and the pool's own
 * type parsers — values, nulls, booleans, awkward text — and only the newest rows of each pair.
 */
describe('latestValues', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
    await sql`insert into area (id, kind, name) values ('0008', 'region', 'Region Kalmar län'), ('bup', 'unit', 'BUP'), ('tom', 'unit', 'Tom')`.execute(t.db);
    await sql`insert into indicator (id, name, unit, decimals, direction, period_type, kind, source)
              values ('andel', 'Andel', 'procent', 1, 'higher_is_better', 'month', 'ratio', 'Test'),
                     ('belopp', 'Belopp', 'mnkr', 1, 'neutral', 'month', 'amount', 'Test')`.execute(t.db);
    // 20 months for andel/0008 with numerators and denominators; 3 for belopp/bup with awkward text
    await sql`
      insert into measurement (indicator_id, area_id, period, period_start, period_end, value, numerator, denominator, preliminary, comment, source, recorded_by)
      select 'andel', '0008', to_char(m, 'YYYY-MM'), m::date, (m + interval '1 month - 1 day')::date,
             null, 900 + i, 1000, i % 4 = 0, case when i % 5 = 0 then 'kommentar ' || i end, 'Källa ' || (i % 2), 'test'
      from generate_series(1, 20) i, lateral (select date '2024-01-01' + (i - 1) * interval '1 month' as m) p`.execute(t.db);
    await sql`
      insert into measurement (indicator_id, area_id, period, period_start, period_end, value, preliminary, comment, source, recorded_by)
      values ('belopp', 'bup', '2026-01', '2026-01-01', '2026-01-31', -1264000.25, true, ${'tab\there, ny\nrad, "citat", \\bak, ; semikolon, \u2212 och 🙂'}, 'Ekonomi; "bokslut"', 'test'),
             ('belopp', 'bup', '2026-02', '2026-02-01', '2026-02-28', 0.1, false, '', 'Ekonomi', 'test'),
             ('belopp', 'bup', '2026-03', '2026-03-01', '2026-03-31', 123456789012.5, false, null, 'Ekonomi', 'test')`.execute(t.db);
    // not part of a scorecard series: a breakdown, a budget, a forecast
    await sql`
      insert into measurement (indicator_id, area_id, period, period_start, period_end, value, breakdown, scenario, as_of, source, recorded_by)
      values ('belopp', 'bup', '2026-04', '2026-04-01', '2026-04-30', 1, 'kon:K', 'utfall', '', 'Ekonomi', 'test'),
             ('belopp', 'bup', '2026-04', '2026-04-01', '2026-04-30', 2, '', 'budget', '', 'Ekonomi', 'test'),
             ('belopp', 'bup', '2026-04', '2026-04-01', '2026-04-30', 3, '', 'prognos', '2026-05-01', 'Ekonomi', 'test')`.execute(t.db);
  });
  afterAll(async () => {
    await t.drop();
  });

  const expected = async (indicatorId: string, areaId: string, n: number) => {
    const rows = await t.db
      .selectFrom('measurement')
      .select(['id', 'period', 'period_start', 'period_end', 'value', 'numerator', 'denominator', 'preliminary', 'comment', 'source'])
      .where('indicator_id', '=', indicatorId)
      .where('area_id', '=', areaId)
      .where('breakdown', '=', '')
      .where('scenario', '=', 'utfall')
      .where('as_of', '=', '')
      .orderBy('period_end', 'desc')
      .limit(n)
      .execute();
    return rows.map((r) => ({
      id: Number(r.id),
      indicatorId,
      areaId,
      period: r.period,
      periodStart: r.period_start,
      periodEnd: r.period_end,
      breakdown: '',
      scenario: 'utfall',
      asOf: '',
      value: r.value,
      numerator: r.numerator,
      denominator: r.denominator,
      preliminary: r.preliminary,
      comment: r.comment,
      provenance: { source: r.source },
    }));
  };
  const byPeriod = (s: LatestSeries | undefined) => [...(s?.rows ?? [])].sort((a, b) => (a.periodEnd < b.periodEnd ? 1 : -1));

  it('returns the newest rows of each indicator × area, as the table holds them', async () => {
    const found = await latestValues(t.db, { indicatorIds: ['andel', 'belopp'], areaIds: ['0008', 'bup', 'tom'], perSeries: 13 });
    // pairs without rows are left out
    expect(found.map((s) => `${s.indicatorId}/${s.areaId}`).sort()).toEqual(['andel/0008', 'belopp/bup']);
    const andel = found.find((s) => s.indicatorId === 'andel');
    expect(andel?.rows).toHaveLength(13);
    expect(byPeriod(andel)).toEqual(await expected('andel', '0008', 13));
    expect(byPeriod(andel)[0]?.period).toBe('2025-08');

    const belopp = found.find((s) => s.indicatorId === 'belopp');
    expect(byPeriod(belopp)).toEqual(await expected('belopp', 'bup', 13));
    const january = belopp?.rows.find((r) => r.period === '2026-01');
    expect(january?.value).toBe(-1264000.25);
    expect(january?.preliminary).toBe(true);
    expect(january?.comment).toBe('tab\there, ny\nrad, "citat", \\bak, ; semikolon, \u2212 och 🙂');
    expect(january?.provenance.source).toBe('Ekonomi; "bokslut"');
    expect(belopp?.rows.find((r) => r.period === '2026-02')?.comment).toBe('');
    expect(belopp?.rows.find((r) => r.period === '2026-03')?.value).toBe(123456789012.5);
  });

  it('asks for nothing when there is nothing to ask for', async () => {
    expect(await latestValues(t.db, { indicatorIds: [], areaIds: ['0008'], perSeries: 13 })).toEqual([]);
    expect(await latestValues(t.db, { indicatorIds: ['andel'], areaIds: [], perSeries: 13 })).toEqual([]);
  });
});
