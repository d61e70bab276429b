import { createReadStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/importers/csv/parse.js';
import { detectDelimiter, detectEncoding } from '../../src/importers/csv/encoding.js';
import type { ParsedRow } from '../../src/importers/tabular/sheet.js';
import { tempDir } from '../support/cli.js';
import { csvBytes, writeCsv, type CsvEncoding } from '../support/importFiles.js';

let dir: string;
beforeAll(async () => {
  dir = await tempDir('styrkort-csv-');
});
afterAll(async () => rm(dir, { recursive: true, force: true }));

const simple = (rows: ParsedRow[]) =>
  rows.map((r) => ({ row: r.row, indicator: r.indicator.value, area: r.area.value, period: r.period.text, value: r.value.value, column: r.value.column }));

/** A file as the region's systems export it: title rows, `;`, decimal comma, thousands with (no-break) spaces, "98 %", minus signs. */
const SWEDISH = [
  'Uppföljning primärvård;;;',
  ';;;',
  'Indikator;Område;Period;Värde',
  'Besvarade samtal;Region Kalmar län;2026-03;29\u00a0802',
  'Besvarade samtal;Region Jönköpings län;mars 2026;1 264 000',
  'Andel samma dag;Region Kalmar län;T1 2026;98 %',
  'Förändring;Region Kalmar län;jan-april 2026;\u20134,9',
  'Medelväntetid;Region Kalmar län;46082;25,3',
  '',
].join('\r\n');

describe('CSV files as Swedish systems write them', () => {
  it.each<[CsvEncoding, string]>([
    ['utf-8', 'UTF-8'],
    ['utf-8-bom', 'UTF-8 med BOM'],
    ['windows-1252', 'Windows-1252'],
  ])('reads a real %s file from disk, streamed', async (encoding, label) => {
    const file = await writeCsv(dir, `utfall-${encoding}.csv`, SWEDISH, encoding);
    const { rows, issues, result } = await parseCsv(createReadStream(file, { highWaterMark: 16 }));
    expect(issues).toEqual([]);
    expect(result.encoding).toBe(label);
    expect(result.delimiter).toBe(';');
    expect(result.sheets[0]?.headerRow).toBe(3);
    expect(simple(rows)).toEqual([
      { row: 4, indicator: 'Besvarade samtal', area: 'Region Kalmar län', period: '2026-03', value: 29802, column: 'D' },
      { row: 5, indicator: 'Besvarade samtal', area: 'Region Jönköpings län', period: 'mars 2026', value: 1264000, column: 'D' },
      { row: 6, indicator: 'Andel samma dag', area: 'Region Kalmar län', period: 'T1 2026', value: 98, column: 'D' },
      { row: 7, indicator: 'Förändring', area: 'Region Kalmar län', period: 'jan-april 2026', value: -4.9, column: 'D' },
      { row: 8, indicator: 'Medelväntetid', area: 'Region Kalmar län', period: '46082', value: 25.3, column: 'D' },
    ]);
    expect(rows[4]?.period.value.period).toEqual({ kind: 'date', year: 2026, month: 3, day: 1 });
  });

  it('reads U+2212 as minus in UTF-8', async () => {
    const { rows } = await parseCsv(csvBytes('indikator;område;period;värde\nx;y;2025;\u22125,5\n'));
    expect(rows[0]?.value.value).toBe(-5.5);
  });

  it('reads comma-separated files with dot decimals and quoted commas', async () => {
    const { rows, result, issues } = await parseCsv(csvBytes('indicator,area,period,value,comment\nx,"Region Kalmar län",2025,12.5,"a, b"\n'));
    expect(issues).toEqual([]);
    expect(result.delimiter).toBe(',');
    expect(rows[0]?.value.value).toBe(12.5);
    expect(rows[0]?.comment).toBe('a, b');
  });

  it('reads tab-separated files and obeys an Excel "sep=" line', async () => {
    const tab = await parseCsv(csvBytes('Indikator\tOmråde\tPeriod\tVärde\nx\ty\t2025\t1,5\n'));
    expect(tab.result.delimiter).toBe('\t');
    expect(tab.rows[0]?.value.value).toBe(1.5);
    const sep = await parseCsv(csvBytes('sep=|\nIndikator|Område|Period|Värde\nx|y|2025|7\n'));
    expect(sep.result.delimiter).toBe('|');
    expect(sep.rows[0]).toMatchObject({ row: 2, value: { value: 7 } });
  });

  it('keeps a quoted line break inside its row, as Excel shows the file', async () => {
    const { rows } = await parseCsv(csvBytes('Indikator;Område;Period;Värde;Kommentar\nx;y;2025;1;"två\nrader"\nx;y;2024;2;\n'));
    expect(rows.map((r) => [r.row, r.comment])).toEqual([
      [2, 'två\nrader'],
      [3, null],
    ]);
  });

  it('gives the same rows however the bytes are split, also inside a multi-byte letter', async () => {
    const bytes = csvBytes(SWEDISH, 'utf-8-bom');
    async function* bytewise() {
      for (let i = 0; i < bytes.length; i += 3) yield bytes.subarray(i, i + 3);
    }
    const whole = await parseCsv(bytes);
    const split = await parseCsv(bytewise());
    expect(simple(split.rows)).toEqual(simple(whole.rows));
  });

  it('reads periods and areas as columns (wide formats)', async () => {
    const byPeriod = await parseCsv(csvBytes('Indikator;Område;2024;2025;T1 2026\nx;Kalmar;1;;2,5\nx;Blekinge;..;4;\n'));
    expect(byPeriod.rows.map((r) => [r.row, r.area.value, r.period.text, r.value.value, r.value.column])).toEqual([
      [2, 'Kalmar', '2024', 1, 'C'],
      [2, 'Kalmar', 'T1 2026', 2.5, 'E'],
      [3, 'Blekinge', '2024', null, 'C'],
      [3, 'Blekinge', '2025', 4, 'D'],
    ]);
    expect(byPeriod.notes).toContain('2 tomma värdeceller hoppades över');
    const byArea = await parseCsv(csvBytes('Indikator;Period;Region Kalmar län;Region Blekinge\nx;2025;1;2\n'));
    expect(byArea.rows.map((r) => [r.area.value, r.area.column, r.value.value])).toEqual([
      ['Region Kalmar län', 'C', 1],
      ['Region Blekinge', 'D', 2],
    ]);
    const rowLabels = await parseCsv(csvBytes(';2024;2025\nKalmar;1;2\n'), { defaults: { indicator: 'x' } });
    expect(rowLabels.rows.map((r) => [r.indicator.value, r.area.value, r.period.text])).toEqual([
      ['x', 'Kalmar', '2024'],
      ['x', 'Kalmar', '2025'],
    ]);
  });

  it('detects separators and encodings from the first bytes', () => {
    expect(detectDelimiter('a;b;c\n1,5;2,5;3\n')).toBe(';');
    expect(detectDelimiter('a,b,c\n1.5,2.5,3\n')).toBe(',');
    expect(detectDelimiter('a\tb\n1,5\t2\n')).toBe('\t');
    expect(detectDelimiter('bara en kolumn\n')).toBe(';');
    expect(detectEncoding(Buffer.from([0xef, 0xbb, 0xbf, 0x41]))).toEqual({ encoding: 'utf-8', bom: true });
    expect(detectEncoding(Buffer.from('Område', 'utf8'))).toEqual({ encoding: 'utf-8', bom: false });
    expect(detectEncoding(Buffer.from('Omr\xe5de', 'latin1'))).toEqual({ encoding: 'windows-1252', bom: false });
    expect(detectEncoding(Buffer.from([0xff, 0xfe, 0x41, 0x00]))).toEqual({ encoding: 'utf-16le', bom: true });
  });
});

describe('problems in CSV files, each with row, column, value and rule', () => {
  const issuesOf = async (text: string | Buffer) => (await parseCsv(typeof text === 'string' ? csvBytes(text) : text)).issues;

  it('names the cell of every bad value', async () => {
    const issues = await issuesOf('Indikator;Område;Period;Värde\nx;y;2025;12,x\nx;;2025;1\nx;y;;1\nx;y;vecka 12;1\nx;y;2025;#SAKNAS\n');
    expect(issues.map((i) => [i.row, i.column, i.value, i.rule])).toEqual([
      [2, 'D', '12,x', 'tal'],
      [3, 'B', null, 'område saknas'],
      [4, 'C', null, 'period saknas'],
      [5, 'C', 'vecka 12', 'period'],
      [6, 'D', '#SAKNAS', 'tal'],
    ]);
    expect(issues[0]?.message).toBe('"12,x" är inget tal');
    expect(issues[3]?.message).toMatch(/^"vecka 12" är ingen period \(väntat t\.ex\. 2025, T1 2026, 2026-03/);
  });

  it('says when the heading row is missing or lacks a column', async () => {
    expect(await issuesOf('')).toEqual([{ sheet: null, row: 1, column: 'A', value: null, rule: 'rubrikrad', message: 'filen är tom' }]);
    expect((await issuesOf('a;b\n1;2\n'))[0]).toMatchObject({ row: 1, column: 'A', rule: 'rubrikrad' });
    expect((await issuesOf('Indikator;Period;Värde\nx;2025;1\n'))[0]).toMatchObject({ row: 1, rule: 'rubrikrad', message: expect.stringContaining('kolumn för område saknas') });
  });

  it('stops at a quote that never closes, naming the row it opens on', async () => {
    const issues = await issuesOf('Indikator;Område;Period;Värde\nx;y;2025;1\n"x;y;2025;2\nx;y;2024;3\n');
    expect(issues).toEqual([{ sheet: null, row: 3, column: 'A', value: null, rule: 'csv', message: 'ett citattecken (") stängs aldrig; resten av filen kunde inte läsas' }]);
  });

  it('points at Windows-1252 bytes inside a file that began as UTF-8', async () => {
    const head = 'Indikator;Område;Period;Värde\n' + 'x;Region Kalmar län;2025;1\n'.repeat(3000);
    const bytes = Buffer.concat([Buffer.from(head, 'utf8'), Buffer.from('x;Omr\xe5de;2025;1\n', 'latin1')]);
    const issues = await issuesOf(bytes);
    expect(issues).toEqual([expect.objectContaining({ row: 3002, column: 'B', rule: 'teckenkodning' })]);
  });
});
