import { ROLE_LABELS, ROLES, type Role } from './access.js';

/**
 * Rules for accounts that are the same in the API, the CLI and the web app: user names,
 * passwords and role names. Messages are Swedish and say what to change.
 */
export const MIN_PASSWORD_LENGTH = 12;
/** Long enough for any pass phrase, short enough that hashing it is no burden. */
export const MAX_PASSWORD_LENGTH = 1024;

const USERNAME = /^[a-z0-9][a-z0-9._-]{1,63}$/;

/** User names are compared in lower case: "Admin" and "admin" are the same account. */
export function normalizeUsername(text: string): string {
  return text.trim().toLowerCase();
}

export function usernameProblem(username: string): string | null {
  if (USERNAME.test(username)) return null;
  return 'Användarnamnet ska vara 2–64 tecken: a–z, 0–9, punkt, bindestreck eller understreck, och börja med en bokstav eller siffra.';
}

export function passwordProblem(password: string): string | null {
  if ([...password].length < MIN_PASSWORD_LENGTH) return `Lösenordet ska vara minst ${MIN_PASSWORD_LENGTH} tecken.`;
  if (password.length > MAX_PASSWORD_LENGTH) return `Lösenordet får vara högst ${MAX_PASSWORD_LENGTH} tecken.`;
  if (password.trim() === '') return 'Lösenordet får inte bara vara blanksteg.';
  return null;
}

/** A role by its code (`analyst`) or its Swedish name (`analytiker`, `föredragande`). */
export function parseRole(text: string): Role | null {
  const wanted = text.trim().toLowerCase();
  for (const role of ROLES) {
    const label = ROLE_LABELS[role];
    if (wanted === role || wanted === label || wanted === plain(label)) return role;
  }
  return null;
}

export function rolesText(): string {
  return ROLES.map((r) => `${r} (${ROLE_LABELS[r]})`).join(', ');
}

function plain(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '');
}

/** A user as the administration page and the CLI show it (times as ISO 8601 strings, UTC). */
export interface UserAccount {
  id: string;
  displayName: string;
  /** Informative only: users are never found by e-mail. */
  email: string | null;
  /** The person this user is on the agenda (presenters edit the items they present). */
  personId: string | null;
  /** The local account's user name; null for a user who logs in only through OpenID Connect. */
  username: string | null;
  identities: Array<{ issuer: string; subject: string }>;
  roles: Role[];
  disabledAt: string | null;
  createdAt: string;
  /** The last activity of any of the user's sessions. */
  lastSeenAt: string | null;
}
