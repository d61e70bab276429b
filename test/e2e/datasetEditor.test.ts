import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserSession } from './support/webApp.js';

/**
 * The table (dataset) editor in Chromium against the real server on the demo data: an analyst
 * creates a table by pasting tab-separated text with Swedish numbers, the columns come from the
 * header row, the total row pasted along is dropped and the computed one shows; a text in a number
 * cell stops the save with the row and column named (nothing stored); saved, reloaded and found
 * in the list. The grid is worked by keyboard alone, and a paste into a cell fills the grid from
 * there. axe finds nothing on the list, the new and the saved editor, and the error state.
 */
const NBSP = '\u00a0';
const TITLE = 'Avtal särskilda persontransporter 2027';
const ID = 'avtal-sarskilda-persontransporter-2027';
const PASTE = [
  'Trafikföretag\tPaket\tFordon\tAndel el',
  `Nilsbuss\t4\t1${NBSP}200\t12,5 %`,
  'Bivab\t1\t34\t−',
  '"Taxi ""Kalmar"""\t2\t5\t100 %',
  `Totalt\t7\t1${NBSP}239\t`,
  '',
].join('\r\n');

describe('dataset editor in Chromium', () => {
  const web = browserSession();
  const accessible = web.expectAccessible;

  const active = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.id ?? '');
  const totals = (page: Page) => page.locator('table.grid-table tfoot td').allInnerTexts();
  const stored = async (page: Page) => (await page.request.get(`${web.url}/api/datasets/${ID}`)).json() as Promise<{ title: string; rows: unknown[]; totals: Record<string, number | null> }>;

  it('an analyst pastes a table from Excel, sees the computed total, is stopped by a text in a number cell, saves and finds it again', async () => {
    const list = await web.open('/tabeller', { user: 'analytiker' });
    await list.getByRole('link', { name: 'Fakta trafikavtal särskilda persontransporter och Närtrafik 2026' }).waitFor();
    await accessible(list, 'tabeller');
    await list.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Tabeller' }).waitFor();
    await list.getByRole('link', { name: 'Ny tabell' }).click();
    await list.getByRole('heading', { name: 'Ny tabell', level: 1 }).waitFor();
    await accessible(list, 'tabell-ny');

    const page = list;
    await page.getByLabel('Titel', { exact: true }).fill(TITLE);
    await page.getByLabel('Källa', { exact: true }).fill('Kalmar länstrafik');
    await page.getByRole('textbox', { name: 'Klistra in från Excel' }).fill(PASTE);
    await page.getByRole('button', { name: 'Läs in raderna' }).click();
    const status = page.locator('.paste-status');
    await expect.poll(() => status.innerText()).toContain('3 rader lästes in.');
    expect(await status.innerText()).toContain('Kolumnerna togs från rubrikraden; kontrollera typ, enhet och summarad.');
    expect(await status.innerText()).toContain('Summaraden "Totalt" (rad 4) togs bort: summor räknas fram ur raderna och skrivs inte in.');

    // the columns came from the header row, typed by their cells
    expect(await page.locator('.column-card legend').allInnerTexts()).toEqual(['Kolumn 1: Trafikföretag', 'Kolumn 2: Paket', 'Kolumn 3: Fordon', 'Kolumn 4: Andel el']);
    expect(await page.getByRole('group', { name: 'Kolumn 4: Andel el' }).getByLabel('Enhet').inputValue()).toBe('procent');
    expect(await page.getByRole('group', { name: 'Kolumn 4: Andel el' }).getByLabel('Decimaler').inputValue()).toBe('1');
    expect(await page.getByLabel('Rad 2, Fordon', { exact: true }).inputValue()).toBe('34');
    expect(await page.getByLabel('Rad 1, Fordon', { exact: true }).inputValue()).toBe('1200');
    expect(await page.getByLabel('Rad 3, Trafikföretag', { exact: true }).inputValue()).toBe('Taxi "Kalmar"');
    expect(await page.getByLabel('Rad 2, Andel el', { exact: true }).inputValue()).toBe('');

    // which columns the total row sums or counts is the analyst's choice; it is computed at once
    await page.getByRole('group', { name: 'Kolumn 1: Trafikföretag' }).getByLabel('Summaraden').selectOption('count');
    await page.getByRole('group', { name: 'Kolumn 2: Paket' }).getByLabel('Summaraden').selectOption('sum');
    await page.getByRole('group', { name: 'Kolumn 3: Fordon' }).getByLabel('Summaraden').selectOption('sum');
    expect(await page.locator('table.grid-table tfoot th').innerText()).toBe('Summa (beräknad)');
    await expect.poll(() => totals(page)).toEqual(['3', '7', `1${NBSP}239`, 'ingen summa', '']);
    await accessible(page, 'tabell-inklistrad');

    // a text in a number cell: nothing is sent, the row and column are named, focus on the cell
    await page.getByLabel('Rad 2, Fordon', { exact: true }).fill('tolv');
    await expect.poll(() => totals(page)).toEqual(['3', '7', `1${NBSP}205`, 'ingen summa', '']);
    await page.getByRole('button', { name: 'Skapa tabellen' }).click();
    const summary = page.locator('#dataset-problem');
    await summary.waitFor();
    expect(await summary.getAttribute('role')).toBe('alert');
    expect(await summary.innerText()).toContain('Tabellen kunde inte skapas.');
    expect(await summary.locator('li').allInnerTexts()).toEqual(['Rad 2, kolumn "Fordon": "tolv" är inte ett tal']);
    const bad = page.getByLabel('Rad 2, Fordon', { exact: true });
    expect(await bad.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await bad.getAttribute('aria-describedby')) ?? '';
    expect(await page.locator(`[id="${describedBy}"]`).innerText()).toBe('"tolv" är inte ett tal');
    await expect.poll(() => active(page)).toBe('Rad 2, Fordon');
    await accessible(page, 'tabell-fel');
    expect((await page.request.get(`${web.url}/api/datasets/${ID}`)).status()).toBe(404);

    await bad.fill('34');
    await page.getByRole('button', { name: 'Skapa tabellen' }).click();
    await page.getByRole('heading', { name: `Redigera tabell: ${TITLE}`, level: 1 }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/tabeller/${ID}/redigera`);
    expect(await page.getByRole('status').filter({ hasText: 'Tabellen är skapad.' }).count()).toBe(1);
    expect(await stored(page)).toMatchObject({
      title: TITLE,
      rows: [
        { trafikforetag: 'Nilsbuss', paket: 4, fordon: 1200, andel_el: 12.5 },
        { trafikforetag: 'Bivab', paket: 1, fordon: 34, andel_el: null },
        { trafikforetag: 'Taxi "Kalmar"', paket: 2, fordon: 5, andel_el: 100 },
      ],
      totals: { trafikforetag: 3, paket: 7, fordon: 1239, andel_el: null },
    });

    await page.reload();
    await page.getByRole('heading', { name: `Redigera tabell: ${TITLE}`, level: 1 }).waitFor();
    expect(await page.getByLabel('Titel', { exact: true }).inputValue()).toBe(TITLE);
    expect(await page.getByLabel('Rad 3, Trafikföretag', { exact: true }).inputValue()).toBe('Taxi "Kalmar"');
    expect(await totals(page)).toEqual(['3', '7', `1${NBSP}239`, 'ingen summa', '']);
    await accessible(page, 'tabell-redigera');

    await page.getByRole('link', { name: 'Alla tabeller' }).click();
    const row = page.locator('table.dataset-list tbody tr', { hasText: TITLE });
    await row.waitFor();
    expect(await row.locator('td').allInnerTexts()).toEqual(['Kalmar länstrafik', 'Trafikföretag · Paket · Fordon · Andel el', '3']);
  });

  it('the grid is worked by keyboard alone, and a paste into a cell fills the grid from there', async () => {
    const page = await web.open(`/tabeller/${ID}/redigera`, { user: 'analytiker' });
    const first = page.getByLabel('Rad 1, Trafikföretag', { exact: true });
    await first.waitFor();
    await first.focus();
    await page.keyboard.press('End');
    // inside the text the arrows move the caret; at its edge, to the next cell
    await page.keyboard.press('ArrowLeft');
    expect(await active(page)).toBe('Rad 1, Trafikföretag');
    await page.keyboard.press('End');
    await page.keyboard.press('ArrowRight');
    expect(await active(page)).toBe('Rad 1, Paket');
    await page.keyboard.press('ArrowDown');
    expect(await active(page)).toBe('Rad 2, Paket');
    await page.keyboard.press('ArrowRight');
    expect(await active(page)).toBe('Rad 2, Fordon');
    await page.keyboard.press('ArrowLeft');
    expect(await active(page)).toBe('Rad 2, Paket');
    await page.keyboard.press('Enter');
    expect(await active(page)).toBe('Rad 3, Paket');
    await page.keyboard.press('Tab');
    expect(await active(page)).toBe('Rad 3, Fordon');
    // Enter on the last row adds a row, never submits the form
    await page.keyboard.press('Enter');
    await expect.poll(() => active(page)).toBe('Rad 4, Fordon');
    await page.keyboard.type('10');
    await expect.poll(() => totals(page)).toEqual(['3', '7', `1${NBSP}249`, 'ingen summa', '']);
    await page.keyboard.press('Shift+Tab');
    expect(await active(page)).toBe('Rad 4, Paket');
    await page.keyboard.press('ArrowLeft');
    expect(await active(page)).toBe('Rad 4, Trafikföretag');
    await page.keyboard.press('ArrowUp');
    expect(await active(page)).toBe('Rad 3, Trafikföretag');
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe(`Redigera tabell: ${TITLE}`);

    // two rows copied in Excel, pasted into row 4's first cell: row 4 filled, row 5 added
    await page.getByLabel('Rad 4, Trafikföretag', { exact: true }).evaluate((input) => {
      const data = new DataTransfer();
      data.setData('text/plain', 'Nybro Taxi\t2\r\nBorgholm\t1\r\n');
      input.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    });
    await expect.poll(() => page.getByLabel('Rad 5, Trafikföretag', { exact: true }).inputValue()).toBe('Borgholm');
    expect(await page.getByLabel('Rad 4, Trafikföretag', { exact: true }).inputValue()).toBe('Nybro Taxi');
    expect(await page.getByLabel('Rad 4, Fordon', { exact: true }).inputValue()).toBe('10');
    expect(await page.locator('.paste-status').innerText()).toContain('2 rader lästes in.');
    await expect.poll(() => totals(page)).toEqual(['5', '10', `1${NBSP}249`, 'ingen summa', '']);

    // and all by keyboard to the save button
    await page.getByRole('button', { name: 'Spara tabellen' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: 'Tabellen är sparad.' }).waitFor();
    expect((await stored(page)).totals).toEqual({ trafikforetag: 5, paket: 10, fordon: 1249, andel_el: null });
  });

  it('a reader has no link to the tables and the editor says why', async () => {
    const page = await web.open('/tabeller/ny', { user: 'lasare' });
    const refusal = page.locator('[role="alert"]');
    await refusal.waitFor();
    expect(await refusal.innerText()).toBe('Du har inte behörighet att ändra tabeller.');
    expect(await page.getByRole('navigation', { name: 'Huvudmeny' }).innerText()).not.toContain('Tabeller');
    expect(await page.locator('form').count()).toBe(0);
    await accessible(page, 'tabell-lasare');
  });

  web.itLoggedNoScriptErrors();
});
