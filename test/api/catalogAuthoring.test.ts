import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../src/server/app.js';
import type { Authenticated } from '../../src/server/auth/principal.js';
import { principal } from '../support/auth.js';
import { demoDatabase } from '../support/demo.js';
import type { TestDatabase } from '../support/testDatabase.js';

/**
 * The catalog authored over HTTP, in-process, by the roles that own it: the secretary adds a
 * presenter with a title and a new title from a date, a plan period with a renamed goal on its old
 * line and a year's focus areas; the analyst adds a unit under a förvaltning and a risk register
 * with two risks (score and band computed). Each write is audited old → new under the author;
 * bad input answers 400 in Swedish naming the field and changes nothing; other roles are refused.
 */
const PEOPLE: Record<string, Authenticated> = {
  secretary: principal(['secretary'], { userId: '00000000-0000-4000-8000-000000000001', displayName: 'Sara Sekreterare' }),
  analyst: principal(['analyst'], { userId: '00000000-0000-4000-8000-000000000004', displayName: 'Anna Analytiker' }),
  presenter: principal(['presenter'], { userId: '00000000-0000-4000-8000-000000000002', displayName: 'Helena Nilsson', personId: 'helena-nilsson' }),
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

type Body = Record<string, unknown> & { error?: { message: string; details: Array<{ where: string; message: string }> } };
async function call(who: Who, method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, payload?: unknown): Promise<{ status: number; body: Body }> {
  const r = await app.inject({ method, url, headers: { 'x-test-as': who }, ...(payload === undefined ? {} : { payload: payload as object }) });
  return { status: r.statusCode, body: r.body === '' ? {} : (r.json() as Body) };
}

interface Entry {
  operation: string;
  actorName: string;
  rowKey: Record<string, unknown>;
  old: Record<string, unknown> | null;
  new: Record<string, unknown> | null;
}
async function audit(table: string): Promise<Entry[]> {
  const r = await call('admin', 'GET', `/api/audit?table=${table}&limit=500`);
  expect(r.status).toBe(200);
  return (r.body as unknown as { entries: Entry[] }).entries;
}

async function tableRows(table: 'person' | 'person_title' | 'goal' | 'goal_line' | 'area' | 'risk'): Promise<unknown[]> {
  return t.db.selectFrom(table).selectAll().execute();
}

describe('people and their titles', () => {
  it('the secretary adds a presenter with a title, then a new title from a date; audited old → new', async () => {
    const created = await call('secretary', 'POST', '/api/people', { name: 'Karin Ek', titles: [{ title: 'ekonomichef', validFrom: '2024-01-01' }] });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({ id: 'karin-ek', name: 'Karin Ek', titles: [{ title: 'ekonomichef', validFrom: '2024-01-01', validTo: null }] });
    const first = (created.body.titles as Array<{ id: number }>)[0]!;

    const ended = await call('secretary', 'PATCH', `/api/person-titles/${first.id}`, { validTo: '2026-08-31' });
    expect(ended.status, JSON.stringify(ended.body)).toBe(200);
    const added = await call('secretary', 'POST', '/api/people/karin-ek/titles', { title: 'regiondirektör', roleId: 'regiondirektor', validFrom: '2026-09-01' });
    expect(added.status).toBe(201);
    expect((added.body.titles as Array<{ title: string }>).map((x) => x.title)).toEqual(['ekonomichef', 'regiondirektör']);

    // the agenda's presenter list sees the new person at once
    const people = await call('secretary', 'GET', '/api/people');
    expect((people.body as unknown as Array<{ id: string }>).some((p) => p.id === 'karin-ek')).toBe(true);

    const entries = (await audit('person_title')).filter((e) => (e.new ?? e.old)?.['person_id'] === 'karin-ek');
    expect(entries.map((e) => [e.operation, e.actorName])).toEqual([
      ['insert', 'Sara Sekreterare'],
      ['update', 'Sara Sekreterare'],
      ['insert', 'Sara Sekreterare'],
    ]);
    const update = entries.find((e) => e.operation === 'update')!;
    expect([update.old?.['valid_to'], update.new?.['valid_to']]).toEqual([null, '2026-08-31']);
    expect((await audit('person')).some((e) => e.rowKey['id'] === 'karin-ek' && e.operation === 'insert' && e.actorName === 'Sara Sekreterare')).toBe(true);
  });

  it('refuses a title that ends before it starts, and the same title twice from one day, in Swedish; nothing changes', async () => {
    const before = await tableRows('person_title');
    const backwards = await call('secretary', 'POST', '/api/people/karin-ek/titles', { title: 'tf. direktör', validFrom: '2026-05-01', validTo: '2026-04-01' });
    expect(backwards.status).toBe(400);
    expect(backwards.body.error?.details).toContainEqual({ where: 'validTo', message: 'får inte vara före första giltiga dag' });
    const twice = await call('secretary', 'POST', '/api/people/karin-ek/titles', { title: 'regiondirektör', validFrom: '2026-09-01' });
    expect(twice.status).toBe(409);
    expect(twice.body.error?.message).toContain('har redan titeln "regiondirektör" från 2026-09-01');
    const badDate = await call('secretary', 'POST', '/api/people', { name: 'Ny Person', titles: [{ title: 'chef', validFrom: '2026-02-30' }] });
    expect(badDate.status).toBe(400);
    expect(badDate.body.error?.details?.[0]?.where).toBe('titles[0].validFrom');
    expect(await tableRows('person_title')).toEqual(before);
  });

  it('is the secretary\'s: a presenter and an analyst are refused', async () => {
    expect((await call('presenter', 'POST', '/api/people', { name: 'X Y' })).status).toBe(403);
    expect((await call('analyst', 'PATCH', '/api/people/karin-ek', { name: 'X Y' })).status).toBe(403);
  });
});

describe('the regional plan', () => {
  it('a new plan period keeps renamed goals on their lines and makes a line for a new goal', async () => {
    const created = await call('secretary', 'POST', '/api/plan-periods', {
      startYear: 2027,
      endYear: 2029,
      goals: [
        { lineId: 'nojda-invanare', name: 'Nöjda invånare och samarbetspartners' },
        { lineId: 'ekonomi', name: 'En stark och hållbar ekonomi' },
        { lineId: null, name: 'Trygg beredskap' },
      ],
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect((created.body.goals as Array<{ goalLineId: string; name: string; position: number }>).map((g) => [g.position, g.goalLineId, g.name])).toEqual([
      [1, 'nojda-invanare', 'Nöjda invånare och samarbetspartners'],
      [2, 'ekonomi', 'En stark och hållbar ekonomi'],
      [3, 'trygg-beredskap', 'Trygg beredskap'],
    ]);
    const reordered = await call('secretary', 'PATCH', '/api/plan-periods/2027-2029', {
      goals: [
        { lineId: 'trygg-beredskap', name: 'Trygg beredskap i hela länet' },
        { lineId: 'nojda-invanare', name: 'Nöjda invånare och samarbetspartners' },
        { lineId: 'ekonomi', name: 'En stark och hållbar ekonomi' },
      ],
    });
    expect(reordered.status, JSON.stringify(reordered.body)).toBe(200);
    expect((reordered.body.goals as Array<{ id: string; name: string }>).map((g) => g.id)).toEqual(['2027-2029:trygg-beredskap', '2027-2029:nojda-invanare', '2027-2029:ekonomi']);
    const aliases = await call('secretary', 'PATCH', '/api/goal-lines/trygg-beredskap', { aliases: ['Beredskap'] });
    expect(aliases.body).toEqual({ id: 'trygg-beredskap', aliases: ['Beredskap'] });
    const goalEntries = (await audit('goal')).filter((e) => String(e.rowKey['id']).startsWith('2027-2029:'));
    expect(goalEntries.filter((e) => e.operation === 'insert')).toHaveLength(3);
    const renamed = goalEntries.find((e) => e.operation === 'update' && e.rowKey['id'] === '2027-2029:trygg-beredskap' && e.new?.['name'] !== e.old?.['name']);
    expect([renamed?.old?.['name'], renamed?.new?.['name']]).toEqual(['Trygg beredskap', 'Trygg beredskap i hela länet']);
  });

  it('never removes a goal that agenda items are filed under; names the item; nothing changes', async () => {
    const before = await tableRows('goal');
    const r = await call('secretary', 'PATCH', '/api/plan-periods/2026-2028', { goals: [{ lineId: 'nojda-invanare', name: 'Nöjda invånare och samarbetspartners' }] });
    expect(r.status).toBe(400);
    expect(r.body.error?.details?.[0]?.message).toMatch(/^"[^"]+" kan inte tas bort: punkten "[^"]+" i sammanträdet \S+ ligger under målet$/);
    const sameLine = await call('secretary', 'PATCH', '/api/plan-periods/2027-2029', { goals: [{ lineId: 'ekonomi', name: 'A' }, { lineId: 'ekonomi', name: 'B' }] });
    expect(sameLine.body.error?.details).toContainEqual({ where: 'goals[1].lineId', message: 'två mål på samma mållinje' });
    expect(await tableRows('goal')).toEqual(before);
  });

  it('a year\'s focus areas are set and replaced', async () => {
    const set = await call('secretary', 'PUT', '/api/focus-areas/2029', { lead: 'Tillsammans', areas: ['möter vi människor där de är', 'växer vi hållbart'] });
    expect(set.status, JSON.stringify(set.body)).toBe(200);
    const replaced = await call('secretary', 'PUT', '/api/focus-areas/2029', { lead: 'Tillsammans', areas: ['växer vi hållbart'] });
    expect(replaced.body).toEqual({ year: 2029, lead: 'Tillsammans', areas: ['växer vi hållbart'] });
    const entries = await audit('focus_area');
    expect(entries.filter((e) => e.rowKey['year'] === 2029).map((e) => e.operation).sort()).toEqual(['delete', 'insert', 'insert', 'update']);
  });
});

describe('areas', () => {
  it('the analyst adds a unit under a förvaltning and renames it; a cycle and an unknown member are refused', async () => {
    const created = await call('analyst', 'POST', '/api/areas', { kind: 'unit', name: 'Akutmottagningen Kalmar', parentId: 'hsf' });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({ id: 'akutmottagningen-kalmar', parentId: 'hsf', memberIds: [] });
    const renamed = await call('analyst', 'PATCH', '/api/areas/akutmottagningen-kalmar', { shortName: 'Akuten Kalmar' });
    expect(renamed.body).toMatchObject({ shortName: 'Akuten Kalmar' });

    const before = await tableRows('area');
    const cycle = await call('analyst', 'PATCH', '/api/areas/hsf', { parentId: 'akutmottagningen-kalmar' });
    expect(cycle.status).toBe(400);
    expect(cycle.body.error?.details?.[0]).toMatchObject({ where: 'parentId', message: expect.stringMatching(/^"akutmottagningen-kalmar" ligger redan under /) });
    const unknown = await call('analyst', 'POST', '/api/areas', { kind: 'healthcare_region', name: 'Norra', memberIds: ['finns-inte'] });
    expect(unknown.body.error?.details).toContainEqual({ where: 'memberIds[0]', message: 'området "finns-inte" finns inte' });
    expect(await tableRows('area')).toEqual(before);
    const entries = (await audit('area')).filter((e) => e.rowKey['id'] === 'akutmottagningen-kalmar');
    expect(entries.map((e) => [e.operation, e.actorName])).toEqual([
      ['update', 'Anna Analytiker'],
      ['insert', 'Anna Analytiker'],
    ]);
  });
});

describe('risk registers', () => {
  it('the analyst adds a register with two risks; score and band are computed; a risk is moved and its history kept', async () => {
    const reg = await call('analyst', 'POST', '/api/risk-registers', { title: 'Internkontrollplan', year: 2027 });
    expect(reg.status, JSON.stringify(reg.body)).toBe(201);
    const id = String(reg.body.id);
    const a = await call('analyst', 'POST', `/api/risk-registers/${id}/risks`, { categoryCode: '1b', title: 'Hyrpersonal utan avtal', probability: 3, consequence: 4, control: 'Stickprov av fakturor', owner: 'HR-direktör' });
    expect(a.status, JSON.stringify(a.body)).toBe(201);
    const b = await call('analyst', 'POST', `/api/risk-registers/${id}/risks`, { categoryCode: '3b', title: 'Falska fakturor', reportedScore: 6 });
    const risks = b.body.risks as Array<{ id: string; title: string; score: number; band: { label: string } | null; computed: boolean; position: number }>;
    expect(risks.map((r) => [r.position, r.title, r.score, r.band?.label, r.computed])).toEqual([
      [1, 'Hyrpersonal utan avtal', 12, 'Hantera risk', true],
      [2, 'Falska fakturor', 6, 'Bevaka risk', false],
    ]);
    const moved = await call('analyst', 'PATCH', `/api/risks/${risks[1]!.id}`, { position: 1, probability: 2, consequence: 2, reportedScore: null });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    expect((moved.body.risks as typeof risks).map((r) => [r.title, r.score, r.computed])).toEqual([
      ['Falska fakturor', 4, true],
      ['Hyrpersonal utan avtal', 12, true],
    ]);
    const history = (await audit('risk')).filter((e) => e.rowKey['id'] === risks[1]!.id);
    expect(history.map((e) => e.operation)).toEqual(['update', 'insert']);
    expect([history[0]?.old?.['reported_score'], history[0]?.new?.['probability']]).toEqual([6, 2]);
  });

  it('refuses half a score, an unknown category and a place past the end, in Swedish; nothing changes', async () => {
    const [register] = (await call('analyst', 'GET', '/api/risk-registers')).body as unknown as Array<{ id: string; risks: Array<{ id: string }> }>;
    const before = await tableRows('risk');
    const half = await call('analyst', 'POST', `/api/risk-registers/${register!.id}/risks`, { categoryCode: '1', title: 'X', probability: 2 });
    expect(half.body.error?.details).toContainEqual({ where: 'consequence', message: 'sannolikhet och konsekvens anges båda eller ingen av dem' });
    const category = await call('analyst', 'POST', `/api/risk-registers/${register!.id}/risks`, { categoryCode: '99', title: 'X', reportedScore: 3 });
    expect(category.body.error?.details).toContainEqual({ where: 'categoryCode', message: 'riskkategori 99 finns inte' });
    const far = await call('analyst', 'PATCH', `/api/risks/${register!.risks[0]!.id}`, { position: 99 });
    expect(far.status).toBe(400);
    expect(far.body.error?.details?.[0]?.where).toBe('position');
    expect(await tableRows('risk')).toEqual(before);
    expect((await call('secretary', 'POST', `/api/risk-registers/${register!.id}/risks`, { categoryCode: '1', title: 'X', reportedScore: 3 })).status).toBe(403);
  });
});
