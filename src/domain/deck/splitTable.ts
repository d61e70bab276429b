import type { TableBody, TableRow } from './model.js';
import { columnChars, linesOf, paginate, rowHeight, type DeckCapacity } from './paginate.js';

/**
 * Splits a long table over slides. The header is repeated on every part, a group heading stays
 * with its first row (and is repeated, "(forts.)", where a group continues), a total stays with
 * the row above it, and the caption goes with the last part.
 */
/** A group heading's height in table lines. */
const GROUP_LINES = 1.4;
/** The caption is set at 18 pt over the table's 14 pt: its lines are that much taller and fewer fit. */
const CAPTION_SCALE = 18 / 14;

export function splitTable(body: TableBody, capacity: DeckCapacity): TableBody[] {
  const chars = columnChars(body.columns, capacity.tableChars);
  const heightOf = (r: TableRow) => (r.style === 'group' ? GROUP_LINES : rowHeight(r.cells, chars));
  const header = rowHeight(
    body.columns.map((c) => c.label),
    chars,
  );
  const caption = body.caption ? linesOf(body.caption, Math.floor((capacity.tableChars * 0.9) / CAPTION_SCALE)) * CAPTION_SCALE + 0.4 : 0;
  const repeated = body.rows.some((r) => r.style === 'group') ? GROUP_LINES : 0;

  // units of rows that must stay together
  const units: TableRow[][] = [];
  body.rows.forEach((r, i) => {
    const previous = units[units.length - 1];
    const previousRow = body.rows[i - 1];
    if (previous && (r.style === 'total' || previousRow?.style === 'group')) previous.push(r);
    else units.push([r]);
  });
  const heights = units.map((u) => u.reduce((sum, r) => sum + heightOf(r), 0));
  let group: TableRow | null = null;
  const groupAt = new Map<TableRow, TableRow | null>();
  for (const r of body.rows) {
    if (r.style === 'group') group = r;
    groupAt.set(r, group);
  }
  const room = capacity.tableLines - header - caption;
  // a part that starts inside a group repeats its heading ("… (forts.)"): where that would not
  // fit, the table is split again with room kept for it on every part
  const startsInGroup = ([start]: [number, number], index: number) => index > 0 && units[start]?.[0]?.style !== 'group' && groupAt.get(units[start]?.[0] as TableRow) != null;
  const fits = (ranges: Array<[number, number]>) =>
    ranges.every((range, index) => heights.slice(range[0], range[1]).reduce((a, h) => a + h, 0) + (startsInGroup(range, index) ? repeated : 0) <= room);
  const first = paginate(heights, room);
  const pages = fits(first) ? first : paginate(heights, room - repeated);
  return pages.map(([start, end], index) => {
    const rows = units.slice(start, end).flat();
    const first = rows[0];
    const openGroup = first ? groupAt.get(first) ?? null : null;
    if (index > 0 && first && first.style !== 'group' && openGroup) {
      rows.unshift({ ...openGroup, cells: [`${openGroup.cells[0] ?? ''} (forts.)`] });
    }
    return { ...body, rows, caption: index === pages.length - 1 ? body.caption : null };
  });
}
