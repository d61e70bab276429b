import path from 'node:path';
import { loadDeckEnv } from '../config/deck.js';
import type { DeckSettings } from './deck.js';
import { loadDeckTheme } from './deckTheme.js';

/**
 * The board pack's settings from the environment (STYRKORT_DECK_THEME, STYRKORT_CHROMIUM), with a
 * theme file given on the command line taking the environment's place.
 */
export async function deckSettings(env: Record<string, string | undefined>, cwd: string, themeFile: string | null = null): Promise<DeckSettings> {
  const fromEnv = loadDeckEnv(env, cwd);
  const file = themeFile === null ? fromEnv.themeFile : path.resolve(cwd, themeFile);
  return { theme: await loadDeckTheme(file), chromiumPath: fromEnv.chromiumPath };
}
