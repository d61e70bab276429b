import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../src/server/app.js';
import type { RouteAccess } from '../../src/server/auth/routeAccess.js';
import { DEFAULT_IMPORT_SETTINGS } from '../../src/services/importSettings.js';
import { oidcEffectsFor } from '../../src/services/oidc.js';
import { freePort } from '../support/cli.js';
import { changedTables, tableDigest } from '../support/dbDigest.js';
import { demoDatabase } from '../support/demo.js';
import { addDraftMeeting, type DraftFixture } from '../support/drafts.js';
import { startOidcStub, type OidcStub } from '../support/oidcProvider.js';
import { apiRoutes, bodyFor, fillPath, queryFor, type Param } from '../support/routes.js';
import { LogCapture, loginAs, ORIGIN, type Session } from '../support/session.js';
import type { TestDatabase } from '../support/testDatabase.js';

/**
 * Cross-site request forgery and "a GET never changes anything", for every API route the app
 * has (taken from the app, as in accessMatrix.test.ts, so routes added later are in it too).
 *
 * Every state-changing route (POST, PUT, PATCH, DELETE), called by a logged-in administrator
 * — who may do everything, so any refusal is the CSRF or Origin check's — is refused with 403
 * and logged, and changes nothing in any table, when the request
 *   (a) carries no X-CSRF-Token, (b) carries a wrong one,
 *   (c) comes with a foreign Origin (with the right token), or
 *   (d) comes with a foreign Referer and no Origin (the server reads Referer then).
 * The one route without a token is the login (a browser has no session yet); the Origin check
 * still guards it. Then every GET route, with ids that exist, leaves every table as it was —
 * the audit log, the model, users, and the session row too: reading is no activity, so a GET
 * does not even move the session's idle deadline (only changes and an explicit extension do).
 */
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** Routes a state change may reach without the session's CSRF token (server/auth: `csrf: 'exempt'`). */
const CSRF_EXEMPT = ['POST /api/auth/login'];
const FOREIGN = 'https://elak.example';

let t: TestDatabase;
let app: App;
let stub: OidcStub;
let admin: Session;
let draft: DraftFixture;
let ids: { readerUserId: string; targetId: string; batchId: string; importId: string };
const log = new LogCapture();

const BOUNDARY = '----styrkort-csrf';
function multipart(fileName: string, text: string): { payload: Buffer; headers: Record<string, string> } {
  const head = `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: text/csv\r\n\r\n`;
  return { payload: Buffer.from(`${head}${text}\r\n--${BOUNDARY}--\r\n`), headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` } };
}

beforeAll(async () => {
  t = await demoDatabase();
  draft = await addDraftMeeting(t.db);
  stub = await startOidcStub();
  const many = { capacity: 10_000, perMinute: 10_000 };
  app = await buildApp({
    db: t.db,
    version: 'test',
    logLevel: 'info',
    logStream: log,
    // Kolada on a port nobody listens on: a sync that got through would fail at once, offline
    imports: { ...DEFAULT_IMPORT_SETTINGS, koladaUrl: `http://127.0.0.1:${await freePort()}/v3` },
    auth: {
      rateLimits: { login_ip: many, login_user: many, deck: many, import: many, kolada: many },
      oidc: { issuer: stub.issuer, clientId: stub.clientId, clientSecret: stub.clientSecret, redirectUri: `${ORIGIN}/api/auth/oidc/callback`, execute: oidcEffectsFor(stub.issuer) },
    },
  });
  admin = await loginAs(app, 'admin');
  const reader = await loginAs(app, 'lasare');
  // an upload waiting to be imported, so the import routes have a real id
  const file = multipart('bup.csv', 'Indikator;Område;Period;Värde\nbup-medelvantetid-forsta-besok;0008;2026-04;24,1\n');
  const upload = await app.inject({
    method: 'POST',
    url: '/api/imports?wait=true',
    payload: file.payload,
    headers: { ...file.headers, cookie: `styrkort_session=${admin.token}`, 'x-csrf-token': admin.csrfToken, origin: ORIGIN },
  });
  expect(upload.statusCode, upload.body).toBe(200);
  const one = async (query: string) => String((await sql<{ id: string }>`${sql.raw(query)}`.execute(t.db)).rows[0]?.id ?? '');
  ids = {
    readerUserId: reader.userId,
    targetId: await one('select id from target order by id limit 1'),
    batchId: await one('select max(id)::text as id from import_batch'),
    importId: upload.json<{ id: string }>().id,
  };
});
afterAll(async () => {
  await app?.close();
  await stub?.close();
  await t?.drop();
});

/** An object that exists for each kind of path parameter: changes aim at the draft, reads at a published meeting. */
function existing(method: string) {
  return (param: Param): string => {
    switch (param.segment) {
      case 'meetings':
        return method === 'GET' ? 'rs-2026-05-06' : draft.meetingId;
      case 'items':
        return draft.otherItemId;
      case 'blocks':
        return draft.otherBlockId;
      case 'assets':
        return method === 'GET' ? 'samverkan-e-halsa-organisation' : draft.assetId;
      case 'users':
        return ids.readerUserId;
      case 'indicators':
        return draft.indicatorId;
      case 'goals':
        return draft.goalId;
      case 'plan-periods':
        return '2026-2028';
      case 'targets':
        return ids.targetId;
      case 'imports':
        return ids.importId;
      case 'import-batches':
        return ids.batchId;
      case 'versions':
        return '1';
      case 'import-mappings':
        return 'area';
      case 'people':
        return 'helena-nilsson';
      case 'areas':
        return '0008';
      case 'goal-lines':
        return 'ekonomi';
      case 'focus-areas':
        return '2026';
      case 'risk-registers':
        return 'internkontroll-2026';
      case 'risks':
        return 'ik26-bisysslor';
      case 'risk-categories':
        return '1';
      case 'datasets':
        return 'sarskilda-persontransporter-2026';
      default:
        return 'x';
    }
  };
}

interface Attempt {
  name: string;
  headers: Record<string, string>;
  refusal: 'csrf' | 'foreign_origin';
}

function attempts(session: Session): Attempt[] {
  const cookie = `styrkort_session=${session.token}`;
  return [
    { name: '(a) utan X-CSRF-Token', headers: { cookie, origin: ORIGIN }, refusal: 'csrf' },
    { name: '(b) fel X-CSRF-Token', headers: { cookie, origin: ORIGIN, 'x-csrf-token': `${session.csrfToken.slice(0, -2)}xx` }, refusal: 'csrf' },
    { name: '(c) främmande Origin', headers: { cookie, origin: FOREIGN, 'x-csrf-token': session.csrfToken }, refusal: 'foreign_origin' },
    { name: '(d) främmande Referer utan Origin', headers: { cookie, referer: `${FOREIGN}/sida`, 'x-csrf-token': session.csrfToken }, refusal: 'foreign_origin' },
  ];
}

const unsafeRoutes = (): RouteAccess[] => apiRoutes(app).filter((r) => UNSAFE.has(r.method));
const key = (r: RouteAccess) => `${r.method} ${r.url}`;

function request(route: RouteAccess, fill: (p: Param) => string) {
  const url = `${fillPath(route.url, fill)}${queryFor(app, route.method, route.url)}`;
  const body = route.url === '/api/auth/login' ? { username: 'admin', password: 'fel-lösenord-123' } : (bodyFor(app, route.method, route.url) ?? {});
  return { url, body };
}

describe('state-changing requests', () => {
  it('are refused with 403, logged and change nothing without the session’s token or from another site', async () => {
    const routes = unsafeRoutes();
    expect(routes.length).toBeGreaterThan(30);
    const before = await tableDigest(t.db);
    const wrong: string[] = [];
    const exemptPassed: string[] = [];
    let refused = 0;
    for (const route of routes) {
      const { url, body } = request(route, existing(route.method));
      for (const attempt of attempts(admin)) {
        const response = await app.inject({ method: route.method as 'POST', url, headers: attempt.headers, payload: body as object });
        const what = `${attempt.name}: ${route.method} ${url} → ${response.statusCode}`;
        if (attempt.refusal === 'csrf' && CSRF_EXEMPT.includes(key(route))) {
          // the login asks for no token: a wrong password is answered as such, not as a forgery
          if (response.statusCode === 401) exemptPassed.push(key(route));
          else wrong.push(`${what}: väntade 401 (fel lösenord), ${response.body.slice(0, 160)}`);
          continue;
        }
        const error = response.json<{ error?: { code?: string; requestId?: string } }>().error;
        const logged = error?.requestId ? log.refusals(error.requestId).map((l) => l.refusal) : [];
        if (response.statusCode !== 403 || error?.code !== 'forbidden' || logged.join() !== attempt.refusal) {
          wrong.push(`${what}: ${response.body.slice(0, 160)} (loggat: ${logged.join() || 'inget'})`);
        } else refused += 1;
      }
    }
    expect(wrong).toEqual([]);
    expect(exemptPassed.sort()).toEqual(CSRF_EXEMPT.flatMap((r) => [r, r]).sort());
    expect(refused).toBe(routes.length * 4 - CSRF_EXEMPT.length * 2);
    expect(changedTables(before, await tableDigest(t.db))).toEqual([]);
  });

  it('refuse a login from another site, even with the right password, and a “null” or other-port Origin', async () => {
    const before = await tableDigest(t.db);
    const good = { username: 'sekreterare', password: 'styrkort-demo' };
    for (const headers of [{ origin: FOREIGN }, { referer: `${FOREIGN}/logga-in` }, { origin: 'null' }, { origin: 'http://localhost:8080' }, { origin: 'http://localhost.elak.example' }]) {
      const response = await app.inject({ method: 'POST', url: '/api/auth/login', headers, payload: good });
      expect(response.statusCode, JSON.stringify(headers)).toBe(403);
      expect(response.json().error.message).toBe('Förfrågan kommer från en annan webbplats och nekas.');
      expect(response.cookies.find((c) => c.name === 'styrkort_session')).toBeUndefined();
      expect(log.refusals(response.json().error.requestId).map((l) => l.refusal)).toEqual(['foreign_origin']);
    }
    expect(changedTables(before, await tableDigest(t.db))).toEqual([]);
    // the same login from this site's page works (and is what the refused ones would have done)
    const ok = await app.inject({ method: 'POST', url: '/api/auth/login', headers: { origin: ORIGIN }, payload: good });
    expect(ok.statusCode).toBe(200);
    expect(changedTables(before, await tableDigest(t.db))).toEqual(['session']);
  });

  it('pass the checks with the session’s token from this site’s page (the refusals above are the checks’, not the routes’)', async () => {
    const session = await loginAs(app, 'admin');
    const cookie = `styrkort_session=${session.token}`;
    const routes = unsafeRoutes().sort((a, b) => Number(a.url === '/api/auth/logout') - Number(b.url === '/api/auth/logout'));
    const blocked: string[] = [];
    for (const route of routes) {
      // ids that do not exist and empty bodies: the routes answer 400 or 404 and change nothing of the demo
      const { url } = request(route, (p) => (p.segment === 'users' ? '00000000-0000-4000-8000-0000000000ff' : 'finns-inte'));
      for (const headers of [
        { cookie, origin: ORIGIN, 'x-csrf-token': session.csrfToken },
        { cookie, referer: `${ORIGIN}/sammantraden`, 'x-csrf-token': session.csrfToken },
        { cookie, 'x-csrf-token': session.csrfToken }, // no Origin or Referer: a script, not a page of another site
      ]) {
        const seen = log.lines.length;
        const response = await app.inject({ method: route.method as 'POST', url, headers, payload: {} });
        const checks = log.lines.slice(seen).filter((l) => l.refusal === 'csrf' || l.refusal === 'foreign_origin');
        if (checks.length > 0 || response.statusCode === 403) blocked.push(`${route.method} ${url} (${Object.keys(headers).join(', ')}) → ${response.statusCode}: ${response.body.slice(0, 160)}`);
      }
    }
    expect(blocked).toEqual([]);
  });
});

describe('a GET', () => {
  it('never changes anything: every GET route, with ids that exist, leaves every table as it was — the session row too', async () => {
    const session = await loginAs(app, 'admin');
    const headers = { cookie: `styrkort_session=${session.token}` };
    const routes = apiRoutes(app).filter((r) => r.method === 'GET');
    expect(routes.length).toBeGreaterThan(40);
    const before = await tableDigest(t.db);
    const failed: string[] = [];
    // the published meeting, and the draft too where a route reads a meeting (it has no versions)
    const published = existing('GET');
    const inDraft = (p: Param) => (p.segment === 'meetings' ? draft.meetingId : p.segment === 'assets' ? draft.assetId : published(p));
    let calls = 0;
    for (const route of routes) {
      const fills = route.url.includes('/meetings/:') && !route.url.includes('/versions') ? [published, inDraft] : [published];
      for (const fill of fills) {
        const url = `${fillPath(route.url, fill)}${queryFor(app, 'GET', route.url)}`;
        const response = await app.inject({ url, headers });
        calls += 1;
        // a PDF needs Chromium, which a machine may lack (503, in Swedish); everything else answers
        const pdfWithoutChromium = url.endsWith('.pdf') && response.statusCode === 503;
        if (response.statusCode >= 400 && !pdfWithoutChromium) failed.push(`${url} → ${response.statusCode}: ${response.body.slice(0, 160)}`);
      }
    }
    expect(calls).toBeGreaterThan(routes.length);
    expect(failed).toEqual([]);
    expect(changedTables(before, await tableDigest(t.db))).toEqual([]);
  });

  it('would be seen if it did change something (the digest covers the session’s idle deadline)', async () => {
    const session = await loginAs(app, 'analytiker');
    const before = await tableDigest(t.db);
    const extend = await app.inject({ method: 'POST', url: '/api/auth/session/extend', headers: { cookie: `styrkort_session=${session.token}`, origin: ORIGIN, 'x-csrf-token': session.csrfToken } });
    expect(extend.statusCode).toBe(200);
    expect(changedTables(before, await tableDigest(t.db))).toEqual(['session']);
  });
});
