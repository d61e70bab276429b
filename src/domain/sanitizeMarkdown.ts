import { StyrkortError } from './errors.js';

/**
 * Item text is written by people and shown to the board in the web app and all three deck
 * formats. The renderers draw the parsed markdown tree and escape every run, but the stored text
 * itself must be safe wherever it goes (exports, other clients): `sanitizeMarkdown` removes raw
 * HTML — tags, comments, declarations, and the content of script-like elements — and every link
 * or image whose target is not http(s), mailto, a relative path or an anchor (javascript:, data:,
 * vbscript:, file: …, however it is disguised with entities, case or whitespace), keeping the
 * link's text. A link is looked for the way lenient renderers read one too — parentheses nested
 * to any depth, whitespace or a line break between `]` and `(`, a destination CommonMark would
 * not take, a reference definition inside a quote or a list item. Pure; applying it twice
 * changes nothing more.
 */
/*
 * Every pattern here runs in time linear in the text (item text comes from users: no pattern
 * may backtrack over the rest of the text from each of many starting points). Labels stop at
 * the next bracket — a nested link is taken on the next pass, from the inside out.
 */
const CONTENT_TAGS = 'script|style|iframe|object|embed|noscript|template|svg|math|textarea|title|xmp|noembed|noframes|select|frameset';
const CONTENT_OPEN = new RegExp(`<(${CONTENT_TAGS})\\b[^<>]*>`, 'gi');
const CONTENT_CLOSE = new RegExp(`<\\/(${CONTENT_TAGS})\\s*>`, 'gi');
/** A quoted attribute value: one holding `<` or `>` would hide its tag from TAG, so it goes first. */
const QUOTED_VALUE = /=\s*("[^"]*"|'[^']*')/g;
const COMMENT = /<!--[\s\S]*?(-->|$)/g;
const DECLARATION = /<[!?][^>]*>?/g;
const TAG = /<\/?[A-Za-z][^<>]*>/g;
/** [text](target "title") and ![alt](target); the target may be <bracketed>. */
const LINK = /(!?)\[((?:\\[^[\]]|[^[\]\\])*)\]\(\s*(<[^<>\n]*>|(?:[^\s()]|\([^\s()]*\))*)(?:\s+(?:"[^"]*"|'[^']*'|\([^)]*\)))?\s*\)/g;
/** A reference definition: `[id]: target "title"`, the target perhaps on the next line; also inside a quote or list item. */
const DEFINITION = /\[(?:\\[^[\]\n]|[^[\]\\\n])+\]:[ \t]*(?:\n[ \t]*)?(\S+)[^\n]*/g;
/** `](`, or `] (` and `]` + line break + `(` that lenient renderers also read as a link. */
const OPENER = /\]\s*\(/g;
/** The start of a destination that could hold a scheme however it is disguised (entities, whitespace, controls), up to its colon. */
// eslint-disable-next-line no-control-regex
const SCHEME_PART = /[\sA-Za-z0-9+.\-&#;<\u0000-\u001F]{0,2000}:?/y;
/** How far a destination's end or a label's start is looked for (CommonMark's labels are at most 999 characters). */
const REACH = 1000;
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

/** Raw HTML elements whose content is code or markup (script, style, svg …), removed with it; unclosed ones are left to TAG. */
function removeWithContent(text: string): string {
  const closings = new Map<string, Array<{ start: number; end: number }>>();
  for (const m of text.matchAll(CONTENT_CLOSE)) {
    const name = (m[1] as string).toLowerCase();
    closings.set(name, [...(closings.get(name) ?? []), { start: m.index, end: m.index + m[0].length }]);
  }
  if (closings.size === 0) return text;
  const next = new Map<string, number>();
  let out = '';
  let kept = 0;
  CONTENT_OPEN.lastIndex = 0;
  for (let m = CONTENT_OPEN.exec(text); m !== null; m = CONTENT_OPEN.exec(text)) {
    const name = (m[1] as string).toLowerCase();
    const list = closings.get(name) ?? [];
    let i = next.get(name) ?? 0;
    while (i < list.length && (list[i] as { start: number }).start < CONTENT_OPEN.lastIndex) i++;
    next.set(name, i);
    const close = list[i];
    if (!close) continue;
    out += text.slice(kept, m.index);
    kept = close.end;
    CONTENT_OPEN.lastIndex = close.end;
  }
  return out + text.slice(kept);
}

/** Just after the `)` closing the `(` at `open` (nested, with backslash escapes), or where the search stops. */
function destinationEnd(text: string, open: number): number {
  const stop = Math.min(text.length, open + REACH);
  let depth = 0;
  for (let i = open; i < stop; i++) {
    const c = text[i];
    if (c === '\\') i++;
    else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i + 1;
    else if (c === '\n' && text[i + 1] === '\n') return i;
  }
  return stop;
}

/** Could the destination starting at `at` hold an unsafe scheme? Only its start is read. */
function unsafeDestinationAt(text: string, at: number): boolean {
  SCHEME_PART.lastIndex = at;
  const part = SCHEME_PART.exec(text)?.[0] ?? '';
  return !isSafeLinkTarget(part.replace(/^[\s<]+/, ''));
}

/** The `[` opening the label that the `]` at `close` ends, or -1. */
function labelStart(text: string, close: number): number {
  let depth = 0;
  for (let i = close; i >= Math.max(0, close - REACH); i--) {
    if (text[i - 1] === '\\') continue;
    if (text[i] === ']') depth++;
    else if (text[i] === '[' && --depth === 0) return i;
    else if (text[i] === '\n' && text[i - 1] === '\n') return -1;
  }
  return -1;
}

/**
 * Every link destination the LINK pattern did not take (nested parentheses, a line break before
 * it, characters CommonMark would not take): an unsafe one goes with its brackets, the label
 * stays. Cuts are collected on the original text and applied once.
 */
function dropUnsafeDestinations(text: string): string {
  const cuts: Array<[number, number]> = [];
  OPENER.lastIndex = 0;
  for (let m = OPENER.exec(text); m !== null; m = OPENER.exec(text)) {
    const bracket = m.index;
    const paren = bracket + m[0].length - 1;
    if (!unsafeDestinationAt(text, paren + 1)) {
      OPENER.lastIndex = bracket + 1;
      continue;
    }
    const end = destinationEnd(text, paren);
    const start = labelStart(text, bracket);
    if (start !== -1) cuts.push([start > 0 && text[start - 1] === '!' ? start - 1 : start, start + 1]);
    cuts.push([start === -1 ? bracket + 1 : bracket, end]);
    OPENER.lastIndex = end;
  }
  if (cuts.length === 0) return text;
  cuts.sort((a, b) => a[0] - b[0]);
  let out = '';
  let kept = 0;
  for (const [from, to] of cuts) {
    if (from > kept) out += text.slice(kept, from);
    kept = Math.max(kept, to);
  }
  return out + text.slice(kept);
}

function once(text: string): string {
  let s = text.replace(CONTROL, '');
  // links first, so a target in <brackets> is judged before tags are taken out
  s = s.replace(LINK, (whole, _bang: string, label: string, target: string) => (isSafeLinkTarget(target) ? whole : label));
  s = dropUnsafeDestinations(s);
  s = s.replace(DEFINITION, (whole, target: string) => (isSafeLinkTarget(target) ? whole : ''));
  s = s.replace(QUOTED_VALUE, (whole, value: string) => (/[<>]/.test(value) ? '=' : whole));
  s = removeWithContent(s.replace(COMMENT, '')).replace(DECLARATION, '').replace(TAG, '');
  return s;
}

/** Passes until nothing changes; each peels one level of tags or links nested inside each other. */
const MAX_PASSES = 20;

/**
 * The text with its raw HTML and unsafe links taken out. A text that still changes after
 * MAX_PASSES passes (tags or links nested in more levels than any text needs) is refused rather
 * than returned half-cleaned.
 */
export function sanitizeMarkdown(markdown: string): string {
  let current = markdown;
  for (let i = 0; i < MAX_PASSES; i++) {
    const next = once(current);
    if (next === current) return next;
    current = next;
  }
  throw new StyrkortError('invalid_input', `Texten kan inte sparas: den har HTML-taggar eller länkar inuti varandra i fler än ${MAX_PASSES} nivåer. Ta bort dem och försök igen.`);
}
