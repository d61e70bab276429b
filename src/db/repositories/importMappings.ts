import { sql } from 'kysely';
import type { ImportMapping } from '../../domain/importView.js';
import type { Db } from './types.js';

/** Names in import files that a user confirmed as an indicator or area; reused on the next import. */
export type { ImportMapping };

export async function listImportMappings(db: Db): Promise<ImportMapping[]> {
  const rows = await db.selectFrom('import_mapping').selectAll().orderBy('kind').orderBy('source_key').execute();
  return rows.map((r) => ({ kind: r.kind as ImportMapping['kind'], sourceKey: r.source_key, sourceText: r.source_text, targetId: r.target_id, createdBy: r.created_by, createdAt: r.created_at.toISOString() }));
}

export async function saveImportMapping(db: Db, mapping: Omit<ImportMapping, 'createdAt'>): Promise<void> {
  await db
    .insertInto('import_mapping')
    .values({ kind: mapping.kind, source_key: mapping.sourceKey, source_text: mapping.sourceText, target_id: mapping.targetId, created_by: mapping.createdBy })
    .onConflict((oc) => oc.columns(['kind', 'source_key']).doUpdateSet({ target_id: mapping.targetId, source_text: mapping.sourceText, created_by: mapping.createdBy, created_at: sql<Date>`now()` as unknown as Date }))
    .execute();
}

export async function deleteImportMapping(db: Db, kind: string, sourceKey: string): Promise<boolean> {
  const result = await db.deleteFrom('import_mapping').where('kind', '=', kind).where('source_key', '=', sourceKey).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}
