import sharp from 'sharp';
import { MAX_ASSET_PIXELS, pixelProblem, type AssetFormat } from '../../domain/assetUpload.js';
import { StyrkortError } from '../../domain/errors.js';

/**
 * An uploaded picture made safe to store and show: decoded by libvips (sharp), turned upright by
 * its EXIF orientation, and encoded anew from its pixels in the same format — so nothing of the
 * file but its picture survives: no EXIF (GPS position, camera, names), no XMP or IPTC, no ICC
 * profile (colours are converted to sRGB), no text chunks, nothing appended after the image
 * data. The caller has checked the format from the bytes (domain/assetUpload.ts `sniffFormat`);
 * the decoder must agree.
 */
export interface NormalisedImage {
  format: AssetFormat;
  bytes: Buffer;
  width: number;
  height: number;
}

const JPEG_QUALITY = 90;

function unreadable(fileName: string, format: AssetFormat): StyrkortError {
  const kind = format === 'png' ? 'PNG' : 'JPEG';
  return new StyrkortError('invalid_input', `Filen "${fileName}" kan inte läsas som ${kind}-bild: den är skadad eller ofullständig.`, [{ where: 'file', message: 'bilden kan inte läsas' }]);
}

function tooManyPixels(message: string): StyrkortError {
  return new StyrkortError('invalid_input', message, [{ where: 'file', message: 'för många bildpunkter' }]);
}

/**
 * Decoding stops at errors, not at warnings: a photo with a few stray bytes (which some cameras
 * write) is still read; pixels that cannot be decoded at all refuse the file.
 */
const input = (bytes: Buffer) => sharp(bytes, { limitInputPixels: MAX_ASSET_PIXELS, failOn: 'error', sequentialRead: true });

export async function normaliseImage(fileName: string, bytes: Buffer, format: AssetFormat): Promise<NormalisedImage> {
  let header: sharp.Metadata;
  try {
    // the header only, so the pixel limit is checked before anything is decoded
    header = await sharp(bytes, { limitInputPixels: false }).metadata();
  } catch {
    throw unreadable(fileName, format);
  }
  if (header.format !== format) throw unreadable(fileName, format);
  const tooMany = pixelProblem(fileName, header.width, header.height);
  if (tooMany) throw tooManyPixels(tooMany);
  try {
    const pipeline = input(bytes).rotate();
    const encoded = format === 'png' ? pipeline.png() : pipeline.jpeg({ quality: JPEG_QUALITY });
    const { data, info } = await encoded.toBuffer({ resolveWithObject: true });
    return { format, bytes: data, width: info.width, height: info.height };
  } catch (error) {
    if (error instanceof Error && /pixel limit/i.test(error.message)) throw tooManyPixels(pixelProblem(fileName, header.width, header.height) ?? error.message);
    throw unreadable(fileName, format);
  }
}

/** The size of a stored PNG or JPEG as shown (orientation applied: stored pictures have none left). */
export async function imageSize(bytes: Buffer): Promise<{ width: number; height: number } | null> {
  try {
    const header = await sharp(bytes, { limitInputPixels: false }).metadata();
    return { width: header.autoOrient.width, height: header.autoOrient.height };
  } catch {
    return null;
  }
}
