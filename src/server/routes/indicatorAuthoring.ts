import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { indicatorCreateInput, indicatorUpdateInput, targetCreateInput, targetUpdateInput } from '../../domain/authoring.js';
import { createIndicator, createTarget, deleteTarget, updateIndicator, updateTarget } from '../../services/authoring/indicators.js';
import { requestActor } from '../auth/actor.js';
import { needs } from '../auth/guard.js';
import type { AppDependencies } from '../deps.js';

/** Analysts' API for indicators and targets; answers the indicator with its targets. */
const tags = ['redigering'];
const id = z.object({ id: z.string().min(1) });

export const indicatorAuthoringRoutes: FastifyPluginAsyncZod<{ deps: AppDependencies }> = async (app, { deps }) => {
  app.post(
    '/indicators',
    { preHandler: needs('edit_indicators'), attachValidation: true, schema: { tags, summary: 'Ny indikator', body: indicatorCreateInput } },
    async (request, reply) => reply.status(201).send(await createIndicator(deps.db, request.body, requestActor(request))),
  );

  app.patch(
    '/indicators/:id',
    { preHandler: needs('edit_indicators'), attachValidation: true, schema: { tags, summary: 'Ändra en indikator (periodtyp och slag ligger fast när utfall finns)', params: id, body: indicatorUpdateInput } },
    async (request) => updateIndicator(deps.db, request.params.id, request.body, requestActor(request)),
  );

  app.post(
    '/indicators/:id/targets',
    { preHandler: needs('edit_indicators'), attachValidation: true, schema: { tags, summary: 'Nytt målvärde för indikatorn', params: id, body: targetCreateInput } },
    async (request, reply) => reply.status(201).send(await createTarget(deps.db, request.params.id, request.body, requestActor(request))),
  );

  app.patch(
    '/targets/:id',
    { preHandler: needs('edit_indicators'), attachValidation: true, schema: { tags, summary: 'Ändra ett målvärde', params: id, body: targetUpdateInput } },
    async (request) => updateTarget(deps.db, request.params.id, request.body, requestActor(request)),
  );

  app.delete(
    '/targets/:id',
    { preHandler: needs('edit_indicators'), schema: { tags, summary: 'Ta bort ett målvärde', params: id } },
    async (request) => deleteTarget(deps.db, request.params.id, requestActor(request)),
  );
};
