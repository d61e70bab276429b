import type { Block, BlockType } from './blocks.js';
import type { ErrorDetail } from './errors.js';

/**
 * Composed slides: the packs put a text beside the figures it discusses, a chart beside its
 * explanation, a table over its caption — on one slide. A block marked `withPrevious` shares the
 * slide of the block before it; the blocks of a slide decide its layout, and only these
 * combinations are layouts (anything else is refused when saved, with where and why):
 *
 * - `text_figures`: a text with one to four key figures beside it;
 * - `figures`: two to four key figures side by side;
 * - `text_visual`: a text with a chart or a picture beside it;
 * - `two_columns`: two texts, or two charts or pictures, side by side;
 * - `table_caption`: a table with a short text under it.
 */
export const COMPOSED_LAYOUTS = ['text_figures', 'figures', 'text_visual', 'two_columns', 'table_caption'] as const;
export type ComposedLayout = (typeof COMPOSED_LAYOUTS)[number];

export const COMPOSED_LAYOUT_LABELS: Record<ComposedLayout, string> = {
  text_figures: 'text med nyckeltal',
  figures: 'nyckeltal sida vid sida',
  text_visual: 'text med diagram eller bild',
  two_columns: 'två spalter',
  table_caption: 'tabell med bildtext',
};

/** Block types that can share a slide, by the part they play on it. */
const ROLE: Partial<Record<BlockType, 'text' | 'figure' | 'visual' | 'table'>> = {
  text: 'text',
  key_figure: 'figure',
  indicator_chart: 'visual',
  image: 'visual',
  ranking_table: 'table',
  statement_table: 'table',
  data_table: 'table',
  checklist: 'table',
};

export const MAX_FIGURES_ON_SLIDE = 4;

export type LayoutResult = { ok: true; layout: ComposedLayout } | { ok: false; message: string };

/** The layout of a slide holding blocks of these types (two or more), or why there is none. */
export function layoutOf(types: readonly BlockType[]): LayoutResult {
  const roles = types.map((t) => ROLE[t]);
  const alone = types.find((t) => ROLE[t] === undefined);
  if (alone !== undefined) return { ok: false, message: `ett block av typen "${alone}" står alltid ensamt på sin bild` };
  const count = (role: string) => roles.filter((r) => r === role).length;
  const [texts, figures, visuals, tables] = [count('text'), count('figure'), count('visual'), count('table')];
  if (figures > 0) {
    if (visuals + tables > 0) return { ok: false, message: 'nyckeltal kan bara dela bild med en text och andra nyckeltal' };
    if (figures > MAX_FIGURES_ON_SLIDE) return { ok: false, message: `högst ${MAX_FIGURES_ON_SLIDE} nyckeltal på en bild` };
    if (texts === 1) return { ok: true, layout: 'text_figures' };
    if (texts === 0 && figures >= 2) return { ok: true, layout: 'figures' };
    return { ok: false, message: 'nyckeltal kan dela bild med högst en text' };
  }
  if (tables > 0) {
    if (tables === 1 && texts === 1 && visuals === 0 && roles[0] === 'table') return { ok: true, layout: 'table_caption' };
    return { ok: false, message: 'en tabell kan bara dela bild med en text under sig (tabellen först)' };
  }
  if (types.length !== 2) return { ok: false, message: 'högst två block sida vid sida' };
  if (texts === 1 && visuals === 1) return { ok: true, layout: 'text_visual' };
  return { ok: true, layout: 'two_columns' };
}

/** Does the block share the slide of the block before it? */
export function joinsPrevious(block: Block): boolean {
  return 'withPrevious' in block && block.withPrevious === true;
}

/** Consecutive blocks grouped by slide: a block with `withPrevious` joins the group before it. */
export function slideGroups<T>(entries: readonly T[], withPrevious: (entry: T) => boolean): T[][] {
  const groups: T[][] = [];
  for (const entry of entries) {
    const last = groups.at(-1);
    if (last && withPrevious(entry)) last.push(entry);
    else groups.push([entry]);
  }
  return groups;
}

/** Problems with how the blocks are put on slides, at `blocks[i].withPrevious`. */
export function compositionProblems(blocks: ReadonlyArray<{ type: BlockType; withPrevious?: boolean | undefined }>, prefix: (index: number) => string): ErrorDetail[] {
  const indexed = blocks.map((block, index) => ({ block, index }));
  const first = indexed[0];
  const details: ErrorDetail[] = first?.block.withPrevious ? [{ where: `${prefix(0)}.withPrevious`, message: 'det första blocket har inget block före sig att dela bild med' }] : [];
  for (const group of slideGroups(indexed, (e) => e.block.withPrevious === true)) {
    if (group.length < 2) continue;
    const result = layoutOf(group.map((e) => e.block.type));
    const joined = group[group.length - 1];
    if (!result.ok && joined) details.push({ where: `${prefix(joined.index)}.withPrevious`, message: `kan inte dela bild med blocken före: ${result.message}` });
  }
  return details;
}
