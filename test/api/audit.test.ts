import ExcelJS from 'exceljs';
import pg from 'pg';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../src/server/app.js';
import type { Authenticated } from '../../src/server/auth/principal.js';
import { principal } from '../support/auth.js';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase.js';

/**
 * The audit trail over HTTP: who (the user, or the database role for SQL by hand), when (UTC),
 * what, old → new, request id; filtered and exported as CSV and XLSX with formula-safe cells;
 * append-only even for the database's owner.
 */
const PEOPLE: Record<string, Authenticated> = {
  analyst: principal(['analyst'], { userId: '00000000-0000-4000-8000-000000000021', displayName: '=HYPERLINK("http://x","Anna")' }),
  admin: principal(['admin'], { userId: '00000000-0000-4000-8000-000000000022', displayName: 'Admin' }),
  secretary: principal(['secretary'], { userId: '00000000-0000-4000-8000-000000000023', displayName: 'Sara' }),
};

let t: TestDatabase;
let app: App;
let ownerRole: string;
beforeAll(async () => {
  t = await createTestDatabase();
  app = await buildApp({ db: t.db, version: 'test', logLevel: 'silent', authenticator: async (request) => PEOPLE[String(request.headers['x-test-as'])] ?? null });
  await sql`insert into goal_line (id) values ('kvalitet')`.execute(t.db);
  const created = await app.inject({ method: 'POST', url: '/api/indicators', headers: { 'x-test-as': 'analyst' }, payload: { id: 'vantetid', name: 'Väntetid', unit: 'dagar', decimals: 1, direction: 'lower_is_better', periodType: 'month', kind: 'value', source: 'Test', goalLineIds: ['kvalitet'] } });
  expect(created.statusCode).toBe(201);
  await sql`update indicator set name = 'Väntetid (ändrad i SQL)' where id = 'vantetid'`.execute(t.db);
  const owner = new pg.Client({ connectionString: t.url });
  await owner.connect();
  try {
    ownerRole = (await owner.query<{ u: string }>('select current_user as u')).rows[0]?.u as string;
    await owner.query(`update indicator set short_name = 'VT' where id = 'vantetid'`);
  } finally {
    await owner.end();
  }
});
afterAll(async () => {
  await app.close();
  await t.drop();
});

interface Entry {
  id: number;
  at: string;
  actorId: string | null;
  actorName: string;
  dbRole: string;
  requestId: string | null;
  table: string;
  rowKey: Record<string, unknown>;
  operation: string;
  old: Record<string, unknown> | null;
  new: Record<string, unknown> | null;
}

async function audit(query: string): Promise<{ entries: Entry[]; nextBeforeId: number | null }> {
  const r = await app.inject({ url: `/api/audit${query}`, headers: { 'x-test-as': 'admin' } });
  expect(r.statusCode, r.body).toBe(200);
  return r.json();
}

describe('the audit trail', () => {
  it('records who, when in UTC, what, old → new and the request', async () => {
    const { entries } = await audit('?table=indicator');
    expect(entries.map((e) => [e.operation, e.actorName, e.dbRole])).toEqual([
      ['update', ownerRole, ownerRole],
      ['update', 'styrkort_app', 'styrkort_app'],
      ['insert', '=HYPERLINK("http://x","Anna")', 'styrkort_app'],
    ]);
    const [byOwner, bySql, byApi] = entries as [Entry, Entry, Entry];
    expect(byApi).toMatchObject({ actorId: PEOPLE.analyst?.userId, rowKey: { id: 'vantetid' }, old: null, new: { id: 'vantetid', name: 'Väntetid', unit: 'dagar' } });
    expect(byApi.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(byApi.at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    expect(bySql).toMatchObject({ actorId: null, requestId: null, old: { name: 'Väntetid' }, new: { name: 'Väntetid (ändrad i SQL)' } });
    expect(byOwner).toMatchObject({ old: { short_name: null }, new: { short_name: 'VT' } });
    // the goal line link was recorded in the same request
    const same = await audit(`?requestId=${byApi.requestId}`);
    expect(same.entries.map((e) => e.table).sort()).toEqual(['indicator', 'indicator_goal_line']);
  });

  it('filters by actor, row key and time, and pages newest first', async () => {
    expect((await audit('?actor=Anna')).entries.map((e) => e.table).sort()).toEqual(['indicator', 'indicator_goal_line']);
    expect((await audit(`?actor=${PEOPLE.analyst?.userId}`)).entries).toHaveLength(2);
    expect((await audit('?actor=styrkort_app')).entries.length).toBeGreaterThanOrEqual(3);
    expect((await audit('?rowKey=vantetid')).entries).toHaveLength(4);
    expect((await audit(`?rowKey=${encodeURIComponent('{"goal_line_id":"kvalitet"}')}`)).entries.map((e) => e.table)).toEqual(['indicator_goal_line']);
    expect((await audit('?from=2999-01-01')).entries).toEqual([]);
    expect((await audit('?to=2000-01-01T00:00:00Z')).entries).toEqual([]);
    const first = await audit('?limit=2');
    expect(first.entries).toHaveLength(2);
    expect(first.nextBeforeId).toBe(first.entries[1]?.id);
    const second = await audit(`?limit=2&before=${first.nextBeforeId}`);
    expect(second.entries[0]?.id).toBeLessThan(first.entries[1]?.id as number);
    const bad = await app.inject({ url: '/api/audit?from=igår', headers: { 'x-test-as': 'admin' } });
    expect(bad.statusCode).toBe(400);
    const badKey = await app.inject({ url: `/api/audit?rowKey=${encodeURIComponent('{"id":')}`, headers: { 'x-test-as': 'admin' } });
    expect(badKey.statusCode).toBe(400);
    expect(badKey.json<{ error: { message: string } }>().error.message).toContain('JSON-objekt');
  });

  it('exports as CSV and XLSX where no cell becomes a formula, for administrators only', async () => {
    const csv = await app.inject({ url: '/api/audit.csv?table=indicator', headers: { 'x-test-as': 'admin' } });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toMatch(/^attachment; filename="granskningslogg-\d{4}-\d{2}-\d{2}-\d{2}-\d{2}-\d{2}\.csv"/);
    const lines = csv.body.replace(/^\ufeff/, '').trim().split('\r\n');
    expect(lines[0]).toBe('id;tid (UTC);vem;användar-id;databasroll;förfrågan;tabell;rad;ändring;fält;före;efter');
    expect(lines).toHaveLength(4);
    expect(lines[3]).toContain(`;"'=HYPERLINK(""http://x"",""Anna"")";`);

    const xlsx = await app.inject({ url: '/api/audit.xlsx?table=indicator', headers: { 'x-test-as': 'admin' } });
    expect(xlsx.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('Granskningslogg');
    expect(sheet?.getRow(4).getCell(3).value).toBe(`'=HYPERLINK("http://x","Anna")`);
    expect(sheet?.getRow(4).getCell(9).value).toBe('ny');
    expect(sheet?.getRow(2).getCell(10).value).toBe('short_name');

    for (const url of ['/api/audit', '/api/audit.csv', '/api/audit.xlsx']) {
      expect((await app.inject({ url, headers: { 'x-test-as': 'secretary' } })).statusCode, url).toBe(403);
      expect((await app.inject({ url })).statusCode, url).toBe(401);
    }
  });

  it('is append-only: neither the application nor the owner may change or delete an entry', async () => {
    for (const statement of ['update audit_log set actor_name = $$x$$', 'delete from audit_log', 'truncate audit_log']) {
      await expect(sql.raw(statement).execute(t.db), statement).rejects.toThrow(/permission denied|behörighet|nekad/i);
    }
    const owner = new pg.Client({ connectionString: t.url });
    await owner.connect();
    try {
      for (const statement of ['update audit_log set actor_name = $$x$$', 'delete from audit_log', 'truncate audit_log']) {
        await expect(owner.query(statement), statement).rejects.toThrow(/audit_log är oföränderlig/);
      }
    } finally {
      await owner.end();
    }
    expect((await audit('?table=indicator')).entries).toHaveLength(3);
  });
});
