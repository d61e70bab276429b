import { sql, type Kysely } from 'kysely';

/**
 * The audit trail for users and roles (issue 6): the audit trigger of migration
 * 20261122T1300 (`styrkort_audit_attach`) on
 *
 * - `app_user` — created, renamed, linked to a person, disabled and enabled again;
 * - `user_role` — every role granted and taken away;
 * - `user_identity` — every OpenID Connect identity (issuer, subject) tied to a user;
 * - `local_credential` — local accounts and their user names, without `password_hash`: the
 *   hash never lands in the append-only `audit_log` (a new password is on record as a change
 *   of `updated_at`, nothing more).
 *
 * `session` is left out on purpose. It is not "users and roles" but the state of logins: every
 * state-changing request moves its idle deadline, so it would add an entry to nearly every
 * request; each row holds the session's CSRF token in the clear, which the append-only log would
 * then keep for good; and ended sessions are deleted after 30 days, which the log would undo.
 * What matters for the record is there already: logins and logouts in the server log, and the
 * change that ends a user's sessions (disabled, new password) on `app_user` / `local_credential`.
 *
 * Writes of these tables run in actor transactions (db/actor.ts), so an entry says which user
 * made it and under which request. Forward-only: later changes are new migrations.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    select styrkort_audit_attach('app_user');
    select styrkort_audit_attach('user_role');
    select styrkort_audit_attach('user_identity');
    select styrkort_audit_attach('local_credential', '{password_hash}');
  `.execute(db);
}
