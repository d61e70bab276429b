import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/server/app.js';
import { principal } from '../support/auth.js';
import { appOn, demoDatabase } from '../support/demo.js';
import type { TestDatabase } from '../support/testDatabase.js';

/**
 * Statement tables through the authoring API, in-process on the demo data: a table with a sum
 * row and a derived "Förändring %" column is stored and previewed with the change computed from
 * the stored counts; a formula that refers to itself (or a derived column that names a missing
 * column) is refused with 400, the row or column named in Swedish at its field, and nothing
 * stored changes.
 */
const NBSP = '\u00a0';
const SECRETARY = principal(['secretary'], { userId: '00000000-0000-4000-8000-000000000001', displayName: 'Sara Sekreterare' });

let t: TestDatabase;
let app: App;
let itemId = '';
let meetingId = '';

async function call(method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) {
  const r = await app.inject({ method, url, ...(payload === undefined ? {} : { payload: payload as object }) });
  return { status: r.statusCode, body: r.json() as Record<string, unknown> & { error?: { message: string; details: Array<{ where: string; message: string }> } } };
}

interface AItem {
  id: string;
  version: string;
  blocks: Array<{ id: number; block: Record<string, unknown> }>;
}

const storedItem = async (): Promise<AItem> => {
  const r = await call('GET', `/api/meetings/${meetingId}/authoring`);
  expect(r.status).toBe(200);
  const found = (r.body as unknown as { items: AItem[] }).items.find((i) => i.id === itemId);
  if (!found) throw new Error(`ingen punkt ${itemId}`);
  return found;
};

/** Tillbud and skador 2023 against 2022 (data/demo/measurements/arbetsmiljo.yaml): 738/631 and 547/594. */
const STATEMENT = {
  type: 'statement_table',
  title: 'Tillbud och skador 2023',
  area: '0008',
  unit: 'antal',
  rows: [
    { key: 'tillbud', label: 'Tillbud', indicator: 'tillbud-antal' },
    { key: 'skador', label: 'Skador', indicator: 'skador-antal' },
    { key: 'summa', label: 'Tillbud och skador', formula: 'tillbud + skador' },
  ],
  columns: [
    { key: 'utfall', label: 'Utfall', period: '2023' },
    { key: 'fjol', label: 'Samma period i fjol', period: '2022' },
    { key: 'forandring', label: 'Förändring %', derived: 'change_percent', of: ['utfall', 'fjol'] },
  ],
};

beforeAll(async () => {
  t = await demoDatabase();
  app = await appOn(t, SECRETARY);
  const created = await call('POST', '/api/meetings', { body: 'Regionstyrelsen', date: '2026-10-14', planPeriodId: '2026-2028', focusYear: 2026 });
  expect(created.status).toBe(201);
  meetingId = (created.body as unknown as { meeting: { id: string } }).meeting.id;
  const item = await call('POST', `/api/meetings/${meetingId}/items`, { goalId: '2026-2028:ekonomi', title: 'Arbetsmiljö' });
  expect(item.status).toBe(201);
  itemId = (item.body as unknown as { id: string }).id;
});
afterAll(async () => {
  await app.close();
  await t.drop();
});

describe('statement tables with derived columns', () => {
  it('stores a table with a sum row and a "Förändring %" column; the preview computes the change from the stored counts', async () => {
    const put = await call('PUT', `/api/items/${itemId}/blocks`, { blocks: [STATEMENT] });
    expect(put.status).toBe(200);
    const stored = await storedItem();
    expect(stored.blocks.map((b) => b.block)).toEqual([
      {
        ...STATEMENT,
        columns: [
          { key: 'utfall', label: 'Utfall', period: '2023', scenario: 'utfall', asOf: '' },
          { key: 'fjol', label: 'Samma period i fjol', period: '2022', scenario: 'utfall', asOf: '' },
          STATEMENT.columns[2],
        ],
      },
    ]);

    const preview = await call('POST', '/api/blocks/preview', { meetingId, block: STATEMENT });
    expect(preview.status).toBe(200);
    const view = preview.body as unknown as { columns: Array<{ label: string; kind: string; basis: string | null }>; rows: Array<{ label: string; cells: Array<{ display: string }> }> };
    expect(view.columns.map((c) => [c.label, c.kind, c.basis])).toEqual([
      ['Utfall', 'value', null],
      ['Samma period i fjol', 'value', null],
      ['Förändring %', 'change_percent', 'Utfall mot Samma period i fjol'],
    ]);
    // (738 − 631) / 631 = +17,0 %; (547 − 594) / 594 = −7,9 %; (1 285 − 1 225) / 1 225 = +4,9 %
    expect(view.rows.map((r) => [r.label, ...r.cells.map((c) => c.display)])).toEqual([
      ['Tillbud', '738', '631', `+17,0${NBSP}%`],
      ['Skador', '547', '594', `\u22127,9${NBSP}%`],
      ['Tillbud och skador', `1${NBSP}285`, `1${NBSP}225`, `+4,9${NBSP}%`],
    ]);
  });

  it('refuses a formula that refers to itself with 400, the row named in Swedish at its field, and leaves the stored blocks as they were', async () => {
    const before = await storedItem();
    const selfReferring = { ...STATEMENT, rows: STATEMENT.rows.map((r) => (r.key === 'summa' ? { ...r, formula: 'tillbud + skador + summa' } : r)) };
    const r = await call('PUT', `/api/items/${itemId}/blocks`, { blocks: [{ type: 'text', markdown: 'Ny text' }, selfReferring] });
    expect(r.status).toBe(400);
    expect(r.body.error?.details).toEqual([{ where: 'blocks[1].rows[2].formula', message: 'rad "Tillbud och skador": formeln hänvisar till sig själv' }]);
    expect(r.body.error?.message).toBe('Blocket kan inte sparas: blocks[1].rows[2].formula: rad "Tillbud och skador": formeln hänvisar till sig själv');
    expect(await storedItem()).toEqual(before);

    // the live preview says the same, at the same field
    const preview = await call('POST', '/api/blocks/preview', { meetingId, block: selfReferring });
    expect(preview.status).toBe(400);
    expect(preview.body.error?.details).toEqual([{ where: 'block.rows[2].formula', message: 'rad "Tillbud och skador": formeln hänvisar till sig själv' }]);
  });

  it('refuses a cycle through another row and a derived column naming a missing column, each at its field', async () => {
    const before = await storedItem();
    const bad = {
      ...STATEMENT,
      rows: [...STATEMENT.rows.slice(0, 2), { key: 'summa', label: 'Tillbud och skador', formula: 'tillbud + kontroll' }, { key: 'kontroll', label: 'Kontroll', formula: 'summa - skador' }],
      columns: [...STATEMENT.columns.slice(0, 2), { key: 'avvikelse', label: 'Avvikelse', derived: 'difference', of: ['utfall', 'budget'] }],
    };
    const r = await call('PUT', `/api/items/${itemId}/blocks`, { blocks: [bad] });
    expect(r.status).toBe(400);
    expect(r.body.error?.details).toEqual([
      { where: 'blocks[0].rows[2].formula', message: 'rad "Tillbud och skador": formeln hänvisar till sig själv via "Kontroll"' },
      { where: 'blocks[0].rows[3].formula', message: 'rad "Kontroll": formeln hänvisar till sig själv via "Tillbud och skador"' },
      { where: 'blocks[0].columns[2].of[1]', message: 'kolumn "Avvikelse": kolumnen "budget" finns inte' },
    ]);
    expect(await storedItem()).toEqual(before);
  });
});
