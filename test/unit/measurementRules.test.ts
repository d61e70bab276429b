import { describe, expect, it } from 'vitest';
import { checkMeasurement, type MeasurementRow } from '../../src/domain/measurementRules.js';
import { indicator } from './fixtures.js';

const teleq = indicator({ id: 'teleq', name: 'Besvarade samtal samma dag', unit: 'procent', kind: 'ratio', periodType: 'month', decimals: 0 });
const ytd = indicator({ id: 'resultat', unit: 'mnkr', kind: 'amount', periodType: 'ytd', decimals: 0 });
const tillbud = indicator({ id: 'tillbud', name: 'Antal tillbud', unit: 'antal', kind: 'count', periodType: 'year' });
const bySex = indicator({ id: 'svf', unit: 'procent', kind: 'ratio', periodType: 'year', breakdown: 'kon' });
const derived = indicator({
  id: 'tillbud_per_skada',
  name: 'Tillbud i förhållande till skador',
  unit: 'procent',
  kind: 'value',
  periodType: 'year',
  derivation: { numerator: 'tillbud', denominator: 'skador' },
});

function row(overrides: Partial<MeasurementRow>): MeasurementRow {
  return {
    indicatorId: 'x',
    areaId: 'region-kalmar-lan',
    period: '2026-03',
    breakdown: '',
    scenario: 'utfall',
    asOf: '',
    value: null,
    numerator: null,
    denominator: null,
    ...overrides,
  };
}

function rules(violations: ReadonlyArray<{ rule: string }>): string[] {
  return violations.map((v) => v.rule);
}

describe('checkMeasurement: valid rows', () => {
  it('accepts a share given as its parts', () => {
    expect(checkMeasurement(teleq, row({ numerator: 29802, denominator: 30448 }))).toEqual([]);
  });

  it('accepts a share of exactly 100 % and of 0 %', () => {
    expect(checkMeasurement(teleq, row({ numerator: 30448, denominator: 30448 }))).toEqual([]);
    expect(checkMeasurement(teleq, row({ numerator: 0, denominator: 30448 }))).toEqual([]);
    expect(checkMeasurement(teleq, row({ value: 100 }))).toEqual([]);
  });

  it('accepts a count, a year-to-date amount, a breakdown and a forecast made after a period', () => {
    expect(checkMeasurement(tillbud, row({ period: '2023', value: 738 }))).toEqual([]);
    expect(checkMeasurement(ytd, row({ period: '2026-01..2026-04', value: -123.4 }))).toEqual([]);
    expect(checkMeasurement(bySex, row({ period: '2025', breakdown: 'K', numerator: 70, denominator: 100 }))).toEqual([]);
    expect(checkMeasurement(ytd, row({ period: '2025-01..2025-12', scenario: 'prognos', asOf: '2025-04', value: 250 }))).toEqual([]);
  });

  it('accepts a missing value (null is not an error)', () => {
    expect(checkMeasurement(tillbud, row({ period: '2023' }))).toEqual([]);
  });
});

describe('checkMeasurement: period', () => {
  it('rejects a period of another type than the indicator\'s', () => {
    const violations = checkMeasurement(teleq, row({ period: '2025', numerator: 1, denominator: 2 }));
    expect(violations).toEqual([
      { field: 'period', rule: 'periodtyp', message: 'perioden 2025 passar inte indikatorn, som mäts per månad' },
    ]);
    expect(rules(checkMeasurement(ytd, row({ period: '2026-02..2026-04', value: 1 })))).toEqual(['periodtyp']);
    expect(rules(checkMeasurement(tillbud, row({ period: '2023-T1', value: 1 })))).toEqual(['periodtyp']);
  });

  it('rejects what is not a period key', () => {
    expect(checkMeasurement(tillbud, row({ period: '2025-13', value: 1 }))).toEqual([
      { field: 'period', rule: 'period', message: '"2025-13" är ingen period' },
    ]);
  });
});

describe('checkMeasurement: breakdown', () => {
  it('rejects a breakdown on an indicator without one', () => {
    expect(checkMeasurement(tillbud, row({ period: '2023', breakdown: 'K', value: 5 }))).toEqual([
      { field: 'breakdown', rule: 'uppdelning', message: 'indikatorn har ingen uppdelning, men raden anger "K"' },
    ]);
  });
});

describe('checkMeasurement: forecasts', () => {
  it('rejects a forecast without the period it was made after', () => {
    expect(checkMeasurement(ytd, row({ period: '2026-01..2026-04', scenario: 'prognos', value: 1 }))).toEqual([
      { field: 'scenario', rule: 'prognos', message: 'en prognos måste ange efter vilken period den gjordes (t.ex. 2025-04)' },
    ]);
    expect(rules(checkMeasurement(ytd, row({ period: '2026-01..2026-04', scenario: 'prognos', asOf: 'april', value: 1 })))).toEqual(['prognos']);
  });

  it('rejects a forecast time on an outcome or a budget', () => {
    expect(checkMeasurement(ytd, row({ period: '2026-01..2026-04', scenario: 'budget', asOf: '2026-02', value: 1 }))).toEqual([
      { field: 'scenario', rule: 'prognos', message: 'bara prognoser anger en prognostidpunkt' },
    ]);
  });
});

describe('checkMeasurement: shares', () => {
  it('rejects a share above 100 % given as parts', () => {
    expect(checkMeasurement(teleq, row({ numerator: 30449, denominator: 30448 }))).toEqual([
      { field: 'numerator', rule: 'över 100 %', message: 'en andel kan inte vara över 100 % (30449 av 30448)' },
    ]);
  });

  it('rejects a share above 100 % or below 0 % given as a value', () => {
    expect(checkMeasurement(teleq, row({ value: 100.1 }))).toEqual([
      { field: 'value', rule: 'över 100 %', message: 'en andel måste ligga mellan 0 och 100 % (100.1)' },
    ]);
    expect(rules(checkMeasurement(teleq, row({ value: -1 })))).toEqual(['över 100 %']);
  });

  it('rejects a negative numerator and a denominator of 0 or below', () => {
    expect(checkMeasurement(teleq, row({ numerator: -1, denominator: 10 }))).toEqual([
      { field: 'numerator', rule: 'negativt', message: 'täljaren kan inte vara negativ (-1)' },
    ]);
    expect(checkMeasurement(teleq, row({ numerator: 0, denominator: 0 }))).toEqual([
      { field: 'denominator', rule: 'nämnare', message: 'nämnaren måste vara större än 0 (0)' },
    ]);
  });

  it('needs both parts', () => {
    expect(checkMeasurement(teleq, row({ numerator: 5 }))).toEqual([
      { field: 'denominator', rule: 'täljare', message: 'både täljare och nämnare behövs' },
    ]);
    expect(checkMeasurement(teleq, row({ denominator: 5 }))[0]?.field).toBe('numerator');
  });

  it('rejects a value together with parts: the share is computed from them', () => {
    expect(checkMeasurement(teleq, row({ value: 98, numerator: 29802, denominator: 30448 }))).toEqual([
      { field: 'value', rule: 'beräknat värde', message: 'ange antingen värde eller täljare och nämnare; andelen beräknas ur delarna' },
    ]);
  });

  it('rejects parts on an indicator that is not a ratio', () => {
    expect(checkMeasurement(tillbud, row({ period: '2023', numerator: 1, denominator: 2 }))).toEqual([
      { field: 'numerator', rule: 'täljare', message: 'täljare och nämnare hör bara till kvoter (andelar)' },
    ]);
  });
});

describe('checkMeasurement: counts', () => {
  it('rejects a negative count', () => {
    expect(checkMeasurement(tillbud, row({ period: '2023', value: -3 }))).toEqual([
      { field: 'value', rule: 'negativt antal', message: 'ett antal kan inte vara negativt (-3)' },
    ]);
  });

  it('rejects a count that is not an integer', () => {
    expect(checkMeasurement(tillbud, row({ period: '2023', value: 3.5 }))).toEqual([
      { field: 'value', rule: 'heltal', message: 'ett antal ska vara ett heltal (3.5)' },
    ]);
    expect(rules(checkMeasurement(tillbud, row({ period: '2023', value: -1.5 })))).toEqual(['negativt antal', 'heltal']);
  });

  it('rejects a value that is not a finite number', () => {
    expect(rules(checkMeasurement(ytd, row({ period: '2026-01..2026-04', value: Number.NaN })))).toEqual(['tal']);
  });
});

describe('checkMeasurement: derived indicators', () => {
  it('rejects any stored value for a derived indicator', () => {
    expect(checkMeasurement(derived, row({ period: '2023', value: 134.9 }))).toEqual([
      { field: 'indicator', rule: 'härledd', message: 'Tillbud i förhållande till skador beräknas ur andra indikatorer och kan inte ges egna värden' },
    ]);
    expect(rules(checkMeasurement(derived, row({ period: '2023' })))).toEqual(['härledd']);
  });
});

describe('checkMeasurement: several problems at once', () => {
  it('lists every violation of a row', () => {
    const violations = checkMeasurement(tillbud, row({ period: '2023-03', breakdown: 'M', scenario: 'prognos', value: -0.5 }));
    expect(rules(violations)).toEqual(['periodtyp', 'uppdelning', 'prognos', 'negativt antal', 'heltal']);
  });
});
