import { z } from 'zod';
import { BREAKDOWNS, DIRECTIONS, INDICATOR_KINDS } from './indicator.js';
import { isIsoDate, PERIOD_TYPES } from './period.js';
import { COMPARATORS, TARGET_SOURCES } from './target.js';
import { UNITS } from './units.js';

/**
 * What authors send: meetings, agenda items, presenters, indicators and targets. Validated with
 * these schemas (domain/validation.ts turns failures into Swedish messages per field); the
 * services then check references against what is stored.
 */
const text = (max: number) => z.string().trim().min(1, 'får inte vara tom').max(max, `får ha högst ${max} tecken`);
const optionalText = (max: number) => z.string().trim().max(max, `får ha högst ${max} tecken`).nullable();
export const slugId = z.string().regex(/^[a-z0-9][a-z0-9._-]{0,99}$/, 'får bara innehålla a–z, 0–9, punkt, bindestreck och understreck (högst 100 tecken)');
const isoDate = z.string().refine(isIsoDate, 'ska vara ett datum som finns, ÅÅÅÅ-MM-DD');
const year = z.number().int('ska vara ett heltal').min(1900, 'ska vara ett årtal').max(2200, 'ska vara ett årtal');

export const presenterInput = z.strictObject({
  personId: text(200),
  /** The title as the agenda prints it, when it differs from the person's title at the date. */
  titleOverride: optionalText(200).default(null),
});
export type PresenterInput = z.infer<typeof presenterInput>;

export const meetingCreateInput = z.strictObject({
  id: slugId.nullable().default(null),
  body: text(200),
  date: isoDate,
  planPeriodId: text(20),
  focusYear: year,
  title: text(200).default('Informationspunkter'),
  /** Copy the structure (items under goals, presenters, blocks) of a meeting: `previous` = the
   * latest earlier meeting of the same body. */
  copyFrom: z.union([z.literal('previous'), slugId]).nullable().default(null),
});
export type MeetingCreateInput = z.infer<typeof meetingCreateInput>;

export const meetingUpdateInput = z.strictObject({
  body: text(200).optional(),
  date: isoDate.optional(),
  planPeriodId: text(20).optional(),
  focusYear: year.optional(),
  title: text(200).optional(),
});
export type MeetingUpdateInput = z.infer<typeof meetingUpdateInput>;

export const itemCreateInput = z.strictObject({
  goalId: text(200),
  title: text(300),
  presenters: z.array(presenterInput).max(10, 'högst 10 föredragande').default([]),
});
export type ItemCreateInput = z.infer<typeof itemCreateInput>;

export const itemUpdateInput = z.strictObject({
  title: text(300).optional(),
  /** The presenter says the item is ready; the secretary sees it. */
  ready: z.boolean().optional(),
  /** The item's version the change was made from (AuthoringItem.version). */
  version: z.string().max(64).optional(),
});
export type ItemUpdateInput = z.infer<typeof itemUpdateInput>;

export const agendaOrderInput = z.strictObject({
  /** Every item of the meeting, in agenda order, each under its goal. */
  items: z.array(z.strictObject({ id: text(200), goalId: text(200) })),
});
export type AgendaOrderInput = z.infer<typeof agendaOrderInput>;

export const presentersInput = z.strictObject({ presenters: z.array(presenterInput).max(10, 'högst 10 föredragande') });

const indicatorFields = {
  name: text(300),
  shortName: optionalText(100).default(null),
  description: optionalText(4000).default(null),
  unit: z.enum(UNITS),
  decimals: z.number().int('ska vara ett heltal').min(0, 'ska vara 0–4').max(4, 'ska vara 0–4'),
  direction: z.enum(DIRECTIONS),
  periodType: z.enum(PERIOD_TYPES),
  kind: z.enum(INDICATOR_KINDS),
  breakdown: z.enum(BREAKDOWNS).nullable().default(null),
  derivation: z.strictObject({ numerator: slugId, denominator: slugId }).nullable().default(null),
  source: text(300),
  koladaKpi: z.string().regex(/^[A-Z][0-9A-Z]{2,15}$/, 'ska vara ett Kolada-id som N79179').nullable().default(null),
  ownerPersonId: z.string().min(1).nullable().default(null),
  ownerAreaId: z.string().min(1).nullable().default(null),
  goalLineIds: z.array(slugId).default([]),
};

export const indicatorCreateInput = z.strictObject({ id: slugId, ...indicatorFields });
export type IndicatorCreateInput = z.infer<typeof indicatorCreateInput>;

export const indicatorUpdateInput = z.strictObject({
  name: indicatorFields.name.optional(),
  shortName: optionalText(100).optional(),
  description: optionalText(4000).optional(),
  unit: indicatorFields.unit.optional(),
  decimals: indicatorFields.decimals.optional(),
  direction: indicatorFields.direction.optional(),
  periodType: indicatorFields.periodType.optional(),
  kind: indicatorFields.kind.optional(),
  breakdown: z.enum(BREAKDOWNS).nullable().optional(),
  derivation: z.strictObject({ numerator: slugId, denominator: slugId }).nullable().optional(),
  source: indicatorFields.source.optional(),
  koladaKpi: z.string().regex(/^[A-Z][0-9A-Z]{2,15}$/, 'ska vara ett Kolada-id som N79179').nullable().optional(),
  ownerPersonId: z.string().min(1).nullable().optional(),
  ownerAreaId: z.string().min(1).nullable().optional(),
  goalLineIds: z.array(slugId).optional(),
});
export type IndicatorUpdateInput = z.infer<typeof indicatorUpdateInput>;

const targetFields = {
  comparator: z.enum(COMPARATORS),
  threshold: z.number({ error: 'ska vara ett tal' }),
  upper: z.number({ error: 'ska vara ett tal' }).nullable().default(null),
  nearMargin: z.number({ error: 'ska vara ett tal' }).nonnegative('får inte vara negativ').nullable().default(null),
  validFromYear: year,
  validToYear: year.nullable().default(null),
  areaId: z.string().min(1).nullable().default(null),
  source: z.enum(TARGET_SOURCES),
  label: text(300),
};

type TargetShape = { comparator: string; upper: number | null; validFromYear: number; validToYear: number | null };

/** Rules across fields, with the field they belong to. */
function targetRules<T extends Partial<TargetShape>>(t: T, ctx: z.RefinementCtx): void {
  if (t.comparator !== undefined && t.upper !== undefined) {
    if (t.comparator === 'between' && t.upper === null) ctx.addIssue({ code: 'custom', path: ['upper'], message: 'krävs när jämförelsen är "mellan"' });
    if (t.comparator !== 'between' && t.upper !== null) ctx.addIssue({ code: 'custom', path: ['upper'], message: 'anges bara när jämförelsen är "mellan"' });
  }
  if (t.validFromYear !== undefined && t.validToYear !== undefined && t.validToYear !== null && t.validToYear < t.validFromYear) {
    ctx.addIssue({ code: 'custom', path: ['validToYear'], message: 'får inte vara före första giltiga år' });
  }
}

export const targetCreateInput = z.strictObject({ id: slugId.nullable().default(null), ...targetFields }).superRefine(targetRules);
export type TargetCreateInput = z.infer<typeof targetCreateInput>;

export const targetUpdateInput = z
  .strictObject({
    comparator: targetFields.comparator.optional(),
    threshold: z.number({ error: 'ska vara ett tal' }).optional(),
    upper: z.number({ error: 'ska vara ett tal' }).nullable().optional(),
    nearMargin: z.number({ error: 'ska vara ett tal' }).nonnegative('får inte vara negativ').nullable().optional(),
    validFromYear: year.optional(),
    validToYear: year.nullable().optional(),
    areaId: z.string().min(1).nullable().optional(),
    source: targetFields.source.optional(),
    label: text(300).optional(),
  });
export type TargetUpdateInput = z.infer<typeof targetUpdateInput>;

/** Checks a target after an update is merged into what is stored. */
export const targetShape = z.object({ comparator: z.string(), upper: z.number().nullable(), validFromYear: z.number(), validToYear: z.number().nullable() }).superRefine(targetRules);

/**
 * A readable id from a name: "Regionstyrelsen" → "regionstyrelsen", "Vård & omsorg" →
 * "vard-omsorg"; `fallback` when nothing of the name is left.
 */
export function slugify(text: string, fallback = 'punkt'): string {
  const s = text
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/g, '');
  return s === '' ? fallback : s;
}

/** The first id of `base`, `base-2`, `base-3` … that is not taken. */
export function uniqueId(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}
