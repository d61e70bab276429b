import { performance } from 'node:perf_hooks';
import { sanitizeMarkdown } from '../src/domain/sanitizeMarkdown.js';
import { XSS_CORPUS } from '../test/support/xssCorpus.js';
import { ms, row } from './support.js';

/**
 * The item-text sanitiser on hostile input: 1 MiB texts (the API's body limit) built from the
 * fragments that make naive patterns backtrack over the rest of the text from every starting
 * point, and the XSS corpus repeated. Every text must take time linear in its length; a figure
 * of seconds here means a presenter could stall the server with one request. `npm run bench sanitize`.
 */
const SIZE = 1024 * 1024;
const FRAGMENTS = ['[[[[', '[a](', '![', '\\[', ']((((', ']\n(', ']\n(javascript:', '[x]\n(javascript:1) ', '<script>', '<svg ', '<a ', '="<', "='", '<!--', '[x]: ', '&#'];

export async function sanitizeBench(): Promise<void> {
  process.stdout.write('\nSanering av punkttext (1 MiB per text)\n');
  const inputs: Array<[string, string]> = [
    ...FRAGMENTS.map((f): [string, string] => [JSON.stringify(f), f.repeat(Math.ceil(SIZE / f.length)).slice(0, SIZE)]),
    ['XSS-korpusen upprepad', XSS_CORPUS.join('\n\n').repeat(Math.ceil(SIZE / XSS_CORPUS.join('\n\n').length)).slice(0, SIZE)],
  ];
  for (const [name, text] of inputs) {
    const start = performance.now();
    sanitizeMarkdown(text);
    row(name, ms(performance.now() - start));
  }
}
