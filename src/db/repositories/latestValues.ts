import type { Kysely } from 'kysely';
import type pg from 'pg';
import { StyrkortError } from '../../domain/errors.js';
import type { StoredValue } from '../../domain/values.js';
import { poolOf } from '../connect.js';
import type { Database } from '../schema.js';

/**
 * The newest `perSeries` stored outcomes (total, no breakdown) of every indicator × area asked
 * for: one backward scan of the partial index measurement_latest per pair, so the cost grows
 * with the pairs asked for, not with the years of history behind them. The scorecard rests on
 * this query. Each row comes with its period's first and last day, for ordering without parsing
 * period keys, and with its source; the rest of its provenance stays in the table
 * (provenance.ts reads it for the rows a user asks about).
 *
 * The scorecard asks for 500 indicators × 13 rows = 6 500 rows per request, so how they travel
 * matters more than the scan (bench/web.ts): the rows come as arrays of PostgreSQL's own text
 * (pg's rowMode 'array', no per-column type parsers) and are read here in one pass. Building
 * JSON in the query instead cost PostgreSQL three times the scan; objects with typed columns cost
 * the driver about as much again.
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

/** Reads only columns of the partial index measurement_latest, so the scan never visits the table. */
export const LATEST_SQL = `
  select i.id, a.id, m.id, m.period, m.period_start, m.period_end, m.value, m.numerator, m.denominator, m.preliminary, m.comment, m.source
  from unnest($1::text[]) as i(id)
  cross join unnest($2::text[]) as a(id)
  cross join lateral (
    select id, period, period_start, period_end, value, numerator, denominator, preliminary, comment, source
    from measurement
    where indicator_id = i.id and area_id = a.id and breakdown = '' and scenario = 'utfall' and as_of = ''
    order by period_end desc
    limit $3
  ) m`;

/** The query as pg runs it: every column as text, every row as an array in LATEST_SQL's order. */
export function latestValuesQuery(request: LatestRequest): pg.QueryArrayConfig {
  return { text: LATEST_SQL, values: [[...request.indicatorIds], [...request.areaIds], request.perSeries], rowMode: 'array', types: { getTypeParser: () => asText } };
}

const asText = (value: string): string => value;
/** numeric and int8 as Number() reads their text, as the pool's own parsers do (db/connect.ts). */
const num = (v: string | null): number | null => (v === null ? null : Number(v));

type TextRow = [string, string, string, string, string, string, string | null, string | null, string | null, string, string | null, string];

export async function latestValues(db: Kysely<Database>, request: LatestRequest): Promise<LatestSeries[]> {
  if (request.indicatorIds.length === 0 || request.areaIds.length === 0) return [];
  const pool = poolOf(db);
  if (pool === null) throw new StyrkortError('internal', 'Databasen öppnades inte med openDatabase; senaste värden läses direkt från poolen');
  const result = await pool.query<TextRow>(latestValuesQuery(request));
  const series = new Map<string, LatestSeries>();
  let current: LatestSeries | undefined;
  for (const [indicatorId, areaId, id, period, periodStart, periodEnd, value, numerator, denominator, preliminary, comment, source] of result.rows) {
    // a pair's rows usually come together (the lateral join), so the map is asked once per pair
    if (current === undefined || current.indicatorId !== indicatorId || current.areaId !== areaId) {
      const key = `${indicatorId}\u001f${areaId}`;
      current = series.get(key);
      if (current === undefined) series.set(key, (current = { indicatorId, areaId, rows: [] }));
    }
    current.rows.push({
      id: Number(id),
      indicatorId,
      areaId,
      period,
      periodStart,
      periodEnd,
      breakdown: '',
      scenario: 'utfall',
      asOf: '',
      value: num(value),
      numerator: num(numerator),
      denominator: num(denominator),
      preliminary: preliminary === 't',
      comment,
      provenance: { source },
    });
  }
  return [...series.values()];
}
