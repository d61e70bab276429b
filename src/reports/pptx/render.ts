import { PptxGenJS, type Pptx, type Slide as PptxSlide } from './pptxgen.js';
import { assertNever } from '../../domain/assert.js';
import type { Slide } from '../../domain/deck/model.js';
import { dataUri, type DeckInput } from '../deckInput.js';
import { fitInto, imageSize } from '../imageSize.js';
import type { DeckTheme } from '../theme.js';
import { finalizePptx } from './finalize.js';
import { agendaSlide, errorSlide, focusSlide, goalsSlide, itemSlide, sectionSlide } from './frameSlides.js';
import { composedSlide } from './composedSlide.js';
import { chartSlide, keyFigureSlide } from './figureSlides.js';
import { BOX, hex, LANG, textBase, titleSize, TYPE } from './layout.js';
import { markdownRuns } from './markdown.js';
import { CONTENT_MASTER, defineMasters, TITLE_MASTER } from './masters.js';
import { riskMatrixSlide, tableSlide } from './tableSlides.js';
import { timelineSlide } from './timelineSlide.js';

/**
 * The deck as a PowerPoint file (16:9, sv-SE): a title placeholder on every slide, native charts
 * with their data, real tables, alt text on every chart and picture, the theme's colours, fonts,
 * logo and footer.
 */
function addTitle(slide: PptxSlide, s: Slide, theme: DeckTheme): void {
  const size = s.body.kind === 'title' ? 44 : titleSize(s.title);
  // the size goes on the run: a placeholder's own options win over the shape's (pptxgenjs)
  slide.addText([{ text: s.title, options: { fontSize: size, lang: LANG, fontFace: theme.fonts.heading } }], { placeholder: 'title', align: 'left' });
  if (s.kicker) slide.addText(s.kicker, { ...BOX.kicker, ...textBase(theme, TYPE.kicker), color: hex(theme.colors.muted), margin: 0, valign: 'bottom' });
}

function addBody(pptx: Pptx, slide: PptxSlide, s: Slide, input: DeckInput): void {
  const { theme } = input;
  const body = s.body;
  switch (body.kind) {
    case 'title':
      return;
    case 'goals':
      return goalsSlide(slide, body, theme);
    case 'focus':
      return focusSlide(slide, body, theme);
    case 'agenda':
      return agendaSlide(slide, body, theme);
    case 'section':
      return sectionSlide(slide, body, theme);
    case 'item':
      return itemSlide(slide, body, theme);
    case 'error':
      return errorSlide(slide, body, theme);
    case 'text': {
      const gap = 0.4;
      const width = (BOX.body.w - gap * (body.columns.length - 1)) / body.columns.length;
      body.columns.forEach((blocks, i) => {
        slide.addText(markdownRuns(blocks, TYPE.body, theme), { ...BOX.body, x: BOX.body.x + i * (width + gap), w: width, ...textBase(theme, TYPE.body), valign: 'top', margin: 0, fit: 'shrink' });
      });
      return;
    }
    case 'key_figure':
      return keyFigureSlide(slide, body, theme);
    case 'chart':
      return chartSlide(pptx, slide, body, theme);
    case 'table':
      return tableSlide(slide, body, theme);
    case 'timeline':
      return timelineSlide(slide, body, theme);
    case 'risk_matrix':
      return riskMatrixSlide(slide, body, theme);
    case 'image': {
      const asset = input.assets.get(body.assetId);
      if (!asset) {
        errorSlide(slide, { kind: 'error', message: `Bilden "${body.fileName}" saknas.` }, theme);
        return;
      }
      const box = fitInto(imageSize(asset.bytes, asset.mediaType), BOX.body.x, BOX.body.y, BOX.body.w, BOX.body.h);
      slide.addImage({ data: dataUri(asset), ...box, altText: body.alt });
      return;
    }
    case 'composed':
      return composedSlide(pptx, slide, body, input);
    default:
      return assertNever(body, 'bildinnehåll');
  }
}

export async function renderPptx(input: DeckInput): Promise<Buffer> {
  const { deck, theme } = input;
  const pptx = new PptxGenJS();
  pptx.layout = 'LAYOUT_WIDE';
  pptx.title = deck.title;
  pptx.subject = deck.title;
  pptx.company = theme.name;
  pptx.author = 'Styrkort';
  pptx.theme = { headFontFace: theme.fonts.heading, bodyFontFace: theme.fonts.body };
  defineMasters(pptx, input);
  for (const s of deck.slides) {
    const slide = pptx.addSlide({ masterName: s.level === 1 ? TITLE_MASTER : CONTENT_MASTER });
    addTitle(slide, s, theme);
    addBody(pptx, slide, s, input);
    if (s.note) slide.addText(s.note.text, { ...BOX.note, ...textBase(theme, TYPE.note), color: hex(theme.colors.muted), margin: 0, valign: 'middle' });
  }
  const written = (await pptx.write({ outputType: 'nodebuffer', compression: true })) as Buffer;
  return finalizePptx(written);
}
