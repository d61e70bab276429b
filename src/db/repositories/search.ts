import { sql } from 'kysely';
import type { Db } from './types.js';

/**
 * Items whose title or blocks say the query, by PostgreSQL full-text search in Swedish (indexes:
 * migration 20261208T1000). `query` is a tsquery built from plain words (domain/search.ts
 * `textQuery`), never the user's text as it was typed. Each hit has its best fragment, the
 * matched words between \u0002 and \u0003.
 */
export interface TextHit {
  itemId: string;
  rank: number;
  fragment: string | null;
}

export const MARK_START = '\u0002';
export const MARK_END = '\u0003';

export async function itemsSaying(db: Db, query: string, meetingIds: readonly string[], limit = 50): Promise<TextHit[]> {
  if (meetingIds.length === 0) return [];
  const options = `StartSel=${MARK_START}, StopSel=${MARK_END}, MaxWords=24, MinWords=8, MaxFragments=1, FragmentDelimiter=" … "`;
  const result = await sql<{ item_id: string; rank: number; fragment: string | null }>`
    with q as (select to_tsquery('swedish'::regconfig, ${query}) as q),
    by_block as (
      select b.item_id,
             ts_rank(jsonb_to_tsvector('swedish'::regconfig, b.spec, '["string"]'), q.q) as rank,
             (select string_agg(s #>> '{}', ' ') from jsonb_path_query(b.spec, 'strict $.** ? (@.type() == "string")') as s) as text
      from content_block b join agenda_item i on i.id = b.item_id, q
      where i.meeting_id = any(${[...meetingIds]}::text[])
        and jsonb_to_tsvector('swedish'::regconfig, b.spec, '["string"]') @@ q.q
    ),
    by_title as (
      select i.id as item_id, ts_rank(to_tsvector('swedish'::regconfig, i.title), q.q) + 1 as rank, null::text as text
      from agenda_item i, q
      where i.meeting_id = any(${[...meetingIds]}::text[]) and to_tsvector('swedish'::regconfig, i.title) @@ q.q
    ),
    best as (
      select distinct on (item_id) item_id, rank, text
      from (select * from by_title union all select * from by_block) hits
      order by item_id, rank desc
    )
    select best.item_id, best.rank::float8 as rank,
           case when best.text is null then null else ts_headline('swedish'::regconfig, best.text, q.q, ${options}) end as fragment
    from best, q
    order by best.rank desc, best.item_id
    limit ${limit}`.execute(db);
  return result.rows.map((r) => ({ itemId: r.item_id, rank: Number(r.rank), fragment: r.fragment }));
}
