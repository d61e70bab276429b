/**
 * Session lifetimes. A session ends at the first of: its idle deadline (no activity for the idle
 * time; the web app warns before and extends on one key, WCAG 2.2.1), its absolute deadline (a
 * fixed time after login, never extended), a logout, or the user being disabled. Times come in
 * as arguments: the clock is the caller's.
 */
export interface SessionPolicy {
  /** How long a session lives without activity, in milliseconds. */
  idleMs: number;
  /** How long a session lives at most after login, in milliseconds. */
  absoluteMs: number;
}

export const DEFAULT_SESSION_POLICY: SessionPolicy = { idleMs: 30 * 60_000, absoluteMs: 12 * 3_600_000 };

export interface SessionTimes {
  createdAt: Date;
  idleExpiresAt: Date;
  absoluteExpiresAt: Date;
}

export function startSession(now: Date, policy: SessionPolicy): SessionTimes {
  const absoluteExpiresAt = new Date(now.getTime() + policy.absoluteMs);
  return { createdAt: now, idleExpiresAt: earlier(new Date(now.getTime() + policy.idleMs), absoluteExpiresAt), absoluteExpiresAt };
}

/** The idle deadline after activity at `now`: a full idle period on, never past the absolute deadline. */
export function extendedIdleDeadline(session: { absoluteExpiresAt: Date }, now: Date, policy: SessionPolicy): Date {
  return earlier(new Date(now.getTime() + policy.idleMs), session.absoluteExpiresAt);
}

export type SessionState = 'active' | 'idle_expired' | 'expired' | 'revoked';

export function sessionState(session: { idleExpiresAt: Date; absoluteExpiresAt: Date; revokedAt: Date | null }, now: Date): SessionState {
  if (session.revokedAt !== null) return 'revoked';
  if (now.getTime() >= session.absoluteExpiresAt.getTime()) return 'expired';
  if (now.getTime() >= session.idleExpiresAt.getTime()) return 'idle_expired';
  return 'active';
}

function earlier(a: Date, b: Date): Date {
  return a.getTime() <= b.getTime() ? a : b;
}
