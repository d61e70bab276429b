import { meetingRef } from '../domain/goalView.js';
import type { Meeting } from '../domain/meeting.js';
import { titleAt } from '../domain/person.js';
import { fragmentParts, queryWords, rankMatches, textQuery, type SearchResults } from '../domain/search.js';
import { listAreas } from '../db/repositories/areas.js';
import { listAgendaEntries } from '../db/repositories/agenda.js';
import { listIndicators } from '../db/repositories/indicators.js';
import { listMeetings } from '../db/repositories/meetings.js';
import { listPeople } from '../db/repositories/people.js';
import { listPlanPeriods } from '../db/repositories/plan.js';
import { itemsSaying, MARK_END, MARK_START } from '../db/repositories/search.js';
import type { Db } from '../db/repositories/types.js';
import { ALL_MEETINGS, type MeetingFilter } from './visibility.js';

/**
 * Indicators, people and areas whose names match a query (domain/search.ts), and information
 * items whose title or contents say it — full-text search in Swedish over every block's words,
 * with the fragment that says it. Only meetings the caller may see are searched.
 */
export async function search(db: Db, query: string, today: string, visible: MeetingFilter = ALL_MEETINGS): Promise<SearchResults> {
  const words = queryWords(query);
  const empty: SearchResults = { query, indicators: [], items: [], people: [], areas: [] };
  if (words.length === 0) return empty;
  const [indicators, entries, allMeetings, people, periods, areas] = await Promise.all([listIndicators(db), listAgendaEntries(db), listMeetings(db), listPeople(db), listPlanPeriods(db), listAreas(db)]);
  // items of meetings the caller may not see are not found (nor listed under their presenters)
  const meetings = allMeetings.filter(visible);
  const meetingById = new Map(meetings.map((m) => [m.id, m]));
  const goalById = new Map(periods.flatMap((p) => p.goals).map((g) => [g.id, g]));
  const order = new Map(meetings.map((m, i) => [m.id, i]));
  const items = entries
    .filter((e) => meetingById.has(e.meetingId))
    .sort((a, b) => (order.get(a.meetingId) ?? 0) - (order.get(b.meetingId) ?? 0) || a.position - b.position);

  const itemView = (e: (typeof items)[number], fragment: string | null = null) => {
    const meeting = meetingRef(meetingById.get(e.meetingId) as Meeting);
    return {
      id: e.id,
      title: e.title,
      meeting: { id: meeting.id, heading: meeting.heading, date: meeting.date },
      goalName: goalById.get(e.goalId)?.name ?? '',
      fragment: fragment === null ? null : fragmentParts(fragment, MARK_START, MARK_END),
    };
  };
  // titles that match by name first (as typed, in agenda order), then what the contents say
  const byName = rankMatches(items, words, (e) => [e.title]);
  const tsquery = textQuery(query);
  const said = tsquery === null ? [] : await itemsSaying(db, tsquery, meetings.map((m) => m.id));
  const itemById = new Map(items.map((e) => [e.id, e]));
  const named = new Set(byName.map((e) => e.id));
  const fragments = new Map(said.map((h) => [h.itemId, h.fragment]));
  const foundItems = [
    ...byName.map((e) => itemView(e, fragments.get(e.id) ?? null)),
    ...said.flatMap((h) => {
      const e = itemById.get(h.itemId);
      return e && !named.has(e.id) ? [itemView(e, h.fragment)] : [];
    }),
  ].slice(0, 50);

  return {
    query,
    indicators: rankMatches(indicators, words, (i) => [i.name, i.shortName, i.id, i.koladaKpi]).map((i) => ({ id: i.id, name: i.name, shortName: i.shortName, source: i.source, unit: i.unit })),
    items: foundItems,
    people: rankMatches(people, words, (p) => [p.name, ...p.titles.map((t) => t.title)]).map((p) => ({
      id: p.id,
      name: p.name,
      title: titleAt(p, today) ?? p.titles.at(-1)?.title ?? null,
      items: items.filter((e) => e.presenters.some((x) => x.personId === p.id)).map((e) => {
        const v = itemView(e);
        return { id: v.id, title: v.title, meetingId: v.meeting.id, meetingHeading: v.meeting.heading };
      }),
    })),
    areas: rankMatches(areas, words, (a) => [a.name, a.shortName, ...a.aliases]).map((a) => ({ id: a.id, name: a.name, kind: a.kind })),
  };
}
