import { StyrkortError } from '../domain/errors.js';
import { formatYearRange } from '../domain/format.js';
import { coverageOf, meetingRef, type GoalDetail, type MeetingCoverage } from '../domain/goalView.js';
import type { Meeting } from '../domain/meeting.js';
import type { PresenterView } from '../domain/meetingView.js';
import { titleAt, type Person } from '../domain/person.js';
import { listAgendaEntries, type AgendaEntry } from '../db/repositories/agenda.js';
import { listMeetings } from '../db/repositories/meetings.js';
import { listPeople } from '../db/repositories/people.js';
import { listGoalLines, listPlanPeriods } from '../db/repositories/plan.js';
import type { Db } from '../db/repositories/types.js';
import { ALL_MEETINGS, type MeetingFilter } from './visibility.js';

/** A goal across meetings, and which goals each meeting took up. */
export function presentersOf(entry: AgendaEntry, meeting: Meeting, people: ReadonlyMap<string, Person>): PresenterView[] {
  return entry.presenters.map((p) => {
    const person = people.get(p.personId);
    return { personId: p.personId, name: person?.name ?? p.personId, title: p.titleOverride ?? (person ? titleAt(person, meeting.date) : null) };
  });
}

export async function goalDetail(db: Db, goalId: string, visible: MeetingFilter = ALL_MEETINGS): Promise<GoalDetail> {
  const [periods, lines, allMeetings, entries, people] = await Promise.all([listPlanPeriods(db), listGoalLines(db), listMeetings(db), listAgendaEntries(db), listPeople(db)]);
  const meetings = allMeetings.filter(visible);
  const goals = periods.flatMap((p) => p.goals);
  const goal = goals.find((g) => g.id === goalId);
  if (!goal) throw new StyrkortError('not_found', `Målet "${goalId}" finns inte`);
  const period = periods.find((p) => p.id === goal.planPeriodId);
  const line = lines.find((l) => l.id === goal.goalLineId) ?? { id: goal.goalLineId, aliases: [] };
  const sameLine = new Map(goals.filter((g) => g.goalLineId === goal.goalLineId).map((g) => [g.id, g]));
  const peopleById = new Map(people.map((p) => [p.id, p]));
  const meetingById = new Map(meetings.map((m) => [m.id, m]));
  const items = entries
    .filter((e) => sameLine.has(e.goalId) && meetingById.has(e.meetingId))
    .map((e) => {
      const meeting = meetingById.get(e.meetingId) as Meeting;
      return { meeting: meetingRef(meeting), goal: sameLine.get(e.goalId) as GoalDetail['goal'], item: { id: e.id, title: e.title, presenters: presentersOf(e, meeting, peopleById) }, position: e.position };
    })
    .sort((a, b) => (a.meeting.date === b.meeting.date ? a.position - b.position : a.meeting.date < b.meeting.date ? 1 : -1))
    .map(({ position: _position, ...rest }) => rest);
  return {
    goal,
    planPeriod: { id: goal.planPeriodId, label: period ? `Regionplan ${formatYearRange(period.startYear, period.endYear)}` : goal.planPeriodId },
    goalLine: line,
    names: [...sameLine.values()].sort((a, b) => a.planPeriodId.localeCompare(b.planPeriodId)).map((g) => ({ planPeriodId: g.planPeriodId, goalId: g.id, name: g.name })),
    items,
  };
}

/** Every meeting (newest first), optionally only those of one plan period, with its goals' item counts. */
export async function coverage(db: Db, options: { planPeriodId: string | null; visible?: MeetingFilter }): Promise<MeetingCoverage[]> {
  const [periods, allMeetings, entries] = await Promise.all([listPlanPeriods(db), listMeetings(db), listAgendaEntries(db)]);
  const meetings = allMeetings.filter(options.visible ?? ALL_MEETINGS);
  if (options.planPeriodId !== null && !periods.some((p) => p.id === options.planPeriodId)) {
    throw new StyrkortError('not_found', `Planperioden "${options.planPeriodId}" finns inte`);
  }
  const chosen = options.planPeriodId === null ? meetings : meetings.filter((m) => m.planPeriodId === options.planPeriodId);
  return coverageOf(chosen, periods, entries);
}
