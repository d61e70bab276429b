/**
 * The one period module. Every period in Styrkort is one of these kinds, stored as a canonical
 * key string and shown with a Swedish label:
 *
 * | kind     | key                | label                         |
 * |----------|--------------------|-------------------------------|
 * | year     | `2025`             | 2025                          |
 * | tertial  | `2025-T1`          | T1 2025                       |
 * | quarter  | `2025-Q3`          | kvartal 3 2025                |
 * | month    | `2025-03`          | mars 2025                     |
 * | months   | `2026-01..2026-04` | jan–apr 2026 (year to date)   |
 * |          | `2025-04..2026-03` | apr 2025–mar 2026 (rolling)   |
 * | date     | `2026-04-30`       | 30 april 2026 ("per …")       |
 */

export interface YearMonth {
  year: number;
  month: number; // 1–12
}

export type Period =
  | { kind: 'year'; year: number }
  | { kind: 'tertial'; year: number; tertial: 1 | 2 | 3 }
  | { kind: 'quarter'; year: number; quarter: 1 | 2 | 3 | 4 }
  | { kind: 'month'; year: number; month: number }
  | { kind: 'months'; from: YearMonth; to: YearMonth }
  | { kind: 'date'; year: number; month: number; day: number };

export type PeriodKind = Period['kind'];

/**
 * What an indicator is measured per. `ytd` (jan–apr 2026) and `rolling12` are month ranges with a
 * rule; `months` is any range of months ("oktober–november 2025", "senaste 6 månaderna").
 */
export const PERIOD_TYPES = ['year', 'tertial', 'quarter', 'month', 'ytd', 'rolling12', 'months', 'date'] as const;
export type PeriodType = (typeof PERIOD_TYPES)[number];

export const PERIOD_TYPE_LABELS: Record<PeriodType, string> = {
  year: 'år',
  tertial: 'tertial',
  quarter: 'kvartal',
  month: 'månad',
  ytd: 'hittills i år',
  rolling12: 'rullande 12 månader',
  months: 'period om flera månader',
  date: 'tidpunkt',
};

export const MONTH_NAMES = [
  'januari', 'februari', 'mars', 'april', 'maj', 'juni',
  'juli', 'augusti', 'september', 'oktober', 'november', 'december',
] as const;

export const MONTH_ABBREVIATIONS = [
  'jan', 'feb', 'mar', 'apr', 'maj', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec',
] as const;

const MIN_YEAR = 1900;
const MAX_YEAR = 2200;

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

function validYear(year: number): boolean {
  return Number.isInteger(year) && year >= MIN_YEAR && year <= MAX_YEAR;
}

function validMonth(month: number): boolean {
  return Number.isInteger(month) && month >= 1 && month <= 12;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function monthIndex(ym: YearMonth): number {
  return ym.year * 12 + (ym.month - 1);
}

function fromMonthIndex(index: number): YearMonth {
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

function ymKey(ym: YearMonth): string {
  return `${ym.year}-${pad2(ym.month)}`;
}

/** Number of months a month range covers (inclusive). */
export function monthCount(period: Extract<Period, { kind: 'months' }>): number {
  return monthIndex(period.to) - monthIndex(period.from) + 1;
}

// ---------------------------------------------------------------------------------------------
// Canonical keys
// ---------------------------------------------------------------------------------------------

const YEAR_RE = /^(\d{4})$/;
const TERTIAL_RE = /^(\d{4})-T([1-3])$/;
const QUARTER_RE = /^(\d{4})-Q([1-4])$/;
const MONTH_RE = /^(\d{4})-(\d{2})$/;
const MONTHS_RE = /^(\d{4})-(\d{2})\.\.(\d{4})-(\d{2})$/;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parses a canonical period key. Returns null for anything else (see `parsePeriodText` for free text). */
export function parsePeriodKey(key: string): Period | null {
  let m: RegExpMatchArray | null;
  if ((m = key.match(YEAR_RE))) {
    const year = Number(m[1]);
    return validYear(year) ? { kind: 'year', year } : null;
  }
  if ((m = key.match(TERTIAL_RE))) {
    const year = Number(m[1]);
    return validYear(year) ? { kind: 'tertial', year, tertial: Number(m[2]) as 1 | 2 | 3 } : null;
  }
  if ((m = key.match(QUARTER_RE))) {
    const year = Number(m[1]);
    return validYear(year) ? { kind: 'quarter', year, quarter: Number(m[2]) as 1 | 2 | 3 | 4 } : null;
  }
  if ((m = key.match(MONTH_RE))) {
    const year = Number(m[1]);
    const month = Number(m[2]);
    return validYear(year) && validMonth(month) ? { kind: 'month', year, month } : null;
  }
  if ((m = key.match(MONTHS_RE))) {
    const from = { year: Number(m[1]), month: Number(m[2]) };
    const to = { year: Number(m[3]), month: Number(m[4]) };
    if (!validYear(from.year) || !validYear(to.year) || !validMonth(from.month) || !validMonth(to.month)) return null;
    if (monthIndex(to) < monthIndex(from)) return null;
    if (monthIndex(from) === monthIndex(to)) return null; // a single month is a `month`
    return { kind: 'months', from, to };
  }
  if ((m = key.match(DATE_RE))) {
    const year = Number(m[1]);
    const month = Number(m[2]);
    const day = Number(m[3]);
    if (!validYear(year) || !validMonth(month)) return null;
    if (!Number.isInteger(day) || day < 1 || day > daysInMonth(year, month)) return null;
    return { kind: 'date', year, month, day };
  }
  return null;
}

export function periodKey(period: Period): string {
  switch (period.kind) {
    case 'year':
      return String(period.year);
    case 'tertial':
      return `${period.year}-T${period.tertial}`;
    case 'quarter':
      return `${period.year}-Q${period.quarter}`;
    case 'month':
      return ymKey(period);
    case 'months':
      return `${ymKey(period.from)}..${ymKey(period.to)}`;
    case 'date':
      return `${period.year}-${pad2(period.month)}-${pad2(period.day)}`;
  }
}

/** A real calendar date `YYYY-MM-DD` (not 2026-02-30). */
export function isIsoDate(value: string): boolean {
  return DATE_RE.test(value) && parsePeriodKey(value)?.kind === 'date';
}

/** A whole month `YYYY-MM` or a real date `YYYY-MM-DD`, as timelines and checklists use. */
export function isYearMonthOrDate(value: string): boolean {
  const period = MONTH_RE.test(value) || DATE_RE.test(value) ? parsePeriodKey(value) : null;
  return period !== null && (period.kind === 'month' || period.kind === 'date');
}

/** Parses a key, throwing a Swedish error naming the key; for values that are known to be keys. */
export function requirePeriod(key: string): Period {
  const period = parsePeriodKey(key);
  if (!period) throw new Error(`Ogiltig period "${key}" (väntat t.ex. 2025, 2025-T1, 2025-Q3, 2025-03, 2026-01..2026-04 eller 2026-04-30)`);
  return period;
}

// ---------------------------------------------------------------------------------------------
// Calendar extent
// ---------------------------------------------------------------------------------------------

function firstMonth(period: Period): YearMonth {
  switch (period.kind) {
    case 'year':
      return { year: period.year, month: 1 };
    case 'tertial':
      return { year: period.year, month: (period.tertial - 1) * 4 + 1 };
    case 'quarter':
      return { year: period.year, month: (period.quarter - 1) * 3 + 1 };
    case 'month':
      return { year: period.year, month: period.month };
    case 'months':
      return period.from;
    case 'date':
      return { year: period.year, month: period.month };
  }
}

function lastMonth(period: Period): YearMonth {
  switch (period.kind) {
    case 'year':
      return { year: period.year, month: 12 };
    case 'tertial':
      return { year: period.year, month: period.tertial * 4 };
    case 'quarter':
      return { year: period.year, month: period.quarter * 3 };
    case 'month':
      return { year: period.year, month: period.month };
    case 'months':
      return period.to;
    case 'date':
      return { year: period.year, month: period.month };
  }
}

/** First day of the period, ISO `YYYY-MM-DD`. */
export function periodStart(period: Period): string {
  if (period.kind === 'date') return periodKey(period);
  const ym = firstMonth(period);
  return `${ymKey(ym)}-01`;
}

/** Last day of the period, ISO `YYYY-MM-DD`. */
export function periodEnd(period: Period): string {
  if (period.kind === 'date') return periodKey(period);
  const ym = lastMonth(period);
  return `${ymKey(ym)}-${pad2(daysInMonth(ym.year, ym.month))}`;
}

/** Orders periods by end, then by start (a year sorts after its last month, a range after a point). */
export function comparePeriods(a: Period, b: Period): number {
  const endA = periodEnd(a);
  const endB = periodEnd(b);
  if (endA !== endB) return endA < endB ? -1 : 1;
  const startA = periodStart(a);
  const startB = periodStart(b);
  if (startA !== startB) return startA < startB ? 1 : -1; // longer period (earlier start) last
  return 0;
}

export function compareKeys(a: string, b: string): number {
  return comparePeriods(requirePeriod(a), requirePeriod(b));
}

// ---------------------------------------------------------------------------------------------
// Arithmetic
// ---------------------------------------------------------------------------------------------

/** The same period one year earlier ("samma period föregående år"). */
export function sameLastYear(period: Period): Period {
  return shiftYears(period, -1);
}

export function shiftYears(period: Period, years: number): Period {
  switch (period.kind) {
    case 'year':
      return { ...period, year: period.year + years };
    case 'tertial':
    case 'quarter':
    case 'month':
      return { ...period, year: period.year + years };
    case 'months':
      return {
        kind: 'months',
        from: { year: period.from.year + years, month: period.from.month },
        to: { year: period.to.year + years, month: period.to.month },
      };
    case 'date': {
      const year = period.year + years;
      const day = Math.min(period.day, daysInMonth(year, period.month));
      return { kind: 'date', year, month: period.month, day };
    }
  }
}

/**
 * The period immediately before, of the same kind: 2025 → 2024, 2025-T1 → 2024-T3,
 * 2025-01 → 2024-12. Month ranges step back by their own length, dates by one day.
 */
export function previousPeriod(period: Period): Period {
  switch (period.kind) {
    case 'year':
      return { kind: 'year', year: period.year - 1 };
    case 'tertial':
      return period.tertial === 1
        ? { kind: 'tertial', year: period.year - 1, tertial: 3 }
        : { kind: 'tertial', year: period.year, tertial: (period.tertial - 1) as 1 | 2 };
    case 'quarter':
      return period.quarter === 1
        ? { kind: 'quarter', year: period.year - 1, quarter: 4 }
        : { kind: 'quarter', year: period.year, quarter: (period.quarter - 1) as 1 | 2 | 3 };
    case 'month': {
      const ym = fromMonthIndex(monthIndex(period) - 1);
      return { kind: 'month', ...ym };
    }
    case 'months': {
      const length = monthCount(period);
      return {
        kind: 'months',
        from: fromMonthIndex(monthIndex(period.from) - length),
        to: fromMonthIndex(monthIndex(period.to) - length),
      };
    }
    case 'date': {
      const d = new Date(Date.UTC(period.year, period.month - 1, period.day - 1));
      return { kind: 'date', year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
    }
  }
}

/** Year to date up to and including `month`: jan–apr 2026. January alone is the month itself. */
export function yearToDate(year: number, month: number): Period {
  if (month === 1) return { kind: 'month', year, month: 1 };
  return { kind: 'months', from: { year, month: 1 }, to: { year, month } };
}

/** Twelve months ending with (and including) the given month. */
export function rolling12(year: number, month: number): Period {
  const to = { year, month };
  return { kind: 'months', from: fromMonthIndex(monthIndex(to) - 11), to };
}

/** Does a period have the shape an indicator with this period type stores? */
export function periodMatchesType(period: Period, type: PeriodType): boolean {
  switch (type) {
    case 'year':
    case 'tertial':
    case 'quarter':
    case 'month':
    case 'date':
      return period.kind === type;
    case 'ytd':
      return (
        (period.kind === 'months' && period.from.month === 1 && period.from.year === period.to.year) ||
        (period.kind === 'month' && period.month === 1)
      );
    case 'rolling12':
      return period.kind === 'months' && monthCount(period) === 12;
    case 'months':
      return period.kind === 'months';
  }
}

/** Every month a period covers, as `YYYY-MM` keys (a date covers its month). */
export function monthsIn(period: Period): string[] {
  const from = monthIndex(firstMonth(period));
  const to = monthIndex(lastMonth(period));
  const keys: string[] = [];
  for (let i = from; i <= to; i++) keys.push(ymKey(fromMonthIndex(i)));
  return keys;
}

// ---------------------------------------------------------------------------------------------
// Swedish labels
// ---------------------------------------------------------------------------------------------

const EN_DASH = '\u2013';

function monthAbbr(month: number): string {
  return MONTH_ABBREVIATIONS[month - 1] ?? '?';
}

function monthName(month: number): string {
  return MONTH_NAMES[month - 1] ?? '?';
}

export interface PeriodLabelOptions {
  /** `short`: "mar 2026"; `long` (default): "mars 2026". */
  style?: 'short' | 'long';
  /** Prefix points in time with "per" ("per 30 april 2026"). Default true. */
  per?: boolean;
}

export function periodLabel(period: Period, options: PeriodLabelOptions = {}): string {
  const style = options.style ?? 'long';
  switch (period.kind) {
    case 'year':
      return String(period.year);
    case 'tertial':
      return `T${period.tertial} ${period.year}`;
    case 'quarter':
      return style === 'short' ? `kv${period.quarter} ${period.year}` : `kvartal ${period.quarter} ${period.year}`;
    case 'month':
      return `${style === 'short' ? monthAbbr(period.month) : monthName(period.month)} ${period.year}`;
    case 'months':
      if (period.from.year === period.to.year) {
        return `${monthAbbr(period.from.month)}${EN_DASH}${monthAbbr(period.to.month)} ${period.to.year}`;
      }
      return `${monthAbbr(period.from.month)} ${period.from.year}${EN_DASH}${monthAbbr(period.to.month)} ${period.to.year}`;
    case 'date': {
      const text = `${period.day} ${monthName(period.month)} ${period.year}`;
      return options.per === false ? text : `per ${text}`;
    }
  }
}

export function keyLabel(key: string, options: PeriodLabelOptions = {}): string {
  const period = parsePeriodKey(key);
  return period ? periodLabel(period, options) : key;
}

// ---------------------------------------------------------------------------------------------
// Free text as people write it (imports, search): "T1 2026", "jan-april 2026", "mars 2026",
// "per 30 april 2026", "kv3 2025", "2026-03". Returns null when the text is not a period.
// ---------------------------------------------------------------------------------------------

function monthFromWord(word: string): number | null {
  const w = word.toLowerCase().replace(/\.$/, '');
  for (let i = 0; i < 12; i++) {
    const name = MONTH_NAMES[i] as string;
    const abbr = MONTH_ABBREVIATIONS[i] as string;
    if (w === name || w === abbr) return i + 1;
    // "sept", "febr", "dec." and other common abbreviations: a prefix of the full name of ≥ 3 letters
    if (w.length >= 3 && name.startsWith(w)) return i + 1;
  }
  return null;
}

const DASHES = /\s*[-\u2013\u2014\u2212]\s*/;

export function parsePeriodText(input: string): Period | null {
  const text = input.trim().replace(/\s+/g, ' ');
  if (text === '') return null;
  const key = parsePeriodKey(text);
  if (key) return key;
  const lower = text.toLowerCase();
  let m: RegExpMatchArray | null;

  // T1 2026, T1-2026, tertial 1 2026, 2026 T1, 2026T1
  if ((m = lower.match(/^(?:t|tertial\s*)([1-3])[\s-]*(\d{4})$/)) || (m = lower.match(/^(\d{4})[\s-]*t([1-3])$/))) {
    const [a, b] = [m[1] as string, m[2] as string];
    const year = Number(a.length === 4 ? a : b);
    const tertial = Number(a.length === 4 ? b : a) as 1 | 2 | 3;
    return validYear(year) ? { kind: 'tertial', year, tertial } : null;
  }
  // Q3 2025, kv3 2025, kvartal 3 2025, 2025 Q3, 2025-Q3
  if (
    (m = lower.match(/^(?:q|kv\.?\s*|kvartal\s*)([1-4])[\s-]*(\d{4})$/)) ||
    (m = lower.match(/^(\d{4})[\s-]*(?:q|kv\.?\s*|kvartal\s*)([1-4])$/))
  ) {
    const [a, b] = [m[1] as string, m[2] as string];
    const year = Number(a.length === 4 ? a : b);
    const quarter = Number(a.length === 4 ? b : a) as 1 | 2 | 3 | 4;
    return validYear(year) ? { kind: 'quarter', year, quarter } : null;
  }
  // H1 2029, halvår 2 2029, första halvåret 2029, andra halvåret 2029, 2029 H1: a range of six months
  if (
    (m = lower.match(/^(?:h|halvår\s*)([12])[\s-]*(\d{4})$/)) ||
    (m = lower.match(/^(\d{4})[\s-]*h([12])$/)) ||
    (m = lower.match(/^(första|andra|1:a|2:a) halvåret (\d{4})$/))
  ) {
    const [a, b] = [m[1] as string, m[2] as string];
    const year = Number(a.length === 4 ? a : b);
    const word = a.length === 4 ? b : a;
    const half = word === '1' || word === 'första' || word === '1:a' ? 1 : 2;
    return validYear(year) ? { kind: 'months', from: { year, month: half === 1 ? 1 : 7 }, to: { year, month: half === 1 ? 6 : 12 } } : null;
  }
  // per 30 april 2026, 30 april 2026, 30 apr. 2026
  if ((m = lower.match(/^(?:per\s+)?(\d{1,2})\s+([a-zåäö.]+)\s+(\d{4})$/))) {
    const month = monthFromWord(m[2] as string);
    const year = Number(m[3]);
    const day = Number(m[1]);
    if (month === null || !validYear(year) || day < 1 || day > daysInMonth(year, month)) return null;
    return { kind: 'date', year, month, day };
  }
  // jan–apr 2026, januari-april 2026, jan 2026 - apr 2026, apr 2025–mar 2026
  const parts = lower.split(DASHES);
  if (parts.length === 2) {
    const [left, right] = parts as [string, string];
    const rightMatch = right.match(/^([a-zåäö.]+)\s+(\d{4})$/);
    const leftWithYear = left.match(/^([a-zåäö.]+)\s+(\d{4})$/);
    const leftOnly = left.match(/^([a-zåäö.]+)$/);
    if (rightMatch) {
      const toMonth = monthFromWord(rightMatch[1] as string);
      const toYear = Number(rightMatch[2]);
      const fromMonth = monthFromWord(((leftWithYear ?? leftOnly)?.[1] ?? '') as string);
      const fromYear = leftWithYear ? Number(leftWithYear[2]) : toYear;
      if (toMonth === null || fromMonth === null || !validYear(toYear) || !validYear(fromYear)) return null;
      const from = { year: fromYear, month: fromMonth };
      const to = { year: toYear, month: toMonth };
      if (monthIndex(to) < monthIndex(from)) return null;
      if (monthIndex(to) === monthIndex(from)) return { kind: 'month', ...to };
      return { kind: 'months', from, to };
    }
  }
  // mars 2026, mar 2026
  if ((m = lower.match(/^([a-zåäö.]+)\s+(\d{4})$/))) {
    const month = monthFromWord(m[1] as string);
    const year = Number(m[2]);
    return month !== null && validYear(year) ? { kind: 'month', year, month } : null;
  }
  // 2026/03, 2026.03, 03/2026
  if ((m = lower.match(/^(\d{4})[/.](\d{1,2})$/))) {
    const year = Number(m[1]);
    const month = Number(m[2]);
    return validYear(year) && validMonth(month) ? { kind: 'month', year, month } : null;
  }
  if ((m = lower.match(/^(\d{1,2})\/(\d{4})$/))) {
    const year = Number(m[2]);
    const month = Number(m[1]);
    return validYear(year) && validMonth(month) ? { kind: 'month', year, month } : null;
  }
  return null;
}

/** A date (UTC) as a `date` period — for Excel serial dates and ISO timestamps read by importers. */
export function periodFromDate(date: Date): Period {
  return { kind: 'date', year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}
