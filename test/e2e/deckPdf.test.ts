import { execFileSync } from 'node:child_process';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CHROMIUM } from '../../src/config/deck.js';
import { DEFAULT_THEME } from '../../src/reports/theme.js';
import { meetingDeck, renderMeetingDeck } from '../../src/services/deck.js';
import { appOn, demoDatabase } from '../support/demo.js';
import type { TestDatabase } from '../support/testDatabase.js';

/**
 * The PDF, printed from the web deck by Debian's Chromium: a page per slide, tagged, an outline
 * of the slides, the figures as text — and Chromium closed again afterwards.
 */
const settings = { theme: DEFAULT_THEME, chromiumPath: process.env.STYRKORT_CHROMIUM ?? DEFAULT_CHROMIUM };

let t: TestDatabase;
beforeAll(async () => {
  t = await demoDatabase();
});
afterAll(async () => {
  await t.drop();
});

interface OutlineItem {
  title: string;
  items: OutlineItem[];
}

function flatten(items: readonly OutlineItem[]): string[] {
  return items.flatMap((i) => [i.title, ...flatten(i.items)]);
}

function childProcesses(): string {
  try {
    return execFileSync('ps', ['-o', 'comm=', '--ppid', String(process.pid)], { encoding: 'utf8' });
  } catch {
    return ''; // no children: ps exits 1
  }
}

describe.each(['rs-2026-05-06', 'rs-2024-02-01'])('PDF för %s', (meeting) => {
  it('has a page per slide, is tagged, and its outline lists the slides (and a composed slide\'s part titles)', async () => {
    const { deck } = await meetingDeck(t.db, meeting);
    const rendered = await renderMeetingDeck(t.db, meeting, 'pdf', settings);
    expect(rendered.contentType).toBe('application/pdf');
    expect(rendered.fileName).toBe(`${deck.fileStem}.pdf`);
    expect(childProcesses()).not.toMatch(/chrom/i);

    const doc = await getDocument({ data: new Uint8Array(rendered.bytes) }).promise;
    expect(doc.numPages).toBe(deck.slides.length);
    expect(await doc.getMarkInfo()).toMatchObject({ Marked: true });
    const info = (await doc.getMetadata()).info as { Title?: string; Language?: string };
    expect(info.Title).toBe(deck.title);
    expect(info.Language).toBe('sv');
    const outline = (await doc.getOutline()) as OutlineItem[];
    // each slide, and under a composed slide the titles of its parts (a chart's title beside a text)
    const headings = deck.slides.flatMap((s) => [s.title, ...(s.body.kind === 'composed' ? s.body.parts.flatMap((p) => (p.heading ? [p.heading] : [])) : [])]);
    expect(flatten(outline)).toEqual(headings);
    expect(outline).toHaveLength(1); // the title slide holds the rest
  });
});

describe('the figures in the PDF', () => {
  it('are text: the TeleQ slide shows the computed shares', async () => {
    const rendered = await renderMeetingDeck(t.db, 'rs-2026-05-06', 'pdf', settings);
    const doc = await getDocument({ data: new Uint8Array(rendered.bytes) }).promise;
    const { deck } = await meetingDeck(t.db, 'rs-2026-05-06');
    const number = deck.slides.find((s) => s.title === 'Högst telefontillgänglighet i landet')?.number ?? 0;
    const content = await (await doc.getPage(number)).getTextContent();
    const text = content.items.map((i) => ('str' in i ? i.str : '')).join(' ').replace(/[\s\u00a0]+/g, ' ');
    expect(text).toMatch(/1 Region Kalmar län 98 % 29 802 30 448/);
    expect(text).toMatch(/Alla regioner 89 % 744 248 832 490/);
  });

  it('is served over HTTP as application/pdf with its Swedish file name', async () => {
    const app = await appOn(t);
    try {
      const r = await app.inject({ url: '/api/meetings/rs-2025-12-10/deck.pdf' });
      expect(r.statusCode).toBe(200);
      expect(r.headers['content-type']).toBe('application/pdf');
      expect(r.headers['content-disposition']).toBe(`inline; filename="Regionstyrelsen 2025-12-10 Informationspunkter.pdf"; filename*=UTF-8''Regionstyrelsen%202025-12-10%20Informationspunkter.pdf`);
      expect(r.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    } finally {
      await app.close();
    }
  });
});
