import type { ItemView } from '../meetingView.js';
import { layoutOf, type ComposedLayout } from '../slideLayout.js';
import { blockSlides, type SlideDraft } from './blockSlides.js';
import type { ComposedPart, FigureNote, PartContent } from './model.js';
import { figureNote } from './note.js';
import type { DeckCapacity } from './paginate.js';

/**
 * A composed slide (domain/slideLayout.ts) from the blocks that share it: each block is laid
 * out as it would be alone, but measured for its region of the slide. Where a part does not fit
 * its region — a text longer than the space beside the figures, a table taller than the space
 * over its caption — the blocks get slides of their own instead, as if not composed: a slide
 * never overflows, and a text that fits is never split.
 */
type Entry = ItemView['blocks'][number];

/** Share of the body's width the text takes beside the other part (the renderers use the same). */
export const TEXT_SHARE: Record<Exclude<ComposedLayout, 'figures' | 'table_caption'>, number> = {
  text_figures: 0.56,
  text_visual: 0.44,
  two_columns: 0.48,
};

/**
 * Text beside other parts is set a little smaller than a text slide's (18 pt for 20 pt), as the
 * packs do; its region holds that many more characters per line and lines.
 */
export const COMPOSED_TEXT_SCALE = 0.9;

/** Lines a part's own heading takes from its region. */
const HEADING_LINES = 2;

/** Lines a table gives up to the caption under it, and the caption's most lines. */
export const CAPTION_LINES = 3;

function capacityFor(layout: ComposedLayout, role: 'text' | 'other', capacity: DeckCapacity): DeckCapacity {
  if (layout === 'table_caption') {
    return role === 'text' ? { ...capacity, textLines: CAPTION_LINES } : { ...capacity, tableLines: capacity.tableLines - CAPTION_LINES - 1 };
  }
  if (layout === 'figures' || role === 'other') return capacity;
  return {
    ...capacity,
    textChars: Math.floor((capacity.textChars * TEXT_SHARE[layout]) / COMPOSED_TEXT_SCALE) - 1,
    textLines: Math.floor(capacity.textLines / COMPOSED_TEXT_SCALE),
  };
}

function content(draft: SlideDraft): PartContent | null {
  const body = draft.body;
  switch (body.kind) {
    case 'text':
      return body.columns.length === 1 ? body : null;
    case 'key_figure':
    case 'chart':
    case 'table':
    case 'image':
      return body;
    default:
      return null;
  }
}

function mergedNote(notes: ReadonlyArray<FigureNote | null>): FigureNote | null {
  const given = notes.filter((n): n is FigureNote => n !== null);
  if (given.length === 0) return null;
  return figureNote(
    given.flatMap((n) => n.periods),
    given.flatMap((n) => n.sources),
    given.some((n) => n.preliminary),
  );
}

/** One slide for the group, or null when its blocks must stand alone. */
export function composedSlide(item: ItemView, goalName: string, group: readonly Entry[], capacity: DeckCapacity): SlideDraft | null {
  const result = layoutOf(group.map((e) => e.block.type));
  if (!result.ok) return null;
  const layout = result.layout;
  const drafts: SlideDraft[] = [];
  for (const entry of group) {
    if (entry.view.type === 'error') return null;
    const own = blockSlides(item, goalName, entry, capacityFor(layout, entry.block.type === 'text' ? 'text' : 'other', capacity));
    // a part that needs more than its region is not put on the slide
    if (own.length !== 1 || !own[0]) return null;
    drafts.push(own[0]);
  }
  const contents = drafts.map(content);
  const text = group.findIndex((e) => e.block.type === 'text');
  const titled = layout === 'figures' ? null : layout === 'table_caption' ? drafts[0] : drafts[text >= 0 ? text : 0];
  const title = titled?.title ?? item.title;
  const parts: ComposedPart[] = [];
  for (const [i, c] of contents.entries()) {
    const entry = group[i];
    if (c === null || !entry) return null;
    const own = drafts[i]?.title ?? title;
    // a key figure says what it is in its label; any other part keeps a title of its own
    const heading = c.kind === 'key_figure' || own === title || own === item.title ? null : own;
    let placed = c;
    if (heading !== null && (c.kind === 'text' || c.kind === 'table')) {
      // the heading takes two lines of the region: measured again without them
      const region = capacityFor(layout, entry.block.type === 'text' ? 'text' : 'other', capacity);
      const fewer = blockSlides(item, goalName, entry, { ...region, textLines: region.textLines - HEADING_LINES, tableLines: region.tableLines - HEADING_LINES });
      const again = fewer.length === 1 && fewer[0] ? content(fewer[0]) : null;
      if (again === null) return null;
      placed = again;
    }
    parts.push({ heading, content: placed });
  }
  return {
    title,
    level: 3,
    kicker: title === item.title ? goalName : item.title,
    body: { kind: 'composed', layout, parts },
    note: mergedNote(drafts.map((d) => d.note)),
  };
}
