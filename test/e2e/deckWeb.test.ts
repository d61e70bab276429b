import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { meetingDeck } from '../../src/services/deck.js';
import { axeViolations, DECK_RESULTS, startDeckServer, type DeckServer } from './support/deckBrowser.js';

/**
 * The web deck of every demo meeting in Debian's Chromium, served with its CSP: no WCAG 2.1 A/AA
 * violations (axe) as a scrolling document and as slides, nothing fetched from anywhere, and every
 * slide reached with the keyboard alone. Screenshots go to test-results/deck/.
 */
const MEETINGS = ['rs-2024-02-01', 'rs-2025-06-17', 'rs-2025-12-10', 'rs-2026-05-06'];

let server: DeckServer;
const contexts: BrowserContext[] = [];
beforeAll(async () => {
  server = await startDeckServer();
});
afterEach(async () => {
  await Promise.all(contexts.splice(0).map((c) => c.close()));
});
afterAll(async () => {
  await server?.stop();
});

async function open(meeting: string, javaScript: boolean): Promise<{ page: Page; requests: string[]; errors: string[] }> {
  const context = await server.browser.newContext({ viewport: { width: 1280, height: 800 }, javaScriptEnabled: javaScript });
  contexts.push(context);
  const page = await context.newPage();
  const requests: string[] = [];
  const errors: string[] = [];
  const url = `${server.url}/api/meetings/${meeting}/deck.html`;
  page.on('request', (r) => {
    if (r.url() !== url && !r.url().startsWith('data:')) requests.push(r.url());
  });
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  const response = await page.goto(url);
  expect(response?.status()).toBe(200);
  return { page, requests, errors };
}

async function current(page: Page): Promise<{ id: string; hash: string; focused: string | null; status: string }> {
  return page.evaluate(() => ({
    id: document.querySelector('.slide.current')?.id ?? '',
    hash: location.hash,
    focused: document.activeElement?.id ?? null,
    status: document.getElementById('position')?.textContent ?? '',
  }));
}

describe.each(MEETINGS)('webbpresentationen %s', (meeting) => {
  it('as a document without script: every slide visible, 0 axe violations, nothing fetched', async () => {
    const { deck } = await meetingDeck(server.t.db, meeting);
    const plain = await open(meeting, false);
    expect(await plain.page.locator('section.slide:visible').count()).toBe(deck.slides.length);
    expect(await plain.page.locator('#steg').isHidden()).toBe(true);
    await mkdir(path.join(DECK_RESULTS, meeting), { recursive: true });
    await plain.page.screenshot({ path: path.join(DECK_RESULTS, meeting, 'dokument.png') });
    expect(plain.requests).toEqual([]);

    // axe needs script in the page: the same document, with the slide mode the script adds taken away
    const { page, requests, errors } = await open(meeting, true);
    await page.evaluate(() => {
      document.documentElement.classList.remove('slides');
      (document.getElementById('steg') as HTMLElement).hidden = true;
    });
    expect(await page.locator('section.slide:visible').count()).toBe(deck.slides.length);
    expect(await axeViolations(page)).toEqual([]);
    expect(requests).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('as slides: stepped with the keyboard alone through every slide, under its CSP, 0 axe violations', async () => {
    const { deck } = await meetingDeck(server.t.db, meeting);
    const total = deck.slides.length;
    const { page, requests, errors } = await open(meeting, true);
    expect(await page.locator('html').getAttribute('class')).toBe('slides');
    expect(await current(page)).toMatchObject({ id: 'bild-1', status: `Bild 1 av ${total}: ${deck.title}` });
    expect(await page.locator('section.slide:visible').count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);

    for (let n = 2; n <= total; n++) {
      await page.keyboard.press('ArrowRight');
      const now = await current(page);
      expect(now).toEqual({ id: `bild-${n}`, hash: `#bild-${n}`, focused: `bild-${n}`, status: `Bild ${n} av ${total}: ${deck.slides[n - 1]?.title}` });
      if (n <= 6 || n % 10 === 0 || n === total) await page.screenshot({ path: path.join(DECK_RESULTS, meeting, `bild-${n}.png`) });
    }
    await page.keyboard.press('ArrowRight');
    expect((await current(page)).id).toBe(`bild-${total}`);
    await page.keyboard.press('Home');
    expect((await current(page)).id).toBe('bild-1');
    await page.keyboard.press('PageDown');
    await page.keyboard.press('ArrowDown');
    expect((await current(page)).id).toBe('bild-3');
    await page.keyboard.press('PageUp');
    expect((await current(page)).id).toBe('bild-2');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowUp');
    expect((await current(page)).id).toBe('bild-1');
    await page.keyboard.press('End');
    expect(await current(page)).toMatchObject({ id: `bild-${total}`, focused: `bild-${total}` });
    expect(await axeViolations(page)).toEqual([]);
    expect(requests).toEqual([]);
    expect(errors).toEqual([]);
  });
});

describe('the slide controls', () => {
  it('are reached with Tab, work with Enter, show a focus ring, and a link to a slide opens it', async () => {
    const { page } = await open('rs-2026-05-06', true);
    const tabTo = async (id: string) => {
      for (let i = 0; i < 10; i++) {
        await page.keyboard.press('Tab');
        if ((await page.evaluate(() => document.activeElement?.id ?? '')) === id) return;
      }
      throw new Error(`Tab nådde inte ${id}`);
    };
    await tabTo('nasta');
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement as Element).outlineStyle);
    expect(outline).toBe('solid');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    expect((await current(page)).id).toBe('bild-3');
    await page.keyboard.press('Shift+Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('foregaende');
    await page.keyboard.press('Space');
    expect((await current(page)).id).toBe('bild-2');
    await page.locator('.toc summary').click();
    await page.locator('.toc a[href="#bild-24"]').click();
    // the link changes the address; the deck follows on 'hashchange', an event that comes after the click
    await expect.poll(() => current(page)).toMatchObject({ id: 'bild-24', focused: 'bild-24' });
    await mkdir(path.join(DECK_RESULTS, 'rs-2026-05-06'), { recursive: true });
    await page.screenshot({ path: path.join(DECK_RESULTS, 'rs-2026-05-06', 'teleq.png') });
  });
});
