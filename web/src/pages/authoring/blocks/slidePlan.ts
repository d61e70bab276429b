import type { Block, BlockType } from '../../../../../src/domain/blocks.js';
import { compositionProblems, joinsPrevious, layoutOf, slideGroups, type ComposedLayout } from '../../../../../src/domain/slideLayout.js';
import type { BlockOf } from './defaults.js';

/**
 * Which slide of the item each block lands on, worked out in the browser with the domain's own
 * rules (domain/slideLayout.ts), so the editor says before saving what the server will accept:
 * a block marked `withPrevious` shares the slide of the block before it, the blocks of a slide
 * make its layout, and a combination that makes none is named at the block that joined last.
 */
export interface SlidePlace {
  /** The item's slide, counted from 1 (a block too long for one slide continues on the next in the deck). */
  slide: number;
  /** Indexes of the first and the last block on the slide. */
  first: number;
  last: number;
  /** The layout of a slide with two or more blocks; null for a block alone or a refused group. */
  layout: ComposedLayout | null;
  /** The group of two or more blocks makes no layout. */
  refused: boolean;
  /** The block may share the slide before it: a type that can be composed, and not the first block. */
  canJoin: boolean;
  joined: boolean;
  /** Why the block cannot share the slide of the blocks before it (Swedish, from the domain). */
  problem: string | null;
}

/** Block types whose schema has `withPrevious`: the compiler keeps this table in step with domain/blocks.ts. */
const COMPOSABLE: { [K in BlockType]: 'withPrevious' extends keyof BlockOf<K> ? true : false } = {
  text: true,
  key_figure: true,
  indicator_chart: true,
  image: true,
  ranking_table: true,
  statement_table: true,
  data_table: true,
  checklist: true,
  timeline: false,
  risk_list: false,
};

export function composable(type: BlockType): boolean {
  return COMPOSABLE[type];
}

export function slidePlan(blocks: readonly Block[]): SlidePlace[] {
  const problems = new Map(compositionProblems(blocks, (i) => String(i)).map((d) => [d.where, d.message]));
  const places: SlidePlace[] = [];
  const groups = slideGroups(
    blocks.map((block, index) => ({ block, index })),
    (e) => joinsPrevious(e.block),
  );
  for (const [n, group] of groups.entries()) {
    const first = group[0]?.index ?? 0;
    const last = group.at(-1)?.index ?? first;
    const result = group.length > 1 ? layoutOf(group.map((e) => e.block.type)) : null;
    for (const { block, index } of group) {
      places.push({
        slide: n + 1,
        first,
        last,
        layout: result?.ok ? result.layout : null,
        refused: result !== null && !result.ok,
        canJoin: index > 0 && composable(block.type),
        joined: joinsPrevious(block),
        problem: problems.get(`${index}.withPrevious`) ?? null,
      });
    }
  }
  return places;
}

/** The block sharing the slide before it, or on a slide of its own (the field left out, not false). */
export function withPrevious(block: Block, join: boolean): Block {
  const { withPrevious: _dropped, ...rest } = block as Block & { withPrevious?: boolean };
  return (join && composable(block.type) ? { ...rest, withPrevious: true } : rest) as Block;
}

/** The blocks with the first one on a slide of its own (after a move or a removal it has nothing before it). */
export function firstAlone<T extends { block: Block }>(list: readonly T[]): T[] {
  const [head, ...tail] = list;
  if (!head || !joinsPrevious(head.block)) return [...list];
  return [{ ...head, block: withPrevious(head.block, false) }, ...tail];
}
