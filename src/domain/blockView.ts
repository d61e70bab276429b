import type { Area } from './area.js';
import { assertNever } from './assert.js';
import { CHECKLIST_DATE_LABELS, CHECKLIST_STATUSES, CHECKLIST_STATUS_LABELS, referenceArea, type Block, type ChecklistDateKind } from './blocks.js';
import { changeBetween, type Change } from './change.js';
import { datasetTotals, type Dataset } from './dataset.js';
import { exactDiff } from './decimal.js';
import { formatChange, formatNumber, formatRelativeChange, formatValue } from './format.js';
import type { Indicator } from './indicator.js';
import { keyLabel, periodEnd, requirePeriod } from './period.js';
import { rankAreas, withReferences } from './ranking.js';
import { assessRisk, DEFAULT_RISK_BANDS, riskMatrix, type AssessedRisk, type Risk, type RiskBand } from './risk.js';
import { derivedValue, evaluateStatement, type StatementDerivedKind, type StatementIssue } from './statement.js';
import { statusOf, STATUS_LABELS, STATUS_ICONS, type Status } from './status.js';
import { applicableTarget, COMPARATOR_SYMBOLS, TARGET_SOURCE_LABELS, type Target } from './target.js';
import { checkTimeline, positionIn, timelineSpan, type Milestone, type Phase, type TimelineIssue } from './timeline.js';
import type { Unit } from './units.js';
import { periodsWithData, resolveObservation, type Observation, type ValueContext } from './values.js';

/**
 * A content block resolved against stored data: every figure computed, formatted in sv-SE,
 * labelled with its period and traced to its sources. The board pack and the web app render
 * from this, so a figure reads the same everywhere.
 */
export interface IndicatorRef {
  id: string;
  name: string;
  shortName: string | null;
  unit: Unit;
  decimals: number;
  direction: Indicator['direction'];
  kind: Indicator['kind'];
  source: string;
}

export interface AreaRef {
  id: string;
  name: string;
  shortName: string | null;
  kind: Area['kind'];
}

export interface FigureView {
  period: string;
  periodLabel: string;
  value: number | null;
  /** "98 %", "30,2 dagar", "–" when missing. */
  display: string;
  numerator: number | null;
  denominator: number | null;
  preliminary: boolean;
  origin: Observation['origin'];
  sources: string[];
  measurementIds: number[];
  coverage: Observation['coverage'];
  comment: string | null;
}

export interface TargetView {
  id: string;
  label: string;
  /** "≥ 100 %" */
  text: string;
  comparator: Target['comparator'];
  threshold: number;
  upper: number | null;
  source: string;
}

export interface StatusView {
  status: Status;
  label: string;
  icon: string;
}

export type BlockView =
  | { type: 'text'; heading: string | null; markdown: string }
  | {
      type: 'key_figure';
      label: string;
      indicator: IndicatorRef;
      area: AreaRef;
      figure: FigureView | null;
      comparison: { figure: FigureView; change: Change; display: string } | null;
      budget: { figure: FigureView; deviation: number; display: string } | null;
      target: TargetView | null;
      status: StatusView;
      sources: string[];
    }
  | {
      type: 'indicator_chart';
      title: string;
      chart: 'line' | 'bar';
      indicator: IndicatorRef;
      periods: Array<{ key: string; label: string }>;
      series: Array<{ area: AreaRef; highlight: boolean; points: Array<FigureView | null> }>;
      /** Target threshold per period (null where none applies). */
      target: { label: string; values: Array<number | null> } | null;
      sources: string[];
      preliminary: boolean;
    }
  | {
      type: 'ranking_table';
      title: string;
      indicator: IndicatorRef;
      period: string;
      periodLabel: string;
      showParts: boolean;
      extraIndicators: IndicatorRef[];
      rows: Array<{
        area: AreaRef;
        rank: number | null;
        tied: boolean;
        reference: boolean;
        highlight: boolean;
        figure: FigureView | null;
        extra: Array<FigureView | null>;
      }>;
      sources: string[];
      preliminary: boolean;
    }
  | {
      type: 'statement_table';
      title: string;
      area: AreaRef;
      unit: Unit | null;
      /**
       * Value columns (a period and scenario; `periodLabel` "jan–apr 2026") and derived ones
       * (`periodLabel` empty, `basis` "Prognos − Budget"), in the block's order.
       */
      columns: Array<{ key: string; label: string; periodLabel: string; kind: 'value' | StatementDerivedKind; basis: string | null }>;
      rows: Array<{ key: string; label: string; kind: 'input' | 'formula'; unit: Unit; decimals: number; cells: Array<{ value: number | null; display: string }> }>;
      issues: StatementIssue[];
      sources: string[];
      preliminary: boolean;
    }
  | {
      type: 'timeline';
      title: string;
      phases: Phase[];
      milestones: Milestone[];
      span: { from: string; to: string } | null;
      today: { date: string; position: number } | null;
      issues: TimelineIssue[];
    }
  | {
      type: 'checklist';
      title: string;
      items: Array<{ label: string; party: string; status: (typeof CHECKLIST_STATUSES)[number]; statusLabel: string; group: string | null; due: string | null; dateKind: ChecklistDateKind }>;
      counts: Record<(typeof CHECKLIST_STATUSES)[number], number>;
    }
  | {
      type: 'risk_list';
      title: string;
      register: { id: string; title: string; year: number };
      risks: Array<AssessedRisk & { categoryLabel: string }>;
      matrix: string[][][];
      bands: readonly RiskBand[];
    }
  | {
      type: 'data_table';
      title: string;
      source: string;
      columns: Array<{ key: string; label: string; type: 'text' | 'number'; unit: Unit | null }>;
      rows: Array<Array<{ value: string | number | null; display: string }>>;
      totals: Array<{ value: number | null; display: string }> | null;
      /** "8 trafikföretag · 19 paket · 109 fordon · 120 omlopp": one line of the computed totals. */
      summary: string | null;
    }
  | { type: 'image'; asset: { id: string; fileName: string; mediaType: string }; alt: string; caption: string | null };

export interface RiskRegisterData {
  id: string;
  title: string;
  year: number;
  risks: Risk[];
}

export interface BlockContext extends ValueContext {
  targets: ReadonlyMap<string, readonly Target[]>;
  datasets: ReadonlyMap<string, Dataset>;
  registers: ReadonlyMap<string, RiskRegisterData>;
  riskCategories: ReadonlyMap<string, { code: string; parentCode: string | null; label: string }>;
  assets: ReadonlyMap<string, { id: string; fileName: string; mediaType: string }>;
  /** The meeting date: the "today" of a timeline, the date titles are read at. */
  date: string;
}

export function indicatorRef(i: Indicator): IndicatorRef {
  return { id: i.id, name: i.name, shortName: i.shortName, unit: i.unit, decimals: i.decimals, direction: i.direction, kind: i.kind, source: i.source };
}

export function areaRef(a: Area): AreaRef {
  return { id: a.id, name: a.name, shortName: a.shortName, kind: a.kind };
}

function unknownArea(id: string): AreaRef {
  return { id, name: id, shortName: null, kind: 'unit' };
}

export function figureView(o: Observation, indicator: Indicator): FigureView {
  return {
    period: o.period,
    periodLabel: keyLabel(o.period),
    value: o.value,
    display: formatValue(o.value, indicator.unit, indicator.decimals),
    numerator: o.numerator,
    denominator: o.denominator,
    preliminary: o.preliminary,
    origin: o.origin,
    sources: o.sources,
    measurementIds: o.measurementIds,
    coverage: o.coverage,
    comment: o.comment,
  };
}

export function targetView(t: Target, indicator: Indicator): TargetView {
  const text =
    t.comparator === 'between'
      ? `${formatValue(t.threshold, indicator.unit, indicator.decimals, { unitStyle: 'none' })}–${formatValue(t.upper, indicator.unit, indicator.decimals)}`
      : `${COMPARATOR_SYMBOLS[t.comparator]} ${formatValue(t.threshold, indicator.unit, indicator.decimals)}`;
  return { id: t.id, label: t.label, text, comparator: t.comparator, threshold: t.threshold, upper: t.upper, source: TARGET_SOURCE_LABELS[t.source] };
}

export function statusView(status: Status): StatusView {
  return { status, label: STATUS_LABELS[status], icon: STATUS_ICONS[status] };
}

/** The year a period belongs to, for choosing the target in force. */
export function yearOfPeriod(key: string): number {
  return Number(periodEnd(requirePeriod(key)).slice(0, 4));
}

function uniq(items: readonly string[]): string[] {
  return [...new Set(items)];
}

function requireIndicator(ctx: BlockContext, id: string): Indicator {
  const i = ctx.indicators.get(id);
  if (!i) throw new Error(`Okänd indikator "${id}"`);
  return i;
}

function area(ctx: BlockContext, id: string): AreaRef {
  const a = ctx.areas.get(id);
  return a ? areaRef(a) : unknownArea(id);
}

export function buildBlockView(block: Block, ctx: BlockContext): BlockView {
  switch (block.type) {
    case 'text':
      return { type: 'text', heading: block.heading, markdown: block.markdown };
    case 'key_figure':
      return keyFigure(block, ctx);
    case 'indicator_chart':
      return chart(block, ctx);
    case 'ranking_table':
      return ranking(block, ctx);
    case 'statement_table':
      return statement(block, ctx);
    case 'timeline': {
      const phases: Phase[] = block.phases.map((p) => ({ id: p.id, label: p.label, start: p.start, end: p.end, parentId: p.parent }));
      const span = timelineSpan(phases, block.milestones);
      const position = block.todayMarker && span ? positionIn(ctx.date, span) : null;
      return {
        type: 'timeline',
        title: block.title,
        phases,
        milestones: block.milestones,
        span,
        today: position === null ? null : { date: ctx.date, position },
        issues: checkTimeline(phases, block.milestones),
      };
    }
    case 'checklist': {
      const counts = Object.fromEntries(CHECKLIST_STATUSES.map((s) => [s, 0])) as Record<(typeof CHECKLIST_STATUSES)[number], number>;
      for (const item of block.items) counts[item.status] += 1;
      return {
        type: 'checklist',
        title: block.title,
        items: block.items.map((i) => ({ ...i, statusLabel: CHECKLIST_STATUS_LABELS[i.status] })),
        counts,
      };
    }
    case 'risk_list': {
      const register = ctx.registers.get(block.register);
      if (!register) throw new Error(`Okänt riskregister "${block.register}"`);
      const inCategory = (code: string) => block.category === null || code === block.category || code.startsWith(block.category) && /^[a-z]$/.test(code.slice(block.category.length));
      const risks = register.risks.filter((r) => inCategory(r.categoryCode));
      return {
        type: 'risk_list',
        title: block.title ?? register.title,
        register: { id: register.id, title: register.title, year: register.year },
        risks: risks.map((r) => ({ ...assessRisk(r), categoryLabel: ctx.riskCategories.get(r.categoryCode)?.label ?? r.categoryCode })),
        matrix: riskMatrix(risks),
        bands: DEFAULT_RISK_BANDS,
      };
    }
    case 'data_table': {
      const dataset = ctx.datasets.get(block.dataset);
      if (!dataset) throw new Error(`Okänd datamängd "${block.dataset}"`);
      const columns = (block.columns ?? dataset.columns.map((c) => c.key))
        .map((key) => dataset.columns.find((c) => c.key === key))
        .filter((c): c is Dataset['columns'][number] => c !== undefined);
      const display = (value: string | number | null | undefined, c: Dataset['columns'][number]) => {
        if (value === null || value === undefined) return '–';
        if (typeof value === 'number') return c.unit ? formatValue(value, c.unit, c.decimals) : formatNumber(value, c.decimals);
        return value;
      };
      const totals = datasetTotals(dataset);
      const totalCells = columns.map((c) => ({ value: totals[c.key] ?? null, display: totals[c.key] === null || totals[c.key] === undefined ? '' : display(totals[c.key], { ...c, unit: c.total === 'count' ? null : c.unit, decimals: c.total === 'count' ? 0 : c.decimals }) }));
      const summaryParts = columns
        .filter((c) => c.total !== null && totals[c.key] !== null && totals[c.key] !== undefined)
        .map((c) => `${formatNumber(totals[c.key] as number, c.total === 'count' ? 0 : c.decimals)} ${c.label.toLocaleLowerCase('sv-SE')}`);
      return {
        type: 'data_table',
        title: block.title ?? dataset.title,
        source: dataset.source,
        columns: columns.map((c) => ({ key: c.key, label: c.label, type: c.type, unit: c.unit })),
        rows: dataset.rows.map((row) => columns.map((c) => ({ value: row[c.key] ?? null, display: display(row[c.key], c) }))),
        totals: block.totals ? totalCells : null,
        summary: summaryParts.length > 0 ? summaryParts.join(' · ') : null,
      };
    }
    case 'image': {
      const asset = ctx.assets.get(block.asset);
      if (!asset) throw new Error(`Okänd bild "${block.asset}"`);
      return { type: 'image', asset, alt: block.alt, caption: block.caption };
    }
    default:
      return assertNever(block, 'blocktyp');
  }
}

function keyFigure(block: Extract<Block, { type: 'key_figure' }>, ctx: BlockContext): BlockView {
  const indicator = requireIndicator(ctx, block.indicator);
  const base = { indicatorId: block.indicator, areaId: block.area, breakdown: block.breakdown };
  const obs = resolveObservation(ctx, { ...base, period: block.period, scenario: block.scenario, asOf: block.asOf });
  const figure = obs ? figureView(obs, indicator) : null;
  const sources: string[] = [...(obs?.sources ?? [])];

  let comparison: Extract<BlockView, { type: 'key_figure' }>['comparison'] = null;
  if (block.compareWith !== null) {
    const earlier = resolveObservation(ctx, { ...base, period: block.compareWith });
    const change = changeBetween(earlier?.value ?? null, obs?.value ?? null, indicator.unit, indicator.direction);
    if (earlier && change) {
      sources.push(...earlier.sources);
      comparison = { figure: figureView(earlier, indicator), change, display: formatChange(change.delta, indicator.unit, indicator.decimals) };
    }
  }

  let budget: Extract<BlockView, { type: 'key_figure' }>['budget'] = null;
  if (block.compareWithBudget) {
    const planned = resolveObservation(ctx, { ...base, period: block.period, scenario: 'budget' });
    if (planned?.value != null && obs?.value != null) {
      const deviation = exactDiff(obs.value, planned.value);
      sources.push(...planned.sources);
      budget = { figure: figureView(planned, indicator), deviation, display: formatChange(deviation, indicator.unit, indicator.decimals, { unitStyle: 'symbol' }) };
    }
  }

  const target = block.showTarget ? applicableTarget(ctx.targets.get(indicator.id) ?? [], block.area, yearOfPeriod(block.period)) : null;
  return {
    type: 'key_figure',
    label: block.label ?? indicator.name,
    indicator: indicatorRef(indicator),
    area: area(ctx, block.area),
    figure,
    comparison,
    budget,
    target: target ? targetView(target, indicator) : null,
    status: statusView(statusOf(obs?.value ?? null, target)),
    sources: uniq(sources),
  };
}

function inRange(key: string, from: string | null, to: string | null): boolean {
  const end = periodEnd(requirePeriod(key));
  if (from !== null && end < periodEnd(requirePeriod(from))) return false;
  if (to !== null && end > periodEnd(requirePeriod(to))) return false;
  return true;
}

function chart(block: Extract<Block, { type: 'indicator_chart' }>, ctx: BlockContext): BlockView {
  const indicator = requireIndicator(ctx, block.indicator);
  const keys = new Set<string>();
  for (const areaId of block.areas) {
    for (const p of periodsWithData(ctx, { indicatorId: indicator.id, areaId, breakdown: block.breakdown })) {
      if (inRange(p, block.from, block.to)) keys.add(p);
    }
  }
  const periods = [...keys].sort((a, b) => (periodEnd(requirePeriod(a)) < periodEnd(requirePeriod(b)) ? -1 : 1));
  const sources: string[] = [];
  let preliminary = false;
  const series = block.areas.map((areaId, index) => ({
    area: area(ctx, areaId),
    highlight: index === 0,
    points: periods.map((period) => {
      const o = resolveObservation(ctx, { indicatorId: indicator.id, areaId, period, breakdown: block.breakdown });
      if (!o) return null;
      sources.push(...o.sources);
      preliminary ||= o.preliminary;
      return figureView(o, indicator);
    }),
  }));
  const ownArea = block.areas[0] as string;
  const targets = ctx.targets.get(indicator.id) ?? [];
  const targetValues = periods.map((p) => {
    const t = applicableTarget(targets, ownArea, yearOfPeriod(p));
    return t && t.comparator !== 'between' ? t.threshold : null;
  });
  const anyTarget = targetValues.some((v) => v !== null);
  const firstTarget = periods.map((p) => applicableTarget(targets, ownArea, yearOfPeriod(p))).find((t) => t !== null) ?? null;
  return {
    type: 'indicator_chart',
    title: block.title ?? indicator.name,
    chart: block.chart,
    indicator: indicatorRef(indicator),
    periods: periods.map((key) => ({ key, label: keyLabel(key, { style: 'short' }) })),
    series,
    target: block.showTarget && anyTarget && firstTarget ? { label: `Mål ${targetView(firstTarget, indicator).text}`, values: targetValues } : null,
    sources: uniq(sources),
    preliminary,
  };
}

function ranking(block: Extract<Block, { type: 'ranking_table' }>, ctx: BlockContext): BlockView {
  const indicator = requireIndicator(ctx, block.indicator);
  const extras = block.extraIndicators.map((id) => requireIndicator(ctx, id));
  const areaIds =
    block.areas === 'regions' ? [...ctx.areas.values()].filter((a) => a.kind === 'region').map((a) => a.id) : block.areas;
  const observe = (areaId: string) => resolveObservation(ctx, { indicatorId: indicator.id, areaId, period: block.period });
  const entries = areaIds
    .map((areaId) => ({ areaId, obs: observe(areaId) }))
    // "regions" lists the regions that have a value; an explicit list shows every area asked for
    .filter((e) => block.areas !== 'regions' || (e.obs !== null && e.obs.value !== null));
  const byArea = new Map(entries.map((e) => [e.areaId, e.obs]));
  const ranked = rankAreas(
    entries.map((e) => ({ areaId: e.areaId, label: area(ctx, e.areaId).name, value: e.obs?.value ?? null, numerator: e.obs?.numerator ?? null, denominator: e.obs?.denominator ?? null })),
    indicator.direction,
  );
  const limited = block.limit === null ? ranked : ranked.slice(0, block.limit);
  const labels = new Map<string, string>();
  const references = block.references.map((reference) => {
    const areaId = referenceArea(reference);
    if (typeof reference !== 'string') labels.set(areaId, reference.label);
    const obs = observe(areaId);
    byArea.set(areaId, obs);
    return { areaId, label: area(ctx, areaId).name, value: obs?.value ?? null, numerator: obs?.numerator ?? null, denominator: obs?.denominator ?? null };
  });
  const rows = withReferences(limited, references, indicator.direction);
  const sources: string[] = [];
  let preliminary = false;
  return {
    type: 'ranking_table',
    title: block.title ?? indicator.name,
    indicator: indicatorRef(indicator),
    period: block.period,
    periodLabel: keyLabel(block.period),
    showParts: block.showParts,
    extraIndicators: extras.map(indicatorRef),
    rows: rows.map((r) => {
      const obs = byArea.get(r.areaId) ?? null;
      if (obs) {
        sources.push(...obs.sources);
        preliminary ||= obs.preliminary;
      }
      const shown = area(ctx, r.areaId);
      return {
        area: r.reference && labels.has(r.areaId) ? { ...shown, name: labels.get(r.areaId) as string } : shown,
        rank: r.rank,
        tied: r.tied,
        reference: r.reference,
        highlight: r.areaId === block.highlight,
        figure: obs ? figureView(obs, indicator) : null,
        extra: extras.map((x) => {
          const o = resolveObservation(ctx, { indicatorId: x.id, areaId: r.areaId, period: block.period });
          if (o) sources.push(...o.sources);
          return o ? figureView(o, x) : null;
        }),
      };
    }),
    sources: uniq(sources),
    preliminary,
  };
}

type StatementBlock = Extract<Block, { type: 'statement_table' }>;
type StatementValueColumn = Extract<StatementBlock['columns'][number], { period: string }>;

/** "Prognos − Budget", "Utfall mot Samma period i fjol": what a derived column is computed from. */
function derivedBasis(kind: StatementDerivedKind, of: readonly [string, string], columns: StatementBlock['columns']): string {
  const [a, b] = of.map((key) => columns.find((c) => c.key === key)?.label ?? key) as [string, string];
  return kind === 'difference' ? `${a} \u2212 ${b}` : `${a} mot ${b}`;
}

function statement(block: StatementBlock, ctx: BlockContext): BlockView {
  const valueColumns = block.columns.filter((c): c is StatementValueColumn => !('derived' in c));
  const inputs: Record<string, Record<string, number | null>> = {};
  const sources: string[] = [];
  let preliminary = false;
  const rowIndicator = new Map<string, Indicator>();
  for (const row of block.rows) {
    if (!('indicator' in row)) continue;
    const indicator = requireIndicator(ctx, row.indicator);
    rowIndicator.set(row.key, indicator);
    inputs[row.key] = {};
    for (const column of valueColumns) {
      const o = resolveObservation(ctx, { indicatorId: indicator.id, areaId: block.area, period: column.period, scenario: column.scenario, asOf: column.asOf });
      if (o) {
        sources.push(...o.sources);
        preliminary ||= o.preliminary;
      }
      (inputs[row.key] as Record<string, number | null>)[column.key] = o?.value ?? null;
    }
  }
  const evaluated = evaluateStatement(
    block.rows.map((r) => ('formula' in r ? { key: r.key, label: r.label, kind: 'formula' as const, formula: r.formula } : { key: r.key, label: r.label, kind: 'input' as const })),
    valueColumns.map((c) => c.key),
    inputs,
  );
  const fallback = rowIndicator.values().next().value;
  const unitStyle = block.unit ? 'none' : 'symbol';
  return {
    type: 'statement_table',
    title: block.title,
    area: area(ctx, block.area),
    unit: block.unit,
    columns: block.columns.map((c) =>
      'derived' in c
        ? { key: c.key, label: c.label, periodLabel: '', kind: c.derived, basis: derivedBasis(c.derived, c.of, block.columns) }
        : { key: c.key, label: c.label, periodLabel: keyLabel(c.period), kind: 'value' as const, basis: null },
    ),
    rows: evaluated.rows.map((r) => {
      const indicator = rowIndicator.get(r.key) ?? fallback;
      const unit: Unit = block.unit ?? indicator?.unit ?? 'antal';
      const decimals = indicator?.decimals ?? 0;
      return {
        key: r.key,
        label: r.label,
        kind: r.kind,
        unit,
        decimals,
        cells: block.columns.map((c) => {
          if (!('derived' in c)) {
            const value = r.values[c.key] ?? null;
            return { value, display: value === null ? '–' : formatValue(value, unit, decimals, { unitStyle }) };
          }
          // derived columns build on value columns only (the block schema sees to it)
          const value = derivedValue(c.derived, r.values[c.of[0]] ?? null, r.values[c.of[1]] ?? null);
          return { value, display: c.derived === 'difference' ? formatChange(value, unit, decimals, { unitStyle }) : formatRelativeChange(value, 1) };
        }),
      };
    }),
    issues: evaluated.issues,
    sources: uniq(sources),
    preliminary,
  };
}

/**
 * A checklist's date column: headed by the kind of date when every dated row has the same kind
 * ("Klart senast", "Beslut", "Klart"), else "Datum" with each date named ("Beslut 18 april 2029").
 * Null heading: no row has a date.
 */
export function checklistDates(items: ReadonlyArray<{ due: string | null; dateKind: ChecklistDateKind }>): { heading: string | null; prefixes: string[] } {
  const kinds = new Set(items.filter((i) => i.due !== null).map((i) => i.dateKind));
  if (kinds.size === 0) return { heading: null, prefixes: items.map(() => '') };
  if (kinds.size === 1) return { heading: CHECKLIST_DATE_LABELS[[...kinds][0] as ChecklistDateKind], prefixes: items.map(() => '') };
  return { heading: 'Datum', prefixes: items.map((i) => (i.due === null ? '' : `${CHECKLIST_DATE_LABELS[i.dateKind]} `)) };
}
