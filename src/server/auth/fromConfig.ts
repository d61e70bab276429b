import type { Config } from '../../config/env.js';
import { oidcEffectsFor } from '../../services/oidc.js';
import type { AuthOptions } from './settings.js';

/** Logins and sessions as the environment configures them (config/env.ts). */
export function authOptions(cfg: Config): AuthOptions {
  return {
    cookieSecure: cfg.cookieSecure,
    policy: { idleMs: cfg.sessionIdleMinutes * 60_000, absoluteMs: cfg.sessionMaxHours * 3_600_000 },
    oidc: cfg.oidc ? { ...cfg.oidc, execute: oidcEffectsFor(cfg.oidc.issuer) } : null,
  };
}
