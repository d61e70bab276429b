import type { Area } from '../domain/area.js';
import { StyrkortError } from '../domain/errors.js';
import type { Indicator } from '../domain/indicator.js';
import type { KoladaSyncReport } from '../domain/importView.js';
import { matchKey } from '../domain/text.js';
import { KoladaClient, type KoladaClientOptions } from '../importers/kolada/client.js';
import { mapKoladaValues } from '../importers/kolada/map.js';
import type { ImportIssue } from '../importers/tabular/issues.js';
import type { ResolvedMeasurement } from '../importers/tabular/resolve.js';
import { setActor, type Actor } from '../db/actor.js';
import { listAreas } from '../db/repositories/areas.js';
import { listIndicators } from '../db/repositories/indicators.js';
import { incrementalSince, listKpiMappings, recordKoladaFetch, saveKpiMapping, type KpiMapping } from '../db/repositories/kolada.js';
import { lockMeasurementWrites } from '../db/repositories/importBatches.js';
import { createStaging, dropDuplicateKeys, findDuplicateKeys, insertIntoStaging, planStaged } from '../db/repositories/measurementStaging.js';
import type { Db } from '../db/repositories/types.js';
import { changeViews } from './importViews.js';
import { commitStaged, type WriteProgress } from './measurementCommit.js';
import type { Store } from './store.js';

/**
 * Fetches KPIs from Kolada for regions × years and stores them through the one write path, as
 * one import batch: the KPI's mapped indicator, gender T as the total and K/M as the kön
 * breakdown, null values as missing, deleted rows dropped. Every value records "Kolada", the
 * KPI id and the fetch time; every fetch is recorded, and the next sync asks only for what
 * changed since (`from_date`) unless told to fetch everything. Values Kolada revised show old → new.
 */
export const DEFAULT_KOLADA_URL = 'https://api.kolada.se/v3';

export function createKoladaClient(options: KoladaClientOptions): KoladaClient {
  return new KoladaClient(options);
}
export type { KoladaClient };

export interface KoladaSyncRequest {
  kpis: readonly string[];
  /** 'all': every region Kolada lists (type L) that is stored as an area, and Riket. */
  regions: 'all' | readonly string[];
  years: readonly number[];
  dryRun: boolean;
  /** Fetch everything, not only what changed since the last sync. */
  full?: boolean;
  skipInvalid?: boolean;
  createdBy: string;
  /** Who syncs, under which request, for the audit trail; without one the database role is recorded. */
  actor?: Actor | null;
}

export type KoladaProgress = { phase: 'fetch'; kpi: string; done: number; total: number } | { phase: 'plan' } | WriteProgress;

export interface KoladaSyncEffects {
  client: KoladaClient;
  now?: () => Date;
  progress?: (event: KoladaProgress) => void | Promise<void>;
}

export type { KoladaSyncReport };

/** "2016-2025", "2016–2025", "2020,2022,2024" → years, in order, without duplicates. */
export function parseYears(text: string): number[] {
  const years = new Set<number>();
  for (const part of text.split(',').map((p) => p.trim()).filter(Boolean)) {
    const range = part.match(/^(\d{4})\s*[-\u2013]\s*(\d{4})$/);
    if (range) {
      const from = Number(range[1]);
      const to = Number(range[2]);
      if (to < from || to - from > 100) throw new StyrkortError('invalid_input', `Ogiltigt årsintervall "${part}"`);
      for (let y = from; y <= to; y++) years.add(y);
    } else if (/^\d{4}$/.test(part)) years.add(Number(part));
    else throw new StyrkortError('invalid_input', `"${part}" är inget år (väntat t.ex. 2016-2025 eller 2020,2022)`);
  }
  if (years.size === 0) throw new StyrkortError('invalid_input', 'Ange minst ett år, t.ex. --years 2016-2025');
  return [...years].sort((a, b) => a - b);
}

export function parseKpis(text: string): string[] {
  const kpis = [...new Set(text.split(',').map((k) => k.trim().toUpperCase()).filter(Boolean))];
  const bad = kpis.filter((k) => !/^[A-Z][0-9A-Z]{2,15}$/.test(k));
  if (bad.length > 0) throw new StyrkortError('invalid_input', `Ogiltigt KPI-id: ${bad.join(', ')} (väntat t.ex. N79179)`);
  if (kpis.length === 0) throw new StyrkortError('invalid_input', 'Ange minst en KPI, t.ex. --kpi N79179');
  return kpis;
}

async function indicatorsFor(db: Db, kpis: readonly string[]): Promise<Map<string, Indicator>> {
  const [indicators, mappings] = await Promise.all([listIndicators(db), listKpiMappings(db)]);
  const byId = new Map(indicators.map((i) => [i.id, i]));
  const result = new Map<string, Indicator>();
  const problems: string[] = [];
  for (const kpi of kpis) {
    const mapped = mappings.find((m) => m.kpiId === kpi);
    if (mapped && byId.has(mapped.indicatorId)) {
      result.set(kpi, byId.get(mapped.indicatorId) as Indicator);
      continue;
    }
    const candidates = indicators.filter((i) => i.koladaKpi === kpi);
    if (candidates.length === 1) result.set(kpi, candidates[0] as Indicator);
    else if (candidates.length === 0) problems.push(`${kpi} är inte kopplad till någon indikator (koppla med "styrkort kolada map ${kpi} <indikator-id>")`);
    else problems.push(`${kpi} passar flera indikatorer (${candidates.map((c) => c.id).join(', ')}); välj en med "styrkort kolada map ${kpi} <indikator-id>"`);
  }
  if (problems.length > 0) throw new StyrkortError('invalid_input', `Kolada-KPI utan indikator: ${problems.join('; ')}`, problems.map((p) => ({ where: 'kpi', message: p })));
  return result;
}

async function regionsFor(request: KoladaSyncRequest, areas: readonly Area[], client: KoladaClient, notes: string[]): Promise<Map<string, string>> {
  const byKolada = new Map(areas.filter((a) => a.koladaId !== null).map((a) => [a.koladaId as string, a.id]));
  const selected = new Map<string, string>();
  if (request.regions === 'all') {
    const listed = await client.regions();
    const ids = new Set(listed.map((m) => m.id));
    if (byKolada.has('0000')) ids.add('0000');
    const missing: string[] = [];
    for (const id of [...ids].sort()) {
      const area = byKolada.get(id);
      if (area) selected.set(id, area);
      else missing.push(`${id} (${listed.find((m) => m.id === id)?.title ?? 'okänd'})`);
    }
    if (missing.length > 0) notes.push(`Kolada listar regioner som inte finns som områden och inte hämtades: ${missing.join(', ')}`);
    return selected;
  }
  const unknown: string[] = [];
  for (const token of request.regions) {
    const key = matchKey(token);
    const digits = /^\d{1,4}$/.test(token.trim()) ? token.trim().padStart(4, '0') : null;
    const area = areas.find(
      (a) => a.koladaId !== null && (a.koladaId === digits || a.id === token || matchKey(a.name) === key || (a.shortName !== null && matchKey(a.shortName) === key) || a.aliases.some((x) => matchKey(x) === key)),
    );
    if (area) selected.set(area.koladaId as string, area.id);
    else unknown.push(token);
  }
  if (unknown.length > 0) throw new StyrkortError('invalid_input', `Okänd region för Kolada: ${unknown.join(', ')} (ange Kolada-id som 0008, ett område-id eller "all")`);
  return selected;
}

class Rollback extends Error {
  constructor(readonly report: KoladaSyncReport) {
    super('rollback');
  }
}

export async function syncKolada(store: Store, request: KoladaSyncRequest, effects: KoladaSyncEffects): Promise<KoladaSyncReport> {
  const now = effects.now ?? (() => new Date());
  const kpis = [...new Set(request.kpis)];
  const years = [...new Set(request.years)].sort((a, b) => a - b);
  const [indicatorByKpi, areas] = await Promise.all([indicatorsFor(store, kpis), listAreas(store)]);
  const notes: string[] = [];
  const regions = await regionsFor(request, areas, effects.client, notes);
  if (regions.size === 0) throw new StyrkortError('invalid_input', 'Inga regioner att hämta: inget område har ett Kolada-id som Kolada listar');
  const ids = [...regions.keys()].sort();
  const fetchedAt = now().toISOString();
  const issues: ImportIssue[] = [];
  const rows: ResolvedMeasurement[] = [];
  const perKpi: KoladaSyncReport['kpis'] = [];
  let skippedGender = 0;
  const unknownMunicipalities = new Map<string, number>();
  for (const [index, kpi] of kpis.entries()) {
    await effects.progress?.({ phase: 'fetch', kpi, done: index, total: kpis.length });
    const meta = await effects.client.kpi(kpi);
    if (meta === null) throw new StyrkortError('not_found', `KPI ${kpi} finns inte i Kolada`);
    const indicatorId = (indicatorByKpi.get(kpi) as Indicator).id;
    const fromDate = request.full ? null : await incrementalSince(store, kpi, indicatorId, ids, years);
    const data = await effects.client.data({ kpis: [kpi], municipalities: ids, years, fromDate });
    const mapped = mapKoladaValues(data.values, { indicatorByKpi, areaByKoladaId: regions, fetchedAt });
    rows.push(...mapped.rows);
    issues.push(...data.issues, ...mapped.issues);
    skippedGender += mapped.skippedGender;
    for (const [id, n] of mapped.unknownMunicipalities) unknownMunicipalities.set(id, (unknownMunicipalities.get(id) ?? 0) + n);
    perKpi.push({ kpi, title: meta.title, indicatorId, fromDate, values: data.values.length, deleted: data.deleted, pages: data.pages });
  }
  await effects.progress?.({ phase: 'fetch', kpi: '', done: kpis.length, total: kpis.length });
  if (skippedGender > 0) notes.push(`${skippedGender} värden per kön (K/M) hoppades över: indikatorerna har ingen uppdelning på kön`);
  if (unknownMunicipalities.size > 0) notes.push(`Värden för okända Kolada-id hoppades över: ${[...unknownMunicipalities.keys()].join(', ')}`);
  const deleted = perKpi.reduce((n, k) => n + k.deleted, 0);
  if (deleted > 0) notes.push(`${deleted} värden som Kolada markerat som borttagna (isdeleted) lästes inte in`);

  const indicators = new Map([...indicatorByKpi.values()].map((i) => [i.id, i]));
  const areaById = new Map(areas.map((a) => [a.id, a]));
  const commit = !request.dryRun && (issues.length === 0 || request.skipInvalid === true);
  try {
    return await store.transaction().execute(async (trx) => {
      if (request.actor) await setActor(trx, request.actor);
      await createStaging(trx);
      await insertIntoStaging(trx, rows);
      const duplicates = await findDuplicateKeys(trx, 100);
      for (const g of duplicates.groups) {
        issues.push({ sheet: 'Kolada', row: 1, column: `${g.areaId} ${g.period} ${g.breakdown}`, value: g.indicatorId, rule: 'dubblett', message: `Kolada gav samma värde flera gånger (${g.indicatorId}, ${g.areaId}, ${g.period})` });
      }
      if (duplicates.groups.length > 0) await dropDuplicateKeys(trx);
      await effects.progress?.({ phase: 'plan' });
      if (commit) await lockMeasurementWrites(trx);
      const { counts, ...samples } = await planStaged(trx, 500);
      const report: KoladaSyncReport = {
        fetchedAt,
        kpis: perKpi,
        regions: ids,
        years,
        counts: { new: counts.inserts, changed: counts.changes, unchanged: counts.unchanged, errors: issues.length },
        changes: changeViews(samples.changes, indicators, areaById, true),
        inserts: changeViews(samples.inserts, indicators, areaById, false),
        issues,
        notes,
        dryRun: request.dryRun,
        committed: false,
        batchId: null,
      };
      if (!commit || (duplicates.groups.length > 0 && !request.skipInvalid)) throw new Rollback(report);
      const written = await commitStaged(trx, { kind: 'kolada', fileName: `Kolada ${kpis.join(', ')}`, fileSha256: null, createdBy: request.createdBy }, { hooks: { progress: effects.progress }, counts });
      for (const k of perKpi) {
        await recordKoladaFetch(trx, { kpiId: k.kpi, indicatorId: k.indicatorId, fetchedAt, fromDate: k.fromDate, municipalityIds: ids, years, rowsReceived: k.values, rowsDeleted: k.deleted, batchId: written.batchId });
      }
      return { ...report, committed: true, batchId: written.batchId };
    });
  } catch (error) {
    if (error instanceof Rollback) return error.report;
    throw error;
  }
}

export async function koladaMappingList(store: Store): Promise<KpiMapping[]> {
  return listKpiMappings(store);
}

/** Maps a Kolada KPI to an indicator; the KPI's title is looked up when Kolada answers. */
export async function mapKoladaKpi(store: Store, input: { kpi: string; indicatorId: string; createdBy: string }, client: KoladaClient | null): Promise<KpiMapping> {
  const [kpi] = parseKpis(input.kpi);
  const indicator = await store.selectFrom('indicator').select('id').where('id', '=', input.indicatorId).executeTakeFirst();
  if (!indicator) throw new StyrkortError('not_found', `Indikatorn ${input.indicatorId} finns inte`);
  let title: string | null = null;
  if (client) {
    const meta = await client.kpi(kpi as string).catch(() => null);
    title = meta?.title ?? null;
  }
  await saveKpiMapping(store, { kpiId: kpi as string, indicatorId: input.indicatorId, kpiTitle: title, createdBy: input.createdBy });
  return (await listKpiMappings(store)).find((m) => m.kpiId === kpi) as KpiMapping;
}
