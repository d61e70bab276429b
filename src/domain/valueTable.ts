import type { AreaRef, BlockView, FigureView, IndicatorRef } from './blockView.js';
import type { Cell } from './cells.js';
import type { MeetingRef } from './goalView.js';
import { BREAKDOWN_LABELS, GENDER_LABELS, type Breakdown } from './indicator.js';
import { unitName } from './units.js';

/**
 * An indicator's values as a table: one row per area and period, each figure with where it came
 * from — the stored rows behind it, their source, source reference, import batch, who recorded
 * them and when. The table view and the CSV/XLSX downloads are built from this.
 */
export interface ProvenanceView {
  measurementId: number;
  source: string;
  sourceRef: string | null;
  sourceRow: number | null;
  recordedBy: string;
  recordedAt: string;
  batch: { id: number; kind: string; fileName: string | null; createdBy: string; createdAt: string } | null;
}

export interface ValueRow {
  area: AreaRef;
  figure: FigureView;
  provenance: ProvenanceView[];
}

export interface ValueTable {
  indicator: IndicatorRef;
  breakdown: string;
  breakdownLabel: string;
  rows: ValueRow[];
}

/** What an indicator page can offer: periods, breakdown values, areas with data, meetings showing it. */
export interface IndicatorFacets {
  /** Oldest first; `regions` counts areas of kind region with a stored value. */
  periods: Array<{ key: string; label: string; areas: number; regions: number }>;
  breakdowns: Array<{ value: string; label: string }>;
  areaIds: string[];
  meetings: Array<{ meeting: MeetingRef; itemId: string; itemTitle: string }>;
}

/** "kvinnor", "män", "18–29 år" … and "totalt" for the total (''). */
export function breakdownValueLabel(breakdown: Breakdown | null, value: string): string {
  if (value === '') return 'totalt';
  if (breakdown === 'kon') return GENDER_LABELS[value] ?? value;
  return value;
}

export function breakdownName(breakdown: Breakdown | null): string | null {
  return breakdown === null ? null : BREAKDOWN_LABELS[breakdown];
}

/** Rows of a series view, newest period first, own area before the others. */
export function valueRows(view: Extract<BlockView, { type: 'indicator_chart' }>, provenance: ReadonlyMap<number, ProvenanceView>): ValueRow[] {
  const rows: ValueRow[] = [];
  for (let p = view.periods.length - 1; p >= 0; p--) {
    for (const series of view.series) {
      const figure = series.points[p];
      if (!figure) continue;
      rows.push({ area: series.area, figure, provenance: figure.measurementIds.flatMap((id) => provenance.get(id) ?? []) });
    }
  }
  return rows;
}

const ORIGIN_LABELS: Record<FigureView['origin'], string> = { stored: 'lagrat värde', aggregate: 'summerat över områden', derived: 'beräknat ur två indikatorer' };

export function originLabel(figure: Pick<FigureView, 'origin' | 'coverage'>): string {
  const label = ORIGIN_LABELS[figure.origin];
  return figure.coverage ? `${label} (${figure.coverage.included} av ${figure.coverage.total})` : label;
}

/** Header and cells for a download: values as numbers, everything else as text. */
export function valueTableCells(table: ValueTable): { header: string[]; rows: Cell[][] } {
  const header = [
    'Indikator', 'Område', 'Period', 'Periodnyckel', 'Uppdelning', 'Värde', 'Visat värde', 'Enhet', 'Täljare', 'Nämnare', 'Preliminärt',
    'Ursprung', 'Källa', 'Källreferens', 'Källrad', 'Inläsning', 'Registrerat av', 'Registrerat', 'Kommentar',
  ];
  const join = (values: ReadonlyArray<string | number | null>): string | null => {
    const present = [...new Set(values.filter((v): v is string | number => v !== null && v !== '').map(String))];
    return present.length > 0 ? present.join(', ') : null;
  };
  const rows = table.rows.map(({ area, figure, provenance }) => [
    table.indicator.name,
    area.name,
    figure.periodLabel,
    figure.period,
    table.breakdownLabel,
    figure.value,
    figure.display,
    unitName(table.indicator.unit),
    figure.numerator,
    figure.denominator,
    figure.preliminary ? 'ja' : 'nej',
    originLabel(figure),
    figure.sources.join(', '),
    join(provenance.map((p) => p.sourceRef)),
    join(provenance.map((p) => p.sourceRow)),
    join(provenance.map((p) => (p.batch ? `#${p.batch.id} ${p.batch.kind}${p.batch.fileName ? ` ${p.batch.fileName}` : ''}` : null))),
    join(provenance.map((p) => p.recordedBy)),
    join(provenance.map((p) => p.recordedAt.slice(0, 19).replace('T', ' '))),
    figure.comment,
  ]);
  return { header, rows };
}
