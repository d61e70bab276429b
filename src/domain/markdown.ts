/**
 * The markdown that information items are written in, parsed into a small tree that every
 * renderer draws itself: paragraphs, headings, bullet and numbered lists (nested by indentation),
 * quotes, **bold**, *italic* and ~~struck through~~ (a changed date: "~~27 maj~~ 18 april").
 * Everything else is text — there is no raw HTML, and a link
 * `[text](url)` keeps only its text. Item text is user content: renderers escape every run.
 */
export interface Run {
  text: string;
  bold: boolean;
  italic: boolean;
  /** Struck through: text that no longer holds, shown beside what replaced it. */
  strike: boolean;
}

export interface ListItem {
  runs: Run[];
  /** Nested lists under this item. */
  children: MdList[];
}

export interface MdList {
  kind: 'list';
  ordered: boolean;
  /** The number of the first item of an ordered list (a list continued on the next slide starts later). */
  start: number;
  items: ListItem[];
}

export type MdBlock =
  | { kind: 'heading'; level: number; runs: Run[] }
  | { kind: 'paragraph'; runs: Run[] }
  | { kind: 'quote'; runs: Run[] }
  | MdList;

const LIST_ITEM = /^(\s*)([-*+]|(\d{1,9})[.)])\s+(.*)$/;
const HEADING = /^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$/;
const QUOTE = /^\s{0,3}>\s?(.*)$/;

/** Inline text into runs: `**bold**`, `*italic*` / `_italic_`, `~~struck~~`, `[text](url)` → text, `\*` → `*`. */
export function parseInline(text: string): Run[] {
  const runs: Run[] = [];
  let bold = false;
  let italic = false;
  let strike = false;
  let buffer = '';
  const flush = () => {
    if (buffer === '') return;
    const last = runs[runs.length - 1];
    if (last && last.bold === bold && last.italic === italic && last.strike === strike) last.text += buffer;
    else runs.push({ text: buffer, bold, italic, strike });
    buffer = '';
  };
  const source = text.replace(/\[([^\]]*)\]\([^)\s]*\)/g, '$1');
  for (let i = 0; i < source.length; i++) {
    const c = source[i] as string;
    const next = source[i + 1];
    if (c === '\\' && next !== undefined && '*_\\[]()#>-~'.includes(next)) {
      buffer += next;
      i++;
    } else if (c === '~' && next === '~' && (strike || closesStrike(source, i))) {
      flush();
      strike = !strike;
      i++;
    } else if (c === '*' && next === '*' && (bold || source.indexOf('**', i + 2) !== -1)) {
      flush();
      bold = !bold;
      i++;
    } else if ((c === '*' || c === '_') && (italic || closesItalic(source, i, c))) {
      flush();
      italic = !italic;
    } else {
      buffer += c;
    }
  }
  flush();
  return runs;
}

/** An opening `*` or `_` counts only when a closing one follows and it is not inside a word (for `_`). */
function closesItalic(source: string, at: number, marker: string): boolean {
  const after = source[at + 1];
  if (after === undefined || after === ' ' || after === marker) return false;
  if (marker === '_' && at > 0 && /\w/.test(source[at - 1] as string)) return false;
  const close = source.indexOf(marker, at + 1);
  return close !== -1 && source[close - 1] !== ' ';
}

/** An opening `~~` counts only before text and when a closing `~~` follows after text. */
function closesStrike(source: string, at: number): boolean {
  const after = source[at + 2];
  if (after === undefined || after === ' ' || after === '~') return false;
  const close = source.indexOf('~~', at + 2);
  return close !== -1 && source[close - 1] !== ' ';
}

interface OpenList {
  indent: number;
  list: MdList;
}

export function parseMarkdown(markdown: string): MdBlock[] {
  const blocks: MdBlock[] = [];
  let paragraph: string[] = [];
  let quote: string[] = [];
  let lists: OpenList[] = [];
  /** The item the previous line belonged to: a following line without a marker continues it. */
  let continuing: ListItem | null = null;

  const endParagraph = () => {
    if (paragraph.length > 0) blocks.push({ kind: 'paragraph', runs: parseInline(paragraph.join(' ')) });
    paragraph = [];
  };
  const endQuote = () => {
    if (quote.length > 0) blocks.push({ kind: 'quote', runs: parseInline(quote.join(' ')) });
    quote = [];
  };
  const attach = (list: MdList) => {
    const parent = lists[lists.length - 1];
    if (parent) parent.list.items.at(-1)?.children.push(list);
    else blocks.push(list);
  };

  for (const line of markdown.replace(/\r\n?/g, '\n').split('\n')) {
    if (line.trim() === '') {
      endParagraph();
      endQuote();
      continuing = null;
      continue;
    }
    const item = LIST_ITEM.exec(line);
    if (item) {
      endParagraph();
      endQuote();
      const indent = (item[1] as string).length;
      const ordered = item[3] !== undefined;
      const entry: ListItem = { runs: parseInline(item[4] as string), children: [] };
      while (lists.length > 0 && (lists[lists.length - 1] as OpenList).indent > indent) lists.pop();
      const top = lists[lists.length - 1];
      if (top && top.indent === indent && top.list.ordered === ordered) {
        top.list.items.push(entry);
      } else {
        if (top && top.indent === indent) lists.pop();
        const list: MdList = { kind: 'list', ordered, start: ordered ? Number(item[3]) : 1, items: [entry] };
        attach(list);
        lists.push({ indent, list });
      }
      continuing = entry;
      continue;
    }
    if (continuing) {
      continuing.runs.push(...parseInline(` ${line.trim()}`));
      continue;
    }
    lists = [];
    const heading = HEADING.exec(line);
    if (heading) {
      endParagraph();
      endQuote();
      blocks.push({ kind: 'heading', level: (heading[1] as string).length, runs: parseInline(heading[2] as string) });
      continue;
    }
    const q = QUOTE.exec(line);
    if (q) {
      endParagraph();
      quote.push(q[1] as string);
      continue;
    }
    endQuote();
    paragraph.push(line.trim());
  }
  endParagraph();
  endQuote();
  return blocks;
}

/** The plain text of runs, for estimates, alt texts and search. */
export function runsText(runs: readonly Run[]): string {
  return runs.map((r) => r.text).join('');
}
