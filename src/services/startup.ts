import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { loadCatalog, type CatalogLoadResult } from './catalog.js';

/** True when nothing of a board's set-up is stored yet (a fresh database). */
export async function isDatabaseEmpty(db: Kysely<Database>): Promise<boolean> {
  const [periods, indicators, meetings] = await Promise.all([
    db.selectFrom('plan_period').select('id').limit(1).execute(),
    db.selectFrom('indicator').select('id').limit(1).execute(),
    db.selectFrom('meeting').select('id').limit(1).execute(),
  ]);
  return periods.length === 0 && indicators.length === 0 && meetings.length === 0;
}

export async function loadDemo(db: Kysely<Database>, demoDir: string, root: string): Promise<CatalogLoadResult> {
  return loadCatalog(db, { dir: demoDir, root, kind: 'demo', createdBy: 'demo' });
}
