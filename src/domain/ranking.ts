import { compareExact, compareFractions } from './decimal.js';
import type { Direction } from './indicator.js';

export interface RankInput {
  areaId: string;
  /** Name used to order tied areas alphabetically (Swedish collation). */
  label: string;
  value: number | null;
  numerator?: number | null;
  denominator?: number | null;
}

export interface Ranked extends RankInput {
  /** 1 = best. Tied areas share a rank and the next rank is skipped (1, 2, 2, 4). Null without a value. */
  rank: number | null;
  tied: boolean;
}

const collator = new Intl.Collator('sv-SE');

function hasParts(x: RankInput): x is RankInput & { numerator: number; denominator: number } {
  return typeof x.numerator === 'number' && typeof x.denominator === 'number' && x.denominator > 0;
}

/**
 * Exact comparison: two shares are compared as fractions (29 802/30 448 vs 115 240/118 426),
 * not as rounded percentages, so 97,9 % and 97,3 % are not a tie even though both show "98 %".
 */
function compareValues(a: RankInput, b: RankInput): -1 | 0 | 1 {
  if (hasParts(a) && hasParts(b)) return compareFractions(a, b);
  return compareExact(a.value as number, b.value as number);
}

/**
 * Ranks areas best first: descending when higher is better (and for neutral indicators),
 * ascending when lower is better. Areas without a value are listed last, unranked.
 */
export function rankAreas(inputs: readonly RankInput[], direction: Direction): Ranked[] {
  const withValue = inputs.filter((i) => i.value !== null);
  const without = inputs.filter((i) => i.value === null);
  const sign = direction === 'lower_is_better' ? 1 : -1;
  const sorted = [...withValue].sort((a, b) => sign * compareValues(a, b) || collator.compare(a.label, b.label));

  const ranked: Ranked[] = [];
  sorted.forEach((entry, index) => {
    const previous = ranked[index - 1];
    const tiedWithPrevious = previous !== undefined && compareValues(previous, entry) === 0;
    const rank = tiedWithPrevious ? (previous.rank as number) : index + 1;
    if (tiedWithPrevious) previous.tied = true;
    ranked.push({ ...entry, rank, tied: tiedWithPrevious });
  });
  const tail = [...without].sort((a, b) => collator.compare(a.label, b.label)).map((e) => ({ ...e, rank: null, tied: false }));
  return [...ranked, ...tail];
}

export type RankingRow = (Ranked & { reference: false }) | (RankInput & { reference: true; rank: null; tied: false });

/**
 * Places reference rows (Alla regioner, Riket) among the ranked areas where their value falls,
 * unranked — as the TeleQ table shows "Alla regioner 89 %" between Uppsala and Gävleborg.
 */
export function withReferences(ranked: readonly Ranked[], references: readonly RankInput[], direction: Direction): RankingRow[] {
  const rows: RankingRow[] = ranked.map((r) => ({ ...r, reference: false as const }));
  const sign = direction === 'lower_is_better' ? 1 : -1;
  for (const ref of references) {
    const row: RankingRow = { ...ref, reference: true, rank: null, tied: false };
    if (ref.value === null) {
      rows.push(row);
      continue;
    }
    // after every area at least as good as the reference
    let index = rows.findIndex((r) => r.value === null || (!r.reference && sign * compareValues(r, ref) > 0));
    if (index === -1) index = rows.length;
    rows.splice(index, 0, row);
  }
  return rows;
}
