import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { loadCatalog, type CatalogLoadResult } from './catalog.js';
import { ensureDemoUsers } from './demoUsers.js';
import type { DeckSettings } from './deck.js';
import { deckSettings } from './deckSettings.js';
import { publishDemoMeetings } from './publishing.js';
import type { VersionSummary } from '../domain/publishing.js';

/** True when nothing of a board's set-up is stored yet (a fresh database). */
export async function isDatabaseEmpty(db: Kysely<Database>): Promise<boolean> {
  const [periods, indicators, meetings] = await Promise.all([
    db.selectFrom('plan_period').select('id').limit(1).execute(),
    db.selectFrom('indicator').select('id').limit(1).execute(),
    db.selectFrom('meeting').select('id').limit(1).execute(),
  ]);
  return periods.length === 0 && indicators.length === 0 && meetings.length === 0;
}

export interface DemoLoadOptions {
  /** The board pack's theme and Chromium for publishing the demo meetings; default: from the environment. */
  deck?: DeckSettings;
  /** Where warnings go (a meeting published without PDF because Chromium is missing). */
  log?: (line: string) => void;
  /** Delete what the files' entries do not restate (see services/catalog.ts); default false. */
  prune?: boolean;
}

export async function loadDemo(db: Kysely<Database>, demoDir: string, root: string, options: DemoLoadOptions = {}): Promise<CatalogLoadResult & { demoUsers: number; published: VersionSummary[] }> {
  const result = await loadCatalog(db, { dir: demoDir, root, kind: 'demo', createdBy: 'demo', prune: options.prune ?? false });
  // the demo's accounts, one per role (password "styrkort-demo"), only ever with the demo data
  const demoUsers = await ensureDemoUsers(db, new Date());
  // the demo meetings are published packs: version 1 of each, once (loading again adds none)
  const deck = options.deck ?? (await deckSettings(process.env, process.cwd()));
  const published = await publishDemoMeetings(db, deck, options.log ?? (() => undefined));
  return { ...result, demoUsers, published };
}
