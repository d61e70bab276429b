import { sql, type Kysely } from 'kysely';

/**
 * The catalog authored in the web app (issue 13):
 *
 * - the audit trigger of migration 20261122T1300 (`styrkort_audit_attach`) on every catalog
 *   table authors now change by hand — plan periods, goals, goal lines, focus areas, areas and
 *   their members, datasets, risk categories, registers and risks, and pictures (without their
 *   bytes: the trail records the file's name, type, checksum and alt text, not its pixels);
 * - a risk's `owner` (who answers for its action; `control` stays the planned control or
 *   action). What is decided about a risk ("12 Hantera risk") is not stored: it is the band its
 *   score falls in (domain/risk.ts), computed like every other figure.
 *
 * Rows already stored before this migration have no "insert" entry in the trail; their first
 * change records them old → new like any other. Forward-only.
 */
const AUDITED = ['plan_period', 'goal', 'goal_line', 'focus_area_set', 'focus_area', 'area', 'area_member', 'dataset', 'risk_category', 'risk_register', 'risk'] as const;

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table risk add column owner text;
  `.execute(db);
  for (const table of AUDITED) await sql`select styrkort_audit_attach(${table}::regclass)`.execute(db);
  await sql`select styrkort_audit_attach('asset'::regclass, '{bytes}')`.execute(db);
}
