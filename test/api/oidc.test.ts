import { sql } from 'kysely';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../src/domain/audit.js';
import { buildApp, type App } from '../../src/server/app.js';
import { ensureDemoUsers } from '../../src/services/demoUsers.js';
import { oidcEffectsFor } from '../../src/services/oidc.js';
import { startOidcStub, type OidcStub, type StubFault, type StubUser } from '../support/oidcProvider.js';
import { freePort } from '../support/cli.js';
import { LogCapture, loginAs, sessionHeaders, type Session } from '../support/session.js';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase.js';

/**
 * Login through OpenID Connect against a local provider (test/support/oidcProvider.ts) that
 * checks PKCE S256 at its token endpoint and signs ID tokens with a key of its own: start →
 * the provider with PKCE, state and nonce → callback → a session. Users are found by (issuer,
 * subject), never by e-mail; an unknown identity is provisioned as a reader (läsare) and gets
 * more only from an administrator. A tampered state, a wrong nonce, a token signed by another
 * key, a wrong audience, a replayed code or a refused login make no session and no user, send
 * the browser to the login page with the reason's code, and are logged in Swedish.
 */
const REDIRECT = 'http://localhost/api/auth/oidc/callback';

let t: TestDatabase;
let stub: OidcStub;
let app: App;
let admin: Session;
const log = new LogCapture();

beforeAll(async () => {
  t = await createTestDatabase();
  await ensureDemoUsers(t.db, new Date());
  stub = await startOidcStub();
  app = await buildApp({
    db: t.db,
    version: 'test',
    logLevel: 'info',
    logStream: log,
    auth: { oidc: { issuer: stub.issuer, clientId: stub.clientId, clientSecret: stub.clientSecret, redirectUri: REDIRECT, execute: oidcEffectsFor(stub.issuer) } },
  });
  admin = await loginAs(app, 'admin');
});
afterAll(async () => {
  await app?.close();
  await stub?.close();
  await t?.drop();
});

/** `name=value` of a Set-Cookie header, as a browser would send it back. */
function cookiePair(response: LightMyRequestResponse, name: string): string | null {
  const raw = response.headers['set-cookie'];
  const all = Array.isArray(raw) ? raw : raw === undefined ? [] : [String(raw)];
  const found = all.find((c) => c.startsWith(`${name}=`));
  return found ? (found.split(';')[0] ?? null) : null;
}

interface Started {
  provider: URL;
  cookie: string;
  response: LightMyRequestResponse;
}

async function start(returnTo = '/sammantraden'): Promise<Started> {
  const response = await app.inject({ url: `/api/auth/oidc/start?returnTo=${encodeURIComponent(returnTo)}` });
  expect(response.statusCode, response.body).toBe(302);
  const cookie = cookiePair(response, 'styrkort_oidc');
  if (!cookie) throw new Error('ingen tillståndskaka');
  return { provider: new URL(String(response.headers.location)), cookie, response };
}

/** The browser at the provider: it answers at once with a redirect back to the callback. */
async function atProvider(provider: URL, user: StubUser, fault: StubFault = null): Promise<URL> {
  stub.nextUser = user;
  stub.nextFault = fault;
  const response = await fetch(provider, { redirect: 'manual' });
  expect(response.status).toBe(302);
  const back = new URL(response.headers.get('location') ?? '');
  expect(`${back.origin}${back.pathname}`).toBe(REDIRECT);
  return back;
}

interface Callback {
  response: LightMyRequestResponse;
  requestId: string;
  session: string | null;
}

async function callback(back: URL | string, cookie: string | null): Promise<Callback> {
  const url = `/api/auth/oidc/callback${typeof back === 'string' ? back : back.search}`;
  const seen = log.lines.length;
  const response = await app.inject({ url, headers: cookie ? { cookie } : {} });
  const requestId = log.requestIdOf(url, seen);
  if (!requestId) throw new Error(`ingen loggrad för ${url}`);
  return { response, requestId, session: cookiePair(response, 'styrkort_session') };
}

async function login(user: StubUser): Promise<{ session: string; me: { user: { id: string; displayName: string; email: string | null }; roles: string[]; permissions: string[] } }> {
  const started = await start();
  const done = await callback(await atProvider(started.provider, user), started.cookie);
  expect(done.response.statusCode, done.response.body).toBe(302);
  expect(done.response.headers.location, JSON.stringify(log.refusals(done.requestId))).toBe('/sammantraden');
  if (!done.session) throw new Error('ingen sessionskaka efter inloggningen');
  const me = await app.inject({ url: '/api/auth/session', headers: { cookie: done.session } });
  expect(me.statusCode, me.body).toBe(200);
  return { session: done.session, me: me.json() };
}

async function userCount(): Promise<number> {
  return (await sql<{ n: number }>`select count(*)::int as n from app_user`.execute(t.db)).rows[0]?.n ?? -1;
}

describe('login through OpenID Connect', () => {
  let annaId: string;

  it('sends the browser to the provider with PKCE S256, state and nonce, kept in a short-lived signed cookie', async () => {
    const { provider, response } = await start('/mal/2026-2028:kvalitet');
    expect(`${provider.origin}${provider.pathname}`).toBe(`${stub.issuer}/authorize`);
    const p = Object.fromEntries(provider.searchParams);
    expect(p).toMatchObject({ client_id: stub.clientId, redirect_uri: REDIRECT, response_type: 'code', code_challenge_method: 'S256' });
    expect(p.scope?.split(' ')).toContain('openid');
    expect(p.code_challenge).toMatch(/^[\w-]{43}$/);
    expect(p.state).toMatch(/^[\w-]{20,}$/);
    expect(p.nonce).toMatch(/^[\w-]{20,}$/);
    const state = response.cookies.find((c) => c.name === 'styrkort_oidc');
    expect(state).toMatchObject({ httpOnly: true, secure: true, sameSite: 'Lax', path: '/api/auth/oidc', maxAge: 600 });
    // a second start is a new flow: new state, nonce and verifier
    const again = Object.fromEntries((await start()).provider.searchParams);
    expect([again.state, again.nonce, again.code_challenge]).not.toContain(p.state);
    expect(again.code_challenge).not.toBe(p.code_challenge);
  });

  it('comes back with a session for a new user, provisioned as a reader only — on record', async () => {
    const users = await userCount();
    const tokens = stub.tokenRequests.length;
    const { me } = await login({ sub: 'a1b2-anna', email: 'anna@regionkalmar.se', name: 'Anna Andersson' });
    expect(stub.tokenRequests.slice(tokens).map((r) => [r.pkce, r.status])).toEqual([['ok', 200]]);
    expect(me).toMatchObject({ user: { displayName: 'Anna Andersson', email: 'anna@regionkalmar.se', username: null }, roles: ['reader'], permissions: ['read'] });
    annaId = me.user.id;
    expect(await userCount()).toBe(users + 1);
    const identity = await sql<{ issuer: string; subject: string }>`select issuer, subject from user_identity where user_id = ${annaId}`.execute(t.db);
    expect(identity.rows).toEqual([{ issuer: stub.issuer, subject: 'a1b2-anna' }]);
    const trail = async (query: string) => (await app.inject({ url: `/api/audit?${query}`, headers: sessionHeaders(admin) })).json<{ entries: AuditEntry[] }>().entries.reverse();
    const [created] = await trail(`table=app_user&rowKey=${annaId}`);
    const entries = await trail(`requestId=${created?.requestId}`);
    expect(entries.map((e) => [e.table, e.operation, e.actorName])).toEqual([
      ['app_user', 'insert', 'inloggning (OpenID Connect)'],
      ['user_identity', 'insert', 'inloggning (OpenID Connect)'],
      ['user_role', 'insert', 'inloggning (OpenID Connect)'],
    ]);
    expect(created?.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(entries.map((e) => e.rowKey)).toEqual([{ id: annaId }, { issuer: stub.issuer, subject: 'a1b2-anna' }, { user_id: annaId, role: 'reader' }]);
  });

  it('finds the user by (issuer, subject): the same subject with a changed e-mail is the same user', async () => {
    const users = await userCount();
    const { me } = await login({ sub: 'a1b2-anna', email: 'anna.andersson@ny-adress.se', name: 'Anna Andersson' });
    expect(me.user.id).toBe(annaId);
    expect(await userCount()).toBe(users);
  });

  it('never by e-mail: another subject with the same e-mail is another user', async () => {
    const users = await userCount();
    const { me } = await login({ sub: 'z9-someone-else', email: 'anna@regionkalmar.se', name: 'Anna Andersson' });
    expect(me.user.id).not.toBe(annaId);
    expect(me.roles).toEqual(['reader']);
    expect(await userCount()).toBe(users + 1);
  });

  it('gives a provisioned user more than reading only when an administrator grants it', async () => {
    const { session } = await login({ sub: 'a1b2-anna', name: 'Anna Andersson' });
    expect((await app.inject({ url: '/api/users', headers: { cookie: session } })).statusCode).toBe(403);
    const grant = await app.inject({ method: 'PATCH', url: `/api/users/${annaId}`, headers: sessionHeaders(admin, 'PATCH'), payload: { roles: ['analyst'] } });
    expect(grant.statusCode, grant.body).toBe(200);
    // the next login keeps what the administrator gave: it does not reset the roles
    const { me } = await login({ sub: 'a1b2-anna', name: 'Anna Andersson' });
    expect(me.roles).toEqual(['analyst']);
  });

  it('refuses a disabled user', async () => {
    const other = await login({ sub: 'd-disabled', name: 'Avstängd Person' });
    const disable = await app.inject({ method: 'PATCH', url: `/api/users/${other.me.user.id}`, headers: sessionHeaders(admin, 'PATCH'), payload: { disabled: true } });
    expect(disable.statusCode, disable.body).toBe(200);
    const started = await start();
    const done = await callback(await atProvider(started.provider, { sub: 'd-disabled' }), started.cookie);
    expect(done.response.headers.location).toBe('/logga-in?fel=avstangd');
    expect(done.session).toBeNull();
    expect(log.refusals(done.requestId)).toEqual([expect.objectContaining({ refusal: 'login_disabled', msg: 'nekad: kontot är avstängt' })]);
  });
});

describe('refused logins: no session, no user, the reason in Swedish', () => {
  const user: StubUser = { sub: 'ny-person-som-nekas', email: 'nekas@regionkalmar.se', name: 'Nekad Person' };

  async function refused(done: Callback, code: string, refusal: string, message: string, subject = user.sub, identitiesBefore = 0): Promise<void> {
    expect(done.response.statusCode, done.response.body).toBe(302);
    expect(done.response.headers.location).toBe(`/logga-in?fel=${code}`);
    expect(done.session).toBeNull();
    expect(log.refusals(done.requestId)).toEqual([expect.objectContaining({ refusal, msg: `nekad: ${message}` })]);
    const identities = await sql<{ n: number }>`select count(*)::int as n from user_identity where subject = ${subject}`.execute(t.db);
    expect(identities.rows[0]?.n).toBe(identitiesBefore);
  }
  const unconfirmed = 'inloggningstjänstens svar kunde inte bekräftas';
  const noState = 'inloggningen saknar sitt tillstånd (kakan) eller har gått ut';

  it('a tampered state', async () => {
    const started = await start();
    const back = await atProvider(started.provider, user);
    back.searchParams.set('state', `${back.searchParams.get('state') ?? ''}x`);
    await refused(await callback(back, started.cookie), 'oidc', 'oidc_invalid', unconfirmed);
  });

  it('the answer to another login’s start (its state and verifier are not this browser’s)', async () => {
    const mine = await start();
    const theirs = await start();
    const back = await atProvider(theirs.provider, user);
    await refused(await callback(back, mine.cookie), 'oidc', 'oidc_invalid', unconfirmed);
  });

  it('a state cookie that is missing, or whose signature does not hold', async () => {
    const started = await start();
    const back = await atProvider(started.provider, user);
    await refused(await callback(back, null), 'oidc-tillstand', 'oidc_state', noState);
    const [name, value] = started.cookie.split('=') as [string, string];
    const forged = `${name}=${encodeURIComponent(decodeURIComponent(value).replace(/"returnTo":"[^"]*"/, '"returnTo":"/annat"'))}`;
    await refused(await callback(back, forged), 'oidc-tillstand', 'oidc_state', noState);
  });

  it('an ID token with the wrong nonce', async () => {
    const started = await start();
    await refused(await callback(await atProvider(started.provider, user, 'wrong_nonce'), started.cookie), 'oidc', 'oidc_invalid', unconfirmed);
  });

  it('an ID token signed by a key the provider never published', async () => {
    const started = await start();
    await refused(await callback(await atProvider(started.provider, user, 'foreign_key'), started.cookie), 'oidc', 'oidc_invalid', unconfirmed);
  });

  it('an ID token for another client', async () => {
    const started = await start();
    await refused(await callback(await atProvider(started.provider, user, 'wrong_audience'), started.cookie), 'oidc', 'oidc_invalid', unconfirmed);
  });

  it('a code used a second time', async () => {
    const started = await start();
    const back = await atProvider(started.provider, { sub: 'en-gang' });
    const first = await callback(back, started.cookie);
    expect(first.session).not.toBeNull();
    await refused(await callback(back, started.cookie), 'oidc', 'oidc_invalid', unconfirmed, 'en-gang', 1);
    expect(stub.tokenRequests.at(-1)).toMatchObject({ status: 400 });
  });

  it('the provider refusing the login', async () => {
    const started = await start();
    const state = started.provider.searchParams.get('state') ?? '';
    await refused(await callback(`?error=access_denied&state=${state}`, started.cookie), 'oidc-avbruten', 'oidc_error', 'inloggningstjänsten avbröt inloggningen');
  });

  it('a provider that does not answer: a Swedish message naming it', async () => {
    const issuer = `http://127.0.0.1:${await freePort()}`;
    const offline = await buildApp({ db: t.db, version: 'test', logLevel: 'silent', auth: { oidc: { issuer, clientId: 'x', clientSecret: 'y', redirectUri: REDIRECT, execute: oidcEffectsFor(issuer) } } });
    try {
      const response = await offline.inject({ url: '/api/auth/oidc/start' });
      expect(response.statusCode).toBe(503);
      expect(response.json().error.message).toMatch(new RegExp(`^Inloggningstjänsten \\(${issuer.replace(/[.]/g, '\\.')}\\) svarar inte eller är felkonfigurerad`));
    } finally {
      await offline.close();
    }
  });
});
