import type { Config } from '../config/env.js';
import { backupDatabase, restoreDatabase } from '../db/backup.js';
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

export const migrate = (runtime: Runtime): Promise<string[]> => migrateToLatest(runtime.db as never);
export const backup = (runtime: Runtime, file: string) => backupDatabase(runtime.url, file);
export const restore = (runtime: Runtime, file: string) => restoreDatabase(runtime.url, file);
