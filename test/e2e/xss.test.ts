import JSZip from 'jszip';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { APIRequestContext, BrowserContext, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseMarkdown, type MdBlock } from '../../src/domain/markdown.js';
import { decodeXml } from '../support/pptxRead.js';
import { XSS_CORPUS } from '../support/xssCorpus.js';
import { browserSession, screenshot } from './support/webApp.js';

/**
 * Cross-site scripting payloads saved into a draft meeting's item texts and item titles through
 * the API, as the secretary, then shown everywhere item text goes: the meeting page of the web
 * app and the web deck in Chromium (no dialog opens, no script runs, no element carries an event
 * handler or a script URL), the PDF the server renders (the payloads are its text, no JavaScript
 * action or script link) and the PowerPoint file (the payloads are escaped text in the slide XML,
 * no hyperlink to a script). The pages are opened with the CSP bypassed: the escaping alone must
 * make the payloads inert, without the CSP as a second line.
 */

/** Payloads of our own that would set window.__xss if they ran, beside the corpus's alert(1). */
const OWN = [
  '<img src=x onerror="window.__xss=1">',
  '<svg onload="window.__xss=1"></svg>',
  '<script>window.__xss=1</script>',
  '[klick](javascript:window.__xss=1)',
  '<a href="javascript:window.__xss=1">klick</a>',
  '<iframe srcdoc="<script>parent.__xss=1</script>"></iframe>',
];
const PAYLOADS = [...XSS_CORPUS, ...OWN];

/** Text compared without whitespace and control characters (renderers wrap and break lines). */
function squash(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\s\u0000-\u001f\u007f\u00ad\u200b]+/g, '');
}

/** The text a reader sees of stored markdown: every run of every block, in order. */
function markdownText(markdown: string): string {
  const out: string[] = [];
  const walk = (block: MdBlock): void => {
    if (block.kind === 'list') for (const item of block.items) {
      out.push(item.runs.map((r) => r.text).join(''));
      item.children.forEach(walk);
    }
    else out.push(block.runs.map((r) => r.text).join(''));
  };
  parseMarkdown(markdown).forEach(walk);
  return out.join('\n');
}

/** Item titles: the payloads joined, as many as fit in a title (300 characters). */
function titleGroups(payloads: readonly string[]): string[][] {
  const groups: string[][] = [];
  let current: string[] = [];
  for (const p of payloads) {
    const next = [...current, p];
    if (current.length > 0 && next.join(' ¦ ').trim().length > 300) {
      groups.push(current);
      current = [p];
    } else current = next;
  }
  if (current.length > 0) groups.push(current);
  return groups;
}

interface Stored {
  meetingId: string;
  items: Array<{ id: string; title: string; texts: string[] }>;
}

describe('XSS payloads in item text and titles render inert', () => {
  const web = browserSession();
  let secretary: BrowserContext;
  let stored: Stored;

  beforeAll(async () => {
    // made before the tests, the context stays open until the file ends
    secretary = await web.context({ user: 'sekreterare' });
    stored = await saveDraft(secretary.request, web.url);
  }, 300_000);

  async function saveDraft(api: APIRequestContext, url: string): Promise<Stored> {
    const session = (await (await api.get(`${url}/api/auth/session`)).json()) as { csrfToken: string };
    const headers = { origin: url, 'x-csrf-token': session.csrfToken };
    const call = async <T,>(method: 'POST' | 'PUT', path: string, data: unknown): Promise<T> => {
      const r = await api.fetch(`${url}${path}`, { method, headers, data });
      if (r.status() >= 300) throw new Error(`${method} ${path} → ${r.status()}: ${await r.text()}`);
      return (await r.json()) as T;
    };
    const created = await call<{ meeting: { id: string } }>('POST', '/api/meetings', { body: 'Regionstyrelsen', date: '2026-09-16', planPeriodId: '2026-2028', focusYear: 2026, copyFrom: 'previous' });
    const meetingId = created.meeting.id;
    const view = (await (await api.get(`${url}/api/meetings/${meetingId}`)).json()) as { planPeriod: { goals: Array<{ id: string }> } };
    const goalId = view.planPeriod.goals[0]?.id ?? '';
    for (const group of titleGroups(PAYLOADS)) {
      const item = await call<{ id: string }>('POST', `/api/meetings/${meetingId}/items`, { goalId, title: group.join(' ¦ ') });
      await call('PUT', `/api/items/${item.id}/blocks`, { blocks: group.map((markdown) => ({ type: 'text', heading: null, markdown })) });
    }
    // read back what the server stored (text is sanitised on the way in; titles are kept as typed)
    const authoring = (await (await api.get(`${url}/api/meetings/${meetingId}/authoring`)).json()) as {
      items: Array<{ id: string; title: string; blocks: Array<{ block: { type: string; markdown?: string } }> }>;
    };
    const items = authoring.items
      .filter((i) => i.title.includes(' ¦ ') || PAYLOADS.some((p) => p.trim() === i.title))
      .map((i) => ({ id: i.id, title: i.title, texts: i.blocks.map((b) => markdownText(b.block.markdown ?? '')).filter((t) => squash(t) !== '') }));
    return { meetingId, items };
  }

  it('stored every payload: titles as typed, text through the sanitiser', () => {
    const groups = titleGroups(PAYLOADS);
    expect(stored.items.map((i) => i.title)).toEqual(groups.map((g) => g.join(' ¦ ').trim()));
    expect(stored.items.flatMap((i) => i.texts).length).toBeGreaterThan(20);
  });

  /** A Chromium page that counts dialogs (and closes them) and errors. */
  async function watched(url: string): Promise<{ page: Page; dialogs: string[]; errors: string[] }> {
    const page = await secretary.newPage();
    const dialogs: string[] = [];
    const errors: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(`${d.type()}: ${d.message()}`);
      void d.dismiss();
    });
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(url);
    return { page, dialogs, errors };
  }

  /** Event handler attributes, script URLs and elements that run or load, inside `scope`. */
  function problemsIn(page: Page, scope: string): Promise<string[]> {
    return page.evaluate((selector) => {
      const found: string[] = [];
      const script = /^(javascript|vbscript|livescript):/i;
      // eslint-disable-next-line no-control-regex
      const scheme = (v: string) => v.replace(/[\s\u0000-\u001f]+/g, '').toLowerCase();
      for (const root of document.querySelectorAll(selector)) {
        for (const el of [root, ...root.querySelectorAll('*')]) {
          for (const attr of el.getAttributeNames()) {
            const value = el.getAttribute(attr) ?? '';
            if (/^on/i.test(attr)) found.push(`${el.tagName} ${attr}="${value}"`);
            if (['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'srcdoc'].includes(attr.toLowerCase()) && (script.test(scheme(value)) || (attr !== 'src' && /^data:/.test(scheme(value))) || attr === 'srcdoc')) {
              found.push(`${el.tagName} ${attr}="${value}"`);
            }
          }
          if (['SCRIPT', 'IFRAME', 'OBJECT', 'EMBED', 'BASE', 'FORM', 'META', 'LINK', 'FRAME', 'TEMPLATE', 'VIDEO', 'AUDIO', 'SOURCE'].includes(el.tagName)) found.push(`<${el.tagName.toLowerCase()}>`);
        }
      }
      return found;
    }, scope);
  }

  it('(a) the meeting page of the web app', async () => {
    const { page, dialogs, errors } = await watched(`${web.url}/sammantraden/${stored.meetingId}`);
    const last = stored.items.at(-1)?.id ?? '';
    await page.locator(`[id="punkt-${last}"]`).waitFor({ timeout: 60_000 });
    await page.waitForLoadState('networkidle');
    // visit every payload item (focus and scroll, as a reader would)
    for (const item of stored.items) {
      await page.locator(`[id="punkt-${item.id}"]`).scrollIntoViewIfNeeded();
      await page.locator(`[id="punkt-${item.id}"]`).focus();
    }
    for (const item of stored.items) {
      const article = page.locator(`[id="punkt-${item.id}"]`);
      // the title is the payload as plain text, exactly as typed
      expect(await article.locator('h3').first().textContent()).toBe(item.title);
      const text = squash((await article.textContent()) ?? '');
      for (const t of item.texts) expect(text, t).toContain(squash(t));
    }
    // the agenda lists the titles as text too
    expect(await page.locator('.agenda a', { hasText: '¦' }).allTextContents()).toEqual(stored.items.map((i) => i.title));
    const scopes = stored.items.map((i) => `[id="punkt-${i.id}"]`).join(', ');
    expect(await problemsIn(page, scopes)).toEqual([]);
    expect(await problemsIn(page, 'main')).toEqual([]);
    expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBeUndefined();
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
    await screenshot(page, 'xss-sammantrade');
    await page.close();
  });

  it('(b) the web deck', async () => {
    const { page, dialogs, errors } = await watched(`${web.url}/api/meetings/${stored.meetingId}/deck.html`);
    await page.waitForLoadState('load');
    // step through the slides with the deck's own keys: its script runs over every slide
    for (let i = 0; i < 20; i++) await page.keyboard.press('PageDown');
    await page.keyboard.press('End');
    await page.keyboard.press('Home');
    const text = squash((await page.locator('body').textContent()) ?? '');
    for (const item of stored.items) {
      expect(text, item.title).toContain(squash(item.title));
      for (const t of item.texts) expect(text, t).toContain(squash(t));
    }
    const problems = (await problemsIn(page, 'body')).filter((p) => p !== '<script>');
    expect(problems).toEqual([]);
    // one script: the deck's own, whose hash is in the CSP; none from item text
    expect(await page.locator('script').count()).toBe(1);
    expect(await page.locator('script').textContent()).not.toMatch(/alert|__xss/);
    expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBeUndefined();
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('(c) the PDF rendered by the server: the payloads are its text, and it has no script', async () => {
    const response = await secretary.request.get(`${web.url}/api/meetings/${stored.meetingId}/deck.pdf`, { timeout: 180_000 });
    expect(response.status()).toBe(200);
    const doc = await getDocument({ data: new Uint8Array(await response.body()) }).promise;
    // no JavaScript (document actions, name tree, open action), no form, no attachment
    expect(await doc.getJSActions()).toBeNull();
    expect(await doc.getOpenAction()).toBeNull();
    expect(await doc.getFieldObjects()).toBeNull();
    expect(await doc.getAttachments()).toBeNull();
    const outline = (await doc.getOutline()) as Array<{ url: string | null; unsafeUrl?: string; items: unknown[] }>;
    const urls = JSON.stringify(outline).match(/"(unsafeUrl|url)":"[^"]*"/g) ?? [];
    expect(urls.filter((u) => /:"\s*(javascript|vbscript|livescript|data):/i.test(u))).toEqual([]);
    const pages: string[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      expect(Object.keys((await page.getJSActions()) ?? {}), `sida ${n}`).toEqual([]);
      const content = await page.getTextContent();
      pages.push(content.items.map((i) => ('str' in i ? i.str : '')).join(''));
      for (const annotation of (await page.getAnnotations()) as Array<{ url?: string; unsafeUrl?: string; action?: string; actions?: unknown }>) {
        expect(annotation.actions ?? null, `sida ${n}`).toBeNull();
        expect(annotation.action ?? null, `sida ${n}`).toBeNull();
        for (const u of [annotation.url, annotation.unsafeUrl]) if (u) expect(u, `sida ${n}`).not.toMatch(/^\s*(javascript|vbscript|livescript|data):/i);
      }
    }
    const text = squash(pages.join(''));
    for (const item of stored.items) {
      expect(text, item.title).toContain(squash(item.title));
      for (const t of item.texts) expect(text, t).toContain(squash(t));
    }
  });

  it('(d) the PowerPoint file: the payloads are escaped text in the slide XML, never markup or a link to a script', async () => {
    const response = await secretary.request.get(`${web.url}/api/meetings/${stored.meetingId}/deck.pptx`, { timeout: 180_000 });
    expect(response.status()).toBe(200);
    const zip = await JSZip.loadAsync(await response.body());
    const slides = Object.keys(zip.files).filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n));
    expect(slides.length).toBeGreaterThan(stored.items.length);
    let texts = '';
    for (const name of slides) {
      const xml = await zip.file(name)?.async('string') ?? '';
      // no element of HTML, SVG or MathML: a payload's "<" is &lt; in the XML
      expect(xml, name).not.toMatch(/<(script|img|svg|iframe|object|embed|a|math|details|input|video|body|meta|base|style|form|template|noscript|textarea|title)[\s/>]/i);
      texts += [...xml.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((m) => decodeXml(m[1] ?? '')).join('');
      // hyperlinks only to slides of the deck or to web addresses, never to a script
      for (const m of xml.matchAll(/<a:hlink(?:Click|Hover)\b([^>]*)>/g)) expect(m[1] ?? '', name).not.toMatch(/action="(?!ppaction:\/\/hlink(?:sldjump|showjump))/);
      const rels = await zip.file(name.replace('slides/', 'slides/_rels/').replace(/\.xml$/, '.xml.rels'))?.async('string') ?? '';
      // eslint-disable-next-line no-control-regex
      for (const m of rels.matchAll(/Target="([^"]*)"/g)) expect(decodeXml(m[1] ?? '').replace(/[\s\u0000-\u001f]+/g, ''), name).not.toMatch(/^(javascript|vbscript|livescript|data):/i);
    }
    // the escaped form is there: "<script>" in a title is written &lt;script&gt;
    const all = (await Promise.all(slides.map((n) => zip.file(n)?.async('string') ?? ''))).join('');
    expect(all).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    const squashed = squash(texts);
    for (const item of stored.items) {
      expect(squashed, item.title).toContain(squash(item.title));
      for (const t of item.texts) expect(squashed, t).toContain(squash(t));
    }
  });
});
