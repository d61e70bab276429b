import type { Deck } from '../domain/deck/model.js';
import type { DeckTheme } from './theme.js';

/**
 * What every renderer draws from: the deck model, the theme, and the bytes of the pictures the
 * deck shows (read from the database by the service; renderers read no database).
 */
export interface DeckAsset {
  mediaType: string;
  bytes: Uint8Array;
}

export interface DeckInput {
  deck: Deck;
  theme: DeckTheme;
  assets: ReadonlyMap<string, DeckAsset>;
}

export function dataUri(asset: DeckAsset): string {
  return `data:${asset.mediaType};base64,${Buffer.from(asset.bytes).toString('base64')}`;
}

/** The footer of every slide: the theme's text, or the deck's title. */
export function footerText(input: DeckInput): string {
  return input.theme.footerText ?? input.deck.title;
}
