import { searchKey } from './text.js';

/**
 * Finding things by name the way Swedish users type: case, punctuation and diacritics do not
 * matter ("bup", "Vantetid", "hälso sjukvård" all find what they mean), every word of the query
 * must occur, and names that start with the query come first.
 */
export interface SearchResults {
  query: string;
  indicators: Array<{ id: string; name: string; shortName: string | null; source: string; unit: string }>;
  /** Items whose title or contents say the query; `fragment` is where the contents say it. */
  items: Array<{ id: string; title: string; meeting: { id: string; heading: string; date: string }; goalName: string; fragment: FragmentPart[] | null }>;
  /** Areas: the own organisation's förvaltningar and units, and the comparison regions. */
  areas: Array<{ id: string; name: string; kind: string }>;
  people: Array<{ id: string; name: string; title: string | null; items: Array<{ id: string; title: string; meetingId: string; meetingHeading: string }> }>;
}

export const MIN_QUERY_LENGTH = 2;

/** A piece of a found fragment: the words that matched have `match`. */
export interface FragmentPart {
  text: string;
  match: boolean;
}

const MAX_QUERY_WORDS = 10;

/**
 * A PostgreSQL tsquery for the words of a query: letters and digits only (nothing of the typed
 * text reaches the query syntax), each word also as a prefix ("vänte" finds "väntetiden"), all
 * words required. Null when nothing is left to search for.
 */
export function textQuery(query: string): string | null {
  const words = (query.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).filter((w) => w.length >= MIN_QUERY_LENGTH).slice(0, MAX_QUERY_WORDS);
  return words.length === 0 ? null : words.map((w) => `${w}:*`).join(' & ');
}

/** A fragment marked with `start` … `end` around matches, as parts; markers never nest. */
export function fragmentParts(marked: string, start: string, end: string): FragmentPart[] {
  const parts: FragmentPart[] = [];
  let rest = marked;
  while (rest !== '') {
    const at = rest.indexOf(start);
    if (at === -1) {
      parts.push({ text: rest, match: false });
      break;
    }
    if (at > 0) parts.push({ text: rest.slice(0, at), match: false });
    const close = rest.indexOf(end, at + start.length);
    const stop = close === -1 ? rest.length : close;
    parts.push({ text: rest.slice(at + start.length, stop), match: true });
    rest = close === -1 ? '' : rest.slice(close + end.length);
  }
  return parts.filter((p) => p.text !== '');
}

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
