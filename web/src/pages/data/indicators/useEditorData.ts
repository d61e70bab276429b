import type { Area } from '../../../../../src/domain/area.js';
import type { Person } from '../../../../../src/domain/person.js';
import { useApi, type Loadable } from '../../../api.js';
import type { PlanPeriodView } from '../../../lib/types.js';
import type { IndicatorBrief } from '../imports/types.js';
import { useCatalog } from '../imports/useCatalog.js';

/** What the indicator editor offers to choose among: areas, people, goal lines (named by their goals), other indicators. */
export interface GoalLineChoice {
  id: string;
  name: string;
}

export interface EditorChoices {
  areas: Area[];
  people: Array<Pick<Person, 'id' | 'name'>>;
  goalLines: GoalLineChoice[];
  indicators: IndicatorBrief[];
}

export function useEditorChoices(): Loadable<EditorChoices> & { retry: () => void } {
  const catalog = useCatalog();
  const people = useApi<Array<{ id: string; name: string }>>('/api/people');
  const lines = useApi<Array<{ id: string; aliases: string[] }>>('/api/goal-lines');
  const periods = useApi<PlanPeriodView[]>('/api/plan-periods');
  const retry = () => {
    catalog.retry();
    people.retry();
    lines.retry();
    periods.retry();
  };
  for (const part of [catalog, people, lines, periods]) if (part.state === 'error') return { state: 'error', error: part.error, retry };
  if (catalog.state !== 'ok' || people.state !== 'ok' || lines.state !== 'ok' || periods.state !== 'ok') return { state: 'loading', retry };
  // a goal line is named by its goal in the newest plan period that has it
  const newestFirst = [...periods.data].sort((a, b) => b.startYear - a.startYear);
  const goalLines = lines.data.map((l) => {
    const goal = newestFirst.flatMap((p) => p.goals).find((g) => g.goalLineId === l.id);
    return { id: l.id, name: goal?.name ?? l.aliases[0] ?? l.id };
  });
  return {
    state: 'ok',
    data: {
      areas: catalog.data.areas,
      people: [...people.data].sort((a, b) => a.name.localeCompare(b.name, 'sv')),
      goalLines,
      indicators: catalog.data.indicators,
    },
    retry,
  };
}
