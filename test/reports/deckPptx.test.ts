import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_THEME, themeFrom } from '../../src/reports/theme.js';
import { meetingDeck, renderDeck, renderMeetingDeck } from '../../src/services/deck.js';
import { demoDatabase } from '../support/demo.js';
import { readPptx, slideText } from '../support/pptxRead.js';
import type { TestDatabase } from '../support/testDatabase.js';

/** The PowerPoint files of the demo meetings as PowerPoint reads them: titles, language, alt texts, tables. */
const settings = { theme: DEFAULT_THEME, chromiumPath: '/finns-inte/chromium' };

let t: TestDatabase;
beforeAll(async () => {
  t = await demoDatabase();
});
afterAll(async () => {
  await t.drop();
});

describe.each(['rs-2024-02-01', 'rs-2025-06-17', 'rs-2025-12-10', 'rs-2026-05-06'])('PowerPoint för %s', (meeting) => {
  it('16:9, sv-SE throughout, a title placeholder with the slide title on every slide, alt text on every chart and picture', async () => {
    const { deck } = await meetingDeck(t.db, meeting);
    const { slides, zip } = await readPptx((await renderMeetingDeck(t.db, meeting, 'pptx', settings)).bytes);
    expect(slides).toHaveLength(deck.slides.length);
    expect(await zip.file('ppt/presentation.xml')?.async('string')).toContain('<p:sldSz cx="12192000" cy="6858000"/>');
    for (const name of Object.keys(zip.files).filter((n) => n.endsWith('.xml'))) {
      const xml = (await zip.file(name)?.async('string')) ?? '';
      expect(xml, name).not.toContain('en-US');
      // one set of paragraph properties per paragraph (pptxgenjs writes one per run)
      for (const p of xml.matchAll(/<a:p>([\s\S]*?)<\/a:p>/g)) expect((p[1]?.match(/<a:pPr[\s>/]/g) ?? []).length, name).toBeLessThanOrEqual(1);
    }
    slides.forEach((slide, i) => {
      const titles = slide.shapes.filter((s) => s.placeholder === 'title');
      expect(titles, `bild ${i + 1}`).toHaveLength(1);
      expect(titles[0]?.paragraphs.map((p) => p.text).join(' ')).toBe(deck.slides[i]?.title);
      for (const s of slide.shapes.filter((x) => x.kind === 'pic' || x.chart !== null)) expect(s.descr, `bild ${i + 1}`).toMatch(/\S/);
    });
    const kinds = deck.slides.map((s) => s.body.kind);
    slides.forEach((slide, i) => {
      if (kinds[i] === 'table') expect(slide.shapes.some((s) => s.table !== null), `bild ${i + 1}`).toBe(true);
      if (deck.slides[i]?.note) expect(slideText(slide)).toContain(deck.slides[i]?.note?.text);
    });
  });
});

describe('PowerPoint with an organisation theme', () => {
  it('uses its accent colour, fonts, footer text and logo (with alt text) on every slide', async () => {
    const png = 'iVBORw0KGgoAAAANSUhEUgAAAAIAAAABCAYAAAD0In+KAAAAC0lEQVR42mNgAAIAAAUAAen63NgAAAAASUVORK5CYII=';
    const theme = themeFrom({ colors: { accent: '#00606B' }, fonts: { heading: 'Georgia', body: 'Verdana' }, footerText: 'regionkalmar.se' }, 'tema.json', {
      data: `data:image/png;base64,${png}`,
      mediaType: 'image/png',
      alt: 'Region Kalmar läns logotyp',
      width: 1.4,
      height: 0.7,
    });
    const { deck } = await meetingDeck(t.db, 'rs-2025-12-10');
    const rendered = await renderDeck({ deck, theme, assets: new Map() }, 'pptx', settings);
    const { zip, slides } = await readPptx(rendered.bytes);
    const layouts = await Promise.all(Object.keys(zip.files).filter((n) => /^ppt\/slideLayouts\/slideLayout\d+\.xml$/.test(n)).map((n) => zip.file(n)?.async('string')));
    const ours = layouts.filter((x) => x?.includes('regionkalmar.se'));
    expect(ours).toHaveLength(2); // the title master and the content master
    for (const x of ours) {
      expect(x).toContain('descr="Region Kalmar läns logotyp"');
      expect(x).toContain('<a:srgbClr val="00606B"/>');
    }
    expect(slides[1]?.xml).toContain('typeface="Georgia"');
    expect(slides[1]?.xml).toContain('typeface="Verdana"');
  });
});
