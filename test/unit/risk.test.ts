import { describe, expect, it } from 'vitest';
import { assessRisk, bandOf, DEFAULT_RISK_BANDS, riskMatrix, riskScore, type Risk } from '../../src/domain/risk.js';

function risk(id: string, probability: number | null, consequence: number | null, reportedScore: number | null = null): Risk {
  return { id, categoryCode: '1', title: id, probability, consequence, reportedScore, control: null };
}

describe('riskScore', () => {
  it('is probability × consequence', () => {
    expect(riskScore(1, 1)).toBe(1);
    expect(riskScore(3, 4)).toBe(12);
    expect(riskScore(4, 3)).toBe(12);
    expect(riskScore(3, 3)).toBe(9);
    expect(riskScore(4, 4)).toBe(16);
  });

  it('throws for values off the 1–4 scale', () => {
    expect(() => riskScore(0, 2)).toThrow('Sannolikhet och konsekvens ska vara heltal 1–4 (fick 0 och 2)');
    expect(() => riskScore(2, 5)).toThrow('1–4');
    expect(() => riskScore(1.5, 2)).toThrow('1–4');
    expect(() => riskScore(-1, 2)).toThrow('1–4');
    expect(() => riskScore(Number.NaN, 2)).toThrow('1–4');
  });
});

describe('bandOf', () => {
  it.each([
    [1, 'acceptera', 'Acceptera risk'],
    [3, 'acceptera', 'Acceptera risk'],
    [4, 'bevaka', 'Bevaka risk'],
    [8, 'bevaka', 'Bevaka risk'],
    [9, 'hantera', 'Hantera risk'],
    [12, 'hantera', 'Hantera risk'],
    [16, 'hantera', 'Hantera risk'],
  ])('score %i → %s', (score, id, label) => {
    expect(bandOf(score)?.id).toBe(id);
    expect(bandOf(score)?.label).toBe(label);
  });

  it('has no band outside 1–16', () => {
    expect(bandOf(0)).toBeNull();
    expect(bandOf(17)).toBeNull();
  });

  it('accepts other bands', () => {
    const bands = [{ id: 'hantera' as const, label: 'Hantera', from: 5, to: 16 }];
    expect(bandOf(4, bands)).toBeNull();
    expect(bandOf(5, bands)?.label).toBe('Hantera');
  });

  it('the default bands cover 1–16 without gaps', () => {
    expect(DEFAULT_RISK_BANDS.map((b) => [b.from, b.to])).toEqual([
      [1, 3],
      [4, 8],
      [9, 16],
    ]);
  });
});

describe('assessRisk', () => {
  it('computes the score from probability and consequence: "12 Hantera risk"', () => {
    const assessed = assessRisk(risk('r1', 3, 4));
    expect(assessed.score).toBe(12);
    expect(assessed.band?.label).toBe('Hantera risk');
    expect(assessed.computed).toBe(true);
  });

  it('prefers the computed score over a reported one', () => {
    const assessed = assessRisk(risk('r1', 2, 2, 12));
    expect(assessed.score).toBe(4);
    expect(assessed.band?.id).toBe('bevaka');
    expect(assessed.computed).toBe(true);
  });

  it('uses the reported score when probability or consequence is unknown', () => {
    const assessed = assessRisk(risk('r2', null, null, 9));
    expect(assessed.score).toBe(9);
    expect(assessed.band?.label).toBe('Hantera risk');
    expect(assessed.computed).toBe(false);
    expect(assessRisk(risk('r3', 2, null, 6)).score).toBe(6);
  });

  it('has no score and no band when nothing is known', () => {
    const assessed = assessRisk(risk('r4', null, null, null));
    expect(assessed.score).toBeNull();
    expect(assessed.band).toBeNull();
  });

  it('throws for an invalid scale', () => {
    expect(() => assessRisk(risk('r5', 5, 1))).toThrow('1–4');
  });
});

describe('riskMatrix', () => {
  it('places risks at [probability − 1][consequence − 1] and leaves out those without both', () => {
    const matrix = riskMatrix([risk('a', 3, 4), risk('b', 1, 1), risk('c', 3, 4), risk('d', null, 2, 8), risk('e', 4, 1)]);
    expect(matrix).toHaveLength(4);
    expect(matrix.every((r) => r.length === 4)).toBe(true);
    expect(matrix[2]?.[3]).toEqual(['a', 'c']);
    expect(matrix[0]?.[0]).toEqual(['b']);
    expect(matrix[3]?.[0]).toEqual(['e']);
    expect(matrix[0]?.[3]).toEqual([]);
    expect(matrix.flat(2)).toEqual(['b', 'a', 'c', 'e']);
  });
});
