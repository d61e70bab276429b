import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isStyrkortError } from '../../src/domain/errors.js';
import { undoImportBatch } from '../../src/services/importBatches.js';
import { createKoladaClient, mapKoladaKpi, parseYears, syncKolada, type KoladaSyncRequest } from '../../src/services/koladaSync.js';
import { demoDatabase } from '../support/demo.js';
import { koladaFixture, startKoladaStub, type KoladaStub } from '../support/koladaStub.js';
import { snapshotAll } from '../support/snapshot.js';
import type { TestDatabase } from '../support/testDatabase.js';

let t: TestDatabase;
let stub: KoladaStub;
beforeAll(async () => {
  t = await demoDatabase();
  stub = await startKoladaStub(koladaFixture());
});
afterAll(async () => {
  await stub.close();
  await t.drop();
});

const TELEFON = 'kolada-telefon-primarvard-samma-dag';
const BUP30 = 'kolada-bup-utredning-behandling-30-dagar';
const request = (extra: Partial<KoladaSyncRequest> = {}): KoladaSyncRequest => ({
  kpis: ['N79179', 'U79119'],
  regions: 'all',
  years: parseYears('2023-2025'),
  dryRun: false,
  createdBy: 'test',
  ...extra,
});
const effects = (now: string) => ({ client: createKoladaClient({ baseUrl: stub.url, backoffMs: 1, sleep: async () => undefined }), now: () => new Date(now) });

async function value(indicator: string, area: string, period: string, breakdown = '') {
  return t.db
    .selectFrom('measurement')
    .select(['value', 'source', 'source_ref', 'import_batch_id'])
    .where('indicator_id', '=', indicator)
    .where('area_id', '=', area)
    .where('period', '=', period)
    .where('breakdown', '=', breakdown)
    .executeTakeFirst();
}

describe('Kolada sync against a local Kolada', () => {
  it('dry run: every region Kolada lists that is stored, and Riket; K/M skipped without a kön breakdown; deleted rows dropped; nothing written', async () => {
    const before = await snapshotAll(t.db as never);
    stub.faults.push({ path: /\/data\//, status: 429, retryAfter: '1' });
    const report = await syncKolada(t.db, request({ dryRun: true }), effects('2026-05-01T06:00:00Z'));
    expect(await snapshotAll(t.db as never)).toEqual(before);
    expect(report.regions).toEqual(['0000', '0008', '0010']);
    expect(report.kpis.map((k) => [k.kpi, k.indicatorId, k.fromDate, k.values, k.deleted])).toEqual([
      ['N79179', TELEFON, null, 27, 0],
      ['U79119', BUP30, null, 27, 0],
    ]);
    expect(report.counts).toEqual({ new: 18, changed: 0, unchanged: 0, errors: 0 });
    expect(report.notes).toEqual([
      'Kolada listar regioner som inte finns som områden och inte hämtades: 0099 (Region Utanför)',
      '36 värden per kön (K/M) hoppades över: indikatorerna har ingen uppdelning på kön',
    ]);
    expect(report.committed).toBe(false);
  });

  it('stores the values as one batch, each with source Kolada, KPI id and fetch time, a missing value as null', async () => {
    stub.faults.push({ path: /\/data\//, status: 503 });
    const report = await syncKolada(t.db, request(), effects('2026-05-01T06:00:00Z'));
    expect(report).toMatchObject({ committed: true, counts: { new: 18, changed: 0, unchanged: 0, errors: 0 } });
    expect(await value(TELEFON, '0008', '2024')).toEqual({ value: 81.8, source: 'Kolada', source_ref: 'Kolada N79179, hämtad 2026-05-01 06:00 UTC', import_batch_id: report.batchId });
    expect(await value(TELEFON, '0010', '2023')).toMatchObject({ value: null, source: 'Kolada' });
    expect(await value(TELEFON, '0008', '2022')).toBeUndefined();
    const batch = await t.db.selectFrom('import_batch').selectAll().where('id', '=', report.batchId as number).executeTakeFirstOrThrow();
    expect(batch).toMatchObject({ kind: 'kolada', file_name: 'Kolada N79179, U79119', inserted: 18 });
    const fetches = await t.db.selectFrom('kolada_fetch').selectAll().orderBy('kpi_id').execute();
    expect(fetches.map((f) => [f.kpi_id, f.from_date, f.municipality_ids, f.years, f.rows_received, f.batch_id])).toEqual([
      ['N79179', null, ['0000', '0008', '0010'], [2023, 2024, 2025], 27, report.batchId],
      ['U79119', null, ['0000', '0008', '0010'], [2023, 2024, 2025], 27, report.batchId],
    ]);
  });

  it('next time asks only for what changed since the last fetch, and shows revised values old → new', async () => {
    const row = stub.rows.find((r) => r.kpi === 'N79179' && r.municipality === '0008' && r.period === 2025);
    if (!row) throw new Error('fixture saknar raden');
    (row.values[0] as { value: number | null }).value = 91.2;
    row.updated = '2026-05-05';
    const seen = stub.requests.length;
    const report = await syncKolada(t.db, request({ kpis: ['N79179'] }), effects('2026-05-10T06:00:00Z'));
    expect(stub.requests.slice(seen).filter((r) => r.startsWith('/v3/data/'))).toEqual(['/v3/data/kpi/N79179/municipality/0000,0008,0010/year/2023,2024,2025?per_page=5000&from_date=2026-05-01']);
    expect(report.kpis[0]).toMatchObject({ fromDate: '2026-05-01', values: 3 });
    expect(report.counts).toEqual({ new: 0, changed: 1, unchanged: 0, errors: 0 });
    expect(report.changes.map((c) => [c.indicatorId, c.areaName, c.period, c.old?.text, c.new.text])).toEqual([[TELEFON, 'Region Kalmar län', '2025', '82,8\u00a0%', '91,2\u00a0%']]);
    expect(await value(TELEFON, '0008', '2025')).toMatchObject({ value: 91.2, source_ref: 'Kolada N79179, hämtad 2026-05-10 06:00 UTC' });

    // once that batch is undone its values are gone: the next sync fetches everything again
    await undoImportBatch(t.db, report.batchId as number, 'test');
    const after = await syncKolada(t.db, request({ kpis: ['N79179'], dryRun: true }), effects('2026-05-11T06:00:00Z'));
    expect(after.kpis[0]?.fromDate).toBeNull();
    expect(after.counts).toMatchObject({ changed: 1, unchanged: 8 });
  });

  it('keeps K and M as the kön breakdown for an indicator broken down by kön, once the KPI is mapped to it', async () => {
    await t.db
      .insertInto('indicator')
      .values({ id: 'samtal-per-kon', name: 'Besvarade samtal per kön', unit: 'procent', decimals: 0, direction: 'higher_is_better', period_type: 'year', kind: 'ratio', breakdown: 'kon', source: 'Kolada' })
      .execute();
    const unmapped = await syncKolada(t.db, request({ kpis: ['N00000'], dryRun: true }), effects('2026-05-12T06:00:00Z')).catch((e: unknown) => e);
    expect(isStyrkortError(unmapped) && unmapped.message).toBe('Kolada-KPI utan indikator: N00000 är inte kopplad till någon indikator (koppla med "styrkort kolada map N00000 <indikator-id>")');

    const mapping = await mapKoladaKpi(t.db, { kpi: 'u79119', indicatorId: 'samtal-per-kon', createdBy: 'analytiker' }, effects('2026-05-12T06:00:00Z').client);
    expect(mapping).toMatchObject({ kpiId: 'U79119', indicatorId: 'samtal-per-kon', kpiTitle: expect.stringContaining('BUP') });
    const report = await syncKolada(t.db, request({ kpis: ['U79119'], regions: ['0008', 'Region Blekinge'], years: [2025] }), effects('2026-05-12T06:00:00Z'));
    expect(report.counts).toEqual({ new: 6, changed: 0, unchanged: 0, errors: 0 });
    expect((await value('samtal-per-kon', '0010', '2025', 'K'))?.value).toBe(64);
    expect((await value('samtal-per-kon', '0010', '2025', 'M'))?.value).toBe(62);
    expect((await value('samtal-per-kon', '0010', '2025'))?.value).toBe(63);

    const unknown = await syncKolada(t.db, request({ kpis: ['U79119'], regions: ['Atlantis'] }), effects('2026-05-12T06:00:00Z')).catch((e: unknown) => e);
    expect(isStyrkortError(unknown) && unknown.message).toBe('Okänd region för Kolada: Atlantis (ange Kolada-id som 0008, ett område-id eller "all")');
  });
});
