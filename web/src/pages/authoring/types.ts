/** What GET /api/meetings/:id/authoring answers: the domain's authoring view, which the server builds. */
export type { AuthoringItem, AuthoringMeeting, AuthoringPresenter } from '../../../../src/domain/authoringView.js';

/** GET /api/people */
export interface PersonView {
  id: string;
  name: string;
  titles: ReadonlyArray<{ title: string; roleId: string | null; validFrom: string; validTo: string | null }>;
}

/** GET /api/indicators/:id/facets: the periods, breakdowns and areas an indicator has values for. */
export interface IndicatorFacets {
  periods: Array<{ key: string; label: string; areas: number; regions: number }>;
  breakdowns: Array<{ value: string; label: string }>;
  areaIds: string[];
}
