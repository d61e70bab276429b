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
  /** The embedded server's state as the supervisor sees it (null for an external database). */
  status(): EmbeddedStatus | null;
  /** Closes the pool, then stops the embedded server if this process started it. */
  shutdown(): Promise<void>;
}

export interface EmbeddedStatus {
  state: 'running' | 'restarting';
  /** Restarts since this process started it. */
  restarts: number;
  /** When it last exited unexpectedly (ISO time), and how. */
  lastExit: { at: string; how: string } | null;
}

/** Waits between restart attempts of the embedded server: 1, 2, 4 … up to 30 s. */
const RESTART_BACKOFF_MS = [1_000, 2_000, 4_000, 8_000, 16_000, 30_000];

/**
 * Looks after an embedded server this process owns: when it exits without being stopped (killed,
 * crashed, out of memory), it is started again in the same directory on the same port — after 1
 * s, then with a longer wait after each failed try — until it runs or the process shuts down.
 * The pool keeps its connection string; requests in between fail with 503 and the health answer
 * says the database is being restarted.
 */
function supervise(embedded: EmbeddedPostgres, log: (line: string) => void): { status(): EmbeddedStatus; stop(): void } {
  const status: EmbeddedStatus = { state: 'running', restarts: 0, lastExit: null };
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  const attempt = (n: number) => {
    const wait = RESTART_BACKOFF_MS[Math.min(n, RESTART_BACKOFF_MS.length - 1)] as number;
    timer = setTimeout(() => {
      timer = null;
      if (stopped) return;
      embedded.restart().then(
        () => {
          status.state = 'running';
          status.restarts += 1;
          log(`Den inbyggda databasen körs igen (omstart ${status.restarts}, försök ${n + 1}).`);
        },
        (error: unknown) => {
          log(`Omstart av den inbyggda databasen misslyckades (försök ${n + 1}): ${(error as Error).message}`);
          attempt(n + 1);
        },
      );
    }, wait);
  };
  embedded.onUnexpectedExit((code, signal) => {
    if (stopped) return;
    const how = signal ? `signal ${signal}` : `kod ${code ?? '?'}`;
    status.state = 'restarting';
    status.lastExit = { at: new Date().toISOString(), how };
    log(`Den inbyggda databasen avslutades oväntat (${how}); startar om den om ${RESTART_BACKOFF_MS[0]! / 1000} s.`);
    attempt(0);
  });
  return {
    status: () => ({ ...status }),
    stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
    },
  };
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
  const supervisor = embedded?.owned ? supervise(embedded, options.log ?? (() => undefined)) : null;
  return {
    ...handle,
    embedded,
    status: () => supervisor?.status() ?? null,
    async shutdown() {
      supervisor?.stop();
      await handle.close();
      await embedded?.stop();
    },
  };
}
