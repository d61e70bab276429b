import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GoalDetail, MeetingCoverage } from '../../src/domain/goalView.js';
import type { IndicatorStatus } from '../../src/domain/meetingView.js';
import type { ScorecardView } from '../../src/domain/scorecard.js';
import type { SearchResults } from '../../src/domain/search.js';
import type { IndicatorFacets, ValueTable } from '../../src/domain/valueTable.js';
import type { App } from '../../src/server/app.js';
import { appOn, demoDatabase, getJson } from '../support/demo.js';
import type { TestDatabase } from '../support/testDatabase.js';

/** The API the web app reads: scorecard, goals and coverage, search, value tables and downloads. */
const NBSP = '\u00a0';

function entry(view: ScorecardView, indicatorId: string) {
  const found = view.goals.flatMap((g) => g.indicators).find((e) => e.indicator.id === indicatorId);
  if (!found) throw new Error(`${indicatorId} saknas i styrkortet`);
  return found;
}

/** A ratio indicator with `months` monthly rows for an area, ending at `last` (YYYY-MM). */
async function monthlyRows(t: TestDatabase, indicatorId: string, areaId: string, last: string, months: number): Promise<void> {
  await sql`
    insert into measurement (indicator_id, area_id, period, period_start, period_end, numerator, denominator, source, source_ref, recorded_by, comment)
    select ${indicatorId}, ${areaId}, to_char(m, 'YYYY-MM'), m::date, (m + interval '1 month - 1 day')::date,
           50 + extract(month from m)::int + i, 100, 'Test', '=cmd|'' /C calc''!A0', 'test', '+hej'
    from generate_series(1, ${months}) as i,
         lateral (select (${`${last}-01`}::date - ((${months} - i) * interval '1 month')) as m) as p`.execute(t.db);
}

describe('web app API on the demo data (in-process)', () => {
  let t: TestDatabase;
  let app: App;
  beforeAll(async () => {
    t = await demoDatabase();
    app = await appOn(t);
    // a monthly share with more history than the scorecard reads, for 3 regions of different lengths
    await sql`insert into indicator (id, name, unit, decimals, direction, period_type, kind, source) values ('test-andel', 'Testandel', 'procent', 1, 'higher_is_better', 'month', 'ratio', 'Test')`.execute(t.db);
    await sql`insert into indicator_goal_line (indicator_id, goal_line_id) values ('test-andel', 'kvalitet')`.execute(t.db);
    await monthlyRows(t, 'test-andel', '0008', '2025-06', 30);
    await monthlyRows(t, 'test-andel', '0012', '2025-06', 20);
    await monthlyRows(t, 'test-andel', '0001', '2024-12', 30);
  });
  afterAll(async () => {
    await app.close();
    await t.drop();
  });

  it('gives the scorecard per goal of 2026–2028 for Region Kalmar län with counts per status', async () => {
    const view = await getJson<ScorecardView>(app, '/api/scorecard?planPeriod=2026-2028&area=0008');
    expect(view.planPeriod.label).toBe('Regionplan 2026–2028');
    expect(view.area.name).toBe('Region Kalmar län');
    expect(view.goals.map((g) => g.goal.name)).toEqual([
      'Nöjda invånare och samarbetspartners',
      'Hållbar utveckling i hela länet',
      'Sveriges bästa kvalitet, tillgänglighet och säkerhet',
      'En av Sveriges bästa arbetsplatser',
      'En långsiktigt hållbar ekonomi',
    ]);
    for (const goal of view.goals) {
      const counted = Object.values(goal.counts).reduce((a, b) => a + b, 0);
      expect(counted).toBe(goal.indicators.length);
    }
    const distinct = new Set(view.goals.flatMap((g) => g.indicators.map((e) => e.indicator.id)));
    expect(Object.values(view.counts).reduce((a, b) => a + b, 0)).toBe(distinct.size);

    const teleq = entry(view, 'telefon-teleq-samma-dag');
    expect(teleq.latest).toMatchObject({ period: '2026-03', periodLabel: 'mars 2026', display: `98${NBSP}%`, numerator: 29802, denominator: 30448 });
    expect(teleq.status).toEqual({ status: 'no_target', label: 'Inget mål', icon: '–' });
    // the same indicator under both goals it serves
    expect(view.goals[0]?.indicators.map((e) => e.indicator.id)).toContain('telefon-teleq-samma-dag');
    expect(view.goals[2]?.indicators.map((e) => e.indicator.id)).toContain('telefon-teleq-samma-dag');

    const antibiotics = entry(view, 'antibiotikaforskrivning');
    expect(antibiotics.target?.text).toBe(`≤ 250${NBSP}per 1${NBSP}000 inv.`);
    expect(antibiotics.status.status).toBe('not_met');
    expect(antibiotics.change?.display).toBe(`−91${NBSP}per 1${NBSP}000 invånare`);
    expect(antibiotics.change?.improvement).toBe(true);
    expect(antibiotics.sparkline.map((p) => p.period)).toEqual(['2009', '2024']);
  });

  it('shows BUP for its own unit: 25,3 days in March 2026, −4,9 days since December 2024', async () => {
    const view = await getJson<ScorecardView>(app, '/api/scorecard?planPeriod=2026-2028&area=bup');
    const wait = entry(view, 'bup-medelvantetid-forsta-besok');
    expect(wait.latest?.display).toBe(`25,3${NBSP}dagar`);
    expect(wait.previous?.periodLabel).toBe('december 2024');
    expect(wait.change).toMatchObject({ display: `−4,9${NBSP}dagar`, improvement: true });
    expect(wait.sparkline).toEqual([
      { period: '2024-12', value: 30.2, preliminary: false },
      { period: '2026-03', value: 25.3, preliminary: false },
    ]);
    const within30 = entry(view, 'bup-forsta-besok-inom-30-dagar');
    expect(within30.latest?.display).toBe(`89${NBSP}%`);
    expect(within30.target?.text).toBe(`≥ 100${NBSP}%`);
    expect(within30.status.status).toBe('not_met');
  });

  it('agrees with /api/indicators on latest, previous, target, status and change for every indicator and area', async () => {
    for (const area of ['0008', 'bup', '0000', 'sosr', 'hsf']) {
      const card = await getJson<ScorecardView>(app, `/api/scorecard?planPeriod=2026-2028&area=${area}`);
      const list = await getJson<IndicatorStatus[]>(app, `/api/indicators?area=${area}&planPeriod=2026-2028`);
      expect(new Set(card.goals.flatMap((g) => g.indicators.map((e) => e.indicator.id)))).toEqual(new Set(list.map((s) => s.indicator.id)));
      for (const status of list) {
        const { sparkline: _sparkline, ...fromCard } = entry(card, status.indicator.id);
        expect(fromCard, `${area} ${status.indicator.id}`).toEqual(status);
      }
    }
  });

  it('reads only the newest rows, yet gives the same figures as the whole history (aggregates too)', async () => {
    for (const area of ['0008', '0000']) {
      const card = entry(await getJson<ScorecardView>(app, `/api/scorecard?planPeriod=2026-2028&area=${area}`), 'test-andel');
      const list = await getJson<IndicatorStatus[]>(app, `/api/indicators?area=${area}&planPeriod=2026-2028`);
      const { sparkline, ...fromCard } = card;
      expect(fromCard).toEqual(list.find((s) => s.indicator.id === 'test-andel'));
      const series = await getJson<{ periods: Array<{ key: string }>; series: Array<{ points: Array<{ value: number | null; display: string } | null> }> }>(
        app,
        `/api/indicators/test-andel/series?areas=${area}`,
      );
      const all = series.periods.map((p, i) => ({ period: p.key, point: series.series[0]?.points[i] ?? null })).filter((x) => x.point?.value != null);
      expect(sparkline.map((p) => [p.period, p.value])).toEqual(all.slice(-12).map((x) => [x.period, x.point?.value]));
    }
    const riket = entry(await getJson<ScorecardView>(app, '/api/scorecard?planPeriod=2026-2028&area=0000'), 'test-andel');
    expect(riket.latest).toMatchObject({ period: '2025-06', origin: 'aggregate', coverage: { included: 2, total: 21 } });
    expect(riket.sparkline[0]?.period).toBe('2024-07');
  });

  it('answers an unknown area or plan period with 404 and a bad plan period with 400, in Swedish', async () => {
    const area = await app.inject({ url: '/api/scorecard?planPeriod=2026-2028&area=finns-inte' });
    expect(area.statusCode).toBe(404);
    expect(area.json<{ error: { message: string } }>().error.message).toBe('Området "finns-inte" finns inte');
    const period = await app.inject({ url: '/api/scorecard?planPeriod=2030-2032&area=0008' });
    expect(period.statusCode).toBe(404);
    expect((await app.inject({ url: '/api/scorecard?planPeriod=2026' })).statusCode).toBe(400);
  });

  it('follows a goal across plan periods and meetings, through its goal line', async () => {
    const economy = await getJson<GoalDetail>(app, '/api/goals/2026-2028:ekonomi');
    expect(economy.names.map((n) => [n.planPeriodId, n.name])).toEqual([
      ['2024-2026', 'God ekonomisk hushållning'],
      ['2025-2027', 'En långsiktigt hållbar ekonomi'],
      ['2026-2028', 'En långsiktigt hållbar ekonomi'],
    ]);
    // newest meeting first; the 2024 item sits under the goal's old name
    expect(economy.items[0]?.meeting.id).toBe('rs-2026-05-06');
    expect(economy.items[0]?.item.title).toBe('Internkontroll, välfärdsbrott');
    expect(economy.items[0]?.item.presenters.map((p) => p.name)).toEqual(['Lars Mattsson', 'Mathias Landerdahl']);
    const old = economy.items.find((i) => i.meeting.id === 'rs-2024-02-01');
    expect(old?.goal.name).toBe('God ekonomisk hushållning');

    const quality = await getJson<GoalDetail>(app, '/api/goals/2026-2028:kvalitet');
    const access = quality.items.find((i) => i.item.id === 'rs-2026-05-06-tillganglighet');
    expect(access?.item.presenters.find((p) => p.name === 'Sofia Hartz')?.title).toBe('primärvårdsdirektör');
    expect((await app.inject({ url: '/api/goals/2026-2028:finns-inte' })).statusCode).toBe(404);
  });

  it('lists per meeting the goals no item took up', async () => {
    const coverage = await getJson<MeetingCoverage[]>(app, '/api/coverage');
    expect(coverage.map((c) => c.meeting.id)).toEqual(['rs-2026-05-06', 'rs-2025-12-10', 'rs-2025-06-17', 'rs-2024-02-01']);
    const may = coverage[0] as MeetingCoverage;
    expect(may.meeting.heading).toBe('Regionstyrelsen 6 maj 2026');
    expect(may.unaddressed.map((g) => g.name)).toEqual(['Nöjda invånare och samarbetspartners']);
    expect(may.goals.map((g) => g.items)).toEqual([0, 1, 1, 1, 1]);
    const only2025 = await getJson<MeetingCoverage[]>(app, '/api/coverage?planPeriod=2025-2027');
    expect(only2025.map((c) => c.meeting.id)).toEqual(['rs-2025-06-17']);
  });

  it('finds indicators, items and people ignoring case, punctuation and diacritics', async () => {
    const wait = await getJson<SearchResults>(app, '/api/search?q=MEDELVANTETID%20forsta');
    expect(wait.indicators.map((i) => i.id)).toEqual(['bup-medelvantetid-forsta-besok', 'vup-medelvantetid-forsta-besok']);
    const teleq = await getJson<SearchResults>(app, '/api/search?q=teleq');
    expect(teleq.indicators[0]?.id).toBe('telefon-teleq-samma-dag');
    const items = await getJson<SearchResults>(app, '/api/search?q=valfardsbrott');
    expect(items.items.map((i) => [i.title, i.meeting.heading])).toEqual([['Internkontroll, välfärdsbrott', 'Regionstyrelsen 6 maj 2026']]);
    const person = await getJson<SearchResults>(app, '/api/search?q=sofia%20HARTZ');
    expect(person.people.map((p) => p.name)).toEqual(['Sofia Hartz']);
    expect(person.people[0]?.items.map((i) => i.title)).toContain('Tillgänglighet');
    const short = await getJson<SearchResults>(app, '/api/search?q=a');
    expect(short).toEqual({ query: 'a', indicators: [], items: [], people: [], areas: [] });
  });

  it('gives an indicator page its periods, breakdowns, areas and the meetings that showed it', async () => {
    const facets = await getJson<IndicatorFacets>(app, '/api/indicators/telefon-teleq-samma-dag/facets');
    expect(facets.periods).toEqual([{ key: '2026-03', label: 'mars 2026', areas: 19, regions: 19 }]);
    expect(facets.breakdowns).toEqual([{ value: '', label: 'totalt' }]);
    expect(facets.areaIds).toContain('0008');
    expect(facets.meetings.map((m) => [m.meeting.id, m.itemTitle])).toEqual([['rs-2026-05-06', 'Tillgänglighet']]);
    // a derived indicator has the periods of its parts
    const derived = await getJson<IndicatorFacets>(app, '/api/indicators/tillbud-i-forhallande-till-skador/facets');
    expect(derived.periods.map((p) => p.key)).toEqual(['2021', '2022', '2023']);
  });

  it('gives every value with its source and provenance, an aggregate with all rows behind it', async () => {
    const table = await getJson<ValueTable>(app, '/api/indicators/telefon-teleq-samma-dag/values?areas=0008,0000');
    expect(table.rows.map((r) => [r.area.id, r.figure.display, r.figure.origin])).toEqual([
      ['0008', `98${NBSP}%`, 'stored'],
      ['0000', `89${NBSP}%`, 'aggregate'],
    ]);
    const own = table.rows[0];
    expect(own?.provenance).toHaveLength(1);
    expect(own?.provenance[0]).toMatchObject({ source: 'TeleQ', recordedBy: 'demo', batch: { kind: 'demo' } });
    expect(own?.provenance[0]?.sourceRef).toMatch(/telefoni\.yaml/);
    expect(table.rows[1]?.provenance).toHaveLength(19);
  });

  it('downloads values as CSV and XLSX with text that cannot run as a formula', async () => {
    const csv = await app.inject({ url: '/api/indicators/test-andel/values.csv?areas=0008' });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toContain('filename="test-andel-utfall.csv"');
    const lines = csv.body.replace(/^\ufeff/, '').split('\r\n');
    expect(lines[0]?.split(';').slice(0, 6)).toEqual(['Indikator', 'Område', 'Period', 'Periodnyckel', 'Uppdelning', 'Värde']);
    const newest = lines[1]?.split(';') ?? [];
    expect(newest.slice(0, 6)).toEqual(['Testandel', 'Region Kalmar län', 'juni 2025', '2025-06', 'totalt', '86']);
    expect(lines[1]).toContain(";'=cmd|' /C calc'!A0;");
    expect(lines[1]?.endsWith(";'+hej")).toBe(true);

    const xlsx = await app.inject({ url: '/api/indicators/test-andel/values.xlsx?areas=0008' });
    expect(xlsx.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Utfall');
    expect(sheet?.getRow(1).getCell(6).value).toBe('Värde');
    const row = sheet?.getRow(2);
    expect(row?.getCell(6).value).toBe(86);
    expect(row?.getCell(14).value).toBe("'=cmd|' /C calc'!A0");
    expect(row?.getCell(19).value).toBe("'+hej");
    for (let c = 1; c <= 19; c++) expect(row?.getCell(c).formula).toBeUndefined();
  });
});
