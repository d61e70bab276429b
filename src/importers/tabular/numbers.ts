import type { Cell } from './cells.js';

/**
 * Numbers as Swedish files write them: decimal comma ("30,2"), space, no-break space or thin
 * space between thousands ("1 264 000"), a percent sign ("98 %"), U+2212 or an en dash as minus
 * ("−5", "–5"), and the dot-decimal numbers other systems export ("30.2"). Markers of a missing
 * value ("..", "–", "x", "saknas") are missing (null), never 0. Anything else is not a number.
 */
export type NumberResult = { ok: true; value: number | null } | { ok: false };

const SIMPLE = /^-?\d+(?:[.,]\d+)?$/;
const MISSING = new Set(['..', '…', '...', '-', '–', '—', '−', 'x', 'X', 'saknas', 'uppgift saknas', 'NA', 'N/A', 'n/a']);
const SPACES = /[\s\u00a0\u202f\u2007\u2009\u200a]/g;
const MINUS = /^[\u2212\u2013\u2012\u2010\u2011]/;
const DOT_THOUSANDS = /^-?\d{1,3}(?:\.\d{3})+(?:,\d+)?$/;
const SPACE_LIKE_GROUPS = /^-?\d{1,3}(?:,\d{3}){2,}(?:\.\d+)?$|^-?\d{1,3}(?:,\d{3})+\.\d+$/;
const PLAIN = /^-?(?:\d+(?:[.,]\d*)?|[.,]\d+)(?:[eE][-+]?\d+)?$/;

const NOT_A_NUMBER: NumberResult = { ok: false };
const MISSING_VALUE: NumberResult = { ok: true, value: null };

export function parseNumberText(input: string): NumberResult {
  const trimmed = input.trim();
  if (trimmed === '') return MISSING_VALUE;
  if (SIMPLE.test(trimmed)) return finite(Number(trimmed.replace(',', '.')));
  if (MISSING.has(trimmed)) return MISSING_VALUE;
  let text = trimmed.replace(SPACES, '');
  if (text.endsWith('%')) text = text.slice(0, -1);
  if (text.startsWith('+')) text = text.slice(1);
  if (MINUS.test(text)) text = `-${text.slice(1)}`;
  if (text === '' || text === '-') return NOT_A_NUMBER;
  if (DOT_THOUSANDS.test(text)) return finite(Number(text.replace(/\./g, '').replace(',', '.')));
  if (SPACE_LIKE_GROUPS.test(text)) return finite(Number(text.replace(/,/g, '')));
  if (PLAIN.test(text)) return finite(Number(text.replace(',', '.')));
  return NOT_A_NUMBER;
}

function finite(n: number): NumberResult {
  return Number.isFinite(n) ? { ok: true, value: n } : NOT_A_NUMBER;
}

/** A cell as a number: text is parsed as above, numbers kept, dates and booleans refused. */
export function parseNumberCell(cell: Cell | undefined): NumberResult {
  if (cell === null || cell === undefined) return MISSING_VALUE;
  if (typeof cell === 'number') return finite(cell);
  if (typeof cell === 'string') return parseNumberText(cell);
  return NOT_A_NUMBER;
}
