import type { AuditEntry, AuditFilter } from '../domain/audit.js';
import { queryAudit } from '../db/repositories/audit.js';
import { auditCsv, auditXlsx } from '../reports/auditFiles.js';
import type { Store } from './store.js';

/**
 * The audit trail for administrators: filtered by actor, table, row key, time range and request
 * id, newest first, as JSON pages or as a CSV/XLSX export whose text cells can never become
 * formulas.
 */
export const AUDIT_PAGE_MAX = 1000;
export const AUDIT_EXPORT_MAX = 100_000;

export async function auditPage(db: Store, filter: AuditFilter, page: { limit: number; beforeId: number | null }): Promise<{ entries: AuditEntry[]; nextBeforeId: number | null }> {
  const limit = Math.min(Math.max(1, page.limit), AUDIT_PAGE_MAX);
  const entries = await queryAudit(db, filter, { limit: limit + 1, beforeId: page.beforeId });
  const more = entries.length > limit;
  const shown = more ? entries.slice(0, limit) : entries;
  return { entries: shown, nextBeforeId: more ? (shown.at(-1)?.id ?? null) : null };
}

async function exportEntries(db: Store, filter: AuditFilter): Promise<AuditEntry[]> {
  return queryAudit(db, filter, { limit: AUDIT_EXPORT_MAX, beforeId: null });
}

export interface AuditFile {
  fileName: string;
  mediaType: string;
  body: Buffer | string;
}

export async function auditExport(db: Store, filter: AuditFilter, format: 'csv' | 'xlsx', now: Date): Promise<AuditFile> {
  const entries = await exportEntries(db, filter);
  const stamp = now.toISOString().slice(0, 19).replace(/[:T]/g, '-');
  if (format === 'csv') return { fileName: `granskningslogg-${stamp}.csv`, mediaType: 'text/csv; charset=utf-8', body: auditCsv(entries) };
  return { fileName: `granskningslogg-${stamp}.xlsx`, mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', body: await auditXlsx(entries) };
}
