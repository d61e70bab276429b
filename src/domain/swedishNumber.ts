import { unitSymbol, type Unit } from './units.js';

/**
 * A number as a Swedish person reads it off a screen or a spreadsheet: decimal comma ("30,2"),
 * a space, no-break space (U+00A0) or narrow no-break space (U+202F) between thousands
 * ("1 264 000"), U+2212, an en dash or a hyphen as minus, the column's unit after it ("12 %",
 * "30,2 dagar"). A dash or nothing is a missing value (null), never 0. What it cannot read
 * unambiguously it refuses, with the reason in Swedish: "1.234" could be a thousand or one and a
 * bit, so it is neither.
 *
 * `formatNumber` and `formatValue` (domain/format.ts) write what this reads; `editableNumber`
 * writes a number back for a text field without losing a digit.
 */
export type NumberReading = { ok: true; value: number | null } | { ok: false; message: string };

const MISSING = new Set(['', '-', '–', '—', '−', '..', '…']);
const WHITESPACE = /\s+/g; // \s covers U+00A0, U+202F and the other Unicode spaces
const SIGN = /^([+\-\u2212\u2013\u2012\u2010\u2011])\s?/;
const PLAIN = /^\d+(?:,\d+)?$/;
const SPACE_GROUPED = /^\d{1,3}(?: \d{3})+(?:,\d+)?$/;
const DOT_GROUPED = /^\d{1,3}(?:\.\d{3})+,\d+$|^\d{1,3}(?:\.\d{3}){2,}$/;
const DOT_DECIMAL = /^\d+\.\d+$/;
const DOT_AMBIGUOUS = /^\d{1,3}\.\d{3}$/;
const PERCENT_UNITS: ReadonlySet<Unit> = new Set(['procent', 'procentenheter']);

const missing: NumberReading = { ok: true, value: null };

export function parseSwedishNumber(input: string, unit: Unit | null = null): NumberReading {
  const shown = input.trim();
  if (MISSING.has(shown)) return missing;
  let text = shown.replace(WHITESPACE, ' ');
  if (text.endsWith('%')) {
    if (unit === null || !PERCENT_UNITS.has(unit)) return { ok: false, message: `"${shown}" är ett procenttal, men kolumnen är inte i procent` };
    text = text.slice(0, -1).trimEnd();
  } else if (unit !== null) {
    const symbol = unitSymbol(unit).replace(WHITESPACE, ' ');
    if (symbol !== '' && text.endsWith(symbol)) text = text.slice(0, -symbol.length).trimEnd();
  }
  let negative = false;
  const sign = SIGN.exec(text);
  if (sign) {
    negative = sign[1] !== '+';
    text = text.slice(sign[0].length);
  }
  let normalized: string;
  if (PLAIN.test(text) || SPACE_GROUPED.test(text)) normalized = text.replace(/ /g, '').replace(',', '.');
  else if (DOT_GROUPED.test(text)) normalized = text.replace(/\./g, '').replace(',', '.');
  else if (DOT_AMBIGUOUS.test(text)) return { ok: false, message: `"${shown}" kan läsas på två sätt; skriv ${text.replace('.', ' ')} för tusental eller ${text.replace('.', ',')} med decimalkomma` };
  else if (DOT_DECIMAL.test(text)) normalized = text;
  else return { ok: false, message: `"${shown}" är inte ett tal` };
  const value = Number(normalized);
  if (!Number.isFinite(value)) return { ok: false, message: `"${shown}" är för stort` };
  return { ok: true, value: negative && value !== 0 ? -value : value };
}

/**
 * A number as text to edit, exactly: 1234.5 → "1234,5", −0.25 → "-0,25", 1e21 → "1000000000000000000000".
 * No thousands separators (a person types over it), and never an exponent.
 */
export function editableNumber(value: number): string {
  if (!Number.isFinite(value)) throw new Error(`Kan inte skriva ${value} som tal`);
  return withoutExponent(String(value)).replace('.', ',');
}

/** "1.5e-7" → "0.00000015", "1e+21" → "1000000000000000000000": the same digits, written out. */
function withoutExponent(text: string): string {
  const m = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(text);
  if (!m) return text;
  const [, sign = '', first = '', rest = '', exponent = '0'] = m;
  const digits = first + rest;
  const point = 1 + Number(exponent);
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`;
  if (point >= digits.length) return `${sign}${digits}${'0'.repeat(point - digits.length)}`;
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}
