import { useState } from 'react';
import { ApiError } from '../api.js';
import { useI18n } from '../i18n/I18n.js';
import { roleName } from './roles.js';
import { useSession } from './Session.js';

/**
 * The header's account part: who is logged in, with their roles, and "Logga ut". Logging out
 * ends the session on the server; if the server cannot be reached the user is told, since the
 * session would still be alive.
 */
export function AccountBar() {
  const { t } = useI18n();
  const { session, logout } = useSession();
  const [failure, setFailure] = useState<string | null>(null);
  if (!session) return null;
  const roles = session.roles.map((r) => roleName(t, r)).join(', ');
  return (
    <div className="account">
      <span className="muted">
        {t('account.loggedInAs', { name: session.user.displayName })}
        {roles === '' ? null : <span className="account-roles"> ({roles})</span>}
      </span>
      <button
        type="button"
        className="link-button"
        onClick={() => {
          setFailure(null);
          logout().catch((error: unknown) => setFailure(error instanceof ApiError ? error.message : String(error)));
        }}
      >
        {t('account.logout')}
      </button>
      {failure ? (
        <p className="notice notice-error account-error" role="alert">
          {t('account.logoutFailed')} <span lang="sv">{failure}</span>
        </p>
      ) : null}
    </div>
  );
}
