import Big from 'big.js';

/**
 * Exact decimal arithmetic for indicator values. Values travel as JS numbers (PostgreSQL
 * `numeric` in storage), but sums, differences and ratios are computed in decimal so that
 * 0,1 + 0,2 is 0,3 and a sum of a million rows does not drift.
 */
export type Decimal = Big;

export function dec(value: number | string): Big {
  return new Big(value);
}

export function exactSum(values: readonly number[]): number {
  let total = new Big(0);
  for (const v of values) total = total.plus(v);
  return total.toNumber();
}

export function exactDiff(to: number, from: number): number {
  return new Big(to).minus(from).toNumber();
}

/** numerator / denominator × scale, or null when the denominator is 0. */
export function exactRatio(numerator: number, denominator: number, scale = 1): number | null {
  if (denominator === 0) return null;
  return new Big(numerator).times(scale).div(denominator).toNumber();
}

/** Rounds half away from zero at `decimals` places, in decimal (never binary) arithmetic. */
export function roundHalfUp(value: number, decimals: number): Big {
  return new Big(value).round(decimals, Big.roundHalfUp);
}

/** Compares two fractions exactly by cross-multiplication (denominators must be > 0). */
export function compareFractions(
  a: { numerator: number; denominator: number },
  b: { numerator: number; denominator: number },
): -1 | 0 | 1 {
  const left = new Big(a.numerator).times(b.denominator);
  const right = new Big(b.numerator).times(a.denominator);
  return left.cmp(right) as -1 | 0 | 1;
}

export function compareExact(a: number, b: number): -1 | 0 | 1 {
  return new Big(a).cmp(b) as -1 | 0 | 1;
}
