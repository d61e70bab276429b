import { sql } from 'kysely';
import { ROLES, type Role } from '../domain/access.js';
import { normalizeUsername, passwordProblem, usernameProblem, type UserAccount } from '../domain/accounts.js';
import { StyrkortError } from '../domain/errors.js';
import { inActorTransaction, type Actor } from '../db/actor.js';
import {
  activeUsersWithRole,
  findUserIdByIdentity,
  findUserIdByUsername,
  getUserAccount,
  insertCredential,
  insertIdentity,
  insertUser,
  listUserAccounts,
  personExists,
  setRoles,
  updatePasswordHash,
  updateUserRow,
} from '../db/repositories/users.js';
import { revokeUserSessions } from '../db/repositories/sessions.js';
import type { Db } from '../db/repositories/types.js';
import { hashPassword } from './passwords.js';
import type { Store } from './store.js';

/**
 * Users and their roles, for the administration API and the CLI. Every write runs in an actor
 * transaction (who, under which request) and under one advisory lock, so two administrators
 * cannot together take away the last active administrator.
 */
export interface NewLocalUser {
  username: string;
  displayName: string;
  password: string;
  roles: readonly Role[];
  personId: string | null;
  email: string | null;
}

export interface UserPatch {
  displayName?: string;
  email?: string | null;
  personId?: string | null;
  roles?: readonly Role[];
  disabled?: boolean;
}

const USERS_LOCK = 0x5354_5255; // "STRU": one lock for changes of users and roles

async function lockUsers(trx: Db): Promise<void> {
  await sql`select pg_advisory_xact_lock(${USERS_LOCK})`.execute(trx);
}

function checkedDisplayName(name: string): string {
  const trimmed = name.trim();
  if (trimmed === '') throw new StyrkortError('invalid_input', 'Namnet får inte vara tomt.', [{ where: 'displayName', message: 'Ange namnet som ska visas.' }]);
  if (trimmed.length > 200) throw new StyrkortError('invalid_input', 'Namnet får vara högst 200 tecken.', [{ where: 'displayName', message: 'Högst 200 tecken.' }]);
  return trimmed;
}

function checkedPassword(password: string): string {
  const problem = passwordProblem(password);
  if (problem) throw new StyrkortError('invalid_input', problem, [{ where: 'password', message: problem }]);
  return password;
}

function uniqueRoles(roles: readonly Role[]): Role[] {
  return ROLES.filter((r) => roles.includes(r));
}

async function checkPerson(db: Db, personId: string | null | undefined): Promise<void> {
  if (personId === null || personId === undefined) return;
  if (!(await personExists(db, personId))) {
    throw new StyrkortError('invalid_input', `Personen "${personId}" finns inte bland föredragandena.`, [{ where: 'personId', message: `Okänd person "${personId}".` }]);
  }
}

async function mustHaveAdmin(trx: Db): Promise<void> {
  if ((await activeUsersWithRole(trx, 'admin')).length === 0) {
    throw new StyrkortError('conflict', 'Det måste finnas minst en aktiv administratör: ge först någon annan rollen administratör.');
  }
}

export const listUsers = (db: Store): Promise<UserAccount[]> => listUserAccounts(db);

export async function getUser(db: Store, id: string): Promise<UserAccount> {
  const user = await getUserAccount(db, id);
  if (!user) throw new StyrkortError('not_found', `Användaren "${id}" finns inte.`);
  return user;
}

export async function userByUsername(db: Store, username: string): Promise<UserAccount> {
  const id = await findUserIdByUsername(db, normalizeUsername(username));
  if (!id) throw new StyrkortError('not_found', `Det finns ingen användare med användarnamnet "${username}".`);
  return getUser(db, id);
}

export async function createLocalUser(db: Store, actor: Actor, input: NewLocalUser, now: Date): Promise<UserAccount> {
  const username = normalizeUsername(input.username);
  const problem = usernameProblem(username);
  if (problem) throw new StyrkortError('invalid_input', problem, [{ where: 'username', message: problem }]);
  const displayName = checkedDisplayName(input.displayName);
  const password = checkedPassword(input.password);
  const hash = await hashPassword(password);
  const id = await inActorTransaction(db, actor, async (trx) => {
    await lockUsers(trx);
    if (await findUserIdByUsername(trx, username)) {
      throw new StyrkortError('conflict', `Användarnamnet "${username}" är upptaget.`, [{ where: 'username', message: 'Välj ett annat användarnamn.' }]);
    }
    await checkPerson(trx, input.personId);
    const userId = await insertUser(trx, { displayName, email: input.email?.trim() || null, personId: input.personId });
    await insertCredential(trx, userId, username, hash, now);
    await setRoles(trx, userId, uniqueRoles(input.roles));
    return userId;
  });
  return getUser(db, id);
}

/** Display name, e-mail, person link, roles, disabled; disabling ends the user's sessions. */
export async function updateUser(db: Store, actor: Actor, id: string, patch: UserPatch, now: Date): Promise<UserAccount> {
  const before = await getUser(db, id);
  await inActorTransaction(db, actor, async (trx) => {
    await lockUsers(trx);
    await checkPerson(trx, patch.personId);
    await updateUserRow(trx, id, {
      ...(patch.displayName !== undefined ? { displayName: checkedDisplayName(patch.displayName) } : {}),
      ...(patch.email !== undefined ? { email: patch.email?.trim() || null } : {}),
      ...(patch.personId !== undefined ? { personId: patch.personId } : {}),
      ...(patch.disabled === true && before.disabledAt === null ? { disabledAt: now } : {}),
      ...(patch.disabled === false ? { disabledAt: null } : {}),
    });
    if (patch.roles !== undefined) await setRoles(trx, id, uniqueRoles(patch.roles));
    if (patch.disabled === true) await revokeUserSessions(trx, id, now);
    const wasAdmin = before.roles.includes('admin') && before.disabledAt === null;
    const staysAdmin = (patch.roles ?? before.roles).includes('admin') && !(patch.disabled ?? before.disabledAt !== null);
    if (wasAdmin && !staysAdmin) await mustHaveAdmin(trx);
  });
  return getUser(db, id);
}

/** A new password for a local account; the user's sessions end (log in again with it). */
export async function setPassword(db: Store, actor: Actor, id: string, password: string, now: Date): Promise<UserAccount> {
  const user = await getUser(db, id);
  if (user.username === null) throw new StyrkortError('conflict', `${user.displayName} loggar in via inloggningstjänsten och har inget lokalt lösenord.`);
  const hash = await hashPassword(checkedPassword(password));
  await inActorTransaction(db, actor, async (trx) => {
    await updatePasswordHash(trx, id, hash, now);
    await revokeUserSessions(trx, id, now);
  });
  return getUser(db, id);
}

/**
 * The user behind an OpenID Connect identity, created at the first login with the role läsare
 * (reader) until an administrator grants more. Found by (issuer, subject) only.
 */
export async function userForIdentity(db: Store, actor: Actor, claims: { issuer: string; subject: string; name: string | null; email: string | null }): Promise<UserAccount> {
  const found = await findUserIdByIdentity(db, claims.issuer, claims.subject);
  if (found) return getUser(db, found);
  const id = await inActorTransaction(db, actor, async (trx) => {
    await lockUsers(trx);
    const again = await findUserIdByIdentity(trx, claims.issuer, claims.subject);
    if (again) return again;
    const userId = await insertUser(trx, { displayName: (claims.name ?? claims.subject).slice(0, 200), email: claims.email, personId: null });
    await insertIdentity(trx, userId, claims.issuer, claims.subject);
    await setRoles(trx, userId, ['reader']);
    return userId;
  });
  return getUser(db, id);
}
