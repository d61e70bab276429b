import type { ImportIssue } from '../../domain/importView.js';

/**
 * A problem found in an import file, where the user can find it: sheet (XLSX), row as Excel
 * numbers it, column letter, the value as read, and the rule it breaks — in Swedish. Importers
 * return these as data; nothing is written while any remain (unless the user chose to skip the
 * rows they point at). The type is the domain's: the import page shows it as it is.
 */
export type { ImportIssue };

export function issueWhere(issue: Pick<ImportIssue, 'sheet' | 'row' | 'column'>): string {
  return `${issue.sheet === null ? '' : `blad ${issue.sheet}, `}rad ${issue.row}, kolumn ${issue.column}`;
}

/** "blad Utfall, rad 5, kolumn D ("12,x"): ogiltigt tal" — one line for the CLI and logs. */
export function formatImportIssue(issue: ImportIssue): string {
  const value = issue.value === null ? '' : ` ("${issue.value.length > 60 ? `${issue.value.slice(0, 57)}…` : issue.value}")`;
  return `${issueWhere(issue)}${value}: ${issue.message}`;
}

/** Issues in file order: sheet order as given, then row, then column (A < B < … < AA). */
export function compareIssues(sheetOrder: readonly (string | null)[]) {
  const index = (s: string | null) => {
    const i = sheetOrder.indexOf(s);
    return i < 0 ? sheetOrder.length : i;
  };
  return (a: ImportIssue, b: ImportIssue): number =>
    index(a.sheet) - index(b.sheet) || a.row - b.row || a.column.length - b.column.length || (a.column < b.column ? -1 : a.column > b.column ? 1 : 0);
}
