import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AuditFilter } from '../../domain/audit.js';
import { auditExport, auditPage, AUDIT_PAGE_MAX } from '../../services/audit.js';
import { needs } from '../auth/guard.js';
import { contentDisposition } from '../contentDisposition.js';
import type { AppDependencies } from '../deps.js';

/**
 * The audit trail for administrators (read_audit): filter by actor (user id, name or database
 * role), table, row key (an id, or a JSON object such as {"item_id":"x","position":1}), time
 * range (ISO 8601) and request id; newest first, paged with `before`; exported as CSV or XLSX.
 */
const tags = ['granskning'];
function isJsonObject(text: string): boolean {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value);
  } catch {
    return false;
  }
}
const instant = z.string().refine((v) => !Number.isNaN(Date.parse(v)), 'ska vara en tidpunkt, t.ex. 2026-05-06 eller 2026-05-06T08:00:00Z');
const filterQuery = z.object({
  actor: z.string().min(1).optional(),
  table: z.string().min(1).optional(),
  rowKey: z
    .string()
    .min(1)
    .refine((v) => !v.trim().startsWith('{') || isJsonObject(v), 'ska vara ett id eller ett JSON-objekt, t.ex. {"item_id":"x","position":1}')
    .optional(),
  from: instant.optional(),
  to: instant.optional(),
  requestId: z.string().min(1).optional(),
});
const pageQuery = filterQuery.extend({
  limit: z.coerce.number().int().min(1).max(AUDIT_PAGE_MAX).default(100),
  before: z.coerce.number().int().positive().optional(),
});

function filterOf(q: z.infer<typeof filterQuery>): AuditFilter {
  return { actor: q.actor ?? null, table: q.table ?? null, rowKey: q.rowKey ?? null, from: q.from ?? null, to: q.to ?? null, requestId: q.requestId ?? null };
}

export const auditRoutes: FastifyPluginAsyncZod<{ deps: AppDependencies }> = async (app, { deps }) => {
  app.get(
    '/audit',
    { preHandler: needs('read_audit'), schema: { tags, summary: 'Granskningsloggen: vem, när (UTC), vad (tabell, rad, ny/ändrad/borttagen), före → efter, förfrågans id', querystring: pageQuery } },
    async (request) => auditPage(deps.db, filterOf(request.query), { limit: request.query.limit, beforeId: request.query.before ?? null }),
  );

  for (const format of ['csv', 'xlsx'] as const) {
    app.get(
      `/audit.${format}`,
      { preHandler: needs('read_audit'), schema: { tags, summary: `Granskningsloggen med samma filter som ${format.toUpperCase()} (celler som aldrig blir formler)`, querystring: filterQuery } },
      async (request, reply) => {
        const file = await auditExport(deps.db, filterOf(request.query), format, new Date());
        return reply
          .header('content-type', file.mediaType)
          .header('content-disposition', contentDisposition('attachment', file.fileName))
          .header('cache-control', 'private, no-store')
          .send(file.body);
      },
    );
  }
};
