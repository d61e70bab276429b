import type { FastifyRequest } from 'fastify';
import { cleanFileName, tooLargeMessage } from '../../domain/assetUpload.js';
import { StyrkortError } from '../../domain/errors.js';
import type { AssetUpload } from '../../services/authoring/assets.js';

/**
 * Reads a picture upload: multipart/form-data with the file in the field "file" and the alt text
 * in "alt", in either order. The multipart parser stops reading a file at the size limit
 * (registered with the routes); what it refuses is answered in Swedish here.
 */
function refused(message: string, where: string, code: 'invalid_input' | 'too_large' = 'invalid_input'): StyrkortError {
  return new StyrkortError(code, message, [{ where, message }]);
}

function multipartRefusal(error: unknown): StyrkortError | null {
  switch ((error as { code?: unknown }).code) {
    case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
      return refused('Skicka bilden som multipart/form-data: filen i fältet "file" och alternativtexten i fältet "alt".', 'file');
    case 'FST_REQ_FILE_TOO_LARGE': {
      const part = (error as { part?: { filename?: unknown } }).part;
      return refused(tooLargeMessage(cleanFileName(String(part?.filename ?? '')) || 'bilden', null), 'file', 'too_large');
    }
    case 'FST_FILES_LIMIT':
      return refused('Skicka en bild i taget.', 'file');
    case 'FST_PARTS_LIMIT':
    case 'FST_FIELDS_LIMIT':
    case 'FST_PROTO_VIOLATION':
    case 'FST_INVALID_JSON_FIELD_ERROR':
      return refused('Formuläret har fler eller andra fält än "file" och "alt".', '(hela)');
    default:
      return null;
  }
}

export async function readAssetUpload(request: FastifyRequest): Promise<AssetUpload> {
  let file: { fileName: string; bytes: Buffer } | null = null;
  let alt: string | null = null;
  try {
    for await (const part of request.parts()) {
      if (part.type === 'file') {
        if (part.fieldname !== 'file') throw refused(`Filen ska skickas i fältet "file", inte "${part.fieldname}".`, part.fieldname);
        file = { fileName: part.filename, bytes: await part.toBuffer() };
      } else if (part.fieldname === 'alt') {
        if (typeof part.value !== 'string' || part.valueTruncated) throw refused('Alternativtexten är för lång eller inte text.', 'alt');
        alt = part.value;
      }
    }
  } catch (error) {
    throw multipartRefusal(error) ?? error;
  }
  if (!file) throw refused('Ingen bild skickades (fältet "file").', 'file');
  return { fileName: file.fileName, bytes: file.bytes, alt };
}
