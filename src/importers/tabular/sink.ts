import type { ImportIssue } from './issues.js';
import type { ParsedRow, SheetSummary } from './sheet.js';

/**
 * Where a reader delivers what it finds, as it finds it — so a file of a million rows is never
 * held in memory. `drain` is awaited every few hundred rows: a consumer that writes elsewhere
 * (a COPY stream) makes the reader wait there.
 */
export interface TabularSink {
  row(row: ParsedRow): void;
  issue(issue: ImportIssue): void;
  note(text: string): void;
  progress?(progress: { bytes: number; rows: number }): void;
  drain?(): Promise<void> | void;
}

export interface TabularResult {
  format: 'csv' | 'xlsx';
  /** For CSV: the detected encoding and separator. */
  encoding: string | null;
  delimiter: string | null;
  sheets: SheetSummary[];
  /** Rows read from the file, empty ones included. */
  sourceRows: number;
  bytes: number;
}

/** Collects everything in memory: for tests and small files. */
export function collectingSink(): TabularSink & { rows: ParsedRow[]; issues: ImportIssue[]; notes: string[] } {
  const rows: ParsedRow[] = [];
  const issues: ImportIssue[] = [];
  const notes: string[] = [];
  return { rows, issues, notes, row: (r) => void rows.push(r), issue: (i) => void issues.push(i), note: (n) => void notes.push(n) };
}

export const DRAIN_EVERY = 512;
