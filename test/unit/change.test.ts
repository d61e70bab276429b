import { describe, expect, it } from 'vitest';
import { changeBetween } from '../../src/domain/change.js';
import { formatChange, formatRelativeChange } from '../../src/domain/format.js';

describe('changeBetween', () => {
  it('BUP: 30,2 → 25,3 dagar is −4,9 dagar, an improvement when lower is better', () => {
    const change = changeBetween(30.2, 25.3, 'dagar', 'lower_is_better');
    expect(change).not.toBeNull();
    expect(change?.from).toBe(30.2);
    expect(change?.to).toBe(25.3);
    expect(change?.delta).toBe(-4.9); // exact: 25.3 - 30.2 is -4.899999999999999 in binary
    expect(change?.deltaUnit).toBe('dagar');
    expect(change?.trend).toBe('down');
    expect(change?.improvement).toBe(true);
    expect(change?.relativePercent).toBeCloseTo(-16.2251655629, 9);
    expect(formatChange(change?.delta ?? null, 'dagar', 1)).toBe('\u22124,9\u00a0dagar');
    expect(formatRelativeChange(change?.relativePercent ?? null, 1)).toBe('\u221216,2\u00a0%');
  });

  it('VuP: 77,4 → 80,7 dagar is +3,3 dagar, worse when lower is better', () => {
    const change = changeBetween(77.4, 80.7, 'dagar', 'lower_is_better');
    expect(change?.delta).toBe(3.3);
    expect(change?.trend).toBe('up');
    expect(change?.improvement).toBe(false);
    expect(formatChange(change?.delta ?? null, 'dagar', 1)).toBe('+3,3\u00a0dagar');
  });

  it('an increase is an improvement when higher is better', () => {
    const change = changeBetween(77.4, 80.7, 'procent', 'higher_is_better');
    expect(change?.improvement).toBe(true);
    expect(change?.deltaUnit).toBe('procentenheter');
  });

  it('a neutral indicator has no improvement either way', () => {
    expect(changeBetween(10, 12, 'antal', 'neutral')?.improvement).toBeNull();
    expect(changeBetween(12, 10, 'antal', 'neutral')?.improvement).toBeNull();
    expect(changeBetween(12, 10, 'antal', 'neutral')?.trend).toBe('down');
  });

  it('no change is unchanged, with no improvement', () => {
    const change = changeBetween(25.3, 25.3, 'dagar', 'lower_is_better');
    expect(change?.delta).toBe(0);
    expect(change?.trend).toBe('unchanged');
    expect(change?.improvement).toBeNull();
    expect(change?.relativePercent).toBe(0);
  });

  it('computes the relative change from the absolute base', () => {
    expect(changeBetween(200, 250, 'antal', 'higher_is_better')?.relativePercent).toBe(25);
    expect(changeBetween(547, 738, 'antal', 'higher_is_better')?.relativePercent).toBeCloseTo(34.9177330896, 9);
    expect(changeBetween(-100, -50, 'mnkr', 'higher_is_better')?.relativePercent).toBe(50);
  });

  it('has no relative change from a zero base', () => {
    const change = changeBetween(0, 5, 'antal', 'higher_is_better');
    expect(change?.delta).toBe(5);
    expect(change?.relativePercent).toBeNull();
  });

  it('is null when either value is missing, never counted as 0', () => {
    expect(changeBetween(null, 25.3, 'dagar', 'lower_is_better')).toBeNull();
    expect(changeBetween(30.2, null, 'dagar', 'lower_is_better')).toBeNull();
    expect(changeBetween(null, null, 'dagar', 'lower_is_better')).toBeNull();
  });

  it('a change in a share is in procentenheter', () => {
    const change = changeBetween(89.7, 89.4, 'procent', 'higher_is_better');
    expect(change?.delta).toBe(-0.3);
    expect(formatChange(change?.delta ?? null, 'procent', 1)).toBe('\u22120,3\u00a0procentenheter');
  });
});
