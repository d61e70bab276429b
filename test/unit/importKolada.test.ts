import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isStyrkortError } from '../../src/domain/errors.js';
import { KoladaClient, retryAfterMs } from '../../src/importers/kolada/client.js';
import { mapKoladaValues } from '../../src/importers/kolada/map.js';
import { parseKoladaData } from '../../src/importers/kolada/parse.js';
import { indicator } from './fixtures.js';
import { koladaFixture, startKoladaStub, type KoladaStub } from '../support/koladaStub.js';

let stub: KoladaStub;
let slept: number[];
const client = (extra: Partial<ConstructorParameters<typeof KoladaClient>[0]> = {}) =>
  new KoladaClient({ baseUrl: stub.url, backoffMs: 100, sleep: async (ms) => void slept.push(ms), ...extra });

beforeEach(async () => {
  stub = await startKoladaStub(koladaFixture());
  slept = [];
});
afterEach(async () => stub.close());

describe('the Kolada v3 client against a local stand-in', () => {
  it('follows every page (next_url, then next_page), keeps null values and drops deleted rows', async () => {
    stub.pageSize = 2;
    const data = await client().data({ kpis: ['N79179'], municipalities: ['0008', '0010', '0000'], years: [2022, 2023, 2024, 2025] });
    expect(data.pages).toBe(5); // 10 rows (9 + 1 deleted) in pages of 2
    expect(data.values).toHaveLength(27);
    expect(data.deleted).toBe(1);
    expect(data.issues).toEqual([]);
    expect(data.values.find((v) => v.municipality === '0010' && v.year === 2023 && v.gender === 'T')).toEqual({ kpi: 'N79179', municipality: '0010', year: 2023, gender: 'T', value: null, status: '' });
    expect(data.values.filter((v) => v.year === 2022)).toEqual([]);
    const dataRequests = stub.requests.filter((r) => r.startsWith('/v3/data/'));
    expect(dataRequests[0]).toBe('/v3/data/kpi/N79179/municipality/0008,0010,0000/year/2022,2023,2024,2025?per_page=5000');
    expect(dataRequests.slice(1).map((r) => new URL(r, 'http://x').searchParams.get('page'))).toEqual(['2', '3', '4', '5']);
  });

  it('asks for at most 25 ids per list and per_page at most 5000, with from_date for an incremental sync', async () => {
    const ids = Array.from({ length: 30 }, (_, i) => String(i + 1).padStart(4, '0'));
    const years = Array.from({ length: 26 }, (_, i) => 2000 + i);
    await client({ perPage: 10_000 }).data({ kpis: ['N79179'], municipalities: ids, years, fromDate: '2026-01-01' });
    const urls = stub.requests.map((r) => new URL(r, 'http://x'));
    expect(urls).toHaveLength(4);
    for (const u of urls) {
      const [, , , , , list, , yearList] = u.pathname.split('/');
      expect((list as string).split(',').length).toBeLessThanOrEqual(25);
      expect((yearList as string).split(',').length).toBeLessThanOrEqual(25);
      expect(u.searchParams.get('per_page')).toBe('5000');
      expect(u.searchParams.get('from_date')).toBe('2026-01-01');
    }
  });

  it('retries a 429 after the Retry-After it names, and a 5xx with backoff', async () => {
    stub.faults.push({ path: /\/data\//, status: 429, retryAfter: '2' }, { path: /\/data\//, status: 503 });
    const data = await client().data({ kpis: ['U79119'], municipalities: ['0008'], years: [2025] });
    expect(data.values).toHaveLength(3);
    expect(slept).toEqual([2000, 200]);
    expect(stub.requests.filter((r) => r.startsWith('/v3/data/'))).toHaveLength(3);
  });

  it('gives up a request that does not answer in time, and retries it', async () => {
    stub.faults.push({ path: /\/kpi\//, delayMs: 5_000 });
    const kpi = await client({ timeoutMs: 1000 }).kpi('N79179');
    expect(kpi?.title).toBe('Telefonsamtal besvarade samma dag, primärvård, andel (%)');
    expect(slept).toEqual([100]);
  });

  it('says in Swedish when Kolada cannot be reached after every attempt', async () => {
    for (let i = 0; i < 3; i++) stub.faults.push({ path: /\/kpi\//, status: 502 });
    const error = await client({ maxAttempts: 3 }).kpi('N79179').catch((e: unknown) => e);
    expect(isStyrkortError(error) && error.message).toBe(`Kolada (${new URL(stub.url).origin}) går inte att nå: serverfel 502 efter 3 försök`);
    expect(slept).toEqual([100, 200]);
  });

  it('reads KPI metadata and the regions (type L) over two pages; an unknown KPI is null', async () => {
    const c = client();
    expect(await c.kpi('U79119')).toMatchObject({ id: 'U79119', title: expect.stringContaining('BUP') });
    expect(await c.kpi('X00000')).toBeNull();
    expect((await c.regions()).map((r) => r.id)).toEqual(['0008', '0010', '0099']);
    expect(stub.requests.filter((r) => r.startsWith('/v3/municipality'))).toHaveLength(2);
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    expect(retryAfterMs('3')).toBe(3000);
    expect(retryAfterMs('Wed, 21 Oct 2015 07:28:05 GMT', Date.parse('Wed, 21 Oct 2015 07:28:00 GMT'))).toBe(5000);
    expect(retryAfterMs(null)).toBeNull();
    expect(retryAfterMs('snart')).toBeNull();
  });
});

describe('Kolada answers as rows to store', () => {
  it('names the row and field of what it cannot read, and reads the rest', () => {
    const page = parseKoladaData({
      values: [
        { kpi: 'N79179', municipality: '0008', period: 2024, values: [{ gender: 'T', value: 90.5 }, { gender: 'X', value: 1 }, { gender: 'K', value: 'hög' }] },
        { kpi: 'N79179', municipality: '0008', values: [] },
      ],
      next_page: 2,
    });
    expect(page.values).toEqual([{ kpi: 'N79179', municipality: '0008', year: 2024, gender: 'T', value: 90.5, status: null }]);
    expect(page.issues.map((i) => [i.row, i.column, i.rule])).toEqual([
      [1, 'values[1].gender', 'kön'],
      [1, 'values[2].value', 'kolada'],
      [2, 'period', 'kolada'],
    ]);
    expect(page.next).toBe(2);
    expect(parseKoladaData({ unexpected: true }).issues[0]?.message).toBe('Kolada svarade med ett oväntat format (saknar "values")');
  });

  it('maps T to the total and K/M to the kön breakdown, keeps null as missing, and records KPI and fetch time', () => {
    const byKon = indicator({ id: 'samtal', unit: 'procent', kind: 'ratio', breakdown: 'kon' });
    const plain = indicator({ id: 'bup', unit: 'procent', kind: 'ratio' });
    const mapped = mapKoladaValues(
      [
        { kpi: 'N79179', municipality: '0008', year: 2024, gender: 'T', value: 90.5, status: null },
        { kpi: 'N79179', municipality: '0008', year: 2024, gender: 'K', value: 91.5, status: null },
        { kpi: 'N79179', municipality: '0010', year: 2024, gender: 'T', value: null, status: null },
        { kpi: 'U79119', municipality: '0008', year: 2024, gender: 'M', value: 50, status: null },
        { kpi: 'U79119', municipality: '0008', year: 2024, gender: 'T', value: 120, status: null },
        { kpi: 'U79119', municipality: '9999', year: 2024, gender: 'T', value: 50, status: null },
      ],
      { indicatorByKpi: new Map([['N79179', byKon], ['U79119', plain]]), areaByKoladaId: new Map([['0008', '0008'], ['0010', '0010']]), fetchedAt: '2026-05-06T08:30:00.000Z' },
    );
    expect(mapped.rows.map((r) => [r.indicatorId, r.areaId, r.period, r.breakdown, r.value, r.source, r.sourceRef])).toEqual([
      ['samtal', '0008', '2024', '', 90.5, 'Kolada', 'Kolada N79179, hämtad 2026-05-06 08:30 UTC'],
      ['samtal', '0008', '2024', 'K', 91.5, 'Kolada', 'Kolada N79179, hämtad 2026-05-06 08:30 UTC'],
      ['samtal', '0010', '2024', '', null, 'Kolada', 'Kolada N79179, hämtad 2026-05-06 08:30 UTC'],
    ]);
    expect(mapped.skippedGender).toBe(1);
    expect(mapped.unknownMunicipalities).toEqual(new Map([['9999', 1]]));
    expect(mapped.issues).toEqual([expect.objectContaining({ rule: 'över 100 %', message: 'en andel måste ligga mellan 0 och 100 % (120)' })]);
  });
});
