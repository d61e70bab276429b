import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { databaseHealth } from '../../services/queries.js';
import type { AppDependencies } from '../deps.js';

/** The embedded server as its supervisor sees it (db/database.ts): restarted how often, last exit. */
const embeddedStatus = z.object({
  state: z.enum(['running', 'restarting']),
  restarts: z.number().int(),
  lastExit: z.object({ at: z.string(), how: z.string() }).nullable(),
});

export const healthRoutes: FastifyPluginAsyncZod<{ deps: AppDependencies }> = async (app, { deps }) => {
  app.get(
    '/health',
    {
      config: { access: 'public' },
      schema: {
        tags: ['drift'],
        summary: 'Hälsa: svarar servern och databasen?',
        response: {
          200: z.object({ status: z.literal('ok'), database: z.literal('ok'), version: z.string(), migrations: z.number().int(), embedded: embeddedStatus.optional() }),
          503: z.object({ status: z.literal('fel'), database: z.enum(['fel', 'startas om']), message: z.string(), embedded: embeddedStatus.optional() }),
        },
      },
    },
    async (_request, reply) => {
      const embedded = deps.databaseStatus?.() ?? null;
      const extra = embedded ? { embedded } : {};
      if (embedded?.state === 'restarting') {
        const how = embedded.lastExit ? ` (${embedded.lastExit.how}, ${embedded.lastExit.at})` : '';
        return reply.status(503).send({ status: 'fel' as const, database: 'startas om' as const, message: `Den inbyggda databasen avslutades oväntat${how} och startas om.`, ...extra });
      }
      try {
        const { migrations } = await databaseHealth(deps.db);
        return { status: 'ok' as const, database: 'ok' as const, version: deps.version, migrations, ...extra };
      } catch (error) {
        return reply.status(503).send({ status: 'fel' as const, database: 'fel' as const, message: `Databasen svarar inte: ${(error as Error).message}`, ...extra });
      }
    },
  );
};
