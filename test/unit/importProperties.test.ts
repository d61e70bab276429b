import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { isStyrkortError } from '../../src/domain/errors.js';
import { formatNumber } from '../../src/domain/format.js';
import { parseCsv } from '../../src/importers/csv/parse.js';
import { parseKoladaData } from '../../src/importers/kolada/parse.js';
import type { ImportIssue } from '../../src/importers/tabular/issues.js';
import { parseNumberText } from '../../src/importers/tabular/numbers.js';
import type { ParsedRow } from '../../src/importers/tabular/sheet.js';
import { parseXlsx } from '../../src/importers/xlsx/parse.js';
import { xlsxBytes } from '../support/importFiles.js';

/**
 * The parsers fed random and malformed input: they never crash, never take more than 5 s on an
 * input, and every problem they report names a row and a column.
 */
async function within5s<T>(work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('tog mer än 5 s')), 5000);
  });
  try {
    return await Promise.race([work, limit]);
  } finally {
    clearTimeout(timer);
  }
}

function expectWellPlaced(issues: readonly ImportIssue[], rows: readonly ParsedRow[]): void {
  for (const issue of issues) {
    expect(Number.isInteger(issue.row) && issue.row >= 1, `rad i ${JSON.stringify(issue)}`).toBe(true);
    expect(issue.column, `kolumn i ${JSON.stringify(issue)}`).toMatch(/^[A-Z]{1,3}$/);
    expect(issue.message.length).toBeGreaterThan(0);
  }
  for (const row of rows) {
    expect(row.row).toBeGreaterThanOrEqual(1);
    expect(row.value.column).toMatch(/^[A-Z]{1,3}$/);
    expect(row.period.column).toMatch(/^[A-Z]{1,3}$/);
  }
}

const TOKENS = [
  'Indikator', 'Område', 'Period', 'Värde', 'Täljare', 'Nämnare', 'Kön', 'Kommentar', 'Scenario', 'Prognos efter', 'Preliminärt', 'Källa',
  '2024', '2025', 'T1 2026', 'mars 2026', 'jan-april 2026', '2026-03', '46082', 'per 30 april 2026', '202603',
  '30,2', '1 264 000', '1\u00a0264', '98 %', '\u22125', '\u20134,9', '..', 'saknas', 'x', '12,x', '', ' ', '"', '""', '"a;b"', '"rad\nrad"',
  'Region Kalmar län', 'Kalmar', 'K', 'M', 'Totalt', 'utfall', 'prognos', 'budget', 'ja', 'nej', '=1+1', '#DIV/0!', 'sep=;', '\ufeff', 'Öäå', '\u0000',
];
const separators = fc.constantFrom(';', ',', '\t', '|');
const lineBreaks = fc.constantFrom('\n', '\r\n', '\r');
const cellText = fc.oneof(fc.constantFrom(...TOKENS), fc.string({ maxLength: 12 }), fc.double({ noNaN: true }).map(String));
const table = fc.array(fc.array(cellText, { maxLength: 8 }), { maxLength: 25 });

describe('CSV parser on random input', () => {
  it('random bytes: no crash, no hang, every problem placed', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 3000 }), async (bytes) => {
        const { rows, issues } = await within5s(parseCsv(Buffer.from(bytes)));
        expectWellPlaced(issues, rows);
      }),
      { numRuns: 200 },
    );
  }, 60_000);

  it('file-like tables in any encoding and separator: no crash, no hang, every problem placed', async () => {
    await fc.assert(
      fc.asyncProperty(table, separators, lineBreaks, fc.constantFrom('utf8', 'utf8bom', 'win1252'), fc.integer({ min: 1, max: 64 }), async (cells, sep, br, encoding, chunk) => {
        const text = cells.map((r) => r.join(sep)).join(br);
        const bytes = encoding === 'win1252' ? iconv.encode(text, 'win1252') : Buffer.from(encoding === 'utf8bom' ? `\ufeff${text}` : text, 'utf8');
        async function* chunks() {
          for (let i = 0; i < bytes.length; i += chunk) yield bytes.subarray(i, i + chunk);
        }
        const { rows, issues } = await within5s(parseCsv(chunks()));
        expectWellPlaced(issues, rows);
      }),
      { numRuns: 300 },
    );
  }, 60_000);

  it('a long file of one bad cell after another stays fast', async () => {
    const text = `Indikator;Område;Period;Värde\n${'x;y;inte en period;inte ett tal\n'.repeat(8_000)}`;
    const { issues } = await within5s(parseCsv(Buffer.from(text)));
    expect(issues).toHaveLength(16_000);
    expectWellPlaced(issues, []);
  }, 60_000);
});

type Grid = ExcelJS.CellValue[][];
const xlsxCell: fc.Arbitrary<ExcelJS.CellValue> = fc.oneof(
  cellText,
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer({ min: 1900, max: 2100 }),
  fc.boolean(),
  fc.constant(null),
  fc.date({ min: new Date(Date.UTC(1950, 0, 1)), max: new Date(Date.UTC(2100, 0, 1)), noInvalidDate: true }),
  fc.record({ formula: fc.constantFrom('A1*2', 'SUM(A:A)', 'NU()'), result: fc.option(fc.double({ noNaN: true, noDefaultInfinity: true }), { nil: undefined }) }).map((f) => (f.result === undefined ? { formula: f.formula } : f) as ExcelJS.CellValue),
  fc.constantFrom({ error: '#DIV/0!' }, { error: '#N/A' }, { richText: [{ text: 'Region ' }, { text: 'Kalmar län' }] }) as fc.Arbitrary<ExcelJS.CellValue>,
);
const header = fc.shuffledSubarray(['Indikator', 'Område', 'Period', 'Värde', 'Täljare', 'Nämnare', 'Kön', 'Kommentar', 2024, 2025, 'T1 2026'] as ExcelJS.CellValue[], { minLength: 1 });

describe('XLSX parser on random input', () => {
  it('random sheets written by exceljs: no crash, no hang, every problem placed', async () => {
    await fc.assert(
      fc.asyncProperty(header, fc.array(fc.array(xlsxCell, { maxLength: 8 }), { maxLength: 15 }), fc.constantFrom('0%', 'yyyy-mm', 'yyyy-mm-dd', 'General', '# ##0,0'), async (head, body, format) => {
        const grid: Grid = [head, ...body];
        const bytes = await xlsxBytes([{ name: 'Blad1', rows: grid, formats: { C2: format, D2: format, D3: format } }]);
        const { rows, issues } = await within5s(parseXlsx(bytes));
        expectWellPlaced(issues, rows);
      }),
      { numRuns: 60 },
    );
  }, 60_000);

  it('random and damaged files: an issue or a Swedish refusal, never a crash', async () => {
    const valid = await xlsxBytes([{ name: 'Blad1', rows: [['Indikator', 'Område', 'Period', 'Värde'], ['x', 'y', 2025, 1]] }]);
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.uint8Array({ maxLength: 2000 }).map((b) => Buffer.from(b)),
          fc.array(fc.tuple(fc.nat({ max: valid.length - 1 }), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 }).map((flips) => {
            const copy = Buffer.from(valid);
            for (const [at, byte] of flips) copy[at] = byte;
            return copy;
          }),
          fc.nat({ max: valid.length }).map((n) => valid.subarray(0, n)),
        ),
        async (bytes) => {
          try {
            const { rows, issues } = await within5s(parseXlsx(bytes));
            expectWellPlaced(issues, rows);
          } catch (error) {
            expect(isStyrkortError(error), String(error)).toBe(true);
          }
        },
      ),
      { numRuns: 150 },
    );
  }, 60_000);
});

describe('Kolada answers and numbers on random input', () => {
  it('any JSON: no crash, every problem placed', () => {
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), fc.record({ values: fc.array(fc.jsonValue(), { maxLength: 10 }) }), fc.record({ values: fc.array(fc.record({ kpi: fc.string(), municipality: fc.string(), period: fc.oneof(fc.integer(), fc.string()), values: fc.array(fc.jsonValue()) }), { maxLength: 5 }) })), (json) => {
        const page = parseKoladaData(json);
        for (const issue of page.issues) {
          expect(issue.row).toBeGreaterThanOrEqual(1);
          expect(issue.column.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 500 },
    );
  }, 60_000);

  it('any text: the number parser answers; Swedish-formatted numbers read back as themselves', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const result = parseNumberText(text);
        expect(result.ok === false || result.value === null || Number.isFinite(result.value)).toBe(true);
      }),
      { numRuns: 2000 },
    );
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), fc.integer({ min: 0, max: 3 }), (n, decimals) => {
        const value = n / 10 ** decimals;
        const parsed = parseNumberText(formatNumber(value, decimals));
        expect(parsed.ok && parsed.value).toBeCloseTo(value, decimals);
      }),
      { numRuns: 2000 },
    );
  }, 60_000);
});
