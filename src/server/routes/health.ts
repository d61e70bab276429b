import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { databaseHealth } from '../../services/queries.js';
import type { AppDependencies } from '../deps.js';

export const healthRoutes: FastifyPluginAsyncZod<{ deps: AppDependencies }> = async (app, { deps }) => {
  app.get(
    '/health',
    {
      config: { access: 'public' },
      schema: {
        tags: ['drift'],
        summary: 'Hälsa: svarar servern och databasen?',
        response: {
          200: z.object({ status: z.literal('ok'), database: z.literal('ok'), version: z.string(), migrations: z.number().int() }),
          503: z.object({ status: z.literal('fel'), database: z.literal('fel'), message: z.string() }),
        },
      },
    },
    async (_request, reply) => {
      try {
        const { migrations } = await databaseHealth(deps.db);
        return { status: 'ok' as const, database: 'ok' as const, version: deps.version, migrations };
      } catch (error) {
        return reply.status(503).send({ status: 'fel' as const, database: 'fel' as const, message: `Databasen svarar inte: ${(error as Error).message}` });
      }
    },
  );
};
