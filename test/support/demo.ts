import { DEMO_DIR, PACKAGE_ROOT } from '../../src/config/paths.js';
import { buildApp, type App } from '../../src/server/app.js';
import type { Authenticated } from '../../src/server/auth/principal.js';
import { loadDemo } from '../../src/services/startup.js';
import { ADMIN, as } from './auth.js';
import { createTestDatabase, type TestDatabase } from './testDatabase.js';

/** A test database with the Region Kalmar län demo data loaded through the normal path. */
export async function demoDatabase(): Promise<TestDatabase> {
  const t = await createTestDatabase();
  await loadDemo(t.db, DEMO_DIR, PACKAGE_ROOT);
  return t;
}

/**
 * The app on a test database, called in-process. Requests come from an administrator (who may
 * do everything) unless another principal is given; `null` is an anonymous caller.
 */
export async function appOn(t: TestDatabase, who: Authenticated | null = ADMIN): Promise<App> {
  return buildApp({ db: t.db, version: 'test', logLevel: 'silent', authenticator: as(who) });
}

/** GET a JSON route in-process and return the parsed body, failing loudly on a non-200. */
export async function getJson<T = unknown>(app: App, url: string): Promise<T> {
  const response = await app.inject({ method: 'GET', url });
  if (response.statusCode !== 200) throw new Error(`GET ${url} → ${response.statusCode}: ${response.body}`);
  return response.json<T>();
}
