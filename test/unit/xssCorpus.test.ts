import { describe, expect, it } from 'vitest';
import { parseMarkdown, runsText, type MdBlock } from '../../src/domain/markdown.js';
import { sanitizeMarkdown } from '../../src/domain/sanitizeMarkdown.js';
import { XSS_CORPUS, xssProblems as problemsOf } from '../support/xssCorpus.js';

/**
 * Every payload of the shared XSS corpus (test/support/xssCorpus.ts) sanitises to inert text
 * (`xssProblems` there: no HTML a markdown renderer would pass through, no scheme that runs code
 * or loads a document, however disguised — checks written independently of the sanitiser's own
 * patterns), and nothing of it reaches the text the renderers draw.
 */
function blockText(blocks: readonly MdBlock[]): string {
  return blocks
    .map((b) => (b.kind === 'list' ? b.items.map((i) => `${runsText(i.runs)} ${blockText(i.children)}`).join(' ') : runsText(b.runs)))
    .join('\n');
}

describe('the shared XSS corpus', () => {
  it('is dangerous as written: xssProblems finds something in nearly every payload', () => {
    const dangerous = XSS_CORPUS.filter((p) => problemsOf(p).length > 0);
    expect(XSS_CORPUS.length).toBeGreaterThan(80);
    expect(dangerous.length).toBeGreaterThan(XSS_CORPUS.length - 15);
  });

  it('sanitises every payload to inert text, the same on a second pass', () => {
    const left: string[] = [];
    for (const payload of XSS_CORPUS) {
      const clean = sanitizeMarkdown(payload);
      const problems = problemsOf(clean);
      if (problems.length > 0) left.push(`${JSON.stringify(payload)} → ${JSON.stringify(clean)}: ${problems.join(', ')}`);
      expect(sanitizeMarkdown(clean), JSON.stringify(payload)).toBe(clean);
    }
    expect(left).toEqual([]);
  });

  it('leaves nothing of it in the text the renderers draw from the parsed markdown', () => {
    for (const payload of XSS_CORPUS) {
      const drawn = blockText(parseMarkdown(sanitizeMarkdown(payload)));
      expect(problemsOf(drawn), JSON.stringify(payload)).toEqual([]);
    }
  });

  it('refuses text nested deeper than it cleans, rather than returning it half-cleaned', () => {
    // each pass takes out the innermost <b>, which makes the next one: n levels need n + 1 passes
    const nested = (levels: number): string => (levels === 0 ? '<b>' : `<${nested(levels - 1)}b>`);
    expect(sanitizeMarkdown(nested(10))).toBe('');
    expect(() => sanitizeMarkdown(nested(25))).toThrow('Texten kan inte sparas: den har HTML-taggar eller länkar inuti varandra i fler än 20 nivåer. Ta bort dem och försök igen.');
  });

  it('keeps the words around the payload', () => {
    expect(sanitizeMarkdown('Före <img src=x onerror=alert(1)> efter')).toBe('Före  efter');
    expect(sanitizeMarkdown('[klick](javascript:alert((1)))')).toBe('klick');
    expect(sanitizeMarkdown('**<img src=x onerror=alert(1)>** och *<svg onload=alert(1)>*')).toBe('**** och **');
  });
});
