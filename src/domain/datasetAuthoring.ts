import { z } from 'zod';
import { slugId } from './authoring.js';
import { checkDataset, type Dataset, type DatasetCell, type DatasetColumn } from './dataset.js';
import type { ErrorDetail } from './errors.js';
import { DATASET_MAX_CELL_TEXT, DATASET_MAX_COLUMNS, DATASET_MAX_ROWS } from './gridPaste.js';
import { matchKey } from './text.js';
import { UNITS } from './units.js';

/**
 * What analysts send for a dataset (a small table of figures shown by data_table blocks), and the
 * rules across its fields: column keys and labels unique, every cell fitting its column (numbers
 * in number columns, text in text columns, at most 2 000 characters), at most 500 rows and 30
 * columns. Totals are never sent: they are computed (domain/dataset.ts). Problems with a cell say
 * its row and column as the editor shows them: `rad 3, kolumn "Antal"`.
 */
const text = (max: number) => z.string().trim().min(1, 'får inte vara tom').max(max, `får ha högst ${max} tecken`);

export const datasetColumnInput = z.strictObject({
  key: z.string().regex(/^[a-z0-9_]+$/, 'får bara innehålla a–z, 0–9 och understreck').max(60, 'får ha högst 60 tecken'),
  label: text(200),
  type: z.enum(['text', 'number']),
  unit: z.enum(UNITS).nullable().default(null),
  decimals: z.number().int('ska vara ett heltal').min(0, 'ska vara 0–4').max(4, 'ska vara 0–4').default(0),
  total: z.enum(['sum', 'count']).nullable().default(null),
});

const columnsInput = z.array(datasetColumnInput).min(1, 'tabellen behöver minst en kolumn').max(DATASET_MAX_COLUMNS, `högst ${DATASET_MAX_COLUMNS} kolumner`);
const cellInput = z.union([z.string(), z.number(), z.null()]);
const rowsInput = z.array(z.record(z.string(), cellInput)).min(1, 'tabellen behöver minst en rad').max(DATASET_MAX_ROWS, `högst ${DATASET_MAX_ROWS} rader`);

export const datasetCreateInput = z.strictObject({
  /** Null: made from the title ("BUP-flöden 2026" → "bup-floden-2026"). */
  id: slugId.nullable().default(null),
  title: text(300),
  source: text(300),
  columns: columnsInput,
  rows: rowsInput,
});
export type DatasetCreateInput = z.infer<typeof datasetCreateInput>;

/** Any of the fields; columns and rows each replace the stored ones as a whole. */
export const datasetUpdateInput = z.strictObject({
  title: text(300).optional(),
  source: text(300).optional(),
  columns: columnsInput.optional(),
  rows: rowsInput.optional(),
});
export type DatasetUpdateInput = z.infer<typeof datasetUpdateInput>;

/** Clipboard text to read as rows of the given columns, without storing anything. */
export const pastePreviewInput = z.strictObject({
  text: z.string().max(1_000_000, 'får ha högst 1 000 000 tecken'),
  columns: columnsInput,
});

/** Where a cell is, as the editor and the messages name it: `rad 3, kolumn "Antal"` (row 1-based). */
export function cellWhere(row: number, column: Pick<DatasetColumn, 'label'>): string {
  return `rad ${row}, kolumn "${column.label}"`;
}

/** Every rule across fields, as details the editor can place (`columns[1].key`, `rad 3, kolumn "Antal"`). */
export function datasetProblems(columns: readonly DatasetColumn[], rows: Dataset['rows']): ErrorDetail[] {
  const details: ErrorDetail[] = [];
  const keys = new Map<string, number>();
  const labels = new Map<string, number>();
  columns.forEach((c, i) => {
    const sameKey = keys.get(c.key);
    if (sameKey !== undefined) details.push({ where: `columns[${i}].key`, message: `"${c.key}" är redan nyckel för kolumn ${sameKey + 1}` });
    else keys.set(c.key, i);
    const sameLabel = labels.get(matchKey(c.label));
    if (sameLabel !== undefined) details.push({ where: `columns[${i}].label`, message: `kolumn ${sameLabel + 1} heter redan så` });
    else labels.set(matchKey(c.label), i);
    if (c.type === 'text' && (c.unit !== null || c.total === 'sum')) details.push({ where: `columns[${i}].${c.unit !== null ? 'unit' : 'total'}`, message: c.unit !== null ? 'en textkolumn har ingen enhet' : 'en textkolumn kan inte summeras; välj antal' });
  });
  const byKey = new Map(columns.map((c) => [c.key, c]));
  for (const issue of checkDataset({ id: '', title: '', source: '', columns, rows })) {
    const column = byKey.get(issue.column);
    details.push(column ? { where: cellWhere(issue.row, column), message: issue.message.replace(/^Kolumnen "[^"]*" ska innehålla text$/, 'ska vara text, inte ett tal') } : { where: `rad ${issue.row}`, message: `okänd kolumn "${issue.column}"` });
  }
  rows.forEach((row, i) => {
    for (const [key, cell] of Object.entries(row)) {
      const column = byKey.get(key);
      if (column && typeof cell === 'string' && cell.length > DATASET_MAX_CELL_TEXT) details.push({ where: cellWhere(i + 1, column), message: `får ha högst ${DATASET_MAX_CELL_TEXT} tecken` });
    }
  });
  return details;
}

/** A dataset as the API answers it: its rows and the computed totals row (null where a column has none). */
export interface DatasetView {
  id: string;
  title: string;
  source: string;
  columns: DatasetColumn[];
  rows: Array<Record<string, DatasetCell>>;
  totals: Record<string, number | null>;
}

/** A dataset in the list: what it is, without its rows. */
export interface DatasetSummary {
  id: string;
  title: string;
  source: string;
  columns: DatasetColumn[];
  rowCount: number;
}

/** What the paste preview answers: the rows (with notes) or the problems, each as text too. */
export type PastePreview =
  | { ok: true; rows: Array<Record<string, DatasetCell>>; notes: string[]; header: boolean; filled: string[]; totals: Record<string, number | null> }
  | { ok: false; issues: Array<{ row: number | null; column: string | null; message: string; text: string }> };
