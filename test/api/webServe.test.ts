import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../src/server/app.js';
import { tempDir } from '../support/cli.js';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase.js';

/** The server serves the built web app: shared links open the app, hashed files are cached for good. */
describe('serving the web app', () => {
  let t: TestDatabase;
  let dir: string;
  let built: App;
  let unbuilt: App;
  beforeAll(async () => {
    t = await createTestDatabase();
    dir = await tempDir('styrkort-web-');
    await mkdir(path.join(dir, 'assets'));
    await writeFile(path.join(dir, 'index.html'), '<!doctype html><html lang="sv"><title>Styrkort</title><script type="module" src="/assets/index-abc123.js"></script></html>');
    await writeFile(path.join(dir, 'assets', 'index-abc123.js'), 'console.log("styrkort")');
    await writeFile(path.join(dir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    built = await buildApp({ db: t.db, version: 'test', logLevel: 'silent', webDir: dir });
    unbuilt = await buildApp({ db: t.db, version: 'test', logLevel: 'silent', webDir: path.join(dir, 'finns-inte') });
  });
  afterAll(async () => {
    await built.close();
    await unbuilt.close();
    await t.drop();
    await rm(dir, { recursive: true, force: true });
  });

  it('answers every app path with index.html, without caching it, under a content security policy', async () => {
    for (const url of ['/', '/indikator/telefon-teleq-samma-dag?omrade=0008', '/sammantraden/rs-2026-05-06', '/mal/2026-2028%3Akvalitet']) {
      const response = await built.inject({ url });
      expect(response.statusCode, url).toBe(200);
      expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(response.headers['cache-control']).toBe('no-cache');
      expect(response.headers['content-security-policy']).toContain("script-src 'self'");
      expect(response.body).toContain('/assets/index-abc123.js');
    }
  });

  it('serves hashed assets as immutable, other files fresh, and 404 for files that do not exist', async () => {
    const asset = await built.inject({ url: '/assets/index-abc123.js' });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(asset.body).toBe('console.log("styrkort")');
    const icon = await built.inject({ url: '/favicon.svg' });
    expect(icon.statusCode).toBe(200);
    expect(icon.headers['cache-control']).toBe('no-cache');
    for (const url of ['/assets/finns-inte.js', '/finns-inte.png', '/api/finns-inte']) {
      const response = await built.inject({ url });
      expect(response.statusCode, url).toBe(404);
      expect(response.json<{ error: { code: string } }>().error.code).toBe('not_found');
    }
  });

  it('keeps the API answering and says how to build when there is no build', async () => {
    const page = await unbuilt.inject({ url: '/' });
    expect(page.statusCode).toBe(503);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.body).toContain('npm run build');
    expect(page.body).toContain('<html lang="sv">');
    const health = await unbuilt.inject({ url: '/api/health' });
    expect(health.statusCode).toBe(200);
  });
});
