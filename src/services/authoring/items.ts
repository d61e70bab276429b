import type { Principal } from '../../domain/access.js';
import { itemUpdateInput } from '../../domain/authoring.js';
import { blockSchema, type Block } from '../../domain/blocks.js';
import { StyrkortError, type ErrorDetail } from '../../domain/errors.js';
import { inActorTransaction, type Actor } from '../../db/actor.js';
import { formatDate } from '../../domain/format.js';
import { compositionProblems } from '../../domain/slideLayout.js';
import { deferUniquePositions, deleteBlock, insertBlock, lastItemChange, listBlocks, lockItem, updateBlock, updateItemRow, type StoredBlock } from '../../db/repositories/authoring.js';
import type { Db } from '../../db/repositories/types.js';
import type { Store } from '../store.js';
import { editableItem } from './access.js';
import { invalidBlocks, requireBlocks } from './blockInput.js';
import { invalid, parseInput } from './input.js';
import { authoringMeeting, itemVersion, type AuthoringItem } from './meetings.js';

/**
 * A presenter's side of authoring (and the secretary's, who may edit any item of a draft): the
 * item's title, its blocks — create, replace, delete, reorder, each block validated and its text
 * sanitised — and the ready flag. Object rules: editableItem (404 / 409 / 403).
 */
async function itemView(trx: Db, principal: Principal, meetingId: string, itemId: string): Promise<AuthoringItem> {
  const view = await authoringMeeting(trx, principal, meetingId);
  const item = view.items.find((i) => i.id === itemId);
  if (!item) throw new StyrkortError('internal', `Punkten ${itemId} försvann under ändringen`);
  return item;
}

/**
 * Two people saving one item: callers hold the item's row (lockItem) first, and a save made from an
 * older version than the stored one is refused, saying who saved in between and when — the
 * editor then shows both versions. A save without a version overwrites (integrations).
 */
async function checkVersion(trx: Db, itemId: string, title: string, expected: string | null | undefined, stored?: readonly StoredBlock[]): Promise<void> {
  if (expected === undefined || expected === null) return;
  // as the authoring view reads them (parsed, defaults filled), so the tokens compare
  const blocks = stored ?? (await listBlocks(trx, itemId));
  if (itemVersion(title, blocks.map((b) => blockSchema.parse(b.spec))) === expected) return;
  const last = await lastItemChange(trx, itemId);
  const who = last ? `${last.by} sparade den ${formatDate(last.at.slice(0, 10))} kl. ${last.at.slice(11, 16)} UTC` : 'någon annan sparade den';
  throw new StyrkortError('conflict', `Punkten har ändrats sedan du öppnade den: ${who}. Inget av din ändring sparades; jämför versionerna och välj.`, [
    { where: 'version', message: last ? `${last.by}, ${last.at}` : 'okänd' },
  ]);
}

export async function updateItem(db: Store, principal: Principal, itemId: string, body: unknown, actor: Actor): Promise<AuthoringItem> {
  const { version, ...patch } = parseInput(itemUpdateInput, body, 'Punkten kan inte ändras');
  return inActorTransaction(db, actor, async (trx) => {
    const { item, meeting } = await editableItem(trx, principal, itemId);
    await lockItem(trx, item.id);
    await checkVersion(trx, item.id, item.title, version);
    await updateItemRow(trx, item.id, patch);
    return itemView(trx, principal, meeting.id, item.id);
  });
}

/** Replaces all of an item's blocks with the given list, in order. */
export async function replaceBlocks(db: Store, principal: Principal, itemId: string, blocks: readonly unknown[], actor: Actor, version: string | null = null): Promise<AuthoringItem> {
  return inActorTransaction(db, actor, async (trx) => {
    const { item, meeting } = await editableItem(trx, principal, itemId);
    await lockItem(trx, item.id); // before reading: the blocks read are the ones replaced
    const stored = await listBlocks(trx, item.id);
    await checkVersion(trx, item.id, item.title, version, stored);
    const parsed = await requireBlocks(trx, blocks, (i) => `blocks[${i}]`);
    requireComposition(parsed, (i) => `blocks[${i}]`);
    await deferUniquePositions(trx);
    // keep the rows that stay (same position, same content), so the trail shows only real changes
    for (const [i, block] of parsed.entries()) {
      const old = stored[i];
      if (old === undefined) await insertBlock(trx, item.id, i + 1, block);
      else if (JSON.stringify(old.spec) !== JSON.stringify(block) || old.position !== i + 1) await updateBlock(trx, old.id, { position: i + 1, block });
    }
    for (const old of stored.slice(parsed.length)) await deleteBlock(trx, old.id);
    return itemView(trx, principal, meeting.id, item.id);
  });
}

/** Blocks that share a slide must make a layout (domain/slideLayout.ts); else 400, naming the block. */
function requireComposition(blocks: readonly Block[], where: (index: number) => string): void {
  const details = compositionProblems(blocks, where);
  if (details.length > 0) throw invalidBlocks(details);
}

function storedBlock(b: { spec: unknown }): Block {
  return b.spec as Block;
}

function blockIn(stored: ReadonlyArray<{ id: number }>, blockId: number, itemId: string): void {
  if (!stored.some((b) => b.id === blockId)) throw new StyrkortError('not_found', `Blocket ${blockId} finns inte i punkten ${itemId}`);
}

/** Adds a block at `position` (1-based; default last). */
export async function addBlock(db: Store, principal: Principal, itemId: string, input: { block: unknown; position: number | null }, actor: Actor): Promise<AuthoringItem> {
  return inActorTransaction(db, actor, async (trx) => {
    const { item, meeting } = await editableItem(trx, principal, itemId);
    const [block] = await requireBlocks(trx, [input.block], () => 'block');
    const stored = await listBlocks(trx, item.id);
    const at = Math.min(Math.max(1, input.position ?? stored.length + 1), stored.length + 1);
    const after = [...stored.map(storedBlock)];
    after.splice(at - 1, 0, block as Block);
    requireComposition(after, (i) => (i === at - 1 ? 'block' : `blocks[${i}]`));
    await deferUniquePositions(trx);
    for (const b of stored) if (b.position >= at) await updateBlock(trx, b.id, { position: b.position + 1 });
    await insertBlock(trx, item.id, at, block as Block);
    return itemView(trx, principal, meeting.id, item.id);
  });
}

export async function replaceBlock(db: Store, principal: Principal, itemId: string, blockId: number, input: unknown, actor: Actor): Promise<AuthoringItem> {
  return inActorTransaction(db, actor, async (trx) => {
    const { item, meeting } = await editableItem(trx, principal, itemId);
    const stored = await listBlocks(trx, item.id);
    blockIn(stored, blockId, item.id);
    const [block] = await requireBlocks(trx, [input], () => 'block');
    requireComposition(stored.map((b) => (b.id === blockId ? (block as Block) : storedBlock(b))), (i) => (stored[i]?.id === blockId ? 'block' : `blocks[${i}]`));
    await updateBlock(trx, blockId, { block: block as Block });
    return itemView(trx, principal, meeting.id, item.id);
  });
}

export async function removeBlock(db: Store, principal: Principal, itemId: string, blockId: number, actor: Actor): Promise<AuthoringItem> {
  return inActorTransaction(db, actor, async (trx) => {
    const { item, meeting } = await editableItem(trx, principal, itemId);
    const stored = await listBlocks(trx, item.id);
    blockIn(stored, blockId, item.id);
    await deleteBlock(trx, blockId);
    await deferUniquePositions(trx);
    let position = 1;
    for (const b of stored) {
      if (b.id === blockId) continue;
      if (b.position !== position) await updateBlock(trx, b.id, { position });
      position++;
    }
    return itemView(trx, principal, meeting.id, item.id);
  });
}

/** Orders an item's blocks: every block id once. */
export async function orderBlocks(db: Store, principal: Principal, itemId: string, blockIds: readonly number[], actor: Actor): Promise<AuthoringItem> {
  return inActorTransaction(db, actor, async (trx) => {
    const { item, meeting } = await editableItem(trx, principal, itemId);
    const stored = await listBlocks(trx, item.id);
    const details: ErrorDetail[] = [];
    const known = new Set(stored.map((b) => b.id));
    const seen = new Set<number>();
    blockIds.forEach((id, i) => {
      if (!known.has(id)) details.push({ where: `blockIds[${i}]`, message: `blocket ${id} hör inte till punkten` });
      if (seen.has(id)) details.push({ where: `blockIds[${i}]`, message: `blocket ${id} förekommer två gånger` });
      seen.add(id);
    });
    const left = stored.filter((b) => !seen.has(b.id));
    if (left.length > 0) details.push({ where: 'blockIds', message: `saknar ${left.map((b) => b.id).join(', ')}: ange varje block en gång` });
    if (details.length > 0) throw invalid('Ordningen kan inte sparas', details);
    await deferUniquePositions(trx);
    const position = new Map(stored.map((b) => [b.id, b.position]));
    for (const [i, id] of blockIds.entries()) if (position.get(id) !== i + 1) await updateBlock(trx, id, { position: i + 1 });
    return itemView(trx, principal, meeting.id, item.id);
  });
}
