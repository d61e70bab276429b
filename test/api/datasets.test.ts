import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../src/server/app.js';
import type { Authenticated } from '../../src/server/auth/principal.js';
import { principal } from '../support/auth.js';
import { demoDatabase } from '../support/demo.js';
import type { TestDatabase } from '../support/testDatabase.js';

/**
 * Datasets over HTTP, in-process, on the demo data: an analyst creates and replaces a table; the
 * audit trail has who and old → new; a text in a number column is refused with its row and column
 * named, and nothing changes; presenters and readers may not write; a column that a meeting's
 * data_table block shows cannot be removed; a paste is read without storing anything.
 */
const PEOPLE: Record<string, Authenticated> = {
  analyst: principal(['analyst'], { userId: '00000000-0000-4000-8000-000000000041', displayName: 'Anna Analytiker' }),
  secretary: principal(['secretary'], { userId: '00000000-0000-4000-8000-000000000042', displayName: 'Sara Sekreterare' }),
  presenter: principal(['presenter'], { userId: '00000000-0000-4000-8000-000000000043', displayName: 'Helena Nilsson', personId: 'helena-nilsson' }),
  reader: principal(['reader'], { userId: '00000000-0000-4000-8000-000000000044', displayName: 'Ledamot' }),
  admin: principal(['admin'], { userId: '00000000-0000-4000-8000-000000000045', displayName: 'Admin' }),
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

interface Problem {
  error: { code: string; message: string; details: Array<{ where: string | null; message: string }> };
}

async function call<T = Record<string, unknown>>(who: Who, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) {
  const r = await app.inject({ method, url, headers: { 'x-test-as': who }, ...(payload === undefined ? {} : { payload: payload as object }) });
  return { status: r.statusCode, body: r.json<T>() };
}

interface Entry {
  operation: string;
  actorName: string;
  actorId: string | null;
  old: Record<string, unknown> | null;
  new: Record<string, unknown> | null;
}
async function auditOf(id: string): Promise<Entry[]> {
  const r = await call<{ entries: Entry[] }>('admin', 'GET', `/api/audit?table=dataset&rowKey=${encodeURIComponent(id)}`);
  expect(r.status).toBe(200);
  return r.body.entries;
}

const COLUMNS = [
  { key: 'mottagning', label: 'Mottagning', type: 'text', unit: null, decimals: 0, total: 'count' },
  { key: 'antal', label: 'Antal', type: 'number', unit: 'antal', decimals: 0, total: 'sum' },
  { key: 'kostnad', label: 'Kostnad', type: 'number', unit: 'mnkr', decimals: 1, total: 'sum' },
];
const ROWS = [
  { mottagning: 'Kalmar', antal: 120, kostnad: 1.25 },
  { mottagning: 'Nybro', antal: 35, kostnad: null },
  { mottagning: 'Västervik', antal: 60, kostnad: 0.5 },
];

interface View {
  id: string;
  title: string;
  source: string;
  columns: Array<{ key: string; label: string }>;
  rows: Array<Record<string, unknown>>;
  totals: Record<string, number | null>;
}

describe('datasets', () => {
  let id = '';

  it('an analyst creates a table: id from the title, totals computed and never stored', async () => {
    const created = await call<View>('analyst', 'POST', '/api/datasets', { title: 'Besök på mottagningarna 2026', source: 'Region Kalmar län', columns: COLUMNS, rows: ROWS });
    expect(created.status).toBe(201);
    id = created.body.id;
    expect(id).toBe('besok-pa-mottagningarna-2026');
    expect(created.body.totals).toEqual({ mottagning: 3, antal: 215, kostnad: 1.75 });

    const read = await call<View>('reader', 'GET', `/api/datasets/${id}`);
    expect(read.status).toBe(200);
    expect(read.body).toEqual(created.body);
    const list = await call<{ datasets: Array<{ id: string; title: string; rowCount: number; columns: unknown[] }> }>('reader', 'GET', '/api/datasets');
    expect(list.body.datasets.find((d) => d.id === id)).toEqual({ id, title: 'Besök på mottagningarna 2026', source: 'Region Kalmar län', columns: created.body.columns, rowCount: 3 });
    // the demo's tables are in the list too
    expect(list.body.datasets.map((d) => d.id)).toContain('sarskilda-persontransporter-2026');

    const stored = await t.db.selectFrom('dataset').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(stored.rows).toEqual(ROWS);
    expect(JSON.stringify(stored)).not.toContain('215');

    const [insert] = await auditOf(id);
    expect(insert).toMatchObject({ operation: 'insert', actorName: 'Anna Analytiker', actorId: PEOPLE.analyst?.userId, old: null, new: { id, title: 'Besök på mottagningarna 2026' } });

    const again = await call<Problem>('analyst', 'POST', '/api/datasets', { id, title: 'Annan', source: 'x', columns: COLUMNS, rows: ROWS });
    expect(again.status).toBe(409);
    const second = await call<View>('analyst', 'POST', '/api/datasets', { title: 'Besök på mottagningarna 2026', source: 'Region Kalmar län', columns: COLUMNS, rows: ROWS });
    expect(second.body.id).toBe(`${id}-2`);
  });

  it('an update replaces columns and rows as a whole, and the audit trail records old → new', async () => {
    const rows = [...ROWS.slice(0, 2), { mottagning: 'Västervik', antal: 61, kostnad: 0.5 }, { mottagning: 'Oskarshamn', antal: 12, kostnad: null }];
    const updated = await call<View>('analyst', 'PUT', `/api/datasets/${id}`, { title: 'Besök 2026', rows });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ title: 'Besök 2026', source: 'Region Kalmar län', rows, totals: { mottagning: 4, antal: 228, kostnad: 1.75 } });

    const [update] = await auditOf(id);
    expect(update).toMatchObject({ operation: 'update', actorName: 'Anna Analytiker' });
    expect(update?.old).toMatchObject({ title: 'Besök på mottagningarna 2026', rows: ROWS });
    expect(update?.new).toMatchObject({ title: 'Besök 2026', rows });

    // the same again writes nothing, and adds nothing to the trail
    expect((await call('analyst', 'PUT', `/api/datasets/${id}`, { title: 'Besök 2026', rows })).status).toBe(200);
    expect(await auditOf(id)).toHaveLength(2);
  });

  it('a text in a number column is refused with its row and column named, and nothing changes', async () => {
    const before = await call<View>('analyst', 'GET', `/api/datasets/${id}`);
    const trail = (await auditOf(id)).length;
    const rows = [{ mottagning: 'Kalmar', antal: 120, kostnad: 1.25 }, { mottagning: 'Nybro', antal: 'trettiofem', kostnad: null }];
    const refused = await call<Problem>('analyst', 'PUT', `/api/datasets/${id}`, { title: 'Ändrad', rows });
    expect(refused.status).toBe(400);
    expect(refused.body.error.code).toBe('invalid_input');
    expect(refused.body.error.details).toEqual([{ where: 'rad 2, kolumn "Antal"', message: '"trettiofem" är inte ett tal' }]);
    expect(refused.body.error.message).toBe('Tabellen kan inte sparas: rad 2, kolumn "Antal": "trettiofem" är inte ett tal');
    expect((await call<View>('analyst', 'GET', `/api/datasets/${id}`)).body).toEqual(before.body);
    expect(await auditOf(id)).toHaveLength(trail);

    const badShape = await call<Problem>('analyst', 'POST', '/api/datasets', { title: '', source: 'x', columns: [{ ...COLUMNS[0], key: 'Mottagning' }], rows: [] });
    expect(badShape.status).toBe(400);
    expect(badShape.body.error.details).toEqual([
      { where: 'title', message: 'får inte vara tom' },
      { where: 'columns[0].key', message: 'får bara innehålla a–z, 0–9 och understreck' },
      { where: 'rows', message: 'tabellen behöver minst en rad' },
    ]);
  });

  it('analysts may write; presenters, secretaries and readers may read but not write', async () => {
    for (const who of ['presenter', 'secretary', 'reader'] as const) {
      expect((await call(who, 'GET', '/api/datasets')).status).toBe(200);
      expect((await call(who, 'GET', `/api/datasets/${id}`)).status).toBe(200);
      expect((await call(who, 'POST', '/api/datasets', { title: 'Obehörig', source: 'x', columns: COLUMNS, rows: ROWS })).status).toBe(403);
      expect((await call(who, 'PUT', `/api/datasets/${id}`, { title: 'Obehörig' })).status).toBe(403);
      expect((await call(who, 'POST', '/api/datasets/paste-preview', { text: 'a\t1', columns: COLUMNS })).status).toBe(403);
    }
    expect((await call<View>('analyst', 'GET', `/api/datasets/${id}`)).body.title).toBe('Besök 2026');
    expect(await t.db.selectFrom('dataset').select('id').where('title', '=', 'Obehörig').execute()).toEqual([]);
    expect((await call('analyst', 'GET', '/api/datasets/finns-inte')).status).toBe(404);
  });

  it('a column a data_table block shows cannot be removed; one no block names can', async () => {
    const meeting = await call<{ meeting: { id: string } }>('secretary', 'POST', '/api/meetings', { body: 'Regionstyrelsen', date: '2026-10-14', planPeriodId: '2026-2028', focusYear: 2026 });
    expect(meeting.status).toBe(201);
    const item = await call<{ id: string }>('secretary', 'POST', `/api/meetings/${meeting.body.meeting.id}/items`, { goalId: '2026-2028:kvalitet', title: 'Mottagningarnas besök' });
    expect(item.status).toBe(201);
    const block = await call('secretary', 'POST', `/api/items/${item.body.id}/blocks`, { block: { type: 'data_table', dataset: id, columns: ['mottagning', 'antal'], totals: true } });
    expect(block.status).toBe(201);

    const current = (await call<View>('analyst', 'GET', `/api/datasets/${id}`)).body;
    const withoutAntal = current.columns.filter((c) => c.key !== 'antal');
    const refused = await call<Problem>('analyst', 'PUT', `/api/datasets/${id}`, { columns: withoutAntal, rows: current.rows.map(({ antal: _gone, ...rest }) => rest) });
    expect(refused.status).toBe(400);
    expect(refused.body.error.details).toEqual([
      { where: 'kolumn "Antal"', message: 'kan inte tas bort: tabellblocket i punkten "Mottagningarnas besök" (Regionstyrelsen 14 oktober 2026) visar den; ta bort kolumnen ur blocket först' },
    ]);
    expect((await call<View>('analyst', 'GET', `/api/datasets/${id}`)).body.columns.map((c) => c.key)).toEqual(['mottagning', 'antal', 'kostnad']);

    const withoutKostnad = await call<View>('analyst', 'PUT', `/api/datasets/${id}`, { columns: current.columns.filter((c) => c.key !== 'kostnad'), rows: current.rows.map(({ kostnad: _gone, ...rest }) => rest) });
    expect(withoutKostnad.status).toBe(200);
    expect(withoutKostnad.body.columns.map((c) => c.key)).toEqual(['mottagning', 'antal']);
    expect(withoutKostnad.body.totals).toEqual({ mottagning: 4, antal: 228 });
  });

  it('reads a paste from Excel without storing anything: rows and notes, or issues naming row and column', async () => {
    const before = await t.db.selectFrom('dataset').select(({ fn }) => fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    const text = 'Mottagning\tAntal\tKostnad\r\nKalmar\t1\u00a0234\t12,5\r\nNybro\t−3\t-\r\nSumma\t1\u00a0231\t12,5\r\n';
    const ok = await call('analyst', 'POST', '/api/datasets/paste-preview', { text, columns: COLUMNS });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({
      ok: true,
      header: true,
      rows: [
        { mottagning: 'Kalmar', antal: 1234, kostnad: 12.5 },
        { mottagning: 'Nybro', antal: -3, kostnad: null },
      ],
      totals: { mottagning: 2, antal: 1231, kostnad: 12.5 },
    });
    expect(ok.body.notes).toContain('Summaraden "Summa" (rad 3) togs bort: summor räknas fram ur raderna och skrivs inte in.');

    const bad = await call('analyst', 'POST', '/api/datasets/paste-preview', { text: 'Kalmar\ttolv\t1\n', columns: COLUMNS });
    expect(bad.body).toEqual({ ok: false, issues: [{ row: 1, column: 'Antal', message: '"tolv" är inte ett tal', text: 'rad 1, kolumn "Antal": "tolv" är inte ett tal' }] });
    const after = await t.db.selectFrom('dataset').select(({ fn }) => fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
  });
});
