import { pipeline, Readable } from 'node:stream';
import { parse as csvParse, CsvError } from 'csv-parse';
import { columnLetter, type Cell } from '../tabular/cells.js';
import type { ImportIssue } from '../tabular/issues.js';
import { SheetInterpreter } from '../tabular/sheet.js';
import { collectingSink, DRAIN_EVERY, type TabularResult, type TabularSink } from '../tabular/sink.js';
import { detectDelimiter, detectEncoding, ENCODING_LABELS, textDecoder, type DetectedEncoding } from './encoding.js';

/**
 * CSV files as Swedish systems and Excel write them: `;`, `,`, tab or `|` separated (detected, or
 * given by an Excel "sep=;" first line), UTF-8 with or without BOM, Windows-1252 or UTF-16
 * (detected), quoted fields with separators and line breaks inside. Streamed: the file is read
 * chunk by chunk and each record handed on as it is parsed. Row numbers are records, as Excel
 * shows the file (a quoted line break stays inside its row).
 */
export interface CsvOptions {
  defaults?: { indicator?: string | null; area?: string | null };
  /** Force a separator instead of detecting it. */
  delimiter?: string | null;
}

const DETECT_BYTES = 64 * 1024;
const MAX_RECORD_CHARS = 1_000_000;
const MAX_COLUMNS = 16_384;

type ByteSource = Uint8Array | AsyncIterable<Uint8Array>;

async function* chunksOf(input: ByteSource): AsyncGenerator<Uint8Array> {
  if (input instanceof Uint8Array) {
    for (let i = 0; i < input.length; i += DETECT_BYTES) yield input.subarray(i, i + DETECT_BYTES);
    return;
  }
  yield* input;
}

const CSV_ERRORS: Record<string, string> = {
  CSV_QUOTE_NOT_CLOSED: 'ett citattecken (") stängs aldrig; resten av filen kunde inte läsas',
  CSV_MAX_RECORD_SIZE: `raden är för lång (över ${MAX_RECORD_CHARS.toLocaleString('sv-SE')} tecken)`,
  CSV_INVALID_CLOSING_QUOTE: 'tecken direkt efter ett avslutande citattecken',
  INVALID_OPENING_QUOTE: 'felaktigt placerat citattecken',
  CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE: 'tecken direkt efter ett avslutande citattecken',
};

export async function readCsv(input: ByteSource, options: CsvOptions, sink: TabularSink): Promise<TabularResult> {
  const source = chunksOf(input)[Symbol.asyncIterator]();
  let bytes = 0;
  const head: Uint8Array[] = [];
  let headBytes = 0;
  let done = false;
  while (headBytes < DETECT_BYTES) {
    const next = await source.next();
    if (next.done) {
      done = true;
      break;
    }
    head.push(next.value);
    headBytes += next.value.length;
  }
  const prefix = Buffer.concat(head);
  bytes = prefix.length;
  const detected: DetectedEncoding = detectEncoding(prefix.subarray(0, DETECT_BYTES));
  const decoder = textDecoder(detected);
  let firstText = decoder.write(prefix);
  if (done) firstText += decoder.end();

  let delimiter = options.delimiter ?? null;
  let skippedSepLine = false;
  const sep = firstText.match(/^sep=(.)\r?\n/i);
  if (sep) {
    delimiter ??= sep[1] as string;
    firstText = firstText.slice(sep[0].length);
    skippedSepLine = true;
  }
  delimiter ??= detectDelimiter(firstText);
  if (skippedSepLine) sink.note('Första raden "sep=…" anger avgränsaren och läses inte som data');

  async function* text(): AsyncGenerator<string> {
    if (firstText !== '') yield firstText;
    if (done) return;
    for (;;) {
      const next = await source.next();
      if (next.done) break;
      bytes += next.value.length;
      const decoded = decoder.write(next.value);
      if (decoded !== '') yield decoded;
    }
    const rest = decoder.end();
    if (rest !== '') yield rest;
  }

  const interpreter = new SheetInterpreter(
    { sheet: null, headerRequired: true, defaults: { indicator: options.defaults?.indicator ?? null, area: options.defaults?.area ?? null } },
    sink,
  );
  const parser = csvParse({
    delimiter,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: false,
    bom: false,
    max_record_size: MAX_RECORD_CHARS,
  });
  pipeline(Readable.from(text(), { objectMode: true }), parser, () => undefined);

  let row = 0;
  const checkEncoding = detected.encoding === 'utf-8';
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      row += 1;
      let cells: Cell[] = record;
      if (cells.length > MAX_COLUMNS) {
        sink.issue(issue(row, columnLetter(MAX_COLUMNS + 1), null, 'kolumner', `raden har ${cells.length} kolumner; högst ${MAX_COLUMNS} läses`));
        cells = cells.slice(0, MAX_COLUMNS);
      }
      if (checkEncoding && badCharacter(record, row, sink)) continue;
      interpreter.push({ row, cells });
      if (row % DRAIN_EVERY === 0) {
        sink.progress?.({ bytes, rows: row });
        await sink.drain?.();
      }
    }
  } catch (error) {
    if (!(error instanceof CsvError) && !(error instanceof Error && 'code' in error)) throw error;
    const e = error as { code?: unknown; records?: unknown; index?: unknown };
    const code = String(e.code ?? '');
    const at = typeof e.records === 'number' ? e.records + 1 : row + 1;
    const column = typeof e.index === 'number' ? columnLetter(e.index + 1) : 'A';
    sink.issue(issue(Math.max(at, row + 1), column, null, 'csv', CSV_ERRORS[code] ?? `filen kunde inte läsas som CSV (${(error as Error).message})`));
    interpreter.abort();
  }
  const summary = interpreter.finish();
  sink.progress?.({ bytes, rows: row });
  await sink.drain?.();
  return {
    format: 'csv',
    encoding: ENCODING_LABELS[detected.encoding] + (detected.bom ? ' med BOM' : ''),
    delimiter,
    sheets: [summary],
    sourceRows: row,
    bytes,
  };
}

function issue(row: number, column: string, value: string | null, rule: string, message: string): ImportIssue {
  return { sheet: null, row, column, value, rule, message };
}

function badCharacter(record: readonly string[], row: number, sink: TabularSink): boolean {
  for (let i = 0; i < record.length; i++) {
    const text = record[i] as string;
    if (text.includes('\ufffd')) {
      sink.issue(issue(row, columnLetter(i + 1), text, 'teckenkodning', 'tecken som inte kunde läsas: filen är inte giltig UTF-8 här (spara filen som UTF-8 eller Windows-1252)'));
      return true;
    }
  }
  return false;
}

/** Parses a whole CSV file in memory: rows and issues. For tests and small files. */
export async function parseCsv(input: ByteSource, options: CsvOptions = {}) {
  const sink = collectingSink();
  const result = await readCsv(input, options, sink);
  return { rows: sink.rows, issues: sink.issues, notes: sink.notes, result };
}
