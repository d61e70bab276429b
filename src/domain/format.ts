import { roundedFixed } from './decimal.js';
import { isIsoDate } from './period.js';
import { changeUnitOf, unitSymbol, unitWord, type Unit } from './units.js';

/**
 * The one sv-SE formatter. Swedish typography: no-break space (U+00A0) between thousands,
 * decimal comma, U+2212 minus sign, a no-break space between number and unit ("98 %").
 */
export const NBSP = '\u00a0';
export const MINUS = '\u2212';

/** "1 264 000", "30,2", "−5". Rounds half away from zero, in decimal. */
export function formatNumber(value: number, decimals = 0): string {
  if (!Number.isFinite(value)) throw new Error(`Kan inte formatera ${value} som tal`);
  const fixed = roundedFixed(value, decimals);
  const negative = fixed.startsWith('-');
  const digits = negative ? fixed.slice(1) : fixed;
  const [intPart = '0', fracPart] = digits.split('.');
  const grouped = intPart.replace(/\B(?=(\d{3})+(?!\d))/g, NBSP);
  const body = fracPart === undefined ? grouped : `${grouped},${fracPart}`;
  const isZero = /^[0.]+$/.test(digits);
  return negative && !isZero ? `${MINUS}${body}` : body;
}

export interface ValueFormatOptions {
  /** `symbol` (default): "98 %", `word`: "98 procent", `none`: "98". */
  unitStyle?: 'symbol' | 'word' | 'none';
}

function withUnit(number: string, unit: Unit, style: 'symbol' | 'word' | 'none'): string {
  if (style === 'none') return number;
  const suffix = style === 'word' ? unitWord(unit) : unitSymbol(unit);
  return suffix === '' ? number : `${number}${NBSP}${suffix}`;
}

/** "98 %", "30,2 dagar", "1 264 000", "–" for a missing value. */
export function formatValue(value: number | null, unit: Unit, decimals: number, options: ValueFormatOptions = {}): string {
  if (value === null) return '–';
  return withUnit(formatNumber(value, decimals), unit, options.unitStyle ?? 'symbol');
}

/**
 * A change with its sign and the unit a change is measured in: "−4,9 dagar", "+3,3 dagar",
 * "−0,3 procentenheter" (a change in a share is in procentenheter, never in %), "±0 dagar".
 */
export function formatChange(delta: number | null, unit: Unit, decimals: number, options: ValueFormatOptions = {}): string {
  if (delta === null) return '–';
  const changeUnit = changeUnitOf(unit);
  const body = formatNumber(Math.abs(delta), decimals);
  const isZero = /^[0,\u00a0]+$/.test(body);
  const sign = isZero ? '±' : delta > 0 ? '+' : MINUS;
  return withUnit(`${sign}${body}`, changeUnit, options.unitStyle ?? 'word');
}

/** A relative change: "+17 %", "−19,8 %". */
export function formatRelativeChange(percent: number | null, decimals = 0): string {
  if (percent === null) return '–';
  const body = formatNumber(Math.abs(percent), decimals);
  const isZero = /^[0,\u00a0]+$/.test(body);
  const sign = isZero ? '±' : percent > 0 ? '+' : MINUS;
  return `${sign}${body}${NBSP}%`;
}

const MONTHS = ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november', 'december'];

/** "6 maj 2026" from an ISO date `2026-05-06` (or a timestamp starting with one). */
export function formatDate(isoDate: string): string {
  const day = isoDate.slice(0, 10);
  if (!isIsoDate(day)) throw new Error(`Ogiltigt datum "${isoDate}"`);
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return `${date} ${MONTHS[month - 1] as string} ${year}`;
}

/** A plan period's years: "2026–2028". */
export function formatYearRange(from: number, to: number): string {
  return from === to ? String(from) : `${from}\u2013${to}`;
}
