import { useCallback, useEffect, useState } from 'react';

/**
 * The one way the app talks to the server: GET JSON from /api, errors as ApiError with the
 * server's Swedish message (it says what happened) and the request id to quote.
 */
export class ApiError extends Error {
  readonly status: number;
  readonly requestId: string | null;

  constructor(status: number, message: string, requestId: string | null = null) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.requestId = requestId;
  }
}

interface ErrorBody {
  error?: { message?: string; requestId?: string };
}

export async function getJson<T>(url: string, signal?: AbortSignal): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, { headers: { accept: 'application/json' }, ...(signal ? { signal } : {}) });
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw new ApiError(0, 'Servern svarar inte. Kontrollera nätverket eller att Styrkort är igång, och försök igen.');
  }
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as ErrorBody | null;
    throw new ApiError(response.status, body?.error?.message ?? `Servern svarade ${response.status} ${response.statusText}`, body?.error?.requestId ?? null);
  }
  return (await response.json()) as T;
}

export type Loadable<T> = { state: 'loading' } | { state: 'error'; error: ApiError } | { state: 'ok'; data: T };

/** Loads a URL (null = nothing to load yet) and reloads when it changes; `retry` loads again. */
export function useApi<T>(url: string | null): Loadable<T> & { retry: () => void } {
  const [result, setResult] = useState<{ url: string | null; value: Loadable<T> }>({ url: null, value: { state: 'loading' } });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    if (url === null) return;
    const controller = new AbortController();
    setResult({ url, value: { state: 'loading' } });
    getJson<T>(url, controller.signal).then(
      (data) => setResult({ url, value: { state: 'ok', data } }),
      (error: unknown) => {
        if ((error as Error).name === 'AbortError') return;
        setResult({ url, value: { state: 'error', error: error instanceof ApiError ? error : new ApiError(0, (error as Error).message) } });
      },
    );
    return () => controller.abort();
  }, [url, attempt]);
  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  // a result for another URL is stale: show loading until the new one arrives
  const value: Loadable<T> = url === null || result.url !== url ? { state: 'loading' } : result.value;
  return { ...value, retry };
}

/** A query string from values; null and '' are left out. */
export function query(params: Record<string, string | null | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== null && value !== undefined && value !== '') search.set(key, value);
  const text = search.toString();
  return text === '' ? '' : `?${text}`;
}
