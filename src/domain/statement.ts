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
