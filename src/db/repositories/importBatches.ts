import { sql } from 'kysely';
import type { ImportBatch } from '../../domain/importView.js';
import type { Db } from './types.js';

/**
 * Import batches: one per commit that changed something (who, when, file and SHA-256, counts),
 * with the old and new values of every row it changed in `measurement_change`. Undoing a batch
 * deletes the rows it inserted and restores the rows it changed — refused while a later batch
 * that is still in force has changed any of the same rows.
 */
export type { ImportBatch };

export interface NewBatch {
  kind: string;
  fileName: string | null;
  fileSha256: string | null;
  createdBy: string;
  inserted: number;
  updated: number;
  unchanged: number;
}

type Row = {
  id: number; kind: string; file_name: string | null; file_sha256: string | null; created_by: string; created_at: Date;
  inserted: number; updated: number; unchanged: number; undone_at: Date | null; undone_by: string | null;
};

function toBatch(r: Row): ImportBatch {
  return {
    id: r.id, kind: r.kind, fileName: r.file_name, fileSha256: r.file_sha256, createdBy: r.created_by, createdAt: r.created_at.toISOString(),
    inserted: r.inserted, updated: r.updated, unchanged: r.unchanged, undoneAt: r.undone_at?.toISOString() ?? null, undoneBy: r.undone_by,
  };
}

export async function insertBatch(db: Db, batch: NewBatch): Promise<number> {
  const created = await db
    .insertInto('import_batch')
    .values({
      kind: batch.kind, file_name: batch.fileName, file_sha256: batch.fileSha256, created_by: batch.createdBy,
      inserted: batch.inserted, updated: batch.updated, unchanged: batch.unchanged,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return created.id;
}

export async function listBatches(db: Db, options: { limit: number; offset: number }): Promise<{ batches: ImportBatch[]; total: number }> {
  const [rows, total] = await Promise.all([
    db.selectFrom('import_batch').selectAll().orderBy('id', 'desc').limit(options.limit).offset(options.offset).execute(),
    db.selectFrom('import_batch').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { batches: rows.map(toBatch), total: Number(total.n) };
}

export async function findBatch(db: Db, id: number): Promise<ImportBatch | null> {
  const row = await db.selectFrom('import_batch').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toBatch(row) : null;
}

/** Earlier batches (not undone) that imported the same file. */
export async function batchesWithFile(db: Db, sha256: string): Promise<ImportBatch[]> {
  const rows = await db.selectFrom('import_batch').selectAll().where('file_sha256', '=', sha256).where('undone_at', 'is', null).orderBy('id').execute();
  return rows.map(toBatch);
}

export interface BatchChange {
  measurementId: number;
  indicatorId: string | null;
  areaId: string | null;
  period: string | null;
  breakdown: string | null;
  scenario: string | null;
  asOf: string | null;
  old: { value: number | null; numerator: number | null; denominator: number | null };
  new: { value: number | null; numerator: number | null; denominator: number | null };
}

/** The rows a batch changed, old → new (the key from the stored row, when it still exists). */
export async function batchChanges(db: Db, batchId: number, options: { limit: number; offset: number }): Promise<BatchChange[]> {
  const result = await sql<{
    measurement_id: number; indicator_id: string | null; area_id: string | null; period: string | null; breakdown: string | null; scenario: string | null; as_of: string | null;
    old_value: number | null; old_numerator: number | null; old_denominator: number | null; new_value: number | null; new_numerator: number | null; new_denominator: number | null;
  }>`
    select c.measurement_id, m.indicator_id, m.area_id, m.period, m.breakdown, m.scenario, m.as_of,
           c.old_value, c.old_numerator, c.old_denominator, c.new_value, c.new_numerator, c.new_denominator
    from measurement_change c left join measurement m on m.id = c.measurement_id
    where c.batch_id = ${batchId}
    order by m.indicator_id, m.area_id, m.period_end, c.measurement_id
    limit ${options.limit} offset ${options.offset}`.execute(db);
  return result.rows.map((r) => ({
    measurementId: r.measurement_id, indicatorId: r.indicator_id, areaId: r.area_id, period: r.period, breakdown: r.breakdown, scenario: r.scenario, asOf: r.as_of,
    old: { value: r.old_value, numerator: r.old_numerator, denominator: r.old_denominator },
    new: { value: r.new_value, numerator: r.new_numerator, denominator: r.new_denominator },
  }));
}

export interface UndoConflict {
  batchId: number;
  fileName: string | null;
  createdAt: string;
  createdBy: string;
  rows: number;
}

/** Later batches, still in force, that changed rows this batch wrote. */
export async function undoConflicts(db: Db, batchId: number): Promise<UndoConflict[]> {
  const result = await sql<{ batch_id: number; file_name: string | null; created_at: Date; created_by: string; rows: number }>`
    select c.batch_id, b.file_name, b.created_at, b.created_by, count(*)::int as rows
    from measurement_change c join import_batch b on b.id = c.batch_id
    where c.old_import_batch_id = ${batchId} and c.batch_id <> ${batchId} and b.undone_at is null
    group by c.batch_id, b.file_name, b.created_at, b.created_by
    order by c.batch_id desc`.execute(db);
  return result.rows.map((r) => ({ batchId: r.batch_id, fileName: r.file_name, createdAt: r.created_at.toISOString(), createdBy: r.created_by, rows: r.rows }));
}

/** Deletes the rows the batch inserted and restores the rows it changed; marks it undone. */
export async function undoBatchRows(db: Db, batchId: number, undoneBy: string): Promise<{ deleted: number; restored: number }> {
  const deleted = await sql`
    delete from measurement m
    where m.import_batch_id = ${batchId}
      and not exists (select 1 from measurement_change c where c.batch_id = ${batchId} and c.measurement_id = m.id)`.execute(db);
  const restored = await sql`
    update measurement m
    set value = c.old_value, numerator = c.old_numerator, denominator = c.old_denominator, preliminary = c.old_preliminary,
        comment = c.old_comment, source = c.old_source, import_batch_id = c.old_import_batch_id, source_row = c.old_source_row,
        source_ref = c.old_source_ref, recorded_by = c.old_recorded_by, recorded_at = c.old_recorded_at
    from measurement_change c
    where c.batch_id = ${batchId} and m.id = c.measurement_id and m.import_batch_id = ${batchId}`.execute(db);
  await db.updateTable('import_batch').set({ undone_at: sql<Date>`now()` as unknown as Date, undone_by: undoneBy }).where('id', '=', batchId).execute();
  return { deleted: Number(deleted.numAffectedRows ?? 0), restored: Number(restored.numAffectedRows ?? 0) };
}

/** One lock for everything that writes measurements, so two imports never plan against each other. */
export async function lockMeasurementWrites(db: Db): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtext('styrkort:measurement-writes'))`.execute(db);
}
