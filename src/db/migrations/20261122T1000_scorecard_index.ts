import { sql, type Kysely } from 'kysely';

/**
 * The scorecard (issue 4) reads the newest outcomes of every indicator for one area: per
 * indicator × area, the last rows by period end, total and outcome only. This partial index holds
 * exactly those rows, newest first, with every column the scorecard shows, so the query is an
 * index-only scan — no table pages are read (see bench/web.ts: about three times faster on 18
 * million measurements). Forward-only: later changes are new migrations.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create index measurement_latest on measurement (indicator_id, area_id, period_end desc)
      include (period, period_start, value, numerator, denominator, preliminary, id, source, comment)
      where breakdown = '' and scenario = 'utfall' and as_of = ''
  `.execute(db);
}
