import { DEFAULT_SESSION_POLICY, type SessionPolicy } from '../../domain/session.js';
import { OidcLogin, type OidcSettings } from '../../services/oidc.js';
import type { SessionSettings } from '../../services/sessions.js';
import { DEFAULT_RATE_LIMITS, RateLimiter, type RateLimitRules } from '../security/rateLimit.js';

/**
 * How logins and sessions behave, passed in through AppDependencies (`auth`). Everything has a
 * default; tests pass a clock (`now`), a local OpenID provider, or tighter rate limits.
 */
export interface AuthOptions {
  /** Mark the session cookie Secure (default true; browsers accept it on http://127.0.0.1 too). */
  cookieSecure?: boolean;
  policy?: SessionPolicy;
  /** The clock: sessions' deadlines and the rate limits' buckets read it. */
  now?: () => Date;
  /** Login through OpenID Connect; null or left out: local accounts only. */
  oidc?: OidcSettings | null;
  rateLimits?: Partial<RateLimitRules>;
}

export interface AuthRuntime {
  sessions: SessionSettings;
  cookieSecure: boolean;
  oidc: OidcLogin | null;
  limiter: RateLimiter;
}

export const SESSION_COOKIE = 'styrkort_session';
export const OIDC_COOKIE = 'styrkort_oidc';

export function authRuntime(options: AuthOptions = {}): AuthRuntime {
  const now = options.now ?? (() => new Date());
  return {
    sessions: { policy: options.policy ?? DEFAULT_SESSION_POLICY, now },
    cookieSecure: options.cookieSecure ?? true,
    oidc: options.oidc ? new OidcLogin(options.oidc) : null,
    limiter: new RateLimiter({ ...DEFAULT_RATE_LIMITS, ...options.rateLimits }, () => now().getTime()),
  };
}
