import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { STATUSES } from '../../domain/status.js';
import { scorecard } from '../../services/scorecard.js';
import type { AppDependencies } from '../deps.js';
import { needs } from '../auth/guard.js';

const counts = z.object(Object.fromEntries(STATUSES.map((s) => [s, z.number().int()])) as Record<(typeof STATUSES)[number], z.ZodNumber>);
const goal = z.object({ id: z.string(), planPeriodId: z.string(), goalLineId: z.string(), position: z.number().int(), name: z.string() });
/** Entries follow the domain's ScorecardEntry (IndicatorStatus + sparkline). */
const scorecardSchema = z.object({
  planPeriod: z.object({ id: z.string(), label: z.string(), startYear: z.number().int(), endYear: z.number().int() }),
  area: z.object({ id: z.string(), name: z.string(), shortName: z.string().nullable(), kind: z.string() }),
  counts,
  goals: z.array(z.object({ goal, counts, indicators: z.array(z.unknown()) })),
});

export const scorecardRoutes: FastifyPluginAsyncZod<{ deps: AppDependencies }> = async (app, { deps }) => {
  app.get(
    '/scorecard',
    {
      preHandler: needs('read'),
      schema: {
        tags: ['indikatorer'],
        summary: 'Styrkortet: planperiodens mål med indikatorernas senaste värde, mål, status, förändring och trend för ett område, och antal per status',
        querystring: z.object({
          planPeriod: z.string().regex(/^\d{4}-\d{4}$/, 'väntat t.ex. 2026-2028'),
          area: z.string().min(1).default('0008'),
        }),
        response: { 200: scorecardSchema },
      },
    },
    async (request) => scorecard(deps.db, { planPeriodId: request.query.planPeriod, areaId: request.query.area }),
  );
};
