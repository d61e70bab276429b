import { chmod, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { startEmbedded, type EmbeddedPostgres } from '../../src/db/embedded/launcher.js';

/**
 * Starts one real PostgreSQL for the `db` project: the embedded one in a temporary directory,
 * or none when STYRKORT_TEST_DATABASE_URL points at a server (CI runs PostgreSQL 15 so).
 * Each test file then creates its own database on it (see testDatabase.ts).
 */
declare module 'vitest' {
  export interface ProvidedContext {
    adminUrl: string;
    serverKind: string;
  }
}

let embedded: EmbeddedPostgres | null = null;
let dir: string | null = null;

export async function setup(project: TestProject): Promise<void> {
  const external = process.env.STYRKORT_TEST_DATABASE_URL;
  if (external) {
    project.provide('adminUrl', external);
    project.provide('serverKind', 'external');
    return;
  }
  dir = await mkdtemp(path.join(os.tmpdir(), 'styrkort-test-'));
  await chmod(dir, 0o755); // the postgres user must reach its data directory when tests run as root
  embedded = await startEmbedded({ dataDir: path.join(dir, 'pg'), mode: 'own', port: null });
  const admin = new URL(embedded.url);
  admin.pathname = '/postgres';
  project.provide('adminUrl', admin.toString());
  project.provide('serverKind', 'embedded');
}

export async function teardown(): Promise<void> {
  await embedded?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
}
