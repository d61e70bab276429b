import { sql, type Kysely } from 'kysely';
import type { Db } from './repositories/types.js';

/**
 * Makes a table hold exactly the given rows within a scope, touching only what differs:
 * rows not there are inserted, rows that differ are updated, rows in the scope but not given
 * are deleted. Loading the same catalog twice therefore writes nothing the second time.
 */
export interface SyncCounts {
  inserted: number;
  updated: number;
  deleted: number;
}

export interface SyncSpec {
  table: string;
  /** Columns that identify a row. */
  key: readonly string[];
  /** Columns written and compared (besides the key). */
  columns: readonly string[];
  /** Columns holding jsonb, compared by content (key order ignored). */
  jsonColumns?: readonly string[];
  /** Rows outside the given list are deleted only where `column` is one of `values`; no scope = never delete. */
  scope?: { column: string; values: readonly unknown[] } | null;
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value !== null && typeof value === 'object' && !(value instanceof Date) && !Buffer.isBuffer(value)) {
    return Object.fromEntries(
      Object.keys(value as Record<string, unknown>)
        .sort()
        .map((k) => [k, canonical((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}

function same(a: unknown, b: unknown, json: boolean): boolean {
  if (json) return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
  if (a === b) return true;
  if (a === null || b === null || a === undefined || b === undefined) return (a ?? null) === (b ?? null);
  if (Buffer.isBuffer(a) && Buffer.isBuffer(b)) return a.equals(b);
  if (Array.isArray(a) && Array.isArray(b)) return JSON.stringify(a) === JSON.stringify(b);
  if (typeof a === 'number' || typeof b === 'number') return Number(a) === Number(b);
  return false;
}

function keyOf(row: Record<string, unknown>, key: readonly string[]): string {
  return JSON.stringify(key.map((k) => row[k] ?? null));
}

export async function syncTable(db: Db, spec: SyncSpec, rows: ReadonlyArray<Record<string, unknown>>): Promise<SyncCounts> {
  const anyDb = db as unknown as Kysely<Record<string, Record<string, unknown>>>;
  const json = new Set(spec.jsonColumns ?? []);
  const all = [...spec.key, ...spec.columns];
  const counts: SyncCounts = { inserted: 0, updated: 0, deleted: 0 };

  let existingQuery = anyDb.selectFrom(spec.table).select(all);
  if (spec.scope) {
    if (spec.scope.values.length === 0 && rows.length === 0) return counts;
    const scopeValues = [...new Set([...spec.scope.values, ...rows.map((r) => r[spec.scope!.column])])];
    existingQuery = existingQuery.where(spec.scope.column, 'in', scopeValues);
  } else if (rows.length > 0 && spec.key.length === 1) {
    existingQuery = existingQuery.where(spec.key[0] as string, 'in', rows.map((r) => r[spec.key[0] as string]));
  }
  const existing = rows.length === 0 && !spec.scope ? [] : await existingQuery.execute();
  const existingByKey = new Map(existing.map((r) => [keyOf(r, spec.key), r]));
  const wanted = new Set<string>();

  for (const row of rows) {
    const k = keyOf(row, spec.key);
    if (wanted.has(k)) throw new Error(`Dubbel nyckel ${k} i ${spec.table}`);
    wanted.add(k);
    const current = existingByKey.get(k);
    const values = Object.fromEntries(all.map((c) => [c, json.has(c) ? JSON.stringify(row[c] ?? null) : (row[c] ?? null)]));
    if (!current) {
      await anyDb.insertInto(spec.table).values(values).execute();
      counts.inserted += 1;
      continue;
    }
    const changed = spec.columns.filter((c) => !same(current[c], row[c], json.has(c)));
    if (changed.length === 0) continue;
    let update = anyDb.updateTable(spec.table).set(Object.fromEntries(changed.map((c) => [c, values[c]])));
    for (const kc of spec.key) update = update.where(kc, '=', row[kc] as never);
    await update.execute();
    counts.updated += 1;
  }

  if (spec.scope) {
    for (const [k, current] of existingByKey) {
      if (wanted.has(k)) continue;
      let del = anyDb.deleteFrom(spec.table);
      for (const kc of spec.key) del = del.where(kc, '=', current[kc] as never);
      await del.execute();
      counts.deleted += 1;
    }
  }
  return counts;
}

export function addCounts(a: SyncCounts, b: SyncCounts): SyncCounts {
  return { inserted: a.inserted + b.inserted, updated: a.updated + b.updated, deleted: a.deleted + b.deleted };
}

/** Deferrable constraints (positions, self-references) are checked at commit, so order within a load does not matter. */
export async function deferConstraints(db: Db): Promise<void> {
  await sql`set constraints all deferred`.execute(db);
}
