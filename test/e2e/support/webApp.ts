import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { PACKAGE_ROOT } from '../../../src/config/paths.js';
import { startServer, tempDir, type RunningServer } from '../../support/cli.js';

/**
 * End-to-end support for the web app: the built app (vite, rebuilt when web/ or the domain is
 * newer than the build), the real server process on the embedded database with the demo data,
 * Debian's Chromium through playwright-core, and axe for WCAG 2.1 A/AA.
 */
export const RESULTS_DIR = path.join(PACKAGE_ROOT, 'test-results');
const WEB_INDEX = path.join(PACKAGE_ROOT, 'dist', 'web', 'index.html');

function newest(target: string): number {
  if (!existsSync(target)) return 0;
  const info = statSync(target);
  if (!info.isDirectory()) return info.mtimeMs;
  return Math.max(0, ...readdirSync(target).map((entry) => newest(path.join(target, entry))));
}

/** Builds the web app (vite only; the server runs from source) when it is missing or stale. */
export function ensureWebBuild(): void {
  const built = existsSync(WEB_INDEX) ? statSync(WEB_INDEX).mtimeMs : 0;
  const sources = Math.max(...['web', path.join('src', 'domain'), 'vite.config.ts'].map((p) => newest(path.join(PACKAGE_ROOT, p))));
  if (built >= sources) return;
  const result = spawnSync(path.join(PACKAGE_ROOT, 'node_modules', '.bin', 'vite'), ['build', '--logLevel', 'warn'], { cwd: PACKAGE_ROOT, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`vite build misslyckades:\n${result.stdout}\n${result.stderr}`);
}

export interface WebApp {
  server: RunningServer;
  browser: Browser;
  url: string;
  stop(): Promise<void>;
}

export async function startWebApp(): Promise<WebApp> {
  ensureWebBuild();
  const dir = await tempDir('styrkort-e2e-');
  const server = await startServer(['start'], { STYRKORT_DATA_DIR: path.join(dir, 'pg') });
  let browser: Browser;
  try {
    browser = await chromium.launch({
      executablePath: process.env.STYRKORT_CHROMIUM ?? '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
  } catch (error) {
    server.child.kill('SIGTERM');
    await server.exited;
    throw error;
  }
  await mkdir(RESULTS_DIR, { recursive: true });
  return {
    server,
    browser,
    url: server.url,
    async stop() {
      await browser.close();
      server.child.kill('SIGTERM');
      await server.exited;
      await rm(dir, { recursive: true, force: true });
    },
  };
}

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

export interface AxeViolation {
  id: string;
  help: string;
  nodes: Array<{ target: string[]; failureSummary?: string }>;
}

/** WCAG 2.1 A and AA violations on the page as it is now, one line each (empty when none). */
export async function axeViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, options: object) => Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return result.violations;
  });
  return violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(RESULTS_DIR, `web-${name}.png`), fullPage: true });
}
