import ExcelJS from 'exceljs';
import { safeText, toCsv } from '../../domain/cells.js';
import type { ImportIssue } from './issues.js';

/**
 * The list of problems in an import file, to download and work through in Excel: sheet, row,
 * column, value, rule and message. Text that a spreadsheet would read as a formula gets a
 * leading apostrophe (domain/cells.ts, the same rule as every other download), so opening the
 * report can never run anything that came from the uploaded file.
 */
export const REPORT_HEADINGS = ['Blad', 'Rad', 'Kolumn', 'Värde', 'Regel', 'Fel'] as const;

function cells(issue: ImportIssue): [string, number, string, string, string, string] {
  return [safeText(issue.sheet ?? ''), issue.row, safeText(issue.column), safeText(issue.value ?? ''), safeText(issue.rule), safeText(issue.message)];
}

/** Semicolon-separated, UTF-8 with BOM, CRLF — what Swedish Excel opens without asking. */
export function errorReportCsv(issues: readonly ImportIssue[]): Buffer {
  return Buffer.from(toCsv(REPORT_HEADINGS, issues.map(cells)), 'utf8');
}

export async function errorReportXlsx(issues: readonly ImportIssue[], title = 'Fel'): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Styrkort';
  const sheet = workbook.addWorksheet(title.slice(0, 31) || 'Fel', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = [
    { header: REPORT_HEADINGS[0], width: 18 },
    { header: REPORT_HEADINGS[1], width: 8 },
    { header: REPORT_HEADINGS[2], width: 8 },
    { header: REPORT_HEADINGS[3], width: 24 },
    { header: REPORT_HEADINGS[4], width: 18 },
    { header: REPORT_HEADINGS[5], width: 80 },
  ];
  sheet.getRow(1).font = { bold: true };
  for (const issue of issues) sheet.addRow(cells(issue));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
