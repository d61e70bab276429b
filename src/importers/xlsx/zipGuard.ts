import { open } from 'node:fs/promises';
import { createInflateRaw, crc32 } from 'node:zlib';
import { StyrkortError } from '../../domain/errors.js';

/**
 * An XLSX file is a zip archive; a small upload can unpack to gigabytes (a zip bomb). Before any
 * XLSX reader sees the file, this reads the archive's central directory and checks the number of
 * entries, their declared sizes and compression ratios, that no data hides between the listed
 * entries, and then inflates every entry once, counting bytes and stopping as soon as the real
 * size passes its declared size or the limit — so a lying header cannot get past either.
 *
 * Every entry's local header must also say what the directory says (name, method, flags and,
 * without a data descriptor, sizes and CRC-32), and the unpacked bytes must have that CRC-32.
 * The reader (archive.ts) reads entries through the directory, but a streaming zip reader reads
 * local headers (one whose compressed size disagreed left exceljs's reader waiting for bytes that
 * never came), and a flipped bit in packed data would otherwise reach the import as a wrong figure.
 */
export interface ZipLimits {
  maxEntries: number;
  maxUncompressedBytes: number;
  /** Highest uncompressed/compressed ratio for entries over 1 MiB, and for the whole archive. */
  maxRatio: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = { maxEntries: 2_000, maxUncompressedBytes: 512 * 1024 * 1024, maxRatio: 200 };

export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  uncompressedSize: number;
  crc32: number;
  localOffset: number;
  /** Where the entry's (packed) data starts; known once the guard has read its local header. */
  dataOffset: number;
}

export interface ZipSummary {
  entries: ZipEntry[];
  uncompressedBytes: number;
}

/** A file or a buffer read at given offsets. */
export interface RandomAccess {
  size: number;
  read(offset: number, length: number): Promise<Buffer>;
  close(): Promise<void>;
}

export async function openRandomAccess(input: string | Uint8Array): Promise<RandomAccess> {
  return typeof input === 'string' ? fileAccess(input) : bufferAccess(input);
}

async function fileAccess(path: string): Promise<RandomAccess> {
  const handle = await open(path, 'r');
  const { size } = await handle.stat();
  return {
    size,
    async read(offset, length) {
      const buffer = Buffer.alloc(Math.max(0, Math.min(length, size - offset)));
      if (buffer.length > 0) await handle.read(buffer, 0, buffer.length, offset);
      return buffer;
    },
    close: () => handle.close(),
  };
}

function bufferAccess(bytes: Uint8Array): RandomAccess {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { size: buffer.length, read: async (offset, length) => buffer.subarray(offset, offset + length), close: async () => undefined };
}

const mib = (n: number) => `${Math.round(n / 1024 / 1024).toLocaleString('sv-SE')} MB`;

function refuse(message: string): never {
  throw new StyrkortError('invalid_input', `Filen kan inte läsas som XLSX: ${message}`);
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const DESCRIPTOR = 0x08074b50;

async function readDirectory(file: RandomAccess, limits: ZipLimits): Promise<{ entries: ZipEntry[]; directoryOffset: number }> {
  if (file.size < 22) refuse('filen är för liten för att vara en zip-fil');
  const tailLength = Math.min(file.size, 22 + 65_535);
  const tail = await file.read(file.size - tailLength, tailLength);
  let at = -1;
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) === EOCD) {
      at = i;
      break;
    }
  }
  if (at < 0) refuse('ingen zip-katalog hittades (filen är skadad eller inte en XLSX-fil)');
  const total = tail.readUInt16LE(at + 10);
  const directorySize = tail.readUInt32LE(at + 12);
  const directoryOffset = tail.readUInt32LE(at + 16);
  if (total === 0xffff || directoryOffset === 0xffffffff || directorySize === 0xffffffff) refuse('filen använder ZIP64, vilket inte behövs för en fil av tillåten storlek');
  if (total > limits.maxEntries) refuse(`arkivet har ${total} delar; högst ${limits.maxEntries} tillåts`);
  if (directoryOffset + directorySize > file.size) refuse('zip-katalogen pekar utanför filen');
  const directory = await file.read(directoryOffset, directorySize);
  const entries: ZipEntry[] = [];
  let p = 0;
  for (let n = 0; n < total; n++) {
    if (p + 46 > directory.length || directory.readUInt32LE(p) !== CENTRAL) refuse('zip-katalogen är skadad');
    const nameLength = directory.readUInt16LE(p + 28);
    const extraLength = directory.readUInt16LE(p + 30);
    const commentLength = directory.readUInt16LE(p + 32);
    entries.push({
      flags: directory.readUInt16LE(p + 8),
      method: directory.readUInt16LE(p + 10),
      crc32: directory.readUInt32LE(p + 16),
      compressedSize: directory.readUInt32LE(p + 20),
      uncompressedSize: directory.readUInt32LE(p + 24),
      localOffset: directory.readUInt32LE(p + 42),
      dataOffset: -1,
      name: directory.toString('utf8', p + 46, p + 46 + nameLength),
    });
    p += 46 + nameLength + extraLength + commentLength;
  }
  return { entries, directoryOffset };
}

/** Unpacks an entry's data, stopping past `limit`: its real size and the CRC-32 of what came out. */
async function inflated(file: RandomAccess, start: number, length: number, limit: number, name: string): Promise<{ size: number; crc: number }> {
  const inflate = createInflateRaw();
  let produced = 0;
  let crc = 0;
  let exceeded = false;
  const finished = new Promise<void>((resolve, reject) => {
    inflate.on('data', (chunk: Buffer) => {
      produced += chunk.length;
      crc = crc32(chunk, crc);
      if (produced > limit && !exceeded) {
        exceeded = true;
        inflate.destroy();
        resolve();
      }
    });
    inflate.on('end', () => resolve());
    inflate.on('close', () => resolve());
    inflate.on('error', (error) => reject(error));
  });
  const CHUNK = 1024 * 1024;
  try {
    for (let offset = 0; offset < length && !exceeded; offset += CHUNK) {
      const chunk = await file.read(start + offset, Math.min(CHUNK, length - offset));
      if (!inflate.write(chunk)) {
        await new Promise<void>((resolve) => {
          const done = () => {
            inflate.off('drain', done).off('close', done);
            resolve();
          };
          inflate.on('drain', done).on('close', done);
        });
      }
    }
    if (!exceeded) inflate.end();
    await finished;
  } catch {
    refuse(`delen ${name} är skadad och kan inte packas upp`);
  }
  return { size: produced, crc };
}

/** CRC-32 of stored (unpacked) data, read in pieces. */
async function storedCrc(file: RandomAccess, start: number, length: number): Promise<number> {
  const CHUNK = 1024 * 1024;
  let crc = 0;
  for (let offset = 0; offset < length; offset += CHUNK) crc = crc32(await file.read(start + offset, Math.min(CHUNK, length - offset)), crc);
  return crc;
}

/** The local header in front of an entry's data must agree with the directory's record of it. */
function checkLocalHeader(local: Buffer, localName: string, e: ZipEntry): void {
  const flags = local.readUInt16LE(6);
  const agrees =
    localName === e.name &&
    local.readUInt16LE(8) === e.method &&
    flags === e.flags &&
    // with a data descriptor (flag bit 3) sizes and CRC follow the data instead
    ((flags & 0x8) !== 0 || (local.readUInt32LE(14) === e.crc32 && local.readUInt32LE(18) === e.compressedSize && local.readUInt32LE(22) === e.uncompressedSize));
  if (!agrees) refuse(`delen ${e.name} beskrivs olika i zip-katalogen och i delens eget huvud — filen är skadad`);
}

export async function checkZip(input: string | Uint8Array, limits: ZipLimits = DEFAULT_ZIP_LIMITS): Promise<ZipSummary> {
  const file = await openRandomAccess(input);
  try {
    return await guardArchive(file, limits);
  } finally {
    await file.close();
  }
}

/** The guard on an open file, which stays open for the caller (see archive.ts). */
export async function guardArchive(file: RandomAccess, limits: ZipLimits = DEFAULT_ZIP_LIMITS): Promise<ZipSummary> {
  const head = await file.read(0, 8);
  if (head.length >= 4 && head.readUInt32LE(0) === 0xe011cfd0) {
    refuse('filen är lösenordsskyddad eller i det gamla formatet .xls — spara den som .xlsx (Excel-arbetsbok) utan lösenord');
  }
  if (head.length < 4 || head.readUInt32LE(0) !== LOCAL) refuse('filen är inte en zip-fil');
  const { entries, directoryOffset } = await readDirectory(file, limits);
  let declared = 0;
  let compressed = 0;
  for (const e of entries) {
    if (e.flags & 0x1) refuse('filen är krypterad (lösenordsskyddad)');
    if (e.method !== 0 && e.method !== 8) refuse(`delen ${e.name} är packad med en metod som inte stöds (${e.method})`);
    declared += e.uncompressedSize;
    compressed += e.compressedSize;
    if (declared > limits.maxUncompressedBytes) refuse(`uppackad är filen större än ${mib(limits.maxUncompressedBytes)}`);
    if (e.uncompressedSize > 1024 * 1024 && e.uncompressedSize / Math.max(1, e.compressedSize) > limits.maxRatio) {
      refuse(`delen ${e.name} packas upp ${Math.round(e.uncompressedSize / Math.max(1, e.compressedSize))} gånger större (högst ${limits.maxRatio} tillåts) — misstänkt zip-bomb`);
    }
  }
  if (declared > 1024 * 1024 && declared / Math.max(1, compressed) > limits.maxRatio) refuse(`arkivet packas upp ${Math.round(declared / Math.max(1, compressed))} gånger större (högst ${limits.maxRatio}) — misstänkt zip-bomb`);

  // Entries must follow each other with nothing hidden in between: a reader that streams local
  // headers would otherwise unpack data the directory does not list.
  const ordered = [...entries].sort((a, b) => a.localOffset - b.localOffset);
  let expected = 0;
  let actual = 0;
  for (const e of ordered) {
    const gap = e.localOffset - expected;
    if (gap !== 0) {
      const descriptor = gap === 12 || gap === 16 ? await file.read(expected, 4) : null;
      const plausible = gap === 12 || (gap === 16 && descriptor?.readUInt32LE(0) === DESCRIPTOR);
      if (!plausible) refuse('arkivet innehåller data som zip-katalogen inte listar');
    }
    const local = await file.read(e.localOffset, 30);
    if (local.length < 30 || local.readUInt32LE(0) !== LOCAL) refuse(`delen ${e.name} saknas där katalogen anger`);
    const nameLength = local.readUInt16LE(26);
    checkLocalHeader(local, (await file.read(e.localOffset + 30, nameLength)).toString('utf8'), e);
    const dataStart = e.localOffset + 30 + nameLength + local.readUInt16LE(28);
    e.dataOffset = dataStart;
    expected = dataStart + e.compressedSize;
    if (expected > directoryOffset) refuse(`delen ${e.name} pekar utanför arkivet`);
    let crc: number;
    if (e.method === 8) {
      const out = await inflated(file, dataStart, e.compressedSize, Math.min(e.uncompressedSize, limits.maxUncompressedBytes - actual), e.name);
      if (out.size !== e.uncompressedSize) refuse(`delen ${e.name} har en annan storlek uppackad än arkivet anger — misstänkt zip-bomb`);
      actual += out.size;
      crc = out.crc;
    } else {
      if (e.compressedSize !== e.uncompressedSize) refuse(`delen ${e.name} har fel storlek`);
      actual += e.compressedSize;
      crc = await storedCrc(file, dataStart, e.compressedSize);
    }
    if (crc !== e.crc32) refuse(`delen ${e.name} är skadad (kontrollsumman stämmer inte)`);
  }
  const trailing = directoryOffset - expected;
  if (trailing !== 0 && trailing !== 12 && trailing !== 16) refuse('arkivet innehåller data som zip-katalogen inte listar');
  return { entries, uncompressedBytes: actual };
}
