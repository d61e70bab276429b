import type { Migration, MigrationProvider } from 'kysely';
import * as initial from './20261122T0900_initial.js';
import * as scorecardIndex from './20261122T1000_scorecard_index.js';
import * as imports from './20261122T1030_imports.js';
import * as accounts from './20261122T1200_accounts.js';
import * as publishingAudit from './20261122T1300_publishing_audit.js';
import * as auditAccounts from './20261122T1400_audit_accounts.js';
import * as dropMeasurementPeriod from './20261122T1500_drop_measurement_period_index.js';
import * as catalogVersion from './20261122T1600_catalog_version.js';
import * as catalogAuthoring from './20261208T0900_catalog_authoring.js';
import * as searchText from './20261208T1000_search_text.js';

/**
 * Every migration, by name. Names start with a UTC timestamp and sort in the order they run;
 * a new migration always sorts after every landed one. Listed statically (not read from the
 * directory) so the same list works from `src` under tsx and from the built `dist`.
 */
export const MIGRATIONS: Record<string, Migration> = {
  '20261122T0900_initial': initial,
  '20261122T1000_scorecard_index': scorecardIndex,
  '20261122T1030_imports': imports,
  '20261122T1200_accounts': accounts,
  '20261122T1300_publishing_audit': publishingAudit,
  '20261122T1400_audit_accounts': auditAccounts,
  '20261122T1500_drop_measurement_period_index': dropMeasurementPeriod,
  '20261122T1600_catalog_version': catalogVersion,
  '20261208T0900_catalog_authoring': catalogAuthoring,
  '20261208T1000_search_text': searchText,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: () => Promise.resolve(MIGRATIONS),
};
