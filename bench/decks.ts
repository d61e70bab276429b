import { DEMO_DIR, PACKAGE_ROOT } from '../src/config/paths.js';
import { DEFAULT_CHROMIUM } from '../src/config/deck.js';
import { openDatabase } from '../src/db/connect.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { buildDeck } from '../src/domain/deck/build.js';
import type { Deck } from '../src/domain/deck/model.js';
import type { ItemView, MeetingView } from '../src/domain/meetingView.js';
import { DEFAULT_THEME } from '../src/reports/theme.js';
import { deckAssets, DECK_FORMATS, renderDeck, renderMeetingDeck, type DeckFormat } from '../src/services/deck.js';
import { meetingView } from '../src/services/meetingView.js';
import { loadDemo } from '../src/services/startup.js';
import type { Store } from '../src/services/store.js';
import { mib, ms, percentile, row, time, withEmbedded } from './support.js';

/**
 * The board pack: time to render each demo meeting from stored data to PowerPoint, web deck and
 * PDF (median of several runs after one warm-up), and a synthetic 60-slide meeting made of the
 * demo's own blocks, all ten types, taken in turn. Targets on a 2-core machine, 60 slides:
 * PPTX < 1 s, HTML < 0,5 s, PDF < 5 s. PDF includes starting and closing Chromium.
 */
const MEETINGS = ['rs-2024-02-01', 'rs-2025-06-17', 'rs-2025-12-10', 'rs-2026-05-06'];
const RUNS: Record<DeckFormat, number> = { pptx: 5, html: 5, pdf: 3 };
const settings = { theme: DEFAULT_THEME, chromiumPath: process.env.STYRKORT_CHROMIUM ?? DEFAULT_CHROMIUM };

async function median(runs: number, run: () => Promise<unknown>): Promise<number> {
  await run(); // warm-up: module loading, fonts, JIT
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) samples.push((await time(run)).ms);
  return percentile(samples, 50);
}

/** One meeting whose items take the demo's blocks round-robin by type until the deck has 60 slides. */
function syntheticMeeting(views: MeetingView[]): { view: MeetingView; deck: Deck } {
  const base = views[views.length - 1] as MeetingView;
  const entries = views.flatMap((v) => v.groups.flatMap((g) => g.items.flatMap((i) => i.blocks)));
  const byType = new Map<string, ItemView['blocks']>();
  for (const e of entries) byType.set(e.view.type, [...(byType.get(e.view.type) ?? []), e]);
  const queues = [...byType.values()];
  const picked: ItemView['blocks'] = [];
  const goals = base.planPeriod.goals;
  for (let round = 0; ; round++) {
    for (const q of queues) if (q.length > 0) picked.push(q[round % q.length] as ItemView['blocks'][number]);
    const items: ItemView[] = goals.map((goal, g) => ({
      id: `syntet-${g}`,
      position: g + 1,
      title: `Syntetisk punkt ${g + 1}`,
      goalId: goal.id,
      presenters: base.groups[0]?.presenters ?? [],
      blocks: picked.filter((_b, i) => i % goals.length === g),
    }));
    const view: MeetingView = { ...base, groups: goals.map((goal, g) => ({ goal, presenters: base.groups[0]?.presenters ?? [], items: [items[g] as ItemView] })) };
    const deck = buildDeck(view);
    if (deck.slides.length >= 60) {
      return { view, deck: { ...deck, slides: deck.slides.slice(0, 60).map((s, i) => ({ ...s, number: i + 1, id: `bild-${i + 1}` })) } };
    }
  }
}

async function benchMeetings(db: Store): Promise<void> {
  for (const meeting of MEETINGS) {
    const slides = buildDeck(await meetingView(db, meeting)).slides.length;
    for (const format of DECK_FORMATS) {
      const t = await median(RUNS[format], () => renderMeetingDeck(db, meeting, format, settings));
      row(`${meeting} (${slides} bilder) → ${format}`, `${ms(t)} (median av ${RUNS[format]}, från databasen)`);
    }
  }
}

async function benchSynthetic(db: Store): Promise<void> {
  const views = await Promise.all(MEETINGS.map((m) => meetingView(db, m)));
  const { deck } = syntheticMeeting(views);
  const kinds = new Set(deck.slides.map((s) => s.body.kind));
  const input = { deck, theme: DEFAULT_THEME, assets: await deckAssets(db, deck) };
  row('syntetiskt sammanträde', `${deck.slides.length} bilder, ${kinds.size} slags innehåll (${[...kinds].join(', ')})`);
  const targets: Record<DeckFormat, number> = { pptx: 1000, html: 500, pdf: 5000 };
  for (const format of DECK_FORMATS) {
    const rendered = await renderDeck(input, format, settings);
    const t = await median(RUNS[format], () => renderDeck(input, format, settings));
    row(`60 bilder → ${format}`, `${ms(t)} (mål < ${targets[format]} ms: ${t < targets[format] ? 'uppnått' : 'EJ uppnått'}), ${Math.round(rendered.bytes.length / 1024)} kB`);
  }
}

export async function decksBench(): Promise<void> {
  process.stdout.write('\nStyrelsepaketet: PowerPoint, webbpresentation och PDF\n');
  await withEmbedded(async (pg) => {
    const handle = openDatabase(pg.url);
    try {
      await migrateToLatest(handle.db as never);
      await loadDemo(handle.db, DEMO_DIR, PACKAGE_ROOT);
      await benchMeetings(handle.db);
      await benchSynthetic(handle.db);
    } finally {
      await handle.close();
    }
  });
  row('högsta minnesanvändning (RSS, Node)', `${mib(process.resourceUsage().maxRSS * 1024)} (Chromiums egna processer ej medräknade)`);
}
