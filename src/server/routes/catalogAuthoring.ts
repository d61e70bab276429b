import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { focusAreaSetInput, goalLineUpdateInput, areaCreateInput, areaUpdateInput, personCreateInput, personTitleInput, personTitleUpdateInput, personUpdateInput, planPeriodCreateInput, planPeriodUpdateInput, riskCategoryInput, riskCategoryUpdateInput, riskCreateInput, riskRegisterCreateInput, riskRegisterUpdateInput, riskUpdateInput } from '../../domain/catalogAuthoring.js';
import { createArea, updateArea } from '../../services/authoring/areas.js';
import { addTitle, createPerson, deleteTitle, getPerson, updatePerson, updateTitle } from '../../services/authoring/people.js';
import { createPlanPeriod, putFocusAreas, updateGoalLine, updatePlanPeriod } from '../../services/authoring/plan.js';
import { createRisk, createRiskCategory, createRiskRegister, deleteRisk, riskCategories, riskRegister, riskRegisters, updateRisk, updateRiskCategory, updateRiskRegister } from '../../services/authoring/risks.js';
import { requestActor } from '../auth/actor.js';
import { needs } from '../auth/guard.js';
import type { AppDependencies } from '../deps.js';

/**
 * Authoring the catalog's own kinds, each by the role that owns it: people and their titles and
 * the regional plan by the secretary (the board's office), areas and risk registers by analysts.
 * Every write is one audited transaction; bad input answers 400 with Swedish messages per field.
 * (Indicators and targets: indicatorAuthoring.ts; tables: datasets.ts; pictures: assets.ts.)
 */
const tags = ['katalog'];
const id = z.object({ id: z.string().min(1).max(200) });
const titleId = z.object({ id: z.coerce.number().int().positive() });
const year = z.object({ year: z.coerce.number().int().min(1900).max(2200) });
const code = z.object({ code: z.string().min(1).max(10) });

export const catalogAuthoringRoutes: FastifyPluginAsyncZod<{ deps: AppDependencies }> = async (app, { deps }) => {
  // people and titles ----------------------------------------------------------------------
  app.get('/people/:id', { preHandler: needs('read'), schema: { tags, summary: 'En person med sina titlar (med id för ändring)', params: id } }, async (request) => getPerson(deps.db, request.params.id));
  app.post('/people', { preHandler: needs('edit_meetings'), attachValidation: true, schema: { tags, summary: 'Ny person, med titlar', body: personCreateInput } }, async (request, reply) =>
    reply.status(201).send(await createPerson(deps.db, request.body, requestActor(request))),
  );
  app.patch('/people/:id', { preHandler: needs('edit_meetings'), attachValidation: true, schema: { tags, summary: 'Ändra en persons namn', params: id, body: personUpdateInput } }, async (request) =>
    updatePerson(deps.db, request.params.id, request.body, requestActor(request)),
  );
  app.post('/people/:id/titles', { preHandler: needs('edit_meetings'), attachValidation: true, schema: { tags, summary: 'Ny titel för en person, från ett datum', params: id, body: personTitleInput } }, async (request, reply) =>
    reply.status(201).send(await addTitle(deps.db, request.params.id, request.body, requestActor(request))),
  );
  app.patch('/person-titles/:id', { preHandler: needs('edit_meetings'), attachValidation: true, schema: { tags, summary: 'Ändra en titel (t.ex. sista dag)', params: titleId, body: personTitleUpdateInput } }, async (request) =>
    updateTitle(deps.db, request.params.id, request.body, requestActor(request)),
  );
  app.delete('/person-titles/:id', { preHandler: needs('edit_meetings'), schema: { tags, summary: 'Ta bort en titel som lagts in fel', params: titleId } }, async (request) =>
    deleteTitle(deps.db, request.params.id, requestActor(request)),
  );

  // plan -----------------------------------------------------------------------------------
  app.post('/plan-periods', { preHandler: needs('edit_meetings'), attachValidation: true, schema: { tags, summary: 'Ny planperiod med övergripande mål', body: planPeriodCreateInput } }, async (request, reply) =>
    reply.status(201).send(await createPlanPeriod(deps.db, request.body, requestActor(request))),
  );
  app.patch('/plan-periods/:id', { preHandler: needs('edit_meetings'), attachValidation: true, schema: { tags, summary: 'Planperiodens mål i ordning (ett omdöpt mål behåller sin mållinje)', params: id, body: planPeriodUpdateInput } }, async (request) =>
    updatePlanPeriod(deps.db, request.params.id, request.body, requestActor(request)),
  );
  app.patch('/goal-lines/:id', { preHandler: needs('edit_meetings'), attachValidation: true, schema: { tags, summary: 'Mållinjens kortnamn (som dagordningen skriver målet)', params: id, body: goalLineUpdateInput } }, async (request) =>
    updateGoalLine(deps.db, request.params.id, request.body, requestActor(request)),
  );
  app.put('/focus-areas/:year', { preHandler: needs('edit_meetings'), attachValidation: true, schema: { tags, summary: 'Ett års fokusområden (läggs till eller ersätts)', params: year, body: focusAreaSetInput } }, async (request) =>
    putFocusAreas(deps.db, request.params.year, request.body, requestActor(request)),
  );

  // areas ----------------------------------------------------------------------------------
  app.post('/areas', { preHandler: needs('edit_indicators'), attachValidation: true, schema: { tags, summary: 'Nytt område (förvaltning, enhet, jämförelseområde)', body: areaCreateInput } }, async (request, reply) =>
    reply.status(201).send(await createArea(deps.db, request.body, requestActor(request))),
  );
  app.patch('/areas/:id', { preHandler: needs('edit_indicators'), attachValidation: true, schema: { tags, summary: 'Ändra ett område', params: id, body: areaUpdateInput } }, async (request) =>
    updateArea(deps.db, request.params.id, request.body, requestActor(request)),
  );

  // risks ----------------------------------------------------------------------------------
  app.get('/risk-categories', { preHandler: needs('read'), schema: { tags, summary: 'Riskkategorier' } }, async () => riskCategories(deps.db));
  app.post('/risk-categories', { preHandler: needs('edit_indicators'), attachValidation: true, schema: { tags, summary: 'Ny riskkategori', body: riskCategoryInput } }, async (request, reply) =>
    reply.status(201).send(await createRiskCategory(deps.db, request.body, requestActor(request))),
  );
  app.patch('/risk-categories/:code', { preHandler: needs('edit_indicators'), attachValidation: true, schema: { tags, summary: 'Ändra en riskkategori', params: code, body: riskCategoryUpdateInput } }, async (request) =>
    updateRiskCategory(deps.db, request.params.code, request.body, requestActor(request)),
  );
  app.get('/risk-registers', { preHandler: needs('read'), schema: { tags, summary: 'Riskregister med risker, riskvärden och åtgärdsnivåer (beräknade)' } }, async () => riskRegisters(deps.db));
  app.get('/risk-registers/:id', { preHandler: needs('read'), schema: { tags, summary: 'Ett riskregister', params: id } }, async (request) => riskRegister(deps.db, request.params.id));
  app.post('/risk-registers', { preHandler: needs('edit_indicators'), attachValidation: true, schema: { tags, summary: 'Nytt riskregister', body: riskRegisterCreateInput } }, async (request, reply) =>
    reply.status(201).send(await createRiskRegister(deps.db, request.body, requestActor(request))),
  );
  app.patch('/risk-registers/:id', { preHandler: needs('edit_indicators'), attachValidation: true, schema: { tags, summary: 'Ändra ett riskregister', params: id, body: riskRegisterUpdateInput } }, async (request) =>
    updateRiskRegister(deps.db, request.params.id, request.body, requestActor(request)),
  );
  app.post('/risk-registers/:id/risks', { preHandler: needs('edit_indicators'), attachValidation: true, schema: { tags, summary: 'Ny risk sist i registret', params: id, body: riskCreateInput } }, async (request, reply) =>
    reply.status(201).send(await createRisk(deps.db, request.params.id, request.body, requestActor(request))),
  );
  app.patch('/risks/:id', { preHandler: needs('edit_indicators'), attachValidation: true, schema: { tags, summary: 'Ändra eller flytta en risk', params: id, body: riskUpdateInput } }, async (request) =>
    updateRisk(deps.db, request.params.id, request.body, requestActor(request)),
  );
  app.delete('/risks/:id', { preHandler: needs('edit_indicators'), schema: { tags, summary: 'Ta bort en risk', params: id } }, async (request) => deleteRisk(deps.db, request.params.id, requestActor(request)));
};
