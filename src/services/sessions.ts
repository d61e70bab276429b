import { createHash, randomBytes } from 'node:crypto';
import { normalizeUsername } from '../domain/accounts.js';
import { StyrkortError } from '../domain/errors.js';
import { extendedIdleDeadline, sessionState, startSession, type SessionPolicy } from '../domain/session.js';
import { inActorTransaction, type Actor } from '../db/actor.js';
import {
  deleteSessionsEndedBefore,
  findSessionWithUser,
  insertSession,
  revokeSession,
  touchSession,
  type SessionWithUser,
} from '../db/repositories/sessions.js';
import { findCredential } from '../db/repositories/users.js';
import { verifyNothing, verifyPassword } from './passwords.js';
import type { Store } from './store.js';

/**
 * Server-side sessions in PostgreSQL. The browser holds a random 256-bit token in an HttpOnly
 * cookie; the database holds only its SHA-256, so a copy of the table logs nobody in. Every
 * login makes a new session (a new token) and ends the one the browser presented. The clock is
 * passed in (`now`), so tests move time instead of waiting.
 */
export interface SessionSettings {
  policy: SessionPolicy;
  now: () => Date;
}

export type CurrentSession = SessionWithUser;

/** Old sessions are kept a while for the record, then removed at a later login. */
const KEEP_ENDED_MS = 30 * 24 * 3_600_000;

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export interface LoginContext {
  /** The session token the browser presented with the login, if any: it is ended. */
  presentedToken: string | null;
  ip: string | null;
  userAgent: string | null;
  requestId: string | null;
}

export interface OpenedSession {
  token: string;
  session: CurrentSession;
}

/** A new session for a user (after a password or an OpenID Connect login). */
export async function openSession(db: Store, settings: SessionSettings, userId: string, displayName: string, context: LoginContext): Promise<OpenedSession> {
  const now = settings.now();
  const token = newToken();
  const id = hashToken(token);
  const times = startSession(now, settings.policy);
  const actor: Actor = { userId, name: displayName, requestId: context.requestId };
  await inActorTransaction(db, actor, async (trx) => {
    if (context.presentedToken) await revokeSession(trx, hashToken(context.presentedToken), now);
    await deleteSessionsEndedBefore(trx, new Date(now.getTime() - KEEP_ENDED_MS));
    await insertSession(trx, {
      id,
      userId,
      csrfToken: randomBytes(32).toString('base64url'),
      createdAt: times.createdAt,
      idleExpiresAt: times.idleExpiresAt,
      absoluteExpiresAt: times.absoluteExpiresAt,
      ip: context.ip,
      userAgent: context.userAgent?.slice(0, 500) ?? null,
    });
  });
  const session = await findSessionWithUser(db, id);
  if (!session) throw new StyrkortError('internal', 'Sessionen kunde inte läsas efter inloggningen.');
  return { token, session };
}

export type PasswordCheck = { ok: true; userId: string; displayName: string } | { ok: false; reason: 'wrong' | 'disabled' };

/** Checks a user name and password; the same work is done for an unknown user name. */
export async function checkPassword(db: Store, username: string, password: string): Promise<PasswordCheck> {
  const credential = await findCredential(db, normalizeUsername(username));
  if (!credential) return { ok: await verifyNothing(password), reason: 'wrong' };
  if (!(await verifyPassword(password, credential.passwordHash))) return { ok: false, reason: 'wrong' };
  if (credential.disabled) return { ok: false, reason: 'disabled' };
  return { ok: true, userId: credential.userId, displayName: credential.displayName };
}

/** The session behind a cookie's token, if it is still in force (not ended, not expired, user not disabled). */
export async function currentSession(db: Store, settings: SessionSettings, token: string): Promise<CurrentSession | null> {
  if (!/^[\w-]{20,200}$/.test(token)) return null;
  return sessionInForce(db, settings, hashToken(token));
}

export async function sessionInForce(db: Store, settings: SessionSettings, sessionId: string): Promise<CurrentSession | null> {
  const session = await findSessionWithUser(db, sessionId);
  if (!session || session.userDisabled) return null;
  return sessionState(session, settings.now()) === 'active' ? session : null;
}

/** Activity: the idle deadline moves a full idle period on (never past the absolute deadline). */
export async function recordActivity(db: Store, settings: SessionSettings, session: CurrentSession, requestId: string | null): Promise<CurrentSession> {
  const now = settings.now();
  const idleExpiresAt = extendedIdleDeadline(session, now, settings.policy);
  await inActorTransaction(db, { userId: session.userId, name: session.displayName, requestId }, (trx) => touchSession(trx, session.id, now, idleExpiresAt));
  return { ...session, lastSeenAt: now, idleExpiresAt };
}

export async function endSession(db: Store, settings: SessionSettings, session: CurrentSession, requestId: string | null): Promise<void> {
  await inActorTransaction(db, { userId: session.userId, name: session.displayName, requestId }, (trx) => revokeSession(trx, session.id, settings.now()));
}
