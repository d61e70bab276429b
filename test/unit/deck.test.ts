import { describe, expect, it } from 'vitest';
import { buildDeck } from '../../src/domain/deck/build.js';
import type { Deck, Slide, SlideBody } from '../../src/domain/deck/model.js';
import { everyBlockMeeting, item, KALMAR, meeting, PRESENTERS } from './deckFixtures.js';

const S = '\u00a0';
const M = '\u2212';

function bodies<K extends SlideBody['kind']>(deck: Deck, kind: K): Array<{ slide: Slide; body: Extract<SlideBody, { kind: K }> }> {
  return deck.slides.filter((s) => s.body.kind === kind).map((slide) => ({ slide, body: slide.body as Extract<SlideBody, { kind: K }> }));
}

function only<K extends SlideBody['kind']>(deck: Deck, kind: K): { slide: Slide; body: Extract<SlideBody, { kind: K }> } {
  const found = bodies(deck, kind);
  expect(found).toHaveLength(1);
  return found[0] as { slide: Slide; body: Extract<SlideBody, { kind: K }> };
}

describe('the deck of a meeting', () => {
  const deck = buildDeck(everyBlockMeeting());

  it('opens like the packs: title, goals, focus areas, agenda; then per goal a section and its items', () => {
    expect(deck.title).toBe('Regionstyrelsen 6 maj 2026 \u2014 Informationspunkter');
    expect(deck.fileStem).toBe('Regionstyrelsen 2026-05-06 Informationspunkter');
    expect(deck.language).toBe('sv-SE');
    expect(deck.slides.slice(0, 5).map((s) => [s.body.kind, s.title])).toEqual([
      ['title', 'Regionstyrelsen 6 maj 2026 \u2014 Informationspunkter'],
      ['goals', 'Övergripande mål i regionplan | 2026\u20132028'],
      ['focus', 'Fokusområden 2026'],
      ['agenda', 'Informationspunkter 6 maj 2026'],
      ['section', 'Sveriges bästa kvalitet, tillgänglighet och säkerhet'],
    ]);
    const sections = bodies(deck, 'section').map((s) => s.slide.title);
    expect(sections).toEqual(['Sveriges bästa kvalitet, tillgänglighet och säkerhet', 'En långsiktigt hållbar ekonomi']);
    const economy = deck.slides.findIndex((s) => s.title === 'En långsiktigt hållbar ekonomi');
    expect(deck.slides.slice(5, economy).every((s) => s.level === 3)).toBe(true);
  });

  it('numbers every slide and gives every slide a title and a unique anchor', () => {
    expect(deck.slides.map((s) => s.number)).toEqual(deck.slides.map((_s, i) => i + 1));
    expect(deck.slides.every((s) => s.title.trim() !== '')).toBe(true);
    expect(new Set(deck.slides.map((s) => s.id)).size).toBe(deck.slides.length);
    expect(deck.slides[0]?.level).toBe(1);
  });

  it('lists the goals of the plan period and the focus areas with a capital first letter', () => {
    expect(only(deck, 'goals').body.goals).toEqual(['Nöjda invånare och samarbetspartners', 'Sveriges bästa kvalitet, tillgänglighet och säkerhet', 'En långsiktigt hållbar ekonomi']);
    expect(only(deck, 'focus').body).toEqual({ kind: 'focus', lead: 'Tillsammans', areas: ['Möter vi människor där de är', 'Driver vi utveckling och förbättring'] });
  });

  it('groups the agenda by goal with item titles and presenters', () => {
    expect(only(deck, 'agenda').body.groups).toEqual([
      {
        goal: 'Sveriges bästa kvalitet, tillgänglighet och säkerhet',
        items: [
          { title: 'Tillgänglighet', presenters: 'Sofia Hartz' },
          { title: 'Digitala kallelser', presenters: 'Sofia Hartz' },
        ],
      },
      { goal: 'En långsiktigt hållbar ekonomi', items: [{ title: 'Internkontroll', presenters: 'Lars Mattsson, Mathias Landerdahl' }] },
    ]);
  });

  it('names the presenters with their titles on the section slide', () => {
    const section = bodies(deck, 'section')[1];
    expect(section?.body.presenters.map((p) => p.label)).toEqual(['Lars Mattsson, ekonomidirektör', 'Mathias Landerdahl']);
  });

  it('gives an item without blocks a slide of its own with its presenters', () => {
    const { slide, body } = only(deck, 'item');
    expect(slide.title).toBe('Digitala kallelser');
    expect(slide.kicker).toBe('Sveriges bästa kvalitet, tillgänglighet och säkerhet');
    expect(body.presenters.map((p) => p.label)).toEqual(['Sofia Hartz, primärvårdsdirektör']);
  });

  it('titles a block by its heading under the item, and keeps the markdown as a tree', () => {
    const { slide, body } = only(deck, 'text');
    expect(slide.title).toBe('Hälsocentralen');
    expect(slide.kicker).toBe('Tillgänglighet');
    expect(body.columns).toEqual([
      [
        {
          kind: 'list',
          ordered: false,
          start: 1,
          items: [
            { runs: [{ text: 'Vi styr', bold: true, italic: false, strike: false }, { text: ' till rätt vårdnivå', bold: false, italic: false, strike: false }], children: [] },
            { runs: [{ text: 'Vi ', bold: false, italic: false, strike: false }, { text: 'prioriterar', bold: false, italic: true, strike: false }, { text: ' medicinskt', bold: false, italic: false, strike: false }], children: [] },
          ],
        },
      ],
    ]);
    expect(slide.note).toBeNull();
  });
});

describe('figures on slides', () => {
  const deck = buildDeck(everyBlockMeeting());

  it('a key figure shows value, unit, period, change with sign and unit, target and status as icon and word', () => {
    const { slide, body } = only(deck, 'key_figure');
    expect(slide.title).toBe('Minskning medelväntetid – första besök');
    expect(body.value).toBe(`25,3${S}dagar*`);
    expect(body.period).toBe('mars 2026');
    expect(body.change).toBe(`${M}4,9${S}dagar jämfört med december 2024 (30,2${S}dagar)`);
    expect(body.target).toBe(`Mål: ≤ 30,0${S}dagar – Vårdgaranti BUP`);
    expect(body.status).toEqual({ status: 'met', label: 'Uppnått', icon: '✓' });
    expect(slide.note?.text).toBe('Period: mars 2026, december 2024. Källa: Test. * Preliminärt värde.');
  });

  it('a chart keeps missing values as null (a gap), highlights the own area first and says so in its alt text', () => {
    const { slide, body } = only(deck, 'chart');
    expect(body.chart).toBe('line');
    expect(body.categories).toEqual(['2021', '2022', '2023']);
    expect(body.series.map((s) => [s.name, s.highlight, s.values])).toEqual([
      ['Region Kalmar län', true, [68, null, 79]],
      ['Region Skåne', false, [60, 62, 65]],
    ]);
    expect(body.series[0]?.displays).toEqual([`68${S}%`, '–', `79${S}%`]);
    expect(body.target).toEqual({ label: `Mål ≥ 60${S}%`, values: [60, 60, 60] });
    expect(body.numberFormat).toBe('#,##0" %"');
    expect(body.alt).toContain('Linjediagram: Friskvårdsbidraget, procent.');
    expect(body.alt).toContain('Uppgift saknas för Region Kalmar län 2022.');
    expect(body.table.rows.map((r) => r.cells)).toEqual([
      ['2021', `68${S}%`, `60${S}%`, `60${S}%`],
      ['2022', '–', `62${S}%`, `60${S}%`],
      ['2023', `79${S}%`, `65${S}%`, `60${S}%`],
    ]);
    expect(slide.note?.text).toBe('Period: 2021–2023. Källa: Test.');
  });

  it('a ranking marks the own region, places the reference row unranked, and splits over two slides', () => {
    const parts = bodies(deck, 'table').filter((t) => t.body.variant === 'ranking');
    expect(parts.map((p) => p.slide.title)).toEqual(['Högst telefontillgänglighet i landet', 'Högst telefontillgänglighet i landet (forts.)']);
    const rows = parts.flatMap((p) => p.body.rows);
    expect(rows).toHaveLength(20);
    expect(rows[0]).toEqual({ cells: ['1', 'Region Kalmar län', `98${S}%`, `29${S}802`, `30${S}448`], style: 'own', srNote: 'egen region' });
    const alla = rows.find((r) => r.style === 'reference');
    expect(alla?.cells).toEqual(['', 'Alla regioner', `89${S}%`, `744${S}248`, `832${S}490`]);
    expect(parts.every((p) => p.body.columns.map((c) => c.label).join('|') === 'Plats|Område|Samma dag|Täljare|Nämnare')).toBe(true);
    expect(parts[0]?.slide.note?.text).toBe('Period: mars 2026. Källa: TeleQ.');
  });

  it('a statement table puts computed subtotal rows in bold style', () => {
    const table = bodies(deck, 'table').find((t) => t.body.variant === 'statement');
    expect(table?.body.rows.map((r) => [r.cells, r.style])).toEqual([
      [['Intäkter', `1${S}200`], 'normal'],
      [['Kostnader', `${M}1${S}500`], 'normal'],
      [['Nettokostnad', `${M}300`], 'formula'],
    ]);
    expect(table?.body.columns[0]?.label).toBe('mnkr');
  });

  it('a data table ends in a computed total and a summary line', () => {
    const table = bodies(deck, 'table').find((t) => t.body.variant === 'data');
    expect(table?.body.rows.at(-1)).toEqual({ cells: ['8', '19', '109', '120'], style: 'total', srNote: 'beräknad summa' });
    expect(table?.body.caption).toBe('8 trafikföretag · 19 paket · 109 fordon · 120 omlopp');
    expect(table?.slide.note?.text).toBe('Källa: Kalmar länstrafik.');
  });

  it('a checklist lists item, party and status as icon and word, grouped', () => {
    const table = bodies(deck, 'table').find((t) => t.body.variant === 'checklist');
    expect(table?.body.rows.map((r) => r.cells)).toEqual([['System'], ['Registrera fordon', 'Trafikföretagen', '✓ Klar', ''], ['Utbilda förare', 'Beställaren', '✗ Försenad', 'september 2025']]);
    expect(table?.body.caption).toBe('Klar: 1 · Försenad: 1');
  });

  it('a risk list has a probability × consequence matrix and lists risks with only a reported score', () => {
    const { slide, body } = only(deck, 'risk_matrix');
    expect(slide.title).toBe('Personal och bemanningsbolag: riskmatris');
    const cell = body.cells.flat().find((c) => c.risks.includes('R1'));
    expect(cell).toEqual({ probability: 3, consequence: 4, score: 12, band: 'Hantera risk', bandId: 'hantera', risks: ['R1'] });
    expect(body.cells[0]?.map((c) => c.probability)).toEqual([4, 4, 4, 4]);
    expect(body.unplaced).toEqual(['R2: 9 Hantera risk (rapporterad poäng)']);
    const table = bodies(deck, 'table').find((t) => t.body.variant === 'risks');
    expect(table?.body.rows.map((r) => r.cells)).toEqual([
      ['R1', 'Kompetensförsörjning', '12 Hantera risk (3 × 4)', 'Handlingsplan'],
      ['R2', 'Bemanning', '9 Hantera risk (rapporterad poäng)', '–'],
      ['R3', 'Bisysslor', '2 Acceptera risk (1 × 2)', 'Stickprov'],
    ]);
  });

  it('a timeline places phases and milestones over the months and marks today', () => {
    const { body } = only(deck, 'timeline');
    const phase = body.rows[0];
    expect(phase).toMatchObject({ kind: 'phase', label: 'Förarbete', from: 0, range: 'dec 2025–feb 2026' });
    expect(body.rows.map((r) => r.kind)).toEqual(['phase', 'phase', 'milestone']);
    expect(body.today?.label).toBe('I dag 6 maj 2026');
    expect(body.today?.at).toBeGreaterThan(0.4);
    expect(body.today?.at).toBeLessThan(0.5);
    expect(body.months[0]).toMatchObject({ at: 0, yearStart: true });
    // the year's first month is named with its year and takes the room of its label (December and
    // February give way); the other months are short enough to be named every month over 11 months
    expect(body.months.map((m) => m.label)).toEqual(['', 'jan 2026', '', 'mar', 'apr', 'maj', 'jun', 'jul', 'aug', 'sep', 'okt']);
    expect(body.alt).toContain('Fas Remisstid: apr 2026–sep 2026.');
  });

  it('an image keeps its alt text, and a block whose data is missing becomes a slide that says so', () => {
    const { slide, body } = only(deck, 'image');
    expect(slide.title).toBe('Vi finns i hela länet');
    expect(body.alt).toBe('Karta över länets hälsocentraler');
    expect(only(deck, 'error').body.message).toBe('Blocket kunde inte visas: Okänd datamängd "finns-inte"');
  });
});

describe('long content is split over slides', () => {
  it('a long agenda continues on a second slide and repeats the goal heading', () => {
    const items = Array.from({ length: 24 }, (_v, i) => item(`i${i}`, i < 12 ? 'g1' : 'g2', `Informationspunkt nummer ${i + 1}`, [PRESENTERS.sofia!], []));
    const deck = buildDeck(meeting(items));
    const agenda = bodies(deck, 'agenda');
    expect(agenda.map((a) => a.slide.title)).toEqual(['Informationspunkter 6 maj 2026', 'Informationspunkter 6 maj 2026 (forts.)']);
    expect(agenda.flatMap((a) => a.body.groups.flatMap((g) => g.items))).toHaveLength(24);
  });

  it('a text longer than a slide is split between paragraphs, and a numbered list keeps its numbers', () => {
    const markdown = Array.from({ length: 30 }, (_v, i) => `${i + 1}. Punkt ${i + 1} med en text som är lång nog att ta en hel rad på bilden när den skrivs ut`).join('\n');
    const deck = buildDeck(meeting([item('t', 'g1', 'Lång text', [], [{ type: 'text', heading: 'Lista', markdown }])]));
    const parts = bodies(deck, 'text');
    expect(parts.length).toBeGreaterThan(1);
    expect(parts[1]?.slide.title).toBe('Lista (forts.)');
    const lists = parts.map((p) => p.body.columns[0]?.[0]);
    const firstCount = lists[0]?.kind === 'list' ? lists[0].items.length : 0;
    expect(lists[1]).toMatchObject({ kind: 'list', ordered: true, start: firstCount + 1 });
    expect(parts.flatMap((p) => p.body.columns.flat()).reduce((n, b) => n + (b.kind === 'list' ? b.items.length : 0), 0)).toBe(30);
  });

  it('many short bullets go in two columns on one slide instead of two slides', () => {
    const markdown = ['HR', 'Beställd vård', 'Tandvård', 'Upphandling', 'Läkemedel', 'Ekonomi', 'Köpt vård', 'Kalmar länstrafik', 'Regionfastigheter', 'Jurist', 'Säkerhetsstrateg', 'Regional utveckling', 'Hälso- och sjukvård', 'Kommunikation', 'IT'].map((s) => `- ${s}`).join('\n');
    const deck = buildDeck(meeting([item('t', 'g1', 'Arbetsgrupp', [], [{ type: 'text', heading: null, markdown }])]));
    const { body } = only(deck, 'text');
    expect(body.columns).toHaveLength(2);
  });
});

describe('a value that is missing', () => {
  it('is "–" with status "Uppgift saknas", never 0', () => {
    const deck = buildDeck(meeting([item('k', 'g1', 'Nyckeltal', [], [{ type: 'key_figure', indicator: 'bup', area: 'region-skane', period: '2026-03' }])]));
    const { body, slide } = only(deck, 'key_figure');
    expect(body.value).toBe('–');
    expect(body.status).toEqual({ status: 'no_data', label: 'Uppgift saknas', icon: '?' });
    expect(slide.note?.text).toBe('Period: mars 2026. Källa: Region Kalmar län.');
  });

  it('keeps the own area named when it is the highlight of a ranking', () => {
    const deck = buildDeck(meeting([item('r', 'g1', 'Rangordning', [], [{ type: 'ranking_table', indicator: 'teleq', period: '2026-03', areas: [KALMAR, 'region-skane'], highlight: 'region-skane' }])]));
    const { body } = only(deck, 'table');
    expect(body.rows.map((r) => [r.cells[1], r.style])).toEqual([
      ['Region Kalmar län', 'normal'],
      ['Region Skåne', 'own'],
    ]);
  });
});
