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

/** A workbook written part by part, as other writers store it: the parts' XML exactly as given. */
async function rawXlsx(sheets: Array<{ name: string; xml: string; state?: string; chart?: boolean }>, extra: Record<string, string> = {}, workbookPr = ''): Promise<Buffer> {
  const zip = new JSZip();
  const ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
  const rel = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  zip.file('_rels/.rels', `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/officeDocument" Target="/xl/book.xml"/></Relationships>`);
  zip.file(
    'xl/book.xml',
    `<?xml version="1.0"?><workbook ${ns}>${workbookPr}<sheets>${sheets.map((s, i) => `<sheet name="${s.name}" sheetId="${i + 1}" r:id="rId${i + 1}"${s.state ? ` state="${s.state}"` : ''}/>`).join('')}</sheets></workbook>`,
  );
  zip.file(
    'xl/_rels/book.xml.rels',
    `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets
      .map((s, i) => `<Relationship Id="rId${i + 1}" Type="${rel}/${s.chart ? 'chartsheet' : 'worksheet'}" Target="${s.chart ? 'chartsheets' : 'data'}/blad${i + 1}.xml"/>`)
      .join('')}<Relationship Id="rIdS" Type="${rel}/sharedStrings" Target="strings.xml"/><Relationship Id="rIdT" Type="${rel}/styles" Target="format.xml"/></Relationships>`,
  );
  sheets.forEach((s, i) => zip.file(`xl/${s.chart ? 'chartsheets' : 'data'}/blad${i + 1}.xml`, s.xml));
  for (const [name, text] of Object.entries(extra)) zip.file(name, text);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

describe('XLSX files from other writers (parts found through their relations)', () => {
  const strings = `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>Indikator</t></si><si><t>Område</t></si><si><t>Period</t></si><si><t>Värde</t></si><si><r><t>Andel </t></r><r><t>samma dag</t></r><rPh><t>ふりがな</t></rPh></si><si><t>Region_x000D_Kalmar</t></si></sst>`;
  // style 0 General, 1 built-in 14 (a date), 2 built-in 9 (percent), 3 custom yyyy-mm
  const styles = `<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy\\-mm"/></numFmts><cellStyleXfs><xf numFmtId="9"/></cellStyleXfs><cellXfs><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="9"/><xf numFmtId="164"/></cellXfs></styleSheet>`;
  const head = '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c></row>';

  it('reads shared, rich and inline strings, built-in and custom formats, shared formulas and ISO dates, with prefixed elements', async () => {
    const sheet = `<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>${head.replace(/<(\/?)(row|c|v)\b/g, '<$1x:$2')}
      <x:row r="2"><x:c r="A2" t="s"><x:v>4</x:v></x:c><x:c r="B2" t="s"><x:v>5</x:v></x:c><x:c r="C2" s="3"><x:v>46082</x:v></x:c><x:c r="D2" s="2"><x:f t="shared" ref="D2:D3" si="0">0.5+0.48</x:f><x:v>0.98</x:v></x:c></x:row>
      <x:row><x:c t="inlineStr"><x:is><x:t>Andel samma dag</x:t></x:is></x:c><x:c t="inlineStr"><x:is><x:t xml:space="preserve">Region Kalmar län </x:t></x:is></x:c><x:c s="1"><x:v>46113</x:v></x:c><x:c s="2"><x:f t="shared" si="0"/><x:v>0.97</x:v></x:c></x:row>
      <x:row r="4"><x:c r="A4" t="s"><x:v>4</x:v></x:c><x:c r="B4" t="s"><x:v>5</x:v></x:c><x:c r="C4"><x:v>2025</x:v></x:c><x:c r="D4" s="2"><x:f t="shared" si="0"/></x:c></x:row>
      <x:row r="5"><x:c r="A5" t="str"><x:f>A3</x:f><x:v>Andel samma dag</x:v></x:c><x:c r="B5" t="s"><x:v>5</x:v></x:c><x:c r="C5" t="d"><x:v>2026-05-01</x:v></x:c><x:c r="D5" t="b"><x:v>1</x:v></x:c></x:row>
      </x:sheetData></x:worksheet>`;
    const { rows, issues } = await parseXlsx(await rawXlsx([{ name: 'Utfall', xml: sheet }], { 'xl/strings.xml': strings, 'xl/format.xml': styles }));
    expect(rows.map((r) => [r.row, r.indicator.value, r.area.value, r.period.value.period, r.value.value])).toEqual([
      [2, 'Andel samma dag', 'Region\rKalmar', { kind: 'month', year: 2026, month: 3 }, 98],
      [3, 'Andel samma dag', 'Region Kalmar län', { kind: 'date', year: 2026, month: 4, day: 1 }, 97],
    ]);
    expect(issues).toEqual([
      expect.objectContaining({ row: 4, column: 'D', value: '=0.5+0.48', rule: 'tal' }),
      expect.objectContaining({ row: 5, column: 'D', rule: 'tal' }),
    ]);
  });

  it('counts dates from 1904 when the workbook says so', async () => {
    const sheet = `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${head}<row r="2"><c r="A2" t="s"><v>4</v></c><c r="B2" t="s"><v>5</v></c><c r="C2" s="3"><v>44620</v></c><c r="D2"><v>1</v></c></row></sheetData></worksheet>`;
    const { rows } = await parseXlsx(await rawXlsx([{ name: 'Utfall', xml: sheet }], { 'xl/strings.xml': strings, 'xl/format.xml': styles }, '<workbookPr date1904="1"/>'));
    expect(rows.map((r) => r.period.value.period)).toEqual([{ kind: 'month', year: 2026, month: 3 }]);
  });

  it('notes a chart sheet, and names the part and place of XML that is not well-formed', async () => {
    const good = `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${head}<row r="2"><c r="A2" t="s"><v>4</v></c><c r="B2" t="s"><v>5</v></c><c r="C2"><v>2025</v></c><c r="D2"><v>1</v></c></row></sheetData></worksheet>`;
    const withChart = await parseXlsx(await rawXlsx([{ name: 'Diagram', xml: '<chartsheet/>', chart: true }, { name: 'Utfall', xml: good }], { 'xl/strings.xml': strings, 'xl/format.xml': styles }));
    expect(withChart.rows).toHaveLength(1);
    expect(withChart.notes).toContain('Bladet Diagram är inget kalkylblad (t.ex. ett diagramblad) och lästes inte');
    const broken = await parseXlsx(await rawXlsx([{ name: 'Utfall', xml: good.replace('</row></sheetData>', '</sheetData>') }], { 'xl/strings.xml': strings, 'xl/format.xml': styles })).catch((e: unknown) => e);
    expect(isStyrkortError(broken) && broken.message).toMatch(/^Filen kan inte läsas som XLSX: delen xl\/data\/blad1\.xml är inte giltig XML \(rad 1, tecken \d+\)$/);
  });

  it('refuses a zip without a workbook, in Swedish', async () => {
    const zip = new JSZip();
    zip.file('word/document.xml', '<document/>');
    const error = await parseXlsx(await zip.generateAsync({ type: 'nodebuffer' })).catch((e: unknown) => e);
    expect(isStyrkortError(error) && error.message).toBe('Filen kan inte läsas som XLSX: arbetsboken (xl/workbook.xml) saknas — filen är inte en Excel-arbetsbok');
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
