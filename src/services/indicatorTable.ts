import { StyrkortError } from '../domain/errors.js';
import { meetingRef } from '../domain/goalView.js';
import type { Indicator } from '../domain/indicator.js';
import { compareKeys, keyLabel } from '../domain/period.js';
import { breakdownValueLabel, valueRows, type IndicatorFacets, type ValueTable } from '../domain/valueTable.js';
import { itemsShowingIndicator } from '../db/repositories/agenda.js';
import { listIndicators } from '../db/repositories/indicators.js';
import { listMeetings } from '../db/repositories/meetings.js';
import { provenanceOf, storedPeriods } from '../db/repositories/provenance.js';
import type { Db } from '../db/repositories/types.js';
import { indicatorSeries } from './indicatorViews.js';
import { ALL_MEETINGS, type MeetingFilter } from './visibility.js';

/** What the indicator page offers, and its values as a table with their provenance. */
async function requireIndicator(db: Db, id: string): Promise<Indicator> {
  const [indicator] = await listIndicators(db, [id]);
  if (!indicator) throw new StyrkortError('not_found', `Indikatorn "${id}" finns inte`);
  return indicator;
}

export async function indicatorFacets(db: Db, id: string, visible: MeetingFilter = ALL_MEETINGS): Promise<IndicatorFacets> {
  const indicator = await requireIndicator(db, id);
  // a derived indicator has no rows of its own: its periods are those of its numerator
  const source = indicator.derivation?.numerator ?? indicator.id;
  const [stored, shown, meetings] = await Promise.all([storedPeriods(db, source), itemsShowingIndicator(db, id), listMeetings(db)]);
  const total = stored.filter((s) => s.breakdown === '');
  const meetingById = new Map(meetings.filter(visible).map((m) => [m.id, m]));
  const breakdowns = [...new Set(stored.map((s) => s.breakdown))].sort((a, b) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b, 'sv')));
  return {
    periods: total.sort((a, b) => compareKeys(a.period, b.period)).map((s) => ({ key: s.period, label: keyLabel(s.period), areas: s.areas, regions: s.regions })),
    breakdowns: breakdowns.map((value) => ({ value, label: breakdownValueLabel(indicator.breakdown, value) })),
    areaIds: [...new Set(stored.flatMap((s) => s.areaIds))].sort(),
    meetings: shown.flatMap((s) => {
      const meeting = meetingById.get(s.meetingId);
      return meeting ? [{ meeting: meetingRef(meeting), itemId: s.itemId, itemTitle: s.itemTitle }] : [];
    }),
  };
}

export async function valueTable(db: Db, id: string, options: { areaIds: readonly string[]; breakdown: string }): Promise<ValueTable> {
  const indicator = await requireIndicator(db, id);
  const view = await indicatorSeries(db, id, { areaIds: options.areaIds, from: null, to: null, breakdown: options.breakdown, chart: 'line' });
  const ids = view.series.flatMap((s) => s.points.flatMap((p) => p?.measurementIds ?? []));
  const provenance = await provenanceOf(db, ids);
  return { indicator: view.indicator, breakdown: options.breakdown, breakdownLabel: breakdownValueLabel(indicator.breakdown, options.breakdown), rows: valueRows(view, provenance) };
}
