import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../src/server/app.js';
import type { Authenticated } from '../../src/server/auth/principal.js';
import { principal } from '../support/auth.js';
import { demoDatabase } from '../support/demo.js';
import { addDraftMeeting, type DraftFixture } from '../support/drafts.js';
import type { TestDatabase } from '../support/testDatabase.js';

/** Blocks that share a slide are saved only in a combination that has a layout; else 400 at the block. */
const PEOPLE: Record<string, Authenticated> = {
  secretary: principal(['secretary'], { userId: '00000000-0000-4000-8000-000000000001', displayName: 'Sara Sekreterare' }),
};

let t: TestDatabase;
let app: App;
let draft: DraftFixture;
beforeAll(async () => {
  t = await demoDatabase();
  draft = await addDraftMeeting(t.db);
  app = await buildApp({ db: t.db, version: 'test', logLevel: 'silent', authenticator: async (request) => PEOPLE[String(request.headers['x-test-as'])] ?? null });
});
afterAll(async () => {
  await app?.close();
  await t?.drop();
});

const blocksOf = async () => (await t.db.selectFrom('content_block').select(['position', 'spec']).where('item_id', '=', draft.ownItemId).orderBy('position').execute()).map((b) => b.spec);

describe('composed slides on save', () => {
  const text = (markdown: string, withPrevious?: boolean) => ({ type: 'text', heading: null, markdown, ...(withPrevious === undefined ? {} : { withPrevious }) });
  const figure = { type: 'key_figure', indicator: 'telefon-teleq-samma-dag', area: '0008', period: '2026-03', withPrevious: true };

  it('keeps a text with a key figure beside it', async () => {
    const r = await app.inject({ method: 'PUT', url: `/api/items/${draft.ownItemId}/blocks`, headers: { 'x-test-as': 'secretary' }, payload: { blocks: [text('Besvarade samtal'), figure] } });
    expect(r.statusCode, r.body).toBe(200);
    expect((await blocksOf()).map((b) => (b as { withPrevious?: boolean }).withPrevious ?? false)).toEqual([false, true]);
  });

  it('refuses three texts side by side, naming the block, and changes nothing', async () => {
    const before = await blocksOf();
    const r = await app.inject({ method: 'PUT', url: `/api/items/${draft.ownItemId}/blocks`, headers: { 'x-test-as': 'secretary' }, payload: { blocks: [text('Ett'), text('Två', true), text('Tre', true)] } });
    expect(r.statusCode).toBe(400);
    expect(r.json<{ error: { details: unknown[] } }>().error.details).toEqual([{ where: 'blocks[2].withPrevious', message: 'kan inte dela bild med blocken före: högst två block sida vid sida' }]);
    expect(await blocksOf()).toEqual(before);
  });

  it('refuses adding a block that cannot join the one before it, naming it', async () => {
    const before = await blocksOf();
    // the stored slide holds a text and a figure: a second text has no place on it
    const r = await app.inject({ method: 'POST', url: `/api/items/${draft.ownItemId}/blocks`, headers: { 'x-test-as': 'secretary' }, payload: { block: text('Till', true) } });
    expect(r.statusCode).toBe(400);
    expect(r.json<{ error: { details: unknown[] } }>().error.details).toEqual([{ where: 'block.withPrevious', message: 'kan inte dela bild med blocken före: nyckeltal kan dela bild med högst en text' }]);
    expect(await blocksOf()).toEqual(before);
  });
});
