import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Kysely } from 'kysely';
import { StyrkortError, type ErrorDetail } from '../domain/errors.js';
import { resolveGoal } from '../domain/plan.js';
import { formatIssue, type CatalogIssue } from '../importers/catalog/parse.js';
import { checkReferences, type Catalog, type KnownIds } from '../importers/catalog/references.js';
import { listAreas } from '../db/repositories/areas.js';
import { listGoalLines, listPlanPeriods } from '../db/repositories/plan.js';
import type { Db } from '../db/repositories/types.js';
import type { Database } from '../db/schema.js';
import { setActor } from '../db/actor.js';
import { addCounts, deferConstraints, syncTable, type SyncCounts } from '../db/sync.js';
import { readCatalogDir } from './catalogFiles.js';
import { commitMeasurementPlan, planMeasurementImport, type IncomingMeasurement, type CommitResult } from './measurementCommit.js';

/**
 * Loads a catalog directory (the demo data, or a region's own set-up) into the database:
 * read and check everything first, then write it all in one transaction. A bad file changes
 * nothing; loading the same directory twice changes nothing the second time.
 *
 * A catalog may be partial — a file with one new person, or one new title of someone already
 * stored. What it does not mention is left alone: a person's other titles, an area's other
 * members, an indicator's other goal lines and targets. A list a file gives (a plan period's
 * goals, a year's focus areas, a meeting's agenda, an item's presenters and blocks, a register's
 * risks) is that list, in that order, since the order is what places each entry; a list a file
 * leaves empty is not mentioned. Only `prune` makes the stored catalog match the files for
 * everything they mention, deleting the rest of it (what `styrkort demo load --prune` asks for).
 */
export interface CatalogLoadResult {
  structure: SyncCounts;
  measurements: CommitResult;
}

function toDetails(issues: readonly CatalogIssue[]): ErrorDetail[] {
  return issues.map((i) => ({ where: `${i.file}${i.line === null ? '' : `:${i.line}`}${i.path ? ` ${i.path}` : ''}`, message: i.message }));
}

function catalogError(issues: readonly CatalogIssue[]): StyrkortError {
  const first = issues[0] ? formatIssue(issues[0]) : '';
  const more = issues.length > 1 ? ` (och ${issues.length - 1} fel till)` : '';
  return new StyrkortError('invalid_input', `Katalogen innehåller fel: ${first}${more}`, toDetails(issues));
}

async function knownIds(db: Db): Promise<KnownIds> {
  const ids = async (table: keyof Database, column: string) =>
    new Set((await (db as unknown as Kysely<Record<string, Record<string, string>>>).selectFrom(table).select(column).execute()).map((r) => r[column] as string));
  const years = await db.selectFrom('focus_area_set').select('year').execute();
  return {
    areas: await ids('area', 'id'),
    people: await ids('person', 'id'),
    indicators: await ids('indicator', 'id'),
    goalLines: await ids('goal_line', 'id'),
    planPeriods: await ids('plan_period', 'id'),
    focusYears: new Set(years.map((y) => y.year)),
    datasets: await ids('dataset', 'id'),
    registers: await ids('risk_register', 'id'),
    assets: await ids('asset', 'id'),
  };
}

export function measurementRowsOf(catalog: Catalog): IncomingMeasurement[] {
  return catalog.measurements.flatMap(({ file, content }) =>
    content.series.flatMap((s) =>
      s.values.map((v) => ({
        indicatorId: s.indicator,
        areaId: (v.area ?? s.area) as string,
        period: v.period,
        breakdown: v.breakdown ?? s.breakdown,
        scenario: s.scenario,
        asOf: s.as_of,
        value: v.value ?? null,
        numerator: v.numerator ?? null,
        denominator: v.denominator ?? null,
        preliminary: v.preliminary ?? s.preliminary,
        comment: v.comment ?? s.comment ?? null,
        source: s.source ?? content.source,
        sourceRow: null,
        sourceRef: `${file}${s.source_ref ?? content.source_ref ? ` · ${s.source_ref ?? content.source_ref}` : ''}`,
      })),
    ),
  );
}

async function applyStructure(trx: Db, catalog: Catalog, assetsBaseDir: string, prune: boolean): Promise<SyncCounts> {
  let counts: SyncCounts = { inserted: 0, updated: 0, deleted: 0 };
  /** Children of `parents` not in the files are deleted only when pruning (see above). */
  const keyed = (column: string, parents: readonly unknown[]) => (prune ? { column, values: parents } : null);
  /** A list replaces the stored one where a file gives it; pruning also empties lists given as empty. */
  const listed = <T>(column: string, parents: readonly T[], given: (parent: T) => boolean, id: (parent: T) => unknown) => ({
    column,
    values: parents.filter((p) => prune || given(p)).map(id),
  });
  const add = (c: SyncCounts) => {
    counts = addCounts(counts, c);
  };
  const org = catalog.organisation.map((o) => o.content);
  const plans = catalog.plan.map((p) => p.content);

  // plan: goal lines, periods, goals, focus areas
  add(await syncTable(trx, { table: 'goal_line', key: ['id'], columns: ['aliases'] }, plans.flatMap((p) => p.goal_lines)));
  const periods = plans.flatMap((p) => p.plan_periods);
  add(await syncTable(trx, { table: 'plan_period', key: ['id'], columns: ['start_year', 'end_year'] }, periods));
  add(
    await syncTable(
      trx,
      { table: 'goal', key: ['id'], columns: ['plan_period_id', 'goal_line_id', 'position', 'name'], scope: listed('plan_period_id', periods, (p) => p.goals.length > 0, (p) => p.id) },
      periods.flatMap((p) => p.goals.map((g, i) => ({ id: `${p.id}:${g.line}`, plan_period_id: p.id, goal_line_id: g.line, position: i + 1, name: g.name }))),
    ),
  );
  const focus = plans.flatMap((p) => p.focus_areas);
  add(await syncTable(trx, { table: 'focus_area_set', key: ['year'], columns: ['lead'] }, focus.map((f) => ({ year: f.year, lead: f.lead }))));
  add(
    await syncTable(
      trx,
      { table: 'focus_area', key: ['year', 'position'], columns: ['text'], scope: listed('year', focus, (f) => f.areas.length > 0, (f) => f.year) },
      focus.flatMap((f) => f.areas.map((text, i) => ({ year: f.year, position: i + 1, text }))),
    ),
  );

  // organisation: areas, aggregate members, people and their titles
  const areas = org.flatMap((o) => o.areas);
  add(
    await syncTable(
      trx,
      { table: 'area', key: ['id'], columns: ['kind', 'name', 'short_name', 'kolada_id', 'parent_id', 'aliases'] },
      areas.map((a) => ({ id: a.id, kind: a.kind, name: a.name, short_name: a.short_name, kolada_id: a.kolada_id, parent_id: a.parent, aliases: a.aliases })),
    ),
  );
  const regionIds = (await listAreas(trx)).filter((a) => a.kind === 'region').map((a) => a.id);
  add(
    await syncTable(
      trx,
      { table: 'area_member', key: ['group_id', 'member_id'], columns: [], scope: keyed('group_id', areas.map((a) => a.id)) },
      areas.flatMap((a) => (a.members === 'regions' ? regionIds : a.members).map((m) => ({ group_id: a.id, member_id: m }))),
    ),
  );
  const people = org.flatMap((o) => o.people);
  add(await syncTable(trx, { table: 'person', key: ['id'], columns: ['name'] }, people.map((p) => ({ id: p.id, name: p.name }))));
  add(
    await syncTable(
      trx,
      { table: 'person_title', key: ['person_id', 'title', 'valid_from'], columns: ['role_id', 'valid_to'], scope: keyed('person_id', people.map((p) => p.id)) },
      people.flatMap((p) => p.titles.map((t) => ({ person_id: p.id, title: t.title, valid_from: t.from, role_id: t.role, valid_to: t.to }))),
    ),
  );

  // indicators, their goal lines and targets
  const indicators = catalog.indicators.flatMap((f) => f.content.indicators);
  add(
    await syncTable(
      trx,
      {
        table: 'indicator',
        key: ['id'],
        columns: ['name', 'short_name', 'description', 'unit', 'decimals', 'direction', 'period_type', 'kind', 'breakdown', 'derived_numerator', 'derived_denominator', 'source', 'kolada_kpi', 'owner_person_id', 'owner_area_id'],
      },
      indicators.map((i) => ({
        id: i.id,
        name: i.name,
        short_name: i.short_name,
        description: i.description,
        unit: i.unit,
        decimals: i.decimals,
        direction: i.direction,
        period_type: i.period_type,
        kind: i.kind,
        breakdown: i.breakdown,
        derived_numerator: i.derived_from?.numerator ?? null,
        derived_denominator: i.derived_from?.denominator ?? null,
        source: i.source,
        kolada_kpi: i.kolada_kpi,
        owner_person_id: i.owner_person,
        owner_area_id: i.owner_area,
      })),
    ),
  );
  const indicatorIds = indicators.map((i) => i.id);
  add(
    await syncTable(
      trx,
      { table: 'indicator_goal_line', key: ['indicator_id', 'goal_line_id'], columns: [], scope: keyed('indicator_id', indicatorIds) },
      indicators.flatMap((i) => i.goal_lines.map((l) => ({ indicator_id: i.id, goal_line_id: l }))),
    ),
  );
  add(
    await syncTable(
      trx,
      {
        table: 'target',
        key: ['id'],
        columns: ['indicator_id', 'comparator', 'threshold', 'upper', 'near_margin', 'valid_from_year', 'valid_to_year', 'area_id', 'source', 'label'],
        scope: keyed('indicator_id', indicatorIds),
      },
      indicators.flatMap((i) =>
        i.targets.map((t) => ({
          id: t.id,
          indicator_id: i.id,
          comparator: t.comparator,
          threshold: t.threshold,
          upper: t.upper,
          near_margin: t.near_margin,
          valid_from_year: t.from_year,
          valid_to_year: t.to_year,
          area_id: t.area,
          source: t.source,
          label: t.label,
        })),
      ),
    ),
  );

  // datasets, risks, assets
  add(
    await syncTable(
      trx,
      { table: 'dataset', key: ['id'], columns: ['title', 'source', 'columns', 'rows'], jsonColumns: ['columns', 'rows'] },
      catalog.datasets.flatMap((f) => f.content.datasets.map((d) => ({ id: d.id, title: d.title, source: d.source, columns: d.columns, rows: d.rows }))),
    ),
  );
  const riskFiles = catalog.risks.map((f) => f.content);
  add(
    await syncTable(
      trx,
      { table: 'risk_category', key: ['code'], columns: ['parent_code', 'label'] },
      riskFiles.flatMap((f) => f.categories.map((c) => ({ code: c.code, parent_code: c.parent, label: c.label }))),
    ),
  );
  const registers = riskFiles.flatMap((f) => f.registers);
  add(await syncTable(trx, { table: 'risk_register', key: ['id'], columns: ['title', 'year', 'area_id'] }, registers.map((r) => ({ id: r.id, title: r.title, year: r.year, area_id: r.area }))));
  add(
    await syncTable(
      trx,
      {
        table: 'risk',
        key: ['id'],
        columns: ['register_id', 'position', 'category_code', 'title', 'probability', 'consequence', 'reported_score', 'control', 'owner'],
        scope: listed('register_id', registers, (r) => r.risks.length > 0, (r) => r.id),
      },
      registers.flatMap((r) =>
        r.risks.map((k, i) => ({
          id: k.id,
          register_id: r.id,
          position: i + 1,
          category_code: k.category,
          title: k.title,
          probability: k.probability,
          consequence: k.consequence,
          reported_score: k.reported_score,
          control: k.control,
          owner: k.owner,
        })),
      ),
    ),
  );
  const assetRows = [];
  for (const { file, content } of catalog.assets) {
    for (const a of content.assets) {
      const absolute = path.resolve(assetsBaseDir, path.dirname(file), a.file);
      let bytes: Buffer;
      try {
        bytes = await readFile(absolute);
      } catch {
        throw new StyrkortError('invalid_input', `${file}: assets (${a.id}).file: filen ${a.file} finns inte`);
      }
      assetRows.push({ id: a.id, file_name: path.basename(a.file), media_type: a.media_type, bytes, sha256: createHash('sha256').update(bytes).digest('hex'), alt: a.alt });
    }
  }
  add(await syncTable(trx, { table: 'asset', key: ['id'], columns: ['file_name', 'media_type', 'bytes', 'sha256', 'alt'] }, assetRows));

  // meetings, their items, presenters and blocks
  const meetings = catalog.meetings.map((m) => m.content);
  add(
    await syncTable(
      trx,
      { table: 'meeting', key: ['id'], columns: ['body', 'meeting_date', 'plan_period_id', 'focus_year', 'title', 'status'] },
      meetings.map((m) => ({ id: m.id, body: m.body, meeting_date: m.date, plan_period_id: m.plan_period, focus_year: m.focus_year, title: m.title, status: m.status })),
    ),
  );
  const storedPeriods = await listPlanPeriods(trx);
  const lines = await listGoalLines(trx);
  const allGoals = storedPeriods.flatMap((p) => p.goals);
  const items = meetings.flatMap((m) => {
    const period = storedPeriods.find((p) => p.id === m.plan_period);
    return m.items.map((item, i) => {
      const resolved = period ? resolveGoal(item.goal, period, lines, allGoals) : null;
      if (!resolved?.ok) throw new StyrkortError('invalid_input', `Målet "${item.goal}" finns inte i planperioden ${m.plan_period} (punkten ${item.id})`);
      return { meeting: m, item, row: { id: item.id, meeting_id: m.id, goal_id: resolved.goal.id, position: i + 1, title: item.title } };
    });
  });
  add(await syncTable(trx, { table: 'agenda_item', key: ['id'], columns: ['meeting_id', 'goal_id', 'position', 'title'], scope: listed('meeting_id', meetings, (m) => m.items.length > 0, (m) => m.id) }, items.map((i) => i.row)));
  add(
    await syncTable(
      trx,
      { table: 'agenda_item_presenter', key: ['item_id', 'position'], columns: ['person_id', 'title_override'], scope: listed('item_id', items, ({ item }) => item.presenters.length > 0, ({ item }) => item.id) },
      items.flatMap(({ item }) => item.presenters.map((p, i) => ({ item_id: item.id, position: i + 1, person_id: p.person, title_override: p.title }))),
    ),
  );
  add(
    await syncTable(
      trx,
      { table: 'content_block', key: ['item_id', 'position'], columns: ['type', 'spec'], jsonColumns: ['spec'], scope: listed('item_id', items, ({ item }) => item.blocks.length > 0, ({ item }) => item.id) },
      items.flatMap(({ item }) => item.blocks.map((b, i) => ({ item_id: item.id, position: i + 1, type: b.type, spec: b }))),
    ),
  );
  return counts;
}

export interface LoadCatalogOptions {
  dir: string;
  /** Directory that file names in messages are relative to. */
  root: string;
  kind: 'demo' | 'manual';
  createdBy: string;
  /** Delete what the files' entries do not restate (titles, members, targets …); default false. */
  prune?: boolean;
}

/** Reads and checks a catalog directory; throws a StyrkortError listing every problem. */
export async function readCheckedCatalog(db: Db, options: Pick<LoadCatalogOptions, 'dir' | 'root'>): Promise<{ catalog: Catalog; sha256: string }> {
  const read = await readCatalogDir(options.dir, options.root);
  if (read.issues.length > 0) throw catalogError(read.issues);
  const problems = checkReferences(read.catalog, await knownIds(db));
  if (problems.length > 0) throw catalogError(problems);
  const hash = createHash('sha256');
  for (const name of [...read.files.keys()].sort()) hash.update(name).update('\u0000').update(read.files.get(name) as Buffer);
  return { catalog: read.catalog, sha256: hash.digest('hex') };
}

export async function loadCatalog(db: Kysely<Database>, options: LoadCatalogOptions): Promise<CatalogLoadResult> {
  const { catalog, sha256 } = await readCheckedCatalog(db, options);
  return db.transaction().execute(async (trx) => {
    // the audit trail names the load's author (the demo, or who loaded a region's catalog)
    await setActor(trx, { userId: null, name: options.createdBy, requestId: null });
    await deferConstraints(trx);
    const structure = await applyStructure(trx, catalog, options.root, options.prune ?? false);
    const importPlan = await planMeasurementImport(trx, measurementRowsOf(catalog));
    const measurements = await commitMeasurementPlan(trx, importPlan, {
      kind: options.kind,
      fileName: path.relative(options.root, options.dir) || options.dir,
      fileSha256: sha256,
      createdBy: options.createdBy,
    });
    return { structure, measurements };
  });
}
