import { sql } from 'kysely';
import type { StoredValue } from '../../domain/values.js';
import type { Db } from './types.js';

/**
 * The newest `perSeries` stored outcomes (total, no breakdown) of every indicator × area asked
 * for: one backward scan of the (indicator_id, area_id, period_end) index per pair, so the cost
 * grows with the pairs asked for, not with the years of history behind them. The scorecard
 * rests on this query. Each row comes with its period's first and last day, for ordering
 * without parsing period keys, and with its source; the rest of its provenance stays in the
 * table (provenance.ts reads it for the rows a user asks about).
 */
export interface LatestRequest {
  indicatorIds: readonly string[];
  areaIds: readonly string[];
  perSeries: number;
}

/** A stored value with its period's first and last day. */
export type LatestRow = StoredValue & { periodStart: string; periodEnd: string };

interface Row {
  id: number;
  indicator_id: string;
  area_id: string;
  period: string;
  period_start: string;
  period_end: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  preliminary: boolean;
  comment: string | null;
  source: string;
}

/** Reads only columns of the partial index measurement_latest, so the scan never visits the table. */
export function latestValuesQuery(db: Db, request: LatestRequest) {
  return sql<Row>`
    select m.id, i.id as indicator_id, a.id as area_id, m.period, m.period_start, m.period_end,
           m.value, m.numerator, m.denominator, m.preliminary, m.comment, m.source
    from unnest(${[...request.indicatorIds]}::text[]) as i(id)
    cross join unnest(${[...request.areaIds]}::text[]) as a(id)
    cross join lateral (
      select id, period, period_start, period_end, value, numerator, denominator, preliminary, comment, source
      from measurement
      where indicator_id = i.id and area_id = a.id and breakdown = '' and scenario = 'utfall' and as_of = ''
      order by period_end desc
      limit ${request.perSeries}
    ) m`;
}

export async function latestValues(db: Db, request: LatestRequest): Promise<LatestRow[]> {
  if (request.indicatorIds.length === 0 || request.areaIds.length === 0) return [];
  const result = await latestValuesQuery(db, request).execute(db);
  return result.rows.map((r) => ({
    id: r.id,
    indicatorId: r.indicator_id,
    areaId: r.area_id,
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
}
