import { describe, expect, it } from 'vitest';
import { areasOf, BLOCK_TYPES, blockSchema, indicatorsOf, type Block } from '../../src/domain/blocks.js';

function parse(input: unknown): Block {
  return blockSchema.parse(input);
}

function issuesOf(input: unknown): Array<{ path: string; message: string }> {
  const result = blockSchema.safeParse(input);
  if (result.success) return [];
  return result.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
}

describe('blockSchema: valid blocks', () => {
  it('accepts a text block and defaults its heading to null', () => {
    expect(parse({ type: 'text', markdown: '- Punkt ett\n- Punkt två' })).toEqual({ type: 'text', heading: null, markdown: '- Punkt ett\n- Punkt två' });
  });

  it('accepts a key figure and fills its defaults', () => {
    const block = parse({ type: 'key_figure', indicator: 'bup-medelvantetid', area: 'region-kalmar-lan', period: '2026-03', compareWith: '2024-12' });
    expect(block).toEqual({
      type: 'key_figure',
      indicator: 'bup-medelvantetid',
      area: 'region-kalmar-lan',
      period: '2026-03',
      breakdown: '',
      scenario: 'utfall',
      asOf: '',
      compareWith: '2024-12',
      compareWithBudget: false,
      showTarget: true,
      label: null,
    });
  });

  it('accepts every kind of period key', () => {
    for (const period of ['2025', '2025-T1', '2025-Q3', '2025-03', '2026-01..2026-04', '2025-04..2026-03', '2026-04-30']) {
      expect(issuesOf({ type: 'key_figure', indicator: 'i', area: 'a', period })).toEqual([]);
    }
  });

  it('accepts a ranking table with defaults', () => {
    const block = parse({ type: 'ranking_table', indicator: 'teleq', period: '2026-03', highlight: 'region-kalmar-lan', references: ['alla-regioner'] });
    expect(block.type).toBe('ranking_table');
    if (block.type !== 'ranking_table') return;
    expect(block.areas).toBe('regions');
    expect(block.references).toEqual(['alla-regioner']);
    expect(block.showParts).toBe(false);
    expect(block.limit).toBeNull();
  });

  it('accepts a statement table, a timeline, a checklist, a risk list, a data table and an image', () => {
    const blocks: unknown[] = [
      {
        type: 'statement_table',
        title: 'Resultaträkning',
        area: 'region-kalmar-lan',
        rows: [
          { key: 'intakter', label: 'Intäkter', indicator: 'intakter' },
          { key: 'kostnader', label: 'Kostnader', indicator: 'kostnader' },
          { key: 'netto', label: 'Netto', formula: 'intakter + kostnader' },
        ],
        columns: [{ key: 'utfall', label: 'Utfall', period: '2026-01..2026-04' }],
      },
      { type: 'timeline', title: 'Uppstart', phases: [{ id: 'p', label: 'P', start: '2025-09', end: '2026-04-30' }], milestones: [{ id: 'm', label: 'M', date: '2026-04-01' }] },
      { type: 'checklist', title: 'Leveranser', items: [{ label: 'Fordon', party: 'Nilsbuss', status: 'klar' }] },
      { type: 'risk_list', register: 'ik-2026' },
      { type: 'data_table', dataset: 'sarskild-persontransport-2026', totals: true },
      { type: 'image', asset: 'karta', alt: 'Karta över paketen i länet' },
    ];
    for (const b of blocks) expect(issuesOf(b)).toEqual([]);
  });

  it('lists every block type', () => {
    expect(BLOCK_TYPES).toHaveLength(10);
  });
});

describe('blockSchema: invalid blocks', () => {
  it('rejects bad period keys', () => {
    expect(issuesOf({ type: 'key_figure', indicator: 'i', area: 'a', period: '2025-13' }).map((i) => i.path)).toEqual(['period']);
    expect(issuesOf({ type: 'key_figure', indicator: 'i', area: 'a', period: '2026-03', compareWith: '2026-02-30' }).map((i) => i.path)).toEqual([
      'compareWith',
    ]);
    expect(issuesOf({ type: 'ranking_table', indicator: 'i', period: 'mars 2026', highlight: 'a' }).map((i) => i.path)).toEqual(['period']);
    expect(issuesOf({ type: 'key_figure', indicator: 'i', area: 'a', period: '2025-T4' })[0]?.message).toContain('ogiltig period');
  });

  it('rejects an image without alternative text', () => {
    expect(issuesOf({ type: 'image', asset: 'karta' }).map((i) => i.path)).toEqual(['alt']);
    expect(issuesOf({ type: 'image', asset: 'karta', alt: '' })).toEqual([{ path: 'alt', message: 'alternativtext krävs' }]);
  });

  it('rejects unknown fields — a block never carries a typed figure', () => {
    const issues = issuesOf({ type: 'key_figure', indicator: 'i', area: 'a', period: '2026-03', value: 98 });
    expect(issues).toHaveLength(1);
    expect(issues[0]?.message).toContain('value');
    expect(issuesOf({ type: 'text', markdown: 'x', color: 'red' })).toHaveLength(1);
  });

  it('rejects an unknown block type', () => {
    expect(issuesOf({ type: 'video', asset: 'x' })).toHaveLength(1);
  });

  it('rejects empty ids, bad row keys and bad timeline dates', () => {
    expect(issuesOf({ type: 'key_figure', indicator: '', area: 'a', period: '2026-03' }).map((i) => i.path)).toEqual(['indicator']);
    expect(
      issuesOf({
        type: 'statement_table',
        title: 'T',
        area: 'a',
        rows: [{ key: 'Intäkter', label: 'Intäkter', indicator: 'i' }],
        columns: [{ key: 'u', label: 'U', period: '2026' }],
      }).length,
    ).toBeGreaterThan(0);
    expect(issuesOf({ type: 'timeline', title: 'T', phases: [{ id: 'p', label: 'P', start: '2026-13', end: '2026-12' }] }).map((i) => i.path)).toEqual([
      'phases.0.start',
    ]);
    expect(issuesOf({ type: 'checklist', title: 'T', items: [] }).map((i) => i.path)).toEqual(['items']);
    expect(issuesOf({ type: 'timeline', title: 'T', milestones: [{ id: 'm', label: 'M', date: '2026-04-31-x' }] }).map((i) => i.path)).toEqual([
      'milestones.0.date',
    ]);
    expect(issuesOf({ type: 'checklist', title: 'T', items: [{ label: 'x', party: 'y', status: 'done' }] }).map((i) => i.path)).toEqual([
      'items.0.status',
    ]);
  });
});

describe('blockSchema: calendar dates in timelines and checklists', () => {
  // Fails: `yearMonthOrDate` in blocks.ts is a regex only (day 01–31 in any month), so dates that
  // do not exist pass validation, while period keys (`2026-02-30`) are rejected.
  it('rejects 30 February and 31 April', () => {
    expect(issuesOf({ type: 'timeline', title: 'T', phases: [{ id: 'p', label: 'P', start: '2026-02-30', end: '2026-04' }] }).map((i) => i.path)).toEqual([
      'phases.0.start',
    ]);
    expect(issuesOf({ type: 'checklist', title: 'T', items: [{ label: 'x', party: 'y', status: 'klar', due: '2026-04-31' }] }).map((i) => i.path)).toEqual([
      'items.0.due',
    ]);
  });
});

describe('indicatorsOf and areasOf', () => {
  it('lists what a block reads', () => {
    const ranking = parse({ type: 'ranking_table', indicator: 'teleq', period: '2026-03', highlight: 'kalmar', references: ['alla'], extraIndicators: ['mottagna'] });
    expect(indicatorsOf(ranking)).toEqual(['teleq', 'mottagna']);
    expect(areasOf(ranking)).toEqual(['alla', 'kalmar']);
    const stmt = parse({
      type: 'statement_table',
      title: 'T',
      area: 'kalmar',
      rows: [
        { key: 'a', label: 'A', indicator: 'ind_a' },
        { key: 'b', label: 'B', indicator: 'ind_b' },
        { key: 's', label: 'S', formula: 'a + b' },
      ],
      columns: [{ key: 'u', label: 'U', period: '2026' }],
    });
    expect(indicatorsOf(stmt)).toEqual(['ind_a', 'ind_b']);
    expect(areasOf(stmt)).toEqual(['kalmar']);
    expect(indicatorsOf(parse({ type: 'text', markdown: 'x' }))).toEqual([]);
    expect(areasOf(parse({ type: 'indicator_chart', indicator: 'i', areas: ['kalmar', 'riket'] }))).toEqual(['kalmar', 'riket']);
  });
});
