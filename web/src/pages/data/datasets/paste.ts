import { issueText, parsePastedGrid, suggestColumns } from '../../../../../src/domain/gridPaste.js';
import { sentence } from '../form/Field.js';
import { cellText, columnDraftOf, resolvedColumns, type DatasetDraft } from './draft.js';

/**
 * Pasted clipboard text into the editor's draft, read by the domain's parser: into the whole table
 * (the paste box: replacing the rows or after them; a table without columns takes them from the
 * header row), or into the grid from a cell onwards. Either the draft changes and the outcome says
 * how many rows and what was noticed, or nothing changes and the outcome lists the problems.
 */
export type PasteOutcome =
  | { ok: true; count: number; notes: string[]; columnsFromHeader: boolean }
  | { ok: false; messages: string[] }
  | { ok: false; noHeader: true };

export function isFresh(draft: DatasetDraft): boolean {
  return draft.columns.every((c) => c.label.trim() === '') && draft.cells.every((row) => row.every((c) => c.trim() === ''));
}

const filledRow = (row: readonly string[]) => row.some((c) => c.trim() !== '');

export function pasteIntoTable(draft: DatasetDraft, text: string, mode: 'replace' | 'append'): { draft: DatasetDraft; outcome: PasteOutcome } {
  let columnDrafts = draft.columns;
  const fresh = isFresh(draft);
  if (fresh) {
    const suggested = suggestColumns(text);
    if (suggested === null) return { draft, outcome: { ok: false, noHeader: true } };
    columnDrafts = suggested.map((c) => columnDraftOf(c, false));
  }
  const columns = resolvedColumns(columnDrafts);
  const result = parsePastedGrid(text, columns);
  if (!result.ok) return { draft, outcome: { ok: false, messages: result.issues.map((i) => sentence(issueText(i))) } };
  const pasted = result.rows.map((row) => columns.map((c) => cellText(row[c.key])));
  const kept = mode === 'append' ? draft.cells.filter(filledRow) : [];
  return {
    draft: { ...draft, columns: columnDrafts, cells: [...kept, ...pasted] },
    outcome: { ok: true, count: result.rows.length, notes: result.notes, columnsFromHeader: fresh },
  };
}

/** Into the grid from (row, column) on, 0-based: the cells the paste covers are replaced, rows added below as needed. */
export function pasteAtCell(draft: DatasetDraft, text: string, row: number, column: number): { draft: DatasetDraft; outcome: PasteOutcome } {
  const columns = resolvedColumns(draft.columns).slice(column);
  const result = parsePastedGrid(text, columns);
  if (!result.ok) return { draft, outcome: { ok: false, messages: result.issues.map((i) => sentence(issueText(i))) } };
  const cells = draft.cells.map((r) => [...r]);
  const width = draft.columns.length;
  result.rows.forEach((values, k) => {
    while (cells.length <= row + k) cells.push(Array.from({ length: width }, () => ''));
    const target = cells[row + k] as string[];
    columns.forEach((c, j) => {
      if (result.filled.includes(c.key)) target[column + j] = cellText(values[c.key]);
    });
  });
  return { draft: { ...draft, cells }, outcome: { ok: true, count: result.rows.length, notes: result.notes, columnsFromHeader: false } };
}
