import { useCallback, useEffect, useState } from 'react';
import { ApiError, getJson } from '../../../api.js';
import type { ImportSessionView } from './types.js';

const POLL_MS = 400;

/**
 * An upload on the server while it is analysed or committed: polls GET /api/imports/:id until
 * the work is done. `set` takes the answer of a request that started work (202 from upload,
 * analyse or commit); polling follows from there.
 */
export function useImportSession() {
  const [session, setSession] = useState<ImportSessionView | null>(null);
  const [pollError, setPollError] = useState<ApiError | null>(null);
  const busy = session !== null && (session.status === 'analysing' || session.status === 'committing');

  useEffect(() => {
    if (!session || !busy) return;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      getJson<ImportSessionView>(`/api/imports/${session.id}`, controller.signal).then(setSession, (error: unknown) => {
        if ((error as Error).name === 'AbortError') return;
        setPollError(error instanceof ApiError ? error : new ApiError(0, (error as Error).message));
        setSession(null);
      });
    }, POLL_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [session, busy]);

  const set = useCallback((next: ImportSessionView | null) => {
    setPollError(null);
    setSession(next);
  }, []);
  return { session, busy, pollError, set };
}
