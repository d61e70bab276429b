import { DEFAULT_MAX_UPLOAD_BYTES } from './importSessions.js';
import { DEFAULT_KOLADA_URL } from './koladaSync.js';

/** How the HTTP server takes imports: the upload size limit and where Kolada is. */
export interface ImportSettings {
  maxUploadBytes: number;
  koladaUrl: string;
}

export const DEFAULT_IMPORT_SETTINGS: ImportSettings = { maxUploadBytes: DEFAULT_MAX_UPLOAD_BYTES, koladaUrl: DEFAULT_KOLADA_URL };
