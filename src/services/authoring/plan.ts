import { slugify, uniqueId } from '../../domain/authoring.js';
import { focusAreaSetInput, goalLineUpdateInput, planPeriodCreateInput, planPeriodUpdateInput, type GoalInput } from '../../domain/catalogAuthoring.js';
import { StyrkortError, type ErrorDetail } from '../../domain/errors.js';
import { planPeriodId, type FocusAreaSet, type GoalLine, type PlanPeriod } from '../../domain/plan.js';
import { matchKey } from '../../domain/text.js';
import { inActorTransaction, type Actor } from '../../db/actor.js';
import { existingIds } from '../../db/repositories/authoring.js';
import { insertGoalLine, insertPlanPeriod, itemsUnderGoals, replaceFocusAreas, replaceGoals, setGoalLineAliases, type GoalRow } from '../../db/repositories/catalogWrites.js';
import { listFocusAreaSets, listGoalLines, listPlanPeriods } from '../../db/repositories/plan.js';
import type { Db } from '../../db/repositories/types.js';
import type { Store } from '../store.js';
import { invalid, parseInput } from './input.js';

/**
 * The regional plan as the board's office keeps it: a plan period (2026–2028) with its
 * overarching goals in order, each on a goal line so that a goal renamed in the next plan keeps
 * its series; the short names agenda slides use, as aliases of a line; a year's focus areas.
 * A goal that agenda items are filed under is never removed; its meetings are named.
 */
async function period(db: Db, id: string): Promise<PlanPeriod> {
  const found = (await listPlanPeriods(db)).find((p) => p.id === id);
  if (!found) throw new StyrkortError('not_found', `Planperioden "${id}" finns inte`);
  return found;
}

/** Goal rows for the given goals: existing lines checked, new lines named from the goal. */
async function goalRows(db: Db, periodId: string, goals: readonly GoalInput[], details: ErrorDetail[]): Promise<{ rows: GoalRow[]; newLines: string[] }> {
  const lines = await existingIds(db, 'goal_line');
  const newLines: string[] = [];
  const rows: GoalRow[] = [];
  const names = new Set<string>();
  goals.forEach((g, n) => {
    let lineId = g.lineId;
    if (lineId === null) {
      lineId = uniqueId(slugify(g.name), new Set([...lines, ...newLines]));
      newLines.push(lineId);
    } else if (!lines.has(lineId)) details.push({ where: `goals[${n}].lineId`, message: `mållinjen "${lineId}" finns inte` });
    if (rows.some((r) => r.lineId === lineId)) details.push({ where: `goals[${n}].lineId`, message: 'två mål på samma mållinje' });
    if (names.has(matchKey(g.name))) details.push({ where: `goals[${n}].name`, message: 'två mål med samma namn' });
    names.add(matchKey(g.name));
    rows.push({ id: `${periodId}:${lineId}`, lineId, position: n + 1, name: g.name });
  });
  return { rows, newLines };
}

export async function createPlanPeriod(db: Store, body: unknown, actor: Actor): Promise<PlanPeriod> {
  const what = 'Planperioden kan inte läggas till';
  const input = parseInput(planPeriodCreateInput, body, what);
  return inActorTransaction(db, actor, async (trx) => {
    const id = planPeriodId(input.startYear, input.endYear);
    if ((await existingIds(trx, 'plan_period', [id])).has(id)) throw new StyrkortError('conflict', `Planperioden ${id} finns redan.`, [{ where: 'startYear', message: 'upptaget' }]);
    const details: ErrorDetail[] = [];
    const { rows, newLines } = await goalRows(trx, id, input.goals, details);
    if (details.length > 0) throw invalid(what, details);
    for (const line of newLines) await insertGoalLine(trx, line);
    await insertPlanPeriod(trx, id, input.startYear, input.endYear);
    await replaceGoals(trx, id, [], rows);
    return period(trx, id);
  });
}

export async function updatePlanPeriod(db: Store, id: string, body: unknown, actor: Actor): Promise<PlanPeriod> {
  const what = 'Planperiodens mål kan inte ändras';
  const input = parseInput(planPeriodUpdateInput, body, what);
  return inActorTransaction(db, actor, async (trx) => {
    const before = await period(trx, id);
    const details: ErrorDetail[] = [];
    const { rows, newLines } = await goalRows(trx, id, input.goals, details);
    const removed = before.goals.filter((g) => !rows.some((r) => r.id === g.id));
    for (const use of await itemsUnderGoals(trx, removed.map((g) => g.id))) {
      const goal = removed.find((g) => g.id === use.goalId);
      details.push({ where: 'goals', message: `"${goal?.name ?? use.goalId}" kan inte tas bort: punkten "${use.itemTitle}" i sammanträdet ${use.meetingId} ligger under målet` });
    }
    if (details.length > 0) throw invalid(what, details);
    for (const line of newLines) await insertGoalLine(trx, line);
    await replaceGoals(
      trx,
      id,
      before.goals.map((g) => ({ id: g.id, lineId: g.goalLineId, position: g.position, name: g.name })),
      rows,
    );
    return period(trx, id);
  });
}

export async function updateGoalLine(db: Store, id: string, body: unknown, actor: Actor): Promise<GoalLine> {
  const input = parseInput(goalLineUpdateInput, body, 'Mållinjens kortnamn kan inte ändras');
  return inActorTransaction(db, actor, async (trx) => {
    if (!(await existingIds(trx, 'goal_line', [id])).has(id)) throw new StyrkortError('not_found', `Mållinjen "${id}" finns inte`);
    await setGoalLineAliases(trx, id, [...new Set(input.aliases)]);
    const line = (await listGoalLines(trx)).find((l) => l.id === id);
    if (!line) throw new StyrkortError('not_found', `Mållinjen "${id}" finns inte`);
    return line;
  });
}

export async function putFocusAreas(db: Store, year: number, body: unknown, actor: Actor): Promise<FocusAreaSet> {
  const input = parseInput(focusAreaSetInput, body, `Fokusområdena för ${year} kan inte sparas`);
  if (!Number.isInteger(year) || year < 1900 || year > 2200) throw invalid(`Fokusområdena för ${year} kan inte sparas`, [{ where: 'year', message: 'ska vara ett årtal' }]);
  return inActorTransaction(db, actor, async (trx) => {
    await replaceFocusAreas(trx, year, input.lead, input.areas);
    const set = (await listFocusAreaSets(trx)).find((s) => s.year === year);
    if (!set) throw new Error(`fokusområdena för ${year} sparades inte`);
    return set;
  });
}
