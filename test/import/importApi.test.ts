import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { buildApp, type App } from '../../src/server/app.js';
import { ADMIN, principal } from '../support/auth.js';

const OTHER_ANALYST = principal(['analyst'], { userId: '00000000-0000-4000-8000-00000000000b', displayName: 'Annan analytiker' });
import { demoDatabase } from '../support/demo.js';
import { csvBytes, xlsxBytes } from '../support/importFiles.js';
import { koladaFixture, startKoladaStub, type KoladaStub } from '../support/koladaStub.js';
import type { TestDatabase } from '../support/testDatabase.js';

let t: TestDatabase;
let app: App;
let stub: KoladaStub;
beforeAll(async () => {
  t = await demoDatabase();
  stub = await startKoladaStub(koladaFixture());
  app = await buildApp({ db: t.db, version: 'test', logLevel: 'silent', imports: { maxUploadBytes: 64 * 1024, koladaUrl: stub.url }, authenticator: async (request) => (request.headers['x-test-who'] === 'other-analyst' ? OTHER_ANALYST : ADMIN) });
});
afterAll(async () => {
  await app.close();
  await stub.close();
  await t.drop();
});

function multipart(fileName: string, bytes: Buffer, field = 'file') {
  const boundary = '----styrkort-test-boundary';
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`);
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return { payload: Buffer.concat([head, bytes, tail]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

type Session = {
  id: string;
  status: string;
  issuesTotal: number;
  error: { code: string; message: string } | null;
  report: null | {
    counts: { new: number; changed: number; unchanged: number; errors: number };
    unresolved: Array<{ kind: string; text: string; suggestions: Array<{ id: string }> }>;
    changes: Array<{ old: { text: string }; new: { text: string } }>;
    batchId: number | null;
    issues: Array<{ row: number; column: string; rule: string }>;
  };
};

async function upload(fileName: string, bytes: Buffer, query = '?wait=true') {
  return app.inject({ method: 'POST', url: `/api/imports${query}`, ...multipart(fileName, bytes) });
}

async function settled(id: string): Promise<Session> {
  for (let i = 0; i < 200; i++) {
    const s = (await app.inject({ url: `/api/imports/${id}` })).json<Session>();
    if (s.status !== 'analysing' && s.status !== 'committing') return s;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('blev aldrig klar');
}

const BUP = 'bup-medelvantetid-forsta-besok';

describe('the import page’s HTTP flow: upload → mapping → preview → commit', () => {
  it('previews, maps an unknown name, commits as one batch, lists it and undoes it', async () => {
    const bytes = await xlsxBytes([
      { name: 'Utfall', rows: [['Indikator', 'Område', 'Period', 'Värde'], [BUP, 'BUP', '2024-12', 29.9], [BUP, 'Barn- och ungdomspsyk', '2026-04', 24.1]] },
    ]);
    const uploaded = await upload('bup.xlsx', bytes);
    expect(uploaded.statusCode).toBe(200);
    const first = uploaded.json<Session>();
    expect(first.status).toBe('ready');
    expect(first.report?.counts).toEqual({ new: 0, changed: 1, unchanged: 0, errors: 1 });
    expect(first.report?.changes.map((c) => [c.old.text, c.new.text])).toEqual([['30,2\u00a0dagar', '29,9\u00a0dagar']]);
    const unknown = first.report?.unresolved[0];
    expect(unknown).toMatchObject({ kind: 'area', text: 'Barn- och ungdomspsyk' });
    expect(unknown?.suggestions[0]?.id).toBe('bup');

    const refused = (await app.inject({ method: 'POST', url: `/api/imports/${first.id}/commit?wait=true`, payload: {} })).json<Session>();
    expect(refused.status).toBe('ready');
    expect(refused.error?.message).toBe('Filen har 1 fel och sparades inte. Rätta filen, koppla okända namn, eller välj att hoppa över raderna med fel.');

    const mapped = await app.inject({ method: 'PUT', url: '/api/import-mappings', payload: { kind: 'area', text: 'Barn- och ungdomspsyk', targetId: 'bup' } });
    expect(mapped.statusCode).toBe(200);
    const again = (await app.inject({ method: 'POST', url: `/api/imports/${first.id}/analyse?wait=true`, payload: {} })).json<Session>();
    expect(again.report?.counts).toEqual({ new: 1, changed: 1, unchanged: 0, errors: 0 });

    const committed = await app.inject({ method: 'POST', url: `/api/imports/${first.id}/commit?wait=true`, payload: { expect: { new: 1, changed: 1, unchanged: 0 } } });
    const done = committed.json<Session>();
    expect(done.status).toBe('committed');
    const batchId = done.report?.batchId as number;
    expect(batchId).toBeGreaterThan(0);

    const list = (await app.inject({ url: '/api/import-batches?limit=5' })).json<{ total: number; batches: Array<{ id: number; kind: string; fileName: string; createdBy: string }> }>();
    expect(list.batches[0]).toMatchObject({ id: batchId, kind: 'xlsx', fileName: 'bup.xlsx', createdBy: ADMIN.displayName });
    const detail = (await app.inject({ url: `/api/import-batches/${batchId}` })).json<{ changes: Array<{ areaName: string; periodLabel: string; old: { text: string }; new: { text: string } }> }>();
    expect(detail.changes.map((c) => [c.areaName, c.periodLabel, c.old.text, c.new.text])).toEqual([['Barn- och ungdomspsykiatrin', 'december 2024', '30,2\u00a0dagar', '29,9\u00a0dagar']]);

    const undo = await app.inject({ method: 'POST', url: `/api/import-batches/${batchId}/undo` });
    expect(undo.json()).toMatchObject({ deleted: 1, restored: 1 });
    const twice = await app.inject({ method: 'POST', url: `/api/import-batches/${batchId}/undo` });
    expect(twice.statusCode).toBe(409);
    expect(twice.json<{ error: { message: string } }>().error.message).toMatch(new RegExp(`^Inläsning ${batchId} ångrades redan `));
    const gone = await app.inject({ method: 'POST', url: `/api/imports/${first.id}/commit`, payload: {} });
    expect(gone.statusCode).toBe(409);
  });

  it('keeps an upload to its uploader: another analyst is told it does not exist, and cannot commit or discard it', async () => {
    const mine = (await upload('min.csv', csvBytes(`Indikator;Område;Period;Värde\n${BUP};bup;2026-03;25,3\n`))).json<Session>();
    const other = { 'x-test-who': 'other-analyst' };
    for (const request of [
      { method: 'GET' as const, url: `/api/imports/${mine.id}` },
      { method: 'GET' as const, url: `/api/imports/${mine.id}/issues` },
      { method: 'POST' as const, url: `/api/imports/${mine.id}/commit`, payload: { skipInvalid: false } },
      { method: 'DELETE' as const, url: `/api/imports/${mine.id}` },
    ]) {
      const response = await app.inject({ ...request, headers: other });
      expect(response.statusCode, `${request.method} ${request.url}`).toBe(404);
    }
    // the uploader still has it, untouched
    expect((await app.inject({ url: `/api/imports/${mine.id}` })).json<Session>().status).toBe('ready');
    expect((await app.inject({ method: 'DELETE', url: `/api/imports/${mine.id}` })).statusCode).toBeLessThan(300);
  });

  it('answers 202 at once and shows progress until the analysis is done', async () => {
    const accepted = await upload('liten.csv', csvBytes(`Indikator;Område;Period;Värde\n${BUP};BUP;2026-05;22\n`, 'windows-1252'), '');
    expect(accepted.statusCode).toBe(202);
    const session = accepted.json<Session>();
    expect(['analysing', 'ready']).toContain(session.status);
    const ready = await settled(session.id);
    expect(ready.report?.counts).toEqual({ new: 1, changed: 0, unchanged: 0, errors: 0 });
    const deleted = await app.inject({ method: 'DELETE', url: `/api/imports/${session.id}` });
    expect(deleted.statusCode).toBe(204);
    const missing = await app.inject({ url: `/api/imports/${session.id}` });
    expect(missing.statusCode).toBe(404);
    expect(missing.json<{ error: { message: string } }>().error.message).toBe(`Uppladdningen ${session.id} finns inte (den kan ha gått ut; ladda upp filen igen)`);
  });

  it('offers the problems as XLSX and CSV in which nothing reads as a formula', async () => {
    const session = (await upload('fel.csv', csvBytes(`Indikator;Område;Period;Värde\n${BUP};BUP;2026-06;=HYPERLINK("http://x","klicka")\n${BUP};@fel;2026-06;1\n`))).json<Session>();
    expect(session.issuesTotal).toBe(2);
    const csv = await app.inject({ url: `/api/imports/${session.id}/errors.csv` });
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toBe(`attachment; filename="fel-fel.csv"; filename*=UTF-8''fel-fel.csv`);
    expect(csv.body).toContain(`;2;D;"'=HYPERLINK(""http://x"",""klicka"")";tal;`);
    expect(csv.body).toContain(`;3;B;'@fel;okänt område;`);
    const xlsx = await app.inject({ url: `/api/imports/${session.id}/errors.xlsx` });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const cells: unknown[] = [];
    workbook.getWorksheet('Fel')?.eachRow((row) => row.eachCell((cell) => cells.push(cell.type === ExcelJS.ValueType.Formula ? 'FORMEL' : cell.value)));
    expect(cells).not.toContain('FORMEL');
    expect(cells).toContain(`'=HYPERLINK("http://x","klicka")`);
    const page = (await app.inject({ url: `/api/imports/${session.id}/issues?limit=1&offset=1` })).json<{ total: number; issues: Array<{ row: number }> }>();
    expect(page).toMatchObject({ total: 2, issues: [{ row: 3 }] });
  });

  it('refuses files past the size limit, zip bombs and requests without a file — in Swedish', async () => {
    const big = await upload('stor.csv', Buffer.alloc(70 * 1024, 0x41));
    expect(big.statusCode).toBe(413);
    expect(big.json()).toMatchObject({ error: { code: 'too_large', message: 'Filen är större än gränsen på 0,06 MB' } });

    const zip = new JSZip();
    zip.file('xl/worksheets/sheet1.xml', Buffer.alloc(8 * 1024 * 1024));
    const bomb = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
    expect(bomb.length).toBeLessThan(64 * 1024);
    const failed = (await upload('bomb.xlsx', bomb)).json<Session>();
    expect(failed.status).toBe('failed');
    expect(failed.error?.message).toMatch(/^Filen kan inte läsas som XLSX: .*misstänkt zip-bomb$/);

    const plain = await app.inject({ method: 'POST', url: '/api/imports', payload: { hej: 1 } });
    expect(plain.statusCode).toBe(400);
    expect(plain.json<{ error: { message: string } }>().error.message).toBe('Skicka filen som multipart/form-data i fältet "file"');
  });

  it('maps a Kolada KPI and previews a sync', async () => {
    const mapped = await app.inject({ method: 'PUT', url: '/api/kolada/mappings', payload: { kpi: 'U79119', indicatorId: 'kolada-bup-utredning-behandling-30-dagar' } });
    expect(mapped.json()).toMatchObject({ kpiId: 'U79119', kpiTitle: expect.stringContaining('BUP'), createdBy: ADMIN.displayName });
    const sync = await app.inject({ method: 'POST', url: '/api/kolada/sync', payload: { kpis: 'U79119', regions: ['0008'], years: '2024-2025', dryRun: true } });
    expect(sync.statusCode).toBe(200);
    expect(sync.json()).toMatchObject({ dryRun: true, committed: false, counts: { new: 2, changed: 0, unchanged: 0, errors: 0 } });
  });

  it('describes the import routes in the OpenAPI document', async () => {
    const doc = (await app.inject({ url: '/api/openapi.json' })).json<{ paths: Record<string, unknown> }>();
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/imports', '/api/imports/{id}', '/api/imports/{id}/commit', '/api/import-batches/{id}/undo', '/api/kolada/sync']));
  });
});
