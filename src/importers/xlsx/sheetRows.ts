import { excelSerialToDate, type Cell, type SourceRow } from '../tabular/cells.js';
import type { Archive } from './archive.js';
import type { Workbook } from './workbook.js';
import { parseXml, unescapeOoxml } from './xml.js';

/**
 * One worksheet's rows, streamed from its XML: each `<row>` as the row number Excel shows and its
 * cells from column A. Formulas are read as the value Excel saved with them — nothing is
 * calculated; a formula without a saved value is an error cell ("=formel"). Dates keep the
 * precision their format shows; percent-formatted numbers become the percent the user sees.
 */

export function isPercentFormat(numFmt: string | null | undefined): boolean {
  return !!numFmt && numFmt.replace(/"[^"]*"|\\./g, '').includes('%');
}

export function isDateFormat(numFmt: string | null | undefined): boolean {
  if (!numFmt) return false;
  const bare = numFmt.replace(/"[^"]*"|\\.|\[[^\]]*\]/g, '');
  return /[dmy]/i.test(bare) && !/^[#0.,\s%]*$/.test(bare);
}

export function datePrecision(numFmt: string | null | undefined): 'day' | 'month' | 'year' {
  const bare = (numFmt ?? '').replace(/"[^"]*"|\\.|\[[^\]]*\]/g, '').toLowerCase();
  if (bare.includes('d')) return 'day';
  if (bare.includes('m')) return 'month';
  if (bare.includes('y')) return 'year';
  return 'day';
}

function roundPercent(value: number): number {
  return Math.round(value * 100 * 1e9) / 1e9;
}

/** What a `<c>` element held. */
export interface RawCell {
  /** The `t` attribute: s, str, inlineStr, b, e, d, or n (the default). */
  type: string;
  /** Text of `<v>`, or of `<is>` for inline strings; null when absent. */
  value: string | null;
  formula: string | null;
  numFmt: string | null;
}

function number(text: string, numFmt: string | null, date1904: boolean): Cell {
  if (text.trim() === '') return null;
  const value = Number(text);
  if (!Number.isFinite(value)) return { kind: 'error', code: 'felvärde' };
  if (isDateFormat(numFmt)) return { kind: 'date', date: excelSerialToDate(date1904 ? value + 1462 : value), precision: datePrecision(numFmt) };
  return isPercentFormat(numFmt) ? roundPercent(value) : value;
}

export function cellOf(raw: RawCell, workbook: Pick<Workbook, 'sharedStrings' | 'date1904'>): Cell {
  const { type, value, formula, numFmt } = raw;
  if (value === null) return formula !== null ? { kind: 'error', code: `=${formula}` } : null;
  switch (type) {
    case 's': {
      const shared = workbook.sharedStrings[Number(value)];
      return shared === undefined ? { kind: 'error', code: 'delad text saknas' } : shared;
    }
    case 'str':
    case 'inlineStr':
      return unescapeOoxml(value);
    case 'b':
      return value === '1' || value === 'true';
    case 'e':
      return { kind: 'error', code: value };
    case 'd': {
      const date = new Date(value.length <= 10 ? `${value}T00:00:00Z` : value.endsWith('Z') ? value : `${value}Z`);
      return Number.isNaN(date.getTime()) ? { kind: 'error', code: 'felvärde' } : { kind: 'date', date, precision: datePrecision(numFmt) };
    }
    default:
      return number(value, numFmt, workbook.date1904);
  }
}

/** "BC12" → 55 (column B C = 2·26 + 3), the row number ignored. */
function columnOf(reference: string): number {
  let column = 0;
  for (let i = 0; i < reference.length; i++) {
    const code = reference.charCodeAt(i);
    if (code >= 65 && code <= 90) column = column * 26 + (code - 64);
    else if (code >= 97 && code <= 122) column = column * 26 + (code - 96);
    else break;
  }
  return column;
}

/**
 * The sheet's rows in batches: each batch is what one chunk of the part produced, so the caller
 * can hand rows on (and wait for the database) before more of the file is read.
 */
export async function* sheetRows(archive: Archive, part: string, workbook: Workbook, onPacked?: (bytes: number) => void): AsyncGenerator<SourceRow[]> {
  let batch: SourceRow[] = [];
  let rowNumber = 0;
  let cells: Cell[] | null = null;
  let column = 0;
  let cell: { type: string; style: number; value: string[] | null; formula: string[] | null; sharedId: string | null } | null = null;
  let capture: string[] | null = null;
  let inInline = false;
  let phonetic = 0;
  const sharedFormulas = new Map<string, string>();

  const events = parseXml(archive.open(part, onPacked), part, {
    open(name, attributes) {
      if (cell) {
        if (name === 'v') capture = cell.value = [];
        else if (name === 'f') {
          capture = cell.formula = [];
          if (attributes.t === 'shared' && attributes.si !== undefined) cell.sharedId = attributes.si;
        } else if (name === 'is') {
          inInline = true;
          cell.value = [];
        } else if (name === 'rPh') phonetic += 1;
        else if (name === 't' && inInline && phonetic === 0) capture = cell.value;
        return;
      }
      if (name === 'row') {
        const r = Number(attributes.r);
        rowNumber = Number.isInteger(r) && r > 0 ? r : rowNumber + 1;
        cells = [];
        column = 0;
      } else if (name === 'c' && cells) {
        const reference = attributes.r;
        const at = reference ? columnOf(reference) : 0;
        column = at > 0 ? at : column + 1;
        cell = { type: attributes.t ?? 'n', style: Number(attributes.s ?? 0), value: null, formula: null, sharedId: null };
      }
    },
    text(text) {
      capture?.push(text);
    },
    close(name) {
      if (name === 'v' || name === 'f' || name === 't') {
        capture = null;
      } else if (name === 'rPh') {
        phonetic -= 1;
      } else if (name === 'is') {
        inInline = false;
      } else if (name === 'c' && cell && cells) {
        let formula = cell.formula === null ? null : cell.formula.join('');
        if (cell.sharedId !== null) {
          if (formula) sharedFormulas.set(cell.sharedId, formula);
          else formula = sharedFormulas.get(cell.sharedId) ?? formula;
        }
        const raw: RawCell = {
          type: cell.type,
          value: cell.value === null ? null : cell.value.join(''),
          formula: formula === '' ? null : formula,
          numFmt: workbook.styleFormats[cell.style] ?? null,
        };
        cells[column - 1] = cellOf(raw, workbook);
        cell = null;
      } else if (name === 'row' && cells) {
        for (let i = 0; i < cells.length; i++) if (cells[i] === undefined) cells[i] = null;
        batch.push({ row: rowNumber, cells });
        cells = null;
      }
    },
  });
  for await (const _ of events) {
    if (batch.length > 0) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}
