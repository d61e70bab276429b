import { describe, expect, it } from 'vitest';
import { formatValue } from '../../src/domain/format.js';
import { aggregateRatio, aggregateSum, shareOf } from '../../src/domain/ratio.js';
import { TELEQ } from './fixtures.js';

describe('shareOf', () => {
  it('TeleQ Region Kalmar län: 29 802 / 30 448 ≈ 97,88 %', () => {
    const share = shareOf(29802, 30448);
    expect(share).toBeCloseTo(97.87834997, 8);
    expect(formatValue(share, 'procent', 0)).toBe('98\u00a0%');
    expect(formatValue(share, 'procent', 2)).toBe('97,88\u00a0%');
  });

  it('uses the given scale', () => {
    expect(shareOf(3, 4)).toBe(75);
    expect(shareOf(3, 4, 1)).toBe(0.75);
    expect(shareOf(12, 4000, 1000)).toBe(3);
  });

  it('is null when a part is missing or the denominator is 0', () => {
    expect(shareOf(null, 30448)).toBeNull();
    expect(shareOf(29802, null)).toBeNull();
    expect(shareOf(5, 0)).toBeNull();
  });

  it('is 0 when nothing of a non-zero whole was counted', () => {
    expect(shareOf(0, 10)).toBe(0);
  });
});

describe('aggregateRatio', () => {
  const inputs = TELEQ.map((r) => ({ areaId: r.name, numerator: r.answered, denominator: r.received }));

  it('Alla regioner: Σ answered / Σ received = 744 248 / 832 490 ≈ 89,40 %', () => {
    const agg = aggregateRatio(inputs);
    expect(agg.numerator).toBe(744248);
    expect(agg.denominator).toBe(832490);
    expect(agg.value).toBeCloseTo(89.40023304, 8);
    expect(formatValue(agg.value, 'procent', 1)).toBe('89,4\u00a0%');
    expect(formatValue(agg.value, 'procent', 0)).toBe('89\u00a0%');
    expect(agg.included).toHaveLength(19);
    expect(agg.missing).toEqual([]);
  });

  it('differs from the mean of the shares (≈ 87,80 %)', () => {
    const shares = inputs.map((i) => shareOf(i.numerator, i.denominator) as number);
    const mean = shares.reduce((a, b) => a + b, 0) / shares.length;
    expect(mean).toBeCloseTo(87.8047, 3);
    const agg = aggregateRatio(inputs);
    expect(agg.value as number).toBeGreaterThan(mean + 1.5);
    expect(formatValue(mean, 'procent', 0)).toBe('88\u00a0%');
    expect(formatValue(agg.value, 'procent', 0)).toBe('89\u00a0%');
  });

  it('leaves out areas with a missing part and lists them, never counting them as 0', () => {
    const withGaps = [
      ...inputs,
      { areaId: 'Region Stockholm', numerator: null, denominator: 200000 },
      { areaId: 'Region Sörmland', numerator: 20000, denominator: null },
    ];
    const agg = aggregateRatio(withGaps);
    expect(agg.numerator).toBe(744248);
    expect(agg.denominator).toBe(832490);
    expect(agg.value).toBeCloseTo(89.40023304, 8);
    expect(agg.included).toHaveLength(19);
    expect(agg.missing).toEqual(['Region Stockholm', 'Region Sörmland']);
  });

  it('has no value when no area has both parts', () => {
    const agg = aggregateRatio([{ areaId: 'a', numerator: null, denominator: null }]);
    expect(agg.value).toBeNull();
    expect(agg.included).toEqual([]);
    expect(agg.missing).toEqual(['a']);
  });

  it('has no value when the summed denominator is 0', () => {
    expect(aggregateRatio([{ areaId: 'a', numerator: 0, denominator: 0 }]).value).toBeNull();
  });
});

describe('aggregateSum', () => {
  it('sums present values exactly and lists the missing ones', () => {
    const result = aggregateSum([
      { areaId: 'a', value: 0.1 },
      { areaId: 'b', value: null },
      { areaId: 'c', value: 0.2 },
    ]);
    expect(result.value).toBe(0.3);
    expect(result.included).toEqual(['a', 'c']);
    expect(result.missing).toEqual(['b']);
  });

  it('is null, not 0, when every value is missing', () => {
    expect(aggregateSum([{ areaId: 'a', value: null }]).value).toBeNull();
    expect(aggregateSum([]).value).toBeNull();
  });
});
