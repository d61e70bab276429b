import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../src/server/app.js';
import type { Authenticated } from '../../src/server/auth/principal.js';
import { principal } from '../support/auth.js';
import { demoDatabase } from '../support/demo.js';
import { addDraftMeeting, type DraftFixture } from '../support/drafts.js';
import type { TestDatabase } from '../support/testDatabase.js';

/**
 * A block saved before a rule was added (here: a formula row that refers to itself, allowed
 * until the statement grid) still opens: the meeting shows that block as an error and the rest
 * as usual, and the editor gets the block as stored, so nothing of it is lost.
 */
const PEOPLE: Record<string, Authenticated> = {
  secretary: principal(['secretary'], { userId: '00000000-0000-4000-8000-000000000001', displayName: 'Sara Sekreterare' }),
};

let t: TestDatabase;
let app: App;
let draft: DraftFixture;
const stale = {
  type: 'statement_table',
  title: 'Resultat',
  area: '0008',
  unit: 'mnkr',
  rows: [{ key: 'netto', label: 'Nettokostnad', formula: 'netto + netto' }],
  columns: [{ key: 'u', label: 'Utfall', period: '2025', scenario: 'utfall', asOf: '' }],
};
beforeAll(async () => {
  t = await demoDatabase();
  draft = await addDraftMeeting(t.db);
  await sql`insert into content_block (item_id, position, type, spec) values (${draft.ownItemId}, 2, 'statement_table', ${JSON.stringify(stale)}::jsonb)`.execute(t.db);
  app = await buildApp({ db: t.db, version: 'test', logLevel: 'silent', authenticator: async (request) => PEOPLE[String(request.headers['x-test-as'])] ?? null });
});
afterAll(async () => {
  await app?.close();
  await t?.drop();
});

describe('a stored block that no longer passes the rules', () => {
  it('is shown as an error in the meeting, and the meeting still opens', async () => {
    const r = await app.inject({ url: `/api/meetings/${draft.meetingId}`, headers: { 'x-test-as': 'secretary' } });
    expect(r.statusCode, r.body).toBe(200);
    const views = JSON.stringify(r.json());
    expect(views).toContain('blocket följer inte längre reglerna');
    expect(views).toContain('Zebrafink: Helens utkast');
  });

  it('reaches the editor as stored', async () => {
    const r = await app.inject({ url: `/api/meetings/${draft.meetingId}/authoring`, headers: { 'x-test-as': 'secretary' } });
    expect(r.statusCode, r.body).toBe(200);
    const item = r.json<{ items: Array<{ id: string; blocks: Array<{ block: unknown; invalid: string | null }> }> }>().items.find((i) => i.id === draft.ownItemId);
    expect(item?.blocks.map((b) => b.block)).toContainEqual(stale);
    expect(item?.blocks.find((b) => b.invalid !== null)?.invalid).toMatch(/sig själv/);
  });
});
