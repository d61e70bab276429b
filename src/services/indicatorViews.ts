import { buildBlockView, figureView, indicatorRef, statusView, targetView, yearOfPeriod, type BlockView } from '../domain/blockView.js';
import type { IndicatorStatus } from '../domain/meetingView.js';
import { blockSchema } from '../domain/blocks.js';
import { changeBetween } from '../domain/change.js';
import { StyrkortError } from '../domain/errors.js';
import { formatChange } from '../domain/format.js';
import { statusOf } from '../domain/status.js';
import { applicableTarget } from '../domain/target.js';
import { latestTwo } from '../domain/values.js';
import { listTargets, targetsByIndicator } from '../db/repositories/indicators.js';
import { listPlanPeriods } from '../db/repositories/plan.js';
import type { Db } from '../db/repositories/types.js';
import { loadBlockContext, loadValueContext } from './valueContext.js';

/**
 * Indicators as the API shows them: latest value per area with target and status, a series
 * over periods, a ranking of areas. Series and rankings are built by the same block views the
 * board pack uses, so the web app and the pack never disagree.
 */
export async function indicatorStatuses(db: Db, options: { areaId: string; planPeriodId: string | null }): Promise<IndicatorStatus[]> {
  const ctx = await loadValueContext(db, { indicatorIds: [], areaIds: [options.areaId] });
  if (!ctx.areas.has(options.areaId)) throw new StyrkortError('not_found', `Området "${options.areaId}" finns inte`);
  let indicators = [...ctx.indicators.values()];
  if (options.planPeriodId !== null) {
    const period = (await listPlanPeriods(db)).find((p) => p.id === options.planPeriodId);
    if (!period) throw new StyrkortError('not_found', `Planperioden "${options.planPeriodId}" finns inte`);
    const lines = new Set(period.goals.map((g) => g.goalLineId));
    indicators = indicators.filter((i) => i.goalLineIds.some((l) => lines.has(l)));
  }
  const full = await loadValueContext(db, { indicatorIds: indicators.map((i) => i.id), areaIds: [options.areaId] });
  const targets = targetsByIndicator(await listTargets(db, indicators.map((i) => i.id)));
  return indicators.map((indicator) => {
    const { latest, previous } = latestTwo(full, { indicatorId: indicator.id, areaId: options.areaId });
    const target = latest ? applicableTarget(targets.get(indicator.id) ?? [], options.areaId, yearOfPeriod(latest.period)) : null;
    const change = changeBetween(previous?.value ?? null, latest?.value ?? null, indicator.unit, indicator.direction);
    return {
      indicator: { ...indicatorRef(indicator), goalLineIds: indicator.goalLineIds, periodType: indicator.periodType, koladaKpi: indicator.koladaKpi, description: indicator.description },
      areaId: options.areaId,
      latest: latest ? figureView(latest, indicator) : null,
      previous: previous ? figureView(previous, indicator) : null,
      change: change ? { ...change, display: formatChange(change.delta, indicator.unit, indicator.decimals) } : null,
      target: target ? targetView(target, indicator) : null,
      status: statusView(statusOf(latest?.value ?? null, target)),
    };
  });
}

async function blockFor(db: Db, spec: unknown, areaIds: readonly string[] | null): Promise<BlockView> {
  const parsed = blockSchema.safeParse(spec);
  if (!parsed.success) throw new StyrkortError('invalid_input', parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
  const block = parsed.data;
  const indicatorId = 'indicator' in block ? block.indicator : '';
  const ctx = await loadBlockContext(db, { indicatorIds: [indicatorId, ...(block.type === 'ranking_table' ? block.extraIndicators : [])], areaIds, datasetIds: [], registerIds: [], assetIds: [], date: new Date(0).toISOString().slice(0, 10) });
  if (!ctx.indicators.has(indicatorId)) throw new StyrkortError('not_found', `Indikatorn "${indicatorId}" finns inte`);
  for (const id of areaIds ?? []) if (!ctx.areas.has(id)) throw new StyrkortError('not_found', `Området "${id}" finns inte`);
  return buildBlockView(block, ctx);
}

export async function indicatorSeries(
  db: Db,
  indicatorId: string,
  options: { areaIds: readonly string[]; from: string | null; to: string | null; breakdown: string; chart: 'line' | 'bar' },
): Promise<Extract<BlockView, { type: 'indicator_chart' }>> {
  const view = await blockFor(db, { type: 'indicator_chart', indicator: indicatorId, areas: options.areaIds, from: options.from, to: options.to, breakdown: options.breakdown, chart: options.chart }, options.areaIds);
  return view as Extract<BlockView, { type: 'indicator_chart' }>;
}

export async function indicatorRanking(
  db: Db,
  indicatorId: string,
  options: { period: string; areaIds: readonly string[] | 'regions'; references: readonly string[]; highlight: string },
): Promise<Extract<BlockView, { type: 'ranking_table' }>> {
  const view = await blockFor(
    db,
    { type: 'ranking_table', indicator: indicatorId, period: options.period, areas: options.areaIds, references: options.references, highlight: options.highlight, showParts: true },
    options.areaIds === 'regions' ? null : [...options.areaIds, ...options.references, options.highlight],
  );
  return view as Extract<BlockView, { type: 'ranking_table' }>;
}
