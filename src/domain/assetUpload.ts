import { z } from 'zod';
import { slugify } from './authoring.js';
import { formatNumber } from './format.js';
import { unstorableCharacter } from './text.js';

/**
 * Pictures uploaded for image blocks (issue 13): PNG and JPEG only, told apart by their bytes
 * rather than their names; limits on size and on pixels; alt text required. These are the rules;
 * decoding and re-encoding the picture is services/authoring/image.ts.
 */
export const MAX_ASSET_BYTES = 20 * 1024 * 1024;
/** Width × height, checked from the header before the picture is decoded (a 40 MP photo is ~160 MB of pixels). */
export const MAX_ASSET_PIXELS = 40_000_000;
export const ASSET_ALT_MAX = 500;
export const ASSET_FILE_NAME_MAX = 200;

export type AssetFormat = 'png' | 'jpeg';
export type SniffedFormat = AssetFormat | 'gif' | 'webp' | 'svg' | 'tiff' | 'bmp' | 'heif' | 'avif' | 'ico' | 'pdf' | 'zip';

export const ASSET_MEDIA_TYPES: Record<AssetFormat, string> = { png: 'image/png', jpeg: 'image/jpeg' };

/** The format of a stored asset's media type, or null for one that is neither PNG nor JPEG (the demo's SVG). */
export function assetFormatOf(mediaType: string): AssetFormat | null {
  if (mediaType === 'image/png') return 'png';
  if (mediaType === 'image/jpeg') return 'jpeg';
  return null;
}

const EXTENSIONS: Record<AssetFormat, readonly string[]> = { png: ['png'], jpeg: ['jpg', 'jpeg', 'jpe', 'jfif'] };
/** Extensions of other pictures and documents: replaced, not kept, when a name is given the right one. */
const FOREIGN_EXTENSIONS = new Set(['gif', 'webp', 'svg', 'tif', 'tiff', 'bmp', 'heic', 'heif', 'avif', 'ico', 'pdf', 'zip', 'docx', 'pptx', 'xlsx', 'png', 'jpg', 'jpeg', 'jpe', 'jfif']);

function startsWith(bytes: Uint8Array, signature: readonly number[], offset = 0): boolean {
  if (bytes.length < offset + signature.length) return false;
  return signature.every((b, i) => bytes[offset + i] === b);
}

function ascii(bytes: Uint8Array, from: number, to: number): string {
  return String.fromCharCode(...bytes.subarray(from, Math.min(to, bytes.length)));
}

const HEIF_BRANDS = new Set(['heic', 'heix', 'heim', 'heis', 'hevc', 'hevx', 'mif1', 'msf1']);

/** What a file is, from its first bytes (its name says nothing): null when none of the formats known here. */
export function sniffFormat(bytes: Uint8Array): SniffedFormat | null {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
  const head = ascii(bytes, 0, 12);
  if (head.startsWith('GIF87a') || head.startsWith('GIF89a')) return 'gif';
  if (head.startsWith('RIFF') && head.slice(8, 12) === 'WEBP') return 'webp';
  if (startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a])) return 'tiff';
  if (head.startsWith('BM')) return 'bmp';
  if (head.slice(4, 8) === 'ftyp') {
    const brand = head.slice(8, 12);
    if (brand === 'avif' || brand === 'avis') return 'avif';
    if (HEIF_BRANDS.has(brand)) return 'heif';
  }
  if (startsWith(bytes, [0x00, 0x00, 0x01, 0x00])) return 'ico';
  if (head.startsWith('%PDF-')) return 'pdf';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return 'zip';
  const text = ascii(bytes, 0, 4096).replace(/^\uFEFF|^\xEF\xBB\xBF/, '').trimStart();
  if (text.startsWith('<') && /<svg[\s>]/i.test(text)) return 'svg';
  return null;
}

const FORMAT_LABELS: Record<Exclude<SniffedFormat, AssetFormat>, string> = {
  gif: 'en GIF-bild',
  webp: 'en WebP-bild',
  svg: 'en SVG-bild',
  tiff: 'en TIFF-bild',
  bmp: 'en BMP-bild',
  heif: 'en HEIF-bild (HEIC, som iPhone sparar)',
  avif: 'en AVIF-bild',
  ico: 'en ikonfil (ICO)',
  pdf: 'ett PDF-dokument',
  zip: 'ett ZIP-arkiv (till exempel ett Office-dokument)',
};

/** Why a file of this sniffed format cannot be stored, naming the file; null for PNG and JPEG. */
export function formatProblem(fileName: string, format: SniffedFormat | null): string | null {
  if (format === 'png' || format === 'jpeg') return null;
  if (format === null) return `Filen "${fileName}" är inte en PNG- eller JPEG-bild. Spara bilden som PNG eller JPEG och försök igen.`;
  return `Filen "${fileName}" är ${FORMAT_LABELS[format]}, inte PNG eller JPEG. Spara bilden som PNG eller JPEG och försök igen.`;
}

function megabytes(bytes: number): string {
  return formatNumber(bytes / 1024 / 1024, bytes < 10 * 1024 * 1024 ? 1 : 0);
}

/** The refusal of a file past the size limit (its size, when known: an upload parser may stop at the limit). */
export function tooLargeMessage(fileName: string, size: number | null): string {
  const limit = `${megabytes(MAX_ASSET_BYTES)} MB`;
  return size === null ? `Filen "${fileName}" är större än gränsen på ${limit}.` : `Filen "${fileName}" är ${megabytes(size)} MB, större än gränsen på ${limit}.`;
}

/** Why a picture of these dimensions cannot be stored; null when it can. */
export function pixelProblem(fileName: string, width: number, height: number): string | null {
  if (width * height <= MAX_ASSET_PIXELS) return null;
  return `Bilden "${fileName}" är ${formatNumber(width)} × ${formatNumber(height)} bildpunkter (${formatNumber((width * height) / 1_000_000, 1)} megapixlar), fler än gränsen på ${formatNumber(MAX_ASSET_PIXELS / 1_000_000)} megapixlar. Förminska den och försök igen.`;
}

/** A file name as the user sees it: the last part of a path, without control characters, trimmed. */
export function cleanFileName(raw: string): string {
  const last = raw.split(/[\\/]/).pop() ?? '';
  return Array.from(last)
    .filter((c) => c.charCodeAt(0) >= 0x20 && c !== '\u007f')
    .join('')
    .trim();
}

/**
 * The name a picture is stored under: its own, with an extension that says what it is — a PNG
 * sent as "karta.jpg" is stored as "karta.png"; a name without an extension gets one.
 */
export function storedFileName(name: string, format: AssetFormat): string {
  const clean = cleanFileName(name);
  const dot = clean.lastIndexOf('.');
  const extension = dot > 0 ? clean.slice(dot + 1).toLowerCase() : '';
  if (EXTENSIONS[format].includes(extension)) return clean;
  const stem = dot > 0 && FOREIGN_EXTENSIONS.has(extension) ? clean.slice(0, dot) : clean;
  return `${stem === '' ? 'bild' : stem}.${EXTENSIONS[format][0]}`;
}

/** The id a new picture's file name suggests: its slug without the extension ("Karta län.png" → "karta-lan"). */
export function assetIdBase(fileName: string): string {
  const clean = cleanFileName(fileName);
  const dot = clean.lastIndexOf('.');
  return slugify(dot > 0 ? clean.slice(0, dot) : clean, 'bild');
}

/** Multipart fields do not pass the request hook that refuses NUL and half characters: checked here. */
const storable = (text: string) => unstorableCharacter(text) === null;
const STORABLE = 'innehåller ett tecken som inte kan lagras (NUL eller ett halvt tecken)';

const altText = z
  .string('ska vara text')
  .trim()
  .min(1, 'alternativtext krävs: beskriv med ord vad bilden visar')
  .max(ASSET_ALT_MAX, `får ha högst ${ASSET_ALT_MAX} tecken`)
  .refine(storable, STORABLE);

const fileNameText = z
  .string('ska vara text')
  .transform(cleanFileName)
  .pipe(z.string().min(1, 'får inte vara tom').max(ASSET_FILE_NAME_MAX, `får ha högst ${ASSET_FILE_NAME_MAX} tecken`).refine(storable, STORABLE));

/** An upload's text fields: a missing alt text is refused like an empty one. */
export const assetUploadInput = z.strictObject({
  fileName: fileNameText,
  alt: z.preprocess((v) => v ?? '', altText),
});
export type AssetUploadInput = z.infer<typeof assetUploadInput>;

export const assetUpdateInput = z.strictObject({
  alt: altText.optional(),
  fileName: fileNameText.optional(),
});
export type AssetUpdateInput = z.infer<typeof assetUpdateInput>;

/** What the API answers about one picture. */
export interface AssetInfo {
  id: string;
  fileName: string;
  mediaType: string;
  /** Pixels, as shown (after EXIF orientation); null for a picture that is not PNG or JPEG (the demo's SVG). */
  width: number | null;
  height: number | null;
  alt: string;
  /** Size of the stored file in bytes. */
  bytes: number;
}

/** A picture in the editor's list. */
export interface AssetSummary {
  id: string;
  fileName: string;
  mediaType: string;
  alt: string;
  size: number;
}
