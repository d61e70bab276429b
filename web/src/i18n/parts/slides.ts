import { COMPOSED_LAYOUT_LABELS } from '../../../../src/domain/slideLayout.js';

/** Words for: blocks sharing a slide in the item editor (composed slides). Swedish is the source; English must have every key. */
export const sv = {
  'slides.intro': 'Ett block kan dela bild med blocket ovanför: en text med nyckeltal, en text med ett diagram eller en bild, två spalter, eller en tabell med en kort text under. Bilderna räknas inom punkten; får en del inte plats på sin del av bilden får blocken egna bilder.',
  'slides.withPrevious': 'På samma bild som blocket ovanför',
  'slides.alone': 'Bild {n}',
  'slides.shared': 'Bild {n}: {layout} (block {from}–{to})',
  'slides.refused': 'Bild {n}: block {from}–{to} kan inte dela bild',
  'slides.announce.joined': 'Block {block} delar nu bild {n}: {layout}.',
  'slides.announce.refused': 'Block {block} kan inte dela bild med blocken ovanför.',
  'slides.announce.alone': 'Block {block} har nu en egen bild, bild {n}.',
  'slides.layout.text_figures': COMPOSED_LAYOUT_LABELS.text_figures,
  'slides.layout.figures': COMPOSED_LAYOUT_LABELS.figures,
  'slides.layout.text_visual': COMPOSED_LAYOUT_LABELS.text_visual,
  'slides.layout.two_columns': COMPOSED_LAYOUT_LABELS.two_columns,
  'slides.layout.table_caption': COMPOSED_LAYOUT_LABELS.table_caption,
};

export const en: Record<keyof typeof sv, string> = {
  'slides.intro': 'A block can share a slide with the block above it: a text with key figures, a text with a chart or a picture, two columns, or a table with a short text below it. Slides are counted within the item; when a part does not fit its share of the slide, the blocks get slides of their own.',
  'slides.withPrevious': 'On the same slide as the block above',
  'slides.alone': 'Slide {n}',
  'slides.shared': 'Slide {n}: {layout} (blocks {from}–{to})',
  'slides.refused': 'Slide {n}: blocks {from}–{to} cannot share a slide',
  'slides.announce.joined': 'Block {block} now shares slide {n}: {layout}.',
  'slides.announce.refused': 'Block {block} cannot share a slide with the blocks above it.',
  'slides.announce.alone': 'Block {block} now has a slide of its own, slide {n}.',
  'slides.layout.text_figures': 'text with key figures',
  'slides.layout.figures': 'key figures side by side',
  'slides.layout.text_visual': 'text with a chart or a picture',
  'slides.layout.two_columns': 'two columns',
  'slides.layout.table_caption': 'table with a caption',
};
