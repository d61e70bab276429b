import type { TableColumn } from './model.js';

/**
 * How much fits on one slide, in lines of the slide's type sizes (16:9, body text 20 pt, tables
 * 14 pt, in the default theme's layout). Long texts and tables are split where a slide is full,
 * into parts of even length, so that no slide needs type smaller than the theme's.
 */
export interface DeckCapacity {
  /** Lines of body text per slide. */
  textLines: number;
  /** Characters per line of body text across the full width. */
  textChars: number;
  /** Table lines per slide, the header row included. */
  tableLines: number;
  /** Characters per line across the full width of a table. */
  tableChars: number;
  /** Lines of the agenda per slide (its type is a little smaller than body text). */
  agendaLines: number;
}

export const DEFAULT_CAPACITY: DeckCapacity = {
  textLines: 14,
  textChars: 78,
  tableLines: 20,
  tableChars: 110,
  agendaLines: 18,
};

/** Extra height of a table row besides its lines of text (cell padding), in lines. */
export const ROW_PADDING = 0.43;

/** Lines a text takes at `chars` characters per line (at least one). */
export function linesOf(text: string, chars: number): number {
  if (chars <= 0) return 1;
  const words = text.split(/\s+/).filter((w) => w !== '');
  let lines = 1;
  let used = 0;
  for (const word of words) {
    const length = word.length;
    if (used === 0) used = length;
    else if (used + 1 + length <= chars) used += 1 + length;
    else {
      lines += 1;
      used = length;
    }
    while (used > chars) {
      lines += 1;
      used -= chars;
    }
  }
  return lines;
}

/**
 * Column widths (in characters, used as relative weights) from the text in each column: every
 * column gets at least its longest word — numbers and header words are not broken — and the
 * rest of the width goes to the columns whose text would otherwise wrap the most.
 */
export function columnWeights(header: readonly string[], rows: ReadonlyArray<readonly string[]>, total = DEFAULT_CAPACITY.tableChars): number[] {
  const longestWord = (text: string) => Math.max(0, ...text.split(/[ \t\n]+/).map((w) => w.length));
  const isNumber = (text: string) => /^[−+±-]?[\d\u00a0 ,.%]+/.test(text) && text.length <= 24;
  const minimum = header.map((label, c) =>
    Math.max(4, longestWord(label), ...rows.map((r) => {
      const cell = r[c] ?? '';
      return isNumber(cell) ? cell.length : longestWord(cell);
    })) + 2,
  );
  const desired = header.map((label, c) => Math.max(minimum[c] ?? 4, Math.min(44, Math.max(label.length, ...rows.map((r) => (r[c] ?? '').length)) + 2)));
  const sumMin = minimum.reduce((a, b) => a + b, 0);
  const sumDesired = desired.reduce((a, b) => a + b, 0);
  if (sumDesired <= total || sumDesired === sumMin) return desired;
  const spare = Math.max(0, total - sumMin);
  return minimum.map((m, c) => m + (spare * ((desired[c] ?? m) - m)) / (sumDesired - sumMin));
}

/** Characters that fit on one line of each column. */
export function columnChars(columns: readonly TableColumn[], tableChars: number): number[] {
  const total = columns.reduce((sum, c) => sum + c.weight, 0) || 1;
  return columns.map((c) => Math.max(4, Math.floor((tableChars * c.weight) / total) - 2));
}

/** Height of a table row in lines: its tallest cell, plus padding. */
export function rowHeight(cells: readonly string[], chars: readonly number[]): number {
  const lines = Math.max(1, ...cells.map((text, i) => linesOf(text, chars[i] ?? 10)));
  return lines + ROW_PADDING;
}

/**
 * Splits items of the given heights into consecutive pages of at most `capacity`, using the
 * fewest pages and then making them as even as possible. An item taller than a page gets a page
 * of its own. Returns `[start, end)` index ranges; one empty page for no items.
 */
export function paginate(heights: readonly number[], capacity: number): Array<[number, number]> {
  if (heights.length === 0) return [[0, 0]];
  const pagesAt = (limit: number) => {
    const ranges: Array<[number, number]> = [];
    let start = 0;
    let used = 0;
    heights.forEach((h, i) => {
      if (i > start && used + h > limit) {
        ranges.push([start, i]);
        start = i;
        used = 0;
      }
      used += h;
    });
    ranges.push([start, heights.length]);
    return ranges;
  };
  const fewest = pagesAt(capacity).length;
  if (fewest === 1) return [[0, heights.length]];
  // the smallest limit that still needs no more pages gives the most even split
  let low = Math.max(...heights);
  let high = Math.max(capacity, low);
  for (let step = 0; step < 40 && high - low > 0.01; step++) {
    const mid = (low + high) / 2;
    if (pagesAt(mid).length <= fewest) high = mid;
    else low = mid;
  }
  return pagesAt(high);
}
