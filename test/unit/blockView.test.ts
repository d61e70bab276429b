import { describe, expect, it } from 'vitest';
import { buildBlockView, checklistDates, yearOfPeriod, type BlockContext, type BlockView, type RiskRegisterData } from '../../src/domain/blockView.js';
import { blockSchema } from '../../src/domain/blocks.js';
import { checklistTable } from '../../src/domain/deck/tables.js';
import type { Dataset } from '../../src/domain/dataset.js';
import type { Indicator } from '../../src/domain/indicator.js';
import type { Target } from '../../src/domain/target.js';
import { indicator, measurement, measurementMap, OPERATOR_COLUMNS, OPERATORS, regionAreas, teleqMeasurements, TELEQ_ORDER, type StoredMeasurement } from './fixtures.js';

const S = '\u00a0';
const M = '\u2212';

const INDICATORS: Indicator[] = [
  indicator({ id: 'teleq', name: 'Besvarade samtal samma dag', unit: 'procent', kind: 'ratio', periodType: 'month', source: 'TeleQ' }),
  indicator({ id: 'bup', name: 'Medelväntetid första besök BUP', unit: 'dagar', decimals: 1, kind: 'value', periodType: 'month', direction: 'lower_is_better' }),
  indicator({ id: 'tillbud', unit: 'antal', kind: 'count', periodType: 'year' }),
  indicator({ id: 'skador', unit: 'antal', kind: 'count', periodType: 'year' }),
  indicator({
    id: 'tillbud_per_skada',
    name: 'Tillbud i förhållande till skador',
    unit: 'procent',
    decimals: 1,
    kind: 'value',
    periodType: 'year',
    derivation: { numerator: 'tillbud', denominator: 'skador' },
  }),
  indicator({ id: 'intakter', unit: 'mnkr', decimals: 1, kind: 'amount', periodType: 'ytd' }),
  indicator({ id: 'kostnader', unit: 'mnkr', decimals: 1, kind: 'amount', periodType: 'ytd' }),
  indicator({ id: 'avskrivningar', unit: 'mnkr', decimals: 1, kind: 'amount', periodType: 'ytd' }),
];

const KALMAR = 'region-kalmar-lan';

function target(indicatorId: string, comparator: Target['comparator'], threshold: number): Target {
  return {
    id: `${indicatorId}-mal`,
    indicatorId,
    comparator,
    threshold,
    upper: null,
    nearMargin: null,
    validFromYear: 2020,
    validToYear: null,
    areaId: null,
    source: 'regionplan',
    label: 'Mål',
  };
}

const DATASET: Dataset = {
  id: 'sarskild-persontransport-2026',
  title: 'Avtal särskild persontrafik 2026',
  source: 'Kalmar länstrafik',
  columns: OPERATOR_COLUMNS,
  rows: OPERATORS.map(([foretag, paket, fordon, omlopp]) => ({ foretag, paket, fordon, omlopp })),
};

const REGISTER: RiskRegisterData = {
  id: 'ik-2026',
  title: 'Intern kontroll 2026',
  year: 2026,
  risks: [
    { id: 'r1', categoryCode: '1', title: 'Kompetensförsörjning', probability: 3, consequence: 4, reportedScore: null, control: 'Handlingsplan' },
    { id: 'r2', categoryCode: '1b', title: 'Bemanning', probability: null, consequence: null, reportedScore: 9, control: null },
    { id: 'r3', categoryCode: '10', title: 'Informationssäkerhet', probability: 1, consequence: 2, reportedScore: null, control: null },
  ],
};

function context(measurements: StoredMeasurement[]): BlockContext {
  return {
    indicators: new Map(INDICATORS.map((i) => [i.id, i])),
    areas: new Map(regionAreas().map((a) => [a.id, a])),
    measurements: measurementMap(measurements),
    targets: new Map([
      ['tillbud_per_skada', [target('tillbud_per_skada', 'gte', 140)]],
      ['bup', [target('bup', 'lte', 30)]],
      ['teleq', [target('teleq', 'gte', 90)]],
    ]),
    datasets: new Map([[DATASET.id, DATASET]]),
    registers: new Map([[REGISTER.id, REGISTER]]),
    riskCategories: new Map([
      ['1', { code: '1', parentCode: null, label: 'Personal' }],
      ['1b', { code: '1b', parentCode: '1', label: 'Bemanning' }],
    ]),
    assets: new Map([['karta', { id: 'karta', fileName: 'karta.png', mediaType: 'image/png' }]]),
    date: '2026-05-06',
  };
}

function view<T extends BlockView['type']>(input: unknown, ctx: BlockContext, type: T): Extract<BlockView, { type: T }> {
  const v = buildBlockView(blockSchema.parse(input), ctx);
  if (v.type !== type) throw new Error(`expected a ${type} view, got ${v.type}`);
  return v as Extract<BlockView, { type: T }>;
}

describe('key_figure', () => {
  const rows = [
    measurement({ indicatorId: 'bup', areaId: KALMAR, period: '2024-12', value: 30.2 }),
    measurement({ indicatorId: 'bup', areaId: KALMAR, period: '2026-03', value: 25.3 }),
    measurement({ indicatorId: 'tillbud', areaId: KALMAR, period: '2023', value: 738 }),
    measurement({ indicatorId: 'skador', areaId: KALMAR, period: '2023', value: 547 }),
  ];

  it('BUP mars 2026 against december 2024: 25,3 dagar, −4,9 dagar, an improvement, target met', () => {
    const v = view({ type: 'key_figure', indicator: 'bup', area: KALMAR, period: '2026-03', compareWith: '2024-12' }, context(rows), 'key_figure');
    expect(v.label).toBe('Medelväntetid första besök BUP');
    expect(v.area.name).toBe('Region Kalmar län');
    expect(v.figure?.display).toBe(`25,3${S}dagar`);
    expect(v.figure?.periodLabel).toBe('mars 2026');
    expect(v.comparison?.display).toBe(`${M}4,9${S}dagar`);
    expect(v.comparison?.figure.display).toBe(`30,2${S}dagar`);
    expect(v.comparison?.figure.periodLabel).toBe('december 2024');
    expect(v.comparison?.change.delta).toBe(-4.9);
    expect(v.comparison?.change.improvement).toBe(true);
    expect(v.target?.text).toBe(`≤ 30,0${S}dagar`);
    expect(v.status).toEqual({ status: 'met', label: 'Uppnått', icon: '✓' });
  });

  it('has no comparison when the earlier value is missing', () => {
    const v = view({ type: 'key_figure', indicator: 'bup', area: KALMAR, period: '2026-03', compareWith: '2025-12' }, context(rows), 'key_figure');
    expect(v.comparison).toBeNull();
    expect(v.figure?.value).toBe(25.3);
  });

  it('a missing figure has status "Uppgift saknas"', () => {
    const v = view({ type: 'key_figure', indicator: 'bup', area: 'region-skane', period: '2026-03' }, context(rows), 'key_figure');
    expect(v.figure).toBeNull();
    expect(v.status.status).toBe('no_data');
    expect(v.status.label).toBe('Uppgift saknas');
  });

  it('tillbud 738 / skador 547 = 134,9 % is not met against the target ≥ 140 %', () => {
    const v = view({ type: 'key_figure', indicator: 'tillbud_per_skada', area: KALMAR, period: '2023' }, context(rows), 'key_figure');
    expect(v.figure?.display).toBe(`134,9${S}%`);
    expect(v.figure?.origin).toBe('derived');
    expect(v.target?.text).toBe(`≥ 140,0${S}%`);
    expect(v.status.status).toBe('not_met');
    expect(v.status.label).toBe('Ej uppnått');
  });

  it('can leave out the target', () => {
    const v = view({ type: 'key_figure', indicator: 'tillbud_per_skada', area: KALMAR, period: '2023', showTarget: false }, context(rows), 'key_figure');
    expect(v.target).toBeNull();
    expect(v.status.status).toBe('no_target');
  });

  it('throws for an unknown indicator', () => {
    expect(() => buildBlockView(blockSchema.parse({ type: 'key_figure', indicator: 'okand', area: KALMAR, period: '2026-03' }), context(rows))).toThrow(
      'Okänd indikator "okand"',
    );
  });
});

describe('indicator_chart', () => {
  it('draws the own area\'s series over the periods with data, with a target line', () => {
    const rows = [
      measurement({ indicatorId: 'bup', areaId: KALMAR, period: '2026-03', value: 25.3 }),
      measurement({ indicatorId: 'bup', areaId: KALMAR, period: '2024-12', value: 30.2 }),
      measurement({ indicatorId: 'bup', areaId: 'region-skane', period: '2025-06', value: 41 }),
    ];
    const v = view({ type: 'indicator_chart', indicator: 'bup', areas: [KALMAR, 'region-skane'] }, context(rows), 'indicator_chart');
    expect(v.periods).toEqual([
      { key: '2024-12', label: 'dec 2024' },
      { key: '2025-06', label: 'jun 2025' },
      { key: '2026-03', label: 'mar 2026' },
    ]);
    expect(v.series.map((s) => s.highlight)).toEqual([true, false]);
    expect(v.series[0]?.points.map((p) => p?.display ?? null)).toEqual([`30,2${S}dagar`, null, `25,3${S}dagar`]);
    expect(v.series[1]?.points.map((p) => p?.value ?? null)).toEqual([null, 41, null]);
    expect(v.target).toEqual({ label: `Mål ≤ 30,0${S}dagar`, values: [30, 30, 30] });
  });

  it('keeps to the from–to range', () => {
    const rows = [
      measurement({ indicatorId: 'bup', areaId: KALMAR, period: '2024-12', value: 30.2 }),
      measurement({ indicatorId: 'bup', areaId: KALMAR, period: '2026-03', value: 25.3 }),
    ];
    const v = view({ type: 'indicator_chart', indicator: 'bup', areas: [KALMAR], from: '2025' }, context(rows), 'indicator_chart');
    expect(v.periods.map((p) => p.key)).toEqual(['2026-03']);
  });
});

describe('ranking_table', () => {
  const ctx = context(teleqMeasurements('teleq', '2026-03'));

  it('ranks the regions with a value and places Alla regioner among them, unranked', () => {
    const v = view(
      { type: 'ranking_table', indicator: 'teleq', period: '2026-03', highlight: KALMAR, references: ['alla-regioner'] },
      ctx,
      'ranking_table',
    );
    expect(v.periodLabel).toBe('mars 2026');
    expect(v.rows).toHaveLength(20);
    expect(v.rows.map((r) => r.area.name)).toEqual([...TELEQ_ORDER.slice(0, 9), 'Alla regioner', ...TELEQ_ORDER.slice(9)]);
    const first = v.rows[0];
    expect(first?.rank).toBe(1);
    expect(first?.highlight).toBe(true);
    expect(first?.figure?.display).toBe(`98${S}%`);
    expect(v.rows.filter((r) => r.highlight)).toHaveLength(1);
    const ref = v.rows[9];
    expect(ref?.reference).toBe(true);
    expect(ref?.rank).toBeNull();
    expect(ref?.figure?.display).toBe(`89${S}%`);
    expect(ref?.figure?.coverage).toEqual({ included: 19, total: 21 });
    expect(v.rows.map((r) => r.rank).filter((r) => r !== null)).toEqual(Array.from({ length: 19 }, (_, i) => i + 1));
    expect(v.sources).toEqual(['TeleQ']);
  });

  it('leaves out regions without a value (Stockholm, Sörmland)', () => {
    const v = view({ type: 'ranking_table', indicator: 'teleq', period: '2026-03', highlight: KALMAR }, ctx, 'ranking_table');
    expect(v.rows).toHaveLength(19);
    expect(v.rows.some((r) => r.area.id === 'region-stockholm')).toBe(false);
  });

  it('an explicit list shows every area asked for, missing ones last and unranked', () => {
    const v = view(
      { type: 'ranking_table', indicator: 'teleq', period: '2026-03', highlight: KALMAR, areas: ['region-stockholm', 'region-skane', KALMAR] },
      ctx,
      'ranking_table',
    );
    expect(v.rows.map((r) => [r.area.id, r.rank])).toEqual([
      [KALMAR, 1],
      ['region-skane', 2],
      ['region-stockholm', null],
    ]);
    expect(v.rows[2]?.figure).toBeNull();
  });

  it('a limit keeps the top of the list and still places the reference', () => {
    const v = view(
      { type: 'ranking_table', indicator: 'teleq', period: '2026-03', highlight: KALMAR, references: ['alla-regioner'], limit: 3 },
      ctx,
      'ranking_table',
    );
    expect(v.rows.map((r) => r.area.name)).toEqual(['Region Kalmar län', 'Region Skåne', 'Region Jönköpings län', 'Alla regioner']);
  });
});

describe('data_table', () => {
  it('special transport 2026: "8 trafikföretag · 19 paket · 109 fordon · 120 omlopp"', () => {
    const v = view({ type: 'data_table', dataset: DATASET.id, totals: true }, context([]), 'data_table');
    expect(v.summary).toBe('8 trafikföretag · 19 paket · 109 fordon · 120 omlopp');
    expect(v.columns.map((c) => c.label)).toEqual(['Trafikföretag', 'Paket', 'Fordon', 'Omlopp']);
    expect(v.totals?.map((t) => t.display)).toEqual(['8', '19', '109', '120']);
    expect(v.rows).toHaveLength(8);
    expect(v.rows[1]?.map((c) => c.display)).toEqual(['Växjö Safety Taxi', '5', '30', '36']);
    expect(v.title).toBe('Avtal särskild persontrafik 2026');
    expect(v.source).toBe('Kalmar länstrafik');
  });

  it('shows only the chosen columns, and no totals row unless asked for', () => {
    const v = view({ type: 'data_table', dataset: DATASET.id, columns: ['foretag', 'fordon'] }, context([]), 'data_table');
    expect(v.columns.map((c) => c.key)).toEqual(['foretag', 'fordon']);
    expect(v.totals).toBeNull();
    expect(v.summary).toBe('8 trafikföretag · 109 fordon');
  });

  it('throws for an unknown dataset', () => {
    expect(() => buildBlockView(blockSchema.parse({ type: 'data_table', dataset: 'okand' }), context([]))).toThrow('Okänd datamängd "okand"');
  });
});

describe('statement_table', () => {
  const rows = [
    measurement({ indicatorId: 'intakter', areaId: KALMAR, period: '2026-01..2026-04', value: 1250.4 }),
    measurement({ indicatorId: 'kostnader', areaId: KALMAR, period: '2026-01..2026-04', value: -4812.7 }),
    measurement({ indicatorId: 'avskrivningar', areaId: KALMAR, period: '2026-01..2026-04', value: -143.2 }),
    measurement({ indicatorId: 'intakter', areaId: KALMAR, period: '2025-01..2025-04', value: 1180 }),
    measurement({ indicatorId: 'avskrivningar', areaId: KALMAR, period: '2025-01..2025-04', value: -139.9 }),
    measurement({ indicatorId: 'intakter', areaId: KALMAR, period: '2026', scenario: 'budget', value: 3600 }),
    measurement({ indicatorId: 'kostnader', areaId: KALMAR, period: '2026', scenario: 'budget', value: -14400 }),
    measurement({ indicatorId: 'avskrivningar', areaId: KALMAR, period: '2026', scenario: 'budget', value: -430 }),
  ];
  const block = {
    type: 'statement_table',
    title: 'Resultaträkning',
    area: KALMAR,
    rows: [
      { key: 'intakter', label: 'Verksamhetens intäkter', indicator: 'intakter' },
      { key: 'kostnader', label: 'Verksamhetens kostnader', indicator: 'kostnader' },
      { key: 'avskrivningar', label: 'Avskrivningar', indicator: 'avskrivningar' },
      { key: 'nettokostnader', label: 'Verksamhetens nettokostnader', formula: 'intakter + kostnader + avskrivningar' },
    ],
    columns: [
      { key: 'utfall', label: 'Utfall', period: '2026-01..2026-04' },
      { key: 'utfall_fg', label: 'Utfall fg år', period: '2025-01..2025-04' },
      { key: 'budget', label: 'Budget', period: '2026', scenario: 'budget' },
    ],
  };

  it('computes the formula row per column; a missing input gives "–", not a sum with 0', () => {
    const v = view(block, context(rows), 'statement_table');
    expect(v.issues).toEqual([]);
    expect(v.columns.map((c) => c.periodLabel)).toEqual(['jan–apr 2026', 'jan–apr 2025', '2026']);
    const net = v.rows.find((r) => r.key === 'nettokostnader');
    expect(net?.kind).toBe('formula');
    expect(net?.cells.map((c) => c.value)).toEqual([-3705.5, null, -11230]);
    expect(net?.cells.map((c) => c.display)).toEqual([`${M}3${S}705,5`, '–', `${M}11${S}230,0`]);
    const costs = v.rows.find((r) => r.key === 'kostnader');
    expect(costs?.cells.map((c) => c.display)).toEqual([`${M}4${S}812,7`, '–', `${M}14${S}400,0`]);
    expect(v.unit).toBe('mnkr');
  });

  it('reports an unknown row in a formula as an issue (a block the schema, which refuses it, never saw)', () => {
    const parsed = blockSchema.parse(block);
    if (parsed.type !== 'statement_table') throw new Error('expected a statement table');
    const v = buildBlockView({ ...parsed, rows: [...parsed.rows, { key: 'resultat', label: 'Resultat', formula: 'nettokostnader + skatteintakter' }] }, context(rows));
    if (v.type !== 'statement_table') throw new Error('expected a statement table view');
    expect(v.issues).toEqual([{ rowKey: 'resultat', message: 'Formeln hänvisar till okänd rad "skatteintakter"' }]);
    expect(v.rows.find((r) => r.key === 'resultat')?.cells.map((c) => c.value)).toEqual([null, null, null]);
  });
});

describe('timeline, checklist, risk_list, image and text', () => {
  it('a timeline has a today marker at the meeting date inside its span, and its issues', () => {
    const v = view(
      {
        type: 'timeline',
        title: 'Uppstart av avtal',
        phases: [
          { id: 'p', label: 'Förberedelse', start: '2026-01', end: '2026-12' },
          { id: 'c', label: 'Fordonsbesiktning', start: '2026-11', end: '2027-01', parent: 'p' },
        ],
      },
      context([]),
      'timeline',
    );
    expect(v.span).toEqual({ from: '2026-01-01', to: '2027-01-31' });
    expect(v.today?.date).toBe('2026-05-06');
    expect(v.today?.position).toBeCloseTo(125 / 396, 12);
    expect(v.issues.map((i) => i.id)).toEqual(['c']);
  });

  it('a timeline that does not cover the meeting date has no today marker', () => {
    const v = view({ type: 'timeline', title: 'T', phases: [{ id: 'p', label: 'P', start: '2025-01', end: '2025-06' }] }, context([]), 'timeline');
    expect(v.today).toBeNull();
  });

  it('a checklist counts items per status with Swedish labels', () => {
    const v = view(
      {
        type: 'checklist',
        title: 'Leveranser',
        items: [
          { label: 'Fordon', party: 'Nilsbuss', status: 'klar' },
          { label: 'Fordon', party: 'Bivab', status: 'forsenad' },
          { label: 'Utbildning', party: 'Nilsbuss', status: 'klar' },
        ],
      },
      context([]),
      'checklist',
    );
    expect(v.counts).toEqual({ ej_paborjad: 0, pagar: 0, klar: 2, forsenad: 1 });
    expect(v.items.map((i) => i.statusLabel)).toEqual(['Klar', 'Försenad', 'Klar']);
  });

  it('a checklist names what its dates are: one kind heads the column, mixed kinds name each date', () => {
    const decisions = view(
      {
        type: 'checklist',
        title: 'Beslut i fullmäktige',
        items: [
          { label: 'Investeringsbeslut', party: 'RF', status: 'klar', due: '2028-12', dateKind: 'decision' },
          { label: 'Upphandling', party: 'RS', status: 'pagar', due: '2029-04-18', dateKind: 'decision' },
        ],
      },
      context([]),
      'checklist',
    );
    expect(checklistDates(decisions.items)).toEqual({ heading: 'Beslut', prefixes: ['', ''] });
    expect(checklistTable(decisions).columns.map((c) => c.label)).toEqual(['Leverans', 'Part', 'Status', 'Beslut']);
    expect(checklistTable(decisions).rows.map((r) => r.cells.at(-1))).toEqual(['december 2028', '18 april 2029']);

    const mixed = view(
      {
        type: 'checklist',
        title: 'Tidplan',
        items: [
          { label: 'Beslut om förstudie', party: 'RS', status: 'klar', due: '2026-03-11', dateKind: 'decision' },
          { label: 'Förstudie', party: 'Regionfastigheter', status: 'pagar', due: '2026-10' },
          { label: 'Remiss', party: 'RS', status: 'klar', due: '2026-02-01', dateKind: 'done' },
          { label: 'Utvärdering', party: 'RS', status: 'ej_paborjad' },
        ],
      },
      context([]),
      'checklist',
    );
    expect(mixed.items.map((i) => i.dateKind)).toEqual(['decision', 'deadline', 'done', 'deadline']); // without a kind: a deadline, as before
    expect(checklistTable(mixed).columns.map((c) => c.label).at(-1)).toBe('Datum');
    expect(checklistTable(mixed).rows.map((r) => r.cells.at(-1))).toEqual(['Beslut 11 mars 2026', 'Klart senast oktober 2026', 'Klart 1 februari 2026', '']);
    expect(checklistDates([{ due: null, dateKind: 'decision' }]).heading).toBeNull();
  });

  it('a risk list of category 1 includes 1b but not 10, with scores and bands', () => {
    const v = view({ type: 'risk_list', register: 'ik-2026', category: '1' }, context([]), 'risk_list');
    expect(v.risks.map((r) => [r.id, r.score, r.band?.label, r.categoryLabel])).toEqual([
      ['r1', 12, 'Hantera risk', 'Personal'],
      ['r2', 9, 'Hantera risk', 'Bemanning'],
    ]);
    expect(v.matrix[2]?.[3]).toEqual(['r1']);
    expect(v.title).toBe('Intern kontroll 2026');
  });

  it('an image carries its asset and alt text; text passes through', () => {
    const img = view({ type: 'image', asset: 'karta', alt: 'Karta över paketen' }, context([]), 'image');
    expect(img.asset.fileName).toBe('karta.png');
    expect(img.alt).toBe('Karta över paketen');
    const text = view({ type: 'text', heading: 'Bakgrund', markdown: '- Punkt' }, context([]), 'text');
    expect(text).toEqual({ type: 'text', heading: 'Bakgrund', markdown: '- Punkt' });
  });
});

describe('yearOfPeriod', () => {
  it('is the year a period ends in', () => {
    expect(yearOfPeriod('2026-03')).toBe(2026);
    expect(yearOfPeriod('2025-04..2026-03')).toBe(2026);
    expect(yearOfPeriod('2025-T3')).toBe(2025);
  });
});
