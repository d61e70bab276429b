import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { meetingFileStem } from '../../src/domain/meeting.js';
import { axeViolations, browserSession, screenshot } from './support/webApp.js';

/**
 * The web app in Debian's Chromium: the built app served by the real server process on the
 * embedded database with the demo data. Every page type loads, shows the demo's figures and has
 * no axe (WCAG 2.1 A/AA) violations; a keyboard-only walk reaches a meeting's pack.
 */
const NBSP = '\u00a0';

describe('web app in Chromium', () => {
  const web = browserSession({ expectedStatuses: [404] }); // an unknown indicator, asked for on purpose
  const { open, ready } = web;

  async function expectAccessible(page: Page, name: string): Promise<void> {
    await web.expectAccessible(page, name);
    // every page links the accessibility statement from its footer
    expect(await page.locator('footer a', { hasText: /Tillgänglighetsredogörelse|Accessibility statement/ }).getAttribute('href')).toBe('/tillganglighet');
  }

  const text = (page: Page, selector: string) => page.locator(selector).first().innerText();

  it('Översikt: the scorecard per goal with TeleQ 98 % for mars 2026 and counts per status', async () => {
    const page = await open('/');
    await ready(page, 'Nöjda invånare och samarbetspartners');
    expect(await page.title()).toBe('Översikt – Styrkort');
    expect(await page.locator('html').getAttribute('lang')).toBe('sv');
    expect(await page.locator('main h2').allInnerTexts()).toEqual([
      'Regionplan 2026–2028: Region Kalmar län',
      'Nöjda invånare och samarbetspartners',
      'Hållbar utveckling i hela länet',
      'Sveriges bästa kvalitet, tillgänglighet och säkerhet',
      'En av Sveriges bästa arbetsplatser',
      'En långsiktigt hållbar ekonomi',
    ]);
    const teleq = page.locator('.card', { hasText: 'besvarade samtal samma dag (TeleQ)' }).first();
    expect(await teleq.locator('.card-value').innerText()).toBe(`98${NBSP}% mars 2026`);
    expect(await teleq.locator('.status').innerText()).toBe('– Inget mål');
    const antibiotics = page.locator('.card', { hasText: 'Antibiotikaförskrivning' });
    expect(await antibiotics.locator('.status').innerText()).toBe('✗ Ej uppnått');
    expect(await antibiotics.innerText()).toContain(`≤ 250${NBSP}per 1${NBSP}000 inv.`);
    expect(await antibiotics.innerText()).toContain(`−91${NBSP}per 1${NBSP}000 invånare sedan 2009 (förbättring)`);
    expect(await antibiotics.locator('svg.sparkline').getAttribute('aria-label')).toContain('från 369');
    expect(await page.locator('.summary .status-counts').innerText()).toMatch(/2\s+✗\s+Ej uppnått/);
    await expectAccessible(page, 'oversikt');
  });

  it('Översikt: switching to an enhet puts it in the URL and shows its figures', async () => {
    const page = await open('/');
    await ready(page, 'Nöjda invånare och samarbetspartners');
    await page.getByLabel('Område', { exact: true }).selectOption('bup');
    await page.getByRole('button', { name: 'Visa' }).click();
    await ready(page, 'Regionplan 2026–2028: Barn- och ungdomspsykiatrin');
    expect(new URL(page.url()).searchParams.get('omrade')).toBe('bup');
    const wait = page.locator('.card', { hasText: 'BUP – medelväntetid i väntelistan till första besök' });
    expect(await wait.locator('.card-value').innerText()).toBe(`25,3${NBSP}dagar mars 2026`);
    expect(await wait.innerText()).toContain(`−4,9${NBSP}dagar sedan december 2024 (förbättring)`);
    await expectAccessible(page, 'oversikt-bup');

    // a shared link opens the same state, here another plan period
    const shared = await open('/?plan=2025-2027&omrade=bup');
    await ready(shared, 'Regionplan 2025–2027: Barn- och ungdomspsykiatrin');
    expect(await shared.getByLabel('Planperiod', { exact: true }).inputValue()).toBe('2025-2027');
  });

  it('Mål: the goal’s indicators, the items that took it up and the goals no item took up', async () => {
    const page = await open('/mal/2026-2028%3Akvalitet');
    await ready(page, 'Målets indikatorer för Region Kalmar län');
    expect(await text(page, 'h1')).toBe('Sveriges bästa kvalitet, tillgänglighet och säkerhet');
    const row = page.locator('tr', { hasText: 'besvarade samtal samma dag (TeleQ)' });
    expect(await row.innerText()).toContain(`98${NBSP}% mars 2026`);
    expect(await page.locator('.item-list li', { hasText: 'Tillgänglighet' }).first().innerText()).toContain('Regionstyrelsen 6 maj 2026');
    const may = page.locator('tr', { hasText: 'Regionstyrelsen 6 maj 2026' });
    expect(await may.locator('td').allInnerTexts()).toEqual(['1', 'Nöjda invånare och samarbetspartners']);
    await expectAccessible(page, 'mal');
  });

  it('Indikator: series, TeleQ ranking with Region Kalmar län first at 98 %, values with provenance, downloads', async () => {
    const page = await open('/indikator/telefon-teleq-samma-dag');
    await ready(page, 'Jämförelse med andra regioner');
    await page.locator('.ranking tbody tr').first().waitFor();
    expect(await text(page, 'h1')).toBe('Telefontillgänglighet primärvård – besvarade samtal samma dag (TeleQ)');
    expect(await text(page, '.ranking-summary')).toBe(`Region Kalmar län är på plats 1 av 19 med 98${NBSP}% (mars 2026). Riket: 89${NBSP}%.`);
    const first = await page.locator('.ranking tbody tr').first().locator('th, td').allInnerTexts();
    expect(first).toEqual(['1', 'Region Kalmar län egen region', `98${NBSP}%`, `29${NBSP}802`, `30${NBSP}448`]);
    expect(await page.locator('.ranking tbody tr').count()).toBe(20);
    expect(await page.locator('.ranking tr.reference').innerText()).toContain(`89${NBSP}%`);
    // both charts are drawn (ECharts, SVG) and named for assistive technology
    await page.locator('.chart svg').nth(1).waitFor();
    expect(await page.locator('.chart[role="img"]').count()).toBe(2);
    expect(await page.locator('.chart[role="img"]').nth(1).getAttribute('aria-label')).toContain('Region Kalmar län: 1, 98');
    const values = page.locator('table.values');
    expect(await values.locator('tbody tr').first().innerText()).toContain('Inläsning nr 1 (demo');
    expect(await values.locator('tbody tr').nth(1).innerText()).toContain('Beräknat ur 19 lagrade värden.');
    await expectAccessible(page, 'indikator');

    const csv = page.getByRole('link', { name: 'Ladda ned som CSV' });
    expect(await csv.getAttribute('href')).toBe('/api/indicators/telefon-teleq-samma-dag/values.csv?areas=0008%2C0000');
    const [download] = await Promise.all([page.waitForEvent('download'), csv.click()]);
    expect(download.suggestedFilename()).toBe('telefon-teleq-samma-dag-utfall.csv');
    expect(await download.failure()).toBeNull();
  });

  it('Indikator: an unknown indicator says what happened', async () => {
    const page = await open('/indikator/finns-inte');
    await ready(page, 'Det gick inte att hämta indikatorn.');
    expect(await page.locator('[role="alert"]').innerText()).toContain('Indikatorn "finns-inte" finns inte');
    await expectAccessible(page, 'indikator-fel');
  });

  it('Sammanträden: the four demo meetings, newest first', async () => {
    const page = await open('/sammantraden');
    await ready(page, 'Regionstyrelsen 6 maj 2026');
    expect(await page.locator('.meeting-list a').allInnerTexts()).toEqual([
      'Regionstyrelsen 6 maj 2026',
      'Regionstyrelsen 10 december 2025',
      'Regionstyrelsen 17 juni 2025',
      'Regionstyrelsen 1 februari 2024',
    ]);
    await expectAccessible(page, 'sammantraden');
  });

  it('Sammanträde: agenda by goal with presenters, every block drawn, pack buttons', async () => {
    const page = await open('/sammantraden/rs-2026-05-06');
    await ready(page, 'Dagordning');
    await page.locator('.block-chart svg').first().waitFor();
    expect(await text(page, 'h1')).toBe('Regionstyrelsen 6 maj 2026 – Informationspunkter');
    expect(await page.locator('.agenda-goal').allInnerTexts()).toEqual([
      'Hållbar utveckling i hela länet',
      'Sveriges bästa kvalitet, tillgänglighet och säkerhet',
      'En av Sveriges bästa arbetsplatser',
      'En långsiktigt hållbar ekonomi',
    ]);
    expect(await page.locator('.agenda li li', { hasText: 'Kompetensanalys' }).innerText()).toBe('Kompetensanalys m.m. – Helen Persson, HR-direktör');
    expect(await page.locator('.downloads a').evaluateAll((links) => links.map((a) => a.getAttribute('href')))).toEqual([
      '/api/meetings/rs-2026-05-06/deck.pptx',
      '/api/meetings/rs-2026-05-06/deck.pdf',
      '/api/meetings/rs-2026-05-06/deck.html',
    ]);
    const teleq = page.locator('.block-ranking', { hasText: 'Högst telefontillgänglighet i landet' });
    expect(await teleq.locator('tbody tr').first().innerText()).toContain(`Region Kalmar län`);
    expect(await teleq.locator('tr.reference').innerText()).toContain(`Alla regioner`);
    expect(await page.locator('.block-key-figure', { hasText: 'april jämfört med mars' }).innerText()).toContain(`+19${NBSP}procentenheter sedan mars 2026`);
    expect(await page.locator('.block-risks tbody tr').count()).toBe(6);
    expect(await page.locator('.notice-error').count()).toBe(0);
    await expectAccessible(page, 'sammantrade');

    // the other meetings' blocks (statement, timeline, checklist, image …) render without errors too
    for (const id of ['rs-2025-12-10', 'rs-2025-06-17', 'rs-2024-02-01']) {
      const other = await open(`/sammantraden/${id}`);
      await ready(other, 'Dagordning');
      expect(await other.locator('.notice-error').count(), id).toBe(0);
      expect(await axeViolations(other), id).toEqual([]);
    }
  });

  it('Sök: finds items, indicators and people without å, ä, ö, items by what they say, and says when nothing matches', async () => {
    const page = await open('/sok');
    await ready(page, 'Sök indikatorer, informationspunkter, personer och områden');
    await page.getByLabel('Sök indikatorer, informationspunkter, personer och områden').fill('valfardsbrott');
    await page.getByRole('button', { name: 'Sök', exact: true }).click();
    await ready(page, '1 träff för ”valfardsbrott”.');
    expect(new URL(page.url()).searchParams.get('q')).toBe('valfardsbrott');
    expect(await page.locator('#hits-items + ul li').innerText()).toContain('Internkontroll, välfärdsbrott');

    const person = await open('/sok?q=hartz');
    await ready(person, 'Sofia Hartz');
    expect(await person.locator('#hits-people + ul').innerText()).toContain('Tillgänglighet');
    await expectAccessible(person, 'sok');

    // what an item says is found too, with the words that matched marked
    const said = await open('/sok?q=bisysslor');
    await ready(said, 'Internkontroll, välfärdsbrott');
    expect(await said.locator('#hits-items + ul mark').first().innerText()).toBe('Bisysslor');
    expect(await axeViolations(said)).toEqual([]);

    const none = await open('/sok?q=zzyzx');
    await ready(none, 'Inga träffar för ”zzyzx”.');
    expect(await axeViolations(none)).toEqual([]);
  });

  it('Tillgänglighetsredogörelse: DIGG’s fields with placeholders for the organisation', async () => {
    const page = await open('/');
    await ready(page, 'Nöjda invånare och samarbetspartners');
    await page.locator('footer').getByRole('link', { name: 'Tillgänglighetsredogörelse' }).click();
    await ready(page, 'Hur tillgänglig är webbplatsen?');
    const headings = await page.locator('main h2').allInnerTexts();
    expect(headings).toEqual([
      'Hur tillgänglig är webbplatsen?',
      'Vad kan du göra om du inte kan använda delar av webbplatsen?',
      'Rapportera brister i webbplatsens tillgänglighet',
      'Tillsyn',
      'Teknisk information om webbplatsens tillgänglighet',
      'Hur vi testat webbplatsen',
    ]);
    expect(await page.locator('mark.placeholder').allInnerTexts()).toContain('[Organisationens namn]');
    expect(await page.getByRole('link', { name: /kontakta Myndigheten för digital förvaltning/ }).getAttribute('href')).toBe('https://www.digg.se/tdosanmalan');
    await expectAccessible(page, 'tillganglighet');
  });

  it('speaks English on request, remembers it, and sets the lang attribute', async () => {
    const page = await open('/indikator/telefon-teleq-samma-dag');
    await ready(page, 'Jämförelse med andra regioner');
    await page.getByRole('button', { name: 'In English' }).click();
    await ready(page, 'Comparison with other regions');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await page.locator('.ranking tbody tr').first().waitFor();
    // figures keep the Swedish formats
    expect(await text(page, '.ranking-summary')).toBe(`Region Kalmar län ranks 1 of 19 with 98${NBSP}% (mars 2026). Riket: 89${NBSP}%.`);
    await expectAccessible(page, 'indikator-en');
    await page.goto(`${web.url}/`);
    await ready(page, 'Overview');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.locator('.summary h2').innerText()).toBe('Regionplan 2026–2028: Region Kalmar län');
    await expectAccessible(page, 'oversikt-en');
    await page.getByRole('button', { name: 'På svenska' }).click();
    await ready(page, 'Översikt');
    expect(await page.locator('html').getAttribute('lang')).toBe('sv');
  });

  it('works at 320 px wide and at 200 % zoom without scrolling sideways, and prints without controls', async () => {
    for (const [path, marker] of [
      ['/', 'Nöjda invånare och samarbetspartners'],
      ['/indikator/telefon-teleq-samma-dag', 'Jämförelse med andra regioner'],
      ['/sammantraden/rs-2024-02-01', 'Dagordning'],
      ['/mal/2026-2028%3Akvalitet', 'Målets indikatorer för'],
    ] as const) {
      for (const width of [320, 640]) {
        const page = await open(path, { width, height: 700 });
        await ready(page, marker);
        expect(await page.evaluate(() => document.documentElement.scrollWidth), `${path} at ${width}px`).toBeLessThanOrEqual(width);
        expect(await axeViolations(page), `${path} at ${width}px`).toEqual([]);
        if (width === 320) await screenshot(page, `320px${path.replace(/[^a-z0-9]+/gi, '-').replace(/-$/, '')}`);
      }
    }
    const page = await open('/');
    await ready(page, 'Nöjda invånare och samarbetspartners');
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('header nav').isVisible()).toBe(false);
    expect(await page.locator('form.filters').isVisible()).toBe(false);
    expect(await page.locator('.cards').first().isVisible()).toBe(true);
  });

  it('keyboard only: skip link, Översikt → an indicator → a meeting → its pack download', async () => {
    const page = await open('/');
    await ready(page, 'Nöjda invånare och samarbetspartners');
    const focused = () =>
      page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        const style = el ? getComputedStyle(el) : null;
        return { tag: el?.tagName ?? '', text: el?.innerText?.trim() ?? '', href: el?.getAttribute('href') ?? null, outline: style ? `${style.outlineStyle} ${style.outlineWidth}` : '' };
      });
    const tabTo = async (match: (f: Awaited<ReturnType<typeof focused>>) => boolean, key = 'Tab', limit = 250) => {
      for (let i = 0; i < limit; i++) {
        await page.keyboard.press(key);
        const f = await focused();
        if (match(f)) return f;
      }
      throw new Error(`fokus nådde inte målet med ${key} (${limit} tryck)`);
    };

    await page.keyboard.press('Tab');
    const skip = await focused();
    expect(skip.text).toBe('Hoppa till huvudinnehållet');
    expect(await page.locator('.skip-link').boundingBox()).toMatchObject({ y: expect.any(Number) });
    expect((await page.locator('.skip-link').boundingBox())?.y ?? -1).toBeGreaterThanOrEqual(0);
    await page.keyboard.press('Enter');
    expect((await focused()).tag).toBe('MAIN');

    // forward through the filters to the TeleQ card; focus is always visible
    const link = await tabTo((f) => f.href?.startsWith('/indikator/telefon-teleq-samma-dag') ?? false);
    expect(link.outline).toMatch(/^solid [1-9]/);
    await page.keyboard.press('Enter');
    await ready(page, 'Jämförelse med andra regioner');
    expect(new URL(page.url()).pathname).toBe('/indikator/telefon-teleq-samma-dag');
    expect((await focused()).tag).toBe('H1');

    const meeting = await tabTo((f) => f.text === 'Regionstyrelsen 6 maj 2026: Tillgänglighet');
    expect(meeting.outline).toMatch(/^solid [1-9]/);
    await page.keyboard.press('Enter');
    await ready(page, 'Dagordning');
    expect(new URL(page.url()).pathname).toBe('/sammantraden/rs-2026-05-06');

    // the item is focused; back up through the agenda to the pack
    const pack = await tabTo((f) => f.text === 'Ladda ned som PowerPoint', 'Shift+Tab');
    expect(pack.href).toBe('/api/meetings/rs-2026-05-06/deck.pptx');
    expect(pack.outline).toMatch(/^solid [1-9]/);
    const response = await page.request.get(`${web.url}${pack.href}`);
    expect(response.status(), `GET ${pack.href}`).toBe(200);
    const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    const stem = meetingFileStem({ body: 'Regionstyrelsen', date: '2026-05-06', title: 'Informationspunkter' });
    expect(download.suggestedFilename()).toBe(`${stem}.pptx`);
    expect(await download.failure()).toBeNull();
    await screenshot(page, 'tangentbord-sammantrade');
  });

  web.itLoggedNoScriptErrors();
});
