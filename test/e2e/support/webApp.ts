import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from 'vitest';
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

/** Builds the web app (vite only; the global setup builds the server) when it is missing or stale. */
export function ensureWebBuild(): void {
  const built = existsSync(WEB_INDEX) ? statSync(WEB_INDEX).mtimeMs : 0;
  const sources = Math.max(...['web', path.join('src', 'domain'), 'vite.config.ts'].map((p) => newest(path.join(PACKAGE_ROOT, p))));
  if (built >= sources) return;
  mkdirSync(path.join(PACKAGE_ROOT, 'dist'), { recursive: true });
  // test files run in parallel: one build at a time (flock), and the previous build's hashed
  // chunks stay, so a page another test has open can still load its lazy parts
  const vite = path.join(PACKAGE_ROOT, 'node_modules', '.bin', 'vite');
  const result = spawnSync('flock', [path.join(PACKAGE_ROOT, 'dist', '.web-build.lock'), vite, 'build', '--logLevel', 'warn', '--emptyOutDir', 'false'], { cwd: PACKAGE_ROOT, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`vite build misslyckades:\n${result.stdout}\n${result.stderr}`);
}

export interface WebApp {
  server: RunningServer;
  browser: Browser;
  url: string;
  stop(): Promise<void>;
}

/**
 * `env` is added to the server's environment (e.g. STYRKORT_SESSION_IDLE_MIN). The session cookie
 * stays Secure as in production: Chromium keeps Secure cookies on http://127.0.0.1 (a potentially
 * trustworthy origin), which test/e2e/account.test.ts checks.
 */
export async function startWebApp(env: Record<string, string> = {}): Promise<WebApp> {
  ensureWebBuild();
  const dir = await tempDir('styrkort-e2e-');
  const server = await startServer(['start'], { ...env, STYRKORT_DATA_DIR: path.join(dir, 'pg') });
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

/** The demo accounts' password (services/demoUsers.ts; README lists the users). */
export const DEMO_PASSWORD = 'styrkort-demo';

/**
 * Logs a browser context in as a demo user the way the login form does (POST /api/auth/login
 * from the app's own origin); the session cookie lands in the context's cookie jar, so every
 * page of the context is logged in. Tests of the login form itself use the form.
 */
export async function logIn(context: BrowserContext, url: string, username: string, password = DEMO_PASSWORD): Promise<void> {
  const response = await context.request.post(`${url}/api/auth/login`, { headers: { origin: url }, data: { username, password } });
  if (response.status() !== 200) throw new Error(`inloggning som ${username} → ${response.status()}: ${await response.text()}`);
}

export interface BrowserSessionOptions {
  /** Added to the server's environment; read when the app starts, after the file's earlier beforeAll hooks. */
  env?: () => Record<string, string>;
  /** Statuses the file's tests provoke on purpose: Chromium logs those answers as console errors. */
  expectedStatuses?: readonly number[];
  /** Playwright's timeout for every step on the file's pages, navigation included (its default is 30 s). */
  timeout?: number;
}

export interface ContextOptions {
  /** The demo user the context is logged in as (default admin); null for nobody (tests of the login form). */
  user?: string | null;
  width?: number;
  height?: number;
}

export interface OpenOptions extends ContextOptions {
  /** Statuses this page provokes on purpose, besides the file's. */
  expectedStatuses?: readonly number[];
}

/** A web app for one test file, with fresh browser contexts per test and the script errors of every page. */
export interface BrowserSession {
  readonly url: string;
  readonly browser: Browser;
  /** Console errors and page errors of every page from `page` or `open`, as `<where>: <message>`. */
  readonly problems: string[];
  /** A fresh context (own cookies and storage); made in a test, it is closed after the test, made in beforeAll, at the end of the file. */
  context(options?: ContextOptions): Promise<BrowserContext>;
  /** A new page of a context whose console errors and page errors go to `problems`. */
  page(context: BrowserContext, where?: string, expectedStatuses?: readonly number[]): Promise<Page>;
  /** A page of a fresh context on a path of the app. */
  open(path: string, options?: OpenOptions): Promise<Page>;
  /** Until `text` shows and the page's requests have settled. */
  ready(page: Page, text: string): Promise<void>;
  /** No axe (WCAG 2.1 A/AA) violations once the page's requests have settled; a screenshot named `name`. */
  expectAccessible(page: Page, name: string): Promise<void>;
  /** Registers the file's last test: no page logged a script error. */
  itLoggedNoScriptErrors(title?: string): void;
}

const FAILED_LOAD = /^Failed to load resource: the server responded with a status of (\d{3})/;

/**
 * Starts the web app for the describe block it is called in (beforeAll) and stops it (afterAll);
 * contexts made in a test are closed after it. Every context has a 1280×900 viewport unless told,
 * accepts downloads and bypasses the app's CSP: axe is injected as an inline script, which the CSP
 * refuses.
 */
export function browserSession(options: BrowserSessionOptions = {}): BrowserSession {
  let app: WebApp | undefined;
  let inTest = false;
  const testContexts: BrowserContext[] = [];
  const fileContexts: BrowserContext[] = [];
  const problems: string[] = [];
  const started = (): WebApp => {
    if (!app) throw new Error('the web app has not started (browserSession is used outside its describe block)');
    return app;
  };

  beforeAll(async () => {
    app = await startWebApp(options.env?.() ?? {});
  });
  beforeEach(() => {
    inTest = true;
  });
  afterEach(async () => {
    inTest = false;
    await Promise.all(testContexts.splice(0).map((c) => c.close()));
  });
  afterAll(async () => {
    await Promise.all(fileContexts.splice(0).map((c) => c.close()));
    await app?.stop();
  });

  async function context({ user = 'admin', width = 1280, height = 900 }: ContextOptions = {}): Promise<BrowserContext> {
    const web = started();
    const c = await web.browser.newContext({ viewport: { width, height }, bypassCSP: true, acceptDownloads: true });
    (inTest ? testContexts : fileContexts).push(c);
    if (user !== null) await logIn(c, web.url, user);
    return c;
  }

  async function page(c: BrowserContext, where = '', expectedStatuses: readonly number[] = []): Promise<Page> {
    const p = await c.newPage();
    if (options.timeout !== undefined) p.setDefaultTimeout(options.timeout);
    const expected = [...(options.expectedStatuses ?? []), ...expectedStatuses];
    const report = (message: string) => problems.push(`${where || p.url()}: ${message}`);
    p.on('console', (m) => {
      const status = FAILED_LOAD.exec(m.text())?.[1];
      if (m.type() === 'error' && !(status !== undefined && expected.includes(Number(status)))) report(m.text());
    });
    p.on('pageerror', (e) => report(e.message));
    return p;
  }

  async function open(path: string, { expectedStatuses, ...contextOptions }: OpenOptions = {}): Promise<Page> {
    const who = contextOptions.user === null ? 'anonym' : (contextOptions.user ?? 'admin');
    const p = await page(await context(contextOptions), `${who} ${path}`, expectedStatuses);
    await p.goto(`${started().url}${path}`);
    return p;
  }

  async function ready(p: Page, text: string): Promise<void> {
    await p.getByText(text, { exact: false }).first().waitFor({ timeout: 30_000 });
    await p.waitForLoadState('networkidle');
  }

  async function expectAccessible(p: Page, name: string): Promise<void> {
    await p.waitForLoadState('networkidle');
    expect(await axeViolations(p), name).toEqual([]);
    await screenshot(p, name);
  }

  function itLoggedNoScriptErrors(title = 'logged no script errors on any page'): void {
    it(title, () => {
      expect(problems).toEqual([]);
    });
  }

  return {
    get url() {
      return started().url;
    },
    get browser() {
      return started().browser;
    },
    problems,
    context,
    page,
    open,
    ready,
    expectAccessible,
    itLoggedNoScriptErrors,
  };
}
