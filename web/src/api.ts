import { useCallback, useEffect, useState } from 'react';

/**
 * The one way the app talks to the server: GET JSON from /api and send changes with the CSRF
 * token; errors as ApiError with the server's Swedish message (it says what happened), the
 * problems per field, and the request id to quote.
 */
export class ApiError extends Error {
  readonly status: number;
  readonly requestId: string | null;
  /** The server's machine-readable code ("invalid_input", "forbidden" …), when it sent one. */
  readonly code: string | null;
  /** Per-field problems: `where` is the field's path ("body.blocks.0.indicator"), `message` Swedish. */
  readonly details: ReadonlyArray<{ where: string | null; message: string }>;

  constructor(status: number, message: string, requestId: string | null = null, code: string | null = null, details: ReadonlyArray<{ where: string | null; message: string }> = []) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.requestId = requestId;
    this.code = code;
    this.details = details;
  }

  /** The Swedish message for one field, matched on the end of the server's path ("blocks.0.title"). */
  fieldMessage(field: string): string | null {
    const hit = this.details.find((d) => d.where !== null && (d.where === field || d.where.endsWith(`.${field}`)));
    return hit ? hit.message : null;
  }
}

interface ErrorBody {
  error?: { code?: string; message?: string; requestId?: string; details?: Array<{ where: string | null; message: string }> };
}

/*
 * The session's CSRF token, sent as X-CSRF-Token with every change (the server refuses changes
 * without it). Set by the session (session/Session.tsx) when it learns who is logged in.
 */
let csrfToken: string | null = null;
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}
/** The token, for the one request fetch cannot make: an upload that reports its progress (XMLHttpRequest). */
export function currentCsrfToken(): string | null {
  return csrfToken;
}

/* Told when the server answers 401: the session has ended (logged out elsewhere, timed out, disabled). */
let unauthenticated: () => void = () => undefined;
export function onUnauthenticated(listener: () => void): void {
  unauthenticated = listener;
}

/*
 * Told after a change reached the server (any answer but 401): the server counts it as activity
 * and moves the session's idle deadline, so the session reads its new deadline (session/Session.tsx).
 * Changes to /api/auth/ manage the session themselves and are not reported.
 */
let changed: () => void = () => undefined;
export function onActivity(listener: () => void): void {
  changed = listener;
}

async function failure(response: Response): Promise<ApiError> {
  const body = (await response.json().catch(() => null)) as ErrorBody | null;
  return new ApiError(response.status, body?.error?.message ?? `Servern svarade ${response.status} ${response.statusText}`, body?.error?.requestId ?? null, body?.error?.code ?? null, body?.error?.details ?? []);
}

const OFFLINE = 'Servern svarar inte. Kontrollera nätverket eller att Styrkort är igång, och försök igen.';

export async function getJson<T>(url: string, signal?: AbortSignal): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, { headers: { accept: 'application/json' }, ...(signal ? { signal } : {}) });
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw new ApiError(0, OFFLINE);
  }
  if (!response.ok) {
    if (response.status === 401) unauthenticated();
    throw await failure(response);
  }
  return (await response.json()) as T;
}

/**
 * A change: POST, PUT, PATCH or DELETE with a JSON body (or a FormData upload), the CSRF token,
 * and the answer's JSON (null for 204). Errors as ApiError with the per-field details.
 */
export async function send<T = unknown>(method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (csrfToken !== null) headers['x-csrf-token'] = csrfToken;
  let payload: BodyInit | undefined;
  if (body instanceof FormData) payload = body;
  else if (body !== undefined) {
    headers['content-type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  let response: Response;
  try {
    response = await fetch(url, { method, headers, ...(payload === undefined ? {} : { body: payload }) });
  } catch {
    throw new ApiError(0, OFFLINE);
  }
  if (response.status !== 401 && !url.startsWith('/api/auth/')) changed();
  if (!response.ok) {
    if (response.status === 401) unauthenticated();
    throw await failure(response);
  }
  if (response.status === 204) return null as T;
  const text = await response.text();
  return (text === '' ? null : JSON.parse(text)) as T;
}

/**
 * POSTs a multipart form with the session's CSRF token, reporting how much has been sent (of
 * `size` where the browser cannot tell). fetch cannot report an upload's progress, so uploads use
 * XMLHttpRequest; errors become the same ApiError as every other call (the server's Swedish
 * message and the problems per field). Aborted through `signal`: an AbortError.
 */
export function uploadForm<T>(url: string, form: FormData, size: number, onProgress: (sent: number, total: number) => void, signal?: AbortSignal): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.setRequestHeader('accept', 'application/json');
    const token = currentCsrfToken();
    if (token !== null) xhr.setRequestHeader('x-csrf-token', token);
    xhr.responseType = 'text';
    xhr.upload.onprogress = (event) => onProgress(event.loaded, event.lengthComputable ? event.total : size);
    xhr.onerror = () => reject(new ApiError(0, 'Servern svarar inte. Kontrollera nätverket eller att Styrkort är igång, och försök igen.'));
    xhr.onabort = () => reject(new DOMException('Uppladdningen avbröts', 'AbortError'));
    xhr.onload = () => {
      let body: unknown;
      try {
        body = xhr.responseText === '' ? null : JSON.parse(xhr.responseText);
      } catch {
        body = null;
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        resolve(body as T);
        return;
      }
      const error = (body as { error?: { code?: string; message?: string; requestId?: string; details?: Array<{ where: string | null; message: string }> } } | null)?.error;
      reject(new ApiError(xhr.status, error?.message ?? `Servern svarade ${xhr.status} ${xhr.statusText}`, error?.requestId ?? null, error?.code ?? null, error?.details ?? []));
    };
    signal?.addEventListener('abort', () => xhr.abort());
    xhr.send(form);
  });
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
