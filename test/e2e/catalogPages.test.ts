import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserSession } from './support/webApp.js';

/**
 * Personer and Riskregister in Chromium against the real server on the demo data. The secretary
 * adds Karin Ek as ekonomichef from 2024-01-01, gives her regiondirektör from 2026-09-01 and ends
 * the first title 2026-08-31; a title that ends before it starts is refused next to the field and
 * nothing is saved; a title entered by mistake is removed after a question. The analyst creates a
 * register, adds a risk of 3 × 4 (12, Hantera risk, computed by the server) and one with a
 * reported score of 6, moves the second up and finds the order after a reload; adds a risk by
 * keyboard alone. An administrator follows a risk's history link into the change log. axe finds
 * nothing in any state; a reader is offered neither page.
 */
interface Focused {
  id: string;
  tag: string;
  label: string | null;
  role: string | null;
  text: string;
}

interface StoredPerson {
  id: string;
  name: string;
  titles: Array<{ id: number; title: string; roleId: string | null; validFrom: string; validTo: string | null }>;
}

interface StoredRegister {
  id: string;
  title: string;
  year: number;
  areaId: string | null;
  risks: Array<{ id: string; position: number; categoryCode: string; title: string; probability: number | null; consequence: number | null; reportedScore: number | null; score: number | null; band: { label: string } | null; computed: boolean; control: string | null; owner: string | null }>;
}

describe('people and risk registers in Chromium', () => {
  // the refusals the tests provoke on purpose are logged by Chromium as failed loads
  const web = browserSession({ expectedStatuses: [400] });
  const open = (path: string, user: string) => web.open(path, { user });
  const accessible = web.expectAccessible;

  const focused = (page: Page): Promise<Focused> =>
    page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      return { id: el?.id ?? '', tag: el?.tagName ?? '', label: el?.getAttribute('aria-label') ?? null, role: el?.getAttribute('role') ?? null, text: el?.innerText?.trim() ?? '' };
    });

  /** Tab until the focused element matches; fails after `limit` presses. */
  async function tabTo(page: Page, match: (f: Focused) => boolean, limit = 200): Promise<Focused> {
    for (let i = 0; i < limit; i++) {
      await page.keyboard.press('Tab');
      const f = await focused(page);
      if (match(f)) return f;
    }
    throw new Error(`fokus nådde inte målet med Tab (${limit} tryck)`);
  }

  const nav = (page: Page) => page.getByRole('navigation', { name: 'Huvudmeny' }).innerText();

  /** The table's body rows as the cells' text (the hidden "uppgift saknas" after a dash left out). */
  const rows = (page: Page, table: string) =>
    page.locator(`table.${table} tbody tr`).evaluateAll((trs) =>
      trs.map((tr) =>
        [...tr.querySelectorAll(':scope > th, :scope > td')].map((cell) => {
          const copy = cell.cloneNode(true) as HTMLElement;
          copy.querySelectorAll('.visually-hidden').forEach((n) => n.remove());
          return (copy.textContent ?? '').replace(/\s+/g, ' ').trim();
        }),
      ),
    );

  const getJson = async <T,>(page: Page, path: string): Promise<T> => {
    const response = await page.request.get(`${web.url}${path}`);
    expect(response.status(), path).toBe(200);
    return (await response.json()) as T;
  };

  it('the secretary adds Karin Ek as ekonomichef, then regiondirektör from a date, and ends the first title', async () => {
    const page = await open('/personer', 'sekreterare');
    await page.getByRole('heading', { name: 'Personer', level: 1 }).waitFor();
    expect(await nav(page)).toContain('Personer');
    expect(await nav(page)).not.toContain('Riskregister');
    await page.locator('table.catalog-people tbody tr').first().waitFor();
    expect(await rows(page, 'catalog-people')).toContainEqual(['Mattias Ask', 'trafikdirektör']);
    await accessible(page, 'personer');

    await page.getByLabel('Namn', { exact: true }).fill('Karin Ek');
    await page.getByLabel('Titel', { exact: true }).fill('ekonomichef');
    await page.getByLabel('Första dag', { exact: true }).fill('2024-01-01');
    await page.getByRole('button', { name: 'Lägg till personen' }).click();
    const created = page.getByRole('status').filter({ hasText: 'är tillagd' });
    await created.waitFor();
    expect(await created.innerText()).toBe('Karin Ek är tillagd.');
    await expect.poll(async () => (await focused(page)).role).toBe('status');
    await expect.poll(() => rows(page, 'catalog-people')).toContainEqual(['Karin Ek', 'ekonomichef']);
    expect(await page.getByLabel('Namn', { exact: true }).inputValue()).toBe('');

    await page.getByRole('link', { name: 'Karin Ek' }).click();
    await page.getByRole('heading', { name: 'Karin Ek', level: 1 }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/personer/karin-ek');
    expect(await page.title()).toBe('Karin Ek – Styrkort');
    await page.locator('table.catalog-titles tbody tr').first().waitFor();
    expect((await rows(page, 'catalog-titles')).map((r) => r.slice(0, 4))).toEqual([['ekonomichef', 'ingen', '1 januari 2024', 'tills vidare']]);
    await accessible(page, 'person');

    // a new title from a date
    await page.locator('#title-new-title').fill('regiondirektör');
    await page.locator('#title-new-roleId').fill('regiondirektor');
    await page.locator('#title-new-validFrom').fill('2026-09-01');
    await page.getByRole('button', { name: 'Lägg till titeln' }).click();
    await expect.poll(() => page.locator('#titles-heading ~ p.notice[role="status"]').innerText()).toBe('Titeln är tillagd.');
    await expect.poll(async () => (await focused(page)).role).toBe('status');
    expect(await page.locator('#title-new-title').inputValue()).toBe('');

    // the first one ended the day before
    await page.getByRole('button', { name: 'Ändra: ekonomichef, från 1 januari 2024' }).click();
    await page.getByRole('heading', { name: 'Ändra titeln ”ekonomichef”', level: 3 }).waitFor();
    await expect.poll(async () => (await focused(page)).id).toMatch(/^title-\d+-title$/);
    const editId = (await focused(page)).id.replace(/-title$/, '');
    expect(await page.locator(`#${editId}-validFrom`).inputValue()).toBe('2024-01-01');
    await page.locator(`#${editId}-validTo`).fill('2026-08-31');
    await page.getByRole('button', { name: 'Spara titeln' }).click();
    await expect.poll(() => page.locator('#titles-heading ~ p.notice[role="status"]').innerText()).toBe('Titeln ”ekonomichef” är sparad.');
    expect((await rows(page, 'catalog-titles')).map((r) => r.slice(0, 4))).toEqual([
      ['ekonomichef', 'ingen', '1 januari 2024', '31 augusti 2026'],
      ['regiondirektör', 'regiondirektor', '1 september 2026', 'tills vidare'],
    ]);
    await accessible(page, 'person-titlar');
    await page.setViewportSize({ width: 320, height: 800 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth), 'inget sidledes rullande vid 320 px').toBeLessThanOrEqual(320);
    await page.setViewportSize({ width: 1280, height: 900 });

    // stored as shown, and the same after a reload
    const stored = await getJson<StoredPerson>(page, '/api/people/karin-ek');
    expect(stored.titles.map((x) => [x.title, x.roleId, x.validFrom, x.validTo])).toEqual([
      ['ekonomichef', null, '2024-01-01', '2026-08-31'],
      ['regiondirektör', 'regiondirektor', '2026-09-01', null],
    ]);
    await page.reload();
    await page.locator('table.catalog-titles tbody tr').nth(1).waitFor();
    expect((await rows(page, 'catalog-titles')).map((r) => r.slice(0, 4))).toEqual([
      ['ekonomichef', 'ingen', '1 januari 2024', '31 augusti 2026'],
      ['regiondirektör', 'regiondirektor', '1 september 2026', 'tills vidare'],
    ]);
  });

  it('a title that ends before it starts is refused next to the field, in Swedish, and nothing is saved', async () => {
    const page = await open('/personer/karin-ek', 'sekreterare');
    await page.locator('table.catalog-titles tbody tr').nth(1).waitFor();
    const before = await getJson<StoredPerson>(page, '/api/people/karin-ek');

    await page.locator('#title-new-title').fill('tf. direktör');
    await page.locator('#title-new-validFrom').fill('2026-05-01');
    await page.locator('#title-new-validTo').fill('2026-04-01');
    await page.getByRole('button', { name: 'Lägg till titeln' }).click();
    const error = page.locator('#title-new-validTo-error');
    await error.waitFor();
    expect(await error.innerText()).toBe('Får inte vara före första giltiga dag');
    const field = page.locator('#title-new-validTo');
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    expect(await field.getAttribute('aria-describedby')).toBe('title-new-validTo-hint title-new-validTo-error');
    const summary = page.locator('#title-new-problem');
    expect(await summary.getAttribute('role')).toBe('alert');
    expect(await summary.innerText()).toContain('Titeln kunde inte läggas till. Ingenting är sparat.');
    expect(await summary.locator('li').allInnerTexts()).toEqual(['Sista dag: Får inte vara före första giltiga dag']);
    await expect.poll(async () => (await focused(page)).id).toBe('title-new-validTo');
    expect(await page.locator('#title-new-validFrom').getAttribute('aria-invalid')).toBeNull();
    await accessible(page, 'person-titel-fel');

    expect(await getJson<StoredPerson>(page, '/api/people/karin-ek')).toEqual(before);
    expect(await page.locator('table.catalog-titles tbody tr').count()).toBe(2);
  });

  it('a title entered by mistake is removed after a question; Avbryt has the focus first', async () => {
    const page = await open('/personer/karin-ek', 'sekreterare');
    await page.locator('table.catalog-titles tbody tr').nth(1).waitFor();
    await page.locator('#title-new-title').fill('tf. direktör');
    await page.locator('#title-new-validFrom').fill('2026-05-01');
    await page.getByRole('button', { name: 'Lägg till titeln' }).click();
    await expect.poll(() => page.locator('table.catalog-titles tbody tr').count()).toBe(3);

    await page.getByRole('button', { name: 'Ta bort: tf. direktör, från 1 maj 2026' }).click();
    const dialog = page.getByRole('dialog', { name: 'Ta bort titeln ”tf. direktör”?' });
    await dialog.waitFor();
    expect(await focused(page)).toMatchObject({ tag: 'BUTTON', text: 'Avbryt' });
    await accessible(page, 'person-ta-bort-titel');
    // Escape keeps the title
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.isVisible()).toBe(false);
    expect(await focused(page)).toMatchObject({ label: 'Ta bort: tf. direktör, från 1 maj 2026' });
    expect(await page.locator('table.catalog-titles tbody tr').count()).toBe(3);

    await page.keyboard.press('Enter');
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Ja, ta bort titeln' }).click();
    await expect.poll(() => page.locator('#titles-heading ~ p.notice[role="status"]').innerText()).toBe('Titeln ”tf. direktör” är borttagen.');
    await expect.poll(async () => (await focused(page)).role).toBe('status');
    expect((await getJson<StoredPerson>(page, '/api/people/karin-ek')).titles.map((x) => x.title)).toEqual(['ekonomichef', 'regiondirektör']);
  });

  it('a reader is offered neither page, and each says why', async () => {
    const page = await open('/personer', 'lasare');
    const refusal = page.locator('[role="alert"]');
    await refusal.waitFor();
    expect(await refusal.innerText()).toBe('Du har inte behörighet att ändra personer och titlar.');
    expect(await nav(page)).not.toContain('Personer');
    expect(await nav(page)).not.toContain('Riskregister');
    expect(await page.locator('form').count()).toBe(0);
    await accessible(page, 'personer-lasare');

    const risks = await open('/riskregister', 'lasare');
    await risks.locator('[role="alert"]').waitFor();
    expect(await risks.locator('[role="alert"]').innerText()).toBe('Du har inte behörighet att ändra riskregister.');
    expect(await risks.locator('form').count()).toBe(0);
  });

  let registerPath = '';

  it('the analyst creates a register, adds a 3 × 4 risk and a reported one, moves the second up and finds the order after a reload', async () => {
    const page = await open('/riskregister', 'analytiker');
    await page.getByRole('heading', { name: 'Riskregister', level: 1 }).waitFor();
    expect(await nav(page)).toContain('Riskregister');
    expect(await nav(page)).not.toContain('Personer');
    await page.locator('table.catalog-registers tbody tr').first().waitFor();
    expect(await rows(page, 'catalog-registers')).toContainEqual(['Internkontrollplan 2026 – Personal och bemanningsbolag', '2026', 'Region Kalmar län', '6']);
    await accessible(page, 'riskregister');

    await page.getByLabel('Titel', { exact: true }).fill('Internkontroll ekonomi');
    await page.getByLabel('År', { exact: true }).fill('2027');
    await page.getByLabel('Område', { exact: true }).selectOption({ label: 'Region Kalmar län' });
    await page.getByRole('button', { name: 'Skapa riskregistret' }).click();
    await page.getByRole('heading', { name: 'Internkontroll ekonomi', level: 1 }).waitFor();
    registerPath = new URL(page.url()).pathname;
    expect(registerPath).toBe('/riskregister/internkontroll-ekonomi-2027');
    expect(await page.locator('#risks-heading ~ p.notice[role="status"]').innerText()).toBe('Riskregistret är skapat. Lägg till risker nedan.');
    expect(await page.locator('.facts').innerText()).toContain('Region Kalmar län');
    expect(await page.getByText('Registret har inga risker än.').count()).toBe(1);
    await accessible(page, 'riskregister-nytt');

    // 3 × 4: the form shows the score to come; the table shows the server's
    await page.locator('#risk-new-categoryCode').selectOption('1b');
    await page.locator('#risk-new-title').fill('Hyrpersonal utan avtal');
    await page.locator('#risk-new-probability').selectOption('3');
    await page.locator('#risk-new-consequence').selectOption('4');
    expect(await page.locator('#risk-new-heading ~ form output').innerText()).toBe('Riskvärde 12: Hantera risk');
    await page.locator('#risk-new-control').fill('Stickprov av fakturor');
    await page.locator('#risk-new-owner').fill('HR-direktör');
    await page.getByRole('button', { name: 'Lägg till risken' }).click();
    await expect.poll(() => page.locator('#risks-heading ~ p.notice[role="status"]').innerText()).toBe('Risken är tillagd som nummer 1.');
    await expect.poll(async () => (await focused(page)).role).toBe('status');
    expect(await page.locator('#risk-new-title').inputValue()).toBe('');

    // a score as reported, where probability and consequence are not known
    await page.locator('#risk-new-categoryCode').selectOption('3b');
    await page.locator('#risk-new-title').fill('Falska fakturor');
    await page.getByLabel('Rapporterat riskvärde', { exact: true }).first().check();
    await page.locator('#risk-new-reportedScore').fill('6');
    await page.getByRole('button', { name: 'Lägg till risken' }).click();
    await expect.poll(() => page.locator('#risks-heading ~ p.notice[role="status"]').innerText()).toBe('Risken är tillagd som nummer 2.');
    expect((await rows(page, 'risk-table')).map((r) => r.slice(0, 9))).toEqual([
      ['1', '1b Risker kopplad till bemanningsbolag', 'Hyrpersonal utan avtal', '3', '4', '12', 'Hantera risk', 'Stickprov av fakturor', 'HR-direktör'],
      ['2', '3b Risker kopplad till falska fakturor och felaktiga fakturor mm', 'Falska fakturor', '–', '–', '6 (rapporterat)', 'Bevaka risk', '–', '–'],
    ]);
    expect(await page.locator('table.risk-table tbody tr').nth(1).locator('td').nth(3).innerText()).toContain('uppgift saknas');
    // an analyst may not read the change log: no history links
    expect(await page.getByRole('link', { name: /^Historik/ }).count()).toBe(0);
    await accessible(page, 'riskregister-risker');
    await page.setViewportSize({ width: 320, height: 800 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth), 'inget sidledes rullande vid 320 px').toBeLessThanOrEqual(320);
    await page.setViewportSize({ width: 1280, height: 900 });

    // the second up: the focus stays with the risk that moved
    await page.getByRole('button', { name: 'Flytta upp: risk 2, Falska fakturor' }).click();
    await expect.poll(async () => (await focused(page)).label).toBe('Flytta ned: risk 1, Falska fakturor');
    expect(await page.locator('#risks-heading ~ p.visually-hidden[role="status"]').innerText()).toBe('”Falska fakturor” är nu risk 1.');
    expect((await rows(page, 'risk-table')).map((r) => r.slice(0, 3))).toEqual([
      ['1', '3b Risker kopplad till falska fakturor och felaktiga fakturor mm', 'Falska fakturor'],
      ['2', '1b Risker kopplad till bemanningsbolag', 'Hyrpersonal utan avtal'],
    ]);

    await page.reload();
    await page.locator('table.risk-table tbody tr').nth(1).waitFor();
    // the note on the register just made is not shown again
    expect(await page.locator('#risks-heading ~ p.notice[role="status"]').count()).toBe(0);
    expect((await rows(page, 'risk-table')).map((r) => r.slice(0, 7))).toEqual([
      ['1', '3b Risker kopplad till falska fakturor och felaktiga fakturor mm', 'Falska fakturor', '–', '–', '6 (rapporterat)', 'Bevaka risk'],
      ['2', '1b Risker kopplad till bemanningsbolag', 'Hyrpersonal utan avtal', '3', '4', '12', 'Hantera risk'],
    ]);
    const stored = await getJson<StoredRegister>(page, '/api/risk-registers/internkontroll-ekonomi-2027');
    expect(stored).toMatchObject({ title: 'Internkontroll ekonomi', year: 2027, areaId: '0008' });
    expect(stored.risks.map((r) => [r.position, r.title, r.probability, r.consequence, r.reportedScore, r.score, r.band?.label, r.computed])).toEqual([
      [1, 'Falska fakturor', null, null, 6, 6, 'Bevaka risk', false],
      [2, 'Hyrpersonal utan avtal', 3, 4, null, 12, 'Hantera risk', true],
    ]);
  });

  it('a risk with a probability but no consequence is refused next to the field, and nothing is saved', async () => {
    const page = await open(registerPath, 'analytiker');
    await page.locator('table.risk-table tbody tr').nth(1).waitFor();
    const before = await getJson<StoredRegister>(page, '/api/risk-registers/internkontroll-ekonomi-2027');
    await page.locator('#risk-new-categoryCode').selectOption('2a');
    await page.locator('#risk-new-title').fill('Representation utan beslut');
    await page.locator('#risk-new-probability').selectOption('2');
    await page.getByRole('button', { name: 'Lägg till risken' }).click();
    const error = page.locator('#risk-new-consequence-error');
    await error.waitFor();
    expect(await error.innerText()).toBe('Sannolikhet och konsekvens anges båda eller ingen av dem');
    expect(await page.locator('#risk-new-consequence').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#risk-new-problem').getAttribute('role')).toBe('alert');
    expect(await page.locator('#risk-new-problem li').allInnerTexts()).toEqual(['Konsekvens: Sannolikhet och konsekvens anges båda eller ingen av dem']);
    await expect.poll(async () => (await focused(page)).id).toBe('risk-new-consequence');
    await accessible(page, 'riskregister-risk-fel');
    expect(await getJson<StoredRegister>(page, '/api/risk-registers/internkontroll-ekonomi-2027')).toEqual(before);

    // neither part chosen: the message is given at the probability
    await page.locator('#risk-new-probability').selectOption('');
    await page.getByRole('button', { name: 'Lägg till risken' }).click();
    await expect.poll(() => page.locator('#risk-new-problem li').allInnerTexts()).toEqual(['Sannolikhet: Ange sannolikhet och konsekvens, eller det rapporterade riskvärdet']);
    expect(await page.locator('#risk-new-probability-error').innerText()).toBe('Ange sannolikhet och konsekvens, eller det rapporterade riskvärdet');
    await expect.poll(async () => (await focused(page)).id).toBe('risk-new-probability');
    expect(await getJson<StoredRegister>(page, '/api/risk-registers/internkontroll-ekonomi-2027')).toEqual(before);
  });

  it('keyboard only: the add-risk form is reached with Tab, filled and sent with Enter', async () => {
    const page = await open(registerPath, 'analytiker');
    await page.locator('table.risk-table tbody tr').nth(1).waitFor();
    await tabTo(page, (f) => f.id === 'risk-new-categoryCode');
    await page.keyboard.type('2a');
    expect(await page.locator('#risk-new-categoryCode').inputValue()).toBe('2a');
    await tabTo(page, (f) => f.id === 'risk-new-title', 1);
    await page.keyboard.type('Representation utan beslut');
    expect(await tabTo(page, (f) => f.id === 'risk-new-assessment-matrix', 1)).toMatchObject({ tag: 'INPUT' });
    await tabTo(page, (f) => f.id === 'risk-new-probability', 1);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await tabTo(page, (f) => f.id === 'risk-new-consequence', 1);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    expect([await page.locator('#risk-new-probability').inputValue(), await page.locator('#risk-new-consequence').inputValue()]).toEqual(['2', '2']);
    await tabTo(page, (f) => f.id === 'risk-new-control', 1);
    await page.keyboard.type('Attest av chef');
    await tabTo(page, (f) => f.id === 'risk-new-owner', 1);
    await page.keyboard.type('Ekonomidirektör');
    expect(await tabTo(page, (f) => f.tag === 'BUTTON', 1)).toMatchObject({ text: 'Lägg till risken' });
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('#risks-heading ~ p.notice[role="status"]').innerText()).toBe('Risken är tillagd som nummer 3.');
    await expect.poll(async () => (await focused(page)).role).toBe('status');
    expect((await rows(page, 'risk-table'))[2]?.slice(0, 9)).toEqual(['3', '2a Risker kopplad till gällande riktlinjer och rutiner.', 'Representation utan beslut', '2', '2', '4', 'Bevaka risk', 'Attest av chef', 'Ekonomidirektör']);

    // and moved by keyboard: Enter on the focused button, the focus stays with the risk
    await tabTo(page, (f) => f.label === 'Flytta upp: risk 3, Representation utan beslut');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await focused(page)).label).toBe('Flytta upp: risk 2, Representation utan beslut');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await focused(page)).label).toBe('Flytta ned: risk 1, Representation utan beslut');
    expect((await rows(page, 'risk-table')).map((r) => r[2])).toEqual(['Representation utan beslut', 'Falska fakturor', 'Hyrpersonal utan avtal']);
  });

  it('a risk is changed in a form and removed after a question', async () => {
    const page = await open(registerPath, 'analytiker');
    await page.locator('table.risk-table tbody tr').nth(2).waitFor();
    await page.getByRole('button', { name: 'Ändra: risk 1, Representation utan beslut' }).click();
    await page.getByRole('heading', { name: 'Ändra risk 1: Representation utan beslut', level: 2 }).waitFor();
    await expect.poll(async () => (await focused(page)).id).toBe('risk-edit-categoryCode');
    expect(await page.locator('#risk-edit-title').inputValue()).toBe('Representation utan beslut');
    await page.locator('#risk-edit-consequence').selectOption('4');
    expect(await page.locator('#risk-edit-heading ~ form output').innerText()).toBe('Riskvärde 8: Bevaka risk');
    await page.getByRole('button', { name: 'Spara risken' }).click();
    await expect.poll(() => page.locator('#risks-heading ~ p.notice[role="status"]').innerText()).toBe('Risken ”Representation utan beslut” är sparad.');
    expect((await rows(page, 'risk-table'))[0]?.slice(3, 7)).toEqual(['2', '4', '8', 'Bevaka risk']);

    await page.getByRole('button', { name: 'Ta bort: risk 1, Representation utan beslut' }).click();
    const dialog = page.getByRole('dialog', { name: 'Ta bort risken?' });
    await dialog.waitFor();
    expect(await dialog.innerText()).toContain('Risk 1, ”Representation utan beslut”, tas bort ur registret.');
    expect(await focused(page)).toMatchObject({ tag: 'BUTTON', text: 'Avbryt' });
    await accessible(page, 'riskregister-ta-bort');
    await dialog.getByRole('button', { name: 'Ja, ta bort risken' }).click();
    await expect.poll(() => page.locator('#risks-heading ~ p.notice[role="status"]').innerText()).toBe('Risken ”Representation utan beslut” är borttagen.');
    expect((await rows(page, 'risk-table')).map((r) => r.slice(0, 3))).toEqual([
      ['1', '3b Risker kopplad till falska fakturor och felaktiga fakturor mm', 'Falska fakturor'],
      ['2', '1b Risker kopplad till bemanningsbolag', 'Hyrpersonal utan avtal'],
    ]);
  });

  it('an administrator follows a risk’s history link to the change log, filtered on that risk', async () => {
    const page = await open(registerPath, 'admin');
    await page.locator('table.risk-table tbody tr').nth(1).waitFor();
    const stored = await getJson<StoredRegister>(page, '/api/risk-registers/internkontroll-ekonomi-2027');
    const moved = stored.risks.find((r) => r.title === 'Falska fakturor');
    expect(moved).toBeDefined();
    await page.getByRole('link', { name: 'Historik: risk 1, Falska fakturor' }).click();
    await page.getByRole('heading', { name: 'Ändringslogg', level: 1 }).waitFor();
    const url = new URL(page.url());
    expect([url.pathname, url.searchParams.get('tabell'), url.searchParams.get('rad')]).toEqual(['/andringslogg', 'risk', moved?.id]);
    await page.locator('table.audit tbody tr').first().waitFor();
    const entries = await page.locator('table.audit tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => (td as HTMLElement).innerText)));
    // newest first: moved down by the removal above it, up and down by the risk moved past it, its own move up, added
    expect(entries.map((cells) => [cells[1], cells[3]])).toEqual([
      ['Demo Analytiker', 'ändrad'],
      ['Demo Analytiker', 'ändrad'],
      ['Demo Analytiker', 'ändrad'],
      ['Demo Analytiker', 'ny'],
    ]);
    expect(entries.every((cells) => (cells[2] ?? '').includes(`id: ${moved?.id}`))).toBe(true);
    const position = (cells: string[] | undefined) => /position: (\d+)\s*→\s*(?:blev\s*)?(\d+)/.exec(cells?.[4] ?? '')?.slice(1, 3);
    expect(entries.slice(0, 3).map(position)).toEqual([
      ['2', '1'],
      ['1', '2'],
      ['2', '1'],
    ]);
    expect(entries[3]?.[4]).toContain('title: Falska fakturor');
    await accessible(page, 'riskregister-historik');
  });

  web.itLoggedNoScriptErrors();
});
