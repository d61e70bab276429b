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

/*
 * Fast paths. big.js reads a number as its shortest decimal form (String(x)), and so do these:
 * a finite x whose shortest form has at most k decimals is the integer X = x × 10^k, found and
 * proven by `X / 10^k === x` (IEEE division of two exact values is correctly rounded, so the
 * decimal X·10^-k rounds to x) with |X| < 10^15 (a decimal of at most 15 significant digits is
 * the only one of at most 15 digits that rounds to its double, so it is x's shortest form).
 * Sums and differences of such integers are exact below 2^53, and one division by 10^k rounds
 * the exact decimal result to the nearest double, as big.js's toNumber does. Every other case
 * (zeros, more decimals, large magnitudes, non-finite values) goes to big.js. Equality with
 * big.js is checked by property tests (test/unit/decimal.test.ts).
 */
const POW10 = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];
const MAX_DECIMALS = 12;
const MAX_SCALED = 1e15;

/** The fewest decimals k (≤ MAX_DECIMALS) of x's shortest decimal form, or -1 when not found. */
function decimalsOf(x: number): number {
  for (let k = 0; k <= MAX_DECIMALS; k++) {
    const p = POW10[k] as number;
    const scaled = Math.round(x * p);
    if (Math.abs(scaled) >= MAX_SCALED) return -1;
    if (scaled / p === x) return k;
  }
  return -1;
}

/** x × 10^k as an exact integer, for k ≥ decimalsOf(x); NaN when it would not be exact. */
function scaledTo(x: number, own: number, k: number): number {
  const scaled = Math.round(x * (POW10[own] as number)) * (POW10[k - own] as number);
  return Number.isSafeInteger(scaled) ? scaled : Number.NaN;
}

export function exactSum(values: readonly number[]): number {
  let k = 0;
  let fast = values.length > 0;
  for (const v of values) {
    const own = decimalsOf(v);
    if (own < 0) {
      fast = false;
      break;
    }
    if (own > k) k = own;
  }
  if (fast) {
    let total = 0;
    for (const v of values) {
      total += scaledTo(v, decimalsOf(v), k);
      if (!(Math.abs(total) <= Number.MAX_SAFE_INTEGER)) break;
    }
    if (Math.abs(total) <= Number.MAX_SAFE_INTEGER && total !== 0) return total / (POW10[k] as number);
  }
  let total = new Big(0);
  for (const v of values) total = total.plus(v);
  return total.toNumber();
}

export function exactDiff(to: number, from: number): number {
  if (to !== 0 && from !== 0) {
    const a = decimalsOf(to);
    const b = decimalsOf(from);
    if (a >= 0 && b >= 0) {
      const k = a > b ? a : b;
      const diff = scaledTo(to, a, k) - scaledTo(from, b, k);
      if (diff !== 0 && Math.abs(diff) <= Number.MAX_SAFE_INTEGER) return diff / (POW10[k] as number);
    }
  }
  return new Big(to).minus(from).toNumber();
}

/** 2^-53: a double q is at least |q| × 2^-53 from its neighbours. */
const HALF_EPSILON = 2 ** -53;
/** big.js divides to Big.DP = 20 decimal places, rounding half up. */
const DIVISION_STEP = 1e-20;

/** numerator / denominator × scale, or null when the denominator is 0. */
export function exactRatio(numerator: number, denominator: number, scale = 1): number | null {
  if (denominator === 0) return null;
  if (numerator !== 0 && Number.isSafeInteger(scale) && scale !== 0) {
    const a = decimalsOf(numerator);
    const b = decimalsOf(denominator);
    if (a >= 0 && b >= 0) {
      const k = a > b ? a : b;
      const top = scaledTo(numerator, a, k) * scale;
      const bottom = scaledTo(denominator, b, k);
      // big.js rounds the quotient to 20 decimals before it becomes a double. That cannot change
      // the double when the exact quotient top/bottom lies farther than 10^-20 from every midpoint
      // between doubles: it is at least (spacing of doubles / 2) / |bottom| from any of them.
      if (Number.isSafeInteger(top) && Number.isSafeInteger(bottom)) {
        const q = top / bottom;
        if (Math.abs(q) * HALF_EPSILON > Math.abs(bottom) * 2 * DIVISION_STEP) return q;
      }
    }
  }
  return new Big(numerator).times(scale).div(denominator).toNumber();
}

/** Rounds half away from zero at `decimals` places, in decimal (never binary) arithmetic. */
export function roundHalfUp(value: number, decimals: number): Big {
  return new Big(value).round(decimals, Big.roundHalfUp);
}

/** `roundHalfUp(value, decimals).toFixed(decimals)`: the value rounded, as a plain decimal string. */
export function roundedFixed(value: number, decimals: number): string {
  if (value !== 0 && Number.isInteger(decimals) && decimals >= 0 && decimals <= MAX_DECIMALS) {
    const own = decimalsOf(value);
    if (own >= 0) {
      let digits: number;
      if (own <= decimals) digits = Math.abs(scaledTo(value, own, decimals));
      else {
        const scaled = Math.abs(Math.round(value * (POW10[own] as number)));
        const step = POW10[own - decimals] as number;
        let kept = Math.trunc(scaled / step);
        let rest = scaled - kept * step;
        if (rest < 0) {
          kept -= 1;
          rest += step;
        } else if (rest >= step) {
          kept += 1;
          rest -= step;
        }
        digits = rest * 2 >= step ? kept + 1 : kept;
      }
      if (Number.isSafeInteger(digits) && digits !== 0) {
        const text = String(digits).padStart(decimals + 1, '0');
        const body = decimals === 0 ? text : `${text.slice(0, -decimals)}.${text.slice(-decimals)}`;
        return value < 0 ? `-${body}` : body;
      }
    }
  }
  return roundHalfUp(value, decimals).toFixed(decimals);
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

/**
 * Two finite doubles compare as their shortest decimal forms do: each form rounds to its own
 * double and rounding is monotonic, so a < b exactly when form(a) < form(b). Non-finite values
 * go to big.js, which refuses them.
 */
export function compareExact(a: number, b: number): -1 | 0 | 1 {
  if (Number.isFinite(a) && Number.isFinite(b)) return a < b ? -1 : a > b ? 1 : 0;
  return new Big(a).cmp(b) as -1 | 0 | 1;
}
