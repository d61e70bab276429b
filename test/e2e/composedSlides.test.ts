import type { Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { browserSession } from './support/webApp.js';

/**
 * Blocks sharing a slide, in the item editor in Chromium against the real server on the demo
 * data. The secretary writes a text and a key figure, puts the key figure on the text's slide
 * by keyboard alone (Tab to the box, Space), sees the slide's layout in words, saves and finds
 * it stored and ticked after a reload; clearing the box stores the block without the field. Three
 * texts on one slide are refused before saving (the reason at the box) and by the server (the
 * same words at the same box); nothing is stored. axe finds nothing in either state. The
 * meeting's web deck then draws the text and the key figure as one composed slide.
 */
const NBSP = '\u00a0';
const WITH_PREVIOUS = 'På samma bild som blocket ovanför';
const FIGURES_ITEM = 'Telefontillgänglighet i siffror';
const TEXTS_ITEM = 'Tre texter';
const TEXT = 'Nästan alla samtal till vårdcentralerna besvaras samma dag.';

type StoredBlock = { type: string } & Record<string, unknown>;

describe('composed slides in the item editor', () => {
  // the save of three texts on one slide is refused on purpose (400)
  const web = browserSession({ expectedStatuses: [400], timeout: 60_000 });
  let meetingId = '';
  let figuresItem = '';
  let textsItem = '';
  let storedBlocks: (itemId: string) => Promise<StoredBlock[]> = async () => [];

  beforeAll(async () => {
    const secretary = await web.context({ user: 'sekreterare' });
    const api = secretary.request;
    const session = (await (await api.get(`${web.url}/api/auth/session`)).json()) as { csrfToken: string };
    const headers = { origin: web.url, 'x-csrf-token': session.csrfToken };
    const post = async <T,>(path: string, data: unknown): Promise<T> => {
      const r = await api.post(`${web.url}${path}`, { headers, data });
      if (r.status() !== 201) throw new Error(`POST ${path} → ${r.status()}: ${await r.text()}`);
      return (await r.json()) as T;
    };
    const created = await post<{ meeting: { id: string } }>('/api/meetings', { body: 'Regionstyrelsen', date: '2026-11-11', planPeriodId: '2026-2028', focusYear: 2026 });
    meetingId = created.meeting.id;
    figuresItem = (await post<{ id: string }>(`/api/meetings/${meetingId}/items`, { goalId: '2026-2028:kvalitet', title: FIGURES_ITEM })).id;
    textsItem = (await post<{ id: string }>(`/api/meetings/${meetingId}/items`, { goalId: '2026-2028:kvalitet', title: TEXTS_ITEM })).id;
    storedBlocks = async (itemId) => {
      const r = await api.get(`${web.url}/api/meetings/${meetingId}/authoring`);
      expect(r.status()).toBe(200);
      const items = ((await r.json()) as { items: Array<{ id: string; blocks: Array<{ block: StoredBlock }> }> }).items;
      return items.find((i) => i.id === itemId)?.blocks.map((b) => b.block) ?? [];
    };
  }, 300_000);

  const open = async (itemId: string, title: string) => {
    const page = await web.open(`/sammantraden/${meetingId}/punkter/${itemId}`, { user: 'sekreterare' });
    await page.getByRole('heading', { level: 1, name: `Redigera: ${title}` }).waitFor();
    return page;
  };

  const addBlock = async (page: Page, type: string, n: number): Promise<Locator> => {
    await page.getByLabel('Typ av block').selectOption({ label: type });
    await page.getByRole('button', { name: 'Lägg till block' }).click();
    const block = page.locator('.block-editor').nth(n - 1);
    await block.getByRole('heading', { name: `Block ${n}: ${type}` }).waitFor();
    return block;
  };

  /** The words describing a control (its aria-describedby), and whether it is marked invalid. */
  async function fieldState(page: Page, control: Locator): Promise<{ invalid: string | null; message: string }> {
    const invalid = await control.getAttribute('aria-invalid');
    const ids = ((await control.getAttribute('aria-describedby')) ?? '').split(' ').filter(Boolean);
    const texts = await Promise.all(ids.map((id) => page.locator(`[id="${id}"]`).innerText()));
    return { invalid, message: texts.join(' ') };
  }

  const caption = (block: Locator) => block.locator('.slide-caption').innerText();

  it('a key figure on the text’s slide: ticked by keyboard, "text med nyckeltal" shown, saved, still ticked after a reload', async () => {
    const page = await open(figuresItem, FIGURES_ITEM);
    const text = await addBlock(page, 'Text', 1);
    await text.getByLabel('Text', { exact: true }).fill(TEXT);
    const figure = await addBlock(page, 'Nyckeltal', 2);
    await figure.getByLabel('Sök indikator').fill('teleq');
    await figure.getByLabel('Indikator', { exact: true }).selectOption('telefon-teleq-samma-dag');
    await figure.getByLabel('Period', { exact: true }).fill('2026-03');
    await expect.poll(() => figure.locator('.block-preview .key-figure .value').innerText().catch(() => '')).toBe(`98${NBSP}%`);

    // the first block has nothing above it: no box; each block says which slide it is on
    expect(await text.getByLabel(WITH_PREVIOUS).count()).toBe(0);
    expect(await caption(text)).toBe('Bild 1');
    expect(await caption(figure)).toBe('Bild 2');
    const box = figure.getByLabel(WITH_PREVIOUS);
    expect(await box.isChecked()).toBe(false);

    // keyboard only: from the block's heading, Tab to the box and Space
    await figure.getByRole('heading', { name: 'Block 2: Nyckeltal' }).focus();
    for (let i = 0; i < 10 && !(await box.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
    expect(await box.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('Space');
    expect(await box.isChecked()).toBe(true);
    await expect.poll(() => caption(figure)).toBe('Bild 1: text med nyckeltal (block 1–2)');
    expect(await caption(text)).toBe('Bild 1: text med nyckeltal (block 1–2)');
    expect(await fieldState(page, box)).toEqual({ invalid: null, message: 'Bild 1: text med nyckeltal (block 1–2)' });
    expect(await page.locator('.item-editor > p.visually-hidden[role="status"]').innerText()).toBe('Block 2 delar nu bild 1: text med nyckeltal.');
    // the two blocks are drawn as one group
    expect(await text.getAttribute('class')).toBe('block-editor slide-shared slide-group-first');
    expect(await figure.getAttribute('class')).toBe('block-editor slide-shared slide-joined');
    await web.expectAccessible(page, 'delad-bild');

    await page.getByRole('button', { name: 'Spara', exact: true }).click();
    await page.getByText('Sparat: rubriken och 2 block.').waitFor();
    const stored = await storedBlocks(figuresItem);
    expect(stored.map((b) => [b.type, b.withPrevious])).toEqual([
      ['text', undefined],
      ['key_figure', true],
    ]);
    expect('withPrevious' in (stored[0] ?? {})).toBe(false);

    await page.reload();
    const again = page.locator('.block-editor').nth(1);
    await again.getByRole('heading', { name: 'Block 2: Nyckeltal' }).waitFor();
    expect(await again.getByLabel(WITH_PREVIOUS).isChecked()).toBe(true);
    expect(await caption(again)).toBe('Bild 1: text med nyckeltal (block 1–2)');
    expect(await page.locator('.save-status').innerText()).toBe('');

    // cleared, the block is stored without the field (a slide of its own); ticked again for the deck below
    await again.getByLabel(WITH_PREVIOUS).uncheck();
    expect(await caption(again)).toBe('Bild 2');
    await page.getByRole('button', { name: 'Spara', exact: true }).click();
    await page.getByText('Sparat: rubriken och 2 block.').waitFor();
    expect('withPrevious' in ((await storedBlocks(figuresItem))[1] ?? { withPrevious: 'saknas' })).toBe(false);
    await again.getByLabel(WITH_PREVIOUS).check();
    await page.getByRole('button', { name: 'Spara', exact: true }).click();
    await expect.poll(async () => (await storedBlocks(figuresItem))[1]?.withPrevious).toBe(true);
  });

  it('three texts on one slide: the reason at the box before saving, the save refused with it there, nothing stored', async () => {
    const page = await open(textsItem, TEXTS_ITEM);
    const texts: Locator[] = [];
    for (const n of [1, 2, 3]) {
      const block = await addBlock(page, 'Text', n);
      await block.getByLabel('Text', { exact: true }).fill(`Text nummer ${n}.`);
      texts.push(block);
    }
    const [first, second, third] = texts as [Locator, Locator, Locator];
    await second.getByLabel(WITH_PREVIOUS).check();
    await expect.poll(() => caption(first)).toBe('Bild 1: två spalter (block 1–2)');
    expect(await caption(third)).toBe('Bild 2');

    // a timeline always stands alone on its slide: no box
    const timeline = await addBlock(page, 'Tidslinje', 4);
    expect(await timeline.getByLabel(WITH_PREVIOUS).count()).toBe(0);
    await timeline.getByRole('button', { name: 'Ta bort Block 4: Tidslinje' }).click();
    await expect.poll(() => page.locator('.block-editor').count()).toBe(3);

    const reason = 'Kan inte dela bild med blocken före: högst två block sida vid sida.';
    const box = third.getByLabel(WITH_PREVIOUS);
    await box.check();
    await expect.poll(() => caption(third)).toBe('Bild 1: block 1–3 kan inte dela bild');
    expect(await fieldState(page, box)).toEqual({ invalid: 'true', message: `Bild 1: block 1–3 kan inte dela bild ${reason}` });
    expect(await page.locator('.item-editor > p.visually-hidden[role="status"]').innerText()).toBe('Block 3 kan inte dela bild med blocken ovanför.');
    // the box that made a layout is not marked
    expect(await second.getByLabel(WITH_PREVIOUS).getAttribute('aria-invalid')).toBeNull();
    expect(await third.getAttribute('class')).toBe('block-editor slide-shared slide-joined slide-refused');
    // sharing a slide changes no preview: each text's is drawn and stays drawn
    await expect.poll(() => page.locator('.block-preview .preview-status').allInnerTexts()).toEqual(Array(3).fill('Förhandsvisningen är uppdaterad.'));
    await web.expectAccessible(page, 'delad-bild-nekad');

    // the server refuses the same, at the same box, and focus goes there
    await page.getByRole('button', { name: 'Spara', exact: true }).click();
    await page.getByText('Punkten kunde inte sparas.').waitFor();
    expect(await page.locator('.item-save-error [role="alert"]').innerText()).toContain('högst två block sida vid sida');
    await expect.poll(() => box.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await fieldState(page, box)).toEqual({ invalid: 'true', message: `Bild 1: block 1–3 kan inte dela bild ${reason}` });
    expect(await page.locator('.save-status').innerText()).toBe('Osparade ändringar.');
    expect(await storedBlocks(textsItem)).toEqual([]);
    await web.expectAccessible(page, 'delad-bild-nekad-sparad');

    // cleared, the reason goes and the first two still share a slide
    await box.uncheck();
    expect(await fieldState(page, box)).toEqual({ invalid: null, message: 'Bild 2' });
    expect(await caption(first)).toBe('Bild 1: två spalter (block 1–2)');
  });

  it('the web deck draws the text and the key figure on one composed slide', async () => {
    // the deck is a document of its own, without an icon: Chromium asks for /favicon.ico (404)
    const page = await web.page(await web.context({ user: 'sekreterare' }), 'webbpresentation', [404]);
    const missing: string[] = [];
    page.on('response', (r) => {
      if (r.status() === 404) missing.push(new URL(r.url()).pathname);
    });
    const response = await page.goto(`${web.url}/api/meetings/${meetingId}/deck.html`);
    expect(response?.status()).toBe(200);
    const composed = page.locator('section.slide .composed');
    expect(await composed.count()).toBe(1);
    expect(await composed.getAttribute('class')).toBe('composed text_figures');
    const slide = page.locator('section.slide', { has: page.locator('.composed') });
    expect(await slide.innerText()).toContain(TEXT);
    expect(await composed.innerText()).toContain(`98${NBSP}%`);
    await page.waitForLoadState('networkidle');
    expect(missing.filter((p) => p !== '/favicon.ico')).toEqual([]);
  });

  web.itLoggedNoScriptErrors();
});
