import { matchKey } from './text.js';

/**
 * A goal line is one overarching goal followed across plan periods, whatever it is called in
 * each: "God ekonomisk hushållning" (2024–2026) and "En långsiktigt hållbar ekonomi" (2025–2027,
 * 2026–2028) are one line, so a series continues across the rename.
 */
export interface GoalLine {
  id: string;
  /** Short names used on agenda slides: "Medarbetare", "Långsiktigt hållbar ekonomi". */
  aliases: readonly string[];
}

export interface Goal {
  id: string;
  planPeriodId: string;
  goalLineId: string;
  position: number;
  name: string;
}

export interface PlanPeriod {
  id: string; // "2026-2028"
  startYear: number;
  endYear: number;
  goals: readonly Goal[]; // ordered by position
}

export interface FocusAreaSet {
  year: number;
  lead: string; // "Tillsammans"
  areas: readonly string[]; // "möter vi människor där de är", …
}

export function planPeriodId(startYear: number, endYear: number): string {
  return `${startYear}-${endYear}`;
}

/** The plan period in force in a year: the latest adopted period whose range covers it. */
export function planPeriodForYear(periods: readonly PlanPeriod[], year: number): PlanPeriod | null {
  const covering = periods.filter((p) => p.startYear <= year && year <= p.endYear);
  covering.sort((a, b) => b.startYear - a.startYear);
  return covering[0] ?? null;
}

export type GoalResolution =
  | { ok: true; goal: Goal; matchedBy: 'name' | 'alias' | 'line-name' }
  | { ok: false; reason: 'unknown' | 'ambiguous'; candidates: readonly Goal[] };

/**
 * Resolves a goal as written on an agenda slide to the canonical goal of a plan period: exact
 * name, then a goal line alias, then the name the same line has in another period.
 */
export function resolveGoal(
  text: string,
  period: PlanPeriod,
  lines: readonly GoalLine[],
  allGoals: readonly Goal[] = period.goals,
): GoalResolution {
  const key = matchKey(text);
  const byName = period.goals.filter((g) => matchKey(g.name) === key);
  if (byName.length === 1 && byName[0]) return { ok: true, goal: byName[0], matchedBy: 'name' };

  const lineIds = new Set(lines.filter((l) => l.aliases.some((a) => matchKey(a) === key)).map((l) => l.id));
  const byAlias = period.goals.filter((g) => lineIds.has(g.goalLineId));
  if (byAlias.length === 1 && byAlias[0]) return { ok: true, goal: byAlias[0], matchedBy: 'alias' };
  if (byAlias.length > 1) return { ok: false, reason: 'ambiguous', candidates: byAlias };

  const otherLineIds = new Set(allGoals.filter((g) => matchKey(g.name) === key).map((g) => g.goalLineId));
  const byLine = period.goals.filter((g) => otherLineIds.has(g.goalLineId));
  if (byLine.length === 1 && byLine[0]) return { ok: true, goal: byLine[0], matchedBy: 'line-name' };
  return { ok: false, reason: byLine.length > 1 ? 'ambiguous' : 'unknown', candidates: byLine };
}
