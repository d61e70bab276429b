import type { PeriodType } from './period.js';
import type { Unit } from './units.js';

export const DIRECTIONS = ['higher_is_better', 'lower_is_better', 'neutral'] as const;
export type Direction = (typeof DIRECTIONS)[number];

/**
 * value: a measured level (a mean wait in days, a survey share).
 * ratio: numerator / denominator (answered / received calls); aggregates as Σn / Σd.
 * count: a number of things; sums over areas.   amount: money; sums over areas.
 * index: a composite score (HME); never summed.
 */
export const INDICATOR_KINDS = ['value', 'ratio', 'count', 'amount', 'index'] as const;
export type IndicatorKind = (typeof INDICATOR_KINDS)[number];

export const BREAKDOWNS = ['kon', 'aldersgrupp', 'vantetidsintervall', 'behandlingstyp'] as const;
export type Breakdown = (typeof BREAKDOWNS)[number];

export const BREAKDOWN_LABELS: Record<Breakdown, string> = {
  kon: 'kön',
  aldersgrupp: 'åldersgrupp',
  vantetidsintervall: 'väntetidsintervall',
  behandlingstyp: 'behandlingstyp',
};

/** Kolada's gender codes and the labels of the kön breakdown. T is the total, stored as ''. */
export const GENDER_LABELS: Record<string, string> = { K: 'kvinnor', M: 'män' };

/**
 * A derived indicator is computed from two others for the same area and period, e.g. reported
 * incidents as a share of reported injuries — the base of the relative target "40 % fler tillbud
 * än skador" (≥ 140 %).
 */
export interface Derivation {
  numerator: string; // indicator id
  denominator: string; // indicator id
}

export interface Indicator {
  id: string;
  name: string;
  shortName: string | null;
  description: string | null;
  unit: Unit;
  decimals: number;
  direction: Direction;
  periodType: PeriodType;
  kind: IndicatorKind;
  breakdown: Breakdown | null;
  derivation: Derivation | null;
  source: string; // "Kolada", "TeleQ", "Region Kalmar län, Stella"
  koladaKpi: string | null;
  ownerPersonId: string | null;
  ownerAreaId: string | null;
  goalLineIds: readonly string[];
}

/** Can values of this indicator be summed over areas into an aggregate (Riket, a sjukvårdsregion)? */
export function aggregation(indicator: Pick<Indicator, 'kind'>): 'ratio' | 'sum' | 'none' {
  switch (indicator.kind) {
    case 'ratio':
      return 'ratio';
    case 'count':
    case 'amount':
      return 'sum';
    case 'value':
    case 'index':
      return 'none';
  }
}

export function isBetter(direction: Direction, delta: number): boolean | null {
  if (direction === 'neutral' || delta === 0) return null;
  return direction === 'higher_is_better' ? delta > 0 : delta < 0;
}
