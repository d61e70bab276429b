import { areasOf, indicatorsOf } from '../domain/blocks.js';
import { buildBlockView } from '../domain/blockView.js';
import { StyrkortError } from '../domain/errors.js';
import { formatDate } from '../domain/format.js';
import type { ItemView, MeetingView } from '../domain/meetingView.js';
import { titleAt } from '../domain/person.js';
import { findMeeting, listItems } from '../db/repositories/meetings.js';
import { listPeople } from '../db/repositories/people.js';
import { listFocusAreaSets, listPlanPeriods } from '../db/repositories/plan.js';
import type { Db } from '../db/repositories/types.js';
import { loadBlockContext } from './valueContext.js';
import { ALL_MEETINGS, type MeetingFilter } from './visibility.js';

/**
 * Builds the meeting view (see domain/meetingView.ts) from stored data. A meeting the caller may
 * not see (`visible`) is answered as one that does not exist.
 */
export async function meetingView(db: Db, idOrDate: string, visible: MeetingFilter = ALL_MEETINGS): Promise<MeetingView> {
  const meeting = await findMeeting(db, idOrDate);
  if (!meeting || !visible(meeting)) throw new StyrkortError('not_found', `Sammanträdet "${idOrDate}" finns inte`);
  const [items, periods, people, focusSets] = await Promise.all([listItems(db, meeting.id), listPlanPeriods(db), listPeople(db), listFocusAreaSets(db)]);
  const period = periods.find((p) => p.id === meeting.planPeriodId);
  if (!period) throw new StyrkortError('internal', `Planperioden ${meeting.planPeriodId} saknas`);

  const blocks = items.flatMap((i) => i.blocks.flatMap((b) => (b.invalid === null ? [b.block] : [])));
  const ctx = await loadBlockContext(db, {
    indicatorIds: [...new Set(blocks.flatMap(indicatorsOf))],
    areaIds: blocks.some((b) => b.type === 'ranking_table' && b.areas === 'regions') ? null : [...new Set(blocks.flatMap(areasOf))],
    datasetIds: blocks.flatMap((b) => (b.type === 'data_table' ? [b.dataset] : [])),
    registerIds: blocks.flatMap((b) => (b.type === 'risk_list' ? [b.register] : [])),
    assetIds: blocks.flatMap((b) => (b.type === 'image' ? [b.asset] : [])),
    date: meeting.date,
  });
  const peopleById = new Map(people.map((p) => [p.id, p]));

  const itemViews: ItemView[] = items.map((item) => ({
    id: item.id,
    position: item.position,
    title: item.title,
    goalId: item.goalId,
    presenters: item.presenters.map((p) => {
      const person = peopleById.get(p.personId);
      return { personId: p.personId, name: person?.name ?? p.personId, title: p.titleOverride ?? (person ? titleAt(person, meeting.date) : null) };
    }),
    blocks: item.blocks.map(({ invalid, ...b }) => {
      if (invalid !== null) return { ...b, view: { type: 'error' as const, message: `blocket följer inte längre reglerna (${invalid}); öppna punkten och spara blocket igen` } };
      try {
        return { ...b, view: buildBlockView(b.block, ctx) };
      } catch (error) {
        return { ...b, view: { type: 'error' as const, message: (error as Error).message } };
      }
    }),
  }));

  const groups = period.goals
    .map((goal) => {
      const goalItems = itemViews.filter((i) => i.goalId === goal.id);
      const seen = new Set<string>();
      const presenters = goalItems.flatMap((i) => i.presenters).filter((p) => !seen.has(p.personId) && seen.add(p.personId));
      return { goal, presenters, items: goalItems };
    })
    .filter((g) => g.items.length > 0);

  return {
    meeting,
    heading: `${meeting.body} ${formatDate(meeting.date)}`,
    planPeriod: { id: period.id, startYear: period.startYear, endYear: period.endYear, goals: [...period.goals] },
    focusAreas: focusSets.find((f) => f.year === meeting.focusYear) ?? null,
    groups,
  };
}
