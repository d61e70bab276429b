import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { indicatorFacets, valueTable } from '../../services/indicatorTable.js';
import { valueDownload } from '../../services/valueDownload.js';
import type { AppDependencies } from '../deps.js';
import { needs } from '../auth/guard.js';
import { visibleMeetings } from '../auth/meetings.js';

const idList = z
  .string()
  .transform((v) => v.split(',').map((s) => s.trim()).filter(Boolean))
  .refine((v) => v.length > 0 && v.length <= 50, 'ange 1–50 id:n, kommaseparerade');
const tableQuery = z.object({ areas: idList.default(['0008']), breakdown: z.string().max(50).default('') });
const meetingRef = z.object({ id: z.string(), date: z.string(), heading: z.string(), planPeriodId: z.string(), status: z.string() });

export const indicatorValueRoutes: FastifyPluginAsyncZod<{ deps: AppDependencies }> = async (app, { deps }) => {
  app.get(
    '/indicators/:id/facets',
    {
      preHandler: needs('read'),
      schema: {
        tags: ['indikatorer'],
        summary: 'Vad en indikator har: perioder (med antal områden och regioner), uppdelningar, områden med värden och sammanträden som visat den',
        params: z.object({ id: z.string() }),
        response: {
          200: z.object({
            periods: z.array(z.object({ key: z.string(), label: z.string(), areas: z.number().int(), regions: z.number().int() })),
            breakdowns: z.array(z.object({ value: z.string(), label: z.string() })),
            areaIds: z.array(z.string()),
            meetings: z.array(z.object({ meeting: meetingRef, itemId: z.string(), itemTitle: z.string() })),
          }),
        },
      },
    },
    async (request) => indicatorFacets(deps.db, request.params.id, visibleMeetings(request)),
  );

  app.get(
    '/indicators/:id/values',
    {
      preHandler: needs('read'),
      schema: {
        tags: ['indikatorer'],
        summary: 'Indikatorns värden som tabell, nyast först, med källa och ursprung (inläsning, källreferens, vem och när) för varje värde',
        params: z.object({ id: z.string() }),
        querystring: tableQuery,
        response: { 200: z.object({ indicator: z.unknown(), breakdown: z.string(), breakdownLabel: z.string(), rows: z.array(z.unknown()) }) },
      },
    },
    async (request) => valueTable(deps.db, request.params.id, { areaIds: request.query.areas, breakdown: request.query.breakdown }),
  );

  for (const format of ['csv', 'xlsx'] as const) {
    app.get(
      `/indicators/:id/values.${format}`,
      {
        preHandler: needs('read'),
        schema: {
          tags: ['indikatorer'],
          summary: `Indikatorns värden med ursprung som ${format.toUpperCase()}-fil (textceller skyddade mot att läsas som formler)`,
          params: z.object({ id: z.string() }),
          querystring: tableQuery,
        },
      },
      async (request, reply) => {
        const file = await valueDownload(deps.db, request.params.id, { areaIds: request.query.areas, breakdown: request.query.breakdown, format });
        return reply
          .header('content-type', file.mediaType)
          .header('content-disposition', `attachment; filename="${file.fileName}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
          .header('x-content-type-options', 'nosniff')
          .send(file.body);
      },
    );
  }
};
