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
}

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
  };
}
