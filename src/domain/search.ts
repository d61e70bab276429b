import { searchKey } from './text.js';

/**
 * Finding things by name the way Swedish users type: case, punctuation and diacritics do not
 * matter ("bup", "Vantetid", "hälso sjukvård" all find what they mean), every word of the query
 * must occur, and names that start with the query come first.
 */
export interface SearchResults {
  query: string;
  indicators: Array<{ id: string; name: string; shortName: string | null; source: string; unit: string }>;
  items: Array<{ id: string; title: string; meeting: { id: string; heading: string; date: string }; goalName: string }>;
  people: Array<{ id: string; name: string; title: string | null; items: Array<{ id: string; title: string; meetingId: string; meetingHeading: string }> }>;
}

export const MIN_QUERY_LENGTH = 2;

/** Words of a query as search keys; empty when the query is too short to search for. */
export function queryWords(query: string): string[] {
  const key = searchKey(query);
  if (key.replaceAll(' ', '').length < MIN_QUERY_LENGTH) return [];
  return key.split(' ').filter(Boolean);
}

/**
 * How well texts (a name and its other names) match the query words: null when some word is
 * missing, else a rank (lower is better): 0 the name starts with the query, 1 a word starts with
 * each query word, 2 the words occur inside words.
 */
export function matchRank(words: readonly string[], texts: ReadonlyArray<string | null>): number | null {
  if (words.length === 0) return null;
  const keys = texts.filter((t): t is string => t !== null && t !== '').map(searchKey);
  const all = keys.join(' ');
  if (!words.every((w) => all.includes(w))) return null;
  const phrase = words.join(' ');
  if (keys.some((k) => k.startsWith(phrase))) return 0;
  const starts = all.split(' ');
  if (words.every((w) => starts.some((s) => s.startsWith(w)))) return 1;
  return 2;
}

/** Items that match, best first, then by the order given. */
export function rankMatches<T>(items: readonly T[], words: readonly string[], texts: (item: T) => ReadonlyArray<string | null>, limit = 50): T[] {
  return items
    .map((item, index) => ({ item, index, rank: matchRank(words, texts(item)) }))
    .filter((m): m is { item: T; index: number; rank: number } => m.rank !== null)
    .sort((a, b) => a.rank - b.rank || a.index - b.index)
    .slice(0, limit)
    .map((m) => m.item);
}
