import { describe, expect, it } from 'vitest';
import {
  compareKeys,
  comparePeriods,
  daysInMonth,
  keyLabel,
  monthCount,
  monthsIn,
  parsePeriodKey,
  parsePeriodText,
  periodEnd,
  periodFromDate,
  periodKey,
  periodLabel,
  periodMatchesType,
  periodStart,
  previousPeriod,
  requirePeriod,
  rolling12,
  sameLastYear,
  shiftYears,
  yearToDate,
  type Period,
  type PeriodType,
} from '../../src/domain/period.js';

const EN_DASH = '\u2013';

function p(key: string): Period {
  return requirePeriod(key);
}

function keyOf(period: Period | null): string | null {
  return period === null ? null : periodKey(period);
}

describe('parsePeriodKey and periodKey', () => {
  it('parses a year', () => {
    expect(parsePeriodKey('2025')).toEqual({ kind: 'year', year: 2025 });
  });

  it('parses a tertial', () => {
    expect(parsePeriodKey('2025-T1')).toEqual({ kind: 'tertial', year: 2025, tertial: 1 });
  });

  it('parses a quarter', () => {
    expect(parsePeriodKey('2025-Q3')).toEqual({ kind: 'quarter', year: 2025, quarter: 3 });
  });

  it('parses a month', () => {
    expect(parsePeriodKey('2025-03')).toEqual({ kind: 'month', year: 2025, month: 3 });
  });

  it('parses a year-to-date month range', () => {
    expect(parsePeriodKey('2026-01..2026-04')).toEqual({
      kind: 'months',
      from: { year: 2026, month: 1 },
      to: { year: 2026, month: 4 },
    });
  });

  it('parses a rolling month range across a year end', () => {
    expect(parsePeriodKey('2025-04..2026-03')).toEqual({
      kind: 'months',
      from: { year: 2025, month: 4 },
      to: { year: 2026, month: 3 },
    });
  });

  it('parses a date', () => {
    expect(parsePeriodKey('2026-04-30')).toEqual({ kind: 'date', year: 2026, month: 4, day: 30 });
  });

  it.each(['2025', '2025-T1', '2025-T3', '2025-Q3', '2025-03', '2026-01..2026-04', '2025-04..2026-03', '2026-04-30', '2024-02-29'])(
    'formats %s back to the same key',
    (key) => {
      expect(periodKey(p(key))).toBe(key);
    },
  );

  it('pads months and days in keys', () => {
    expect(periodKey({ kind: 'month', year: 2025, month: 3 })).toBe('2025-03');
    expect(periodKey({ kind: 'date', year: 2026, month: 5, day: 6 })).toBe('2026-05-06');
    expect(periodKey({ kind: 'months', from: { year: 2025, month: 4 }, to: { year: 2026, month: 3 } })).toBe('2025-04..2026-03');
  });

  it.each([
    ['2025-13', 'month 13'],
    ['2025-00', 'month 0'],
    ['2025-T4', 'a fourth tertial'],
    ['2025-T0', 'tertial 0'],
    ['2025-Q5', 'a fifth quarter'],
    ['2026-02-30', '30 February'],
    ['2025-02-29', '29 February in a common year'],
    ['1900-02-29', '29 February in 1900 (not a leap year)'],
    ['2026-04-31', '31 April'],
    ['2026-04-00', 'day 0'],
    ['2026-04..2026-01', 'a reversed range'],
    ['2026-03..2026-03', 'a one-month range (that is a month)'],
    ['2026-01..2026-13', 'a range ending in month 13'],
    ['', 'the empty string'],
    ['25', 'a two-digit year'],
    ['2025-3', 'a month without padding'],
    ['2025-t1', 'a lower-case t'],
    ['2025 ', 'trailing space'],
    ['mars 2026', 'free text'],
    ['1899', 'a year before 1900'],
    ['2201', 'a year after 2200'],
  ])('rejects %s (%s)', (key) => {
    expect(parsePeriodKey(key)).toBeNull();
  });

  it('accepts 29 February in leap years, including 2000', () => {
    expect(parsePeriodKey('2024-02-29')).toEqual({ kind: 'date', year: 2024, month: 2, day: 29 });
    expect(parsePeriodKey('2000-02-29')).toEqual({ kind: 'date', year: 2000, month: 2, day: 29 });
  });

  it('requirePeriod throws a Swedish error naming the key', () => {
    expect(() => requirePeriod('2025-13')).toThrow('Ogiltig period "2025-13"');
    expect(requirePeriod('2025-T2')).toEqual({ kind: 'tertial', year: 2025, tertial: 2 });
  });
});

describe('periodLabel', () => {
  it.each([
    ['2025', '2025'],
    ['2026-T1', 'T1 2026'],
    ['2025-Q3', 'kvartal 3 2025'],
    ['2026-03', 'mars 2026'],
    ['2025-05', 'maj 2025'],
    ['2026-01..2026-04', `jan${EN_DASH}apr 2026`],
    ['2025-04..2026-03', `apr 2025${EN_DASH}mar 2026`],
    ['2025-10..2025-11', `okt${EN_DASH}nov 2025`],
    ['2026-04-30', 'per 30 april 2026'],
    ['2026-05-06', 'per 6 maj 2026'],
  ])('labels %s as "%s"', (key, label) => {
    expect(periodLabel(p(key))).toBe(label);
  });

  it('uses an en dash (U+2013), not a hyphen, in month ranges', () => {
    const label = periodLabel(p('2026-01..2026-04'));
    expect(label.charCodeAt(3)).toBe(0x2013);
    expect(label).not.toContain('-');
  });

  it('has a short style for months and quarters', () => {
    expect(periodLabel(p('2026-03'), { style: 'short' })).toBe('mar 2026');
    expect(periodLabel(p('2025-Q3'), { style: 'short' })).toBe('kv3 2025');
    expect(periodLabel(p('2026-T1'), { style: 'short' })).toBe('T1 2026');
  });

  it('can leave out "per" before a date', () => {
    expect(periodLabel(p('2026-04-30'), { per: false })).toBe('30 april 2026');
  });

  it('keyLabel labels a key and returns anything else unchanged', () => {
    expect(keyLabel('2026-T1')).toBe('T1 2026');
    expect(keyLabel('2026-03', { style: 'short' })).toBe('mar 2026');
    expect(keyLabel('inte en period')).toBe('inte en period');
  });
});

describe('periodStart and periodEnd', () => {
  it.each([
    ['2025', '2025-01-01', '2025-12-31'],
    ['2025-T1', '2025-01-01', '2025-04-30'],
    ['2025-T2', '2025-05-01', '2025-08-31'],
    ['2025-T3', '2025-09-01', '2025-12-31'],
    ['2025-Q1', '2025-01-01', '2025-03-31'],
    ['2025-Q3', '2025-07-01', '2025-09-30'],
    ['2025-Q4', '2025-10-01', '2025-12-31'],
    ['2025-03', '2025-03-01', '2025-03-31'],
    ['2025-04', '2025-04-01', '2025-04-30'],
    ['2026-01..2026-04', '2026-01-01', '2026-04-30'],
    ['2025-04..2026-03', '2025-04-01', '2026-03-31'],
    ['2026-04-30', '2026-04-30', '2026-04-30'],
  ])('%s runs from %s to %s', (key, start, end) => {
    expect(periodStart(p(key))).toBe(start);
    expect(periodEnd(p(key))).toBe(end);
  });

  it('knows the length of February in leap and common years', () => {
    expect(periodEnd(p('2024-02'))).toBe('2024-02-29');
    expect(periodEnd(p('2025-02'))).toBe('2025-02-28');
    expect(periodEnd(p('2000-02'))).toBe('2000-02-29');
    expect(periodEnd(p('1900-02'))).toBe('1900-02-28');
    expect(periodEnd(p('2100-02'))).toBe('2100-02-28');
    expect(periodEnd(p('2023-12..2024-02'))).toBe('2024-02-29');
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(2026, 12)).toBe(31);
  });

  it('monthCount and monthsIn list the months a period covers', () => {
    const range = p('2025-11..2026-02');
    if (range.kind !== 'months') throw new Error('expected a month range');
    expect(monthCount(range)).toBe(4);
    expect(monthsIn(range)).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(monthsIn(p('2025-T2'))).toEqual(['2025-05', '2025-06', '2025-07', '2025-08']);
    expect(monthsIn(p('2026-04-30'))).toEqual(['2026-04']);
    expect(monthsIn(p('2025'))).toHaveLength(12);
  });
});

describe('comparePeriods', () => {
  it('orders by end, then the longer period (earlier start) last', () => {
    const keys = [
      '2025-05..2026-04',
      '2025',
      '2026-04',
      '2025-12',
      '2025-T3',
      '2026-04-30',
      '2025-06',
      '2025-Q4',
      '2026-01..2026-04',
      '2025-12-31',
    ];
    expect([...keys].sort(compareKeys)).toEqual([
      '2025-06',
      '2025-12-31',
      '2025-12',
      '2025-Q4',
      '2025-T3',
      '2025',
      '2026-04-30',
      '2026-04',
      '2026-01..2026-04',
      '2025-05..2026-04',
    ]);
  });

  it('returns a negative, zero or positive number', () => {
    expect(comparePeriods(p('2024'), p('2025'))).toBe(-1);
    expect(comparePeriods(p('2025'), p('2024'))).toBe(1);
    expect(comparePeriods(p('2025-T1'), p('2025-T1'))).toBe(0);
    expect(comparePeriods(p('2025-12'), p('2025'))).toBe(-1);
    expect(comparePeriods(p('2025'), p('2025-12'))).toBe(1);
  });

  it('orders consecutive tertials and quarters chronologically', () => {
    expect(['2025-T3', '2024-T3', '2025-T1', '2025-T2'].sort(compareKeys)).toEqual(['2024-T3', '2025-T1', '2025-T2', '2025-T3']);
    expect(['2025-Q2', '2024-Q4', '2025-Q1'].sort(compareKeys)).toEqual(['2024-Q4', '2025-Q1', '2025-Q2']);
  });

  it('compareKeys throws on an invalid key', () => {
    expect(() => compareKeys('2025', '2025-13')).toThrow('2025-13');
  });
});

describe('previousPeriod', () => {
  it.each([
    ['2025', '2024'],
    ['2025-T1', '2024-T3'],
    ['2025-T3', '2025-T2'],
    ['2025-T2', '2025-T1'],
    ['2025-Q1', '2024-Q4'],
    ['2025-Q3', '2025-Q2'],
    ['2025-01', '2024-12'],
    ['2025-03', '2025-02'],
    ['2026-01..2026-04', '2025-09..2025-12'],
    ['2025-04..2026-03', '2024-04..2025-03'],
    ['2026-02..2026-03', '2025-12..2026-01'],
    ['2026-04-30', '2026-04-29'],
    ['2026-03-01', '2026-02-28'],
    ['2024-03-01', '2024-02-29'],
    ['2026-01-01', '2025-12-31'],
  ])('%s → %s', (key, previous) => {
    expect(periodKey(previousPeriod(p(key)))).toBe(previous);
  });
});

describe('sameLastYear and shiftYears', () => {
  it.each([
    ['2026', '2025'],
    ['2026-T1', '2025-T1'],
    ['2025-Q3', '2024-Q3'],
    ['2026-03', '2025-03'],
    ['2026-01..2026-04', '2025-01..2025-04'],
    ['2025-04..2026-03', '2024-04..2025-03'],
    ['2026-04-30', '2025-04-30'],
  ])('%s → %s', (key, last) => {
    expect(periodKey(sameLastYear(p(key)))).toBe(last);
  });

  it('moves 29 February to 28 February in a common year', () => {
    expect(periodKey(sameLastYear(p('2024-02-29')))).toBe('2023-02-28');
  });

  it('keeps 29 February when shifting to another leap year', () => {
    expect(periodKey(shiftYears(p('2024-02-29'), 4))).toBe('2028-02-29');
    expect(periodKey(shiftYears(p('2024-02-29'), 1))).toBe('2025-02-28');
  });
});

describe('yearToDate and rolling12', () => {
  it('year to date is January through the month', () => {
    expect(periodKey(yearToDate(2026, 4))).toBe('2026-01..2026-04');
    expect(periodLabel(yearToDate(2026, 4))).toBe(`jan${EN_DASH}apr 2026`);
    expect(periodKey(yearToDate(2025, 12))).toBe('2025-01..2025-12');
  });

  it('year to date in January is the month itself', () => {
    expect(yearToDate(2026, 1)).toEqual({ kind: 'month', year: 2026, month: 1 });
  });

  it('rolling 12 months end with the given month', () => {
    expect(periodKey(rolling12(2026, 3))).toBe('2025-04..2026-03');
    expect(periodLabel(rolling12(2026, 3))).toBe(`apr 2025${EN_DASH}mar 2026`);
    expect(periodKey(rolling12(2025, 12))).toBe('2025-01..2025-12');
    expect(periodKey(rolling12(2026, 1))).toBe('2025-02..2026-01');
  });
});

describe('periodMatchesType', () => {
  const cases: Array<[string, PeriodType, boolean]> = [
    ['2025', 'year', true],
    ['2025-03', 'year', false],
    ['2025-T1', 'tertial', true],
    ['2025-Q1', 'tertial', false],
    ['2025-Q3', 'quarter', true],
    ['2025-T3', 'quarter', false],
    ['2025-03', 'month', true],
    ['2025-03-31', 'month', false],
    ['2026-04-30', 'date', true],
    ['2026-04', 'date', false],
    ['2026-01..2026-04', 'ytd', true],
    ['2025-01..2025-12', 'ytd', true],
    ['2026-01', 'ytd', true],
    ['2026-02', 'ytd', false],
    ['2026-02..2026-04', 'ytd', false],
    ['2025-04..2026-03', 'ytd', false],
    ['2025-01..2026-04', 'ytd', false],
    ['2026', 'ytd', false],
    ['2025-04..2026-03', 'rolling12', true],
    ['2025-01..2025-12', 'rolling12', true],
    ['2025-05..2026-03', 'rolling12', false],
    ['2026-01..2026-04', 'rolling12', false],
    ['2025', 'rolling12', false],
    ['2025-10..2025-11', 'months', true],
    ['2026-01..2026-04', 'months', true],
    ['2025-10', 'months', false],
    ['2025', 'months', false],
  ];
  it.each(cases)('%s as %s → %s', (key, type, expected) => {
    expect(periodMatchesType(p(key), type)).toBe(expected);
  });
});

describe('parsePeriodText', () => {
  it.each([
    ['jan-april 2026', '2026-01..2026-04'],
    [`jan${EN_DASH}apr 2026`, '2026-01..2026-04'],
    ['januari - april 2026', '2026-01..2026-04'],
    [`apr 2025${EN_DASH}mar 2026`, '2025-04..2026-03'],
    ['jan 2026 - apr 2026', '2026-01..2026-04'],
    ['jan-jan 2026', '2026-01'],
    ['T1 2026', '2026-T1'],
    ['t1-2026', '2026-T1'],
    ['tertial 2 2025', '2025-T2'],
    ['2026 T3', '2026-T3'],
    ['kv3 2025', '2025-Q3'],
    ['Q3 2025', '2025-Q3'],
    ['kvartal 4 2025', '2025-Q4'],
    ['2025 Q1', '2025-Q1'],
    ['per 30 april 2026', '2026-04-30'],
    ['30 april 2026', '2026-04-30'],
    ['30 apr. 2026', '2026-04-30'],
    ['mars 2026', '2026-03'],
    ['Mars 2026', '2026-03'],
    ['mar 2026', '2026-03'],
    ['sept 2025', '2025-09'],
    ['dec. 2024', '2024-12'],
    ['2026/03', '2026-03'],
    ['2026.3', '2026-03'],
    ['03/2026', '2026-03'],
    ['2026-03', '2026-03'],
    ['2025', '2025'],
    ['  mars   2026 ', '2026-03'],
  ])('reads "%s" as %s', (text, key) => {
    expect(keyOf(parsePeriodText(text))).toBe(key);
  });

  it.each([
    '',
    '   ',
    'hej',
    'T4 2026',
    'kv5 2025',
    '2025-13',
    '13/2026',
    '2026/13',
    'per 30 februari 2026',
    '31 april 2026',
    'foo 2026',
    'ma 2026',
    'apr-jan 2026',
    'mar 2026-jan 2026',
    'mars',
    '2025-2026',
  ])('returns null for "%s"', (text) => {
    expect(parsePeriodText(text)).toBeNull();
  });
});

describe('periodFromDate', () => {
  it('reads the UTC date of a timestamp', () => {
    expect(periodKey(periodFromDate(new Date('2026-04-30T23:30:00Z')))).toBe('2026-04-30');
    expect(periodKey(periodFromDate(new Date(Date.UTC(2024, 1, 29))))).toBe('2024-02-29');
  });
});
