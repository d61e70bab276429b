import type { Cell } from './cells.js';

/**
 * The audit trail: every insert, update and delete of the audited tables, recorded by database
 * triggers (migration 20261122T1300): who (the application's user, or the database role for a
 * change made directly in SQL), when (UTC), which table and row, old → new, under which request.
 */
export const AUDIT_OPERATIONS = ['insert', 'update', 'delete', 'truncate'] as const;
export type AuditOperation = (typeof AUDIT_OPERATIONS)[number];

export const AUDIT_OPERATION_LABELS: Record<AuditOperation, string> = {
  insert: 'ny',
  update: 'ändrad',
  delete: 'borttagen',
  truncate: 'tömd',
};

/** The tables the trail covers, with their Swedish names. */
export const AUDITED_TABLE_LABELS: Record<string, string> = {
  indicator: 'indikator',
  indicator_goal_line: 'indikatorns mål',
  target: 'målvärde',
  measurement: 'utfall',
  import_batch: 'inläsning',
  person: 'person',
  person_title: 'titel',
  meeting: 'sammanträde',
  agenda_item: 'informationspunkt',
  agenda_item_presenter: 'föredragande',
  content_block: 'innehållsblock',
  meeting_version: 'publicerad version',
  meeting_artifact: 'publicerad fil',
  app_user: 'användare',
  user_role: 'roll',
  user_identity: 'inloggningsidentitet',
  local_credential: 'lokalt konto',
  plan_period: 'planperiod',
  goal: 'övergripande mål',
  goal_line: 'mållinje',
  focus_area_set: 'fokusår',
  focus_area: 'fokusområde',
  area: 'område',
  area_member: 'områdets medlem',
  dataset: 'tabell',
  risk_category: 'riskkategori',
  risk_register: 'riskregister',
  risk: 'risk',
  asset: 'bild',
};

export type AuditRow = Record<string, unknown>;

export interface AuditEntry {
  id: number;
  /** ISO 8601 in UTC ("2026-05-06T08:15:00.000Z"). */
  at: string;
  actorId: string | null;
  actorName: string;
  dbRole: string;
  requestId: string | null;
  table: string;
  rowKey: AuditRow;
  operation: AuditOperation;
  old: AuditRow | null;
  new: AuditRow | null;
}

export interface AuditFilter {
  actor: string | null;
  table: string | null;
  /** Matches a row whose key holds these values ({"id": "rs-2026-05-06"}); or a bare id. */
  rowKey: string | null;
  from: string | null;
  to: string | null;
  requestId: string | null;
}

/** The columns whose values differ between old and new (all of them for an insert or delete). */
export function changedColumns(entry: Pick<AuditEntry, 'old' | 'new'>): string[] {
  const keys = new Set([...Object.keys(entry.old ?? {}), ...Object.keys(entry.new ?? {})]);
  return [...keys].filter((k) => JSON.stringify(entry.old?.[k] ?? null) !== JSON.stringify(entry.new?.[k] ?? null)).sort();
}

function keyString(row: AuditRow, keyColumns: readonly string[]): string {
  return JSON.stringify(keyColumns.map((k) => row[k] ?? null));
}

/**
 * The rows of a table as the trail alone says they are after its entries, in order: each insert
 * adds the new row, each update replaces the old row (its key may change) by the new one, each
 * delete removes it, a truncate empties the table. `keyColumns` name the table's primary key.
 */
export function rebuildFromAudit(entries: readonly AuditEntry[], table: string, keyColumns: readonly string[]): AuditRow[] {
  const rows = new Map<string, AuditRow>();
  for (const e of [...entries].filter((x) => x.table === table).sort((a, b) => a.id - b.id)) {
    switch (e.operation) {
      case 'insert':
        if (e.new) rows.set(keyString(e.new, keyColumns), e.new);
        break;
      case 'update':
        if (e.old) rows.delete(keyString(e.old, keyColumns));
        if (e.new) rows.set(keyString(e.new, keyColumns), e.new);
        break;
      case 'delete':
        if (e.old) rows.delete(keyString(e.old, keyColumns));
        break;
      case 'truncate':
        rows.clear();
        break;
    }
  }
  return [...rows.values()];
}

export const AUDIT_HEADER = ['id', 'tid (UTC)', 'vem', 'användar-id', 'databasroll', 'förfrågan', 'tabell', 'rad', 'ändring', 'fält', 'före', 'efter'] as const;

/** One entry as a spreadsheet row (text cells are made formula-safe by the writer). */
export function auditCells(entry: AuditEntry): Cell[] {
  const fields = changedColumns(entry);
  const pick = (row: AuditRow | null) => (row === null ? '' : JSON.stringify(Object.fromEntries(fields.map((f) => [f, row[f] ?? null]))));
  return [
    entry.id,
    entry.at,
    entry.actorName,
    entry.actorId ?? '',
    entry.dbRole,
    entry.requestId ?? '',
    entry.table,
    JSON.stringify(entry.rowKey),
    AUDIT_OPERATION_LABELS[entry.operation],
    fields.join(', '),
    pick(entry.old),
    pick(entry.new),
  ];
}
