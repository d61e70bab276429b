import type { FastifyReply } from 'fastify';
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
  const response = {
    200: z.object({ status: z.literal('ok'), database: z.literal('ok'), version: z.string(), migrations: z.number().int(), embedded: embeddedStatus.optional() }),
    503: z.object({ status: z.literal('fel'), database: z.enum(['fel', 'startas om']), message: z.string(), embedded: embeddedStatus.optional() }),
  };
  /** Ready: the database answers (and the embedded one is not being restarted). */
  const ready = async (reply: FastifyReply) => {
    const embedded = deps.databaseStatus?.() ?? null;
    const extra = embedded ? { embedded } : {};
    if (embedded?.state === 'restarting') {
      const how = embedded.lastExit ? ` (${embedded.lastExit.how}, ${embedded.lastExit.at})` : '';
      return reply.status(503).send({ status: 'fel' as const, database: 'startas om' as const, message: `Den inbyggda databasen avslutades oväntat${how} och startas om.`, ...extra });
    }
    try {
      const { migrations } = await databaseHealth(deps.db);
      return reply.send({ status: 'ok' as const, database: 'ok' as const, version: deps.version, migrations, ...extra });
    } catch (error) {
      return reply.status(503).send({ status: 'fel' as const, database: 'fel' as const, message: `Databasen svarar inte: ${(error as Error).message}`, ...extra });
    }
  };

  app.get('/health', { config: { access: 'public' }, schema: { tags: ['drift'], summary: 'Hälsa: svarar servern och databasen? (samma som /api/ready)', response } }, (_request, reply) => ready(reply));
  app.get(
    '/ready',
    { config: { access: 'public' }, schema: { tags: ['drift'], summary: 'Redo att ta emot förfrågningar: databasen svarar (503 annars, t.ex. medan den inbyggda databasen startas om); för lastbalanserarens kontroll', response } },
    (_request, reply) => ready(reply),
  );
  app.get(
    '/live',
    {
      config: { access: 'public' },
      schema: {
        tags: ['drift'],
        summary: 'Lever processen? Frågar inte databasen: en databas som startas om ska inte få processen omstartad',
        response: { 200: z.object({ status: z.literal('ok'), version: z.string() }) },
      },
    },
    async () => ({ status: 'ok' as const, version: deps.version }),
  );
};
