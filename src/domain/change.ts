import { compareExact, exactDiff, exactRatio } from './decimal.js';
import { isBetter, type Direction } from './indicator.js';
import { changeUnitOf, type Unit } from './units.js';

export interface Change {
  from: number;
  to: number;
  /** to − from, in the change unit (procentenheter for a share). */
  delta: number;
  deltaUnit: Unit;
  /** (to − from) / |from| × 100; null when from is 0. */
  relativePercent: number | null;
  trend: 'up' | 'down' | 'unchanged';
  /** Whether the change is for the better given the indicator's direction; null if neutral or unchanged. */
  improvement: boolean | null;
}

/**
 * Change between two values of one indicator: "Dec 2024 (30,2) → Mars 2026 (25,3)" is a change
 * of −4,9 dagar, an improvement when lower is better. Null when either value is missing.
 */
export function changeBetween(from: number | null, to: number | null, unit: Unit, direction: Direction): Change | null {
  if (from === null || to === null) return null;
  const delta = exactDiff(to, from);
  const sign = compareExact(delta, 0);
  const relative = from === 0 ? null : exactRatio(delta, Math.abs(from), 100);
  return {
    from,
    to,
    delta,
    deltaUnit: changeUnitOf(unit),
    relativePercent: relative,
    trend: sign > 0 ? 'up' : sign < 0 ? 'down' : 'unchanged',
    improvement: isBetter(direction, delta),
  };
}
