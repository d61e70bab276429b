import iconv from 'iconv-lite';

/**
 * Which encoding a CSV file is in, from its first bytes: a byte-order mark (UTF-8, UTF-16 as
 * Excel's "Unicode text" writes), else UTF-8 when the bytes are valid UTF-8, else Windows-1252 —
 * what Swedish Excel writes as "CSV (semikolonavgränsad)".
 */
export type TextEncoding = 'utf-8' | 'windows-1252' | 'utf-16le' | 'utf-16be';

export interface DetectedEncoding {
  encoding: TextEncoding;
  bom: boolean;
}

export function detectEncoding(prefix: Uint8Array): DetectedEncoding {
  if (prefix[0] === 0xef && prefix[1] === 0xbb && prefix[2] === 0xbf) return { encoding: 'utf-8', bom: true };
  if (prefix[0] === 0xff && prefix[1] === 0xfe) return { encoding: 'utf-16le', bom: true };
  if (prefix[0] === 0xfe && prefix[1] === 0xff) return { encoding: 'utf-16be', bom: true };
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(prefix, { stream: true });
    return { encoding: 'utf-8', bom: false };
  } catch {
    return { encoding: 'windows-1252', bom: false };
  }
}

export const ENCODING_LABELS: Record<TextEncoding, string> = {
  'utf-8': 'UTF-8',
  'windows-1252': 'Windows-1252',
  'utf-16le': 'UTF-16 LE',
  'utf-16be': 'UTF-16 BE',
};

/** A streaming decoder: bytes in, text out, a byte-order mark removed. */
export interface TextStreamDecoder {
  write(bytes: Uint8Array): string;
  end(): string;
}

export function textDecoder(detected: DetectedEncoding): TextStreamDecoder {
  if (detected.encoding === 'utf-8') {
    const decoder = new TextDecoder('utf-8', { fatal: false, ignoreBOM: false });
    return { write: (bytes) => decoder.decode(bytes, { stream: true }), end: () => decoder.decode() };
  }
  const decoder = iconv.getDecoder(detected.encoding === 'windows-1252' ? 'win1252' : detected.encoding === 'utf-16le' ? 'utf16le' : 'utf16be', { stripBOM: true });
  return { write: (bytes) => decoder.write(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)), end: () => decoder.end() ?? '' };
}

const CANDIDATES = [';', '\t', ',', '|'] as const;

/** Count of a separator per line, outside quotes, for the first lines of the text. */
function countsPerLine(text: string, separator: string, maxLines: number): number[] {
  const counts: number[] = [];
  let inQuotes = false;
  let count = 0;
  let lineHasContent = false;
  for (let i = 0; i < text.length && counts.length < maxLines; i++) {
    const c = text[i];
    if (c === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (c === '\n' || c === '\r')) {
      if (lineHasContent) counts.push(count);
      count = 0;
      lineHasContent = false;
      continue;
    } else if (!inQuotes && c === separator) count += 1;
    if (c !== ' ') lineHasContent = true;
  }
  if (lineHasContent && counts.length < maxLines) counts.push(count);
  return counts;
}

/**
 * The field separator: the candidate found the same number of times (at least once) on most of
 * the first lines. ';' wins ties — Swedish files use it because ',' is the decimal separator.
 */
export function detectDelimiter(text: string): string {
  let best: { separator: string; score: number } = { separator: ';', score: -1 };
  for (const separator of CANDIDATES) {
    const counts = countsPerLine(text, separator, 30);
    if (counts.length === 0) continue;
    const frequency = new Map<number, number>();
    for (const n of counts) if (n > 0) frequency.set(n, (frequency.get(n) ?? 0) + 1);
    let modeCount = 0;
    let mode = 0;
    for (const [n, f] of frequency) if (f > modeCount || (f === modeCount && n > mode)) [mode, modeCount] = [n, f];
    if (mode === 0) continue;
    const score = modeCount / counts.length + Math.min(mode, 20) / 1000;
    if (score > best.score + 1e-9) best = { separator, score };
  }
  return best.separator;
}
