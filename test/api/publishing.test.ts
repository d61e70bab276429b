import { createHash } from 'node:crypto';
import pg from 'pg';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_DIR, PACKAGE_ROOT } from '../../src/config/paths.js';
import { buildApp, type App } from '../../src/server/app.js';
import type { Authenticated } from '../../src/server/auth/principal.js';
import { loadDemo } from '../../src/services/startup.js';
import { principal } from '../support/auth.js';
import { demoDatabase } from '../support/demo.js';
import type { TestDatabase } from '../support/testDatabase.js';

/**
 * A published board pack never changes: after every attempt to change the meeting, its data or
 * its files — through the API, and directly in SQL as the application's role (and as the owner)
 * — the stored files have the SHA-256 recorded at publishing, and board members are served those
 * very bytes. A correction is a new version; the old one stays readable; a withdrawal needs a
 * reason and is recorded.
 */
const PEOPLE: Record<string, Authenticated> = {
  secretary: principal(['secretary'], { userId: '00000000-0000-4000-8000-000000000011', displayName: 'Sara Sekreterare' }),
  reader: principal(['reader'], { userId: '00000000-0000-4000-8000-000000000012', displayName: 'Ledamot' }),
  presenter: principal(['presenter'], { userId: '00000000-0000-4000-8000-000000000013', displayName: 'Helena Nilsson', personId: 'helena-nilsson' }),
};
const MEETING = 'rs-2026-05-06';
const FORMATS = ['pptx', 'pdf', 'html'] as const;

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

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

async function call(who: string, method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, payload?: object) {
  return app.inject({ method, url, headers: { 'x-test-as': who }, ...(payload ? { payload } : {}) });
}

interface Version {
  version: number;
  missingFormats: string[];
  withdrawal: { reason: string; by: string } | null;
  artifacts: Array<{ format: string; sha256: string; size: number }>;
}

/** What is stored now: per version and format, the recorded hash and the hash of the bytes. */
async function stored(): Promise<Array<{ version: number; format: string; recorded: string; actual: string }>> {
  const r = await sql<{ version: number; format: string; recorded: string; actual: string }>`
    select version, format, sha256 as recorded, encode(sha256(bytes), 'hex') as actual
    from meeting_artifact where meeting_id = ${MEETING} order by version, format`.execute(t.db);
  return r.rows;
}

let v1: Version;

describe('publishing a meeting', () => {
  it('the demo meetings are published as version 1: three formats and the data snapshot, each with its SHA-256', async () => {
    const r = await call('reader', 'GET', `/api/meetings/${MEETING}/versions`);
    expect(r.statusCode).toBe(200);
    const versions = r.json<Version[]>();
    expect(versions.map((v) => v.version)).toEqual([1]);
    v1 = versions[0] as Version;
    expect(v1.missingFormats).toEqual([]);
    expect(v1.artifacts.map((a) => a.format).sort()).toEqual(['html', 'json', 'pdf', 'pptx']);
    for (const a of v1.artifacts) expect(a.sha256).toMatch(/^[0-9a-f]{64}$/);
    for (const format of FORMATS) {
      const file = await call('reader', 'GET', `/api/meetings/${MEETING}/versions/1/deck.${format}`);
      expect(file.statusCode).toBe(200);
      expect(sha256(file.rawPayload)).toBe(v1.artifacts.find((a) => a.format === format)?.sha256);
      expect(file.headers['x-content-sha256']).toBe(sha256(file.rawPayload));
    }
    // the snapshot is the meeting view the files were built from
    const snapshot = await call('reader', 'GET', `/api/meetings/${MEETING}/versions/1`);
    expect(snapshot.json()).toMatchObject({ meeting: { id: MEETING, status: 'published' }, heading: 'Regionstyrelsen 6 maj 2026' });
    const all = await stored();
    expect(all.every((a) => a.recorded === a.actual)).toBe(true);
  });

  it('board members are served the stored files of the published version', async () => {
    for (const format of FORMATS) {
      const r = await call('reader', 'GET', `/api/meetings/${MEETING}/deck.${format}`);
      expect(r.statusCode).toBe(200);
      expect(sha256(r.rawPayload)).toBe(v1.artifacts.find((a) => a.format === format)?.sha256);
      expect(r.headers['x-styrkort-version']).toBe('1');
    }
  });

  it('loading the demo again publishes nothing new', async () => {
    const again = await loadDemo(t.db, DEMO_DIR, PACKAGE_ROOT);
    expect(again.published).toEqual([]);
    const n = await sql<{ n: number }>`select count(*)::int as n from meeting_version`.execute(t.db);
    expect(n.rows[0]?.n).toBe(4);
  });
});

describe('nothing changes a published version', () => {
  it('the API refuses to change the published meeting, its items, or to publish it again', async () => {
    const item = `${MEETING}-infrastruktur`;
    expect((await call('secretary', 'PATCH', `/api/items/${item}`, { title: 'Ändrad' })).statusCode).toBe(409);
    expect((await call('secretary', 'PUT', `/api/items/${item}/blocks`, { blocks: [] })).statusCode).toBe(409);
    expect((await call('secretary', 'DELETE', `/api/items/${item}`)).statusCode).toBe(409);
    expect((await call('secretary', 'PATCH', `/api/meetings/${MEETING}`, { title: 'Ändrad' })).statusCode).toBe(409);
    expect((await call('secretary', 'POST', `/api/meetings/${MEETING}/publish`)).statusCode).toBe(409);
    expect((await call('presenter', 'POST', `/api/meetings/${MEETING}/publish`)).statusCode).toBe(403);
    expect((await call('reader', 'POST', `/api/meetings/${MEETING}/versions/1/withdraw`, { reason: 'fel' })).statusCode).toBe(403);
    const noReason = await call('secretary', 'POST', `/api/meetings/${MEETING}/versions/1/withdraw`, { reason: '  ' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json()).toMatchObject({ error: { details: [{ where: 'reason', message: 'skäl krävs (minst 3 tecken)' }] } });
  });

  it('the application role may not change or delete versions or files in SQL; the owner is stopped by triggers', async () => {
    const role = await sql<{ u: string }>`select current_user as u`.execute(t.db);
    expect(role.rows[0]?.u).toBe('styrkort_app');
    const attempts = [
      `update meeting_artifact set bytes = 'x'::bytea where meeting_id = '${MEETING}'`,
      `update meeting_artifact set sha256 = repeat('0', 64) where meeting_id = '${MEETING}'`,
      `delete from meeting_artifact where meeting_id = '${MEETING}'`,
      `truncate meeting_artifact cascade`,
      `update meeting_version set published_by = 'någon annan' where meeting_id = '${MEETING}'`,
      `delete from meeting_version where meeting_id = '${MEETING}'`,
      `insert into meeting_artifact (meeting_id, version, format, file_name, content_type, bytes, size, sha256) values ('${MEETING}', 1, 'pdf', 'x.pdf', 'application/pdf', 'x'::bytea, 1, repeat('0', 64))`,
      `alter table meeting_artifact disable trigger all`,
      `update audit_log set actor_name = 'ingen'`,
      `delete from audit_log`,
    ];
    for (const statement of attempts) await expect(sql.raw(statement).execute(t.db), statement).rejects.toThrow();

    const owner = new pg.Client({ connectionString: t.url });
    await owner.connect();
    try {
      expect((await owner.query<{ u: string }>('select current_user as u')).rows[0]?.u).not.toBe('styrkort_app');
      for (const statement of attempts.slice(0, 6)) await expect(owner.query(statement), `som ägare: ${statement}`).rejects.toThrow(/oföränderlig|kan inte/);
    } finally {
      await owner.end();
    }
  });

  it('changing the live data in SQL as the application changes nothing that was published', async () => {
    await sql`update measurement set value = value + 1 where value is not null`.execute(t.db);
    await sql`update measurement set numerator = numerator + 1 where numerator is not null`.execute(t.db);
    await sql`update agenda_item set title = title || ' (ändrad)' where meeting_id = ${MEETING}`.execute(t.db);
    await sql`delete from content_block where item_id in (select id from agenda_item where meeting_id = ${MEETING})`.execute(t.db);
    const view = await call('reader', 'GET', `/api/meetings/${MEETING}`);
    expect(JSON.stringify(view.json())).not.toContain('(ändrad)');
    for (const format of FORMATS) {
      const r = await call('reader', 'GET', `/api/meetings/${MEETING}/deck.${format}`);
      expect(sha256(r.rawPayload)).toBe(v1.artifacts.find((a) => a.format === format)?.sha256);
    }
    const all = await stored();
    expect(all.every((a) => a.recorded === a.actual)).toBe(true);
    expect(all.map((a) => [a.format, a.recorded])).toEqual(v1.artifacts.map((a) => [a.format, a.sha256]).sort((a, b) => String(a[0]).localeCompare(String(b[0]))));
  });
});

describe('corrections and withdrawals', () => {
  it('a correction is a new version; the old one stays readable and unchanged', async () => {
    const started = await call('secretary', 'POST', `/api/meetings/${MEETING}/correction`);
    expect(started.statusCode).toBe(200);
    expect(started.json()).toMatchObject({ status: 'draft' });
    // meanwhile board members still read version 1
    const reading = await call('reader', 'GET', `/api/meetings/${MEETING}`);
    expect(reading.statusCode).toBe(200);
    expect(reading.json()).toMatchObject({ meeting: { status: 'published' } });
    expect((await call('reader', 'GET', '/api/meetings')).json<Array<{ id: string }>>().map((m) => m.id)).toContain(MEETING);

    expect((await call('presenter', 'PATCH', `/api/items/${MEETING}-infrastruktur`, { title: 'Infrastruktur (rättad)' })).statusCode).toBe(200);
    const published = await call('secretary', 'POST', `/api/meetings/${MEETING}/publish`);
    expect(published.statusCode).toBe(201);
    const v2 = published.json<Version>();
    expect(v2.version).toBe(2);
    expect(v2.artifacts.find((a) => a.format === 'pptx')?.sha256).not.toBe(v1.artifacts.find((a) => a.format === 'pptx')?.sha256);

    const reader = await call('reader', 'GET', `/api/meetings/${MEETING}/deck.html`);
    expect(reader.headers['x-styrkort-version']).toBe('2');
    expect(reader.body).toContain('Infrastruktur (rättad)');
    for (const format of FORMATS) {
      const old = await call('reader', 'GET', `/api/meetings/${MEETING}/versions/1/deck.${format}`);
      expect(sha256(old.rawPayload)).toBe(v1.artifacts.find((a) => a.format === format)?.sha256);
    }
  });

  it('a withdrawal needs a reason, is recorded once, and board members fall back to the previous version', async () => {
    const r = await call('secretary', 'POST', `/api/meetings/${MEETING}/versions/2/withdraw`, { reason: 'Fel siffra i tillgänglighetsavsnittet' });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ version: 2, withdrawal: { reason: 'Fel siffra i tillgänglighetsavsnittet', by: 'Sara Sekreterare' } });
    expect((await call('secretary', 'POST', `/api/meetings/${MEETING}/versions/2/withdraw`, { reason: 'igen' })).statusCode).toBe(409);
    await expect(sql`update meeting_version set withdrawn_at = null, withdrawn_by = null, withdrawal_reason = null where meeting_id = ${MEETING} and version = 2`.execute(t.db)).rejects.toThrow(/redan återkallad/);

    expect((await call('reader', 'GET', `/api/meetings/${MEETING}/deck.pdf`)).headers['x-styrkort-version']).toBe('1');
    const gone = await call('reader', 'GET', `/api/meetings/${MEETING}/versions/2/deck.pdf`);
    expect(gone.statusCode).toBe(404);
    expect(gone.json<{ error: { message: string } }>().error.message).toContain('återkallad: Fel siffra');
    expect((await call('secretary', 'GET', `/api/meetings/${MEETING}/versions/2/deck.pdf`)).statusCode).toBe(200);
    const audit = await sql<{ n: number }>`select count(*)::int as n from audit_log where table_name = 'meeting_version' and operation = 'update' and new_row->>'withdrawal_reason' = 'Fel siffra i tillgänglighetsavsnittet' and actor_name = 'Sara Sekreterare'`.execute(t.db);
    expect(audit.rows[0]?.n).toBe(1);
  });

  it('publishing by people needs all three formats: without Chromium it is refused, naming what to install, and nothing is stored', async () => {
    const before = process.env.STYRKORT_CHROMIUM;
    process.env.STYRKORT_CHROMIUM = '/finns-inte/chromium';
    const noChromium = await buildApp({ db: t.db, version: 'test', logLevel: 'silent', authenticator: async () => PEOPLE.secretary ?? null });
    try {
      expect((await noChromium.inject({ method: 'POST', url: `/api/meetings/${MEETING}/correction` })).statusCode).toBe(200);
      const r = await noChromium.inject({ method: 'POST', url: `/api/meetings/${MEETING}/publish` });
      expect(r.statusCode).toBe(503);
      const message = r.json<{ error: { message: string } }>().error.message;
      expect(message).toContain('kan inte publiceras utan alla tre format');
      expect(message).toContain('apt install chromium');
      expect(message).toContain('STYRKORT_CHROMIUM');
      const versions = await sql<{ n: number }>`select max(version)::int as n from meeting_version where meeting_id = ${MEETING}`.execute(t.db);
      expect(versions.rows[0]?.n).toBe(2);
      expect((await call('secretary', 'GET', `/api/meetings/${MEETING}/authoring`)).json()).toMatchObject({ meeting: { status: 'draft' } });
    } finally {
      if (before === undefined) delete process.env.STYRKORT_CHROMIUM;
      else process.env.STYRKORT_CHROMIUM = before;
      await noChromium.close();
    }
    const all = await stored();
    expect(all.every((a) => a.recorded === a.actual)).toBe(true);
    expect(all.filter((a) => a.version === 1).map((a) => a.recorded).sort()).toEqual(v1.artifacts.map((a) => a.sha256).sort());
  });

  it('an archived meeting stays readable and is no longer corrected or published', async () => {
    const v3 = await call('secretary', 'POST', `/api/meetings/${MEETING}/publish`);
    expect(v3.json<Version>().version).toBe(3);
    expect((await call('presenter', 'POST', `/api/meetings/${MEETING}/archive`)).statusCode).toBe(403);
    const archived = await call('secretary', 'POST', `/api/meetings/${MEETING}/archive`);
    expect(archived.json()).toMatchObject({ status: 'archived' });
    expect((await call('secretary', 'POST', `/api/meetings/${MEETING}/correction`)).statusCode).toBe(409);
    expect((await call('secretary', 'POST', `/api/meetings/${MEETING}/publish`)).statusCode).toBe(409);
    expect((await call('secretary', 'POST', `/api/meetings/${MEETING}/archive`)).statusCode).toBe(409);
    const list = (await call('reader', 'GET', '/api/meetings')).json<Array<{ id: string; status: string }>>();
    expect(list.find((m) => m.id === MEETING)).toMatchObject({ status: 'archived' });
    expect((await call('reader', 'GET', `/api/meetings/${MEETING}/deck.pptx`)).headers['x-styrkort-version']).toBe('3');
    const versions = (await call('reader', 'GET', `/api/meetings/${MEETING}/versions`)).json<Version[]>();
    expect(versions.map((v) => [v.version, v.withdrawal?.reason ?? null])).toEqual([[3, null], [2, 'Fel siffra i tillgänglighetsavsnittet'], [1, null]]);
  });

  it('two people publishing at once: one version, and the other is told 409, not an error', async () => {
    const other = 'rs-2025-12-10';
    expect((await call('secretary', 'POST', `/api/meetings/${other}/correction`)).statusCode).toBe(200);
    const both = await Promise.all([call('secretary', 'POST', `/api/meetings/${other}/publish`), call('secretary', 'POST', `/api/meetings/${other}/publish`)]);
    expect(both.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    const loser = both.find((r) => r.statusCode === 409)!;
    expect(loser.json().error.message).toMatch(/^Sammanträdet (rs-2025-12-10 )?(publicerades samtidigt av någon annan|är redan publicerat)/);
    const versions = (await call('reader', 'GET', `/api/meetings/${other}/versions`)).json<Version[]>();
    expect(versions.map((v) => v.version)).toEqual([2, 1]);
  });
});
