import { sql } from 'kysely';
import { ROLES, type Role } from '../../domain/access.js';
import type { UserAccount } from '../../domain/accounts.js';
import type { Db } from './types.js';

/** Users, their roles, local credentials and OpenID Connect identities. */
export interface NewUser {
  displayName: string;
  email: string | null;
  personId: string | null;
}

export async function insertUser(db: Db, user: NewUser): Promise<string> {
  const row = await db
    .insertInto('app_user')
    .values({ display_name: user.displayName, email: user.email, person_id: user.personId })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateUserRow(
  db: Db,
  id: string,
  patch: { displayName?: string; email?: string | null; personId?: string | null; disabledAt?: Date | null },
): Promise<void> {
  const values = {
    ...(patch.displayName !== undefined ? { display_name: patch.displayName } : {}),
    ...(patch.email !== undefined ? { email: patch.email } : {}),
    ...(patch.personId !== undefined ? { person_id: patch.personId } : {}),
    ...(patch.disabledAt !== undefined ? { disabled_at: patch.disabledAt } : {}),
  };
  if (Object.keys(values).length === 0) return;
  await db.updateTable('app_user').set(values).where('id', '=', id).execute();
}

/** Replaces a user's roles with `roles` (only rows that change are written). */
export async function setRoles(db: Db, userId: string, roles: readonly Role[]): Promise<void> {
  const current = new Set((await db.selectFrom('user_role').select('role').where('user_id', '=', userId).execute()).map((r) => r.role));
  const wanted = new Set<string>(roles);
  const gone = [...current].filter((r) => !wanted.has(r));
  const added = [...wanted].filter((r) => !current.has(r));
  if (gone.length > 0) await db.deleteFrom('user_role').where('user_id', '=', userId).where('role', 'in', gone).execute();
  if (added.length > 0) await db.insertInto('user_role').values(added.map((role) => ({ user_id: userId, role }))).execute();
}

export async function insertCredential(db: Db, userId: string, username: string, passwordHash: string, at: Date): Promise<void> {
  await db.insertInto('local_credential').values({ user_id: userId, username, password_hash: passwordHash, updated_at: at }).execute();
}

export async function updatePasswordHash(db: Db, userId: string, passwordHash: string, at: Date): Promise<void> {
  await db.updateTable('local_credential').set({ password_hash: passwordHash, updated_at: at }).where('user_id', '=', userId).execute();
}

export async function insertIdentity(db: Db, userId: string, issuer: string, subject: string): Promise<void> {
  await db.insertInto('user_identity').values({ user_id: userId, issuer, subject }).execute();
}

export async function findCredential(db: Db, username: string): Promise<{ userId: string; displayName: string; passwordHash: string; disabled: boolean } | null> {
  const row = await db
    .selectFrom('local_credential as c')
    .innerJoin('app_user as u', 'u.id', 'c.user_id')
    .select(['c.user_id', 'c.password_hash', 'u.disabled_at', 'u.display_name'])
    .where('c.username', '=', username)
    .executeTakeFirst();
  return row ? { userId: row.user_id, displayName: row.display_name, passwordHash: row.password_hash, disabled: row.disabled_at !== null } : null;
}

export async function findUserIdByIdentity(db: Db, issuer: string, subject: string): Promise<string | null> {
  const row = await db.selectFrom('user_identity').select('user_id').where('issuer', '=', issuer).where('subject', '=', subject).executeTakeFirst();
  return row?.user_id ?? null;
}

export async function findUserIdByUsername(db: Db, username: string): Promise<string | null> {
  const row = await db.selectFrom('local_credential').select('user_id').where('username', '=', username).executeTakeFirst();
  return row?.user_id ?? null;
}

export async function personExists(db: Db, personId: string): Promise<boolean> {
  return (await db.selectFrom('person').select('id').where('id', '=', personId).executeTakeFirst()) !== undefined;
}

/** Users holding `role` who are not disabled. */
export async function activeUsersWithRole(db: Db, role: Role): Promise<string[]> {
  const rows = await db
    .selectFrom('user_role as r')
    .innerJoin('app_user as u', 'u.id', 'r.user_id')
    .select('u.id')
    .where('r.role', '=', role)
    .where('u.disabled_at', 'is', null)
    .execute();
  return rows.map((r) => r.id);
}

type UserRow = {
  id: string;
  display_name: string;
  email: string | null;
  person_id: string | null;
  disabled_at: Date | null;
  created_at: Date;
  username: string | null;
  roles: string[] | null;
  identities: Array<{ issuer: string; subject: string }> | null;
  last_seen_at: Date | null;
};

function toAccount(r: UserRow): UserAccount {
  const held = new Set(r.roles ?? []);
  return {
    id: r.id,
    displayName: r.display_name,
    email: r.email,
    personId: r.person_id,
    username: r.username,
    identities: r.identities ?? [],
    roles: ROLES.filter((role) => held.has(role)),
    disabledAt: r.disabled_at ? new Date(r.disabled_at).toISOString() : null,
    createdAt: new Date(r.created_at).toISOString(),
    lastSeenAt: r.last_seen_at ? new Date(r.last_seen_at).toISOString() : null,
  };
}

/** Every user (or those with the given ids), by display name. */
export async function listUserAccounts(db: Db, ids: readonly string[] | null = null): Promise<UserAccount[]> {
  if (ids !== null && ids.length === 0) return [];
  const rows = await sql<UserRow>`
    select u.id, u.display_name, u.email, u.person_id, u.disabled_at, u.created_at, c.username,
           (select array_agg(r.role order by r.role) from user_role r where r.user_id = u.id) as roles,
           (select jsonb_agg(jsonb_build_object('issuer', i.issuer, 'subject', i.subject) order by i.issuer, i.subject)
              from user_identity i where i.user_id = u.id) as identities,
           (select max(s.last_seen_at) from session s where s.user_id = u.id) as last_seen_at
    from app_user u left join local_credential c on c.user_id = u.id
    ${ids === null ? sql`` : sql`where u.id = any(${[...ids]}::uuid[])`}
    order by lower(u.display_name), u.id`.execute(db);
  return rows.rows.map(toAccount);
}

export async function getUserAccount(db: Db, id: string): Promise<UserAccount | null> {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) return null;
  const [found] = await listUserAccounts(db, [id]);
  return found ?? null;
}
