import { measurementKeyString, type Measurement, type Scenario } from '../../domain/measurement.js';
import type { Db } from './types.js';

export type StoredMeasurement = Measurement & { id: number };

export interface MeasurementFilter {
  indicatorIds: readonly string[];
  areaIds?: readonly string[];
  /** Inclusive range on the period's end date (ISO). */
  fromDate?: string;
  toDate?: string;
}

type Row = {
  id: number;
  indicator_id: string;
  area_id: string;
  period: string;
  breakdown: string;
  scenario: string;
  as_of: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  preliminary: boolean;
  comment: string | null;
  source: string;
  import_batch_id: number | null;
  source_row: number | null;
  source_ref: string | null;
  recorded_by: string;
  recorded_at: Date;
};

export function toMeasurement(r: Row): StoredMeasurement {
  return {
    id: r.id,
    indicatorId: r.indicator_id,
    areaId: r.area_id,
    period: r.period,
    breakdown: r.breakdown,
    scenario: r.scenario as Scenario,
    asOf: r.as_of,
    value: r.value,
    numerator: r.numerator,
    denominator: r.denominator,
    preliminary: r.preliminary,
    comment: r.comment,
    provenance: {
      source: r.source,
      importBatchId: r.import_batch_id,
      sourceRow: r.source_row,
      sourceRef: r.source_ref,
      recordedBy: r.recorded_by,
      recordedAt: r.recorded_at.toISOString(),
    },
  };
}

const COLUMNS = [
  'id', 'indicator_id', 'area_id', 'period', 'breakdown', 'scenario', 'as_of', 'value', 'numerator', 'denominator',
  'preliminary', 'comment', 'source', 'import_batch_id', 'source_row', 'source_ref', 'recorded_by', 'recorded_at',
] as const;

export async function findMeasurements(db: Db, filter: MeasurementFilter): Promise<StoredMeasurement[]> {
  if (filter.indicatorIds.length === 0) return [];
  let query = db.selectFrom('measurement').select(COLUMNS).where('indicator_id', 'in', filter.indicatorIds);
  if (filter.areaIds) {
    if (filter.areaIds.length === 0) return [];
    query = query.where('area_id', 'in', filter.areaIds);
  }
  if (filter.fromDate) query = query.where('period_end', '>=', filter.fromDate);
  if (filter.toDate) query = query.where('period_end', '<=', filter.toDate);
  const rows = await query.orderBy('indicator_id').orderBy('area_id').orderBy('period_end').execute();
  return rows.map(toMeasurement);
}

export function byKey(measurements: readonly StoredMeasurement[]): Map<string, StoredMeasurement> {
  return new Map(measurements.map((m) => [measurementKeyString(m), m]));
}
