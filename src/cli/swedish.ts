import type { Help } from 'commander';

/**
 * Commander writes its help headings and its parse errors in English; this is the one place they
 * become Swedish, so a mistyped command gets a Swedish answer like every other bad input.
 */
const TITLES: Record<string, string> = {
  'Usage:': 'Användning:',
  'Options:': 'Flaggor:',
  'Commands:': 'Kommandon:',
  'Arguments:': 'Argument:',
  'Global Options:': 'Gemensamma flaggor:',
};

export const swedishHelp: Partial<Help> = {
  styleTitle: (title: string) => TITLES[title] ?? title,
};

const MESSAGES: Array<[RegExp, (...groups: string[]) => string]> = [
  [/unknown command '(.+?)'/, (c) => `okänt kommando "${c}"`],
  [/unknown option '(.+?)'/, (o) => `okänd flagga "${o}"`],
  [/missing required argument '(.+?)'/, (a) => `argumentet "${a}" saknas`],
  [/too many arguments(?: for '(.+?)')?/, (c) => `för många argument${c ? ` till "${c}"` : ''}`],
  [/option '(.+?)' argument missing/, (o) => `flaggan "${o}" behöver ett värde`],
  [/required option '(.+?)' not specified/, (o) => `flaggan "${o}" måste anges`],
];

export function swedishError(text: string): string {
  let out = text.replace(/^error: /, 'Fel: ');
  for (const [pattern, replace] of MESSAGES) {
    out = out.replace(pattern, (_m, ...groups: unknown[]) => replace(...groups.filter((g): g is string => typeof g === 'string')));
  }
  return out.replace(/\(Did you mean (.+?)\?\)/, '(menade du $1?)');
}
