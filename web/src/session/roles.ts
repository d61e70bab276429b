import type { Role } from '../../../src/domain/access.js';
import type { Translate } from '../i18n/I18n.js';

/** A role's name in the interface's language ("administratör", "administrator"). */
export function roleName(t: Translate, role: Role): string {
  return t(`account.role.${role}`);
}
