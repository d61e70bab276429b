import { describe, expect, it } from 'vitest';
import { compareExact, compareFractions, exactDiff, exactRatio, exactSum, roundHalfUp } from '../../src/domain/decimal.js';

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
