import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../src/domain/audit.js';
import { buildApp, type App } from '../../src/server/app.js';
import { DEMO_USERS } from '../../src/services/demoUsers.js';
import { demoDatabase } from '../support/demo.js';
import { LogCapture, loginAs, sessionHeaders, type Session } from '../support/session.js';
import type { TestDatabase } from '../support/testDatabase.js';

/**
 * Users and roles on the audit trail (migration 20261122T1400): an administrator creates a user,
 * changes their roles, disables them and sets a new password over HTTP, logged in for real —
 * each change is on record with the administrator as actor and the request's id, and no entry,
 * export or row of audit_log holds a password hash.
 */
let t: TestDatabase;
let app: App;
let admin: Session;
const log = new LogCapture();

beforeAll(async () => {
  t = await demoDatabase();
  app = await buildApp({ db: t.db, version: 'test', logLevel: 'info', logStream: log });
  admin = await loginAs(app, 'admin');
});
afterAll(async () => {
  await app?.close();
  await t?.drop();
});

/** A change as the administrator, with the id pino gave its request (from the captured log). */
async function change(method: 'POST' | 'PATCH', url: string, payload: object): Promise<{ response: LightMyRequestResponse; requestId: string }> {
  const seen = log.lines.length;
  const response = await app.inject({ method, url, headers: sessionHeaders(admin, method), payload });
  const requestId = log.requestIdOf(url, seen);
  if (!requestId) throw new Error(`ingen loggrad för ${method} ${url}`);
  return { response, requestId };
}

async function entriesOf(requestId: string): Promise<AuditEntry[]> {
  const r = await app.inject({ url: `/api/audit?requestId=${requestId}`, headers: sessionHeaders(admin) });
  expect(r.statusCode, r.body).toBe(200);
  return r.json<{ entries: AuditEntry[] }>().entries.reverse();
}

const brief = (e: AuditEntry) => [e.table, e.operation];

describe('users and roles on the audit trail', () => {
  let userId: string;

  it('records a new user, their local account and roles: who, which request, without the hash', async () => {
    const { response, requestId } = await change('POST', '/api/users', { username: 'anna.berg', displayName: 'Anna Berg', password: 'budget-2026-kalmar', roles: ['analyst'], email: 'anna.berg@example.org' });
    expect(response.statusCode, response.body).toBe(201);
    userId = response.json<{ id: string }>().id;
    const entries = await entriesOf(requestId);
    expect(entries.map(brief)).toEqual([
      ['app_user', 'insert'],
      ['local_credential', 'insert'],
      ['user_role', 'insert'],
    ]);
    for (const e of entries) expect(e, `${e.table}`).toMatchObject({ actorId: admin.userId, actorName: 'Demo Administratör', requestId, dbRole: 'styrkort_app' });
    const [user, credential, role] = entries as [AuditEntry, AuditEntry, AuditEntry];
    expect(user).toMatchObject({ rowKey: { id: userId }, old: null, new: { id: userId, display_name: 'Anna Berg', email: 'anna.berg@example.org', disabled_at: null } });
    expect(credential).toMatchObject({ rowKey: { user_id: userId }, new: { user_id: userId, username: 'anna.berg' } });
    expect(Object.keys(credential.new ?? {}).sort()).toEqual(['updated_at', 'user_id', 'username']);
    expect(role).toMatchObject({ rowKey: { user_id: userId, role: 'analyst' }, new: { user_id: userId, role: 'analyst' } });
  });

  it('records roles granted and taken away, each under its own request', async () => {
    const granted = await change('PATCH', `/api/users/${userId}`, { roles: ['analyst', 'secretary'] });
    expect(granted.response.statusCode, granted.response.body).toBe(200);
    expect((await entriesOf(granted.requestId)).map((e) => [...brief(e), e.rowKey.role, e.actorId])).toEqual([['user_role', 'insert', 'secretary', admin.userId]]);

    const taken = await change('PATCH', `/api/users/${userId}`, { roles: ['secretary'] });
    expect(taken.response.statusCode, taken.response.body).toBe(200);
    const entries = await entriesOf(taken.requestId);
    expect(entries.map((e) => [...brief(e), e.rowKey.role])).toEqual([['user_role', 'delete', 'analyst']]);
    expect(entries[0]).toMatchObject({ old: { user_id: userId, role: 'analyst' }, new: null, actorName: 'Demo Administratör', requestId: taken.requestId });
  });

  it('records disabling and enabling a user, old → new', async () => {
    const disabled = await change('PATCH', `/api/users/${userId}`, { disabled: true });
    expect(disabled.response.statusCode, disabled.response.body).toBe(200);
    const [entry, ...rest] = await entriesOf(disabled.requestId);
    expect(rest).toEqual([]);
    expect(entry).toMatchObject({ table: 'app_user', operation: 'update', rowKey: { id: userId }, actorId: admin.userId, old: { disabled_at: null } });
    expect(entry?.new?.disabled_at).toEqual(expect.any(String));

    const enabled = await change('PATCH', `/api/users/${userId}`, { disabled: false });
    expect((await entriesOf(enabled.requestId)).map((e) => [...brief(e), e.old?.disabled_at === null, e.new?.disabled_at])).toEqual([['app_user', 'update', false, null]]);
  });

  it('records a new password as a change of the account, never the hash', async () => {
    const before = await sql<{ password_hash: string }>`select password_hash from local_credential where user_id = ${userId}`.execute(t.db);
    const { response, requestId } = await change('POST', `/api/users/${userId}/password`, { password: 'nytt-lösen-för-anna' });
    expect(response.statusCode, response.body).toBe(200);
    const after = await sql<{ password_hash: string }>`select password_hash from local_credential where user_id = ${userId}`.execute(t.db);
    expect(after.rows[0]?.password_hash).not.toBe(before.rows[0]?.password_hash);
    const entries = await entriesOf(requestId);
    expect(entries.map(brief)).toEqual([['local_credential', 'update']]);
    expect(entries[0]).toMatchObject({ actorId: admin.userId, requestId, old: { username: 'anna.berg' }, new: { username: 'anna.berg' } });
    expect(entries[0]?.old?.updated_at).not.toBe(entries[0]?.new?.updated_at);
  });

  it('records the demo accounts as made by the demo load', async () => {
    const r = await app.inject({ url: '/api/audit?table=local_credential', headers: sessionHeaders(admin) });
    const entries = r.json<{ entries: AuditEntry[] }>().entries.filter((e) => e.actorName === 'demo');
    expect(entries.map((e) => e.new?.username).sort()).toEqual(DEMO_USERS.map((u) => u.username).sort());
    expect(entries.every((e) => e.actorId === null && e.requestId === null && e.operation === 'insert')).toBe(true);
  });

  it('holds no password hash anywhere: not in audit_log, not in the exports', async () => {
    const hashes = await sql<{ password_hash: string }>`select password_hash from local_credential`.execute(t.db);
    expect(hashes.rows.length).toBe(DEMO_USERS.length + 1);
    const stored = await sql<{ n: number; hashes: number }>`
      select count(*)::int as n,
             count(*) filter (where coalesce(old_row, '{}') ? 'password_hash' or coalesce(new_row, '{}') ? 'password_hash'
                                 or concat(old_row::text, new_row::text, row_key::text) like '%scrypt$%')::int as hashes
      from audit_log where table_name in ('app_user', 'user_role', 'user_identity', 'local_credential')`.execute(t.db);
    expect(stored.rows[0]?.n).toBeGreaterThan(3 * DEMO_USERS.length);
    expect(stored.rows[0]?.hashes).toBe(0);
    const everything = await sql<{ text: string }>`select string_agg(concat(old_row::text, new_row::text), '') as text from audit_log`.execute(t.db);
    for (const { password_hash } of hashes.rows) expect(everything.rows[0]?.text).not.toContain(password_hash.split('$').at(-1));

    const csv = await app.inject({ url: '/api/audit.csv?table=local_credential', headers: sessionHeaders(admin) });
    expect(csv.statusCode).toBe(200);
    expect(csv.body).toContain('anna.berg');
    expect(csv.body).not.toMatch(/scrypt|password_hash/);
    const xlsx = await app.inject({ url: '/api/audit.xlsx?table=local_credential', headers: sessionHeaders(admin) });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const cells: string[] = [];
    book.getWorksheet('Granskningslogg')?.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.value))));
    expect(cells.join('\n')).toContain('anna.berg');
    expect(cells.join('\n')).not.toMatch(/scrypt|password_hash/);
  });

  it('records a change made by hand in SQL with the database role as its actor', async () => {
    await sql`update app_user set display_name = 'Anna Berg (SQL)' where id = ${userId}`.execute(t.db);
    const r = await app.inject({ url: `/api/audit?table=app_user&rowKey=${userId}&limit=1`, headers: sessionHeaders(admin) });
    expect(r.json<{ entries: AuditEntry[] }>().entries[0]).toMatchObject({ actorId: null, actorName: 'styrkort_app', requestId: null, old: { display_name: 'Anna Berg' }, new: { display_name: 'Anna Berg (SQL)' } });
  });
});
