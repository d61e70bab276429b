import { isIP } from 'node:net';
import path from 'node:path';
import { z } from 'zod';
import { StyrkortError } from '../domain/errors.js';

/**
 * Configuration arrives as environment variables (`unknown`) and is normalised here, once, at
 * start-up. Every problem is listed, in Swedish, with the variable and how to fix it.
 */
export interface Config {
  /** External PostgreSQL ≥ 15; null = the embedded database in `dataDir`. */
  databaseUrl: string | null;
  host: string;
  port: number;
  /** Data directory of the embedded PostgreSQL. */
  dataDir: string;
  /** Fixed port for the embedded PostgreSQL, or null to take a free one. */
  embeddedPgPort: number | null;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'silent';
  /** Base URL of the Kolada API v3. */
  koladaUrl: string;
  /** Largest file the HTTP import endpoint takes, in bytes. */
  importMaxBytes: number;
  /** Whether the session cookie is marked Secure (browsers accept it on http://127.0.0.1 and localhost too). */
  cookieSecure: boolean;
  /** A session ends after this many minutes without activity. */
  sessionIdleMinutes: number;
  /** A session ends at the latest this many hours after login. */
  sessionMaxHours: number;
  /** Login through OpenID Connect; null when not configured (local accounts only). */
  oidc: OidcConfig | null;
  /**
   * Which reverse proxies' X-Forwarded-For to believe: false (none, the default: a client could
   * claim any address), the number of proxies in front, or their addresses (IP or CIDR).
   */
  trustProxy: false | number | string[];
}

/** "10.0.0.0/8", "127.0.0.1", "::1", "fd00::/8": an address, or a network with its prefix length. */
function isAddressOrNetwork(text: string): boolean {
  const [address, prefix, extra] = text.split('/');
  const version = isIP(address ?? '');
  if (version === 0 || extra !== undefined) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (version === 4 ? 32 : 128);
}

export interface OidcConfig {
  issuer: string;
  clientId: string;
  clientSecret: string;
  redirectUri: string;
}

const OIDC_VARS = ['STYRKORT_OIDC_ISSUER', 'STYRKORT_OIDC_CLIENT_ID', 'STYRKORT_OIDC_CLIENT_SECRET', 'STYRKORT_OIDC_REDIRECT_URI'] as const;

function isHttpUrl(v: string, options: { httpOnLoopback: boolean }): boolean {
  try {
    const u = new URL(v);
    if (u.protocol === 'https:') return true;
    return options.httpOnLoopback && u.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(u.hostname);
  } catch {
    return false;
  }
}

const minutes = (name: string, max: number, fallback: number) =>
  z
    .string()
    .regex(/^\d+$/, `${name} ska vara ett heltal`)
    .transform(Number)
    .refine((n) => n >= 1 && n <= max, `${name} ska vara 1–${max}`)
    .default(fallback);

const port = (name: string) =>
  z
    .string()
    .regex(/^\d+$/, `${name} ska vara ett portnummer (1–65535)`)
    .transform(Number)
    .refine((n) => n >= 1 && n <= 65535, `${name} ska vara ett portnummer (1–65535)`);

const schema = z.object({
  DATABASE_URL: z
    .string()
    .trim()
    .refine((v) => {
      try {
        const u = new URL(v);
        return u.protocol === 'postgres:' || u.protocol === 'postgresql:';
      } catch {
        return false;
      }
    }, 'DATABASE_URL ska vara en adress som postgres://användare:lösenord@värd:5432/databas')
    .optional(),
  HOST: z.string().trim().min(1).default('127.0.0.1'),
  PORT: port('PORT').default(3000),
  STYRKORT_DATA_DIR: z.string().trim().min(1).default('data/pg'),
  STYRKORT_PG_PORT: port('STYRKORT_PG_PORT').optional(),
  STYRKORT_KOLADA_URL: z
    .string()
    .trim()
    .refine((v) => {
      try {
        const u = new URL(v);
        return u.protocol === 'https:' || u.protocol === 'http:';
      } catch {
        return false;
      }
    }, 'STYRKORT_KOLADA_URL ska vara en adress som https://api.kolada.se/v3')
    .default('https://api.kolada.se/v3'),
  STYRKORT_IMPORT_MAX_MB: z
    .string()
    .regex(/^\d+$/, 'STYRKORT_IMPORT_MAX_MB ska vara ett heltal (megabyte), t.ex. 50')
    .transform(Number)
    .refine((n) => n >= 1 && n <= 2048, 'STYRKORT_IMPORT_MAX_MB ska vara 1–2048')
    .default(50),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'silent'], { error: 'LOG_LEVEL ska vara fatal, error, warn, info, debug eller silent' }).default('info'),
  STYRKORT_COOKIE_SECURE: z
    .enum(['true', 'false', '1', '0'], { error: 'STYRKORT_COOKIE_SECURE ska vara true eller false' })
    .transform((v) => v === 'true' || v === '1')
    .default(true),
  STYRKORT_TRUST_PROXY: z
    .string()
    .trim()
    .transform((v, ctx): false | number | string[] => {
      if (/^(false|0|nej)$/i.test(v)) return false;
      if (/^\d+$/.test(v)) {
        const hops = Number(v);
        if (hops <= 10) return hops;
      } else {
        const entries = v.split(',').map((e) => e.trim()).filter(Boolean);
        const bad = entries.filter((e) => !isAddressOrNetwork(e));
        if (entries.length > 0 && bad.length === 0) return entries;
        if (bad.length > 0) {
          ctx.addIssue({ code: 'custom', message: `STYRKORT_TRUST_PROXY: ${bad.map((b) => `"${b}"`).join(', ')} är ingen IP-adress eller inget nät (t.ex. 10.0.0.5 eller 10.0.0.0/8)` });
          return z.NEVER;
        }
      }
      ctx.addIssue({ code: 'custom', message: 'STYRKORT_TRUST_PROXY ska vara antalet proxyer framför Styrkort (1–10) eller deras adresser, kommaseparerade (t.ex. 10.0.0.5,10.0.1.0/24); utan variabeln litar Styrkort inte på X-Forwarded-For' });
      return z.NEVER;
    })
    .default(false),
  STYRKORT_SESSION_IDLE_MIN: minutes('STYRKORT_SESSION_IDLE_MIN (minuter utan aktivitet innan sessionen upphör)', 24 * 60, 30),
  STYRKORT_SESSION_MAX_HOURS: minutes('STYRKORT_SESSION_MAX_HOURS (timmar en session varar som längst)', 7 * 24, 12),
  STYRKORT_OIDC_ISSUER: z
    .string()
    .trim()
    .refine((v) => isHttpUrl(v, { httpOnLoopback: true }), 'STYRKORT_OIDC_ISSUER ska vara inloggningstjänstens adress med https://, t.ex. https://login.regionkalmar.se/realms/styrkort')
    .optional(),
  STYRKORT_OIDC_CLIENT_ID: z.string().trim().min(1).optional(),
  STYRKORT_OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  STYRKORT_OIDC_REDIRECT_URI: z
    .string()
    .trim()
    .refine(
      (v) => isHttpUrl(v, { httpOnLoopback: true }) && new URL(v).pathname === '/api/auth/oidc/callback',
      'STYRKORT_OIDC_REDIRECT_URI ska vara den här serverns adress för återkomst från inloggningen, t.ex. https://styrkort.regionkalmar.se/api/auth/oidc/callback',
    )
    .optional(),
}).superRefine((e, ctx) => {
  const given = OIDC_VARS.filter((name) => e[name] !== undefined);
  if (given.length > 0 && given.length < OIDC_VARS.length) {
    for (const name of OIDC_VARS.filter((n) => e[n] === undefined)) {
      ctx.addIssue({ code: 'custom', path: [name], message: `${name} saknas: inloggning med OpenID Connect kräver alla fyra STYRKORT_OIDC_*-variablerna, eller ingen av dem` });
    }
  }
  if (e.STYRKORT_SESSION_IDLE_MIN > e.STYRKORT_SESSION_MAX_HOURS * 60) {
    ctx.addIssue({ code: 'custom', path: ['STYRKORT_SESSION_IDLE_MIN'], message: 'STYRKORT_SESSION_IDLE_MIN får inte vara längre än STYRKORT_SESSION_MAX_HOURS' });
  }
});

export function loadConfig(env: Record<string, string | undefined>, cwd: string): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const result = schema.safeParse(cleaned);
  if (!result.success) {
    const details = result.error.issues.map((i) => ({ where: String(i.path[0] ?? ''), message: i.message }));
    throw new StyrkortError('config', `Felaktig konfiguration: ${details.map((d) => d.message).join('; ')}`, details);
  }
  const e = result.data;
  return {
    databaseUrl: e.DATABASE_URL ?? null,
    host: e.HOST,
    port: e.PORT,
    dataDir: path.resolve(cwd, e.STYRKORT_DATA_DIR),
    embeddedPgPort: e.STYRKORT_PG_PORT ?? null,
    logLevel: e.LOG_LEVEL,
    koladaUrl: e.STYRKORT_KOLADA_URL,
    importMaxBytes: e.STYRKORT_IMPORT_MAX_MB * 1024 * 1024,
    cookieSecure: e.STYRKORT_COOKIE_SECURE,
    sessionIdleMinutes: e.STYRKORT_SESSION_IDLE_MIN,
    sessionMaxHours: e.STYRKORT_SESSION_MAX_HOURS,
    trustProxy: e.STYRKORT_TRUST_PROXY,
    oidc:
      e.STYRKORT_OIDC_ISSUER && e.STYRKORT_OIDC_CLIENT_ID && e.STYRKORT_OIDC_CLIENT_SECRET && e.STYRKORT_OIDC_REDIRECT_URI
        ? { issuer: e.STYRKORT_OIDC_ISSUER, clientId: e.STYRKORT_OIDC_CLIENT_ID, clientSecret: e.STYRKORT_OIDC_CLIENT_SECRET, redirectUri: e.STYRKORT_OIDC_REDIRECT_URI }
        : null,
  };
}
