import Big from 'big.js';

/**
 * A statement table (resultaträkning and the like): input rows carry values, subtotal rows are
 * formulas over other rows ("verksamhetens_nettokostnader = intakter + kostnader + avskrivningar").
 * Costs are stored as negative amounts, as in the region's own statements, so subtotals are sums.
 */
export type StatementRowDefinition =
  | { key: string; label: string; kind: 'input' }
  | { key: string; label: string; kind: 'formula'; formula: string };

export interface FormulaTerm {
  sign: 1 | -1;
  key: string;
}

export type FormulaParse = { ok: true; terms: FormulaTerm[] } | { ok: false; message: string };

/** Parses "a + b - c" (row keys joined by + and −). */
export function parseFormula(formula: string): FormulaParse {
  const tokens = formula.replace(/\u2212/g, '-').match(/[+-]|[^\s+-]+/g) ?? [];
  if (tokens.length === 0) return { ok: false, message: 'Formeln är tom' };
  const terms: FormulaTerm[] = [];
  let sign: 1 | -1 = 1;
  let expectTerm = true;
  for (const token of tokens) {
    if (token === '+' || token === '-') {
      if (!expectTerm && token === '+') { expectTerm = true; sign = 1; continue; }
      if (!expectTerm && token === '-') { expectTerm = true; sign = -1; continue; }
      if (expectTerm && token === '-' && terms.length === 0) { sign = -1; continue; }
      return { ok: false, message: `Oväntat tecken "${token}" i formeln "${formula}"` };
    }
    if (!expectTerm) return { ok: false, message: `Operator saknas före "${token}" i formeln "${formula}"` };
    if (!/^[a-z0-9_]+$/i.test(token)) return { ok: false, message: `Ogiltigt radnamn "${token}" i formeln "${formula}"` };
    terms.push({ sign, key: token });
    sign = 1;
    expectTerm = false;
  }
  if (expectTerm) return { ok: false, message: `Formeln "${formula}" slutar med en operator` };
  return { ok: true, terms };
}

/** The terms back as a formula: "a + b - c" (what parseFormula reads). */
export function formatFormula(terms: readonly FormulaTerm[]): string {
  return terms.map((t, i) => (i === 0 ? `${t.sign === -1 ? '-' : ''}${t.key}` : `${t.sign === -1 ? '-' : '+'} ${t.key}`)).join(' ');
}

export interface StatementIssue {
  rowKey: string;
  message: string;
}

export interface EvaluatedRow {
  key: string;
  label: string;
  kind: 'input' | 'formula';
  /** Per column key; null when the input is missing or a term of the formula is missing. */
  values: Record<string, number | null>;
}

/**
 * Evaluates a statement for each column. Input values come from `inputs[rowKey][columnKey]`.
 * Formula rows may refer to other formula rows; unknown rows and cycles are reported as issues
 * and give null values rather than a wrong number.
 */
export function evaluateStatement(
  rows: readonly StatementRowDefinition[],
  columns: readonly string[],
  inputs: Readonly<Record<string, Readonly<Record<string, number | null>>>>,
): { rows: EvaluatedRow[]; issues: StatementIssue[] } {
  const issues: StatementIssue[] = [];
  const byKey = new Map(rows.map((r) => [r.key, r]));
  const parsed = new Map<string, FormulaTerm[] | null>();
  for (const row of rows) {
    if (row.kind !== 'formula') continue;
    const p = parseFormula(row.formula);
    if (!p.ok) {
      issues.push({ rowKey: row.key, message: p.message });
      parsed.set(row.key, null);
      continue;
    }
    const unknown = p.terms.filter((t) => !byKey.has(t.key));
    for (const u of unknown) issues.push({ rowKey: row.key, message: `Formeln hänvisar till okänd rad "${u.key}"` });
    parsed.set(row.key, unknown.length > 0 ? null : p.terms);
  }

  const cache = new Map<string, Big | null>();
  const visiting = new Set<string>();
  const reportedCycles = new Set<string>();

  function valueOf(key: string, column: string): Big | null {
    const cacheKey = `${key}\u001f${column}`;
    if (cache.has(cacheKey)) return cache.get(cacheKey) ?? null;
    const row = byKey.get(key);
    if (!row) return null;
    let result: Big | null;
    if (row.kind === 'input') {
      const v = inputs[key]?.[column];
      result = v === null || v === undefined ? null : new Big(v);
    } else {
      if (visiting.has(key)) {
        if (!reportedCycles.has(key)) {
          reportedCycles.add(key);
          issues.push({ rowKey: key, message: `Formeln för "${row.label}" hänvisar till sig själv via andra rader` });
        }
        return null;
      }
      const terms = parsed.get(key);
      if (!terms) {
        result = null;
      } else {
        visiting.add(key);
        let total: Big | null = new Big(0);
        for (const term of terms) {
          const v = valueOf(term.key, column);
          if (v === null) { total = null; break; }
          total = term.sign === 1 ? total.plus(v) : total.minus(v);
        }
        visiting.delete(key);
        result = total;
      }
    }
    cache.set(cacheKey, result);
    return result;
  }

  const evaluated = rows.map((row) => {
    const values: Record<string, number | null> = {};
    for (const column of columns) values[column] = valueOf(row.key, column)?.toNumber() ?? null;
    return { key: row.key, label: row.label, kind: row.kind, values };
  });
  return { rows: evaluated, issues };
}

/**
 * Derived columns: figures computed from two other columns of the same row, as the packs print
 * them beside the outcome — "Avvikelse" (prognos − budget) and "Förändring %" (utfall against
 * samma period i fjol). Computed in decimal; a missing input gives a missing figure, never 0.
 */
export const STATEMENT_DERIVED_KINDS = ['difference', 'change_percent'] as const;
export type StatementDerivedKind = (typeof STATEMENT_DERIVED_KINDS)[number];

/** A − B. */
export function differenceOf(a: number | null, b: number | null): number | null {
  if (a === null || b === null) return null;
  return new Big(a).minus(b).toNumber();
}

/** (A − B) / |B| × 100; null when B is 0 or either is missing. */
export function changePercentOf(a: number | null, b: number | null): number | null {
  if (a === null || b === null || b === 0) return null;
  return new Big(a).minus(b).times(100).div(new Big(b).abs()).toNumber();
}

export function derivedValue(kind: StatementDerivedKind, a: number | null, b: number | null): number | null {
  return kind === 'difference' ? differenceOf(a, b) : changePercentOf(a, b);
}

/** The rows and columns of a statement table, as the block stores them. */
export type StatementRowSpec = { key: string; label: string } & ({ indicator: string } | { formula: string });
export type StatementColumnSpec = { key: string; label: string } & ({ period: string } | { derived: StatementDerivedKind; of: readonly [string, string] });

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

export function isStatementRow(value: unknown): value is StatementRowSpec {
  return isRecord(value) && typeof value.key === 'string' && typeof value.label === 'string' && (typeof value.indicator === 'string' || typeof value.formula === 'string');
}

export function isStatementColumn(value: unknown): value is StatementColumnSpec {
  if (!isRecord(value) || typeof value.key !== 'string' || typeof value.label !== 'string') return false;
  if (!('derived' in value)) return typeof value.period === 'string';
  const of = value.of;
  return (STATEMENT_DERIVED_KINDS as readonly unknown[]).includes(value.derived) && Array.isArray(of) && of.length === 2 && of.every((k) => typeof k === 'string');
}

export interface StatementProblem {
  /** Inside the block: ['rows', 2, 'formula'], ['columns', 3, 'of', 1]. */
  path: Array<string | number>;
  message: string;
}

function named(word: 'rad' | 'kolumn', label: string, index: number): string {
  return label.trim() === '' ? `${word} ${index + 1}` : `${word} "${label.trim()}"`;
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLocaleLowerCase('sv-SE') + text.slice(1);
}

/** "A", "A" och "B", "A", "B" och "C". */
function listed(names: readonly string[]): string {
  const quoted = names.map((n) => `"${n}"`);
  return quoted.length <= 1 ? (quoted[0] ?? '') : `${quoted.slice(0, -1).join(', ')} och ${quoted[quoted.length - 1]}`;
}

/**
 * What is wrong with a statement table's rows and columns, each problem at the field it is about
 * and naming its row or column in Swedish: keys used twice, a formula that does not parse, names
 * a row that does not exist, or refers to itself (directly or through other rows); a derived
 * column that names a column that does not exist, itself, the same column twice, or another
 * derived column (derived columns build on value columns only, so they never form a cycle and
 * their order does not matter).
 */
export function statementProblems(rows: readonly StatementRowSpec[], columns: readonly StatementColumnSpec[]): StatementProblem[] {
  const problems: StatementProblem[] = [];
  const firstRow = new Map<string, number>();
  rows.forEach((row, i) => {
    const earlier = firstRow.get(row.key);
    if (earlier === undefined) firstRow.set(row.key, i);
    else problems.push({ path: ['rows', i, 'key'], message: `${named('rad', row.label, i)}: nyckeln "${row.key}" används redan av rad ${earlier + 1}` });
  });

  // formula rows: parse, then every term must name a row
  const terms = new Map<string, string[]>();
  rows.forEach((row, i) => {
    if (!('formula' in row)) return;
    const name = named('rad', row.label, i);
    const parsed = parseFormula(row.formula);
    if (!parsed.ok) {
      problems.push({ path: ['rows', i, 'formula'], message: `${name}: ${lowerFirst(parsed.message)}` });
      return;
    }
    const unknown = [...new Set(parsed.terms.map((t) => t.key).filter((k) => !firstRow.has(k)))];
    for (const key of unknown) problems.push({ path: ['rows', i, 'formula'], message: `${name}: formeln hänvisar till okänd rad "${key}"` });
    if (firstRow.get(row.key) === i) terms.set(row.key, [...new Set(parsed.terms.map((t) => t.key).filter((k) => firstRow.has(k)))]);
  });

  // a formula row that reaches itself: directly, or through the shortest chain of other rows
  const labelOf = (key: string) => {
    const index = firstRow.get(key) ?? 0;
    const label = rows[index]?.label.trim() ?? '';
    return label === '' ? `rad ${index + 1}` : label;
  };
  rows.forEach((row, i) => {
    const own = terms.get(row.key);
    if (!own || firstRow.get(row.key) !== i) return;
    const name = named('rad', row.label, i);
    if (own.includes(row.key)) {
      problems.push({ path: ['rows', i, 'formula'], message: `${name}: formeln hänvisar till sig själv` });
      return;
    }
    const cameFrom = new Map<string, string | null>(own.map((k) => [k, null]));
    const queue = [...own];
    while (queue.length > 0) {
      const key = queue.shift() as string;
      for (const next of terms.get(key) ?? []) {
        if (next === row.key) {
          const chain: string[] = [];
          for (let at: string | null = key; at !== null; at = cameFrom.get(at) ?? null) chain.unshift(labelOf(at));
          problems.push({ path: ['rows', i, 'formula'], message: `${name}: formeln hänvisar till sig själv via ${listed(chain)}` });
          return;
        }
        if (!cameFrom.has(next)) {
          cameFrom.set(next, key);
          queue.push(next);
        }
      }
    }
  });

  const firstColumn = new Map<string, number>();
  columns.forEach((column, i) => {
    const earlier = firstColumn.get(column.key);
    if (earlier === undefined) firstColumn.set(column.key, i);
    else problems.push({ path: ['columns', i, 'key'], message: `${named('kolumn', column.label, i)}: nyckeln "${column.key}" används redan av kolumn ${earlier + 1}` });
  });
  columns.forEach((column, i) => {
    if (!('derived' in column)) return;
    const name = named('kolumn', column.label, i);
    column.of.forEach((key, side) => {
      const path = ['columns', i, 'of', side];
      const index = firstColumn.get(key);
      const target = index === undefined ? undefined : columns[index];
      if (key === '') problems.push({ path, message: `${name}: välj en kolumn att räkna med` });
      else if (key === column.key) problems.push({ path, message: `${name}: kan inte räknas fram ur sig själv` });
      else if (target === undefined || index === undefined) problems.push({ path, message: `${name}: kolumnen "${key}" finns inte` });
      else if ('derived' in target) problems.push({ path, message: `${name}: ${named('kolumn', target.label, index)} är själv beräknad; välj en kolumn med värden` });
    });
    if (column.of[0] === column.of[1] && column.of[0] !== '') problems.push({ path: ['columns', i, 'of', 1], message: `${name}: jämför en kolumn med sig själv; välj två olika kolumner` });
  });
  return problems;
}
