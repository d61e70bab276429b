import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import type { Permission, Role } from '../../../src/domain/access.js';
import { ApiError, getJson, onActivity, onUnauthenticated, send, setCsrfToken } from '../api.js';
import { ErrorMessage, Loading } from '../components/LoadState.js';
import { useI18n } from '../i18n/I18n.js';

/** GET /api/auth/session: who is logged in, what they may do, and when the session ends. */
export interface SessionInfo {
  user: { id: string; displayName: string; username: string | null; email: string | null; personId: string | null };
  roles: Role[];
  permissions: Permission[];
  csrfToken: string | null;
  idleExpiresAt: string | null;
  absoluteExpiresAt: string | null;
  idleSeconds: number | null;
  serverTime: string;
}

/** Why the last session ended: logged out by the user, by the idle timeout, or found ended by the server (401). */
export type SessionEnd = 'logout' | 'idle' | 'expired';

type State = { state: 'loading' } | { state: 'error'; error: ApiError } | { state: 'anonymous'; ended: SessionEnd | null } | { state: 'in'; session: SessionInfo };

/**
 * The session's deadlines on the server's clock (epoch ms), and how far the server's clock is
 * ahead of the browser's (`offsetMs`, measured when the answer arrived): the idle warning counts
 * down on the server's time, whatever the browser's clock says.
 */
export interface SessionClock {
  idleExpiresAt: number | null;
  absoluteExpiresAt: number | null;
  idleMs: number | null;
  offsetMs: number;
}

function clockOf(session: SessionInfo): SessionClock {
  const at = (iso: string | null) => (iso === null ? null : Date.parse(iso));
  return {
    idleExpiresAt: at(session.idleExpiresAt),
    absoluteExpiresAt: at(session.absoluteExpiresAt),
    idleMs: session.idleSeconds === null ? null : session.idleSeconds * 1000,
    offsetMs: Date.parse(session.serverTime) - Date.now(),
  };
}

/** Same user, roles and token: the pages keep the session object they have (only deadlines moved). */
function sameIdentity(a: SessionInfo, b: SessionInfo): boolean {
  return (
    a.user.id === b.user.id &&
    a.user.displayName === b.user.displayName &&
    a.user.personId === b.user.personId &&
    a.csrfToken === b.csrfToken &&
    a.roles.join() === b.roles.join() &&
    a.permissions.join() === b.permissions.join()
  );
}

export interface SessionApi {
  /** The logged-in user, or null (also while loading). */
  session: SessionInfo | null;
  can: (permission: Permission) => boolean;
  /** After a login or an extension: the server's answer becomes the session. */
  accept: (session: SessionInfo) => void;
  /** Asks the server again (after the idle deadline, or when an answer said 401). */
  refresh: () => Promise<void>;
  /** Ends the session on the server; throws ApiError when the server could not be reached. */
  logout: () => Promise<void>;
  /** The session is over (the server has ended it): show the login page, saying why. */
  end: (why: SessionEnd) => void;
  /** Why the last session ended, while nobody is logged in (for the login page to say). */
  ended: SessionEnd | null;
}

const SessionContext = createContext<(SessionApi & { state: State }) | null>(null);
const ClockContext = createContext<SessionClock | null>(null);

/** The logged-in session's deadlines (null when nobody is logged in); see SessionClock. */
export function useSessionClock(): SessionClock | null {
  return useContext(ClockContext);
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<State>({ state: 'loading' });
  const [clock, setClock] = useState<SessionClock | null>(null);

  const accept = useCallback((session: SessionInfo) => {
    setCsrfToken(session.csrfToken);
    setClock(clockOf(session));
    setState((s) => (s.state === 'in' && sameIdentity(s.session, session) ? s : { state: 'in', session }));
  }, []);

  const end = useCallback((why: SessionEnd) => {
    setCsrfToken(null);
    setClock(null);
    setState((s) => (s.state === 'in' ? { state: 'anonymous', ended: why } : s));
  }, []);

  const refresh = useCallback(async () => {
    try {
      accept(await getJson<SessionInfo>('/api/auth/session'));
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) {
        setCsrfToken(null);
        setClock(null);
        setState((s) => ({ state: 'anonymous', ended: s.state === 'in' ? 'expired' : s.state === 'anonymous' ? s.ended : null }));
      } else setState({ state: 'error', error: error instanceof ApiError ? error : new ApiError(0, (error as Error).message) });
    }
  }, [accept]);

  const logout = useCallback(async () => {
    try {
      await send('POST', '/api/auth/logout');
    } catch (error) {
      // 401: already ended on the server; anything else: the session may live on, so say so
      if (!(error instanceof ApiError && error.status === 401)) throw error;
    }
    setCsrfToken(null);
    setClock(null);
    setState({ state: 'anonymous', ended: 'logout' });
  }, []);

  // a change moved the idle deadline on the server: read it (once per burst of changes), unless
  // the session has ended meanwhile (an answer from before a logout must not log back in)
  const activityTimer = useRef<number | null>(null);
  const loggedIn = useRef(false);
  loggedIn.current = state.state === 'in';
  useEffect(() => {
    // any 401 means the session is over: the login page is shown (RequireLogin), saying why
    onUnauthenticated(() => end('expired'));
    onActivity(() => {
      if (activityTimer.current !== null) window.clearTimeout(activityTimer.current);
      activityTimer.current = window.setTimeout(() => {
        activityTimer.current = null;
        if (!loggedIn.current) return;
        getJson<SessionInfo>('/api/auth/session').then(
          (fresh) => {
            if (loggedIn.current) accept(fresh);
          },
          () => undefined,
        );
      }, 250);
    });
    // a page restored from the back/forward cache may show data of a session that has ended
    const restored = (event: PageTransitionEvent) => {
      if (event.persisted) void refresh();
    };
    window.addEventListener('pageshow', restored);
    void refresh();
    return () => window.removeEventListener('pageshow', restored);
  }, [refresh, accept, end]);

  const value = useMemo(() => {
    const session = state.state === 'in' ? state.session : null;
    const granted = new Set(session?.permissions ?? []);
    const ended = state.state === 'anonymous' ? state.ended : null;
    return { state, session, can: (p: Permission) => granted.has(p), accept, refresh, logout, end, ended };
  }, [state, accept, refresh, logout, end]);

  return (
    <SessionContext.Provider value={value}>
      <ClockContext.Provider value={state.state === 'in' ? clock : null}>{children}</ClockContext.Provider>
    </SessionContext.Provider>
  );
}

export function useSession(): SessionApi {
  const context = useContext(SessionContext);
  if (!context) throw new Error('useSession utanför SessionProvider');
  return context;
}

export const LOGIN_PATH = '/logga-in';

/** Pages behind a login: an anonymous visitor is sent to the login page and comes back after. */
export function RequireLogin({ children }: { children: ReactNode }) {
  const context = useContext(SessionContext);
  const location = useLocation();
  const { t } = useI18n();
  if (!context) throw new Error('RequireLogin utanför SessionProvider');
  const { state } = context;
  if (state.state === 'loading') return <Loading what={t('account.what.session')} />;
  if (state.state === 'error') return <ErrorMessage error={state.error} what={t('account.what.session')} retry={() => void context.refresh()} />;
  if (state.state === 'anonymous') {
    const back = `${location.pathname}${location.search}${location.hash}`;
    return <Navigate to={`${LOGIN_PATH}?tillbaka=${encodeURIComponent(back)}`} replace />;
  }
  return <>{children}</>;
}
