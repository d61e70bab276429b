import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { agendaOrderInput, itemCreateInput, meetingCreateInput, meetingUpdateInput, presentersInput } from '../../domain/authoring.js';
import { addItem, authoringMeeting, createMeeting, deleteItem, deleteMeeting, orderItems, setPresenters, updateMeeting } from '../../services/authoring/meetings.js';
import { requestActor } from '../auth/actor.js';
import { needs, requireUser } from '../auth/guard.js';
import type { AppDependencies } from '../deps.js';

/**
 * The secretary's authoring API: meetings, their agenda (items under goals, order, presenters).
 * Bodies are checked by the services (Swedish messages per field: `details[].where`); the schemas
 * here document them. A meeting the caller may not see is 404; a published one is 409.
 */
const id = z.object({ id: z.string().min(1) });
const tags = ['redigering'];

export const meetingAuthoringRoutes: FastifyPluginAsyncZod<{ deps: AppDependencies }> = async (app, { deps }) => {
  app.get(
    '/meetings/:id/authoring',
    { preHandler: needs('read_drafts'), schema: { tags, summary: 'Ett sammanträde att redigera: punkter med föredragande, block, klar-markering och om du får ändra dem; versioner', params: id } },
    async (request) => authoringMeeting(deps.db, requireUser(request), request.params.id),
  );

  app.post(
    '/meetings',
    { preHandler: needs('edit_meetings'), attachValidation: true, schema: { tags, summary: 'Nytt sammanträde (utkast), valfritt med föregående sammanträdes struktur (copyFrom: "previous" eller ett id)', body: meetingCreateInput } },
    async (request, reply) => reply.status(201).send(await createMeeting(deps.db, requireUser(request), request.body, requestActor(request))),
  );

  app.patch(
    '/meetings/:id',
    { preHandler: needs('edit_meetings'), attachValidation: true, schema: { tags, summary: 'Ändra ett utkasts organ, datum, planperiod, fokusår eller rubrik', params: id, body: meetingUpdateInput } },
    async (request) => updateMeeting(deps.db, requireUser(request), request.params.id, request.body, requestActor(request)),
  );

  app.delete(
    '/meetings/:id',
    { preHandler: needs('edit_meetings'), schema: { tags, summary: 'Ta bort ett utkast som aldrig publicerats, med dess punkter, föredragande och block; ett publicerat sammanträde tas aldrig bort', params: id } },
    async (request, reply) => {
      await deleteMeeting(deps.db, requireUser(request), request.params.id, requestActor(request));
      return reply.status(204).send();
    },
  );

  app.post(
    '/meetings/:id/items',
    { preHandler: needs('edit_meetings'), attachValidation: true, schema: { tags, summary: 'Ny informationspunkt under ett mål, sist i dagordningen', params: id, body: itemCreateInput } },
    async (request, reply) => reply.status(201).send(await addItem(deps.db, requireUser(request), request.params.id, request.body, requestActor(request))),
  );

  app.put(
    '/meetings/:id/order',
    { preHandler: needs('edit_meetings'), attachValidation: true, schema: { tags, summary: 'Dagordningens ordning: varje punkt en gång, med sitt mål (målen i planens ordning)', params: id, body: agendaOrderInput } },
    async (request) => orderItems(deps.db, requireUser(request), request.params.id, request.body, requestActor(request)),
  );

  app.put(
    '/items/:id/presenters',
    { preHandler: needs('edit_meetings'), attachValidation: true, schema: { tags, summary: 'Punktens föredragande, i ordning', params: id, body: presentersInput } },
    async (request) => setPresenters(deps.db, requireUser(request), request.params.id, request.body, requestActor(request)),
  );

  app.delete(
    '/items/:id',
    { preHandler: needs('edit_meetings'), schema: { tags, summary: 'Ta bort en punkt ur ett utkast (med föredragande och block)', params: id } },
    async (request, reply) => {
      await deleteItem(deps.db, requireUser(request), request.params.id, requestActor(request));
      return reply.status(204).send();
    },
  );
};
