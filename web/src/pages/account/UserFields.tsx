import { useId } from 'react';
import { ROLES, type Role } from '../../../../src/domain/access.js';
import { presenterLabel, type Person } from '../../../../src/domain/person.js';
import { useI18n } from '../../i18n/I18n.js';
import { roleName } from '../../session/roles.js';
import { describedBy } from './fields.js';

/** The roles as check boxes, each with what it allows; a fieldset with a legend. */
export function RolesField({ id, value, onChange, error }: { id: string; value: readonly Role[]; onChange: (roles: Role[]) => void; error?: string | undefined }) {
  const { t } = useI18n();
  const errorId = useId();
  const toggle = (role: Role, on: boolean) => onChange(ROLES.filter((r) => (r === role ? on : value.includes(r))));
  return (
    <fieldset id={id} className="field roles-field" aria-describedby={describedBy(error && errorId)}>
      <legend>{t('account.users.roles')}</legend>
      <ul className="plain">
        {ROLES.map((role) => (
          <li key={role} className="check">
            <input id={`${id}-${role}`} type="checkbox" name="roles" value={role} checked={value.includes(role)} onChange={(e) => toggle(role, e.target.checked)} aria-describedby={`${id}-${role}-hint`} />
            <label htmlFor={`${id}-${role}`}>{roleName(t, role)}</label>
            <span id={`${id}-${role}-hint`} className="hint">
              {t(`account.role.${role}.hint`)}
            </span>
          </li>
        ))}
      </ul>
      {error ? (
        <p id={errorId} className="field-error">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}

/** The person's name with their latest title, as the agenda writes presenters. */
export function personLabel(person: Person): string {
  const latest = [...person.titles].sort((a, b) => (a.validFrom < b.validFrom ? 1 : -1))[0];
  return presenterLabel(person.name, latest?.title ?? null);
}

/** The person on the agenda this account is (presenters edit the items they present). */
export function PersonField({ id, value, onChange, people, error }: { id: string; value: string; onChange: (personId: string) => void; people: readonly Person[] | null; error?: string | undefined }) {
  const { t } = useI18n();
  const hintId = useId();
  const errorId = useId();
  const sorted = people ? [...people].sort((a, b) => a.name.localeCompare(b.name, 'sv')) : [];
  return (
    <div className="field">
      <label htmlFor={id}>{t('account.users.person')}</label>
      <p id={hintId} className="hint">
        {t('account.users.personHint')}
      </p>
      <select id={id} name="personId" value={value} onChange={(e) => onChange(e.target.value)} aria-invalid={error ? true : undefined} aria-describedby={describedBy(error && errorId, hintId)}>
        <option value="">{t('account.users.noPerson')}</option>
        {sorted.map((p) => (
          <option key={p.id} value={p.id}>
            {personLabel(p)}
          </option>
        ))}
        {value !== '' && people && !people.some((p) => p.id === value) ? <option value={value}>{value}</option> : null}
      </select>
      {error ? (
        <p id={errorId} className="field-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}
