import { parsePeriodKey, periodKey, sameLastYear } from '../../../../../src/domain/period.js';
import { formatFormula, parseFormula, statementProblems, type FormulaTerm, type StatementDerivedKind } from '../../../../../src/domain/statement.js';
import { fieldPath } from '../../../../../src/domain/validation.js';
import { sentence, type FieldErrors } from '../fields.js';
import type { BlockOf } from './defaults.js';

/**
 * The statement editor's model, kept apart from its controls: rows and columns as the block
 * stores them, keys made for new ones (never shown), formulas as terms (a sign and a row), the
 * packs' column layouts, and the problems per cell — the domain's own check of keys, formulas and
 * derived columns, run here as the author types, with the server's other messages beside them.
 */
export type Statement = BlockOf<'statement_table'>;
export type StatementRow = Statement['rows'][number];
export type StatementColumn = Statement['columns'][number];
export type ValueColumn = Extract<StatementColumn, { period: string }>;
export type ColumnKind = 'value' | StatementDerivedKind;

/** The label a derived column gets when it has none: the pack's words, Swedish in either interface language. */
export const DERIVED_LABELS: Record<StatementDerivedKind, string> = { difference: 'Avvikelse', change_percent: 'Förändring %' };

export const isValueColumn = (c: StatementColumn): c is ValueColumn => !('derived' in c);

/** `rad_4`: a key no row (or column) has yet. */
export function freshKey(prefix: string, used: ReadonlyArray<{ key: string }>): string {
  const taken = new Set(used.map((u) => u.key));
  let n = used.length + 1;
  while (taken.has(`${prefix}_${n}`)) n += 1;
  return `${prefix}_${n}`;
}

export type Preset = 'outcome' | 'forecast';

/**
 * The packs' two layouts: "Utfall, samma period i fjol, förändring %" and "Prognos, budget,
 * avvikelse". The period (and a forecast's as-of) are kept from the columns being replaced.
 */
export function presetColumns(preset: Preset, current: readonly StatementColumn[]): StatementColumn[] {
  const values = current.filter(isValueColumn);
  const period = values[0]?.period ?? '';
  if (preset === 'outcome') {
    const parsed = parsePeriodKey(period);
    const lastYear = parsed ? periodKey(sameLastYear(parsed)) : '';
    return [
      { key: 'utfall', label: 'Utfall', period, scenario: 'utfall', asOf: '' },
      { key: 'fjol', label: 'Samma period i fjol', period: lastYear, scenario: 'utfall', asOf: '' },
      { key: 'forandring', label: DERIVED_LABELS.change_percent, derived: 'change_percent', of: ['utfall', 'fjol'] },
    ];
  }
  const asOf = values.find((c) => c.scenario === 'prognos')?.asOf ?? '';
  return [
    { key: 'prognos', label: 'Prognos', period, scenario: 'prognos', asOf },
    { key: 'budget', label: 'Budget', period, scenario: 'budget', asOf: '' },
    { key: 'avvikelse', label: DERIVED_LABELS.difference, derived: 'difference', of: ['prognos', 'budget'] },
  ];
}

/** A column turned into another kind; a derived one starts from the first two other value columns. */
export function withKind(columns: readonly StatementColumn[], index: number, kind: ColumnKind): StatementColumn[] {
  return columns.map((c, i) => {
    if (i !== index) return c;
    if (kind === 'value') return isValueColumn(c) ? c : { key: c.key, label: c.label, period: '', scenario: 'utfall', asOf: '' };
    const others = columns.filter((x): x is ValueColumn => isValueColumn(x) && x.key !== c.key);
    const of: [string, string] = isValueColumn(c) ? [others[0]?.key ?? '', others[1]?.key ?? ''] : c.of;
    const defaulted = c.label.trim() === '' || Object.values(DERIVED_LABELS).includes(c.label);
    return { key: c.key, label: defaulted ? DERIVED_LABELS[kind] : c.label, derived: kind, of };
  });
}

/** A formula row's terms; none for an indicator row or a formula that does not parse (its message says why). */
export function termsOf(row: StatementRow | undefined): FormulaTerm[] {
  if (!row || !('formula' in row)) return [];
  const parsed = parseFormula(row.formula);
  return parsed.ok ? parsed.terms : [];
}

export function withTerms(row: StatementRow, terms: readonly FormulaTerm[]): StatementRow {
  return 'formula' in row ? { ...row, formula: formatFormula(terms) } : row;
}

/** The row a new term names: the first other row not in the formula yet, else the first other row. */
export function nextTermKey(rows: readonly StatementRow[], index: number): string | null {
  const row = rows[index];
  if (!row) return null;
  const used = new Set(termsOf(row).map((t) => t.key));
  const others = rows.filter((r) => r.key !== row.key);
  return (others.find((r) => !used.has(r.key)) ?? others[0])?.key ?? null;
}

/**
 * The terms a row gets when it becomes a formula: the subtotal of the rows above it from the
 * previous formula row on, as the packs build a resultaträkning (nettokostnad = intäkter +
 * kostnader + avskrivningar; resultat = nettokostnad + skatteintäkter + statsbidrag). A first
 * row gets the first other row; a lone row none.
 */
export function defaultTerms(rows: readonly StatementRow[], index: number): FormulaTerm[] {
  const above = rows.slice(0, index);
  const start = Math.max(0, above.findLastIndex((r) => 'formula' in r));
  const keys = above.slice(start).map((r) => r.key);
  if (keys.length > 0) return keys.map((key) => ({ sign: 1, key }));
  const next = nextTermKey(rows, index);
  return next === null ? [] : [{ sign: 1, key: next }];
}

/** "Tillbud + Skador", "−Avskrivningar + Intäkter": a formula in the rows' labels (a row without one by its key). */
export function formulaWords(rows: readonly StatementRow[], terms: readonly FormulaTerm[]): string {
  return terms
    .map((term, k) => {
      const label = rows.find((r) => r.key === term.key)?.label.trim() || term.key;
      const sign = k === 0 ? (term.sign === -1 ? '\u2212' : '') : term.sign === -1 ? '\u2212 ' : '+ ';
      return `${sign}${label}`;
    })
    .join(' ');
}

export function moved<T>(list: readonly T[], from: number, to: number): T[] {
  const next = [...list];
  const [item] = next.splice(from, 1);
  if (item !== undefined) next.splice(to, 0, item);
  return next;
}

/**
 * The cell a message belongs to: `rows[2].formula`, `columns[1].of[0]`, `columns[0].period`, or
 * the list itself (`rows`, `columns`). A row's or column's key is never shown: its messages go to
 * the label. Null: not about rows or columns (title, area and unit have their own fields).
 */
export function cellOf(path: string): string | null {
  const m = /^(rows|columns)(?:\[(\d+)\](?:\.(\w+)(?:\[(\d+)\])?)?)?/.exec(path);
  if (!m) return null;
  const [, section, index, field, sub] = m;
  if (index === undefined) return section ?? null;
  if (section === 'rows') return `rows[${index}].${field === 'indicator' || field === 'formula' ? field : 'label'}`;
  if (field === 'of') return `columns[${index}].of[${sub ?? '0'}]`;
  if (field === 'derived') return `columns[${index}].kind`;
  return `columns[${index}].${field === 'period' || field === 'scenario' || field === 'asOf' ? field : 'label'}`;
}

/** Formulas and derived columns are checked here as the author types; the server's copy of those messages may be stale. */
const CHECKED_HERE = /^(rows\[\d+\]\.formula|columns\[\d+\]\.of(\[\d+\])?)$/;

/** Messages per cell: this block's own problems, then the server's for everything else (a period, an indicator). */
export function problemsByCell(block: Statement, errors: FieldErrors): Map<string, string> {
  const out = new Map<string, string>();
  const add = (path: string, message: string) => {
    const cell = cellOf(path);
    if (cell === null) return;
    const earlier = out.get(cell);
    if (earlier === undefined) out.set(cell, message);
    else if (!earlier.includes(message)) out.set(cell, `${earlier} ${message}`);
  };
  const here = statementProblems(block.rows, block.columns);
  const paths = new Set<string>();
  for (const problem of here) {
    const path = fieldPath(problem.path);
    paths.add(path);
    add(path, sentence(problem.message));
  }
  for (const [path, message] of errors) if (!CHECKED_HERE.test(path) && !paths.has(path)) add(path, message);
  return out;
}

/** The cells of the editor in reading order (columns, then rows), for the summary of problems. */
export function cellOrder(block: Statement): string[] {
  const columns = block.columns.flatMap((_c, i) => ['label', 'kind', 'period', 'scenario', 'asOf', 'of[0]', 'of[1]'].map((f) => `columns[${i}].${f}`));
  const rows = block.rows.flatMap((_r, i) => ['label', 'indicator', 'formula'].map((f) => `rows[${i}].${f}`));
  return ['columns', ...columns, 'rows', ...rows];
}
