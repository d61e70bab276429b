import { formatDate } from './format.js';
import type { Meeting } from './meeting.js';
import type { PresenterView } from './meetingView.js';
import type { Goal, GoalLine, PlanPeriod } from './plan.js';

/**
 * A goal followed across meetings: the information items that took it up (through its goal
 * line, so a renamed goal keeps its history) and, per meeting, the goals no item took up.
 */
export interface MeetingRef {
  id: string;
  date: string;
  /** "Regionstyrelsen 6 maj 2026" */
  heading: string;
  planPeriodId: string;
  status: Meeting['status'];
}

export interface GoalItem {
  meeting: MeetingRef;
  /** The goal as named in that meeting's plan period. */
  goal: Goal;
  item: { id: string; title: string; presenters: PresenterView[] };
}

export interface GoalDetail {
  goal: Goal;
  planPeriod: { id: string; label: string };
  goalLine: GoalLine;
  /** The goal line's name in every plan period that has it, oldest first. */
  names: Array<{ planPeriodId: string; goalId: string; name: string }>;
  items: GoalItem[];
}

export interface MeetingCoverage {
  meeting: MeetingRef;
  goals: Array<{ goal: Goal; items: number }>;
  /** Goals of the meeting's plan period that no item took up. */
  unaddressed: Goal[];
}

export function meetingRef(m: Meeting): MeetingRef {
  return { id: m.id, date: m.date, heading: `${m.body} ${formatDate(m.date)}`, planPeriodId: m.planPeriodId, status: m.status };
}

/** Per meeting (in the order given), how many items took up each goal of its plan period. */
export function coverageOf(
  meetings: readonly Meeting[],
  periods: readonly PlanPeriod[],
  items: ReadonlyArray<{ meetingId: string; goalId: string }>,
): MeetingCoverage[] {
  return meetings.map((meeting) => {
    const goals = periods.find((p) => p.id === meeting.planPeriodId)?.goals ?? [];
    const counted = goals.map((goal) => ({ goal, items: items.filter((i) => i.meetingId === meeting.id && i.goalId === goal.id).length }));
    return { meeting: meetingRef(meeting), goals: counted, unaddressed: counted.filter((c) => c.items === 0).map((c) => c.goal) };
  });
}
