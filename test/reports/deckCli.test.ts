import { existsSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, tempDir, type CliResult } from '../support/cli.js';
import { meetingDeck } from '../../src/services/deck.js';
import { demoDatabase } from '../support/demo.js';
import { urlFor, type TestDatabase } from '../support/testDatabase.js';

/** `styrkort deck` as a real process, in a directory of its own. */
let t: TestDatabase;
let dir: string;
beforeAll(async () => {
  t = await demoDatabase();
  dir = await tempDir('styrkort-deck-');
});
afterAll(async () => {
  await t.drop();
  await rm(dir, { recursive: true, force: true });
});

function deck(args: string[], extra: Record<string, string> = {}): Promise<CliResult> {
  return runCli(['deck', ...args], { DATABASE_URL: urlFor(t.name), ...extra }, { cwd: dir });
}

describe('styrkort deck', () => {
  it('without --out writes the Swedish file name in the current directory', async () => {
    const r = await deck(['2026-05-06', '--format', 'pptx']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const file = path.join(dir, 'Regionstyrelsen 2026-05-06 Informationspunkter.pptx');
    const slides = (await meetingDeck(t.db, '2026-05-06')).deck.slides.length;
    expect(r.stdout).toMatch(new RegExp(`Skrev ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\(${slides} bilder, \\d+ kB\\)\\.`));
    expect((await readFile(file)).subarray(0, 2).toString('latin1')).toBe('PK');
  });

  it('--format html --out FILE writes the web deck there', async () => {
    const out = path.join(dir, 'paket.html');
    const r = await deck(['rs-2025-12-10', '--format', 'html', '--out', out]);
    expect(r.code).toBe(0);
    const html = await readFile(out, 'utf8');
    expect(html).toContain('<title>Regionstyrelsen 10 december 2025 — Informationspunkter</title>');
  });

  it('a theme file changes colours and footer; a bad one is refused in Swedish with the key', async () => {
    const good = path.join(dir, 'tema.json');
    await writeFile(good, JSON.stringify({ name: 'Region Kalmar län', colors: { accent: '#00606B' }, footerText: 'regionkalmar.se' }));
    const out = path.join(dir, 'tema.html');
    const ok = await deck(['2025-12-10', '--format', 'html', '--out', out, '--theme', good]);
    expect(ok.code).toBe(0);
    const html = await readFile(out, 'utf8');
    expect(html).toContain('--accent: #00606B;');
    expect(html).toContain('<span>regionkalmar.se</span>');

    const bad = path.join(dir, 'fel.json');
    await writeFile(bad, JSON.stringify({ colors: { accent: 'blå', text: '#EEEEEE' } }));
    const refused = await deck(['2025-12-10', '--format', 'html', '--out', path.join(dir, 'x.html')], { STYRKORT_DECK_THEME: bad });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`Fel: Temafilen ${bad} är felaktig: colors.accent: ska vara en färg skriven #RRGGBB, t.ex. #005A8C`);
    expect(existsSync(path.join(dir, 'x.html'))).toBe(false);
  });

  it('PDF without Chromium says what to install and which variable to set', async () => {
    const r = await deck(['2026-05-06', '--format', 'pdf', '--out', path.join(dir, 'x.pdf')], { STYRKORT_CHROMIUM: '/finns-inte/chromium' });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Fel: PDF kan inte skapas: Chromium finns inte på /finns-inte/chromium. Installera Chromium (Debian/Ubuntu: apt install chromium) eller ange sökvägen till det i miljövariabeln STYRKORT_CHROMIUM.');
  });

  it('an unknown format or meeting is refused in Swedish', async () => {
    const format = await deck(['2026-05-06', '--format', 'docx']);
    expect(format.code).toBe(1);
    expect(format.stderr).toBe('Fel: Okänt format "docx": välj pptx, pdf eller html.\n');
    const meeting = await deck(['2031-01-01']);
    expect(meeting.code).toBe(1);
    expect(meeting.stderr).toBe('Fel: Sammanträdet "2031-01-01" finns inte\n');
  });
});
