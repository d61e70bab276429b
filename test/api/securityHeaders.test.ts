import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../src/server/app.js';
import { ADMIN } from '../support/auth.js';
import { tempDir } from '../support/cli.js';
import { demoDatabase } from '../support/demo.js';
import { ORIGIN } from '../support/session.js';
import type { TestDatabase } from '../support/testDatabase.js';

/**
 * Security headers on every kind of response the server gives: API JSON (answers, refusals,
 * validation errors, 404s), downloads, the web app's index.html and its files, the web deck
 * (live and published), pictures, and the page shown when the web app is not built. Each carries
 * a Content-Security-Policy whose scripts are never inline or eval'd, that no other site may
 * frame, and HSTS, nosniff and a referrer policy that keeps paths on this site.
 */
let t: TestDatabase;
let dir: string;
let app: App;
let unbuilt: App;

beforeAll(async () => {
  t = await demoDatabase();
  dir = await tempDir('styrkort-headers-');
  await mkdir(path.join(dir, 'assets'));
  await writeFile(path.join(dir, 'index.html'), '<!doctype html><html lang="sv"><title>Styrkort</title><script type="module" src="/assets/index-abc123.js"></script></html>');
  await writeFile(path.join(dir, 'assets', 'index-abc123.js'), 'console.log("styrkort")');
  await writeFile(path.join(dir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  const deps = { db: t.db, version: 'test', logLevel: 'silent' as const, authenticator: async (request: { headers: Record<string, unknown> }) => (request.headers['x-anonym'] ? null : ADMIN) };
  app = await buildApp({ ...deps, webDir: dir });
  unbuilt = await buildApp({ ...deps, webDir: path.join(dir, 'finns-inte') });
});
afterAll(async () => {
  await app?.close();
  await unbuilt?.close();
  await t?.drop();
  await rm(dir, { recursive: true, force: true });
});

/** CSP directives by name: `script-src` → ["'self'"]. */
function directives(csp: string): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const part of csp.split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) map.set(name.toLowerCase(), values);
  }
  return map;
}

function problems(r: LightMyRequestResponse): string[] {
  const found: string[] = [];
  const csp = r.headers['content-security-policy'];
  if (typeof csp !== 'string') return ['ingen Content-Security-Policy'];
  const d = directives(csp);
  const scripts = d.get('script-src') ?? d.get('default-src');
  if (!scripts) found.push('CSP utan script-src eller default-src');
  for (const bad of ["'unsafe-inline'", "'unsafe-eval'", '*', 'data:', 'http:', 'https:']) if (scripts?.includes(bad)) found.push(`script-src tillåter ${bad}`);
  if (d.has('script-src-elem') || d.has('script-src-attr')) found.push('script-src-elem/-attr vidgar script-src');
  if (d.get('frame-ancestors')?.join(' ') !== "'none'") found.push(`frame-ancestors är ${d.get('frame-ancestors')?.join(' ') ?? 'inte satt'}`);
  const hsts = /max-age=(\d+)/.exec(String(r.headers['strict-transport-security'] ?? ''));
  if (!hsts || Number(hsts[1]) < 31_536_000) found.push(`HSTS: ${String(r.headers['strict-transport-security'])}`);
  if (r.headers['x-content-type-options'] !== 'nosniff') found.push('inte nosniff');
  if (!['no-referrer', 'same-origin', 'strict-origin', 'strict-origin-when-cross-origin'].includes(String(r.headers['referrer-policy']))) found.push(`Referrer-Policy: ${String(r.headers['referrer-policy'])}`);
  return found;
}

describe('security headers', () => {
  it('are on every kind of response', async () => {
    const versions = await app.inject({ url: '/api/meetings/rs-2026-05-06/versions' });
    expect(versions.statusCode, versions.body).toBe(200);
    const published = versions.json<Array<{ version: number }>>()[0]?.version;
    expect(published).toEqual(expect.any(Number));
    const cases: Array<{ what: string; app?: App; method?: 'GET' | 'POST'; url: string; status: number; type: RegExp; headers?: Record<string, string>; payload?: object }> = [
      { what: 'API JSON, open', url: '/api/health', status: 200, type: /^application\/json/ },
      { what: 'API JSON, logged in', url: '/api/meetings', status: 200, type: /^application\/json/ },
      { what: 'API refusal (not logged in)', url: '/api/meetings', headers: { 'x-anonym': '1' }, status: 401, type: /^application\/json/ },
      { what: 'API refusal (foreign Origin)', method: 'POST', url: '/api/auth/login', headers: { origin: 'https://elak.example' }, payload: { username: 'admin', password: 'x' }, status: 403, type: /^application\/json/ },
      { what: 'API validation error', url: '/api/audit?from=igår', status: 400, type: /^application\/json/ },
      { what: 'API 404', url: '/api/finns-inte', status: 404, type: /^application\/json/ },
      { what: 'a 404 for a file', url: '/finns-inte.png', status: 404, type: /^application\/json/ },
      { what: 'the OpenAPI document', url: '/api/openapi.json', status: 200, type: /^application\/json/ },
      { what: 'a CSV download', url: '/api/audit.csv', status: 200, type: /^text\/csv/ },
      { what: 'the web app at /', url: '/', status: 200, type: /^text\/html/ },
      { what: 'the web app at a shared link', url: '/sammantraden/rs-2026-05-06', status: 200, type: /^text\/html/ },
      { what: 'a file of the web app', url: '/assets/index-abc123.js', status: 200, type: /javascript/ },
      { what: 'a top-level file of the web app', url: '/favicon.svg', status: 200, type: /^image\/svg\+xml/ },
      { what: 'the web deck', url: '/api/meetings/rs-2026-05-06/deck.html', status: 200, type: /^text\/html/ },
      { what: 'a published web deck', url: `/api/meetings/rs-2026-05-06/versions/${published}/deck.html`, status: 200, type: /^text\/html/ },
      { what: 'the PowerPoint deck', url: '/api/meetings/rs-2026-05-06/deck.pptx', status: 200, type: /presentationml/ },
      { what: 'a picture (SVG)', url: '/api/assets/samverkan-e-halsa-organisation', status: 200, type: /^image\/svg\+xml/ },
      { what: 'the page shown without a build', app: unbuilt, url: '/', status: 503, type: /^text\/html/ },
    ];
    const found: string[] = [];
    for (const c of cases) {
      const r = await (c.app ?? app).inject({ method: c.method ?? 'GET', url: c.url, headers: { origin: ORIGIN, ...c.headers }, ...(c.payload ? { payload: c.payload } : {}) });
      expect(r.statusCode, `${c.what}: ${r.body.slice(0, 200)}`).toBe(c.status);
      expect(String(r.headers['content-type']), c.what).toMatch(c.type);
      for (const p of problems(r)) found.push(`${c.what} (${c.url}): ${p}`);
    }
    expect(found).toEqual([]);
  });

  it('give the web deck a policy that allows its one script by hash only, and fetches nothing', async () => {
    const r = await app.inject({ url: '/api/meetings/rs-2026-05-06/deck.html' });
    const d = directives(String(r.headers['content-security-policy']));
    expect(d.get('default-src')).toEqual(["'none'"]);
    expect(d.get('script-src')).toEqual([expect.stringMatching(/^'sha256-[A-Za-z0-9+/=]+'$/)]);
    expect(r.body).not.toMatch(/<script[^>]*\bsrc=/);
    expect(r.body).not.toMatch(/\son[a-z]+\s*=/i); // no inline event handlers, which no hash would allow anyway
  });

  it('give the web app a policy that allows only its own script files', async () => {
    const r = await app.inject({ url: '/' });
    const d = directives(String(r.headers['content-security-policy']));
    expect(d.get('script-src')).toEqual(["'self'"]);
    expect(d.get('object-src')).toEqual(["'none'"]);
    expect(d.get('base-uri')).toEqual(["'none'"]);
  });

  it('sandbox pictures: an uploaded SVG runs nothing', async () => {
    const r = await app.inject({ url: '/api/assets/samverkan-e-halsa-organisation' });
    const d = directives(String(r.headers['content-security-policy']));
    expect(d.has('sandbox')).toBe(true);
    expect(d.get('default-src')).toEqual(["'none'"]);
  });

  it('would catch a policy that allows inline script (the check itself)', () => {
    const fake = { headers: { 'content-security-policy': "default-src 'self'; script-src 'self' 'unsafe-inline'", 'strict-transport-security': 'max-age=60', 'x-content-type-options': 'nosniff', 'referrer-policy': 'unsafe-url' } } as unknown as LightMyRequestResponse;
    expect(problems(fake)).toEqual(["script-src tillåter 'unsafe-inline'", 'frame-ancestors är inte satt', 'HSTS: max-age=60', 'Referrer-Policy: unsafe-url']);
  });
});
