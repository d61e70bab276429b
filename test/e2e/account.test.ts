import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMO_USERS } from '../../src/services/demoUsers.js';
import { axeViolations, browserSession, DEMO_PASSWORD, screenshot } from './support/webApp.js';

/**
 * Logging in and out of the web app in Chromium, and the idle warning (WCAG 2.2.1) driven by
 * Playwright's fake clock: the server runs with its default idle time (30 minutes) and real
 * time; the page's clock is moved on, and the warning counts down on the server's deadline.
 */
const ROLE_NAMES: Record<string, string> = { admin: 'administratör', analyst: 'analytiker', secretary: 'sekreterare', presenter: 'föredragande', reader: 'läsare' };

describe('logging in and out, and the idle warning, in Chromium', () => {
  // the app asks who is logged in; "nobody" is a 401 that Chromium logs as a failed resource
  const web = browserSession({ expectedStatuses: [401] });
  /** A fresh context nobody is logged in to, or `user` by the API. */
  const context = (user: string | null = null) => web.context({ user });

  /** Requests a page has open, to wait until what a timer started has finished. */
  const inFlight = new WeakMap<Page, number>();

  async function page(c: BrowserContext): Promise<Page> {
    const p = await web.page(c);
    inFlight.set(p, 0);
    p.on('request', () => inFlight.set(p, (inFlight.get(p) ?? 0) + 1));
    const done = () => inFlight.set(p, (inFlight.get(p) ?? 1) - 1);
    p.on('requestfinished', done);
    p.on('requestfailed', done);
    return p;
  }

  /** Until the page has had no request open for a while (what its timers started has answered and drawn). */
  async function quiet(p: Page): Promise<void> {
    let calm = 0;
    while (calm < 3) {
      await new Promise((r) => setTimeout(r, 100));
      calm = (inFlight.get(p) ?? 0) === 0 ? calm + 1 : 0;
    }
    await p.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(null))));
  }

  const path = (p: Page) => {
    const u = new URL(p.url());
    return `${u.pathname}${u.search}`;
  };

  const focused = (p: Page) =>
    p.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      return { tag: el?.tagName ?? '', name: el?.getAttribute('name') ?? null, text: el?.innerText?.trim() ?? '', describedBy: el?.getAttribute('aria-describedby') ?? null };
    });

  /** The server's view of a cookie's session: 200 with deadlines, or 401. */
  async function sessionOf(c: BrowserContext): Promise<{ status: number; idleExpiresAt: string | null }> {
    const r = await c.request.get(`${web.url}/api/auth/session`);
    const body = r.status() === 200 ? ((await r.json()) as { idleExpiresAt: string | null }) : { idleExpiresAt: null };
    return { status: r.status(), idleExpiresAt: body.idleExpiresAt };
  }

  async function submitLogin(p: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
    await p.getByLabel('Användarnamn').fill(username);
    await p.getByLabel('Lösenord').fill(password);
    await p.getByRole('button', { name: 'Logga in' }).click();
  }

  it('every demo user logs in by the form: the Secure cookie is kept on http://127.0.0.1, the header names them and their roles, and only permitted links show', async () => {
    for (const user of DEMO_USERS) {
      const c = await context();
      const p = await page(c);
      await p.goto(`${web.url}/sammantraden`);
      await p.getByRole('heading', { level: 1, name: 'Logga in' }).waitFor();
      expect(path(p)).toBe('/logga-in?tillbaka=%2Fsammantraden');
      if (user.username === 'admin') {
        expect(await axeViolations(p)).toEqual([]);
        await screenshot(p, 'logga-in');
        await p.setViewportSize({ width: 320, height: 700 });
        expect(await p.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
        expect(await axeViolations(p)).toEqual([]);
        await screenshot(p, '320px-logga-in');
        await p.setViewportSize({ width: 1280, height: 900 });
      }
      await submitLogin(p, user.username);
      await p.getByRole('heading', { level: 1, name: 'Sammanträden' }).waitFor();
      expect(path(p), user.username).toBe('/sammantraden');
      // the cookie is HttpOnly, Secure (as in production) and SameSite=Lax — and Chromium keeps it
      const cookies = await c.cookies(web.url);
      expect(cookies.map((k) => ({ name: k.name, secure: k.secure, httpOnly: k.httpOnly, sameSite: k.sameSite }))).toEqual([{ name: 'styrkort_session', secure: true, httpOnly: true, sameSite: 'Lax' }]);
      await p.reload();
      await p.getByRole('heading', { level: 1, name: 'Sammanträden' }).waitFor();
      const roles = user.roles.map((r) => ROLE_NAMES[r]).join(', ');
      expect(await p.locator('header .account').innerText()).toContain(`Inloggad som ${user.displayName} (${roles})`);
      const nav = await p.locator('header nav a').allInnerTexts();
      expect(nav.includes('Användare'), user.username).toBe(user.roles.includes('admin'));
      expect(nav.includes('Ändringslogg'), user.username).toBe(user.roles.includes('admin'));
      await c.close();
    }
  });

  it('a wrong password shows the server’s Swedish message as an alert, and focus goes to the emptied password field', async () => {
    const p = await page(await context());
    await p.goto(`${web.url}/logga-in`);
    await p.getByRole('heading', { level: 1, name: 'Logga in' }).waitFor();
    // nothing filled in: said at the user name field, which gets focus
    await p.getByRole('button', { name: 'Logga in' }).click();
    const alert = p.getByRole('alert');
    await alert.waitFor();
    expect(await alert.innerText()).toContain('Fyll i användarnamn.');
    expect(await p.getByLabel('Användarnamn').getAttribute('aria-invalid')).toBe('true');
    expect((await focused(p)).name).toBe('username');

    await submitLogin(p, 'lasare', 'inte-lösenordet');
    await alert.filter({ hasText: 'Fel användarnamn eller lösenord.' }).waitFor();
    expect(await alert.innerText()).toBe('Inloggningen misslyckades. Fel användarnamn eller lösenord.');
    const field = await focused(p);
    expect(field.name).toBe('password');
    expect(field.describedBy).toBe(await alert.getAttribute('id'));
    expect(await p.getByLabel('Lösenord').inputValue()).toBe('');
    expect(path(p)).toBe('/logga-in');
    expect(await axeViolations(p)).toEqual([]);
    await screenshot(p, 'logga-in-fel');
  });

  it('by keyboard alone, ?tillbaka= returns to the page asked for, and never to another site', async () => {
    const c = await context();
    const p = await page(c);
    const wanted = '/indikator/telefon-teleq-samma-dag?omrade=0008';
    await p.goto(`${web.url}/logga-in?tillbaka=${encodeURIComponent(wanted)}`);
    await p.getByRole('heading', { level: 1, name: 'Logga in' }).waitFor();
    for (let i = 0; i < 10 && (await focused(p)).name !== 'username'; i++) await p.keyboard.press('Tab');
    expect((await focused(p)).name).toBe('username');
    expect(await p.evaluate(() => getComputedStyle(document.activeElement as Element).outlineStyle)).toBe('solid');
    await p.keyboard.type('lasare');
    await p.keyboard.press('Tab');
    await p.keyboard.type(DEMO_PASSWORD);
    await p.keyboard.press('Enter');
    await p.getByRole('heading', { level: 1, name: /Telefontillgänglighet primärvård/ }).waitFor();
    expect(path(p)).toBe(wanted);

    // logged in, the login page sends on at once: only to a path of this site
    for (const bad of ['//evil.example/x', 'https://evil.example/', '/\\evil.example', '/\t/evil.example', '/\n/evil.example', 'javascript:alert(1)', '/logga-in']) {
      await p.goto(`${web.url}/logga-in?tillbaka=${encodeURIComponent(bad)}`);
      await p.getByRole('heading', { level: 1, name: 'Översikt' }).waitFor();
      expect(new URL(p.url()).origin, bad).toBe(web.url);
      expect(path(p), bad).toBe('/');
    }
  });

  it('logging out ends the session: the back button shows no data and the old cookie is refused', async () => {
    const c = await context('lasare');
    const p = await page(c);
    await p.goto(`${web.url}/`);
    await p.getByText('Nöjda invånare och samarbetspartners').first().waitFor();
    await p.locator('header nav').getByRole('link', { name: 'Sammanträden' }).click();
    await p.getByText('Regionstyrelsen 6 maj 2026').first().waitFor();
    const cookie = (await c.cookies(web.url)).find((k) => k.name === 'styrkort_session')?.value ?? '';
    expect(cookie).not.toBe('');

    await p.getByRole('button', { name: 'Logga ut' }).click();
    await p.getByRole('heading', { level: 1, name: 'Logga in' }).waitFor();
    expect(await p.getByRole('status').filter({ hasText: 'Du är utloggad.' }).count()).toBe(1);
    expect(await p.locator('header nav').count()).toBe(0);
    expect(await axeViolations(p)).toEqual([]);

    await p.goBack();
    await p.getByRole('heading', { level: 1, name: 'Logga in' }).waitFor();
    expect(new URL(p.url()).pathname).toBe('/logga-in');
    expect(await p.getByText('Nöjda invånare och samarbetspartners').count()).toBe(0);
    expect(await p.getByText('Regionstyrelsen 6 maj 2026').count()).toBe(0);

    // the old cookie replayed is nobody
    const replay = await fetch(`${web.url}/api/auth/session`, { headers: { cookie: `styrkort_session=${cookie}` } });
    expect(replay.status).toBe(401);
    const data = await fetch(`${web.url}/api/meetings`, { headers: { cookie: `styrkort_session=${cookie}` } });
    expect(data.status).toBe(401);
  });

  it('a 401 from any API call while on a page sends the user to the login page, and back after logging in', async () => {
    const c = await context('lasare');
    const p = await page(c);
    await p.goto(`${web.url}/`);
    await p.getByText('Nöjda invånare och samarbetspartners').first().waitFor();
    // the session ends behind the page's back (logged out elsewhere); the browser keeps its cookie
    const cookie = `styrkort_session=${(await c.cookies(web.url)).find((k) => k.name === 'styrkort_session')?.value ?? ''}`;
    const info = (await (await fetch(`${web.url}/api/auth/session`, { headers: { cookie } })).json()) as { csrfToken: string };
    const out = await fetch(`${web.url}/api/auth/logout`, { method: 'POST', headers: { cookie, origin: web.url, 'x-csrf-token': info.csrfToken } });
    expect(out.status).toBe(204);

    await p.locator('header nav').getByRole('link', { name: 'Sammanträden' }).click();
    await p.getByRole('heading', { level: 1, name: 'Logga in' }).waitFor();
    expect(path(p)).toBe('/logga-in?tillbaka=%2Fsammantraden');
    expect(await p.getByRole('alert').innerText()).toContain('Din inloggning har upphört. Logga in igen för att fortsätta.');
    await submitLogin(p, 'lasare');
    await p.getByRole('heading', { level: 1, name: 'Sammanträden' }).waitFor();
    expect(path(p)).toBe('/sammantraden');
  });

  describe('the idle warning (fake clock in the page, the server on real time)', () => {
    async function idlePage(username: string, start: string): Promise<{ c: BrowserContext; p: Page }> {
      const c = await context(username);
      const p = await page(c);
      await p.clock.install();
      await p.goto(`${web.url}${start}`);
      return { c, p };
    }

    it('appears two minutes before the idle deadline as a named alertdialog with focus inside; one Enter (or Escape) extends the session on the server', async () => {
      const { c, p } = await idlePage('lasare', '/sammantraden');
      await p.getByText('Regionstyrelsen 6 maj 2026').first().waitFor();
      const link = p.getByRole('link', { name: 'Regionstyrelsen 6 maj 2026' });
      await link.focus();
      const before = await sessionOf(c);
      expect(before.status).toBe(200);
      const dialog = p.getByRole('alertdialog', { name: 'Du loggas snart ut' });

      await p.clock.fastForward('27:00');
      await p.clock.runFor(1000);
      await quiet(p);
      expect(await dialog.count()).toBe(0);
      await p.clock.fastForward('01:30');
      await dialog.waitFor();
      expect(await dialog.getAttribute('aria-modal')).toBe('true');
      const description = await p.locator(`[id="${await dialog.getAttribute('aria-describedby')}"]`).innerText();
      expect(description).toMatch(/Av säkerhetsskäl loggas du ut om 1 min \d+ s\./);
      expect(description).toContain('Tryck Enter för att fortsätta vara inloggad.');
      expect((await focused(p)).text).toBe('Fortsätt vara inloggad');
      expect(await axeViolations(p)).toEqual([]);
      await screenshot(p, 'inaktiv-varning');

      // one key: Enter on the focused button; the deadline moves on the server, focus comes back
      await p.keyboard.press('Enter');
      await dialog.waitFor({ state: 'hidden' });
      expect((await focused(p)).text).toBe('Regionstyrelsen 6 maj 2026');
      const extended = await sessionOf(c);
      expect(Date.parse(extended.idleExpiresAt ?? '')).toBeGreaterThan(Date.parse(before.idleExpiresAt ?? ''));

      // counted again from the extension: the warning comes back 28 minutes later, and Escape extends too
      await p.clock.fastForward('28:30');
      await dialog.waitFor();
      await p.keyboard.press('Escape');
      await dialog.waitFor({ state: 'hidden' });
      const again = await sessionOf(c);
      expect(Date.parse(again.idleExpiresAt ?? '')).toBeGreaterThan(Date.parse(extended.idleExpiresAt ?? ''));
      expect((await focused(p)).text).toBe('Regionstyrelsen 6 maj 2026');
    });

    it('when the time runs out the session ends on the server and the login page says why', async () => {
      const { c, p } = await idlePage('lasare', '/sammantraden');
      await p.getByText('Regionstyrelsen 6 maj 2026').first().waitFor();
      const dialog = p.getByRole('alertdialog', { name: 'Du loggas snart ut' });
      await p.clock.fastForward('28:30');
      await dialog.waitFor();
      // nobody answers: the clock runs out
      await p.clock.runFor('01:40');
      await p.getByRole('heading', { level: 1, name: 'Logga in' }).waitFor();
      expect(path(p)).toBe('/logga-in?tillbaka=%2Fsammantraden');
      expect(await p.getByRole('alert').innerText()).toContain('Du har loggats ut eftersom du inte har varit aktiv på en stund.');
      expect(await dialog.count()).toBe(0);
      expect((await sessionOf(c)).status).toBe(401);
      expect(await axeViolations(p)).toEqual([]);
      await screenshot(p, 'inaktiv-utloggad');
    });

    it('a change the user makes moves the deadline, and the warning follows it', async () => {
      const { c, p } = await idlePage('admin', '/anvandare');
      await p.getByRole('heading', { level: 1, name: 'Användare' }).waitFor();
      await p.getByRole('link', { name: 'Demo Läsare' }).waitFor();
      const dialog = p.getByRole('alertdialog', { name: 'Du loggas snart ut' });
      const before = await sessionOf(c);

      await p.clock.fastForward('20:00');
      await p.getByLabel('Namn', { exact: true }).fill('Aktiv Användare');
      await p.getByLabel('Användarnamn').fill('aktiv-anvandare');
      await p.getByLabel('Lösenord').fill('ett långt lösenord');
      // after a change the page reads the session's new deadline (before the clock jumps again)
      const reread = p.waitForResponse((r) => r.url().endsWith('/api/auth/session') && r.request().method() === 'GET');
      await p.getByRole('button', { name: 'Skapa användaren' }).click();
      await p.getByRole('status').filter({ hasText: 'Användaren Aktiv Användare skapades.' }).waitFor();
      await reread;
      await quiet(p);
      const changed = await sessionOf(c);
      expect(Date.parse(changed.idleExpiresAt ?? '')).toBeGreaterThan(Date.parse(before.idleExpiresAt ?? ''));

      // 28:30 after login, but only 8:30 after the change: no warning
      await p.clock.fastForward('08:30');
      await p.clock.runFor(2000);
      await quiet(p);
      expect(await dialog.count()).toBe(0);
      // 28:30 after the change: the warning, with the time left on the moved deadline
      await p.clock.fastForward('20:00');
      await dialog.waitFor();
      expect(await dialog.innerText()).toMatch(/loggas du ut om 1 min \d+ s/);
      expect((await sessionOf(c)).status).toBe(200);
    });
  });

  web.itLoggedNoScriptErrors('logged no script errors');
});
