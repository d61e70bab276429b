import { spawn } from 'node:child_process';
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { meetingDeck } from '../../src/services/deck.js';
import { runCli, tempDir } from '../support/cli.js';
import { demoDatabase } from '../support/demo.js';
import { urlFor, type TestDatabase } from '../support/testDatabase.js';

/**
 * `styrkort deck 2026-05-06 --format pptx` opened by LibreOffice Impress: converted to PDF
 * (headless, a throwaway profile) it has one page per slide, and its text holds every agenda item
 * and presenter of the meeting and the TeleQ slide's computed shares.
 */
let t: TestDatabase;
let dir: string;
beforeAll(async () => {
  t = await demoDatabase();
  dir = await tempDir('styrkort-impress-');
});
afterAll(async () => {
  await t.drop();
  await rm(dir, { recursive: true, force: true });
});

function run(command: string, args: string[], env: Record<string, string>, cwd: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

async function pdfPages(file: string): Promise<string[]> {
  const doc = await getDocument({ data: new Uint8Array(await readFile(file)) }).promise;
  const pages: string[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const content = await (await doc.getPage(n)).getTextContent();
    pages.push(content.items.map((i) => ('str' in i ? i.str : '')).join(' ').replace(/[\s\u00a0]+/g, ' ').replace(/ ,/g, ','));
  }
  return pages;
}

describe('the PowerPoint file in LibreOffice Impress', () => {
  it('converts to a PDF with a page per slide, every agenda item and presenter, and the TeleQ shares', async () => {
    const pptx = path.join(dir, 'paket.pptx');
    const cli = await runCli(['deck', '2026-05-06', '--format', 'pptx', '--out', pptx], { DATABASE_URL: urlFor(t.name) }, { cwd: dir });
    expect(cli.stderr).toBe('');
    expect(cli.code).toBe(0);

    const profile = path.join(dir, 'lo-profil');
    const lo = await run('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, pptx], { ...process.env, HOME: dir } as Record<string, string>, dir);
    expect(lo.code).toBe(0);
    const pages = await pdfPages(path.join(dir, 'paket.pdf'));

    const { view, deck } = await meetingDeck(t.db, '2026-05-06');
    expect(pages).toHaveLength(deck.slides.length);
    const text = pages.join('\n');
    for (const group of view.groups) {
      for (const item of group.items) {
        expect(text).toContain(item.title);
        for (const p of item.presenters) {
          expect(text).toContain(p.name);
          if (p.title) expect(text).toContain(`${p.name}, ${p.title}`);
        }
      }
    }
    const teleq = pages.find((p) => p.includes('Högst telefontillgänglighet i landet'));
    expect(teleq).toMatch(/1 Region Kalmar län 98 % 29 802 30 448/);
    expect(teleq).toMatch(/Alla regioner 89 % 744 248 832 490/);
    expect(teleq).toContain('Period: mars 2026. Källa: TeleQ.');
  });
});
