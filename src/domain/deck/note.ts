import type { FigureNote } from './model.js';

/**
 * The line under every slide that shows figures: the period, the source, and the mark for
 * preliminary values. "Period: mars 2026. Källa: TeleQ. * Preliminärt värde."
 */
export const PRELIMINARY_MARK = '*';

export function figureNote(periods: readonly string[], sources: readonly string[], preliminary: boolean): FigureNote {
  const p = [...new Set(periods.filter((x) => x !== ''))];
  const s = [...new Set(sources.filter((x) => x !== ''))];
  const parts: string[] = [];
  if (p.length > 0) parts.push(`Period: ${p.join(', ')}.`);
  parts.push(s.length > 0 ? `Källa: ${s.join(', ')}.` : 'Källa: uppgift saknas.');
  if (preliminary) parts.push(`${PRELIMINARY_MARK} Preliminärt värde.`);
  return { periods: p, sources: s, preliminary, text: parts.join(' ') };
}

/** A figure as displayed, marked when preliminary: "97 %*". */
export function marked(display: string, preliminary: boolean): string {
  return preliminary ? `${display}${PRELIMINARY_MARK}` : display;
}

/** "2017–2023" for a run of periods, or the one period. */
export function periodRange(labels: readonly string[]): string {
  const first = labels[0];
  const last = labels[labels.length - 1];
  if (first === undefined || last === undefined) return '';
  return first === last ? first : `${first}\u2013${last}`;
}
