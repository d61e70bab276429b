import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/server/app.js';
import { appOn, demoDatabase, getJson } from '../support/demo.js';
import type { TestDatabase } from '../support/testDatabase.js';

interface RankingRow {
  area: { id: string; name: string };
  rank: number | null;
  reference: boolean;
  highlight: boolean;
  figure: { value: number; display: string; numerator: number; denominator: number; origin: string; coverage: { included: number; total: number } | null } | null;
}

describe('HTTP API on the demo data (in-process)', () => {
  let t: TestDatabase;
  let app: App;
  beforeAll(async () => {
    t = await demoDatabase();
    app = await appOn(t);
  });
  afterAll(async () => {
    await app.close();
    await t.drop();
  });

  it('answers health with the database', async () => {
    const body = await getJson<{ status: string; database: string; migrations: number }>(app, '/api/health');
    expect(body).toMatchObject({ status: 'ok', database: 'ok' });
    expect(body.migrations).toBeGreaterThan(0);
  });

  it('gives plan period 2026–2028 the five goals of the 6 May 2026 pack, and its focus areas', async () => {
    const period = await getJson<{ label: string; goals: Array<{ name: string; position: number }>; focusAreas: Array<{ year: number; lead: string; areas: string[] }> }>(app, '/api/plan-periods/2026-2028');
    expect(period.label).toBe('Regionplan 2026–2028');
    expect(period.goals.map((g) => g.name)).toEqual([
      'Nöjda invånare och samarbetspartners',
      'Hållbar utveckling i hela länet',
      'Sveriges bästa kvalitet, tillgänglighet och säkerhet',
      'En av Sveriges bästa arbetsplatser',
      'En långsiktigt hållbar ekonomi',
    ]);
    const focus2026 = period.focusAreas.find((f) => f.year === 2026);
    expect(focus2026?.lead).toBe('Tillsammans');
    expect(focus2026?.areas).toHaveLength(3);
  });

  it('ranks 19 regions on TeleQ with shares computed from stored counts, Alla regioner computed from their sums', async () => {
    const view = await getJson<{ rows: RankingRow[]; periodLabel: string }>(app, '/api/indicators/telefon-teleq-samma-dag/ranking?period=2026-03&references=0000');
    const ranked = view.rows.filter((r) => !r.reference);
    expect(ranked).toHaveLength(19);
    const first = ranked[0];
    expect(first?.area.name).toBe('Region Kalmar län');
    expect(first?.rank).toBe(1);
    expect(first?.highlight).toBe(true);
    expect(first?.figure?.display).toBe('98\u00a0%');
    expect(first?.figure?.value).toBeCloseTo((29802 / 30448) * 100, 10);

    const all = view.rows.find((r) => r.reference);
    expect(all?.area.id).toBe('0000');
    expect(all?.figure).toMatchObject({ numerator: 744248, denominator: 832490, display: '89\u00a0%', origin: 'aggregate', coverage: { included: 19, total: 21 } });
    // placed where its value falls: after Region Uppsala (91 %), before Region Gävleborg (88 %)
    const names = view.rows.map((r) => r.area.name);
    expect(names.indexOf('Riket')).toBe(names.indexOf('Region Uppsala') + 1);
    expect(ranked.at(-1)?.area.name).toBe('Region Västerbotten');
  });

  it('lists indicators for an area with latest value, target and status', async () => {
    const list = await getJson<Array<{ indicator: { id: string }; latest: { period: string; display: string } | null; target: { text: string } | null; status: { status: string; label: string } }>>(
      app,
      '/api/indicators?area=0008&planPeriod=2026-2028',
    );
    expect(list.length).toBeGreaterThan(10);
    const teleq = list.find((i) => i.indicator.id === 'telefon-teleq-samma-dag');
    expect(teleq?.latest?.display).toBe('98\u00a0%');
    for (const item of list) {
      expect(['met', 'near', 'not_met', 'no_target', 'no_data']).toContain(item.status.status);
      if (item.latest === null) expect(item.status.status).toBe('no_data');
    }
  });

  it('gives a series with the own area first and gaps as null, never 0', async () => {
    const view = await getJson<{ periods: Array<{ key: string }>; series: Array<{ area: { id: string }; highlight: boolean; points: Array<{ value: number | null } | null> }> }>(
      app,
      '/api/indicators/telefon-teleq-samma-dag/series?areas=0008,0000',
    );
    expect(view.series.map((s) => s.area.id)).toEqual(['0008', '0000']);
    expect(view.series[0]?.highlight).toBe(true);
    expect(view.periods.map((p) => p.key)).toContain('2026-03');
  });

  it('serves the 6 May 2026 meeting with its agenda grouped by goal and its blocks resolved', async () => {
    const view = await getJson<{
      heading: string;
      groups: Array<{ goal: { name: string }; items: Array<{ title: string; presenters: Array<{ name: string; title: string | null }>; blocks: Array<{ view: { type: string } }> }> }>;
    }>(app, '/api/meetings/2026-05-06');
    expect(view.heading).toBe('Regionstyrelsen 6 maj 2026');
    expect(view.groups.map((g) => g.goal.name)).toEqual([
      'Hållbar utveckling i hela länet',
      'Sveriges bästa kvalitet, tillgänglighet och säkerhet',
      'En av Sveriges bästa arbetsplatser',
      'En långsiktigt hållbar ekonomi',
    ]);
    const items = view.groups.flatMap((g) => g.items);
    expect(items.map((i) => i.title)).toEqual(['Infrastruktur', 'Tillgänglighet', 'Kompetensanalys m.m.', 'Internkontroll, välfärdsbrott']);
    const presenters = items.flatMap((i) => i.presenters.map((p) => p.name));
    expect(presenters).toEqual(['Helena Nilsson', 'Carl-Johan Adolfsson', 'Sofia Hartz', 'Johan Rosenqvist', 'Mats Petersson', 'Helen Persson', 'Lars Mattsson', 'Mathias Landerdahl']);
    const sofia = items.flatMap((i) => i.presenters).find((p) => p.name === 'Sofia Hartz');
    expect(sofia?.title).toBe('primärvårdsdirektör');
    const types = items.flatMap((i) => i.blocks.map((b) => b.view.type));
    expect(types).not.toContain('error');
    // the TeleQ slide: the aggregate row keeps the pack's wording, "Alla regioner"
    const teleq = items.flatMap((i) => i.blocks.map((b) => b.view)).find((v) => v.type === 'ranking_table') as unknown as { rows: RankingRow[] };
    const reference = teleq.rows.find((r) => r.reference);
    expect(reference?.area.name).toBe('Alla regioner');
    expect(reference?.figure?.display).toBe('89\u00a0%');
    expect(teleq.rows.filter((r) => !r.reference)).toHaveLength(19);
  });

  it('resolves every block of every demo meeting without error', async () => {
    const meetings = await getJson<Array<{ id: string }>>(app, '/api/meetings');
    expect(meetings.map((m) => m.id).sort()).toEqual(['rs-2024-02-01', 'rs-2025-06-17', 'rs-2025-12-10', 'rs-2026-05-06']);
    const seen = new Set<string>();
    for (const m of meetings) {
      const view = await getJson<{ groups: Array<{ items: Array<{ blocks: Array<{ view: { type: string; message?: string } }> }> }> }>(app, `/api/meetings/${m.id}`);
      for (const block of view.groups.flatMap((g) => g.items.flatMap((i) => i.blocks))) {
        expect(block.view.message ?? '').toBe('');
        seen.add(block.view.type);
      }
    }
    expect([...seen].sort()).toEqual(['checklist', 'data_table', 'image', 'indicator_chart', 'key_figure', 'ranking_table', 'risk_list', 'statement_table', 'text', 'timeline']);
  });

  it('serves the OpenAPI document', async () => {
    const doc = await getJson<{ openapi: string; paths: Record<string, unknown> }>(app, '/api/openapi.json');
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/health', '/api/plan-periods', '/api/indicators/{id}/ranking', '/api/meetings/{id}']));
  });

  it('answers bad requests and unknown things in Swedish with the right status', async () => {
    const bad = await app.inject({ method: 'GET', url: '/api/indicators/telefon-teleq-samma-dag/ranking?period=2026-13' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ error: { code: string; message: string; requestId: string } }>().error).toMatchObject({ code: 'invalid_input' });
    expect(bad.json<{ error: { message: string } }>().error.message).toMatch(/ogiltig period/);

    const missing = await app.inject({ method: 'GET', url: '/api/meetings/1999-01-01' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json<{ error: { message: string } }>().error.message).toBe('Sammanträdet "1999-01-01" finns inte');

    const unknownRoute = await app.inject({ method: 'GET', url: '/api/finns-inte' });
    expect(unknownRoute.statusCode).toBe(404);
  });
});
