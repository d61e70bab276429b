import { describe, expect, it } from 'vitest';
import type { TableBody } from '../../src/domain/deck/model.js';
import { columnChars, columnWeights, linesOf, paginate, rowHeight, DEFAULT_CAPACITY } from '../../src/domain/deck/paginate.js';
import { splitTable } from '../../src/domain/deck/splitTable.js';

describe('pagination', () => {
  it('uses the fewest pages and makes them even', () => {
    expect(paginate([1, 1, 1, 1, 1, 1, 1, 1, 1, 1], 8)).toEqual([
      [0, 5],
      [5, 10],
    ]);
    expect(paginate([3, 3, 3], 10)).toEqual([[0, 3]]);
  });

  it('gives an item taller than a page a page of its own', () => {
    expect(paginate([2, 30, 2], 10)).toEqual([
      [0, 1],
      [1, 2],
      [2, 3],
    ]);
  });

  it('one empty page for nothing', () => {
    expect(paginate([], 10)).toEqual([[0, 0]]);
  });

  it('counts lines by words', () => {
    expect(linesOf('ett två tre', 7)).toBe(2);
    expect(linesOf('', 10)).toBe(1);
    expect(linesOf('x'.repeat(25), 10)).toBe(3);
  });

  it('never gives a column less than its longest number or header word', () => {
    const [label, number] = columnWeights(['Objekt', 'Trafikverkets förslag'], [['Ostlänken nytt dubbelspår Järna–Linköping, alt 2', '31\u00a0888\u00a0mnkr']], 40);
    expect(number).toBeGreaterThanOrEqual('31\u00a0888\u00a0mnkr'.length + 2);
    expect(number).toBeGreaterThanOrEqual('Trafikverkets'.length + 2);
    expect(label).toBeGreaterThan(0);
  });
});

describe('splitting a table', () => {
  const row = (cells: string[], style: TableBody['rows'][number]['style'] = 'normal') => ({ cells, style, srNote: null });
  const body: TableBody = {
    kind: 'table',
    variant: 'data',
    columns: [
      { label: 'Namn', align: 'left', weight: 10 },
      { label: 'Antal', align: 'right', weight: 5 },
    ],
    rows: [row(['Grupp A'], 'group'), ...Array.from({ length: 30 }, (_v, i) => row([`Rad ${i + 1}`, String(i)])), row(['Summa', '435'], 'total')],
    caption: '30 rader',
  };

  it('repeats the header, keeps the total with the last row and the caption on the last part', () => {
    const parts = splitTable(body, DEFAULT_CAPACITY);
    // 32 rows in one group: three even parts would leave no room for the repeated "(forts.)" heading
    expect(parts.length).toBe(4);
    expect(parts.flatMap((p) => p.rows).filter((r) => r.style === 'normal')).toHaveLength(30);
    expect(parts.at(-1)?.rows.at(-1)?.style).toBe('total');
    expect(parts.at(-1)?.rows.at(-2)?.cells[0]).toBe('Rad 30');
    expect(parts.map((p) => p.caption)).toEqual([null, null, null, '30 rader']);
    expect(parts.every((p) => p.columns === body.columns)).toBe(true);
  });

  it('repeats a group heading, marked as continued, where the group goes on', () => {
    const parts = splitTable(body, DEFAULT_CAPACITY);
    expect(parts[1]?.rows[0]).toEqual({ cells: ['Grupp A (forts.)'], style: 'group', srNote: null });
  });

  it('keeps room for the repeated group heading on every part: no part is taller than a slide', () => {
    const chars = columnChars(body.columns, DEFAULT_CAPACITY.tableChars);
    const header = rowHeight(body.columns.map((c) => c.label), chars);
    for (const part of splitTable(body, DEFAULT_CAPACITY)) {
      const rows = part.rows.reduce((sum, r) => sum + (r.style === 'group' ? 1.4 : rowHeight(r.cells, chars)), 0);
      const caption = part.caption ? (18 / 14) * linesOf(part.caption, 77) + 0.4 : 0;
      expect(header + rows + caption).toBeLessThanOrEqual(DEFAULT_CAPACITY.tableLines);
    }
  });
});
