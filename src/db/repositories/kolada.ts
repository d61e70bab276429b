import { sql } from 'kysely';
import type { KpiMapping } from '../../domain/importView.js';
import type { Db } from './types.js';

/** Kolada KPIs mapped to indicators, and the record of every fetch (for provenance and incremental sync). */
export type { KpiMapping };

export async function listKpiMappings(db: Db): Promise<KpiMapping[]> {
  const rows = await db.selectFrom('kolada_kpi_mapping').selectAll().orderBy('kpi_id').execute();
  return rows.map((r) => ({ kpiId: r.kpi_id, indicatorId: r.indicator_id, kpiTitle: r.kpi_title, createdBy: r.created_by, createdAt: r.created_at.toISOString() }));
}

export async function saveKpiMapping(db: Db, mapping: Omit<KpiMapping, 'createdAt'>): Promise<void> {
  await db
    .insertInto('kolada_kpi_mapping')
    .values({ kpi_id: mapping.kpiId, indicator_id: mapping.indicatorId, kpi_title: mapping.kpiTitle, created_by: mapping.createdBy })
    .onConflict((oc) => oc.column('kpi_id').doUpdateSet({ indicator_id: mapping.indicatorId, kpi_title: mapping.kpiTitle, created_by: mapping.createdBy, created_at: sql<Date>`now()` as unknown as Date }))
    .execute();
}

export interface KoladaFetch {
  kpiId: string;
  indicatorId: string;
  fetchedAt: string;
  fromDate: string | null;
  municipalityIds: string[];
  years: number[];
  rowsReceived: number;
  rowsDeleted: number;
  batchId: number | null;
}

export async function recordKoladaFetch(db: Db, fetch: KoladaFetch): Promise<void> {
  await db
    .insertInto('kolada_fetch')
    .values({
      kpi_id: fetch.kpiId, indicator_id: fetch.indicatorId, fetched_at: fetch.fetchedAt, from_date: fetch.fromDate, municipality_ids: fetch.municipalityIds, years: fetch.years,
      rows_received: fetch.rowsReceived, rows_deleted: fetch.rowsDeleted, batch_id: fetch.batchId,
    })
    .execute();
}

/**
 * When an incremental sync may start from: the latest fetch of the KPI into the same indicator
 * that covered every asked municipality and year — unless a Kolada batch for the KPI was undone
 * after it (its values are gone, so everything must be fetched again). Null: fetch everything.
 */
export async function incrementalSince(db: Db, kpiId: string, indicatorId: string, municipalityIds: readonly string[], years: readonly number[]): Promise<string | null> {
  const result = await sql<{ fetched_at: Date }>`
    select f.fetched_at from kolada_fetch f
    where f.kpi_id = ${kpiId} and f.indicator_id = ${indicatorId}
      and f.municipality_ids @> ${[...municipalityIds]}::text[] and f.years @> ${[...years]}::int[]
      and not exists (
        select 1 from kolada_fetch g join import_batch b on b.id = g.batch_id
        where g.kpi_id = ${kpiId} and b.undone_at is not null and b.undone_at >= f.fetched_at)
    order by f.fetched_at desc limit 1`.execute(db);
  const at = result.rows[0]?.fetched_at;
  return at ? at.toISOString().slice(0, 10) : null;
}
