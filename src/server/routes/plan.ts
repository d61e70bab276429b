import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AREA_KINDS } from '../../domain/area.js';
import { areas, focusAreas, goalLines, people, planPeriod, planPeriods } from '../../services/queries.js';
import type { AppDependencies } from '../deps.js';
import { needs } from '../auth/guard.js';

const goal = z.object({ id: z.string(), planPeriodId: z.string(), goalLineId: z.string(), position: z.number().int(), name: z.string() });
const focusAreaSet = z.object({ year: z.number().int(), lead: z.string(), areas: z.array(z.string()).readonly() });
const planPeriodSchema = z.object({
  id: z.string(),
  startYear: z.number().int(),
  endYear: z.number().int(),
  label: z.string(),
  goals: z.array(goal),
  focusAreas: z.array(focusAreaSet),
});
const area = z.object({
  id: z.string(),
  kind: z.enum(AREA_KINDS),
  name: z.string(),
  shortName: z.string().nullable(),
  koladaId: z.string().nullable(),
  parentId: z.string().nullable(),
  aliases: z.array(z.string()).readonly(),
  memberIds: z.array(z.string()).readonly(),
});

export const planRoutes: FastifyPluginAsyncZod<{ deps: AppDependencies }> = async (app, { deps }) => {
  app.get(
    '/plan-periods',
    { preHandler: needs('read'), schema: { tags: ['plan'], summary: 'Planperioder med övergripande mål och fokusområden', response: { 200: z.array(planPeriodSchema) } } },
    async () => planPeriods(deps.db),
  );

  app.get(
    '/plan-periods/:id',
    { preHandler: needs('read'), schema: { tags: ['plan'], summary: 'En planperiod', params: z.object({ id: z.string().regex(/^\d{4}-\d{4}$/, 'väntat t.ex. 2026-2028') }), response: { 200: planPeriodSchema } } },
    async (request) => planPeriod(deps.db, request.params.id),
  );

  app.get(
    '/goal-lines',
    { preHandler: needs('read'), schema: { tags: ['plan'], summary: 'Mållinjer: ett mål följt över planperioder, med kortnamn', response: { 200: z.array(z.object({ id: z.string(), aliases: z.array(z.string()).readonly() })) } } },
    async () => goalLines(deps.db),
  );

  app.get(
    '/focus-areas',
    { preHandler: needs('read'), schema: { tags: ['plan'], summary: 'Fokusområden per år', response: { 200: z.array(focusAreaSet) } } },
    async () => focusAreas(deps.db),
  );

  app.get(
    '/areas',
    { preHandler: needs('read'), schema: { tags: ['plan'], summary: 'Områden: regionen, förvaltningar, enheter och jämförelseområden', response: { 200: z.array(area) } } },
    async () => areas(deps.db),
  );

  app.get(
    '/people',
    {
      preHandler: needs('read'),
      schema: {
        tags: ['plan'],
        summary: 'Personer med titlar över tid',
        response: {
          200: z.array(
            z.object({
              id: z.string(),
              name: z.string(),
              titles: z.array(z.object({ title: z.string(), roleId: z.string().nullable(), validFrom: z.string(), validTo: z.string().nullable() })).readonly(),
            }),
          ),
        },
      },
    },
    async () => people(deps.db),
  );
};
