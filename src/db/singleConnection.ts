import { Kysely, PostgresDialect } from 'kysely';
import type pg from 'pg';
import { StyrkortError } from '../domain/errors.js';
import { poolOf } from './connect.js';
import type { Database } from './schema.js';

/**
 * One connection taken from the pool, as both a raw pg client (for COPY) and a Kysely instance
 * (for everything else) — so a bulk import can stream rows with COPY and run its queries in the
 * same transaction. The caller begins and ends the transaction on `client`.
 */
export interface SingleConnection {
  client: pg.PoolClient;
  db: Kysely<Database>;
}

export async function withSingleConnection<T>(db: Kysely<Database>, run: (connection: SingleConnection) => Promise<T>): Promise<T> {
  const pool = poolOf(db);
  if (pool === null) throw new StyrkortError('internal', 'Databasen öppnades inte med openDatabase; en egen anslutning för COPY saknas');
  const client = await pool.connect();
  const borrowed = { query: client.query.bind(client), release: () => undefined };
  const single = new Kysely<Database>({
    dialect: new PostgresDialect({ pool: { connect: async () => borrowed, end: async () => undefined } as unknown as pg.Pool }),
  });
  let broken: unknown = undefined;
  try {
    return await run({ client, db: single });
  } catch (error) {
    broken = error;
    throw error;
  } finally {
    await single.destroy();
    // After a failure the connection may be mid-COPY or in a failed state: close it rather than
    // return it to the pool.
    client.release(broken !== undefined);
  }
}
