import type { Area } from '../../../src/domain/area.js';
import type { FocusAreaSet, Goal } from '../../../src/domain/plan.js';
import type { Target } from '../../../src/domain/target.js';
import type { Indicator } from '../../../src/domain/indicator.js';

/** Shapes of API answers that have no view type of their own in the domain. */
export interface PlanPeriodView {
  id: string;
  startYear: number;
  endYear: number;
  label: string;
  goals: Goal[];
  focusAreas: FocusAreaSet[];
}

export type AreaView = Area;

export type IndicatorDetail = Indicator & { targets: Target[] };

/** An indicator as pickers and lists need it (each entry of GET /api/indicators has one). */
export type IndicatorBrief = Pick<Indicator, 'id' | 'name' | 'shortName' | 'unit' | 'periodType' | 'kind' | 'source' | 'koladaKpi' | 'goalLineIds'>;

/** The plan period in force this year, else the newest. */
export function defaultPlanPeriod(periods: readonly PlanPeriodView[], year: number): PlanPeriodView | null {
  const covering = periods.filter((p) => p.startYear <= year && year <= p.endYear).sort((a, b) => b.startYear - a.startYear);
  return covering[0] ?? [...periods].sort((a, b) => b.startYear - a.startYear)[0] ?? null;
}
