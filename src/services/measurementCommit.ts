import { sql } from 'kysely';
import { measurementKeyString, type MeasurementKey } from '../domain/measurement.js';
import type { MeasurementRow } from '../domain/measurementRules.js';
import { periodEnd, periodStart, requirePeriod } from '../domain/period.js';
import type { Db } from '../db/repositories/types.js';
import { toMeasurement, type StoredMeasurement } from '../db/repositories/measurements.js';

/**
 * The one path by which measured values are written — the demo data, CSV, Excel and Kolada
 * imports all come through here. Rows are compared with what is stored: new rows are inserted,
 * changed rows updated (old → new is reported), unchanged rows left alone. A commit is one import
 * batch; when nothing changes, no batch is recorded and nothing is written.
 */
export interface IncomingMeasurement extends MeasurementRow {
  preliminary: boolean;
  comment: string | null;
  source: string;
  sourceRow: number | null;
  sourceRef: string | null;
}

export interface MeasurementChange {
  row: IncomingMeasurement;
  old: StoredMeasurement;
  /** Fields that differ: value, numerator, denominator, preliminary, comment. */
  fields: string[];
}

export interface ImportPlan {
  inserts: IncomingMeasurement[];
  changes: MeasurementChange[];
  unchanged: number;
}

export interface BatchInfo {
  kind: 'demo' | 'csv' | 'xlsx' | 'kolada' | 'manual';
  fileName: string | null;
  fileSha256: string | null;
  createdBy: string;
}

export interface CommitResult {
  batchId: number | null;
  inserted: number;
  updated: number;
  unchanged: number;
}

const COMPARED = ['value', 'numerator', 'denominator', 'preliminary', 'comment'] as const;

function differences(row: IncomingMeasurement, old: StoredMeasurement): string[] {
  return COMPARED.filter((field) => (row[field] ?? null) !== (old[field] ?? null));
}

/** Finds stored rows with the same keys, in chunks, one query per chunk. */
async function existingFor(db: Db, rows: readonly IncomingMeasurement[]): Promise<Map<string, StoredMeasurement>> {
  const found = new Map<string, StoredMeasurement>();
  const CHUNK = 5000;
  for (let i = 0; i < rows.length; i += CHUNK) {
    const chunk = rows.slice(i, i + CHUNK);
    const result = await sql<Parameters<typeof toMeasurement>[0]>`
      select m.id, m.indicator_id, m.area_id, m.period, m.breakdown, m.scenario, m.as_of, m.value, m.numerator,
             m.denominator, m.preliminary, m.comment, m.source, m.import_batch_id, m.source_row, m.source_ref,
             m.recorded_by, m.recorded_at
      from measurement m
      join unnest(${chunk.map((r) => r.indicatorId)}::text[], ${chunk.map((r) => r.areaId)}::text[],
                  ${chunk.map((r) => r.period)}::text[], ${chunk.map((r) => r.breakdown)}::text[],
                  ${chunk.map((r) => r.scenario)}::text[], ${chunk.map((r) => r.asOf)}::text[])
        as k(indicator_id, area_id, period, breakdown, scenario, as_of)
        on m.indicator_id = k.indicator_id and m.area_id = k.area_id and m.period = k.period
       and m.breakdown = k.breakdown and m.scenario = k.scenario and m.as_of = k.as_of`.execute(db);
    for (const r of result.rows) {
      const m = toMeasurement(r);
      found.set(measurementKeyString(m), m);
    }
  }
  return found;
}

/** Compares incoming rows with the stored ones; writes nothing. */
export async function planMeasurementImport(db: Db, rows: readonly IncomingMeasurement[]): Promise<ImportPlan> {
  const existing = await existingFor(db, rows);
  const plan: ImportPlan = { inserts: [], changes: [], unchanged: 0 };
  for (const row of rows) {
    const old = existing.get(measurementKeyString(row as MeasurementKey));
    if (!old) plan.inserts.push(row);
    else {
      const fields = differences(row, old);
      if (fields.length === 0) plan.unchanged += 1;
      else plan.changes.push({ row, old, fields });
    }
  }
  return plan;
}

/** Writes a plan as one import batch. Call inside a transaction; the caller commits or rolls back. */
export async function commitMeasurementPlan(db: Db, plan: ImportPlan, batch: BatchInfo): Promise<CommitResult> {
  if (plan.inserts.length === 0 && plan.changes.length === 0) {
    return { batchId: null, inserted: 0, updated: 0, unchanged: plan.unchanged };
  }
  const created = await db
    .insertInto('import_batch')
    .values({
      kind: batch.kind,
      file_name: batch.fileName,
      file_sha256: batch.fileSha256,
      created_by: batch.createdBy,
      inserted: plan.inserts.length,
      updated: plan.changes.length,
      unchanged: plan.unchanged,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const batchId = created.id;
  const provenance = (row: IncomingMeasurement) => ({
    value: row.value,
    numerator: row.numerator,
    denominator: row.denominator,
    preliminary: row.preliminary,
    comment: row.comment,
    source: row.source,
    import_batch_id: batchId,
    source_row: row.sourceRow,
    source_ref: row.sourceRef,
    recorded_by: batch.createdBy,
    recorded_at: sql<Date>`now()` as unknown as Date,
  });

  const CHUNK = 1000;
  for (let i = 0; i < plan.inserts.length; i += CHUNK) {
    await db
      .insertInto('measurement')
      .values(
        plan.inserts.slice(i, i + CHUNK).map((row) => {
          const period = requirePeriod(row.period);
          return {
            indicator_id: row.indicatorId,
            area_id: row.areaId,
            period: row.period,
            period_start: periodStart(period),
            period_end: periodEnd(period),
            breakdown: row.breakdown,
            scenario: row.scenario,
            as_of: row.asOf,
            ...provenance(row),
          };
        }),
      )
      .execute();
  }
  for (const change of plan.changes) {
    await db.updateTable('measurement').set(provenance(change.row)).where('id', '=', change.old.id).execute();
  }
  return { batchId, inserted: plan.inserts.length, updated: plan.changes.length, unchanged: plan.unchanged };
}
