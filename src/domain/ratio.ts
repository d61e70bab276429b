import { exactRatio, exactSum } from './decimal.js';

export interface RatioInput {
  areaId: string;
  numerator: number | null;
  denominator: number | null;
}

/** A share from its parts: 29 802 / 30 448 × 100 = 97,9 %. Null when a part is missing or the denominator is 0. */
export function shareOf(numerator: number | null, denominator: number | null, scale = 100): number | null {
  if (numerator === null || denominator === null) return null;
  return exactRatio(numerator, denominator, scale);
}

export interface RatioAggregate {
  numerator: number;
  denominator: number;
  value: number | null;
  /** Areas that contributed both parts. */
  included: string[];
  /** Areas left out because a part was missing — never counted as 0. */
  missing: string[];
}

/**
 * Aggregates a ratio over areas as Σ numerators / Σ denominators — never as a mean of shares,
 * which would weigh Gotland's 6 733 calls like Västra Götaland's 178 659.
 */
export function aggregateRatio(inputs: readonly RatioInput[], scale = 100): RatioAggregate {
  const included: RatioInput[] = [];
  const missing: string[] = [];
  for (const input of inputs) {
    if (input.numerator === null || input.denominator === null) missing.push(input.areaId);
    else included.push(input);
  }
  const numerator = exactSum(included.map((i) => i.numerator as number));
  const denominator = exactSum(included.map((i) => i.denominator as number));
  return {
    numerator,
    denominator,
    value: included.length === 0 ? null : exactRatio(numerator, denominator, scale),
    included: included.map((i) => i.areaId),
    missing,
  };
}

/** Sums counts or amounts over areas; missing values are left out and reported, not added as 0. */
export function aggregateSum(inputs: ReadonlyArray<{ areaId: string; value: number | null }>): {
  value: number | null;
  included: string[];
  missing: string[];
} {
  const present = inputs.filter((i) => i.value !== null);
  return {
    value: present.length === 0 ? null : exactSum(present.map((i) => i.value as number)),
    included: present.map((i) => i.areaId),
    missing: inputs.filter((i) => i.value === null).map((i) => i.areaId),
  };
}
