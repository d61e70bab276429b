/**
 * Cross-site scripting payloads for item text (markdown), shared by the server's tests (the
 * sanitiser in test/unit/xssCorpus.test.ts, saving through the API in test/api/xssOnWrite.test.ts)
 * and the browser tests (saved into item text, then rendered in the web app and the three deck
 * formats: no dialog may open, no script may run). Each entry is one item text. Every payload
 * that runs calls `alert(1)` (or `alert(document.domain)`), so a browser test can listen for a
 * dialog; none fetches anything from outside (no network in tests). `xssProblems` (below) says
 * what in a text could still act as markup or script.
 */
export const XSS_CORPUS: readonly string[] = [
  // raw HTML: script, event handlers, elements that run or load
  '<script>alert(1)</script>',
  '<SCRIPT type="text/javascript">alert(1)</SCRIPT >',
  '<script\n>alert(1)</script\n>',
  '<img src=x onerror=alert(1)>',
  '<IMG SRC=x OnErRoR="alert(1)">',
  '<img src="x" onerror="alert(1)"/>text efter',
  '<svg onload=alert(1)>',
  '<svg><script>alert(1)</script></svg>',
  '<svg><animate onbegin=alert(1) attributeName=x dur=1s>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
  '<iframe src="javascript:alert(1)"></iframe>',
  '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
  '<object data="javascript:alert(1)"></object>',
  '<embed src="javascript:alert(1)">',
  '<body onload=alert(1)>',
  '<details open ontoggle=alert(1)>',
  '<input autofocus onfocus=alert(1)>',
  '<video><source onerror=alert(1)></video>',
  '<a href="javascript:alert(1)">klick</a>',
  '<a href="&#106;avascript:alert(1)">klick</a>',
  '<form action="javascript:alert(1)"><button>skicka</button></form>',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '<base href="javascript:alert(1)//">',
  '<style>@import "javascript:alert(1)";</style>',
  '<div style="background:url(javascript:alert(1))">x</div>',
  '<template><img src=x onerror=alert(1)></template>',
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
  '<textarea><img src=x onerror=alert(1)></textarea>',
  // attribute values that hide the tag's end from a naive pattern
  '<img title="<" src=x onerror=alert(1)>',
  "<img src=x title='>' onerror=alert(1)>",
  '<script title="<">alert(1)</script>',
  '<a title="a>b" href="javascript:alert(1)">klick</a>',
  // tags split, nested, commented, in CDATA
  '<scr<script>ipt>alert(1)</script>',
  '<<script>script>alert(1)<</script>/script>',
  '<scr<!-- -->ipt>alert(1)</script>',
  '<!--<img src=x onerror=alert(1)>-->',
  '<!-- --!><img src=x onerror=alert(1)>',
  '<![CDATA[<img src=x onerror=alert(1)>]]>',
  '<?xml version="1.0"?><svg onload=alert(1)>',
  // markdown links and images with a scheme that runs code or loads a document
  '[klick](javascript:alert(1))',
  '[klick](JaVaScRiPt:alert(1))',
  '[klick]( javascript:alert(1) )',
  '[klick](\njavascript:alert(1))',
  '[klick](java\tscript:alert(1))',
  '[klick](\u000bjavascript:alert(1))',
  '[klick](<javascript:alert(1)>)',
  '[klick](javascript:alert(1) "titel")',
  "[klick](javascript:alert(1) 'titel')",
  '[klick](javascript:alert(document.domain))',
  '[klick](javascript:alert((1)))',
  '[klick](javascript:alert(((1))))',
  '[klick](javascript:alert\\(1\\))',
  '[klick](javascript://%0Aalert(1))',
  '[klick](vbscript:msgbox(1))',
  '[klick](livescript:alert(1))',
  '[klick](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  '[klick](data:text/html,<script>alert(1)</script>)',
  '![bild](javascript:alert(1))',
  '![bild](data:image/svg+xml,<svg onload=alert(1)>)',
  '![bild](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)',
  '![bild](x "titel" onerror="alert(1)")',
  // entity-encoded schemes (a browser decodes entities in an attribute)
  '[klick](&#106;avascript:alert(1))',
  '[klick](&#x6A;avascript:alert(1))',
  '[klick](&#0000106;avascript:alert(1))',
  '[klick](javascript&colon;alert(1))',
  '[klick](javascript&#58;alert(1))',
  '[klick](javascript&#x3a;alert(1))',
  '[klick](java&Tab;script:alert(1))',
  '[klick](java&NewLine;script:alert(1))',
  '[klick](&amp;#106;avascript:alert(1))',
  // nested brackets and link tricks
  '[[klick](javascript:alert(1))](https://example.org)',
  '[a [b](javascript:alert(1)) c](javascript:alert(2))',
  '[klick]\n(javascript:alert(1))',
  '[![bild](x)](javascript:alert(1))',
  '[klick][ref]\n\n[ref]: javascript:alert(1)',
  '[klick][ref]\n\n[ref]: <javascript:alert(1)>',
  '[klick][ref]\n\n[ref]:\n  javascript:alert(1)',
  '[klick][ref]\n\n> [ref]: javascript:alert(1)',
  '[klick][ref]\n\n- [ref]: javascript:alert(1)',
  '[ref]\n\n   [ref]: javascript:alert(1) "titel"',
  '<javascript:alert(1)>',
  '<data:text/html,<script>alert(1)</script>>',
  // text that only looks like markup must stay readable text (inert already)
  '&lt;script&gt;alert(1)&lt;/script&gt;',
  '&#60;img src=x onerror=alert(1)&#62;',
  '**<img src=x onerror=alert(1)>** och *<svg onload=alert(1)>*',
  '- punkt <script>alert(1)</script>\n- [klick](javascript:alert(1))',
  '## Rubrik <img src=x onerror=alert(1)>',
  '> citat <svg/onload=alert(1)>',
  '`<script>alert(1)</script>`',
  '```\n<script>alert(1)</script>\n```',
  '"><script>alert(1)</script>',
  "'><img src=x onerror=alert(1)>",
  '</textarea><script>alert(1)</script>',
  '</title><script>alert(1)</script>',
  '{{constructor.constructor("alert(1)")()}}',
  '${alert(1)}',
];

const NAMED: Record<string, string> = { colon: ':', tab: '\t', newline: '\n', amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", lpar: '(', rpar: ')', sol: '/', period: '.' };

function decodeLikeABrowser(text: string): string {
  let current = text;
  for (let i = 0; i < 5; i++) {
    const next = current.replace(/&(#[xX][0-9a-fA-F]+|#[0-9]+|[A-Za-z]+);?/g, (whole, body: string) => {
      if (body.startsWith('#')) {
        const code = /^#[xX]/.test(body) ? Number.parseInt(body.slice(2), 16) : Number.parseInt(body.slice(1), 10);
        return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
      }
      return NAMED[body.toLowerCase()] ?? whole;
    });
    if (next === current) break;
    current = next;
  }
  return current;
}

/**
 * What in a text could still act as markup or script: an HTML tag as CommonMark's raw HTML reads
 * one (quoted attribute values may hold < and >), a comment or declaration, or a scheme that runs
 * code or loads a document (javascript:, vbscript:, livescript:, data:) anywhere — looked for as
 * a browser reads an attribute: entities decoded, tabs, line breaks and control characters
 * dropped, any case. Empty: inert. Deliberately simple and strict, and independent of the
 * sanitiser's own patterns.
 */
export function xssProblems(text: string): string[] {
  const found: string[] = [];
  const tag = /<\/?[A-Za-z](?:[^<>"']|"[^"]*"|'[^']*')*>/.exec(text);
  if (tag) found.push(`tagg ${tag[0]}`);
  if (/<!--|<!\[CDATA\[|<![A-Za-z]|<\?/.test(text)) found.push('kommentar eller deklaration');
  // eslint-disable-next-line no-control-regex
  const normalized = decodeLikeABrowser(text).replace(/[\u0000-\u001f\u007f]+/g, '').toLowerCase();
  const scheme = /(?:^|[^a-z0-9+.-])((?:javascript|vbscript|livescript|data)\s*:)/.exec(normalized);
  if (scheme) found.push(`schema ${scheme[1]}`);
  return found;
}
