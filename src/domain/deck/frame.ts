import { formatDate, formatYearRange } from '../format.js';
import type { MeetingView, PresenterView } from '../meetingView.js';
import { presenterLabel } from '../person.js';
import type { SlideDraft } from './blockSlides.js';
import type { Presenter, SlideBody } from './model.js';
import { linesOf, paginate, type DeckCapacity } from './paginate.js';

/**
 * The slides every pack opens with — title, the plan period's overarching goals, the year's
 * focus areas, the agenda — and the section slide that opens each goal.
 */
export function deckTitle(view: MeetingView): string {
  return `${view.heading} \u2014 ${view.meeting.title}`;
}

export function presenter(p: PresenterView): Presenter {
  return { name: p.name, title: p.title, label: presenterLabel(p.name, p.title) };
}

function capitalised(text: string): string {
  return text.charAt(0).toLocaleUpperCase('sv-SE') + text.slice(1);
}

type AgendaGroup = Extract<SlideBody, { kind: 'agenda' }>['groups'][number];

function agendaSlides(view: MeetingView, capacity: DeckCapacity): SlideDraft[] {
  const title = `${view.meeting.title} ${formatDate(view.meeting.date)}`;
  const chars = Math.floor(capacity.textChars * 1.25);
  // one unit per item; a goal heading travels with the goal's first item
  const units = view.groups.flatMap((g) =>
    g.items.map((item, i) => ({
      goal: g.goal.name,
      item: { title: item.title, presenters: item.presenters.map((p) => p.name).join(', ') },
      height: linesOf(`${item.title} \u2014 ${item.presenters.map((p) => p.name).join(', ')}`, chars) + (i === 0 ? linesOf(g.goal.name, chars) + 0.6 : 0.15),
    })),
  );
  const pages = paginate(
    units.map((u) => u.height),
    capacity.agendaLines,
  );
  return pages.map(([start, end], index) => {
    const groups: AgendaGroup[] = [];
    for (const unit of units.slice(start, end)) {
      const last = groups[groups.length - 1];
      if (last && last.goal === unit.goal) last.items.push(unit.item);
      else groups.push({ goal: unit.goal, items: [unit.item] });
    }
    return { title: index === 0 ? title : `${title} (forts.)`, level: 2, kicker: null, body: { kind: 'agenda', groups }, note: null };
  });
}

/** Title, goals, focus areas and agenda, in the order of the region's packs. */
export function openingSlides(view: MeetingView, capacity: DeckCapacity): SlideDraft[] {
  const slides: SlideDraft[] = [
    { title: deckTitle(view), level: 1, kicker: null, body: { kind: 'title', heading: view.heading, subtitle: view.meeting.title }, note: null },
    {
      title: `Övergripande mål i regionplan | ${formatYearRange(view.planPeriod.startYear, view.planPeriod.endYear)}`,
      level: 2,
      kicker: null,
      body: { kind: 'goals', goals: view.planPeriod.goals.map((g) => g.name) },
      note: null,
    },
  ];
  if (view.focusAreas) {
    slides.push({
      title: `Fokusområden ${view.focusAreas.year}`,
      level: 2,
      kicker: null,
      body: { kind: 'focus', lead: view.focusAreas.lead, areas: view.focusAreas.areas.map(capitalised) },
      note: null,
    });
  }
  return [...slides, ...agendaSlides(view, capacity)];
}

export function sectionSlide(group: MeetingView['groups'][number]): SlideDraft {
  return { title: group.goal.name, level: 2, kicker: null, body: { kind: 'section', presenters: group.presenters.map(presenter) }, note: null };
}
