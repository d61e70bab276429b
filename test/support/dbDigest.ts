import { sql } from 'kysely';
import type { Store } from '../../src/services/store.js';

/**
 * A digest of every table of the application's schema — row count and an MD5 over all rows —
 * for tests that must show a request changed nothing at all: no model row, no audit entry, no
 * session, no user. Compare two digests with `changedTables`.
 */
export type Digest = Record<string, string>;

export async function tableDigest(db: Store): Promise<Digest> {
  const tables = await sql<{ name: string }>`select tablename as name from pg_tables where schemaname = current_schema() order by tablename`.execute(db);
  const digest: Digest = {};
  for (const { name } of tables.rows) {
    const r = await sql<{ n: number; md5: string }>`
      select count(*)::int as n, md5(coalesce(string_agg(md5(t::text), '' order by md5(t::text)), '')) as md5 from ${sql.table(name)} t`.execute(db);
    const row = r.rows[0];
    digest[name] = `${row?.n ?? 0} rader, ${row?.md5 ?? ''}`;
  }
  return digest;
}

/** The tables whose digest differs (or that exist in only one of the two). */
export function changedTables(before: Digest, after: Digest): string[] {
  const names = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...names].filter((n) => before[n] !== after[n]).sort();
}
