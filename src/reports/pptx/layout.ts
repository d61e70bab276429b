import type { TextPropsOptions } from './pptxgen.js';
import type { DeckTheme } from '../theme.js';

/**
 * The slide grid of the PowerPoint deck, in inches on a 13,333 × 7,5 (16:9) slide, and the type
 * sizes in points. The deck model's capacities (domain/deck/paginate.ts) are measured for these.
 */
export const SLIDE = { w: 13.333, h: 7.5 };
export const MARGIN = 0.6;
export const CONTENT_W = SLIDE.w - 2 * MARGIN;

/** A region of a slide, in inches. */
export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export const BOX = {
  kicker: { x: MARGIN, y: 0.32, w: CONTENT_W - 1.8, h: 0.36 },
  title: { x: MARGIN, y: 0.64, w: CONTENT_W, h: 0.9 },
  body: { x: MARGIN, y: 1.62, w: CONTENT_W, h: 4.9 },
  note: { x: MARGIN, y: 6.56, w: CONTENT_W, h: 0.36 },
  footer: { x: MARGIN, y: 6.98, w: CONTENT_W - 1.2, h: 0.32 },
  number: { x: SLIDE.w - MARGIN - 1.0, y: 6.98, w: 1.0, h: 0.32 },
};

export { TYPE, titleSize } from '../typeScale.js';

export const LANG = 'sv-SE';

/** pptxgenjs wants colours without '#'. */
export function hex(color: string): string {
  return color.replace(/^#/, '').toUpperCase();
}

/** Text options every run gets: language, font and colour of the theme. */
export function textBase(theme: DeckTheme, size: number): TextPropsOptions {
  return { lang: LANG, fontFace: theme.fonts.body, fontSize: size, color: hex(theme.colors.text) };
}
