import { Readable } from 'node:stream';
import { createInflateRaw } from 'node:zlib';
import { StyrkortError } from '../../domain/errors.js';
import { DEFAULT_ZIP_LIMITS, guardArchive, openRandomAccess, type ZipEntry, type ZipLimits } from './zipGuard.js';

/**
 * A guarded zip archive opened for reading by name, through its central directory — never by
 * streaming local headers in stored order. So a reader can take the workbook, its relations,
 * styles and shared strings first, whatever order the writer stored them in, and then stream
 * only the sheets it wants. Every entry has passed the zip guard (sizes, ratios, CRC-32, local
 * headers agreeing with the directory) before it can be read.
 */
export interface Archive {
  /** Bytes of the whole file. */
  size: number;
  has(name: string): boolean;
  /** Packed size of an entry (what reading it consumes of the file), 0 when absent. */
  packedSize(name: string): number;
  /** The entry's unpacked bytes in chunks, with backpressure; `onPacked` is told of packed bytes read. */
  open(name: string, onPacked?: (bytes: number) => void): Readable;
  close(): Promise<void>;
}

const CHUNK = 64 * 1024;

export async function openArchive(input: string | Uint8Array, limits: ZipLimits = DEFAULT_ZIP_LIMITS): Promise<Archive> {
  const file = await openRandomAccess(input);
  let entries: Map<string, ZipEntry>;
  try {
    entries = new Map((await guardArchive(file, limits)).entries.map((e) => [e.name, e]));
  } catch (error) {
    await file.close();
    throw error;
  }

  async function* packed(entry: ZipEntry, onPacked: ((bytes: number) => void) | undefined): AsyncGenerator<Buffer> {
    for (let offset = 0; offset < entry.compressedSize; offset += CHUNK) {
      // a copy: a buffer input hands out views of itself, and the inflater may keep what it is given
      const chunk = Buffer.from(await file.read(entry.dataOffset + offset, Math.min(CHUNK, entry.compressedSize - offset)));
      onPacked?.(chunk.length);
      yield chunk;
    }
  }

  return {
    size: file.size,
    has: (name) => entries.has(name),
    packedSize: (name) => entries.get(name)?.compressedSize ?? 0,
    open(name, onPacked) {
      const entry = entries.get(name);
      if (!entry) throw new StyrkortError('invalid_input', `Filen kan inte läsas som XLSX: delen ${name} saknas`);
      const source = Readable.from(packed(entry, onPacked), { objectMode: false });
      if (entry.method === 0) return source;
      const inflate = createInflateRaw();
      source.on('error', (error) => inflate.destroy(error));
      return source.pipe(inflate);
    },
    close: () => file.close(),
  };
}
