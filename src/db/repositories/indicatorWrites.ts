import type { Indicator } from '../../domain/indicator.js';
import type { Target } from '../../domain/target.js';
import { toTarget } from './indicators.js';
import type { Db } from './types.js';

/** Writes of indicators (with their goal lines) and targets; callers hold an actor transaction. */
function indicatorRow(i: Indicator) {
  return {
    name: i.name,
    short_name: i.shortName,
    description: i.description,
    unit: i.unit,
    decimals: i.decimals,
    direction: i.direction,
    period_type: i.periodType,
    kind: i.kind,
    breakdown: i.breakdown,
    derived_numerator: i.derivation?.numerator ?? null,
    derived_denominator: i.derivation?.denominator ?? null,
    source: i.source,
    kolada_kpi: i.koladaKpi,
    owner_person_id: i.ownerPersonId,
    owner_area_id: i.ownerAreaId,
  };
}

export async function insertIndicator(db: Db, i: Indicator): Promise<void> {
  await db.insertInto('indicator').values({ id: i.id, ...indicatorRow(i) }).execute();
  await setGoalLines(db, i.id, [], i.goalLineIds);
}

export async function updateIndicatorRow(db: Db, before: Indicator, after: Indicator): Promise<void> {
  const a = indicatorRow(before);
  const b = indicatorRow(after);
  const changed = Object.fromEntries(Object.entries(b).filter(([k, v]) => a[k as keyof typeof a] !== v));
  if (Object.keys(changed).length > 0) await db.updateTable('indicator').set(changed).where('id', '=', after.id).execute();
  await setGoalLines(db, after.id, before.goalLineIds, after.goalLineIds);
}

async function setGoalLines(db: Db, id: string, before: readonly string[], after: readonly string[]): Promise<void> {
  const gone = before.filter((l) => !after.includes(l));
  const added = after.filter((l) => !before.includes(l));
  if (gone.length > 0) await db.deleteFrom('indicator_goal_line').where('indicator_id', '=', id).where('goal_line_id', 'in', gone).execute();
  if (added.length > 0) await db.insertInto('indicator_goal_line').values(added.map((l) => ({ indicator_id: id, goal_line_id: l }))).execute();
}

export async function hasMeasurements(db: Db, indicatorId: string): Promise<boolean> {
  return (await db.selectFrom('measurement').select('id').where('indicator_id', '=', indicatorId).limit(1).executeTakeFirst()) !== undefined;
}

function targetRow(t: Target) {
  return {
    indicator_id: t.indicatorId,
    comparator: t.comparator,
    threshold: t.threshold,
    upper: t.upper,
    near_margin: t.nearMargin,
    valid_from_year: t.validFromYear,
    valid_to_year: t.validToYear,
    area_id: t.areaId,
    source: t.source,
    label: t.label,
  };
}

export async function insertTarget(db: Db, t: Target): Promise<void> {
  await db.insertInto('target').values({ id: t.id, ...targetRow(t) }).execute();
}

export async function updateTargetRow(db: Db, before: Target, after: Target): Promise<void> {
  const a = targetRow(before);
  const b = targetRow(after);
  const changed = Object.fromEntries(Object.entries(b).filter(([k, v]) => a[k as keyof typeof a] !== v));
  if (Object.keys(changed).length > 0) await db.updateTable('target').set(changed).where('id', '=', after.id).execute();
}

export async function deleteTargetRow(db: Db, id: string): Promise<void> {
  await db.deleteFrom('target').where('id', '=', id).execute();
}

export async function findTarget(db: Db, id: string): Promise<Target | null> {
  const t = await db.selectFrom('target').selectAll().where('id', '=', id).executeTakeFirst();
  return t ? toTarget(t) : null;

}
