import { describe, expect, it } from 'vitest';
import { changeUnitOf, isUnit, ratioScaleOf, unitName, unitSymbol, unitWord, UNITS } from '../../src/domain/units.js';

describe('units', () => {
  it('a change of a share is in procentenheter; other units keep their own unit', () => {
    expect(changeUnitOf('procent')).toBe('procentenheter');
    expect(changeUnitOf('procentenheter')).toBe('procentenheter');
    expect(changeUnitOf('dagar')).toBe('dagar');
    expect(changeUnitOf('antal')).toBe('antal');
    expect(changeUnitOf('mnkr')).toBe('mnkr');
  });

  it('has symbols, words and names in Swedish', () => {
    expect(unitSymbol('procent')).toBe('%');
    expect(unitWord('procent')).toBe('procent');
    expect(unitSymbol('antal')).toBe('');
    expect(unitSymbol('minuter')).toBe('min');
    expect(unitWord('mnkr')).toBe('miljoner kronor');
    expect(unitName('antal')).toBe('antal');
    expect(unitSymbol('per_1000_inv')).toBe('per 1\u00a0000 inv.');
  });

  it('scales ratios by 100 for shares and by the population base for rates', () => {
    expect(ratioScaleOf('procent')).toBe(100);
    expect(ratioScaleOf('per_1000_inv')).toBe(1000);
    expect(ratioScaleOf('per_100000_inv')).toBe(100000);
    expect(ratioScaleOf('dagar')).toBe(1);
  });

  it('recognises the known units only', () => {
    expect(isUnit('procent')).toBe(true);
    expect(isUnit('ton_co2e')).toBe(true);
    expect(isUnit('Procent')).toBe(false);
    expect(isUnit('%')).toBe(false);
    expect(UNITS).toContain('kwh_per_kvm');
  });
});
