import { datasetTotals, type DatasetCell, type DatasetColumn } from './dataset.js';
import { formatNumber } from './format.js';
import { parseSwedishNumber } from './swedishNumber.js';
import { matchKey, slugify } from './text.js';

/**
 * Rows pasted from Excel or LibreOffice into a dataset's columns. The clipboard holds
 * tab-separated text: rows end with CRLF (Excel) or LF, the last one usually too; a cell holding a
 * tab, a line break or a quote is quoted, with "" for a quote. Numbers are read the Swedish way
 * (domain/swedishNumber.ts). A first row whose cells are the columns' labels is a header: the
 * columns are then taken by their headings, in any order. A row starting "Totalt", "Summa" or
 * "Total" is a total row: it is dropped, because a dataset's totals are computed from its rows
 * (domain/dataset.ts), and a note says so — and says where the pasted figure differs from the
 * computed one.
 *
 * Bad input is data: either rows (with notes) or issues, each naming the row and the column as
 * the person sees them. Row n is the n-th line under the header in what was pasted, blank lines
 * and total rows included, so "rad 3" is the third line of the selection's data.
 */
export const DATASET_MAX_ROWS = 500;
export const DATASET_MAX_COLUMNS = 30;
export const DATASET_MAX_CELL_TEXT = 2000;

export interface GridIssue {
  /** 1-based, as above; null for a problem of the whole paste or of the header. */
  row: number | null;
  /** The column's label (or the pasted heading); null for a problem of a whole row. */
  column: string | null;
  message: string;
}

export type DatasetRow = Record<string, DatasetCell>;

export type PasteResult =
  | {
      ok: true;
      rows: DatasetRow[];
      notes: string[];
      header: boolean;
      /** Keys of the columns the paste fills (by its header, or as many as its widest row), in column order. */
      filled: string[];
    }
  | { ok: false; issues: GridIssue[] };

const TOTAL_WORDS = new Set(['totalt', 'summa', 'total']);

/** `rad 3, kolumn "Antal": "tolv" är inte ett tal`. */
export function issueText(issue: GridIssue): string {
  const where = [issue.row === null ? null : `rad ${issue.row}`, issue.column === null ? null : `kolumn "${issue.column}"`].filter((p) => p !== null).join(', ');
  return where === '' ? issue.message : `${where}: ${issue.message}`;
}

/** The cells of clipboard text, row by row (a trailing line break ends the last row; it adds none). */
export function splitClipboard(text: string): string[][] {
  const input = text.startsWith('\ufeff') ? text.slice(1) : text;
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  for (;;) {
    const quoted = input[i] === '"' ? quotedCell(input, i) : null;
    let end: number;
    if (quoted) {
      row.push(quoted.value);
      end = quoted.end;
    } else {
      end = i;
      while (end < input.length && input[end] !== '\t' && input[end] !== '\n' && input[end] !== '\r') end++;
      row.push(input.slice(i, end));
    }
    if (end >= input.length) {
      rows.push(row);
      return rows;
    }
    if (input[end] === '\t') {
      i = end + 1;
      continue;
    }
    i = input[end] === '\r' && input[end + 1] === '\n' ? end + 2 : end + 1;
    rows.push(row);
    row = [];
    if (i >= input.length) return rows;
  }
}

/**
 * A quoted cell from `start` (its opening quote): its text and the index after its closing quote.
 * Null when it is no quoted cell after all — no closing quote, or text after it before the next
 * tab or line break (`"Tjugo" sa hon`) — and the cell is then read as it stands.
 */
function quotedCell(text: string, start: number): { value: string; end: number } | null {
  let value = '';
  let from = start + 1;
  for (;;) {
    const quote = text.indexOf('"', from);
    if (quote < 0) return null;
    value += text.slice(from, quote);
    if (text[quote + 1] === '"') {
      value += '"';
      from = quote + 2;
      continue;
    }
    const next = text[quote + 1];
    return next === undefined || next === '\t' || next === '\n' || next === '\r' ? { value, end: quote + 1 } : null;
  }
}

const blank = (cells: readonly string[]) => cells.every((c) => c.trim() === '');
/** How many cells of a row count: up to its last filled one (Excel pads a selection with empty cells). */
const width = (cells: readonly string[]) => cells.reduce((last, text, i) => (text.trim() === '' ? last : i + 1), 0);
const isTotalRow = (cells: readonly string[]) => TOTAL_WORDS.has((cells[0] ?? '').trim().replace(/:$/, '').toLocaleLowerCase('sv-SE'));

/** Which column each pasted position fills: by the header's labels, or by position. */
interface Layout {
  header: boolean;
  slots: Array<DatasetColumn | null>;
  issues: GridIssue[];
}

function layoutOf(first: readonly string[], columns: readonly DatasetColumn[]): Layout {
  const byName = new Map<string, DatasetColumn>();
  for (const c of columns) {
    byName.set(matchKey(c.key), c);
    byName.set(matchKey(c.label), c);
  }
  const filled = first.map((cell, i) => ({ cell: cell.trim(), i })).filter((x) => x.cell !== '');
  const matched = filled.filter((x) => byName.has(matchKey(x.cell)));
  // a header when at least half of its filled cells name columns (a data row never does)
  if (matched.length === 0 || matched.length * 2 < filled.length) return { header: false, slots: [...columns], issues: [] };
  const issues: GridIssue[] = [];
  const used = new Set<string>();
  const slots = first.map((cell): DatasetColumn | null => {
    const text = cell.trim();
    if (text === '') return null;
    const column = byName.get(matchKey(text));
    if (!column) {
      issues.push({ row: null, column: text, message: `rubriken finns inte bland tabellens kolumner (${columns.map((c) => c.label).join(', ')})` });
      return null;
    }
    if (used.has(column.key)) {
      issues.push({ row: null, column: column.label, message: 'rubriken finns två gånger i det inklistrade' });
      return null;
    }
    used.add(column.key);
    return column;
  });
  return { header: true, slots, issues };
}

/** One cell's text as its column's value, or the problem with it. */
export function readCell(text: string, column: DatasetColumn): { ok: true; value: DatasetCell } | { ok: false; message: string } {
  if (column.type === 'number') return parseSwedishNumber(text, column.unit);
  const trimmed = text.trim();
  if (trimmed.length > DATASET_MAX_CELL_TEXT) return { ok: false, message: `texten har ${trimmed.length} tecken; högst ${DATASET_MAX_CELL_TEXT} får plats` };
  return { ok: true, value: trimmed === '' ? null : trimmed };
}

export interface GridRead {
  rows: DatasetRow[];
  issues: GridIssue[];
  /** Row numbers (as in the issues) of the lines that were left out because they were empty. */
  blankRows: number[];
}

/**
 * Rows of cell texts, in the columns' order, as a dataset's rows: what the grid editor holds
 * and what a paste becomes. Row n is `lines[n - 1]`; empty rows are left out.
 */
export function readGrid(lines: ReadonlyArray<readonly string[]>, columns: readonly DatasetColumn[]): GridRead {
  return readLines(
    lines.map((cells, i) => ({ row: i + 1, cells })),
    columns,
    columns,
  );
}

function readLines(lines: ReadonlyArray<{ row: number; cells: readonly string[] }>, columns: readonly DatasetColumn[], slots: ReadonlyArray<DatasetColumn | null>, header = false): GridRead {
  const rows: DatasetRow[] = [];
  const issues: GridIssue[] = [];
  const blankRows: number[] = [];
  for (const { row, cells } of lines) {
    if (blank(cells)) {
      blankRows.push(row);
      continue;
    }
    const record: DatasetRow = Object.fromEntries(columns.map((c) => [c.key, null]));
    cells.forEach((text, i) => {
      const column = slots[i];
      if (column === undefined || column === null) return;
      const read = readCell(text, column);
      if (read.ok) record[column.key] = read.value;
      else issues.push({ row, column: column.label, message: read.message });
    });
    const filled = width(cells);
    if (filled > slots.length) issues.push({ row, column: null, message: `har ${filled} celler, men ${header ? `rubrikraden har ${slots.length}` : `tabellen har ${slots.length} kolumner`}` });
    rows.push(record);
  }
  return { rows, issues, blankRows };
}

/** Pasted clipboard text as rows of `columns` (see the top of this file). */
export function parsePastedGrid(text: string, columns: readonly DatasetColumn[]): PasteResult {
  if (columns.length === 0) return { ok: false, issues: [{ row: null, column: null, message: 'Tabellen har inga kolumner än; lägg till kolumner innan du klistrar in' }] };
  const all = splitClipboard(text);
  while (all.length > 0 && blank(all[all.length - 1] ?? [])) all.pop();
  if (all.length === 0) return { ok: false, issues: [{ row: null, column: null, message: 'Det finns ingenting att klistra in' }] };

  const layout = layoutOf(all[0] ?? [], columns);
  const body = (layout.header ? all.slice(1) : all).map((cells, i) => ({ row: i + 1, cells }));
  const totals = body.filter((l) => isTotalRow(l.cells));
  const data = body.filter((l) => !isTotalRow(l.cells));
  const read = readLines(data, columns, layout.slots, layout.header);
  const issues = [...layout.issues, ...read.issues];
  if (read.rows.length > DATASET_MAX_ROWS) issues.push({ row: null, column: null, message: `Det inklistrade har ${read.rows.length} rader; en tabell får ha högst ${DATASET_MAX_ROWS}` });
  if (read.rows.length === 0 && issues.length === 0) issues.push({ row: null, column: null, message: layout.header ? 'Det finns bara en rubrikrad, inga rader att klistra in' : 'Det finns inga rader att klistra in' });
  if (issues.length > 0) return { ok: false, issues };

  const notes: string[] = [];
  if (layout.header) {
    const missing = columns.filter((c) => !layout.slots.includes(c));
    notes.push(`Första raden är rubriker och klistrades inte in; kolumnerna lästes efter rubrikerna.${missing.length > 0 ? ` Tomma: ${missing.map((c) => `"${c.label}"`).join(', ')}.` : ''}`);
  }
  if (read.blankRows.length > 0) notes.push(`Tomma rader hoppades över: ${listRows(read.blankRows)}.`);
  if (totals.length > 0) notes.push(...totalNotes(totals, layout.slots, columns, read.rows));
  const widest = Math.max(0, ...data.map((l) => width(l.cells)));
  const filled = columns.filter((c, i) => (layout.header ? layout.slots.includes(c) : i < widest)).map((c) => c.key);
  return { ok: true, rows: read.rows, notes, header: layout.header, filled };
}

function listRows(rows: readonly number[]): string {
  return `${rows.length === 1 ? 'rad' : 'raderna'} ${rows.join(', ')}`;
}

/** Says the total rows were dropped, and where a pasted sum or count differs from the computed one. */
function totalNotes(lines: ReadonlyArray<{ row: number; cells: readonly string[] }>, slots: ReadonlyArray<DatasetColumn | null>, columns: readonly DatasetColumn[], rows: readonly DatasetRow[]): string[] {
  const words = lines.map((l) => `"${(l.cells[0] ?? '').trim()}" (rad ${l.row})`).join(', ');
  const notes = [`${lines.length === 1 ? 'Summaraden' : 'Summaraderna'} ${words} togs bort: summor räknas fram ur raderna och skrivs inte in.`];
  const computed = datasetTotals({ id: '', title: '', source: '', columns, rows });
  for (const line of lines) {
    line.cells.forEach((text, i) => {
      const column = slots[i];
      if (!column || column.total === null) return;
      const pasted = parseSwedishNumber(text, column.type === 'number' && column.total === 'sum' ? column.unit : null);
      const own = computed[column.key] ?? null;
      if (!pasted.ok || pasted.value === null || own === null) return;
      const decimals = column.total === 'count' ? 0 : column.decimals;
      const [a, b] = [formatNumber(pasted.value, decimals), formatNumber(own, decimals)];
      if (a !== b) notes.push(`Rad ${line.row}: den inklistrade summan för "${column.label}" är ${a}, men raderna ger ${b}.`);
    });
  }
  return notes;
}

/**
 * Columns for a new table from what is pasted: the first row's cells as labels, a column of
 * numbers where every filled cell below is one ("12 %" makes it a percent column), as many
 * decimals as the most precise of them shows (at most 4); keys made from the labels.
 * No totals: which column is summed is the analyst's choice. Null when the first row cannot be
 * labels (an empty heading, or one repeated).
 */
export function suggestColumns(text: string): DatasetColumn[] | null {
  const all = splitClipboard(text).filter((cells) => !blank(cells));
  const [first, ...rest] = all;
  if (!first) return null;
  const labels = first.slice(0, width(first)).map((c) => c.trim().replace(/\s+/g, ' '));
  if (labels.length === 0 || labels.length > DATASET_MAX_COLUMNS || labels.some((l) => l === '') || new Set(labels.map(matchKey)).size !== labels.length) return null;
  const data = rest.filter((cells) => !isTotalRow(cells));
  const taken = new Set<string>();
  return labels.map((label, i): DatasetColumn => {
    const cells = data.map((cells) => (cells[i] ?? '').trim()).filter((c) => c !== '');
    const percent = cells.some((c) => c.endsWith('%'));
    const unit = percent ? 'procent' : null;
    const numbers = cells.map((c) => parseSwedishNumber(c, unit));
    const isNumber = numbers.some((n) => n.ok && n.value !== null) && numbers.every((n) => n.ok);
    const decimals = isNumber ? Math.min(4, Math.max(0, ...cells.map((c) => /,(\d+)/.exec(c)?.[1]?.length ?? 0))) : 0;
    const k = columnKey(label, taken);
    taken.add(k);
    return { key: k, label, type: isNumber ? 'number' : 'text', unit: isNumber ? unit : null, decimals, total: null };
  });
}

/** A key for a new column from its label, unlike the `taken` ones: "Inkomna, snitt" → "inkomna_snitt". */
export function columnKey(label: string, taken: ReadonlySet<string>): string {
  const base = slugify(label).replace(/-/g, '_').slice(0, 50).replace(/_+$/, '') || 'kolumn';
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}_${n}`)) return `${base}_${n}`;
}
