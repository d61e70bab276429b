import { z } from 'zod';
import { AREA_KINDS } from '../../domain/area.js';
import { blockSchema } from '../../domain/blocks.js';
import { BREAKDOWNS, DIRECTIONS, INDICATOR_KINDS } from '../../domain/indicator.js';
import { MEETING_STATUSES } from '../../domain/meeting.js';
import { SCENARIOS } from '../../domain/measurement.js';
import { PERIOD_TYPES, parsePeriodKey } from '../../domain/period.js';
import { COMPARATORS, TARGET_SOURCES } from '../../domain/target.js';
import { UNITS } from '../../domain/units.js';

/**
 * The catalog file format: reviewable YAML (or JSON) describing a board's plan, organisation,
 * indicators, measurements, datasets, risks and meetings. The demo data in `data/demo/` is
 * written in it; so can any region's own set-up. Field names are snake_case as in the files.
 */
const id = z.string().regex(/^[a-z0-9][a-z0-9._-]*$/, 'id får bara innehålla a–z, 0–9, punkt, bindestreck och understreck');
const isoDate = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'väntat datum ÅÅÅÅ-MM-DD');
/** A period key; a bare year may be written unquoted (`period: 2025`), which YAML reads as a number. */
const periodKey = z
  .union([z.string(), z.number().int()])
  .transform(String)
  .refine((v) => parsePeriodKey(v) !== null, {
    message: 'ogiltig period (väntat t.ex. 2025, 2025-T1, 2025-Q3, 2025-03, 2026-01..2026-04, 2026-04-30)',
  });
const year = z.number().int().min(1900).max(2200);

// organisation.yaml ---------------------------------------------------------------------------

export const areaEntry = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9._-]*$|^\d{4}$/, 'id får bara innehålla a–z, 0–9, punkt, bindestreck och understreck'),
  kind: z.enum(AREA_KINDS),
  name: z.string().min(1),
  short_name: z.string().nullable().default(null),
  kolada_id: z.string().regex(/^\d{4}$/, 'Kolada-id är fyra siffror').nullable().default(null),
  parent: z.string().nullable().default(null),
  aliases: z.array(z.string()).default([]),
  /** Aggregates: the member areas, or `regions` for every area of kind region. */
  members: z.union([z.literal('regions'), z.array(z.string())]).default([]),
});

export const personEntry = z.strictObject({
  id,
  name: z.string().min(1),
  titles: z
    .array(
      z.strictObject({
        title: z.string().min(1),
        role: z.string().nullable().default(null),
        from: isoDate,
        to: isoDate.nullable().default(null),
      }),
    )
    .default([]),
});

export const organisationFile = z.strictObject({
  areas: z.array(areaEntry).default([]),
  people: z.array(personEntry).default([]),
});

// plan.yaml -----------------------------------------------------------------------------------

export const planFile = z.strictObject({
  goal_lines: z.array(z.strictObject({ id, aliases: z.array(z.string()).default([]) })).default([]),
  plan_periods: z
    .array(
      z.strictObject({
        id: z.string().regex(/^\d{4}-\d{4}$/, 'väntat t.ex. 2026-2028'),
        start_year: year,
        end_year: year,
        goals: z.array(z.strictObject({ line: id, name: z.string().min(1) })).min(1),
      }),
    )
    .default([]),
  focus_areas: z
    .array(z.strictObject({ year, lead: z.string().min(1), areas: z.array(z.string().min(1)).min(1) }))
    .default([]),
});

// indicators.yaml -----------------------------------------------------------------------------

export const targetEntry = z.strictObject({
  id,
  comparator: z.enum(COMPARATORS),
  threshold: z.number(),
  upper: z.number().nullable().default(null),
  near_margin: z.number().nonnegative().nullable().default(null),
  from_year: year,
  to_year: year.nullable().default(null),
  area: z.string().nullable().default(null),
  source: z.enum(TARGET_SOURCES),
  label: z.string().min(1),
});

export const indicatorEntry = z.strictObject({
  id,
  name: z.string().min(1),
  short_name: z.string().nullable().default(null),
  description: z.string().nullable().default(null),
  unit: z.enum(UNITS),
  decimals: z.number().int().min(0).max(4),
  direction: z.enum(DIRECTIONS),
  period_type: z.enum(PERIOD_TYPES),
  kind: z.enum(INDICATOR_KINDS),
  breakdown: z.enum(BREAKDOWNS).nullable().default(null),
  derived_from: z.strictObject({ numerator: id, denominator: id }).nullable().default(null),
  source: z.string().min(1),
  kolada_kpi: z.string().nullable().default(null),
  owner_person: z.string().nullable().default(null),
  owner_area: z.string().nullable().default(null),
  goal_lines: z.array(id).default([]),
  targets: z.array(targetEntry).default([]),
});

export const indicatorsFile = z.strictObject({
  indicators: z.array(indicatorEntry).default([]),
});

// measurements/*.yaml -------------------------------------------------------------------------

const measurementValue = z.strictObject({
  period: periodKey,
  area: z.string().optional(),
  breakdown: z.string().optional(),
  value: z.number().nullable().optional(),
  numerator: z.number().nonnegative().nullable().optional(),
  denominator: z.number().nonnegative().nullable().optional(),
  preliminary: z.boolean().optional(),
  comment: z.string().optional(),
});

export const measurementSeries = z.strictObject({
  indicator: z.string().min(1),
  area: z.string().optional(),
  breakdown: z.string().default(''),
  scenario: z.enum(SCENARIOS).default('utfall'),
  as_of: z.string().default(''),
  preliminary: z.boolean().default(false),
  source: z.string().optional(),
  source_ref: z.string().optional(),
  comment: z.string().optional(),
  values: z.array(measurementValue).min(1),
});

export const measurementsFile = z.strictObject({
  /** Default provenance for every series in the file. */
  source: z.string().min(1),
  source_ref: z.string().nullable().default(null),
  series: z.array(measurementSeries).min(1),
});

// datasets.yaml -------------------------------------------------------------------------------

export const datasetEntry = z.strictObject({
  id,
  title: z.string().min(1),
  source: z.string().min(1),
  columns: z
    .array(
      z.strictObject({
        key: z.string().regex(/^[a-z0-9_]+$/),
        label: z.string().min(1),
        type: z.enum(['text', 'number']),
        unit: z.enum(UNITS).nullable().default(null),
        decimals: z.number().int().min(0).max(4).default(0),
        total: z.enum(['sum', 'count']).nullable().default(null),
      }),
    )
    .min(1),
  rows: z.array(z.record(z.string(), z.union([z.string(), z.number(), z.null()]))).min(1),
});

export const datasetsFile = z.strictObject({
  datasets: z.array(datasetEntry).default([]),
});

// risks.yaml ----------------------------------------------------------------------------------

export const risksFile = z.strictObject({
  categories: z
    .array(z.strictObject({ code: z.string().regex(/^\d+[a-z]?$/), parent: z.string().nullable().default(null), label: z.string().min(1) }))
    .default([]),
  registers: z
    .array(
      z.strictObject({
        id,
        title: z.string().min(1),
        year,
        area: z.string().nullable().default(null),
        risks: z
          .array(
            z.strictObject({
              id,
              category: z.string(),
              title: z.string().min(1),
              probability: z.number().int().min(1).max(4).nullable().default(null),
              consequence: z.number().int().min(1).max(4).nullable().default(null),
              reported_score: z.number().int().min(1).max(16).nullable().default(null),
              control: z.string().nullable().default(null),
              owner: z.string().nullable().default(null),
            }),
          )
          .default([]),
      }),
    )
    .default([]),
});

// assets.yaml ---------------------------------------------------------------------------------

export const assetsFile = z.strictObject({
  assets: z
    .array(
      z.strictObject({
        id,
        /** Path relative to the assets file. */
        file: z.string().min(1),
        media_type: z.enum(['image/svg+xml', 'image/png', 'image/jpeg']),
        alt: z.string().min(1),
      }),
    )
    .default([]),
});

// meetings/*.yaml -----------------------------------------------------------------------------

export const meetingFile = z.strictObject({
  id,
  body: z.string().min(1),
  date: isoDate,
  plan_period: z.string(),
  focus_year: year,
  title: z.string().default('Informationspunkter'),
  status: z.enum(MEETING_STATUSES).default('draft'),
  items: z
    .array(
      z.strictObject({
        id,
        /** The goal as the agenda slide writes it; resolved to the plan period's goal (aliases allowed). */
        goal: z.string().min(1),
        title: z.string().min(1),
        presenters: z
          .array(z.strictObject({ person: z.string(), title: z.string().nullable().default(null) }))
          .default([]),
        blocks: z.array(blockSchema).default([]),
      }),
    )
    .default([]),
});

export type OrganisationFile = z.infer<typeof organisationFile>;
export type PlanFile = z.infer<typeof planFile>;
export type IndicatorsFile = z.infer<typeof indicatorsFile>;
export type MeasurementsFile = z.infer<typeof measurementsFile>;
export type DatasetsFile = z.infer<typeof datasetsFile>;
export type RisksFile = z.infer<typeof risksFile>;
export type AssetsFile = z.infer<typeof assetsFile>;
export type MeetingFile = z.infer<typeof meetingFile>;
