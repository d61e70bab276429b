import { runsText, type ListItem, type MdBlock, type MdList } from '../markdown.js';
import { linesOf, paginate, type DeckCapacity } from './paginate.js';

/**
 * Splits a text block over slides: between paragraphs and between the items of a list, never
 * inside one. A heading (or a paragraph that is all bold, as the packs write sub-headings) stays
 * with what follows it; a list continued on the next slide keeps its numbering.
 */
type Unit =
  | { kind: 'block'; block: MdBlock; keepWithNext: boolean }
  | { kind: 'item'; list: MdList; index: number; item: ListItem; keepWithNext: false };

function itemLines(item: ListItem, chars: number, depth: number): number {
  const own = linesOf(runsText(item.runs), chars - 3 * (depth + 1));
  const children = item.children.reduce((sum, list) => sum + list.items.reduce((s, child) => s + itemLines(child, chars, depth + 1), 0), 0);
  return own + children + 0.25;
}

function unitLines(unit: Unit, chars: number): number {
  if (unit.kind === 'item') return itemLines(unit.item, chars, 0);
  const block = unit.block;
  switch (block.kind) {
    case 'heading':
      return linesOf(runsText(block.runs), Math.floor(chars * 0.8)) * 1.25 + 0.4;
    case 'paragraph':
    case 'quote':
      return linesOf(runsText(block.runs), chars) + 0.5;
    case 'list':
      return block.items.reduce((sum, item) => sum + itemLines(item, chars, 0), 0) + 0.5;
  }
}

function isSubheading(block: MdBlock): boolean {
  if (block.kind === 'heading') return true;
  return block.kind === 'paragraph' && block.runs.length > 0 && block.runs.every((r) => r.bold || r.text.trim() === '') && runsText(block.runs).length <= 80;
}

function unitsOf(blocks: readonly MdBlock[]): Unit[] {
  return blocks.flatMap((block): Unit[] =>
    block.kind === 'list'
      ? block.items.map((item, index) => ({ kind: 'item' as const, list: block, index, item, keepWithNext: false as const }))
      : [{ kind: 'block' as const, block, keepWithNext: isSubheading(block) }],
  );
}

/** Units glued to what follows them, measured together. */
function groups(units: readonly Unit[]): Unit[][] {
  const result: Unit[][] = [];
  let pending: Unit[] = [];
  units.forEach((unit, i) => {
    pending.push(unit);
    if (!unit.keepWithNext || i === units.length - 1) {
      result.push(pending);
      pending = [];
    }
  });
  return result;
}

function rebuild(units: readonly Unit[]): MdBlock[] {
  const blocks: MdBlock[] = [];
  let open: { source: MdList; list: MdList } | null = null;
  for (const unit of units) {
    if (unit.kind === 'block') {
      open = null;
      blocks.push(unit.block);
      continue;
    }
    if (!open || open.source !== unit.list) {
      open = { source: unit.list, list: { kind: 'list', ordered: unit.list.ordered, start: unit.list.start + unit.index, items: [] } };
      blocks.push(open.list);
    }
    open.list.items.push(unit.item);
  }
  return blocks;
}

/** A text slide's content: one column, or two where a text is a long run of short lines. */
export type TextColumns = MdBlock[][];

/** The index that splits heights into two runs of the most even height. */
function evenSplit(heights: readonly number[]): number {
  const total = heights.reduce((a, b) => a + b, 0);
  let best = heights.length;
  let bestMax = total;
  let left = 0;
  heights.forEach((h, i) => {
    left += h;
    const worst = Math.max(left, total - left);
    if (worst < bestMax) {
      bestMax = worst;
      best = i + 1;
    }
  });
  return best;
}

export function splitText(blocks: readonly MdBlock[], capacity: DeckCapacity): TextColumns[] {
  const glued = groups(unitsOf(blocks));
  const measure = (chars: number) => glued.map((g) => g.reduce((sum, u) => sum + unitLines(u, chars), 0));
  const full = measure(capacity.textChars);
  const half = measure(Math.floor(capacity.textChars / 2) - 2);
  const items = glued.filter((g) => g.every((u) => u.kind === 'item'));
  const shortItems = items.length >= 8 && glued.every((g, i) => g.some((u) => u.kind !== 'item') || half[i] === full[i]);
  const oneColumn = paginate(full, capacity.textLines);
  const twoColumns = paginate(half, capacity.textLines * 2);
  if (shortItems && twoColumns.length < oneColumn.length) {
    // a long list of short lines: two columns per slide, read down the left and then the right
    return twoColumns.map(([start, end]) => {
      const page = glued.slice(start, end);
      const cut = evenSplit(half.slice(start, end));
      return [rebuild(page.slice(0, cut).flat()), rebuild(page.slice(cut).flat())].filter((c) => c.length > 0);
    });
  }
  return oneColumn.map(([start, end]) => [rebuild(glued.slice(start, end).flat())]);
}
