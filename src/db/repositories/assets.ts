import { sql } from 'kysely';
import type { Db } from './types.js';

/** Pictures (`asset`) for the editor: reading with their size, and writes; callers hold an actor transaction. */
export interface AssetRow {
  id: string;
  fileName: string;
  mediaType: string;
  alt: string;
  bytes: Buffer;
}

export interface NewAssetRow extends AssetRow {
  sha256: string;
}

/** Every picture, without its bytes, with their size. */
export async function assetSummaries(db: Db): Promise<Array<{ id: string; fileName: string; mediaType: string; alt: string; size: number }>> {
  const rows = await db
    .selectFrom('asset')
    .select(['id', 'file_name', 'media_type', 'alt', sql<number>`octet_length(bytes)`.as('size')])
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ id: r.id, fileName: r.file_name, mediaType: r.media_type, alt: r.alt, size: Number(r.size) }));
}

export async function findAssetRow(db: Db, id: string): Promise<AssetRow | null> {
  const row = await db.selectFrom('asset').select(['id', 'file_name', 'media_type', 'alt', 'bytes']).where('id', '=', id).executeTakeFirst();
  return row ? { id: row.id, fileName: row.file_name, mediaType: row.media_type, alt: row.alt, bytes: row.bytes } : null;
}

/** Inserts a picture unless its id is taken meanwhile (by another upload): true when inserted. */
export async function insertAssetUnlessTaken(db: Db, a: NewAssetRow): Promise<boolean> {
  const inserted = await db
    .insertInto('asset')
    .values({ id: a.id, file_name: a.fileName, media_type: a.mediaType, bytes: a.bytes, sha256: a.sha256, alt: a.alt })
    .onConflict((oc) => oc.column('id').doNothing())
    .returning('id')
    .executeTakeFirst();
  return inserted !== undefined;
}

/** Changes a picture's alt text and file name (never its bytes). */
export async function updateAssetText(db: Db, id: string, change: { alt: string; fileName: string }): Promise<void> {
  await db.updateTable('asset').set({ alt: change.alt, file_name: change.fileName }).where('id', '=', id).execute();
}
