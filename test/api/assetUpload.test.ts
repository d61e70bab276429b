import { createHash } from 'node:crypto';
import { crc32 } from 'node:zlib';
import { sql } from 'kysely';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../src/domain/audit.js';
import { buildApp, type App } from '../../src/server/app.js';
import type { Authenticated } from '../../src/server/auth/principal.js';
import { SYSTEM_ACTOR } from '../../src/services/actor.js';
import { uploadAsset } from '../../src/services/authoring/assets.js';
import { principal } from '../support/auth.js';
import { demoDatabase } from '../support/demo.js';
import type { TestDatabase } from '../support/testDatabase.js';

/**
 * Uploading pictures for image blocks (issue 13) over HTTP, in-process: PNG and JPEG as their
 * bytes say, turned upright by EXIF orientation and re-encoded without metadata, alt text
 * required, limits on size and pixels, editors only, every write on the audit trail — and a
 * refused file leaves nothing stored.
 */
const PEOPLE: Record<string, Authenticated> = {
  secretary: principal(['secretary'], { userId: '00000000-0000-4000-8000-000000000031', displayName: 'Sara Sekreterare' }),
  presenter: principal(['presenter'], { userId: '00000000-0000-4000-8000-000000000032', displayName: 'Helena Nilsson', personId: 'helena-nilsson' }),
  analyst: principal(['analyst'], { userId: '00000000-0000-4000-8000-000000000033', displayName: 'Anna Analytiker' }),
  reader: principal(['reader'], { userId: '00000000-0000-4000-8000-000000000034', displayName: 'Ledamot' }),
  admin: principal(['admin'], { userId: '00000000-0000-4000-8000-000000000035', displayName: 'Admin' }),
};
type Who = keyof typeof PEOPLE;
const BOUNDARY = '----styrkort-bild';

let t: TestDatabase;
let app: App;
beforeAll(async () => {
  t = await demoDatabase();
  app = await buildApp({
    db: t.db,
    version: 'test',
    logLevel: 'silent',
    authenticator: async (request) => PEOPLE[String(request.headers['x-test-as'])] ?? null,
    auth: { rateLimits: { import: { capacity: 1000, perMinute: 1000 } } },
  });
});
afterAll(async () => {
  await app?.close();
  await t?.drop();
});

type Part = { name: string; value: string } | { name: string; fileName: string; contentType: string; bytes: Buffer };

function multipart(parts: readonly Part[]): { payload: Buffer; headers: Record<string, string> } {
  const chunks: Buffer[] = [];
  for (const part of parts) {
    const disposition = 'bytes' in part ? `form-data; name="${part.name}"; filename="${part.fileName}"\r\nContent-Type: ${part.contentType}` : `form-data; name="${part.name}"`;
    chunks.push(Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: ${disposition}\r\n\r\n`, 'utf8'), 'bytes' in part ? part.bytes : Buffer.from(part.value, 'utf8'), Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${BOUNDARY}--\r\n`));
  return { payload: Buffer.concat(chunks), headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` } };
}

interface Answer {
  status: number;
  json: Record<string, unknown> & { error?: { code: string; message: string; details: Array<{ where: string | null; message: string }> } };
}

async function upload(who: Who, fileName: string, bytes: Buffer, alt: string | null, contentType = 'image/png'): Promise<Answer> {
  const form = multipart([...(alt === null ? [] : [{ name: 'alt', value: alt }]), { name: 'file', fileName, contentType, bytes }]);
  const r = await app.inject({ method: 'POST', url: '/api/assets', headers: { 'x-test-as': who, ...form.headers }, payload: form.payload });
  return { status: r.statusCode, json: r.json() };
}

async function patch(who: Who, id: string, body: object): Promise<Answer> {
  const r = await app.inject({ method: 'PATCH', url: `/api/assets/${encodeURIComponent(id)}`, headers: { 'x-test-as': who }, payload: body });
  return { status: r.statusCode, json: r.json() };
}

async function served(id: string): Promise<{ status: number; type: string; bytes: Buffer }> {
  const r = await app.inject({ url: `/api/assets/${encodeURIComponent(id)}`, headers: { 'x-test-as': 'secretary' } });
  return { status: r.statusCode, type: String(r.headers['content-type']), bytes: r.rawPayload };
}

async function assetTrail(id: string): Promise<AuditEntry[]> {
  const r = await app.inject({ url: `/api/audit?table=asset&rowKey=${encodeURIComponent(id)}`, headers: { 'x-test-as': 'admin' } });
  expect(r.statusCode, r.body).toBe(200);
  return r.json<{ entries: AuditEntry[] }>().entries;
}

async function storedCount(): Promise<number> {
  return (await sql<{ n: number }>`select count(*)::int as n from asset`.execute(t.db)).rows[0]?.n ?? -1;
}

const png = (width: number, height: number) => sharp({ create: { width, height, channels: 3, background: { r: 20, g: 120, b: 60 } } }).png().toBuffer();

/** A PNG whose header says width × height, with nothing behind it to decode (a "decompression bomb" header). */
async function pngClaiming(width: number, height: number): Promise<Buffer> {
  const bytes = Buffer.from(await png(2, 2));
  // IHDR: length (4) at 8, type at 12, width and height at 16 and 20, CRC over type + data at 29
  bytes.writeUInt32BE(width, 16);
  bytes.writeUInt32BE(height, 20);
  bytes.writeUInt32BE(crc32(bytes.subarray(12, 29)), 29);
  return bytes;
}

describe('uploading a picture', () => {
  it('stores a PNG, serves it back, answers its size and id from the file name, and puts the upload on the audit trail', async () => {
    const before = await storedCount();
    const original = await png(30, 20);
    const r = await upload('secretary', 'Karta län.png', original, '  Karta över länets sjukhus  ');
    expect(r.status, JSON.stringify(r.json)).toBe(201);
    expect(r.json).toEqual({ id: 'karta-lan', fileName: 'Karta län.png', mediaType: 'image/png', width: 30, height: 20, alt: 'Karta över länets sjukhus', bytes: expect.any(Number) });
    expect(await storedCount()).toBe(before + 1);

    const back = await served('karta-lan');
    expect(back.status).toBe(200);
    expect(back.type).toBe('image/png');
    expect(back.bytes.length).toBe(r.json.bytes);
    expect(await sharp(back.bytes).metadata()).toMatchObject({ format: 'png', width: 30, height: 20 });
    const stored = await sql<{ sha256: string }>`select sha256 from asset where id = 'karta-lan'`.execute(t.db);
    expect(stored.rows[0]?.sha256).toBe(createHash('sha256').update(back.bytes).digest('hex'));

    const trail = await assetTrail('karta-lan');
    expect(trail).toHaveLength(1);
    expect(trail[0]).toMatchObject({ operation: 'insert', actorId: PEOPLE.secretary?.userId, actorName: 'Sara Sekreterare', old: null });
    expect(trail[0]?.new).toEqual({ id: 'karta-lan', file_name: 'Karta län.png', media_type: 'image/png', sha256: stored.rows[0]?.sha256, alt: 'Karta över länets sjukhus' });
    expect(trail[0]?.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('gives a second picture of the same name an id of its own', async () => {
    const r = await upload('presenter', 'karta län.PNG', await png(4, 4), 'En annan karta');
    expect(r.status, JSON.stringify(r.json)).toBe(201);
    expect(r.json).toMatchObject({ id: 'karta-lan-2', fileName: 'karta län.PNG', alt: 'En annan karta' });
  });

  it('turns a JPEG upright by its EXIF orientation and stores it without EXIF', async () => {
    // 40 × 20: red on the left, blue on the right; orientation 6 shows it turned 90° clockwise
    const red = await sharp({ create: { width: 20, height: 20, channels: 3, background: { r: 220, g: 0, b: 0 } } }).png().toBuffer();
    const photo = await sharp({ create: { width: 40, height: 20, channels: 3, background: { r: 0, g: 0, b: 220 } } })
      .composite([{ input: red, left: 0, top: 0 }])
      .jpeg({ quality: 95 })
      .withMetadata({ orientation: 6 })
      .withExif({ IFD0: { Artist: 'Fotograf Hemlig', Copyright: 'Region' } })
      .toBuffer();
    const sent = await sharp(photo).metadata();
    expect([sent.width, sent.height, sent.orientation, sent.exif !== undefined]).toEqual([40, 20, 6, true]);

    const r = await upload('secretary', 'foto.jpg', photo, 'Foto från invigningen', 'image/jpeg');
    expect(r.status, JSON.stringify(r.json)).toBe(201);
    expect(r.json).toMatchObject({ id: 'foto', fileName: 'foto.jpg', mediaType: 'image/jpeg', width: 20, height: 40 });

    const back = await served('foto');
    expect(back.type).toBe('image/jpeg');
    const m = await sharp(back.bytes).metadata();
    expect([m.format, m.width, m.height, m.orientation, m.exif, m.xmp, m.iptc, m.icc]).toEqual(['jpeg', 20, 40, undefined, undefined, undefined, undefined, undefined]);
    expect(back.bytes.includes(Buffer.from('Fotograf Hemlig'))).toBe(false);
    // turned clockwise: what was on the left is now on top
    const { data, info } = await sharp(back.bytes).raw().toBuffer({ resolveWithObject: true });
    const pixel = (x: number, y: number) => Array.from(data.subarray((y * info.width + x) * info.channels, (y * info.width + x) * info.channels + 3));
    expect(pixel(10, 5)[0]).toBeGreaterThan(150);
    expect(pixel(10, 5)[2]).toBeLessThan(80);
    expect(pixel(10, 35)[2]).toBeGreaterThan(150);
    expect(pixel(10, 35)[0]).toBeLessThan(80);
  });

  it('keeps nothing of the file but its picture: bytes appended after the image are gone', async () => {
    const payload = Buffer.from('<script>alert("bild")</script>');
    const polyglot = Buffer.concat([await png(8, 8), payload]);
    const r = await upload('secretary', 'skript.png', polyglot, 'Grön ruta');
    expect(r.status, JSON.stringify(r.json)).toBe(201);
    const back = await served(String(r.json.id));
    expect(back.bytes.includes(payload)).toBe(false);
    expect(back.bytes.subarray(-8).toString('latin1')).toBe('IEND\xaeB`\x82');
  });

  it('names a PNG sent as .jpg for what it is, with the alt text after the file in the form', async () => {
    const form = multipart([{ name: 'file', fileName: 'diagram.jpg', contentType: 'image/jpeg', bytes: await png(5, 5) }, { name: 'alt', value: 'Diagram' }]);
    const r = await app.inject({ method: 'POST', url: '/api/assets', headers: { 'x-test-as': 'secretary', ...form.headers }, payload: form.payload });
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json()).toMatchObject({ id: 'diagram', fileName: 'diagram.png', mediaType: 'image/png', alt: 'Diagram' });
  });
});

describe('a refused upload stores nothing', () => {
  it('a GIF renamed .png: 400, naming the file, in Swedish', async () => {
    const before = await storedCount();
    const gif = await sharp({ create: { width: 6, height: 6, channels: 3, background: 'blue' } }).gif().toBuffer();
    const r = await upload('secretary', 'djur.png', gif, 'Ett djur');
    expect(r.status).toBe(400);
    expect(r.json.error?.code).toBe('invalid_input');
    expect(r.json.error?.message).toBe('Filen "djur.png" är en GIF-bild, inte PNG eller JPEG. Spara bilden som PNG eller JPEG och försök igen.');
    expect(r.json.error?.details).toEqual([{ where: 'file', message: 'ska vara en PNG- eller JPEG-bild' }]);
    expect(await storedCount()).toBe(before);
  });

  it('a 60 MB file: refused in Swedish at the upload limit, nothing stored', async () => {
    const before = await storedCount();
    const huge = Buffer.alloc(60 * 1024 * 1024);
    (await png(2, 2)).copy(huge);
    const r = await upload('secretary', 'stor.png', huge, 'Stor bild');
    expect(r.status).toBe(413);
    expect(r.json.error?.message).toBe('Filen "stor.png" är större än gränsen på 20 MB.');
    expect(await storedCount()).toBe(before);
  });

  it('the service itself refuses a file past 20 MB before decoding it', async () => {
    const before = await storedCount();
    const huge = Buffer.alloc(60 * 1024 * 1024);
    (await png(2, 2)).copy(huge);
    await expect(uploadAsset(t.db, { fileName: 'stor.png', bytes: huge, alt: 'Stor bild' }, SYSTEM_ACTOR)).rejects.toMatchObject({ code: 'too_large', message: 'Filen "stor.png" är 60 MB, större än gränsen på 20 MB.' });
    expect(await storedCount()).toBe(before);
  });

  it('a picture past 40 megapixels, told from its header before anything is decoded', async () => {
    const before = await storedCount();
    const r = await upload('secretary', 'bomb.png', await pngClaiming(10_000, 10_000), 'Bomb');
    expect(r.status).toBe(400);
    expect(r.json.error?.message).toMatch(/^Bilden "bomb\.png" är 10.000 × 10.000 bildpunkter \(100,0 megapixlar\), fler än gränsen på 40 megapixlar\./);
    expect(await storedCount()).toBe(before);
  });

  it('a broken PNG: 400, it cannot be read', async () => {
    const before = await storedCount();
    const whole = await png(50, 50);
    const r = await upload('secretary', 'trasig.png', whole.subarray(0, 40), 'Trasig');
    expect(r.status).toBe(400);
    expect(r.json.error?.message).toBe('Filen "trasig.png" kan inte läsas som PNG-bild: den är skadad eller ofullständig.');
    expect(await storedCount()).toBe(before);
  });

  it('without alt text, or with only spaces, or too long: 400 in Swedish', async () => {
    const before = await storedCount();
    const missing = await upload('secretary', 'utan.png', await png(3, 3), null);
    expect(missing.status).toBe(400);
    expect(missing.json.error?.message).toBe('Bilden kan inte laddas upp: alt: alternativtext krävs: beskriv med ord vad bilden visar');
    expect(missing.json.error?.details).toEqual([{ where: 'alt', message: 'alternativtext krävs: beskriv med ord vad bilden visar' }]);
    const blank = await upload('secretary', 'utan.png', await png(3, 3), '   ');
    expect(blank.status).toBe(400);
    expect(blank.json.error?.details).toEqual([{ where: 'alt', message: 'alternativtext krävs: beskriv med ord vad bilden visar' }]);
    const long = await upload('secretary', 'utan.png', await png(3, 3), 'a'.repeat(501));
    expect(long.status).toBe(400);
    expect(long.json.error?.details).toEqual([{ where: 'alt', message: 'får ha högst 500 tecken' }]);
    const nul = await upload('secretary', 'utan.png', await png(3, 3), 'Karta\u0000');
    expect(nul.status).toBe(400);
    expect(nul.json.error?.details?.[0]?.where).toBe('alt');
    expect(await storedCount()).toBe(before);
  });

  it('without a file, or not as multipart: 400 in Swedish', async () => {
    const form = multipart([{ name: 'alt', value: 'Bara text' }]);
    const none = await app.inject({ method: 'POST', url: '/api/assets', headers: { 'x-test-as': 'secretary', ...form.headers }, payload: form.payload });
    expect(none.statusCode).toBe(400);
    expect(none.json().error.message).toBe('Ingen bild skickades (fältet "file").');
    const json = await app.inject({ method: 'POST', url: '/api/assets', headers: { 'x-test-as': 'secretary' }, payload: { alt: 'x' } });
    expect(json.statusCode).toBe(400);
    expect(json.json().error.message).toBe('Skicka bilden som multipart/form-data: filen i fältet "file" och alternativtexten i fältet "alt".');
  });

  it('from someone who may not edit items: 403 (reader, analyst), 401 (nobody), nothing stored', async () => {
    const before = await storedCount();
    const bytes = await png(3, 3);
    for (const who of ['reader', 'analyst'] as const) {
      const r = await upload(who, 'nej.png', bytes, 'Nej');
      expect(r.status, who).toBe(403);
      expect(r.json.error?.message).toBe('Du har inte behörighet till det här.');
      expect((await patch(who, 'karta-lan', { alt: 'Ändrad' })).status, who).toBe(403);
    }
    const form = multipart([{ name: 'alt', value: 'Nej' }, { name: 'file', fileName: 'nej.png', contentType: 'image/png', bytes }]);
    const anonymous = await app.inject({ method: 'POST', url: '/api/assets', headers: form.headers, payload: form.payload });
    expect(anonymous.statusCode).toBe(401);
    expect(await storedCount()).toBe(before);
    expect((await app.inject({ url: '/api/assets', headers: { 'x-test-as': 'reader' } })).statusCode).toBe(403);
  });
});

describe('changing and listing pictures', () => {
  it('changes the alt text, on the audit trail old → new', async () => {
    const r = await patch('presenter', 'karta-lan', { alt: ' Karta över länets sjukhus och vårdcentraler ' });
    expect(r.status, JSON.stringify(r.json)).toBe(200);
    expect(r.json).toMatchObject({ id: 'karta-lan', fileName: 'Karta län.png', mediaType: 'image/png', width: 30, height: 20, alt: 'Karta över länets sjukhus och vårdcentraler' });
    const update = (await assetTrail('karta-lan')).find((e) => e.operation === 'update');
    expect(update).toMatchObject({ actorId: PEOPLE.presenter?.userId, actorName: 'Helena Nilsson', old: { alt: 'Karta över länets sjukhus' }, new: { alt: 'Karta över länets sjukhus och vårdcentraler' } });
    expect(update?.new).not.toHaveProperty('bytes');
  });

  it('renames the file keeping its extension true, and refuses an empty alt text or an unknown picture', async () => {
    const renamed = await patch('secretary', 'karta-lan', { fileName: 'Sjukhuskarta.jpg' });
    expect(renamed.status, JSON.stringify(renamed.json)).toBe(200);
    expect(renamed.json).toMatchObject({ id: 'karta-lan', fileName: 'Sjukhuskarta.png' });
    const empty = await patch('secretary', 'karta-lan', { alt: '' });
    expect(empty.status).toBe(400);
    expect(empty.json.error?.message).toBe('Bilden kan inte ändras: alt: alternativtext krävs: beskriv med ord vad bilden visar');
    const unknown = await patch('secretary', 'finns-inte', { alt: 'x' });
    expect(unknown.status).toBe(404);
    expect(unknown.json.error?.message).toBe('Bilden "finns-inte" finns inte');
    const stored = await sql<{ alt: string; file_name: string }>`select alt, file_name from asset where id = 'karta-lan'`.execute(t.db);
    expect(stored.rows).toEqual([{ alt: 'Karta över länets sjukhus och vårdcentraler', file_name: 'Sjukhuskarta.png' }]);
  });

  it('lists every picture without its bytes, for editors', async () => {
    const r = await app.inject({ url: '/api/assets', headers: { 'x-test-as': 'presenter' } });
    expect(r.statusCode).toBe(200);
    const { assets } = r.json<{ assets: Array<{ id: string; fileName: string; mediaType: string; alt: string; size: number }> }>();
    const sizes = await sql<{ id: string; size: number }>`select id, octet_length(bytes) as size from asset order by id`.execute(t.db);
    expect(assets.map((a) => [a.id, a.size])).toEqual(sizes.rows.map((s) => [s.id, s.size]));
    expect(assets.find((a) => a.id === 'karta-lan')).toEqual({ id: 'karta-lan', fileName: 'Sjukhuskarta.png', mediaType: 'image/png', alt: 'Karta över länets sjukhus och vårdcentraler', size: expect.any(Number) });
    expect(assets.map((a) => a.id)).toContain('samverkan-e-halsa-organisation');
  });
});
