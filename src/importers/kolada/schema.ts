import { z } from 'zod';

/**
 * Kolada API v3 responses (https://api.kolada.se/v3), as far as Styrkort reads them. Every list
 * comes in an envelope `{ values, count, next_url, previous_url }`; some answers name the next
 * page `next_page` instead — both are accepted.
 */
const nextLink = z.union([z.string(), z.number()]).nullable().optional();

export const envelope = z.looseObject({
  values: z.array(z.unknown()),
  count: z.number().optional(),
  next_url: nextLink,
  next_page: nextLink,
});
export type Envelope = z.infer<typeof envelope>;

export const kpiSchema = z.looseObject({
  id: z.string(),
  title: z.string(),
  description: z.string().nullable().optional(),
  is_divided_by_gender: z.union([z.boolean(), z.number()]).nullable().optional(),
  municipality_type: z.string().nullable().optional(),
  operating_area: z.string().nullable().optional(),
});
export type KoladaKpi = z.infer<typeof kpiSchema>;

export const municipalitySchema = z.looseObject({
  id: z.string(),
  title: z.string(),
  type: z.string(),
});
export type KoladaMunicipality = z.infer<typeof municipalitySchema>;

export const dataValueSchema = z.looseObject({
  gender: z.string().nullable().optional(),
  count: z.number().nullable().optional(),
  status: z.string().nullable().optional(),
  value: z.number().nullable(),
  isdeleted: z.boolean().nullable().optional(),
});

export const dataRowSchema = z.looseObject({
  kpi: z.string(),
  municipality: z.string(),
  period: z.union([z.number().int(), z.string().regex(/^\d{4}$/)]),
  values: z.array(z.unknown()),
  isdeleted: z.boolean().nullable().optional(),
});
