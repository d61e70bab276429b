import { sql, type Kysely } from 'kysely';

/**
 * Drops measurement_period (indicator_id, period). No query reads measurements by indicator and
 * period without the area: series are read by (indicator, area, period end) through
 * measurement_series and measurement_latest, single values through the key measurement_key, and
 * an import's rows through measurement_batch. Every index costs each imported row a write;
 * this one bought nothing (bench/imports.ts measures the write path). Forward-only.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`drop index if exists measurement_period`.execute(db);
}
