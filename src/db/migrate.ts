import { Migrator, type Kysely, type MigrationResultSet } from 'kysely';
import { StyrkortError } from '../domain/errors.js';
import { MIGRATIONS, migrationProvider } from './migrations/index.js';

export const MIGRATION_TABLE = 'styrkort_migration';
export const MIGRATION_LOCK_TABLE = 'styrkort_migration_lock';

function migrator(db: Kysely<unknown>): Migrator {
  return new Migrator({
    db,
    provider: migrationProvider,
    migrationTableName: MIGRATION_TABLE,
    migrationLockTableName: MIGRATION_LOCK_TABLE,
  });
}

/** Applies every pending migration, in order, each in its own transaction. Forward only. */
export async function migrateToLatest(db: Kysely<unknown>): Promise<string[]> {
  return check(await migrator(db).migrateToLatest());
}

/** Applies migrations up to and including `name` (used by restore to match a backup's schema). */
export async function migrateTo(db: Kysely<unknown>, name: string): Promise<string[]> {
  if (!(name in MIGRATIONS)) throw new StyrkortError('invalid_input', `Okänd migrering "${name}"`);
  return check(await migrator(db).migrateTo(name));
}

function check(result: MigrationResultSet): string[] {
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error')?.migrationName ?? 'okänd';
    const reason = result.error instanceof Error ? result.error.message : String(result.error);
    throw new StyrkortError('internal', `Migreringen ${failed} misslyckades: ${reason}`);
  }
  return (result.results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/** Names of the migrations already applied, in order. */
export async function appliedMigrations(db: Kysely<unknown>): Promise<string[]> {
  const all = await migrator(db).getMigrations();
  return all.filter((m) => m.executedAt !== undefined).map((m) => m.name);
}

export function knownMigrations(): string[] {
  return Object.keys(MIGRATIONS).sort();
}
