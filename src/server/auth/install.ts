import { randomBytes, timingSafeEqual } from 'node:crypto';
import cookie from '@fastify/cookie';
import type { FastifyInstance, FastifyRequest, RouteOptions } from 'fastify';
import { StyrkortError } from '../../domain/errors.js';
import { requestSource } from '../../domain/origin.js';
import { recordActivity } from '../../services/sessions.js';
import type { AppDependencies } from '../deps.js';
import { securityHeaders } from '../security/headers.js';
import { logRefusal } from './refusals.js';
import { accessGuard, declaredAccess, isApiRoute, UNDECLARED, type RouteAccess } from './routeAccess.js';
import { rememberSession, sessionAuthenticator, sessionOf } from './sessionAuthenticator.js';
import { authRuntime, type AuthRuntime } from './settings.js';

/**
 * Logins, sessions and web security, installed on the application before any route:
 *
 * 1. who is asking — the authenticator (default: the session cookie against PostgreSQL) runs
 *    once per API request and sets `request.principal`;
 * 2. state-changing requests (POST, PUT, PATCH, DELETE) must come from a page of this server
 *    (Origin, or Referer) and, with a session, carry its CSRF token in `X-CSRF-Token`; a
 *    session's activity moves its idle deadline;
 * 3. every API route's declared access is enforced first thing (server/auth/routeAccess.ts),
 *    then its rate limit, if it has one;
 * 4. security headers on every response.
 */
declare module 'fastify' {
  interface FastifyInstance {
    auth: AuthRuntime;
  }
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function header(request: FastifyRequest, name: string): string | null {
  const value = request.headers[name];
  return typeof value === 'string' && value !== '' ? value : null;
}

function sameToken(sent: string, expected: string): boolean {
  const a = Buffer.from(sent, 'utf8');
  const b = Buffer.from(expected, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}

function refuse(request: FastifyRequest, refusal: string, message: string): never {
  logRefusal(request, refusal, message, { origin: header(request, 'origin'), referer: header(request, 'referer') });
  throw new StyrkortError('forbidden', message);
}

async function checkStateChange(request: FastifyRequest, app: FastifyInstance, deps: AppDependencies): Promise<void> {
  const source = requestSource({ origin: header(request, 'origin'), referer: header(request, 'referer'), host: header(request, 'host') });
  if (source === 'foreign') refuse(request, 'foreign_origin', 'Förfrågan kommer från en annan webbplats och nekas.');
  const principal = request.principal;
  if (principal?.csrfToken && request.routeOptions.config?.csrf !== 'exempt') {
    const sent = header(request, 'x-csrf-token');
    if (sent === null || !sameToken(sent, principal.csrfToken)) {
      refuse(request, 'csrf', 'Säkerhetstoken (X-CSRF-Token) saknas eller stämmer inte. Ladda om sidan och försök igen.');
    }
  }
  // activity: the session's idle deadline moves on (the auth routes manage their session themselves)
  const session = sessionOf(request);
  if (session && !(request.routeOptions.url ?? '').startsWith('/api/auth/')) {
    rememberSession(request, await recordActivity(deps.db, app.auth.sessions, session, String(request.id)));
  }
}

function asArray<T>(value: T | T[] | undefined): T[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

export async function installAuth(app: FastifyInstance, deps: AppDependencies): Promise<void> {
  const runtime = authRuntime(deps.auth);
  // signs the short-lived OpenID Connect state cookie; a new secret per process is enough for it
  await app.register(cookie, { secret: randomBytes(32).toString('hex') });
  app.decorate('auth', runtime);
  app.decorate('routeAccess', [] as RouteAccess[]);
  app.decorateRequest('principal', null);

  const authenticate = deps.authenticator ?? sessionAuthenticator(deps.db, runtime);
  app.addHook('onRequest', async (request) => {
    if (!isApiRoute(request.url.split('?')[0] ?? '')) return;
    request.principal = await authenticate(request);
    if (UNSAFE.has(request.method)) await checkStateChange(request, app, deps);
  });

  app.addHook('onRoute', (route: RouteOptions) => {
    if (!isApiRoute(route.url)) return;
    const declared = declaredAccess(route);
    const access = declared ?? UNDECLARED;
    const methods = asArray(route.method).map(String);
    if (declared === null && !methods.every((m) => m === 'HEAD')) {
      app.log.warn({ route: route.url, methods }, `Rutten ${methods.join(',')} ${route.url} anger ingen behörighet (needs(...) eller config.access) och är därför bara öppen för administratörer.`);
    }
    const guard = accessGuard(access);
    const rateLimit = route.config?.rateLimit ?? null;
    const added = [
      ...(guard ? [guard] : []),
      ...(rateLimit
        ? [
            async (request: FastifyRequest, reply: Parameters<NonNullable<typeof guard>>[1]) => {
              runtime.limiter.take(rateLimit, request.principal?.userId ?? request.ip, reply);
            },
          ]
        : []),
    ];
    if (added.length > 0) route.onRequest = [...added, ...(asArray(route.onRequest) as typeof added)];
    for (const method of methods) {
      if (method !== 'HEAD') app.routeAccess.push({ method, url: route.url, access, rateLimit });
    }
  });

  app.addHook('onSend', securityHeaders);
}
