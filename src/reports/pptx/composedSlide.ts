import { COMPOSED_TEXT_SCALE, TEXT_SHARE } from '../../domain/deck/compose.js';
import type { ComposedBody, ComposedPart, KeyFigureBody } from '../../domain/deck/model.js';
import { dataUri, type DeckInput } from '../deckInput.js';
import { fitInto, imageSize } from '../imageSize.js';
import type { DeckTheme } from '../theme.js';
import { chartSlide } from './figureSlides.js';
import { BOX, hex, LANG, textBase, TYPE, type Box } from './layout.js';
import { markdownRuns } from './markdown.js';
import type { Pptx, Slide, TextProps, TextPropsOptions } from './pptxgen.js';
import { tableSlide } from './tableSlides.js';

/**
 * A composed slide in PowerPoint: the body's box cut into regions by the layout, each part drawn
 * in its region with the same drawing as alone (native chart, real table, picture with its alt
 * text) — only a key figure is set smaller, to fit beside a text or three others. The text's
 * share of the width is the one the deck measured it for (domain/deck/compose.ts).
 */
const GAP = 0.4;
const CAPTION_H = 0.95;

export function regions(body: ComposedBody, area: Box = BOX.body): Box[] {
  const { layout, parts } = body;
  const columns = (shares: readonly number[]): Box[] => {
    const free = area.w - GAP * (shares.length - 1);
    let x = area.x;
    return shares.map((share) => {
      const box = { x, y: area.y, w: free * share, h: area.h };
      x += box.w + GAP;
      return box;
    });
  };
  switch (layout) {
    case 'figures':
      return columns(parts.map(() => 1 / parts.length));
    case 'table_caption':
      return [
        { ...area, h: area.h - CAPTION_H },
        { x: area.x, y: area.y + area.h - CAPTION_H + 0.1, w: area.w, h: CAPTION_H - 0.1 },
      ];
    case 'two_columns':
      return columns([0.5, 0.5]);
    case 'text_visual': {
      const share = TEXT_SHARE.text_visual;
      const [text, visual] = columns([share, 1 - share]) as [Box, Box];
      return parts.map((p) => (p.content.kind === 'text' ? text : visual));
    }
    case 'text_figures': {
      // the text on the left, the figures stacked on the right, whatever their order in the item
      const [text, side] = columns([TEXT_SHARE.text_figures, 1 - TEXT_SHARE.text_figures]) as [Box, Box];
      const figures = parts.filter((p) => p.content.kind === 'key_figure').length;
      const step = 0.15;
      const h = (side.h - step * (figures - 1)) / figures;
      let n = 0;
      return parts.map((p) => (p.content.kind === 'text' ? text : { ...side, y: side.y + (n++) * (h + step), h }));
    }
  }
}

/** A key figure in a region: the value large, then what it is, when and where, change and status. */
function keyFigureIn(slide: Slide, body: KeyFigureBody, theme: DeckTheme, box: Box, stacked: number): void {
  const c = theme.colors;
  // four stacked figures get the smallest type; one beside a text the largest
  const scale = stacked >= 3 ? 0.62 : stacked === 2 ? 0.78 : 1;
  const line = (text: string, options: TextPropsOptions): TextProps => ({ text, options: { lang: LANG, breakLine: true, ...options } });
  const runs: TextProps[] = [
    line(body.value, { fontSize: Math.round(44 * scale), bold: true, color: hex(c.accent), fontFace: theme.fonts.heading }),
    line(body.label, { fontSize: Math.round(18 * scale + 2), paraSpaceAfter: 2 }),
    line(`${body.area} \u00b7 ${body.period}`, { fontSize: 12, color: hex(c.muted), paraSpaceAfter: 2 }),
  ];
  if (body.change) runs.push(line(body.change, { fontSize: 13 }));
  if (body.budget) runs.push(line(body.budget, { fontSize: 13 }));
  if (body.target) runs.push(line(body.target, { fontSize: 12 }));
  if (body.status) runs.push(line(`${body.status.icon} ${body.status.label}`, { fontSize: 14, bold: true }));
  slide.addText(runs, { ...box, ...textBase(theme, 14), valign: 'top', margin: 0, fit: 'shrink', line: { color: hex(c.rule), width: 0.75 }, inset: 0.08 });
}

const HEADING_H = 0.45;

function partIn(pptx: Pptx, slide: Slide, composed: ComposedPart, region: Box, input: DeckInput, figures: number): void {
  const { theme } = input;
  let box = region;
  if (composed.heading) {
    slide.addText(composed.heading, { x: box.x, y: box.y, w: box.w, h: HEADING_H - 0.05, ...textBase(theme, 18), bold: true, color: hex(theme.colors.accent), valign: 'top', margin: 0, fit: 'shrink' });
    box = { ...box, y: box.y + HEADING_H, h: box.h - HEADING_H };
  }
  const part = composed.content;
  switch (part.kind) {
    case 'text':
      slide.addText(markdownRuns(part.columns[0] ?? [], Math.round(TYPE.body * COMPOSED_TEXT_SCALE), theme), { ...box, ...textBase(theme, Math.round(TYPE.body * COMPOSED_TEXT_SCALE)), valign: 'top', margin: 0, fit: 'shrink' });
      return;
    case 'key_figure':
      return keyFigureIn(slide, part, theme, box, figures);
    case 'chart':
      return chartSlide(pptx, slide, part, theme, box);
    case 'table':
      return tableSlide(slide, part, theme, box);
    case 'image': {
      const asset = input.assets.get(part.assetId);
      if (!asset) {
        slide.addText(`Bilden "${part.fileName}" saknas.`, { ...box, ...textBase(theme, TYPE.body), valign: 'top', margin: 0 });
        return;
      }
      slide.addImage({ data: dataUri(asset), ...fitInto(imageSize(asset.bytes, asset.mediaType), box.x, box.y, box.w, box.h), altText: part.alt });
      return;
    }
  }
}

export function composedSlide(pptx: Pptx, slide: Slide, body: ComposedBody, input: DeckInput): void {
  const boxes = regions(body);
  const figures = body.layout === 'text_figures' ? body.parts.filter((p) => p.content.kind === 'key_figure').length : 1;
  body.parts.forEach((part, i) => {
    const box = boxes[i];
    if (box) partIn(pptx, slide, part, box, input, figures);
  });
}
