import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rm } from 'node:fs/promises';
import JSZip from 'jszip';
import { isStyrkortError } from '../../src/domain/errors.js';
import { parseXlsx } from '../../src/importers/xlsx/parse.js';
import { checkZip } from '../../src/importers/xlsx/zipGuard.js';
import { tempDir } from '../support/cli.js';
import { writeXlsx, xlsxBytes } from '../support/importFiles.js';

let dir: string;
beforeAll(async () => {
  dir = await tempDir('styrkort-xlsx-');
});
afterAll(async () => rm(dir, { recursive: true, force: true }));

const march = new Date(Date.UTC(2026, 2, 1));

describe('XLSX files written by Excel (here: by exceljs)', () => {
  it('reads dates at the precision they show, percents as shown, and formulas as their saved values', async () => {
    const file = await writeXlsx(dir, 'utfall.xlsx', [
      {
        name: 'Utfall',
        rows: [
          ['Utfall primärvård, mars 2026'],
          [],
          ['Indikator', 'Område', 'Period', 'Värde'],
          ['Andel samma dag', 'Region Kalmar län', march, 0.98],
          ['Medelväntetid', 'Region Kalmar län', march, { formula: 'D4*30', result: 29.4 }],
          ['Medelväntetid', 'Region Kalmar län', 2025, { sharedFormula: 'D5', result: 31.2 } as never],
          ['Medelväntetid', { richText: [{ text: 'Region ' }, { text: 'Blekinge' }] }, 'T1 2026', '30,2'],
          ['Medelväntetid', 'Region Kalmar län', 46113, '−2,5'],
          ['Medelväntetid', 'Region Kalmar län', 'jan-april 2026', { formula: 'NU()' }],
          ['Medelväntetid', 'Region Kalmar län', 'mars 2026', { error: '#DIV/0!' }],
        ],
        formats: { C4: 'yyyy-mm', D4: '0%', C5: 'yyyy-mm-dd' },
      },
    ]);
    const { rows, issues, result } = await parseXlsx(file);
    expect(result.sheets.map((s) => [s.sheet, s.layout, s.headerRow])).toEqual([['Utfall', 'long', 3]]);
    expect(rows.map((r) => [r.sheet, r.row, r.area.value, r.period.value.period, r.value.value])).toEqual([
      ['Utfall', 4, 'Region Kalmar län', { kind: 'month', year: 2026, month: 3 }, 98],
      ['Utfall', 5, 'Region Kalmar län', { kind: 'date', year: 2026, month: 3, day: 1 }, 29.4],
      ['Utfall', 6, 'Region Kalmar län', { kind: 'year', year: 2025 }, 31.2],
      ['Utfall', 7, 'Region Blekinge', { kind: 'tertial', year: 2026, tertial: 1 }, 30.2],
      ['Utfall', 8, 'Region Kalmar län', { kind: 'date', year: 2026, month: 4, day: 1 }, -2.5],
    ]);
    expect(issues).toEqual([
      { sheet: 'Utfall', row: 9, column: 'D', value: '=NU()', rule: 'tal', message: expect.stringContaining('formeln har inget sparat värde') },
      { sheet: 'Utfall', row: 10, column: 'D', value: '#DIV/0!', rule: 'tal', message: 'cellen innehåller felet #DIV/0!' },
    ]);
  });

  it('reads every sheet with a heading row, notes the others, and reads one sheet when named', async () => {
    const bytes = await xlsxBytes([
      { name: 'Instruktioner', rows: [['Fyll i bladen nedan']] },
      { name: 'Bred', rows: [['Indikator', 'Område', 2024, 2025, march], ['x', 'Kalmar', 1, null, 3]], formats: { E1: 'mmm yyyy' } },
      { name: 'Dolt', rows: [['Indikator', 'Område', 'Period', 'Värde'], ['x', 'y', 2025, 1]], state: 'hidden' },
    ]);
    const all = await parseXlsx(bytes);
    expect(all.rows.map((r) => [r.sheet, r.period.value.period, r.value.value, r.value.column])).toEqual([
      ['Bred', { kind: 'year', year: 2024 }, 1, 'C'],
      ['Bred', { kind: 'month', year: 2026, month: 3 }, 3, 'E'],
    ]);
    expect(all.issues).toEqual([]);
    expect(all.notes).toEqual(expect.arrayContaining([expect.stringContaining('Bladet Instruktioner: ingen rubrikrad'), 'Bladet Dolt är dolt och lästes inte']));

    const hidden = await parseXlsx(bytes, { sheet: 'dolt' });
    expect(hidden.rows.map((r) => r.sheet)).toEqual(['Dolt']);
    const instructions = await parseXlsx(bytes, { sheet: 'Instruktioner' });
    expect(instructions.issues[0]).toMatchObject({ sheet: 'Instruktioner', row: 1, column: 'A', rule: 'rubrikrad' });
    const missing = await parseXlsx(bytes, { sheet: 'Saknas' }).catch((e: unknown) => e);
    expect(isStyrkortError(missing) && missing.message).toBe('Bladet "Saknas" finns inte i filen. Bladen heter: Instruktioner, Bred, Dolt');
  });

  it('says so when no sheet has a heading row', async () => {
    const { issues } = await parseXlsx(await xlsxBytes([{ name: 'Blad1', rows: [['hej'], ['då']] }]));
    expect(issues).toEqual([expect.objectContaining({ sheet: 'Blad1', row: 1, column: 'A', rule: 'rubrikrad' })]);
  });
});

/** Rewrites a zip's central directory without entry `drop`, leaving that entry's data in place. */
function hideEntry(zip: Buffer, drop: number): Buffer {
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = zip.readUInt16LE(eocd + 10);
  const size = zip.readUInt32LE(eocd + 12);
  const offset = zip.readUInt32LE(eocd + 16);
  const records: Buffer[] = [];
  let p = offset;
  for (let i = 0; i < count; i++) {
    const length = 46 + zip.readUInt16LE(p + 28) + zip.readUInt16LE(p + 30) + zip.readUInt16LE(p + 32);
    if (i !== drop) records.push(zip.subarray(p, p + length));
    p += length;
  }
  const directory = Buffer.concat(records);
  const end = Buffer.from(zip.subarray(eocd, eocd + 22));
  end.writeUInt16LE(count - 1, 8);
  end.writeUInt16LE(count - 1, 10);
  end.writeUInt32LE(directory.length, 12);
  expect(size).toBeGreaterThan(directory.length);
  return Buffer.concat([zip.subarray(0, offset), directory, end]);
}

/** Where the local header of entry `name` starts. */
function localHeader(zip: Buffer, name: string): number {
  for (let at = zip.indexOf(Buffer.from([0x50, 0x4b, 0x03, 0x04])); at >= 0; at = zip.indexOf(Buffer.from([0x50, 0x4b, 0x03, 0x04]), at + 4)) {
    if (zip.toString('utf8', at + 30, at + 30 + zip.readUInt16LE(at + 26)) === name) return at;
  }
  throw new Error(`${name} finns inte i arkivet`);
}

async function refusal(input: Buffer, limits?: Parameters<typeof checkZip>[1]): Promise<string> {
  const error = await checkZip(input, limits).then(() => null, (e: unknown) => e);
  if (!isStyrkortError(error)) throw new Error(`väntade ett fel, fick ${String(error)}`);
  return error.message;
}

describe('the zip guard, before any XLSX reader sees the file', () => {
  it('lets an ordinary workbook through, with its real unpacked size', async () => {
    const summary = await checkZip(await xlsxBytes([{ name: 'Blad1', rows: [['Indikator', 'Område', 'Period', 'Värde']] }]));
    expect(summary.entries.map((e) => e.name)).toContain('xl/workbook.xml');
    expect(summary.uncompressedBytes).toBe(summary.entries.reduce((n, e) => n + e.uncompressedSize, 0));
  });

  it('refuses too many entries', async () => {
    const zip = new JSZip();
    for (let i = 0; i < 2001; i++) zip.file(`x${i}.xml`, 'x');
    expect(await refusal(await zip.generateAsync({ type: 'nodebuffer' }))).toBe('Filen kan inte läsas som XLSX: arkivet har 2001 delar; högst 2000 tillåts');
  }, 30_000);

  it('refuses an entry that unpacks a thousand times larger (a zip bomb)', async () => {
    const zip = new JSZip();
    zip.file('xl/worksheets/sheet1.xml', Buffer.alloc(20 * 1024 * 1024));
    const message = await refusal(await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
    expect(message).toMatch(/^Filen kan inte läsas som XLSX: delen xl\/worksheets\/sheet1\.xml packas upp \d+ gånger större \(högst 200 tillåts\) — misstänkt zip-bomb$/);
  }, 30_000);

  it('refuses more unpacked bytes than allowed, and an entry whose real size is not its declared size', async () => {
    const zip = new JSZip();
    zip.file('a.xml', 'x'.repeat(10_000));
    const bytes = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
    expect(await refusal(bytes, { maxEntries: 10, maxUncompressedBytes: 5_000, maxRatio: 1000 })).toMatch(/uppackad är filen större än/);
    const lying = Buffer.from(bytes);
    const central = lying.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    lying.writeUInt32LE(100, central + 24); // declares 100 bytes; inflates to 10 000
    lying.writeUInt32LE(100, 22); // in its local header too
    expect(await refusal(lying)).toBe('Filen kan inte läsas som XLSX: delen a.xml har en annan storlek uppackad än arkivet anger — misstänkt zip-bomb');
  });

  it('refuses data the directory does not list (a reader streaming local headers would unpack it)', async () => {
    const zip = new JSZip();
    zip.file('a.xml', 'a'.repeat(1000));
    zip.file('b.xml', 'b');
    const bytes = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
    expect(await refusal(hideEntry(bytes, 0))).toBe('Filen kan inte läsas som XLSX: arkivet innehåller data som zip-katalogen inte listar');
  });

  it('refuses an entry whose local header says something else than the directory (the XLSX reader waited for ever)', async () => {
    // found by the property test in importProperties.test.ts: a local header with compressed size 0
    const bytes = Buffer.from(await xlsxBytes([{ name: 'Blad1', rows: [['Indikator', 'Område', 'Period', 'Värde'], ['x', 'y', 2025, 1]] }]));
    const at = localHeader(bytes, 'xl/_rels/workbook.xml.rels');
    bytes.writeUInt32LE(0, at + 18);
    const expected = 'Filen kan inte läsas som XLSX: delen xl/_rels/workbook.xml.rels beskrivs olika i zip-katalogen och i delens eget huvud — filen är skadad';
    expect(await refusal(bytes)).toBe(expected);
    // and the whole parse ends with that refusal instead of waiting
    const error = await parseXlsx(bytes).then(() => null, (e: unknown) => e);
    expect(isStyrkortError(error) && error.message).toBe(expected);
  });

  it('refuses data whose CRC-32 is not the recorded one (a flipped bit would be a wrong figure)', async () => {
    const text = '<sst><si><t>98 %</t></si></sst>';
    const zip = new JSZip();
    zip.file('xl/sharedStrings.xml', text, { compression: 'STORE' });
    const bytes = await zip.generateAsync({ type: 'nodebuffer' });
    const at = localHeader(bytes, 'xl/sharedStrings.xml');
    const data = at + 30 + bytes.readUInt16LE(at + 26) + bytes.readUInt16LE(at + 28);
    const flipped = Buffer.from(bytes);
    flipped[data + text.indexOf('98')] = '7'.charCodeAt(0); // 98 % → 78 %
    expect(flipped.toString('utf8', data, data + text.length)).toBe(text.replace('98', '78'));
    expect(await checkZip(bytes)).toMatchObject({ uncompressedBytes: text.length });
    expect(await refusal(flipped)).toBe('Filen kan inte läsas som XLSX: delen xl/sharedStrings.xml är skadad (kontrollsumman stämmer inte)');
  });

  it('refuses what is not a zip, naming the old .xls format', async () => {
    expect(await refusal(Buffer.from('Indikator;Område\n'))).toBe('Filen kan inte läsas som XLSX: filen är inte en zip-fil');
    const ole = Buffer.alloc(512);
    ole.writeUInt32LE(0xe011cfd0, 0);
    expect(await refusal(ole)).toMatch(/lösenordsskyddad eller i det gamla formatet \.xls/);
  });
});
