import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildBlockView, type BlockContext, type BlockView } from '../../src/domain/blockView.js';
import { blockSchema } from '../../src/domain/blocks.js';
import { statementTable } from '../../src/domain/deck/tables.js';
import { changePercentOf, differenceOf, statementProblems, type StatementColumnSpec, type StatementRowSpec } from '../../src/domain/statement.js';
import { issuesToDetails } from '../../src/domain/validation.js';
import { indicator, measurement, measurementMap, regionAreas, type StoredMeasurement } from './fixtures.js';

/**
 * Derived columns of a statement table (avvikelse, förändring %) and the checks of its rows and
 * columns: figures computed in decimal, a missing input or a zero base leaving the cell empty,
 * and a formula that refers to itself refused with the row named, in Swedish.
 */
const S = '\u00a0';
const M = '\u2212';
const KALMAR = 'region-kalmar-lan';

describe('differenceOf and changePercentOf: in decimal, missing stays missing', () => {
  it('subtracts and divides without binary rounding', () => {
    expect(0.3 - 0.1).not.toBe(0.2);
    expect(differenceOf(0.3, 0.1)).toBe(0.2);
    expect((1.1 - 1) * 100).not.toBe(10);
    expect(changePercentOf(1.1, 1)).toBe(10);
    expect(differenceOf(241, 364)).toBe(-123);
    expect(differenceOf(435, 364)).toBe(71);
    expect(changePercentOf(738, 631)?.toFixed(10)).toBe('16.9572107765');
  });

  it('divides by the base’s magnitude, so a cost that grows shows a negative change', () => {
    // costs are stored negative: −110 against −100 is 10 % more cost
    expect(changePercentOf(-110, -100)).toBe(-10);
    expect(changePercentOf(-90, -100)).toBe(10);
    expect(changePercentOf(0, 50)).toBe(-100);
  });

  it('gives null, never 0, when an input is missing or the base is 0', () => {
    expect(differenceOf(null, 5)).toBeNull();
    expect(differenceOf(5, null)).toBeNull();
    expect(differenceOf(null, null)).toBeNull();
    expect(differenceOf(0, 0)).toBe(0);
    expect(changePercentOf(null, 5)).toBeNull();
    expect(changePercentOf(5, null)).toBeNull();
    expect(changePercentOf(5, 0)).toBeNull();
    expect(changePercentOf(0, 0)).toBeNull();
  });

  // amounts as the statements print them: mnkr with at most one decimal
  const tenths = fc.integer({ min: -10_000_000, max: 10_000_000 });

  it('A − B is the exact decimal difference, and B − A its negation', () => {
    fc.assert(
      fc.property(tenths, tenths, (a, b) => {
        expect(differenceOf(a / 10, b / 10)).toBe((a - b) / 10);
        expect(Object.is(differenceOf(a / 10, b / 10), -(differenceOf(b / 10, a / 10) as number)) || a === b).toBe(true);
      }),
    );
  });

  it('the change has the sign of A − B, is null exactly when B is 0, and doubling B’s magnitude from B gives +100', () => {
    fc.assert(
      fc.property(tenths, tenths, (a, b) => {
        const change = changePercentOf(a / 10, b / 10);
        if (b === 0) {
          expect(change).toBeNull();
          return;
        }
        expect(change).not.toBeNull();
        expect(Math.sign(change as number)).toBe(Math.sign(a - b));
        expect(changePercentOf(b / 10 + Math.abs(b) / 10, b / 10)).toBe(100);
      }),
    );
  });
});

const ROWS: StatementRowSpec[] = [
  { key: 'intakter', label: 'Verksamhetens intäkter', indicator: 'intakter' },
  { key: 'kostnader', label: 'Verksamhetens kostnader', indicator: 'kostnader' },
  { key: 'netto', label: 'Verksamhetens nettokostnad', formula: 'intakter + kostnader' },
];
const COLUMNS: StatementColumnSpec[] = [
  { key: 'utfall', label: 'Utfall', period: '2026-01..2026-04' },
  { key: 'fjol', label: 'Samma period i fjol', period: '2025-01..2025-04' },
  { key: 'forandring', label: 'Förändring %', derived: 'change_percent', of: ['utfall', 'fjol'] },
];

describe('statementProblems: rows and columns checked, each problem at its field, naming the row or column', () => {
  it('finds nothing wrong with a resultaträkning and its derived column', () => {
    expect(statementProblems(ROWS, COLUMNS)).toEqual([]);
  });

  it('a formula that refers to itself', () => {
    const rows = ROWS.map((r) => (r.key === 'netto' ? { ...r, formula: 'intakter + kostnader + netto' } : r));
    expect(statementProblems(rows, COLUMNS)).toEqual([{ path: ['rows', 2, 'formula'], message: 'rad "Verksamhetens nettokostnad": formeln hänvisar till sig själv' }]);
  });

  it('a cycle through other rows: each row on it, with the rows it goes through', () => {
    const rows: StatementRowSpec[] = [
      ...ROWS.slice(0, 2),
      { key: 'netto', label: 'Verksamhetens nettokostnad', formula: 'intakter + kostnader + resultat' },
      { key: 'resultat', label: 'Verksamhetens resultat', formula: 'netto + finans' },
      { key: 'finans', label: 'Finansnetto', formula: 'netto' },
    ];
    expect(statementProblems(rows, COLUMNS)).toEqual([
      { path: ['rows', 2, 'formula'], message: 'rad "Verksamhetens nettokostnad": formeln hänvisar till sig själv via "Verksamhetens resultat"' },
      { path: ['rows', 3, 'formula'], message: 'rad "Verksamhetens resultat": formeln hänvisar till sig själv via "Verksamhetens nettokostnad"' },
      { path: ['rows', 4, 'formula'], message: 'rad "Finansnetto": formeln hänvisar till sig själv via "Verksamhetens nettokostnad" och "Verksamhetens resultat"' },
    ]);
  });

  it('an unknown row, a formula that does not parse, a key used twice, a row without a label', () => {
    const rows: StatementRowSpec[] = [
      ...ROWS.slice(0, 2),
      { key: 'netto', label: 'Verksamhetens nettokostnad', formula: 'intakter + skatter' },
      { key: 'resultat', label: '', formula: 'netto +' },
      { key: 'kostnader', label: 'Kostnader igen', indicator: 'kostnader' },
    ];
    expect(statementProblems(rows, COLUMNS)).toEqual([
      { path: ['rows', 4, 'key'], message: 'rad "Kostnader igen": nyckeln "kostnader" används redan av rad 2' },
      { path: ['rows', 2, 'formula'], message: 'rad "Verksamhetens nettokostnad": formeln hänvisar till okänd rad "skatter"' },
      { path: ['rows', 3, 'formula'], message: 'rad 4: formeln "netto +" slutar med en operator' },
    ]);
  });

  it('derived columns: a column that does not exist, itself, another derived column, the same column twice, none chosen', () => {
    const columns: StatementColumnSpec[] = [
      ...COLUMNS,
      { key: 'avvikelse', label: 'Avvikelse', derived: 'difference', of: ['prognos', 'avvikelse'] },
      { key: 'x', label: 'Förändring av förändring', derived: 'difference', of: ['forandring', 'utfall'] },
      { key: 'y', label: '', derived: 'change_percent', of: ['utfall', 'utfall'] },
      { key: 'z', label: 'Ny', derived: 'difference', of: ['', 'fjol'] },
      { key: 'utfall', label: 'Dubblett', period: '2026' },
    ];
    expect(statementProblems(ROWS, columns)).toEqual([
      { path: ['columns', 7, 'key'], message: 'kolumn "Dubblett": nyckeln "utfall" används redan av kolumn 1' },
      { path: ['columns', 3, 'of', 0], message: 'kolumn "Avvikelse": kolumnen "prognos" finns inte' },
      { path: ['columns', 3, 'of', 1], message: 'kolumn "Avvikelse": kan inte räknas fram ur sig själv' },
      { path: ['columns', 4, 'of', 0], message: 'kolumn "Förändring av förändring": kolumn "Förändring %" är själv beräknad; välj en kolumn med värden' },
      { path: ['columns', 5, 'of', 1], message: 'kolumn 6: jämför en kolumn med sig själv; välj två olika kolumner' },
      { path: ['columns', 6, 'of', 0], message: 'kolumn "Ny": välj en kolumn att räkna med' },
    ]);
  });

  // formula rows over random rows: a row is reported as referring to itself exactly when it is on a cycle
  it('reports exactly the rows that reach themselves', () => {
    const graph = fc.integer({ min: 1, max: 7 }).chain((n) =>
      fc.array(fc.option(fc.uniqueArray(fc.integer({ min: 0, max: n - 1 }), { minLength: 1, maxLength: n }), { nil: null }), { minLength: n, maxLength: n }),
    );
    fc.assert(
      fc.property(graph, (spec) => {
        const rows: StatementRowSpec[] = spec.map((terms, i) =>
          terms === null ? { key: `r${i}`, label: `Rad ${i}`, indicator: 'x' } : { key: `r${i}`, label: `Rad ${i}`, formula: terms.map((t) => `r${t}`).join(' - ') },
        );
        // reachability by transitive closure, independent of the implementation
        const reach = spec.map((terms) => new Set(terms ?? []));
        for (const k of spec.keys()) for (const i of spec.keys()) if (reach[i]?.has(k)) for (const j of reach[k] ?? []) reach[i]?.add(j);
        const onCycle = spec.flatMap((_t, i) => (reach[i]?.has(i) ? [i] : []));
        const reported = statementProblems(rows, [{ key: 'u', label: 'U', period: '2026' }]);
        expect(reported.map((p) => p.path[1])).toEqual(onCycle);
        for (const p of reported) expect(p.message).toMatch(/^rad "Rad \d": formeln hänvisar till sig själv( via .+)?$/);
        expect(blockSchema.safeParse({ type: 'statement_table', title: 'T', area: KALMAR, rows, columns: [{ key: 'u', label: 'U', period: '2026' }] }).success).toBe(onCycle.length === 0);
      }),
    );
  });
});

describe('the block schema: derived columns, and the checks as field errors', () => {
  const block = { type: 'statement_table', title: 'Resultaträkning', area: KALMAR, rows: ROWS, columns: COLUMNS };

  it('accepts value columns as before (scenario and asOf defaulted) beside derived ones', () => {
    const parsed = blockSchema.parse(block);
    expect(parsed.type === 'statement_table' && parsed.columns).toEqual([
      { key: 'utfall', label: 'Utfall', period: '2026-01..2026-04', scenario: 'utfall', asOf: '' },
      { key: 'fjol', label: 'Samma period i fjol', period: '2025-01..2025-04', scenario: 'utfall', asOf: '' },
      { key: 'forandring', label: 'Förändring %', derived: 'change_percent', of: ['utfall', 'fjol'] },
    ]);
  });

  it('answers a self-referring formula with its path and the row named, in Swedish', () => {
    const bad = { ...block, rows: ROWS.map((r) => (r.key === 'netto' ? { ...r, formula: 'netto + intakter' } : r)) };
    const result = blockSchema.safeParse(bad);
    expect(result.success).toBe(false);
    expect(issuesToDetails(result.error?.issues ?? [], 'blocks[0]')).toEqual([
      { where: 'blocks[0].rows[2].formula', message: 'rad "Verksamhetens nettokostnad": formeln hänvisar till sig själv' },
    ]);
  });

  it('says what is wrong with a column at its field: an unknown kind, a missing side, a period beside a derived kind, a bad scenario', () => {
    const details = (column: unknown) => {
      const result = blockSchema.safeParse({ ...block, columns: [...COLUMNS, column] });
      return result.success ? [] : issuesToDetails(result.error.issues);
    };
    expect(details({ key: 'k', label: 'K', derived: 'ratio', of: ['utfall', 'fjol'] })).toEqual([
      { where: 'columns[3].derived', message: 'ska vara difference eller change_percent (eller utelämnas för en kolumn med värden)' },
    ]);
    expect(details({ key: 'k', label: 'K', derived: 'difference', of: ['utfall'] })).toEqual([{ where: 'columns[3].of', message: 'ska ha minst 2 rader' }]);
    expect(details({ key: 'k', label: 'K', derived: 'difference', of: ['utfall', 'fjol'], period: '2026' })).toEqual([{ where: 'columns[3]', message: 'okänt fält: period' }]);
    expect(details({ key: 'k', label: 'K', period: '2026', scenario: 'plan' })).toEqual([{ where: 'columns[3].scenario', message: 'ska vara en av: utfall, budget, prognos' }]);
    expect(details({ key: 'k', label: 'K' })).toEqual([{ where: 'columns[3].period', message: 'saknas' }]);
  });
});

describe('the block view: derived columns computed per row, formatted in sv-SE', () => {
  const indicators = [
    indicator({ id: 'intakter', unit: 'mnkr', decimals: 1, kind: 'amount', periodType: 'ytd' }),
    indicator({ id: 'kostnader', unit: 'mnkr', decimals: 1, kind: 'amount', periodType: 'ytd' }),
  ];
  const stored: StoredMeasurement[] = [
    measurement({ indicatorId: 'intakter', areaId: KALMAR, period: '2026-01..2026-04', value: 1250.4 }),
    measurement({ indicatorId: 'kostnader', areaId: KALMAR, period: '2026-01..2026-04', value: -4812.7 }),
    measurement({ indicatorId: 'intakter', areaId: KALMAR, period: '2025-01..2025-04', value: 1180 }),
    // kostnader jan–apr 2025 is missing
    measurement({ indicatorId: 'intakter', areaId: KALMAR, period: '2026', scenario: 'prognos', asOf: '2026-04', value: 3650.2 }),
    measurement({ indicatorId: 'kostnader', areaId: KALMAR, period: '2026', scenario: 'prognos', asOf: '2026-04', value: -14520.1 }),
    measurement({ indicatorId: 'intakter', areaId: KALMAR, period: '2026', scenario: 'budget', value: 3600 }),
    measurement({ indicatorId: 'kostnader', areaId: KALMAR, period: '2026', scenario: 'budget', value: -14400 }),
  ];
  const ctx: BlockContext = {
    indicators: new Map(indicators.map((i) => [i.id, i])),
    areas: new Map(regionAreas().map((a) => [a.id, a])),
    measurements: measurementMap(stored),
    targets: new Map(),
    datasets: new Map(),
    registers: new Map(),
    riskCategories: new Map(),
    assets: new Map(),
    date: '2026-05-06',
  };
  const statement = (columns: unknown[]): Extract<BlockView, { type: 'statement_table' }> => {
    const view = buildBlockView(blockSchema.parse({ type: 'statement_table', title: 'Resultaträkning', area: KALMAR, rows: ROWS, columns }), ctx);
    if (view.type !== 'statement_table') throw new Error(`expected a statement view, got ${view.type}`);
    return view;
  };
  const both = statement([
    ...COLUMNS,
    { key: 'prognos', label: 'Prognos', period: '2026', scenario: 'prognos', asOf: '2026-04' },
    { key: 'budget', label: 'Budget', period: '2026', scenario: 'budget' },
    { key: 'avvikelse', label: 'Avvikelse', derived: 'difference', of: ['prognos', 'budget'] },
  ]);
  const cells = (key: string) => both.rows.find((r) => r.key === key)?.cells.map((c) => c.display);

  it('names each column’s kind and what a derived column is computed from', () => {
    expect(both.columns.map((c) => [c.label, c.kind, c.periodLabel, c.basis])).toEqual([
      ['Utfall', 'value', 'jan–apr 2026', null],
      ['Samma period i fjol', 'value', 'jan–apr 2025', null],
      ['Förändring %', 'change_percent', '', 'Utfall mot Samma period i fjol'],
      ['Prognos', 'value', '2026', null],
      ['Budget', 'value', '2026', null],
      ['Avvikelse', 'difference', '', `Prognos ${M} Budget`],
    ]);
  });

  it('förändring % with one decimal and its sign; avvikelse with its sign, a minus as U+2212', () => {
    // (1250,4 − 1180) / 1180 × 100 = 5,966…; 3650,2 − 3600 = 50,2; −14520,1 − (−14400) = −120,1
    expect(cells('intakter')).toEqual([`1${S}250,4`, `1${S}180,0`, `+6,0${S}%`, `3${S}650,2`, `3${S}600,0`, '+50,2']);
    expect(cells('kostnader')).toEqual([`${M}4${S}812,7`, '–', '–', `${M}14${S}520,1`, `${M}14${S}400,0`, `${M}120,1`]);
    // the formula row: its missing input makes its own cell and the change missing, not a change from 0
    expect(cells('netto')).toEqual([`${M}3${S}562,3`, '–', '–', `${M}10${S}869,9`, `${M}10${S}800,0`, `${M}69,9`]);
    const netto = both.rows.find((r) => r.key === 'netto');
    expect(netto?.cells[5]?.value).toBe(-69.9);
  });

  it('the deck’s table has the derived columns with the same figures', () => {
    const table = statementTable(both);
    expect(table.columns.map((c) => c.label)).toEqual(['mnkr', 'Utfall', 'Samma period i fjol', 'Förändring %', 'Prognos', 'Budget', 'Avvikelse']);
    expect(table.rows.map((r) => r.cells[3])).toEqual([`+6,0${S}%`, '–', '–']);
    expect(table.rows.map((r) => r.cells[6])).toEqual(['+50,2', `${M}120,1`, `${M}69,9`]);
  });

  it('a block without derived columns reads as before', () => {
    const plain = statement(COLUMNS.slice(0, 2));
    expect(plain.columns).toEqual([
      { key: 'utfall', label: 'Utfall', periodLabel: 'jan–apr 2026', kind: 'value', basis: null },
      { key: 'fjol', label: 'Samma period i fjol', periodLabel: 'jan–apr 2025', kind: 'value', basis: null },
    ]);
    expect(plain.rows.map((r) => r.cells.map((c) => c.display))).toEqual([
      [`1${S}250,4`, `1${S}180,0`],
      [`${M}4${S}812,7`, '–'],
      [`${M}3${S}562,3`, '–'],
    ]);
  });
});
