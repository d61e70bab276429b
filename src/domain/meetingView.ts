import type { Block } from './blocks.js';
import type { BlockView, FigureView, IndicatorRef, StatusView, TargetView } from './blockView.js';
import type { Change } from './change.js';
import type { Meeting } from './meeting.js';
import type { FocusAreaSet, Goal } from './plan.js';

/**
 * A meeting as the board sees it — the plan period's goals, the year's focus areas, the agenda
 * grouped by goal with presenters and their titles at the meeting date, and each item's blocks
 * resolved from stored data. Built by services/meetingView.ts; read by the deck model, the
 * renderers, the API and the web app.
 */
export interface PresenterView {
  personId: string;
  name: string;
  title: string | null;
}

export type BlockViewOrError = BlockView | { type: 'error'; message: string };

export interface ItemView {
  id: string;
  position: number;
  title: string;
  goalId: string;
  presenters: PresenterView[];
  blocks: Array<{ id: number; position: number; block: Block; view: BlockViewOrError }>;
}

export interface MeetingView {
  meeting: Meeting;
  /** "Regionstyrelsen 6 maj 2026" */
  heading: string;
  planPeriod: { id: string; startYear: number; endYear: number; goals: Goal[] };
  focusAreas: FocusAreaSet | null;
  groups: Array<{ goal: Goal; presenters: PresenterView[]; items: ItemView[] }>;
}

/** One indicator's latest state for an area: what the scorecard shows. */
export interface IndicatorStatus {
  indicator: IndicatorRef & { goalLineIds: readonly string[]; periodType: string; koladaKpi: string | null; description: string | null };
  areaId: string;
  latest: FigureView | null;
  previous: FigureView | null;
  change: (Change & { display: string }) | null;
  target: TargetView | null;
  status: StatusView;
}
