import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { coverage, goalDetail } from '../../services/goals.js';
import type { AppDependencies } from '../deps.js';
import { needs } from '../auth/guard.js';
import { visibleMeetings } from '../auth/meetings.js';

const goal = z.object({ id: z.string(), planPeriodId: z.string(), goalLineId: z.string(), position: z.number().int(), name: z.string() });
const meetingRef = z.object({ id: z.string(), date: z.string(), heading: z.string(), planPeriodId: z.string(), status: z.string() });
const presenter = z.object({ personId: z.string(), name: z.string(), title: z.string().nullable() });

export const goalRoutes: FastifyPluginAsyncZod<{ deps: AppDependencies }> = async (app, { deps }) => {
  app.get(
    '/goals/:id',
    {
      preHandler: needs('read'),
      schema: {
        tags: ['plan'],
        summary: 'Ett mål med dess namn i varje planperiod och informationspunkterna som tagit upp det i alla sammanträden',
        params: z.object({ id: z.string() }),
        response: {
          200: z.object({
            goal,
            planPeriod: z.object({ id: z.string(), label: z.string() }),
            goalLine: z.object({ id: z.string(), aliases: z.array(z.string()).readonly() }),
            names: z.array(z.object({ planPeriodId: z.string(), goalId: z.string(), name: z.string() })),
            items: z.array(z.object({ meeting: meetingRef, goal, item: z.object({ id: z.string(), title: z.string(), presenters: z.array(presenter) }) })),
          }),
        },
      },
    },
    async (request) => goalDetail(deps.db, request.params.id, visibleMeetings(request)),
  );

  app.get(
    '/coverage',
    {
      preHandler: needs('read'),
      schema: {
        tags: ['sammanträden'],
        summary: 'Per sammanträde: antal informationspunkter per mål, och målen som ingen punkt tog upp',
        querystring: z.object({ planPeriod: z.string().regex(/^\d{4}-\d{4}$/, 'väntat t.ex. 2026-2028').optional() }),
        response: { 200: z.array(z.object({ meeting: meetingRef, goals: z.array(z.object({ goal, items: z.number().int() })), unaddressed: z.array(goal) })) },
      },
    },
    async (request) => coverage(deps.db, { planPeriodId: request.query.planPeriod ?? null, visible: visibleMeetings(request) }),
  );
};
