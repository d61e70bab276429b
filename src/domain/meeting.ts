import type { Block } from './blocks.js';

export const MEETING_STATUSES = ['draft', 'published', 'archived'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];

export const MEETING_STATUS_LABELS: Record<MeetingStatus, string> = {
  draft: 'Utkast',
  published: 'Publicerad',
  archived: 'Arkiverad',
};

export interface Meeting {
  id: string;
  body: string; // "Regionstyrelsen"
  date: string; // ISO date
  planPeriodId: string;
  focusYear: number;
  title: string; // "Informationspunkter"
  status: MeetingStatus;
}

export interface Presenter {
  personId: string;
  name: string;
  /** The title held at the meeting date, or the wording the item gives. */
  title: string | null;
}

export interface AgendaItem {
  id: string;
  meetingId: string;
  goalId: string;
  position: number;
  title: string;
  presenters: readonly Presenter[];
  blocks: readonly Block[];
}

/** "Regionstyrelsen 6 maj 2026 — Informationspunkter" is built by the deck; this is the file name stem. */
export function meetingFileStem(meeting: Pick<Meeting, 'body' | 'date' | 'title'>): string {
  return `${meeting.body} ${meeting.date} ${meeting.title}`;
}

/** Items grouped under their goals in the plan period's goal order, items in agenda order. */
export function groupByGoal<T extends Pick<AgendaItem, 'goalId' | 'position'>>(
  items: readonly T[],
  goalOrder: readonly string[],
): Array<{ goalId: string; items: T[] }> {
  const groups = goalOrder.map((goalId) => ({
    goalId,
    items: items.filter((i) => i.goalId === goalId).sort((a, b) => a.position - b.position),
  }));
  return groups.filter((g) => g.items.length > 0);
}
