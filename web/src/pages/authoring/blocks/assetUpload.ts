import type { AssetInfo } from '../../../../../src/domain/assetUpload.js';
import { uploadForm } from '../../../api.js';

/** Uploads a picture to POST /api/assets (multipart: the alt text in "alt", the file in "file"), reporting how much has been sent. */
export function uploadAsset(file: File, alt: string, onProgress: (sent: number, total: number) => void): Promise<AssetInfo> {
  const form = new FormData();
  form.append('alt', alt);
  form.append('file', file, file.name);
  return uploadForm<AssetInfo>('/api/assets', form, file.size, onProgress);
}
