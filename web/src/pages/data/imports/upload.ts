import { uploadForm } from '../../../api.js';
import type { ImportSessionView } from './types.js';

/** Uploads a file to POST /api/imports, reporting how much has been sent. */
export function uploadImportFile(file: File, onProgress: (sent: number, total: number) => void, signal?: AbortSignal): Promise<ImportSessionView> {
  const form = new FormData();
  form.append('file', file, file.name);
  return uploadForm<ImportSessionView>('/api/imports', form, file.size, onProgress, signal);
}
