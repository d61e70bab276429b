import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChartBody } from '../../src/domain/deck/model.js';
import { DEFAULT_THEME } from '../../src/reports/theme.js';
import { meetingDeck, renderMeetingDeck } from '../../src/services/deck.js';
import { demoDatabase } from '../support/demo.js';
import { readPptx } from '../support/pptxRead.js';
import type { TestDatabase } from '../support/testDatabase.js';

/**
 * The charts in the PowerPoint are native chart parts whose numbers are the stored values: read
 * back from ppt/charts/chart*.xml and compared with the meeting view and with the measurement
 * rows in the database behind each point.
 */
const settings = { theme: DEFAULT_THEME, chromiumPath: '/finns-inte/chromium' };

let t: TestDatabase;
beforeAll(async () => {
  t = await demoDatabase();
});
afterAll(async () => {
  await t.drop();
});

async function storedValues(ids: number[]): Promise<Map<number, { value: number | null; numerator: number | null; denominator: number | null }>> {
  if (ids.length === 0) return new Map();
  const rows = await t.db.selectFrom('measurement').select(['id', 'value', 'numerator', 'denominator']).where('id', 'in', ids).execute();
  const num = (v: unknown) => (v === null ? null : Number(v));
  return new Map(rows.map((r) => [r.id, { value: num(r.value), numerator: num(r.numerator), denominator: num(r.denominator) }]));
}

describe.each(['rs-2024-02-01', 'rs-2025-06-17', 'rs-2026-05-06'])('diagrammen i %s', (meeting) => {
  it('are native chart parts with the data embedded, and hold the values of the view and the database', async () => {
    const { view, deck } = await meetingDeck(t.db, meeting);
    const rendered = await renderMeetingDeck(t.db, meeting, 'pptx', settings);
    const { slides, zip } = await readPptx(rendered.bytes);
    // every chart, alone on its slide or a part of a composed one, in the order of the slides
    const charts = deck.slides.flatMap((slide) =>
      slide.body.kind === 'chart'
        ? [{ slide, body: slide.body }]
        : slide.body.kind === 'composed'
          ? slide.body.parts.flatMap((p) => (p.content.kind === 'chart' ? [{ slide, body: p.content }] : []))
          : [],
    );
    const chartViews = view.groups.flatMap((g) => g.items.flatMap((i) => i.blocks.flatMap((b) => (b.view.type === 'indicator_chart' ? [b.view] : []))));
    expect(charts.length).toBe(chartViews.length);
    expect(charts.length).toBeGreaterThan(0);

    for (const [index, { slide, body }] of charts.entries()) {
      const pptxSlide = slides[slide.number - 1];
      const onSlide = charts.filter((c) => c.slide === slide);
      const shapes = pptxSlide?.shapes.filter((s) => s.chart !== null) ?? [];
      expect(shapes).toHaveLength(onSlide.length);
      // a chart is never a picture (a composed slide may hold a picture beside a text)
      if (slide.body.kind === 'chart') expect(pptxSlide?.shapes.some((s) => s.kind === 'pic')).toBe(false);
      const shape = shapes[onSlide.findIndex((c) => c.body === body)];
      const chart = shape?.chart;
      expect(chart?.part).toBe(`ppt/charts/chart${index + 1}.xml`);
      expect(shape?.descr).toBe((body as ChartBody).alt);
      const rels = await zip.file(`ppt/charts/_rels/chart${index + 1}.xml.rels`)?.async('string');
      const workbook = /Target="\.\.\/embeddings\/([^"]+\.xlsx)"/.exec(rels ?? '')?.[1];
      expect(workbook && zip.file(`ppt/embeddings/${workbook}`)).toBeTruthy();

      const chartView = chartViews[index];
      if (!chartView) throw new Error('diagramvyn saknas');
      const areaSeries = chart?.series.slice(0, chartView.series.length) ?? [];
      expect(areaSeries.map((s) => s.name)).toEqual(chartView.series.map((s) => s.area.name));
      for (const [i, series] of chartView.series.entries()) {
        const fromChart = areaSeries[i];
        expect(fromChart?.categories).toEqual(chartView.periods.map((p) => p.label));
        expect(fromChart?.values).toEqual(series.points.map((p) => p?.value ?? null));
        const stored = await storedValues(series.points.flatMap((p) => (p && p.origin === 'stored' ? p.measurementIds : [])));
        series.points.forEach((point, k) => {
          if (!point || point.origin !== 'stored') return;
          const row = stored.get(point.measurementIds[0] as number);
          const expected = row?.value ?? (row?.numerator != null && row.denominator ? (row.numerator / row.denominator) * 100 : null);
          expect(fromChart?.values[k]).toBeCloseTo(expected as number, 10);
        });
      }
    }
  });
});
