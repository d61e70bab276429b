import { describe, expect, it } from 'vitest';
import { parseNumberCell, parseNumberText } from '../../src/importers/tabular/numbers.js';
import { periodFromCell, fitPeriod } from '../../src/importers/tabular/periods.js';
import { cellText, columnLetter, excelSerialToDate } from '../../src/importers/tabular/cells.js';

describe('numbers as Swedish files write them', () => {
  it.each([
    ['30,2', 30.2],
    ['30.2', 30.2],
    ['1 264 000', 1_264_000],
    ['1\u00a0264\u00a0000', 1_264_000],
    ['1\u202f264', 1264],
    ['29 802', 29_802],
    ['98 %', 98],
    ['98%', 98],
    ['97,9 %', 97.9],
    ['\u22125', -5],
    ['\u20135,5', -5.5],
    ['-5', -5],
    ['+3,3', 3.3],
    ['1.234.567,89', 1_234_567.89],
    ['1,234,567.5', 1_234_567.5],
    ['1,234', 1.234],
    ['0,5', 0.5],
    [',5', 0.5],
    ['1,23E+05', 123_000],
    ['  42  ', 42],
    ['0', 0],
  ])('%j is %d', (text, expected) => {
    expect(parseNumberText(text)).toEqual({ ok: true, value: expected });
  });

  it.each(['', '..', '–', '-', 'x', 'saknas', '…'])('%j is missing (null), never 0', (text) => {
    expect(parseNumberText(text)).toEqual({ ok: true, value: null });
  });

  it.each(['abc', '12,x', '1 2 3,4,5', '--5', '5-', '%', '1e999', 'NaN', '12 kr'])('%j is not a number', (text) => {
    expect(parseNumberText(text)).toEqual({ ok: false });
  });

  it('keeps numbers from XLSX and refuses dates and booleans', () => {
    expect(parseNumberCell(12.5)).toEqual({ ok: true, value: 12.5 });
    expect(parseNumberCell(null)).toEqual({ ok: true, value: null });
    expect(parseNumberCell(true)).toEqual({ ok: false });
    expect(parseNumberCell({ kind: 'date', date: new Date(0), precision: 'day' })).toEqual({ ok: false });
    expect(parseNumberCell({ kind: 'error', code: '#DIV/0!' })).toEqual({ ok: false });
  });
});

describe('periods as files write them', () => {
  const key = (cell: Parameters<typeof periodFromCell>[0]) => periodFromCell(cell)?.period;
  it.each([
    ['2026-03', { kind: 'month', year: 2026, month: 3 }],
    ['mars 2026', { kind: 'month', year: 2026, month: 3 }],
    ['T1 2026', { kind: 'tertial', year: 2026, tertial: 1 }],
    ['jan-april 2026', { kind: 'months', from: { year: 2026, month: 1 }, to: { year: 2026, month: 4 } }],
    ['per 30 april 2026', { kind: 'date', year: 2026, month: 4, day: 30 }],
    ['2025', { kind: 'year', year: 2025 }],
    ['202603', { kind: 'month', year: 2026, month: 3 }],
    ['46082', { kind: 'date', year: 2026, month: 3, day: 1 }],
    ['2026-03-01T00:00:00', { kind: 'date', year: 2026, month: 3, day: 1 }],
  ])('%j', (text, expected) => {
    expect(key(text)).toEqual(expected);
  });

  it('reads numbers as years or Excel serial dates, and date cells at the precision they show', () => {
    expect(key(2025)).toEqual({ kind: 'year', year: 2025 });
    expect(key(46082)).toEqual({ kind: 'date', year: 2026, month: 3, day: 1 });
    expect(key(46082.75)).toEqual({ kind: 'date', year: 2026, month: 3, day: 1 });
    expect(key(12)).toBeUndefined();
    const march = new Date(Date.UTC(2026, 2, 1));
    expect(key({ kind: 'date', date: march, precision: 'month' })).toEqual({ kind: 'month', year: 2026, month: 3 });
    expect(key({ kind: 'date', date: march, precision: 'day' })).toEqual({ kind: 'date', year: 2026, month: 3, day: 1 });
    expect(key('mars')).toBeUndefined();
    expect(key('2026-13')).toBeUndefined();
  });

  it('excel serial 1 is 1900-01-01 and 60 is Excel’s phantom 29 February 1900', () => {
    expect(excelSerialToDate(1).toISOString().slice(0, 10)).toBe('1900-01-01');
    expect(excelSerialToDate(61).toISOString().slice(0, 10)).toBe('1900-03-01');
    expect(excelSerialToDate(46082).toISOString().slice(0, 10)).toBe('2026-03-01');
  });

  it('fits a period written another way to the indicator’s period type', () => {
    const fit = (text: string, type: Parameters<typeof fitPeriod>[1]) => {
      const found = periodFromCell(text);
      return found ? fitPeriod(found, type) : undefined;
    };
    expect(fit('jan-april 2026', 'tertial')).toEqual({ kind: 'tertial', year: 2026, tertial: 1 });
    expect(fit('jan-mars 2026', 'quarter')).toEqual({ kind: 'quarter', year: 2026, quarter: 1 });
    expect(fit('jan-dec 2025', 'year')).toEqual({ kind: 'year', year: 2025 });
    expect(fit('2026-03-01', 'month')).toEqual({ kind: 'month', year: 2026, month: 3 });
    expect(fit('2026-03-31', 'month')).toEqual({ kind: 'month', year: 2026, month: 3 });
    expect(fit('2026-03-15', 'month')).toBeNull();
    expect(fit('T1 2026', 'ytd')).toEqual({ kind: 'months', from: { year: 2026, month: 1 }, to: { year: 2026, month: 4 } });
    expect(fit('2026', 'month')).toBeNull();
    expect(fit('feb-maj 2026', 'tertial')).toBeNull();
  });
});

describe('cells', () => {
  it('names columns as Excel does', () => {
    expect([1, 2, 26, 27, 52, 53, 702, 703, 16384].map(columnLetter)).toEqual(['A', 'B', 'Z', 'AA', 'AZ', 'BA', 'ZZ', 'AAA', 'XFD']);
  });
  it('shows cells as text', () => {
    expect(cellText('  x ')).toBe('x');
    expect(cellText('   ')).toBeNull();
    expect(cellText(30.2)).toBe('30,2');
    expect(cellText({ kind: 'date', date: new Date(Date.UTC(2026, 2, 1)), precision: 'month' })).toBe('2026-03');
  });
});

describe('the key set that finds repeated keys without holding them', () => {
  it('lists every row of every repeated key among its candidates, and few others', async () => {
    const { KeySet } = await import('../../src/importers/tabular/keySet.js');
    const fc = (await import('fast-check')).default;
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom('a', 'b', 'bup'), fc.constantFrom('0008', '0010'), fc.constantFrom('2025', '2026-03', '')), { maxLength: 300 }), (keys) => {
        const set = new KeySet(4);
        keys.forEach((k, i) => set.add(k, i + 1));
        const seen = new Map<string, number[]>();
        keys.forEach((k, i) => seen.set(k.join('|'), [...(seen.get(k.join('|')) ?? []), i + 1]));
        const repeated = [...seen.values()].filter((rows) => rows.length > 1).flat().sort((a, b) => a - b);
        expect([...set.candidates].sort((a, b) => a - b)).toEqual(repeated);
      }),
    );
    const big = new KeySet();
    for (let i = 1; i <= 200_000; i++) big.add(['bench', `e${i % 1000}`, `${2000 + Math.floor(i / 1000)}`], i);
    expect(big.candidates.size).toBe(0);
  });
});
