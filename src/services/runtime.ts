import type { Config } from '../config/env.js';
import { backupDatabase, restoreDatabase } from '../db/backup.js';
import { openDatabase } from '../db/connect.js';
import { openConfiguredDatabase, type OpenedDatabase } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';

/** Opening and looking after the database, for the commands that run the product. */
export type Runtime = OpenedDatabase;

export function openRuntime(cfg: Config, mode: 'own' | 'shared', options: { migrate: boolean; log: (line: string) => void }): Promise<Runtime> {
  return openConfiguredDatabase({
    databaseUrl: cfg.databaseUrl,
    dataDir: cfg.dataDir,
    embeddedPgPort: cfg.embeddedPgPort,
    mode,
    migrate: options.migrate,
    log: options.log,
  });
}

/** Migrations run as the owner that connected, not as the application's role the runtime uses. */
export async function migrate(runtime: Runtime): Promise<string[]> {
  const owner = openDatabase(runtime.url, { max: 1 });
  try {
    return await migrateToLatest(owner.db as never);
  } finally {
    await owner.close();
  }
}
export const backup = (runtime: Runtime, file: string) => backupDatabase(runtime.url, file);
export const restore = (runtime: Runtime, file: string) => restoreDatabase(runtime.url, file);
