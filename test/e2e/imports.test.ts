import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { koladaFixture, startKoladaStub, type KoladaStub } from '../support/koladaStub.js';
import { browserSession, screenshot } from './support/webApp.js';

/**
 * The import page in Chromium against the real server on the demo data: an analyst uploads a
 * CSV with a bad row, sees the Swedish problem with row and column, uploads the corrected file,
 * saves it, finds the value on the indicator page, undoes the import and the value is gone;
 * names are mapped and the mapping saved; problems are paged; Kolada is mapped and trial-fetched
 * from a local Kolada stand-in; a reader gets the server's refusal. axe finds nothing in any
 * state, and the wizard works by keyboard alone.
 */
const NBSP = '\u00a0';
const BUP = 'bup-medelvantetid-forsta-besok';

describe('import page in Chromium', () => {
  let kolada: KoladaStub;
  beforeAll(async () => {
    kolada = await startKoladaStub(koladaFixture());
  });
  afterAll(async () => {
    await kolada?.close();
  });
  const web = browserSession({ env: () => ({ STYRKORT_KOLADA_URL: kolada.url }) });

  /** A logged-in browser context on a path; refusals the test expects are allowed. */
  const open = (path: string, user: string, expectedStatuses: number[] = []) => web.open(path, { user, expectedStatuses });
  const accessible = web.expectAccessible;

  function csv(name: string, text: string) {
    return { name, mimeType: 'text/csv', buffer: Buffer.from(text, 'utf8') };
  }

  const step = (page: Page) => page.locator('.steps li[aria-current="step"]').innerText();
  const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');

  it('a bad row is shown as "rad 3, kolumn D"; the corrected file is saved, shows on the indicator page and is undone', async () => {
    const page = await open('/inlasning', 'analytiker');
    await page.getByRole('heading', { name: 'Tidigare inläsningar' }).waitFor();
    await accessible(page, 'inlasning');

    // nothing chosen: the message is next to the field, and the field has focus
    await page.getByRole('button', { name: 'Ladda upp och kontrollera' }).click();
    expect(await page.locator('#import-file-error').innerText()).toBe('Välj en fil att läsa in.');
    expect(await page.locator('#import-file').getAttribute('aria-invalid')).toBe('true');
    await expect.poll(() => focusedId(page)).toBe('import-file');
    expect(await page.locator('[role="alert"]').first().innerText()).toContain('Filen kunde inte läsas in.');
    await accessible(page, 'inlasning-utan-fil');

    const bad = `Indikator;Område;Period;Värde\n${BUP};bup;2026-05;22,5\n${BUP};bup;2026-06;2x\n`;
    await page.locator('#import-file').setInputFiles(csv('bup-maj-juni.csv', bad));
    await page.getByRole('button', { name: 'Ladda upp och kontrollera' }).click();
    await page.getByRole('heading', { name: 'Koppla', level: 3 }).waitFor();
    expect(await step(page)).toContain('Koppla');
    expect(await page.locator('dl.facts').first().innerText()).toContain('CSV, teckenkodning UTF-8, avgränsare semikolon');
    await page.getByText('Alla indikatorer och områden i filen känns igen.').waitFor();
    await accessible(page, 'inlasning-koppla');

    await page.getByRole('button', { name: 'Gå vidare till granskning' }).click();
    await page.getByRole('heading', { name: 'Granska', level: 3 }).waitFor();
    expect(await page.locator('.import-counts').innerText()).toMatch(/1 nytt värde\s+0 ändrade värden\s+0 oförändrade värden\s+✗\s*1 fel/);
    const issue = page.locator('table.import-issue-table tbody tr').first();
    await issue.waitFor();
    expect(await issue.locator('th, td').allInnerTexts()).toEqual(['rad 3, kolumn D', '2x', '"2x" är inget tal (tal)']);
    expect(await page.locator('table.import-changes').innerText()).toContain(`22,5${NBSP}dagar`);
    expect(await page.getByRole('link', { name: 'Ladda ned felen som CSV' }).getAttribute('href')).toMatch(/^\/api\/imports\/[0-9a-f-]+\/errors\.csv$/);
    await accessible(page, 'inlasning-granska-fel');

    // all or nothing: with a problem left, nothing is saved
    await page.getByRole('button', { name: 'Spara inläsningen' }).click();
    expect(await page.locator('#import-skip-invalid-error').innerText()).toBe(
      'Filen har 1 fel och sparas inte. Rätta filen och ladda upp den igen, eller välj att spara utan raderna som har fel.',
    );
    await expect.poll(() => focusedId(page)).toBe('import-skip-invalid');
    await accessible(page, 'inlasning-granska-sparas-inte');

    // the corrected file
    await page.getByRole('button', { name: 'Ladda upp en rättad fil' }).click();
    await page.getByRole('heading', { name: 'Välj fil', level: 3 }).waitFor();
    await page.locator('#import-file').setInputFiles(csv('bup-maj-juni.csv', bad.replace('2x', '23,4')));
    await page.getByRole('button', { name: 'Ladda upp och kontrollera' }).click();
    await page.getByRole('button', { name: 'Gå vidare till granskning' }).click();
    await page.getByRole('heading', { name: 'Granska', level: 3 }).waitFor();
    expect(await page.locator('.import-counts').innerText()).toMatch(/2 nya värden\s+0 ändrade värden\s+0 oförändrade värden\s+0 fel/);
    expect(await page.locator('table.import-issue-table').count()).toBe(0);
    await page.getByRole('button', { name: 'Spara inläsningen' }).click();
    await page.getByRole('heading', { name: 'Sparad', level: 3 }).waitFor();
    const done = await page.locator('.wizard-step [role="status"]').innerText();
    const batch = done.match(/^Inläsning (\d+) \(bup-maj-juni\.csv\) är sparad: 2 nya värden, 0 ändrade värden och 0 oförändrade värden\.$/)?.[1];
    expect(batch, done).toBeDefined();
    const row = page.locator('table.import-batches tbody tr').first();
    await expect.poll(() => row.locator('th').innerText()).toBe(batch);
    expect(await row.innerText()).toContain('bup-maj-juni.csv');
    await accessible(page, 'inlasning-sparad');

    const indicator = await open(`/indikator/${BUP}?omrade=bup`, 'analytiker');
    const may = indicator.locator('table.values tbody tr', { hasText: 'maj 2026' });
    await may.waitFor();
    expect(await may.innerText()).toContain(`22,5${NBSP}dagar`);
    expect(await may.innerText()).toContain(`Inläsning nr ${batch} (csv, bup-maj-juni.csv)`);
    expect(await indicator.locator('table.values tbody tr', { hasText: 'juni 2026' }).innerText()).toContain(`23,4${NBSP}dagar`);

    // undo the batch, after a confirmation
    await page.getByRole('button', { name: `Ångra inläsning ${batch}` }).click();
    const confirm = page.getByRole('group', { name: `Ångra inläsning ${batch} (bup-maj-juni.csv)?` });
    expect(await confirm.innerText()).toContain('2 nya värden tas bort och 0 ändrade värden får tillbaka sina gamla värden.');
    await accessible(page, 'inlasning-angra-fraga');
    await confirm.getByRole('button', { name: `Ja, ångra inläsning ${batch}` }).click();
    const undone = page.locator('.import-history p.notice[role="status"]');
    await undone.waitFor();
    expect(await undone.innerText()).toBe(`Inläsning ${batch} är ångrad: 2 värden togs bort och 0 fick tillbaka sina gamla värden.`);
    await expect.poll(() => row.innerText()).toMatch(/Ångrad .* av /);
    await accessible(page, 'inlasning-angrad');

    await indicator.reload();
    await indicator.locator('table.values tbody tr').first().waitFor();
    expect(await indicator.locator('table.values tbody tr', { hasText: 'maj 2026' }).count()).toBe(0);
    expect(await indicator.locator('table.values tbody tr', { hasText: 'juni 2026' }).count()).toBe(0);
  });

  it('keyboard only: an unknown name is mapped (and the mapping saved), reviewed and saved', async () => {
    const page = await open('/inlasning', 'analytiker');
    await page.getByRole('heading', { name: 'Tidigare inläsningar' }).waitFor();
    const focused = () =>
      page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        const style = el ? getComputedStyle(el) : null;
        const label = el?.id ? document.querySelector(`label[for="${el.id}"]`)?.textContent : null;
        return { tag: el?.tagName ?? '', id: el?.id ?? '', name: (label ?? el?.innerText ?? '').trim(), outline: style ? `${style.outlineStyle} ${style.outlineWidth}` : '' };
      });
    const tabTo = async (name: string, key = 'Tab', limit = 120) => {
      for (let i = 0; i < limit; i++) {
        await page.keyboard.press(key);
        const f = await focused();
        if (f.name === name) {
          expect(f.outline, `fokus på ${name} syns`).toMatch(/^solid [1-9]/);
          return f;
        }
      }
      throw new Error(`fokus nådde inte "${name}" med ${key}`);
    };

    const file = await tabTo('Fil att läsa in');
    expect(file.tag).toBe('INPUT');
    // the operating system's file dialog is outside the page: the file is handed to the focused input
    await page.locator('#import-file').setInputFiles(csv('bup-juli.csv', `Indikator;Område;Period;Värde\n${BUP};Barn- och ungdomspsyk;2026-07;21\n`));
    await tabTo('Ladda upp och kontrollera');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Koppla', level: 3 }).waitFor();
    await expect.poll(async () => (await focused()).tag).toBe('H3');

    await page.getByLabel('Område för ”Barn- och ungdomspsyk”').waitFor();
    const select = await tabTo('Område för ”Barn- och ungdomspsyk”');
    expect(select.tag).toBe('SELECT');
    expect(await page.locator(`#${select.id}`).getAttribute('aria-describedby')).toBe(`${select.id}-hint`);
    expect(await page.locator(`#${select.id}-hint`).innerText()).toBe('1 rad, första på rad 2, kolumn B.');
    await page.keyboard.type('Barn');
    expect(await page.locator(`#${select.id}`).inputValue()).toBe('bup');
    await tabTo('Spara kopplingarna och kontrollera igen');
    await page.keyboard.press('Enter');
    await page.getByText('Alla indikatorer och områden i filen känns igen.').waitFor();
    expect(await page.locator('.saved-mappings summary').innerText()).toBe('Sparade kopplingar (1)');

    await tabTo('Gå vidare till granskning');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Granska', level: 3 }).waitFor();
    await expect.poll(async () => (await focused()).tag).toBe('H3');
    expect(await page.locator('.import-counts').innerText()).toMatch(/1 nytt värde\s+0 ändrade värden\s+0 oförändrade värden\s+0 fel/);
    await tabTo('Spara inläsningen');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Sparad', level: 3 }).waitFor();
    await expect.poll(async () => (await focused()).tag).toBe('H3');
    expect(await page.locator('.wizard-step [role="status"]').innerText()).toMatch(/^Inläsning \d+ \(bup-juli\.csv\) är sparad: 1 nytt värde, 0 ändrade värden och 0 oförändrade värden\.$/);
    await screenshot(page, 'inlasning-tangentbord');

    // the saved mapping is used by the next file at once
    await tabTo('Läs in en fil till');
    await page.keyboard.press('Enter');
    await page.locator('#import-file').setInputFiles(csv('bup-augusti.csv', `Indikator;Område;Period;Värde\n${BUP};Barn- och ungdomspsyk;2026-08;20\n`));
    await tabTo('Ladda upp och kontrollera');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Koppla', level: 3 }).waitFor();
    await page.getByText('Alla indikatorer och områden i filen känns igen.').waitFor();
    await tabTo('Börja om med en annan fil');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Välj fil', level: 3 }).waitFor();
  });

  it('pages through many problems instead of listing them all', async () => {
    const page = await open('/inlasning', 'analytiker');
    const rows = Array.from({ length: 60 }, (_, n) => `${BUP};bup;2027-${String((n % 12) + 1).padStart(2, '0')};fel${n}`);
    await page.locator('#import-file').setInputFiles(csv('manga-fel.csv', `Indikator;Område;Period;Värde\n${rows.join('\n')}\n`));
    await page.getByRole('button', { name: 'Ladda upp och kontrollera' }).click();
    await page.getByRole('button', { name: 'Gå vidare till granskning' }).click();
    const caption = page.locator('table.import-issue-table caption');
    await caption.waitFor();
    await page.getByRole('heading', { name: 'Fel i filen (60)' }).waitFor();
    expect(await caption.innerText()).toBe('Fel i filen, 1–25 av 60');
    expect(await page.locator('table.import-issue-table tbody tr').count()).toBe(25);
    await page.getByRole('button', { name: 'Nästa' }).click();
    await expect.poll(() => caption.innerText()).toBe('Fel i filen, 26–50 av 60');
    expect(await page.locator('table.import-issue-table tbody tr th').first().innerText()).toBe('rad 27, kolumn D');
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('CAPTION');
    await accessible(page, 'inlasning-fel-sida-2');
    await page.getByRole('button', { name: 'Nästa' }).click();
    await expect.poll(() => caption.innerText()).toBe('Fel i filen, 51–60 av 60');
    expect(await page.locator('table.import-issue-table tbody tr').count()).toBe(10);
    await page.getByRole('button', { name: 'Ladda upp en rättad fil' }).click();
    await page.getByRole('heading', { name: 'Välj fil', level: 3 }).waitFor();
  });

  it('a file that cannot be read says why next to the file field; the review reflows at 320 px', async () => {
    const page = await open('/inlasning', 'analytiker');
    const broken = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(200, 1)]);
    await page.locator('#import-file').setInputFiles({ name: 'trasig.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: broken });
    await page.getByRole('button', { name: 'Ladda upp och kontrollera' }).click();
    const error = page.locator('#import-file-error');
    await error.waitFor();
    expect(await error.innerText()).toBe('Filen kan inte läsas som XLSX: ingen zip-katalog hittades (filen är skadad eller inte en XLSX-fil)');
    await expect.poll(() => focusedId(page)).toBe('import-file');
    expect(await step(page)).toContain('Välj fil');
    await accessible(page, 'inlasning-trasig-fil');

    // a narrow screen: nothing scrolls sideways but the tables, inside their own regions
    await page.setViewportSize({ width: 320, height: 800 });
    await page.locator('#import-file').setInputFiles(csv('smal.csv', `Indikator;Område;Period;Värde\n${BUP};bup;2027-01;2x\n${BUP};bup;2027-02;19\n`));
    await page.getByRole('button', { name: 'Ladda upp och kontrollera' }).click();
    await page.getByRole('button', { name: 'Gå vidare till granskning' }).click();
    await page.locator('table.import-issue-table tbody tr').first().waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await accessible(page, 'inlasning-320');
    await page.getByRole('button', { name: 'Ladda upp en rättad fil' }).click();
  });

  it('Kolada: a KPI is mapped to an indicator and a trial fetch shows what would be new (local Kolada)', async () => {
    const page = await open('/inlasning', 'analytiker', [400]);
    await page.getByRole('link', { name: 'Hämta från Kolada' }).click();
    await page.getByRole('heading', { name: 'KPI:er kopplade till indikatorer' }).waitFor();
    await accessible(page, 'kolada');

    await page.getByLabel('KPI', { exact: true }).fill('U79119');
    await page.getByLabel('Indikator', { exact: true }).selectOption('kolada-bup-utredning-behandling-30-dagar');
    await page.getByRole('button', { name: 'Spara kopplingen' }).click();
    const saved = page.locator('p[role="status"]', { hasText: 'är kopplad till' });
    await saved.waitFor();
    expect(await saved.innerText()).toMatch(/^U79119 är kopplad till /);
    const mapping = page.locator('table tbody tr', { hasText: 'U79119' });
    await expect.poll(() => mapping.count()).toBe(1);
    expect(await mapping.innerText()).toContain('BUP, påbörjad fördjupad utredning/behandling inom 30 dagar');

    // a year that is no year: the server's message, announced and next to nothing it cannot name
    await page.getByLabel('KPI:er', { exact: true }).fill('U79119');
    await page.getByLabel('Valda regioner').check();
    await page.getByLabel('Regionernas Kolada-id eller namn').fill('0008');
    await page.getByLabel('År', { exact: true }).fill('tjugotjugofyra');
    await page.getByRole('button', { name: 'Provhämta från Kolada' }).click();
    const alert = page.locator('#kolada-sync-problem');
    await alert.waitFor();
    expect(await alert.innerText()).toContain('"tjugotjugofyra" är inget år (väntat t.ex. 2016-2025 eller 2020,2022)');
    await accessible(page, 'kolada-fel');

    await page.getByLabel('År', { exact: true }).fill('2024-2025');
    await page.getByRole('button', { name: 'Provhämta från Kolada' }).click();
    const result = page.locator('.kolada-result');
    await result.waitFor();
    expect(await result.innerText()).toBe('Provhämtning klar, ingenting sparat: 2 nya värden, 0 ändrade värden, 0 oförändrade värden, 0 fel.');
    expect(await page.locator('table', { hasText: 'Hämtat per KPI' }).locator('tbody tr').innerText()).toContain('U79119');
    await accessible(page, 'kolada-provhamtning');
  });

  it('a reader sees no import controls and gets the server’s refusal at the address', async () => {
    const overview = await open('/', 'lasare');
    await overview.getByRole('navigation', { name: 'Huvudmeny' }).waitFor();
    await overview.waitForLoadState('networkidle');
    expect(await overview.getByRole('navigation', { name: 'Huvudmeny' }).innerText()).not.toMatch(/Inläsning|Indikatorer/);

    const page = await open('/inlasning', 'lasare', [403]);
    const refusal = page.locator('[role="alert"]');
    await refusal.waitFor();
    expect(await refusal.innerText()).toContain('Du har inte behörighet till det här.');
    expect(await page.locator('input[type="file"]').count()).toBe(0);
    expect(await page.getByRole('button').filter({ hasText: /Ångra|Ladda upp/ }).count()).toBe(0);
    await accessible(page, 'inlasning-lasare');

    const kolada2 = await open('/inlasning/kolada', 'lasare', [403]);
    await kolada2.locator('[role="alert"]').waitFor();
    expect(await kolada2.locator('[role="alert"]').innerText()).toContain('Du har inte behörighet till det här.');
    expect(await kolada2.locator('form').count()).toBe(0);
  });

  web.itLoggedNoScriptErrors();
});
