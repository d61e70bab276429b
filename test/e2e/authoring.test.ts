import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserSession } from './support/webApp.js';

/**
 * Authoring and publishing in Chromium, against the real server with the demo data: the
 * secretary creates a meeting by copying the previous one, adds an item, gives it to Helen
 * Persson and moves it by keyboard; Helen writes her item with a live preview, saves it and
 * marks it ready; the secretary publishes (three files with SHA-256), withdraws with a reason and
 * starts a correction; a board member sees published versions and nothing to change. The steps
 * build on each other in order. Every page and state added here has no axe violations.
 */
const NBSP = '\u00a0';
const MEETING = 'regionstyrelsen-2026-09-16';
const NEW_ITEM = 'Telefontillgänglighet i primärvården';
const GOAL = 'Sveriges bästa kvalitet, tillgänglighet och säkerhet';

interface AuthoringItem {
  id: string;
  goalId: string;
  position: number;
  title: string;
  ready: boolean;
  presenters: Array<{ personId: string; name: string; titleOverride: string | null }>;
  blocks: Array<{ id: number; block: { type: string } & Record<string, unknown> }>;
}

describe('authoring and publishing in Chromium', () => {
  // answers the tests provoke on purpose (an invalid period, an empty title) are logged by Chromium too;
  // the machine may be busy with other suites: give slow answers time
  const web = browserSession({ expectedStatuses: [400, 404, 409], timeout: 60_000 });
  let newItemId = '';

  /** A fresh context logged in as a demo user, on a path. */
  const open = (user: string, path: string, viewport = { width: 1280, height: 900 }) => web.open(path, { user, ...viewport });
  const accessible = (page: Page, name: string) => web.expectAccessible(page, `redigering-${name}`);

  async function authoring(page: Page): Promise<{ meeting: { status: string }; items: AuthoringItem[]; readyCount: number }> {
    const response = await page.request.get(`${web.url}/api/meetings/${MEETING}/authoring`);
    expect(response.status()).toBe(200);
    return (await response.json()) as { meeting: { status: string }; items: AuthoringItem[]; readyCount: number };
  }

  /** Presses Tab (or Shift+Tab) until the focused element matches `selector`; returns its outline. */
  async function tabTo(page: Page, selector: string, key = 'Tab', limit = 300): Promise<string> {
    for (let i = 0; i < limit; i++) {
      await page.keyboard.press(key);
      const hit = await page.evaluate((sel) => {
        const el = document.activeElement;
        if (!el || !el.matches(sel)) return null;
        const style = getComputedStyle(el);
        return `${style.outlineStyle} ${style.outlineWidth}`;
      }, selector);
      if (hit !== null) return hit;
    }
    throw new Error(`${selector} fick aldrig fokus med ${key}`);
  }

  const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');

  /** The message shown next to a control (its aria-describedby), and whether it is marked invalid. */
  async function fieldState(page: Page, control: ReturnType<Page['locator']>): Promise<{ invalid: string | null; message: string }> {
    const invalid = await control.getAttribute('aria-invalid');
    const ids = ((await control.getAttribute('aria-describedby')) ?? '').split(' ').filter(Boolean);
    const texts = await Promise.all(ids.map((id) => page.locator(`[id="${id}"]`).innerText()));
    return { invalid, message: texts.join(' ') };
  }

  it('Nytt sammanträde: Swedish messages next to the fields, then a draft copied from the previous meeting', async () => {
    const page = await open('sekreterare', '/sammantraden');
    await page.getByRole('link', { name: 'Nytt sammanträde' }).click();
    await page.getByRole('heading', { level: 1, name: 'Nytt sammanträde' }).waitFor();
    await page.waitForLoadState('networkidle');
    expect(await page.title()).toBe('Nytt sammanträde – Styrkort');
    await accessible(page, 'nytt-sammantrade');

    // an empty body and no date: both said in Swedish next to their fields, focus on the first
    await page.getByLabel('Organ').fill('');
    await page.getByRole('button', { name: 'Skapa sammanträdet' }).click();
    await page.getByRole('alert').waitFor();
    expect(await page.getByRole('alert').innerText()).toContain('Sammanträdet kunde inte skapas.');
    const body = await fieldState(page, page.getByLabel('Organ'));
    expect(body).toEqual({ invalid: 'true', message: 'Får inte vara tom.' });
    const date = await fieldState(page, page.getByLabel('Datum'));
    expect(date.invalid).toBe('true');
    expect(date.message).toContain('Ska vara ett datum som finns, ÅÅÅÅ-MM-DD.');
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name)).toBe('body');
    await accessible(page, 'nytt-sammantrade-fel');

    await page.getByLabel('Organ').fill('Regionstyrelsen');
    await page.getByLabel('Datum').fill('2026-09-16');
    // plan period and focus year follow the date; the previous meeting's structure is copied
    expect(await page.getByLabel('Planperiod').inputValue()).toBe('2026-2028');
    expect(await page.getByLabel('Fokusår').inputValue()).toBe('2026');
    expect(await page.getByLabel('Struktur').inputValue()).toBe('previous');
    await page.getByRole('button', { name: 'Skapa sammanträdet' }).click();
    await page.waitForURL(`**/sammantraden/${MEETING}/redigera`);
    await page.getByText('Sammanträdet är skapat som utkast med 4 punkter.').waitFor();
    expect(await page.locator('h1').innerText()).toBe('Redigera Regionstyrelsen 16 september 2026');
    expect(await page.locator('.readiness').innerText()).toContain('0 av 4 punkter klara');
    await expect.poll(() => page.locator('.agenda-item h4').allInnerTexts()).toEqual(['Infrastruktur', 'Tillgänglighet', 'Kompetensanalys m.m.', 'Internkontroll, välfärdsbrott']);
    await accessible(page, 'dagordning');

    // the list marks the draft in words, not by colour
    const list = await open('sekreterare', '/sammantraden');
    const draft = list.locator('.meeting-list li', { hasText: 'Regionstyrelsen 16 september 2026' });
    await draft.waitFor();
    expect(await draft.locator('.meeting-status').innerText()).toBe('Utkast');
    expect(await draft.getByRole('link', { name: 'Redigera Regionstyrelsen 16 september 2026' }).getAttribute('href')).toBe(`/sammantraden/${MEETING}/redigera`);
    await accessible(list, 'sammantraden-med-utkast');
  });

  it('Dagordning: add an item, give it to Helen Persson, move it up by keyboard (announced), delete an item after a confirmation', async () => {
    const page = await open('sekreterare', `/sammantraden/${MEETING}/redigera`);
    await page.getByRole('heading', { name: 'Ny informationspunkt' }).waitFor();

    // an item without a title is refused, in Swedish, next to the field
    const addForm = page.locator('.add-item');
    await addForm.getByRole('button', { name: 'Lägg till punkten' }).click();
    await addForm.getByRole('alert').waitFor();
    expect(await fieldState(page, addForm.getByLabel('Rubrik'))).toEqual({ invalid: 'true', message: 'Får inte vara tom.' });
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name)).toBe('title');

    await addForm.getByLabel('Rubrik').fill(NEW_ITEM);
    await addForm.getByLabel('Mål').selectOption({ label: GOAL });
    await addForm.getByRole('button', { name: 'Lägg till punkten' }).click();
    await page.getByText(`${NEW_ITEM} är tillagd sist under ${GOAL}.`).waitFor();
    const added = (await authoring(page)).items.find((i) => i.title === NEW_ITEM);
    expect(added?.presenters).toEqual([]);
    newItemId = added?.id ?? '';
    expect(newItemId).toBe(`${MEETING}-telefontillganglighet-i-primarvarden`);

    // presenters: Helen Persson, HR-direktör
    const item = page.locator(`[id="punkt-${newItemId}"]`);
    await item.getByRole('button', { name: `Ändra föredragande ${NEW_ITEM}` }).click();
    await item.getByLabel('Lägg till föredragande').selectOption({ label: 'Helen Persson, HR-direktör' });
    await item.getByRole('button', { name: 'Lägg till', exact: true }).click();
    expect(await item.locator('.presenter-list li').allInnerTexts()).toEqual([expect.stringContaining('Helen Persson, HR-direktör')]);
    await accessible(page, 'dagordning-foredragande');
    await item.getByRole('button', { name: `Spara föredragande ${NEW_ITEM}` }).click();
    await page.getByText(`Föredragande för ${NEW_ITEM} är sparade.`).waitFor();
    expect(await item.innerText()).toContain('Föredragande: Helen Persson, HR-direktör');
    expect(await focusedId(page)).toBe(`foredragande-${newItemId}`);
    expect((await authoring(page)).items.find((i) => i.id === newItemId)?.presenters.map((p) => p.personId)).toEqual(['helen-persson']);

    // the title as this pack prints it, set in the picker; emptied, the title held at the date again
    const titleAs = async (text: string) => {
      await item.getByRole('button', { name: `Ändra föredragande ${NEW_ITEM}` }).click();
      const field = item.getByLabel('Titel på dagordningen för Helen Persson');
      expect(await field.getAttribute('placeholder')).toBe('HR-direktör');
      await field.fill(text);
      await item.getByRole('button', { name: `Spara föredragande ${NEW_ITEM}` }).click();
      await page.getByText(`Föredragande för ${NEW_ITEM} är sparade.`).waitFor();
    };
    await titleAs('tf. personaldirektör');
    await expect.poll(() => item.innerText()).toContain('Föredragande: Helen Persson, tf. personaldirektör');
    expect((await authoring(page)).items.find((i) => i.id === newItemId)?.presenters).toEqual([expect.objectContaining({ personId: 'helen-persson', titleOverride: 'tf. personaldirektör' })]);
    await item.getByRole('button', { name: `Ändra föredragande ${NEW_ITEM}` }).click();
    await accessible(page, 'dagordning-foredragande-titel');
    await item.getByRole('button', { name: 'Avbryt' }).click();
    await titleAs('');
    await expect.poll(() => item.innerText()).toContain('Föredragande: Helen Persson, HR-direktör');
    expect((await authoring(page)).items.find((i) => i.id === newItemId)?.presenters).toEqual([expect.objectContaining({ personId: 'helen-persson', titleOverride: null })]);

    // keyboard only: from the top of the page to the new item's "Flytta upp", then Enter
    await page.locator('h1').focus();
    const outline = await tabTo(page, `[id="flytta-upp-${newItemId}"]`);
    expect(outline).toMatch(/^solid [1-9]/);
    await page.keyboard.press('Enter');
    const live = page.locator('.agenda-editor > [role="status"]');
    await expect.poll(() => live.innerText()).toBe(`${NEW_ITEM} är nu punkt 1 av 2 under ${GOAL}.`);
    expect(await focusedId(page)).toBe(`flytta-upp-${newItemId}`);
    const group = page.locator('.agenda-goal-group', { has: page.getByRole('heading', { level: 3, name: GOAL }) });
    expect(await group.locator('.agenda-item h4').allInnerTexts()).toEqual([NEW_ITEM, 'Tillgänglighet']);
    // pressing again at the top says so and changes nothing
    await page.keyboard.press('Enter');
    await expect.poll(() => live.innerText()).toBe(`${NEW_ITEM} är redan först under sitt mål.`);
    await expect.poll(async () => (await authoring(page)).items.filter((i) => i.goalId === '2026-2028:kvalitet').sort((a, b) => a.position - b.position).map((i) => i.title)).toEqual([NEW_ITEM, 'Tillgänglighet']);
    await accessible(page, 'dagordning-flyttad');

    // a reload shows the stored order
    await page.reload();
    await group.locator('.agenda-item h4').first().waitFor();
    expect(await group.locator('.agenda-item h4').allInnerTexts()).toEqual([NEW_ITEM, 'Tillgänglighet']);

    // to another goal: chosen in a list, the new place announced, focus kept on the item's button
    const infra = page.locator('.agenda-item', { hasText: 'Infrastruktur' });
    await infra.getByLabel('Flytta till mål Infrastruktur').selectOption({ label: 'Nöjda invånare och samarbetspartners' });
    await infra.getByRole('button', { name: 'Flytta Infrastruktur', exact: true }).click();
    await expect.poll(() => live.innerText()).toBe('Infrastruktur är flyttad till Nöjda invånare och samarbetspartners, punkt 1 av 1.');
    expect(await focusedId(page)).toBe(`flytta-till-${MEETING}-infrastruktur`);
    await expect.poll(async () => (await authoring(page)).items.find((i) => i.title === 'Infrastruktur')?.goalId).toBe('2026-2028:nojda-invanare');

    // deleting asks first (a dialog with focus inside; Escape closes it and focus returns)
    const last = page.locator('.agenda-item', { hasText: 'Internkontroll, välfärdsbrott' });
    const remove = last.getByRole('button', { name: 'Ta bort Internkontroll, välfärdsbrott' });
    await remove.click();
    const dialog = page.getByRole('dialog', { name: 'Ta bort punkten?' });
    await dialog.waitFor();
    expect(await dialog.innerText()).toContain('Internkontroll, välfärdsbrott tas bort ur utkastet med sina föredragande och 8 block.');
    expect(await page.evaluate(() => document.activeElement?.closest('dialog') !== null)).toBe(true);
    await accessible(page, 'ta-bort-dialog');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    expect(await page.evaluate(() => document.activeElement?.textContent)).toContain('Ta bort');
    await remove.click();
    await dialog.getByRole('button', { name: 'Ta bort punkten' }).click();
    await page.getByText('Internkontroll, välfärdsbrott är borttagen.').waitFor();
    expect((await authoring(page)).items.map((i) => i.title)).not.toContain('Internkontroll, välfärdsbrott');
    expect(await page.locator('.readiness').innerText()).toContain('0 av 4 punkter klara');
  });

  it('Föredragande: only her items are editable; she adds a key figure with a live preview of 98 %, writes text, saves and marks it ready', async () => {
    const agenda = await open('foredragande', `/sammantraden/${MEETING}/redigera`);
    await agenda.locator('.agenda-item').first().waitFor();
    // no agenda controls for a presenter, and an edit link only on the items she presents
    expect(await agenda.getByRole('button', { name: /Flytta upp/ }).count()).toBe(0);
    expect(await agenda.getByRole('heading', { name: 'Ny informationspunkt' }).count()).toBe(0);
    const editable = await agenda.getByRole('link', { name: /^Redigera innehållet/ }).evaluateAll((links) => links.map((a) => a.textContent));
    expect(editable).toEqual([`Redigera innehållet ${NEW_ITEM}`, 'Redigera innehållet Kompetensanalys m.m.']);
    await accessible(agenda, 'dagordning-foredragande-vy');

    // someone else's item, opened by its address: said so, and nothing to change
    const foreign = await open('foredragande', `/sammantraden/${MEETING}/punkter/${MEETING}-infrastruktur`);
    await foreign.getByText('Du kan inte ändra den här punkten.').waitFor();
    expect(await foreign.locator('main').getByRole('button').count()).toBe(0);
    expect(await foreign.locator('main input, main textarea, main select').count()).toBe(0);
    await accessible(foreign, 'annans-punkt');

    const page = agenda;
    await page.getByRole('link', { name: `Redigera innehållet ${NEW_ITEM}` }).click();
    await page.getByRole('heading', { level: 1, name: `Redigera: ${NEW_ITEM}` }).waitFor();
    await page.getByText('Punkten har inga block ännu.').waitFor();
    await accessible(page, 'punkt-tom');

    // a key figure: TeleQ calls answered the same day, Region Kalmar län, March 2026
    await page.getByLabel('Typ av block').selectOption({ label: 'Nyckeltal' });
    await page.getByRole('button', { name: 'Lägg till block' }).click();
    const block = page.locator('.block-editor').nth(0);
    await block.getByRole('heading', { name: 'Block 1: Nyckeltal' }).waitFor();
    expect(await focusedId(page)).toMatch(/-rubrik$/);
    await expect.poll(() => block.locator('.preview-status').innerText()).toBe('Välj indikator och period för att se förhandsvisningen.');
    await block.getByLabel('Sök indikator').fill('teleq');
    expect(await block.getByText(/indikator(er)? matchar/).innerText()).toMatch(/^[1-9]\d* indikator(er)? matchar\.$/);
    await block.getByLabel('Indikator', { exact: true }).selectOption('telefon-teleq-samma-dag');
    expect(await block.getByLabel('Område').inputValue()).toBe('0008');
    // an impossible period: the server's Swedish message appears next to the period field
    await block.getByLabel('Period', { exact: true }).fill('2026-13');
    await expect.poll(async () => (await fieldState(page, block.getByLabel('Period', { exact: true }))).invalid).toBe('true');
    expect((await fieldState(page, block.getByLabel('Period', { exact: true }))).message).toContain('Ogiltig period (väntat t.ex. 2025, 2025-T1');
    await accessible(page, 'punkt-forhandsvisning-fel');
    await block.getByLabel('Period', { exact: true }).fill('2026-03');
    await expect.poll(() => block.locator('.block-preview .key-figure .value').innerText().catch(() => '')).toBe(`98${NBSP}%`);
    expect(await block.locator('.block-preview').innerText()).toContain('mars 2026');
    expect(await block.locator('.block-preview').innerText()).toContain('Källa: TeleQ');
    expect(await block.getByLabel('Period', { exact: true }).getAttribute('aria-invalid')).toBeNull();
    await accessible(page, 'punkt-nyckeltal');

    // text: markdown, shown as the board sees it
    await page.getByLabel('Typ av block').selectOption({ label: 'Text' });
    await page.getByRole('button', { name: 'Lägg till block' }).click();
    const text = page.locator('.block-editor').nth(1);
    await text.getByLabel('Text', { exact: true }).fill('**Samma dag** besvaras 98 procent av samtalen.\n\n- <b>Bäst</b> i landet<script>alert(1)</script>');
    await expect.poll(() => text.locator('.block-preview strong').first().innerText().catch(() => '')).toBe('Samma dag');
    // the server takes raw HTML out before anything is shown or stored
    expect(await text.locator('.block-preview li').allInnerTexts()).toEqual(['Bäst i landet']);
    expect(await page.locator('.save-status').innerText()).toBe('Osparade ändringar.');

    await page.getByRole('button', { name: 'Spara', exact: true }).click();
    await page.getByText('Sparat: rubriken och 2 block.').waitFor();
    await page.getByRole('button', { name: 'Markera som klar' }).click();
    await page.getByText('Punkten är markerad som klar. Sekreteraren ser det på dagordningen.').waitFor();
    expect(await page.locator('.lead .ready').innerText()).toBe('✓ Klar');
    expect(await focusedId(page)).toBe('klar-knapp');
    await accessible(page, 'punkt-sparad');

    const stored = (await authoring(page)).items.find((i) => i.id === newItemId);
    expect(stored?.ready).toBe(true);
    expect(stored?.blocks.map((b) => b.block)).toEqual([
      expect.objectContaining({ type: 'key_figure', indicator: 'telefon-teleq-samma-dag', area: '0008', period: '2026-03' }),
      expect.objectContaining({ type: 'text', markdown: expect.stringContaining('**Samma dag** besvaras 98 procent') }),
    ]);
    // the stored text carries no markup: the server sanitised it
    expect(JSON.stringify(stored?.blocks[1]?.block)).not.toMatch(/<b>|<script>|alert/);
  });

  it('Sekreterare: an item with many block types loads unchanged, and every block type’s form is accessible', async () => {
    const page = await open('sekreterare', `/sammantraden/${MEETING}/punkter/${MEETING}-tillganglighet`);
    await page.getByRole('heading', { level: 1, name: 'Redigera: Tillgänglighet' }).waitFor();
    await expect.poll(() => page.locator('.block-editor').count()).toBe(27);
    await page.waitForLoadState('networkidle');
    // the stored blocks are shown as stored: nothing unsaved, every preview drawn
    expect(await page.locator('.save-status').innerText()).toBe('');
    expect(await page.locator('.block-preview .notice-error').count()).toBe(0);
    expect(await page.locator('.block-preview .block-ranking').count()).toBe(3);
    expect(await page.locator('.block-preview .block-chart').count()).toBe(2);
    await accessible(page, 'punkt-manga-block');

    const types = ['Resultaträkning', 'Tidslinje', 'Checklista', 'Risker', 'Tabell', 'Bild', 'Diagram', 'Rangordning'];
    for (const [i, type] of types.entries()) {
      await page.getByLabel('Typ av block').selectOption({ label: type });
      await page.getByRole('button', { name: 'Lägg till block' }).click();
      await page.getByRole('heading', { level: 3, name: `Block ${28 + i}: ${type}` }).waitFor();
    }
    expect(await page.locator('.save-status').innerText()).toBe('Osparade ändringar.');
    await page.waitForLoadState('networkidle');
    await accessible(page, 'punkt-alla-blocktyper');

    // the new timeline, as the packs write dates: phases by month, tertial and year, the parent
    // chosen by its name, a milestone in the first half of 2029; the preview says it in words
    const timeline = page.locator('.block-editor', { has: page.getByRole('heading', { level: 3, name: 'Block 29: Tidslinje' }) });
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
    const preview = timeline.locator('.block-preview');
    await expect.poll(() => preview.innerText(), { timeout: 60_000 }).toContain('första halvåret 2029: Inflyttning');
    expect(await preview.innerText()).toContain('T1 2029');
    expect(await preview.innerText()).toContain('ligger utanför sin överordnade fas "Projekt" (dec 2028–2030)');
    await accessible(page, 'punkt-tidslinje-perioder');
  }, 240_000);

  it('the editor reflows at 320 px without scrolling sideways', async () => {
    for (const path of [`/sammantraden/${MEETING}/redigera`, `/sammantraden/${MEETING}/punkter/${newItemId}`, `/sammantraden/${MEETING}/versioner`]) {
      const page = await open('sekreterare', path, { width: 320, height: 640 });
      await page.locator('main h2').first().waitFor();
      await page.waitForLoadState('networkidle');
      expect(await page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(320);
    }
  });

  it('Sekreterare: sees the item ready, publishes by keyboard with a confirmation, gets three files with SHA-256; withdrawing needs a reason; a correction makes a new draft', async () => {
    const agenda = await open('sekreterare', `/sammantraden/${MEETING}/redigera`);
    await agenda.locator('.readiness').waitFor();
    expect(await agenda.locator('.readiness').innerText()).toContain('1 av 4 punkter klara');
    expect(await agenda.locator(`[id="punkt-${newItemId}"] .ready`).innerText()).toBe('✓ Klar');
    expect(await agenda.locator('.agenda-item', { hasText: 'Tillgänglighet' }).last().locator('.ready').innerText()).toBe('○ Inte klar');

    await agenda.getByRole('link', { name: 'Publicera och se versioner' }).click();
    const page = agenda;
    await page.getByRole('heading', { level: 1, name: 'Publicering och versioner: Regionstyrelsen 16 september 2026' }).waitFor();
    expect(await page.getByText('Sammanträdet har inte publicerats ännu.').count()).toBe(1);
    await accessible(page, 'publicering');

    // keyboard only: to "Publicera", Enter opens the dialog with focus on "Avbryt"; Escape closes it
    await page.locator('h1').focus();
    expect(await tabTo(page, '#publicera-knapp')).toMatch(/^solid [1-9]/);
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Publicera version 1?' });
    await dialog.waitFor();
    expect(await dialog.innerText()).toContain('Bara 1 av 4 punkter är markerade som klara.');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Avbryt');
    await accessible(page, 'publicera-dialog');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    expect(await focusedId(page)).toBe('publicera-knapp');
    await page.keyboard.press('Enter');
    await dialog.waitFor();
    await page.keyboard.press('Shift+Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Publicera version 1');
    await page.keyboard.press('Enter');
    // while the three formats render, the status says so
    await expect.poll(() => page.locator('.publish-status [role="status"]').innerText()).toMatch(/Publicerar version 1: PowerPoint, PDF och webbpresentation tas fram|Version 1 är publicerad/);
    await page.getByText('Version 1 är publicerad. Filerna och deras SHA-256 står under Versioner.').waitFor({ timeout: 120_000 });
    expect(await focusedId(page)).toBe('version-1');

    const version = page.locator('article.version', { has: page.getByRole('heading', { name: /^Version 1/ }) });
    expect(await version.getByRole('heading', { level: 3 }).innerText()).toBe('Version 1 gällande');
    expect(await version.innerText()).toContain('Publicerad av');
    expect(await version.innerText()).toContain('Demo Sekreterare');
    const rows = version.locator('table.version-files tbody tr');
    expect(await rows.locator('th').allInnerTexts()).toEqual(['PowerPoint', 'PDF', 'Webbpresentation']);
    const hashes = await rows.locator('code.sha').allInnerTexts();
    expect(hashes).toHaveLength(3);
    for (const hash of hashes) expect(hash).toMatch(/^[0-9a-f]{64}$/);
    const links = await rows.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(links).toEqual(['pptx', 'pdf', 'html'].map((f) => `/api/meetings/${MEETING}/versions/1/deck.${f}`));
    // each shown hash is the one the stored file is served with
    for (const [i, href] of links.entries()) {
      const response = await page.request.get(`${web.url}${href}`);
      expect(response.status(), href ?? '').toBe(200);
      expect(response.headers()['x-content-sha256']).toBe(hashes[i]);
    }
    await accessible(page, 'publicerad');

    // withdrawing asks for a reason, in Swedish, next to the field
    await version.getByRole('button', { name: 'Återkalla version 1' }).click();
    const withdraw = page.getByRole('dialog', { name: 'Återkalla version 1?' });
    await withdraw.waitFor();
    const reason = withdraw.getByLabel('Skäl');
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('TEXTAREA');
    await withdraw.getByRole('button', { name: 'Återkalla version 1' }).click();
    await expect.poll(async () => (await fieldState(page, reason)).invalid).toBe('true');
    expect((await fieldState(page, reason)).message).toContain('Ange skälet till att versionen återkallas.');
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('TEXTAREA');
    await accessible(page, 'aterkalla-fel');
    await reason.fill('Fel siffra för telefontillgängligheten');
    await withdraw.getByRole('button', { name: 'Återkalla version 1' }).click();
    await page.getByText('Version 1 är återkallad.').waitFor();
    expect(await version.getByRole('heading', { level: 3 }).innerText()).toBe('Version 1 återkallad');
    expect(await version.innerText()).toContain('Fel siffra för telefontillgängligheten');
    expect(await version.getByRole('button').count()).toBe(0);
    await accessible(page, 'aterkallad');

    // a correction: the meeting is a draft again, for version 2
    await page.getByRole('button', { name: 'Rätta', exact: true }).click();
    const correction = page.getByRole('dialog', { name: 'Starta en rättelse?' });
    await correction.waitFor();
    await accessible(page, 'ratta-dialog');
    await correction.getByRole('button', { name: 'Starta rättelse' }).click();
    await page.getByText('Sammanträdet är ett utkast för version 2. Ändra punkterna och publicera igen.').waitFor();
    expect(await page.locator('.lead .meeting-status').innerText()).toBe('Utkast');
    expect(await page.getByRole('button', { name: 'Publicera', exact: true }).count()).toBe(1);
    expect((await authoring(page)).meeting.status).toBe('draft');
  }, 240_000);

  it('Läsare: published versions only, no editing controls anywhere', async () => {
    const page = await open('lasare', '/sammantraden/rs-2026-05-06/versioner');
    await page.getByRole('heading', { level: 1, name: 'Versioner av Regionstyrelsen 6 maj 2026' }).waitFor();
    await page.locator('table.version-files').first().waitFor();
    expect(await page.locator('main').getByRole('button').count()).toBe(0);
    expect(await page.locator('table.version-files tbody tr').count()).toBe(3);
    for (const hash of await page.locator('code.sha').allInnerTexts()) expect(hash).toMatch(/^[0-9a-f]{64}$/);
    await accessible(page, 'lasare-versioner');

    const list = await open('lasare', '/sammantraden');
    await list.locator('.meeting-list li').first().waitFor();
    expect(await list.locator('.meeting-list').innerText()).not.toContain('16 september 2026');
    expect(await list.getByRole('link', { name: 'Nytt sammanträde' }).count()).toBe(0);

    const meeting = await open('lasare', '/sammantraden/rs-2026-05-06');
    await meeting.getByRole('heading', { name: 'Dagordning' }).waitFor();
    expect(await meeting.getByRole('link', { name: /Redigera/ }).count()).toBe(0);
    expect(await meeting.getByRole('link', { name: 'Publicerade versioner' }).getAttribute('href')).toBe('/sammantraden/rs-2026-05-06/versioner');

    // the draft and its editor are not there for a board member
    const draft = await open('lasare', `/sammantraden/${MEETING}/redigera`);
    await draft.getByText('Bara de som redigerar sammanträden').waitFor();
    expect(await draft.locator('main').getByRole('button').count()).toBe(0);
  });

  it('Sekreterare: deletes a draft that was never published, after a confirmation, by keyboard; it is gone from the list', async () => {
    const page = await open('sekreterare', '/sammantraden');
    await page.getByRole('link', { name: 'Nytt sammanträde' }).click();
    await page.getByRole('heading', { level: 1, name: 'Nytt sammanträde' }).waitFor();
    await page.waitForLoadState('networkidle');
    await page.getByLabel('Organ').fill('Regionstyrelsen');
    await page.getByLabel('Datum').fill('2026-10-21');
    await page.getByRole('button', { name: 'Skapa sammanträdet' }).click();
    await page.waitForURL('**/sammantraden/regionstyrelsen-2026-10-21/redigera');
    await page.getByRole('link', { name: 'Publicera och se versioner' }).click();
    await page.getByRole('heading', { level: 2, name: 'Ta bort utkastet' }).waitFor();

    await page.locator('h1').focus();
    expect(await tabTo(page, '#ta-bort-knapp')).toMatch(/^solid [1-9]/);
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Ta bort Regionstyrelsen 21 oktober 2026?' });
    await dialog.waitFor();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Avbryt');
    await accessible(page, 'ta-bort-dialog');
    await page.keyboard.press('Shift+Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Ta bort utkastet');
    await page.keyboard.press('Enter');
    await page.waitForURL('**/sammantraden');
    await page.getByRole('status').filter({ hasText: 'Regionstyrelsen 21 oktober 2026 är borttaget.' }).waitFor();
    await page.locator('.meeting-list li').first().waitFor();
    expect(await page.locator('.meeting-list').innerText()).not.toContain('21 oktober 2026');
    await accessible(page, 'utkast-borttaget');
    const gone = await page.request.get(`${web.url}/api/meetings/regionstyrelsen-2026-10-21/authoring`);
    expect(gone.status()).toBe(404);

    // a published meeting has nothing to delete
    const published = await open('sekreterare', '/sammantraden/rs-2026-05-06/versioner');
    await published.locator('table.version-files').first().waitFor();
    expect(await published.getByRole('button', { name: 'Ta bort utkastet' }).count()).toBe(0);
  });

  it('two people save the same item: the second sees the conflict with the saved version, and nothing of either is lost', async () => {
    const path = `/sammantraden/${MEETING}/punkter/${newItemId}`;
    const helen = await open('foredragande', path);
    const sara = await open('sekreterare', path);
    for (const page of [helen, sara]) {
      await page.getByRole('heading', { level: 1 }).waitFor();
      await page.waitForLoadState('networkidle');
    }
    const text = (page: Page) => page.locator('.block-editor textarea').first();
    await text(helen).fill('Helens text: 98 % besvarades samma dag.');
    await text(sara).fill('Saras text: väntetiderna minskar.');
    await helen.getByRole('button', { name: 'Spara', exact: true }).click();
    await helen.locator('.save-status').getByText(/^Sparat/).waitFor();

    await sara.getByRole('button', { name: 'Spara', exact: true }).click();
    const conflict = sara.getByRole('alert').filter({ has: sara.getByRole('heading', { name: 'Någon annan har sparat punkten' }) });
    await conflict.waitFor();
    expect(await conflict.innerText()).toContain('Helen Persson sparade den');
    expect(await conflict.locator('.conflict-theirs').innerText()).toContain('Helens text: 98 % besvarades samma dag.');
    expect(await text(sara).inputValue()).toBe('Saras text: väntetiderna minskar.'); // her own version is still there
    expect(await sara.evaluate(() => document.activeElement?.id)).toBe('konflikt-rubrik');
    await accessible(sara, 'konflikt');
    // stored meanwhile: Helen's
    expect((await authoring(sara)).items.find((i) => i.id === newItemId)?.blocks.map((b) => b.block.markdown).filter(Boolean)).toContain('Helens text: 98 % besvarades samma dag.');

    // Sara copies Helen's sentence into hers by hand and keeps her version
    await text(sara).fill('Helens text: 98 % besvarades samma dag. Saras text: väntetiderna minskar.');
    await conflict.getByRole('button', { name: 'Behåll min version' }).click();
    await sara.locator('.save-status').getByText(/^Sparat/).waitFor();
    await conflict.waitFor({ state: 'detached' });
    expect((await authoring(sara)).items.find((i) => i.id === newItemId)?.blocks.map((b) => b.block.markdown).filter(Boolean)).toContain(
      'Helens text: 98 % besvarades samma dag. Saras text: väntetiderna minskar.',
    );

    // Helen, still on her older version, is told in turn and takes the saved one
    await text(helen).fill('Helens andra ändring');
    await helen.getByRole('button', { name: 'Spara', exact: true }).click();
    const hers = helen.getByRole('alert').filter({ has: helen.getByRole('heading', { name: 'Någon annan har sparat punkten' }) });
    await hers.waitFor();
    expect(await hers.innerText()).toContain('Demo Sekreterare sparade den');
    await hers.getByRole('button', { name: 'Ta den sparade versionen' }).click();
    expect(await text(helen).inputValue()).toBe('Helens text: 98 % besvarades samma dag. Saras text: väntetiderna minskar.');
  });

  web.itLoggedNoScriptErrors();
});
