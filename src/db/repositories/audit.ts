import { sql } from 'kysely';
import type { AuditEntry, AuditFilter, AuditOperation } from '../../domain/audit.js';
import type { Db } from './types.js';

/**
 * Reading the audit trail (written only by the triggers of migration 20261122T1300). Newest
 * first, paged by id: `beforeId` continues after the last entry of the previous page.
 */
export async function queryAudit(db: Db, filter: AuditFilter, page: { limit: number; beforeId: number | null }): Promise<AuditEntry[]> {
  let q = db.selectFrom('audit_log').selectAll();
  if (filter.actor !== null) {
    const actor = filter.actor;
    q = q.where((eb) => eb.or([eb('actor_id', '=', actor), eb('actor_name', 'ilike', `%${actor.replace(/[\\%_]/g, '\\$&')}%`), eb('db_role', '=', actor)]));
  }
  if (filter.table !== null) q = q.where('table_name', '=', filter.table);
  if (filter.rowKey !== null) {
    const key = filter.rowKey.trim();
    const asObject = key.startsWith('{') ? key : null;
    q = asObject !== null ? q.where(sql<boolean>`row_key @> ${asObject}::jsonb`) : q.where(sql<boolean>`exists (select 1 from jsonb_each_text(row_key) k where k.value = ${key})`);
  }
  if (filter.from !== null) q = q.where('at', '>=', new Date(filter.from));
  if (filter.to !== null) q = q.where('at', '<', new Date(filter.to));
  if (filter.requestId !== null) q = q.where('request_id', '=', filter.requestId);
  if (page.beforeId !== null) q = q.where('id', '<', page.beforeId);
  const rows = await q.orderBy('id', 'desc').limit(page.limit).execute();
  return rows.map((r) => ({
    id: Number(r.id),
    at: new Date(r.at).toISOString(),
    actorId: r.actor_id,
    actorName: r.actor_name,
    dbRole: r.db_role,
    requestId: r.request_id,
    table: r.table_name,
    rowKey: r.row_key,
    operation: r.operation as AuditOperation,
    old: r.old_row,
    new: r.new_row,
  }));
}
