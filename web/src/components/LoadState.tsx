import type { ReactNode } from 'react';
import type { Loadable } from '../api.js';
import { useI18n } from '../i18n/I18n.js';

/** Loading, error and empty states that say what is going on and what to do. */
export function Loading({ what }: { what: string }) {
  const { t } = useI18n();
  return (
    <p className="loading" role="status">
      <span className="spinner" aria-hidden="true" />
      {t('state.loading', { what })}
    </p>
  );
}

export function ErrorMessage({ error, what, retry }: { error: { message: string; status: number; requestId: string | null }; what: string; retry?: () => void }) {
  const { t } = useI18n();
  return (
    <div className="notice notice-error" role="alert">
      <p>
        <strong>{t('state.error', { what })}</strong>
      </p>
      <p>
        {error.status === 404 ? t('state.notFound') : ''} <span lang="sv">{error.message}</span>
      </p>
      {error.requestId ? <p className="muted">{t('state.requestId', { id: error.requestId })}</p> : null}
      {retry ? (
        <button type="button" onClick={retry}>
          {t('state.retry')}
        </button>
      ) : null}
    </div>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return <div className="notice notice-empty">{children}</div>;
}

/** Renders a loadable: loading and error states here, the data through `children`. */
export function Async<T>({ value, what, children }: { value: Loadable<T> & { retry?: () => void }; what: string; children: (data: T) => ReactNode }) {
  if (value.state === 'loading') return <Loading what={what} />;
  if (value.state === 'error') return <ErrorMessage error={value.error} what={what} {...(value.retry ? { retry: value.retry } : {})} />;
  return <>{children(value.data)}</>;
}
