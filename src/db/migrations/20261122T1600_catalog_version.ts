import { sql, type Kysely } from 'kysely';

/**
 * `catalog_version`: one value that changes whenever the catalog does — plan periods, goals,
 * areas and their members, indicators and their goal lines, targets. Every request for the
 * scorecard needs all of them, and they change a few times a year; a server keeps them in memory
 * and asks only for this value (services/catalogCache.ts).
 *
 * A statement-level trigger on each of those tables sets a new random version in the writing
 * transaction, so the new version becomes visible exactly when the change does, to every process
 * (other server instances, the CLI). Random rather than a counter, so that a version names one
 * state of the catalog for good: a counter restored from an older backup would count up again
 * past numbers a running server has already seen with other contents behind them. The table
 * starts empty (version '') so a freshly migrated database still counts as empty for restore;
 * the first change fills it.
 * Forward-only.
 */
const TABLES = ['plan_period', 'goal', 'area', 'area_member', 'indicator', 'indicator_goal_line', 'target'] as const;

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table catalog_version (
      only_row boolean primary key default true check (only_row),
      version text not null
    );
    create function styrkort_catalog_changed() returns void language sql as $f$
      insert into catalog_version (only_row, version) values (true, gen_random_uuid()::text)
      on conflict (only_row) do update set version = excluded.version
    $f$;
    create function styrkort_catalog_trigger() returns trigger language plpgsql as $f$
    begin
      perform styrkort_catalog_changed();
      return null;
    end
    $f$;
  `.execute(db);
  for (const table of TABLES) {
    await sql`
      create trigger catalog_changed after insert or update or delete or truncate on ${sql.table(table)}
      for each statement execute function styrkort_catalog_trigger()`.execute(db);
  }
  // an existing database (with its catalog) gets a version of its own
  await sql`select styrkort_catalog_changed() where exists (select from plan_period) or exists (select from area) or exists (select from indicator)`.execute(db);
}
