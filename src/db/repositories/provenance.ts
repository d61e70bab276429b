import { sql } from 'kysely';
import type { ProvenanceView } from '../../domain/valueTable.js';
import type { Db } from './types.js';

/** Where stored values came from: each row's source fields and its import batch. */
export async function provenanceOf(db: Db, measurementIds: readonly number[]): Promise<Map<number, ProvenanceView>> {
  if (measurementIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('measurement as m')
    .leftJoin('import_batch as b', 'b.id', 'm.import_batch_id')
    .select(['m.id', 'm.source', 'm.source_ref', 'm.source_row', 'm.recorded_by', 'm.recorded_at', 'b.id as batch_id', 'b.kind', 'b.file_name', 'b.created_by', 'b.created_at'])
    .where('m.id', 'in', [...new Set(measurementIds)])
    .execute();
  return new Map(
    rows.map((r) => [
      r.id,
      {
        measurementId: r.id,
        source: r.source,
        sourceRef: r.source_ref,
        sourceRow: r.source_row,
        recordedBy: r.recorded_by,
        recordedAt: r.recorded_at.toISOString(),
        batch: r.batch_id === null ? null : { id: r.batch_id, kind: r.kind ?? '', fileName: r.file_name, createdBy: r.created_by ?? '', createdAt: r.created_at?.toISOString() ?? '' },
      },
    ]),
  );
}

/** Per period and breakdown value: how many areas, and how many regions, have a stored outcome. */
export async function storedPeriods(db: Db, indicatorId: string): Promise<Array<{ period: string; breakdown: string; areas: number; regions: number; areaIds: string[] }>> {
  const result = await sql<{ period: string; breakdown: string; areas: number; regions: number; area_ids: string[] }>`
    select m.period, m.breakdown, count(*)::int as areas, (count(*) filter (where a.kind = 'region'))::int as regions,
           array_agg(m.area_id order by m.area_id) as area_ids
    from measurement m join area a on a.id = m.area_id
    where m.indicator_id = ${indicatorId} and m.scenario = 'utfall' and m.as_of = '' and (m.value is not null or m.numerator is not null)
    group by m.period, m.breakdown`.execute(db);
  return result.rows.map((r) => ({ period: r.period, breakdown: r.breakdown, areas: r.areas, regions: r.regions, areaIds: r.area_ids }));
}
