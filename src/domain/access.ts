/**
 * Who may do what. Five roles (a user may hold several); permissions are checked on the server
 * for every route, and object rules for every object: a presenter edits only items they present,
 * and only while the meeting is a draft; drafts are seen by editors only; a published version is
 * never changed by anyone.
 */
export const ROLES = ['admin', 'analyst', 'secretary', 'presenter', 'reader'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  admin: 'administratör',
  analyst: 'analytiker',
  secretary: 'sekreterare',
  presenter: 'föredragande',
  reader: 'läsare',
};

export const PERMISSIONS = [
  /** Scorecard, indicators, values and published meetings and packs. */
  'read',
  /** Draft meetings and items (not yet published). */
  'read_drafts',
  /** Indicators and targets. */
  'edit_indicators',
  /** Imports from files and Kolada, and undoing them. */
  'import',
  /** Meetings, their agenda, items and presenters. */
  'edit_meetings',
  /** An item's content blocks (presenters: only their own items). */
  'edit_items',
  /** Publishing, correcting and withdrawing a meeting's pack. */
  'publish',
  /** Users, roles and settings. */
  'manage_users',
  /** The audit trail. */
  'read_audit',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const GRANTS: Record<Role, readonly Permission[]> = {
  admin: PERMISSIONS,
  analyst: ['read', 'read_drafts', 'edit_indicators', 'import'],
  secretary: ['read', 'read_drafts', 'edit_meetings', 'edit_items', 'publish'],
  presenter: ['read', 'read_drafts', 'edit_items'],
  reader: ['read'],
};

export interface Principal {
  userId: string;
  roles: readonly Role[];
  /** The person this user is, when they present items (links an account to agenda presenters). */
  personId: string | null;
}

export function permissionsOf(roles: readonly Role[]): Set<Permission> {
  return new Set(roles.flatMap((r) => GRANTS[r]));
}

export function can(principal: Principal, permission: Permission): boolean {
  return permissionsOf(principal.roles).has(permission);
}

/** Editors see drafts; readers see published meetings only. */
export function canSeeMeeting(principal: Principal, meeting: { status: 'draft' | 'published' | 'archived' }): boolean {
  return meeting.status !== 'draft' || can(principal, 'read_drafts');
}

export type Decision = { allowed: true } | { allowed: false; reason: string };

const ALLOWED: Decision = { allowed: true };

/**
 * May this principal change this item? Secretaries and admins may change any item of a draft
 * meeting; a presenter only an item they present. Nobody changes an item of a published meeting:
 * a correction is a new version.
 */
export function canEditItem(
  principal: Principal,
  item: { presenterPersonIds: readonly string[] },
  meeting: { status: 'draft' | 'published' | 'archived' },
): Decision {
  if (meeting.status !== 'draft') return { allowed: false, reason: 'Sammanträdet är publicerat och kan inte ändras; gör en rättelse som ny version.' };
  if (can(principal, 'edit_meetings')) return ALLOWED;
  if (!can(principal, 'edit_items')) return { allowed: false, reason: 'Du har inte behörighet att ändra informationspunkter.' };
  if (principal.personId !== null && item.presenterPersonIds.includes(principal.personId)) return ALLOWED;
  return { allowed: false, reason: 'Du kan bara ändra informationspunkter som du själv föredrar.' };
}
