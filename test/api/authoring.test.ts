import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/server/app.js';
import { buildApp } from '../../src/server/app.js';
import type { Authenticated } from '../../src/server/auth/principal.js';
import { principal } from '../support/auth.js';
import { demoDatabase } from '../support/demo.js';
import type { TestDatabase } from '../support/testDatabase.js';

/**
 * The authoring API over HTTP, in-process, as five people: the secretary, two presenters (Helena
 * Nilsson presents "Infrastruktur", Carl-Johan Adolfsson presents "Tillgänglighet"), an analyst
 * and a board member. Object rules, Swedish messages per field, copying the previous meeting,
 * ordering, ready flags, sanitised text and the live preview.
 */
const PEOPLE: Record<string, Authenticated> = {
  secretary: principal(['secretary'], { userId: '00000000-0000-4000-8000-000000000001', displayName: 'Sara Sekreterare' }),
  helena: principal(['presenter'], { userId: '00000000-0000-4000-8000-000000000002', displayName: 'Helena Nilsson', personId: 'helena-nilsson' }),
  carl: principal(['presenter'], { userId: '00000000-0000-4000-8000-000000000003', displayName: 'Carl-Johan Adolfsson', personId: 'carl-johan-adolfsson' }),
  analyst: principal(['analyst'], { userId: '00000000-0000-4000-8000-000000000004', displayName: 'Anna Analytiker' }),
  reader: principal(['reader'], { userId: '00000000-0000-4000-8000-000000000005', displayName: 'Ledamot' }),
  admin: principal(['admin'], { userId: '00000000-0000-4000-8000-000000000006', displayName: 'Admin' }),
};
type Who = keyof typeof PEOPLE;

let t: TestDatabase;
let app: App;
beforeAll(async () => {
  t = await demoDatabase();
  app = await buildApp({ db: t.db, version: 'test', logLevel: 'silent', authenticator: async (request) => PEOPLE[String(request.headers['x-test-as'])] ?? null });
});
afterAll(async () => {
  await app.close();
  await t.drop();
});

async function call(who: Who, method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, payload?: unknown) {
  const r = await app.inject({ method, url, headers: { 'x-test-as': who }, ...(payload === undefined ? {} : { payload: payload as object }) });
  return { status: r.statusCode, body: r.body === '' ? null : (r.json() as Record<string, unknown> & { error?: { message: string; details: Array<{ where: string; message: string }> } }) };
}

interface AItem {
  id: string;
  goalId: string;
  position: number;
  title: string;
  ready: boolean;
  canEdit: boolean;
  presenters: Array<{ personId: string }>;
  blocks: Array<{ id: number; position: number; block: Record<string, unknown> }>;
}
interface AMeeting {
  meeting: { id: string; status: string; date: string };
  items: AItem[];
  readyCount: number;
}

let draft: AMeeting;
const itemOf = (m: AMeeting, title: string): AItem => {
  const found = m.items.find((i) => i.title === title);
  if (!found) throw new Error(`ingen punkt "${title}"`);
  return found;
};

describe('creating a meeting by copying the previous one', () => {
  it('copies items under the same goals, with presenters and blocks, as a draft nobody has marked ready', async () => {
    const source = await call('secretary', 'GET', '/api/meetings/rs-2026-05-06/authoring');
    expect(source.status).toBe(200);
    const before = source.body as unknown as AMeeting;

    const r = await call('secretary', 'POST', '/api/meetings', { body: 'Regionstyrelsen', date: '2026-09-16', planPeriodId: '2026-2028', focusYear: 2026, copyFrom: 'previous' });
    expect(r.status).toBe(201);
    draft = r.body as unknown as AMeeting;
    expect(draft.meeting).toMatchObject({ id: 'regionstyrelsen-2026-09-16', status: 'draft', date: '2026-09-16' });
    expect(draft.items.map((i) => [i.goalId, i.position, i.title, i.presenters.map((p) => p.personId)])).toEqual(
      before.items.map((i) => [i.goalId, i.position, i.title, i.presenters.map((p) => p.personId)]),
    );
    expect(draft.items.map((i) => i.blocks.map((b) => b.block))).toEqual(before.items.map((i) => i.blocks.map((b) => b.block)));
    expect(draft.items.every((i) => !i.ready && i.id.startsWith('regionstyrelsen-2026-09-16-'))).toBe(true);
    expect(draft.readyCount).toBe(0);
  });

  it('names what is wrong per field, in Swedish, and refuses a second meeting on the same day', async () => {
    const bad = await call('secretary', 'POST', '/api/meetings', { body: '', date: '2026-02-30', planPeriodId: '2026-2028', focusYear: 1800 });
    expect(bad.status).toBe(400);
    expect(bad.body?.error?.details).toEqual(
      expect.arrayContaining([
        { where: 'body', message: 'får inte vara tom' },
        { where: 'date', message: 'ska vara ett datum som finns, ÅÅÅÅ-MM-DD' },
        { where: 'focusYear', message: 'ska vara ett årtal' },
      ]),
    );
    const unknown = await call('secretary', 'POST', '/api/meetings', { body: 'Regionstyrelsen', date: '2027-01-20', planPeriodId: '2099-2101', focusYear: 2026 });
    expect(unknown.body?.error?.details).toEqual([{ where: 'planPeriodId', message: 'planperioden "2099-2101" finns inte' }]);
    const twice = await call('secretary', 'POST', '/api/meetings', { body: 'Regionstyrelsen', date: '2026-09-16', planPeriodId: '2026-2028', focusYear: 2026 });
    expect(twice.status).toBe(409);
  });

  it('is for editors of meetings: a presenter may not create one, a board member does not see the draft', async () => {
    expect((await call('helena', 'POST', '/api/meetings', { body: 'Regionstyrelsen', date: '2026-10-01', planPeriodId: '2026-2028', focusYear: 2026 })).status).toBe(403);
    expect((await call('reader', 'GET', `/api/meetings/${draft.meeting.id}`)).status).toBe(404);
    expect((await call('reader', 'GET', `/api/meetings/${draft.meeting.id}/versions`)).status).toBe(404);
    const list = await call('reader', 'GET', '/api/meetings');
    expect((list.body as unknown as Array<{ id: string }>).map((m) => m.id)).not.toContain(draft.meeting.id);
    expect((await call('secretary', 'GET', `/api/meetings/${draft.meeting.id}`)).status).toBe(200);
  });
});

describe('object rules for items', () => {
  it('a presenter changes their own item and nobody else’s, and a guessed id is not found', async () => {
    const own = itemOf(draft, 'Infrastruktur');
    const other = itemOf(draft, 'Tillgänglighet');
    const view = (await call('helena', 'GET', `/api/meetings/${draft.meeting.id}/authoring`)).body as unknown as AMeeting;
    expect(view.items.filter((i) => i.canEdit).map((i) => i.title)).toEqual(['Infrastruktur']);

    const mine = await call('helena', 'PATCH', `/api/items/${own.id}`, { title: 'Infrastruktur och trafik' });
    expect(mine.status).toBe(200);
    expect(mine.body).toMatchObject({ id: own.id, title: 'Infrastruktur och trafik' });

    const theirs = await call('helena', 'PATCH', `/api/items/${other.id}`, { title: 'Kapad' });
    expect(theirs.status).toBe(403);
    expect(theirs.body?.error?.message).toBe('Du kan bara ändra informationspunkter som du själv föredrar.');
    const blocks = await call('helena', 'PUT', `/api/items/${other.id}/blocks`, { blocks: [] });
    expect(blocks.status).toBe(403);
    expect((await call('helena', 'DELETE', `/api/items/${other.id}/blocks/${other.blocks[0]?.id}`)).status).toBe(403);
    // the other item is untouched
    const after = (await call('secretary', 'GET', `/api/meetings/${draft.meeting.id}/authoring`)).body as unknown as AMeeting;
    expect(itemOf(after, 'Tillgänglighet').blocks).toEqual(other.blocks);

    expect((await call('helena', 'PATCH', '/api/items/finns-inte', { title: 'x' })).status).toBe(404);
    // deleting and reassigning items is the secretary's
    expect((await call('helena', 'DELETE', `/api/items/${own.id}`)).status).toBe(403);
    expect((await call('helena', 'PUT', `/api/items/${own.id}/presenters`, { presenters: [] })).status).toBe(403);
  });

  it('a published meeting is frozen for everyone: its items cannot be changed, only corrected as a new version', async () => {
    const published = (await call('secretary', 'GET', '/api/meetings/rs-2026-05-06/authoring')).body as unknown as AMeeting;
    expect(published.meeting.status).toBe('published');
    const item = itemOf(published, 'Infrastruktur');
    for (const who of ['helena', 'secretary', 'admin'] as const) {
      const r = await call(who, 'PATCH', `/api/items/${item.id}`, { ready: true });
      expect(r.status, who).toBe(409);
      expect(r.body?.error?.message).toContain('är publicerat och kan inte ändras');
    }
    expect((await call('secretary', 'DELETE', `/api/items/${item.id}`)).status).toBe(409);
    expect((await call('secretary', 'PATCH', '/api/meetings/rs-2026-05-06', { title: 'Ny rubrik' })).status).toBe(409);
    expect((await call('secretary', 'POST', '/api/meetings/rs-2026-05-06/items', { goalId: '2026-2028:ekonomi', title: 'Ny' })).status).toBe(409);
  });

  it('a board member may not see drafts: an item of a draft is not found for them, and they cannot edit at all', async () => {
    const own = itemOf(draft, 'Infrastruktur');
    expect((await call('reader', 'PATCH', `/api/items/${own.id}`, { title: 'x' })).status).toBe(403);
    expect((await call('reader', 'GET', `/api/meetings/${draft.meeting.id}/authoring`)).status).toBe(403);
  });
});

describe('blocks: validated per field in Swedish, text sanitised', () => {
  it('answers every problem with its field path', async () => {
    const own = itemOf(draft, 'Infrastruktur');
    const r = await call('helena', 'PUT', `/api/items/${own.id}/blocks`, {
      blocks: [
        { type: 'text', markdown: 'Hej' },
        { type: 'key_figure', indicator: 'bup-medelvantetid-forsta-besok', area: 'bup', period: 'mars 2026' },
        { type: 'indicator_chart', indicator: 'bup-medelvantetid-forsta-besok', areas: [] },
        { type: 'bubble' },
        { type: 'key_figure', indicator: 'bup-medelvantetid-forsta-besok', period: '2026-03', extra: 1 },
      ],
    });
    expect(r.status).toBe(400);
    expect(r.body?.error?.details).toEqual([
      { where: 'blocks[1].period', message: 'ogiltig period (väntat t.ex. 2025, 2025-T1, 2025-Q3, 2025-03, 2026-01..2026-04, 2026-04-30)' },
      { where: 'blocks[2].areas', message: 'ska ha minst en rad' },
      { where: 'blocks[3].type', message: 'okänd typ; väntat en av: text, key_figure, indicator_chart, ranking_table, statement_table, timeline, checklist, risk_list, data_table, image' },
      { where: 'blocks[4].area', message: 'saknas' },
      { where: 'blocks[4]', message: 'okänt fält: extra' },
    ]);
    expect(r.body?.error?.message).toMatch(/^Blocket kan inte sparas: blocks\[1\]\.period: ogiltig period/);

    const refs = await call('helena', 'POST', `/api/items/${own.id}/blocks`, { block: { type: 'indicator_chart', indicator: 'finns-inte', areas: ['0008', 'nowhere'] } });
    expect(refs.status).toBe(400);
    expect(refs.body?.error?.details).toEqual([
      { where: 'block.indicator', message: 'indikatorn "finns-inte" finns inte' },
      { where: 'block.areas[1]', message: 'området "nowhere" finns inte' },
    ]);
  });

  it('stores text without raw HTML or script links, and replaces, adds, reorders and deletes blocks', async () => {
    const own = itemOf(draft, 'Infrastruktur');
    const put = await call('helena', 'PUT', `/api/items/${own.id}/blocks`, {
      blocks: [
        { type: 'text', heading: '<img src=x onerror=alert(1)>Läget', markdown: '<script>alert(1)</script>**Klart** i [tid](javascript:alert(1)) och [källa](https://example.org)' },
        { type: 'key_figure', indicator: 'bup-medelvantetid-forsta-besok', area: 'bup', period: '2026-03', compareWith: '2024-12', showTarget: false },
      ],
    });
    expect(put.status).toBe(200);
    const item = put.body as unknown as AItem;
    expect(item.blocks.map((b) => b.block.type)).toEqual(['text', 'key_figure']);
    expect(item.blocks[0]?.block).toMatchObject({ heading: 'Läget', markdown: '**Klart** i tid och [källa](https://example.org)' });

    const added = (await call('helena', 'POST', `/api/items/${own.id}/blocks`, { block: { type: 'text', markdown: 'Först' }, position: 1 })).body as unknown as AItem;
    expect(added.blocks.map((b) => [b.position, b.block.type])).toEqual([[1, 'text'], [2, 'text'], [3, 'key_figure']]);
    const ids = added.blocks.map((b) => b.id);
    const reordered = (await call('helena', 'PUT', `/api/items/${own.id}/block-order`, { blockIds: [ids[2], ids[0], ids[1]] })).body as unknown as AItem;
    expect(reordered.blocks.map((b) => b.id)).toEqual([ids[2], ids[0], ids[1]]);
    const missing = await call('helena', 'PUT', `/api/items/${own.id}/block-order`, { blockIds: [ids[2], ids[0]] });
    expect(missing.status).toBe(400);
    expect(missing.body?.error?.details).toEqual([{ where: 'blockIds', message: `saknar ${ids[1]}: ange varje block en gång` }]);
    const replaced = (await call('helena', 'PUT', `/api/items/${own.id}/blocks/${ids[0]}`, { block: { type: 'text', markdown: 'Först, ändrat' } })).body as unknown as AItem;
    expect(replaced.blocks.find((b) => b.id === ids[0])?.block).toMatchObject({ markdown: 'Först, ändrat' });
    const deleted = (await call('helena', 'DELETE', `/api/items/${own.id}/blocks/${ids[0]}`)).body as unknown as AItem;
    expect(deleted.blocks.map((b) => [b.position, b.id])).toEqual([[1, ids[2]], [2, ids[1]]]);
  });
});

describe('ready flags and the agenda', () => {
  it('a presenter marks their item ready; the secretary sees which are', async () => {
    const own = itemOf(draft, 'Infrastruktur');
    expect((await call('helena', 'PATCH', `/api/items/${own.id}`, { ready: true })).status).toBe(200);
    const view = (await call('secretary', 'GET', `/api/meetings/${draft.meeting.id}/authoring`)).body as unknown as AMeeting;
    expect(view.items.filter((i) => i.ready).map((i) => i.title)).toEqual(['Infrastruktur och trafik']);
    expect(view.readyCount).toBe(1);
    expect((await call('helena', 'PATCH', `/api/items/${own.id}`, { ready: 'ja' })).body?.error?.details).toEqual([{ where: 'ready', message: 'ska vara sant eller falskt' }]);
  });

  it('orders items under goals in the plan order, moves an item to another goal, and wants every item once', async () => {
    const items = draft.items;
    const economy = '2026-2028:ekonomi';
    const moved = items[0] as AItem;
    const order = [...items].reverse().map((i) => ({ id: i.id, goalId: i.id === moved.id ? economy : i.goalId }));
    const r = await call('secretary', 'PUT', `/api/meetings/${draft.meeting.id}/order`, { items: order });
    expect(r.status).toBe(200);
    const after = (r.body as unknown as AMeeting).items;
    const goalOrder = ['2026-2028:nojda-invanare', '2026-2028:hallbar-utveckling', '2026-2028:kvalitet', '2026-2028:arbetsplats', economy];
    const expected = order.map((o, i) => ({ ...o, i })).sort((a, b) => goalOrder.indexOf(a.goalId) - goalOrder.indexOf(b.goalId) || a.i - b.i);
    expect(after.map((i) => [i.id, i.goalId, i.position])).toEqual(expected.map((e, n) => [e.id, e.goalId, n + 1]));

    const partial = await call('secretary', 'PUT', `/api/meetings/${draft.meeting.id}/order`, { items: order.slice(1) });
    expect(partial.status).toBe(400);
    expect(partial.body?.error?.details?.[0]?.where).toBe('items');
    const wrongGoal = await call('secretary', 'PUT', `/api/meetings/${draft.meeting.id}/order`, { items: order.map((o, i) => (i === 0 ? { ...o, goalId: '2024-2026:ekonomi' } : o)) });
    expect(wrongGoal.body?.error?.details).toEqual([{ where: 'items[0].goalId', message: 'målet "2024-2026:ekonomi" finns inte i planperioden 2026-2028' }]);
  });

  it('adds an item with presenters, reassigns them, and deletes items of a draft only', async () => {
    const added = await call('secretary', 'POST', `/api/meetings/${draft.meeting.id}/items`, { goalId: '2026-2028:kvalitet', title: 'Vårdgaranti', presenters: [{ personId: 'carl-johan-adolfsson' }] });
    expect(added.status).toBe(201);
    const item = added.body as unknown as AItem;
    expect(item).toMatchObject({ id: `${draft.meeting.id}-vardgaranti`, goalId: '2026-2028:kvalitet', ready: false });
    const bad = await call('secretary', 'PUT', `/api/items/${item.id}/presenters`, { presenters: [{ personId: 'helena-nilsson' }, { personId: 'nobody' }] });
    expect(bad.body?.error?.details).toEqual([{ where: 'presenters[1].personId', message: 'personen "nobody" finns inte' }]);
    const helena = await call('secretary', 'PUT', `/api/items/${item.id}/presenters`, { presenters: [{ personId: 'helena-nilsson', titleOverride: 'regiondirektör' }] });
    expect((helena.body as unknown as AItem).presenters.map((p) => p.personId)).toEqual(['helena-nilsson']);
    // now Helena presents it, and Carl-Johan no longer may change it
    expect((await call('helena', 'PATCH', `/api/items/${item.id}`, { ready: true })).status).toBe(200);
    expect((await call('carl', 'PATCH', `/api/items/${item.id}`, { ready: false })).status).toBe(403);
    expect((await call('secretary', 'DELETE', `/api/items/${item.id}`)).status).toBe(204);
    expect((await call('secretary', 'DELETE', `/api/items/${item.id}`)).status).toBe(404);
  });
});

describe('the live preview', () => {
  it('resolves an unsaved block exactly as the meeting view resolves the stored one, and stores nothing', async () => {
    const view = (await call('secretary', 'GET', '/api/meetings/rs-2026-05-06')).body as unknown as { groups: Array<{ items: Array<{ blocks: Array<{ block: { type: string }; view: unknown }> }> }> };
    const stored = view.groups.flatMap((g) => g.items.flatMap((i) => i.blocks)).filter((b) => b.block.type === 'key_figure' || b.block.type === 'ranking_table');
    expect(stored.length).toBeGreaterThan(1);
    for (const b of stored) {
      const r = await call('helena', 'POST', '/api/blocks/preview', { meetingId: 'rs-2026-05-06', block: b.block });
      expect(r.status).toBe(200);
      expect(r.body).toEqual(b.view);
    }
    const bad = await call('helena', 'POST', '/api/blocks/preview', { meetingId: null, block: { type: 'key_figure', indicator: 'bup-medelvantetid-forsta-besok', area: 'bup', period: '2026-13' } });
    expect(bad.status).toBe(400);
    expect(bad.body?.error?.details?.[0]?.where).toBe('block.period');
    expect((await call('reader', 'POST', '/api/blocks/preview', { meetingId: null, block: { type: 'text', markdown: 'x' } })).status).toBe(403);
  });
});

describe('indicators and targets', () => {
  const indicator = { id: 'nya-besok', name: 'Nybesök inom 30 dagar', unit: 'procent', decimals: 0, direction: 'higher_is_better', periodType: 'month', kind: 'ratio', source: 'Region Kalmar län', goalLineIds: ['kvalitet'] };

  it('are the analyst’s: validated per field, references checked, targets with their rules', async () => {
    expect((await call('secretary', 'POST', '/api/indicators', indicator)).status).toBe(403);
    const bad = await call('analyst', 'POST', '/api/indicators', { ...indicator, id: 'Nya Besök', decimals: 7, unit: 'stycken', goalLineIds: ['kvalitet', 'saknas'] });
    expect(bad.status).toBe(400);
    expect(bad.body?.error?.details?.map((d) => d.where)).toEqual(['id', 'unit', 'decimals']);
    expect(bad.body?.error?.details?.find((d) => d.where === 'decimals')?.message).toBe('ska vara 0–4');
    const lines = await call('analyst', 'POST', '/api/indicators', { ...indicator, goalLineIds: ['kvalitet', 'saknas'], derivation: { numerator: 'nya-besok', denominator: 'telefon-teleq-samma-dag' } });
    expect(lines.body?.error?.details).toEqual([
      { where: 'goalLineIds[1]', message: 'mållinjen "saknas" finns inte' },
      { where: 'derivation.numerator', message: 'en indikator kan inte härledas ur sig själv' },
    ]);

    const created = await call('analyst', 'POST', '/api/indicators', indicator);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ id: 'nya-besok', goalLineIds: ['kvalitet'], targets: [] });
    const renamed = await call('analyst', 'PATCH', '/api/indicators/nya-besok', { name: 'Första besök inom 30 dagar', goalLineIds: [] });
    expect(renamed.body).toMatchObject({ name: 'Första besök inom 30 dagar', goalLineIds: [] });

    const between = await call('analyst', 'POST', '/api/indicators/nya-besok/targets', { comparator: 'between', threshold: 80, validFromYear: 2026, validToYear: 2025, source: 'regionplan', label: 'Mål' });
    expect(between.body?.error?.details).toEqual([
      { where: 'upper', message: 'krävs när jämförelsen är "mellan"' },
      { where: 'validToYear', message: 'får inte vara före första giltiga år' },
    ]);
    const target = await call('analyst', 'POST', '/api/indicators/nya-besok/targets', { comparator: 'gte', threshold: 80, validFromYear: 2026, source: 'regionplan', label: 'Minst 80 procent' });
    expect(target.status).toBe(201);
    const targetId = (target.body as unknown as { targets: Array<{ id: string }> }).targets[0]?.id as string;
    const changed = await call('analyst', 'PATCH', `/api/targets/${targetId}`, { threshold: 85 });
    expect(changed.body).toMatchObject({ targets: [{ id: targetId, threshold: 85 }] });
    expect((await call('analyst', 'PATCH', `/api/targets/${targetId}`, { comparator: 'between' })).body?.error?.details).toEqual([{ where: 'upper', message: 'krävs när jämförelsen är "mellan"' }]);
    expect((await call('analyst', 'DELETE', `/api/targets/${targetId}`)).body).toMatchObject({ targets: [] });

    // an indicator with stored values keeps its period type
    const withValues = await call('analyst', 'PATCH', '/api/indicators/telefon-teleq-samma-dag', { periodType: 'year' });
    expect(withValues.body?.error?.details).toEqual([{ where: 'periodType', message: 'kan inte ändras när indikatorn har lagrade utfall' }]);
  });
});

describe('the audit trail records authoring with its author and request', () => {
  it('every change above is on record under the person who made it', async () => {
    const r = await call('admin', 'GET', `/api/audit?table=agenda_item&rowKey=${draft.meeting.id}-infrastruktur`);
    expect(r.status).toBe(200);
    const entries = (r.body as unknown as { entries: Array<{ actorName: string; actorId: string; requestId: string | null; operation: string; old: { title: string } | null; new: { title: string; ready: boolean } | null }> }).entries;
    const rename = entries.find((e) => e.operation === 'update' && e.old?.title === 'Infrastruktur' && e.new?.title === 'Infrastruktur och trafik');
    expect(rename).toMatchObject({ actorName: 'Helena Nilsson', actorId: PEOPLE.helena?.userId });
    expect(rename?.requestId).toMatch(/^[0-9a-f-]{36}$/);
    const insert = entries.find((e) => e.operation === 'insert');
    expect(insert).toMatchObject({ actorName: 'Sara Sekreterare' });
    expect((await call('secretary', 'GET', '/api/audit')).status).toBe(403);
  });
});

describe('deleting a meeting', () => {
  it('deletes a draft that was never published, with its items, presenters and blocks, on record; never a published one', async () => {
    const made = await call('secretary', 'POST', '/api/meetings', { body: 'Regionstyrelsen', date: '2026-11-25', planPeriodId: '2026-2028', focusYear: 2026, copyFrom: 'rs-2026-05-06' });
    expect(made.status).toBe(201);
    const meeting = made.body as unknown as AMeeting;
    const id = meeting.meeting.id;
    expect(meeting.items.length).toBeGreaterThan(3);
    const blocks = meeting.items.reduce((n, i) => n + i.blocks.length, 0);

    expect((await call('helena', 'DELETE', `/api/meetings/${id}`)).status).toBe(403);
    expect((await call('reader', 'DELETE', `/api/meetings/${id}`)).status).toBe(403);
    expect((await call('secretary', 'GET', `/api/meetings/${id}/authoring`)).status).toBe(200);
    expect((await call('secretary', 'DELETE', `/api/meetings/${id}`)).status).toBe(204);
    expect((await call('secretary', 'GET', `/api/meetings/${id}/authoring`)).status).toBe(404);
    expect((await call('secretary', 'DELETE', `/api/meetings/${id}`)).status).toBe(404);
    const left = await t.db.selectFrom('agenda_item').select('id').where('meeting_id', '=', id).execute();
    expect(left).toEqual([]);

    // on record under the secretary: the meeting, every item and every block
    const audit = async (table: string) => {
      const r = await call('admin', 'GET', `/api/audit?table=${table}&operation=delete&limit=500`);
      return (r.body as unknown as { entries: Array<{ actorName: string; old: Record<string, unknown> | null }> }).entries.filter((e) => e.old?.meeting_id === id || e.old?.id === id || String(e.old?.item_id ?? '').startsWith(`${id}-`));
    };
    expect((await audit('meeting')).map((e) => e.actorName)).toEqual(['Sara Sekreterare']);
    expect((await audit('agenda_item')).length).toBe(meeting.items.length);
    expect((await audit('content_block')).length).toBe(blocks);

    // a published meeting, and the draft of a correction (it has a published version), stay
    const published = await call('secretary', 'DELETE', '/api/meetings/rs-2026-05-06');
    expect(published.status).toBe(409);
    expect((await call('secretary', 'POST', '/api/meetings/rs-2025-12-10/correction')).status).toBe(200);
    const correction = await call('secretary', 'DELETE', '/api/meetings/rs-2025-12-10');
    expect(correction.status).toBe(409);
    expect(correction.body?.error?.message).toBe('Sammanträdet rs-2025-12-10 har publicerats (senast version 1) och kan inte tas bort; bara ett utkast som aldrig publicerats kan tas bort.');
    expect((await call('reader', 'GET', '/api/meetings/rs-2025-12-10')).status).toBe(200);
  });
});

describe('two people saving one item', () => {
  it('the second save from an older version is refused with who saved in between; nothing of either is lost', async () => {
    const meeting = (await call('secretary', 'GET', '/api/meetings/regionstyrelsen-2026-09-16/authoring')).body as unknown as AMeeting & { items: Array<AItem & { version: string }> };
    const item = meeting.items.find((i) => i.title === 'Infrastruktur och trafik') ?? meeting.items[0]!;
    const opened = (item as AItem & { version: string }).version;
    expect(opened).toMatch(/^[0-9a-f]{16}$/);
    const mine = [{ type: 'text', heading: null, markdown: 'Sekreterarens text' }];
    const hers = [{ type: 'text', heading: null, markdown: 'Föredragandens text' }];

    const first = await call('secretary', 'PUT', `/api/items/${item.id}/blocks`, { blocks: mine, version: opened });
    expect(first.status).toBe(200);
    const after = (first.body as unknown as { version: string }).version;
    expect(after).not.toBe(opened);

    const second = await call('admin', 'PUT', `/api/items/${item.id}/blocks`, { blocks: hers, version: opened });
    expect(second.status).toBe(409);
    expect(second.body?.error?.message).toMatch(/^Punkten har ändrats sedan du öppnade den: Sara Sekreterare sparade den \d+ \w+ \d{4} kl\. \d{2}:\d{2} UTC\. Inget av din ändring sparades/);
    expect(second.body?.error?.details).toEqual([{ where: 'version', message: expect.stringMatching(/^Sara Sekreterare, \d{4}-\d{2}-\d{2}T/) }]);
    const stored = (await call('secretary', 'GET', '/api/meetings/regionstyrelsen-2026-09-16/authoring')).body as unknown as { items: Array<AItem & { version: string }> };
    const now = stored.items.find((i) => i.id === item.id)!;
    expect(now.blocks.map((b) => b.block.markdown)).toEqual(['Sekreterarens text']);
    expect(now.version).toBe(after);
    // a title from the old version is refused too; from the new one both go through
    expect((await call('admin', 'PATCH', `/api/items/${item.id}`, { title: 'Annan rubrik', version: opened })).status).toBe(409);
    expect((await call('admin', 'PUT', `/api/items/${item.id}/blocks`, { blocks: [...mine, ...hers], version: after })).status).toBe(200);
    // at the same moment from the same version: one is saved, the other told
    const current = ((await call('secretary', 'GET', '/api/meetings/regionstyrelsen-2026-09-16/authoring')).body as unknown as { items: Array<AItem & { version: string }> }).items.find((i) => i.id === item.id)!.version;
    const both = await Promise.all([
      call('secretary', 'PUT', `/api/items/${item.id}/blocks`, { blocks: mine, version: current }),
      call('admin', 'PUT', `/api/items/${item.id}/blocks`, { blocks: hers, version: current }),
    ]);
    expect(both.map((r) => r.status).sort()).toEqual([200, 409]);
    // without a version (an integration) a save overwrites, as before
    expect((await call('admin', 'PUT', `/api/items/${item.id}/blocks`, { blocks: hers })).status).toBe(200);
  });
});

