import { blockSchema, type Block } from '../../domain/blocks.js';
import type { Meeting, MeetingStatus } from '../../domain/meeting.js';
import type { Db } from './types.js';

export interface StoredItem {
  id: string;
  meetingId: string;
  goalId: string;
  position: number;
  title: string;
  presenters: Array<{ personId: string; titleOverride: string | null }>;
  /**
   * `invalid`: why a stored block no longer passes today's block schema (a rule added since it was
   * saved); the block is then handed on as stored, so it is shown as an error and the author can
   * open and mend it, and nothing of it is lost.
   */
  blocks: Array<{ id: number; position: number; block: Block; invalid: string | null }>;
}

type MeetingRow = { id: string; body: string; meeting_date: string; plan_period_id: string; focus_year: number; title: string; status: string };

function toMeeting(r: MeetingRow): Meeting {
  return { id: r.id, body: r.body, date: r.meeting_date, planPeriodId: r.plan_period_id, focusYear: r.focus_year, title: r.title, status: r.status as MeetingStatus };
}

export async function listMeetings(db: Db): Promise<Meeting[]> {
  const rows = await db.selectFrom('meeting').selectAll().orderBy('meeting_date', 'desc').orderBy('body').execute();
  return rows.map(toMeeting);
}

/** By id, or by date (`2026-05-06`) when exactly one meeting is held that day. */
export async function findMeeting(db: Db, idOrDate: string): Promise<Meeting | null> {
  const byId = await db.selectFrom('meeting').selectAll().where('id', '=', idOrDate).executeTakeFirst();
  if (byId) return toMeeting(byId);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(idOrDate)) return null;
  const byDate = await db.selectFrom('meeting').selectAll().where('meeting_date', '=', idOrDate).execute();
  return byDate.length === 1 && byDate[0] ? toMeeting(byDate[0]) : null;
}

export async function listItems(db: Db, meetingId: string): Promise<StoredItem[]> {
  const items = await db.selectFrom('agenda_item').selectAll().where('meeting_id', '=', meetingId).orderBy('position').execute();
  if (items.length === 0) return [];
  const itemIds = items.map((i) => i.id);
  const [presenters, blocks] = await Promise.all([
    db.selectFrom('agenda_item_presenter').selectAll().where('item_id', 'in', itemIds).orderBy('item_id').orderBy('position').execute(),
    db.selectFrom('content_block').selectAll().where('item_id', 'in', itemIds).orderBy('item_id').orderBy('position').execute(),
  ]);
  return items.map((i) => ({
    id: i.id,
    meetingId: i.meeting_id,
    goalId: i.goal_id,
    position: i.position,
    title: i.title,
    presenters: presenters.filter((p) => p.item_id === i.id).map((p) => ({ personId: p.person_id, titleOverride: p.title_override })),
    blocks: blocks
      .filter((b) => b.item_id === i.id)
      .map((b) => {
        const parsed = blockSchema.safeParse(b.spec);
        if (parsed.success) return { id: b.id, position: b.position, block: parsed.data, invalid: null };
        const issue = parsed.error.issues[0];
        return { id: b.id, position: b.position, block: b.spec as Block, invalid: `${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'ogiltigt'}` };
      }),
  }));
}
