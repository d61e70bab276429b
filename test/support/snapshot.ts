import { sql, type Kysely } from 'kysely';

/**
 * Every row of every table, ordered — to show that an operation changed nothing at all.
 * `except` leaves tables out (the migration log, whose timestamps a restore writes anew).
 */
export async function snapshotAll(db: Kysely<unknown>, except: readonly string[] = []): Promise<Record<string, unknown[]>> {
  const tables = await sql<{ name: string }>`
    select table_name as name from information_schema.tables
    where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`.execute(db);
  const result: Record<string, unknown[]> = {};
  for (const { name } of tables.rows) {
    if (except.includes(name)) continue;
    const rows = await sql<{ row: string }>`select to_jsonb(t)::text as row from ${sql.table(name)} t`.execute(db);
    result[name] = rows.rows.map((r) => r.row).sort();
  }
  return result;
}
