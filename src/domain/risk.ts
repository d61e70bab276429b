/**
 * Internal-control risks: score = probability × consequence, each on a 1–4 scale, and the score
 * falls in an action band ("12 Hantera risk"). Where a register reports only the score (the
 * seeds do), the score is stored as given and the risk is left out of the matrix.
 */
export const RISK_SCALE = 4;

export interface RiskBand {
  id: 'acceptera' | 'bevaka' | 'hantera';
  label: string;
  from: number;
  to: number;
}

export const DEFAULT_RISK_BANDS: readonly RiskBand[] = [
  { id: 'acceptera', label: 'Acceptera risk', from: 1, to: 3 },
  { id: 'bevaka', label: 'Bevaka risk', from: 4, to: 8 },
  { id: 'hantera', label: 'Hantera risk', from: 9, to: RISK_SCALE * RISK_SCALE },
];

export interface Risk {
  id: string;
  categoryCode: string; // "1", "1b"
  title: string;
  probability: number | null;
  consequence: number | null;
  /** Score as reported when probability and consequence are not known. */
  reportedScore: number | null;
  control: string | null; // planned control or action
  /** Who answers for the action. */
  owner?: string | null;
}

function onScale(n: number): boolean {
  return Number.isInteger(n) && n >= 1 && n <= RISK_SCALE;
}

export function riskScore(probability: number, consequence: number): number {
  if (!onScale(probability) || !onScale(consequence)) {
    throw new Error(`Sannolikhet och konsekvens ska vara heltal 1–${RISK_SCALE} (fick ${probability} och ${consequence})`);
  }
  return probability * consequence;
}

export function bandOf(score: number, bands: readonly RiskBand[] = DEFAULT_RISK_BANDS): RiskBand | null {
  return bands.find((b) => b.from <= score && score <= b.to) ?? null;
}

export interface AssessedRisk extends Risk {
  score: number | null;
  band: RiskBand | null;
  /** True when the score was computed from probability × consequence. */
  computed: boolean;
}

export function assessRisk(risk: Risk, bands: readonly RiskBand[] = DEFAULT_RISK_BANDS): AssessedRisk {
  if (risk.probability !== null && risk.consequence !== null) {
    const score = riskScore(risk.probability, risk.consequence);
    return { ...risk, score, band: bandOf(score, bands), computed: true };
  }
  const score = risk.reportedScore;
  return { ...risk, score, band: score === null ? null : bandOf(score, bands), computed: false };
}

/** Risks per matrix cell: `matrix[probability-1][consequence-1]`. Risks without both parts are left out. */
export function riskMatrix(risks: readonly Risk[]): string[][][] {
  const matrix: string[][][] = Array.from({ length: RISK_SCALE }, () => Array.from({ length: RISK_SCALE }, () => []));
  for (const r of risks) {
    if (r.probability === null || r.consequence === null) continue;
    matrix[r.probability - 1]?.[r.consequence - 1]?.push(r.id);
  }
  return matrix;
}
