/**
 * Swedish-aware name matching. Names in files and on slides differ in case, punctuation and
 * dashes ("Region Jämtland-Härjedalen" / "Region Jämtland Härjedalen", "Sveriges bästa kvalitet
 * tillgänglighet och säkerhet" / "…kvalitet, tillgänglighet…"). å, ä and ö are letters of their
 * own in Swedish and are kept; other diacritics (é, ü) are folded.
 */
const SWEDISH_LETTERS = new Set(['å', 'ä', 'ö']);

/** Text with nothing to fold but case: printable ASCII and å, ä, ö. */
const PLAIN_LETTERS = /^[ -~åäö]*$/;

export function matchKey(text: string): string {
  const lower = text.normalize('NFC').toLocaleLowerCase('sv-SE');
  // ASCII and å, ä, ö have no marks to strip: skip the per-character pass (an import looks up every row's names)
  const folded = PLAIN_LETTERS.test(lower) ? lower : Array.from(lower, (c) => (SWEDISH_LETTERS.has(c) ? c : c.normalize('NFD').replace(/[\u0300-\u036f]/g, ''))).join('');
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

/**
 * What in a text cannot be stored or shown: NUL (PostgreSQL's text refuses it) and a lone
 * UTF-16 surrogate (half a character, from a broken client or a cut string). Null when fine.
 */
export function unstorableCharacter(text: string): 'NUL' | 'surrogate' | null {
  if (text.includes('\u0000')) return 'NUL';
  return /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text) ? 'surrogate' : null;
}

/** The first unstorable text in a value parsed from a request, with where it is ("blocks[2].markdown"). */
export function findUnstorableText(value: unknown, where = ''): { where: string; problem: 'NUL' | 'surrogate' } | null {
  if (typeof value === 'string') {
    const problem = unstorableCharacter(value);
    return problem ? { where, problem } : null;
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findUnstorableText(value[i], `${where}[${i}]`);
      if (found) return found;
    }
    return null;
  }
  if (value !== null && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      const keyProblem = unstorableCharacter(key);
      if (keyProblem) return { where: where ? `${where}.${key}` : key, problem: keyProblem };
      const found = findUnstorableText(inner, where ? `${where}.${key}` : key);
      if (found) return found;
    }
  }
  return null;
}
