import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_THEME } from '../../src/reports/theme.js';
import type { App } from '../../src/server/app.js';
import { meetingDeck, renderMeetingDeck } from '../../src/services/deck.js';
import { principal } from '../support/auth.js';
import { appOn, demoDatabase } from '../support/demo.js';
import { decodeXml, readPptx } from '../support/pptxRead.js';
import type { TestDatabase } from '../support/testDatabase.js';

/**
 * Derived statement columns in the board pack, from the demo data: the packs' "Prognos, budget,
 * avvikelse" (the forecasts after April and October 2025 against the budget: −123 and +71 mnkr,
 * as the packs print them) and "Utfall, samma period i fjol, förändring %", in the deck's table
 * model, the PowerPoint table and the web deck (which the PDF prints).
 */
const S = '\u00a0';
const M = '\u2212';
const settings = { theme: DEFAULT_THEME, chromiumPath: '/finns-inte/chromium' };

const FORECAST = {
  type: 'statement_table',
  title: 'Resultatprognos 2025',
  area: '0008',
  unit: 'mnkr',
  rows: [
    { key: 'resultat', label: 'Årets resultat', indicator: 'arets-resultat' },
    { key: 'balanskrav', label: 'Resultat enligt balanskravet', indicator: 'balanskravsresultat' },
  ],
  columns: [
    { key: 'april', label: 'Prognos efter april', period: '2025', scenario: 'prognos', asOf: '2025-04' },
    { key: 'oktober', label: 'Prognos efter oktober', period: '2025', scenario: 'prognos', asOf: '2025-10' },
    { key: 'budget', label: 'Budget', period: '2025', scenario: 'budget' },
    { key: 'avv_april', label: 'Avvikelse april', derived: 'difference', of: ['april', 'budget'] },
    { key: 'avv_oktober', label: 'Avvikelse oktober', derived: 'difference', of: ['oktober', 'budget'] },
  ],
};

const OUTCOME = {
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

const FORECAST_TABLE = [
  ['mnkr', 'Prognos efter april', 'Prognos efter oktober', 'Budget', 'Avvikelse april', 'Avvikelse oktober'],
  ['Årets resultat', '241', '435', '364', `${M}123`, '+71'],
  // no budget is stored for the balanskravsresultat: its deviations are missing, not computed from 0
  ['Resultat enligt balanskravet', '296,0', '351,0', '–', '–', '–'],
];
const OUTCOME_TABLE = [
  ['antal', 'Utfall', 'Samma period i fjol', 'Förändring %'],
  ['Tillbud', '738', '631', `+17,0${S}%`],
  ['Skador', '547', '594', `${M}7,9${S}%`],
  ['Tillbud och skador', `1${S}285`, `1${S}225`, `+4,9${S}%`],
];

let t: TestDatabase;
let app: App;
let meetingId = '';

beforeAll(async () => {
  t = await demoDatabase();
  app = await appOn(t, principal(['secretary']));
  const send = async (method: 'POST' | 'PUT', url: string, payload: object) => {
    const r = await app.inject({ method, url, payload });
    if (r.statusCode >= 300) throw new Error(`${method} ${url} → ${r.statusCode}: ${r.body}`);
    return r.json<Record<string, unknown>>();
  };
  const created = await send('POST', '/api/meetings', { body: 'Regionstyrelsen', date: '2026-11-18', planPeriodId: '2026-2028', focusYear: 2026 });
  meetingId = (created.meeting as { id: string }).id;
  const item = await send('POST', `/api/meetings/${meetingId}/items`, { goalId: '2026-2028:ekonomi', title: 'Ekonomi och arbetsmiljö' });
  await send('PUT', `/api/items/${String(item.id)}/blocks`, { blocks: [FORECAST, OUTCOME] });
});
afterAll(async () => {
  await app.close();
  await t.drop();
});

describe('derived statement columns in the board pack', () => {
  it('the deck’s table model has the derived columns with their figures', async () => {
    const { deck } = await meetingDeck(t.db, meetingId);
    const table = (title: string) => {
      const body = deck.slides.find((s) => s.title === title)?.body;
      if (body?.kind !== 'table') throw new Error(`ingen tabell "${title}"`);
      return [body.columns.map((c) => c.label), ...body.rows.map((r) => r.cells)];
    };
    expect(table(FORECAST.title)).toEqual(FORECAST_TABLE);
    expect(table(OUTCOME.title)).toEqual(OUTCOME_TABLE);
    // the derived columns add no period to the note
    expect(deck.slides.find((s) => s.title === FORECAST.title)?.note?.periods).toEqual(['2025']);
  });

  it('PowerPoint: a real table with the derived columns, minus as U+2212', async () => {
    const { slides } = await readPptx((await renderMeetingDeck(t.db, meetingId, 'pptx', settings)).bytes);
    const table = (title: string) => {
      const slide = slides.find((s) => s.shapes.some((x) => x.placeholder === 'title' && x.paragraphs.map((p) => p.text).join(' ') === title));
      return slide?.shapes.find((x) => x.table !== null)?.table ?? null;
    };
    expect(table(FORECAST.title)).toEqual(FORECAST_TABLE);
    expect(table(OUTCOME.title)).toEqual(OUTCOME_TABLE);
  });

  it('the web deck (and so the PDF): the same table, headers and cells', async () => {
    const html = (await renderMeetingDeck(t.db, meetingId, 'html', settings)).bytes.toString('utf8');
    const table = (title: string) => {
      const section = [...html.matchAll(/<section class="slide"[\s\S]*?<\/section>/g)].map((m) => m[0]).find((s) => s.includes(`>${title}</h3>`));
      const rows = [...(section ?? '').matchAll(/<tr\b[^>]*>([\s\S]*?)<\/tr>/g)].map((r) =>
        [...(r[1] as string).matchAll(/<t[hd]\b[^>]*>([\s\S]*?)<\/t[hd]>/g)].map((c) => decodeXml((c[1] as string).replace(/<span class="sr-only">[\s\S]*?<\/span>/g, '').replace(/<[^>]+>/g, ''))),
      );
      return rows;
    };
    expect(table(FORECAST.title)).toEqual(FORECAST_TABLE);
    expect(table(OUTCOME.title)).toEqual(OUTCOME_TABLE);
  });
});
