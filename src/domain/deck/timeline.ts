import type { BlockView } from '../blockView.js';
import { formatDate } from '../format.js';
import { MONTH_ABBREVIATIONS } from '../period.js';
import { endDay, isPointDate, startDay, timelineDateLabel } from '../timeline.js';
import type { TimelineBody } from './model.js';

/**
 * A timeline laid out over its span: every phase and milestone as a row with its position
 * (0 = the span's first day, 1 = the end of its last day), month ticks, and the meeting day
 * as the "today" marker. Renderers only scale the positions.
 */
type View = Extract<BlockView, { type: 'timeline' }>;

const DAY = 86_400_000;
/** About this many characters of month labels fit along the axis (8 in at 11 pt in PowerPoint, 790 px at 17 px in the web deck). */
const AXIS_CHARS = 90;

function dayValue(day: string): number {
  return Date.parse(`${day}T00:00:00Z`);
}

function rangeText(start: string, end: string): string {
  return start === end ? timelineDateLabel(start) : `${timelineDateLabel(start)}\u2013${timelineDateLabel(end)}`;
}

export function timelineBody(view: View): TimelineBody {
  const span = view.span;
  if (!span) return { kind: 'timeline', months: [], rows: [], today: null, alt: `Tidslinje: ${view.title}. Inga faser eller milstolpar.`, issues: view.issues.map((i) => i.message) };
  const from = dayValue(span.from);
  const length = dayValue(span.to) + DAY - from;
  const at = (day: string, endOfDay = false) => Math.min(1, Math.max(0, (dayValue(day) + (endOfDay ? DAY : 0) - from) / length));

  const months: TimelineBody['months'] = [];
  let [year, month] = span.from.slice(0, 7).split('-').map(Number) as [number, number];
  const count = (Number(span.to.slice(0, 4)) - year) * 12 + Number(span.to.slice(5, 7)) - month + 1;
  const every = count > 24 ? 3 : count > 12 ? 2 : 1;
  for (let i = 0; i < count; i++) {
    const key = `${year}-${String(month).padStart(2, '0')}`;
    const yearStart = month === 1 || i === 0;
    const abbr = MONTH_ABBREVIATIONS[month - 1] ?? '?';
    const labelled = yearStart || (month - 1) % every === 0;
    months.push({ at: at(`${key}-01`), label: labelled ? (yearStart ? `${abbr} ${year}` : abbr) : '', yearStart });
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
  // Tick labels are drawn rightwards from their tick: keep a label only where it does not run
  // into one kept before it. January ("jan 2026") first, then the span's first month, then the
  // other months. A label takes its characters' share of the axis (about AXIS_CHARS fit along it).
  const width = (label: string) => Math.ceil(((label.length + 2) / AXIS_CHARS) * count);
  const taken: Array<[number, number]> = [];
  const free = (from: number, to: number) => taken.every(([a, b]) => to <= a || from >= b);
  const order = [...months.keys()].filter((i) => months[i]?.label !== '');
  const rank = (i: number) => (months[i]?.yearStart && i > 0 ? 0 : i === 0 ? 1 : 2);
  for (const i of order.sort((a, b) => rank(a) - rank(b) || a - b)) {
    const m = months[i] as (typeof months)[number];
    const to = i + width(m.label);
    if (free(i, to) && to <= count + 1) taken.push([i, to]); // and not past the axis's end
    else m.label = '';
  }

  const depthOf = (id: string, seen = new Set<string>()): number => {
    const phase = view.phases.find((p) => p.id === id);
    if (!phase || phase.parentId === null || seen.has(id)) return 0;
    seen.add(id);
    return 1 + depthOf(phase.parentId, seen);
  };
  const ordered: View['phases'] = [];
  const place = (parentId: string | null) => {
    for (const p of view.phases.filter((x) => x.parentId === parentId)) {
      ordered.push(p);
      place(p.id);
    }
  };
  place(null);
  for (const p of view.phases) if (!ordered.includes(p)) ordered.push(p); // orphans, flagged in issues

  const rows: TimelineBody['rows'] = [
    ...ordered.map((p) => ({
      kind: 'phase' as const,
      label: p.label,
      depth: Math.min(depthOf(p.id), 3),
      from: at(startDay(p.start)),
      to: at(endDay(p.end), true),
      range: rangeText(p.start, p.end),
    })),
    ...[...view.milestones]
      .sort((a, b) => (startDay(a.date) < startDay(b.date) ? -1 : 1))
      // a day or a month at its start, as before; a longer period ("H1 2029") at its middle
      .map((m) => ({
        kind: 'milestone' as const,
        label: m.label,
        at: isPointDate(m.date) ? at(startDay(m.date)) : (at(startDay(m.date)) + at(endDay(m.date), true)) / 2,
        date: timelineDateLabel(m.date),
      })),
  ];
  const today = view.today ? { at: view.today.position, label: `I dag ${formatDate(view.today.date)}` } : null;
  const alt = [
    `Tidslinje: ${view.title}, ${rangeText(span.from.slice(0, 7), span.to.slice(0, 7))}.`,
    ...rows.map((r) => (r.kind === 'phase' ? `Fas ${r.label}: ${r.range}.` : `Milstolpe ${r.label}: ${r.date}.`)),
    ...(today ? [`${today.label}.`] : []),
  ].join(' ');
  return { kind: 'timeline', months, rows, today, alt, issues: view.issues.map((i) => i.message) };
}
