import { describe, expect, it } from 'vitest';
import type { Area } from '../../src/domain/area.js';
import type { Indicator } from '../../src/domain/indicator.js';
import { latestTwo, observe, periodsWithData, resolveObservation, type ValueContext } from '../../src/domain/values.js';
import { area, indicator, measurement, measurementMap, regionAreas, teleqMeasurements, type StoredMeasurement } from './fixtures.js';

const teleq = indicator({ id: 'teleq', name: 'Besvarade samtal samma dag', unit: 'procent', kind: 'ratio', periodType: 'month', source: 'TeleQ' });
const bup = indicator({ id: 'bup', name: 'Medelväntetid BUP', unit: 'dagar', decimals: 1, kind: 'value', periodType: 'month', direction: 'lower_is_better' });
const tillbud = indicator({ id: 'tillbud', unit: 'antal', kind: 'count', periodType: 'year' });
const skador = indicator({ id: 'skador', unit: 'antal', kind: 'count', periodType: 'year' });
const kvot = indicator({
  id: 'tillbud_per_skada',
  unit: 'procent',
  decimals: 1,
  kind: 'value',
  periodType: 'year',
  derivation: { numerator: 'tillbud', denominator: 'skador' },
});

function context(measurements: StoredMeasurement[], extraAreas: Area[] = [], indicators: Indicator[] = [teleq, bup, tillbud, skador, kvot]): ValueContext {
  return {
    indicators: new Map(indicators.map((i) => [i.id, i])),
    areas: new Map([...regionAreas(), ...extraAreas].map((a) => [a.id, a])),
    measurements: measurementMap(measurements),
  };
}

describe('observe and resolveObservation: stored rows', () => {
  it('a ratio\'s value is computed from its parts, never read', () => {
    const m = measurement({ indicatorId: 'teleq', areaId: 'region-kalmar-lan', period: '2026-03', numerator: 29802, denominator: 30448, value: 99 });
    const o = observe(teleq, m);
    expect(o.value).toBeCloseTo(97.87834997, 8);
    expect(o.numerator).toBe(29802);
    expect(o.denominator).toBe(30448);
    expect(o.origin).toBe('stored');
    expect(o.measurementIds).toEqual([m.id]);
    expect(o.coverage).toBeNull();
  });

  it('a ratio stored as a value alone keeps the value', () => {
    const m = measurement({ indicatorId: 'teleq', areaId: 'region-kalmar-lan', period: '2026-03', value: 97.9 });
    expect(observe(teleq, m).value).toBe(97.9);
  });

  it('resolves a stored row with its source', () => {
    const ctx = context(teleqMeasurements('teleq', '2026-03'));
    const o = resolveObservation(ctx, { indicatorId: 'teleq', areaId: 'region-kalmar-lan', period: '2026-03' });
    expect(o?.value).toBeCloseTo(97.87834997, 8);
    expect(o?.sources).toEqual(['TeleQ']);
    expect(o?.scenario).toBe('utfall');
    expect(o?.breakdown).toBe('');
  });

  it('is null for an unknown indicator, a missing row or another period', () => {
    const ctx = context(teleqMeasurements('teleq', '2026-03'));
    expect(resolveObservation(ctx, { indicatorId: 'okand', areaId: 'region-kalmar-lan', period: '2026-03' })).toBeNull();
    expect(resolveObservation(ctx, { indicatorId: 'teleq', areaId: 'region-stockholm', period: '2026-03' })).toBeNull();
    expect(resolveObservation(ctx, { indicatorId: 'teleq', areaId: 'region-kalmar-lan', period: '2026-02' })).toBeNull();
    expect(resolveObservation(ctx, { indicatorId: 'teleq', areaId: 'region-kalmar-lan', period: '2026-03', scenario: 'budget' })).toBeNull();
  });
});

describe('resolveObservation: aggregate areas', () => {
  it('Alla regioner is Σ numerators / Σ denominators of its members, with coverage 19 of 21', () => {
    const rows = teleqMeasurements('teleq', '2026-03');
    const ctx = context(rows);
    const o = resolveObservation(ctx, { indicatorId: 'teleq', areaId: 'alla-regioner', period: '2026-03' });
    expect(o?.origin).toBe('aggregate');
    expect(o?.numerator).toBe(744248);
    expect(o?.denominator).toBe(832490);
    expect(o?.value).toBeCloseTo(89.40023304, 8);
    expect(o?.coverage).toEqual({ included: 19, total: 21 });
    expect(o?.sources).toEqual(['TeleQ']);
    expect([...(o?.measurementIds ?? [])].sort((a, b) => a - b)).toEqual(rows.map((r) => r.id).sort((a, b) => a - b));
    expect(o?.preliminary).toBe(false);
  });

  it('is preliminary when a member is', () => {
    const rows = teleqMeasurements('teleq', '2026-03');
    rows[3] = { ...(rows[3] as StoredMeasurement), preliminary: true };
    const o = resolveObservation(context(rows), { indicatorId: 'teleq', areaId: 'alla-regioner', period: '2026-03' });
    expect(o?.preliminary).toBe(true);
  });

  it('a stored value for the aggregate area wins over the computed one', () => {
    const stored = measurement({ indicatorId: 'teleq', areaId: 'alla-regioner', period: '2026-03', numerator: 800000, denominator: 900000 });
    const o = resolveObservation(context([...teleqMeasurements('teleq', '2026-03'), stored]), { indicatorId: 'teleq', areaId: 'alla-regioner', period: '2026-03' });
    expect(o?.origin).toBe('stored');
    expect(o?.value).toBeCloseTo(88.8888889, 6);
  });

  it('sums counts over members, leaving out those without a value', () => {
    const forvaltning = area({ id: 'hsf', kind: 'administration', memberIds: ['klinik-a', 'klinik-b', 'klinik-c'] });
    const units = ['klinik-a', 'klinik-b', 'klinik-c'].map((id) => area({ id, kind: 'unit', parentId: 'hsf' }));
    const ctx = context(
      [
        measurement({ indicatorId: 'tillbud', areaId: 'klinik-a', period: '2023', value: 400 }),
        measurement({ indicatorId: 'tillbud', areaId: 'klinik-b', period: '2023', value: 338 }),
      ],
      [forvaltning, ...units],
    );
    const o = resolveObservation(ctx, { indicatorId: 'tillbud', areaId: 'hsf', period: '2023' });
    expect(o?.value).toBe(738);
    expect(o?.origin).toBe('aggregate');
    expect(o?.coverage).toEqual({ included: 2, total: 3 });
  });

  it('does not aggregate a plain value (a mean wait) over areas', () => {
    const ctx = context([measurement({ indicatorId: 'bup', areaId: 'region-kalmar-lan', period: '2026-03', value: 25.3 })]);
    expect(resolveObservation(ctx, { indicatorId: 'bup', areaId: 'alla-regioner', period: '2026-03' })).toBeNull();
  });

  it('is null when no member has data', () => {
    expect(resolveObservation(context([]), { indicatorId: 'teleq', areaId: 'alla-regioner', period: '2026-03' })).toBeNull();
  });
});

describe('resolveObservation: derived indicators', () => {
  const rows = [
    measurement({ indicatorId: 'tillbud', areaId: 'region-kalmar-lan', period: '2023', value: 738 }),
    measurement({ indicatorId: 'skador', areaId: 'region-kalmar-lan', period: '2023', value: 547 }),
  ];

  it('tillbud 738 / skador 547 = 134,9 %', () => {
    const o = resolveObservation(context(rows), { indicatorId: 'tillbud_per_skada', areaId: 'region-kalmar-lan', period: '2023' });
    expect(o?.origin).toBe('derived');
    expect(o?.value).toBeCloseTo(134.9177331, 6);
    expect(o?.numerator).toBe(738);
    expect(o?.denominator).toBe(547);
    expect(o?.measurementIds).toEqual(rows.map((r) => r.id));
  });

  it('is null when a part is missing or the denominator is 0', () => {
    expect(resolveObservation(context([rows[0] as StoredMeasurement]), { indicatorId: 'tillbud_per_skada', areaId: 'region-kalmar-lan', period: '2023' })).toBeNull();
    const zero = measurement({ indicatorId: 'skador', areaId: 'region-kalmar-lan', period: '2023', value: 0 });
    expect(resolveObservation(context([rows[0] as StoredMeasurement, zero]), { indicatorId: 'tillbud_per_skada', areaId: 'region-kalmar-lan', period: '2023' })).toBeNull();
  });
});

describe('periodsWithData and latestTwo', () => {
  const series = [
    measurement({ indicatorId: 'bup', areaId: 'region-kalmar-lan', period: '2026-03', value: 25.3 }),
    measurement({ indicatorId: 'bup', areaId: 'region-kalmar-lan', period: '2024-12', value: 30.2 }),
    measurement({ indicatorId: 'bup', areaId: 'region-kalmar-lan', period: '2025-06', value: 28.1 }),
    measurement({ indicatorId: 'bup', areaId: 'region-kalmar-lan', period: '2026-04', value: null }),
    measurement({ indicatorId: 'bup', areaId: 'region-kalmar-lan', period: '2026-03', scenario: 'budget', value: 30 }),
    measurement({ indicatorId: 'bup', areaId: 'region-skane', period: '2023-01', value: 40 }),
  ];

  it('lists the periods with a stored row, oldest first, for one area and scenario', () => {
    expect(periodsWithData(context(series), { indicatorId: 'bup', areaId: 'region-kalmar-lan' })).toEqual(['2024-12', '2025-06', '2026-03', '2026-04']);
    expect(periodsWithData(context(series), { indicatorId: 'bup', areaId: 'region-kalmar-lan', scenario: 'budget' })).toEqual(['2026-03']);
  });

  it('lists the periods of an aggregate\'s members and of a derived indicator\'s parts', () => {
    const rows = [...teleqMeasurements('teleq', '2026-03'), ...teleqMeasurements('teleq', '2026-02')];
    expect(periodsWithData(context(rows), { indicatorId: 'teleq', areaId: 'alla-regioner' })).toEqual(['2026-02', '2026-03']);
    const parts = [
      measurement({ indicatorId: 'tillbud', areaId: 'region-kalmar-lan', period: '2021', value: 600 }),
      measurement({ indicatorId: 'tillbud', areaId: 'region-kalmar-lan', period: '2022', value: 650 }),
      measurement({ indicatorId: 'skador', areaId: 'region-kalmar-lan', period: '2022', value: 500 }),
    ];
    expect(periodsWithData(context(parts), { indicatorId: 'tillbud_per_skada', areaId: 'region-kalmar-lan' })).toEqual(['2022']);
  });

  it('latestTwo gives the two latest observations with a value', () => {
    const { latest, previous } = latestTwo(context(series), { indicatorId: 'bup', areaId: 'region-kalmar-lan' });
    expect(latest?.period).toBe('2026-03');
    expect(latest?.value).toBe(25.3);
    expect(previous?.period).toBe('2025-06');
  });

  it('latestTwo is empty without data', () => {
    expect(latestTwo(context([]), { indicatorId: 'bup', areaId: 'region-kalmar-lan' })).toEqual({ latest: null, previous: null });
  });
});
