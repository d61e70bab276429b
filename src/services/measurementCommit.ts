import { sql } from 'kysely';
import { measurementKeyString, type MeasurementKey } from '../domain/measurement.js';
import type { MeasurementRow } from '../domain/measurementRules.js';
import type { WriteProgress } from '../domain/importView.js';
import type { Db } from '../db/repositories/types.js';
import { toMeasurement, type StoredMeasurement } from '../db/repositories/measurements.js';
import { insertBatch, lockMeasurementWrites } from '../db/repositories/importBatches.js';
import {
  countStaged,
  createStaging,
  insertIntoStaging,
  insertNewFromStaging,
  updateChangedFromStaging,
  type StagedCounts,
} from '../db/repositories/measurementStaging.js';

/**
 * The one path by which measured values are written — the demo data, CSV, Excel and Kolada
 * imports all come through here. Incoming rows are staged in a temporary table (COPY for files,
 * see fileImport.ts; a bulk insert for small sets) and compared with what is stored: new rows
 * are inserted, changed rows updated with their old and new values recorded for the batch
 * (`measurement_change`, which is what makes a batch undoable), unchanged rows left alone. A
 * commit is one import batch; when nothing changes, no batch is recorded and nothing is written.
 * Writers take one advisory lock, so two imports never plan against each other.
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

export type { WriteProgress };

/**
 * Side effects a caller passes in: a progress reporter (the CLI's progress bar, the HTTP
 * session's status). Whatever it throws aborts the write, and the caller's transaction with it.
 */
export interface WriteHooks {
  progress?: (event: WriteProgress) => void | Promise<void>;
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

/**
 * Writes the staged rows (see db/repositories/measurementStaging.ts) as one import batch. Call
 * inside a transaction that holds the staging table; the caller commits or rolls back.
 * `unchangedElsewhere` counts unchanged rows the caller left out of the staging table.
 */
export interface CommitOptions {
  hooks?: WriteHooks;
  /** Counts the caller already took under the write lock (lockMeasurementWrites), to save a pass. */
  counts?: StagedCounts;
  /** Unchanged rows the caller left out of the staging table. */
  unchangedElsewhere?: number;
}

export async function commitStaged(db: Db, batch: BatchInfo, options: CommitOptions = {}): Promise<CommitResult> {
  const hooks = options.hooks ?? {};
  let counts = options.counts;
  if (counts === undefined) {
    await lockMeasurementWrites(db);
    counts = await countStaged(db);
  }
  const unchanged = counts.unchanged + (options.unchangedElsewhere ?? 0);
  if (counts.inserts === 0 && counts.changes === 0) return { batchId: null, inserted: 0, updated: 0, unchanged };
  const batchId = await insertBatch(db, { ...batch, inserted: counts.inserts, updated: counts.changes, unchanged });
  const total = counts.inserts + counts.changes;
  await hooks.progress?.({ phase: 'write', step: 'batch', batchId, inserted: 0, updated: 0, total });
  const inserted = counts.inserts === 0 ? 0 : await insertNewFromStaging(db, batchId, batch.createdBy);
  await hooks.progress?.({ phase: 'write', step: 'inserted', batchId, inserted, updated: 0, total });
  const updated = counts.changes === 0 ? 0 : await updateChangedFromStaging(db, batchId, batch.createdBy);
  await hooks.progress?.({ phase: 'write', step: 'updated', batchId, inserted, updated, total });
  return { batchId, inserted, updated, unchanged };
}

/** Writes a plan as one import batch. Call inside a transaction; the caller commits or rolls back. */
export async function commitMeasurementPlan(db: Db, plan: ImportPlan, batch: BatchInfo, hooks: WriteHooks = {}): Promise<CommitResult> {
  if (plan.inserts.length === 0 && plan.changes.length === 0) {
    return { batchId: null, inserted: 0, updated: 0, unchanged: plan.unchanged };
  }
  await createStaging(db);
  await insertIntoStaging(db, [...plan.inserts, ...plan.changes.map((c) => c.row)]);
  return commitStaged(db, batch, { hooks, unchangedElsewhere: plan.unchanged });
}
