import { referenceArea, type Block } from '../../domain/blocks.js';
import { compositionProblems } from '../../domain/slideLayout.js';
import { checkDataset } from '../../domain/dataset.js';
import type { Indicator } from '../../domain/indicator.js';
import { checkMeasurement } from '../../domain/measurementRules.js';
import { resolveGoal, type Goal, type GoalLine, type PlanPeriod } from '../../domain/plan.js';
import { parseFormula } from '../../domain/statement.js';
import { checkTimeline } from '../../domain/timeline.js';
import type { CatalogIssue } from './parse.js';
import type {
  AssetsFile,
  DatasetsFile,
  IndicatorsFile,
  MeasurementsFile,
  MeetingFile,
  OrganisationFile,
  PlanFile,
  RisksFile,
} from './schema.js';

/** A whole catalog as read from a directory, each part with the file it came from. */
export interface Catalog {
  organisation: Array<{ file: string; content: OrganisationFile }>;
  plan: Array<{ file: string; content: PlanFile }>;
  indicators: Array<{ file: string; content: IndicatorsFile }>;
  measurements: Array<{ file: string; content: MeasurementsFile }>;
  datasets: Array<{ file: string; content: DatasetsFile }>;
  risks: Array<{ file: string; content: RisksFile }>;
  assets: Array<{ file: string; content: AssetsFile }>;
  meetings: Array<{ file: string; content: MeetingFile }>;
}

/** What the database already holds, so a catalog may refer to it (a partial catalog on top of a loaded one). */
export interface KnownIds {
  areas: ReadonlySet<string>;
  people: ReadonlySet<string>;
  indicators: ReadonlySet<string>;
  goalLines: ReadonlySet<string>;
  planPeriods: ReadonlySet<string>;
  focusYears: ReadonlySet<number>;
  datasets: ReadonlySet<string>;
  registers: ReadonlySet<string>;
  assets: ReadonlySet<string>;
}

export const NO_KNOWN_IDS: KnownIds = {
  areas: new Set(),
  people: new Set(),
  indicators: new Set(),
  goalLines: new Set(),
  planPeriods: new Set(),
  focusYears: new Set(),
  datasets: new Set(),
  registers: new Set(),
  assets: new Set(),
};

export function toIndicator(entry: IndicatorsFile['indicators'][number]): Indicator {
  return {
    id: entry.id,
    name: entry.name,
    shortName: entry.short_name,
    description: entry.description,
    unit: entry.unit,
    decimals: entry.decimals,
    direction: entry.direction,
    periodType: entry.period_type,
    kind: entry.kind,
    breakdown: entry.breakdown,
    derivation: entry.derived_from,
    source: entry.source,
    koladaKpi: entry.kolada_kpi,
    ownerPersonId: entry.owner_person,
    ownerAreaId: entry.owner_area,
    goalLineIds: entry.goal_lines,
  };
}

/** Plan periods and goal lines of a catalog in domain form, with the goal ids the loader stores. */
export function planOf(catalog: Pick<Catalog, 'plan'>): { periods: PlanPeriod[]; lines: GoalLine[]; goals: Goal[] } {
  const lines: GoalLine[] = catalog.plan.flatMap((p) => p.content.goal_lines.map((l) => ({ id: l.id, aliases: l.aliases })));
  const periods: PlanPeriod[] = catalog.plan.flatMap((p) =>
    p.content.plan_periods.map((period) => ({
      id: period.id,
      startYear: period.start_year,
      endYear: period.end_year,
      goals: period.goals.map((g, i) => ({ id: `${period.id}:${g.line}`, planPeriodId: period.id, goalLineId: g.line, position: i + 1, name: g.name })),
    })),
  );
  return { periods, lines, goals: periods.flatMap((p) => p.goals) };
}

function duplicates<T>(items: readonly T[], key: (t: T) => string): string[] {
  const seen = new Set<string>();
  const dup = new Set<string>();
  for (const item of items) {
    const k = key(item);
    if (seen.has(k)) dup.add(k);
    seen.add(k);
  }
  return [...dup];
}

/**
 * Checks everything a schema cannot: that ids are unique and every reference points at
 * something that exists (in the catalog or already stored), that values fit their indicators,
 * that agenda goals resolve in the meeting's plan period, that formulas and timelines hold.
 */
export function checkReferences(catalog: Catalog, known: KnownIds = NO_KNOWN_IDS): CatalogIssue[] {
  const issues: CatalogIssue[] = [];
  const issue = (file: string, path: string, message: string) => issues.push({ file, line: null, path, message });

  const areas = catalog.organisation.flatMap((o) => o.content.areas.map((a) => ({ file: o.file, a })));
  const people = catalog.organisation.flatMap((o) => o.content.people.map((p) => ({ file: o.file, p })));
  const indicators = catalog.indicators.flatMap((f) => f.content.indicators.map((i) => ({ file: f.file, i })));
  const datasets = catalog.datasets.flatMap((f) => f.content.datasets.map((d) => ({ file: f.file, d })));
  const registers = catalog.risks.flatMap((f) => f.content.registers.map((r) => ({ file: f.file, r })));
  const categories = catalog.risks.flatMap((f) => f.content.categories.map((c) => ({ file: f.file, c })));
  const assets = catalog.assets.flatMap((f) => f.content.assets.map((a) => ({ file: f.file, a })));
  const { periods, lines, goals } = planOf(catalog);

  const areaIds = new Set([...known.areas, ...areas.map((x) => x.a.id)]);
  const personIds = new Set([...known.people, ...people.map((x) => x.p.id)]);
  const indicatorById = new Map(indicators.map((x) => [x.i.id, toIndicator(x.i)]));
  const indicatorIds = new Set([...known.indicators, ...indicatorById.keys()]);
  const lineIds = new Set([...known.goalLines, ...lines.map((l) => l.id)]);
  const periodIds = new Set([...known.planPeriods, ...periods.map((p) => p.id)]);
  const focusYears = new Set([...known.focusYears, ...catalog.plan.flatMap((p) => p.content.focus_areas.map((f) => f.year))]);
  const datasetIds = new Set([...known.datasets, ...datasets.map((x) => x.d.id)]);
  const registerIds = new Set([...known.registers, ...registers.map((x) => x.r.id)]);
  const categoryCodes = new Set(categories.map((x) => x.c.code));
  const assetIds = new Set([...known.assets, ...assets.map((x) => x.a.id)]);

  for (const d of duplicates(areas, (x) => x.a.id)) issue(areas[0]?.file ?? '', `areas (${d})`, `id "${d}" förekommer flera gånger`);
  for (const d of duplicates(people, (x) => x.p.id)) issue(people[0]?.file ?? '', `people (${d})`, `id "${d}" förekommer flera gånger`);
  for (const d of duplicates(indicators, (x) => x.i.id)) issue(indicators[0]?.file ?? '', `indicators (${d})`, `id "${d}" förekommer flera gånger`);
  for (const d of duplicates(indicators.flatMap((x) => x.i.targets), (t) => t.id)) issue(indicators[0]?.file ?? '', `targets (${d})`, `mål-id "${d}" förekommer flera gånger`);
  for (const d of duplicates(periods, (p) => p.id)) issue(catalog.plan[0]?.file ?? '', `plan_periods (${d})`, `planperioden "${d}" förekommer flera gånger`);
  for (const d of duplicates(catalog.meetings, (m) => m.content.id)) issue(catalog.meetings[0]?.file ?? '', '', `sammanträdet "${d}" finns i flera filer`);
  const koladaIds = areas.filter((x) => x.a.kolada_id !== null);
  for (const d of duplicates(koladaIds, (x) => x.a.kolada_id ?? '')) issue(koladaIds[0]?.file ?? '', `areas`, `Kolada-id "${d}" används av flera områden`);

  areas.forEach(({ file, a }, i) => {
    const at = `areas[${i}] (${a.id})`;
    if (a.parent !== null && !areaIds.has(a.parent)) issue(file, `${at}.parent`, `okänt område "${a.parent}"`);
    if (Array.isArray(a.members)) {
      for (const m of a.members) if (!areaIds.has(m)) issue(file, `${at}.members`, `okänt område "${m}"`);
    }
  });

  catalog.plan.forEach(({ file, content }) => {
    content.plan_periods.forEach((p, i) => {
      const at = `plan_periods[${i}] (${p.id})`;
      if (p.id !== `${p.start_year}-${p.end_year}`) issue(file, `${at}.id`, `id ska vara ${p.start_year}-${p.end_year}`);
      p.goals.forEach((g, j) => {
        if (!lineIds.has(g.line)) issue(file, `${at}.goals[${j}].line`, `okänd mållinje "${g.line}"`);
      });
      for (const d of duplicates(p.goals, (g) => g.line)) issue(file, `${at}.goals`, `mållinjen "${d}" förekommer två gånger`);
    });
  });

  indicators.forEach(({ file, i: ind }, index) => {
    const at = `indicators[${index}] (${ind.id})`;
    for (const l of ind.goal_lines) if (!lineIds.has(l)) issue(file, `${at}.goal_lines`, `okänd mållinje "${l}"`);
    if (ind.owner_person !== null && !personIds.has(ind.owner_person)) issue(file, `${at}.owner_person`, `okänd person "${ind.owner_person}"`);
    if (ind.owner_area !== null && !areaIds.has(ind.owner_area)) issue(file, `${at}.owner_area`, `okänt område "${ind.owner_area}"`);
    if (ind.derived_from) {
      for (const part of [ind.derived_from.numerator, ind.derived_from.denominator]) {
        if (!indicatorIds.has(part)) issue(file, `${at}.derived_from`, `okänd indikator "${part}"`);
      }
    }
    ind.targets.forEach((t, j) => {
      const tat = `${at}.targets[${j}] (${t.id})`;
      if (t.area !== null && !areaIds.has(t.area)) issue(file, `${tat}.area`, `okänt område "${t.area}"`);
      if ((t.comparator === 'between') !== (t.upper !== null)) issue(file, `${tat}.upper`, 'övre gräns anges för, och bara för, jämförelsen "between"');
      if (t.to_year !== null && t.to_year < t.from_year) issue(file, `${tat}.to_year`, 'slutåret ligger före startåret');
    });
  });

  catalog.measurements.forEach(({ file, content }) => {
    content.series.forEach((s, i) => {
      const at = `series[${i}] (${s.indicator})`;
      const indicator = indicatorById.get(s.indicator);
      if (!indicator && !known.indicators.has(s.indicator)) issue(file, `${at}.indicator`, `okänd indikator "${s.indicator}"`);
      s.values.forEach((v, j) => {
        const vat = `${at}.values[${j}] (${v.period})`;
        const area = v.area ?? s.area;
        if (area === undefined) issue(file, `${vat}.area`, 'område saknas (ange area på serien eller värdet)');
        else if (!areaIds.has(area)) issue(file, `${vat}.area`, `okänt område "${area}"`);
        if (!indicator) return;
        const violations = checkMeasurement(indicator, {
          indicatorId: indicator.id,
          areaId: area ?? '',
          period: v.period,
          breakdown: v.breakdown ?? s.breakdown,
          scenario: s.scenario,
          asOf: s.as_of,
          value: v.value ?? null,
          numerator: v.numerator ?? null,
          denominator: v.denominator ?? null,
        });
        for (const violation of violations) issue(file, `${vat}.${violation.field}`, violation.message);
        if (v.value === undefined && v.numerator === undefined) {
          issue(file, vat, 'värde saknas (ange value: null för ett uttryckligen saknat värde)');
        }
      });
      for (const d of duplicates(s.values, (v) => `${v.area ?? s.area}|${v.period}|${v.breakdown ?? s.breakdown}`)) {
        issue(file, at, `samma område, period och uppdelning förekommer två gånger (${d.replaceAll('|', ', ')})`);
      }
    });
  });

  datasets.forEach(({ file, d }, i) => {
    const at = `datasets[${i}] (${d.id})`;
    for (const problem of checkDataset({ ...d, columns: d.columns })) {
      issue(file, `${at}.rows[${problem.row - 1}].${problem.column}`, problem.message);
    }
  });

  registers.forEach(({ file, r }, i) => {
    const at = `registers[${i}] (${r.id})`;
    if (r.area !== null && !areaIds.has(r.area)) issue(file, `${at}.area`, `okänt område "${r.area}"`);
    r.risks.forEach((risk, j) => {
      const rat = `${at}.risks[${j}] (${risk.id})`;
      if (!categoryCodes.has(risk.category)) issue(file, `${rat}.category`, `okänd kategori "${risk.category}"`);
      if ((risk.probability === null) !== (risk.consequence === null)) issue(file, rat, 'sannolikhet och konsekvens anges tillsammans');
      if (risk.probability === null && risk.reported_score === null) issue(file, rat, 'ange sannolikhet och konsekvens, eller en rapporterad riskpoäng');
      if (risk.probability !== null && risk.reported_score !== null) issue(file, `${rat}.reported_score`, 'riskpoängen beräknas ur sannolikhet × konsekvens och ska inte anges');
    });
  });
  categories.forEach(({ file, c }, i) => {
    if (c.parent !== null && !categoryCodes.has(c.parent)) issue(file, `categories[${i}] (${c.code}).parent`, `okänd kategori "${c.parent}"`);
  });

  const allGoals = goals;
  for (const { file, content: m } of catalog.meetings) {
    if (!periodIds.has(m.plan_period)) issue(file, 'plan_period', `okänd planperiod "${m.plan_period}"`);
    if (!focusYears.has(m.focus_year)) issue(file, 'focus_year', `inga fokusområden för ${m.focus_year}`);
    for (const d of duplicates(m.items, (it) => it.id)) issue(file, 'items', `punkten "${d}" förekommer två gånger`);
    const period = periods.find((p) => p.id === m.plan_period);
    m.items.forEach((item, i) => {
      const at = `items[${i}] (${item.id})`;
      if (period) {
        const resolved = resolveGoal(item.goal, period, lines, allGoals);
        if (!resolved.ok) issue(file, `${at}.goal`, `målet "${item.goal}" finns inte i planperioden ${period.id}`);
      }
      item.presenters.forEach((p, j) => {
        if (!personIds.has(p.person)) issue(file, `${at}.presenters[${j}].person`, `okänd person "${p.person}"`);
      });
      item.blocks.forEach((block, j) => {
        for (const message of blockProblems(block, { areaIds, indicatorIds, datasetIds, registerIds, assetIds })) {
          issue(file, `${at}.blocks[${j}] (${block.type})`, message);
        }
      });
      for (const d of compositionProblems(item.blocks, (j) => `${at}.blocks[${j}]`)) issue(file, d.where ?? at, d.message);
    });
  }
  return issues;
}

interface BlockRefs {
  areaIds: ReadonlySet<string>;
  indicatorIds: ReadonlySet<string>;
  datasetIds: ReadonlySet<string>;
  registerIds: ReadonlySet<string>;
  assetIds: ReadonlySet<string>;
}

export function blockProblems(block: Block, refs: BlockRefs): string[] {
  const problems: string[] = [];
  const needIndicator = (id: string) => !refs.indicatorIds.has(id) && problems.push(`okänd indikator "${id}"`);
  const needArea = (id: string) => !refs.areaIds.has(id) && problems.push(`okänt område "${id}"`);
  switch (block.type) {
    case 'text':
      break;
    case 'key_figure':
      needIndicator(block.indicator);
      needArea(block.area);
      break;
    case 'indicator_chart':
      needIndicator(block.indicator);
      block.areas.forEach(needArea);
      break;
    case 'ranking_table':
      needIndicator(block.indicator);
      block.extraIndicators.forEach(needIndicator);
      if (block.areas !== 'regions') block.areas.forEach(needArea);
      block.references.map(referenceArea).forEach(needArea);
      needArea(block.highlight);
      break;
    case 'statement_table': {
      needArea(block.area);
      const keys = new Set(block.rows.map((r) => r.key));
      for (const row of block.rows) {
        if ('indicator' in row) needIndicator(row.indicator);
        else {
          const parsed = parseFormula(row.formula);
          if (!parsed.ok) problems.push(`raden "${row.label}": ${parsed.message}`);
          else for (const t of parsed.terms) if (!keys.has(t.key)) problems.push(`raden "${row.label}" hänvisar till okänd rad "${t.key}"`);
        }
      }
      break;
    }
    case 'timeline':
      for (const t of checkTimeline(
        block.phases.map((p) => ({ ...p, parentId: p.parent })),
        block.milestones,
      )) problems.push(t.message);
      break;
    case 'checklist':
      break;
    case 'risk_list':
      if (!refs.registerIds.has(block.register)) problems.push(`okänt riskregister "${block.register}"`);
      break;
    case 'data_table':
      if (!refs.datasetIds.has(block.dataset)) problems.push(`okänd datamängd "${block.dataset}"`);
      break;
    case 'image':
      if (!refs.assetIds.has(block.asset)) problems.push(`okänd bild "${block.asset}"`);
      break;
  }
  return problems;
}
