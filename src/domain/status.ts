import { compareExact, exactDiff } from './decimal.js';
import type { Target } from './target.js';
import { assertNever } from './assert.js';

export const STATUSES = ['met', 'near', 'not_met', 'no_target', 'no_data'] as const;
export type Status = (typeof STATUSES)[number];

/** Status words, shown next to an icon — never colour alone. */
export const STATUS_LABELS: Record<Status, string> = {
  met: 'Uppnått',
  near: 'Nära målet',
  not_met: 'Ej uppnått',
  no_target: 'Inget mål',
  no_data: 'Uppgift saknas',
};

/** Text symbols that read the same in PowerPoint, PDF, a screen reader and print. */
export const STATUS_ICONS: Record<Status, string> = {
  met: '✓',
  near: '◐',
  not_met: '✗',
  no_target: '–',
  no_data: '?',
};

/** Distance from `value` to the nearest acceptable value; 0 when the target is met. Exact (decimal). */
function shortfall(value: number, target: Target): number {
  switch (target.comparator) {
    case 'gte':
      return compareExact(value, target.threshold) >= 0 ? 0 : exactDiff(target.threshold, value);
    case 'lte':
      return compareExact(value, target.threshold) <= 0 ? 0 : exactDiff(value, target.threshold);
    case 'eq':
      return Math.abs(exactDiff(value, target.threshold));
    case 'between': {
      const upper = target.upper ?? target.threshold;
      if (compareExact(value, target.threshold) < 0) return exactDiff(target.threshold, value);
      if (compareExact(value, upper) > 0) return exactDiff(value, upper);
      return 0;
    }
    default:
      return assertNever(target.comparator, 'jämförelse');
  }
}

function isMet(value: number, target: Target): boolean {
  switch (target.comparator) {
    case 'gte':
      return compareExact(value, target.threshold) >= 0;
    case 'lte':
      return compareExact(value, target.threshold) <= 0;
    case 'eq':
      return compareExact(value, target.threshold) === 0;
    case 'between':
      return compareExact(value, target.threshold) >= 0 && compareExact(value, target.upper ?? target.threshold) <= 0;
    default:
      return assertNever(target.comparator, 'jämförelse');
  }
}

/** Status of a value against its target. Values are compared exactly, not as displayed. */
export function statusOf(value: number | null, target: Target | null): Status {
  if (value === null) return 'no_data';
  if (target === null) return 'no_target';
  if (isMet(value, target)) return 'met';
  if (target.nearMargin !== null && compareExact(shortfall(value, target), target.nearMargin) <= 0) return 'near';
  return 'not_met';
}

export function countByStatus(statuses: readonly Status[]): Record<Status, number> {
  const counts: Record<Status, number> = { met: 0, near: 0, not_met: 0, no_target: 0, no_data: 0 };
  for (const s of statuses) counts[s] += 1;
  return counts;
}
