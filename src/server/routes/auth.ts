import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { PERMISSIONS, permissionsOf, ROLES } from '../../domain/access.js';
import { MAX_PASSWORD_LENGTH, normalizeUsername } from '../../domain/accounts.js';
import { StyrkortError } from '../../domain/errors.js';
import { safeReturnPath } from '../../domain/origin.js';
import { userForIdentity } from '../../services/accounts.js';
import { checkPassword, endSession, openSession, recordActivity, type CurrentSession } from '../../services/sessions.js';
import type { AppDependencies } from '../deps.js';
import { requireUser } from '../auth/guard.js';
import type { Authenticated } from '../auth/principal.js';
import { presentedToken, principalOf, rememberSession, sessionOf } from '../auth/sessionAuthenticator.js';
import { logRefusal } from '../auth/refusals.js';
import { OIDC_COOKIE, SESSION_COOKIE } from '../auth/settings.js';
import { ACCOUNT_SLOWDOWN_MS } from '../security/rateLimit.js';
import type { ErrorBody } from '../errors.js';

/**
 * Logging in and out, and the session the web app keeps:
 *
 *   GET  /api/auth/providers        which logins this server offers (password; OpenID Connect?)
 *   POST /api/auth/login            user name and password → a new session (cookie), always a new id
 *   POST /api/auth/logout           ends the session on the server
 *   GET  /api/auth/session          who is logged in: roles, permissions, CSRF token, deadlines (401 if nobody)
 *   POST /api/auth/session/extend   activity: the idle deadline moves on (the idle warning's one key)
 *   GET  /api/auth/oidc/start       to the identity provider (state, nonce, PKCE in a short-lived cookie)
 *   GET  /api/auth/oidc/callback    back from it: checked, user found by (issuer, subject), new session
 *
 * The callback is the one GET that changes something (it must be: the provider redirects the
 * browser there); it does so only with a valid state cookie and an answer the provider signed.
 */
const LOGIN_PAGE = '/logga-in';

const sessionSchema = z.object({
  user: z.object({ id: z.string(), displayName: z.string(), username: z.string().nullable(), email: z.string().nullable(), personId: z.string().nullable() }),
  roles: z.array(z.enum(ROLES)),
  permissions: z.array(z.enum(PERMISSIONS)),
  csrfToken: z.string().nullable(),
  idleExpiresAt: z.string().nullable(),
  absoluteExpiresAt: z.string().nullable(),
  /** The idle time in seconds, for the web app's warning before it runs out. */
  idleSeconds: z.number().int().nullable(),
  /** The server's clock now, so the web app can count down without trusting the browser's clock. */
  serverTime: z.string(),
});
type SessionBody = z.infer<typeof sessionSchema>;

function sessionBody(principal: Authenticated, session: CurrentSession | null, now: Date, idleMs: number): SessionBody {
  const permissions = permissionsOf(principal.roles);
  return {
    user: { id: principal.userId, displayName: principal.displayName, username: session?.username ?? null, email: session?.email ?? null, personId: principal.personId },
    roles: [...principal.roles],
    permissions: PERMISSIONS.filter((p) => permissions.has(p)),
    csrfToken: principal.csrfToken,
    idleExpiresAt: session ? session.idleExpiresAt.toISOString() : null,
    absoluteExpiresAt: session ? session.absoluteExpiresAt.toISOString() : null,
    idleSeconds: session ? Math.round(idleMs / 1000) : null,
    serverTime: now.toISOString(),
  };
}

const errorBody = z.object({ error: z.object({ code: z.string(), message: z.string(), details: z.array(z.unknown()), requestId: z.string() }) });

export const authRoutes: FastifyPluginAsyncZod<{ deps: AppDependencies }> = async (app, { deps }) => {
  const runtime = app.auth;

  function setSessionCookie(reply: FastifyReply, token: string): void {
    void reply.setCookie(SESSION_COOKIE, token, { httpOnly: true, secure: runtime.cookieSecure, sameSite: 'lax', path: '/' });
  }
  function clearSessionCookie(reply: FastifyReply): void {
    void reply.clearCookie(SESSION_COOKIE, { httpOnly: true, secure: runtime.cookieSecure, sameSite: 'lax', path: '/' });
  }
  function context(request: FastifyRequest) {
    return { presentedToken: presentedToken(request), ip: request.ip, userAgent: typeof request.headers['user-agent'] === 'string' ? request.headers['user-agent'] : null, requestId: String(request.id) };
  }
  function view(_request: FastifyRequest, principal: Authenticated, session: CurrentSession | null): SessionBody {
    return sessionBody(principal, session, runtime.sessions.now(), runtime.sessions.policy.idleMs);
  }

  app.get(
    '/auth/providers',
    {
      config: { access: 'public' },
      schema: {
        tags: ['konton'],
        summary: 'Vilka inloggningar servern erbjuder: lösenord, och inloggningstjänsten (OpenID Connect) om den är inställd',
        response: { 200: z.object({ password: z.literal(true), oidc: z.boolean(), oidcStart: z.string().nullable() }) },
      },
    },
    async () => ({ password: true as const, oidc: runtime.oidc !== null, oidcStart: runtime.oidc ? '/api/auth/oidc/start' : null }),
  );

  app.post(
    '/auth/login',
    {
      config: { access: 'public', csrf: 'exempt' },
      schema: {
        tags: ['konton'],
        summary: 'Logga in med användarnamn och lösenord: en ny session (ny kaka) varje gång; en session webbläsaren redan hade avslutas',
        body: z.object({ username: z.string().trim().min(1, 'ange användarnamn').max(200), password: z.string().min(1, 'ange lösenord').max(MAX_PASSWORD_LENGTH) }),
        response: { 200: sessionSchema, 401: errorBody, 403: errorBody, 429: errorBody },
      },
    },
    async (request, reply) => {
      const username = normalizeUsername(request.body.username);
      const userAtClient = `${username}\n${request.ip}`;
      runtime.limiter.take('login_ip', request.ip, reply);
      runtime.limiter.check('login_user_client', userAtClient, reply);
      // many failures on this account from many clients: every login to it waits, none is refused
      if (runtime.limiter.empty('login_user', username)) await new Promise((resolve) => setTimeout(resolve, ACCOUNT_SLOWDOWN_MS));
      const result = await checkPassword(deps.db, username, request.body.password);
      if (!result.ok) {
        if (result.reason === 'wrong') {
          runtime.limiter.spend('login_user_client', userAtClient);
          runtime.limiter.spend('login_user', username);
          logRefusal(request, 'login_failed', 'fel användarnamn eller lösenord', { username });
          throw new StyrkortError('unauthenticated', 'Fel användarnamn eller lösenord.');
        }
        logRefusal(request, 'login_disabled', 'kontot är avstängt', { username });
        throw new StyrkortError('forbidden', 'Kontot är avstängt. Kontakta en administratör.');
      }
      const opened = await openSession(deps.db, runtime.sessions, result.userId, result.displayName, context(request));
      setSessionCookie(reply, opened.token);
      void reply.header('cache-control', 'no-store');
      request.log.info({ userId: opened.session.userId, username }, 'inloggad');
      return view(request, principalOf(opened.session), opened.session);
    },
  );

  app.post(
    '/auth/logout',
    { config: { access: 'public' }, schema: { tags: ['konton'], summary: 'Logga ut: sessionen avslutas på servern och kakan tas bort' } },
    async (request, reply) => {
      const session = sessionOf(request);
      if (session) await endSession(deps.db, runtime.sessions, session, String(request.id));
      clearSessionCookie(reply);
      return reply.status(204).send();
    },
  );

  app.get(
    '/auth/session',
    {
      config: { access: 'public' },
      schema: {
        tags: ['konton'],
        summary: 'Vem som är inloggad: roller, behörigheter, CSRF-token och när sessionen upphör (401 om ingen är inloggad)',
        response: { 200: sessionSchema, 401: errorBody },
      },
    },
    async (request, reply) => {
      void reply.header('cache-control', 'no-store');
      // not a refusal (not logged): the web app asks this to know whether to show the login page
      if (!request.principal) {
        const body: ErrorBody = { error: { code: 'unauthenticated', message: 'Du är inte inloggad.', details: [], requestId: String(request.id) } };
        return reply.status(401).send(body);
      }
      return view(request, request.principal, sessionOf(request));
    },
  );

  app.post(
    '/auth/session/extend',
    {
      config: { access: 'user' },
      schema: {
        tags: ['konton'],
        summary: 'Förläng sessionen: tiden utan aktivitet räknas från nu (varningens förlängning med en tangent)',
        response: { 200: sessionSchema, 401: errorBody },
      },
    },
    async (request, reply) => {
      const principal = requireUser(request);
      let session = sessionOf(request);
      if (session) {
        session = await recordActivity(deps.db, runtime.sessions, session, String(request.id));
        rememberSession(request, session);
      }
      void reply.header('cache-control', 'no-store');
      return view(request, principal, session);
    },
  );

  const pendingSchema = z.object({ state: z.string(), nonce: z.string(), verifier: z.string(), returnTo: z.string() });
  const oidcCookie = { httpOnly: true, secure: runtime.cookieSecure, sameSite: 'lax' as const, path: '/api/auth/oidc' };

  app.get(
    '/auth/oidc/start',
    {
      config: { access: 'public' },
      schema: {
        tags: ['konton'],
        summary: 'Logga in via inloggningstjänsten (OpenID Connect): skickar webbläsaren dit; returnTo = sidan att komma tillbaka till',
        querystring: z.object({ returnTo: z.string().max(2000).optional() }),
      },
    },
    async (request, reply) => {
      if (!runtime.oidc) throw new StyrkortError('not_found', 'Inloggning via inloggningstjänsten (OpenID Connect) är inte inställd på den här servern.');
      const { url, pending } = await runtime.oidc.start(safeReturnPath(request.query.returnTo));
      void reply.setCookie(OIDC_COOKIE, JSON.stringify(pending), { ...oidcCookie, signed: true, maxAge: 600 });
      void reply.header('cache-control', 'no-store');
      return reply.redirect(url, 302);
    },
  );

  app.get(
    '/auth/oidc/callback',
    { config: { access: 'public' }, schema: { tags: ['konton'], summary: 'Återkomst från inloggningstjänsten: kontrolleras, användaren hittas via (utfärdare, subjekt), ny session' } },
    async (request, reply) => {
      void reply.clearCookie(OIDC_COOKIE, oidcCookie);
      void reply.header('cache-control', 'no-store');
      const fail = (refusal: string, message: string, code: string, error: unknown = null) => {
        logRefusal(request, refusal, message, error ? { reason: (error as Error).message } : {});
        return reply.redirect(`${LOGIN_PAGE}?fel=${code}`, 302);
      };
      if (!runtime.oidc) throw new StyrkortError('not_found', 'Inloggning via inloggningstjänsten (OpenID Connect) är inte inställd på den här servern.');
      const raw = request.cookies[OIDC_COOKIE];
      const unsigned = raw ? request.unsignCookie(raw) : null;
      const pending = unsigned?.valid && unsigned.value ? pendingSchema.safeParse(JSON.parse(unsigned.value)) : null;
      if (!pending?.success) return fail('oidc_state', 'inloggningen saknar sitt tillstånd (kakan) eller har gått ut', 'oidc-tillstand');
      const query = request.url.includes('?') ? request.url.slice(request.url.indexOf('?') + 1) : '';
      if (new URLSearchParams(query).has('error')) return fail('oidc_error', 'inloggningstjänsten avbröt inloggningen', 'oidc-avbruten');
      let claims;
      try {
        claims = await runtime.oidc.finish(query, pending.data);
      } catch (error) {
        return fail('oidc_invalid', 'inloggningstjänstens svar kunde inte bekräftas', 'oidc', error);
      }
      const user = await userForIdentity(deps.db, { userId: null, name: 'inloggning (OpenID Connect)', requestId: String(request.id) }, claims);
      if (user.disabledAt !== null) return fail('login_disabled', 'kontot är avstängt', 'avstangd');
      const opened = await openSession(deps.db, runtime.sessions, user.id, user.displayName, context(request));
      setSessionCookie(reply, opened.token);
      request.log.info({ userId: user.id, issuer: claims.issuer }, 'inloggad via OpenID Connect');
      return reply.redirect(safeReturnPath(pending.data.returnTo), 302);
    },
  );
};
