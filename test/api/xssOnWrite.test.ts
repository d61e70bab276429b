import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sanitizeMarkdown } from '../../src/domain/sanitizeMarkdown.js';
import type { App } from '../../src/server/app.js';
import { appOn, demoDatabase } from '../support/demo.js';
import { addDraftMeeting, type DraftFixture } from '../support/drafts.js';
import type { TestDatabase } from '../support/testDatabase.js';
import { XSS_CORPUS, xssProblems } from '../support/xssCorpus.js';

/**
 * Item text is sanitised when it is written, whatever route writes it: every payload of the
 * shared XSS corpus saved through the API (all blocks at once, one block added, one replaced;
 * as a text block's markdown and heading, a key figure's label, a checklist's entries) is
 * stored as the sanitiser's inert text — so the stored text is safe wherever it goes — and read
 * back the same.
 */
let t: TestDatabase;
let app: App;
let draft: DraftFixture;

beforeAll(async () => {
  t = await demoDatabase();
  draft = await addDraftMeeting(t.db);
  app = await appOn(t);
});
afterAll(async () => {
  await app?.close();
  await t?.drop();
});

async function storedSpecs(itemId: string): Promise<Array<Record<string, unknown>>> {
  const r = await sql<{ spec: Record<string, unknown> }>`select spec from content_block where item_id = ${itemId} order by position`.execute(t.db);
  return r.rows.map((row) => row.spec);
}

function unsafe(values: readonly unknown[]): string[] {
  return values.flatMap((v) => (typeof v === 'string' ? xssProblems(v).map((p) => `${JSON.stringify(v)}: ${p}`) : []));
}

describe('item text from the XSS corpus', () => {
  it('is stored sanitised and inert when all blocks are replaced', async () => {
    const blocks = XSS_CORPUS.map((payload) => ({ type: 'text', heading: payload, markdown: payload }));
    const r = await app.inject({ method: 'PUT', url: `/api/items/${draft.ownItemId}/blocks`, payload: { blocks } });
    expect(r.statusCode, r.body).toBe(200);
    const stored = await storedSpecs(draft.ownItemId);
    expect(stored).toHaveLength(XSS_CORPUS.length);
    stored.forEach((spec, i) => {
      const payload = XSS_CORPUS[i] as string;
      expect(spec, JSON.stringify(payload)).toEqual({ type: 'text', heading: sanitizeMarkdown(payload), markdown: sanitizeMarkdown(payload) });
    });
    expect(unsafe(stored.flatMap((s) => [s.heading, s.markdown]))).toEqual([]);
    // what the API answers and what the authoring view reads back are the stored text
    const view = await app.inject({ url: `/api/meetings/${draft.meetingId}/authoring` });
    expect(view.statusCode).toBe(200);
    for (const payload of XSS_CORPUS.filter((p) => xssProblems(p).length > 0 && sanitizeMarkdown(p) !== p)) {
      expect(r.body.includes(JSON.stringify(payload).slice(1, -1)), payload).toBe(false);
      expect(view.body.includes(JSON.stringify(payload).slice(1, -1)), payload).toBe(false);
    }
  });

  it('is sanitised in every string of other kinds of blocks, added or replaced one at a time', async () => {
    const payloads = XSS_CORPUS.filter((_, i) => i % 7 === 0);
    for (const payload of payloads) {
      const added = await app.inject({
        method: 'POST',
        url: `/api/items/${draft.ownItemId}/blocks`,
        payload: { block: { type: 'key_figure', indicator: draft.indicatorId, area: '0008', period: '2026-03', label: payload } },
      });
      expect(added.statusCode, `${payload}: ${added.body}`).toBe(201);
    }
    const keyFigures = (await storedSpecs(draft.ownItemId)).filter((s) => s.type === 'key_figure');
    expect(keyFigures.map((s) => s.label)).toEqual(payloads.map((p) => sanitizeMarkdown(p)));
    expect(unsafe(keyFigures.map((s) => s.label))).toEqual([]);

    const [first] = await sql<{ id: number }>`select id from content_block where item_id = ${draft.ownItemId} order by position limit 1`.execute(t.db).then((r) => r.rows);
    const checklist = { type: 'checklist', title: XSS_CORPUS[0], items: XSS_CORPUS.slice(0, 12).map((label, i) => ({ label, party: XSS_CORPUS[i + 12], status: 'klar' })) };
    const replaced = await app.inject({ method: 'PUT', url: `/api/items/${draft.ownItemId}/blocks/${first?.id}`, payload: { block: checklist } });
    expect(replaced.statusCode, replaced.body).toBe(200);
    const [spec] = await storedSpecs(draft.ownItemId);
    const strings = JSON.stringify(spec).match(/"(?:[^"\\]|\\.)*"/g)?.map((s) => JSON.parse(s) as string) ?? [];
    expect(strings.length).toBeGreaterThan(24);
    expect(unsafe(strings)).toEqual([]);
  });

  it('refuses text nested deeper than the sanitiser cleans, in Swedish, storing nothing', async () => {
    const before = await storedSpecs(draft.ownItemId);
    const nested = (levels: number): string => (levels === 0 ? '<b>' : `<${nested(levels - 1)}b>`);
    const r = await app.inject({ method: 'PUT', url: `/api/items/${draft.ownItemId}/blocks`, payload: { blocks: [{ type: 'text', markdown: nested(30) }] } });
    expect(r.statusCode).toBe(400);
    expect(r.json().error.message).toMatch(/^Texten kan inte sparas: den har HTML-taggar eller länkar inuti varandra i fler än 20 nivåer/);
    expect(await storedSpecs(draft.ownItemId)).toEqual(before);
  });

  it('leaves ordinary text as it was written', async () => {
    const markdown = '## Läget\n\n- **98 %** svarade samma dag\n- Se [rapporten](https://www.regionkalmar.se/rapport) och [sidan](/sammantraden)\n\n1 < 2 och 3 > 2';
    const r = await app.inject({ method: 'PUT', url: `/api/items/${draft.ownItemId}/blocks`, payload: { blocks: [{ type: 'text', markdown }] } });
    expect(r.statusCode, r.body).toBe(200);
    expect(await storedSpecs(draft.ownItemId)).toEqual([{ type: 'text', heading: null, markdown }]);
  });
});
