import { sql } from 'kysely';
import type { Db } from './types.js';

/**
 * Agenda items of every meeting, without their blocks: what the goal pages, the coverage table
 * and search need (which items took up which goal, presented by whom).
 */
export interface AgendaEntry {
  id: string;
  meetingId: string;
  goalId: string;
  position: number;
  title: string;
  presenters: Array<{ personId: string; titleOverride: string | null }>;
}

export async function listAgendaEntries(db: Db): Promise<AgendaEntry[]> {
  const [items, presenters] = await Promise.all([
    db.selectFrom('agenda_item').select(['id', 'meeting_id', 'goal_id', 'position', 'title']).orderBy('meeting_id').orderBy('position').execute(),
    db.selectFrom('agenda_item_presenter').select(['item_id', 'person_id', 'title_override']).orderBy('item_id').orderBy('position').execute(),
  ]);
  const byItem = new Map<string, AgendaEntry['presenters']>();
  for (const p of presenters) {
    const list = byItem.get(p.item_id) ?? [];
    list.push({ personId: p.person_id, titleOverride: p.title_override });
    byItem.set(p.item_id, list);
  }
  return items.map((i) => ({ id: i.id, meetingId: i.meeting_id, goalId: i.goal_id, position: i.position, title: i.title, presenters: byItem.get(i.id) ?? [] }));
}

/** Items whose blocks show an indicator (as main or extra indicator), newest meeting first. */
export async function itemsShowingIndicator(db: Db, indicatorId: string): Promise<Array<{ meetingId: string; itemId: string; itemTitle: string }>> {
  const result = await sql<{ meeting_id: string; id: string; title: string }>`
    select i.meeting_id, i.id, i.title
    from agenda_item i
    join meeting m on m.id = i.meeting_id
    where exists (
      select 1 from content_block b
      where b.item_id = i.id and (b.spec->>'indicator' = ${indicatorId} or coalesce(b.spec->'extraIndicators', '[]'::jsonb) ? ${indicatorId})
    )
    order by m.meeting_date desc, i.position`.execute(db);
  return result.rows.map((r) => ({ meetingId: r.meeting_id, itemId: r.id, itemTitle: r.title }));
}
