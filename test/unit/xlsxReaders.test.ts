import { copyFile, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../../src/config/paths.js';
import { parseXlsx } from '../../src/importers/xlsx/parse.js';
import { tempDir } from '../support/cli.js';
import { readerFixture, reorderZip, storedOrder, xlsxBytes } from '../support/importFiles.js';

/**
 * Every valid workbook is read the same every time, whatever order its writer stored the parts
 * in. exceljs's streaming reader took the parts in stored order and, with `xl/workbook.xml` after
 * the sheets, could read a sheet before the workbook and refuse a valid file at random
 * (exceljs/exceljs#3064). The same workbook in three writers' forms is read 500 times each, four
 * reads at a time, and every read must give the same rows, issues and notes.
 */
let dir: string;
let small: string;
const files: Record<string, string> = {};
const SMALL = [
  { name: 'Instruktioner', rows: [['Fyll i bladen nedan']] },
  { name: 'Bred', rows: [['Indikator', 'Område', 2024, 2025, new Date(Date.UTC(2026, 2, 1))], ['x', 'Kalmar', 1, null, 3]], formats: { E1: 'mmm yyyy' } },
  { name: 'Dolt', rows: [['Indikator', 'Område', 'Period', 'Värde'], ['x', 'y', 2025, 1]], state: 'hidden' as const },
];

beforeAll(async () => {
  dir = await tempDir('styrkort-xlsx-readers-');
  const exceljs = await xlsxBytes(readerFixture());
  files['exceljs, workbook.xml last'] = path.join(dir, 'exceljs.xlsx');
  await writeFile(files['exceljs, workbook.xml last'], exceljs);
  // the order Excel stores: content types, relations, the workbook, then its parts and sheets
  const first = ['[Content_Types].xml', '_rels/.rels', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml', 'xl/sharedStrings.xml'];
  files['exceljs, stored in Excel’s order'] = path.join(dir, 'excel-order.xlsx');
  await writeFile(files['exceljs, stored in Excel’s order'], await reorderZip(exceljs, (names) => [...first, ...names.filter((n) => !first.includes(n))]));
  files['saved by LibreOffice Calc'] = path.join(dir, 'libreoffice.xlsx');
  await copyFile(path.join(PACKAGE_ROOT, 'test', 'fixtures', 'xlsx', 'libreoffice.xlsx'), files['saved by LibreOffice Calc']);
  // the workbook of the test that was refused at random with "Cannot read properties of undefined (reading 'sheets')"
  small = path.join(dir, 'small.xlsx');
  await writeFile(small, await xlsxBytes(SMALL));
});
afterAll(async () => rm(dir, { recursive: true, force: true }));

const read = async (file: string) => {
  const { rows, issues, notes, result } = await parseXlsx(file);
  return { rows, issues, notes, sheets: result.sheets };
};

describe('the same workbook from three writers', () => {
  it('is stored in the orders that broke the old reader: exceljs puts the workbook last, LibreOffice the relations after the sheets', async () => {
    const exceljs = await storedOrder(await readFile(files['exceljs, workbook.xml last']!));
    expect(exceljs.at(-1)).toBe('xl/workbook.xml');
    expect(exceljs.indexOf('xl/worksheets/sheet2.xml')).toBeLessThan(exceljs.indexOf('xl/sharedStrings.xml'));
    const libre = await storedOrder(await readFile(files['saved by LibreOffice Calc']!));
    expect(libre.indexOf('xl/worksheets/sheet2.xml')).toBeLessThan(libre.indexOf('xl/_rels/workbook.xml.rels'));
    const excel = await storedOrder(await readFile(files['exceljs, stored in Excel’s order']!));
    expect(excel.indexOf('xl/workbook.xml')).toBeLessThan(excel.indexOf('xl/worksheets/sheet1.xml'));
  });

  it('reads the same rows, issues and notes from each', async () => {
    const reference = await read(files['exceljs, workbook.xml last']!);
    expect(reference.rows).toHaveLength(305);
    expect(reference.issues).toEqual([]);
    expect(reference.sheets.map((s) => [s.sheet, s.layout])).toEqual([['Instruktioner', null], ['Utfall', 'long'], ['Bred', 'wide-period']]);
    expect(reference.notes).toEqual([
      'Bladet Dolt är dolt och lästes inte',
      expect.stringMatching(/^Bladet Instruktioner: ingen rubrikrad/),
      'Bladet Bred: 1 tom värdecell hoppades över',
    ]);
    // formula with its saved value, a percent as shown, a text number; months from yyyy-mm dates
    expect(reference.rows.slice(0, 3).map((r) => [r.row, r.area.value, r.period.value.period, r.value.value])).toEqual([
      [4, 'Region Kalmar län', { kind: 'month', year: 2016, month: 1 }, 50],
      [5, 'Region Kalmar län', { kind: 'month', year: 2016, month: 2 }, 51],
      [6, 'Region Kalmar län', { kind: 'month', year: 2016, month: 3 }, 2.5],
    ]);
    expect(reference.rows.slice(-5).map((r) => [r.sheet, r.area.value, r.period.value.period, r.value.value])).toEqual([
      ['Bred', 'Kalmar', { kind: 'year', year: 2024 }, 1],
      ['Bred', 'Kalmar', { kind: 'month', year: 2026, month: 3 }, 3],
      ['Bred', 'Västervik', { kind: 'year', year: 2024 }, 4.25],
      ['Bred', 'Västervik', { kind: 'year', year: 2025 }, 5],
      ['Bred', 'Västervik', { kind: 'month', year: 2026, month: 3 }, 6],
    ]);
    for (const file of Object.values(files)) expect(await read(file)).toEqual(reference);
  });

  it('reads each 500 times, four readers at a time: 0 failures, every read the same', async () => {
    const fixtures = { ...files, 'exceljs, three small sheets': small };
    const references = new Map<string, string>();
    for (const file of Object.values(fixtures)) references.set(file, JSON.stringify(await read(file)));
    expect((await read(small)).rows.map((r) => [r.sheet, r.value.value])).toEqual([['Bred', 1], ['Bred', 3]]);
    const jobs = Object.entries(fixtures).flatMap(([writer, file]) => Array.from({ length: 500 }, () => ({ writer, file })));
    const failures: string[] = [];
    let next = 0;
    const reader = async () => {
      while (next < jobs.length) {
        const job = jobs[next++]!;
        try {
          if (JSON.stringify(await read(job.file)) !== references.get(job.file)) failures.push(`${job.writer}: other rows, issues or notes`);
        } catch (error) {
          failures.push(`${job.writer}: ${(error as Error).message}`);
        }
      }
    };
    await Promise.all([reader(), reader(), reader(), reader()]);
    expect(next).toBe(2000);
    expect(failures).toEqual([]);
  }, 600_000);
});
