import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { Locator, Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareGolden } from '../support/golden.js';
import { pptxGoldenText } from '../support/pptxGolden.js';
import { readPptx, slideText } from '../support/pptxRead.js';
import { browserSession } from './support/webApp.js';

/**
 * A meeting the demo does not have, made in the web app alone by the people who make a pack, in
 * order, on one server: the analyst pastes a table from Excel (Swedish numbers, a computed sum)
 * and makes a risk register with two risks; the secretary adds a person with a title, makes the
 * meeting of 25 November 2026 with an empty agenda, adds an item under a goal with the new person
 * (her title printed otherwise on this agenda) and Helen Persson, and writes the item: a text
 * with three key figures on one slide, the pasted table with its total, the new register's risks,
 * a forecast–budget statement with its deviation, and a timeline with an "H1 2029" milestone and
 * a phase outside its parent; Helen uploads a picture into her item, saves and marks it ready;
 * the secretary publishes. The published PowerPoint, PDF and web deck are then read back and
 * compared with goldens under test/e2e/golden/new-meeting/ (UPDATE_GOLDEN=1 writes them anew).
 * Nothing is created through the API; the API is only read, to see what was stored. Every page
 * and state visited has no axe violations. The three formats say the same: the key figures'
 * targets on the composed slide, the timeline's dates in the PDF (both found missing here first).
 */
const NBSP = '\u00a0';
const MINUS = '\u2212';
const GOLDEN = path.join(import.meta.dirname, 'golden', 'new-meeting');

const DATASET_TITLE = 'Besök per förvaltning oktober 2026';
const DATASET_ID = 'besok-per-forvaltning-oktober-2026';
// as Excel puts it on the clipboard: tabs, CRLF, a no-break space as thousands separator (and a plain one)
const PASTE = ['Förvaltning\tAntal', `HSF\t1${NBSP}234`, 'Primärvård\t567', 'Psykiatri\t1 089', ''].join('\r\n');

const REGISTER_TITLE = 'Internkontroll primärvårdens telefoni';
const REGISTER_ID = 'internkontroll-primarvardens-telefoni-2026';

const PERSON = 'Sofia Lindqvist';
const PERSON_ID = 'sofia-lindqvist';
const PERSON_TITLE = 'biträdande hälso- och sjukvårdsdirektör';
const PERSON_TITLE_ON_AGENDA = 'tf. hälso- och sjukvårdsdirektör';

const MEETING = 'regionstyrelsen-2026-11-25';
const MEETING_NAME = 'Regionstyrelsen 25 november 2026';
const GOAL = 'Sveriges bästa kvalitet, tillgänglighet och säkerhet';
const ITEM = 'Tillgänglighet hösten 2026';
const ITEM_ID = `${MEETING}-tillganglighet-hosten-2026`;
const TEXT = 'Nästan alla samtal till vårdcentralerna besvaras samma dag, och väntan till BUP blir kortare.';
const WITH_PREVIOUS = 'På samma bild som blocket ovanför';
const STATEMENT_TITLE = 'Resultatprognos 2025 efter oktober';
const TIMELINE_TITLE = 'Ny vårdcentral i Kalmar';
const IMAGE_FILE = 'ritning-vardcentral.png';
const IMAGE_ALT = 'Ritning av den nya vårdcentralens entréplan';

interface StoredBlock {
  type: string;
  [key: string]: unknown;
}

interface AuthoringAnswer {
  meeting: { id: string; date: string; status: string };
  items: Array<{ id: string; goalId: string; title: string; ready: boolean; presenters: Array<{ personId: string; name: string; titleOverride: string | null }>; blocks: Array<{ block: StoredBlock }> }>;
}

describe('a new meeting made in the web app by the analyst, the secretary and a presenter, then published', () => {
  // a slow machine (another suite beside this one) gets time; every wait below is for something to happen
  const web = browserSession({ timeout: 60_000 });
  const accessible = (page: Page, name: string) => web.expectAccessible(page, `nytt-mote-${name}`);
  const open = (user: string, where: string) => web.open(where, { user });

  let files = '';
  let png = '';
  beforeAll(async () => {
    files = await mkdtemp(path.join(os.tmpdir(), 'styrkort-nytt-mote-'));
    png = path.join(files, IMAGE_FILE);
    await writeFile(png, await sharp({ create: { width: 400, height: 240, channels: 3, background: { r: 30, g: 110, b: 90 } } }).png().toBuffer());
  });
  afterAll(async () => {
    if (files !== '') await rm(files, { recursive: true, force: true });
  });

  async function getJson<T>(page: Page, where: string): Promise<T> {
    const response = await page.request.get(`${web.url}${where}`);
    expect(response.status(), where).toBe(200);
    return (await response.json()) as T;
  }
  const authoring = (page: Page) => getJson<AuthoringAnswer>(page, `/api/meetings/${MEETING}/authoring`);
  const storedItem = async (page: Page) => (await authoring(page)).items.find((i) => i.id === ITEM_ID);

  /** The cells of a table (or of one row), row by row, as text: visually hidden words left out, no-break spaces kept. */
  const cells = (table: Locator) =>
    table.evaluate((t) =>
      (t.matches('tr') ? [t] : [...t.querySelectorAll('tr')]).map((tr) =>
        [...tr.children].map((cell) => {
          const copy = cell.cloneNode(true) as HTMLElement;
          copy.querySelectorAll('.visually-hidden').forEach((n) => n.remove());
          return (copy.textContent ?? '').replace(/[ \t\r\n]+/g, ' ').trim();
        }),
      ),
    );

  const addBlock = async (page: Page, type: string, n: number): Promise<Locator> => {
    await page.getByLabel('Typ av block').selectOption({ label: type });
    await page.getByRole('button', { name: 'Lägg till block' }).click();
    const block = page.locator('.block-editor').nth(n - 1);
    await block.getByRole('heading', { level: 3, name: `Block ${n}: ${type}` }).waitFor();
    return block;
  };
  const caption = (block: Locator) => block.locator('.slide-caption').innerText();
  const previewText = (block: Locator) => block.locator('.block-preview').innerText();

  /** Every answer of 400 or more a page gets, with its body: said when a wait for a preview fails. */
  function refusalsOf(page: Page): string[] {
    const refused: string[] = [];
    page.on('response', (r) => {
      if (r.status() < 400) return;
      const where = `${r.request().method()} ${new URL(r.url()).pathname} → ${r.status()}`;
      r.text().then(
        (body) => refused.push(`${where}: ${body.slice(0, 500)} (sent: ${(r.request().postData() ?? '').slice(0, 500)})`),
        () => refused.push(where),
      );
    });
    return refused;
  }

  /** Until the block's preview shows `text`; on failure the message says what the server refused meanwhile. */
  async function untilPreviewShows(block: Locator, text: string, refused: readonly string[]): Promise<void> {
    try {
      await expect.poll(() => previewText(block), { timeout: 60_000 }).toContain(text);
    } catch (error) {
      throw new Error(`${(error as Error).message}\nförhandsvisningen: ${JSON.stringify(await previewText(block).catch(() => ''))}\nnekade svar: ${JSON.stringify(refused, null, 2)}`, { cause: error });
    }
  }

  // ------------------------------------------------------------------------------------------
  // 1. The analyst: a table and a risk register
  // ------------------------------------------------------------------------------------------

  it('analyst, Tabeller: a table pasted from Excel with Swedish numbers, its sum computed, saved', async () => {
    const page = await open('analytiker', '/tabeller');
    await page.getByRole('heading', { level: 1, name: 'Tabeller' }).waitFor();
    await page.locator('table.dataset-list tbody tr').first().waitFor();
    await accessible(page, 'tabeller');
    await page.getByRole('link', { name: 'Ny tabell' }).click();
    await page.getByRole('heading', { level: 1, name: 'Ny tabell' }).waitFor();
    await page.waitForLoadState('networkidle');

    await page.getByLabel('Titel', { exact: true }).fill(DATASET_TITLE);
    await page.getByLabel('Källa', { exact: true }).fill('Region Kalmar län, vårdadministrativa systemet');
    await page.getByRole('textbox', { name: 'Klistra in från Excel' }).fill(PASTE);
    await page.getByRole('button', { name: 'Läs in raderna' }).click();
    const status = page.locator('.paste-status');
    await expect.poll(() => status.innerText()).toContain('3 rader lästes in.');
    expect(await page.locator('.column-card legend').allInnerTexts()).toEqual(['Kolumn 1: Förvaltning', 'Kolumn 2: Antal']);
    expect(await page.getByRole('group', { name: 'Kolumn 2: Antal' }).getByLabel('Typ').inputValue()).toBe('number');
    // both ways of grouping thousands are read as the same kind of number
    expect(await page.getByLabel('Rad 1, Antal', { exact: true }).inputValue()).toBe('1234');
    expect(await page.getByLabel('Rad 3, Antal', { exact: true }).inputValue()).toBe('1089');

    await page.getByRole('group', { name: 'Kolumn 2: Antal' }).getByLabel('Summaraden').selectOption('sum');
    expect(await page.locator('table.grid-table tfoot th').innerText()).toBe('Summa (beräknad)');
    await expect.poll(() => page.locator('table.grid-table tfoot td').allInnerTexts()).toContain(`2${NBSP}890`);
    await accessible(page, 'tabell-inklistrad');

    await page.getByRole('button', { name: 'Skapa tabellen' }).click();
    await page.getByRole('heading', { level: 1, name: `Redigera tabell: ${DATASET_TITLE}` }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/tabeller/${DATASET_ID}/redigera`);
    await page.getByRole('status').filter({ hasText: 'Tabellen är skapad.' }).waitFor();
    await accessible(page, 'tabell-skapad');
    const stored = await getJson<{ title: string; rows: unknown[]; totals: Record<string, number | null> }>(page, `/api/datasets/${DATASET_ID}`);
    expect(stored).toMatchObject({
      title: DATASET_TITLE,
      rows: [
        { forvaltning: 'HSF', antal: 1234 },
        { forvaltning: 'Primärvård', antal: 567 },
        { forvaltning: 'Psykiatri', antal: 1089 },
      ],
      totals: { antal: 2890 },
    });
  });

  it('analyst, Riskregister: a register for 2026 with two risks, their scores computed by the server', async () => {
    const page = await open('analytiker', '/riskregister');
    await page.getByRole('heading', { level: 1, name: 'Riskregister' }).waitFor();
    await page.locator('table.catalog-registers tbody tr').first().waitFor();
    await accessible(page, 'riskregister-lista');

    await page.getByLabel('Titel', { exact: true }).fill(REGISTER_TITLE);
    await page.getByLabel('År', { exact: true }).fill('2026');
    await page.getByLabel('Område', { exact: true }).selectOption({ label: 'Region Kalmar län' });
    await page.getByRole('button', { name: 'Skapa riskregistret' }).click();
    await page.getByRole('heading', { level: 1, name: REGISTER_TITLE }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/riskregister/${REGISTER_ID}`);

    const notice = page.locator('#risks-heading ~ p.notice[role="status"]');
    const addRisk = async (category: string, title: string, probability: string, consequence: string, control: string, owner: string, n: number) => {
      await page.locator('#risk-new-categoryCode').selectOption(category);
      await page.locator('#risk-new-title').fill(title);
      await page.locator('#risk-new-probability').selectOption(probability);
      await page.locator('#risk-new-consequence').selectOption(consequence);
      await page.locator('#risk-new-control').fill(control);
      await page.locator('#risk-new-owner').fill(owner);
      await page.getByRole('button', { name: 'Lägg till risken' }).click();
      await expect.poll(() => notice.innerText()).toBe(`Risken är tillagd som nummer ${n}.`);
    };
    await addRisk('6a', 'Avbrott i telefonisystemet TeleQ', '2', '4', 'Reservrutin för återuppringning', 'IT-direktör', 1);
    await addRisk('1b', 'Hyrsjuksköterskor i telefonrådgivningen utan avtal', '3', '4', 'Stickprov av fakturor', 'Hälso- och sjukvårdsdirektör', 2);
    const rows = await cells(page.locator('table.risk-table'));
    expect(rows.slice(1).map((r) => r.slice(0, 7))).toEqual([
      ['1', '6a Risker kopplad till IT, telefoni, GDPR mm', 'Avbrott i telefonisystemet TeleQ', '2', '4', '8', 'Bevaka risk'],
      ['2', '1b Risker kopplad till bemanningsbolag', 'Hyrsjuksköterskor i telefonrådgivningen utan avtal', '3', '4', '12', 'Hantera risk'],
    ]);
    await accessible(page, 'riskregister');
    const stored = await getJson<{ year: number; risks: Array<{ title: string; score: number | null }> }>(page, `/api/risk-registers/${REGISTER_ID}`);
    expect(stored.year).toBe(2026);
    expect(stored.risks.map((r) => [r.title, r.score])).toEqual([
      ['Avbrott i telefonisystemet TeleQ', 8],
      ['Hyrsjuksköterskor i telefonrådgivningen utan avtal', 12],
    ]);
  });

  // ------------------------------------------------------------------------------------------
  // 2. The secretary: a person, the meeting, the item and its blocks
  // ------------------------------------------------------------------------------------------

  it('secretary, Personer: a new person with a title from a date', async () => {
    const page = await open('sekreterare', '/personer');
    await page.getByRole('heading', { level: 1, name: 'Personer' }).waitFor();
    await page.locator('table.catalog-people tbody tr').first().waitFor();
    await page.waitForLoadState('networkidle');
    await page.getByLabel('Namn', { exact: true }).fill(PERSON);
    await page.getByLabel('Titel', { exact: true }).fill(PERSON_TITLE);
    await page.getByLabel('Första dag', { exact: true }).fill('2025-09-01');
    await page.getByRole('button', { name: 'Lägg till personen' }).click();
    await page.getByRole('status').filter({ hasText: `${PERSON} är tillagd.` }).waitFor();
    const row = page.locator('table.catalog-people tbody tr', { hasText: PERSON });
    await expect.poll(async () => (await cells(row)).flat()).toEqual([PERSON, PERSON_TITLE]);
    await accessible(page, 'personer');
    const stored = await getJson<{ name: string; titles: Array<{ title: string; validFrom: string; validTo: string | null }> }>(page, `/api/people/${PERSON_ID}`);
    expect(stored.name).toBe(PERSON);
    expect(stored.titles.map((t) => [t.title, t.validFrom, t.validTo])).toEqual([[PERSON_TITLE, '2025-09-01', null]]);
  });

  it('secretary, Sammanträden → Nytt sammanträde: 25 November 2026, after the demo’s last meeting, with an empty agenda', async () => {
    const list = await open('sekreterare', '/sammantraden');
    await list.locator('.meeting-list li').first().waitFor();
    await accessible(list, 'sammantraden');
    // the demo's meetings end with 6 May 2026; this one is new
    const before = await getJson<Array<{ id: string; date: string }>>(list, '/api/meetings');
    expect(before.map((m) => m.date).sort().at(-1)).toBe('2026-05-06');
    expect(before.map((m) => m.id)).not.toContain(MEETING);

    await list.getByRole('link', { name: 'Nytt sammanträde' }).click();
    const page = list;
    await page.getByRole('heading', { level: 1, name: 'Nytt sammanträde' }).waitFor();
    await page.waitForLoadState('networkidle');
    await page.getByLabel('Organ').fill('Regionstyrelsen');
    await page.getByLabel('Datum').fill('2026-11-25');
    expect(await page.getByLabel('Planperiod').inputValue()).toBe('2026-2028');
    expect(await page.getByLabel('Fokusår').inputValue()).toBe('2026');
    await page.getByLabel('Struktur').selectOption({ label: 'Tom dagordning' });
    await accessible(page, 'nytt-sammantrade');
    await page.getByRole('button', { name: 'Skapa sammanträdet' }).click();
    await page.waitForURL(`**/sammantraden/${MEETING}/redigera`);
    await page.getByText('Sammanträdet är skapat som utkast med 0 punkter.').waitFor();
    expect(await page.locator('h1').innerText()).toBe(`Redigera ${MEETING_NAME}`);
    await accessible(page, 'dagordning-tom');
    const stored = await authoring(page);
    expect(stored.meeting).toMatchObject({ id: MEETING, date: '2026-11-25', status: 'draft' });
    expect(stored.items).toEqual([]);
  });

  it('secretary, Dagordning: an item under a goal with the new person (her title as this agenda prints it) and Helen Persson', async () => {
    const page = await open('sekreterare', `/sammantraden/${MEETING}/redigera`);
    const form = page.locator('.add-item');
    await form.getByRole('heading', { name: 'Ny informationspunkt' }).waitFor();
    await page.waitForLoadState('networkidle');
    await form.getByLabel('Rubrik').fill(ITEM);
    await form.getByLabel('Mål').selectOption({ label: GOAL });

    const add = async (label: string) => {
      await form.getByLabel('Lägg till föredragande').selectOption({ label });
      await form.getByRole('button', { name: 'Lägg till', exact: true }).click();
    };
    // the picker offers each person with the title held on the meeting's day
    await add(`${PERSON}, ${PERSON_TITLE}`);
    await add('Helen Persson, HR-direktör');
    const override = form.getByLabel(`Titel på dagordningen för ${PERSON}`);
    expect(await override.getAttribute('placeholder')).toBe(PERSON_TITLE);
    await override.fill(PERSON_TITLE_ON_AGENDA);
    expect(await form.locator('.presenter-list li > span').allInnerTexts()).toEqual([`${PERSON}, ${PERSON_TITLE_ON_AGENDA}`, 'Helen Persson, HR-direktör']);
    await accessible(page, 'ny-punkt');

    await form.getByRole('button', { name: 'Lägg till punkten' }).click();
    await page.getByText(`${ITEM} är tillagd sist under ${GOAL}.`).waitFor();
    const item = page.locator(`[id="punkt-${ITEM_ID}"]`);
    await expect.poll(() => item.innerText()).toContain(`Föredragande: ${PERSON}, ${PERSON_TITLE_ON_AGENDA}; Helen Persson, HR-direktör`);
    await accessible(page, 'dagordning-punkt');
    const stored = await storedItem(page);
    expect(stored?.goalId).toBe('2026-2028:kvalitet');
    expect(stored?.presenters.map((p) => [p.personId, p.titleOverride])).toEqual([
      [PERSON_ID, PERSON_TITLE_ON_AGENDA],
      ['helen-persson', null],
    ]);
  });

  it('secretary, the item: a text with three key figures on one slide, the table, the risks, a statement with its deviation and a timeline', async () => {
    const page = await open('sekreterare', `/sammantraden/${MEETING}/punkter/${ITEM_ID}`);
    await page.getByRole('heading', { level: 1, name: `Redigera: ${ITEM}` }).waitFor();
    await page.getByText('Punkten har inga block ännu.').waitFor();
    await page.waitForLoadState('networkidle');
    const refused = refusalsOf(page);

    // a text and three key figures, each on the text's slide
    const text = await addBlock(page, 'Text', 1);
    await text.getByLabel('Text', { exact: true }).fill(TEXT);
    const figures: Array<{ indicator: string; search: string; area: string | null; period: string; compareWith: string | null; value: string }> = [
      { indicator: 'telefon-teleq-samma-dag', search: 'teleq', area: null, period: '2026-03', compareWith: null, value: `98${NBSP}%` },
      { indicator: 'bup-medelvantetid-forsta-besok', search: 'bup medelväntetid första', area: 'bup', period: '2026-03', compareWith: '2024-12', value: `25,3${NBSP}dagar` },
      { indicator: 'bup-forsta-besok-inom-30-dagar', search: 'bup första besök inom 30', area: 'bup', period: '2026-03', compareWith: null, value: `89${NBSP}%` },
    ];
    for (const [i, f] of figures.entries()) {
      const block = await addBlock(page, 'Nyckeltal', i + 2);
      await block.getByLabel('Sök indikator').fill(f.search);
      await block.getByLabel('Indikator', { exact: true }).selectOption(f.indicator);
      if (f.area !== null) await block.getByLabel('Område', { exact: true }).selectOption(f.area);
      // the form fills in the latest period with values once the indicator's periods have come;
      // typing before that races it (a slow answer lands between select-all and the typed text)
      const period = block.getByLabel('Period', { exact: true });
      await expect.poll(() => period.inputValue(), { timeout: 60_000 }).toBe(f.period);
      await period.fill(f.period);
      if (f.compareWith !== null) await block.getByLabel('Jämför med period').fill(f.compareWith);
      await block.getByLabel(WITH_PREVIOUS).check();
      await untilPreviewShows(block, f.value, refused);
      expect(await block.locator('.block-preview .key-figure .value').innerText()).toBe(f.value);
    }
    // the change against December 2024 is computed, with its sign and unit
    await expect.poll(() => previewText(page.locator('.block-editor').nth(2))).toContain(`${MINUS}4,9${NBSP}dagar`);
    for (const n of [0, 1, 2, 3]) expect(await caption(page.locator('.block-editor').nth(n))).toBe('Bild 1: text med nyckeltal (block 1–4)');
    await accessible(page, 'punkt-nyckeltal');

    // the analyst's table, with its computed sum row. The field takes the table's id; nothing on
    // the secretary's pages lists the stored tables, so the id is the one the analyst's page showed.
    const table = await addBlock(page, 'Tabell', 5);
    await table.getByLabel('Tabell (id)').fill(DATASET_ID);
    await table.getByLabel('Visa summarad').check();
    await expect.poll(() => cells(table.locator('.block-preview table')).catch(() => []), { timeout: 60_000 }).toEqual([
      ['Förvaltning', 'Antal'],
      ['HSF', `1${NBSP}234`],
      ['Primärvård', '567'],
      ['Psykiatri', `1${NBSP}089`],
      ['Totalt', `2${NBSP}890`],
    ]);
    expect(await caption(table)).toBe('Bild 2');

    // the analyst's risk register
    const risks = await addBlock(page, 'Risker', 6);
    await risks.getByLabel('Riskregister (id)').fill(REGISTER_ID);
    await expect.poll(() => previewText(risks), { timeout: 60_000 }).toContain('Hyrsjuksköterskor i telefonrådgivningen utan avtal');
    expect(await previewText(risks)).toContain('Avbrott i telefonisystemet TeleQ');

    // a statement built in the grid: forecast after October, budget and the deviation between them
    const statement = await addBlock(page, 'Resultaträkning', 7);
    await statement.getByLabel('Rubrik', { exact: true }).fill(STATEMENT_TITLE);
    await statement.getByRole('button', { name: 'Prognos, budget, avvikelse' }).click();
    expect(await statement.locator('.statement-column legend').allInnerTexts()).toEqual(['Kolumn 1: Prognos', 'Kolumn 2: Budget', 'Kolumn 3: Avvikelse']);
    await statement.getByLabel('Kolumn 1, Period').fill('2025');
    await statement.getByLabel('Kolumn 1, Prognos efter').fill('2025-10');
    await statement.getByLabel('Kolumn 2, Period').fill('2025');
    await statement.getByRole('button', { name: 'Lägg till rad' }).click();
    await statement.getByLabel('Rad 1, indikator').selectOption('arets-resultat');
    expect(await statement.getByLabel('Rad 1, etikett').inputValue()).toBe('Årets resultat');
    await expect.poll(() => cells(statement.locator('.block-preview table')).catch(() => []), { timeout: 60_000 }).toEqual([
      ['Rad', 'Prognos 2025', 'Budget 2025', 'Avvikelse Prognos − Budget'],
      ['Årets resultat', '435', '364', '+71'],
    ]);
    await accessible(page, 'punkt-tabell-risker-resultatrakning');

    // a timeline: a milestone in the first half of 2029, a phase that runs past its parent
    const timeline = await addBlock(page, 'Tidslinje', 8);
    await timeline.getByLabel('Rubrik', { exact: true }).fill(TIMELINE_TITLE);
    const phases = timeline.locator('fieldset.rows-editor').first();
    await phases.getByRole('button', { name: 'Lägg till rad' }).click();
    await phases.getByLabel('Rad 1: Benämning').fill('Projekt');
    await phases.getByLabel('Rad 1: Start').fill('dec 2028');
    await phases.getByLabel('Rad 1: Slut').fill('2030');
    await phases.getByRole('button', { name: 'Lägg till rad' }).click();
    await phases.getByLabel('Rad 2: Benämning').fill('Byggnation');
    await phases.getByLabel('Rad 2: Start').fill('T1 2029');
    await phases.getByLabel('Rad 2: Slut').fill('2031');
    expect(await phases.getByLabel('Rad 2: Ingår i fas').locator('option').allInnerTexts()).toEqual(['(ingen – en fas på översta nivån)', 'Projekt']);
    await phases.getByLabel('Rad 2: Ingår i fas').selectOption({ label: 'Projekt' });
    const milestones = timeline.locator('fieldset.rows-editor').nth(1);
    await milestones.getByRole('button', { name: 'Lägg till rad' }).click();
    await milestones.getByLabel('Rad 1: Benämning').fill('Inflyttning');
    await milestones.getByLabel('Rad 1: Datum').fill('H1 2029');
    await expect.poll(() => previewText(timeline), { timeout: 60_000 }).toContain('första halvåret 2029: Inflyttning');
    expect(await previewText(timeline)).toContain('ligger utanför sin överordnade fas "Projekt" (dec 2028–2030)');
    expect(await page.locator('.block-preview .notice-error').count()).toBe(0);
    await accessible(page, 'punkt-tidslinje');

    await page.getByRole('button', { name: 'Spara', exact: true }).click();
    await page.getByText('Sparat: rubriken och 8 block.').waitFor();
    const stored = await storedItem(page);
    expect(stored?.blocks.map((b) => [b.block.type, b.block.withPrevious ?? false])).toEqual([
      ['text', false],
      ['key_figure', true],
      ['key_figure', true],
      ['key_figure', true],
      ['data_table', false],
      ['risk_list', false],
      ['statement_table', false],
      ['timeline', false],
    ]);
    expect(stored?.blocks[4]?.block).toMatchObject({ dataset: DATASET_ID, totals: true });
    expect(stored?.blocks[5]?.block).toMatchObject({ register: REGISTER_ID });
    expect(stored?.blocks[6]?.block).toMatchObject({
      columns: [
        { key: 'prognos', period: '2025', scenario: 'prognos', asOf: '2025-10' },
        { key: 'budget', period: '2025', scenario: 'budget' },
        { key: 'avvikelse', derived: 'difference', of: ['prognos', 'budget'] },
      ],
      rows: [expect.objectContaining({ indicator: 'arets-resultat' })],
    });
    // "H1 2029" is stored as the period it names
    expect(stored?.blocks[7]?.block).toMatchObject({ milestones: [expect.objectContaining({ label: 'Inflyttning', date: '2029-01..2029-06' })], phases: [expect.objectContaining({ label: 'Projekt', parent: null }), expect.objectContaining({ label: 'Byggnation', parent: 'fas-1' })] });
  });

  // ------------------------------------------------------------------------------------------
  // 3. The presenter: a picture in her item, saved and marked ready
  // ------------------------------------------------------------------------------------------

  it('presenter Helen Persson: uploads a PNG with alt text into an image block, saves and marks the item ready', async () => {
    const agenda = await open('foredragande', `/sammantraden/${MEETING}/redigera`);
    await agenda.locator('.agenda-item').first().waitFor();
    await agenda.waitForLoadState('networkidle');
    await accessible(agenda, 'dagordning-foredragande');
    await agenda.getByRole('link', { name: `Redigera innehållet ${ITEM}` }).click();
    const page = agenda;
    await page.getByRole('heading', { level: 1, name: `Redigera: ${ITEM}` }).waitFor();
    await expect.poll(() => page.locator('.block-editor').count()).toBe(8);
    await page.waitForLoadState('networkidle');

    const block = await addBlock(page, 'Bild', 9);
    const upload = block.getByRole('group', { name: 'Ladda upp en bild' });
    await upload.getByLabel('Bildfil').setInputFiles(png);
    await upload.getByLabel('Alternativtext för den nya bilden').fill(IMAGE_ALT);
    await upload.getByRole('button', { name: 'Ladda upp bilden' }).click();
    await upload.getByRole('status').filter({ hasText: `Bilden ”${IMAGE_FILE}” är uppladdad och vald i blocket.` }).waitFor();
    expect(await block.getByLabel('Bild', { exact: true }).inputValue()).toBe('ritning-vardcentral');
    expect(await block.getByLabel('Alternativtext', { exact: true }).inputValue()).toBe(IMAGE_ALT);
    const image = block.locator('.block-preview img');
    await image.waitFor();
    expect(await image.getAttribute('alt')).toBe(IMAGE_ALT);
    await expect.poll(() => image.evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBe(400);
    await accessible(page, 'punkt-bild');

    await page.getByRole('button', { name: 'Spara', exact: true }).click();
    await page.getByText('Sparat: rubriken och 9 block.').waitFor();
    await page.getByRole('button', { name: 'Markera som klar' }).click();
    await page.getByText('Punkten är markerad som klar. Sekreteraren ser det på dagordningen.').waitFor();
    expect(await page.locator('.lead .ready').innerText()).toBe('✓ Klar');
    await accessible(page, 'punkt-klar');
    const stored = await storedItem(page);
    expect(stored?.ready).toBe(true);
    expect(stored?.blocks.at(-1)?.block).toEqual({ type: 'image', asset: 'ritning-vardcentral', alt: IMAGE_ALT, caption: null });
  });

  // ------------------------------------------------------------------------------------------
  // 4. The secretary publishes
  // ------------------------------------------------------------------------------------------

  it('secretary, Publicering: the item is ready; version 1 is published with three files', async () => {
    const agenda = await open('sekreterare', `/sammantraden/${MEETING}/redigera`);
    await agenda.locator('.readiness').waitFor();
    await expect.poll(() => agenda.locator('.readiness').innerText()).toContain('1 av 1 punkt klar');
    expect(await agenda.locator(`[id="punkt-${ITEM_ID}"] .ready`).innerText()).toBe('✓ Klar');
    await agenda.getByRole('link', { name: 'Publicera och se versioner' }).click();
    const page = agenda;
    await page.getByRole('heading', { level: 1, name: `Publicering och versioner: ${MEETING_NAME}` }).waitFor();
    await page.waitForLoadState('networkidle');
    await accessible(page, 'publicering');

    await page.locator('#publicera-knapp').click();
    const dialog = page.getByRole('dialog', { name: 'Publicera version 1?' });
    await dialog.waitFor();
    expect(await dialog.innerText()).not.toContain('Bara');
    await dialog.getByRole('button', { name: 'Publicera version 1' }).click();
    await page.getByText('Version 1 är publicerad. Filerna och deras SHA-256 står under Versioner.').waitFor({ timeout: 180_000 });
    const version = page.locator('article.version', { has: page.getByRole('heading', { name: /^Version 1/ }) });
    expect(await version.getByRole('heading', { level: 3 }).innerText()).toBe('Version 1 gällande');
    const rows = version.locator('table.version-files tbody tr');
    expect(await rows.locator('th').allInnerTexts()).toEqual(['PowerPoint', 'PDF', 'Webbpresentation']);
    const links = await rows.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(links).toEqual(['pptx', 'pdf', 'html'].map((f) => `/api/meetings/${MEETING}/versions/1/deck.${f}`));
    await accessible(page, 'publicerad');
    expect((await authoring(page)).meeting.status).toBe('published');
  }, 300_000);

  // ------------------------------------------------------------------------------------------
  // The published files, read back
  // ------------------------------------------------------------------------------------------

  let slideCount = 0;
  let composedPptx = '';

  /** What the goldens hold has no time of day in it (no publishing time), so nothing needs normalising out. */
  const expectNoTimestamps = (text: string) => expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}|\b\d{1,2}:\d{2}(:\d{2})?\b/);

  async function published(format: 'pptx' | 'pdf' | 'html'): Promise<Buffer> {
    const context = await web.context({ user: 'sekreterare' });
    const response = await context.request.get(`${web.url}/api/meetings/${MEETING}/versions/1/deck.${format}`);
    expect(response.status()).toBe(200);
    return response.body();
  }

  it('the published PowerPoint: the composed slide holds the three figures; its text matches the golden', async () => {
    const bytes = await published('pptx');
    const { slides, zip } = await readPptx(bytes);
    // title, goals, focus areas, agenda, the goal's section; the item: text with figures, table,
    // risk matrix, risk list, statement, timeline, picture
    expect(slides).toHaveLength(12);
    slideCount = slides.length;
    // the section slide names the new person with the title this agenda gives her
    expect(slides.some((s) => slideText(s).includes(`${PERSON}, ${PERSON_TITLE_ON_AGENDA}\nHelen Persson, HR-direktör`))).toBe(true);
    const composed = slides.filter((s) => slideText(s).includes(TEXT));
    expect(composed).toHaveLength(1);
    // the slide's own XML, as another program reads it
    const xml = (await zip.file(`ppt/slides/slide${composed[0]?.number}.xml`)?.async('string')) ?? '';
    const runs = [...xml.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((m) => m[1]).join(' ');
    for (const value of [`98${NBSP}%`, '25,3', `89${NBSP}%`]) expect(runs).toContain(value);
    composedPptx = runs;
    // nothing else of the item is on that slide
    for (const elsewhere of ['Inflyttning', 'Psykiatri', 'Hyrsjuksköterskor']) expect(runs).not.toContain(elsewhere);
    // the timeline: the milestone with its date in words, the phases with their months
    const timeline = slides.filter((s) => slideText(s).includes(TIMELINE_TITLE));
    expect(timeline).toHaveLength(1);
    const timelineText = slideText(timeline[0] as (typeof slides)[number]).replace(/\u00a0/g, ' ');
    expect(timelineText).toContain('◆ Inflyttning\n(första halvåret 2029)');
    expect(timelineText).toContain('Byggnation (T1 2029–2031)');
    const golden = await pptxGoldenText(bytes);
    expectNoTimestamps(golden);
    expect(await compareGolden(path.join(GOLDEN, 'deck.pptx.txt'), golden)).toBeNull();
  });

  /**
   * A PDF page's text in reading order. Runs that touch on one line are joined without a space:
   * Chromium writes a ligature ("fl" in "Inflyttning") as a run of its own.
   */
  function pdfText(items: ReadonlyArray<{ str: string; transform: number[]; width: number; height: number; hasEOL: boolean }>): string {
    let text = '';
    let last: { end: number; y: number; height: number } | null = null;
    for (const item of items) {
      const x = item.transform[4] ?? 0;
      const y = item.transform[5] ?? 0;
      const touching = last !== null && Math.abs(y - last.y) < last.height / 2 && Math.abs(x - last.end) < last.height / 10;
      text += (last === null || touching ? '' : ' ') + item.str;
      last = item.str === '' && !item.hasEOL ? last : { end: x + item.width, y, height: Math.max(item.height, 1) };
    }
    return text.replace(/[\s\u00a0]+/g, ' ').trim();
  }

  let pdfPages: string[] = [];

  // "✗ Ej uppnått" must say what it is measured against, in PowerPoint as in the web deck and the PDF
  it('the composed PowerPoint slide prints the key figure’s target as the web deck and the PDF do', () => {
    expect(composedPptx).toMatch(/Mål: ≥ 100\s%/);
  });

  it('the published PDF: a page per slide; the statement’s deviation and the timeline as printed; the text matches the golden', async () => {
    expect(slideCount).toBeGreaterThan(0);
    const doc = await getDocument({ data: new Uint8Array(await published('pdf')) }).promise;
    expect(doc.numPages).toBe(slideCount);
    pdfPages = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const content = await (await doc.getPage(n)).getTextContent();
      pdfPages.push(pdfText(content.items.filter((i) => 'str' in i)));
    }
    const statementPage = pdfPages.find((p) => p.includes(STATEMENT_TITLE)) ?? '';
    expect(statementPage).toContain('mnkr Prognos Budget Avvikelse Årets resultat 435 364 +71');
    // the composed slide as the web deck prints it: the figure's target beside its status
    const composedPage = pdfPages.find((p) => p.includes(TEXT)) ?? '';
    expect(composedPage).toMatch(/89 % BUP – första besök inom 30 dagar Barn- och ungdomspsykiatrin · mars 2026 Mål: ≥ 100 % – .* ✗ Ej uppnått/);
    const timelinePage = pdfPages.find((p) => p.includes(TIMELINE_TITLE)) ?? '';
    expect(timelinePage).toContain('jan 2029');
    expect(timelinePage).toContain('◆ Inflyttning');
    expect(timelinePage).toContain('Obs: Fasen "Byggnation" (T1 2029–2031) ligger utanför sin överordnade fas "Projekt" (dec 2028–2030)');
    const text = `${pdfPages.map((p, i) => `== sida ${i + 1} ==\n${p}`).join('\n\n')}\n`;
    expectNoTimestamps(text);
    expect(await compareGolden(path.join(GOLDEN, 'deck.pdf.txt'), text)).toBeNull();
  });

  // the PowerPoint prints "◆ Inflyttning (första halvåret 2029)"; the printed web deck must too
  it('the published PDF prints the milestone’s date as the PowerPoint does', () => {
    const timelinePage = pdfPages.find((p) => p.includes(TIMELINE_TITLE)) ?? '';
    expect(timelinePage).toContain('första halvåret 2029');
  });

  it('the published web deck: a section per slide, the composed slide, the picture with its alt text, no axe violations; the HTML matches the golden', async () => {
    expect(slideCount).toBeGreaterThan(0);
    const html = (await published('html')).toString('utf8');
    expectNoTimestamps(html.replace(/data:image\/png;base64,[A-Za-z0-9+/=]+/g, ''));
    expect(await compareGolden(path.join(GOLDEN, 'deck.html'), html)).toBeNull();

    // the deck is a document of its own, without an icon: Chromium asks for /favicon.ico (404)
    const page = await web.page(await web.context({ user: 'sekreterare' }), 'webbpresentation, version 1', [404]);
    const response = await page.goto(`${web.url}/api/meetings/${MEETING}/versions/1/deck.html`);
    expect(response?.status()).toBe(200);
    expect(await page.locator('section.slide').count()).toBe(slideCount);
    const composed = page.locator('section.slide .composed');
    expect(await composed.count()).toBe(1);
    expect(await composed.getAttribute('class')).toBe('composed text_figures');
    const composedText = await composed.innerText();
    for (const value of [`98${NBSP}%`, `25,3${NBSP}dagar`, `89${NBSP}%`]) expect(composedText).toContain(value);
    expect(await page.locator(`section.slide img[alt="${IMAGE_ALT}"]`).count()).toBe(1);
    await accessible(page, 'webbpresentation');
  });

  web.itLoggedNoScriptErrors();
});
