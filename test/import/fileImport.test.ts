import { createHash } from 'node:crypto';
import { readFile, rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isStyrkortError } from '../../src/domain/errors.js';
import { importFile, type FileImportRequest, type ImportProgress } from '../../src/services/fileImport.js';
import { importMappingList, saveMapping, undoImportBatch } from '../../src/services/importBatches.js';
import { tempDir } from '../support/cli.js';
import { demoDatabase } from '../support/demo.js';
import { writeCsv, writeXlsx } from '../support/importFiles.js';
import { snapshotAll } from '../support/snapshot.js';
import type { TestDatabase } from '../support/testDatabase.js';

let t: TestDatabase;
let dir: string;
beforeAll(async () => {
  t = await demoDatabase();
  dir = await tempDir('styrkort-import-');
});
afterAll(async () => {
  await t.drop();
  await rm(dir, { recursive: true, force: true });
});

const run = (path: string, extra: Partial<FileImportRequest> = {}) =>
  importFile(t.db, { path, fileName: path.split('/').at(-1) as string, dryRun: false, createdBy: 'test', ...extra });

async function stored(indicator: string, area: string, period: string) {
  return t.db
    .selectFrom('measurement')
    .select(['value', 'numerator', 'denominator', 'source', 'source_row', 'source_ref', 'import_batch_id', 'recorded_by'])
    .where('indicator_id', '=', indicator)
    .where('area_id', '=', area)
    .where('period', '=', period)
    .executeTakeFirst();
}

const BUP = 'bup-medelvantetid-forsta-besok';

describe('importing a file', () => {
  it('dry run of a Windows-1252 CSV: new, changed old → new, unchanged and every error — and nothing written', async () => {
    const file = await writeCsv(
      dir,
      'bup.csv',
      [
        'Indikator;Område;Period;Värde',
        `${BUP};Barn- och ungdomspsykiatrin;dec 2024;30,2`,
        'BUP – medelväntetid i väntelistan till första besök;BUP;2026-03;25,1',
        `${BUP};BUP;april 2026;24,0`,
        `${BUP};BUP;2026;24`,
        `${BUP};Okänd enhet;2026-04;24`,
        '',
      ].join('\r\n'),
      'windows-1252',
    );
    const before = await snapshotAll(t.db as never);
    const report = await run(file, { dryRun: true });
    expect(await snapshotAll(t.db as never)).toEqual(before);
    expect(report.encoding).toBe('Windows-1252');
    expect(report.counts).toEqual({ new: 1, changed: 1, unchanged: 1, errors: 2 });
    expect(report.committed).toBe(false);
    expect(report.changes.map((c) => [c.row, c.column, c.areaName, c.periodLabel, c.old?.text, c.new.text])).toEqual([[3, 'D', 'Barn- och ungdomspsykiatrin', 'mars 2026', '25,3\u00a0dagar', '25,1\u00a0dagar']]);
    expect(report.inserts.map((c) => [c.row, c.period, c.new.text])).toEqual([[4, '2026-04', '24,0\u00a0dagar']]);
    expect(report.issues.map((i) => [i.sheet, i.row, i.column, i.value, i.rule])).toEqual([
      [null, 5, 'C', '2026', 'periodtyp'],
      [null, 6, 'B', 'Okänd enhet', 'okänt område'],
    ]);
    expect(report.unresolved).toEqual([expect.objectContaining({ kind: 'area', text: 'Okänd enhet', rows: 1 })]);
  });

  it('commits an XLSX as one batch with file, SHA-256 and counts; every value points to its batch and cell; the same file again changes nothing', async () => {
    const march = new Date(Date.UTC(2026, 2, 1));
    const april = new Date(Date.UTC(2026, 3, 1));
    const file = await writeXlsx(dir, 'väntetider.xlsx', [
      { name: 'Läs mig', rows: [['Väntetider BUP, från journalsystemet']] },
      {
        name: 'BUP',
        rows: [
          ['Indikator', 'Område', march, april],
          ['BUP – medelväntetid i väntelistan till första besök', 'BUP', 25.3, 23.9],
          ['bup-medelvantetid-utredning', 'BUP', 71.6, { formula: 'C3-5', result: 66.6 }],
        ],
        formats: { C1: 'mmm yyyy', D1: 'mmm yyyy' },
      },
    ]);
    const report = await run(file);
    expect(report.issues).toEqual([]);
    expect(report.counts).toEqual({ new: 2, changed: 0, unchanged: 2, errors: 0 });
    expect(report.batchId).not.toBeNull();
    const sha = createHash('sha256').update(await readFile(file)).digest('hex');
    const batch = await t.db.selectFrom('import_batch').selectAll().where('id', '=', report.batchId as number).executeTakeFirstOrThrow();
    expect(batch).toMatchObject({ kind: 'xlsx', file_name: 'väntetider.xlsx', file_sha256: sha, created_by: 'test', inserted: 2, updated: 0, unchanged: 2, undone_at: null });
    expect(await stored('bup-medelvantetid-utredning', 'bup', '2026-04')).toEqual({
      value: 66.6, numerator: null, denominator: null, source: 'Region Kalmar län', source_row: 3, source_ref: 'väntetider.xlsx · BUP!D3', import_batch_id: report.batchId, recorded_by: 'test',
    });
    expect(report.notes).toContain('Bladet Läs mig: ingen rubrikrad (Indikator, Område, Period, Värde — eller perioder (2024, 2025 …) eller områden som kolumnrubriker); bladet hoppades över');

    const before = await snapshotAll(t.db as never);
    const again = await run(file);
    expect(again).toMatchObject({ batchId: null, committed: true, counts: { new: 0, changed: 0, unchanged: 4, errors: 0 } });
    expect(again.previousImports).toEqual([expect.objectContaining({ batchId: report.batchId, createdBy: 'test' })]);
    expect(await snapshotAll(t.db as never)).toEqual(before);
  });

  it('undoes a batch as a unit: new values gone, changed values back exactly as they were', async () => {
    const measurementsBefore = (await snapshotAll(t.db as never)).measurement;
    const file = await writeCsv(dir, 'revision.csv', `Indikator;Område;Period;Värde\n${BUP};BUP;2024-12;31,0\n${BUP};BUP;2025-06;28\n`, 'utf-8-bom');
    const report = await run(file);
    expect(report.counts).toMatchObject({ new: 1, changed: 1 });
    expect((await stored(BUP, 'bup', '2024-12'))?.value).toBe(31);
    const undo = await undoImportBatch(t.db, report.batchId as number, 'granskare');
    expect(undo).toMatchObject({ deleted: 1, restored: 1, batch: { id: report.batchId, undoneBy: 'granskare' } });
    expect((await snapshotAll(t.db as never)).measurement).toEqual(measurementsBefore);
    const again = await undoImportBatch(t.db, report.batchId as number, 'granskare').catch((e: unknown) => e);
    expect(isStyrkortError(again) && again.code).toBe('conflict');
  });

  it('refuses to undo a batch whose values a later batch changed, and says which; undone in order it works', async () => {
    const original = (await snapshotAll(t.db as never)).measurement;
    const first = await run(await writeCsv(dir, 'första.csv', `Indikator;Område;Period;Värde\n${BUP};BUP;2024-12;35\n${BUP};BUP;2025-01;36\n`));
    const second = await run(await writeCsv(dir, 'andra.csv', `Indikator;Område;Period;Värde\n${BUP};BUP;2025-01;37\n`));
    const refused = await undoImportBatch(t.db, first.batchId as number, 'test').catch((e: unknown) => e);
    expect(isStyrkortError(refused) && refused.code).toBe('conflict');
    expect(isStyrkortError(refused) && refused.message).toMatch(
      new RegExp(`^Inläsning ${first.batchId} kan inte ångras: inläsning ${second.batchId} \\(andra\\.csv, \\d+ \\p{L}+ \\d{4} \\d\\d:\\d\\d UTC, av test\\) har senare ändrat 1 av samma värden\\. Ångra den först \\(senaste först\\)\\.$`, 'u'),
    );
    await undoImportBatch(t.db, second.batchId as number, 'test');
    expect((await stored(BUP, 'bup', '2025-01'))?.value).toBe(36);
    await undoImportBatch(t.db, first.batchId as number, 'test');
    expect((await snapshotAll(t.db as never)).measurement).toEqual(original);
  });

  it('a failure halfway through the commit leaves the database exactly as before', async () => {
    const file = await writeCsv(dir, 'avbrott.csv', `Indikator;Område;Period;Värde\n${BUP};BUP;2024-12;40\n${BUP};BUP;2025-02;41\n${BUP};BUP;2025-03;42\n`);
    const before = await snapshotAll(t.db as never);
    const seen: ImportProgress[] = [];
    const broken = await importFile(
      t.db,
      { path: file, fileName: 'avbrott.csv', dryRun: false, createdBy: 'test' },
      {
        progress: (p) => {
          seen.push(p);
          // after the new rows are written, before the changed ones are
          if (p.phase === 'write' && p.step === 'inserted') throw new Error('strömavbrott');
        },
      },
    ).catch((e: unknown) => e);
    expect((broken as Error).message).toBe('strömavbrott');
    expect(seen.flatMap((p) => (p.phase === 'write' ? [[p.step, p.inserted, p.updated, p.total]] : []))).toEqual([
      ['batch', 0, 0, 3],
      ['inserted', 2, 0, 3],
    ]);
    expect(await snapshotAll(t.db as never)).toEqual(before);

    // nothing was left behind (no lock, no staging table): the same file then commits normally
    const report = await run(file);
    expect(report.counts).toEqual({ new: 2, changed: 1, unchanged: 0, errors: 0 });
    await undoImportBatch(t.db, report.batchId as number, 'test');
  });

  it('saves a mapping a user confirms and uses it next time (round trip)', async () => {
    const name = 'Barn & unga – psykiatri';
    const file = await writeCsv(dir, 'mappning.csv', `Indikator;Område;Period;Värde\n${BUP};${name};2025-05;29\n`);
    const first = await run(file, { dryRun: true });
    expect(first.unresolved).toEqual([expect.objectContaining({ kind: 'area', text: name, key: 'barn & unga psykiatri' })]);
    expect(first.unresolved[0]?.suggestions.map((x) => x.id)).toContain('bup');

    await saveMapping(t.db, { kind: 'area', text: name, targetId: 'bup', createdBy: 'analytiker' });
    expect(await importMappingList(t.db)).toEqual([expect.objectContaining({ kind: 'area', sourceText: name, targetId: 'bup', createdBy: 'analytiker' })]);
    const second = await run(file);
    expect(second.counts).toEqual({ new: 1, changed: 0, unchanged: 0, errors: 0 });

    const next = await run(await writeCsv(dir, 'nästa.csv', `Indikator;Område;Period;Värde\n${BUP};BARN & UNGA - PSYKIATRI;2025-07;27\n`));
    expect(next.counts.new).toBe(1);
    expect((await stored(BUP, 'bup', '2025-07'))?.value).toBe(27);
    const wrong = await saveMapping(t.db, { kind: 'indicator', text: 'x', targetId: 'finns-inte', createdBy: 'a' }).catch((e: unknown) => e);
    expect(isStyrkortError(wrong) && wrong.message).toBe('Indikatorn finns-inte finns inte');
  });

  it('writes nothing while a file has errors, unless told to skip the bad rows; repeated keys are never written', async () => {
    const file = await writeCsv(
      dir,
      'blandat.csv',
      `Indikator;Område;Period;Värde\n${BUP};BUP;2025-08;20\n${BUP};BUP;2025-09;abc\n${BUP};BUP;2025-10;21\n${BUP};BUP;2025-10;22\n`,
    );
    const before = await snapshotAll(t.db as never);
    const refused = await run(file);
    expect(refused).toMatchObject({ committed: false, batchId: null, counts: { new: 1, errors: 3 } });
    expect(refused.issues.map((i) => [i.row, i.column, i.rule])).toEqual([
      [3, 'D', 'tal'],
      [4, 'D', 'dubblett'],
      [5, 'D', 'dubblett'],
    ]);
    expect(refused.issues[1]?.message).toBe('BUP – medelväntetid i väntelistan till första besök · Barn- och ungdomspsykiatrin · oktober 2025 finns flera gånger i filen: D4, D5');
    expect(await snapshotAll(t.db as never)).toEqual(before);

    const skipped = await run(file, { skipInvalid: true });
    expect(skipped).toMatchObject({ committed: true, skipped: 3, counts: { new: 1 } });
    expect((await stored(BUP, 'bup', '2025-08'))?.value).toBe(20);
    expect(await stored(BUP, 'bup', '2025-10')).toBeUndefined();
  });

  it('refuses to commit when the stored values changed since the preview', async () => {
    const file = await writeCsv(dir, 'granskad.csv', `Indikator;Område;Period;Värde\n${BUP};BUP;2025-11;19\n`);
    const preview = await run(file, { dryRun: true });
    await run(await writeCsv(dir, 'emellan.csv', `Indikator;Område;Period;Värde\n${BUP};BUP;2025-11;18\n`));
    const before = await snapshotAll(t.db as never);
    const error = await run(file, { expect: preview.counts }).catch((e: unknown) => e);
    expect(isStyrkortError(error) && error.code).toBe('conflict');
    expect(await snapshotAll(t.db as never)).toEqual(before);
  });

  it('takes indicator and area given outside the file, and refuses unknown ones', async () => {
    const file = await writeCsv(dir, 'bred.csv', ';2025-12;2026-01\nBUP;17;16\n');
    const report = await run(file, { indicator: 'BUP – medelväntetid i väntelistan till första besök', dryRun: true });
    expect(report.counts).toMatchObject({ new: 2, errors: 0 });
    const ambiguous = await run(file, { indicator: 'Medelväntetid första besök', dryRun: true }).catch((e: unknown) => e);
    expect(isStyrkortError(ambiguous) && ambiguous.message).toBe('Indikatorn "Medelväntetid första besök" kan vara flera: bup-medelvantetid-forsta-besok, vup-medelvantetid-forsta-besok; ange id');
    const error = await run(file, { indicator: 'finns inte', dryRun: true }).catch((e: unknown) => e);
    expect(isStyrkortError(error) && error.message).toBe('Indikatorn "finns inte" finns inte');
    const missing = await run(`${dir}/saknas.csv`).catch((e: unknown) => e);
    expect(isStyrkortError(missing) && missing.code).toBe('not_found');
  });
});
