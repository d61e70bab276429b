import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { MEETING_STATUSES } from '../../domain/meeting.js';
import { meetings } from '../../services/queries.js';
import { meetingView } from '../../services/meetingView.js';
import type { AppDependencies } from '../deps.js';
import { needs } from '../auth/guard.js';
import { meetingGate, visibleMeetings } from '../auth/meetings.js';
import { readsPublishedOnly } from '../auth/published.js';
import { readerMeetings, readerMeetingView } from '../../services/publishing.js';

const meeting = z.object({
  id: z.string(),
  body: z.string(),
  date: z.string(),
  planPeriodId: z.string(),
  focusYear: z.number().int(),
  title: z.string(),
  status: z.enum(MEETING_STATUSES),
});

const presenter = z.object({ personId: z.string(), name: z.string(), title: z.string().nullable() });
const goal = z.object({ id: z.string(), planPeriodId: z.string(), goalLineId: z.string(), position: z.number().int(), name: z.string() });
const meetingViewSchema = z.object({
  meeting,
  heading: z.string(),
  planPeriod: z.object({ id: z.string(), startYear: z.number().int(), endYear: z.number().int(), goals: z.array(goal) }),
  focusAreas: z.object({ year: z.number().int(), lead: z.string(), areas: z.array(z.string()).readonly() }).nullable(),
  groups: z.array(
    z.object({
      goal,
      presenters: z.array(presenter),
      items: z.array(
        z.object({
          id: z.string(),
          position: z.number().int(),
          title: z.string(),
          goalId: z.string(),
          presenters: z.array(presenter),
          /** `block` is the stored block; `view` its figures resolved (the domain's BlockView). */
          blocks: z.array(z.object({ id: z.number().int(), position: z.number().int(), block: z.unknown(), view: z.unknown() })),
        }),
      ),
    }),
  ),
});

export const meetingRoutes: FastifyPluginAsyncZod<{ deps: AppDependencies }> = async (app, { deps }) => {
  app.get(
    '/meetings',
    { preHandler: needs('read'), schema: { tags: ['sammanträden'], summary: 'Sammanträden, senaste först', response: { 200: z.array(meeting) } } },
    async (request) => (readsPublishedOnly(request) ? readerMeetings(deps.db) : meetings(deps.db, visibleMeetings(request))),
  );

  app.get(
    '/meetings/:id',
    {
      preHandler: needs('read'),
      schema: {
        tags: ['sammanträden'],
        summary: 'Ett sammanträde (id eller datum) med dagordning per mål och blockens data beräknade ur lagrade utfall',
        params: z.object({ id: z.string() }),
        response: { 200: meetingViewSchema },
      },
    },
    async (request) => (readsPublishedOnly(request) ? readerMeetingView(deps.db, request.params.id) : meetingView(deps.db, request.params.id, meetingGate(request))),
  );
};
