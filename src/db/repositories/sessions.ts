import type { Role } from '../../domain/access.js';
import { ROLES } from '../../domain/access.js';
import type { Db } from './types.js';

/** Server-side sessions. `id` is always the SHA-256 (hex) of the cookie's token. */
export interface SessionRow {
  id: string;
  userId: string;
  csrfToken: string;
  createdAt: Date;
  lastSeenAt: Date;
  idleExpiresAt: Date;
  absoluteExpiresAt: Date;
  revokedAt: Date | null;
}

/** A session with its user as the authenticator needs it: one query per request. */
export interface SessionWithUser extends SessionRow {
  displayName: string;
  email: string | null;
  personId: string | null;
  username: string | null;
  userDisabled: boolean;
  roles: Role[];
}

export async function insertSession(
  db: Db,
  session: { id: string; userId: string; csrfToken: string; createdAt: Date; idleExpiresAt: Date; absoluteExpiresAt: Date; ip: string | null; userAgent: string | null },
): Promise<void> {
  await db
    .insertInto('session')
    .values({
      id: session.id,
      user_id: session.userId,
      csrf_token: session.csrfToken,
      created_at: session.createdAt,
      last_seen_at: session.createdAt,
      idle_expires_at: session.idleExpiresAt,
      absolute_expires_at: session.absoluteExpiresAt,
      ip: session.ip,
      user_agent: session.userAgent,
    })
    .execute();
}

export async function findSessionWithUser(db: Db, id: string): Promise<SessionWithUser | null> {
  const row = await db
    .selectFrom('session as s')
    .innerJoin('app_user as u', 'u.id', 's.user_id')
    .leftJoin('local_credential as c', 'c.user_id', 'u.id')
    .select((eb) => [
      's.id',
      's.user_id',
      's.csrf_token',
      's.created_at',
      's.last_seen_at',
      's.idle_expires_at',
      's.absolute_expires_at',
      's.revoked_at',
      'u.display_name',
      'u.email',
      'u.person_id',
      'u.disabled_at',
      'c.username',
      eb.selectFrom('user_role as r').select((r) => r.fn.agg<string[]>('array_agg', ['r.role']).as('roles')).whereRef('r.user_id', '=', 'u.id').as('roles'),
    ])
    .where('s.id', '=', id)
    .executeTakeFirst();
  if (!row) return null;
  const held = new Set(row.roles ?? []);
  return {
    id: row.id,
    userId: row.user_id,
    csrfToken: row.csrf_token,
    createdAt: row.created_at,
    lastSeenAt: row.last_seen_at,
    idleExpiresAt: row.idle_expires_at,
    absoluteExpiresAt: row.absolute_expires_at,
    revokedAt: row.revoked_at,
    displayName: row.display_name,
    email: row.email,
    personId: row.person_id,
    username: row.username,
    userDisabled: row.disabled_at !== null,
    roles: ROLES.filter((r) => held.has(r)),
  };
}

export async function touchSession(db: Db, id: string, lastSeenAt: Date, idleExpiresAt: Date): Promise<void> {
  await db.updateTable('session').set({ last_seen_at: lastSeenAt, idle_expires_at: idleExpiresAt }).where('id', '=', id).where('revoked_at', 'is', null).execute();
}

export async function revokeSession(db: Db, id: string, at: Date): Promise<void> {
  await db.updateTable('session').set({ revoked_at: at }).where('id', '=', id).where('revoked_at', 'is', null).execute();
}

/** Ends every open session of a user (disabled, password changed). Returns how many. */
export async function revokeUserSessions(db: Db, userId: string, at: Date, except: string | null = null): Promise<number> {
  let query = db.updateTable('session').set({ revoked_at: at }).where('user_id', '=', userId).where('revoked_at', 'is', null);
  if (except !== null) query = query.where('id', '<>', except);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Sessions that ended long ago carry nothing anyone needs; removed at login. */
export async function deleteSessionsEndedBefore(db: Db, before: Date): Promise<void> {
  await db.deleteFrom('session').where('absolute_expires_at', '<', before).execute();
}
