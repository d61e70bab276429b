import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';

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
