import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCOUNT_SLOWDOWN_MS } from '../../src/server/security/rateLimit.js';
import { buildApp, type App } from '../../src/server/app.js';
import { demoDatabase } from '../support/demo.js';
import { cookieValue, LogCapture, loginAs, ORIGIN, sessionHeaders, type Session } from '../support/session.js';
import type { TestDatabase } from '../support/testDatabase.js';

/**
 * Sessions in PostgreSQL through the real login: the cookie rotates at every login, a logged-out
 * or disabled user's cookie is worth nothing, the idle deadline ends a session and an extension
 * (or any change the user makes) moves it, the absolute deadline ends it anyway. The clock is
 * the app's `now` effect, moved by the test.
 */
const T0 = new Date('2026-05-06T08:00:00Z');
const minutes = (n: number) => new Date(T0.getTime() + n * 60_000);

let t: TestDatabase;
let app: App;
let now = T0;
const log = new LogCapture();

beforeAll(async () => {
  t = await demoDatabase();
  // the clock stands still between steps: logins here are many, the rate limits are tested below
  app = await buildApp({ db: t.db, version: 'test', logLevel: 'info', logStream: log, auth: { now: () => now, rateLimits: { login_ip: { capacity: 1000, perMinute: 1000 } } } });
});
afterAll(async () => {
  await app?.close();
  await t?.drop();
});

const get = (url: string, session: Session | null) => app.inject({ url, headers: sessionHeaders(session) });
const post = (url: string, session: Session | null, payload: object = {}) => app.inject({ method: 'POST', url, headers: sessionHeaders(session, 'POST'), payload });

describe('login', () => {
  it('sets an HttpOnly, Secure, SameSite=Lax session cookie on / and keeps only its SHA-256', async () => {
    now = T0;
    const response = await app.inject({ method: 'POST', url: '/api/auth/login', headers: { origin: ORIGIN }, payload: { username: 'Admin', password: 'styrkort-demo' } });
    expect(response.statusCode).toBe(200);
    const cookie = response.cookies.find((c) => c.name === 'styrkort_session');
    expect(cookie).toMatchObject({ httpOnly: true, secure: true, sameSite: 'Lax', path: '/' });
    const token = cookie?.value ?? '';
    expect(token).toMatch(/^[\w-]{43}$/);
    expect(response.headers['cache-control']).toBe('no-store');
    const body = response.json();
    expect(body).toMatchObject({
      user: { displayName: 'Demo Administratör', username: 'admin', personId: null },
      roles: ['admin'],
      permissions: ['read', 'read_drafts', 'edit_indicators', 'import', 'edit_meetings', 'edit_items', 'publish', 'manage_users', 'read_audit'],
      idleExpiresAt: minutes(30).toISOString(),
      absoluteExpiresAt: minutes(720).toISOString(),
      idleSeconds: 1800,
      serverTime: T0.toISOString(),
    });
    expect(body.csrfToken).toMatch(/^[\w-]{43}$/);
    const stored = await sql<{ id: string }>`select id from session where user_id = ${body.user.id}`.execute(t.db);
    expect(stored.rows.map((r) => r.id)).toEqual([createHash('sha256').update(token).digest('hex')]);
    expect(JSON.stringify(stored.rows)).not.toContain(token);
  });

  it('gives a new session id every time and ends the session the browser presented', async () => {
    now = T0;
    const first = await loginAs(app, 'sekreterare');
    const second = await loginAs(app, 'sekreterare', 'styrkort-demo', { cookie: `styrkort_session=${first.token}` });
    expect(second.token).not.toBe(first.token);
    expect(second.csrfToken).not.toBe(first.csrfToken);
    expect((await get('/api/meetings', first)).statusCode).toBe(401);
    expect((await get('/api/meetings', second)).statusCode).toBe(200);
  });

  it('refuses a wrong password or an unknown user with the same Swedish answer, and logs it', async () => {
    now = T0;
    for (const username of ['lasare', 'finns-inte']) {
      const response = await app.inject({ method: 'POST', url: '/api/auth/login', headers: { origin: ORIGIN }, payload: { username, password: 'fel-lösenord-123' } });
      expect(response.statusCode).toBe(401);
      expect(response.json().error.message).toBe('Fel användarnamn eller lösenord.');
      expect(cookieValue(response, 'styrkort_session')).toBeNull();
      expect(log.refusals(response.json().error.requestId)).toEqual([expect.objectContaining({ refusal: 'login_failed', username })]);
    }
  });
});

describe('the session', () => {
  it('says who is logged in, with the presenter’s person; 401 without a session', async () => {
    now = T0;
    const presenter = await loginAs(app, 'foredragande');
    const response = await get('/api/auth/session', presenter);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ user: { displayName: 'Helen Persson', personId: 'helen-persson' }, roles: ['presenter'], permissions: ['read', 'read_drafts', 'edit_items'], csrfToken: presenter.csrfToken });
    const anonymous = await get('/api/auth/session', null);
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json().error.message).toBe('Du är inte inloggad.');
  });

  it('cannot be replayed after logout', async () => {
    now = T0;
    const session = await loginAs(app, 'analytiker');
    expect((await get('/api/import-batches', session)).statusCode).toBe(200);
    const logout = await post('/api/auth/logout', session);
    expect(logout.statusCode).toBe(204);
    expect(logout.cookies.find((c) => c.name === 'styrkort_session')?.value).toBe('');
    for (const url of ['/api/import-batches', '/api/auth/session', '/api/meetings']) expect((await get(url, session)).statusCode, url).toBe(401);
    expect((await post('/api/auth/session/extend', session)).statusCode).toBe(401);
    const row = await sql<{ revoked_at: Date | null }>`select revoked_at from session where id = encode(sha256(${session.token}::bytea), 'hex')`.execute(t.db);
    expect(row.rows[0]?.revoked_at).toEqual(T0);
  });

  it('ends at the idle deadline; an extension moves the deadline a full idle period on', async () => {
    now = T0;
    const extended = await loginAs(app, 'lasare');
    const idle = await loginAs(app, 'lasare');
    now = minutes(29);
    expect((await get('/api/meetings', idle)).statusCode).toBe(200);
    const extend = await post('/api/auth/session/extend', extended);
    expect(extend.statusCode).toBe(200);
    expect(extend.json()).toMatchObject({ idleExpiresAt: minutes(59).toISOString(), absoluteExpiresAt: minutes(720).toISOString(), serverTime: minutes(29).toISOString() });
    now = minutes(30);
    expect((await get('/api/meetings', idle)).statusCode).toBe(401); // reading is no activity
    expect((await get('/api/meetings', extended)).statusCode).toBe(200);
    now = minutes(58);
    expect((await get('/api/auth/session', extended)).json().idleExpiresAt).toBe(minutes(59).toISOString());
    now = minutes(59);
    expect((await get('/api/meetings', extended)).statusCode).toBe(401);
    expect((await post('/api/auth/session/extend', extended)).statusCode).toBe(401);
  });

  it('moves the idle deadline on any change the user makes; a GET leaves the session row alone', async () => {
    now = T0;
    const admin = await loginAs(app, 'admin');
    const row = () => sql<{ last_seen_at: Date; idle_expires_at: Date }>`select last_seen_at, idle_expires_at from session where id = encode(sha256(${admin.token}::bytea), 'hex')`.execute(t.db);
    now = minutes(10);
    await get('/api/users', admin);
    expect((await row()).rows[0]).toEqual({ last_seen_at: T0, idle_expires_at: minutes(30) });
    const users = (await get('/api/users', admin)).json<Array<{ id: string; username: string | null }>>();
    const reader = users.find((u) => u.username === 'lasare');
    const patch = await app.inject({ method: 'PATCH', url: `/api/users/${reader?.id}`, headers: sessionHeaders(admin, 'PATCH'), payload: { displayName: 'Demo Läsare' } });
    expect(patch.statusCode).toBe(200);
    expect((await row()).rows[0]).toEqual({ last_seen_at: minutes(10), idle_expires_at: minutes(40) });
  });

  it('ends at the absolute deadline however often it was extended', async () => {
    now = T0;
    const session = await loginAs(app, 'sekreterare');
    for (let m = 25; m < 720; m += 25) {
      now = minutes(m);
      const extend = await post('/api/auth/session/extend', session);
      expect(extend.statusCode, `${m} min`).toBe(200);
    }
    now = minutes(719);
    const last = (await get('/api/auth/session', session)).json();
    expect(last.idleExpiresAt).toBe(minutes(720).toISOString());
    now = minutes(720);
    expect((await get('/api/meetings', session)).statusCode).toBe(401);
  });
});

describe('disabling a user', () => {
  it('ends their sessions: their next request fails, and they cannot log in until enabled again', async () => {
    now = T0;
    const admin = await loginAs(app, 'admin');
    const presenter = await loginAs(app, 'foredragande');
    expect((await get('/api/meetings', presenter)).statusCode).toBe(200);
    const disable = await app.inject({ method: 'PATCH', url: `/api/users/${presenter.userId}`, headers: sessionHeaders(admin, 'PATCH'), payload: { disabled: true } });
    expect(disable.statusCode).toBe(200);
    expect(disable.json().disabledAt).toBe(T0.toISOString());
    const next = await get('/api/meetings', presenter);
    expect(next.statusCode).toBe(401);
    const again = await app.inject({ method: 'POST', url: '/api/auth/login', headers: { origin: ORIGIN }, payload: { username: 'foredragande', password: 'styrkort-demo' } });
    expect(again.statusCode).toBe(403);
    expect(again.json().error.message).toBe('Kontot är avstängt. Kontakta en administratör.');
    const enable = await app.inject({ method: 'PATCH', url: `/api/users/${presenter.userId}`, headers: sessionHeaders(admin, 'PATCH'), payload: { disabled: false } });
    expect(enable.json().disabledAt).toBeNull();
    expect((await get('/api/meetings', await loginAs(app, 'foredragande'))).statusCode).toBe(200);
    expect((await get('/api/meetings', presenter)).statusCode).toBe(401); // the old session stays ended
  });
});

describe('administering users', () => {
  it('creates a local account that can log in, with Swedish messages for a short password or a taken name', async () => {
    now = T0;
    const admin = await loginAs(app, 'admin');
    const create = (payload: object) => app.inject({ method: 'POST', url: '/api/users', headers: sessionHeaders(admin, 'POST'), payload });
    const created = await create({ username: 'Mattias.Ask', displayName: 'Mattias Ask', password: 'trafik-2026-kalmar', roles: ['presenter'], personId: 'mattias-ask' });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ username: 'mattias.ask', displayName: 'Mattias Ask', roles: ['presenter'], personId: 'mattias-ask', identities: [], disabledAt: null });
    expect((await loginAs(app, 'mattias.ask', 'trafik-2026-kalmar')).userId).toBe(created.json().id);

    const short = await create({ username: 'kort', displayName: 'Kort', password: 'elva tecken' });
    expect(short.statusCode).toBe(400);
    expect(short.json().error.message).toBe('Lösenordet ska vara minst 12 tecken.');
    const taken = await create({ username: 'MATTIAS.ASK', displayName: 'Någon', password: 'ett-annat-lösen' });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error.message).toBe('Användarnamnet "mattias.ask" är upptaget.');
    const person = await create({ username: 'okand', displayName: 'Okänd', password: 'ett-annat-lösen', personId: 'finns-inte' });
    expect(person.statusCode).toBe(400);
    expect(person.json().error.message).toBe('Personen "finns-inte" finns inte bland föredragandena.');
  });

  it('sets a new password: the user’s sessions end and only the new password works', async () => {
    now = T0;
    const admin = await loginAs(app, 'admin');
    const reader = await loginAs(app, 'lasare');
    const reset = await app.inject({ method: 'POST', url: `/api/users/${reader.userId}/password`, headers: sessionHeaders(admin, 'POST'), payload: { password: 'nytt-läsarlösen' } });
    expect(reset.statusCode).toBe(200);
    expect((await get('/api/meetings', reader)).statusCode).toBe(401);
    await expect(loginAs(app, 'lasare')).rejects.toThrow(/401/);
    expect((await loginAs(app, 'lasare', 'nytt-läsarlösen')).userId).toBe(reader.userId);
  });

  it('always keeps an active administrator', async () => {
    now = T0;
    const admin = await loginAs(app, 'admin');
    for (const payload of [{ disabled: true }, { roles: ['reader'] }]) {
      const response = await app.inject({ method: 'PATCH', url: `/api/users/${admin.userId}`, headers: sessionHeaders(admin, 'PATCH'), payload });
      expect(response.statusCode).toBe(409);
      expect(response.json().error.message).toBe('Det måste finnas minst en aktiv administratör: ge först någon annan rollen administratör.');
    }
    expect((await get('/api/users', admin)).statusCode).toBe(200);
  });
});

describe('rate limits', () => {
  let limited: App;
  let clock = T0;
  beforeAll(async () => {
    limited = await buildApp({
      db: t.db,
      version: 'test',
      logLevel: 'info',
      logStream: log,
      auth: { now: () => clock, rateLimits: { login_ip: { capacity: 8, perMinute: 2 }, deck: { capacity: 2, perMinute: 1 }, import: { capacity: 1, perMinute: 1 }, kolada: { capacity: 1, perMinute: 1 } } },
    });
  });
  afterAll(async () => {
    await limited?.close();
  });
  const attempt = (username: string, password: string, ip = '10.0.0.1') =>
    limited.inject({ method: 'POST', url: '/api/auth/login', remoteAddress: ip, headers: { origin: ORIGIN }, payload: { username, password } });

  it('refuse a client that guessed an account wrong 5 times — even with the right password — and nobody else', async () => {
    clock = T0;
    const fromA = [];
    for (let i = 0; i < 20; i++) fromA.push((await attempt('analytiker', `gissning-nummer-${i}`, '10.0.1.1')).statusCode);
    expect(fromA).toEqual([401, 401, 401, 401, 401, ...Array.from({ length: 15 }, () => 429)]);
    const refused = await attempt('analytiker', 'styrkort-demo', '10.0.1.1');
    expect(refused.statusCode).toBe(429);
    // client B, the account's owner, logs in with the right password: A's guesses do not stop it
    expect((await attempt('analytiker', 'styrkort-demo', '10.0.1.2')).statusCode).toBe(200);
    expect((await attempt('sekreterare', 'styrkort-demo', '10.0.1.3')).statusCode).toBe(200);

    clock = minutes(5);
    for (let i = 0; i < 5; i++) expect((await attempt('admin', `gissning-${i}`, '10.0.1.4')).statusCode).toBe(401);
    const wrongAgain = await attempt('admin', 'styrkort-demo', '10.0.1.4');
    expect(wrongAgain.statusCode).toBe(429);
    expect(wrongAgain.headers['retry-after']).toBe('60');
    expect(wrongAgain.json().error.message).toBe('För många misslyckade inloggningsförsök för det här användarnamnet från din adress. Vänta 60 sekunder och försök igen.');
    expect(log.refusals(wrongAgain.json().error.requestId)).toEqual([expect.objectContaining({ refusal: 'rate_limited', limit: 'login_user_client' })]);
    clock = minutes(6);
    expect((await attempt('admin', 'styrkort-demo', '10.0.1.4')).statusCode).toBe(200);
  });

  it('slow an account down, never lock it, when many clients guess it wrong', async () => {
    clock = minutes(30);
    // one wrong guess from each of 20 clients uses up the account's failures from all clients
    for (let i = 0; i < 20; i++) expect((await attempt('foredragande', `gissning-${i}`, `10.0.3.${i}`)).statusCode).toBe(401);
    const started = Date.now();
    const owner = await attempt('foredragande', 'styrkort-demo', '10.0.3.200');
    expect(owner.statusCode).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(ACCOUNT_SLOWDOWN_MS);
  });

  it('refuse an address after its burst of attempts, whatever the user names', async () => {
    clock = minutes(10);
    for (let i = 0; i < 8; i++) expect((await attempt(`namn${i}`, 'fel-lösenord-123', '10.0.2.1')).statusCode).toBe(401);
    const refused = await attempt('admin', 'styrkort-demo', '10.0.2.1');
    expect(refused.statusCode).toBe(429);
    expect(refused.headers['retry-after']).toBe('30');
    expect(refused.json().error.message).toBe('För många inloggningsförsök från din adress. Vänta 30 sekunder och försök igen.');
    expect((await attempt('admin', 'styrkort-demo', '10.0.2.2')).statusCode).toBe(200);
  });

  it('limit deck renderings, uploads and Kolada syncs per user', async () => {
    clock = minutes(20);
    const analyst = await loginAs(limited, 'analytiker');
    const secretary = await loginAs(limited, 'sekreterare');
    const deck = (s: Session) => limited.inject({ url: '/api/meetings/rs-2026-05-06/deck.html', headers: sessionHeaders(s) });
    expect((await deck(analyst)).statusCode).toBe(200);
    expect((await deck(analyst)).statusCode).toBe(200);
    const third = await deck(analyst);
    expect(third.statusCode).toBe(429);
    expect(third.headers['retry-after']).toBe('60');
    expect(third.json().error.message).toBe('För många styrelsepaket på kort tid. Vänta 60 sekunder och försök igen.');
    expect((await deck(secretary)).statusCode).toBe(200);

    const upload = () => limited.inject({ method: 'POST', url: '/api/imports', headers: { ...sessionHeaders(analyst, 'POST'), 'content-type': 'application/json' }, payload: {} });
    expect((await upload()).statusCode).toBe(400); // not a file, but an upload attempt all the same
    const second = await upload();
    expect(second.statusCode).toBe(429);
    expect(second.json().error.message).toBe('För många uppladdningar på kort tid. Vänta 60 sekunder och försök igen.');

    const sync = () => limited.inject({ method: 'POST', url: '/api/kolada/sync', headers: sessionHeaders(analyst, 'POST'), payload: {} });
    expect((await sync()).statusCode).toBe(400);
    expect((await sync()).json().error.message).toBe('För många hämtningar från Kolada på kort tid. Vänta 60 sekunder och försök igen.');
  });
});
