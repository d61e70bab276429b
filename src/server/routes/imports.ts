import multipart from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { StyrkortError } from '../../domain/errors.js';
import type { ImportSessionView } from '../../domain/importView.js';
import {
  importBatchDetail,
  importBatchList,
  importMappingList,
  removeMapping,
  saveMapping,
  undoImportBatch,
} from '../../services/importBatches.js';
import { DEFAULT_IMPORT_SETTINGS } from '../../services/importSettings.js';
import { errorReportFile, ImportSessions, type ImportSession } from '../../services/importSessions.js';
import { createKoladaClient, koladaMappingList, mapKoladaKpi, parseKpis, parseYears, syncKolada } from '../../services/koladaSync.js';
import type { AppDependencies } from '../deps.js';
import { requestActor } from '../auth/actor.js';
import { needs } from '../auth/guard.js';

/**
 * Imports over HTTP, for the web app's import page:
 *
 *   POST /api/imports (multipart, one file)     upload; analysis (a dry run) starts at once → 202
 *   GET  /api/imports/:id                       status, progress, preview (new, changed old → new,
 *                                               unchanged, errors) and names to map, with suggestions
 *   PUT  /api/import-mappings                   "this name means this indicator/area" (saved, reused)
 *   POST /api/imports/:id/analyse               analyse again (after mapping, or another sheet)
 *   POST /api/imports/:id/commit                write it all as one import batch
 *   GET  /api/imports/:id/errors.xlsx|.csv      the problems as a file
 *   GET  /api/import-batches[/:id]              batches, and what one changed
 *   POST /api/import-batches/:id/undo           undo a batch as a unit
 *   POST /api/kolada/sync, GET|PUT /api/kolada/mappings
 *
 * POSTs answer 202 and work in the background (poll GET /api/imports/:id); `?wait=true` answers
 * when the work is done. Batches, undos and mappings are recorded as made by the logged-in user
 * (by name), and every write runs as the request's actor, so the audit trail has who and under
 * which request (server/auth/actor.ts).
 */
const PREVIEW_ISSUES = 500;

function actorOf(request: FastifyRequest): string {
  return request.principal?.displayName ?? 'webb';
}

const settingsQuery = z.object({
  sheet: z.string().trim().min(1).max(200).optional(),
  indicator: z.string().trim().min(1).max(200).optional(),
  area: z.string().trim().min(1).max(200).optional(),
  source: z.string().trim().min(1).max(200).optional(),
  wait: z.enum(['true', 'false']).default('false'),
});
const waitQuery = z.object({ wait: z.enum(['true', 'false']).default('false') });
const idParams = z.object({ id: z.uuid('ogiltigt id') });
const batchParams = z.object({ id: z.coerce.number().int().positive() });
const page = z.object({ limit: z.coerce.number().int().min(1).max(1000).default(100), offset: z.coerce.number().int().min(0).default(0) });
const counts = z.object({ new: z.number().int().min(0), changed: z.number().int().min(0), unchanged: z.number().int().min(0) });

const sessionSchema = z.object({
  id: z.string(),
  fileName: z.string(),
  bytes: z.number().int(),
  createdAt: z.string(),
  createdBy: z.string(),
  status: z.enum(['analysing', 'ready', 'committing', 'committed', 'failed']),
  settings: z.object({ sheet: z.string().nullable(), indicator: z.string().nullable(), area: z.string().nullable(), source: z.string().nullable() }),
  progress: z.unknown(),
  report: z.unknown(),
  issuesTotal: z.number().int(),
  error: z.object({ code: z.string(), message: z.string(), details: z.array(z.object({ where: z.string().nullable(), message: z.string() })) }).nullable(),
  expiresAt: z.string(),
});

function present(session: ImportSession): ImportSessionView {
  const report = session.report;
  return {
    ...session,
    settings: { ...session.settings },
    report: report ? { ...report, issues: report.issues.slice(0, PREVIEW_ISSUES) } : null,
    issuesTotal: report?.issues.length ?? 0,
  };
}

export const importRoutes: FastifyPluginAsyncZod<{ deps: AppDependencies }> = async (app, { deps }) => {
  const settings = deps.imports ?? DEFAULT_IMPORT_SETTINGS;
  const sessions = new ImportSessions(deps.db, { maxBytes: settings.maxUploadBytes });
  const viewer = (request: FastifyRequest): string | null => request.principal?.userId ?? null;
  app.addHook('onClose', async () => sessions.close());
  await app.register(multipart, { limits: { fileSize: settings.maxUploadBytes, files: 1, fields: 10, fieldSize: 10_000, parts: 20 } });
  const kolada = () => createKoladaClient({ baseUrl: settings.koladaUrl });

  app.post(
    '/imports',
    {
      preHandler: needs('import'),
      config: { rateLimit: 'import' },
      schema: {
        tags: ['inläsning'],
        summary: 'Ladda upp en CSV- eller XLSX-fil (multipart, fältet "file"); analysen startar direkt',
        querystring: settingsQuery,
        response: { 200: sessionSchema, 202: sessionSchema },
      },
    },
    async (request, reply) => {
      let file;
      try {
        file = await request.file();
      } catch (error) {
        if ((error as { code?: string }).code === 'FST_INVALID_MULTIPART_CONTENT_TYPE') throw new StyrkortError('invalid_input', 'Skicka filen som multipart/form-data i fältet "file"');
        throw error;
      }
      if (!file) throw new StyrkortError('invalid_input', 'Ingen fil skickades (fältet "file")');
      const q = request.query;
      const session = await sessions.create({
        fileName: file.filename,
        stream: file.file,
        truncated: () => file.file.truncated,
        createdBy: actorOf(request),
        actor: requestActor(request),
        settings: { sheet: q.sheet ?? null, indicator: q.indicator ?? null, area: q.area ?? null, source: q.source ?? null },
      });
      if (q.wait === 'true') return reply.status(200).send(present(await sessions.settled(session.id, viewer(request))));
      return reply.status(202).send(present(session));
    },
  );

  app.get(
    '/imports/:id',
    { preHandler: needs('import'), schema: { tags: ['inläsning'], summary: 'Status, förlopp och förhandsgranskning av en uppladdad fil', params: idParams, response: { 200: sessionSchema } } },
    async (request) => present(sessions.get(request.params.id, viewer(request))),
  );

  app.get(
    '/imports/:id/issues',
    {
      preHandler: needs('import'),
      schema: {
        tags: ['inläsning'],
        summary: 'Felen i en uppladdad fil, sida för sida',
        params: idParams,
        querystring: page,
        response: { 200: z.object({ total: z.number().int(), issues: z.array(z.object({ sheet: z.string().nullable(), row: z.number().int(), column: z.string(), value: z.string().nullable(), rule: z.string(), message: z.string() })) }) },
      },
    },
    async (request) => {
      const issues = sessions.issues(request.params.id, viewer(request));
      return { total: issues.length, issues: issues.slice(request.query.offset, request.query.offset + request.query.limit) };
    },
  );

  for (const format of ['xlsx', 'csv'] as const) {
    app.get(
      `/imports/:id/errors.${format}`,
      { preHandler: needs('import'), schema: { tags: ['inläsning'], summary: `Felen som ${format.toUpperCase()}-fil (celler som inte kan tolkas som formler)`, params: idParams } },
      async (request, reply) => {
          const session = sessions.get(request.params.id, viewer(request));
        const body = await errorReportFile(session.report?.issues ?? [], format);
        const name = `fel-${session.fileName.replace(/\.[^.]+$/, '').replace(/[^\p{L}\p{N}_-]+/gu, '_')}.${format}`;
        return reply
          .header('content-type', format === 'xlsx' ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="${name.replace(/[^\x20-\x7e]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(name)}`)
          .send(body);
      },
    );
  }

  app.post(
    '/imports/:id/analyse',
    {
      preHandler: needs('import'),
      schema: {
        tags: ['inläsning'],
        summary: 'Analysera filen igen (efter kopplade namn, eller med annat blad eller standardvärden)',
        params: idParams,
        querystring: waitQuery,
        body: z.object({ sheet: z.string().nullable().optional(), indicator: z.string().nullable().optional(), area: z.string().nullable().optional(), source: z.string().nullable().optional() }).default({}),
        response: { 200: sessionSchema, 202: sessionSchema },
      },
    },
    async (request, reply) => {
      const b = request.body;
      const changes = Object.fromEntries(Object.entries({ sheet: b.sheet, indicator: b.indicator, area: b.area, source: b.source }).filter(([, v]) => v !== undefined));
      const session = sessions.analyse(request.params.id, changes, actorOf(request), requestActor(request));
      if (request.query.wait === 'true') return reply.status(200).send(present(await sessions.settled(session.id, viewer(request))));
      return reply.status(202).send(present(session));
    },
  );

  app.post(
    '/imports/:id/commit',
    {
      preHandler: needs('import'),
      schema: {
        tags: ['inläsning'],
        summary: 'Spara filen som en inläsning (en transaktion); vägras om antalen ändrats sedan förhandsgranskningen',
        params: idParams,
        querystring: waitQuery,
        body: z.object({ skipInvalid: z.boolean().default(false), expect: counts.nullable().default(null) }).default({ skipInvalid: false, expect: null }),
        response: { 200: sessionSchema, 202: sessionSchema },
      },
    },
    async (request, reply) => {
      const expect = request.body.expect ? { ...request.body.expect, errors: 0 } : null;
      const session = sessions.commit(request.params.id, { createdBy: actorOf(request), actor: requestActor(request), skipInvalid: request.body.skipInvalid, expect });
      if (request.query.wait === 'true') return reply.status(200).send(present(await sessions.settled(session.id, viewer(request))));
      return reply.status(202).send(present(session));
    },
  );

  app.delete(
    '/imports/:id',
    { preHandler: needs('import'), schema: { tags: ['inläsning'], summary: 'Släng en uppladdad fil som inte ska sparas', params: idParams } },
    async (request, reply) => {
      await sessions.discard(request.params.id, viewer(request));
      return reply.status(204).send();
    },
  );

  const mappingSchema = z.object({ kind: z.enum(['indicator', 'area']), sourceKey: z.string(), sourceText: z.string(), targetId: z.string(), createdBy: z.string(), createdAt: z.string() });
  app.get(
    '/import-mappings',
    { preHandler: needs('import'), schema: { tags: ['inläsning'], summary: 'Sparade kopplingar från namn i filer till indikatorer och områden', response: { 200: z.array(mappingSchema) } } },
    async () => importMappingList(deps.db),
  );
  app.put(
    '/import-mappings',
    {
      preHandler: needs('import'),
      schema: {
        tags: ['inläsning'],
        summary: 'Koppla ett namn i filer till en indikator eller ett område (används vid nästa inläsning)',
        body: z.object({ kind: z.enum(['indicator', 'area']), text: z.string().trim().min(1).max(500), targetId: z.string().min(1).max(200) }),
        response: { 200: mappingSchema },
      },
    },
    async (request) => saveMapping(deps.db, { ...request.body, createdBy: actorOf(request) }),
  );
  app.delete(
    '/import-mappings/:kind/:key',
    { preHandler: needs('import'), schema: { tags: ['inläsning'], summary: 'Ta bort en koppling', params: z.object({ kind: z.enum(['indicator', 'area']), key: z.string().min(1) }) } },
    async (request, reply) => {
      await removeMapping(deps.db, request.params.kind, request.params.key);
      return reply.status(204).send();
    },
  );

  app.get(
    '/import-batches',
    { preHandler: needs('import'), schema: { tags: ['inläsning'], summary: 'Inläsningar, senaste först', querystring: page, response: { 200: z.object({ total: z.number().int(), batches: z.array(z.unknown()) }) } } },
    async (request) => importBatchList(deps.db, request.query),
  );
  app.get(
    '/import-batches/:id',
    { preHandler: needs('import'), schema: { tags: ['inläsning'], summary: 'En inläsning och vad den ändrade (gammalt → nytt)', params: batchParams, querystring: page, response: { 200: z.object({ batch: z.unknown(), changes: z.array(z.unknown()) }) } } },
    async (request) => importBatchDetail(deps.db, request.params.id, request.query),
  );
  app.post(
    '/import-batches/:id/undo',
    {
      preHandler: needs('import'),
      schema: {
        tags: ['inläsning'],
        summary: 'Ångra en inläsning: nya värden tas bort, ändrade får tillbaka sina gamla värden',
        params: batchParams,
        response: { 200: z.object({ batch: z.unknown(), deleted: z.number().int(), restored: z.number().int() }) },
      },
    },
    async (request) => undoImportBatch(deps.db, request.params.id, actorOf(request), requestActor(request)),
  );

  const kpiMappingSchema = z.object({ kpiId: z.string(), indicatorId: z.string(), kpiTitle: z.string().nullable(), createdBy: z.string(), createdAt: z.string() });
  app.get(
    '/kolada/mappings',
    { preHandler: needs('import'), schema: { tags: ['inläsning'], summary: 'Kolada-KPI:er kopplade till indikatorer', response: { 200: z.array(kpiMappingSchema) } } },
    async () => koladaMappingList(deps.db),
  );
  app.put(
    '/kolada/mappings',
    {
      preHandler: needs('import'),
      schema: {
        tags: ['inläsning'],
        summary: 'Koppla en Kolada-KPI till en indikator',
        body: z.object({ kpi: z.string().min(1).max(20), indicatorId: z.string().min(1).max(200) }),
        response: { 200: kpiMappingSchema },
      },
    },
    async (request) => mapKoladaKpi(deps.db, { kpi: request.body.kpi, indicatorId: request.body.indicatorId, createdBy: actorOf(request) }, kolada()),
  );
  app.post(
    '/kolada/sync',
    {
      preHandler: needs('import'),
      config: { rateLimit: 'kolada' },
      schema: {
        tags: ['inläsning'],
        summary: 'Hämta KPI:er från Kolada för regioner och år (dryRun: visa bara vad som skulle ändras)',
        body: z.object({
          kpis: z.string().min(1),
          regions: z.union([z.literal('all'), z.array(z.string().min(1)).min(1)]).default('all'),
          years: z.string().min(4),
          dryRun: z.boolean().default(true),
          full: z.boolean().default(false),
          skipInvalid: z.boolean().default(false),
        }),
        response: { 200: z.unknown() },
      },
    },
    async (request) => {
      const b = request.body;
      return syncKolada(
        deps.db,
        { kpis: parseKpis(b.kpis), regions: b.regions, years: parseYears(b.years), dryRun: b.dryRun, full: b.full, skipInvalid: b.skipInvalid, createdBy: actorOf(request), actor: requestActor(request) },
        { client: kolada() },
      );
    },
  );
};
