import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { asset as findAsset } from '../../services/queries.js';
import { listAssets, updateAsset, uploadAsset } from '../../services/authoring/assets.js';
import type { AppDependencies } from '../deps.js';
import { can } from '../../domain/access.js';
import { assetUpdateInput, MAX_ASSET_BYTES } from '../../domain/assetUpload.js';
import { requestActor } from '../auth/actor.js';
import { needs } from '../auth/guard.js';
import { meetingGate } from '../auth/meetings.js';
import { readAssetUpload } from './assetUpload.js';

/**
 * Pictures: GET /api/assets/:id serves one (to whoever may see a meeting showing it); editors
 * upload PNG and JPEG (POST /api/assets, multipart: the file in "file", the alt text in "alt"),
 * change a picture's alt text and file name (PATCH /api/assets/:id) and list them (GET /api/assets).
 */
const tags = ['redigering'];
const assetInfo = z.object({
  id: z.string(),
  fileName: z.string(),
  mediaType: z.string(),
  width: z.number().int().nullable(),
  height: z.number().int().nullable(),
  alt: z.string(),
  bytes: z.number().int(),
});
const assetSummary = z.object({ id: z.string(), fileName: z.string(), mediaType: z.string(), alt: z.string(), size: z.number().int() });

export const assetRoutes: FastifyPluginAsyncZod<{ deps: AppDependencies }> = async (app, { deps }) => {
  // one file up to the limit and a few short fields
  await app.register(multipart, { limits: { fileSize: MAX_ASSET_BYTES, files: 1, fields: 5, fieldSize: 8_000, parts: 8 } });

  app.get(
    '/assets',
    { preHandler: needs('read_drafts'), schema: { tags, summary: 'Bilderna som kan visas i bildblock (utan själva filerna)', response: { 200: z.object({ assets: z.array(assetSummary) }) } } },
    async () => ({ assets: await listAssets(deps.db) }),
  );

  app.post(
    '/assets',
    {
      preHandler: needs('edit_items'),
      config: { rateLimit: 'import' },
      schema: {
        tags,
        summary: 'Ladda upp en bild (multipart: PNG eller JPEG i fältet "file", högst 20 MB och 40 megapixlar, alternativtext i fältet "alt"); bilden sparas omkodad utan metadata',
        response: { 201: assetInfo },
      },
    },
    async (request, reply) => reply.status(201).send(await uploadAsset(deps.db, await readAssetUpload(request), requestActor(request))),
  );

  app.patch(
    '/assets/:id',
    {
      preHandler: needs('edit_items'),
      attachValidation: true,
      schema: { tags, summary: 'Ändra en bilds alternativtext eller filnamn', params: z.object({ id: z.string().min(1) }), body: assetUpdateInput, response: { 200: assetInfo } },
    },
    async (request) => updateAsset(deps.db, request.params.id, request.body, requestActor(request)),
  );

  app.get(
    '/assets/:id',
    { preHandler: needs('read'), schema: { tags: ['sammanträden'], summary: 'En bild som används i ett block', params: z.object({ id: z.string() }) } },
    async (request, reply) => {
      // a picture only a draft shows is the draft's: readers get it only through a meeting they see
      const asset = await findAsset(deps.db, request.params.id, meetingGate(request), request.principal !== null && can(request.principal, 'read_drafts'));
      // an SVG is a document: no script runs and nothing is fetched, whoever uploaded it
      return reply
        .header('content-type', asset.mediaType)
        .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; sandbox")
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, max-age=300')
        .send(asset.bytes);
    },
  );
};
