/**
 * Cells for spreadsheets a user downloads. A text cell that starts with =, +, −, @, a tab or a
 * carriage return can be read as a formula by Excel or LibreOffice ("formula injection"): such
 * text gets a leading apostrophe so it stays text. Numbers are written as numbers and need none.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function safeText(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

export type Cell = string | number | null;

/** A CSV field in Swedish Excel's dialect: `;` separated, decimal comma, quoted when needed. */
export function csvField(cell: Cell): string {
  if (cell === null) return '';
  const text = typeof cell === 'number' ? String(cell).replace('.', ',') : safeText(cell);
  return /[";\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A whole CSV file: header and rows, CRLF line ends, UTF-8 byte order mark so Excel reads å, ä, ö. */
export function toCsv(header: readonly string[], rows: ReadonlyArray<readonly Cell[]>): string {
  const lines = [header, ...rows].map((row) => row.map(csvField).join(';'));
  return `\ufeff${lines.join('\r\n')}\r\n`;
}
