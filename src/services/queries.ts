import { sql } from 'kysely';
import type { Area } from '../domain/area.js';
import { StyrkortError } from '../domain/errors.js';
import { formatYearRange } from '../domain/format.js';
import type { Indicator } from '../domain/indicator.js';
import type { Meeting } from '../domain/meeting.js';
import type { Person } from '../domain/person.js';
import type { FocusAreaSet, Goal, GoalLine } from '../domain/plan.js';
import type { Target } from '../domain/target.js';
import { appliedMigrations } from '../db/migrate.js';
import { listAreas } from '../db/repositories/areas.js';
import { getAssetBytes, meetingsShowingAsset } from '../db/repositories/content.js';
import { listIndicators, listTargets } from '../db/repositories/indicators.js';
import { listMeetings } from '../db/repositories/meetings.js';
import { listPeople } from '../db/repositories/people.js';
import { listFocusAreaSets, listGoalLines, listPlanPeriods } from '../db/repositories/plan.js';
import type { Store } from './store.js';
import { ALL_MEETINGS, type MeetingFilter } from './visibility.js';

/** Plain reads for the API and the CLI: the board's set-up as stored. */
export interface PlanPeriodView {
  id: string;
  startYear: number;
  endYear: number;
  label: string;
  goals: Goal[];
  focusAreas: FocusAreaSet[];
}

export async function planPeriods(db: Store): Promise<PlanPeriodView[]> {
  const [periods, focus] = await Promise.all([listPlanPeriods(db), listFocusAreaSets(db)]);
  return periods.map((p) => ({
    id: p.id,
    startYear: p.startYear,
    endYear: p.endYear,
    label: `Regionplan ${formatYearRange(p.startYear, p.endYear)}`,
    goals: [...p.goals],
    focusAreas: focus.filter((f) => f.year >= p.startYear && f.year <= p.endYear),
  }));
}

export async function planPeriod(db: Store, id: string): Promise<PlanPeriodView> {
  const found = (await planPeriods(db)).find((p) => p.id === id);
  if (!found) throw new StyrkortError('not_found', `Planperioden "${id}" finns inte`);
  return found;
}

export const goalLines = (db: Store): Promise<GoalLine[]> => listGoalLines(db);
export const focusAreas = (db: Store): Promise<FocusAreaSet[]> => listFocusAreaSets(db);
export const areas = (db: Store): Promise<Area[]> => listAreas(db);
export const people = (db: Store): Promise<Person[]> => listPeople(db);
export const meetings = async (db: Store, visible: MeetingFilter = ALL_MEETINGS): Promise<Meeting[]> => (await listMeetings(db)).filter(visible);

export async function indicatorWithTargets(db: Store, id: string): Promise<Indicator & { targets: Target[] }> {
  const [indicator] = await listIndicators(db, [id]);
  if (!indicator) throw new StyrkortError('not_found', `Indikatorn "${id}" finns inte`);
  return { ...indicator, targets: await listTargets(db, [id]) };
}

/**
 * A picture. `unshown`: the caller may see pictures no meeting shows yet (editors); otherwise a
 * picture is seen only through a meeting the caller may see (one only a draft shows is the
 * draft's), published meetings asked first.
 */
export async function asset(db: Store, id: string, visible: MeetingFilter = ALL_MEETINGS, unshown = true): Promise<{ mediaType: string; fileName: string; bytes: Buffer }> {
  const found = await getAssetBytes(db, id);
  if (!found) throw new StyrkortError('not_found', `Bilden "${id}" finns inte`);
  if (unshown) return found;
  const shown = (await meetingsShowingAsset(db, id)).sort((a, b) => Number(a.status === 'draft') - Number(b.status === 'draft'));
  if (!shown.some(visible)) throw new StyrkortError('not_found', `Bilden "${id}" finns inte`);
  return found;
}

/** Answers when the database does: a query, and the number of migrations applied. */
export async function databaseHealth(db: Store): Promise<{ migrations: number }> {
  await sql`select 1`.execute(db);
  return { migrations: (await appliedMigrations(db as never)).length };
}
