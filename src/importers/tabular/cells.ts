/**
 * A cell as a reader hands it over. CSV gives text; XLSX gives typed values. Dates keep how
 * precisely the sheet shows them (a cell formatted "yyyy-mm" is a month, not its first day).
 * Percent-formatted numbers arrive as the number the user sees (0,98 shown as "98 %" → 98).
 */
export type Cell =
  | null
  | string
  | number
  | boolean
  | { kind: 'date'; date: Date; precision: 'day' | 'month' | 'year' }
  | { kind: 'error'; code: string };

export type CellDate = Extract<Cell, { kind: 'date' }>;

/** One row of a sheet or CSV file: its row number as Excel shows it, cells from column A. */
export interface SourceRow {
  row: number;
  cells: readonly Cell[];
}

/** 1 → A, 26 → Z, 27 → AA. */
export function columnLetter(index1: number): string {
  let n = index1;
  let letters = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters || 'A';
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

/** The cell as text for messages and matching; null when empty. */
export function cellText(cell: Cell | undefined): string | null {
  if (cell === null || cell === undefined) return null;
  if (typeof cell === 'string') {
    const trimmed = cell.trim();
    return trimmed === '' ? null : trimmed;
  }
  if (typeof cell === 'number') return String(cell).replace('.', ',');
  if (typeof cell === 'boolean') return cell ? 'SANT' : 'FALSKT';
  if (cell.kind === 'error') return cell.code;
  const d = cell.date;
  const ym = `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}`;
  if (cell.precision === 'year') return String(d.getUTCFullYear());
  return cell.precision === 'month' ? ym : `${ym}-${pad2(d.getUTCDate())}`;
}

export function isEmptyCell(cell: Cell | undefined): boolean {
  return cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === '');
}

/** Excel's 1900 date system: serial 1 = 1900-01-01, with Excel's phantom 29 February 1900. */
export function excelSerialToDate(serial: number): Date {
  const days = Math.floor(serial);
  // Before 1 March 1900, Excel counts from 31 December 1899 (and its 29 February 1900, serial 60,
  // does not exist: it becomes 28 February).
  if (days < 61) return new Date(Date.UTC(1899, 11, 31) + Math.min(days, 59) * 86_400_000);
  return new Date(Date.UTC(1899, 11, 30) + days * 86_400_000);
}
