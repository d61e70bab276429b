/**
 * Small builders for the unit tests of the domain layer: an indicator, an area and a stored
 * measurement with sensible defaults, and the TeleQ figures of 6 May 2026 (calls answered the
 * same day / calls received, per region).
 */
import { SWEDISH_REGIONS, type Area } from '../../src/domain/area.js';
import type { DatasetColumn } from '../../src/domain/dataset.js';
import type { Indicator } from '../../src/domain/indicator.js';
import { measurementKeyString, type Measurement } from '../../src/domain/measurement.js';
import { slugify } from '../../src/domain/text.js';

export type StoredMeasurement = Measurement & { id: number };

export function indicator(overrides: Partial<Indicator> & Pick<Indicator, 'id'>): Indicator {
  return {
    name: overrides.id,
    shortName: null,
    description: null,
    unit: 'antal',
    decimals: 0,
    direction: 'higher_is_better',
    periodType: 'year',
    kind: 'value',
    breakdown: null,
    derivation: null,
    source: 'Test',
    koladaKpi: null,
    ownerPersonId: null,
    ownerAreaId: null,
    goalLineIds: [],
    ...overrides,
  };
}

export function area(overrides: Partial<Area> & Pick<Area, 'id'>): Area {
  return {
    kind: 'region',
    name: overrides.id,
    shortName: null,
    koladaId: null,
    parentId: null,
    aliases: [],
    memberIds: [],
    ...overrides,
  };
}

let nextId = 1;

export function measurement(
  fields: Pick<Measurement, 'indicatorId' | 'areaId' | 'period'> & Partial<Measurement>,
): StoredMeasurement {
  const { provenance, ...rest } = fields;
  return {
    id: nextId++,
    breakdown: '',
    scenario: 'utfall',
    asOf: '',
    value: null,
    numerator: null,
    denominator: null,
    preliminary: false,
    comment: null,
    ...rest,
    provenance: provenance ?? {
      source: 'Test',
      importBatchId: null,
      sourceRow: null,
      sourceRef: null,
      recordedBy: 'test',
      recordedAt: '2026-05-01T00:00:00Z',
    },
  };
}

export function measurementMap(rows: readonly StoredMeasurement[]): Map<string, StoredMeasurement> {
  return new Map(rows.map((m) => [measurementKeyString(m), m]));
}

/** TeleQ, 6 May 2026: answered the same day / received, for the 19 regions that reported. */
export const TELEQ: ReadonlyArray<{ name: string; answered: number; received: number }> = [
  { name: 'Region Kalmar län', answered: 29802, received: 30448 },
  { name: 'Region Skåne', answered: 115240, received: 118426 },
  { name: 'Region Jönköpings län', answered: 37124, received: 39095 },
  { name: 'Region Gotland', answered: 6310, received: 6733 },
  { name: 'Region Kronoberg', answered: 19530, received: 20712 },
  { name: 'Västra Götalandsregionen', answered: 168693, received: 178659 },
  { name: 'Region Halland', answered: 22736, received: 24358 },
  { name: 'Region Västmanland', answered: 20579, received: 22291 },
  { name: 'Region Uppsala', answered: 31396, received: 34511 },
  { name: 'Region Gävleborg', answered: 29796, received: 33874 },
  { name: 'Region Östergötland', answered: 53754, received: 62325 },
  { name: 'Region Västernorrland', answered: 22729, received: 26694 },
  { name: 'Region Jämtland Härjedalen', answered: 15120, received: 17933 },
  { name: 'Region Norrbotten', answered: 28979, received: 34347 },
  { name: 'Region Värmland', answered: 28049, received: 33839 },
  { name: 'Region Dalarna', answered: 33075, received: 40111 },
  { name: 'Region Blekinge', answered: 21757, received: 27545 },
  { name: 'Region Örebro län', answered: 35053, received: 44098 },
  { name: 'Region Västerbotten', answered: 24526, received: 36491 },
];

/** The TeleQ regions best first, by the exact share answered the same day. */
export const TELEQ_ORDER: readonly string[] = [
  'Region Kalmar län', // 97,88 %
  'Region Skåne', // 97,31 %
  'Region Jönköpings län', // 94,96 %
  'Västra Götalandsregionen', // 94,42 %
  'Region Kronoberg', // 94,29 %
  'Region Gotland', // 93,72 %
  'Region Halland', // 93,34 %
  'Region Västmanland', // 92,32 %
  'Region Uppsala', // 90,97 %
  'Region Gävleborg', // 87,96 %
  'Region Östergötland', // 86,25 %
  'Region Västernorrland', // 85,15 %
  'Region Norrbotten', // 84,37 %
  'Region Jämtland Härjedalen', // 84,31 %
  'Region Värmland', // 82,89 %
  'Region Dalarna', // 82,46 %
  'Region Örebro län', // 79,49 %
  'Region Blekinge', // 78,99 %
  'Region Västerbotten', // 67,21 %
];

/** The special passenger transport contract 2026: operator, paket, fordon, omlopp. */
export const OPERATOR_COLUMNS: DatasetColumn[] = [
  { key: 'foretag', label: 'Trafikföretag', type: 'text', unit: null, decimals: 0, total: 'count' },
  { key: 'paket', label: 'Paket', type: 'number', unit: 'antal', decimals: 0, total: 'sum' },
  { key: 'fordon', label: 'Fordon', type: 'number', unit: 'antal', decimals: 0, total: 'sum' },
  { key: 'omlopp', label: 'Omlopp', type: 'number', unit: 'antal', decimals: 0, total: 'sum' },
];

export const OPERATORS: Array<[string, number, number, number]> = [
  ['Nilsbuss', 4, 19, 20],
  ['Växjö Safety Taxi', 5, 30, 36],
  ['Flexbuss/GoAhead', 3, 15, 16],
  ['City Taxi Kronoberg', 1, 5, 5],
  ['Nettotaxi', 3, 21, 24],
  ['Bergkvarabuss', 1, 9, 9],
  ['Gamleby Taxi & Buss', 1, 6, 6],
  ['Bivab', 1, 4, 4],
];


/** The 21 regions as comparison areas (id = slug of the name) and "Alla regioner" made of them. */
export function regionAreas(): Area[] {
  const regions = SWEDISH_REGIONS.map((r) => area({ id: slugify(r.name), name: r.name, kind: 'region', koladaId: r.koladaId }));
  const alla = area({ id: 'alla-regioner', name: 'Alla regioner', kind: 'country', koladaId: '0000', memberIds: regions.map((r) => r.id) });
  return [...regions, alla];
}

/** The TeleQ rows as stored measurements (numerator and denominator, no typed value). */
export function teleqMeasurements(indicatorId: string, period: string): StoredMeasurement[] {
  return TELEQ.map((r) =>
    measurement({
      indicatorId,
      areaId: slugify(r.name),
      period,
      numerator: r.answered,
      denominator: r.received,
      provenance: { source: 'TeleQ', importBatchId: 1, sourceRow: null, sourceRef: null, recordedBy: 'test', recordedAt: '2026-04-30T00:00:00Z' },
    }),
  );
}
