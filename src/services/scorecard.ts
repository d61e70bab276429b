import { areaRef } from '../domain/blockView.js';
import { StyrkortError } from '../domain/errors.js';
import { formatYearRange } from '../domain/format.js';
import type { Indicator } from '../domain/indicator.js';
import { measurementKeyString } from '../domain/measurement.js';
import { buildScorecard, isPlainSeries, observedSeries, SPARKLINE_POINTS, storedSeries, type ScorecardView } from '../domain/scorecard.js';
import { latestValues, type LatestRow } from '../db/repositories/latestValues.js';
import { catalogSnapshot } from './catalogCache.js';
import type { Store } from './store.js';

/**
 * The scorecard of a plan period for one area. It reads only the newest rows of each series
 * (latestValues), enough for the latest value, the previous one and the sparkline, instead of
 * an area's whole history — the query stays fast however many years are stored. A plain series
 * (stored rows of the area itself) is used as read; a derived indicator or an aggregate area
 * goes through the general resolver, on the same rows. Plan, areas, indicators and targets come
 * from the catalog held in memory (catalogCache.ts).
 */
const WINDOW = SPARKLINE_POINTS + 1;

/** Indicator ids a figure is computed from: itself and, for a derived one, its parts (recursively). */
function leavesOf(id: string, all: ReadonlyMap<string, Indicator>, depth = 0): string[] {
  const d = all.get(id)?.derivation;
  if (!d || depth > 4) return [id];
  return [id, ...leavesOf(d.numerator, all, depth + 1), ...leavesOf(d.denominator, all, depth + 1)];
}

const seriesKey = (indicatorId: string, areaId: string) => `${indicatorId}\u001f${areaId}`;

/**
 * Where a window of rows stops being complete. A series that returned a full window may have
 * older rows; a figure combining several series (an aggregate area, a derived indicator) is only
 * whole for periods after the newest such edge.
 */
function windowEdge(indicatorId: string, areaIds: readonly string[], all: ReadonlyMap<string, Indicator>, series: ReadonlyMap<string, LatestRow[]>): string | null {
  let edge: string | null = null;
  for (const leaf of leavesOf(indicatorId, all)) {
    for (const areaId of areaIds) {
      const rows = series.get(seriesKey(leaf, areaId)) ?? [];
      if (rows.length < WINDOW) continue;
      const oldest = rows.reduce((min, r) => (r.periodEnd < min ? r.periodEnd : min), rows[0]?.periodEnd ?? '');
      if (edge === null || oldest > edge) edge = oldest;
    }
  }
  return edge;
}

export async function scorecard(db: Store, options: { planPeriodId: string; areaId: string }): Promise<ScorecardView> {
  const catalog = await catalogSnapshot(db);
  const period = catalog.planPeriods.find((p) => p.id === options.planPeriodId);
  if (!period) throw new StyrkortError('not_found', `Planperioden "${options.planPeriodId}" finns inte`);
  const area = catalog.areas.get(options.areaId);
  if (!area) throw new StyrkortError('not_found', `Området "${options.areaId}" finns inte`);

  const lines = new Set(period.goals.map((g) => g.goalLineId));
  const shown = catalog.indicators.filter((i) => i.goalLineIds.some((l) => lines.has(l)));
  const leafIds = [...new Set(shown.flatMap((i) => leavesOf(i.id, catalog.indicatorById)))];
  const areaIds = [area.id, ...area.memberIds];
  const found = await latestValues(db, { indicatorIds: leafIds, areaIds, perSeries: WINDOW });

  const series = new Map<string, LatestRow[]>();
  for (const s of found) series.set(seriesKey(s.indicatorId, s.areaId), s.rows);
  let ctx: Parameters<typeof observedSeries>[0] | null = null;
  const general = () =>
    (ctx ??= { indicators: catalog.indicatorById, areas: catalog.areas, measurements: new Map(found.flatMap((s) => s.rows).map((r) => [measurementKeyString(r), r])) });

  return buildScorecard({
    planPeriod: { id: period.id, label: `Regionplan ${formatYearRange(period.startYear, period.endYear)}`, startYear: period.startYear, endYear: period.endYear },
    goals: period.goals,
    area: areaRef(area),
    indicators: shown,
    targets: catalog.targets,
    observations: (indicator) =>
      isPlainSeries(indicator, area)
        ? storedSeries(indicator, series.get(seriesKey(indicator.id, area.id)) ?? [])
        : observedSeries(general(), { indicatorId: indicator.id, areaId: area.id }, windowEdge(indicator.id, areaIds, catalog.indicatorById, series)),
  });
}
