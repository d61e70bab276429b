import path from 'node:path';
import { z } from 'zod';
import { StyrkortError } from '../domain/errors.js';

/**
 * Settings of the board pack from the environment: the organisation's theme file and where
 * Chromium is (for PDF). Both optional; unknown in, typed out, problems in Swedish.
 */
export interface DeckEnv {
  /** STYRKORT_DECK_THEME: a theme file (JSON), resolved against the working directory; null = the default theme. */
  themeFile: string | null;
  /** STYRKORT_CHROMIUM, else /usr/bin/chromium (Debian's package). */
  chromiumPath: string;
}

export const DEFAULT_CHROMIUM = '/usr/bin/chromium';

const schema = z.object({
  STYRKORT_DECK_THEME: z.string().trim().min(1).optional(),
  STYRKORT_CHROMIUM: z.string().trim().min(1).optional(),
});

export function loadDeckEnv(env: Record<string, string | undefined>, cwd: string): DeckEnv {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const result = schema.safeParse(cleaned);
  if (!result.success) {
    const details = result.error.issues.map((i) => ({ where: String(i.path[0] ?? ''), message: i.message }));
    throw new StyrkortError('config', `Felaktig konfiguration: ${details.map((d) => `${d.where}: ${d.message}`).join('; ')}`, details);
  }
  return {
    themeFile: result.data.STYRKORT_DECK_THEME ? path.resolve(cwd, result.data.STYRKORT_DECK_THEME) : null,
    chromiumPath: result.data.STYRKORT_CHROMIUM ?? DEFAULT_CHROMIUM,
  };
}
