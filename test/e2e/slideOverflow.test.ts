import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CHROMIUM } from '../../src/config/deck.js';
import type { Deck } from '../../src/domain/deck/model.js';
import { CHROMIUM_FLAGS, renderPdf } from '../../src/reports/pdf/render.js';
import { DEFAULT_THEME } from '../../src/reports/theme.js';
import { DECK_HTML_CSP, meetingDeck, renderMeetingDeck } from '../../src/services/deck.js';
import { demoDatabase } from '../support/demo.js';
import type { TestDatabase } from '../support/testDatabase.js';
import { readPptxGeometry } from './support/pptxGeometry.js';
import { slideCount, slideOverflows, slideTexts, type ShowMode, type SlideOverflow } from './support/slideFit.js';

/**
 * No slide of any demo pack overflows (issue 13), in each of the three formats:
 * - PowerPoint: every shape, picture, connector, group and graphic frame lies within the slide
 *   size (p:sldSz), and so do every table's columns and rows (a:gridCol w, a:tr h). pptxgenjs
 *   writes h="0" on every row (PowerPoint grows rows to their text), so how tall a table really
 *   gets is measured in the web deck, which has the same body box, column shares, type sizes and
 *   cell margins, and a larger line height;
 * - web deck: every slide shown as the deck's script shows it, at 1280×720 and at a small
 *   laptop's 1024×576, and in print (the layout the PDF is made from): no `.slide-body` scrolls
 *   and nothing reaches outside the slide, its head, its body or a box that clips it (slideFit.ts);
 * - PDF, printed by the product's renderer from the same HTML: a page per slide, every text item
 *   within its page, the slide's title on it, and every text the printed slide shows — Chromium
 *   leaves clipped text out of the PDF, so a missing text is a clipped one.
 * The web deck is the HTML the route serves, under its CSP, in one Chromium for the whole file;
 * the PDF renderer starts its own, as in the product.
 */
const MEETINGS = ['rs-2024-02-01', 'rs-2025-06-17', 'rs-2025-12-10', 'rs-2026-05-06'];
const VIEWPORTS = [
  { width: 1280, height: 720 },
  { width: 1024, height: 576 },
];
const SLIDE_SIZE = { width: 1280, height: 720 }; // 13,333 × 7,5 inches at 96 dpi: print's slide size
const chromiumPath = process.env.STYRKORT_CHROMIUM ?? DEFAULT_CHROMIUM;
const settings = { theme: DEFAULT_THEME, chromiumPath };
const DECK_URL = 'https://styrkort.test/deck.html';
const EMU_PER_INCH = 914400;

let t: TestDatabase;
let browser: Browser;
const contexts: BrowserContext[] = [];
beforeAll(async () => {
  t = await demoDatabase();
  browser = await chromium.launch({ executablePath: chromiumPath, args: CHROMIUM_FLAGS });
});
afterEach(async () => {
  await Promise.all(contexts.splice(0).map((c) => c.close()));
});
afterAll(async () => {
  await browser?.close();
  await t?.drop();
});

function inches(emu: number): string {
  return `${(emu / EMU_PER_INCH).toFixed(2)} tum`;
}

/** What lies outside [0, size] along one axis, in words; null when inside. */
function outside(start: number, length: number, size: number, axis: 'x' | 'y'): string | null {
  if (start < 0) return `${axis} börjar ${inches(-start)} före bildkanten`;
  if (start + length > size) return `${axis} slutar ${inches(start + length - size)} utanför bilden`;
  return null;
}

/** The deck's HTML in Chromium as the route serves it (with its CSP); print as the PDF renderer prints: without script, print media. */
async function openDeck(html: string, viewport: { width: number; height: number }, mode: ShowMode): Promise<Page> {
  const context = await browser.newContext({ viewport, javaScriptEnabled: mode === 'slides' });
  contexts.push(context);
  const page = await context.newPage();
  await page.route('**/*', (route) =>
    route.request().url() === DECK_URL ? route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', headers: { 'content-security-policy': DECK_HTML_CSP }, body: html }) : route.abort(),
  );
  await page.goto(DECK_URL);
  if (mode === 'print') await page.emulateMedia({ media: 'print' });
  else expect(await page.locator('html').getAttribute('class')).toBe('slides');
  return page;
}

function describeOverflows(found: SlideOverflow[]): string[] {
  return found.map((o) => `${o.slide}: ${o.problem}${o.text ? ` — "${o.text}"` : ''}`);
}

const squash = (text: string) => text.replace(/[\s\u00a0\u00ad]+/g, '');

describe.each(MEETINGS)('styrelsepaketet %s', (meeting) => {
  let deck: Deck;
  let html: string;
  beforeAll(async () => {
    deck = (await meetingDeck(t.db, meeting)).deck;
    html = (await renderMeetingDeck(t.db, meeting, 'html', settings)).bytes.toString('utf8');
  });

  it('PowerPoint: every shape and table lies within the slide', async () => {
    const rendered = await renderMeetingDeck(t.db, meeting, 'pptx', settings);
    const { width, height, slides } = await readPptxGeometry(rendered.bytes);
    expect(width).toBeGreaterThan(0);
    expect(slides).toHaveLength(deck.slides.length);
    const problems: string[] = [];
    for (const slide of slides) {
      for (const shape of slide.shapes) {
        const where = `bild ${slide.number}, ${shape.kind} "${shape.name}"`;
        if (!shape.box) {
          problems.push(`${where}: har ingen position (a:xfrm), inte heller i layouten`);
          continue;
        }
        const { x, y, cx, cy } = shape.box;
        for (const out of [outside(x, cx, width, 'x'), outside(y, cy, height, 'y')]) if (out) problems.push(`${where}: ${out}`);
        if (shape.table) {
          const columns = shape.table.columnWidths.reduce((a, b) => a + b, 0);
          const rows = shape.table.rowHeights.reduce((a, b) => a + b, 0);
          const across = outside(x, columns, width, 'x');
          const down = outside(y, rows, height, 'y');
          if (across) problems.push(`${where}: tabellens kolumner (${inches(columns)}): ${across}`);
          if (down) problems.push(`${where}: tabellens ${shape.table.rowHeights.length} rader (${inches(rows)}): ${down}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it.each(VIEWPORTS)('web deck at $width×$height: no slide scrolls or reaches outside its box', async (viewport) => {
    const page = await openDeck(html, viewport, 'slides');
    expect(await slideCount(page)).toBe(deck.slides.length);
    expect(describeOverflows(await slideOverflows(page, 'slides'))).toEqual([]);
  });

  it('web deck in print: no slide scrolls or reaches outside its box', async () => {
    const page = await openDeck(html, SLIDE_SIZE, 'print');
    expect(await slideCount(page)).toBe(deck.slides.length);
    expect(describeOverflows(await slideOverflows(page, 'print'))).toEqual([]);
  });

  it('PDF: a page per slide with its title and all its text, none of it outside the page', async () => {
    const printed = await slideTexts(await openDeck(html, SLIDE_SIZE, 'print'));
    expect(printed).toHaveLength(deck.slides.length);
    const doc = await getDocument({ data: new Uint8Array(await renderPdf(html, { chromiumPath })) }).promise;
    expect(doc.numPages).toBe(deck.slides.length);
    const problems: string[] = [];
    for (const slide of deck.slides) {
      const page = await doc.getPage(slide.number);
      const [x0 = 0, y0 = 0, x1 = 0, y1 = 0] = page.view;
      const content = await page.getTextContent();
      const texts: string[] = [];
      for (const item of content.items) {
        if (!('str' in item) || item.str.trim() === '') continue;
        texts.push(item.str);
        const x = item.transform[4] as number;
        const y = item.transform[5] as number; // the baseline
        const out = [
          x < x0 - 1 ? `vänster ${Math.round(x0 - x)} pt` : null,
          x + item.width > x1 + 1 ? `höger ${Math.round(x + item.width - x1)} pt` : null,
          y < y0 - 1 ? `nedtill ${Math.round(y0 - y)} pt` : null,
          y + item.height > y1 + 1 ? `upptill ${Math.round(y + item.height - y1)} pt` : null,
        ].filter((s) => s !== null);
        if (out.length > 0) problems.push(`sida ${slide.number}: "${item.str.slice(0, 60)}" utanför sidan (${out.join(', ')})`);
      }
      const onPage = squash(texts.join(''));
      if (!onPage.includes(squash(slide.title))) problems.push(`sida ${slide.number}: rubriken "${slide.title}" saknas`);
      // each text as often as the slide shows it (a clipped last row may repeat a text of a row above)
      const needed = new Map<string, number>();
      for (const text of printed[slide.number - 1] ?? []) needed.set(squash(text), (needed.get(squash(text)) ?? 0) + 1);
      const missing = [...needed].filter(([text, times]) => onPage.split(text).length - 1 < times).map(([text]) => text);
      if (missing.length > 0) problems.push(`sida ${slide.number}: ${missing.length} texter syns inte (bortklippta?), först "${missing[0]?.slice(0, 60)}"`);
    }
    expect(problems).toEqual([]);
  });
});
