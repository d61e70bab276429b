import Big from 'big.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareExact, compareFractions, exactDiff, exactRatio, exactSum, roundedFixed, roundHalfUp } from '../../src/domain/decimal.js';

describe('decimal', () => {
  it('sums exactly', () => {
    expect(exactSum([0.1, 0.2])).toBe(0.3);
    expect(exactSum([])).toBe(0);
    expect(exactSum(Array.from({ length: 10 }, () => 0.1))).toBe(1);
  });

  it('subtracts exactly', () => {
    expect(exactDiff(25.3, 30.2)).toBe(-4.9);
    expect(exactDiff(80.7, 77.4)).toBe(3.3);
    expect(exactDiff(0.3, 0.1)).toBe(0.2);
  });

  it('divides with a scale, null for a zero denominator', () => {
    expect(exactRatio(1, 4, 100)).toBe(25);
    expect(exactRatio(29802, 30448, 100)).toBeCloseTo(97.87834997, 8);
    expect(exactRatio(1, 0, 100)).toBeNull();
    expect(exactRatio(0, 5)).toBe(0);
  });

  it('rounds half away from zero', () => {
    expect(roundHalfUp(1.005, 2).toString()).toBe('1.01');
    expect(roundHalfUp(-2.5, 0).toString()).toBe('-3');
    expect(roundHalfUp(2.4, 0).toString()).toBe('2');
  });

  it('compares fractions by cross-multiplication', () => {
    expect(compareFractions({ numerator: 1, denominator: 2 }, { numerator: 2, denominator: 4 })).toBe(0);
    expect(compareFractions({ numerator: 29802, denominator: 30448 }, { numerator: 115240, denominator: 118426 })).toBe(1);
    expect(compareFractions({ numerator: 1, denominator: 3 }, { numerator: 1, denominator: 2 })).toBe(-1);
  });

  it('compares numbers exactly', () => {
    expect(compareExact(0.1 + 0.2, 0.3)).toBe(1); // the double 0.30000000000000004 is above 0,3
    expect(compareExact(89.96, 90)).toBe(-1);
    expect(compareExact(90, 90)).toBe(0);
  });
});

/**
 * The fast paths in decimal.ts (scaled integers, plain comparison) must give exactly what
 * big.js gives — the same double, the same sign of zero, the same string — for every input.
 * The references below are the big.js computations the fast paths replace.
 */
// tens of thousands of cases per property: a generous limit, so a busy machine does not fail them
describe('decimal fast paths agree with big.js', { timeout: 60_000 }, () => {
  const reference = {
    sum: (values: readonly number[]) => values.reduce((t, v) => t.plus(v), new Big(0)).toNumber(),
    diff: (to: number, from: number) => new Big(to).minus(from).toNumber(),
    ratio: (n: number, d: number, scale: number) => (d === 0 ? null : new Big(n).times(scale).div(d).toNumber()),
    fixed: (v: number, decimals: number) => new Big(v).round(decimals, Big.roundHalfUp).toFixed(decimals),
    cmp: (a: number, b: number) => new Big(a).cmp(b),
  };
  const special = [0, -0, 0.1, 0.2, 0.3, 0.1 + 0.2, 1.005, -1.005, 2.675, 1.45, -2.5, 0.5, 1e-7, 1.5e-7, 123456.789, 1e15, 1e15 + 0.5, 2 ** 53, Number.MAX_SAFE_INTEGER, 1e21, 5e-324, 29802, 30448, 98.5, 99.95];
  // values as they are stored: few decimals, negative and positive, small shares to large counts
  const stored = fc.tuple(fc.integer({ min: -2_000_000_000, max: 2_000_000_000 }), fc.integer({ min: 0, max: 6 })).map(([n, d]) => n / 10 ** d);
  const large = fc.tuple(fc.integer({ min: -(2 ** 53) + 1, max: 2 ** 53 - 1 }), fc.integer({ min: 0, max: 12 })).map(([n, d]) => n / 10 ** d);
  const value = fc.oneof(
    { arbitrary: stored, weight: 6 },
    { arbitrary: large, weight: 2 },
    { arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e25, max: 1e25 }), weight: 2 },
    { arbitrary: fc.constantFrom(...special), weight: 1 },
  );
  const same = (actual: unknown, expected: unknown): void => {
    expect(Object.is(actual, expected), `${String(actual)} ≠ ${String(expected)}`).toBe(true);
  };
  const RUNS = { numRuns: 20_000 };

  it('compares', () => {
    fc.assert(fc.property(value, value, (a, b) => same(compareExact(a, b), reference.cmp(a, b))), RUNS);
    fc.assert(fc.property(value, (a) => same(compareExact(a, a), 0)), RUNS);
  });

  it('subtracts', () => {
    fc.assert(fc.property(value, value, (a, b) => same(exactDiff(a, b), reference.diff(a, b))), RUNS);
    expect(exactDiff(0.3, 0.1 + 0.2)).toBe(reference.diff(0.3, 0.1 + 0.2));
  });

  it('sums', () => {
    fc.assert(fc.property(fc.array(value, { maxLength: 30 }), (values) => same(exactSum(values), reference.sum(values))), RUNS);
    fc.assert(fc.property(fc.array(stored, { minLength: 1, maxLength: 500 }), (values) => same(exactSum(values), reference.sum(values))), { numRuns: 2_000 });
    expect(exactSum([0.1, 0.2])).toBe(0.3);
    expect(exactSum([-0, -0])).toBe(reference.sum([-0, -0]));
  });

  it('divides', () => {
    const scale = fc.constantFrom(1, 100, 1000, 100_000, -1);
    fc.assert(fc.property(value, value, scale, (n, d, s) => same(exactRatio(n, d, s), reference.ratio(n, d, s))), RUNS);
    // counts as shares: numerator ≤ denominator, up to tens of millions
    const count = fc.integer({ min: 0, max: 50_000_000 });
    fc.assert(fc.property(count, count, scale, (n, d, s) => same(exactRatio(n, d, s), reference.ratio(n, d, s))), RUNS);
    // a change relative to the value it started from, as change.ts computes it
    fc.assert(fc.property(stored, stored, (to, from) => same(exactRatio(exactDiff(to, from), Math.abs(from), 100), reference.ratio(reference.diff(to, from), Math.abs(from), 100))), RUNS);
  });

  it('rounds half away from zero to a fixed number of decimals', () => {
    fc.assert(fc.property(value, fc.integer({ min: 0, max: 14 }), (v, d) => same(roundedFixed(v, d), reference.fixed(v, d))), RUNS);
    fc.assert(fc.property(stored, fc.integer({ min: 0, max: 3 }), (v, d) => same(roundedFixed(v, d), reference.fixed(v, d))), RUNS);
    expect(roundedFixed(1.005, 2)).toBe('1.01');
    expect(roundedFixed(-1.005, 2)).toBe('-1.01');
    expect(roundedFixed(2.675, 2)).toBe('2.68');
    expect(roundedFixed(-0.04, 1)).toBe(reference.fixed(-0.04, 1));
  });
});
