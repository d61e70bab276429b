import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../src/server/app.js';
import { demoDatabase } from '../support/demo.js';
import { ORIGIN } from '../support/session.js';
import type { TestDatabase } from '../support/testDatabase.js';

/**
 * Behind a reverse proxy every request comes from the proxy's address. With STYRKORT_TRUST_PROXY
 * naming the proxy, the client's address is taken from X-Forwarded-For — so the login limit (3
 * attempts per address here) holds one client back, not everyone; from anyone else the header is
 * not believed, and without the setting it never is. Addresses are injected, no traffic leaves.
 */
let t: TestDatabase;
const apps: App[] = [];
const PROXY = '127.0.0.1';

beforeAll(async () => {
  t = await demoDatabase();
});
afterAll(async () => {
  for (const app of apps) await app.close();
  await t.drop();
});

async function appTrusting(trustProxy: false | number | string[]): Promise<App> {
  const app = await buildApp({ db: t.db, version: 'test', logLevel: 'silent', trustProxy, auth: { rateLimits: { login_ip: { capacity: 3, perMinute: 0.001 } } } });
  apps.push(app);
  return app;
}

const login = (app: App, from: string, forwardedFor: string | null, password = 'fel-lösenord') =>
  app
    .inject({ method: 'POST', url: '/api/auth/login', remoteAddress: from, headers: { origin: ORIGIN, ...(forwardedFor ? { 'x-forwarded-for': forwardedFor } : {}) }, payload: { username: 'lasare', password } })
    .then((r) => r.statusCode);

describe('behind a reverse proxy', () => {
  it('with the proxy trusted, each client has its own login limit', async () => {
    for (const trust of [[PROXY], 1] as const) {
      const app = await appTrusting(trust as string[] | number);
      const a = [];
      for (let i = 0; i < 4; i++) a.push(await login(app, PROXY, '203.0.113.5'));
      expect(a).toEqual([401, 401, 401, 429]);
      expect(await login(app, PROXY, '203.0.113.6', 'styrkort-demo')).toBe(200);
    }
  });

  it('a client that is not the proxy cannot choose its address with the header', async () => {
    const app = await appTrusting([PROXY]);
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push(await login(app, '192.0.2.9', `203.0.113.${20 + i}`));
    expect(statuses).toEqual([401, 401, 401, 429]);
  });

  it('without the setting the header is never believed: everyone behind the proxy shares one limit', async () => {
    const app = await appTrusting(false);
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push(await login(app, PROXY, `203.0.113.${40 + i}`));
    statuses.push(await login(app, PROXY, '203.0.113.99', 'styrkort-demo'));
    expect(statuses).toEqual([401, 401, 401, 429]);
  });
});
