import { once } from 'node:events';
import { sql } from 'kysely';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { periodEnd, periodStart, requirePeriod } from '../../domain/period.js';
import type { Db } from './types.js';

/**
 * The staging table every measurement write goes through: incoming rows are loaded into a
 * temporary table (COPY for files, a bulk insert for small sets), checked for duplicate keys,
 * compared with what is stored, and written with set-based statements. It lives for one
 * transaction (`on commit drop`).
 */
export interface StagedRow {
  indicatorId: string;
  areaId: string;
  period: string;
  breakdown: string;
  scenario: string;
  asOf: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  preliminary: boolean;
  comment: string | null;
  source: string;
  sourceRow: number | null;
  sourceRef: string | null;
  sheet?: string | null;
  column?: string | null;
}

export const STAGING = 'measurement_incoming';

const KEY_JOIN = sql.raw(
  'm.indicator_id = i.indicator_id and m.area_id = i.area_id and m.period = i.period and m.breakdown = i.breakdown and m.scenario = i.scenario and m.as_of = i.as_of',
);
const DIFFERS = sql.raw(
  '(i.value is distinct from m.value or i.numerator is distinct from m.numerator or i.denominator is distinct from m.denominator or i.preliminary is distinct from m.preliminary or i.comment is distinct from m.comment)',
);

/** Lets the sorts and hashes of a bulk import (a million rows) work in memory, for this transaction only. */
export async function allowBulkMemory(db: Db): Promise<void> {
  await sql`set local work_mem = '256MB'`.execute(db);
}

export async function createStaging(db: Db): Promise<void> {
  await sql`drop table if exists pg_temp.measurement_incoming`.execute(db);
  await sql`
    create temp table measurement_incoming (
      seq bigint not null,
      sheet text,
      source_col text,
      source_row int,
      indicator_id text not null,
      area_id text not null,
      period text not null,
      period_start date not null,
      period_end date not null,
      breakdown text not null,
      scenario text not null,
      as_of text not null,
      value numeric,
      numerator numeric,
      denominator numeric,
      preliminary boolean not null,
      comment text,
      source text not null,
      source_ref text
    ) on commit drop`.execute(db);
}

const extents = new Map<string, [string, string]>();
function extentOf(key: string): [string, string] {
  let found = extents.get(key);
  if (!found) {
    const period = requirePeriod(key);
    found = [periodStart(period), periodEnd(period)];
    if (extents.size > 100_000) extents.clear();
    extents.set(key, found);
  }
  return found;
}

function copyText(value: string | null | undefined): string {
  if (value === null || value === undefined) return '\\N';
  return /[\\\t\n\r]/.test(value) ? value.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r') : value;
}

function copyNumber(value: number | null): string {
  return value === null ? '\\N' : String(value);
}

/** One row as a line of PostgreSQL's COPY text format, columns in STAGING order. */
export function stagingLine(seq: number, row: StagedRow): string {
  const [start, end] = extentOf(row.period);
  return `${seq}\t${copyText(row.sheet)}\t${copyText(row.column)}\t${row.sourceRow === null ? '\\N' : row.sourceRow}\t${copyText(row.indicatorId)}\t${copyText(row.areaId)}\t${copyText(row.period)}\t${start}\t${end}\t${copyText(row.breakdown)}\t${copyText(row.scenario)}\t${copyText(row.asOf)}\t${copyNumber(row.value)}\t${copyNumber(row.numerator)}\t${copyNumber(row.denominator)}\t${row.preliminary ? 't' : 'f'}\t${copyText(row.comment)}\t${copyText(row.source)}\t${copyText(row.sourceRef)}\n`;
}

/** A COPY into the staging table, fed line by line, with back-pressure. */
export interface StagingWriter {
  /** Adds a row; returns its sequence number (1, 2, …) in the staging table. */
  add(row: StagedRow): number;
  /** Resolves when the buffer has been handed to the connection (awaits back-pressure). */
  flush(): Promise<void>;
  finish(): Promise<number>;
  abort(error: Error): Promise<void>;
}

export function copyIntoStaging(client: pg.ClientBase): StagingWriter {
  // several megabytes in flight, so parsing here and COPY in PostgreSQL run side by side
  const stream = client.query(copyFrom(`copy ${STAGING} from stdin`, { highWaterMark: 8 << 20 }));
  let failed: Error | null = null;
  stream.on('error', (error: Error) => (failed = error));
  let buffer: string[] = [];
  let size = 0;
  let seq = 0;
  const FLUSH_CHARS = 256 * 1024;
  const push = async () => {
    if (buffer.length === 0) return;
    const chunk = buffer.join('');
    buffer = [];
    size = 0;
    if (failed) throw failed;
    if (!stream.write(chunk)) await Promise.race([once(stream, 'drain'), once(stream, 'error')]);
    if (failed) throw failed;
  };
  return {
    add(row) {
      seq += 1;
      const line = stagingLine(seq, row);
      buffer.push(line);
      size += line.length;
      return seq;
    },
    async flush() {
      if (size >= FLUSH_CHARS) await push();
    },
    async finish() {
      await push();
      const done = once(stream, 'finish');
      stream.end();
      await done;
      if (failed) throw failed;
      return seq;
    },
    async abort(error) {
      if (!stream.destroyed) {
        stream.destroy(error);
        await once(stream, 'close').catch(() => undefined);
      }
    },
  };
}

/** Small sets (Kolada, the demo catalog) go in with one insert per 5 000 rows, no COPY needed. */
export async function insertIntoStaging(db: Db, rows: readonly StagedRow[], firstSeq = 1): Promise<void> {
  const CHUNK = 5000;
  for (let i = 0; i < rows.length; i += CHUNK) {
    const part = rows.slice(i, i + CHUNK);
    const col = <T>(f: (r: StagedRow, j: number) => T) => part.map(f);
    await sql`
      insert into measurement_incoming
      select * from unnest(
        ${col((_, j) => firstSeq + i + j)}::bigint[], ${col((r) => r.sheet ?? null)}::text[], ${col((r) => r.column ?? null)}::text[],
        ${col((r) => r.sourceRow)}::int[], ${col((r) => r.indicatorId)}::text[], ${col((r) => r.areaId)}::text[], ${col((r) => r.period)}::text[],
        ${col((r) => extentOf(r.period)[0])}::date[], ${col((r) => extentOf(r.period)[1])}::date[], ${col((r) => r.breakdown)}::text[],
        ${col((r) => r.scenario)}::text[], ${col((r) => r.asOf)}::text[], ${col((r) => (r.value === null ? null : String(r.value)))}::numeric[],
        ${col((r) => (r.numerator === null ? null : String(r.numerator)))}::numeric[], ${col((r) => (r.denominator === null ? null : String(r.denominator)))}::numeric[],
        ${col((r) => r.preliminary)}::boolean[], ${col((r) => r.comment)}::text[], ${col((r) => r.source)}::text[], ${col((r) => r.sourceRef)}::text[]
      )`.execute(db);
  }
}

export async function analyzeStaging(db: Db): Promise<void> {
  await sql`analyze measurement_incoming`.execute(db);
}

export interface DuplicateGroup {
  indicatorId: string;
  areaId: string;
  period: string;
  breakdown: string;
  occurrences: Array<{ sheet: string | null; row: number | null; column: string | null; value: string | null }>;
}

/** Rows to look among: all (null), or only these sequence numbers (the candidates a KeySet found). */
function among(candidates: readonly number[] | null) {
  return candidates === null ? sql`true` : sql`seq = any(${candidates}::bigint[])`;
}

/**
 * Keys that occur more than once among the staged rows (at most `limit` groups) and how many rows
 * repeat a key. `candidates`: when every row of a repeated key is known to be among these rows.
 */
export async function findDuplicateKeys(db: Db, limit: number, candidates: readonly number[] | null = null): Promise<{ groups: DuplicateGroup[]; repeatedRows: number }> {
  if (candidates !== null && candidates.length === 0) return { groups: [], repeatedRows: 0 };
  const result = await sql<{ indicator_id: string; area_id: string; period: string; breakdown: string; sheets: (string | null)[]; rows: (number | null)[]; cols: (string | null)[]; vals: (string | null)[]; n: number; total: number }>`
    select indicator_id, area_id, period, breakdown,
           (array_agg(sheet order by seq))[1:20] as sheets, (array_agg(source_row order by seq))[1:20] as rows,
           (array_agg(source_col order by seq))[1:20] as cols,
           (array_agg(coalesce(value::text, numerator::text || ' / ' || denominator::text) order by seq))[1:20] as vals, count(*)::int as n,
           sum(count(*) - 1) over ()::int as total
    from measurement_incoming
    where ${among(candidates)}
    group by indicator_id, area_id, period, breakdown, scenario, as_of
    having count(*) > 1
    order by min(seq)
    limit ${limit}`.execute(db);
  const groups = result.rows.map((r) => ({
    indicatorId: r.indicator_id,
    areaId: r.area_id,
    period: r.period,
    breakdown: r.breakdown,
    occurrences: r.rows.map((row, k) => ({ sheet: r.sheets[k] ?? null, row, column: r.cols[k] ?? null, value: r.vals[k]?.replace('.', ',') ?? null })),
  }));
  return { groups, repeatedRows: result.rows[0]?.total ?? 0 };
}

/** Drops every staged row whose key occurs more than once (the user chose to skip bad rows). */
export async function dropDuplicateKeys(db: Db, candidates: readonly number[] | null = null): Promise<number> {
  if (candidates !== null && candidates.length === 0) return 0;
  const result = await sql`
    delete from measurement_incoming i using (
      select indicator_id, area_id, period, breakdown, scenario, as_of from measurement_incoming
      where ${among(candidates)}
      group by 1, 2, 3, 4, 5, 6 having count(*) > 1) d
    where i.indicator_id = d.indicator_id and i.area_id = d.area_id and i.period = d.period
      and i.breakdown = d.breakdown and i.scenario = d.scenario and i.as_of = d.as_of`.execute(db);
  return Number(result.numAffectedRows ?? 0);
}

export interface StagedCounts {
  inserts: number;
  changes: number;
  unchanged: number;
}

export async function countStaged(db: Db): Promise<StagedCounts> {
  const result = await sql<{ inserts: number; changes: number; unchanged: number }>`
    select count(*) filter (where m.id is null)::int as inserts,
           count(*) filter (where m.id is not null and ${DIFFERS})::int as changes,
           count(*) filter (where m.id is not null and not ${DIFFERS})::int as unchanged
    from measurement_incoming i left join measurement m on ${KEY_JOIN}`.execute(db);
  const r = result.rows[0];
  return { inserts: r?.inserts ?? 0, changes: r?.changes ?? 0, unchanged: r?.unchanged ?? 0 };
}

export interface StagedChange {
  sheet: string | null;
  row: number | null;
  column: string | null;
  indicatorId: string;
  areaId: string;
  period: string;
  breakdown: string;
  scenario: string;
  asOf: string;
  old: { value: number | null; numerator: number | null; denominator: number | null; preliminary: boolean; comment: string | null };
  new: { value: number | null; numerator: number | null; denominator: number | null; preliminary: boolean; comment: string | null };
}

type SampleRow = {
  sheet: string | null; source_row: number | null; source_col: string | null; indicator_id: string; area_id: string; period: string; breakdown: string; scenario: string; as_of: string;
  value: number | null; numerator: number | null; denominator: number | null; preliminary: boolean; comment: string | null;
  old_value: number | null; old_numerator: number | null; old_denominator: number | null; old_preliminary: boolean | null; old_comment: string | null;
};

function toChange(r: SampleRow): StagedChange {
  return {
    sheet: r.sheet, row: r.source_row, column: r.source_col, indicatorId: r.indicator_id, areaId: r.area_id, period: r.period, breakdown: r.breakdown, scenario: r.scenario, asOf: r.as_of,
    old: { value: r.old_value, numerator: r.old_numerator, denominator: r.old_denominator, preliminary: r.old_preliminary ?? false, comment: r.old_comment },
    new: { value: r.value, numerator: r.numerator, denominator: r.denominator, preliminary: r.preliminary, comment: r.comment },
  };
}

export interface StagedPlan {
  counts: StagedCounts;
  changes: StagedChange[];
  inserts: StagedChange[];
}

/**
 * The comparison with what is stored, in one pass over the staged rows: how many are new,
 * changed and unchanged, and the first `limit` new and changed rows (old → new) in file order.
 */
export async function planStaged(db: Db, limit: number): Promise<StagedPlan> {
  const result = await sql<SampleRow & { action: number; n: number }>`
    with compared as (
      select i.seq, case when m.id is null then 1 when ${DIFFERS} then 2 else 3 end as action
      from measurement_incoming i left join measurement m on ${KEY_JOIN}
    ), ranked as (
      select seq, action, row_number() over (partition by action order by seq) as rn, count(*) over (partition by action) as n
      from compared
    )
    select r.action, r.n::int as n, i.sheet, i.source_row, i.source_col, i.indicator_id, i.area_id, i.period, i.breakdown, i.scenario, i.as_of,
           i.value, i.numerator, i.denominator, i.preliminary, i.comment,
           m.value as old_value, m.numerator as old_numerator, m.denominator as old_denominator, m.preliminary as old_preliminary, m.comment as old_comment
    from ranked r
    join measurement_incoming i on i.seq = r.seq
    left join measurement m on ${KEY_JOIN}
    where r.rn <= case when r.action = 3 then 1 else ${limit} end
    order by r.action, r.rn`.execute(db);
  const counts: StagedCounts = { inserts: 0, changes: 0, unchanged: 0 };
  const changes: StagedChange[] = [];
  const inserts: StagedChange[] = [];
  for (const r of result.rows) {
    if (r.action === 1) {
      counts.inserts = r.n;
      inserts.push(toChange(r));
    } else if (r.action === 2) {
      counts.changes = r.n;
      changes.push(toChange(r));
    } else counts.unchanged = r.n;
  }
  return { counts, changes, inserts };
}

/** Inserts the staged rows whose key is not stored yet, as rows of the batch. */
export async function insertNewFromStaging(db: Db, batchId: number, recordedBy: string): Promise<number> {
  const result = await sql`
    insert into measurement (indicator_id, area_id, period, period_start, period_end, breakdown, scenario, as_of, value, numerator,
                             denominator, preliminary, comment, source, import_batch_id, source_row, source_ref, recorded_by, recorded_at)
    select i.indicator_id, i.area_id, i.period, i.period_start, i.period_end, i.breakdown, i.scenario, i.as_of, i.value, i.numerator,
           i.denominator, i.preliminary, i.comment, i.source, ${batchId}, i.source_row, i.source_ref, ${recordedBy}, now()
    from measurement_incoming i
    where not exists (select 1 from measurement m where ${KEY_JOIN})
    order by i.indicator_id, i.area_id, i.period, i.breakdown, i.scenario, i.as_of`.execute(db);
  return Number(result.numAffectedRows ?? 0);
}

/** Records the old and new values of every changed row for the batch, then updates the rows. */
export async function updateChangedFromStaging(db: Db, batchId: number, recordedBy: string): Promise<number> {
  const result = await sql`
    with changed as (
      select m.id, m.value, m.numerator, m.denominator, m.preliminary, m.comment, m.source, m.import_batch_id, m.source_row,
             m.source_ref, m.recorded_by, m.recorded_at,
             i.value as new_value, i.numerator as new_numerator, i.denominator as new_denominator, i.preliminary as new_preliminary,
             i.comment as new_comment, i.source as new_source, i.source_row as new_source_row, i.source_ref as new_source_ref
      from measurement_incoming i join measurement m on ${KEY_JOIN}
      where ${DIFFERS}
    ), recorded as (
      insert into measurement_change (batch_id, measurement_id, old_value, old_numerator, old_denominator, old_preliminary, old_comment,
                                      old_source, old_import_batch_id, old_source_row, old_source_ref, old_recorded_by, old_recorded_at,
                                      new_value, new_numerator, new_denominator)
      select ${batchId}, id, value, numerator, denominator, preliminary, comment, source, import_batch_id, source_row, source_ref,
             recorded_by, recorded_at, new_value, new_numerator, new_denominator
      from changed
    )
    update measurement m
    set value = c.new_value, numerator = c.new_numerator, denominator = c.new_denominator, preliminary = c.new_preliminary,
        comment = c.new_comment, source = c.new_source, import_batch_id = ${batchId}, source_row = c.new_source_row,
        source_ref = c.new_source_ref, recorded_by = ${recordedBy}, recorded_at = now()
    from changed c where m.id = c.id`.execute(db);
  return Number(result.numAffectedRows ?? 0);
}
