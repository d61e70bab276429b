import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './schema.js';

/**
 * Values leave PostgreSQL as: numeric and int8 → number (counts and amounts fit a double
 * exactly; sums are recomputed in decimal in the domain), date → 'YYYY-MM-DD' string (no
 * time-zone shift). Set per pool, not globally, so COPY-based backup still sees raw text.
 */
const NUMERIC = 1700;
const INT8 = 20;
const DATE = 1082;

const types = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === NUMERIC || oid === INT8) return (value: string) => Number(value);
    if (oid === DATE) return (value: string) => value;
    return pg.types.getTypeParser(oid, format);
  },
} as pg.CustomTypesConfig;

export interface DatabaseHandle {
  db: Kysely<Database>;
  pool: pg.Pool;
  url: string;
  close(): Promise<void>;
}

/**
 * `role`: the role every connection of the pool takes right after connecting (`SET ROLE` as a
 * startup option), so the application runs with the rights of `styrkort_app` while migrations,
 * backup and restore run as the owner that connected (see migrations/20261122T1300).
 */
export function createPool(url: string, max = 10, role: string | null = null): pg.Pool {
  const options = role === null ? {} : { options: `-c role=${role}` };
  const pool = new pg.Pool({ connectionString: url, max, types, application_name: 'styrkort', ...options });
  // A client losing its server (restart, crash, network) emits 'error'. The pool listens while a
  // client is idle ('error' on the pool); while one is checked out nobody did, and the process
  // died of the unhandled event. Every client listens for good: the query it was running fails
  // (that is how the request or import learns of it), and on release the pool drops the client
  // because it is no longer queryable.
  pool.on('error', () => undefined);
  pool.on('connect', (client) => {
    client.on('error', () => undefined);
  });
  return pool;
}

/** The pool behind each database handle, for work that needs one raw connection (COPY). */
const POOLS = new WeakMap<Kysely<Database>, pg.Pool>();

export function poolOf(db: Kysely<Database>): pg.Pool | null {
  return POOLS.get(db) ?? null;
}

export function openDatabase(url: string, options: { max?: number; role?: string | null } = {}): DatabaseHandle {
  const pool = createPool(url, options.max, options.role ?? null);
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  POOLS.set(db, pool);
  return {
    db,
    pool,
    url,
    close: () => db.destroy(),
  };
}

/** The connection target without the password, for messages. */
export function describeUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname}:${u.port || '5432'}${u.pathname}`;
  } catch {
    return '(ogiltig adress)';
  }
}
