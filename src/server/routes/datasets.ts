import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { datasetCreateInput, datasetUpdateInput, pastePreviewInput } from '../../domain/datasetAuthoring.js';
import { createDataset, getDataset, listDatasets, previewPaste, updateDataset } from '../../services/authoring/datasets.js';
import { requestActor } from '../auth/actor.js';
import { needs } from '../auth/guard.js';
import type { AppDependencies } from '../deps.js';

/**
 * Datasets (the tables data_table blocks show): read by everyone who may read, written by
 * analysts. Bodies are checked by the service so that every message names its field, row and
 * column in Swedish; the answer is the dataset with its computed totals.
 */
const tags = ['redigering'];
const id = z.object({ id: z.string().min(1) });

export const datasetRoutes: FastifyPluginAsyncZod<{ deps: AppDependencies }> = async (app, { deps }) => {
  app.get('/datasets', { preHandler: needs('read'), schema: { tags, summary: 'Tabellerna (datamängderna): titel, källa, kolumner och antal rader' } }, async () => ({ datasets: await listDatasets(deps.db) }));

  app.get(
    '/datasets/:id',
    { preHandler: needs('read'), schema: { tags, summary: 'En tabell med rader och beräknad summarad', params: id } },
    async (request) => getDataset(deps.db, request.params.id),
  );

  app.post(
    '/datasets',
    { preHandler: needs('edit_indicators'), attachValidation: true, schema: { tags, summary: 'Ny tabell (id görs av titeln om det inte anges)', body: datasetCreateInput } },
    async (request, reply) => reply.status(201).send(await createDataset(deps.db, request.body, requestActor(request))),
  );

  app.put(
    '/datasets/:id',
    {
      preHandler: needs('edit_indicators'),
      attachValidation: true,
      schema: { tags, summary: 'Ändra en tabell: titel, källa, och kolumner och rader som helhet; en kolumn som ett tabellblock visar kan inte tas bort', params: id, body: datasetUpdateInput },
    },
    async (request) => updateDataset(deps.db, request.params.id, request.body, requestActor(request)),
  );

  app.post(
    '/datasets/paste-preview',
    { preHandler: needs('edit_indicators'), attachValidation: true, schema: { tags, summary: 'Läs inklistrad text från Excel som rader i kolumnerna, utan att spara; svarar med raderna eller felen', body: pastePreviewInput } },
    async (request) => previewPaste(request.body),
  );
};
