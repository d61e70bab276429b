import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { AUDIT_HEADER } from '../../src/domain/audit.js';
import { axeViolations, browserSession, screenshot } from './support/webApp.js';

/**
 * The administrators' pages in Chromium: Användare (accounts, roles, status, passwords) and
 * Ändringslogg (the audit trail with filters, paging and exports). Forms by keyboard alone,
 * Swedish messages next to the fields, axe with 0 violations, 320 px without sideways scrolling.
 */
describe('users and the change log in Chromium', () => {
  // refusals the tests provoke on purpose (a taken user name, the last administrator) are logged by Chromium too
  const web = browserSession({ expectedStatuses: [400, 403, 409] });
  const { open } = web;

  const focused = (page: Page) =>
    page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      const style = el ? getComputedStyle(el) : null;
      return {
        tag: el?.tagName ?? '',
        name: el?.getAttribute('name') ?? null,
        type: el?.getAttribute('type') ?? null,
        value: (el as HTMLInputElement | null)?.value ?? null,
        text: el?.innerText?.trim() ?? '',
        outline: style ? `${style.outlineStyle} ${style.outlineWidth}` : '',
        describedBy: el?.getAttribute('aria-describedby') ?? null,
      };
    });

  /** Tab (or Shift+Tab) until the focused element matches; fails after `limit` presses. */
  async function tabTo(page: Page, match: (f: Awaited<ReturnType<typeof focused>>) => boolean, key = 'Tab', limit = 80) {
    for (let i = 0; i < limit; i++) {
      await page.keyboard.press(key);
      const f = await focused(page);
      if (match(f)) return f;
    }
    throw new Error(`fokus nådde inte målet med ${key} (${limit} tryck)`);
  }

  /** The text a field's aria-describedby points to. */
  async function description(page: Page, label: string): Promise<string> {
    const ids = (await page.getByLabel(label, { exact: true }).getAttribute('aria-describedby')) ?? '';
    const parts = await Promise.all(ids.split(' ').filter(Boolean).map((id) => page.locator(`[id="${id}"]`).innerText()));
    return parts.join(' | ');
  }

  async function apiLogin(username: string, password: string): Promise<{ status: number; body: { roles?: string[]; user?: { personId: string | null }; error?: { message: string } } }> {
    const r = await fetch(`${web.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json', origin: web.url }, body: JSON.stringify({ username, password }) });
    return { status: r.status, body: (await r.json()) as never };
  }

  async function expectReflows(page: Page, name: string): Promise<void> {
    expect(await page.evaluate(() => document.documentElement.scrollWidth), name).toBeLessThanOrEqual(320);
    expect(await axeViolations(page), name).toEqual([]);
    await screenshot(page, name);
  }

  it('Användare: every account with its roles, status and how it logs in', async () => {
    const page = await open('/anvandare');
    await page.getByRole('link', { name: 'Helen Persson' }).waitFor();
    expect(await page.title()).toBe('Användare – Styrkort');
    expect(await page.locator('header nav a').allInnerTexts()).toEqual(expect.arrayContaining(['Användare', 'Ändringslogg']));
    const rows = await page.locator('table.users tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('th, td')].slice(0, 4).map((c) => (c as HTMLElement).innerText)));
    expect(rows).toEqual([
      ['Demo Administratör', 'lokalt konto (admin)', 'administratör', 'Aktiv'],
      ['Demo Analytiker', 'lokalt konto (analytiker)', 'analytiker', 'Aktiv'],
      ['Demo Läsare', 'lokalt konto (lasare)', 'läsare', 'Aktiv'],
      ['Demo Sekreterare', 'lokalt konto (sekreterare)', 'sekreterare', 'Aktiv'],
      ['Helen Persson', 'lokalt konto (foredragande)', 'föredragande', 'Aktiv'],
    ]);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'anvandare');

    const narrow = await open('/anvandare', { width: 320 });
    await narrow.getByRole('link', { name: 'Helen Persson' }).waitFor();
    await expectReflows(narrow, '320px-anvandare');
  });

  it('creates a local account by keyboard alone, with the messages next to the fields and the server’s for a taken user name', async () => {
    const page = await open('/anvandare');
    await page.getByRole('link', { name: 'Helen Persson' }).waitFor();
    await page.keyboard.press('Tab');
    expect((await focused(page)).text).toBe('Hoppa till huvudinnehållet');
    await page.keyboard.press('Enter');
    const name = await tabTo(page, (f) => f.name === 'displayName');
    expect(name.outline).toMatch(/^solid [1-9]/);

    // nothing filled in: Enter sends; three messages, each with its field, focus on the first
    await page.keyboard.press('Enter');
    const summary = page.getByRole('alert').filter({ hasText: 'Rätta 3 fält och försök igen.' });
    await summary.waitFor();
    expect((await focused(page)).name).toBe('displayName');
    expect(await page.getByLabel('Namn', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    expect(await description(page, 'Namn')).toBe('Ange namnet som ska visas.');
    expect(await description(page, 'Användarnamn')).toContain('Användarnamnet ska vara 2–64 tecken');
    expect(await description(page, 'Lösenord')).toContain('Lösenordet ska vara minst 12 tecken.');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'anvandare-fel');

    // filled in by keyboard, with a user name that is taken: the server's message at the field
    await page.keyboard.type('Maria Lind');
    await page.keyboard.press('Tab');
    expect((await focused(page)).name).toBe('username');
    await page.keyboard.type('admin');
    await page.keyboard.press('Tab');
    await page.keyboard.type('ett långt lösenord 1');
    await page.keyboard.press('Tab');
    expect((await focused(page)).name).toBe('email');
    await tabTo(page, (f) => f.type === 'checkbox' && f.value === 'presenter');
    await page.keyboard.press('Space');
    const person = await tabTo(page, (f) => f.name === 'personId');
    expect(person.tag).toBe('SELECT');
    await page.keyboard.press('ArrowDown');
    const chosen = await page.locator('select[name="personId"]').inputValue();
    expect(chosen).not.toBe('');
    await tabTo(page, (f) => f.text === 'Skapa användaren');
    await page.keyboard.press('Enter');
    await page.getByRole('alert').filter({ hasText: 'Användarnamnet "admin" är upptaget.' }).waitFor();
    expect((await focused(page)).name).toBe('username');
    expect(await description(page, 'Användarnamn')).toContain('Välj ett annat användarnamn.');

    await page.keyboard.press('Control+A');
    await page.keyboard.type('maria.lind');
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: 'Användaren Maria Lind skapades.' }).waitFor();
    const row = page.locator('table.users tbody tr', { hasText: 'Maria Lind' });
    expect(await row.locator('td').allInnerTexts()).toEqual(['lokalt konto (maria.lind)', 'föredragande, läsare', 'Aktiv', 'aldrig']);
    expect(await page.getByLabel('Namn', { exact: true }).inputValue()).toBe('');

    const login = await apiLogin('maria.lind', 'ett långt lösenord 1');
    expect(login.status).toBe(200);
    expect(login.body.roles).toEqual(['presenter', 'reader']);
    expect(login.body.user?.personId).toBe(chosen);
  });

  it('a user’s page changes roles, disables and enables the account and sets a new password', async () => {
    const page = await open('/anvandare');
    await page.getByRole('link', { name: 'Maria Lind' }).click();
    await page.getByRole('heading', { level: 1, name: 'Maria Lind' }).waitFor();
    expect(await page.locator('dl.facts').innerText()).toContain('lokalt konto (maria.lind)');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'anvandare-en');

    await page.getByRole('checkbox', { name: 'analytiker' }).check();
    await page.getByRole('checkbox', { name: 'läsare' }).uncheck();
    await page.getByRole('button', { name: 'Spara ändringarna' }).click();
    await page.getByRole('status').filter({ hasText: 'Ändringarna sparades.' }).waitFor();

    await page.getByRole('button', { name: 'Stäng av kontot' }).click();
    await page.getByRole('status').filter({ hasText: 'Maria Lind är avstängd och har loggats ut.' }).waitFor();
    expect(await page.locator('dl.facts').innerText()).toMatch(/Avstängd sedan \d+ \w+ \d{4}/);
    const refused = await apiLogin('maria.lind', 'ett långt lösenord 1');
    expect(refused.status).toBe(403);
    expect(refused.body.error?.message).toBe('Kontot är avstängt. Kontakta en administratör.');
    await page.getByRole('button', { name: 'Aktivera kontot' }).click();
    await page.getByRole('status').filter({ hasText: 'Maria Lind är aktiv igen.' }).waitFor();

    await page.getByLabel('Nytt lösenord', { exact: true }).fill('för kort');
    await page.getByRole('button', { name: 'Spara lösenordet' }).click();
    await page.getByRole('alert').filter({ hasText: 'Lösenordet kunde inte sparas.' }).waitFor();
    expect((await focused(page)).name).toBe('new-password');
    expect(await description(page, 'Nytt lösenord')).toContain('Lösenordet ska vara minst 12 tecken.');
    await page.getByLabel('Nytt lösenord', { exact: true }).fill('ett annat långt lösenord');
    await page.getByRole('button', { name: 'Spara lösenordet' }).click();
    await page.getByRole('status').filter({ hasText: 'Maria Lind har fått ett nytt lösenord och har loggats ut.' }).waitFor();

    expect((await apiLogin('maria.lind', 'ett långt lösenord 1')).status).toBe(401);
    const again = await apiLogin('maria.lind', 'ett annat långt lösenord');
    expect(again.status).toBe(200);
    expect(again.body.roles).toEqual(['analyst', 'presenter']);

    // the server keeps one active administrator; its message is shown with the form
    await page.getByRole('link', { name: 'Till alla användare' }).click();
    await page.getByRole('link', { name: 'Demo Administratör' }).click();
    await page.getByRole('heading', { level: 1, name: 'Demo Administratör' }).waitFor();
    await page.getByRole('checkbox', { name: 'administratör' }).uncheck();
    await page.getByRole('button', { name: 'Spara ändringarna' }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'Ändringarna kunde inte sparas.' });
    await alert.waitFor();
    expect(await alert.innerText()).toContain('Det måste finnas minst en aktiv administratör');
    expect(await axeViolations(page)).toEqual([]);

    const narrow = await open('/anvandare', { width: 320 });
    await narrow.getByRole('link', { name: 'Maria Lind' }).click();
    await narrow.getByRole('heading', { level: 1, name: 'Maria Lind' }).waitFor();
    await expectReflows(narrow, '320px-anvandare-en');
  });

  it('Ändringslogg: newest first with who, when (local and UTC), what, old → new and the request; filters, more, exports', async () => {
    const page = await open('/andringslogg');
    await page.locator('table.audit tbody tr').first().waitFor();
    expect(await page.title()).toBe('Ändringslogg – Styrkort');
    expect(await page.locator('table.audit tbody tr').count()).toBe(50);
    expect(await page.getByRole('status').innerText()).toBe('Visar de 50 senaste ändringarna. Det finns äldre.');
    // the newest entry is the last change of the previous test: Maria Lind's new password
    const newest = page.locator('table.audit tbody tr').first();
    const cells = await newest.locator('td').allInnerTexts();
    expect(cells[0]).toMatch(/^\d{1,2} \w+ \d{4} kl\. \d\d:\d\d:\d\d\n\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC$/);
    expect(cells[1]).toBe('Demo Administratör');
    expect(cells[2]).toContain('lokalt konto (local_credential)');
    expect(cells[3]).toBe('ändrad');
    expect(cells[5]).toMatch(/^[0-9a-f-]{36}$/);
    await page.locator('table.audit tbody tr').first().waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'andringslogg');

    await page.getByRole('button', { name: 'Visa 50 äldre' }).click();
    await page.getByRole('status').filter({ hasText: 'Visar de 100 senaste ändringarna.' }).waitFor();
    expect(await page.locator('table.audit tbody tr').count()).toBe(100);

    // filter: what = användare, row = Maria Lind's id → her account's history, newest first
    const maria = (await (await page.request.get(`${web.url}/api/users`)).json()) as Array<{ id: string; displayName: string }>;
    const id = maria.find((u) => u.displayName === 'Maria Lind')?.id ?? '';
    await page.getByLabel('Vad', { exact: true }).selectOption('app_user');
    await page.getByLabel('Rad', { exact: true }).fill(id);
    await page.getByRole('button', { name: 'Visa', exact: true }).click();
    await page.getByRole('status').filter({ hasText: /^\d+ ändring(ar)?\.$/ }).waitFor();
    expect(new URL(page.url()).searchParams.get('tabell')).toBe('app_user');
    expect(new URL(page.url()).searchParams.get('rad')).toBe(id);
    const ops = await page.locator('table.audit tbody tr td:nth-child(4)').allInnerTexts();
    expect(ops.at(-1)).toBe('ny');
    expect(ops.slice(0, -1).every((o) => o === 'ändrad')).toBe(true);
    const disabled = page.locator('table.audit tbody tr', { hasText: 'disabled_at' });
    // disabled, then enabled again: newest first, each old → new
    // seen: "old → new"; heard: "old blev new" (the arrow is hidden from screen readers, the word is shown only to them)
    const diff = (row: number) => disabled.nth(row).locator('td').nth(4).evaluate((td) => (td.textContent ?? '').replace(/\s+/g, ' ').trim());
    expect(await diff(1)).toMatch(/^disabled_at: – → blev \d{1,2} \w+ \d{4} kl\. \d\d:\d\d:\d\d$/);
    expect(await diff(0)).toMatch(/^disabled_at: \d{1,2} \w+ \d{4} kl\. \d\d:\d\d:\d\d → blev –$/);
    expect(await disabled.nth(1).locator('.audit-diff li').innerText()).toMatch(/^disabled_at: – →\s/);
    const created = page.locator('table.audit tbody tr').last();
    expect(await created.locator('td').nth(4).innerText()).toContain('display_name: Maria Lind');

    // a request id shows everything that request changed
    const request = await disabled.nth(1).locator('td').nth(5).innerText();
    await disabled.nth(1).getByRole('link', { name: request }).click();
    await page.waitForURL((u) => u.searchParams.get('forfragan') === request);
    await page.locator('table.audit tbody tr').first().waitFor();
    const requests = await page.locator('table.audit tbody tr td:nth-child(6)').allInnerTexts();
    expect(requests.length).toBeGreaterThan(0);
    expect(new Set(requests)).toEqual(new Set([request]));
    expect(await page.getByLabel('Förfrågans id').inputValue()).toBe(request);

    // exports carry the same filter
    const csv = page.getByRole('link', { name: 'Ladda ned som CSV' });
    expect(await csv.getAttribute('href')).toBe(`/api/audit.csv?requestId=${request}`);
    const [csvFile] = await Promise.all([page.waitForEvent('download'), csv.click()]);
    expect(csvFile.suggestedFilename()).toMatch(/^granskningslogg-.*\.csv$/);
    const text = (await readFile((await csvFile.path()) ?? '', 'utf8')).replace(/^\uFEFF/, '');
    const lines = text.trim().split(/\r?\n/);
    expect(lines[0]).toBe(AUDIT_HEADER.join(';'));
    expect(lines).toHaveLength(requests.length + 1);
    expect(lines.slice(1).every((l) => l.includes(request))).toBe(true);
    const xlsx = page.getByRole('link', { name: 'Ladda ned som Excel' });
    const [xlsxFile] = await Promise.all([page.waitForEvent('download'), xlsx.click()]);
    expect(xlsxFile.suggestedFilename()).toMatch(/^granskningslogg-.*\.xlsx$/);
    expect((await readFile((await xlsxFile.path()) ?? '')).subarray(0, 2).toString('latin1')).toBe('PK');

    // who + a date range; a row key that is not JSON is said at the field
    await page.getByRole('link', { name: 'Rensa filtret' }).click();
    await page.getByLabel('Vem', { exact: true }).fill('Demo Administratör');
    await page.getByLabel('Vad', { exact: true }).selectOption('user_role');
    const today = await page.evaluate(() => {
      const d = new Date();
      return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    });
    await page.getByLabel('Från och med').fill(today);
    await page.getByLabel('Till och med').fill(today);
    await page.getByRole('button', { name: 'Visa', exact: true }).click();
    await page.waitForURL((u) => u.searchParams.get('tabell') === 'user_role');
    await page.locator('table.audit tbody tr').first().waitFor();
    const who = await page.locator('table.audit tbody tr td:nth-child(2)').allInnerTexts();
    expect(new Set(who)).toEqual(new Set(['Demo Administratör']));
    expect((await page.locator('table.audit tbody tr td:nth-child(3)').allInnerTexts()).every((w) => w.includes('roll (user_role)'))).toBe(true);

    await page.getByLabel('Rad', { exact: true }).fill('{"id": ');
    await page.getByRole('button', { name: 'Visa', exact: true }).click();
    await page.getByRole('alert').filter({ hasText: 'Rätta 1 fält och försök igen.' }).waitFor();
    expect((await focused(page)).name).toBe('rad');
    expect(await description(page, 'Rad')).toContain('Skriv ett id, eller en nyckel som JSON-objekt');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'andringslogg-filter');

    const narrow = await open('/andringslogg', { width: 320 });
    await narrow.locator('table.audit tbody tr').first().waitFor();
    await expectReflows(narrow, '320px-andringslogg');
  });

  it('the audit page by keyboard alone: filter, results, more', async () => {
    const page = await open('/andringslogg');
    await page.locator('table.audit tbody tr').first().waitFor();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    const actor = await tabTo(page, (f) => f.name === 'vem');
    expect(actor.outline).toMatch(/^solid [1-9]/);
    await page.keyboard.type('maria');
    await page.keyboard.press('Enter');
    await page.waitForURL((u) => u.searchParams.get('vem') === 'maria');
    // Maria Lind changed nothing herself
    await page.getByText('Inga ändringar matchar filtret.').waitFor();
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Enter');
    await page.waitForURL((u) => !u.searchParams.has('vem'));
    await page.locator('table.audit tbody tr').nth(49).waitFor();
    const more = await tabTo(page, (f) => f.text === 'Visa 50 äldre', 'Tab', 400);
    expect(more.outline).toMatch(/^solid [1-9]/);
    await page.keyboard.press('Enter');
    await page.locator('table.audit tbody tr').nth(99).waitFor();
  });

  it('without the permission there are no links, and the pages say what is missing', async () => {
    for (const [path, permission] of [
      ['/anvandare', 'hantera användare'],
      ['/andringslogg', 'läsa ändringsloggen'],
    ] as const) {
      const page = await open(path, { user: 'sekreterare' });
      await page.getByRole('heading', { level: 1, name: 'Du saknar behörighet' }).waitFor();
      expect(await page.locator('main').innerText()).toContain(`Sidan kräver behörigheten att ${permission}.`);
      expect(await page.locator('header nav a').allInnerTexts()).not.toContain('Användare');
      expect(await page.locator('header nav a').allInnerTexts()).not.toContain('Ändringslogg');
      expect(await axeViolations(page)).toEqual([]);
    }
    // and the server refuses the data itself
    const context = await web.context({ user: 'sekreterare' });
    expect((await context.request.get(`${web.url}/api/users`)).status()).toBe(403);
    expect((await context.request.get(`${web.url}/api/audit`)).status()).toBe(403);
  });

  web.itLoggedNoScriptErrors('logged no script errors');
});
