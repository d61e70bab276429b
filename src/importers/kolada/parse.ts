import type { ImportIssue } from '../tabular/issues.js';
import { dataRowSchema, dataValueSchema, envelope } from './schema.js';

/**
 * One page of Kolada data (`/v3/data/kpi/…/municipality/…/year/…`) as values: one per KPI ×
 * municipality × year × gender. Rows marked `isdeleted` are dropped (and counted); `value: null`
 * stays null — missing, not zero. A malformed row is an issue naming its place in the answer
 * (row = position among the data rows, column = the JSON field); the rest of the page is read.
 */
export type KoladaGender = 'T' | 'K' | 'M';

export interface KoladaValue {
  kpi: string;
  municipality: string;
  year: number;
  gender: KoladaGender;
  value: number | null;
  status: string | null;
}

export interface KoladaPage {
  values: KoladaValue[];
  deleted: number;
  issues: ImportIssue[];
  /** The next page's address (next_url, or next_page as a URL or page number), or null. */
  next: string | number | null;
  count: number | null;
}

const GENDERS = new Set(['T', 'K', 'M']);

function issue(label: string, row: number, column: string, value: unknown, rule: string, message: string): ImportIssue {
  return { sheet: label, row, column, value: value === undefined ? null : JSON.stringify(value), rule, message };
}

/** `firstRow`: the 1-based position of this page's first row among all pages, for messages. */
export function parseKoladaData(json: unknown, firstRow = 1, label = 'Kolada'): KoladaPage {
  const page = envelope.safeParse(json);
  if (!page.success) {
    return { values: [], deleted: 0, issues: [issue(label, firstRow, 'values', null, 'kolada', 'Kolada svarade med ett oväntat format (saknar "values")')], next: null, count: null };
  }
  const values: KoladaValue[] = [];
  const issues: ImportIssue[] = [];
  let deleted = 0;
  page.data.values.forEach((raw, i) => {
    const rowNumber = firstRow + i;
    const row = dataRowSchema.safeParse(raw);
    if (!row.success) {
      const path = row.error.issues[0]?.path.join('.') || 'values';
      issues.push(issue(label, rowNumber, path, raw, 'kolada', `raden har oväntat format (${path})`));
      return;
    }
    if (row.data.isdeleted === true) {
      deleted += row.data.values.length || 1;
      return;
    }
    const year = Number(row.data.period);
    row.data.values.forEach((rawValue, j) => {
      const v = dataValueSchema.safeParse(rawValue);
      if (!v.success) {
        const path = v.error.issues[0]?.path.join('.') || 'value';
        issues.push(issue(label, rowNumber, `values[${j}].${path}`, rawValue, 'kolada', `värdet har oväntat format (${path})`));
        return;
      }
      if (v.data.isdeleted === true) {
        deleted += 1;
        return;
      }
      const gender = (v.data.gender ?? 'T').toUpperCase();
      if (!GENDERS.has(gender)) {
        issues.push(issue(label, rowNumber, `values[${j}].gender`, v.data.gender, 'kön', `okänt kön "${v.data.gender}" (väntat T, K eller M)`));
        return;
      }
      values.push({
        kpi: row.data.kpi,
        municipality: row.data.municipality,
        year,
        gender: gender as KoladaGender,
        value: v.data.value,
        status: v.data.status ?? null,
      });
    });
  });
  return { values, deleted, issues, next: page.data.next_url ?? page.data.next_page ?? null, count: page.data.count ?? null };
}
