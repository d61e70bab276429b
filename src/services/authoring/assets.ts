import { createHash } from 'node:crypto';
import {
  ASSET_MEDIA_TYPES,
  assetFormatOf,
  assetIdBase,
  assetUpdateInput,
  assetUploadInput,
  cleanFileName,
  formatProblem,
  MAX_ASSET_BYTES,
  sniffFormat,
  storedFileName,
  tooLargeMessage,
  type AssetInfo,
  type AssetSummary,
} from '../../domain/assetUpload.js';
import { uniqueId } from '../../domain/authoring.js';
import { StyrkortError } from '../../domain/errors.js';
import { inActorTransaction, type Actor } from '../../db/actor.js';
import { assetSummaries, findAssetRow, insertAssetUnlessTaken, updateAssetText, type AssetRow } from '../../db/repositories/assets.js';
import { existingIds } from '../../db/repositories/authoring.js';
import type { Store } from '../store.js';
import { imageSize, normaliseImage } from './image.js';
import { invalid, parseInput } from './input.js';

/**
 * Pictures for image blocks, uploaded by editors (issue 13): PNG or JPEG as the bytes say, at most
 * 20 MB and 40 megapixels, re-encoded (services/authoring/image.ts) so only the picture is
 * stored, with a required alt text. The id is the file name's slug, made unique. Everything is
 * checked before the one insert, so a refused file leaves nothing behind; the write runs as the
 * request's actor, so the audit trail has who (the trigger on `asset`: migration
 * 20261208T0900).
 */
const UPLOAD = 'Bilden kan inte laddas upp';
const UPDATE = 'Bilden kan inte ändras';

export interface AssetUpload {
  fileName: string;
  bytes: Buffer;
  /** Null when the form had no alt text. */
  alt: string | null;
}

async function infoOf(row: AssetRow): Promise<AssetInfo> {
  const size = assetFormatOf(row.mediaType) === null ? null : await imageSize(row.bytes);
  return { id: row.id, fileName: row.fileName, mediaType: row.mediaType, width: size?.width ?? null, height: size?.height ?? null, alt: row.alt, bytes: row.bytes.length };
}

export async function uploadAsset(db: Store, upload: AssetUpload, actor: Actor): Promise<AssetInfo> {
  const shownName = cleanFileName(upload.fileName) || 'bilden';
  // before anything is decoded: a file past the limit is not looked at
  if (upload.bytes.length > MAX_ASSET_BYTES) throw new StyrkortError('too_large', tooLargeMessage(shownName, upload.bytes.length), [{ where: 'file', message: 'för stor' }]);
  if (upload.bytes.length === 0) throw invalid(UPLOAD, [{ where: 'file', message: `filen "${shownName}" är tom` }]);
  const input = parseInput(assetUploadInput, { fileName: upload.fileName, alt: upload.alt }, UPLOAD);
  const format = sniffFormat(upload.bytes);
  if (format !== 'png' && format !== 'jpeg') throw new StyrkortError('invalid_input', formatProblem(input.fileName, format) ?? UPLOAD, [{ where: 'file', message: 'ska vara en PNG- eller JPEG-bild' }]);
  const image = await normaliseImage(input.fileName, upload.bytes, format);
  const fileName = storedFileName(input.fileName, image.format);
  const row = { fileName, mediaType: ASSET_MEDIA_TYPES[image.format], alt: input.alt, bytes: image.bytes, sha256: createHash('sha256').update(image.bytes).digest('hex') };
  const id = await inActorTransaction(db, actor, async (trx) => {
    const taken = await existingIds(trx, 'asset');
    // another upload of the same name may take the id between the look and the insert: take the next
    for (;;) {
      const candidate = uniqueId(assetIdBase(fileName), taken);
      if (await insertAssetUnlessTaken(trx, { id: candidate, ...row })) return candidate;
      taken.add(candidate);
    }
  });
  return { id, fileName, mediaType: row.mediaType, width: image.width, height: image.height, alt: row.alt, bytes: row.bytes.length };
}

export async function updateAsset(db: Store, id: string, body: unknown, actor: Actor): Promise<AssetInfo> {
  const patch = parseInput(assetUpdateInput, body, UPDATE);
  return inActorTransaction(db, actor, async (trx) => {
    const before = await findAssetRow(trx, id);
    if (!before) throw new StyrkortError('not_found', `Bilden "${id}" finns inte`);
    const format = assetFormatOf(before.mediaType);
    // the name keeps saying what the file is; the demo's SVG keeps the name it is given
    const fileName = patch.fileName === undefined ? before.fileName : format === null ? patch.fileName : storedFileName(patch.fileName, format);
    const after = { alt: patch.alt ?? before.alt, fileName };
    if (after.alt !== before.alt || after.fileName !== before.fileName) await updateAssetText(trx, id, after);
    return infoOf({ ...before, ...after });
  });
}

/** Every picture, for the editor's image blocks (without their bytes). */
export async function listAssets(db: Store): Promise<AssetSummary[]> {
  return assetSummaries(db);
}
