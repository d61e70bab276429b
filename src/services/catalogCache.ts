import type { Area } from '../domain/area.js';
import type { Indicator } from '../domain/indicator.js';
import type { PlanPeriod } from '../domain/plan.js';
import type { Target } from '../domain/target.js';
import { listAreas } from '../db/repositories/areas.js';
import { catalogVersion } from '../db/repositories/catalogVersion.js';
import { listIndicators, listTargets, targetsByIndicator } from '../db/repositories/indicators.js';
import { listPlanPeriods } from '../db/repositories/plan.js';
import type { Store } from './store.js';

/**
 * The catalog as the scorecard needs it — plan periods with their goals, areas with their
 * members, indicators, targets — held in memory per database handle and read again only when
 * `catalog_version` has moved. A request then costs one small query instead of seven reads and
 * the rebuilding of every map. The version changes in the same transaction as any change to those
 * tables, made by whichever process (migration 20261122T1600), so a request never sees a catalog
 * older than the version it asked for.
 *
 * The snapshot is shared between requests and frozen: a caller that tried to change it would
 * fail at once instead of changing what the next request sees.
 */
export interface CatalogSnapshot {
  version: string;
  planPeriods: readonly PlanPeriod[];
  areas: ReadonlyMap<string, Area>;
  indicators: readonly Indicator[];
  indicatorById: ReadonlyMap<string, Indicator>;
  targets: ReadonlyMap<string, readonly Target[]>;
}

interface Held {
  version: string;
  snapshot: Promise<CatalogSnapshot>;
}

const HELD = new WeakMap<Store, Held>();

export async function catalogSnapshot(db: Store): Promise<CatalogSnapshot> {
  // the version first: what is read after it is at least as new, never older
  const version = await catalogVersion(db);
  const held = HELD.get(db);
  if (held?.version === version) return held.snapshot;
  const snapshot = readSnapshot(db, version);
  const entry = { version, snapshot };
  HELD.set(db, entry);
  // a failed read is not kept: the next request tries again
  snapshot.catch(() => {
    if (HELD.get(db) === entry) HELD.delete(db);
  });
  return snapshot;
}

async function readSnapshot(db: Store, version: string): Promise<CatalogSnapshot> {
  const [planPeriods, areas, indicators, targets] = await Promise.all([listPlanPeriods(db), listAreas(db), listIndicators(db), listTargets(db)]);
  return deepFreeze({
    version,
    planPeriods,
    areas: new Map(areas.map((a) => [a.id, a])),
    indicators,
    indicatorById: new Map(indicators.map((i) => [i.id, i])),
    targets: targetsByIndicator(targets),
  });
}

/** Freezes plain objects and arrays all the way down; a Map's entries are frozen, the map itself is read-only by type. */
function deepFreeze<T>(value: T): T {
  if (value instanceof Map) {
    for (const v of value.values()) deepFreeze(v);
  } else if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}
