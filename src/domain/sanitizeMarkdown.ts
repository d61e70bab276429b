/**
 * Item text is written by people and shown to the board in the web app and all three deck
 * formats. The renderers draw the parsed markdown tree and escape every run, but the stored text
 * itself must be safe wherever it goes (exports, other clients): `sanitizeMarkdown` removes raw
 * HTML — tags, comments, declarations, and the content of script-like elements — and every link
 * or image whose target is not http(s), mailto, a relative path or an anchor (javascript:, data:,
 * vbscript:, file: …, however it is disguised with entities, case or whitespace), keeping the
 * link's text. Pure; applying it twice changes nothing more.
 */
const WITH_CONTENT = /<(script|style|iframe|object|embed|noscript|template|svg|math|textarea|title|xmp|noembed|noframes|select|frameset)\b[^>]*>[\s\S]*?<\/\1\s*>/gi;
const COMMENT = /<!--[\s\S]*?(-->|$)/g;
const DECLARATION = /<[!?][^>]*>?/g;
const TAG = /<\/?[A-Za-z][^<>]*>/g;
/** [text](target "title") and ![alt](target); the target may be <bracketed>. */
const LINK = /(!?)\[((?:\\.|[^\]\\])*)\]\(\s*(<[^>]*>|(?:[^\s()]|\([^\s()]*\))*)(?:\s+(?:"[^"]*"|'[^']*'|\([^)]*\)))?\s*\)/g;
/** A reference definition: `[id]: target "title"` on its own line. */
const DEFINITION = /^ {0,3}\[[^\]]+\]:\s*(\S+).*$/gm;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

const NAMED: Record<string, string> = { colon: ':', tab: '\t', newline: '\n', sol: '/', lpar: '(', rpar: ')', amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);?/gi, (whole, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? Number.parseInt(body.slice(2), 16) : Number.parseInt(body.slice(1), 10);
      return Number.isFinite(code) && code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
    }
    return NAMED[body.toLowerCase()] ?? whole;
  });
}

/** Is a link target harmless: http(s), mailto, relative or an anchor? */
export function isSafeLinkTarget(target: string): boolean {
  let t = target.trim();
  if (t.startsWith('<') && t.endsWith('>')) t = t.slice(1, -1);
  // decode repeatedly (entities inside entities), then drop whitespace and control characters
  for (let i = 0; i < 3; i++) t = decodeEntities(t);
  // eslint-disable-next-line no-control-regex
  t = t.replace(/[\s\u0000-\u001F\u007F]+/g, '').replace(/\\/g, '/').toLowerCase();
  const scheme = /^([a-z][a-z0-9+.-]*):/.exec(t);
  if (!scheme) return true;
  return scheme[1] === 'http' || scheme[1] === 'https' || scheme[1] === 'mailto';
}

function once(text: string): string {
  let s = text.replace(CONTROL, '');
  // links first, so a target in <brackets> is judged before tags are taken out
  s = s.replace(LINK, (whole, _bang: string, label: string, target: string) => (isSafeLinkTarget(target) ? whole : label));
  s = s.replace(DEFINITION, (whole, target: string) => (isSafeLinkTarget(target) ? whole : ''));
  s = s.replace(COMMENT, '').replace(WITH_CONTENT, '').replace(DECLARATION, '').replace(TAG, '');
  return s;
}

export function sanitizeMarkdown(markdown: string): string {
  let current = markdown;
  for (let i = 0; i < 20; i++) {
    const next = once(current);
    if (next === current) return next;
    current = next;
  }
  return current;
}
