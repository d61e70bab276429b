/**
 * A small meeting for the deck model's tests, built the way the service builds one: blocks
 * resolved against stored measurements by the domain's own buildBlockView.
 */
import { buildBlockView, type BlockContext, type RiskRegisterData } from '../../src/domain/blockView.js';
import { blockSchema, type BlockInput } from '../../src/domain/blocks.js';
import type { Dataset } from '../../src/domain/dataset.js';
import type { Indicator } from '../../src/domain/indicator.js';
import type { ItemView, MeetingView, PresenterView } from '../../src/domain/meetingView.js';
import type { Goal } from '../../src/domain/plan.js';
import type { Target } from '../../src/domain/target.js';
import { indicator, measurement, measurementMap, OPERATOR_COLUMNS, OPERATORS, regionAreas, teleqMeasurements, type StoredMeasurement } from './fixtures.js';

export const KALMAR = 'region-kalmar-lan';

const INDICATORS: Indicator[] = [
  indicator({ id: 'teleq', name: 'Besvarade samtal samma dag', shortName: 'Samma dag', unit: 'procent', kind: 'ratio', periodType: 'month', source: 'TeleQ' }),
  indicator({ id: 'bup', name: 'Medelväntetid första besök BUP', unit: 'dagar', decimals: 1, kind: 'value', periodType: 'month', direction: 'lower_is_better', source: 'Region Kalmar län' }),
  indicator({ id: 'friskvard', name: 'Andel som nyttjat friskvårdsbidraget', unit: 'procent', kind: 'value', periodType: 'year', source: 'Hälsobokslut' }),
  indicator({ id: 'intakter', unit: 'mnkr', decimals: 0, kind: 'amount', periodType: 'year', source: 'Ekonomi' }),
  indicator({ id: 'kostnader', unit: 'mnkr', decimals: 0, kind: 'amount', periodType: 'year', source: 'Ekonomi' }),
];

const TARGETS: Target[] = [
  { id: 'bup-mal', indicatorId: 'bup', comparator: 'lte', threshold: 30, upper: null, nearMargin: null, validFromYear: 2020, validToYear: null, areaId: null, source: 'national', label: 'Vårdgaranti BUP' },
  { id: 'friskvard-mal', indicatorId: 'friskvard', comparator: 'gte', threshold: 60, upper: null, nearMargin: null, validFromYear: 2020, validToYear: null, areaId: null, source: 'regionplan', label: 'Regionplanens mål' },
];

export const MEASUREMENTS: StoredMeasurement[] = [
  ...teleqMeasurements('teleq', '2026-03'),
  measurement({ indicatorId: 'bup', areaId: KALMAR, period: '2024-12', value: 30.2 }),
  measurement({ indicatorId: 'bup', areaId: KALMAR, period: '2026-03', value: 25.3, preliminary: true }),
  measurement({ indicatorId: 'friskvard', areaId: KALMAR, period: '2021', value: 68 }),
  measurement({ indicatorId: 'friskvard', areaId: KALMAR, period: '2023', value: 79 }),
  measurement({ indicatorId: 'friskvard', areaId: 'region-skane', period: '2021', value: 60 }),
  measurement({ indicatorId: 'friskvard', areaId: 'region-skane', period: '2022', value: 62 }),
  measurement({ indicatorId: 'friskvard', areaId: 'region-skane', period: '2023', value: 65 }),
  measurement({ indicatorId: 'intakter', areaId: KALMAR, period: '2025', value: 1200 }),
  measurement({ indicatorId: 'kostnader', areaId: KALMAR, period: '2025', value: -1500 }),
];

const DATASET: Dataset = {
  id: 'persontransport-2026',
  title: 'Avtal särskild persontrafik 2026',
  source: 'Kalmar länstrafik',
  columns: OPERATOR_COLUMNS,
  rows: OPERATORS.map(([foretag, paket, fordon, omlopp]) => ({ foretag, paket, fordon, omlopp })),
};

const REGISTER: RiskRegisterData = {
  id: 'ik-2026',
  title: 'Internkontrollplan 2026',
  year: 2026,
  risks: [
    { id: 'r1', categoryCode: '1', title: 'Kompetensförsörjning', probability: 3, consequence: 4, reportedScore: null, control: 'Handlingsplan' },
    { id: 'r2', categoryCode: '1', title: 'Bemanning', probability: null, consequence: null, reportedScore: 9, control: null },
    { id: 'r3', categoryCode: '1', title: 'Bisysslor', probability: 1, consequence: 2, reportedScore: null, control: 'Stickprov' },
  ],
};

export function context(): BlockContext {
  return {
    indicators: new Map(INDICATORS.map((i) => [i.id, i])),
    areas: new Map(regionAreas().map((a) => [a.id, a])),
    measurements: measurementMap(MEASUREMENTS),
    targets: new Map(TARGETS.map((t) => [t.indicatorId, [t]])),
    datasets: new Map([[DATASET.id, DATASET]]),
    registers: new Map([[REGISTER.id, REGISTER]]),
    riskCategories: new Map([['1', { code: '1', parentCode: null, label: 'Personal och bemanningsbolag' }]]),
    assets: new Map([['karta', { id: 'karta', fileName: 'karta.png', mediaType: 'image/png' }]]),
    date: '2026-05-06',
  };
}

const GOALS: Goal[] = [
  { id: 'g1', planPeriodId: '2026-2028', goalLineId: 'invanare', position: 1, name: 'Nöjda invånare och samarbetspartners' },
  { id: 'g2', planPeriodId: '2026-2028', goalLineId: 'kvalitet', position: 2, name: 'Sveriges bästa kvalitet, tillgänglighet och säkerhet' },
  { id: 'g3', planPeriodId: '2026-2028', goalLineId: 'ekonomi', position: 3, name: 'En långsiktigt hållbar ekonomi' },
];

export const PRESENTERS: Record<string, PresenterView> = {
  sofia: { personId: 'sofia', name: 'Sofia Hartz', title: 'primärvårdsdirektör' },
  lars: { personId: 'lars', name: 'Lars Mattsson', title: 'ekonomidirektör' },
  mathias: { personId: 'mathias', name: 'Mathias Landerdahl', title: null },
};

let blockId = 1;

export function item(id: string, goalId: string, title: string, presenters: PresenterView[], blocks: BlockInput[], ctx: BlockContext = context()): ItemView {
  return {
    id,
    position: 1,
    title,
    goalId,
    presenters,
    blocks: blocks.map((input, i) => {
      const block = blockSchema.parse(input);
      let view: ItemView['blocks'][number]['view'];
      try {
        view = buildBlockView(block, ctx);
      } catch (error) {
        view = { type: 'error', message: (error as Error).message };
      }
      return { id: blockId++, position: i + 1, block, view };
    }),
  };
}

export function meeting(items: ItemView[]): MeetingView {
  const groups = GOALS.map((goal) => {
    const goalItems = items.filter((i) => i.goalId === goal.id);
    const seen = new Set<string>();
    return { goal, presenters: goalItems.flatMap((i) => i.presenters).filter((p) => !seen.has(p.personId) && seen.add(p.personId)), items: goalItems };
  }).filter((g) => g.items.length > 0);
  return {
    meeting: { id: 'rs-2026-05-06', body: 'Regionstyrelsen', date: '2026-05-06', planPeriodId: '2026-2028', focusYear: 2026, title: 'Informationspunkter', status: 'draft' },
    heading: 'Regionstyrelsen 6 maj 2026',
    planPeriod: { id: '2026-2028', startYear: 2026, endYear: 2028, goals: GOALS },
    focusAreas: { year: 2026, lead: 'Tillsammans', areas: ['möter vi människor där de är', 'driver vi utveckling och förbättring'] },
    groups,
  };
}

/** A meeting with one block of every type, under two goals, and an item without blocks. */
export function everyBlockMeeting(): MeetingView {
  return meeting([
    item('tillganglighet', 'g2', 'Tillgänglighet', [PRESENTERS.sofia as PresenterView], [
      { type: 'text', heading: 'Hälsocentralen', markdown: '- **Vi styr** till rätt vårdnivå\n- Vi *prioriterar* medicinskt' },
      { type: 'ranking_table', indicator: 'teleq', period: '2026-03', references: [{ area: 'alla-regioner', label: 'Alla regioner' }], highlight: KALMAR, showParts: true, title: 'Högst telefontillgänglighet i landet' },
      { type: 'key_figure', indicator: 'bup', area: KALMAR, period: '2026-03', compareWith: '2024-12', label: 'Minskning medelväntetid – första besök' },
      { type: 'indicator_chart', indicator: 'friskvard', areas: [KALMAR, 'region-skane'], chart: 'line', title: 'Friskvårdsbidraget' },
      { type: 'timeline', title: 'Process för RUS', phases: [{ id: 'a', label: 'Förarbete', start: '2025-12', end: '2026-02' }, { id: 'b', label: 'Remisstid', start: '2026-04', end: '2026-09' }], milestones: [{ id: 'm', label: 'Beslut', date: '2026-10' }] },
      { type: 'checklist', title: 'Uppstartsplan', items: [{ label: 'Registrera fordon', party: 'Trafikföretagen', status: 'klar', group: 'System' }, { label: 'Utbilda förare', party: 'Beställaren', status: 'forsenad', group: 'System', due: '2025-09' }] },
      { type: 'image', asset: 'karta', alt: 'Karta över länets hälsocentraler', caption: 'Vi finns i hela länet' },
    ]),
    item('tom', 'g2', 'Digitala kallelser', [PRESENTERS.sofia as PresenterView], []),
    item('ekonomi', 'g3', 'Internkontroll', [PRESENTERS.lars as PresenterView, PRESENTERS.mathias as PresenterView], [
      { type: 'statement_table', title: 'Resultat 2025', area: KALMAR, rows: [{ key: 'in', label: 'Intäkter', indicator: 'intakter' }, { key: 'ut', label: 'Kostnader', indicator: 'kostnader' }, { key: 'netto', label: 'Nettokostnad', formula: 'in + ut' }], columns: [{ key: 'u', label: 'Utfall 2025', period: '2025' }] },
      { type: 'risk_list', register: 'ik-2026', title: 'Personal och bemanningsbolag' },
      { type: 'data_table', dataset: 'persontransport-2026', totals: true },
      { type: 'data_table', dataset: 'finns-inte' },
    ]),
  ]);
}
