import { sql } from 'kysely';
import type { Store } from '../../src/services/store.js';

/**
 * A draft meeting on top of the demo data, for access tests: two items under one goal, one
 * presented by Helen Persson (the demo's `foredragande`), one by Mattias Ask — whose item shows
 * a key figure of an indicator and a picture only this draft shows. Its words ("Zebrafink")
 * appear nowhere else, so a response that leaks the draft can be found.
 */
export interface DraftFixture {
  meetingId: string;
  ownItemId: string;
  otherItemId: string;
  otherBlockId: string;
  assetId: string;
  goalId: string;
  indicatorId: string;
  secretWord: string;
}

export async function addDraftMeeting(db: Store): Promise<DraftFixture> {
  const meetingId = 'rs-2026-09-16';
  const goal = await sql<{ id: string }>`select id from goal where plan_period_id = '2026-2028' order by position limit 1`.execute(db);
  const goalId = goal.rows[0]?.id ?? '';
  const indicatorId = 'telefon-teleq-samma-dag';
  const assetId = 'utkast-zebrafink';
  const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>');
  await sql`insert into meeting (id, body, meeting_date, plan_period_id, focus_year, title, status)
            values (${meetingId}, 'Regionstyrelsen', '2026-09-16', '2026-2028', 2026, 'Informationspunkter', 'draft')`.execute(db);
  await sql`insert into asset (id, file_name, media_type, bytes, sha256, alt)
            values (${assetId}, 'zebrafink.svg', 'image/svg+xml', ${svg}, encode(sha256(${svg}), 'hex'), 'Zebrafink i utkast')`.execute(db);
  const items = [
    { id: `${meetingId}-egen`, title: 'Utkast Zebrafink: kompetensförsörjning', person: 'helen-persson', blocks: [{ type: 'text', markdown: 'Zebrafink: Helens utkast' }] },
    {
      id: `${meetingId}-annans`,
      title: 'Hemlig utkastpunkt Zebrafink',
      person: 'mattias-ask',
      blocks: [
        { type: 'text', markdown: 'Zebrafink: Mattias utkast' },
        { type: 'key_figure', indicator: indicatorId, area: '0008', period: '2026-03' },
        { type: 'image', asset: assetId, alt: 'Zebrafink i utkast' },
      ],
    },
  ];
  let position = 0;
  for (const item of items) {
    position += 1;
    await sql`insert into agenda_item (id, meeting_id, goal_id, position, title) values (${item.id}, ${meetingId}, ${goalId}, ${position}, ${item.title})`.execute(db);
    await sql`insert into agenda_item_presenter (item_id, position, person_id) values (${item.id}, 1, ${item.person})`.execute(db);
    let n = 0;
    for (const block of item.blocks) {
      n += 1;
      await sql`insert into content_block (item_id, position, type, spec) values (${item.id}, ${n}, ${block.type}, ${JSON.stringify(block)}::jsonb)`.execute(db);
    }
  }
  const block = await sql<{ id: number }>`select id from content_block where item_id = ${`${meetingId}-annans`} order by position limit 1`.execute(db);
  return {
    meetingId,
    ownItemId: `${meetingId}-egen`,
    otherItemId: `${meetingId}-annans`,
    otherBlockId: String(block.rows[0]?.id ?? ''),
    assetId,
    goalId,
    indicatorId,
    secretWord: 'Zebrafink',
  };
}
