import { useId, useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import type { Role } from '../../../../src/domain/access.js';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH, passwordProblem, type UserAccount } from '../../../../src/domain/accounts.js';
import type { Person } from '../../../../src/domain/person.js';
import { ApiError, send, useApi } from '../../api.js';
import { Async } from '../../components/LoadState.js';
import { PageHeading } from '../../components/Page.js';
import { useI18n } from '../../i18n/I18n.js';
import { paths } from '../../lib/paths.js';
import { RequirePermission } from '../../session/RequirePermission.js';
import { useSession } from '../../session/Session.js';
import { ErrorSummary, firstError, serverFieldErrors, TextField, useFocusRequest, type FieldErrors } from './fields.js';
import { formatInstant } from './time.js';
import { PersonField, RolesField } from './UserFields.js';
import { loginKinds, statusText } from './UsersPage.js';

/**
 * One user (administrators): name, e-mail, person and roles; disable or enable the account
 * (disabling ends its sessions at once); a new password for a local account (its sessions end).
 */
export function UserPage() {
  return (
    <RequirePermission permission="manage_users">
      <User />
    </RequirePermission>
  );
}

function User() {
  const { t } = useI18n();
  const { id = '' } = useParams();
  const users = useApi<UserAccount[]>('/api/users');
  const people = useApi<Person[]>('/api/people');
  const [current, setCurrent] = useState<UserAccount | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const { session, refresh } = useSession();

  const changed = (user: UserAccount, message: string) => {
    setCurrent(user);
    setStatus(message);
    // one's own roles changed: the menu and the pages follow
    if (user.id === session?.user.id) void refresh();
  };

  return (
    <Async value={users} what={t('account.what.user')}>
      {(list) => {
        // the answer to the last change is newer than the list
        const user = (current?.id === id ? current : null) ?? list.find((u) => u.id === id) ?? null;
        if (!user) {
          return (
            <>
              <PageHeading title={t('account.user.notFound')} />
              <p>
                <Link to={paths.users()}>{t('account.user.back')}</Link>
              </p>
            </>
          );
        }
        return (
          <>
            <PageHeading title={user.displayName} />
            <p>
              <Link to={paths.users()}>{t('account.user.back')}</Link>
            </p>
            <div role="status" className="status-line">
              {status ? <p className="notice">{status}</p> : null}
            </div>
            <dl className="facts facts-wide">
              <div>
                <dt>{t('account.users.login')}</dt>
                <dd>{loginKinds(t, user)}</dd>
              </div>
              {user.identities.map((i) => (
                <div key={`${i.issuer} ${i.subject}`}>
                  <dt>{t('account.user.identity')}</dt>
                  <dd>
                    <code>{i.issuer}</code> · <code>{i.subject}</code>
                  </dd>
                </div>
              ))}
              <div>
                <dt>{t('account.users.status')}</dt>
                <dd>{statusText(t, user)}</dd>
              </div>
              <div>
                <dt>{t('account.user.created')}</dt>
                <dd>{formatInstant(user.createdAt).local}</dd>
              </div>
              <div>
                <dt>{t('account.users.lastSeen')}</dt>
                <dd>{user.lastSeenAt ? formatInstant(user.lastSeenAt).local : t('account.users.never')}</dd>
              </div>
            </dl>
            <Details key={`details-${user.id}`} user={user} people={people.state === 'ok' ? people.data : null} onSaved={(u) => changed(u, t('account.user.saved'))} />
            <Status user={user} onSaved={(u) => changed(u, u.disabledAt ? t('account.user.disabledNow', { name: u.displayName }) : t('account.user.enabledNow', { name: u.displayName }))} />
            {user.username !== null ? <Password key={`password-${user.id}`} user={user} onSaved={(u) => changed(u, t('account.user.passwordSet', { name: u.displayName }))} /> : null}
          </>
        );
      }}
    </Async>
  );
}

const DETAIL_FIELDS = ['displayName', 'email', 'roles', 'personId'] as const;
type DetailField = (typeof DETAIL_FIELDS)[number];

function Details({ user, people, onSaved }: { user: UserAccount; people: Person[] | null; onSaved: (user: UserAccount) => void }) {
  const { t, tn } = useI18n();
  const base = useId();
  const ids = Object.fromEntries(DETAIL_FIELDS.map((f) => [f, `${base}-${f}`])) as Record<DetailField, string>;
  const summaryId = `${base}-summary`;
  const [form, setForm] = useState({ displayName: user.displayName, email: user.email ?? '', roles: user.roles as Role[], personId: user.personId ?? '' });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const focus = useFocusRequest();
  const set = <K extends keyof typeof form>(key: K, value: (typeof form)[K]) => setForm((f) => ({ ...f, [key]: value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setFailure(null);
    const found: FieldErrors = {};
    if (form.displayName.trim() === '') found.displayName = t('account.users.nameMissing');
    if (form.email.trim() !== '' && !/^[^\s@]+@[^\s@]+$/.test(form.email.trim())) found.email = t('account.users.emailInvalid');
    setErrors(found);
    if (Object.keys(found).length > 0) return focus(firstError(found, ids, DETAIL_FIELDS));
    setBusy(true);
    try {
      onSaved(
        await send<UserAccount>('PATCH', `/api/users/${encodeURIComponent(user.id)}`, {
          displayName: form.displayName.trim(),
          email: form.email.trim() === '' ? null : form.email.trim(),
          roles: form.roles,
          personId: form.personId === '' ? null : form.personId,
        }),
      );
    } catch (error) {
      const apiError = error instanceof ApiError ? error : new ApiError(0, String(error));
      const fromServer = serverFieldErrors(apiError, DETAIL_FIELDS);
      setErrors(fromServer);
      setFailure(apiError.message);
      focus(firstError(fromServer, ids, DETAIL_FIELDS) ?? summaryId);
    } finally {
      setBusy(false);
    }
  };

  const count = Object.keys(errors).length;
  return (
    <section aria-labelledby={`${base}-title`}>
      <h2 id={`${base}-title`}>{t('account.user.detailsTitle')}</h2>
      <form className="form" noValidate onSubmit={(e) => void submit(e)}>
        {count > 0 || failure ? (
          <ErrorSummary id={summaryId} title={count > 0 ? tn('account.form.problems', count) : t('account.user.saveFailed')}>
            {failure ? (
              <p>
                <span lang="sv">{failure}</span>
              </p>
            ) : null}
          </ErrorSummary>
        ) : null}
        <TextField id={ids.displayName} name="displayName" label={t('account.users.name')} value={form.displayName} onChange={(v) => set('displayName', v)} error={errors.displayName} maxLength={200} required />
        <TextField id={ids.email} name="email" type="email" label={t('account.users.email')} hint={t('account.users.emailHint')} value={form.email} onChange={(v) => set('email', v)} error={errors.email} maxLength={320} />
        <RolesField id={ids.roles} value={form.roles} onChange={(roles) => set('roles', roles)} error={errors.roles} />
        <PersonField id={ids.personId} value={form.personId} onChange={(v) => set('personId', v)} people={people} error={errors.personId} />
        <div>
          <button type="submit">{busy ? t('account.user.saving') : t('account.user.save')}</button>
        </div>
      </form>
    </section>
  );
}

function Status({ user, onSaved }: { user: UserAccount; onSaved: (user: UserAccount) => void }) {
  const { t } = useI18n();
  const base = useId();
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const disabled = user.disabledAt !== null;
  const toggle = async () => {
    if (busy) return;
    setBusy(true);
    setFailure(null);
    try {
      onSaved(await send<UserAccount>('PATCH', `/api/users/${encodeURIComponent(user.id)}`, { disabled: !disabled }));
    } catch (error) {
      setFailure(error instanceof ApiError ? error.message : String(error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section aria-labelledby={`${base}-title`}>
      <h2 id={`${base}-title`}>{t('account.user.statusTitle')}</h2>
      <p>{disabled ? t('account.user.isDisabled') : t('account.user.isActive')}</p>
      {failure ? (
        <div className="notice notice-error" role="alert">
          <p>
            <span lang="sv">{failure}</span>
          </p>
        </div>
      ) : null}
      <button type="button" className={disabled ? undefined : 'button-danger'} onClick={() => void toggle()}>
        {disabled ? t('account.user.enable') : t('account.user.disable')}
      </button>
    </section>
  );
}

function Password({ user, onSaved }: { user: UserAccount; onSaved: (user: UserAccount) => void }) {
  const { t } = useI18n();
  const base = useId();
  const fieldId = `${base}-password`;
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const focus = useFocusRequest();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const problem = passwordProblem(password);
    setError(problem ?? undefined);
    if (problem) return focus(fieldId);
    setBusy(true);
    try {
      const saved = await send<UserAccount>('POST', `/api/users/${encodeURIComponent(user.id)}/password`, { password });
      setPassword('');
      onSaved(saved);
    } catch (e) {
      const apiError = e instanceof ApiError ? e : new ApiError(0, String(e));
      setError(serverFieldErrors(apiError, ['password']).password ?? apiError.message);
      focus(fieldId);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section aria-labelledby={`${base}-title`}>
      <h2 id={`${base}-title`}>{t('account.user.passwordTitle')}</h2>
      <form className="form" noValidate onSubmit={(e) => void submit(e)}>
        {error ? <ErrorSummary id={`${base}-summary`} title={t('account.user.passwordFailed')} /> : null}
        <input type="text" name="username" autoComplete="username" value={user.username ?? ''} readOnly hidden />
        <TextField
          id={fieldId}
          name="new-password"
          type="password"
          label={t('account.user.newPassword')}
          hint={t('account.user.passwordHint', { min: String(MIN_PASSWORD_LENGTH) })}
          value={password}
          onChange={setPassword}
          error={error}
          autoComplete="new-password"
          maxLength={MAX_PASSWORD_LENGTH}
          required
        />
        <div>
          <button type="submit">{busy ? t('account.user.saving') : t('account.user.setPassword')}</button>
        </div>
      </form>
    </section>
  );
}
