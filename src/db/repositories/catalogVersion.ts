import type { Db } from './types.js';

/** The catalog's current version (migration 20261122T1600); '' before its first change. */
export async function catalogVersion(db: Db): Promise<string> {
  const row = await db.selectFrom('catalog_version').select('version').executeTakeFirst();
  return row?.version ?? '';
}
