import { MONTH_ABBREVIATIONS, parsePeriodKey, parsePeriodText, periodEnd, periodKey, periodLabel, periodStart } from './period.js';

/**
 * A timeline: phases as bars over months (the RUS process, a contract's start-up plan),
 * milestones as points, a "today" marker. Phases may nest; a child outside its parent is flagged.
 * A date is any period, as the packs write them: a day (`2029-04-18`), a month (`2028-12`), a
 * tertial or quarter (`2029-T1`, `2029-Q2`), a half-year (stored as its months, `2029-01..2029-06`)
 * or a year (`2029`). People may type them as text ("dec 2028", "H1 2029", "första halvåret
 * 2029"); `timelineDateKey` makes the stored key.
 */
export interface Phase {
  id: string;
  label: string;
  start: string;
  end: string;
  parentId: string | null;
}

export interface Milestone {
  id: string;
  label: string;
  date: string;
}

export interface TimelineIssue {
  id: string;
  message: string;
}

/** The stored key of a date written as text or as a key; null when it is no date or period. */
export function timelineDateKey(value: string | number): string | null {
  const period = parsePeriodText(String(value));
  return period ? periodKey(period) : null;
}

/** First day covered by a timeline date (any period key). */
export function startDay(value: string): string {
  const period = parsePeriodKey(value);
  return period ? periodStart(period) : value;
}

/** Last day covered by a timeline date (any period key). */
export function endDay(value: string): string {
  const period = parsePeriodKey(value);
  return period ? periodEnd(period) : value;
}

/** Whether a milestone sits at a point (a day or a month, drawn at its start) rather than across a longer period (drawn at its middle). */
export function isPointDate(value: string): boolean {
  const kind = parsePeriodKey(value)?.kind;
  return kind === 'date' || kind === 'month';
}

/** A timeline date as the packs write it: "dec 2028", "18 april 2029", "T1 2029", "första halvåret 2029", "2029". */
export function timelineDateLabel(value: string): string {
  const period = parsePeriodKey(value);
  if (!period) return value;
  switch (period.kind) {
    case 'month':
      return `${MONTH_ABBREVIATIONS[period.month - 1] ?? '?'} ${period.year}`;
    case 'date':
      return periodLabel(period, { per: false });
    case 'months':
      if (period.from.year === period.to.year && period.from.month === 1 && period.to.month === 6) return `första halvåret ${period.from.year}`;
      if (period.from.year === period.to.year && period.from.month === 7 && period.to.month === 12) return `andra halvåret ${period.from.year}`;
      return periodLabel(period);
    default:
      return periodLabel(period);
  }
}

const isTimelineDate = (value: string): boolean => parsePeriodKey(value) !== null;

export function checkTimeline(phases: readonly Phase[], milestones: readonly Milestone[]): TimelineIssue[] {
  const issues: TimelineIssue[] = [];
  const byId = new Map(phases.map((p) => [p.id, p]));
  for (const p of phases) {
    if (!isTimelineDate(p.start) || !isTimelineDate(p.end)) {
      issues.push({ id: p.id, message: `Fasen "${p.label}" har ett ogiltigt datum (${p.start}–${p.end})` });
      continue;
    }
    if (startDay(p.start) > endDay(p.end)) {
      issues.push({ id: p.id, message: `Fasen "${p.label}" slutar (${timelineDateLabel(p.end)}) före sin start (${timelineDateLabel(p.start)})` });
    }
    if (p.parentId === null) continue;
    const parent = byId.get(p.parentId);
    if (!parent) {
      issues.push({ id: p.id, message: `Fasen "${p.label}" hänvisar till en okänd överordnad fas "${p.parentId}"` });
      continue;
    }
    if (startDay(p.start) < startDay(parent.start) || endDay(p.end) > endDay(parent.end)) {
      issues.push({
        id: p.id,
        message: `Fasen "${p.label}" (${timelineDateLabel(p.start)}–${timelineDateLabel(p.end)}) ligger utanför sin överordnade fas "${parent.label}" (${timelineDateLabel(parent.start)}–${timelineDateLabel(parent.end)})`,
      });
    }
  }
  for (const m of milestones) {
    if (!isTimelineDate(m.date)) issues.push({ id: m.id, message: `Milstolpen "${m.label}" har ett ogiltigt datum (${m.date})` });
  }
  return issues;
}

/** The time span a timeline must show: from the earliest start to the latest end or milestone. */
export function timelineSpan(phases: readonly Phase[], milestones: readonly Milestone[]): { from: string; to: string } | null {
  const starts = [...phases.map((p) => startDay(p.start)), ...milestones.map((m) => startDay(m.date))];
  const ends = [...phases.map((p) => endDay(p.end)), ...milestones.map((m) => endDay(m.date))];
  if (starts.length === 0) return null;
  return { from: starts.reduce((a, b) => (a < b ? a : b)), to: ends.reduce((a, b) => (a > b ? a : b)) };
}

/** Position (0–1) of a day within a span, or null when outside it — for the "today" marker. */
export function positionIn(day: string, span: { from: string; to: string }): number | null {
  const t = Date.parse(`${day}T00:00:00Z`);
  const a = Date.parse(`${span.from}T00:00:00Z`);
  const b = Date.parse(`${span.to}T00:00:00Z`) + 86_400_000; // the moment the last day ends
  if (Number.isNaN(t) || t < a || t >= b) return null;
  return (t - a) / (b - a);
}
