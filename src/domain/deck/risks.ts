import type { BlockView } from '../blockView.js';
import { bandOf, RISK_SCALE, riskScore } from '../risk.js';
import type { RiskMatrixBody } from './model.js';
import { riskNumbers, riskScoreText } from './tables.js';

/**
 * The probability × consequence matrix of a risk list: each cell's score and action band, and
 * the risks placed in it by number. Risks that report only a score are listed beside it.
 */
type View = Extract<BlockView, { type: 'risk_list' }>;

export function hasPlacedRisks(view: View): boolean {
  return view.matrix.some((row) => row.some((cell) => cell.length > 0));
}

export function riskMatrixBody(view: View): RiskMatrixBody {
  const numbers = riskNumbers(view);
  const cells: RiskMatrixBody['cells'] = [];
  for (let probability = RISK_SCALE; probability >= 1; probability--) {
    const row: RiskMatrixBody['cells'][number] = [];
    for (let consequence = 1; consequence <= RISK_SCALE; consequence++) {
      const score = riskScore(probability, consequence);
      const ids = view.matrix[probability - 1]?.[consequence - 1] ?? [];
      const band = bandOf(score, view.bands);
      row.push({
        probability,
        consequence,
        score,
        band: band?.label ?? '',
        bandId: band?.id ?? null,
        risks: ids.map((id) => numbers.get(id) ?? id),
      });
    }
    cells.push(row);
  }
  const legend = view.bands.map((b) => `${b.from}\u2013${b.to}: ${b.label}`);
  const unplaced = view.risks.filter((r) => !r.computed).map((r) => `${numbers.get(r.id) ?? r.id}: ${riskScoreText(r)}`);
  const placed = cells.flat().filter((c) => c.risks.length > 0);
  const alt = [
    `Riskmatris, sannolikhet 1–${RISK_SCALE} gånger konsekvens 1–${RISK_SCALE}.`,
    ...placed.map((c) => `${c.risks.join(', ')}: sannolikhet ${c.probability}, konsekvens ${c.consequence}, poäng ${c.score} (${c.band}).`),
    ...(unplaced.length > 0 ? [`Utan sannolikhet och konsekvens: ${unplaced.join('; ')}.`] : []),
  ].join(' ');
  return { kind: 'risk_matrix', cells, legend, unplaced, alt };
}
