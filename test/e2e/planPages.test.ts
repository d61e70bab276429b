import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserSession } from './support/webApp.js';

/**
 * The catalog pages in Chromium against the real server on the demo data. The secretary adds
 * the plan period 2027–2029 (two goals continuing their lines, one of them renamed, and a new
 * one, reordered), is refused the removal of a goal agenda items are filed under, adds a goal by
 * keyboard alone, gives a goal line a short name and sets 2029's focus areas. The analyst adds a
 * unit under a förvaltning and renames it. The secretary uploads a PNG into an image block and
 * sees it in the preview; a GIF named .png is refused in Swedish. axe finds nothing on any page
 * or error state. The steps build on each other in order.
 */
const PLAN = '/regionplan';
const QUALITY_GOAL = 'Sveriges bästa kvalitet, tillgänglighet och säkerhet';

interface PlanPeriodAnswer {
  id: string;
  goals: Array<{ goalLineId: string; name: string; position: number }>;
}

describe('regional plan, areas and picture upload in Chromium', () => {
  // the refusals the tests provoke on purpose are logged by Chromium as failed loads
  const web = browserSession({ expectedStatuses: [400, 409], timeout: 60_000 });
  const accessible = (page: Page, name: string) => web.expectAccessible(page, `katalog-${name}`);
  const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');
  const focusedText = (page: Page) => page.evaluate(() => (document.activeElement as HTMLElement | null)?.innerText ?? '');

  let files = '';
  let png = '';
  let gif = '';
  beforeAll(async () => {
    files = await mkdtemp(path.join(os.tmpdir(), 'styrkort-bilder-'));
    png = path.join(files, 'karta-vardcentraler.png');
    await writeFile(png, await sharp({ create: { width: 320, height: 200, channels: 3, background: { r: 11, g: 92, b: 173 } } }).png().toBuffer());
    // a GIF that claims to be a PNG by its name
    gif = path.join(files, 'djur.png');
    await writeFile(gif, await sharp({ create: { width: 8, height: 8, channels: 3, background: { r: 200, g: 40, b: 40 } } }).gif().toBuffer());
  });
  afterAll(async () => {
    if (files !== '') await rm(files, { recursive: true, force: true });
  });

  async function planPeriod(page: Page, id: string): Promise<PlanPeriodAnswer> {
    const response = await page.request.get(`${web.url}/api/plan-periods/${id}`);
    expect(response.status()).toBe(200);
    return (await response.json()) as PlanPeriodAnswer;
  }

  /** Presses Tab until the focused element matches `selector`. */
  async function tabTo(page: Page, selector: string, limit = 400): Promise<void> {
    for (let i = 0; i < limit; i++) {
      await page.keyboard.press('Tab');
      if (await page.evaluate((sel) => document.activeElement?.matches(sel) ?? false, selector)) return;
    }
    throw new Error(`${selector} fick aldrig fokus med Tab`);
  }

  const periodRegion = (page: Page, period: string) => page.getByRole('region', { name: `Regionplan ${period}`, exact: true });
  const goalsShown = (region: Locator) => region.locator('ol.plan-goals > li').allInnerTexts();

  it('Regionplan: a new plan period continues two goal lines (one renamed), adds a goal and reorders them', async () => {
    const page = await web.open(PLAN, { user: 'sekreterare' });
    await page.getByRole('heading', { level: 1, name: 'Regionplan' }).waitFor();
    await web.ready(page, 'Regionplan 2026–2028');
    expect(await page.title()).toBe('Regionplan – Styrkort');
    expect(await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Regionplan' }).getAttribute('aria-current')).toBe('page');
    expect(await goalsShown(periodRegion(page, '2024–2026'))).toContain('God ekonomisk hushållning');
    expect(await goalsShown(periodRegion(page, '2026–2028'))).toEqual([
      'Nöjda invånare och samarbetspartners',
      'Hållbar utveckling i hela länet',
      QUALITY_GOAL,
      'En av Sveriges bästa arbetsplatser',
      'En långsiktigt hållbar ekonomi',
    ]);
    // the goal line renamed between plan periods says so
    const lines = page.getByRole('region', { name: 'Mållinjer och kortnamn' });
    expect(await lines.getByRole('form', { name: 'En långsiktigt hållbar ekonomi' }).innerText()).toContain('Har hetat: ”God ekonomisk hushållning”.');
    await accessible(page, 'regionplan');

    const form = page.getByRole('form', { name: 'Ny planperiod' });
    await form.getByLabel('Första år').fill('2027');
    await form.getByLabel('Sista år').fill('2029');

    // no goals: the server's Swedish message, announced, with focus on the summary
    await form.getByRole('button', { name: 'Lägg till planperioden' }).click();
    const summary = form.getByRole('alert');
    await summary.waitFor();
    expect(await summary.innerText()).toContain('Planperioden kunde inte läggas till. Ingenting är sparat.');
    expect(await summary.innerText()).toContain('Minst ett övergripande mål');
    await expect.poll(() => focusedId(page)).toBe('new-period-problem');
    await accessible(page, 'regionplan-ny-fel');

    const rows = form.locator('ol.goal-rows > li');
    const add = form.getByRole('button', { name: 'Lägg till ett mål' });
    // 1: a goal continued under its name
    await add.click();
    await expect.poll(() => focusedId(page)).toMatch(/^new-period-mal-\d+-line$/);
    await rows.nth(0).getByLabel('Mållinje').selectOption('nojda-invanare');
    expect(await rows.nth(0).getByLabel('Namn', { exact: true }).inputValue()).toBe('Nöjda invånare och samarbetspartners');
    // 2: a goal continued under a new name: the line keeps the series
    await add.click();
    await rows.nth(1).getByLabel('Mållinje').selectOption('ekonomi');
    expect(await rows.nth(1).getByLabel('Namn', { exact: true }).inputValue()).toBe('En långsiktigt hållbar ekonomi');
    await rows.nth(1).getByLabel('Namn', { exact: true }).fill('En stark och hållbar ekonomi');
    // a line already in the list cannot be chosen twice
    expect(await rows.nth(1).locator('option[value="nojda-invanare"]').isDisabled()).toBe(true);
    // 3: a new goal on a new line
    await add.click();
    await rows.nth(2).getByLabel('Namn', { exact: true }).fill('Trygg beredskap');
    expect(await rows.nth(2).getByLabel('Mållinje').inputValue()).toBe('');

    // the new goal first: moved up twice, announced, focus kept on the button
    const up = form.getByRole('button', { name: 'Flytta upp: Trygg beredskap' });
    await up.click();
    await up.click();
    const announced = form.locator('.goal-list [role="status"]');
    await expect.poll(() => announced.innerText()).toBe('Trygg beredskap är nu mål 1 av 3.');
    await expect.poll(() => focusedText(page)).toContain('Flytta upp');
    expect(await up.getAttribute('aria-disabled')).toBe('true');
    // still focused, and still answering: pressed once more, it says why nothing moved
    await page.keyboard.press('Enter');
    await expect.poll(() => announced.innerText()).toBe('Trygg beredskap är redan först.');
    expect(await rows.locator('input').evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value))).toEqual(['Trygg beredskap', 'Nöjda invånare och samarbetspartners', 'En stark och hållbar ekonomi']);

    await form.getByRole('button', { name: 'Lägg till planperioden' }).click();
    const created = page.getByRole('status').filter({ hasText: 'Planperioden 2027–2029 är tillagd med 3 mål.' });
    await created.waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('status');
    const period = periodRegion(page, '2027–2029');
    await period.waitFor();
    expect(await goalsShown(period)).toEqual(['Trygg beredskap', 'Nöjda invånare och samarbetspartners', 'En stark och hållbar ekonomi']);
    // the form is ready for the next one
    expect(await form.getByLabel('Första år').inputValue()).toBe('2028');
    expect(await rows.count()).toBe(0);

    const stored = await planPeriod(page, '2027-2029');
    expect(stored.goals.map((g) => [g.position, g.goalLineId, g.name])).toEqual([
      [1, 'trygg-beredskap', 'Trygg beredskap'],
      [2, 'nojda-invanare', 'Nöjda invånare och samarbetspartners'],
      [3, 'ekonomi', 'En stark och hållbar ekonomi'],
    ]);
    // the next period can start from this one's goals
    await form.getByRole('button', { name: 'Hämta målen från 2027–2029' }).click();
    await form.getByRole('status').filter({ hasText: 'Målen från 2027–2029 är hämtade: 3 mål. Ändra, ta bort eller lägg till innan du sparar.' }).waitFor();
    expect(await rows.locator('select').evaluateAll((selects) => selects.map((s) => (s as HTMLSelectElement).value))).toEqual(['trygg-beredskap', 'nojda-invanare', 'ekonomi']);
    // the same period twice: the server's own words, with focus on the year
    await form.getByLabel('Första år').fill('2027');
    await form.getByLabel('Sista år').fill('2029');
    await form.getByRole('button', { name: 'Lägg till planperioden' }).click();
    await expect.poll(() => summary.innerText()).toContain('Planperioden 2027-2029 finns redan.');
    await expect.poll(() => focusedId(page)).toBe('new-period-startYear');

    // the renamed goal names its line from now on
    await expect.poll(() => lines.getByRole('form', { name: 'En stark och hållbar ekonomi' }).innerText()).toContain('Mål i 2024–2026, 2025–2027, 2026–2028, 2027–2029.');
    await accessible(page, 'regionplan-ny-sparad');
  });

  it('Regionplan: removing a goal that agenda items are filed under is refused in Swedish; nothing changes', async () => {
    const page = await web.open(PLAN, { user: 'sekreterare' });
    const period = periodRegion(page, '2026–2028');
    await period.waitFor();
    await period.getByRole('button', { name: 'Ändra målen för 2026–2028' }).click();
    await expect.poll(() => focusedText(page)).toBe('Ändra målen för 2026–2028');

    await period.getByRole('button', { name: 'Ta bort: Hållbar utveckling i hela länet' }).click();
    await expect.poll(() => period.locator('.goal-list [role="status"]').innerText()).toBe('Hållbar utveckling i hela länet är borttaget ur listan. Det tas bort när du sparar.');
    expect(await period.locator('ol.goal-rows > li').count()).toBe(4);
    await period.getByRole('button', { name: 'Spara målen' }).click();

    const refusal = period.getByRole('alert');
    await refusal.waitFor();
    const text = await refusal.innerText();
    expect(text).toContain('Målen för 2026–2028 kunde inte sparas. Ingenting är ändrat.');
    expect(text).toMatch(/"Hållbar utveckling i hela länet" kan inte tas bort: punkten "[^"]+" i sammanträdet \S+ ligger under målet/);
    // no field is to blame: focus on the summary; the list says it too
    await expect.poll(() => focusedId(page)).toBe('period-2026-2028-problem');
    expect(await period.locator('#period-2026-2028-goals-error').innerText()).toContain('kan inte tas bort');
    await accessible(page, 'regionplan-borttagning-nekad');

    expect((await planPeriod(page, '2026-2028')).goals.map((g) => g.name)).toContain('Hållbar utveckling i hela länet');
    await period.getByRole('button', { name: 'Avbryt' }).click();
    await expect.poll(() => focusedText(page)).toBe('Ändra målen');
    expect(await goalsShown(period)).toHaveLength(5);
  });

  it('Regionplan: a goal is added to 2027–2029 and saved with the keyboard alone (Tab and Enter)', async () => {
    const page = await web.open(PLAN, { user: 'sekreterare' });
    await periodRegion(page, '2027–2029').waitFor();
    await page.waitForLoadState('networkidle');
    await page.locator('h1').focus();

    await tabTo(page, 'button[aria-label="Ändra målen för 2027–2029"]');
    await page.keyboard.press('Enter');
    await expect.poll(() => focusedText(page)).toBe('Ändra målen för 2027–2029');
    await tabTo(page, '#period-2027-2029-add');
    await page.keyboard.press('Enter');
    // the new row's goal line has focus; the line of "En av Sveriges bästa arbetsplatser" is the first free one
    await expect.poll(() => focusedId(page)).toMatch(/^period-2027-2029-mal-\d+-line$/);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Tab');
    await expect.poll(() => focusedId(page)).toMatch(/^period-2027-2029-mal-\d+-name$/);
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).value)).toBe('En av Sveriges bästa arbetsplatser');
    await page.keyboard.press('Enter');

    const period = periodRegion(page, '2027–2029');
    await period.getByRole('status').filter({ hasText: 'Målen för 2027–2029 är sparade.' }).waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('status');
    expect(await goalsShown(period)).toEqual(['Trygg beredskap', 'Nöjda invånare och samarbetspartners', 'En stark och hållbar ekonomi', 'En av Sveriges bästa arbetsplatser']);
    expect((await planPeriod(page, '2027-2029')).goals.map((g) => g.goalLineId)).toEqual(['trygg-beredskap', 'nojda-invanare', 'ekonomi', 'arbetsplats']);
  });

  it('Regionplan: a goal line gets a short name, and 2029 gets its focus areas', async () => {
    const page = await web.open(PLAN, { user: 'sekreterare' });
    const lines = page.getByRole('region', { name: 'Mållinjer och kortnamn' });
    await lines.waitFor();
    const line = lines.getByRole('form', { name: 'Trygg beredskap' });
    await line.getByLabel('Kortnamn för Trygg beredskap').fill('Beredskap\n\n');
    await line.getByRole('button', { name: 'Spara kortnamnen: Trygg beredskap' }).click();
    await line.getByRole('status').filter({ hasText: 'Kortnamnen för Trygg beredskap är sparade.' }).waitFor();
    const goalLines = (await (await page.request.get(`${web.url}/api/goal-lines`)).json()) as Array<{ id: string; aliases: string[] }>;
    expect(goalLines.find((l) => l.id === 'trygg-beredskap')?.aliases).toEqual(['Beredskap']);

    const focus = page.getByRole('region', { name: 'Fokusområden' });
    const form = focus.getByRole('form', { name: 'Lägg till eller ändra ett års fokusområden' });
    await form.getByLabel('År', { exact: true }).fill('2029');
    await form.getByLabel('Inledning').fill('Tillsammans');
    await form.getByLabel('Fokusområden, ett per rad').fill('');
    await form.getByRole('button', { name: 'Spara fokusområdena' }).click();
    const refusal = form.getByRole('alert');
    await refusal.waitFor();
    expect(await refusal.innerText()).toContain('Fokusområden, ett per rad: Minst ett fokusområde');
    await expect.poll(() => focusedId(page)).toBe('focus-areas');
    expect(await page.locator('#focus-areas').getAttribute('aria-describedby')).toBe('focus-areas-error');
    await accessible(page, 'fokusomraden-fel');

    await form.getByLabel('Fokusområden, ett per rad').fill('möter vi människor där de är\n\nväxer vi hållbart i hela länet\n');
    await form.getByRole('button', { name: 'Spara fokusområdena' }).click();
    await focus.getByRole('status').filter({ hasText: 'Fokusområdena för 2029 är sparade.' }).waitFor();
    const year = focus.locator('.focus-years > li', { has: page.getByRole('heading', { name: 'Fokusområden 2029' }) });
    expect(await year.locator('ul > li').allInnerTexts()).toEqual(['möter vi människor där de är', 'växer vi hållbart i hela länet']);
    const sets = (await (await page.request.get(`${web.url}/api/focus-areas`)).json()) as Array<{ year: number; lead: string; areas: string[] }>;
    expect(sets.find((s) => s.year === 2029)).toEqual({ year: 2029, lead: 'Tillsammans', areas: ['möter vi människor där de är', 'växer vi hållbart i hela länet'] });

    // an earlier year is opened in the same form, to change
    await focus.getByRole('button', { name: 'Ändra fokusområdena för 2026' }).click();
    await expect.poll(() => focusedId(page)).toBe('focus-year');
    expect(await form.getByLabel('År', { exact: true }).inputValue()).toBe('2026');
    expect(await form.getByLabel('Fokusområden, ett per rad').inputValue()).toBe('Möter vi människor där de är\nDriver vi utveckling och förbättring\nFrämjar vi människors egenkraft');
    await accessible(page, 'regionplan-efter');
  });

  it('Regionplan and Områden are for their owners: others are told why, and their menus do not offer them', async () => {
    const analyst = await web.open(PLAN, { user: 'analytiker' });
    await analyst.getByRole('alert').waitFor();
    expect(await analyst.getByRole('alert').innerText()).toBe('Du har inte behörighet att ändra regionplanen.');
    expect(await analyst.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Regionplan' }).count()).toBe(0);
    const secretary = await web.open('/omraden', { user: 'sekreterare' });
    await secretary.getByRole('alert').waitFor();
    expect(await secretary.getByRole('alert').innerText()).toBe('Du har inte behörighet att ändra områden.');
    expect(await secretary.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Områden' }).count()).toBe(0);
    await accessible(secretary, 'omraden-nekad');
  });

  it('Områden: the analyst adds a unit under a förvaltning and renames it', async () => {
    const page = await web.open('/omraden', { user: 'analytiker' });
    await page.getByRole('heading', { level: 1, name: 'Områden' }).waitFor();
    await web.ready(page, 'Hälso- och sjukvårdsförvaltningen');
    // the own organisation as a tree; the other regions and the aggregates apart
    const own = page.getByRole('region', { name: 'Egen organisation' });
    expect(await own.locator('.area-tree > li > .area-node .area-name').allInnerTexts()).toEqual(['Region Kalmar län']);
    expect(await own.locator('.area-tree > li > ul > li > .area-node .area-name').allInnerTexts()).toContain('Hälso- och sjukvårdsförvaltningen');
    const aggregates = page.getByRole('region', { name: 'Aggregat' });
    expect(await aggregates.locator('.area-name').allInnerTexts()).toEqual(['Riket', 'Sydöstra sjukvårdsregionen']);
    expect(await aggregates.innerText()).toContain('3 medlemmar: Region Östergötland, Region Jönköpings län, Region Kalmar län');
    const comparison = page.getByRole('region', { name: 'Jämförelseområden' });
    expect(await comparison.locator('.area-name').allInnerTexts()).toContain('Region Stockholm');
    expect(await comparison.locator('.area-name').allInnerTexts()).not.toContain('Region Kalmar län');
    await accessible(page, 'omraden');

    const form = page.getByRole('region', { name: 'Nytt område' });
    await form.getByRole('button', { name: 'Lägg till området' }).click();
    const summary = form.getByRole('alert');
    await summary.waitFor();
    expect(await summary.innerText()).toContain('Namn: Får inte vara tom');
    await expect.poll(() => focusedId(page)).toBe('new-area-name');
    expect(await page.locator('#new-area-name').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#new-area-name-error').innerText()).toBe('Får inte vara tom');
    await accessible(page, 'omrade-nytt-fel');

    expect(await form.getByLabel('Typ').inputValue()).toBe('unit');
    await form.getByLabel('Namn', { exact: true }).fill('Akutmottagningen Kalmar');
    await form.getByLabel('Ligger under').selectOption('hsf');
    await form.getByRole('button', { name: 'Lägg till området' }).click();
    await form.getByRole('status').filter({ hasText: 'Området ”Akutmottagningen Kalmar” är tillagt under Hälso- och sjukvårdsförvaltningen.' }).waitFor();
    // drawn under its förvaltning
    const parentOf = (name: string) =>
      page.evaluate((n) => {
        const node = [...document.querySelectorAll('.area-tree .area-name')].find((e) => e.textContent === n);
        const parent = node?.closest('li')?.parentElement?.closest('li');
        return parent?.querySelector(':scope > .area-node .area-name')?.textContent ?? null;
      }, name);
    await expect.poll(() => parentOf('Akutmottagningen Kalmar')).toBe('Hälso- och sjukvårdsförvaltningen');

    await own.getByRole('button', { name: 'Ändra Akutmottagningen Kalmar' }).click();
    await expect.poll(() => focusedText(page)).toBe('Ändra Akutmottagningen Kalmar');
    const panel = own.locator('.inline-panel');
    expect(await panel.getByLabel('Ligger under').inputValue()).toBe('hsf');
    await panel.getByLabel('Namn', { exact: true }).fill('Akutmottagningen Länssjukhuset i Kalmar');
    await panel.getByLabel('Kortnamn', { exact: true }).fill('Akuten Kalmar');
    await panel.getByRole('button', { name: 'Spara ändringarna' }).click();
    await own.getByRole('status').filter({ hasText: 'Ändringarna av ”Akutmottagningen Länssjukhuset i Kalmar” är sparade.' }).waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('status');
    await expect.poll(() => parentOf('Akutmottagningen Länssjukhuset i Kalmar')).toBe('Hälso- och sjukvårdsförvaltningen');
    expect(await own.innerText()).toContain('Akutmottagningen Länssjukhuset i Kalmar (Enhet · kortnamn Akuten Kalmar)');

    const areas = (await (await page.request.get(`${web.url}/api/areas`)).json()) as Array<{ id: string; name: string; shortName: string | null; parentId: string | null; kind: string }>;
    expect(areas.find((a) => a.id === 'akutmottagningen-kalmar')).toMatchObject({ name: 'Akutmottagningen Länssjukhuset i Kalmar', shortName: 'Akuten Kalmar', parentId: 'hsf', kind: 'unit' });
    await accessible(page, 'omrade-andrat');
  });

  it('Bild: the secretary uploads a PNG with alt text into an image block and sees it in the preview; a GIF named .png is refused in Swedish', async () => {
    const context = await web.context({ user: 'sekreterare' });
    const page = await web.page(context, 'sekreterare bilduppladdning');
    // a draft meeting with one item, made through the API as the agenda page would
    const session = (await (await page.request.get(`${web.url}/api/auth/session`)).json()) as { csrfToken: string };
    const headers = { origin: web.url, 'x-csrf-token': session.csrfToken };
    const meeting = await page.request.post(`${web.url}/api/meetings`, { headers, data: { body: 'Regionstyrelsen', date: '2026-10-21', planPeriodId: '2026-2028', focusYear: 2026 } });
    expect(meeting.status(), await meeting.text()).toBe(201);
    const meetingId = ((await meeting.json()) as { meeting: { id: string } }).meeting.id;
    const item = await page.request.post(`${web.url}/api/meetings/${meetingId}/items`, { headers, data: { goalId: '2026-2028:kvalitet', title: 'Vårdcentralerna i länet' } });
    expect(item.status(), await item.text()).toBe(201);
    const itemId = ((await item.json()) as { id: string }).id;

    await page.goto(`${web.url}/sammantraden/${meetingId}/punkter/${itemId}`);
    await page.getByRole('heading', { level: 1, name: 'Redigera: Vårdcentralerna i länet' }).waitFor();
    await page.getByLabel('Typ av block').selectOption({ label: 'Bild' });
    await page.getByRole('button', { name: 'Lägg till block' }).click();
    const block = page.locator('.block-editor', { has: page.getByRole('heading', { level: 3, name: 'Block 1: Bild' }) });
    const picker = block.getByLabel('Bild', { exact: true });
    await picker.waitFor();
    // the stored pictures are offered
    expect(await picker.locator('option').allInnerTexts()).toEqual(expect.arrayContaining([expect.stringMatching(/^samverkan-e-halsa\.svg – Organisationsbild för Samverkan e-hälsa/)]));
    const upload = block.getByRole('group', { name: 'Ladda upp en bild' });
    await accessible(page, 'bild-block');

    // without alt text: said next to the field before anything is sent
    await upload.getByLabel('Bildfil').setInputFiles(png);
    await upload.getByRole('button', { name: 'Ladda upp bilden' }).click();
    await upload.getByRole('alert').waitFor();
    const alt = upload.getByLabel('Alternativtext för den nya bilden');
    expect(await alt.getAttribute('aria-invalid')).toBe('true');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-invalid'))).toBe('true');
    expect(await upload.innerText()).toContain('Alternativtext krävs: beskriv med ord vad bilden visar.');

    await alt.fill('Karta över länet med vårdcentralerna utmärkta');
    await upload.getByRole('button', { name: 'Ladda upp bilden' }).click();
    await upload.getByRole('status').filter({ hasText: 'Bilden ”karta-vardcentraler.png” är uppladdad och vald i blocket.' }).waitFor();
    expect(await upload.getByRole('alert').count()).toBe(0);
    expect(await picker.inputValue()).toBe('karta-vardcentraler');
    expect(await block.getByLabel('Alternativtext', { exact: true }).inputValue()).toBe('Karta över länet med vårdcentralerna utmärkta');
    expect(await alt.inputValue()).toBe('');
    // the preview draws the stored picture with its alt text
    const image = block.locator('.block-preview img');
    await image.waitFor();
    expect(await image.getAttribute('alt')).toBe('Karta över länet med vårdcentralerna utmärkta');
    await expect.poll(() => image.evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBe(320);

    // a GIF named .png: the server's Swedish refusal; Enter in the alt text uploads (it does not save the item)
    await upload.getByLabel('Bildfil').setInputFiles(gif);
    await alt.fill('Ett rött fält');
    await alt.press('Enter');
    const refusal = upload.getByRole('alert');
    await refusal.waitFor();
    expect(await refusal.innerText()).toContain('Bilden kunde inte laddas upp. Filen "djur.png" är en GIF-bild, inte PNG eller JPEG. Spara bilden som PNG eller JPEG och försök igen.');
    const file = upload.getByLabel('Bildfil');
    expect(await file.getAttribute('aria-invalid')).toBe('true');
    const describedBy = ((await file.getAttribute('aria-describedby')) ?? '').split(' ');
    expect(await page.locator(`[id="${describedBy.at(-1)}"]`).innerText()).toBe('Ska vara en PNG- eller JPEG-bild.');
    await expect.poll(() => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.type)).toBe('file');
    expect(await picker.inputValue()).toBe('karta-vardcentraler');
    expect(await page.locator('.save-status').innerText()).toBe('Osparade ändringar.');
    await accessible(page, 'bild-gif-nekad');

    // saved with the item
    await page.getByRole('button', { name: 'Spara', exact: true }).click();
    await page.locator('.save-status').filter({ hasText: 'Sparat: rubriken och 1 block.' }).waitFor();
    const authoring = (await (await page.request.get(`${web.url}/api/meetings/${meetingId}/authoring`)).json()) as { items: Array<{ id: string; blocks: Array<{ block: Record<string, unknown> }> }> };
    expect(authoring.items.find((i) => i.id === itemId)?.blocks.map((b) => b.block)).toEqual([{ type: 'image', asset: 'karta-vardcentraler', alt: 'Karta över länet med vårdcentralerna utmärkta', caption: null }]);
    const assets = (await (await page.request.get(`${web.url}/api/assets`)).json()) as { assets: Array<{ id: string; mediaType: string }> };
    expect(assets.assets.filter((a) => a.id.startsWith('djur'))).toEqual([]);
  });

  web.itLoggedNoScriptErrors();
});
