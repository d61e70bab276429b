import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { StyrkortError } from '../domain/errors.js';
import { imageSize } from '../reports/imageSize.js';
import { DEFAULT_THEME, parseThemeFile, themeFrom, type DeckTheme } from '../reports/theme.js';

/**
 * Reads an organisation's theme file (JSON) and its logo: every problem is reported in Swedish
 * with the file and the key, before anything renders. No file means the default theme.
 */
const LOGO_TYPES: Record<string, string> = { '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.svg': 'image/svg+xml' };

async function readText(file: string, what: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new StyrkortError('config', `${what} ${file} går inte att läsa${code === 'ENOENT' ? ': filen finns inte' : ` (${code ?? 'okänt fel'})`}.`);
  }
}

export async function loadDeckTheme(file: string | null): Promise<DeckTheme> {
  if (file === null) return DEFAULT_THEME;
  const text = await readText(file, 'Temafilen');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new StyrkortError('config', `Temafilen ${file} är inte giltig JSON: ${(error as Error).message}`);
  }
  const parsed = parseThemeFile(json, file);
  let logo: DeckTheme['logo'] = null;
  if (parsed.logo) {
    const logoFile = path.resolve(path.dirname(file), parsed.logo.file);
    const mediaType = LOGO_TYPES[path.extname(logoFile).toLowerCase()];
    if (!mediaType) throw new StyrkortError('config', `Temafilen ${file}: logo.file ska vara en PNG-, JPEG- eller SVG-fil (fick ${parsed.logo.file}).`);
    let bytes: Buffer;
    try {
      bytes = await readFile(logoFile);
    } catch {
      throw new StyrkortError('config', `Temafilen ${file}: logotypen ${logoFile} går inte att läsa.`);
    }
    const size = imageSize(bytes, mediaType);
    if (!size) throw new StyrkortError('config', `Temafilen ${file}: logotypen ${logoFile} är ingen läsbar ${mediaType}-bild.`);
    const width = parsed.logo.width;
    logo = { data: `data:${mediaType};base64,${bytes.toString('base64')}`, mediaType, alt: parsed.logo.alt, width, height: (width * size.height) / size.width };
  }
  return themeFrom(parsed, file, logo);
}
