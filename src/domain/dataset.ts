import { exactSum } from './decimal.js';
import type { Unit } from './units.js';

/**
 * A small table of figures that are not an indicator series — the special-transport operators
 * with their packages, vehicles and omlopp; BUP's inflow summaries. Stored once as inputs;
 * totals are computed, never typed.
 */
export interface DatasetColumn {
  key: string;
  label: string;
  type: 'text' | 'number';
  unit: Unit | null;
  decimals: number;
  /** How the totals row treats this column: sum the numbers, count the rows, or leave empty. */
  total: 'sum' | 'count' | null;
}

export type DatasetCell = string | number | null;

export interface Dataset {
  id: string;
  title: string;
  source: string;
  columns: readonly DatasetColumn[];
  rows: ReadonlyArray<Readonly<Record<string, DatasetCell>>>;
}

export interface DatasetIssue {
  row: number; // 1-based
  column: string;
  message: string;
}

/** Checks that every cell fits its column: numbers in number columns, no unknown columns. */
export function checkDataset(dataset: Dataset): DatasetIssue[] {
  const issues: DatasetIssue[] = [];
  const known = new Map(dataset.columns.map((c) => [c.key, c]));
  dataset.rows.forEach((row, i) => {
    for (const [key, cell] of Object.entries(row)) {
      const column = known.get(key);
      if (!column) {
        issues.push({ row: i + 1, column: key, message: `Okänd kolumn "${key}"` });
        continue;
      }
      if (cell === null) continue;
      if (column.type === 'number' && (typeof cell !== 'number' || !Number.isFinite(cell))) {
        issues.push({ row: i + 1, column: key, message: `"${String(cell)}" är inte ett tal` });
      }
      if (column.type === 'text' && typeof cell !== 'string') {
        issues.push({ row: i + 1, column: key, message: `Kolumnen "${column.label}" ska innehålla text` });
      }
    }
  });
  return issues;
}

/** The totals row: sums and counts per column; a sum leaves out missing cells (never as 0). */
export function datasetTotals(dataset: Dataset): Record<string, number | null> {
  const totals: Record<string, number | null> = {};
  for (const column of dataset.columns) {
    if (column.total === 'count') {
      totals[column.key] = dataset.rows.filter((r) => r[column.key] !== null && r[column.key] !== undefined).length;
    } else if (column.total === 'sum') {
      const numbers = dataset.rows.map((r) => r[column.key]).filter((v): v is number => typeof v === 'number');
      totals[column.key] = numbers.length === 0 ? null : exactSum(numbers);
    } else {
      totals[column.key] = null;
    }
  }
  return totals;
}
