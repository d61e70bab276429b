import type { Area } from './area.js';
import { exactRatio } from './decimal.js';
import { aggregation, type Indicator } from './indicator.js';
import { measurementKeyString, type Measurement, type MeasurementKey, type Provenance, type Scenario } from './measurement.js';
import { compareKeys } from './period.js';
import { aggregateRatio, aggregateSum } from './ratio.js';
import { ratioScaleOf } from './units.js';

/**
 * An observation is a figure as shown: a stored measurement, or one computed from stored ones —
 * a share from its numerator and denominator, an aggregate area (Alla regioner) from its
 * members, a derived indicator from two others. It keeps what it was computed from, so every
 * figure on a slide can be traced to stored rows and their sources.
 */
export interface Observation {
  indicatorId: string;
  areaId: string;
  period: string;
  breakdown: string;
  scenario: Scenario;
  asOf: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  preliminary: boolean;
  comment: string | null;
  origin: 'stored' | 'aggregate' | 'derived';
  /** Provenance sources of every stored row behind the figure ("TeleQ", "Kolada"). */
  sources: string[];
  /** Ids of the stored rows behind the figure. */
  measurementIds: number[];
  /** For aggregates: how many member areas contributed, of how many. */
  coverage: { included: number; total: number } | null;
}

/**
 * What the resolver reads of a stored row: its key, its figures and its source. A full stored
 * measurement is one; a query may also load just this (the scorecard does).
 */
export type StoredValue = Omit<Measurement, 'provenance'> & { id: number; provenance: Pick<Provenance, 'source'> };

/** Everything the resolver may read; filled by a service from one query. */
export interface ValueContext {
  indicators: ReadonlyMap<string, Indicator>;
  areas: ReadonlyMap<string, Area>;
  measurements: ReadonlyMap<string, StoredValue>;
}

export interface ObservationQuery {
  indicatorId: string;
  areaId: string;
  period: string;
  breakdown?: string;
  scenario?: Scenario;
  asOf?: string;
}

function unique(items: readonly string[]): string[] {
  return [...new Set(items)];
}

/** The figure a stored row shows: a ratio with its parts is computed from them, never read. */
export function observe(indicator: Indicator, m: StoredValue): Observation {
  const fromParts = indicator.kind === 'ratio' && m.numerator !== null && m.denominator !== null;
  return {
    indicatorId: m.indicatorId,
    areaId: m.areaId,
    period: m.period,
    breakdown: m.breakdown,
    scenario: m.scenario,
    asOf: m.asOf,
    value: fromParts ? exactRatio(m.numerator as number, m.denominator as number, ratioScaleOf(indicator.unit)) : m.value,
    numerator: m.numerator,
    denominator: m.denominator,
    preliminary: m.preliminary,
    comment: m.comment,
    origin: 'stored',
    sources: [m.provenance.source],
    measurementIds: [m.id],
    coverage: null,
  };
}

export function resolveObservation(ctx: ValueContext, q: ObservationQuery, depth = 0): Observation | null {
  const key: MeasurementKey = {
    indicatorId: q.indicatorId,
    areaId: q.areaId,
    period: q.period,
    breakdown: q.breakdown ?? '',
    scenario: q.scenario ?? 'utfall',
    asOf: q.asOf ?? '',
  };
  const indicator = ctx.indicators.get(key.indicatorId);
  if (!indicator || depth > 4) return null;
  const stored = ctx.measurements.get(measurementKeyString(key));
  if (stored) return observe(indicator, stored);

  if (indicator.derivation) {
    const num = resolveObservation(ctx, { ...key, indicatorId: indicator.derivation.numerator }, depth + 1);
    const den = resolveObservation(ctx, { ...key, indicatorId: indicator.derivation.denominator }, depth + 1);
    if (!num || !den || num.value === null || den.value === null || den.value === 0) return null;
    return {
      ...key,
      value: exactRatio(num.value, den.value, ratioScaleOf(indicator.unit)),
      numerator: num.value,
      denominator: den.value,
      preliminary: num.preliminary || den.preliminary,
      comment: null,
      origin: 'derived',
      sources: unique([...num.sources, ...den.sources]),
      measurementIds: [...num.measurementIds, ...den.measurementIds],
      coverage: null,
    };
  }

  const area = ctx.areas.get(key.areaId);
  const mode = aggregation(indicator);
  if (!area || area.memberIds.length === 0 || mode === 'none') return null;
  const members = area.memberIds.map((memberId) => ({
    memberId,
    obs: resolveObservation(ctx, { ...key, areaId: memberId }, depth + 1),
  }));
  const present = members.flatMap((m) => (m.obs ? [m.obs] : []));
  if (mode === 'ratio') {
    const agg = aggregateRatio(
      members.map((m) => ({ areaId: m.memberId, numerator: m.obs?.numerator ?? null, denominator: m.obs?.denominator ?? null })),
      ratioScaleOf(indicator.unit),
    );
    if (agg.included.length === 0) return null;
    const used = present.filter((o) => agg.included.includes(o.areaId));
    return {
      ...key,
      value: agg.value,
      numerator: agg.numerator,
      denominator: agg.denominator,
      preliminary: used.some((o) => o.preliminary),
      comment: null,
      origin: 'aggregate',
      sources: unique(used.flatMap((o) => o.sources)),
      measurementIds: used.flatMap((o) => o.measurementIds),
      coverage: { included: agg.included.length, total: area.memberIds.length },
    };
  }
  const agg = aggregateSum(members.map((m) => ({ areaId: m.memberId, value: m.obs?.value ?? null })));
  if (agg.value === null) return null;
  const used = present.filter((o) => agg.included.includes(o.areaId));
  return {
    ...key,
    value: agg.value,
    numerator: null,
    denominator: null,
    preliminary: used.some((o) => o.preliminary),
    comment: null,
    origin: 'aggregate',
    sources: unique(used.flatMap((o) => o.sources)),
    measurementIds: used.flatMap((o) => o.measurementIds),
    coverage: { included: agg.included.length, total: area.memberIds.length },
  };
}

const indexes = new WeakMap<ReadonlyMap<string, StoredValue>, Map<string, StoredValue[]>>();

/** Stored rows grouped by indicator and area, built once per measurement map. */
function seriesIndex(measurements: ReadonlyMap<string, StoredValue>): Map<string, StoredValue[]> {
  let index = indexes.get(measurements);
  if (!index) {
    index = new Map();
    for (const m of measurements.values()) {
      const k = `${m.indicatorId}\u001f${m.areaId}`;
      const list = index.get(k);
      if (list) list.push(m);
      else index.set(k, [m]);
    }
    indexes.set(measurements, index);
  }
  return index;
}

/**
 * Periods for which an indicator has a figure for an area: stored rows, plus the periods its
 * parts (derived) or members (aggregate) have. Ordered oldest first.
 */
export function periodsWithData(
  ctx: ValueContext,
  q: Omit<ObservationQuery, 'period'>,
  depth = 0,
): string[] {
  const breakdown = q.breakdown ?? '';
  const scenario = q.scenario ?? 'utfall';
  const asOf = q.asOf ?? '';
  const indicator = ctx.indicators.get(q.indicatorId);
  if (!indicator || depth > 4) return [];
  const periods = new Set<string>();
  for (const m of seriesIndex(ctx.measurements).get(`${q.indicatorId}\u001f${q.areaId}`) ?? []) {
    if (m.breakdown === breakdown && m.scenario === scenario && m.asOf === asOf) periods.add(m.period);
  }
  if (indicator.derivation) {
    const num = new Set(periodsWithData(ctx, { ...q, indicatorId: indicator.derivation.numerator }, depth + 1));
    for (const p of periodsWithData(ctx, { ...q, indicatorId: indicator.derivation.denominator }, depth + 1)) if (num.has(p)) periods.add(p);
  }
  const area = ctx.areas.get(q.areaId);
  if (area && area.memberIds.length > 0 && aggregation(indicator) !== 'none') {
    for (const memberId of area.memberIds) for (const p of periodsWithData(ctx, { ...q, areaId: memberId }, depth + 1)) periods.add(p);
  }
  return [...periods].sort(compareKeys);
}

/** The latest observation with a value, and the one before it (for "change since previous period"). */
export function latestTwo(
  ctx: ValueContext,
  q: Omit<ObservationQuery, 'period'>,
): { latest: Observation | null; previous: Observation | null } {
  const observations = periodsWithData(ctx, q)
    .map((period) => resolveObservation(ctx, { ...q, period }))
    .filter((o): o is Observation => o !== null && o.value !== null);
  return { latest: observations.at(-1) ?? null, previous: observations.at(-2) ?? null };
}
