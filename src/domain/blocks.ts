import { z } from 'zod';
import { isYearMonthOrDate, parsePeriodKey } from './period.js';
import { isStatementColumn, isStatementRow, STATEMENT_DERIVED_KINDS, statementProblems } from './statement.js';
import { timelineDateKey } from './timeline.js';
import { UNITS } from './units.js';

/**
 * Content blocks an information item is made of. Each block references stored data by id —
 * indicators, areas, datasets, risk registers, assets — and never carries a typed figure.
 * Timelines and checklists are plan content (phases, deliverables), held in the block itself.
 */
const id = z.string().min(1, 'får inte vara tom').max(200);
const periodKey = z.string().refine((v) => parsePeriodKey(v) !== null, {
  message: 'ogiltig period (väntat t.ex. 2025, 2025-T1, 2025-Q3, 2025-03, 2026-01..2026-04, 2026-04-30)',
});
const yearMonthOrDate = z.string().refine(isYearMonthOrDate, 'väntat ett datum som finns, ÅÅÅÅ-MM eller ÅÅÅÅ-MM-DD');
/** A timeline's date: a day, month, tertial, quarter, half-year or year, as text or as a key; stored as the key. */
const timelineDate = z.union([z.string(), z.number().int()]).transform((value, ctx) => {
  const key = timelineDateKey(value);
  if (key === null) {
    ctx.addIssue({ code: 'custom', message: 'väntat ett datum eller en period, t.ex. 2029-04-18, dec 2028, T1 2029, kv2 2029, H1 2029 eller 2029' });
    return z.NEVER;
  }
  return key;
});
const scenario = z.enum(['utfall', 'budget', 'prognos']);

/** Shares the slide of the block before it (domain/slideLayout.ts); absent: a slide of its own. */
const onSlide = { withPrevious: z.boolean().optional() };

export const textBlock = z.strictObject({
  type: z.literal('text'),
  ...onSlide,
  heading: z.string().nullable().default(null),
  /** Markdown: paragraphs, bullet lists, **bold**. Rendered as text, never as HTML. */
  markdown: z.string(),
});

export const keyFigureBlock = z.strictObject({
  type: z.literal('key_figure'),
  ...onSlide,
  indicator: id,
  area: id,
  period: periodKey,
  breakdown: z.string().default(''),
  /** Which figure: the outcome (default), the budget, or a forecast made after `asOf`. */
  scenario: scenario.default('utfall'),
  asOf: z.string().default(''),
  /** Earlier period (outcome) to show the change against ("Dec 2024 (30,2) → Mars 2026 (25,3): −4,9 dagar"). */
  compareWith: periodKey.nullable().default(null),
  /** Show the deviation from the budget for the same period ("avviker från budget med −123 mnkr"). */
  compareWithBudget: z.boolean().default(false),
  showTarget: z.boolean().default(true),
  label: z.string().nullable().default(null),
});

export const indicatorChartBlock = z.strictObject({
  type: z.literal('indicator_chart'),
  ...onSlide,
  indicator: id,
  /** The first area is the own area, highlighted; the others are drawn greyed for comparison. */
  areas: z.array(id).min(1),
  from: periodKey.nullable().default(null),
  to: periodKey.nullable().default(null),
  chart: z.enum(['line', 'bar']).default('line'),
  breakdown: z.string().default(''),
  showTarget: z.boolean().default(true),
  title: z.string().nullable().default(null),
});

export const rankingTableBlock = z.strictObject({
  type: z.literal('ranking_table'),
  ...onSlide,
  indicator: id,
  period: periodKey,
  /** `regions`: every region with a value; or a list of area ids. */
  areas: z.union([z.literal('regions'), z.array(id).min(1)]).default('regions'),
  /**
   * Aggregate rows placed among the ranked areas, unranked. An area id, or an area with the label
   * the slide uses for it (area 0000 is "Riket" in one table and "Alla regioner" in another).
   */
  references: z.array(z.union([id, z.strictObject({ area: id, label: z.string().min(1) })])).default([]),
  highlight: id,
  /** Columns besides area and value: the ratio's parts, and other indicators for the same period. */
  showParts: z.boolean().default(false),
  extraIndicators: z.array(id).default([]),
  limit: z.number().int().positive().nullable().default(null),
  title: z.string().nullable().default(null),
});

const statementKey = z.string().regex(/^[a-z0-9_]+$/);

/**
 * A column of stored figures: one period and scenario ("Utfall jan–apr 2026", "Prognos 2026
 * efter april"). It has no `derived`; the field is named only so the columns can be told apart
 * by it, and is not kept.
 */
const statementValueColumn = z
  .strictObject({
    key: statementKey,
    label: z.string(),
    derived: z.undefined().optional(),
    period: periodKey,
    scenario: scenario.default('utfall'),
    asOf: z.string().default(''),
  })
  .transform(({ derived: _derived, ...column }) => column);

/** A column computed from two value columns of the same row: A − B, or (A − B) / |B| × 100. */
const statementDerivedColumn = z.strictObject({
  key: statementKey,
  label: z.string(),
  derived: z.enum(STATEMENT_DERIVED_KINDS),
  of: z.tuple([statementKey, statementKey]),
});

export const statementTableBlock = z
  .strictObject({
    type: z.literal('statement_table'),
    ...onSlide,
    title: z.string(),
    area: id,
    /** One unit for the whole table (mnkr), or null to show each row in its indicator's unit. */
    unit: z.enum(UNITS).nullable().default('mnkr'),
    rows: z
      .array(
        z.union([
          z.strictObject({ key: statementKey, label: z.string(), indicator: id }),
          z.strictObject({ key: statementKey, label: z.string(), formula: z.string() }),
        ]),
      )
      .min(1),
    columns: z
      .array(
        z.discriminatedUnion('derived', [statementValueColumn, statementDerivedColumn], {
          error: (issue) => (issue.code === 'invalid_union' ? 'ska vara difference eller change_percent (eller utelämnas för en kolumn med värden)' : undefined),
        }),
      )
      .min(1),
  })
  // keys, formulas (no unknown rows, no self-reference) and derived columns, each at its field;
  // once every row and column has its shape (a key of the wrong form does not stop the check)
  .superRefine((block, ctx) => {
    const rows: readonly unknown[] = block.rows;
    const columns: readonly unknown[] = block.columns;
    if (!rows.every(isStatementRow) || !columns.every(isStatementColumn)) return;
    for (const problem of statementProblems(rows, columns)) ctx.addIssue({ code: 'custom', path: problem.path, message: problem.message });
  });

export const timelineBlock = z.strictObject({
  type: z.literal('timeline'),
  title: z.string(),
  phases: z
    .array(
      z.strictObject({
        id: z.string(),
        label: z.string(),
        start: timelineDate,
        end: timelineDate,
        parent: z.string().nullable().default(null),
      }),
    )
    .default([]),
  milestones: z.array(z.strictObject({ id: z.string(), label: z.string(), date: timelineDate })).default([]),
  /** Show a "today" marker at the meeting date. */
  todayMarker: z.boolean().default(true),
});

export const CHECKLIST_STATUSES = ['ej_paborjad', 'pagar', 'klar', 'forsenad'] as const;
export const CHECKLIST_STATUS_LABELS: Record<(typeof CHECKLIST_STATUSES)[number], string> = {
  ej_paborjad: 'Ej påbörjad',
  pagar: 'Pågår',
  klar: 'Klar',
  forsenad: 'Försenad',
};

/**
 * Which date a checklist row carries: a deadline ("Klart senast"), the date a decision was or
 * will be taken ("Beslut": the packs list decisions in fullmäktige), or when it was done ("Klart").
 */
export const CHECKLIST_DATE_KINDS = ['deadline', 'decision', 'done'] as const;
export type ChecklistDateKind = (typeof CHECKLIST_DATE_KINDS)[number];
export const CHECKLIST_DATE_LABELS: Record<ChecklistDateKind, string> = {
  deadline: 'Klart senast',
  decision: 'Beslut',
  done: 'Klart',
};

export const checklistBlock = z.strictObject({
  type: z.literal('checklist'),
  ...onSlide,
  title: z.string(),
  items: z
    .array(
      z.strictObject({
        label: z.string(),
        party: z.string(),
        status: z.enum(CHECKLIST_STATUSES),
        group: z.string().nullable().default(null),
        due: yearMonthOrDate.nullable().default(null),
        dateKind: z.enum(CHECKLIST_DATE_KINDS).default('deadline'),
      }),
    )
    .min(1),
});

export const riskListBlock = z.strictObject({
  type: z.literal('risk_list'),
  register: id,
  /** Only this category and its subcategories ("1" includes "1a", "1b"); null = all. */
  category: z.string().nullable().default(null),
  showMatrix: z.boolean().default(true),
  title: z.string().nullable().default(null),
});

export const dataTableBlock = z.strictObject({
  type: z.literal('data_table'),
  ...onSlide,
  dataset: id,
  /** Column keys to show, in order; null = all. */
  columns: z.array(z.string()).nullable().default(null),
  totals: z.boolean().default(false),
  title: z.string().nullable().default(null),
});

export const imageBlock = z.strictObject({
  type: z.literal('image'),
  ...onSlide,
  asset: id,
  alt: z.string().min(1, 'alternativtext krävs'),
  caption: z.string().nullable().default(null),
});

export const blockSchema = z.discriminatedUnion('type', [
  textBlock,
  keyFigureBlock,
  indicatorChartBlock,
  rankingTableBlock,
  statementTableBlock,
  timelineBlock,
  checklistBlock,
  riskListBlock,
  dataTableBlock,
  imageBlock,
]);

export type Block = z.infer<typeof blockSchema>;
export type BlockInput = z.input<typeof blockSchema>;
export type BlockType = Block['type'];
export const BLOCK_TYPES: readonly BlockType[] = [
  'text', 'key_figure', 'indicator_chart', 'ranking_table', 'statement_table',
  'timeline', 'checklist', 'risk_list', 'data_table', 'image',
];

export const BLOCK_TYPE_LABELS: Record<BlockType, string> = {
  text: 'Text',
  key_figure: 'Nyckeltal',
  indicator_chart: 'Diagram',
  ranking_table: 'Rangordning',
  statement_table: 'Resultaträkning',
  timeline: 'Tidslinje',
  checklist: 'Checklista',
  risk_list: 'Risker',
  data_table: 'Tabell',
  image: 'Bild',
};

/** Every indicator a block reads, for reference checks and for tracing a figure to its source. */
export function indicatorsOf(block: Block): string[] {
  switch (block.type) {
    case 'key_figure':
    case 'indicator_chart':
      return [block.indicator];
    case 'ranking_table':
      return [block.indicator, ...block.extraIndicators];
    case 'statement_table':
      return block.rows.flatMap((r) => ('indicator' in r ? [r.indicator] : []));
    case 'text':
    case 'timeline':
    case 'checklist':
    case 'risk_list':
    case 'data_table':
    case 'image':
      return [];
  }
}

export type RankingReference = Extract<Block, { type: 'ranking_table' }>['references'][number];

export function referenceArea(reference: RankingReference): string {
  return typeof reference === 'string' ? reference : reference.area;
}

/** Every area a block reads. */
export function areasOf(block: Block): string[] {
  switch (block.type) {
    case 'key_figure':
      return [block.area];
    case 'indicator_chart':
      return [...block.areas];
    case 'ranking_table':
      return [...(block.areas === 'regions' ? [] : block.areas), ...block.references.map(referenceArea), block.highlight];
    case 'statement_table':
      return [block.area];
    case 'text':
    case 'timeline':
    case 'checklist':
    case 'risk_list':
    case 'data_table':
    case 'image':
      return [];
  }
}
