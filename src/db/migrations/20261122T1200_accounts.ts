import { sql, type Kysely } from 'kysely';

/**
 * Accounts and sessions (issue 6, part A).
 * - `app_user`: a person who logs in. Keyed by an id of its own; a user who logs in through
 *   OpenID Connect is found by (issuer, subject) in `user_identity`, never by e-mail (the e-mail
 *   is informative only). `person_id` links a presenter's account to the agenda's presenters.
 * - `local_credential`: user name and scrypt hash for local accounts (small set-ups, the demo).
 * - `user_role`: the roles a user holds (several are allowed).
 * - `session`: server-side sessions. The id is the SHA-256 of the cookie's token, so the table
 *   never holds a usable token; each session has its CSRF token, an idle and an absolute
 *   deadline, and is revoked (never deleted on logout) when it ends.
 * Writes of these tables run in actor transactions (db/actor.ts) for the audit trail.
 * Forward-only: later changes are new migrations.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table app_user (
      id uuid primary key default gen_random_uuid(),
      display_name text not null check (btrim(display_name) <> ''),
      email text,
      person_id text references person(id) on delete set null,
      disabled_at timestamptz,
      created_at timestamptz not null default now()
    );
    create index app_user_person on app_user (person_id) where person_id is not null;

    create table user_identity (
      issuer text not null check (issuer <> ''),
      subject text not null check (subject <> ''),
      user_id uuid not null references app_user(id),
      created_at timestamptz not null default now(),
      primary key (issuer, subject)
    );
    create index user_identity_user on user_identity (user_id);

    create table local_credential (
      user_id uuid primary key references app_user(id),
      username text not null unique check (username ~ '^[a-z0-9][a-z0-9._-]{1,63}$'),
      password_hash text not null check (password_hash like 'scrypt$%'),
      updated_at timestamptz not null default now()
    );

    create table user_role (
      user_id uuid not null references app_user(id),
      role text not null check (role in ('admin', 'analyst', 'secretary', 'presenter', 'reader')),
      primary key (user_id, role)
    );

    create table session (
      id text primary key check (id ~ '^[0-9a-f]{64}$'),
      user_id uuid not null references app_user(id),
      csrf_token text not null check (length(csrf_token) >= 32),
      created_at timestamptz not null,
      last_seen_at timestamptz not null,
      idle_expires_at timestamptz not null,
      absolute_expires_at timestamptz not null,
      revoked_at timestamptz,
      ip text,
      user_agent text,
      check (idle_expires_at <= absolute_expires_at)
    );
    create index session_user_open on session (user_id) where revoked_at is null;
    create index session_absolute on session (absolute_expires_at);
  `.execute(db);
}
