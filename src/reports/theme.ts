import { z } from 'zod';
import { StyrkortError } from '../domain/errors.js';
import { contrastRatio } from './contrast.js';

/**
 * The look of a deck: colours, fonts, logo and footer text. The default is white with one accent
 * colour and large type; an organisation replaces it with its own theme file (JSON), which is
 * checked here — including that text stays readable (WCAG AA contrast) — before anything renders.
 */
export interface DeckTheme {
  name: string;
  colors: {
    background: string;
    text: string;
    /** Secondary text: kickers, notes, footers. */
    muted: string;
    /** The one accent: the own area in charts, headings' rule, header rows. */
    accent: string;
    /** Light tint behind the own area's table row and the table header. */
    accentSoft: string;
    /** Other areas in charts, greyed. */
    others: string[];
    /** Table rules and grid lines. */
    rule: string;
  };
  fonts: { heading: string; body: string };
  /** A logo shown on every slide; `data` is the image as a data URI. */
  logo: { data: string; mediaType: string; alt: string; width: number; height: number } | null;
  /** Footer on every slide; null shows the deck's title. */
  footerText: string | null;
}

export const DEFAULT_THEME: DeckTheme = {
  name: 'Styrkort',
  colors: {
    background: '#FFFFFF',
    text: '#1A1A1A',
    muted: '#4D4D4D',
    accent: '#005A8C',
    accentSoft: '#E3EEF5',
    others: ['#767676', '#8C8C8C', '#5C5C5C', '#6B6B6B'],
    rule: '#8A8A8A',
  },
  fonts: { heading: 'Arial', body: 'Arial' },
  logo: null,
  footerText: null,
};

const color = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'ska vara en färg skriven #RRGGBB, t.ex. #005A8C');
const font = z.string().trim().min(1, 'får inte vara tom').max(64).regex(/^[^"'<>;{}\\]*$/, 'ska vara ett typsnittsnamn utan citattecken eller snedstreck');

/** The theme file as written: every part optional, the default fills in the rest. */
export const themeFileSchema = z.strictObject({
  name: z.string().trim().min(1).max(100).optional(),
  colors: z
    .strictObject({
      background: color.optional(),
      text: color.optional(),
      muted: color.optional(),
      accent: color.optional(),
      accentSoft: color.optional(),
      others: z.array(color).min(1).max(8).optional(),
      rule: color.optional(),
    })
    .optional(),
  fonts: z.strictObject({ heading: font.optional(), body: font.optional() }).optional(),
  logo: z
    .strictObject({
      /** Path to a PNG, JPEG or SVG file, relative to the theme file. */
      file: z.string().min(1),
      alt: z.string().trim().min(1, 'alternativtext krävs'),
      /** Width on the slide in inches; the height follows the image. */
      width: z.number().positive().max(4).default(1.4),
    })
    .nullable()
    .optional(),
  footerText: z.string().max(120).nullable().optional(),
});

export type ThemeFile = z.infer<typeof themeFileSchema>;

/** Checks a parsed theme file (`unknown` in) and lists every problem with where it is, in Swedish. */
export function parseThemeFile(input: unknown, where: string): ThemeFile {
  const result = themeFileSchema.safeParse(input);
  if (result.success) return result.data;
  const details = result.error.issues.map((i) => ({
    where: `${where}: ${i.path.length > 0 ? i.path.join('.') : '(hela filen)'}`,
    message: i.code === 'unrecognized_keys' ? `okänd nyckel ${i.keys.map((k) => `"${k}"`).join(', ')}` : i.message,
  }));
  throw new StyrkortError('config', `Temafilen ${where} är felaktig: ${details.map((d) => `${d.where.slice(where.length + 2)}: ${d.message}`).join('; ')}`, details);
}

/** A theme file over the default; logo bytes are given by the caller, who read the file. */
export function themeFrom(file: ThemeFile, where: string, logo: DeckTheme['logo'] = null): DeckTheme {
  const theme: DeckTheme = {
    name: file.name ?? DEFAULT_THEME.name,
    colors: { ...DEFAULT_THEME.colors, ...file.colors },
    fonts: { ...DEFAULT_THEME.fonts, ...file.fonts },
    logo,
    footerText: file.footerText === undefined ? DEFAULT_THEME.footerText : file.footerText,
  };
  const problems: Array<{ where: string; message: string }> = [];
  const need = (fg: string, bg: string, min: number, what: string) => {
    const ratio = contrastRatio(fg, bg);
    if (ratio < min) problems.push({ where: `${where}: colors`, message: `${what} har kontrasten ${ratio.toFixed(1).replace('.', ',')}:1, minst ${String(min).replace('.', ',')}:1 krävs (WCAG 2.1 AA)` });
  };
  const c = theme.colors;
  need(c.text, c.background, 4.5, 'text mot bakgrund');
  need(c.muted, c.background, 4.5, 'muted (källrader, sidfot) mot bakgrund');
  need(c.accent, c.background, 4.5, 'accent (rubriker, eget område) mot bakgrund');
  need(c.text, c.accentSoft, 4.5, 'text mot accentSoft (tabellhuvud, egen rad)');
  c.others.forEach((o, i) => need(o, c.background, 3, `others[${i}] (jämförelseområden i diagram) mot bakgrund`));
  if (problems.length > 0) {
    throw new StyrkortError('config', `Temafilen ${where} ger för låg kontrast: ${problems.map((p) => p.message).join('; ')}`, problems);
  }
  return theme;
}
