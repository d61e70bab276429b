import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { checkAppRole } from '../../src/db/appRole.js';
import { openDatabase, type DatabaseHandle } from '../../src/db/connect.js';
import { migrateToLatest } from '../../src/db/migrate.js';

/** A fresh database on the test server, migrated to the latest schema unless asked not to. */
export interface TestDatabase extends DatabaseHandle {
  name: string;
  drop(): Promise<void>;
}

export function adminUrl(): string {
  return inject('adminUrl');
}

export function urlFor(database: string): string {
  const url = new URL(adminUrl());
  url.pathname = `/${database}`;
  return url.toString();
}

async function admin<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl() });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

export async function createTestDatabase(options: { migrate?: boolean } = {}): Promise<TestDatabase> {
  const name = `t_${process.pid}_${randomBytes(4).toString('hex')}`;
  await admin((c) => c.query(`create database ${name}`));
  // as the application: migrations as the owner, then the pool runs as styrkort_app
  let handle = openDatabase(urlFor(name));
  if (options.migrate ?? true) {
    await migrateToLatest(handle.db as never);
    const app = await checkAppRole(handle.url);
    if (app.role === null) throw new Error(`styrkort_app kan inte användas: ${app.reason}`);
    await handle.close();
    handle = openDatabase(urlFor(name), { role: app.role });
  }
  return {
    ...handle,
    name,
    async drop() {
      await handle.close();
      await admin((c) => c.query(`drop database if exists ${name} with (force)`));
    },
  };
}

/** An empty database with nothing in it (for restore targets and migration tests). */
export async function createEmptyDatabase(): Promise<{ name: string; url: string; drop(): Promise<void> }> {
  const name = `t_${process.pid}_${randomBytes(4).toString('hex')}`;
  await admin((c) => c.query(`create database ${name}`));
  return { name, url: urlFor(name), drop: () => admin((c) => c.query(`drop database if exists ${name} with (force)`)).then(() => undefined) };
}
