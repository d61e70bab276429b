import type { Area } from '../domain/area.js';
import type { BlockContext } from '../domain/blockView.js';
import type { Indicator } from '../domain/indicator.js';
import type { ValueContext } from '../domain/values.js';
import { listAreas } from '../db/repositories/areas.js';
import { listAssets, listDatasets, listRiskCategories, listRiskRegisters } from '../db/repositories/content.js';
import { listIndicators, listTargets, targetsByIndicator } from '../db/repositories/indicators.js';
import { byKey, findMeasurements } from '../db/repositories/measurements.js';
import type { Db } from '../db/repositories/types.js';

/**
 * Loads what the value resolver needs for a set of indicators and areas, in one measurement
 * query: the indicators plus the parts of derived ones, the areas plus the members of aggregate
 * ones (so "Alla regioner" can be computed from the regions).
 */
export interface ContextRequest {
  indicatorIds: readonly string[];
  /** Areas asked for; null = every area. */
  areaIds: readonly string[] | null;
  fromDate?: string;
  toDate?: string;
}

function expandIndicators(ids: readonly string[], all: ReadonlyMap<string, Indicator>): string[] {
  const result = new Set<string>();
  const queue = [...ids];
  while (queue.length > 0) {
    const id = queue.pop() as string;
    if (result.has(id)) continue;
    result.add(id);
    const d = all.get(id)?.derivation;
    if (d) queue.push(d.numerator, d.denominator);
  }
  return [...result];
}

function expandAreas(ids: readonly string[], all: ReadonlyMap<string, Area>): string[] {
  const result = new Set<string>();
  for (const id of ids) {
    result.add(id);
    for (const m of all.get(id)?.memberIds ?? []) result.add(m);
  }
  return [...result];
}

export async function loadValueContext(db: Db, request: ContextRequest): Promise<ValueContext> {
  const [indicators, areas] = await Promise.all([listIndicators(db), listAreas(db)]);
  const indicatorMap = new Map(indicators.map((i) => [i.id, i]));
  const areaMap = new Map(areas.map((a) => [a.id, a]));
  const indicatorIds = expandIndicators(request.indicatorIds, indicatorMap);
  const areaIds = request.areaIds === null ? undefined : expandAreas(request.areaIds, areaMap);
  const measurements = await findMeasurements(db, {
    indicatorIds,
    ...(areaIds ? { areaIds } : {}),
    ...(request.fromDate ? { fromDate: request.fromDate } : {}),
    ...(request.toDate ? { toDate: request.toDate } : {}),
  });
  return { indicators: indicatorMap, areas: areaMap, measurements: byKey(measurements) };
}

/** A value context plus the non-indicator content blocks read (targets, datasets, risks, assets). */
export async function loadBlockContext(
  db: Db,
  request: ContextRequest & { datasetIds: readonly string[]; registerIds: readonly string[]; assetIds: readonly string[]; date: string },
): Promise<BlockContext> {
  const values = await loadValueContext(db, request);
  const [targets, datasets, registers, categories, assets] = await Promise.all([
    listTargets(db, [...values.indicators.keys()]),
    listDatasets(db, request.datasetIds),
    listRiskRegisters(db, request.registerIds),
    listRiskCategories(db),
    listAssets(db, request.assetIds),
  ]);
  return {
    ...values,
    targets: targetsByIndicator(targets),
    datasets: new Map(datasets.map((d) => [d.id, d])),
    registers: new Map(registers.map((r) => [r.id, r])),
    riskCategories: new Map(categories.map((c) => [c.code, c])),
    assets: new Map(assets.map((a) => [a.id, a])),
    date: request.date,
  };
}
