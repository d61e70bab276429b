import { sql } from 'kysely';
import type { Block } from '../../domain/blocks.js';
import type { Db } from './types.js';

/**
 * Writes of meetings, agenda items, presenters and content blocks. Callers run them in an actor
 * transaction (db/actor.ts) so the audit trigger records who made each change.
 */
export interface ItemRow {
  id: string;
  meetingId: string;
  goalId: string;
  position: number;
  title: string;
  ready: boolean;
  presenterPersonIds: string[];
}

/** Holds an item's row until the transaction ends: two saves of one item take turns. */
export async function lockItem(db: Db, id: string): Promise<void> {
  await db.selectFrom('agenda_item').select('id').where('id', '=', id).forUpdate().execute();
}

/** Who last changed an item's title or blocks, and when (from the audit trail); null when nobody has. */
export async function lastItemChange(db: Db, itemId: string): Promise<{ by: string; at: string } | null> {
  const row = await sql<{ actor_name: string; at: string }>`
    select actor_name, to_char(at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as at from audit_log
    where (table_name = 'content_block' and (new_row ->> 'item_id' = ${itemId} or old_row ->> 'item_id' = ${itemId}))
       or (table_name = 'agenda_item' and row_key ->> 'id' = ${itemId} and operation = 'update' and old_row ->> 'title' is distinct from new_row ->> 'title')
    order by id desc limit 1`.execute(db);
  const found = row.rows[0];
  return found ? { by: found.actor_name, at: found.at } : null;
}

export async function findItem(db: Db, id: string): Promise<ItemRow | null> {
  const item = await db.selectFrom('agenda_item').selectAll().where('id', '=', id).executeTakeFirst();
  if (!item) return null;
  const presenters = await db.selectFrom('agenda_item_presenter').select('person_id').where('item_id', '=', id).orderBy('position').execute();
  return { id: item.id, meetingId: item.meeting_id, goalId: item.goal_id, position: item.position, title: item.title, ready: item.ready, presenterPersonIds: presenters.map((p) => p.person_id) };
}

export async function readyFlags(db: Db, meetingId: string): Promise<Map<string, boolean>> {
  const rows = await db.selectFrom('agenda_item').select(['id', 'ready']).where('meeting_id', '=', meetingId).execute();
  return new Map(rows.map((r) => [r.id, r.ready]));
}

export async function existingIds(db: Db, table: 'meeting' | 'agenda_item' | 'indicator' | 'target' | 'person' | 'area' | 'dataset' | 'risk_register' | 'asset' | 'goal' | 'goal_line' | 'plan_period', ids?: readonly string[]): Promise<Set<string>> {
  if (ids && ids.length === 0) return new Set();
  let q = db.selectFrom(table).select('id');
  if (ids) q = q.where('id', 'in', [...new Set(ids)]);
  const rows = (await q.execute()) as Array<{ id: string }>;
  return new Set(rows.map((r) => r.id));
}

export async function focusYearExists(db: Db, year: number): Promise<boolean> {
  return (await db.selectFrom('focus_area_set').select('year').where('year', '=', year).executeTakeFirst()) !== undefined;
}

export async function insertMeeting(db: Db, m: { id: string; body: string; date: string; planPeriodId: string; focusYear: number; title: string }): Promise<void> {
  await db.insertInto('meeting').values({ id: m.id, body: m.body, meeting_date: m.date, plan_period_id: m.planPeriodId, focus_year: m.focusYear, title: m.title, status: 'draft' }).execute();
}

export async function updateMeetingRow(db: Db, id: string, patch: { body?: string; date?: string; planPeriodId?: string; focusYear?: number; title?: string }): Promise<void> {
  const set: Record<string, unknown> = {};
  if (patch.body !== undefined) set.body = patch.body;
  if (patch.date !== undefined) set.meeting_date = patch.date;
  if (patch.planPeriodId !== undefined) set.plan_period_id = patch.planPeriodId;
  if (patch.focusYear !== undefined) set.focus_year = patch.focusYear;
  if (patch.title !== undefined) set.title = patch.title;
  if (Object.keys(set).length === 0) return;
  await db.updateTable('meeting').set(set).where('id', '=', id).execute();
}

/** The latest meeting of the same body held before `date`. */
export async function previousMeetingId(db: Db, body: string, date: string): Promise<string | null> {
  const r = await db.selectFrom('meeting').select('id').where('body', '=', body).where('meeting_date', '<', date).orderBy('meeting_date', 'desc').limit(1).executeTakeFirst();
  return r?.id ?? null;
}

export async function meetingWithBodyAndDate(db: Db, body: string, date: string): Promise<string | null> {
  const r = await db.selectFrom('meeting').select('id').where('body', '=', body).where('meeting_date', '=', date).executeTakeFirst();
  return r?.id ?? null;
}

export async function nextItemPosition(db: Db, meetingId: string): Promise<number> {
  const r = await db.selectFrom('agenda_item').select((eb) => eb.fn.max('position').as('p')).where('meeting_id', '=', meetingId).executeTakeFirst();
  return Number(r?.p ?? 0) + 1;
}

export async function insertItem(db: Db, item: { id: string; meetingId: string; goalId: string; position: number; title: string }): Promise<void> {
  await db.insertInto('agenda_item').values({ id: item.id, meeting_id: item.meetingId, goal_id: item.goalId, position: item.position, title: item.title }).execute();
}

export async function updateItemRow(db: Db, id: string, patch: { title?: string; ready?: boolean; goalId?: string; position?: number }): Promise<void> {
  const set: Record<string, unknown> = {};
  if (patch.title !== undefined) set.title = patch.title;
  if (patch.ready !== undefined) set.ready = patch.ready;
  if (patch.goalId !== undefined) set.goal_id = patch.goalId;
  if (patch.position !== undefined) set.position = patch.position;
  if (Object.keys(set).length === 0) return;
  await db.updateTable('agenda_item').set(set).where('id', '=', id).execute();
}

/** A meeting with its items, their presenters and blocks (the foreign keys cascade). */
export async function deleteMeetingRow(db: Db, id: string): Promise<void> {
  await db.deleteFrom('meeting').where('id', '=', id).execute();
}

export async function deleteItemRow(db: Db, id: string): Promise<void> {
  await db.deleteFrom('content_block').where('item_id', '=', id).execute();
  await db.deleteFrom('agenda_item_presenter').where('item_id', '=', id).execute();
  await db.deleteFrom('agenda_item').where('id', '=', id).execute();
}

/** Positions are unique per meeting, checked at commit, so a reorder may pass through duplicates. */
export async function deferUniquePositions(db: Db): Promise<void> {
  await sql`set constraints all deferred`.execute(db);
}

/**
 * Makes an item's presenters exactly `presenters`, in order, touching only what differs: a
 * changed title as printed is an update of that row (old → new on the audit trail), a presenter
 * added or removed at the end an insert or a delete.
 */
export async function replacePresenters(db: Db, itemId: string, presenters: ReadonlyArray<{ personId: string; titleOverride: string | null }>): Promise<void> {
  const stored = await db.selectFrom('agenda_item_presenter').select(['position', 'person_id', 'title_override']).where('item_id', '=', itemId).orderBy('position').execute();
  for (const [i, p] of presenters.entries()) {
    const old = stored[i];
    if (!old) await db.insertInto('agenda_item_presenter').values({ item_id: itemId, position: i + 1, person_id: p.personId, title_override: p.titleOverride }).execute();
    else if (old.person_id !== p.personId || old.title_override !== p.titleOverride) {
      await db.updateTable('agenda_item_presenter').set({ person_id: p.personId, title_override: p.titleOverride }).where('item_id', '=', itemId).where('position', '=', i + 1).execute();
    }
  }
  if (stored.length > presenters.length) await db.deleteFrom('agenda_item_presenter').where('item_id', '=', itemId).where('position', '>', presenters.length).execute();
}

export interface StoredBlock {
  id: number;
  position: number;
  type: string;
  spec: unknown;
}

export async function listBlocks(db: Db, itemId: string): Promise<StoredBlock[]> {
  const rows = await db.selectFrom('content_block').selectAll().where('item_id', '=', itemId).orderBy('position').execute();
  return rows.map((r) => ({ id: r.id, position: r.position, type: r.type, spec: r.spec }));
}

export async function insertBlock(db: Db, itemId: string, position: number, block: Block): Promise<number> {
  const r = await db.insertInto('content_block').values({ item_id: itemId, position, type: block.type, spec: JSON.stringify(block) }).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

export async function updateBlock(db: Db, blockId: number, patch: { position?: number; block?: Block }): Promise<void> {
  const set: Record<string, unknown> = {};
  if (patch.position !== undefined) set.position = patch.position;
  if (patch.block !== undefined) {
    set.type = patch.block.type;
    set.spec = JSON.stringify(patch.block);
  }
  if (Object.keys(set).length === 0) return;
  await db.updateTable('content_block').set(set).where('id', '=', blockId).execute();
}

export async function deleteBlock(db: Db, blockId: number): Promise<void> {
  await db.deleteFrom('content_block').where('id', '=', blockId).execute();
}

export async function copyMeetingStructure(
  db: Db,
  items: ReadonlyArray<{ id: string; meetingId: string; goalId: string; position: number; title: string; presenters: ReadonlyArray<{ personId: string; titleOverride: string | null }>; blocks: readonly Block[] }>,
): Promise<void> {
  for (const item of items) {
    await insertItem(db, item);
    await replacePresenters(db, item.id, item.presenters);
    let position = 1;
    for (const block of item.blocks) await insertBlock(db, item.id, position++, block);
  }
}
