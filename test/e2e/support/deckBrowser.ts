import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { DEFAULT_CHROMIUM } from '../../../src/config/deck.js';
import { PACKAGE_ROOT } from '../../../src/config/paths.js';
import { CHROMIUM_FLAGS } from '../../../src/reports/pdf/render.js';
import { buildApp, type App } from '../../../src/server/app.js';
import { ADMIN, as } from '../../support/auth.js';
import { demoDatabase } from '../../support/demo.js';
import type { TestDatabase } from '../../support/testDatabase.js';

/**
 * For the web deck's browser tests: the demo database, the app listening on 127.0.0.1, Debian's
 * Chromium, and axe-core (WCAG 2.1 A and AA) evaluated in the page (DevTools evaluation is not
 * bound by the deck's CSP, so the CSP stays on while axe runs).
 */
export const DECK_RESULTS = path.join(PACKAGE_ROOT, 'test-results', 'deck');
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface DeckServer {
  t: TestDatabase;
  app: App;
  url: string;
  browser: Browser;
  stop(): Promise<void>;
}

export async function startDeckServer(): Promise<DeckServer> {
  const t = await demoDatabase();
  // in-process: every request (the browser's too) comes from an administrator
  const app = await buildApp({ db: t.db, version: 'test', logLevel: 'silent', authenticator: as(ADMIN) });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const browser = await chromium.launch({ executablePath: process.env.STYRKORT_CHROMIUM ?? DEFAULT_CHROMIUM, args: CHROMIUM_FLAGS });
  return {
    t,
    app,
    url: `http://127.0.0.1:${port}`,
    browser,
    async stop() {
      await browser.close();
      await app.close();
      await t.drop();
    },
  };
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  nodes: string[];
}

export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(AXE);
  const result = await page.evaluate(() =>
    (window as unknown as { axe: { run(ctx: Document, o: unknown): Promise<{ violations: Array<{ id: string; impact: string | null; nodes: Array<{ target: string[] }> }> }> } }).axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    }),
  );
  return result.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) }));
}
