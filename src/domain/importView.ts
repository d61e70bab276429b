import type { ErrorDetail } from './errors.js';

/**
 * What an import shows a person, before and after it writes, as the import API answers it: the
 * report of a file's analysis or commit, an upload's session with its progress, import batches
 * and what one changed, saved name mappings and Kolada syncs. Types only: the importers, services
 * and routes build these; the web app's import page reads them (it may import only the domain).
 */

/** A problem found in an import file, where the user can find it, in Swedish. */
export interface ImportIssue {
  /** Sheet name for XLSX; null for CSV. */
  sheet: string | null;
  /** Row as Excel shows it (1 = first row). */
  row: number;
  /** Column letter as Excel shows it (A, B, …, AA). */
  column: string;
  /** The cell as read, or null for an empty cell. */
  value: string | null;
  /** Short name of the rule: "tal", "period", "okänd indikator", "dubblett" … */
  rule: string;
  message: string;
}

/** One page of an upload's problems (GET /api/imports/:id/issues). */
export interface IssuePage {
  total: number;
  issues: ImportIssue[];
}

export type LayoutKind = 'long' | 'wide-period' | 'wide-area';

/** What was read from one sheet (or a CSV file). */
export interface SheetSummary {
  sheet: string | null;
  layout: LayoutKind | null;
  headerRow: number | null;
  dataRows: number;
  emptyCells: number;
}

/** An indicator or area the file may mean by a name, best first. */
export interface Suggestion {
  id: string;
  label: string;
  score: number;
}

/** A name in a file that is no indicator or area (or could be several): the user maps it. */
export interface UnresolvedName {
  kind: 'indicator' | 'area';
  text: string;
  /** matchKey of the text: what a saved mapping is keyed by. */
  key: string;
  rows: number;
  first: { sheet: string | null; row: number; column: string };
  ambiguous: boolean;
  suggestions: Suggestion[];
}

export interface ValueView {
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  /** "25,3 dagar", "29 802 / 30 448", "–" (missing). */
  text: string;
}

/** A new or changed value with its indicator, area and period by name, old → new formatted the Swedish way. */
export interface ChangeView {
  sheet: string | null;
  row: number | null;
  column: string | null;
  indicatorId: string;
  indicatorName: string;
  areaId: string;
  areaName: string;
  period: string;
  periodLabel: string;
  breakdown: string;
  scenario: string;
  asOf: string;
  old: ValueView | null;
  new: ValueView;
}

export interface ImportCounts {
  new: number;
  changed: number;
  unchanged: number;
  errors: number;
}

export interface ImportReport {
  fileName: string;
  sha256: string;
  bytes: number;
  format: 'csv' | 'xlsx';
  encoding: string | null;
  delimiter: string | null;
  sheets: SheetSummary[];
  rowsRead: number;
  /** Values read without problems (what would be compared and written). */
  valuesRead: number;
  counts: ImportCounts;
  changes: ChangeView[];
  inserts: ChangeView[];
  issues: ImportIssue[];
  issuesTruncated: boolean;
  unresolved: UnresolvedName[];
  notes: string[];
  previousImports: Array<{ batchId: number; createdAt: string; createdBy: string }>;
  dryRun: boolean;
  committed: boolean;
  /** Rows left out because they had problems (skipInvalid). */
  skipped: number;
  batchId: number | null;
}

/** Progress of a write, reported between its steps. */
export interface WriteProgress {
  phase: 'write';
  step: 'batch' | 'inserted' | 'updated';
  batchId: number;
  inserted: number;
  updated: number;
  total: number;
}

export type ImportProgress =
  | { phase: 'read'; bytes: number; totalBytes: number; rows: number }
  | { phase: 'check' }
  | { phase: 'plan' }
  | WriteProgress
  | { phase: 'done' };

export type SessionStatus = 'analysing' | 'ready' | 'committing' | 'committed' | 'failed';

export interface AnalyseSettings {
  sheet: string | null;
  indicator: string | null;
  area: string | null;
  source: string | null;
}

export interface SessionError {
  code: string;
  message: string;
  details: ErrorDetail[];
}

/** An upload waiting to be imported: its status, progress and latest report. */
export interface ImportSession {
  id: string;
  fileName: string;
  bytes: number;
  createdAt: string;
  createdBy: string;
  status: SessionStatus;
  settings: AnalyseSettings;
  progress: ImportProgress | null;
  report: ImportReport | null;
  error: SessionError | null;
  expiresAt: string;
}

/** An upload as the API answers it: the report's issues cut to a preview, with how many there are in all. */
export interface ImportSessionView extends ImportSession {
  issuesTotal: number;
}

/** A name in import files that a user confirmed as an indicator or area; reused on the next import. */
export interface ImportMapping {
  kind: 'indicator' | 'area';
  sourceKey: string;
  sourceText: string;
  targetId: string;
  createdBy: string;
  createdAt: string;
}

/** One commit that changed something: who, when, file and SHA-256, counts; undone or not. */
export interface ImportBatch {
  id: number;
  kind: string;
  fileName: string | null;
  fileSha256: string | null;
  createdBy: string;
  createdAt: string;
  inserted: number;
  updated: number;
  unchanged: number;
  undoneAt: string | null;
  undoneBy: string | null;
}

/** A value a batch changed, old → new (names are null when the indicator or area is gone). */
export interface BatchChangeView {
  measurementId: number;
  indicatorId: string | null;
  indicatorName: string | null;
  areaId: string | null;
  areaName: string | null;
  period: string | null;
  periodLabel: string | null;
  breakdown: string | null;
  old: ValueView;
  new: ValueView;
}

/** A Kolada KPI mapped to an indicator. */
export interface KpiMapping {
  kpiId: string;
  indicatorId: string;
  kpiTitle: string | null;
  createdBy: string;
  createdAt: string;
}

export interface KoladaSyncReport {
  fetchedAt: string;
  kpis: Array<{ kpi: string; title: string; indicatorId: string; fromDate: string | null; values: number; deleted: number; pages: number }>;
  regions: string[];
  years: number[];
  counts: ImportCounts;
  changes: ChangeView[];
  inserts: ChangeView[];
  issues: ImportIssue[];
  notes: string[];
  dryRun: boolean;
  committed: boolean;
  batchId: number | null;
}
