import type { AssetInfo } from '../../../../../src/domain/assetUpload.js';
import { ApiError, currentCsrfToken } from '../../../api.js';

/**
 * Uploads a picture to POST /api/assets (multipart: the alt text in "alt", the file in "file")
 * with the session's CSRF token, reporting how much has been sent. fetch cannot report an
 * upload's progress, so this request uses XMLHttpRequest, as the import page's upload does;
 * errors become the same ApiError as every other call (the server's Swedish message and the
 * problems per field).
 */
export function uploadAsset(file: File, alt: string, onProgress: (sent: number, total: number) => void): Promise<AssetInfo> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/assets');
    xhr.setRequestHeader('accept', 'application/json');
    const token = currentCsrfToken();
    if (token !== null) xhr.setRequestHeader('x-csrf-token', token);
    xhr.responseType = 'text';
    xhr.upload.onprogress = (event) => onProgress(event.loaded, event.lengthComputable ? event.total : file.size);
    xhr.onerror = () => reject(new ApiError(0, 'Servern svarar inte. Kontrollera nätverket eller att Styrkort är igång, och försök igen.'));
    xhr.onload = () => {
      let body: unknown;
      try {
        body = xhr.responseText === '' ? null : JSON.parse(xhr.responseText);
      } catch {
        body = null;
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        resolve(body as AssetInfo);
        return;
      }
      const error = (body as { error?: { code?: string; message?: string; requestId?: string; details?: Array<{ where: string | null; message: string }> } } | null)?.error;
      reject(new ApiError(xhr.status, error?.message ?? `Servern svarade ${xhr.status} ${xhr.statusText}`, error?.requestId ?? null, error?.code ?? null, error?.details ?? []));
    };
    const form = new FormData();
    form.append('alt', alt);
    form.append('file', file, file.name);
    xhr.send(form);
  });
}
