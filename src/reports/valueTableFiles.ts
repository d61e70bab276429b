import ExcelJS from 'exceljs';
import { safeText, toCsv } from '../domain/cells.js';
import { valueTableCells, type ValueTable } from '../domain/valueTable.js';

/**
 * An indicator's value table as files to download: CSV in Swedish Excel's dialect and XLSX.
 * Values are numbers; every text cell is guarded against being read as a formula.
 */
export function valueTableCsv(table: ValueTable): string {
  const { header, rows } = valueTableCells(table);
  return toCsv(header, rows);
}

export async function valueTableXlsx(table: ValueTable): Promise<Buffer> {
  const { header, rows } = valueTableCells(table);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Styrkort';
  const sheet = workbook.addWorksheet('Utfall', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.addRow(header.map(safeText)).font = { bold: true };
  for (const row of rows) sheet.addRow(row.map((cell) => (typeof cell === 'string' ? safeText(cell) : cell)));
  header.forEach((h, i) => (sheet.getColumn(i + 1).width = Math.min(60, Math.max(10, h.length + 2))));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A file name from an indicator id that every system accepts. */
export function valueTableFileName(table: ValueTable, extension: 'csv' | 'xlsx'): string {
  const breakdown = table.breakdown === '' ? '' : `-${table.breakdown}`;
  return `${table.indicator.id}${breakdown}-utfall.${extension}`.replace(/[^A-Za-z0-9._-]/g, '_');
}
