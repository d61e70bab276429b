import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { parsePeriodKey } from '../../domain/period.js';
import { indicatorWithTargets } from '../../services/queries.js';
import { indicatorRanking, indicatorSeries, indicatorStatuses } from '../../services/indicatorViews.js';
import type { AppDependencies } from '../deps.js';
import { needs } from '../auth/guard.js';

const periodKey = z.string().refine((v) => parsePeriodKey(v) !== null, 'ogiltig period (t.ex. 2025, 2025-T1, 2025-03, 2026-01..2026-04)');
const idList = z
  .string()
  .transform((v) => v.split(',').map((s) => s.trim()).filter(Boolean))
  .refine((v) => v.length > 0 && v.length <= 50, 'ange 1–50 id:n, kommaseparerade');

/** Views are described at the top level; nested figures follow the domain's BlockView types. */
const indicatorDetail = z.object({
  id: z.string(),
  name: z.string(),
  shortName: z.string().nullable(),
  description: z.string().nullable(),
  unit: z.string(),
  decimals: z.number().int(),
  direction: z.string(),
  periodType: z.string(),
  kind: z.string(),
  breakdown: z.string().nullable(),
  derivation: z.object({ numerator: z.string(), denominator: z.string() }).nullable(),
  source: z.string(),
  koladaKpi: z.string().nullable(),
  ownerPersonId: z.string().nullable(),
  ownerAreaId: z.string().nullable(),
  goalLineIds: z.array(z.string()).readonly(),
  targets: z.array(
    z.object({
      id: z.string(),
      indicatorId: z.string(),
      comparator: z.string(),
      threshold: z.number(),
      upper: z.number().nullable(),
      nearMargin: z.number().nullable(),
      validFromYear: z.number().int(),
      validToYear: z.number().int().nullable(),
      areaId: z.string().nullable(),
      source: z.string(),
      label: z.string(),
    }),
  ),
});
const figure = z.unknown();
const indicatorStatus = z.object({
  indicator: z.object({
    id: z.string(),
    name: z.string(),
    shortName: z.string().nullable(),
    unit: z.string(),
    decimals: z.number().int(),
    direction: z.string(),
    kind: z.string(),
    source: z.string(),
    goalLineIds: z.array(z.string()).readonly(),
    periodType: z.string(),
    koladaKpi: z.string().nullable(),
    description: z.string().nullable(),
  }),
  areaId: z.string(),
  latest: figure,
  previous: figure,
  change: z.unknown(),
  target: z.unknown(),
  status: z.object({ status: z.string(), label: z.string(), icon: z.string() }),
});
const chartView = z.object({ type: z.literal('indicator_chart'), title: z.string(), chart: z.string(), indicator: z.unknown(), periods: z.array(z.object({ key: z.string(), label: z.string() })), series: z.array(z.unknown()), target: z.unknown(), sources: z.array(z.string()), preliminary: z.boolean() });
const rankingView = z.object({ type: z.literal('ranking_table'), title: z.string(), indicator: z.unknown(), period: z.string(), periodLabel: z.string(), showParts: z.boolean(), extraIndicators: z.array(z.unknown()), rows: z.array(z.unknown()), sources: z.array(z.string()), preliminary: z.boolean() });

export const indicatorRoutes: FastifyPluginAsyncZod<{ deps: AppDependencies }> = async (app, { deps }) => {
  app.get(
    '/indicators',
    {
      preHandler: needs('read'),
      schema: {
        tags: ['indikatorer'],
        summary: 'Indikatorer med senaste värde, mål och status för ett område',
        querystring: z.object({
          area: z.string().default('0008'),
          planPeriod: z.string().regex(/^\d{4}-\d{4}$/, 'väntat t.ex. 2026-2028').optional(),
        }),
        response: { 200: z.array(indicatorStatus) },
      },
    },
    async (request) => indicatorStatuses(deps.db, { areaId: request.query.area, planPeriodId: request.query.planPeriod ?? null }),
  );

  app.get(
    '/indicators/:id',
    { preHandler: needs('read'), schema: { tags: ['indikatorer'], summary: 'En indikator med mål', params: z.object({ id: z.string() }), response: { 200: indicatorDetail } } },
    async (request) => indicatorWithTargets(deps.db, request.params.id),
  );

  app.get(
    '/indicators/:id/series',
    {
      preHandler: needs('read'),
      schema: {
        tags: ['indikatorer'],
        summary: 'Serie över perioder för valda områden (första området markeras)',
        params: z.object({ id: z.string() }),
        querystring: z.object({
          areas: idList.default(['0008']),
          from: periodKey.optional(),
          to: periodKey.optional(),
          breakdown: z.string().default(''),
          chart: z.enum(['line', 'bar']).default('line'),
        }),
        response: { 200: chartView },
      },
    },
    async (request) => {
      const q = request.query;
      return indicatorSeries(deps.db, request.params.id, { areaIds: q.areas, from: q.from ?? null, to: q.to ?? null, breakdown: q.breakdown, chart: q.chart });
    },
  );

  app.get(
    '/indicators/:id/ranking',
    {
      preHandler: needs('read'),
      schema: {
        tags: ['indikatorer'],
        summary: 'Rangordning av områden för en period; referensrader (Riket) utan rang',
        params: z.object({ id: z.string() }),
        querystring: z.object({
          period: periodKey,
          areas: z.union([z.literal('regions'), idList]).default('regions'),
          references: idList.optional(),
          highlight: z.string().default('0008'),
        }),
        response: { 200: rankingView },
      },
    },
    async (request) => {
      const q = request.query;
      return indicatorRanking(deps.db, request.params.id, { period: q.period, areaIds: q.areas, references: q.references ?? ['0000'], highlight: q.highlight });
    },
  );
};
