import type { Role } from '../../src/domain/access.js';
import type { Authenticated, Authenticator } from '../../src/server/auth/principal.js';

/**
 * Who in-process tests are: an authenticator passed to the app (AppDependencies.authenticator)
 * that makes every request come from one principal. It has no session and so no CSRF token
 * (CSRF guards cookie sessions; tests of sessions and CSRF log in for real, test/api/session*).
 */
export function principal(roles: readonly Role[], extra: Partial<Authenticated> = {}): Authenticated {
  return {
    userId: '00000000-0000-4000-8000-00000000000a',
    roles,
    personId: null,
    sessionId: null,
    csrfToken: null,
    displayName: `Test (${roles.join(', ') || 'utan roll'})`,
    ...extra,
  };
}

export const ADMIN = principal(['admin']);

export function as(who: Authenticated | null): Authenticator {
  return async () => who;
}
