import { useCallback, useEffect, useId, useRef, useState, type KeyboardEvent, type SyntheticEvent } from 'react';
import { ApiError, send } from '../api.js';
import { useI18n } from '../i18n/I18n.js';
import { useSession, useSessionClock, type SessionInfo } from './Session.js';

/**
 * The idle warning (WCAG 2.2.1 Timing Adjustable): a modal alert dialog shortly before the
 * session's idle deadline, counting down on the server's clock. One key keeps the session: Enter
 * on the focused "Fortsätt vara inloggad" button, or Escape. Focus moves into the dialog and back
 * to where it was. Before warning and before ending, the server is asked again, so activity in
 * another tab (which moved the deadline) is not mistaken for idleness. When the deadline has
 * passed the session is ended on the server too, and the login page says why.
 */
export const WARN_BEFORE_MS = 2 * 60_000;

/** When the warning shows: two minutes before the deadline, or halfway for very short idle times. */
export function warningLead(idleMs: number | null): number {
  return idleMs === null ? WARN_BEFORE_MS : Math.min(WARN_BEFORE_MS, Math.floor(idleMs / 2));
}

/** Later than the deadline we know by more than clock jitter: activity elsewhere moved it. */
const MOVED_MS = 1000;

export function IdleWarning() {
  const { t } = useI18n();
  const { session, accept, end } = useSession();
  const clock = useSessionClock();
  const [open, setOpen] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [, setTick] = useState(0);
  const dialog = useRef<HTMLDialogElement>(null);
  const keep = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef<HTMLElement | null>(null);
  const checking = useRef(false);
  const busy = useRef(false);
  const shown = useRef(false);
  const ids = { title: useId(), text: useId() };

  const deadline = clock?.idleExpiresAt ?? null;
  const offset = clock?.offsetMs ?? 0;
  const serverNow = useCallback(() => Date.now() + offset, [offset]);
  // the idle deadline is the absolute one: extending cannot help, the warning only says so
  const final = clock !== null && deadline !== null && clock.absoluteExpiresAt !== null && clock.absoluteExpiresAt <= deadline;

  /**
   * The server's view; null when the session has already ended there. Asked with fetch itself,
   * not getJson: a 401 here is expected, and this component says why the session ended.
   */
  const ask = useCallback(async (): Promise<SessionInfo | null> => {
    const response = await fetch('/api/auth/session', { headers: { accept: 'application/json' } });
    if (response.status === 401) return null;
    if (!response.ok) throw new ApiError(response.status, response.statusText);
    return (await response.json()) as SessionInfo;
  }, []);

  const expire = useCallback(async () => {
    const fresh = await ask();
    if (fresh === null) return end('idle');
    if (deadline !== null && fresh.idleExpiresAt !== null && Date.parse(fresh.idleExpiresAt) > deadline + MOVED_MS) return accept(fresh);
    // idle on the server's clock as we measure it: end the session there too
    try {
      await send('POST', '/api/auth/logout');
    } finally {
      end('idle');
    }
  }, [ask, accept, end, deadline]);

  const warn = useCallback(async () => {
    const fresh = await ask();
    if (fresh === null) return end('expired');
    if (deadline !== null && fresh.idleExpiresAt !== null && Date.parse(fresh.idleExpiresAt) > deadline + MOVED_MS) return accept(fresh);
    setOpen(true);
  }, [ask, accept, end, deadline]);

  // plan the next step from the deadline: the warning, then the end; again after a sleep or a tab switch
  // a new deadline (extended here, in another tab, or by a change): no warning until it nears
  useEffect(() => setOpen(false), [deadline]);

  useEffect(() => {
    if (deadline === null) return;
    let timer: number | undefined;
    let warned = false;
    const plan = () => {
      window.clearTimeout(timer);
      const left = deadline - serverNow();
      const step = (work: () => Promise<void>) => {
        if (checking.current) return;
        checking.current = true;
        work()
          .catch(() => undefined) // the server did not answer: try again at the next step
          .finally(() => {
            checking.current = false;
          });
      };
      if (left <= 0) {
        step(expire);
        timer = window.setTimeout(plan, 5000);
        return;
      }
      const lead = warningLead(clock?.idleMs ?? null);
      if (left <= lead) {
        if (!warned) {
          warned = true;
          step(warn);
        }
        timer = window.setTimeout(plan, Math.min(left, 1000));
        setTick((n) => n + 1);
        return;
      }
      timer = window.setTimeout(plan, left - lead);
    };
    plan();
    const visible = () => {
      if (document.visibilityState === 'visible') plan();
    };
    document.addEventListener('visibilitychange', visible);
    return () => {
      window.clearTimeout(timer);
      document.removeEventListener('visibilitychange', visible);
    };
  }, [deadline, serverNow, clock?.idleMs, warn, expire]);

  // the dialog is modal (the page behind is inert); focus goes in, and back where it was
  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !shown.current) {
      shown.current = true;
      returnFocus.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      setFailure(null);
      if (!element.open) element.showModal();
      keep.current?.focus();
    } else if (!open && shown.current) {
      shown.current = false;
      if (element.open) element.close();
      const back = returnFocus.current;
      returnFocus.current = null;
      if (back?.isConnected) back.focus();
      else document.querySelector<HTMLElement>('main h1')?.focus();
    }
  }, [open]);

  const extend = useCallback(async () => {
    if (busy.current) return;
    if (final) return setOpen(false);
    busy.current = true;
    try {
      accept(await send<SessionInfo>('POST', '/api/auth/session/extend'));
      setOpen(false);
    } catch (error) {
      // 401: the session had already ended; the login page follows (api.ts → end)
      if (!(error instanceof ApiError && error.status === 401)) {
        setFailure(error instanceof ApiError ? error.message : String(error));
        if (dialog.current && !dialog.current.open) dialog.current.showModal();
        keep.current?.focus();
      }
    } finally {
      busy.current = false;
    }
  }, [final, accept]);

  const logoutNow = useCallback(async () => {
    try {
      await send('POST', '/api/auth/logout');
    } finally {
      end('logout');
    }
  }, [end]);

  // Escape keeps the session too (one key), instead of just closing the warning
  const onKeyDown = (event: KeyboardEvent<HTMLDialogElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      void extend();
    }
  };
  const onCancel = (event: SyntheticEvent<HTMLDialogElement>) => {
    event.preventDefault();
    void extend();
  };

  if (session === null) return null;
  const left = deadline === null ? 0 : Math.max(0, deadline - serverNow());
  const minutes = Math.floor(Math.ceil(left / 1000) / 60);
  const seconds = Math.ceil(left / 1000) % 60;
  const time = t('account.idle.time', { minutes: String(minutes), seconds: String(seconds) });

  return (
    <dialog ref={dialog} className="idle-warning" role="alertdialog" aria-modal="true" aria-labelledby={ids.title} aria-describedby={ids.text} onKeyDown={onKeyDown} onCancel={onCancel}>
      <h2 id={ids.title}>{t('account.idle.title')}</h2>
      <div id={ids.text}>
        <p>
          {final ? t('account.idle.final', { time }) : t('account.idle.text', { time })}
        </p>
        {final ? null : <p>{t('account.idle.keys')}</p>}
      </div>
      {failure ? (
        <p className="notice notice-error" role="alert">
          <span lang="sv">{failure}</span>
        </p>
      ) : null}
      <div className="idle-actions">
        <button ref={keep} type="button" onClick={() => void extend()}>
          {final ? t('account.idle.close') : t('account.idle.keep')}
        </button>
        <button type="button" className="button-secondary" onClick={() => void logoutNow()}>
          {t('account.logout')}
        </button>
      </div>
    </dialog>
  );
}
