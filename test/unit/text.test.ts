import { describe, expect, it } from 'vitest';
import { matchKey, searchKey, slugify } from '../../src/domain/text.js';

describe('matchKey', () => {
  it('lower-cases and keeps å, ä and ö as letters of their own', () => {
    expect(matchKey('Region Kalmar Län')).toBe('region kalmar län');
    expect(matchKey('ÅÄÖ åäö')).toBe('åäö åäö');
    expect(matchKey('Örebro')).not.toBe(matchKey('Orebro'));
  });

  it('folds other diacritics', () => {
    expect(matchKey('Café Müller')).toBe('cafe muller');
    expect(matchKey('Idé')).toBe('ide');
  });

  it('treats a composed and a decomposed å alike', () => {
    expect(matchKey('la\u030an')).toBe(matchKey('lån'));
    expect(matchKey('la\u030an')).toBe('lån');
  });

  it('treats hyphens, en dashes and commas as spaces', () => {
    expect(matchKey('Region Jämtland-Härjedalen')).toBe(matchKey('Region Jämtland Härjedalen'));
    expect(matchKey('Region Jämtland\u2013Härjedalen')).toBe('region jämtland härjedalen');
    expect(matchKey('Sveriges bästa kvalitet, tillgänglighet och säkerhet')).toBe(
      matchKey('Sveriges bästa kvalitet tillgänglighet och säkerhet'),
    );
  });

  it('collapses and trims whitespace', () => {
    expect(matchKey('  Nöjda   invånare\toch  samarbetspartners ')).toBe('nöjda invånare och samarbetspartners');
    expect(matchKey('a , b')).toBe('a b');
  });
});

describe('searchKey and slugify', () => {
  it('searchKey also folds å, ä and ö', () => {
    expect(searchKey('Region Jönköpings län')).toBe('region jonkopings lan');
    expect(searchKey('Örebro')).toBe(searchKey('Orebro'));
  });

  it('slugify makes url-friendly ids', () => {
    expect(slugify('Region Kalmar län')).toBe('region-kalmar-lan');
    expect(slugify('Region Jämtland Härjedalen')).toBe('region-jamtland-harjedalen');
    expect(slugify('  Gamleby Taxi & Buss ')).toBe('gamleby-taxi-buss');
  });
});
