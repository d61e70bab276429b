import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isSafeLinkTarget, sanitizeMarkdown } from '../../src/domain/sanitizeMarkdown.js';

describe('sanitizeMarkdown', () => {
  it('keeps ordinary markdown as it is', () => {
    const text = '## Läget\n\n- **98 %** svarade samma dag\n- Väntetid 30,2 → 25,3 dagar (−4,9)\n\n> Källa: [Kolada](https://www.kolada.se/) och [rapporten](/rapporter/1#sid-2)\n\n1 < 2 och 3 > 2, a<b';
    expect(sanitizeMarkdown(text)).toBe(text);
  });

  it.each([
    ['<script>alert(1)</script>Hej', 'Hej'],
    ['<SCRIPT type="text/javascript">alert(1)</SCRIPT >Hej', 'Hej'],
    ['Hej<img src=x onerror=alert(1)>då', 'Hejdå'],
    ['<style>body{display:none}</style>Text', 'Text'],
    ['<iframe src="https://evil.example"></iframe>Text', 'Text'],
    ['<svg onload=alert(1)><circle/></svg>Text', 'Text'],
    ['före<!-- <script>alert(1)</script> -->efter', 'föreefter'],
    ['<scr<script>x</script>ipt>alert(1)</script>', 'alert(1)'],
    ['<a href="javascript:alert(1)">klick</a>', 'klick'],
    ['<javascript:alert(1)>', ''],
    ['<!DOCTYPE html><?xml version="1.0"?>Text', 'Text'],
    ['Text <b onmouseover="x">fet</b>', 'Text fet'],
  ])('removes raw HTML: %j', (input, expected) => {
    expect(sanitizeMarkdown(input)).toBe(expected);
  });

  it.each([
    ['[klick](javascript:alert(1))', 'klick'],
    ['[klick](JaVaScRiPt:alert(1))', 'klick'],
    ['[klick](\n javascript:alert(1))', 'klick'],
    ['[klick](java&#x09;script:alert(1))', 'klick'],
    ['[klick](javascript&colon;alert(1))', 'klick'],
    ['[klick](&#106;avascript:alert(1))', 'klick'],
    ['[klick](<javascript:alert(1)>)', 'klick'],
    ['[klick](vbscript:msgbox(1))', 'klick'],
    ['[klick](data:text/html;base64,PHNjcmlwdD4=)', 'klick'],
    ['![bild](data:image/svg+xml,<svg onload=alert(1)>)', 'bild'],
    ['[klick](file:///etc/passwd "titel")', 'klick'],
    ['[ref]: javascript:alert(1)\nText', '\nText'],
  ])('drops links that could run code or load data, keeping their text: %j', (input, expected) => {
    expect(sanitizeMarkdown(input)).toBe(expected);
  });

  it('keeps safe links: http, https, mailto, relative and anchors', () => {
    for (const target of ['https://example.org/a?b=1', 'http://example.org', 'mailto:nämnd@regionkalmar.se', '/sok?q=väntetid', '#bild-3', 'rapport.pdf']) {
      expect(isSafeLinkTarget(target), target).toBe(true);
      expect(sanitizeMarkdown(`[länk](${target})`)).toBe(`[länk](${target})`);
    }
  });

  it('is idempotent and leaves no tag or script link behind, whatever the input', () => {
    const pieces = fc.constantFrom('<', '>', 'script', '/', 'a', ' ', '[', ']', '(', ')', 'javascript:', 'data:', '&#x6A;', '!', '-->', '<!--', 'img', '=', '"', '\n', 'x');
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 40 }).map((p) => p.join('')), (input) => {
        const once = sanitizeMarkdown(input);
        expect(sanitizeMarkdown(once)).toBe(once);
        expect(once).not.toMatch(/<\/?[A-Za-z][^<>]*>/);
        // a link is [text](target): none with a target that runs code or loads data is left
        expect(once).not.toMatch(/\[[^\]]*\]\(\s*<?\s*(javascript|data|vbscript):[^)]*\)/i);
      }),
      { numRuns: 500 },
    );
  });
});
