import pg from 'pg';
import { StyrkortError } from '../domain/errors.js';
import { APP_ROLE, checkAppRole } from './appRole.js';
import { describeUrl, openDatabase, type DatabaseHandle } from './connect.js';
import { startEmbedded, type EmbeddedPostgres } from './embedded/launcher.js';
import { migrateToLatest } from './migrate.js';

/**
 * Opens the database the configuration names: an external PostgreSQL through DATABASE_URL, or
 * the embedded one in the data directory. Migrations run before anything else touches it.
 */
export interface DatabaseOptions {
  databaseUrl: string | null;
  dataDir: string;
  embeddedPgPort: number | null;
  /** `own` for the server; `shared` for CLI commands that may run beside it. */
  mode: 'own' | 'shared';
  migrate: boolean;
  log?: (line: string) => void;
}

export interface OpenedDatabase extends DatabaseHandle {
  embedded: EmbeddedPostgres | null;
  /** Closes the pool, then stops the embedded server if this process started it. */
  shutdown(): Promise<void>;
}

const MIN_SERVER_VERSION = 150000;

async function checkReachable(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  client.on('error', () => undefined);
  try {
    await client.connect();
    const result = await client.query<{ server_version_num: string }>('show server_version_num');
    const version = Number(result.rows[0]?.server_version_num ?? 0);
    if (version < MIN_SERVER_VERSION) {
      throw new StyrkortError('config', `PostgreSQL på DATABASE_URL (${describeUrl(url)}) är version ${Math.floor(version / 10000)}; Styrkort behöver 15 eller senare.`);
    }
  } catch (error) {
    if (error instanceof StyrkortError) throw error;
    const e = error as NodeJS.ErrnoException & { code?: string };
    const reason = e.code === 'ECONNREFUSED' ? 'anslutningen nekades' : e.code === 'ENOTFOUND' ? 'värden finns inte' : e.code === '28P01' ? 'fel användarnamn eller lösenord' : e.code === '3D000' ? 'databasen finns inte' : (e.message || String(error));
    throw new StyrkortError('config', `Kan inte ansluta till databasen på DATABASE_URL (${describeUrl(url)}): ${reason}. Kontrollera att PostgreSQL körs och att adressen stämmer.`);
  } finally {
    await client.end().catch(() => undefined);
  }
}

export async function openConfiguredDatabase(options: DatabaseOptions): Promise<OpenedDatabase> {
  let embedded: EmbeddedPostgres | null = null;
  let url: string;
  if (options.databaseUrl) {
    url = options.databaseUrl;
    await checkReachable(url);
  } else {
    embedded = await startEmbedded({ dataDir: options.dataDir, mode: options.mode, port: options.embeddedPgPort, ...(options.log ? { log: options.log } : {}) });
    url = embedded.url;
  }
  // migrations run as the owner that connected; everything else as the application's role
  let handle = openDatabase(url);
  try {
    if (options.migrate) await migrateToLatest(handle.db as never);
    const app = await checkAppRole(url);
    if (app.role !== null) {
      await handle.close();
      handle = openDatabase(url, { role: app.role });
    } else if (options.migrate) {
      options.log?.(`Varning: Styrkort kör som databasens ägare, inte som ${APP_ROLE}: ${app.reason}`);
    }
  } catch (error) {
    await handle.close();
    await embedded?.stop();
    throw error;
  }
  return {
    ...handle,
    embedded,
    async shutdown() {
      await handle.close();
      await embedded?.stop();
    },
  };
}
