/**
 * Swedish-aware name matching. Names in files and on slides differ in case, punctuation and
 * dashes ("Region Jämtland-Härjedalen" / "Region Jämtland Härjedalen", "Sveriges bästa kvalitet
 * tillgänglighet och säkerhet" / "…kvalitet, tillgänglighet…"). å, ä and ö are letters of their
 * own in Swedish and are kept; other diacritics (é, ü) are folded.
 */
const SWEDISH_LETTERS = new Set(['å', 'ä', 'ö']);

export function matchKey(text: string): string {
  const folded = Array.from(text.normalize('NFC').toLocaleLowerCase('sv-SE'), (c) =>
    SWEDISH_LETTERS.has(c) ? c : c.normalize('NFD').replace(/[\u0300-\u036f]/g, ''),
  ).join('');
  return folded
    .replace(/[\u2010-\u2015\u2212\-_/,.;:()"'”“’|]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Looser key for search: also folds å/ä/ö to a/a/o, for people typing without Swedish keys. */
export function searchKey(text: string): string {
  return matchKey(text).replace(/[åä]/g, 'a').replace(/ö/g, 'o');
}

/** A url- and YAML-friendly id from a name: "Region Kalmar län" → "region-kalmar-lan". */
export function slugify(text: string): string {
  return searchKey(text).replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
}
