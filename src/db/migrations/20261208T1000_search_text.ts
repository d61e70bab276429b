import { sql, type Kysely } from 'kysely';

/**
 * Full-text search over what the packs say (issue 13): a GIN index on each content block's
 * words — every string its spec holds (text, headings, captions, table cells, timeline and
 * checklist labels, risk titles) — and on item titles, under PostgreSQL's Swedish configuration
 * (snowball stemming: "väntetider" finds "väntetiden"). The expressions here are the ones
 * db/repositories/search.ts queries, so the planner uses the indexes. Forward-only.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create index content_block_words on content_block using gin (jsonb_to_tsvector('swedish'::regconfig, spec, '["string"]'));
    create index agenda_item_words on agenda_item using gin (to_tsvector('swedish'::regconfig, title));
  `.execute(db);
}
