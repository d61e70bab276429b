import type { DatasetCell, DatasetColumn } from '../../../../../src/domain/dataset.js';
import { cellWhere, datasetCreateInput, datasetProblems, type DatasetView } from '../../../../../src/domain/datasetAuthoring.js';
import type { ErrorDetail } from '../../../../../src/domain/errors.js';
import { columnKey, readGrid, type DatasetRow, type GridIssue } from '../../../../../src/domain/gridPaste.js';
import { editableNumber } from '../../../../../src/domain/swedishNumber.js';
import type { Unit } from '../../../../../src/domain/units.js';
import { validate } from '../../../../../src/domain/validation.js';

/**
 * The editor's copy of a dataset: columns as the form shows them and every cell as the text in
 * its input (cells[row][column]). The body for the API is built with the domain's own reading and
 * rules (domain/gridPaste.ts, domain/datasetAuthoring.ts), so what the editor refuses is what the
 * server would refuse, in the same words, and nothing is sent while anything is wrong.
 */
export interface ColumnDraft {
  /** Stable within the editor (React keys, input ids); not stored. */
  uid: number;
  /** The stored key; null for a column added here (its key is made from its label). */
  key: string | null;
  label: string;
  type: 'text' | 'number';
  unit: Unit | '';
  decimals: number;
  total: 'sum' | 'count' | '';
}

export interface DatasetDraft {
  title: string;
  source: string;
  columns: ColumnDraft[];
  cells: string[][];
}

let nextUid = 1;
export function newUid(): number {
  return nextUid++;
}

export function blankColumn(): ColumnDraft {
  return { uid: newUid(), key: null, label: '', type: 'text', unit: '', decimals: 0, total: '' };
}

export function columnDraftOf(c: DatasetColumn, keep: boolean): ColumnDraft {
  return { uid: newUid(), key: keep ? c.key : null, label: c.label, type: c.type, unit: c.unit ?? '', decimals: c.decimals, total: c.total ?? '' };
}

export function cellText(value: DatasetCell | undefined): string {
  if (value === null || value === undefined) return '';
  return typeof value === 'number' ? editableNumber(value) : value;
}

export function emptyDraft(): DatasetDraft {
  const columns = [blankColumn()];
  return { title: '', source: '', columns, cells: [[''], [''], ['']] };
}

export function draftOf(view: DatasetView): DatasetDraft {
  return {
    title: view.title,
    source: view.source,
    columns: view.columns.map((c) => columnDraftOf(c, true)),
    cells: view.rows.map((row) => view.columns.map((c) => cellText(row[c.key]))),
  };
}

/** The columns as the API takes them: stored keys kept, new columns keyed from their labels. */
export function resolvedColumns(columns: readonly ColumnDraft[]): DatasetColumn[] {
  const taken = new Set(columns.flatMap((c) => (c.key === null ? [] : [c.key])));
  return columns.map((c) => {
    let key = c.key;
    if (key === null) {
      key = columnKey(c.label, taken);
      taken.add(key);
    }
    const number = c.type === 'number';
    return { key, label: c.label, type: c.type, unit: number && c.unit !== '' ? c.unit : null, decimals: number ? c.decimals : 0, total: c.total === '' || (!number && c.total === 'sum') ? null : c.total };
  });
}

/** Rows of cell texts as values of `columns`, with the problems (row = the grid's row number). */
export function readCells(draft: DatasetDraft, columns: readonly DatasetColumn[]): { rows: DatasetRow[]; issues: GridIssue[]; rowNumbers: number[] } {
  const read = readGrid(draft.cells, columns);
  const blank = new Set(read.blankRows);
  return { rows: read.rows, issues: read.issues, rowNumbers: draft.cells.map((_, i) => i + 1).filter((n) => !blank.has(n)) };
}

export interface Prepared {
  body: { title: string; source: string; columns: DatasetColumn[]; rows: DatasetRow[] };
  /** Problems as the API states them; where a row is named, it is the grid's row. */
  details: ErrorDetail[];
  /** The grid row of the n-th row sent (to place what the server says about "rad n"). */
  rowNumbers: number[];
}

/** The body to send and every problem with it, checked here with the server's own rules. */
export function prepare(draft: DatasetDraft): Prepared {
  const columns = resolvedColumns(draft.columns);
  const { rows, issues, rowNumbers } = readCells(draft, columns);
  const body = { title: draft.title, source: draft.source, columns, rows };
  const cellDetails = issues.map((i): ErrorDetail => ({ where: i.row === null ? null : i.column === null ? `rad ${i.row}` : cellWhere(i.row, { label: i.column }), message: i.message }));
  const shape = validate(datasetCreateInput, body);
  const details = [...(shape.ok ? [] : shape.details), ...cellDetails];
  // the rules across fields (keys and labels unique, …), rows renumbered to the grid's
  if (shape.ok) details.push(...datasetProblems(columns, rows).map((d) => ({ ...d, where: gridWhere(d.where, rowNumbers) })));
  return { body, details, rowNumbers };
}

/** `rad n, kolumn "X"` about the n-th row sent → the same about its row in the grid. */
export function gridWhere(where: string | null, rowNumbers: readonly number[]): string | null {
  const m = where === null ? null : /^rad (\d+)(.*)$/.exec(where);
  if (!m) return where;
  const grid = rowNumbers[Number(m[1]) - 1];
  return grid === undefined ? where : `rad ${grid}${m[2] ?? ''}`;
}

/** The id of the input of a cell, and of its message. */
export const cellId = (row: number, uid: number) => `cell-${row}-${uid}`;
export const columnFieldId = (uid: number, field: string) => `column-${uid}-${field}`;

/** Which input a problem is about, when there is one. */
export function fieldOf(where: string | null, draft: DatasetDraft, columns: readonly DatasetColumn[]): string | null {
  if (where === null) return null;
  if (where === 'title') return 'dataset-title';
  if (where === 'source') return 'dataset-source';
  const column = /^columns\[(\d+)\]\.(\w+)/.exec(where);
  if (column) {
    const c = draft.columns[Number(column[1])];
    if (!c) return null;
    const field = column[2] === 'key' ? 'label' : (column[2] ?? 'label');
    return columnFieldId(c.uid, ['label', 'type', 'unit', 'decimals', 'total'].includes(field) ? field : 'label');
  }
  for (let i = 0; i < columns.length; i++) {
    const c = columns[i] as DatasetColumn;
    const m = /^rad (\d+), kolumn "/.exec(where);
    if (m && where === cellWhere(Number(m[1]), c)) {
      const uid = draft.columns[i]?.uid;
      return uid === undefined ? null : cellId(Number(m[1]), uid);
    }
  }
  return null;
}
