import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findUnstorableText, unstorableCharacter } from '../../src/domain/text.js';
import type { App } from '../../src/server/app.js';
import { appOn } from '../support/demo.js';
import { apiRoutes, fillPath } from '../support/routes.js';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase.js';

/**
 * A NUL byte or half a character anywhere a request carries text — a path parameter, the query,
 * a JSON body — is refused with 400 and a Swedish message naming where; it answered 500 on four
 * GET routes and on an item's title. Every route with a path parameter is called, from the
 * app's own route table, so a new route is covered without editing this test.
 */
let t: TestDatabase;
let app: App;
beforeAll(async () => {
  t = await createTestDatabase();
  app = await appOn(t);
});
afterAll(async () => {
  await app.close();
  await t.drop();
});

describe('text that cannot be stored', () => {
  it('is told apart from text that can: NUL and lone surrogates, not emoji or Swedish', () => {
    expect(unstorableCharacter('Sveriges bästa arbetsplats 📊 – 98 %')).toBeNull();
    expect(unstorableCharacter('a\u0000b')).toBe('NUL');
    expect(unstorableCharacter('a\ud800b')).toBe('surrogate');
    expect(unstorableCharacter('\udc00')).toBe('surrogate');
    expect(findUnstorableText({ blocks: [{ type: 'text' }, { markdown: 'x\u0000' }] })).toEqual({ where: 'blocks[1].markdown', problem: 'NUL' });
  });

  it('in a path parameter of any route is refused with 400, never 500', async () => {
    const routes = apiRoutes(app).filter((r) => r.url.includes(':'));
    expect(routes.length).toBeGreaterThan(20);
    const answers = [];
    for (const route of routes) {
      const url = fillPath(route.url, () => 'rs-2026\u000005-06');
      const r = await app.inject({ method: route.method as 'GET', url, ...(route.method === 'GET' || route.method === 'DELETE' ? {} : { payload: {} }) });
      answers.push(`${route.method} ${route.url} → ${r.statusCode}${r.statusCode === 400 ? '' : ` ${r.body.slice(0, 120)}`}`);
    }
    expect(answers.filter((a) => !a.endsWith('→ 400'))).toEqual([]);
    const one = await app.inject({ method: 'GET', url: '/api/meetings/rs-2026%0005-06' });
    expect(one.json()).toMatchObject({ error: { code: 'invalid_input', message: 'Texten i adressen id innehåller tecknet NUL (kod 0), som inte kan lagras. Ta bort det och försök igen.' } });
  });

  it('in the query or a JSON body is refused with 400, naming the field', async () => {
    const search = await app.inject({ method: 'GET', url: '/api/search?q=v%C3%A5rd%00' });
    expect(search.statusCode).toBe(400);
    expect(search.json().error.message).toMatch(/^Texten i frågeparametern q innehåller tecknet NUL/);
    const title = await app.inject({ method: 'PATCH', url: '/api/items/x', payload: { title: 'Ekonomi\u0000' } });
    expect(title.statusCode).toBe(400);
    expect(title.json().error.message).toMatch(/^Texten i fältet title innehåller tecknet NUL/);
    // a lone surrogate as JSON writes it (\ud800): valid JSON, half a character
    const half = await app.inject({ method: 'PATCH', url: '/api/items/x', headers: { 'content-type': 'application/json' }, payload: '{"title":"Ekonomi \\ud800"}' });
    expect(half.statusCode).toBe(400);
    expect(half.json().error.message).toBe('Texten i fältet title innehåller ett halvt tecken (ett ensamt UTF-16-surrogat). Ta bort det och försök igen.');
  });
});
