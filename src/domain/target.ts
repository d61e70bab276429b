/**
 * A target (målvärde) for an indicator: a comparator and threshold, valid for a year or a range
 * of years, optionally for one area, from a named source. "Near" is an explicit band on the
 * wrong side of the threshold: for ≥ 90 with nearMargin 5, values from 85 up to 90 are near.
 */
export const COMPARATORS = ['gte', 'lte', 'eq', 'between'] as const;
export type Comparator = (typeof COMPARATORS)[number];

export const COMPARATOR_SYMBOLS: Record<Comparator, string> = {
  gte: '≥',
  lte: '≤',
  eq: '=',
  between: '–',
};

export const TARGET_SOURCES = ['national', 'regionplan', 'budget', 'local'] as const;
export type TargetSource = (typeof TARGET_SOURCES)[number];

export const TARGET_SOURCE_LABELS: Record<TargetSource, string> = {
  national: 'nationellt mål',
  regionplan: 'regionplan',
  budget: 'budget',
  local: 'lokalt måltal',
};

export interface Target {
  id: string;
  indicatorId: string;
  comparator: Comparator;
  threshold: number;
  /** Upper bound for `between`; null otherwise. */
  upper: number | null;
  /** Width of the "near" band outside the threshold; null = no near band. */
  nearMargin: number | null;
  validFromYear: number;
  validToYear: number | null; // null = until further notice
  /** Null = applies to every area (a national goal); otherwise one area's own target. */
  areaId: string | null;
  source: TargetSource;
  label: string; // "Förstärkt vårdgaranti: första besök inom 30 dagar"
}

/**
 * The target that applies to an area in a year: an area's own target wins over a general
 * one; among equals, the one that started most recently.
 */
export function applicableTarget(targets: readonly Target[], areaId: string, year: number): Target | null {
  const valid = targets.filter(
    (t) => t.validFromYear <= year && (t.validToYear === null || year <= t.validToYear) && (t.areaId === null || t.areaId === areaId),
  );
  valid.sort((a, b) => {
    const specific = Number(b.areaId !== null) - Number(a.areaId !== null);
    return specific !== 0 ? specific : b.validFromYear - a.validFromYear;
  });
  return valid[0] ?? null;
}
