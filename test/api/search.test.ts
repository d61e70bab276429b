import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SearchResults } from '../../src/domain/search.js';
import { buildApp, type App } from '../../src/server/app.js';
import type { Authenticated } from '../../src/server/auth/principal.js';
import { principal } from '../support/auth.js';
import { demoDatabase } from '../support/demo.js';
import { addDraftMeeting, type DraftFixture } from '../support/drafts.js';
import type { TestDatabase } from '../support/testDatabase.js';

/**
 * Search finds what the packs say: an item by the words of its blocks (full-text search in
 * Swedish, with stemming and prefixes), with the fragment that says it; areas by name; and
 * within the reader's rights — a draft's words are found by editors, never by a board member.
 */
const PEOPLE: Record<string, Authenticated> = {
  reader: principal(['reader'], { userId: '00000000-0000-4000-8000-000000000005', displayName: 'Ledamot' }),
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

async function search(who: string, q: string): Promise<SearchResults> {
  const r = await app.inject({ url: `/api/search?q=${encodeURIComponent(q)}`, headers: { 'x-test-as': who } });
  expect(r.statusCode, r.body).toBe(200);
  return r.json<SearchResults>();
}

const marked = (parts: SearchResults['items'][number]['fragment']) => (parts ?? []).map((p) => (p.match ? `[${p.text}]` : p.text)).join('');

describe('search over what the packs say', () => {
  it('finds an item by a word in its text, with the fragment that says it', async () => {
    const r = await search('reader', 'bisysslor');
    const hit = r.items.find((i) => i.title === 'Internkontroll, välfärdsbrott');
    expect(hit?.meeting.heading).toBe('Regionstyrelsen 6 maj 2026');
    expect(marked(hit?.fragment ?? null)).toMatch(/\[Bisysslor\]/);
  });

  it('stems Swedish words and takes a word as a prefix', async () => {
    // "bisyssla" (singular) finds "Bisysslor"; "bisyss" as the start of a word
    for (const q of ['bisyssla', 'bisyss']) {
      const r = await search('reader', q);
      expect(r.items.map((i) => i.title), q).toContain('Internkontroll, välfärdsbrott');
    }
  });

  it('needs every word, and finds nothing for words no pack says', async () => {
    expect((await search('reader', 'bisysslor zebrafink')).items).toEqual([]);
    expect((await search('reader', 'xylofonorkester')).items).toEqual([]);
  });

  it('finds areas by name and short name', async () => {
    const r = await search('reader', 'kronoberg');
    expect(r.areas.map((a) => a.name)).toContain('Region Kronoberg');
  });

  it('searches drafts only for those who may see them', async () => {
    expect((await search('reader', 'zebrafink')).items).toEqual([]);
    const editor = await search('secretary', 'zebrafink mattias');
    expect(editor.items.map((i) => i.id)).toEqual([draft.otherItemId]);
    expect(marked(editor.items[0]?.fragment ?? null)).toContain('[Zebrafink]');
  });

  it('reads nothing of the query as syntax', async () => {
    for (const q of ["':* | !", 'a & (b', "bisysslor' | 'x", '\\\\']) {
      const r = await app.inject({ url: `/api/search?q=${encodeURIComponent(q)}`, headers: { 'x-test-as': 'reader' } });
      expect(r.statusCode, q).toBe(200);
    }
  });
});
