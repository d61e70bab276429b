import {
  daysInMonth,
  parsePeriodKey,
  parsePeriodText,
  periodEnd,
  periodFromDate,
  periodKey,
  periodMatchesType,
  periodStart,
  type Period,
  type PeriodType,
} from '../../domain/period.js';
import { excelSerialToDate, type Cell } from './cells.js';

/**
 * A period as files write it: a canonical key ("2026-03", "2026-T1"), free text ("mars 2026",
 * "jan-april 2026", "T1 2026", "per 30 april 2026"), a year as a number (2025), an Excel date
 * cell (formatted as a month or a day), an Excel serial number exported as text ("46082"), or
 * "202603" (year and month run together). `fromDate` marks periods read from a date, which may
 * stand for their month (see `fitPeriod`).
 */
export interface CellPeriod {
  period: Period;
  fromDate: boolean;
}

const SERIAL_MIN = 20_000; // 1954-10-03
const SERIAL_MAX = 80_000; // 2119-01-10
const YEAR_MONTH = /^(\d{4})(\d{2})$/;
const ISO_DATETIME = /^(\d{4}-\d{2}-\d{2})[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?$/;

function fromSerial(serial: number): CellPeriod | null {
  if (serial < SERIAL_MIN || serial > SERIAL_MAX) return null;
  return { period: periodFromDate(excelSerialToDate(serial)), fromDate: true };
}

export function periodFromCell(cell: Cell | undefined): CellPeriod | null {
  if (cell === null || cell === undefined || typeof cell === 'boolean') return null;
  if (typeof cell === 'number') {
    if (Number.isInteger(cell) && cell >= 1900 && cell <= 2200) return { period: { kind: 'year', year: cell }, fromDate: false };
    return fromSerial(cell);
  }
  if (typeof cell === 'object') {
    if (cell.kind === 'error') return null;
    const d = cell.date;
    if (Number.isNaN(d.getTime())) return null;
    if (cell.precision === 'year') return { period: { kind: 'year', year: d.getUTCFullYear() }, fromDate: false };
    if (cell.precision === 'month') return { period: { kind: 'month', year: d.getUTCFullYear(), month: d.getUTCMonth() + 1 }, fromDate: false };
    const period = periodFromDate(d);
    return parsePeriodKey(periodKey(period)) ? { period, fromDate: true } : null;
  }
  const text = cell.trim();
  if (text === '') return null;
  const parsed = parsePeriodText(text);
  if (parsed) return { period: parsed, fromDate: parsed.kind === 'date' };
  let m: RegExpMatchArray | null;
  if ((m = text.match(ISO_DATETIME))) {
    const day = parsePeriodKey(m[1] as string);
    return day ? { period: day, fromDate: true } : null;
  }
  if (/^\d{5}(?:[.,]\d+)?$/.test(text)) return fromSerial(Number(text.replace(',', '.')));
  if ((m = text.match(YEAR_MONTH))) {
    const month = parsePeriodKey(`${m[1]}-${m[2]}`);
    return month ? { period: month, fromDate: false } : null;
  }
  return null;
}

/**
 * The period in the shape an indicator stores, when the file wrote the same stretch of time
 * another way: "jan-april 2026" is T1 2026 for a tertial indicator, 2026-03-01 (or 2026-03-31)
 * read from a date is March 2026 for a monthly one. Returns null when it does not fit.
 */
export function fitPeriod(found: CellPeriod, type: PeriodType): Period | null {
  const { period } = found;
  if (periodMatchesType(period, type)) return period;
  if (period.kind === 'date') {
    if (!found.fromDate) return null;
    const lastDay = daysInMonth(period.year, period.month);
    if (type === 'month' && (period.day === 1 || period.day === lastDay)) return { kind: 'month', year: period.year, month: period.month };
    return null;
  }
  const start = periodStart(period);
  const end = periodEnd(period);
  const year = Number(start.slice(0, 4));
  const month = Number(start.slice(5, 7));
  const candidates: Period[] = [];
  switch (type) {
    case 'year':
      candidates.push({ kind: 'year', year });
      break;
    case 'tertial':
      if ((month - 1) % 4 === 0) candidates.push({ kind: 'tertial', year, tertial: ((month - 1) / 4 + 1) as 1 | 2 | 3 });
      break;
    case 'quarter':
      if ((month - 1) % 3 === 0) candidates.push({ kind: 'quarter', year, quarter: ((month - 1) / 3 + 1) as 1 | 2 | 3 | 4 });
      break;
    case 'month':
      candidates.push({ kind: 'month', year, month });
      break;
    case 'ytd':
    case 'rolling12':
    case 'months': {
      const endYear = Number(end.slice(0, 4));
      const endMonth = Number(end.slice(5, 7));
      if (endYear !== year || endMonth !== month) candidates.push({ kind: 'months', from: { year, month }, to: { year: endYear, month: endMonth } });
      break;
    }
    case 'date':
      break;
  }
  return candidates.find((c) => periodStart(c) === start && periodEnd(c) === end && periodMatchesType(c, type)) ?? null;
}
