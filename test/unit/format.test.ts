import { describe, expect, it } from 'vitest';
import {
  formatChange,
  formatDate,
  formatNumber,
  formatRelativeChange,
  formatValue,
  formatYearRange,
  MINUS,
  NBSP,
} from '../../src/domain/format.js';

const S = '\u00a0'; // no-break space
const M = '\u2212'; // minus sign

describe('constants', () => {
  it('uses U+00A0 and U+2212', () => {
    expect(NBSP).toBe('\u00a0');
    expect(MINUS).toBe('\u2212');
  });
});

describe('formatNumber', () => {
  it('groups thousands with no-break spaces', () => {
    expect(formatNumber(1264000)).toBe(`1${S}264${S}000`);
    expect(formatNumber(744248)).toBe(`744${S}248`);
    expect(formatNumber(1000)).toBe(`1${S}000`);
    expect(formatNumber(999)).toBe('999');
    expect(formatNumber(1234567.891, 2)).toBe(`1${S}234${S}567,89`);
  });

  it('groups the thousands that rounding creates', () => {
    expect(formatNumber(999.96, 1)).toBe(`1${S}000,0`);
    expect(formatNumber(-999.5)).toBe(`${M}1${S}000`);
  });

  it('never uses a plain space, a comma or a dot as thousands separator', () => {
    const text = formatNumber(1264000);
    expect(text).not.toContain(' ');
    expect(text).not.toContain('.');
    expect(text).not.toContain(',');
  });

  it('writes a decimal comma', () => {
    expect(formatNumber(30.2, 1)).toBe('30,2');
    expect(formatNumber(25.3, 1)).toBe('25,3');
    expect(formatNumber(0.5, 2)).toBe('0,50');
  });

  it('rounds to no decimals by default', () => {
    expect(formatNumber(97.87834997372569)).toBe('98');
    expect(formatNumber(30.2)).toBe('30');
  });

  it('rounds half away from zero in decimal, not binary, arithmetic', () => {
    expect(formatNumber(1.005, 2)).toBe('1,01'); // 1.005 is 1.00499… as a double
    expect(formatNumber(2.5)).toBe('3');
    expect(formatNumber(0.5)).toBe('1');
    expect(formatNumber(-2.5)).toBe(`${M}3`);
    expect(formatNumber(-0.05, 1)).toBe(`${M}0,1`);
    expect(formatNumber(89.45, 1)).toBe('89,5');
    expect(formatNumber(89.44, 1)).toBe('89,4');
  });

  it('writes negative numbers with U+2212', () => {
    expect(formatNumber(-5)).toBe(`${M}5`);
    expect(formatNumber(-4.9, 1)).toBe(`${M}4,9`);
    expect(formatNumber(-1264000)).toBe(`${M}1${S}264${S}000`);
    expect(formatNumber(-5)).not.toContain('-');
  });

  it('never prints "−0"', () => {
    expect(formatNumber(-0)).toBe('0');
    expect(formatNumber(-0.4)).toBe('0');
    expect(formatNumber(-0.04, 1)).toBe('0,0');
    expect(formatNumber(-0.004, 2)).toBe('0,00');
  });

  it('throws on non-finite numbers', () => {
    expect(() => formatNumber(Number.NaN)).toThrow();
    expect(() => formatNumber(Number.POSITIVE_INFINITY)).toThrow();
  });
});

describe('formatValue', () => {
  it('puts a no-break space before %', () => {
    expect(formatValue(97.87834997372569, 'procent', 0)).toBe(`98${S}%`);
    expect(formatValue(89.40023303583226, 'procent', 1)).toBe(`89,4${S}%`);
  });

  it('writes days with their unit', () => {
    expect(formatValue(30.2, 'dagar', 1)).toBe(`30,2${S}dagar`);
  });

  it('writes counts without a unit', () => {
    expect(formatValue(1264000, 'antal', 0)).toBe(`1${S}264${S}000`);
  });

  it('writes other units after a no-break space', () => {
    expect(formatValue(-123, 'mnkr', 0)).toBe(`${M}123${S}mnkr`);
    expect(formatValue(12.5, 'minuter', 1)).toBe(`12,5${S}min`);
  });

  it('writes a missing value as an en dash', () => {
    expect(formatValue(null, 'procent', 0)).toBe('–');
    expect(formatValue(null, 'antal', 0)).toBe('–');
  });

  it('can write the unit as a word or leave it out', () => {
    expect(formatValue(98, 'procent', 0, { unitStyle: 'word' })).toBe(`98${S}procent`);
    expect(formatValue(98, 'procent', 0, { unitStyle: 'none' })).toBe('98');
  });
});

describe('formatChange', () => {
  it('writes a decrease with U+2212 and the unit', () => {
    expect(formatChange(-4.9, 'dagar', 1)).toBe(`${M}4,9${S}dagar`);
  });

  it('writes an increase with a plus sign', () => {
    expect(formatChange(3.3, 'dagar', 1)).toBe(`+3,3${S}dagar`);
  });

  it('expresses a change in a share in procentenheter', () => {
    expect(formatChange(-0.3, 'procent', 1)).toBe(`${M}0,3${S}procentenheter`);
    expect(formatChange(2, 'procent', 0)).toBe(`+2${S}procentenheter`);
  });

  it('writes no change as ±0', () => {
    expect(formatChange(0, 'dagar', 0)).toBe(`±0${S}dagar`);
    expect(formatChange(0, 'dagar', 1)).toBe(`±0,0${S}dagar`);
  });

  it('writes a change that rounds to zero as ±0, never −0 or +0', () => {
    expect(formatChange(-0.04, 'dagar', 1)).toBe(`±0,0${S}dagar`);
    expect(formatChange(0.4, 'dagar', 0)).toBe(`±0${S}dagar`);
  });

  it('writes a change of a count without a unit', () => {
    expect(formatChange(-1500, 'antal', 0)).toBe(`${M}1${S}500`);
  });

  it('can use the unit symbol', () => {
    expect(formatChange(-123, 'mnkr', 0, { unitStyle: 'symbol' })).toBe(`${M}123${S}mnkr`);
    expect(formatChange(-123, 'mnkr', 0)).toBe(`${M}123${S}miljoner kronor`);
  });

  it('writes a missing change as an en dash', () => {
    expect(formatChange(null, 'dagar', 1)).toBe('–');
  });
});

describe('formatRelativeChange', () => {
  it('writes a relative change with sign and %', () => {
    expect(formatRelativeChange(17)).toBe(`+17${S}%`);
    expect(formatRelativeChange(-19.8, 1)).toBe(`${M}19,8${S}%`);
    expect(formatRelativeChange(-16.225165562913908, 1)).toBe(`${M}16,2${S}%`);
    expect(formatRelativeChange(0)).toBe(`±0${S}%`);
    expect(formatRelativeChange(0.3)).toBe(`±0${S}%`);
    expect(formatRelativeChange(null)).toBe('–');
  });
});

describe('formatDate', () => {
  it('writes a Swedish date', () => {
    expect(formatDate('2026-05-06')).toBe('6 maj 2026');
    expect(formatDate('2024-02-01')).toBe('1 februari 2024');
    expect(formatDate('2025-12-10')).toBe('10 december 2025');
    expect(formatDate('2025-06-17T09:00:00Z')).toBe('17 juni 2025');
  });

  it('throws on what is not a date', () => {
    expect(() => formatDate('6 maj 2026')).toThrow('Ogiltigt datum');
    expect(() => formatDate('2026-13-01')).toThrow('Ogiltigt datum');
  });

  // Fails: formatDate checks the month but not the day, so it prints "32 maj 2026" and
  // "30 februari 2026" instead of throwing "Ogiltigt datum" as it does for month 13.
  it('throws for a day that does not exist', () => {
    expect(() => formatDate('2026-05-32')).toThrow('Ogiltigt datum');
    expect(() => formatDate('2026-05-00')).toThrow('Ogiltigt datum');
    expect(() => formatDate('2026-02-30')).toThrow('Ogiltigt datum');
  });
});

describe('formatYearRange', () => {
  it('writes a plan period with an en dash', () => {
    expect(formatYearRange(2026, 2028)).toBe('2026–2028');
    expect(formatYearRange(2026, 2026)).toBe('2026');
  });
});
