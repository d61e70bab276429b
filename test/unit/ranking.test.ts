import { describe, expect, it } from 'vitest';
import { formatValue } from '../../src/domain/format.js';
import { rankAreas, withReferences, type RankInput } from '../../src/domain/ranking.js';
import { shareOf } from '../../src/domain/ratio.js';
import { TELEQ, TELEQ_ORDER } from './fixtures.js';

const teleq: RankInput[] = TELEQ.map((r) => ({
  areaId: r.name,
  label: r.name,
  value: shareOf(r.answered, r.received),
  numerator: r.answered,
  denominator: r.received,
}));

const allaRegioner: RankInput = { areaId: 'Alla regioner', label: 'Alla regioner', value: shareOf(744248, 832490), numerator: 744248, denominator: 832490 };

function v(areaId: string, value: number | null): RankInput {
  return { areaId, label: areaId, value };
}

describe('rankAreas: the TeleQ table', () => {
  const ranked = rankAreas(teleq, 'higher_is_better');

  it('puts Region Kalmar län first', () => {
    expect(ranked[0]?.areaId).toBe('Region Kalmar län');
    expect(ranked[0]?.rank).toBe(1);
  });

  it('orders all 19 regions by their exact share', () => {
    expect(ranked.map((r) => r.areaId)).toEqual(TELEQ_ORDER);
    expect(ranked.map((r) => r.rank)).toEqual(Array.from({ length: 19 }, (_, i) => i + 1));
    expect(ranked.every((r) => !r.tied)).toBe(true);
  });

  it('does not tie Gotland, Kronoberg and Västra Götaland although all show 94 %', () => {
    const rows = ['Västra Götalandsregionen', 'Region Kronoberg', 'Region Gotland'].map((id) => ranked.find((r) => r.areaId === id));
    expect(rows.map((r) => formatValue(r?.value ?? null, 'procent', 0))).toEqual(['94\u00a0%', '94\u00a0%', '94\u00a0%']);
    expect(rows.map((r) => r?.rank)).toEqual([4, 5, 6]);
    expect(rows.map((r) => r?.tied)).toEqual([false, false, false]);
  });

  it('Norrbotten (84,37 %) ranks above Jämtland Härjedalen (84,31 %), both shown as 84 %', () => {
    const norrbotten = ranked.find((r) => r.areaId === 'Region Norrbotten');
    const jamtland = ranked.find((r) => r.areaId === 'Region Jämtland Härjedalen');
    expect(norrbotten?.rank).toBe(13);
    expect(jamtland?.rank).toBe(14);
  });

  it('keeps the input fields on each row', () => {
    expect(ranked[0]).toMatchObject({ label: 'Region Kalmar län', numerator: 29802, denominator: 30448 });
  });
});

describe('rankAreas: direction', () => {
  const inputs = [v('a', 10), v('b', 5), v('c', 7)];

  it('higher is better ranks descending', () => {
    expect(rankAreas(inputs, 'higher_is_better').map((r) => r.areaId)).toEqual(['a', 'c', 'b']);
  });

  it('lower is better ranks ascending', () => {
    const ranked = rankAreas(inputs, 'lower_is_better');
    expect(ranked.map((r) => r.areaId)).toEqual(['b', 'c', 'a']);
    expect(ranked.map((r) => r.rank)).toEqual([1, 2, 3]);
  });

  it('neutral ranks descending, like higher is better', () => {
    expect(rankAreas(inputs, 'neutral').map((r) => r.areaId)).toEqual(['a', 'c', 'b']);
  });

  it('handles negative values and zero', () => {
    expect(rankAreas([v('a', -1), v('b', 0), v('c', -0.5)], 'higher_is_better').map((r) => r.areaId)).toEqual(['b', 'c', 'a']);
  });
});

describe('rankAreas: ties', () => {
  it('tied areas share a rank and the next rank is skipped (1, 2, 2, 4)', () => {
    const ranked = rankAreas([v('a', 95), v('b', 90), v('c', 95.5), v('d', 95)], 'higher_is_better');
    expect(ranked.map((r) => [r.areaId, r.rank, r.tied])).toEqual([
      ['c', 1, false],
      ['a', 2, true],
      ['d', 2, true],
      ['b', 4, false],
    ]);
  });

  it('three-way ties share a rank and skip two', () => {
    const ranked = rankAreas([v('a', 1), v('b', 1), v('c', 1), v('d', 0)], 'higher_is_better');
    expect(ranked.map((r) => r.rank)).toEqual([1, 1, 1, 4]);
  });

  it('orders tied areas alphabetically in Swedish: Å, Ä, Ö after Z', () => {
    const names = ['Örebro', 'Zeta', 'Ängelholm', 'Åre', 'Alvesta', 'Östra', 'Borås'];
    const ranked = rankAreas(names.map((n) => v(n, 50)), 'higher_is_better');
    expect(ranked.map((r) => r.areaId)).toEqual(['Alvesta', 'Borås', 'Zeta', 'Åre', 'Ängelholm', 'Örebro', 'Östra']);
    expect(ranked.every((r) => r.rank === 1 && r.tied)).toBe(true);
  });

  it('compares ratios exactly as fractions: 1/2 and 2/4 are tied', () => {
    const ranked = rankAreas(
      [
        { areaId: 'a', label: 'B-län', value: 50, numerator: 2, denominator: 4 },
        { areaId: 'b', label: 'A-län', value: 50, numerator: 1, denominator: 2 },
        { areaId: 'c', label: 'C-län', value: 100 / 3, numerator: 1, denominator: 3 },
      ],
      'higher_is_better',
    );
    expect(ranked.map((r) => [r.areaId, r.rank, r.tied])).toEqual([
      ['b', 1, true],
      ['a', 1, true],
      ['c', 3, false],
    ]);
  });

  it('compares ratios by their parts: two shares both shown as 98 % are not tied', () => {
    const ranked = rankAreas(
      [
        { areaId: 'skane', label: 'Region Skåne', value: 98, numerator: 115240, denominator: 118426 },
        { areaId: 'kalmar', label: 'Region Kalmar län', value: 98, numerator: 29802, denominator: 30448 },
      ],
      'higher_is_better',
    );
    expect(ranked.map((r) => [r.areaId, r.rank, r.tied])).toEqual([
      ['kalmar', 1, false],
      ['skane', 2, false],
    ]);
  });
});

describe('rankAreas: missing values', () => {
  it('lists areas without a value last, unranked, alphabetically', () => {
    const ranked = rankAreas([v('Örebro', null), v('Kalmar', 98), v('Blekinge', null), v('Skåne', 97)], 'higher_is_better');
    expect(ranked.map((r) => [r.areaId, r.rank, r.tied])).toEqual([
      ['Kalmar', 1, false],
      ['Skåne', 2, false],
      ['Blekinge', null, false],
      ['Örebro', null, false],
    ]);
  });

  it('does not treat a missing value as 0', () => {
    const ranked = rankAreas([v('a', null), v('b', 0)], 'lower_is_better');
    expect(ranked.map((r) => [r.areaId, r.rank])).toEqual([
      ['b', 1],
      ['a', null],
    ]);
  });

  it('returns an empty list for no areas', () => {
    expect(rankAreas([], 'higher_is_better')).toEqual([]);
  });
});

describe('withReferences', () => {
  it('places Alla regioner (89,4 %) unranked between Uppsala (91 %) and Gävleborg (88 %)', () => {
    const rows = withReferences(rankAreas(teleq, 'higher_is_better'), [allaRegioner], 'higher_is_better');
    expect(rows).toHaveLength(20);
    expect(rows.map((r) => r.areaId)).toEqual([...TELEQ_ORDER.slice(0, 9), 'Alla regioner', ...TELEQ_ORDER.slice(9)]);
    const ref = rows[9];
    expect(ref?.reference).toBe(true);
    expect(ref?.rank).toBeNull();
    expect(ref?.tied).toBe(false);
    expect(rows[8]).toMatchObject({ areaId: 'Region Uppsala', rank: 9, reference: false });
    expect(rows[10]).toMatchObject({ areaId: 'Region Gävleborg', rank: 10, reference: false });
  });

  it('places a reference after areas with the same value', () => {
    const rows = withReferences(rankAreas([v('a', 90), v('b', 80), v('c', 70)], 'higher_is_better'), [v('Riket', 80)], 'higher_is_better');
    expect(rows.map((r) => r.areaId)).toEqual(['a', 'b', 'Riket', 'c']);
  });

  it('places a reference by the direction when lower is better', () => {
    const rows = withReferences(rankAreas([v('a', 20), v('b', 30), v('c', 40)], 'lower_is_better'), [v('Riket', 35)], 'lower_is_better');
    expect(rows.map((r) => r.areaId)).toEqual(['a', 'b', 'Riket', 'c']);
  });

  it('places a reference better than every area first and a worse one last', () => {
    const ranked = rankAreas([v('a', 90), v('b', 80)], 'higher_is_better');
    expect(withReferences(ranked, [v('Top', 99)], 'higher_is_better').map((r) => r.areaId)).toEqual(['Top', 'a', 'b']);
    expect(withReferences(ranked, [v('Bottom', 1)], 'higher_is_better').map((r) => r.areaId)).toEqual(['a', 'b', 'Bottom']);
  });

  it('places a reference above areas without a value, and a reference without a value last', () => {
    const ranked = rankAreas([v('a', 90), v('b', null)], 'higher_is_better');
    expect(withReferences(ranked, [v('Riket', 10)], 'higher_is_better').map((r) => r.areaId)).toEqual(['a', 'Riket', 'b']);
    expect(withReferences(ranked, [v('Riket', null)], 'higher_is_better').map((r) => r.areaId)).toEqual(['a', 'b', 'Riket']);
  });

  it('marks ranked rows as not references', () => {
    const rows = withReferences(rankAreas([v('a', 90)], 'higher_is_better'), [], 'higher_is_better');
    expect(rows).toEqual([{ areaId: 'a', label: 'a', value: 90, rank: 1, tied: false, reference: false }]);
  });
});
