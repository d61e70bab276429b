import type { Pptx } from './pptxgen.js';
import { footerText, type DeckInput } from '../deckInput.js';
import { BOX, hex, LANG, MARGIN, SLIDE, TYPE } from './layout.js';

/**
 * Two slide masters, both with a real title placeholder (so PowerPoint, screen readers and the
 * outline know every slide's title): the title slide's, and the one every other slide uses —
 * accent rule, logo, footer text and slide number.
 */
export const TITLE_MASTER = 'STYRKORT_TITEL';
export const CONTENT_MASTER = 'STYRKORT_INNEHALL';

export function defineMasters(pptx: Pptx, input: DeckInput): void {
  const { theme } = input;
  const c = theme.colors;
  const logo = theme.logo;
  const logoObjects = logo
    ? [{ image: { data: logo.data, x: SLIDE.w - MARGIN - logo.width, y: 0.22, w: logo.width, h: logo.height, altText: logo.alt } }]
    : [];
  const footer = { text: { text: footerText(input), options: { ...BOX.footer, fontFace: theme.fonts.body, fontSize: TYPE.footer, color: hex(c.muted), lang: LANG, valign: 'middle' as const, margin: 0 } } };
  const slideNumber = { ...BOX.number, fontFace: theme.fonts.body, fontSize: TYPE.footer, color: hex(c.muted), align: 'right' as const };

  pptx.defineSlideMaster({
    title: CONTENT_MASTER,
    background: { color: hex(c.background) },
    objects: [
      { rect: { x: MARGIN, y: 0.2, w: 0.9, h: 0.07, fill: { color: hex(c.accent) }, line: { color: hex(c.accent), width: 0 } } },
      ...logoObjects,
      footer,
      {
        placeholder: {
          options: { name: 'title', type: 'title', ...BOX.title, fontFace: theme.fonts.heading, fontSize: TYPE.title, bold: true, color: hex(c.text), valign: 'top', align: 'left', margin: 0 },
          text: '',
        },
      },
    ],
    slideNumber,
  });

  pptx.defineSlideMaster({
    title: TITLE_MASTER,
    background: { color: hex(c.background) },
    objects: [
      { rect: { x: 0, y: 0, w: 0.35, h: SLIDE.h, fill: { color: hex(c.accent) }, line: { color: hex(c.accent), width: 0 } } },
      ...logoObjects,
      footer,
      {
        placeholder: {
          options: { name: 'title', type: 'title', x: 1.2, y: 2.2, w: 10.8, h: 2.6, fontFace: theme.fonts.heading, fontSize: 44, bold: true, color: hex(c.text), valign: 'middle', align: 'left', margin: 0 },
          text: '',
        },
      },
    ],
    slideNumber,
  });
}
