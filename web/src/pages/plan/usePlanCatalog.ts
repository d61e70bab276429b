import { useCallback, useEffect, useState } from 'react';
import type { FocusAreaSet, GoalLine, PlanPeriod } from '../../../../src/domain/plan.js';
import { ApiError, getJson, type Loadable } from '../../api.js';

/**
 * What the plan page shows and edits: the plan periods with their goals, the goal lines and the
 * focus areas. Loaded once; after a change the page takes the server's answer and reads the lists
 * again quietly (no loading state), so the forms keep their place and focus.
 */
export interface PlanCatalog {
  periods: PlanPeriod[];
  lines: GoalLine[];
  focusAreas: FocusAreaSet[];
}

/** A goal line as the page names it: by its goal in the newest plan period that has it. */
export interface LineChoice {
  id: string;
  name: string;
  aliases: readonly string[];
  /** The plan periods with a goal on the line, oldest first ("2024–2026"). */
  periods: string[];
  /** Other names the line's goals have had. */
  formerNames: string[];
}

export function periodLabel(p: Pick<PlanPeriod, 'startYear' | 'endYear'>): string {
  return `${p.startYear}\u2013${p.endYear}`;
}

export function lineChoices(catalog: PlanCatalog): LineChoice[] {
  const oldestFirst = [...catalog.periods].sort((a, b) => a.startYear - b.startYear || a.endYear - b.endYear);
  return catalog.lines
    .map((line) => {
      const goals = oldestFirst.flatMap((p) => p.goals.filter((g) => g.goalLineId === line.id).map((g) => ({ period: periodLabel(p), name: g.name })));
      const name = goals.at(-1)?.name ?? line.aliases[0] ?? line.id;
      return { id: line.id, name, aliases: line.aliases, periods: goals.map((g) => g.period), formerNames: [...new Set(goals.map((g) => g.name))].filter((n) => n !== name) };
    })
    .sort((a, b) => a.name.localeCompare(b.name, 'sv'));
}

async function load(): Promise<PlanCatalog> {
  const [periods, lines, focusAreas] = await Promise.all([getJson<PlanPeriod[]>('/api/plan-periods'), getJson<GoalLine[]>('/api/goal-lines'), getJson<FocusAreaSet[]>('/api/focus-areas')]);
  return { periods, lines, focusAreas };
}

export function usePlanCatalog(): { value: Loadable<PlanCatalog> & { retry: () => void }; reload: () => Promise<void> } {
  const [value, setValue] = useState<Loadable<PlanCatalog>>({ state: 'loading' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let live = true;
    setValue({ state: 'loading' });
    load().then(
      (data) => live && setValue({ state: 'ok', data }),
      (error: unknown) => live && setValue({ state: 'error', error: error instanceof ApiError ? error : new ApiError(0, (error as Error).message) }),
    );
    return () => {
      live = false;
    };
  }, [attempt]);
  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  // after a change: the lists as stored now, without a loading state (a failure leaves them as they were)
  const reload = useCallback(async () => {
    try {
      const data = await load();
      setValue({ state: 'ok', data });
    } catch {
      // the change itself succeeded and its answer is shown; the next visit reads the lists again
    }
  }, []);
  return { value: { ...value, retry }, reload };
}
