import { once } from 'node:events';
import net from 'node:net';
import pg from 'pg';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/connect.js';
import { withSingleConnection } from '../../src/db/singleConnection.js';
import { appOn } from '../support/demo.js';
import { adminUrl, createTestDatabase, urlFor, type TestDatabase } from '../support/testDatabase.js';

/**
 * A connection lost while in use — PostgreSQL restarted, the backend terminated, the network
 * gone — fails the work it served and never the process. pg emits 'error' on a client that loses
 * its server; on a client checked out of the pool nobody listened, and the process died of an
 * unhandled 'error' event (issue: the server died when PostgreSQL died mid-write). Here the
 * backend of a running query is terminated from another session: the query is refused, the
 * process lives (vitest fails a run on any uncaught error), and the next query gets a new
 * connection. And through a TCP proxy that is cut mid-query, the way a server that dies or a
 * network that drops looks to the client: no goodbye from PostgreSQL, just the end of the socket.
 */
let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t.drop());

/** Terminates the backend running `marker` as soon as it shows in pg_stat_activity. */
async function terminate(marker: string): Promise<void> {
  const admin = new pg.Client({ connectionString: adminUrl() });
  await admin.connect();
  try {
    for (;;) {
      const r = await admin.query<{ ok: boolean }>(`select pg_terminate_backend(pid) as ok from pg_stat_activity where query like $1 and pid <> pg_backend_pid()`, [`%${marker}%`]);
      if (r.rows.some((row) => row.ok)) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  } finally {
    await admin.end();
  }
}

describe('a database connection lost while in use', () => {
  it('through Kysely: the query fails, the process lives, the next query works', async () => {
    const removed = once(t.pool, 'remove');
    const running = sql<{ n: number }>`select pg_sleep(60), 1 as n /* lost-kysely */`.execute(t.db).then(() => null, (e: unknown) => e as Error & { code?: string });
    await terminate('lost-kysely');
    const error = await running;
    expect(error?.code ?? error?.message).toMatch(/57P01|terminat/);
    // the pool drops the dead connection once its socket has ended (the FATAL message comes first)
    await removed;
    expect((await sql<{ n: number }>`select 2 as n`.execute(t.db)).rows).toEqual([{ n: 2 }]);
  });

  it('on one connection taken for COPY: the work fails, the connection is not returned, the next query works', async () => {
    const running = withSingleConnection(t.db, async ({ client }) => {
      await client.query('begin');
      await client.query('select pg_sleep(60) /* lost-single */');
    }).then(() => null, (e: unknown) => e as Error);
    await terminate('lost-single');
    expect((await running)?.message).toMatch(/terminat/);
    expect((await sql<{ n: number }>`select 3 as n`.execute(t.db)).rows).toEqual([{ n: 3 }]);
    // the dead connection was removed, not kept idle
    expect(t.pool.idleCount + t.pool.waitingCount).toBeLessThanOrEqual(t.pool.totalCount);
  });
});

/** A TCP proxy to the test server whose connections can be cut at once. */
async function cuttableProxy(target: URL): Promise<{ url: string; cut(): void; close(): Promise<void> }> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((inbound) => {
    const outbound = net.connect(Number(target.port || 5432), target.hostname);
    for (const s of [inbound, outbound]) {
      sockets.add(s);
      s.on('error', () => undefined);
      s.on('close', () => sockets.delete(s));
    }
    inbound.pipe(outbound).pipe(inbound);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address() as net.AddressInfo;
  const url = new URL(target.toString());
  url.hostname = '127.0.0.1';
  url.port = String(address.port);
  return {
    url: url.toString(),
    cut: () => {
      for (const s of sockets) s.destroy();
    },
    close: () => new Promise<void>((resolve) => (server.listening ? server.close(() => resolve()) : resolve())),
  };
}

describe('a database server that disappears mid-query (the socket just ends)', () => {
  it('fails the query, not the process; the pool connects again', async () => {
    const proxy = await cuttableProxy(new URL(urlFor(t.name)));
    const handle = openDatabase(proxy.url);
    try {
      const running = sql`select pg_sleep(60) /* cut-kysely */`.execute(handle.db).then(() => null, (e: unknown) => e as Error);
      const single = withSingleConnection(handle.db, async ({ client }) => {
        await client.query('begin');
        await client.query('select pg_sleep(60) /* cut-single */');
      }).then(() => null, (e: unknown) => e as Error);
      // both queries are running on the server before the cut
      const admin = new pg.Client({ connectionString: adminUrl() });
      await admin.connect();
      while ((await admin.query(`select count(*)::int as n from pg_stat_activity where query like '%cut-%' and pid <> pg_backend_pid()`)).rows[0].n < 2) {
        await new Promise((r) => setTimeout(r, 50));
      }
      await admin.end();
      proxy.cut();
      expect((await running)?.message).toMatch(/Connection terminated unexpectedly/);
      expect((await single)?.message).toMatch(/Connection terminated unexpectedly/);
      expect((await sql<{ n: number }>`select 4 as n`.execute(handle.db)).rows).toEqual([{ n: 4 }]);
    } finally {
      await handle.close();
      await proxy.close();
    }
  });
});

describe('a request whose database connection is gone', () => {
  it('is answered 503 in Swedish with Retry-After, and the server goes on: alive, not ready', async () => {
    const proxy = await cuttableProxy(new URL(urlFor(t.name)));
    const handle = openDatabase(proxy.url);
    const app = await appOn({ ...t, db: handle.db });
    try {
      const before = await app.inject({ method: 'GET', url: '/api/plan-periods' });
      expect(before.statusCode).toBe(200);
      expect((await app.inject({ method: 'GET', url: '/api/ready' })).statusCode).toBe(200);
      const closed = proxy.close(); // no new connections …
      proxy.cut(); // … and the open ones end
      await closed;
      const during = await app.inject({ method: 'GET', url: '/api/plan-periods' });
      expect(during.statusCode).toBe(503);
      // alive, but not ready: a load balancer takes it out, nothing restarts the process
      expect((await app.inject({ method: 'GET', url: '/api/live' })).json()).toEqual({ status: 'ok', version: 'test' });
      const ready = await app.inject({ method: 'GET', url: '/api/ready' });
      expect([ready.statusCode, ready.json().database]).toEqual([503, 'fel']);
      expect(during.headers['retry-after']).toBe('5');
      expect(during.json()).toMatchObject({ error: { code: 'unavailable', message: expect.stringMatching(/^Förbindelsen med databasen bröts/) } });
    } finally {
      await app.close();
      await handle.close();
    }
  });
});
