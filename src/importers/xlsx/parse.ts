import { StyrkortError } from '../../domain/errors.js';
import { matchKey } from '../../domain/text.js';
import { SheetInterpreter, type SheetSummary } from '../tabular/sheet.js';
import { collectingSink, DRAIN_EVERY, type TabularResult, type TabularSink } from '../tabular/sink.js';
import { openArchive } from './archive.js';
import { sheetRows } from './sheetRows.js';
import { readWorkbook } from './workbook.js';
import { DEFAULT_ZIP_LIMITS, type ZipLimits } from './zipGuard.js';

/**
 * XLSX through the zip's central directory: the zip guard first, then the workbook, its
 * relations, styles and shared strings, then each selected sheet streamed row by row (never the
 * whole workbook as objects). Reading by name rather than in stored order is what makes every
 * valid file read the same every time: exceljs's streaming reader took entries as stored and,
 * when `xl/workbook.xml` came after the sheets (as exceljs itself writes it), could parse a sheet
 * before the workbook (exceljs/exceljs#3064). Without a named sheet, every visible worksheet with
 * a heading row is read; others are noted.
 */
export interface XlsxOptions {
  sheet?: string | null;
  defaults?: { indicator?: string | null; area?: string | null };
  zipLimits?: ZipLimits;
}

export async function readXlsx(input: string | Uint8Array, options: XlsxOptions, sink: TabularSink): Promise<TabularResult> {
  const archive = await openArchive(input, options.zipLimits ?? DEFAULT_ZIP_LIMITS);
  const wanted = options.sheet ? options.sheet.trim() : null;
  const defaults = { indicator: options.defaults?.indicator ?? null, area: options.defaults?.area ?? null };
  const summaries: SheetSummary[] = [];
  let names: string[];
  let sourceRows = 0;
  let bytes = 0;
  try {
    const workbook = await readWorkbook(archive);
    names = workbook.sheets.map((s) => s.name);
    const selected = workbook.sheets.filter((sheet) => {
      if (wanted !== null) return sheet.name === wanted || matchKey(sheet.name) === matchKey(wanted);
      if (sheet.state !== 'visible') sink.note(`Bladet ${sheet.name} är dolt och lästes inte`);
      else if (sheet.part === null) sink.note(`Bladet ${sheet.name} är inget kalkylblad (t.ex. ett diagramblad) och lästes inte`);
      return sheet.state === 'visible' && sheet.part !== null;
    });
    // progress as a share of the file: the parts read so far against all the parts to be read
    const toRead = workbook.packedBytes + selected.reduce((n, s) => n + (s.part ? archive.packedSize(s.part) : 0), 0);
    let packed = workbook.packedBytes;
    const onPacked = (n: number) => {
      packed += n;
      bytes = toRead === 0 ? archive.size : Math.min(archive.size, Math.round((archive.size * packed) / toRead));
    };
    for (const sheet of selected) {
      if (sheet.part === null || !archive.has(sheet.part)) {
        throw new StyrkortError('invalid_input', `Filen kan inte läsas som XLSX: bladet ${sheet.name} saknas i filen (${sheet.part ?? 'inget kalkylblad'})`);
      }
      const interpreter = new SheetInterpreter({ sheet: sheet.name, headerRequired: wanted !== null, defaults }, sink);
      for await (const batch of sheetRows(archive, sheet.part, workbook, onPacked)) {
        for (const row of batch) {
          interpreter.push(row);
          sourceRows += 1;
          if (sourceRows % DRAIN_EVERY === 0) {
            sink.progress?.({ bytes, rows: sourceRows });
            await sink.drain?.();
          }
        }
      }
      summaries.push(interpreter.finish());
    }
  } catch (error) {
    if (error instanceof StyrkortError) throw error;
    throw new StyrkortError('invalid_input', `Filen kan inte läsas som XLSX: ${(error as Error).message ?? String(error)}`);
  } finally {
    await archive.close();
  }
  if (wanted !== null && summaries.length === 0) {
    throw new StyrkortError('invalid_input', `Bladet "${wanted}" finns inte i filen. Bladen heter: ${names.join(', ') || '(inga blad)'}`);
  }
  if (wanted === null && summaries.every((s) => s.layout === null)) {
    const first = summaries[0]?.sheet ?? names[0] ?? null;
    sink.issue({ sheet: first, row: 1, column: 'A', value: null, rule: 'rubrikrad', message: `inget blad har en rubrikrad som går att läsa (väntat t.ex. Indikator, Område, Period, Värde); blad: ${names.join(', ') || '(inga)'}` });
  }
  bytes = archive.size;
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
