import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { search } from '../../services/search.js';
import type { AppDependencies } from '../deps.js';
import { needs } from '../auth/guard.js';
import { visibleMeetings } from '../auth/meetings.js';

export const searchRoutes: FastifyPluginAsyncZod<{ deps: AppDependencies }> = async (app, { deps }) => {
  app.get(
    '/search',
    {
      preHandler: needs('read'),
      schema: {
        tags: ['plan'],
        summary: 'Sök indikatorer, personer och områden på namn (skiftläge, skiljetecken och accenter spelar ingen roll; minst två tecken) och informationspunkter på vad de säger (fulltextsökning på svenska i rubriker och blockens innehåll, med utdraget som träffar), i sammanträden du får se',
        querystring: z.object({ q: z.string().max(200, 'högst 200 tecken').default('') }),
        response: {
          200: z.object({
            query: z.string(),
            indicators: z.array(z.object({ id: z.string(), name: z.string(), shortName: z.string().nullable(), source: z.string(), unit: z.string() })),
            items: z.array(
              z.object({
                id: z.string(),
                title: z.string(),
                meeting: z.object({ id: z.string(), heading: z.string(), date: z.string() }),
                goalName: z.string(),
                fragment: z.array(z.object({ text: z.string(), match: z.boolean() })).nullable(),
              }),
            ),
            areas: z.array(z.object({ id: z.string(), name: z.string(), kind: z.string() })),
            people: z.array(
              z.object({
                id: z.string(),
                name: z.string(),
                title: z.string().nullable(),
                items: z.array(z.object({ id: z.string(), title: z.string(), meetingId: z.string(), meetingHeading: z.string() })),
              }),
            ),
          }),
        },
      },
    },
    async (request) => search(deps.db, request.query.q, new Date().toISOString().slice(0, 10), visibleMeetings(request)),
  );
};
