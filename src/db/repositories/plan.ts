import type { FocusAreaSet, Goal, GoalLine, PlanPeriod } from '../../domain/plan.js';
import type { Db } from './types.js';

export async function listPlanPeriods(db: Db): Promise<PlanPeriod[]> {
  const [periods, goals] = await Promise.all([
    db.selectFrom('plan_period').selectAll().orderBy('start_year').execute(),
    db.selectFrom('goal').selectAll().orderBy('plan_period_id').orderBy('position').execute(),
  ]);
  return periods.map((p) => ({
    id: p.id,
    startYear: p.start_year,
    endYear: p.end_year,
    goals: goals.filter((g) => g.plan_period_id === p.id).map(toGoal),
  }));
}

function toGoal(g: { id: string; plan_period_id: string; goal_line_id: string; position: number; name: string }): Goal {
  return { id: g.id, planPeriodId: g.plan_period_id, goalLineId: g.goal_line_id, position: g.position, name: g.name };
}

export async function listGoalLines(db: Db): Promise<GoalLine[]> {
  const rows = await db.selectFrom('goal_line').selectAll().orderBy('id').execute();
  return rows.map((r) => ({ id: r.id, aliases: r.aliases }));
}

export async function listFocusAreaSets(db: Db): Promise<FocusAreaSet[]> {
  const [sets, areas] = await Promise.all([
    db.selectFrom('focus_area_set').selectAll().orderBy('year').execute(),
    db.selectFrom('focus_area').selectAll().orderBy('year').orderBy('position').execute(),
  ]);
  return sets.map((s) => ({ year: s.year, lead: s.lead, areas: areas.filter((a) => a.year === s.year).map((a) => a.text) }));
}
