import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserSession } from './support/webApp.js';

/**
 * The indicator and target editor in Chromium against the real server on the demo data: an
 * analyst changes Antibiotikaförskrivning's target from ≤ 250 to ≤ 300 and the scorecard's status
 * turns from Ej uppnått to Uppnått; the server's Swedish messages appear next to the fields they
 * are about, with focus on the first; a new indicator gets a target between two limits; a reader
 * sees no edit controls and the API refuses them. axe finds nothing in any state.
 */
const NBSP = '\u00a0';
const ANTIBIOTICS = 'antibiotikaforskrivning';

describe('indicator editor in Chromium', () => {
  const web = browserSession();
  const open = (path: string, user: string, expectedStatuses: number[] = []) => web.open(path, { user, expectedStatuses });
  const accessible = web.expectAccessible;

  const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');
  const card = (page: Page) => page.locator('.card', { hasText: 'Antibiotikaförskrivning' });

  it('changing a target from ≤ 250 to ≤ 300 turns the scorecard’s status from Ej uppnått to Uppnått', async () => {
    const overview = await open('/', 'analytiker');
    await card(overview).locator('.status').waitFor();
    expect(await card(overview).locator('.status').innerText()).toBe('✗ Ej uppnått');
    expect(await card(overview).innerText()).toContain(`≤ 250${NBSP}per 1${NBSP}000 inv.`);

    const page = await open(`/indikator/${ANTIBIOTICS}`, 'analytiker', [400]);
    await page.getByRole('link', { name: 'Redigera indikatorn och målvärdena' }).click();
    await page.getByRole('heading', { name: 'Redigera: Antibiotikaförskrivning', level: 1 }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/indikator/${ANTIBIOTICS}/redigera`);
    const target = page.locator('.target-item').first();
    await target.waitFor();
    expect(await target.locator('.target-rule').innerText()).toBe(`≤ 250${NBSP}per 1${NBSP}000 inv. (från 2024, Alla områden, nationellt mål)`);
    await accessible(page, 'indikator-redigera');

    await target.getByRole('button', { name: 'Ändra: Stramas nationella mål: högst 250 antibiotikarecept per 1 000 invånare' }).click();
    const threshold = page.locator('#target-strama-250-threshold');
    await threshold.waitFor();
    await expect.poll(() => focusedId(page)).toBe('target-strama-250-comparator');
    expect(await threshold.inputValue()).toBe('250');
    expect(await page.locator('#target-strama-250-nearMargin').inputValue()).toBe('25');

    // what the server cannot accept comes back next to the field, announced, with focus on it
    await threshold.fill('tvåhundra');
    await page.getByRole('button', { name: 'Spara målvärdet' }).click();
    const thresholdError = page.locator('#target-strama-250-threshold-error');
    await thresholdError.waitFor();
    expect(await thresholdError.innerText()).toBe('Ska vara ett tal');
    expect(await threshold.getAttribute('aria-invalid')).toBe('true');
    expect(await threshold.getAttribute('aria-describedby')).toBe('target-strama-250-threshold-hint target-strama-250-threshold-error');
    expect(await page.locator('#target-strama-250-problem').getAttribute('role')).toBe('alert');
    expect(await page.locator('#target-strama-250-problem').innerText()).toContain('Målvärde: Ska vara ett tal');
    await expect.poll(() => focusedId(page)).toBe('target-strama-250-threshold');
    await accessible(page, 'indikator-malvarde-fel');
    await page.setViewportSize({ width: 320, height: 800 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth), 'inget sidledes rullande vid 320 px').toBeLessThanOrEqual(320);
    await page.setViewportSize({ width: 1280, height: 900 });

    await threshold.fill('300');
    await page.locator('#target-strama-250-validToYear').fill('2020');
    await page.getByRole('button', { name: 'Spara målvärdet' }).click();
    const toError = page.locator('#target-strama-250-validToYear-error');
    await toError.waitFor();
    expect(await toError.innerText()).toBe('Får inte vara före första giltiga år');
    expect(await page.locator('#target-strama-250-threshold-error').count()).toBe(0);
    await expect.poll(() => focusedId(page)).toBe('target-strama-250-validToYear');

    await page.locator('#target-strama-250-validToYear').fill('');
    await page.getByRole('button', { name: 'Spara målvärdet' }).click();
    const saved = page.locator('.targets-editor [role="status"]');
    await saved.waitFor();
    expect(await saved.innerText()).toBe('Målvärdet ”Stramas nationella mål: högst 250 antibiotikarecept per 1 000 invånare” är sparat.');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('status');
    expect(await target.locator('.target-rule').innerText()).toBe(`≤ 300${NBSP}per 1${NBSP}000 inv. (från 2024, Alla områden, nationellt mål)`);
    await accessible(page, 'indikator-malvarde-sparat');

    await overview.reload();
    await card(overview).locator('.status').waitFor();
    expect(await card(overview).locator('.status').innerText()).toBe('✓ Uppnått');
    expect(await card(overview).innerText()).toContain(`≤ 300${NBSP}per 1${NBSP}000 inv.`);
  });

  it('the server refuses a new period type for an indicator with stored outcomes, next to the field', async () => {
    const page = await open(`/indikator/${ANTIBIOTICS}/redigera`, 'analytiker', [400]);
    const periodType = page.locator('#indicator-periodType');
    await periodType.waitFor();
    expect(await page.locator('#indicator-periodType-hint').innerText()).toBe('Kan inte ändras när indikatorn har lagrade utfall.');
    await periodType.selectOption('month');
    await page.getByRole('button', { name: 'Spara ändringarna' }).click();
    const error = page.locator('#indicator-periodType-error');
    await error.waitFor();
    expect(await error.innerText()).toBe('Kan inte ändras när indikatorn har lagrade utfall');
    await expect.poll(() => focusedId(page)).toBe('indicator-periodType');
    expect(await page.locator('#indicator-problem').innerText()).toContain('Periodtyp: Kan inte ändras när indikatorn har lagrade utfall');
    await accessible(page, 'indikator-periodtyp-fel');

    // a change the server accepts
    await periodType.selectOption('year');
    await page.locator('#indicator-shortName').fill('Antibiotika');
    await page.getByRole('button', { name: 'Spara ändringarna' }).click();
    const status = page.locator('#definition-heading ~ [role="status"]');
    await status.waitFor();
    expect(await status.innerText()).toBe('Ändringarna är sparade.');
    const detail = await page.request.get(`${web.url}/api/indicators/${ANTIBIOTICS}`);
    expect(await detail.json()).toMatchObject({ shortName: 'Antibiotika', periodType: 'year' });
  });

  it('a new indicator from the list, with the missing fields named, and a target between two limits', async () => {
    const page = await open('/indikatorer', 'analytiker', [400]);
    await page.locator('table.indicator-list tbody tr').first().waitFor();
    await accessible(page, 'indikatorer');
    await page.getByLabel('Filtrera på namn, id eller källa').fill('antibiotika');
    await expect.poll(() => page.locator('table.indicator-list tbody tr').count()).toBe(1);
    expect(await page.getByRole('status').filter({ hasText: 'visas' }).innerText()).toBe('1 indikator visas.');

    await page.getByRole('link', { name: 'Ny indikator' }).click();
    await page.getByRole('heading', { name: 'Ny indikator', level: 1 }).waitFor();
    await page.getByLabel('Namn', { exact: true }).fill('Väntetid på testmottagningen');
    expect(await page.getByLabel('Id', { exact: true }).inputValue()).toBe('vantetid-pa-testmottagningen');
    await page.getByRole('button', { name: 'Skapa indikatorn' }).click();
    const sourceError = page.locator('#indicator-source-error');
    await sourceError.waitFor();
    expect(await sourceError.innerText()).toBe('Får inte vara tom');
    await expect.poll(() => focusedId(page)).toBe('indicator-source');
    await accessible(page, 'indikator-ny-fel');

    await page.getByLabel('Källa', { exact: true }).fill('Region Kalmar län, testmottagningen');
    await page.getByLabel('Enhet', { exact: true }).selectOption('dagar');
    await page.getByLabel('Riktning', { exact: true }).selectOption('lower_is_better');
    await page.getByLabel('Sveriges bästa kvalitet, tillgänglighet och säkerhet').check();
    await page.getByRole('button', { name: 'Skapa indikatorn' }).click();
    await page.getByRole('heading', { name: 'Redigera: Väntetid på testmottagningen', level: 1 }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/indikator/vantetid-pa-testmottagningen/redigera');
    expect(await page.locator('#definition-heading ~ [role="status"]').innerText()).toBe('Indikatorn är skapad. Lägg till målvärden nedan.');

    await page.getByRole('button', { name: 'Lägg till ett målvärde' }).click();
    await expect.poll(() => focusedId(page)).toBe('target-new-comparator');
    await page.locator('#target-new-comparator').selectOption('between');
    await page.getByRole('button', { name: 'Lägg till målvärdet' }).click();
    const summary = page.locator('#target-new-problem');
    await summary.waitFor();
    expect(await summary.locator('li').allInnerTexts()).toEqual(['Nedre gräns: Ska vara ett tal', 'Beskrivning: Får inte vara tom']);
    await expect.poll(() => focusedId(page)).toBe('target-new-threshold');
    expect(await page.locator('#target-new-label').getAttribute('aria-invalid')).toBe('true');
    await accessible(page, 'indikator-nytt-malvarde-fel');

    // the rule across fields: "between" needs an upper limit
    await page.locator('#target-new-threshold').fill('10');
    await page.locator('#target-new-label').fill('Mellan 10 och 20 dagar');
    await page.getByRole('button', { name: 'Lägg till målvärdet' }).click();
    await expect.poll(() => summary.locator('li').allInnerTexts()).toEqual(['Övre gräns: Krävs när jämförelsen är "mellan"']);
    expect(await page.locator('#target-new-upper-error').innerText()).toBe('Krävs när jämförelsen är "mellan"');
    await expect.poll(() => focusedId(page)).toBe('target-new-upper');

    await page.locator('#target-new-upper').fill('20');
    await page.getByRole('button', { name: 'Lägg till målvärdet' }).click();
    await page.locator('.targets-editor [role="status"]').waitFor();
    expect(await page.locator('.targets-editor [role="status"]').innerText()).toBe('Målvärdet är tillagt.');
    const year = new Date().getFullYear();
    expect(await page.locator('.target-item .target-rule').first().innerText()).toBe(`10–20${NBSP}dagar (från ${year}, Alla områden, regionplan)`);
    const stored = await (await page.request.get(`${web.url}/api/indicators/vantetid-pa-testmottagningen`)).json();
    expect(stored).toMatchObject({ unit: 'dagar', direction: 'lower_is_better', goalLineIds: ['kvalitet'], targets: [{ comparator: 'between', threshold: 10, upper: 20 }] });

    // and removed again, after a question
    await page.getByRole('button', { name: 'Ta bort: Mellan 10 och 20 dagar' }).click();
    await page.getByRole('group', { name: 'Ta bort målvärdet ”Mellan 10 och 20 dagar”?' }).getByRole('button', { name: 'Ja, ta bort målvärdet' }).click();
    await expect.poll(() => page.locator('.targets-editor [role="status"]').innerText()).toBe('Målvärdet ”Mellan 10 och 20 dagar” är borttaget.');
    expect(await page.locator('.target-item .target-rule').count()).toBe(0);
  });

  it('a reader sees no edit controls, the editor says why, and the API refuses the change', async () => {
    const indicator = await open(`/indikator/${ANTIBIOTICS}`, 'lasare');
    await indicator.locator('table.values tbody tr').first().waitFor();
    expect(await indicator.getByRole('link', { name: 'Redigera indikatorn och målvärdena' }).count()).toBe(0);
    expect(await indicator.getByRole('navigation', { name: 'Huvudmeny' }).innerText()).not.toContain('Indikatorer');

    const page = await open(`/indikator/${ANTIBIOTICS}/redigera`, 'lasare');
    const refusal = page.locator('[role="alert"]');
    await refusal.waitFor();
    expect(await refusal.innerText()).toContain('Du har inte behörighet att ändra indikatorer och målvärden.');
    expect(await page.locator('form').count()).toBe(0);
    await accessible(page, 'indikator-redigera-lasare');

    const list = await open('/indikatorer', 'lasare');
    await list.locator('[role="alert"]').waitFor();
    expect(await list.getByRole('link', { name: 'Ny indikator' }).count()).toBe(0);

    // the server's own answer to the change the page does not offer
    const session = await (await page.request.get(`${web.url}/api/auth/session`)).json();
    const refused = await page.request.patch(`${web.url}/api/targets/strama-250`, { headers: { origin: web.url, 'x-csrf-token': session.csrfToken }, data: { threshold: 1 } });
    expect(refused.status()).toBe(403);
    expect((await refused.json()).error.message).toBe('Du har inte behörighet till det här.');
  });

  web.itLoggedNoScriptErrors();
});
