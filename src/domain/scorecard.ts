import type { Area } from './area.js';
import { figureView, indicatorRef, statusView, targetView, yearOfPeriod, type AreaRef } from './blockView.js';
import { changeBetween } from './change.js';
import { formatChange } from './format.js';
import { aggregation, type Indicator } from './indicator.js';
import type { IndicatorStatus } from './meetingView.js';
import { periodEnd, requirePeriod } from './period.js';
import type { Goal } from './plan.js';
import { countByStatus, statusOf, type Status } from './status.js';
import { applicableTarget, type Target } from './target.js';
import { observe, periodsWithData, resolveObservation, type Observation, type StoredValue, type ValueContext } from './values.js';

/**
 * The board's scorecard: per goal of a plan period, each indicator's latest value for one area
 * with its target, status, change since the previous period and a sparkline of recent values,
 * and the number of indicators per status. Built from a value context; the same rules as every
 * other view (latest = the newest period with a value, shares from their parts, aggregates from
 * their members).
 */
export const SPARKLINE_POINTS = 12;

/** A point of a sparkline; a reader formats the few it labels (period.ts, format.ts). */
export interface SparkPoint {
  period: string;
  value: number;
  preliminary: boolean;
}

export interface ScorecardEntry extends IndicatorStatus {
  /** Up to SPARKLINE_POINTS observations with a value, oldest first. */
  sparkline: SparkPoint[];
}

export interface ScorecardGoal {
  goal: Goal;
  counts: Record<Status, number>;
  indicators: ScorecardEntry[];
}

export interface ScorecardView {
  planPeriod: { id: string; label: string; startYear: number; endYear: number };
  area: AreaRef;
  /** Per status over the whole plan period; an indicator under two goals counts once. */
  counts: Record<Status, number>;
  goals: ScorecardGoal[];
}

/**
 * Observations with a value, oldest first. `after` (an ISO date) leaves out periods ending on
 * or before it: the edge of a window of stored rows, beyond which a figure may be incomplete.
 */
export function observedSeries(ctx: ValueContext, q: { indicatorId: string; areaId: string }, after: string | null = null): Observation[] {
  return periodsWithData(ctx, q)
    .filter((period) => after === null || periodEnd(requirePeriod(period)) > after)
    .map((period) => resolveObservation(ctx, { ...q, period }))
    .filter((o): o is Observation => o !== null && o.value !== null);
}

/**
 * Whether an indicator's figures for an area are simply its stored rows: not derived from two
 * other indicators, and not summed over member areas. Then the series needs no resolving.
 */
export function isPlainSeries(indicator: Indicator, area: Pick<Area, 'memberIds'>): boolean {
  return indicator.derivation === null && (area.memberIds.length === 0 || aggregation(indicator) === 'none');
}

/**
 * Observations with a value from a plain series' stored rows, oldest first — the same order
 * as comparePeriods (by last day, then the longer period last), from the rows' own dates.
 */
export function storedSeries(indicator: Indicator, rows: ReadonlyArray<StoredValue & { periodStart: string; periodEnd: string }>): Observation[] {
  const observations: Observation[] = [];
  for (const row of [...rows].sort(byPeriod)) {
    const o = observe(indicator, row);
    if (o.value !== null) observations.push(o);
  }
  return observations;
}

function byPeriod(a: { periodStart: string; periodEnd: string }, b: { periodStart: string; periodEnd: string }): number {
  if (a.periodEnd !== b.periodEnd) return a.periodEnd < b.periodEnd ? -1 : 1;
  return a.periodStart === b.periodStart ? 0 : a.periodStart < b.periodStart ? 1 : -1;
}

/** One indicator's state for an area from its observations (oldest first). */
export function scorecardEntry(indicator: Indicator, areaId: string, observations: readonly Observation[], targets: readonly Target[]): ScorecardEntry {
  const latest = observations.at(-1) ?? null;
  const previous = observations.at(-2) ?? null;
  const target = latest ? applicableTarget(targets, areaId, yearOfPeriod(latest.period)) : null;
  const change = changeBetween(previous?.value ?? null, latest?.value ?? null, indicator.unit, indicator.direction);
  return {
    indicator: { ...indicatorRef(indicator), goalLineIds: indicator.goalLineIds, periodType: indicator.periodType, koladaKpi: indicator.koladaKpi, description: indicator.description },
    areaId,
    latest: latest ? figureView(latest, indicator) : null,
    previous: previous ? figureView(previous, indicator) : null,
    change: change ? { ...change, display: formatChange(change.delta, indicator.unit, indicator.decimals) } : null,
    target: target ? targetView(target, indicator) : null,
    status: statusView(statusOf(latest?.value ?? null, target)),
    sparkline: observations.slice(-SPARKLINE_POINTS).map((o) => ({ period: o.period, value: o.value as number, preliminary: o.preliminary })),
  };
}

export interface ScorecardInput {
  planPeriod: ScorecardView['planPeriod'];
  goals: readonly Goal[];
  area: AreaRef;
  indicators: readonly Indicator[];
  targets: ReadonlyMap<string, readonly Target[]>;
  /** An indicator's observations for the area with a value, oldest first. */
  observations: (indicator: Indicator) => Observation[];
}

const collator = new Intl.Collator('sv');
const byName = (a: ScorecardEntry, b: ScorecardEntry) => collator.compare(a.indicator.shortName ?? a.indicator.name, b.indicator.shortName ?? b.indicator.name);

export function buildScorecard(input: ScorecardInput): ScorecardView {
  const entries = new Map<string, ScorecardEntry>();
  const entryOf = (indicator: Indicator): ScorecardEntry => {
    let entry = entries.get(indicator.id);
    if (!entry) {
      entry = scorecardEntry(indicator, input.area.id, input.observations(indicator), input.targets.get(indicator.id) ?? []);
      entries.set(indicator.id, entry);
    }
    return entry;
  };
  const goals = input.goals.map((goal) => {
    const indicators = input.indicators.filter((i) => i.goalLineIds.includes(goal.goalLineId)).map(entryOf).sort(byName);
    return { goal, counts: countByStatus(indicators.map((e) => e.status.status)), indicators };
  });
  return {
    planPeriod: input.planPeriod,
    area: input.area,
    counts: countByStatus([...entries.values()].map((e) => e.status.status)),
    goals,
  };
}
