import ExcelJS from 'exceljs';
import { AUDIT_HEADER, auditCells, type AuditEntry } from '../domain/audit.js';
import { safeText, toCsv } from '../domain/cells.js';

/** The audit trail as files to download: CSV in Swedish Excel's dialect and XLSX, formula-safe. */
export function auditCsv(entries: readonly AuditEntry[]): string {
  return toCsv(AUDIT_HEADER, entries.map(auditCells));
}

export async function auditXlsx(entries: readonly AuditEntry[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Styrkort';
  const sheet = workbook.addWorksheet('Granskningslogg', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.addRow(AUDIT_HEADER.map(safeText)).font = { bold: true };
  for (const entry of entries) sheet.addRow(auditCells(entry).map((cell) => (typeof cell === 'string' ? safeText(cell) : cell)));
  AUDIT_HEADER.forEach((h, i) => (sheet.getColumn(i + 1).width = Math.min(60, Math.max(12, h.length + 2))));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
