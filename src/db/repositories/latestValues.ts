import { sql } from 'kysely';
import type { StoredValue } from '../../domain/values.js';
import type { Db } from './types.js';

/**
 * The newest `perSeries` stored outcomes (total, no breakdown) of every indicator × area asked
 * for: one backward scan of the partial index measurement_latest per pair, so the cost grows
 * with the pairs asked for, not with the years of history behind them. The scorecard rests on
 * this query. Each row comes with its period's first and last day, for ordering without parsing
 * period keys, and with its source; the rest of its provenance stays in the table
 * (provenance.ts reads it for the rows a user asks about).
 *
 * One result row per series, its rows as one JSON array of arrays: the driver then parses a few
 * hundred JSON texts natively instead of thousands of rows field by field (6 500 rows × 12
 * columns for the scorecard's 500 indicators), which was most of the query's cost in Node.
 */
export interface LatestRequest {
  indicatorIds: readonly string[];
  areaIds: readonly string[];
  perSeries: number;
}

/** A stored value with its period's first and last day. */
export type LatestRow = StoredValue & { periodStart: string; periodEnd: string };

/** One indicator × area: its newest rows (at most perSeries), in no particular order. */
export interface LatestSeries {
  indicatorId: string;
  areaId: string;
  rows: LatestRow[];
}

/** [id, period, period_start, period_end, value, numerator, denominator, preliminary, comment, source] */
type JsonRow = [number, string, string, string, number | null, number | null, number | null, boolean, string | null, string];

interface Row {
  indicator_id: string;
  area_id: string;
  rows: JsonRow[];
}

/** Reads only columns of the partial index measurement_latest, so the scan never visits the table. */
export function latestValuesQuery(db: Db, request: LatestRequest) {
  return sql<Row>`
    select i.id as indicator_id, a.id as area_id, s.rows
    from unnest(${[...request.indicatorIds]}::text[]) as i(id)
    cross join unnest(${[...request.areaIds]}::text[]) as a(id)
    cross join lateral (
      select json_agg(json_build_array(m.id, m.period, m.period_start, m.period_end, m.value, m.numerator, m.denominator, m.preliminary, m.comment, m.source)) as rows
      from (
        select id, period, period_start, period_end, value, numerator, denominator, preliminary, comment, source
        from measurement
        where indicator_id = i.id and area_id = a.id and breakdown = '' and scenario = 'utfall' and as_of = ''
        order by period_end desc
        limit ${request.perSeries}
      ) m
    ) s
    where s.rows is not null`;
}

/** A JSON number is read as Number() reads the numeric's text; anything else (NaN as a string) too. */
const num = (v: unknown): number | null => (v === null ? null : typeof v === 'number' ? v : Number(v));

export async function latestValues(db: Db, request: LatestRequest): Promise<LatestSeries[]> {
  if (request.indicatorIds.length === 0 || request.areaIds.length === 0) return [];
  const result = await latestValuesQuery(db, request).execute(db);
  return result.rows.map((s) => ({
    indicatorId: s.indicator_id,
    areaId: s.area_id,
    rows: s.rows.map((r) => ({
      id: num(r[0]) as number,
      indicatorId: s.indicator_id,
      areaId: s.area_id,
      period: r[1],
      periodStart: r[2],
      periodEnd: r[3],
      breakdown: '',
      scenario: 'utfall',
      asOf: '',
      value: num(r[4]),
      numerator: num(r[5]),
      denominator: num(r[6]),
      preliminary: r[7],
      comment: r[8],
      provenance: { source: r[9] },
    })),
  }));
}
