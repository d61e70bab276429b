import { useId, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import type { Role } from '../../../../src/domain/access.js';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH, normalizeUsername, passwordProblem, usernameProblem, type UserAccount } from '../../../../src/domain/accounts.js';
import type { Person } from '../../../../src/domain/person.js';
import { ApiError, send, useApi } from '../../api.js';
import { Async, Empty } from '../../components/LoadState.js';
import { PageHeading } from '../../components/Page.js';
import { TableWrap } from '../../components/TableWrap.js';
import { useI18n, type Translate } from '../../i18n/I18n.js';
import { paths } from '../../lib/paths.js';
import { RequirePermission } from '../../session/RequirePermission.js';
import { roleName } from '../../session/roles.js';
import { ErrorSummary, firstError, serverFieldErrors, TextField, useFocusRequest, type FieldErrors } from './fields.js';
import { formatInstant } from './time.js';
import { PersonField, RolesField } from './UserFields.js';

/**
 * Användare (administrators, manage_users): every account with its roles, status and how it
 * logs in; a form for a new local account. Each user's own page changes roles, person, status
 * and password.
 */
export function UsersPage() {
  return (
    <RequirePermission permission="manage_users">
      <Users />
    </RequirePermission>
  );
}

/** "Lokalt konto (admin)", "Regionens inloggning" or both. */
export function loginKinds(t: Translate, user: UserAccount): string {
  const kinds: string[] = [];
  if (user.username !== null) kinds.push(t('account.users.local', { username: user.username }));
  if (user.identities.length > 0) kinds.push(t('account.users.oidc'));
  return kinds.length === 0 ? t('account.users.noLogin') : kinds.join(', ');
}

export function statusText(t: Translate, user: UserAccount): string {
  return user.disabledAt === null ? t('account.users.active') : t('account.users.disabledSince', { date: formatInstant(user.disabledAt).local });
}

function Users() {
  const { t } = useI18n();
  const users = useApi<UserAccount[]>('/api/users');
  const people = useApi<Person[]>('/api/people');
  const [created, setCreated] = useState<string | null>(null);

  return (
    <>
      <PageHeading title={t('account.users.title')} />
      <p className="lead">{t('account.users.lead')}</p>
      <div role="status" className="status-line">
        {created ? <p className="notice">{t('account.users.created', { name: created })}</p> : null}
      </div>
      <section aria-labelledby="users-list">
        <h2 id="users-list">{t('account.users.listTitle')}</h2>
        <Async value={users} what={t('account.what.users')}>
          {(list) =>
            list.length === 0 ? (
              <Empty>
                <p>{t('account.users.none')}</p>
              </Empty>
            ) : (
              <TableWrap label={t('account.users.listTitle')}>
                <table className="users">
                  <thead>
                    <tr>
                      <th scope="col">{t('account.users.name')}</th>
                      <th scope="col">{t('account.users.login')}</th>
                      <th scope="col">{t('account.users.roles')}</th>
                      <th scope="col">{t('account.users.status')}</th>
                      <th scope="col">{t('account.users.lastSeen')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {[...list]
                      .sort((a, b) => a.displayName.localeCompare(b.displayName, 'sv'))
                      .map((u) => (
                        <tr key={u.id} className={u.disabledAt ? 'disabled-user' : undefined}>
                          <th scope="row">
                            <Link to={paths.user(u.id)}>{u.displayName}</Link>
                          </th>
                          <td>{loginKinds(t, u)}</td>
                          <td>{u.roles.length === 0 ? t('account.users.noRoles') : u.roles.map((r) => roleName(t, r)).join(', ')}</td>
                          <td>{statusText(t, u)}</td>
                          <td>{u.lastSeenAt ? formatInstant(u.lastSeenAt).local : t('account.users.never')}</td>
                        </tr>
                      ))}
                  </tbody>
                </table>
              </TableWrap>
            )
          }
        </Async>
      </section>
      <NewUser
        people={people.state === 'ok' ? people.data : null}
        onCreated={(user) => {
          setCreated(user.displayName);
          users.retry();
        }}
      />
    </>
  );
}

const FIELDS = ['displayName', 'username', 'password', 'email', 'personId', 'roles'] as const;
type Field = (typeof FIELDS)[number];

function NewUser({ people, onCreated }: { people: Person[] | null; onCreated: (user: UserAccount) => void }) {
  const { t, tn } = useI18n();
  const base = useId();
  const ids: Record<Field, string> = Object.fromEntries(FIELDS.map((f) => [f, `${base}-${f}`])) as Record<Field, string>;
  const summaryId = `${base}-summary`;
  const empty = { displayName: '', username: '', password: '', email: '', personId: '', roles: ['reader'] as Role[] };
  const [form, setForm] = useState(empty);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const focus = useFocusRequest();
  const set = <K extends keyof typeof empty>(key: K, value: (typeof empty)[K]) => setForm((f) => ({ ...f, [key]: value }));

  const check = (): FieldErrors => {
    const found: FieldErrors = {};
    if (form.displayName.trim() === '') found.displayName = t('account.users.nameMissing');
    const username = normalizeUsername(form.username);
    const usernameIssue = usernameProblem(username);
    if (usernameIssue) found.username = usernameIssue;
    const passwordIssue = passwordProblem(form.password);
    if (passwordIssue) found.password = passwordIssue;
    if (form.email.trim() !== '' && !/^[^\s@]+@[^\s@]+$/.test(form.email.trim())) found.email = t('account.users.emailInvalid');
    return found;
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setFailure(null);
    const found = check();
    setErrors(found);
    if (Object.keys(found).length > 0) {
      focus(firstError(found, ids, FIELDS));
      return;
    }
    setBusy(true);
    try {
      const user = await send<UserAccount>('POST', '/api/users', {
        username: normalizeUsername(form.username),
        displayName: form.displayName.trim(),
        password: form.password,
        roles: form.roles,
        personId: form.personId === '' ? null : form.personId,
        email: form.email.trim() === '' ? null : form.email.trim(),
      });
      setForm(empty);
      setErrors({});
      onCreated(user);
    } catch (error) {
      const apiError = error instanceof ApiError ? error : new ApiError(0, String(error));
      const fromServer = serverFieldErrors(apiError, FIELDS);
      setErrors(fromServer);
      setFailure(apiError.message);
      focus(firstError(fromServer, ids, FIELDS) ?? summaryId);
    } finally {
      setBusy(false);
    }
  };

  const count = Object.keys(errors).length;
  return (
    <section aria-labelledby={`${base}-title`}>
      <h2 id={`${base}-title`}>{t('account.users.newTitle')}</h2>
      <p>{t('account.users.newLead')}</p>
      <form className="form" noValidate onSubmit={(e) => void submit(e)}>
        {count > 0 || failure ? (
          <ErrorSummary id={summaryId} title={count > 0 ? tn('account.form.problems', count) : t('account.users.createFailed')}>
            {failure ? (
              <p>
                <span lang="sv">{failure}</span>
              </p>
            ) : null}
          </ErrorSummary>
        ) : null}
        <TextField id={ids.displayName} name="displayName" label={t('account.users.name')} value={form.displayName} onChange={(v) => set('displayName', v)} error={errors.displayName} autoComplete="off" maxLength={200} required />
        <TextField
          id={ids.username}
          name="username"
          label={t('account.users.username')}
          hint={t('account.users.usernameHint')}
          value={form.username}
          onChange={(v) => set('username', v)}
          error={errors.username}
          autoComplete="off"
          maxLength={64}
          required
        />
        <TextField
          id={ids.password}
          name="password"
          type="password"
          label={t('account.users.password')}
          hint={t('account.users.passwordHint', { min: String(MIN_PASSWORD_LENGTH) })}
          value={form.password}
          onChange={(v) => set('password', v)}
          error={errors.password}
          autoComplete="new-password"
          maxLength={MAX_PASSWORD_LENGTH}
          required
        />
        <TextField id={ids.email} name="email" type="email" label={t('account.users.email')} hint={t('account.users.emailHint')} value={form.email} onChange={(v) => set('email', v)} error={errors.email} autoComplete="off" maxLength={320} />
        <RolesField id={ids.roles} value={form.roles} onChange={(roles) => set('roles', roles)} error={errors.roles} />
        <PersonField id={ids.personId} value={form.personId} onChange={(v) => set('personId', v)} people={people} error={errors.personId} />
        <div>
          <button type="submit">{busy ? t('account.users.creating') : t('account.users.create')}</button>
        </div>
      </form>
    </section>
  );
}
