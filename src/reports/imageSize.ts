/**
 * The pixel size of a PNG, JPEG or SVG, read from its header — to place a picture on a slide
 * without stretching it. Null when the format is not one of these or the header is damaged.
 */
export interface ImageSize {
  width: number;
  height: number;
}

function png(bytes: Uint8Array): ImageSize | null {
  if (bytes.length < 24 || bytes[0] !== 0x89 || bytes[1] !== 0x50) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

function jpeg(bytes: Uint8Array): ImageSize | null {
  if (bytes[0] !== 0xff || bytes[1] !== 0xd8) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let at = 2;
  while (at + 9 < bytes.length) {
    if (bytes[at] !== 0xff) return null;
    const marker = bytes[at + 1] as number;
    const length = view.getUint16(at + 2);
    // SOF0–SOF15 except DHT (C4), JPG (C8) and DAC (CC) carry the frame size
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { height: view.getUint16(at + 5), width: view.getUint16(at + 7) };
    }
    at += 2 + length;
  }
  return null;
}

function svg(bytes: Uint8Array): ImageSize | null {
  const head = new TextDecoder().decode(bytes.subarray(0, 4096));
  const tag = /<svg\b[^>]*>/i.exec(head)?.[0];
  if (!tag) return null;
  const attr = (name: string) => new RegExp(`\\s${name}\\s*=\\s*["']([^"']+)["']`, 'i').exec(tag)?.[1] ?? null;
  const box = attr('viewBox')?.trim().split(/[\s,]+/).map(Number);
  const number = (v: string | null) => (v !== null && /^\d+(\.\d+)?(px)?$/.test(v.trim()) ? parseFloat(v) : null);
  const width = number(attr('width')) ?? box?.[2] ?? null;
  const height = number(attr('height')) ?? box?.[3] ?? null;
  return width && height && Number.isFinite(width) && Number.isFinite(height) ? { width, height } : null;
}

export function imageSize(bytes: Uint8Array, mediaType: string): ImageSize | null {
  switch (mediaType) {
    case 'image/png':
      return png(bytes);
    case 'image/jpeg':
      return jpeg(bytes);
    case 'image/svg+xml':
      return svg(bytes);
    default:
      return null;
  }
}

/** The largest box of the image's proportions that fits in `w` × `h`, centred. */
export function fitInto(size: ImageSize | null, x: number, y: number, w: number, h: number): { x: number; y: number; w: number; h: number } {
  if (!size || size.width <= 0 || size.height <= 0) return { x, y, w, h };
  const scale = Math.min(w / size.width, h / size.height);
  const fw = size.width * scale;
  const fh = size.height * scale;
  return { x: x + (w - fw) / 2, y: y + (h - fh) / 2, w: fw, h: fh };
}
