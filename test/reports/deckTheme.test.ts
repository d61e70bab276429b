import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isStyrkortError } from '../../src/domain/errors.js';
import { DEFAULT_THEME, themeFrom } from '../../src/reports/theme.js';
import { loadDeckTheme } from '../../src/services/deckTheme.js';

/** An organisation's theme file: merged over the default, checked, errors in Swedish with the key. */
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'styrkort-tema-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function themeFile(name: string, content: string): Promise<string> {
  const file = path.join(dir, name);
  await writeFile(file, content);
  return file;
}

async function failure(file: string): Promise<{ message: string; details: ReadonlyArray<{ where: string | null; message: string }> }> {
  try {
    await loadDeckTheme(file);
  } catch (error) {
    if (isStyrkortError(error)) return { message: error.message, details: error.details };
    throw error;
  }
  throw new Error('temat godtogs');
}

// a 2 × 1 PNG
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAIAAAABCAYAAAD0In+KAAAAC0lEQVR42mNgAAIAAAUAAen63NgAAAAASUVORK5CYII=', 'base64');

describe('deck themes', () => {
  it('the default theme passes its own contrast checks', () => {
    expect(themeFrom({}, 'standard')).toEqual(DEFAULT_THEME);
  });

  it('no file is the default theme', async () => {
    expect(await loadDeckTheme(null)).toBe(DEFAULT_THEME);
  });

  it('a file sets colours, fonts, footer and a logo whose height follows the image', async () => {
    await writeFile(path.join(dir, 'logo.png'), PNG);
    const file = await themeFile('tema.json', JSON.stringify({ name: 'Region Kalmar län', colors: { accent: '#00606B' }, fonts: { heading: 'Georgia' }, logo: { file: 'logo.png', alt: 'Region Kalmar län', width: 2 }, footerText: 'regionkalmar.se' }));
    const theme = await loadDeckTheme(file);
    expect(theme.colors).toEqual({ ...DEFAULT_THEME.colors, accent: '#00606B' });
    expect(theme.fonts).toEqual({ heading: 'Georgia', body: 'Arial' });
    expect(theme.footerText).toBe('regionkalmar.se');
    expect(theme.logo).toEqual({ data: `data:image/png;base64,${PNG.toString('base64')}`, mediaType: 'image/png', alt: 'Region Kalmar län', width: 2, height: 1 });
  });

  it('lists every wrong key with where it is', async () => {
    const file = await themeFile('fel.json', JSON.stringify({ colors: { accent: 'blå', bakgrund: '#FFFFFF' }, fonts: { body: '' } }));
    const { details } = await failure(file);
    expect(details).toEqual([
      { where: `${file}: colors.accent`, message: 'ska vara en färg skriven #RRGGBB, t.ex. #005A8C' },
      { where: `${file}: colors`, message: 'okänd nyckel "bakgrund"' },
      { where: `${file}: fonts.body`, message: 'får inte vara tom' },
    ]);
  });

  it('refuses colours that make text unreadable (WCAG AA contrast)', async () => {
    const file = await themeFile('blek.json', JSON.stringify({ colors: { text: '#AAAAAA' } }));
    const { message } = await failure(file);
    expect(message).toBe(`Temafilen ${file} ger för låg kontrast: text mot bakgrund har kontrasten 2,3:1, minst 4,5:1 krävs (WCAG 2.1 AA); text mot accentSoft (tabellhuvud, egen rad) har kontrasten 2,0:1, minst 4,5:1 krävs (WCAG 2.1 AA)`);
  });

  it('says when the file is missing, is not JSON, or its logo cannot be read', async () => {
    expect((await failure(path.join(dir, 'saknas.json'))).message).toBe(`Temafilen ${path.join(dir, 'saknas.json')} går inte att läsa: filen finns inte.`);
    const broken = await themeFile('trasig.json', '{ "colors": ');
    expect((await failure(broken)).message).toMatch(new RegExp(`^Temafilen ${broken} är inte giltig JSON: `));
    const logo = await themeFile('logo.json', JSON.stringify({ logo: { file: 'finns-inte.png', alt: 'Logotyp' } }));
    expect((await failure(logo)).message).toBe(`Temafilen ${logo}: logotypen ${path.join(dir, 'finns-inte.png')} går inte att läsa.`);
  });
});
