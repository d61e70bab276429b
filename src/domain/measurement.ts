/**
 * A measured value: indicator × area × period (× breakdown × scenario). A missing value is
 * `null`, never 0. Ratios keep their numerator and denominator; the value is computed from them.
 */
export const SCENARIOS = ['utfall', 'budget', 'prognos'] as const;
export type Scenario = (typeof SCENARIOS)[number];

export const SCENARIO_LABELS: Record<Scenario, string> = {
  utfall: 'utfall',
  budget: 'budget',
  prognos: 'prognos',
};

export interface MeasurementKey {
  indicatorId: string;
  areaId: string;
  period: string; // canonical period key
  /** '' = total; otherwise the breakdown value ('K', 'M', '18-29', …). */
  breakdown: string;
  scenario: Scenario;
  /** For forecasts: the period after which the forecast was made ("prognos efter april" = '2025-04'). */
  asOf: string;
}

export interface Provenance {
  source: string; // "Kolada", "TeleQ", "Region Kalmar län"
  importBatchId: number | null;
  sourceRow: number | null;
  sourceRef: string | null; // file and sheet, slide, Kolada KPI id
  recordedBy: string;
  recordedAt: string; // ISO timestamp
}

export interface Measurement extends MeasurementKey {
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  preliminary: boolean;
  comment: string | null;
  provenance: Provenance;
}

export function measurementKeyString(k: MeasurementKey): string {
  return [k.indicatorId, k.areaId, k.period, k.breakdown, k.scenario, k.asOf].join('\u001f');
}
