import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { asset as findAsset } from '../../services/queries.js';
import type { AppDependencies } from '../deps.js';
import { can } from '../../domain/access.js';
import { needs } from '../auth/guard.js';
import { meetingGate } from '../auth/meetings.js';

export const assetRoutes: FastifyPluginAsyncZod<{ deps: AppDependencies }> = async (app, { deps }) => {
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
