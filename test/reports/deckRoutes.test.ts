import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/server/app.js';
import { appOn, demoDatabase } from '../support/demo.js';
import type { TestDatabase } from '../support/testDatabase.js';

/** GET /api/meetings/:id/deck.{pptx,pdf,html}: content types, Swedish file names, the web deck's CSP. */
let t: TestDatabase;
let app: App;
beforeAll(async () => {
  t = await demoDatabase();
  app = await appOn(t);
});
afterAll(async () => {
  await app.close();
  await t.drop();
});

const NAME = 'Regionstyrelsen 2026-05-06 Informationspunkter';

describe('the board pack over HTTP', () => {
  it('PowerPoint: content type, an attachment with the Swedish file name (RFC 5987), a zip', async () => {
    const r = await app.inject({ url: '/api/meetings/rs-2026-05-06/deck.pptx' });
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.presentationml.presentation');
    expect(r.headers['content-disposition']).toBe(`attachment; filename="${NAME}.pptx"; filename*=UTF-8''Regionstyrelsen%202026-05-06%20Informationspunkter.pptx`);
    expect(r.rawPayload.subarray(0, 2).toString('latin1')).toBe('PK');
  });

  it('the meeting can be named by its date, and a non-ASCII name gets an ASCII fallback', async () => {
    const r = await app.inject({ url: '/api/meetings/2025-06-17/deck.html' });
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-disposition']).toBe(`inline; filename="Regionstyrelsen 2025-06-17 Informationspunkter.html"; filename*=UTF-8''Regionstyrelsen%202025-06-17%20Informationspunkter.html`);
  });

  it('the web deck is one document with a strict CSP and no external references', async () => {
    const r = await app.inject({ url: '/api/meetings/rs-2026-05-06/deck.html' });
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toBe('text/html; charset=utf-8');
    const csp = String(r.headers['content-security-policy']);
    expect(csp).toMatch(/^default-src 'none'; img-src data:; style-src 'unsafe-inline'; script-src 'sha256-[A-Za-z0-9+/=]+'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'$/);
    expect(r.headers['x-content-type-options']).toBe('nosniff');
    const html = r.body;
    expect(html).toMatch(/^<!doctype html>\n<html lang="sv">/);
    expect(html).not.toMatch(/\b(src|href)="(https?:)?\/\//);
    expect(html).not.toMatch(/<script[^>]+src=/);
    expect(html).not.toMatch(/<link\b/);
    expect(html).toContain('<title>Regionstyrelsen 6 maj 2026 — Informationspunkter</title>');
    expect(html).toContain('<td>Alla regioner<span class="sr-only"> (jämförelserad utan plats)</span></td>');
  });

  it('an unknown meeting is a 404 in Swedish', async () => {
    const r = await app.inject({ url: '/api/meetings/1999-01-01/deck.pptx' });
    expect(r.statusCode).toBe(404);
    expect(r.json()).toMatchObject({ error: { code: 'not_found', message: 'Sammanträdet "1999-01-01" finns inte' } });
  });

  it('without Chromium, PDF is 503 naming what to install and the variable; PowerPoint still works', async () => {
    const before = process.env.STYRKORT_CHROMIUM;
    process.env.STYRKORT_CHROMIUM = '/finns-inte/chromium';
    const noChromium = await appOn(t);
    try {
      const pdf = await noChromium.inject({ url: '/api/meetings/rs-2026-05-06/deck.pdf' });
      expect(pdf.statusCode).toBe(503);
      const message = pdf.json<{ error: { message: string } }>().error.message;
      expect(message).toContain('apt install chromium');
      expect(message).toContain('STYRKORT_CHROMIUM');
      expect(message).toContain('/finns-inte/chromium');
      const pptx = await noChromium.inject({ url: '/api/meetings/rs-2026-05-06/deck.pptx' });
      expect(pptx.statusCode).toBe(200);
    } finally {
      if (before === undefined) delete process.env.STYRKORT_CHROMIUM;
      else process.env.STYRKORT_CHROMIUM = before;
      await noChromium.close();
    }
  });
});
