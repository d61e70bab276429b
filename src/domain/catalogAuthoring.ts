import { z } from 'zod';
import { AREA_KINDS } from './area.js';
import { slugId } from './authoring.js';
import { isIsoDate } from './period.js';
import { RISK_SCALE } from './risk.js';

/**
 * What authors send for the catalog's own kinds: people and their titles, areas, plan periods
 * with their goals, goal lines' short names, focus areas, risk categories, registers and risks.
 * Validated here with Swedish messages per field; the services check references against what
 * is stored. (Indicators and targets: domain/authoring.ts; datasets: domain/datasetAuthoring.ts.)
 */
const text = (max: number) => z.string().trim().min(1, 'får inte vara tom').max(max, `får ha högst ${max} tecken`);
const optionalText = (max: number) => z.string().trim().max(max, `får ha högst ${max} tecken`).nullable().transform((v) => (v === '' ? null : v));
const isoDate = z.string().refine(isIsoDate, 'ska vara ett datum som finns, ÅÅÅÅ-MM-DD');
const year = z.number().int('ska vara ett heltal').min(1900, 'ska vara ett årtal').max(2200, 'ska vara ett årtal');
const shortNames = z.array(text(200)).max(20, 'högst 20 kortnamn');

// people -------------------------------------------------------------------------------------

type Dated = { validFrom?: string; validTo?: string | null };
function datedRule(t: Dated, ctx: z.RefinementCtx): void {
  if (t.validFrom !== undefined && t.validTo !== undefined && t.validTo !== null && t.validTo < t.validFrom) {
    ctx.addIssue({ code: 'custom', path: ['validTo'], message: 'får inte vara före första giltiga dag' });
  }
}

const titleFields = {
  title: text(200),
  /** The role the title is a wording of ("primarvardsdirektor"), so the holder can be found on a date. */
  roleId: slugId.nullable().default(null),
  validFrom: isoDate,
  validTo: isoDate.nullable().default(null),
};

export const personTitleInput = z.strictObject(titleFields).superRefine(datedRule);
export type PersonTitleInput = z.infer<typeof personTitleInput>;

export const personTitleUpdateInput = z
  .strictObject({
    title: titleFields.title.optional(),
    roleId: slugId.nullable().optional(),
    validFrom: isoDate.optional(),
    validTo: isoDate.nullable().optional(),
  })
  .superRefine(datedRule);

/** Checks a title after an update is merged into what is stored. */
export const personTitleShape = z.object({ validFrom: z.string(), validTo: z.string().nullable() }).superRefine(datedRule);

export const personCreateInput = z.strictObject({
  id: slugId.nullable().default(null),
  name: text(200),
  titles: z.array(personTitleInput).max(20, 'högst 20 titlar').default([]),
});
export type PersonCreateInput = z.infer<typeof personCreateInput>;

export const personUpdateInput = z.strictObject({ name: text(200).optional() });

// areas --------------------------------------------------------------------------------------

const areaFields = {
  kind: z.enum(AREA_KINDS),
  name: text(200),
  shortName: optionalText(100).default(null),
  koladaId: z.string().regex(/^\d{4}$/, 'Kolada-id är fyra siffror, t.ex. 0008').nullable().default(null),
  parentId: slugId.nullable().default(null),
  aliases: shortNames.default([]),
  /** For aggregates (Riket, a sjukvårdsregion): the areas whose values sum to this one. */
  memberIds: z.array(z.string().min(1)).max(400, 'högst 400 medlemmar').default([]),
};

export const areaCreateInput = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9._-]{0,99}$|^\d{4}$/, 'får bara innehålla a–z, 0–9, punkt, bindestreck och understreck').nullable().default(null),
  ...areaFields,
});
export type AreaCreateInput = z.infer<typeof areaCreateInput>;

export const areaUpdateInput = z.strictObject({
  kind: areaFields.kind.optional(),
  name: areaFields.name.optional(),
  shortName: optionalText(100).optional(),
  koladaId: z.string().regex(/^\d{4}$/, 'Kolada-id är fyra siffror, t.ex. 0008').nullable().optional(),
  parentId: slugId.nullable().optional(),
  aliases: shortNames.optional(),
  memberIds: z.array(z.string().min(1)).max(400, 'högst 400 medlemmar').optional(),
});
export type AreaUpdateInput = z.infer<typeof areaUpdateInput>;

// plan ---------------------------------------------------------------------------------------

/** A goal of a plan period, in order: on an existing line (a renamed goal keeps its line) or a new one. */
const goalInput = z.strictObject({
  lineId: slugId.nullable().default(null),
  name: text(300),
});
export type GoalInput = z.infer<typeof goalInput>;

const goalList = z.array(goalInput).min(1, 'minst ett övergripande mål').max(12, 'högst 12 övergripande mål');

export const planPeriodCreateInput = z
  .strictObject({ startYear: year, endYear: year, goals: goalList })
  .superRefine((p, ctx) => {
    if (p.endYear < p.startYear) ctx.addIssue({ code: 'custom', path: ['endYear'], message: 'får inte vara före startåret' });
    else if (p.endYear - p.startYear > 9) ctx.addIssue({ code: 'custom', path: ['endYear'], message: 'en planperiod är högst tio år' });
  });
export type PlanPeriodCreateInput = z.infer<typeof planPeriodCreateInput>;

export const planPeriodUpdateInput = z.strictObject({ goals: goalList });
export type PlanPeriodUpdateInput = z.infer<typeof planPeriodUpdateInput>;

export const goalLineUpdateInput = z.strictObject({ aliases: shortNames });

export const focusAreaSetInput = z.strictObject({
  /** "Tillsammans" */
  lead: text(100),
  areas: z.array(text(300)).min(1, 'minst ett fokusområde').max(12, 'högst 12 fokusområden'),
});

// risks --------------------------------------------------------------------------------------

export const riskCategoryInput = z.strictObject({
  code: z.string().regex(/^\d+[a-z]?$/, 'kod som 1, 2 eller 1b'),
  parentCode: z.string().regex(/^\d+[a-z]?$/, 'kod som 1, 2 eller 1b').nullable().default(null),
  label: text(200),
});
export const riskCategoryUpdateInput = z.strictObject({
  parentCode: z.string().regex(/^\d+[a-z]?$/, 'kod som 1, 2 eller 1b').nullable().optional(),
  label: text(200).optional(),
});

export const riskRegisterCreateInput = z.strictObject({
  id: slugId.nullable().default(null),
  title: text(300),
  year,
  areaId: z.string().min(1).nullable().default(null),
});
export type RiskRegisterCreateInput = z.infer<typeof riskRegisterCreateInput>;

export const riskRegisterUpdateInput = z.strictObject({
  title: text(300).optional(),
  year: year.optional(),
  areaId: z.string().min(1).nullable().optional(),
});

const scale = z.number().int('ska vara ett heltal').min(1, `ska vara 1–${RISK_SCALE}`).max(RISK_SCALE, `ska vara 1–${RISK_SCALE}`);

type RiskShape = { probability?: number | null; consequence?: number | null; reportedScore?: number | null };
function riskRules(r: RiskShape, ctx: z.RefinementCtx): void {
  if (r.probability === undefined || r.consequence === undefined) return;
  if ((r.probability === null) !== (r.consequence === null)) {
    ctx.addIssue({ code: 'custom', path: [r.probability === null ? 'probability' : 'consequence'], message: 'sannolikhet och konsekvens anges båda eller ingen av dem' });
  } else if (r.probability === null && (r.reportedScore ?? null) === null) {
    ctx.addIssue({ code: 'custom', path: ['reportedScore'], message: 'ange sannolikhet och konsekvens, eller det rapporterade riskvärdet' });
  }
}

const riskFields = {
  categoryCode: z.string().regex(/^\d+[a-z]?$/, 'kod som 1, 2 eller 1b'),
  title: text(500),
  probability: scale.nullable().default(null),
  consequence: scale.nullable().default(null),
  /** Only where probability and consequence are not known: the score as reported. */
  reportedScore: z.number().int('ska vara ett heltal').min(1, 'ska vara 1–16').max(RISK_SCALE * RISK_SCALE, 'ska vara 1–16').nullable().default(null),
  /** Planned control or action. */
  control: optionalText(2000).default(null),
  owner: optionalText(200).default(null),
};

export const riskCreateInput = z.strictObject({ id: slugId.nullable().default(null), ...riskFields }).superRefine(riskRules);
export type RiskCreateInput = z.infer<typeof riskCreateInput>;

export const riskUpdateInput = z
  .strictObject({
    categoryCode: riskFields.categoryCode.optional(),
    title: riskFields.title.optional(),
    probability: scale.nullable().optional(),
    consequence: scale.nullable().optional(),
    reportedScore: z.number().int('ska vara ett heltal').min(1, 'ska vara 1–16').max(RISK_SCALE * RISK_SCALE, 'ska vara 1–16').nullable().optional(),
    control: optionalText(2000).optional(),
    owner: optionalText(200).optional(),
    /** 1-based place in the register. */
    position: z.number().int('ska vara ett heltal').min(1, 'ska vara minst 1').optional(),
  })
  .superRefine(riskRules);

/** Checks a risk after an update is merged into what is stored. */
export const riskShape = z.object({ probability: z.number().nullable(), consequence: z.number().nullable(), reportedScore: z.number().nullable() }).superRefine(riskRules);
