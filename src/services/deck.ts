import { buildDeck, type DeckOptions } from '../domain/deck/build.js';
import type { Deck } from '../domain/deck/model.js';
import type { MeetingView } from '../domain/meetingView.js';
import { getAssetBytes } from '../db/repositories/content.js';
import type { DeckAsset, DeckInput } from '../reports/deckInput.js';
import { renderHtml } from '../reports/html/render.js';
import { DECK_CSP } from '../reports/html/script.js';
import { renderPdf } from '../reports/pdf/render.js';
import { renderPptx } from '../reports/pptx/render.js';
import type { DeckTheme } from '../reports/theme.js';
import { meetingView } from './meetingView.js';
import type { Store } from './store.js';
import { ALL_MEETINGS, type MeetingFilter } from './visibility.js';

/**
 * A meeting's board pack: the meeting view from stored data, the deck model from the view, and
 * one of three renderers. Returns the file's bytes with its content type and Swedish file name
 * ("Regionstyrelsen 2026-05-06 Informationspunkter.pptx").
 */
export const DECK_FORMATS = ['pptx', 'html', 'pdf'] as const;
export type DeckFormat = (typeof DECK_FORMATS)[number];

export const DECK_CONTENT_TYPES: Record<DeckFormat, string> = {
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  pdf: 'application/pdf',
  html: 'text/html; charset=utf-8',
};

/** The Content-Security-Policy the web deck must be served with (it is a document with one inline script). */
export const DECK_HTML_CSP = DECK_CSP;

export interface DeckSettings {
  theme: DeckTheme;
  chromiumPath: string;
}

export interface RenderedDeck {
  format: DeckFormat;
  bytes: Buffer;
  contentType: string;
  fileName: string;
  slideCount: number;
}

/** The pictures a deck shows, read from the database. */
export async function deckAssets(db: Store, deck: Deck): Promise<Map<string, DeckAsset>> {
  const ids = [...new Set(deck.slides.flatMap((s) => (s.body.kind === 'image' ? [s.body.assetId] : [])))];
  const assets = new Map<string, DeckAsset>();
  for (const id of ids) {
    const found = await getAssetBytes(db, id);
    if (found) assets.set(id, { mediaType: found.mediaType, bytes: found.bytes });
  }
  return assets;
}

/** Renders a deck already built (the benchmark renders synthetic decks this way). */
export async function renderDeck(input: DeckInput, format: DeckFormat, settings: Pick<DeckSettings, 'chromiumPath'>): Promise<RenderedDeck> {
  const { deck } = input;
  let bytes: Buffer;
  switch (format) {
    case 'pptx':
      bytes = await renderPptx(input);
      break;
    case 'html':
      bytes = Buffer.from(renderHtml(input), 'utf8');
      break;
    case 'pdf':
      bytes = await renderPdf(renderHtml(input), { chromiumPath: settings.chromiumPath });
      break;
  }
  return { format, bytes, contentType: DECK_CONTENT_TYPES[format], fileName: `${deck.fileStem}.${format}`, slideCount: deck.slides.length };
}

export async function meetingDeck(db: Store, idOrDate: string, options: DeckOptions = {}, visible: MeetingFilter = ALL_MEETINGS): Promise<{ view: MeetingView; deck: Deck }> {
  const view = await meetingView(db, idOrDate, visible);
  return { view, deck: buildDeck(view, options) };
}

export async function renderMeetingDeck(db: Store, idOrDate: string, format: DeckFormat, settings: DeckSettings, visible: MeetingFilter = ALL_MEETINGS): Promise<RenderedDeck> {
  const { deck } = await meetingDeck(db, idOrDate, {}, visible);
  return renderDeck({ deck, theme: settings.theme, assets: await deckAssets(db, deck) }, format, settings);
}
