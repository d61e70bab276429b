import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { can, type Principal } from '../../src/domain/access.js';
import { buildApp, type App } from '../../src/server/app.js';
import type { RouteAccess } from '../../src/server/auth/routeAccess.js';
import { demoDatabase } from '../support/demo.js';
import { addDraftMeeting, type DraftFixture } from '../support/drafts.js';
import { apiRoutes, bodyFor, fillPath, queryFor, type Param } from '../support/routes.js';
import { LogCapture, loginAs, sessionHeaders, type Session } from '../support/session.js';
import type { TestDatabase } from '../support/testDatabase.js';

/**
 * The generated access matrix: every caller (anonymous and each demo role, logged in for real)
 * × every API route of the app (taken from the app, so routes added later are in it too) ×
 * ids of objects the caller must not touch — a draft meeting and its items, blocks and picture
 * for a reader, another presenter's item for a presenter, another user for everyone but the
 * administrator. Each call the rules say must be refused is made: 0 may succeed, each refusal
 * must be 401/403/404 and be logged. Calls the rules allow are made for GET routes only (they
 * change nothing): none may be refused for want of rights.
 */
interface Caller {
  name: string;
  session: Session | null;
  principal: Principal | null;
}

const USERNAMES = ['lasare', 'foredragande', 'analytiker', 'sekreterare', 'admin'] as const;
const ROLES_OF: Record<(typeof USERNAMES)[number], Principal['roles']> = {
  lasare: ['reader'],
  foredragande: ['presenter'],
  analytiker: ['analyst'],
  sekreterare: ['secretary'],
  admin: ['admin'],
};
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

type ObjectKind = 'draft_meeting' | 'other_item' | 'other_user' | 'draft_asset' | 'other';

let t: TestDatabase;
let app: App;
let draft: DraftFixture;
let otherUserId: string;
const log = new LogCapture();
const callers: Caller[] = [];

beforeAll(async () => {
  t = await demoDatabase();
  draft = await addDraftMeeting(t.db);
  app = await buildApp({ db: t.db, version: 'test', logLevel: 'info', logStream: log, auth: { rateLimits: { login_ip: { capacity: 100, perMinute: 100 }, deck: { capacity: 100, perMinute: 100 } } } });
  // a second presenter: the owner of the other item, and "another user" for everyone
  const admin = await loginAs(app, 'admin');
  const created = await app.inject({
    method: 'POST',
    url: '/api/users',
    headers: sessionHeaders(admin, 'POST'),
    payload: { username: 'mattias.ask', displayName: 'Mattias Ask', password: 'trafik-2026-kalmar', roles: ['presenter'], personId: 'mattias-ask' },
  });
  otherUserId = created.json<{ id: string }>().id;
  callers.push({ name: 'anonym', session: null, principal: null });
  for (const username of USERNAMES) {
    const session = await loginAs(app, username);
    callers.push({ name: username, session, principal: { userId: session.userId, roles: ROLES_OF[username], personId: username === 'foredragande' ? 'helen-persson' : null } });
  }
});
afterAll(async () => {
  await app?.close();
  await t?.drop();
});

/** Someone else's object for each kind of path parameter; `kinds` records what the path holds. */
function foreignObject(param: Param, kinds: Set<ObjectKind>): string {
  switch (param.segment) {
    case 'meetings':
      kinds.add('draft_meeting');
      return draft.meetingId;
    case 'items':
    case 'agenda-items':
      kinds.add('draft_meeting').add('other_item');
      return draft.otherItemId;
    case 'blocks':
      kinds.add('draft_meeting').add('other_item');
      return draft.otherBlockId;
    case 'assets':
      kinds.add('draft_asset');
      return draft.assetId;
    case 'users':
      kinds.add('other_user');
      return otherUserId;
    case 'indicators':
      return draft.indicatorId;
    case 'goals':
      return draft.goalId;
    case 'plan-periods':
      return '2026-2028';
    case 'imports':
      return '00000000-0000-4000-8000-0000000000ff';
    case 'import-batches':
    case 'versions':
      return '1';
    default:
      kinds.add('other');
      return param.name === 'kind' ? 'area' : 'x';
  }
}

/** Why the caller must be refused this call, or null when the rules allow it. */
function mustRefuse(caller: Caller, route: RouteAccess, kinds: ReadonlySet<ObjectKind>): string | null {
  const access = route.access;
  if (access.kind === 'public') return null;
  const p = caller.principal;
  if (p === null) return 'not logged in';
  if (access.kind === 'user') return null;
  const missing = access.permissions.filter((permission) => !can(p, permission));
  if (missing.length > 0) return `lacks ${missing.join(', ')}`;
  const drafts = kinds.has('draft_meeting') || kinds.has('draft_asset');
  if (drafts && !can(p, 'read_drafts')) return 'a draft, for a reader';
  if (kinds.has('other_item') && UNSAFE.has(route.method) && !can(p, 'edit_meetings')) return 'another presenter’s item';
  if (kinds.has('other_user') && !can(p, 'manage_users')) return 'another user';
  return null;
}

describe('the access matrix', () => {
  it('covers every API route, each with a declared access', () => {
    const routes = apiRoutes(app);
    expect(routes.length).toBeGreaterThan(40);
    const undeclared = routes.filter((r) => r.access.kind === 'permission' && !r.access.declared).map((r) => `${r.method} ${r.url}`);
    expect(undeclared).toEqual([]);
    const open = routes.filter((r) => r.access.kind === 'public').map((r) => `${r.method} ${r.url}`);
    expect(open.sort()).toEqual(
      [
        'GET /api/auth/oidc/callback',
        'GET /api/auth/oidc/start',
        'GET /api/auth/providers',
        'GET /api/auth/session',
        'GET /api/health',
        'GET /api/live',
        'GET /api/ready',
        'GET /api/openapi.json',
        'POST /api/auth/login',
        'POST /api/auth/logout',
      ].sort(),
    );
  });

  it('role × route × someone else’s object: 0 unexpected successes, every refusal 401/403/404 and logged', async () => {
    const unexpected: string[] = [];
    const wrongStatus: string[] = [];
    const unlogged: string[] = [];
    const overBlocked: string[] = [];
    let refusals = 0;
    let allowedReads = 0;
    for (const route of apiRoutes(app)) {
      for (const caller of callers) {
        const kinds = new Set<ObjectKind>();
        const path = fillPath(route.url, (param) => foreignObject(param, kinds));
        const reason = mustRefuse(caller, route, kinds);
        if (reason === null && route.method !== 'GET') continue; // allowed changes are not made here
        const url = `${path}${queryFor(app, route.method, route.url)}`;
        const body = UNSAFE.has(route.method) ? (bodyFor(app, route.method, route.url) ?? {}) : undefined;
        const response = await app.inject({ method: route.method as 'GET', url, headers: sessionHeaders(caller.session, route.method), ...(body === undefined ? {} : { payload: body as object }) });
        const what = `${caller.name} ${route.method} ${url} (${reason ?? 'tillåtet'}) → ${response.statusCode}`;
        if (reason === null) {
          allowedReads += 1;
          // "who is logged in?" is open to all, and its answer to nobody is 401 by contract
          const whoAmIAnonymous = caller.principal === null && route.method === 'GET' && route.url === '/api/auth/session';
          if (whoAmIAnonymous) {
            if (response.statusCode !== 401) wrongStatus.push(`${what}: väntade 401`);
          } else if (response.statusCode === 401 || response.statusCode === 403) overBlocked.push(`${what}: ${response.body.slice(0, 200)}`);
          continue;
        }
        refusals += 1;
        if (response.statusCode < 400) {
          unexpected.push(what);
          continue;
        }
        const expected = caller.principal === null ? [401] : [403, 404];
        if (!expected.includes(response.statusCode)) wrongStatus.push(`${what}: ${response.body.slice(0, 200)}`);
        const requestId = String(response.headers['content-type'] ?? '').includes('json') ? response.json<{ error?: { requestId?: string } }>().error?.requestId : undefined;
        if (!requestId || log.refusals(requestId).length === 0) unlogged.push(what);
      }
    }
    expect(unexpected).toEqual([]);
    expect(wrongStatus).toEqual([]);
    expect(unlogged).toEqual([]);
    expect(overBlocked).toEqual([]);
    // the matrix is not empty: every caller but the administrator is refused somewhere
    expect(refusals).toBeGreaterThan(150);
    expect(allowedReads).toBeGreaterThan(50);
  });

  it('a presenter may change only what is theirs: the rules refuse them another presenter’s item', () => {
    const presenter = callers.find((c) => c.name === 'foredragande') as Caller;
    const route: RouteAccess = { method: 'PATCH', url: '/api/items/:id', access: { kind: 'permission', permissions: ['edit_items'], declared: true }, rateLimit: null };
    expect(mustRefuse(presenter, route, new Set<ObjectKind>(['draft_meeting', 'other_item']))).toBe('another presenter’s item');
    expect(mustRefuse(presenter, { ...route, method: 'GET' }, new Set<ObjectKind>(['draft_meeting', 'other_item']))).toBeNull();
    expect(mustRefuse(callers.find((c) => c.name === 'sekreterare') as Caller, route, new Set<ObjectKind>(['draft_meeting', 'other_item']))).toBeNull();
  });
});

describe('drafts in lists', () => {
  function publicObject(param: Param): string {
    switch (param.segment) {
      case 'meetings':
        return 'rs-2026-05-06';
      case 'indicators':
        return draft.indicatorId;
      case 'goals':
        return draft.goalId;
      case 'plan-periods':
        return '2026-2028';
      default:
        return 'x';
    }
  }
  const leaks = (body: string) => [draft.meetingId, draft.ownItemId, draft.otherItemId, draft.secretWord, draft.assetId].filter((s) => body.includes(s));

  it('a reader finds no trace of a draft in any GET answer: lists, search, coverage, goals, an indicator’s meetings', async () => {
    const reader = callers.find((c) => c.name === 'lasare') as Caller;
    const found: string[] = [];
    for (const route of apiRoutes(app).filter((r) => r.method === 'GET' && r.access.kind !== 'public')) {
      const url = `${fillPath(route.url, publicObject)}${queryFor(app, 'GET', route.url, route.url === '/api/search' ? { q: draft.secretWord } : {})}`;
      const response = await app.inject({ url, headers: sessionHeaders(reader.session) });
      // the search answer repeats the query itself; what it found must not show the draft
      const leaked = leaks(response.body.replace(`"query":"${draft.secretWord}"`, ''));
      if (leaked.length > 0) found.push(`${url} → ${leaked.join(', ')}`);
    }
    expect(found).toEqual([]);
  });

  it('an editor sees the draft in the same answers (so the test above can fail)', async () => {
    const secretary = callers.find((c) => c.name === 'sekreterare') as Caller;
    for (const url of ['/api/meetings', `/api/search?q=${draft.secretWord}`, '/api/coverage', `/api/goals/${encodeURIComponent(draft.goalId)}`, `/api/indicators/${draft.indicatorId}/facets`, `/api/meetings/${draft.meetingId}`]) {
      const response = await app.inject({ url, headers: sessionHeaders(secretary.session) });
      expect(response.statusCode, url).toBe(200);
      expect(leaks(response.body).length, url).toBeGreaterThan(0);
    }
    const picture = await app.inject({ url: `/api/assets/${draft.assetId}`, headers: sessionHeaders(secretary.session) });
    expect(picture.statusCode).toBe(200);
  });
});
