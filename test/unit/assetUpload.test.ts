import { describe, expect, it } from 'vitest';
import {
  assetIdBase,
  assetUpdateInput,
  assetUploadInput,
  cleanFileName,
  formatProblem,
  pixelProblem,
  sniffFormat,
  storedFileName,
  tooLargeMessage,
} from '../../src/domain/assetUpload.js';
import { validate } from '../../src/domain/validation.js';

/** The rules for uploaded pictures, apart from decoding them (test/api/assetUpload.test.ts). */
const bytes = (...parts: Array<number[] | string>) => Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? Array.from(p, (c) => c.charCodeAt(0)) : p)));

describe('what a file is, from its first bytes', () => {
  it('knows PNG and JPEG, and the pictures and documents people send instead', () => {
    expect(sniffFormat(bytes([0x89], 'PNG', [0x0d, 0x0a, 0x1a, 0x0a, 0, 0]))).toBe('png');
    expect(sniffFormat(bytes([0xff, 0xd8, 0xff, 0xe1]))).toBe('jpeg');
    expect(sniffFormat(bytes('GIF89a', [1, 0]))).toBe('gif');
    expect(sniffFormat(bytes('GIF87a'))).toBe('gif');
    expect(sniffFormat(bytes('RIFF', [0, 0, 0, 0], 'WEBPVP8 '))).toBe('webp');
    expect(sniffFormat(bytes([0, 0, 0, 0x18], 'ftypheic', [0, 0, 0, 0]))).toBe('heif');
    expect(sniffFormat(bytes([0, 0, 0, 0x1c], 'ftypavif'))).toBe('avif');
    expect(sniffFormat(bytes('II*', [0]))).toBe('tiff');
    expect(sniffFormat(bytes('MM', [0], '*'))).toBe('tiff');
    expect(sniffFormat(bytes('%PDF-1.7'))).toBe('pdf');
    expect(sniffFormat(bytes('PK', [3, 4]))).toBe('zip');
    expect(sniffFormat(bytes([0xef, 0xbb, 0xbf], '  <?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg">'))).toBe('svg');
    expect(sniffFormat(bytes('<html><body>hej</body></html>'))).toBeNull();
    expect(sniffFormat(bytes([0x89], 'PN'))).toBeNull();
    expect(sniffFormat(new Uint8Array(0))).toBeNull();
  });

  it('says in Swedish what a refused file is, naming it', () => {
    expect(formatProblem('djur.png', 'gif')).toBe('Filen "djur.png" är en GIF-bild, inte PNG eller JPEG. Spara bilden som PNG eller JPEG och försök igen.');
    expect(formatProblem('IMG_0001.jpg', 'heif')).toBe('Filen "IMG_0001.jpg" är en HEIF-bild (HEIC, som iPhone sparar), inte PNG eller JPEG. Spara bilden som PNG eller JPEG och försök igen.');
    expect(formatProblem('anteckning.png', null)).toBe('Filen "anteckning.png" är inte en PNG- eller JPEG-bild. Spara bilden som PNG eller JPEG och försök igen.');
    expect(formatProblem('karta.png', 'png')).toBeNull();
    expect(formatProblem('foto.jpg', 'jpeg')).toBeNull();
  });
});

describe('limits', () => {
  it('on pixels: 40 megapixels and no more', () => {
    expect(pixelProblem('a.png', 8000, 5000)).toBeNull();
    expect(pixelProblem('a.png', 8001, 5000)).toMatch(/^Bilden "a\.png" är 8.001 × 5.000 bildpunkter \(40,0 megapixlar\), fler än gränsen på 40 megapixlar\./);
  });

  it('on size, with or without the size known', () => {
    expect(tooLargeMessage('stor.png', 60 * 1024 * 1024)).toBe('Filen "stor.png" är 60 MB, större än gränsen på 20 MB.');
    expect(tooLargeMessage('stor.png', null)).toBe('Filen "stor.png" är större än gränsen på 20 MB.');
  });
});

describe('names and ids', () => {
  it('keeps the name the user sees: the last part of a path, without control characters', () => {
    expect(cleanFileName('C:\\Users\\anna\\Bilder\\karta.png')).toBe('karta.png');
    expect(cleanFileName('../../etc/karta.png')).toBe('karta.png');
    expect(cleanFileName(' kar\u0000ta\u0007.png ')).toBe('karta.png');
  });

  it('gives a stored name an extension that says what the file is', () => {
    expect(storedFileName('karta.png', 'png')).toBe('karta.png');
    expect(storedFileName('Foto.JPEG', 'jpeg')).toBe('Foto.JPEG');
    expect(storedFileName('diagram.jpg', 'png')).toBe('diagram.png');
    expect(storedFileName('djur.gif', 'jpeg')).toBe('djur.jpg');
    expect(storedFileName('rapport 2026.v2', 'png')).toBe('rapport 2026.v2.png');
    expect(storedFileName('utan-andelse', 'jpeg')).toBe('utan-andelse.jpg');
  });

  it('makes an id from the name without its extension', () => {
    expect(assetIdBase('Karta län.png')).toBe('karta-lan');
    expect(assetIdBase('Öppet hus – Växjö 2026.JPG')).toBe('oppet-hus-vaxjo-2026');
    expect(assetIdBase('ååå.png')).toBe('aaa');
    expect(assetIdBase('???.png')).toBe('bild');
    expect(assetIdBase(`${'a'.repeat(80)}.png`)).toBe('a'.repeat(60));
  });
});

describe('the text fields', () => {
  it('require an alt text of 1–500 characters, trimmed, missing or blank alike', () => {
    const ok = validate(assetUploadInput, { fileName: 'karta.png', alt: '  Karta  ' });
    expect(ok).toEqual({ ok: true, value: { fileName: 'karta.png', alt: 'Karta' } });
    const required = [{ where: 'alt', message: 'alternativtext krävs: beskriv med ord vad bilden visar' }];
    expect(validate(assetUploadInput, { fileName: 'karta.png', alt: null })).toEqual({ ok: false, details: required });
    expect(validate(assetUploadInput, { fileName: 'karta.png' })).toEqual({ ok: false, details: required });
    expect(validate(assetUploadInput, { fileName: 'karta.png', alt: ' \n ' })).toEqual({ ok: false, details: required });
    expect(validate(assetUploadInput, { fileName: 'karta.png', alt: 'a'.repeat(500) }).ok).toBe(true);
    expect(validate(assetUploadInput, { fileName: 'karta.png', alt: 'a'.repeat(501) })).toEqual({ ok: false, details: [{ where: 'alt', message: 'får ha högst 500 tecken' }] });
    expect(validate(assetUploadInput, { fileName: 'karta.png', alt: 'halv \ud800' })).toEqual({ ok: false, details: [{ where: 'alt', message: 'innehåller ett tecken som inte kan lagras (NUL eller ett halvt tecken)' }] });
  });

  it('take a change of alt text or file name, nothing else', () => {
    expect(validate(assetUpdateInput, { fileName: ' mappar/Ny karta.png ' })).toEqual({ ok: true, value: { fileName: 'Ny karta.png' } });
    expect(validate(assetUpdateInput, { fileName: '' })).toEqual({ ok: false, details: [{ where: 'fileName', message: 'får inte vara tom' }] });
    expect(validate(assetUpdateInput, { bytes: 'x' })).toEqual({ ok: false, details: [{ where: '(hela)', message: 'okänt fält: bytes' }] });
  });
});
