import type { FastifyRequest } from 'fastify';
import { currentSession, type CurrentSession } from '../../services/sessions.js';
import type { Store } from '../../services/store.js';
import type { Authenticated, Authenticator } from './principal.js';
import { SESSION_COOKIE, type AuthRuntime } from './settings.js';

/**
 * The production authenticator: the `styrkort_session` cookie's token, looked up (as its
 * SHA-256) in PostgreSQL. A session that has ended, expired or whose user is disabled is no
 * session. Reading never writes: activity is recorded only by state-changing requests and by
 * an explicit extension, so a GET changes nothing.
 */
const SESSIONS = new WeakMap<FastifyRequest, CurrentSession>();

/** The session behind a request's principal (null for an anonymous request or another authenticator). */
export function sessionOf(request: FastifyRequest): CurrentSession | null {
  return SESSIONS.get(request) ?? null;
}

export function presentedToken(request: FastifyRequest): string | null {
  const token = request.cookies[SESSION_COOKIE];
  return typeof token === 'string' && token !== '' ? token : null;
}

export function principalOf(session: CurrentSession): Authenticated {
  return {
    userId: session.userId,
    roles: session.roles,
    personId: session.personId,
    sessionId: session.id,
    csrfToken: session.csrfToken,
    displayName: session.displayName,
  };
}

export function sessionAuthenticator(db: Store, runtime: AuthRuntime): Authenticator {
  return async (request) => {
    const token = presentedToken(request);
    if (token === null) return null;
    const session = await currentSession(db, runtime.sessions, token);
    if (!session) return null;
    SESSIONS.set(request, session);
    return principalOf(session);
  };
}

/** After a request changed the session (activity, extension), later reads of it see the new deadlines. */
export function rememberSession(request: FastifyRequest, session: CurrentSession): void {
  SESSIONS.set(request, session);
}
