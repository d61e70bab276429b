import { useId, useState, type FormEvent } from 'react';
import { Navigate, useSearchParams } from 'react-router';
import { safeReturnPath } from '../../../../src/domain/origin.js';
import { ApiError, send, useApi } from '../../api.js';
import { usePageTitle } from '../../components/Page.js';
import { useI18n } from '../../i18n/I18n.js';
import { LOGIN_PATH, useSession, type SessionInfo } from '../../session/Session.js';

/**
 * Only a path on this site may be returned to after login (never "//elsewhere", "https:…" or
 * "/\t/elsewhere"), and never the login page itself. The same rule as the server's.
 */
export function safeReturn(raw: string | null): string {
  const path = safeReturnPath(raw);
  return path === LOGIN_PATH || path.startsWith(`${LOGIN_PATH}?`) ? '/' : path;
}

const ENDED = {
  logout: 'account.ended.logout',
  idle: 'account.ended.idle',
  expired: 'account.ended.expired',
} as const;

const OIDC_FAILURES: Record<string, 'account.login.oidcState' | 'account.login.oidcCancelled' | 'account.login.disabled'> = {
  'oidc-tillstand': 'account.login.oidcState',
  'oidc-avbruten': 'account.login.oidcCancelled',
  avstangd: 'account.login.disabled',
};

/**
 * /logga-in: the region's login (OpenID Connect) when the server offers it, and local accounts.
 * Errors are shown next to the form and announced; the field in error gets focus.
 */
export function LoginPage() {
  const { t } = useI18n();
  const { session, accept, ended } = useSession();
  const [params] = useSearchParams();
  const back = safeReturn(params.get('tillbaka'));
  const providers = useApi<{ password: true; oidc: boolean; oidcStart: string | null }>('/api/auth/providers');
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ field: 'username' | 'password' | null; message: string } | null>(() => {
    // back from the region's login with ?fel=…: say why it did not work
    const code = params.get('fel');
    return code === null ? null : { field: null, message: t(OIDC_FAILURES[code] ?? 'account.login.oidcFailed') };
  });
  const ids = { username: useId(), password: useId(), error: useId() };
  usePageTitle(t('account.login.title'));

  if (session) return <Navigate to={back} replace />;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (username.trim() === '') {
      setError({ field: 'username', message: t('account.login.missing', { field: t('account.login.username').toLowerCase() }) });
      document.getElementById(ids.username)?.focus();
      return;
    }
    if (password === '') {
      setError({ field: 'password', message: t('account.login.missing', { field: t('account.login.password').toLowerCase() }) });
      document.getElementById(ids.password)?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      accept(await send<SessionInfo>('POST', '/api/auth/login', { username: username.trim(), password }));
    } catch (e) {
      setError({ field: null, message: e instanceof ApiError ? e.message : t('account.login.failed') });
      setPassword('');
      setBusy(false);
      // the password is cleared: type it again (the message is read out with the field)
      window.setTimeout(() => document.getElementById(ids.password)?.focus(), 0);
    }
  };

  const oidcStart = providers.state === 'ok' ? providers.data.oidcStart : null;
  return (
    <section className="login" aria-labelledby="login-title">
      <h1 id="login-title" tabIndex={-1}>
        {t('account.login.title')}
      </h1>
      {ended && !error ? (
        ended === 'logout' ? (
          <p className="notice" role="status">
            {t(ENDED[ended])}
          </p>
        ) : (
          <div className="notice notice-error" role="alert">
            <p>{t(ENDED[ended])}</p>
          </div>
        )
      ) : null}
      <p>{t('account.login.intro')}</p>
      {oidcStart ? (
        <>
          <p>
            <a className="button" href={`${oidcStart}?returnTo=${encodeURIComponent(back)}`}>
              {t('account.login.oidc')}
            </a>
          </p>
          <p className="muted">{t('account.login.or')}</p>
        </>
      ) : null}
      <form onSubmit={(e) => void submit(e)} noValidate className="form" aria-describedby={error ? ids.error : undefined}>
        {error ? (
          <div id={ids.error} className="notice notice-error" role="alert">
            <p>
              <strong>{t('account.login.failed')}</strong> <span lang="sv">{error.message}</span>
            </p>
          </div>
        ) : null}
        <div className="field">
          <label htmlFor={ids.username}>{t('account.login.username')}</label>
          <input
            id={ids.username}
            name="username"
            autoComplete="username"
            value={username}
            onChange={(e) => setUsername(e.target.value)}
            aria-invalid={error?.field === 'username' ? true : undefined}
            aria-describedby={error?.field === 'username' ? ids.error : undefined}
          />
        </div>
        <div className="field">
          <label htmlFor={ids.password}>{t('account.login.password')}</label>
          <input
            id={ids.password}
            name="password"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            aria-invalid={error?.field === 'password' ? true : undefined}
            aria-describedby={error && error.field !== 'username' ? ids.error : undefined}
          />
        </div>
        <button type="submit" disabled={busy}>
          {busy ? t('account.login.busy') : t('account.login.submit')}
        </button>
      </form>
    </section>
  );
}
