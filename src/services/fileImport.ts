import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Area } from '../domain/area.js';
import { StyrkortError } from '../domain/errors.js';
import type { ImportProgress, ImportReport } from '../domain/importView.js';
import type { Indicator } from '../domain/indicator.js';
import { keyLabel } from '../domain/period.js';
import { readCsv } from '../importers/csv/parse.js';
import { compareIssues, formatImportIssue, type ImportIssue } from '../importers/tabular/issues.js';
import { KeySet } from '../importers/tabular/keySet.js';
import { RowResolver, type ResolveCatalog } from '../importers/tabular/resolve.js';
import type { TabularResult, TabularSink } from '../importers/tabular/sink.js';
import { readXlsx } from '../importers/xlsx/parse.js';
import { DEFAULT_ZIP_LIMITS, type ZipLimits } from '../importers/xlsx/zipGuard.js';
import { setActor, type Actor } from '../db/actor.js';
import { listAreas } from '../db/repositories/areas.js';
import { batchesWithFile, lockMeasurementWrites } from '../db/repositories/importBatches.js';
import { listImportMappings } from '../db/repositories/importMappings.js';
import { listIndicators } from '../db/repositories/indicators.js';
import {
  allowBulkMemory,
  analyzeStaging,
  copyIntoStaging,
  createStaging,
  dropDuplicateKeys,
  findDuplicateKeys,
  planStaged,
} from '../db/repositories/measurementStaging.js';
import type { Db } from '../db/repositories/types.js';
import { withSingleConnection } from '../db/singleConnection.js';
import { changeViews, IssueCollector } from './importViews.js';
import { commitStaged } from './measurementCommit.js';
import type { Store } from './store.js';

/**
 * Imports a CSV or XLSX file of measured values: read it as a stream, resolve names, check every
 * rule, stage the rows with COPY in one transaction, find duplicate keys, compare with what is
 * stored — and then either roll back (a dry run, or a file with errors) or write it all as one
 * import batch through the one write path. The report says what is new, what changes old → new,
 * what is unchanged, and every problem with its sheet, row and column.
 */
export interface FileImportRequest {
  /** The file on disk (an upload is saved to a temporary file first). */
  path: string;
  /** The name the user knows it by, for messages and provenance. */
  fileName: string;
  sheet?: string | null;
  /** Indicator and area for files that do not name them in a column (id or name). */
  indicator?: string | null;
  area?: string | null;
  /** Source recorded on every value; default: a Källa column, else the indicator's source. */
  source?: string | null;
  dryRun: boolean;
  /** Commit the valid rows even when some rows have problems (they are left out). */
  skipInvalid?: boolean;
  createdBy: string;
  /** Who imports, under which request, for the audit trail; without one the database role is recorded. */
  actor?: Actor | null;
  /** Refuse to commit unless the comparison still gives these counts (what the user previewed). */
  expect?: { new: number; changed: number; unchanged: number } | null;
  zipLimits?: ZipLimits;
}

export interface ImportEffects {
  /** Progress reporter; what it throws aborts the import and rolls everything back. */
  progress?: (event: ImportProgress) => void | Promise<void>;
}

export type { ImportProgress, ImportReport };

export const MAX_KEPT_ISSUES = 50_000;
export const SAMPLE_ROWS = 200;
const DUPLICATE_GROUPS = 5_000;
const MAX_CANDIDATES = 200_000;

export async function sha256File(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** XLSX by its zip signature (or the old .xls signature, which the zip guard explains); else CSV. */
export async function sniffFormat(file: string): Promise<'csv' | 'xlsx'> {
  const handle = await open(file, 'r');
  try {
    const head = Buffer.alloc(4);
    await handle.read(head, 0, 4, 0);
    const zip = head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04;
    const ole = head.readUInt32LE(0) === 0xe011cfd0;
    return zip || ole ? 'xlsx' : 'csv';
  } finally {
    await handle.close();
  }
}

export async function loadResolveCatalog(db: Db): Promise<ResolveCatalog> {
  const [indicators, areas, mappings] = await Promise.all([listIndicators(db), listAreas(db), listImportMappings(db)]);
  return { indicators, areas, mappings: mappings.map((m) => ({ kind: m.kind, sourceKey: m.sourceKey, targetId: m.targetId })) };
}

function resolveDefault(resolver: RowResolver, kind: 'indicator' | 'area', text: string | null | undefined): string | null {
  if (text === null || text === undefined || text.trim() === '') return null;
  const found = resolver.lookupName(kind, text);
  const what = kind === 'indicator' ? 'Indikatorn' : 'Området';
  if (found === null) throw new StyrkortError('invalid_input', `${what} "${text}" finns inte`);
  if ('ambiguous' in found) throw new StyrkortError('invalid_input', `${what} "${text}" kan vara flera: ${found.ambiguous.join(', ')}; ange id`);
  return found.id;
}

function duplicateIssues(groups: Awaited<ReturnType<typeof findDuplicateKeys>>['groups'], indicators: ReadonlyMap<string, Indicator>, areas: ReadonlyMap<string, Area>): ImportIssue[] {
  const issues: ImportIssue[] = [];
  for (const g of groups) {
    const label = `${indicators.get(g.indicatorId)?.name ?? g.indicatorId} · ${areas.get(g.areaId)?.name ?? g.areaId} · ${keyLabel(g.period, { per: false })}${g.breakdown ? ` · ${g.breakdown}` : ''}`;
    const places = g.occurrences.map((o) => `${o.sheet === null ? '' : `${o.sheet}!`}${o.column ?? ''}${o.row ?? ''}`).join(', ');
    for (const o of g.occurrences) {
      issues.push({ sheet: o.sheet, row: o.row ?? 1, column: o.column ?? 'A', value: o.value, rule: 'dubblett', message: `${label} finns flera gånger i filen: ${places}` });
    }
  }
  return issues;
}

export async function importFile(store: Store, request: FileImportRequest, effects: ImportEffects = {}): Promise<ImportReport> {
  const info = await stat(request.path).catch(() => null);
  if (!info?.isFile()) throw new StyrkortError('not_found', `Filen ${request.fileName} finns inte`);
  const format = await sniffFormat(request.path);
  const sha256 = await sha256File(request.path);
  const catalog = await loadResolveCatalog(store);
  const indicators = new Map(catalog.indicators.map((i) => [i.id, i]));
  const areas = new Map(catalog.areas.map((a) => [a.id, a]));
  const resolver = new RowResolver(catalog, { fileName: path.basename(request.fileName), source: request.source?.trim() || null });
  const defaults = { indicator: resolveDefault(resolver, 'indicator', request.indicator), area: resolveDefault(resolver, 'area', request.area) };

  return withSingleConnection(store, async ({ client, db }) => {
    await client.query('begin');
    try {
      if (request.actor) await setActor(db, request.actor);
      await allowBulkMemory(db);
      await createStaging(db);
      const writer = copyIntoStaging(client);
      const keys = new KeySet(Math.min(4 << 20, Math.max(1 << 16, Math.ceil(info.size / 16))));
      const issues = new IssueCollector(MAX_KEPT_ISSUES);
      const notes: string[] = [];
      let rowsWithProblems = 0;
      let lastRow: { sheet: string | null; row: number } | null = null;
      let read = { bytes: 0, rows: 0 };
      let reported = -1;
      const onIssue = (issue: ImportIssue) => {
        issues.add(issue);
        if (lastRow === null || lastRow.sheet !== issue.sheet || lastRow.row !== issue.row) rowsWithProblems += 1;
        lastRow = { sheet: issue.sheet, row: issue.row };
      };
      const sink: TabularSink = {
        row: (parsed) => {
          const r = resolver.resolve(parsed, onIssue);
          if (r) keys.add([r.indicatorId, r.areaId, r.period, r.breakdown, r.scenario, r.asOf], writer.add(r));
        },
        issue: onIssue,
        note: (text) => void notes.push(text),
        progress: (p) => void (read = p),
        drain: async () => {
          if (read.bytes - reported >= Math.max(256 * 1024, info.size / 100) || (read.bytes === info.size && reported !== read.bytes)) {
            reported = read.bytes;
            await effects.progress?.({ phase: 'read', bytes: read.bytes, totalBytes: info.size, rows: read.rows });
          }
          await writer.flush();
        },
      };
      let result: TabularResult;
      try {
        result =
          format === 'csv'
            ? await readCsv(createReadStream(request.path, { highWaterMark: 1 << 20 }), { defaults }, sink)
            : await readXlsx(request.path, { sheet: request.sheet ?? null, defaults, zipLimits: request.zipLimits ?? DEFAULT_ZIP_LIMITS }, sink);
      } catch (error) {
        await writer.abort(error as Error);
        throw error;
      }
      if (format === 'csv' && request.sheet) notes.push(`En CSV-fil har inga blad; --sheet ${request.sheet} användes inte`);
      const valuesStaged = await writer.finish();
      await analyzeStaging(db);

      await effects.progress?.({ phase: 'check' });
      // Only rows whose key hash repeats can repeat a key; past a limit, look among all rows.
      const candidates = keys.candidates.size <= MAX_CANDIDATES ? [...keys.candidates] : null;
      const duplicates = await findDuplicateKeys(db, DUPLICATE_GROUPS, candidates);
      for (const issue of duplicateIssues(duplicates.groups, indicators, areas)) issues.add(issue);
      if (duplicates.repeatedRows > 0 && duplicates.groups.length >= DUPLICATE_GROUPS) issues.count += duplicates.repeatedRows - duplicates.groups.length;
      // Rows that repeat a key are never written (which one is right?); they are left out of the
      // comparison too, so the counts show what a commit would write.
      let skipped = rowsWithProblems;
      if (duplicates.groups.length > 0) skipped += await dropDuplicateKeys(db, candidates);

      await effects.progress?.({ phase: 'plan' });
      const commit = !request.dryRun && (issues.count === 0 || request.skipInvalid === true);
      if (commit) await lockMeasurementWrites(db);
      const { counts, ...samples } = await planStaged(db, SAMPLE_ROWS);
      const previous = await batchesWithFile(db, sha256);
      const report: ImportReport = {
        fileName: request.fileName,
        sha256,
        bytes: info.size,
        format,
        encoding: result.encoding,
        delimiter: result.delimiter,
        sheets: result.sheets,
        rowsRead: result.sourceRows,
        valuesRead: valuesStaged,
        counts: { new: counts.inserts, changed: counts.changes, unchanged: counts.unchanged, errors: issues.count },
        changes: changeViews(samples.changes, indicators, areas, true),
        inserts: changeViews(samples.inserts, indicators, areas, false),
        issues: issues.kept.sort(compareIssues(result.sheets.map((s) => s.sheet))),
        issuesTruncated: issues.truncated,
        unresolved: resolver.unresolved(),
        notes,
        previousImports: previous.map((b) => ({ batchId: b.id, createdAt: b.createdAt, createdBy: b.createdBy })),
        dryRun: request.dryRun,
        committed: false,
        skipped: request.skipInvalid ? skipped : 0,
        batchId: null,
      };
      if (!commit) {
        await client.query('rollback');
        await effects.progress?.({ phase: 'done' });
        return report;
      }
      const expect = request.expect;
      if (expect && (expect.new !== counts.inserts || expect.changed !== counts.changes || expect.unchanged !== counts.unchanged)) {
        throw new StyrkortError(
          'conflict',
          `De lagrade värdena har ändrats sedan förhandsgranskningen (nu ${counts.inserts} nya, ${counts.changes} ändrade, ${counts.unchanged} oförändrade; granskat ${expect.new}, ${expect.changed}, ${expect.unchanged}). Granska filen igen innan den sparas.`,
        );
      }
      const written = await commitStaged(db, { kind: format, fileName: request.fileName, fileSha256: sha256, createdBy: request.createdBy }, { hooks: { progress: effects.progress }, counts });
      await client.query('commit');
      await effects.progress?.({ phase: 'done' });
      return { ...report, committed: true, batchId: written.batchId };
    } catch (error) {
      await client.query('rollback').catch(() => undefined);
      throw error;
    }
  });
}

/** The report's problems as lines for a terminal or a log. */
export function issueLines(report: Pick<ImportReport, 'issues'>, limit: number): string[] {
  return report.issues.slice(0, limit).map(formatImportIssue);
}
