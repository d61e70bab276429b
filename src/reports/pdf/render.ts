import { access, constants } from 'node:fs/promises';
import { chromium } from 'playwright-core';
import { StyrkortError } from '../../domain/errors.js';

/**
 * The PDF is the web deck printed by Chromium: one slide per page at the slide's size (the
 * print stylesheet), tagged (headings, lists, tables and the pictures' alternative texts reach
 * the PDF's structure) and with an outline of the slides built from their headings. Chromium is
 * started once per render, with nothing to fetch and no script, and always closed again.
 */
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export interface PdfOptions {
  /** Path to Chromium: STYRKORT_CHROMIUM, else /usr/bin/chromium. */
  chromiumPath: string;
}

function missing(path: string): StyrkortError {
  return new StyrkortError(
    'unavailable',
    `PDF kan inte skapas: Chromium finns inte på ${path}. Installera Chromium (Debian/Ubuntu: apt install chromium) eller ange sökvägen till det i miljövariabeln STYRKORT_CHROMIUM. PowerPoint och webbpresentation fungerar utan.`,
    [{ where: 'STYRKORT_CHROMIUM', message: `ingen körbar fil på ${path}` }],
  );
}

export async function renderPdf(html: string, options: PdfOptions): Promise<Buffer> {
  try {
    await access(options.chromiumPath, constants.X_OK);
  } catch {
    throw missing(options.chromiumPath);
  }
  let browser;
  try {
    browser = await chromium.launch({ executablePath: options.chromiumPath, args: CHROMIUM_FLAGS });
  } catch (error) {
    throw new StyrkortError('unavailable', `PDF kan inte skapas: Chromium (${options.chromiumPath}) startade inte: ${(error as Error).message.split('\n')[0]}`);
  }
  try {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.route('**/*', (route) => route.abort());
    await page.setContent(html, { waitUntil: 'load' });
    await page.emulateMedia({ media: 'print' });
    return await page.pdf({ preferCSSPageSize: true, printBackground: true, tagged: true, outline: true });
  } finally {
    await browser.close();
  }
}
