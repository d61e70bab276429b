import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BLOCK_TYPES, type BlockType } from '../../src/domain/blocks.js';
import { buildDeck } from '../../src/domain/deck/build.js';
import type { ComposedBody, Deck } from '../../src/domain/deck/model.js';
import { compositionProblems, layoutOf, slideGroups } from '../../src/domain/slideLayout.js';
import { item, KALMAR, meeting, PRESENTERS } from './deckFixtures.js';

/**
 * Composed slides: which blocks may share a slide and in which layout; the deck puts them on one
 * slide where every part fits its region, and gives them slides of their own where one does not.
 */
const composed = (deck: Deck) => deck.slides.filter((s) => s.body.kind === 'composed').map((s) => ({ slide: s, body: s.body as ComposedBody }));

describe('layoutOf', () => {
  it('names the layouts the packs use', () => {
    expect(layoutOf(['text', 'key_figure'])).toEqual({ ok: true, layout: 'text_figures' });
    expect(layoutOf(['key_figure', 'key_figure', 'text', 'key_figure', 'key_figure'])).toEqual({ ok: true, layout: 'text_figures' });
    expect(layoutOf(['key_figure', 'key_figure', 'key_figure'])).toEqual({ ok: true, layout: 'figures' });
    expect(layoutOf(['text', 'indicator_chart'])).toEqual({ ok: true, layout: 'text_visual' });
    expect(layoutOf(['image', 'text'])).toEqual({ ok: true, layout: 'text_visual' });
    expect(layoutOf(['text', 'text'])).toEqual({ ok: true, layout: 'two_columns' });
    expect(layoutOf(['statement_table', 'text'])).toEqual({ ok: true, layout: 'table_caption' });
  });

  it('refuses what has no layout, saying why in Swedish', () => {
    expect(layoutOf(['text', 'text', 'text'])).toEqual({ ok: false, message: 'högst två block sida vid sida' });
    expect(layoutOf(['key_figure', 'key_figure', 'key_figure', 'key_figure', 'key_figure'])).toEqual({ ok: false, message: 'högst 4 nyckeltal på en bild' });
    expect(layoutOf(['key_figure', 'indicator_chart'])).toMatchObject({ ok: false, message: 'nyckeltal kan bara dela bild med en text och andra nyckeltal' });
    expect(layoutOf(['text', 'statement_table'])).toMatchObject({ ok: false });
    expect(layoutOf(['text', 'timeline'])).toEqual({ ok: false, message: 'ett block av typen "timeline" står alltid ensamt på sin bild' });
  });

  it('never gives a layout to a slide with a timeline or a risk list', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom<BlockType>(...BLOCK_TYPES), { minLength: 2, maxLength: 6 }), (types) => {
        const result = layoutOf(types);
        if (types.includes('timeline') || types.includes('risk_list')) expect(result.ok).toBe(false);
        if (result.ok) expect(types.length).toBeLessThanOrEqual(5);
      }),
    );
  });
});

describe('slideGroups and compositionProblems', () => {
  it('groups consecutive blocks that join the one before', () => {
    expect(slideGroups([1, 2, 3, 4, 5], (n) => n === 2 || n === 3 || n === 5)).toEqual([[1, 2, 3], [4, 5]]);
  });

  it('names the block that cannot join, and a first block that has nothing to join', () => {
    const where = (i: number) => `blocks[${i}]`;
    expect(compositionProblems([{ type: 'text', withPrevious: true }], where)).toEqual([{ where: 'blocks[0].withPrevious', message: 'det första blocket har inget block före sig att dela bild med' }]);
    expect(compositionProblems([{ type: 'text' }, { type: 'text', withPrevious: true }, { type: 'text', withPrevious: true }], where)).toEqual([
      { where: 'blocks[2].withPrevious', message: 'kan inte dela bild med blocken före: högst två block sida vid sida' },
    ]);
    expect(compositionProblems([{ type: 'text' }, { type: 'key_figure', withPrevious: true }], where)).toEqual([]);
  });
});

const figure = (label: string) => ({ type: 'key_figure' as const, indicator: 'bup', area: KALMAR, period: '2026-03', compareWith: '2024-12', label, withPrevious: true });

describe('the deck', () => {
  it('puts a text and the figures it discusses on one slide, with the notes of all of them', () => {
    const alone = buildDeck(meeting([item('a', 'g2', 'Tillgänglighet', [PRESENTERS.sofia!], [{ type: 'text', heading: 'Väntetider', markdown: '- Kortare köer\n- Fler besök' }, { ...figure('BUP'), withPrevious: undefined }])]));
    const together = buildDeck(meeting([item('a', 'g2', 'Tillgänglighet', [PRESENTERS.sofia!], [{ type: 'text', heading: 'Väntetider', markdown: '- Kortare köer\n- Fler besök' }, figure('BUP')])]));
    expect(together.slides).toHaveLength(alone.slides.length - 1);
    const [slide] = composed(together);
    expect(slide?.slide.title).toBe('Väntetider');
    expect(slide?.body.layout).toBe('text_figures');
    expect(slide?.body.parts.map((p) => [p.content.kind, p.heading])).toEqual([
      ['text', null],
      ['key_figure', null],
    ]);
    // the figure's period and source are under the composed slide as under the figure alone
    const figureNote = alone.slides.find((s) => s.body.kind === 'key_figure')?.note?.text;
    expect(figureNote).toBeDefined();
    expect(slide?.slide.note?.text).toBe(figureNote);
  });

  it('four figures side by side on one slide, under the item\'s title', () => {
    const blocks = [{ ...figure('Ett'), withPrevious: undefined }, figure('Två'), figure('Tre'), figure('Fyra')];
    const deck = buildDeck(meeting([item('a', 'g2', 'Nyckeltal', [], blocks)]));
    expect(composed(deck).map((c) => [c.body.layout, c.body.parts.length, c.slide.title])).toEqual([['figures', 4, 'Nyckeltal']]);
  });

  it('a text too long for the space beside a figure is not squeezed: both get slides of their own', () => {
    const markdown = Array.from({ length: 14 }, (_v, i) => `- Punkt ${i + 1} med en text som tar en hel rad i den smalare spalten bredvid nyckeltalet`).join('\n');
    const deck = buildDeck(meeting([item('a', 'g2', 'Tillgänglighet', [], [{ type: 'text', heading: null, markdown }, figure('BUP')])]));
    expect(composed(deck)).toEqual([]);
    const kinds = deck.slides.filter((s) => s.body.kind === 'text' || s.body.kind === 'key_figure').map((s) => s.body.kind);
    // the text at full width (over as many slides as it needs there), then the figure
    expect(kinds.at(-1)).toBe('key_figure');
    expect(kinds.slice(0, -1).every((k) => k === 'text')).toBe(true);
  });

  it('a chart beside a text keeps its own title as the part heading', () => {
    const deck = buildDeck(
      meeting([
        item('a', 'g2', 'Friskvård', [], [
          { type: 'text', heading: 'Hälsobokslut', markdown: 'Användandet har ökat.' },
          { type: 'indicator_chart', indicator: 'friskvard', areas: [KALMAR], chart: 'bar', title: 'Andel som nyttjat bidraget', withPrevious: true },
        ]),
      ]),
    );
    const [slide] = composed(deck);
    expect(slide?.body.layout).toBe('text_visual');
    expect(slide?.body.parts.map((p) => p.heading)).toEqual([null, 'Andel som nyttjat bidraget']);
  });

  it('blocks stored in a combination with no layout are drawn one per slide, not dropped', () => {
    const deck = buildDeck(meeting([item('a', 'g2', 'Blandat', [], [{ type: 'text', heading: null, markdown: 'Ett' }, { type: 'text', heading: null, markdown: 'Två', withPrevious: true }, { type: 'text', heading: null, markdown: 'Tre', withPrevious: true }])]));
    expect(composed(deck)).toEqual([]);
    expect(deck.slides.filter((s) => s.body.kind === 'text')).toHaveLength(3);
  });
});
