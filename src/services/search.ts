import { meetingRef } from '../domain/goalView.js';
import type { Meeting } from '../domain/meeting.js';
import { titleAt } from '../domain/person.js';
import { queryWords, rankMatches, type SearchResults } from '../domain/search.js';
import { listAgendaEntries } from '../db/repositories/agenda.js';
import { listIndicators } from '../db/repositories/indicators.js';
import { listMeetings } from '../db/repositories/meetings.js';
import { listPeople } from '../db/repositories/people.js';
import { listPlanPeriods } from '../db/repositories/plan.js';
import type { Db } from '../db/repositories/types.js';
import { ALL_MEETINGS, type MeetingFilter } from './visibility.js';

/** Indicators, information items and people whose names match a query (see domain/search.ts). */
export async function search(db: Db, query: string, today: string, visible: MeetingFilter = ALL_MEETINGS): Promise<SearchResults> {
  const words = queryWords(query);
  const empty: SearchResults = { query, indicators: [], items: [], people: [] };
  if (words.length === 0) return empty;
  const [indicators, entries, allMeetings, people, periods] = await Promise.all([listIndicators(db), listAgendaEntries(db), listMeetings(db), listPeople(db), listPlanPeriods(db)]);
  // items of meetings the caller may not see are not found (nor listed under their presenters)
  const meetings = allMeetings.filter(visible);
  const meetingById = new Map(meetings.map((m) => [m.id, m]));
  const goalById = new Map(periods.flatMap((p) => p.goals).map((g) => [g.id, g]));
  const order = new Map(meetings.map((m, i) => [m.id, i]));
  const items = entries
    .filter((e) => meetingById.has(e.meetingId))
    .sort((a, b) => (order.get(a.meetingId) ?? 0) - (order.get(b.meetingId) ?? 0) || a.position - b.position);

  const itemView = (e: (typeof items)[number]) => {
    const meeting = meetingRef(meetingById.get(e.meetingId) as Meeting);
    return { id: e.id, title: e.title, meeting: { id: meeting.id, heading: meeting.heading, date: meeting.date }, goalName: goalById.get(e.goalId)?.name ?? '' };
  };

  return {
    query,
    indicators: rankMatches(indicators, words, (i) => [i.name, i.shortName, i.id, i.koladaKpi]).map((i) => ({ id: i.id, name: i.name, shortName: i.shortName, source: i.source, unit: i.unit })),
    items: rankMatches(items, words, (e) => [e.title]).map(itemView),
    people: rankMatches(people, words, (p) => [p.name, ...p.titles.map((t) => t.title)]).map((p) => ({
      id: p.id,
      name: p.name,
      title: titleAt(p, today) ?? p.titles.at(-1)?.title ?? null,
      items: items.filter((e) => e.presenters.some((x) => x.personId === p.id)).map((e) => {
        const v = itemView(e);
        return { id: v.id, title: v.title, meetingId: v.meeting.id, meetingHeading: v.meeting.heading };
      }),
    })),
  };
}
