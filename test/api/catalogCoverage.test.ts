import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { CATALOG_KINDS } from '../../src/importers/catalog/parse.js';
import { buildApp, type App } from '../../src/server/app.js';
import type { Authenticated } from '../../src/server/auth/principal.js';
import { principal } from '../support/auth.js';
import { demoDatabase } from '../support/demo.js';
import type { TestDatabase } from '../support/testDatabase.js';

/**
 * Every kind of thing the catalog format can hold has an authoring path in the web app's API:
 * the kinds are read from the catalog's own schemas (importers/catalog: each list of entries in
 * each file, and a file that is one entry), so a kind added to the format without a create and
 * an edit route fails here. For each kind the role that owns it creates one and edits it over
 * HTTP, and the audit trail holds both under that person's name. A kind that is only ever part
 * of its parent (a measurement series' values, a table's columns) says which parent's routes
 * author it, and that parent must be covered.
 */
const PEOPLE = {
  secretary: principal(['secretary'], { userId: '00000000-0000-4000-8000-000000000001', displayName: 'Sara Sekreterare' }),
  analyst: principal(['analyst'], { userId: '00000000-0000-4000-8000-000000000004', displayName: 'Anna Analytiker' }),
  admin: principal(['admin'], { userId: '00000000-0000-4000-8000-000000000006', displayName: 'Admin' }),
} satisfies Record<string, Authenticated>;
type Who = keyof typeof PEOPLE;

let t: TestDatabase;
let app: App;
beforeAll(async () => {
  t = await demoDatabase();
  app = await buildApp({ db: t.db, version: 'test', logLevel: 'silent', authenticator: async (request) => PEOPLE[String(request.headers['x-test-as']) as Who] ?? null });
});
afterAll(async () => {
  await app?.close();
  await t?.drop();
});

type Json = Record<string, unknown>;
async function call(who: Who, method: 'POST' | 'PUT' | 'PATCH', url: string, payload: unknown, headers: Record<string, string> = {}): Promise<Json> {
  const r = await app.inject({ method, url, headers: { 'x-test-as': who, ...headers }, payload: payload as object });
  expect(r.statusCode, `${method} ${url}: ${r.body}`).toBeLessThan(300);
  return r.json<Json>();
}

// the kinds, from the schemas ----------------------------------------------------------------

type Def = { type: string; innerType?: z.ZodType; in?: z.ZodType; shape?: Record<string, z.ZodType>; element?: z.ZodType; options?: z.ZodType[] };
const defOf = (s: z.ZodType): Def => (s as unknown as { _zod: { def: Def } })._zod.def;

function unwrap(s: z.ZodType): z.ZodType {
  let d = defOf(s);
  while (true) {
    if (d.innerType && ['default', 'optional', 'nullable', 'prefault', 'readonly', 'catch', 'nonoptional'].includes(d.type)) s = d.innerType;
    else if (d.type === 'pipe' && d.in) s = d.in;
    else return s;
    d = defOf(s);
  }
}

/** An entry: an object, or a union of objects (a content block is one of several shapes). */
function isEntry(s: z.ZodType): boolean {
  const d = defOf(unwrap(s));
  return d.type === 'object' || (d.type === 'union' && (d.options ?? []).every((o) => defOf(unwrap(o)).type === 'object'));
}

function shapeOf(s: z.ZodType): Record<string, z.ZodType> {
  return (unwrap(s) as unknown as { shape: Record<string, z.ZodType> }).shape;
}

/** "organisation.people", "organisation.people.titles", …: every list of entries, at any depth. */
function kindsIn(schema: z.ZodType, prefix: string): string[] {
  const found: string[] = [];
  if (defOf(unwrap(schema)).type !== 'object') return found;
  for (const [key, child] of Object.entries(shapeOf(schema))) {
    const d = defOf(unwrap(child));
    if (d.type !== 'array' || !d.element || !isEntry(d.element)) continue;
    const path = `${prefix}.${key}`;
    found.push(path, ...kindsIn(d.element, path));
  }
  return found;
}

function catalogKinds(): string[] {
  return Object.entries(CATALOG_KINDS).flatMap(([file, schema]) => {
    // a file that is one entry (a meeting) is a kind itself
    const self = 'id' in shapeOf(schema) ? [file] : [];
    return [...self, ...kindsIn(schema, file)];
  });
}

// how each kind is authored --------------------------------------------------------------------

interface Authored {
  /** The table the create lands in, and the one the edit changes (a plan period's goals). */
  created: string;
  edited: string;
}
type Authoring = { by: Who; run: () => Promise<Authored> } | { partOf: string };

const ctx: { meetingId?: string; itemId?: string; blockId?: number; registerId?: string } = {};
const BOUNDARY = '----styrkort-katalog';
function multipart(parts: Array<{ name: string; value: string | Buffer; fileName?: string; type?: string }>): Buffer {
  const chunks: Buffer[] = [];
  for (const p of parts) {
    const disposition = `form-data; name="${p.name}"${p.fileName ? `; filename="${p.fileName}"` : ''}`;
    chunks.push(Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: ${disposition}\r\n${p.type ? `Content-Type: ${p.type}\r\n` : ''}\r\n`), Buffer.isBuffer(p.value) ? p.value : Buffer.from(p.value), Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${BOUNDARY}--\r\n`));
  return Buffer.concat(chunks);
}

async function importCsv(csv: string, name: string): Promise<void> {
  const session = await call('analyst', 'POST', '/api/imports?wait=true', multipart([{ name: 'file', value: csv, fileName: name, type: 'text/csv' }]), { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` });
  const done = await call('analyst', 'POST', `/api/imports/${String(session['id'])}/commit?wait=true`, {});
  expect(done['status']).toBe('committed');
}

const AUTHORING: Record<string, Authoring> = {
  'organisation.areas': {
    by: 'analyst',
    run: async () => {
      await call('analyst', 'POST', '/api/areas', { id: 'tack-enhet', kind: 'unit', name: 'Täckningsenheten', parentId: 'hsf' });
      await call('analyst', 'PATCH', '/api/areas/tack-enhet', { name: 'Täckningsenheten Kalmar' });
      return { created: 'area', edited: 'area' };
    },
  },
  'organisation.people': {
    by: 'secretary',
    run: async () => {
      await call('secretary', 'POST', '/api/people', { id: 'tack-person', name: 'Tina Täck' });
      await call('secretary', 'PATCH', '/api/people/tack-person', { name: 'Tina Täckning' });
      return { created: 'person', edited: 'person' };
    },
  },
  'organisation.people.titles': {
    by: 'secretary',
    run: async () => {
      const person = await call('secretary', 'POST', '/api/people/tack-person/titles', { title: 'utvecklare', validFrom: '2026-01-01' });
      const [title] = person['titles'] as Array<{ id: number }>;
      await call('secretary', 'PATCH', `/api/person-titles/${title!.id}`, { validTo: '2026-12-31' });
      return { created: 'person_title', edited: 'person_title' };
    },
  },
  'plan.goal_lines': {
    by: 'secretary',
    run: async () => {
      await call('secretary', 'POST', '/api/plan-periods', { startYear: 2031, endYear: 2033, goals: [{ lineId: null, name: 'Täckt mål' }] });
      await call('secretary', 'PATCH', '/api/goal-lines/tackt-mal', { aliases: ['Täckt'] });
      return { created: 'goal_line', edited: 'goal_line' };
    },
  },
  'plan.plan_periods': {
    by: 'secretary',
    run: async () => {
      await call('secretary', 'POST', '/api/plan-periods', { startYear: 2034, endYear: 2036, goals: [{ lineId: 'ekonomi', name: 'Ekonomi i balans' }] });
      // a period is its years (its id) and its goals: what is edited is the goals
      await call('secretary', 'PATCH', '/api/plan-periods/2034-2036', { goals: [{ lineId: 'ekonomi', name: 'En ekonomi i balans' }] });
      return { created: 'plan_period', edited: 'goal' };
    },
  },
  'plan.plan_periods.goals': {
    by: 'secretary',
    run: async () => {
      await call('secretary', 'PATCH', '/api/plan-periods/2034-2036', { goals: [{ lineId: 'ekonomi', name: 'En ekonomi i balans' }, { lineId: 'kvalitet', name: 'Kvalitet' }] });
      await call('secretary', 'PATCH', '/api/plan-periods/2034-2036', { goals: [{ lineId: 'ekonomi', name: 'En ekonomi i balans' }, { lineId: 'kvalitet', name: 'Bästa kvalitet' }] });
      return { created: 'goal', edited: 'goal' };
    },
  },
  'plan.focus_areas': {
    by: 'secretary',
    run: async () => {
      await call('secretary', 'PUT', '/api/focus-areas/2031', { lead: 'Tillsammans', areas: ['täcker vi allt'] });
      await call('secretary', 'PUT', '/api/focus-areas/2031', { lead: 'Tillsammans', areas: ['täcker vi det mesta'] });
      return { created: 'focus_area_set', edited: 'focus_area' };
    },
  },
  'indicators.indicators': {
    by: 'analyst',
    run: async () => {
      await call('analyst', 'POST', '/api/indicators', { id: 'tack-indikator', name: 'Täckning', unit: 'antal', decimals: 0, direction: 'neutral', periodType: 'month', kind: 'count', source: 'Test' });
      await call('analyst', 'PATCH', '/api/indicators/tack-indikator', { name: 'Täckningsgrad' });
      return { created: 'indicator', edited: 'indicator' };
    },
  },
  'indicators.indicators.targets': {
    by: 'analyst',
    run: async () => {
      await call('analyst', 'POST', '/api/indicators/tack-indikator/targets', { id: 'tack-mal', comparator: 'gte', threshold: 10, validFromYear: 2026, source: 'local', label: 'Minst 10' });
      await call('analyst', 'PATCH', '/api/targets/tack-mal', { threshold: 12, label: 'Minst 12' });
      return { created: 'target', edited: 'target' };
    },
  },
  'measurements.series': {
    by: 'analyst',
    run: async () => {
      await importCsv('Indikator;Område;Period;Värde\ntack-indikator;0008;2026-01;5\n', 'tack-1.csv');
      await importCsv('Indikator;Område;Period;Värde\ntack-indikator;0008;2026-01;7\n', 'tack-2.csv');
      return { created: 'measurement', edited: 'measurement' };
    },
  },
  'measurements.series.values': { partOf: 'measurements.series' },
  'datasets.datasets': {
    by: 'analyst',
    run: async () => {
      const columns = [
        { key: 'namn', label: 'Namn', type: 'text' },
        { key: 'antal', label: 'Antal', type: 'number', total: 'sum' },
      ];
      await call('analyst', 'POST', '/api/datasets', { id: 'tack-tabell', title: 'Täckning', source: 'Test', columns, rows: [{ namn: 'A', antal: 1 }] });
      await call('analyst', 'PUT', '/api/datasets/tack-tabell', { rows: [{ namn: 'A', antal: 2 }, { namn: 'B', antal: 3 }] });
      return { created: 'dataset', edited: 'dataset' };
    },
  },
  'datasets.datasets.columns': { partOf: 'datasets.datasets' },
  'risks.categories': {
    by: 'analyst',
    run: async () => {
      await call('analyst', 'POST', '/api/risk-categories', { code: '9', label: 'Täckning' });
      await call('analyst', 'PATCH', '/api/risk-categories/9', { label: 'Täckningsrisker' });
      return { created: 'risk_category', edited: 'risk_category' };
    },
  },
  'risks.registers': {
    by: 'analyst',
    run: async () => {
      const register = await call('analyst', 'POST', '/api/risk-registers', { id: 'tack-register', title: 'Täckningsregister', year: 2031 });
      ctx.registerId = String(register['id']);
      await call('analyst', 'PATCH', `/api/risk-registers/${ctx.registerId}`, { year: 2032 });
      return { created: 'risk_register', edited: 'risk_register' };
    },
  },
  'risks.registers.risks': {
    by: 'analyst',
    run: async () => {
      await call('analyst', 'POST', `/api/risk-registers/${ctx.registerId}/risks`, { id: 'tack-risk', categoryCode: '9', title: 'Något saknas', probability: 2, consequence: 3 });
      await call('analyst', 'PATCH', '/api/risks/tack-risk', { consequence: 4 });
      return { created: 'risk', edited: 'risk' };
    },
  },
  'assets.assets': {
    by: 'secretary',
    run: async () => {
      const png = await sharp({ create: { width: 4, height: 3, channels: 3, background: '#336699' } }).png().toBuffer();
      const body = multipart([
        { name: 'alt', value: 'En blå ruta' },
        { name: 'file', value: png, fileName: 'tack.png', type: 'image/png' },
      ]);
      const asset = await call('secretary', 'POST', '/api/assets', body, { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` });
      await call('secretary', 'PATCH', `/api/assets/${String(asset['id'])}`, { alt: 'En blå ruta, fyra gånger tre bildpunkter' });
      return { created: 'asset', edited: 'asset' };
    },
  },
  meeting: {
    by: 'secretary',
    run: async () => {
      const created = await call('secretary', 'POST', '/api/meetings', { body: 'Regionstyrelsen', date: '2031-03-05', planPeriodId: '2026-2028', focusYear: 2026 });
      ctx.meetingId = String((created['meeting'] as Json | undefined)?.['id'] ?? created['id']);
      await call('secretary', 'PATCH', `/api/meetings/${ctx.meetingId}`, { title: 'Informationspunkter, täckning' });
      return { created: 'meeting', edited: 'meeting' };
    },
  },
  'meeting.items': {
    by: 'secretary',
    run: async () => {
      const added = await call('secretary', 'POST', `/api/meetings/${ctx.meetingId}/items`, { goalId: '2026-2028:ekonomi', title: 'Täckt punkt' });
      const items = (added['items'] as Array<{ id: string; title: string }> | undefined) ?? [added as { id: string; title: string }];
      ctx.itemId = items.find((i) => i.title === 'Täckt punkt')?.id;
      await call('secretary', 'PATCH', `/api/items/${ctx.itemId}`, { title: 'Täckt punkt, ändrad' });
      return { created: 'agenda_item', edited: 'agenda_item' };
    },
  },
  'meeting.items.presenters': {
    by: 'secretary',
    run: async () => {
      await call('secretary', 'PUT', `/api/items/${ctx.itemId}/presenters`, { presenters: [{ personId: 'tack-person' }] });
      await call('secretary', 'PUT', `/api/items/${ctx.itemId}/presenters`, { presenters: [{ personId: 'tack-person', titleOverride: 'tf. utvecklare' }] });
      return { created: 'agenda_item_presenter', edited: 'agenda_item_presenter' };
    },
  },
  'meeting.items.blocks': {
    by: 'secretary',
    run: async () => {
      const added = await call('secretary', 'POST', `/api/items/${ctx.itemId}/blocks`, { block: { type: 'text', markdown: 'Täckt text' } });
      const blocks = (added['blocks'] as Array<{ id: number }> | undefined) ?? [];
      const id = blocks.at(-1)?.id ?? added['id'];
      await call('secretary', 'PUT', `/api/items/${ctx.itemId}/blocks/${String(id)}`, { block: { type: 'text', markdown: 'Täckt text, ändrad' } });
      return { created: 'content_block', edited: 'content_block' };
    },
  },
};

interface Entry {
  table: string;
  operation: string;
  actorName: string;
}
async function entriesBy(who: Who, table: string): Promise<Entry[]> {
  const r = await app.inject({ url: `/api/audit?table=${table}&actor=${encodeURIComponent(PEOPLE[who].displayName)}&limit=500`, headers: { 'x-test-as': 'admin' } });
  expect(r.statusCode, r.body).toBe(200);
  return r.json<{ entries: Entry[] }>().entries;
}

describe('every kind the catalog can hold is authored in the API', () => {
  it('reads the kinds from the catalog schemas', () => {
    const kinds = catalogKinds();
    // the reading itself: the kinds everyone knows are found, at every depth
    expect(kinds).toEqual(expect.arrayContaining(['organisation.people.titles', 'plan.plan_periods.goals', 'risks.registers.risks', 'meeting', 'meeting.items.blocks']));
    // and every one of them has an authoring path, and nothing is listed that is not a kind
    expect([...kinds].sort()).toEqual(Object.keys(AUTHORING).sort());
    for (const [kind, a] of Object.entries(AUTHORING)) if ('partOf' in a) expect(AUTHORING[a.partOf], `${kind} → ${a.partOf}`).toHaveProperty('run');
  });

  for (const [kind, authoring] of Object.entries(AUTHORING)) {
    if (!('run' in authoring)) continue;
    it(`${kind}: created and edited by the ${authoring.by === 'secretary' ? 'secretary' : 'analyst'}, both on the audit trail`, async () => {
      const { created, edited } = await authoring.run();
      const ops = async (table: string) => new Set((await entriesBy(authoring.by, table)).map((e) => e.operation));
      expect(await ops(created), `${kind}: insert i ${created}`).toContain('insert');
      expect(await ops(edited), `${kind}: update i ${edited}`).toContain('update');
    });
  }
});
