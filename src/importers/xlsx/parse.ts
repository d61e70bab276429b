import { createReadStream } from 'node:fs';
import { Readable, Transform } from 'node:stream';
import ExcelJS from 'exceljs';
import { StyrkortError } from '../../domain/errors.js';
import { matchKey } from '../../domain/text.js';
import { excelSerialToDate, type Cell } from '../tabular/cells.js';
import { SheetInterpreter, type SheetSummary } from '../tabular/sheet.js';
import { collectingSink, DRAIN_EVERY, type TabularResult, type TabularSink } from '../tabular/sink.js';
import { checkZip, DEFAULT_ZIP_LIMITS, type ZipLimits } from './zipGuard.js';

/**
 * XLSX through exceljs's streaming reader: sheets row by row, never the whole workbook as
 * objects. The zip guard runs first. Formulas are read as the value Excel saved with them —
 * nothing is calculated or executed; a formula without a saved value is an issue. Dates keep the
 * precision their format shows; percent-formatted numbers become the percent the user sees.
 * Without a named sheet, every visible sheet with a heading row is read; others are noted.
 */
export interface XlsxOptions {
  sheet?: string | null;
  defaults?: { indicator?: string | null; area?: string | null };
  zipLimits?: ZipLimits;
}

type ExcelCell = { value: unknown; numFmt?: string | null };

function isPercentFormat(numFmt: string | null | undefined): boolean {
  return !!numFmt && numFmt.replace(/"[^"]*"|\\./g, '').includes('%');
}

function isDateFormat(numFmt: string | null | undefined): boolean {
  if (!numFmt) return false;
  const bare = numFmt.replace(/"[^"]*"|\\.|\[[^\]]*\]/g, '');
  return /[dmy]/i.test(bare) && !/^[#0.,\s%]*$/.test(bare);
}

function datePrecision(numFmt: string | null | undefined): 'day' | 'month' | 'year' {
  const bare = (numFmt ?? '').replace(/"[^"]*"|\\.|\[[^\]]*\]/g, '').toLowerCase();
  if (bare.includes('d')) return 'day';
  if (bare.includes('m')) return 'month';
  if (bare.includes('y')) return 'year';
  return 'day';
}

function roundPercent(value: number): number {
  return Math.round(value * 100 * 1e9) / 1e9;
}

function fromValue(value: unknown, numFmt: string | null | undefined): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') {
    if (Number.isNaN(value)) return { kind: 'error', code: 'felvärde' };
    if (isDateFormat(numFmt)) return { kind: 'date', date: excelSerialToDate(value), precision: datePrecision(numFmt) };
    return isPercentFormat(numFmt) ? roundPercent(value) : value;
  }
  if (value instanceof Date) return { kind: 'date', date: value, precision: datePrecision(numFmt) };
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if (typeof v.error === 'string') return { kind: 'error', code: v.error };
    if (Array.isArray(v.richText)) return (v.richText as Array<{ text?: unknown }>).map((r) => (typeof r.text === 'string' ? r.text : '')).join('');
    if ('formula' in v || 'sharedFormula' in v) {
      if (!('result' in v) || v.result === undefined) {
        const formula = typeof v.formula === 'string' ? v.formula : typeof v.sharedFormula === 'string' ? v.sharedFormula : '';
        return { kind: 'error', code: `=${formula}` };
      }
      return fromValue(v.result, numFmt);
    }
    if ('hyperlink' in v) return typeof v.text === 'string' ? v.text : null;
    if ('sharedString' in v) return { kind: 'error', code: 'delad text saknas' };
  }
  return { kind: 'error', code: 'okänt cellinnehåll' };
}

export function cellOf(cell: ExcelCell): Cell {
  return fromValue(cell.value, cell.numFmt);
}

interface SheetReader extends AsyncIterable<ExcelJS.Row> {
  name?: string;
  state?: string;
}

export async function readXlsx(input: string | Uint8Array, options: XlsxOptions, sink: TabularSink): Promise<TabularResult> {
  await checkZip(input, options.zipLimits ?? DEFAULT_ZIP_LIMITS);
  let bytes = 0;
  const source = typeof input === 'string' ? createReadStream(input) : Readable.from([Buffer.from(input.buffer, input.byteOffset, input.byteLength)]);
  const counted = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      bytes += chunk.length;
      callback(null, chunk);
    },
  });
  source.on('error', (error: Error) => counted.destroy(error));
  const stream = source.pipe(counted);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(stream, { sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', worksheets: 'emit', entries: 'ignore' });
  const wanted = options.sheet ? options.sheet.trim() : null;
  const defaults = { indicator: options.defaults?.indicator ?? null, area: options.defaults?.area ?? null };
  const names: string[] = [];
  const summaries: SheetSummary[] = [];
  let sourceRows = 0;
  try {
    for await (const worksheet of reader as AsyncIterable<SheetReader>) {
      const name = worksheet.name ?? `Blad${names.length + 1}`;
      names.push(name);
      const selected = wanted === null ? worksheet.state !== 'hidden' && worksheet.state !== 'veryHidden' : name === wanted || matchKey(name) === matchKey(wanted);
      if (!selected) {
        if (wanted === null) sink.note(`Bladet ${name} är dolt och lästes inte`);
        for await (const _row of worksheet) void _row;
        continue;
      }
      const interpreter = new SheetInterpreter({ sheet: name, headerRequired: wanted !== null, defaults }, sink);
      for await (const row of worksheet) {
        const cells: Cell[] = [];
        row.eachCell({ includeEmpty: false }, (cell, column) => {
          cells[column - 1] = cellOf(cell as unknown as ExcelCell);
        });
        for (let i = 0; i < cells.length; i++) if (cells[i] === undefined) cells[i] = null;
        interpreter.push({ row: row.number, cells });
        sourceRows += 1;
        if (sourceRows % DRAIN_EVERY === 0) {
          sink.progress?.({ bytes, rows: sourceRows });
          await sink.drain?.();
        }
      }
      summaries.push(interpreter.finish());
    }
  } catch (error) {
    if (error instanceof StyrkortError) throw error;
    throw new StyrkortError('invalid_input', `Filen kan inte läsas som XLSX: ${(error as Error).message ?? String(error)}`);
  }
  if (wanted !== null && summaries.length === 0) {
    throw new StyrkortError('invalid_input', `Bladet "${wanted}" finns inte i filen. Bladen heter: ${names.join(', ') || '(inga blad)'}`);
  }
  if (wanted === null && summaries.every((s) => s.layout === null)) {
    const first = summaries[0]?.sheet ?? names[0] ?? null;
    sink.issue({ sheet: first, row: 1, column: 'A', value: null, rule: 'rubrikrad', message: `inget blad har en rubrikrad som går att läsa (väntat t.ex. Indikator, Område, Period, Värde); blad: ${names.join(', ') || '(inga)'}` });
  }
  sink.progress?.({ bytes, rows: sourceRows });
  await sink.drain?.();
  return { format: 'xlsx', encoding: null, delimiter: null, sheets: summaries, sourceRows, bytes };
}

/** Parses a whole XLSX file in memory: rows and issues. For tests and small files. */
export async function parseXlsx(input: string | Uint8Array, options: XlsxOptions = {}) {
  const sink = collectingSink();
  const result = await readXlsx(input, options, sink);
  return { rows: sink.rows, issues: sink.issues, notes: sink.notes, result };
}
