import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../src/domain/audit.js';
import { buildApp, type App } from '../../src/server/app.js';
import { demoDatabase } from '../support/demo.js';
import { koladaFixture, startKoladaStub, type KoladaStub } from '../support/koladaStub.js';
import { LogCapture, loginAs, sessionHeaders, type Session } from '../support/session.js';
import type { TestDatabase } from '../support/testDatabase.js';

/**
 * Measurements changed through the web app's imports are on the audit trail with the user who
 * made the change and the request it came in: a file committed (new values, changed values, the
 * import batch), the batch undone, a Kolada sync committed. The batch names the user too.
 */
const BUP = 'bup-medelvantetid-forsta-besok';
const BOUNDARY = '----styrkort-granskning';

let t: TestDatabase;
let app: App;
let stub: KoladaStub;
let analyst: Session;
let admin: Session;
const log = new LogCapture();

beforeAll(async () => {
  t = await demoDatabase();
  stub = await startKoladaStub(koladaFixture());
  app = await buildApp({ db: t.db, version: 'test', logLevel: 'info', logStream: log, imports: { maxUploadBytes: 1024 * 1024, koladaUrl: stub.url } });
  analyst = await loginAs(app, 'analytiker');
  admin = await loginAs(app, 'admin');
});
afterAll(async () => {
  await app?.close();
  await stub?.close();
  await t?.drop();
});

async function post(url: string, payload: object | Buffer, headers: Record<string, string> = {}) {
  const seen = log.lines.length;
  const response = await app.inject({ method: 'POST', url, headers: { ...sessionHeaders(analyst, 'POST'), ...headers }, payload });
  const requestId = log.requestIdOf(url, seen);
  if (!requestId) throw new Error(`ingen loggrad för ${url}`);
  return { response, requestId };
}

async function trail(requestId: string): Promise<AuditEntry[]> {
  const r = await app.inject({ url: `/api/audit?requestId=${requestId}&limit=1000`, headers: sessionHeaders(admin) });
  expect(r.statusCode, r.body).toBe(200);
  return r.json<{ entries: AuditEntry[] }>().entries.reverse();
}

function summary(entries: readonly AuditEntry[]): string[] {
  return [...new Set(entries.map((e) => `${e.table}:${e.operation}`))].sort();
}

describe('imports on the audit trail', () => {
  let batchId: number;

  it('records a committed file with the user and the commit’s request', async () => {
    const csv = `Indikator;Område;Period;Värde\n${BUP};bup;2024-12;29,9\n${BUP};bup;2026-05;23,5\n`;
    const file = Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="bup.csv"\r\nContent-Type: text/csv\r\n\r\n${csv}\r\n--${BOUNDARY}--\r\n`);
    const upload = await post('/api/imports?wait=true', file, { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` });
    expect(upload.response.statusCode, upload.response.body).toBe(200);
    const session = upload.response.json<{ id: string; report: { counts: object } }>();
    expect(session.report.counts).toEqual({ new: 1, changed: 1, unchanged: 0, errors: 0 });
    expect(await trail(upload.requestId)).toEqual([]); // the preview writes nothing

    const commit = await post(`/api/imports/${session.id}/commit?wait=true`, { expect: { new: 1, changed: 1, unchanged: 0 } });
    const done = commit.response.json<{ status: string; report: { batchId: number } }>();
    expect(done.status, commit.response.body).toBe('committed');
    batchId = done.report.batchId;
    const entries = await trail(commit.requestId);
    expect(summary(entries)).toEqual(['import_batch:insert', 'measurement:insert', 'measurement:update']);
    for (const e of entries) expect(e, e.table).toMatchObject({ actorId: analyst.userId, actorName: 'Demo Analytiker', requestId: commit.requestId });
    expect(entries.find((e) => e.table === 'import_batch')?.new).toMatchObject({ id: batchId, created_by: 'Demo Analytiker', file_name: 'bup.csv' });
    const changed = entries.find((e) => e.table === 'measurement' && e.operation === 'update');
    expect([changed?.old?.value, changed?.new?.value].map(Number)).toEqual([30.2, 29.9]);
  });

  it('records undoing the batch with the user and the undo’s request', async () => {
    const undo = await post(`/api/import-batches/${batchId}/undo`, {});
    expect(undo.response.statusCode, undo.response.body).toBe(200);
    const entries = await trail(undo.requestId);
    expect(summary(entries)).toEqual(['import_batch:update', 'measurement:delete', 'measurement:update']);
    for (const e of entries) expect(e, e.table).toMatchObject({ actorId: analyst.userId, actorName: 'Demo Analytiker' });
    expect(entries.find((e) => e.table === 'import_batch')?.new).toMatchObject({ undone_by: 'Demo Analytiker' });
  });

  it('records a Kolada sync with the user and the sync’s request', async () => {
    const mapped = await app.inject({ method: 'PUT', url: '/api/kolada/mappings', headers: sessionHeaders(analyst, 'PUT'), payload: { kpi: 'U79119', indicatorId: 'kolada-bup-utredning-behandling-30-dagar' } });
    expect(mapped.statusCode, mapped.body).toBe(200);
    const sync = await post('/api/kolada/sync', { kpis: 'U79119', regions: ['0008'], years: '2024-2025', dryRun: false });
    expect(sync.response.statusCode, sync.response.body).toBe(200);
    expect(sync.response.json()).toMatchObject({ committed: true, counts: { new: 2 } });
    const entries = await trail(sync.requestId);
    expect(summary(entries)).toEqual(['import_batch:insert', 'measurement:insert']);
    for (const e of entries) expect(e, e.table).toMatchObject({ actorId: analyst.userId, actorName: 'Demo Analytiker' });
  });
});
