import type { Suggestion } from '../../domain/importView.js';
import { searchKey } from '../../domain/text.js';

/**
 * How alike two names are, 0–1: the Dice coefficient of their letter pairs, after folding case,
 * punctuation and å/ä/ö — enough to suggest "Region Kalmar län" for "Kalmar lan" or
 * "bup-medelvantetid-forsta-besok" for "BUP medelväntetid första besök".
 */
function bigrams(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  const padded = ` ${text} `;
  for (let i = 0; i < padded.length - 1; i++) {
    const pair = padded.slice(i, i + 2);
    counts.set(pair, (counts.get(pair) ?? 0) + 1);
  }
  return counts;
}

export function similarity(a: string, b: string): number {
  const x = searchKey(a).replace(/ /g, '');
  const y = searchKey(b).replace(/ /g, '');
  if (x === '' || y === '') return 0;
  if (x === y) return 1;
  const bx = bigrams(x);
  const by = bigrams(y);
  let common = 0;
  for (const [pair, n] of bx) common += Math.min(n, by.get(pair) ?? 0);
  const dice = (2 * common) / (x.length + 1 + y.length + 1);
  const contained = x.length >= 3 && y.length >= 3 && (x.includes(y) || y.includes(x)) ? 0.25 : 0;
  return Math.min(1, dice + contained);
}

export interface Candidate {
  id: string;
  label: string;
  /** Every name it goes by: id, name, short name, aliases. */
  names: readonly string[];
}

export type { Suggestion };

/** The best candidates for a name, best first, at most `limit`, none below `floor`. */
export function suggest(text: string, candidates: readonly Candidate[], limit = 3, floor = 0.35): Suggestion[] {
  return candidates
    .map((c) => ({ id: c.id, label: c.label, score: Math.max(...c.names.map((n) => similarity(text, n))) }))
    .filter((s) => s.score >= floor)
    .sort((a, b) => b.score - a.score || a.id.localeCompare(b.id))
    .slice(0, limit)
    .map((s) => ({ ...s, score: Math.round(s.score * 100) / 100 }));
}
