import { describe, expect, it } from 'vitest';
import { buildDeck } from '../../src/domain/deck/build.js';
import { renderHtml } from '../../src/reports/html/render.js';
import { renderPptx } from '../../src/reports/pptx/render.js';
import { readPptx } from '../support/pptxRead.js';
import { DECK_SCRIPT, DECK_SCRIPT_HASH } from '../../src/reports/html/script.js';
import { DEFAULT_THEME } from '../../src/reports/theme.js';
import { createHash } from 'node:crypto';
import { everyBlockMeeting, item, meeting } from './deckFixtures.js';

/** The web deck escapes every user-written text and carries exactly the script its CSP allows. */
describe('the web deck', () => {
  it('writes item text as text: HTML in a title, a heading or markdown never becomes markup', () => {
    const hostile = meeting([
      item('x', 'g1', '<img src=x onerror=alert(1)>', [{ personId: 'p', name: '"><script>alert(2)</script>', title: null }], [
        { type: 'text', heading: '<b>Rubrik</b>', markdown: '- <iframe src="https://evil.example"></iframe>\n- **fet** & *kursiv* <svg onload=alert(3)>' },
      ]),
    ]);
    const html = renderHtml({ deck: buildDeck(hostile), theme: DEFAULT_THEME, assets: new Map() });
    expect(html).not.toMatch(/<img src=x|<iframe|<svg onload|<script>alert|<b>Rubrik/);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('<li><strong>fet</strong> &amp; <em>kursiv</em> &lt;svg onload=alert(3)&gt;</li>');
    expect(html.match(/<script>/g)).toHaveLength(1);
  });

  it('strikes through ~~text~~ — drawn and said in the web deck, a struck run in PowerPoint', async () => {
    const changed = meeting([item('x', 'g1', 'Tidplan', [], [{ type: 'text', markdown: '- Beslut i regionfullmäktige ~~27 maj~~ 18 april' }])]);
    const deck = buildDeck(changed);
    const html = renderHtml({ deck, theme: DEFAULT_THEME, assets: new Map() });
    expect(html).toContain('<li>Beslut i regionfullmäktige <del><span class="sr-only">struket: </span>27 maj</del> 18 april</li>');
    const { slides } = await readPptx(await renderPptx({ deck, theme: DEFAULT_THEME, assets: new Map() }));
    const runs = slides.flatMap((slide) => [...slide.xml.matchAll(/<a:r>([\s\S]*?)<\/a:r>/g)].map((m) => m[1] as string)).filter((r) => /27 maj|18 april/.test(r));
    expect(runs.map((r) => [/<a:t>([^<]*)<\/a:t>/.exec(r)?.[1], /<a:rPr[^>]*\bstrike="sngStrike"/.test(r)])).toEqual([
      ['27 maj', true],
      [' 18 april', false],
    ]);
  });

  it('draws a timeline inside its box: the last milestone, the today label and the note on a phase outside its parent; long labels wrap', async () => {
    const tight = meeting([
      item('x', 'g1', 'Ny vårdbyggnad', [], [
        {
          type: 'timeline',
          title: 'Tidplan',
          phases: [
            { id: 'projekt', label: 'Projektering, upphandling och byggnation av den nya vårdbyggnaden med parkeringshus', start: 'dec 2025', end: 'andra halvåret 2027' },
            { id: 'bygg', label: 'Byggnation', start: 'T1 2026', end: '2028', parent: 'projekt' },
          ],
          milestones: [{ id: 'slut', label: 'Slutbesiktning', date: '2028-12' }],
        },
      ]),
    ]);
    const deck = buildDeck(tight);
    const { slides } = await readPptx(await renderPptx({ deck, theme: DEFAULT_THEME, assets: new Map() }));
    const slide = slides.at(-1)!;
    const boxes = slide.shapes.filter((s) => s.box !== null && s.placeholder === null).map((s) => ({ box: s.box!, text: s.paragraphs.map((p) => p.text).join(' ') }));
    // the body box: x 0,6–12,73 in, y 1,62–6,52 in (pptx/layout.ts BOX.body); shapes are within it
    const outside = boxes.filter(({ box: [x, y, w, h] }) => x < 0.6 - 0.01 || x + w > 12.733 + 0.01 || y + h > 6.52 + 0.01);
    expect(outside.map((o) => o.text || o.box.join(' '))).toEqual([]);
    const today = boxes.find((b) => b.text.startsWith('I dag'))!;
    const note = boxes.find((b) => b.text.startsWith('Obs:'))!;
    expect(today.box[1] + today.box[3]).toBeLessThanOrEqual(note.box[1]);
    const long = slide.shapes.find((s) => s.paragraphs.some((p) => p.text.startsWith('Projektering')));
    // wrapped over lines, the period kept whole on its own line (no-break spaces inside it)
    expect(long?.paragraphs.map((p) => p.text)).toEqual(['Projektering, upphandling och byggnation av', 'den nya vårdbyggnaden med parkeringshus', '(dec\u00a02025–andra\u00a0halvåret\u00a02027)']);

    const html = renderHtml({ deck, theme: DEFAULT_THEME, assets: new Map() });
    expect(html).toContain('<figcaption class="muted">Obs: Fasen &quot;Byggnation&quot; (T1 2026–2028) ligger utanför');
    const svg = /<svg[^>]*viewBox="0 0 (\d+) \d+"[\s\S]*?<\/svg>/.exec(html.slice(html.lastIndexOf('<figure class="chart">')));
    const width = Number(svg?.[1]);
    const diamond = /<path d="M([\d.]+) [\d.]+l([\d.]+)/.exec(svg?.[0] ?? '');
    expect(Number(diamond?.[1]) + Number(diamond?.[2])).toBeLessThanOrEqual(width);
    expect(svg?.[0]).toMatch(/<tspan[^>]*>Projektering, upphandling och/);
  });

  it('has one inline script, whose hash is the one in the CSP', () => {
    const html = renderHtml({ deck: buildDeck(everyBlockMeeting()), theme: DEFAULT_THEME, assets: new Map() });
    const scripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
    expect(scripts).toEqual([DECK_SCRIPT]);
    expect(DECK_SCRIPT_HASH).toBe(`sha256-${createHash('sha256').update(scripts[0] as string).digest('base64')}`);
  });

  it('gives each chart an image role named by its text alternative, with its data as a table', () => {
    const deck = buildDeck(everyBlockMeeting());
    const html = renderHtml({ deck, theme: DEFAULT_THEME, assets: new Map() });
    const chart = deck.slides.find((s) => s.body.kind === 'chart');
    expect(html).toMatch(new RegExp(`<svg role="img" aria-labelledby="${chart?.id}-alt"[^>]*><title id="${chart?.id}-alt">Linjediagram: Friskvårdsbidraget`));
    expect(html).toContain('<caption class="sr-only">Data för diagrammet Friskvårdsbidraget</caption>');
    expect(html).toContain('<p class="error">Bilden "karta.png" saknas.</p>');
  });
});
