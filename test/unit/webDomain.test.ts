import { describe, expect, it } from 'vitest';
import { csvField, safeText, toCsv } from '../../src/domain/cells.js';
import { matchRank, queryWords, rankMatches } from '../../src/domain/search.js';

describe('cells safe against formula injection', () => {
  it('prefixes text that a spreadsheet would read as a formula with an apostrophe', () => {
    for (const text of ['=SUM(A1)', '+46 480', '-2+3', '@cmd', '\tx', '\rx']) expect(safeText(text)).toBe(`'${text}`);
    for (const text of ['Region Kalmar län', '98 %', "'redan text", '']) expect(safeText(text)).toBe(text);
  });

  it('writes numbers as numbers with a decimal comma, even negative ones, and missing as empty', () => {
    expect(csvField(-5.1)).toBe('-5,1');
    expect(csvField(30448)).toBe('30448');
    expect(csvField(null)).toBe('');
  });

  it('quotes fields with ; " or line breaks, after guarding them', () => {
    expect(csvField('a;b')).toBe('"a;b"');
    expect(csvField('säger "hej"')).toBe('"säger ""hej"""');
    expect(csvField('=1;2')).toBe('"\'=1;2"');
  });

  it('makes a file with a byte order mark and CRLF line ends', () => {
    expect(toCsv(['Område', 'Värde'], [['Riket', 89.4], ['=x', null]])).toBe("\ufeffOmråde;Värde\r\nRiket;89,4\r\n'=x;\r\n");
  });
});

describe('search matching', () => {
  it('needs two characters and folds case, punctuation and å ä ö', () => {
    expect(queryWords('a')).toEqual([]);
    expect(queryWords(' Väntetid, BUP ')).toEqual(['vantetid', 'bup']);
  });

  it('ranks names that start with the query first, then word starts, then inner matches; needs every word', () => {
    const words = queryWords('tid');
    expect(matchRank(words, ['Tidbok'])).toBe(0);
    expect(matchRank(words, ['Webb tidbok'])).toBe(1);
    expect(matchRank(words, ['Medelväntetid'])).toBe(2);
    expect(matchRank(queryWords('tid bup'), ['Medelväntetid'])).toBeNull();
    expect(rankMatches(['Medelväntetid', 'Webb tidbok', 'Tidbok', 'Annat'], words, (s) => [s])).toEqual(['Tidbok', 'Webb tidbok', 'Medelväntetid']);
  });

  it('matches on any of the texts given (short name, id, aliases)', () => {
    expect(matchRank(queryWords('teleq'), ['Telefontillgänglighet', null, 'telefon-teleq-samma-dag'])).toBe(1);
  });
});
