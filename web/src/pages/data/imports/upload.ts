import { ApiError, currentCsrfToken } from '../../../api.js';
import type { ImportSessionView } from './types.js';

/**
 * Uploads a file to POST /api/imports with the session's CSRF token and reports how much has
 * been sent. fetch cannot report an upload's progress, so this one request uses XMLHttpRequest;
 * errors become the same ApiError as every other call (the server's Swedish message).
 */
export function uploadImportFile(file: File, onProgress: (sent: number, total: number) => void, signal?: AbortSignal): Promise<ImportSessionView> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/imports');
    xhr.setRequestHeader('accept', 'application/json');
    const token = currentCsrfToken();
    if (token !== null) xhr.setRequestHeader('x-csrf-token', token);
    xhr.responseType = 'text';
    xhr.upload.onprogress = (event) => onProgress(event.loaded, event.lengthComputable ? event.total : file.size);
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
        resolve(body as ImportSessionView);
        return;
      }
      const error = (body as { error?: { code?: string; message?: string; requestId?: string; details?: Array<{ where: string | null; message: string }> } } | null)?.error;
      reject(new ApiError(xhr.status, error?.message ?? `Servern svarade ${xhr.status} ${xhr.statusText}`, error?.requestId ?? null, error?.code ?? null, error?.details ?? []));
    };
    signal?.addEventListener('abort', () => xhr.abort());
    const form = new FormData();
    form.append('file', file, file.name);
    xhr.send(form);
  });
}
