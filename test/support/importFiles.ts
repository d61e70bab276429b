import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import JSZip from 'jszip';
import { checkZip } from '../../src/importers/xlsx/zipGuard.js';

/**
 * Import files as the region's systems write them, made by the tests themselves: CSV text in
 * UTF-8 (with or without BOM) or Windows-1252, and XLSX workbooks written by exceljs.
 */
export type CsvEncoding = 'utf-8' | 'utf-8-bom' | 'windows-1252';

export function csvBytes(text: string, encoding: CsvEncoding = 'utf-8'): Buffer {
  if (encoding === 'windows-1252') return iconv.encode(text, 'win1252');
  return Buffer.from(encoding === 'utf-8-bom' ? `\ufeff${text}` : text, 'utf8');
}

export async function writeCsv(dir: string, name: string, text: string, encoding: CsvEncoding = 'utf-8'): Promise<string> {
  const file = path.join(dir, name);
  await writeFile(file, csvBytes(text, encoding));
  return file;
}

export type SheetSpec = {
  name: string;
  rows: ExcelJS.CellValue[][];
  /** Number formats by cell address: { C2: 'yyyy-mm', D2: '0%' }. */
  formats?: Record<string, string>;
  state?: 'visible' | 'hidden';
};

export async function xlsxBytes(sheets: SheetSpec[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  for (const spec of sheets) {
    const sheet = workbook.addWorksheet(spec.name, spec.state ? { state: spec.state } : {});
    for (const row of spec.rows) sheet.addRow(row);
    for (const [address, format] of Object.entries(spec.formats ?? {})) sheet.getCell(address).numFmt = format;
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export async function writeXlsx(dir: string, name: string, sheets: SheetSpec[]): Promise<string> {
  const file = path.join(dir, name);
  await writeFile(file, await xlsxBytes(sheets));
  return file;
}

/**
 * The workbook every XLSX reader test reads in every writer's form (exceljs as written, exceljs
 * with `xl/workbook.xml` stored last, LibreOffice's save of it): instructions without a heading,
 * a long sheet of months, percents, formulas with saved values and text numbers, a wide sheet,
 * and a hidden sheet. `rows` long rows after the heading make the sheet span several chunks.
 */
export function readerFixture(rows = 300): SheetSpec[] {
  const long: ExcelJS.CellValue[][] = [['Utfall primärvård'], [], ['Indikator', 'Område', 'Period', 'Värde']];
  const formats: Record<string, string> = {};
  for (let i = 0; i < rows; i++) {
    const r = long.length + 1;
    const month = new Date(Date.UTC(2016 + Math.floor(i / 12), i % 12, 1));
    const value = i % 3 === 0 ? { formula: `${0.5 + (i % 50) / 100}*100`, result: 50 + (i % 50) } : i % 3 === 1 ? 0.5 + (i % 40) / 100 : `${i},5`;
    long.push([i % 2 === 0 ? 'Andel samma dag' : 'Medelväntetid', i % 5 === 0 ? { richText: [{ text: 'Region ' }, { text: 'Kalmar län' }] } : 'Region Kalmar län', month, value]);
    formats[`C${r}`] = 'yyyy-mm';
    if (i % 3 === 1) formats[`D${r}`] = '0%';
  }
  return [
    { name: 'Instruktioner', rows: [['Fyll i bladen nedan. Värden i procent skrivs som procent.']] },
    { name: 'Utfall', rows: long, formats },
    { name: 'Bred', rows: [['Indikator', 'Område', 2024, 2025, new Date(Date.UTC(2026, 2, 1))], ['Vårdplatser', 'Kalmar', 1, null, 3], ['Vårdplatser', 'Västervik', 4.25, 5, '6']], formats: { E1: 'mmm yyyy' } },
    { name: 'Dolt', rows: [['Indikator', 'Område', 'Period', 'Värde'], ['x', 'y', 2025, 1]], state: 'hidden' },
  ];
}

/** The zip's entries stored again in the order `first` names them, the rest after in their order. */
export async function reorderZip(bytes: Uint8Array, order: (names: string[]) => string[]): Promise<Buffer> {
  const source = await JSZip.loadAsync(bytes);
  const names = Object.keys(source.files).filter((n) => !source.files[n]?.dir);
  const target = new JSZip();
  for (const name of order(names)) target.file(name, await source.file(name)!.async('uint8array'));
  return target.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/** Names of a zip's entries in stored order (by their local headers' offsets, from the directory). */
export async function storedOrder(zip: Uint8Array): Promise<string[]> {
  const { entries } = await checkZip(zip);
  return [...entries].sort((a, b) => a.localOffset - b.localOffset).map((e) => e.name);
}
