import { isYearMonthOrDate } from './period.js';

/**
 * A timeline: phases as bars over months (the RUS process, a contract's start-up plan),
 * milestones as points, a "today" marker. Phases may nest; a child outside its parent is flagged.
 * Dates are ISO `YYYY-MM` (whole months) or `YYYY-MM-DD`.
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

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

/** First day covered by a `YYYY-MM` or `YYYY-MM-DD`. */
export function startDay(value: string): string {
  return /^\d{4}-\d{2}$/.test(value) ? `${value}-01` : value;
}

/** Last day covered by a `YYYY-MM` or `YYYY-MM-DD`. */
export function endDay(value: string): string {
  const m = value.match(/^(\d{4})-(\d{2})$/);
  if (!m) return value;
  const last = new Date(Date.UTC(Number(m[1]), Number(m[2]), 0)).getUTCDate();
  return `${m[1]}-${m[2]}-${pad2(last)}`;
}

export function checkTimeline(phases: readonly Phase[], milestones: readonly Milestone[]): TimelineIssue[] {
  const issues: TimelineIssue[] = [];
  const byId = new Map(phases.map((p) => [p.id, p]));
  for (const p of phases) {
    if (!isYearMonthOrDate(p.start) || !isYearMonthOrDate(p.end)) {
      issues.push({ id: p.id, message: `Fasen "${p.label}" har ett ogiltigt datum (${p.start}–${p.end})` });
      continue;
    }
    if (startDay(p.start) > endDay(p.end)) {
      issues.push({ id: p.id, message: `Fasen "${p.label}" slutar (${p.end}) före sin start (${p.start})` });
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
        message: `Fasen "${p.label}" (${p.start}–${p.end}) ligger utanför sin överordnade fas "${parent.label}" (${parent.start}–${parent.end})`,
      });
    }
  }
  for (const m of milestones) {
    if (!isYearMonthOrDate(m.date)) issues.push({ id: m.id, message: `Milstolpen "${m.label}" har ett ogiltigt datum (${m.date})` });
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
