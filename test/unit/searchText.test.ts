import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fragmentParts, textQuery } from '../../src/domain/search.js';

/** The query handed to PostgreSQL's full-text search, and the found fragment cut into parts. */
describe('textQuery', () => {
  it('keeps letters and digits of each word, as prefixes, all required', () => {
    expect(textQuery('Väntetider, BUP 2026!')).toBe('väntetider:* & bup:* & 2026:*');
    expect(textQuery('a & b | !c')).toBeNull();
    expect(textQuery("bisysslor' | 'x")).toBe('bisysslor:*');
  });

  it('lets nothing of the typed text through but letters, digits, and its own ":*" and " & "', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (typed) => {
        const q = textQuery(typed);
        if (q === null) return;
        for (const term of q.split(' & ')) expect(term).toMatch(/^[\p{L}\p{N}]{2,}:\*$/u);
      }),
    );
  });
});

describe('fragmentParts', () => {
  it('marks what lies between the markers', () => {
    expect(fragmentParts('risk för \u0002bisysslor\u0003 och \u0002jäv\u0003', '\u0002', '\u0003')).toEqual([
      { text: 'risk för ', match: false },
      { text: 'bisysslor', match: true },
      { text: ' och ', match: false },
      { text: 'jäv', match: true },
    ]);
  });

  it('gives back the text it was given, less the markers', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.string().map((s) => s.replaceAll('\u0002', '').replaceAll('\u0003', '')), fc.boolean())), (pieces) => {
        const marked = pieces.map(([text, match]) => (match ? `\u0002${text}\u0003` : text)).join('');
        expect(fragmentParts(marked, '\u0002', '\u0003').map((p) => p.text).join('')).toBe(pieces.map(([text]) => text).join(''));
      }),
    );
  });
});
