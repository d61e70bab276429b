import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { can } from '../../domain/access.js';
import { PUBLISHED_FORMATS } from '../../domain/publishing.js';
import { DECK_HTML_CSP } from '../../services/deck.js';
import { deckSettings } from '../../services/deckSettings.js';
import { archiveMeeting, meetingVersions, publishMeeting, readableVersionSnapshot, startCorrection, versionFile, withdrawVersion, type StoredFile } from '../../services/publishing.js';
import { requestActor } from '../auth/actor.js';
import { needs, requireUser } from '../auth/guard.js';
import { contentDisposition } from '../contentDisposition.js';
import type { AppDependencies } from '../deps.js';

/**
 * Publishing: version n of a meeting (PPTX, PDF, HTML and the data snapshot, each with its
 * SHA-256), corrections as new versions, withdrawals with a reason, archiving; the versions and
 * their stored files. Stored files are served as stored: the `X-Content-SHA256` header and the
 * ETag carry the hash recorded at publishing.
 */
const tags = ['publicering'];
const id = z.object({ id: z.string().min(1) });
const idVersion = z.object({ id: z.string().min(1), n: z.coerce.number().int().positive() });

export function sendStoredFile(reply: FastifyReply, file: StoredFile, format: (typeof PUBLISHED_FORMATS)[number]): FastifyReply {
  void reply
    .header('content-type', file.contentType)
    .header('content-disposition', contentDisposition(format === 'pptx' ? 'attachment' : 'inline', file.fileName))
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'private, no-cache')
    .header('etag', `"${file.sha256}"`)
    .header('x-content-sha256', file.sha256)
    .header('x-styrkort-version', String(file.version));
  if (format === 'html') void reply.header('content-security-policy', DECK_HTML_CSP);
  return reply.send(file.bytes);
}

export const publishingRoutes: FastifyPluginAsyncZod<{ deps: AppDependencies }> = async (app, { deps }) => {
  const settings = await deckSettings(process.env, process.cwd());

  app.post(
    '/meetings/:id/publish',
    {
      preHandler: needs('publish'),
      config: { rateLimit: 'deck' },
      schema: { tags, summary: 'Publicera utkastet som nästa version: PowerPoint, PDF och webbpresentation och dataunderlaget, var och en med SHA-256 (kräver Chromium)', params: id },
    },
    async (request, reply) => reply.status(201).send(await publishMeeting(deps.db, request.params.id, requestActor(request), { deck: settings, allowMissingPdf: false })),
  );

  app.post(
    '/meetings/:id/correction',
    { preHandler: needs('publish'), schema: { tags, summary: 'Starta en rättelse: sammanträdet blir utkast för nästa version; den publicerade versionen ligger kvar och läses', params: id } },
    async (request) => startCorrection(deps.db, request.params.id, requestActor(request)),
  );

  app.post(
    '/meetings/:id/archive',
    { preHandler: needs('publish'), schema: { tags, summary: 'Arkivera ett publicerat sammanträde (läses fortfarande)', params: id } },
    async (request) => archiveMeeting(deps.db, request.params.id, requestActor(request)),
  );

  app.post(
    '/meetings/:id/versions/:n/withdraw',
    { preHandler: needs('publish'), schema: { tags, summary: 'Återkalla en version med skäl; versionen och dess filer finns kvar', params: idVersion, body: z.object({ reason: z.string().max(2000) }) } },
    async (request) => withdrawVersion(deps.db, request.params.id, request.params.n, request.body.reason, requestActor(request)),
  );

  app.get(
    '/meetings/:id/versions',
    { preHandler: needs('read'), schema: { tags, summary: 'Sammanträdets publicerade versioner, senaste först, med filernas SHA-256 och eventuell återkallelse', params: id } },
    async (request) => meetingVersions(deps.db, request.params.id, can(requireUser(request), 'read_drafts')),
  );

  app.get(
    '/meetings/:id/versions/:n',
    { preHandler: needs('read'), schema: { tags, summary: 'Dataunderlaget (sammanträdesvyn) som versionen byggdes av', params: idVersion } },
    async (request) => readableVersionSnapshot(deps.db, request.params.id, request.params.n, can(requireUser(request), 'read_drafts')),
  );

  for (const format of PUBLISHED_FORMATS) {
    app.get(
      `/meetings/:id/versions/:n/deck.${format}`,
      { preHandler: needs('read'), schema: { tags, summary: `Versionens lagrade ${format.toUpperCase()}, oförändrad`, params: idVersion } },
      async (request, reply) => sendStoredFile(reply, await versionFile(deps.db, request.params.id, request.params.n, format, can(requireUser(request), 'read_drafts')), format),
    );
  }
};
