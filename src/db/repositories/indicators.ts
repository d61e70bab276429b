import type { Breakdown, Direction, Indicator, IndicatorKind } from '../../domain/indicator.js';
import type { PeriodType } from '../../domain/period.js';
import type { Comparator, Target, TargetSource } from '../../domain/target.js';
import type { Unit } from '../../domain/units.js';
import type { Selectable } from 'kysely';
import type { Database } from '../schema.js';
import type { Db } from './types.js';

type IndicatorRow = {
  id: string;
  name: string;
  short_name: string | null;
  description: string | null;
  unit: string;
  decimals: number;
  direction: string;
  period_type: string;
  kind: string;
  breakdown: string | null;
  derived_numerator: string | null;
  derived_denominator: string | null;
  source: string;
  kolada_kpi: string | null;
  owner_person_id: string | null;
  owner_area_id: string | null;
};

function toIndicator(r: IndicatorRow, goalLineIds: string[]): Indicator {
  return {
    id: r.id,
    name: r.name,
    shortName: r.short_name,
    description: r.description,
    unit: r.unit as Unit,
    decimals: r.decimals,
    direction: r.direction as Direction,
    periodType: r.period_type as PeriodType,
    kind: r.kind as IndicatorKind,
    breakdown: r.breakdown as Breakdown | null,
    derivation: r.derived_numerator && r.derived_denominator ? { numerator: r.derived_numerator, denominator: r.derived_denominator } : null,
    source: r.source,
    koladaKpi: r.kolada_kpi,
    ownerPersonId: r.owner_person_id,
    ownerAreaId: r.owner_area_id,
    goalLineIds,
  };
}

export async function listIndicators(db: Db, ids?: readonly string[]): Promise<Indicator[]> {
  if (ids && ids.length === 0) return [];
  let query = db.selectFrom('indicator').selectAll().orderBy('id');
  if (ids) query = query.where('id', 'in', ids);
  let links = db.selectFrom('indicator_goal_line').selectAll().orderBy('goal_line_id');
  if (ids) links = links.where('indicator_id', 'in', ids);
  const [rows, lines] = await Promise.all([query.execute(), links.execute()]);
  const byIndicator = new Map<string, string[]>();
  for (const l of lines) byIndicator.set(l.indicator_id, [...(byIndicator.get(l.indicator_id) ?? []), l.goal_line_id]);
  return rows.map((r) => toIndicator(r, byIndicator.get(r.id) ?? []));
}

export async function listTargets(db: Db, indicatorIds?: readonly string[]): Promise<Target[]> {
  if (indicatorIds && indicatorIds.length === 0) return [];
  let query = db.selectFrom('target').selectAll().orderBy('indicator_id').orderBy('valid_from_year').orderBy('id');
  if (indicatorIds) query = query.where('indicator_id', 'in', indicatorIds);
  const rows = await query.execute();
  return rows.map(toTarget);
}

/** A stored target row as the domain's Target. */
export function toTarget(t: Selectable<Database['target']>): Target {
  return {
    id: t.id,
    indicatorId: t.indicator_id,
    comparator: t.comparator as Comparator,
    threshold: t.threshold,
    upper: t.upper,
    nearMargin: t.near_margin,
    validFromYear: t.valid_from_year,
    validToYear: t.valid_to_year,
    areaId: t.area_id,
    source: t.source as TargetSource,
    label: t.label,
  };
}

export function targetsByIndicator(targets: readonly Target[]): Map<string, Target[]> {
  const map = new Map<string, Target[]>();
  for (const t of targets) map.set(t.indicatorId, [...(map.get(t.indicatorId) ?? []), t]);
  return map;
}
