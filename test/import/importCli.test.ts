import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../support/cli.js';
import { demoDatabase } from '../support/demo.js';
import { writeCsv, writeXlsx } from '../support/importFiles.js';
import { koladaFixture, startKoladaStub, type KoladaStub } from '../support/koladaStub.js';
import { urlFor, type TestDatabase } from '../support/testDatabase.js';

/** `styrkort import …` and `styrkort kolada …` as real processes, against a test database. */
let t: TestDatabase;
let dir: string;
let stub: KoladaStub;
let env: Record<string, string>;
beforeAll(async () => {
  t = await demoDatabase();
  dir = await tempDir('styrkort-import-cli-');
  stub = await startKoladaStub(koladaFixture());
  env = { DATABASE_URL: urlFor(t.name), STYRKORT_KOLADA_URL: stub.url };
});
afterAll(async () => {
  await stub.close();
  await t.drop();
  await rm(dir, { recursive: true, force: true });
});

const BUP = 'bup-medelvantetid-forsta-besok';

describe('styrkort import', () => {
  it('dry run, import, list, show and undo — summary tables on stdout, no progress bar off a terminal', async () => {
    const file = await writeXlsx(dir, 'bup.xlsx', [{ name: 'BUP', rows: [['Indikator', 'Område', 'Period', 'Värde'], [BUP, 'BUP', 'dec 2024', 31], [BUP, 'BUP', 'jan 2025', 30]] }]);
    const dry = await runCli(['import', file, '--dry-run', '--sheet', 'BUP'], env);
    expect(dry.stderr).toBe('');
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('Fil: bup.xlsx (XLSX, blad BUP), 3 rader, SHA-256 ');
    expect(dry.stdout).toContain(['┌────────────────────┬───┐', '│ Nya värden         │ 1 │', '│ Ändrade värden     │ 1 │', '│ Oförändrade värden │ 0 │', '│ Fel                │ 0 │', '└────────────────────┴───┘'].join('\n'));
    expect(dry.stdout).toContain('  BUP – medelväntetid i väntelistan till första besök · Barn- och ungdomspsykiatrin · december 2024: 30,2\u00a0dagar → 31,0\u00a0dagar');
    expect(dry.stdout.trimEnd().split('\n').at(-1)).toBe('Provläsning: inget sparades.');

    const real = await runCli(['import', file], env);
    expect(real.code).toBe(0);
    const batch = Number(real.stdout.match(/Sparad som inläsning (\d+)\. Ångra med: styrkort import undo \1/)?.[1]);
    expect(batch).toBeGreaterThan(0);

    const list = await runCli(['import', 'list'], env);
    expect(list.stdout.split('\n')[0]).toMatch(new RegExp(`^\\s+${batch}  \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d  xlsx   bup\\.xlsx \\(cli:\\S+\\): 1 nya, 1 ändrade, 0 oförändrade$`));
    const show = await runCli(['import', 'show', String(batch)], env);
    expect(show.stdout).toContain('Barn- och ungdomspsykiatrin · december 2024: 30,2\u00a0dagar → 31,0\u00a0dagar');

    const undo = await runCli(['import', 'undo', String(batch)], env);
    expect(undo.stdout.trim()).toBe(`Inläsning ${batch} ångrad: 1 värden borttagna, 1 återställda till sina tidigare värden.`);
    const twice = await runCli(['import', 'undo', String(batch)], env);
    expect(twice.code).toBe(1);
    expect(twice.stderr).toMatch(new RegExp(`^Fel: Inläsning ${batch} ångrades redan `));
  });

  it('writes nothing from a file with errors, exits 1 and writes the problems to a file', async () => {
    const file = await writeCsv(dir, 'fel.csv', `Indikator;Område;Period;Värde\n${BUP};BUP;2025-02;tolv\n${BUP};Okänt ställe;2025-03;12\n`, 'windows-1252');
    const report = path.join(dir, 'fel.xlsx');
    const r = await runCli(['import', file, '--errors', report], env);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('  rad 2, kolumn D ("tolv"): "tolv" är inget tal');
    expect(r.stdout).toContain('Okända namn — koppla dem med "styrkort import map indicator|area NAMN ID":');
    expect(r.stdout).toContain(`Felen skrevs till ${report}.`);
    expect(r.stdout).toContain('Inget sparades: filen har 2 fel.');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await readFile(report)) as unknown as ArrayBuffer);
    expect(workbook.getWorksheet('Fel')?.getRow(3).values).toEqual([undefined, '', 3, 'B', 'Okänt ställe', 'okänt område', expect.stringMatching(/^okänt område "Okänt ställe"/)]);

    const map = await runCli(['import', 'map', 'area', 'Okänt ställe', 'bup'], env);
    expect(map.stdout.trim()).toBe('"Okänt ställe" betyder nu området bup vid inläsning.');
    const mappings = await runCli(['import', 'mappings'], env);
    expect(mappings.stdout).toContain('område     "Okänt ställe" → bup  (cli:');
    const skip = await runCli(['import', file, '--skip-errors'], env);
    expect(skip.code).toBe(0);
    expect(skip.stdout).toMatch(/Sparad som inläsning \d+ \(1 rader med fel hoppades över\)\./);
  });
});

describe('styrkort kolada', () => {
  it('syncs KPIs for all regions and years from the configured Kolada', async () => {
    const r = await runCli(['kolada', 'sync', '--kpi', 'N79179,U79119', '--regions', 'all', '--years', '2023-2025'], env);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('N79179 Telefonsamtal besvarade samma dag, primärvård, andel (%) → kolada-telefon-primarvard-samma-dag: 27 värden (allt, 1 sidor)');
    expect(r.stdout).toContain('Regioner: 0000, 0008, 0010; år 2023–2025. Källa: Kolada, hämtat ');
    expect(r.stdout).toContain('│ Nya värden         │ 18 │');
    expect(r.stdout).toMatch(/Sparad som inläsning \d+\./);
    const again = await runCli(['kolada', 'sync', '--kpi', 'N79179', '--years', '2023-2025', '--dry-run'], env);
    expect(again.stdout).toContain('(ändrat sedan ');
    expect(again.stdout).toContain('Provkörning: inget sparades.');
    const bad = await runCli(['kolada', 'sync', '--kpi', 'N79179', '--years', 'i fjol'], env);
    expect(bad.code).toBe(1);
    expect(bad.stderr.trim()).toBe('Fel: "i fjol" är inget år (väntat t.ex. 2016-2025 eller 2020,2022)');
  });
});
