import { describe, expect, it } from 'vitest';
import { aggregation, isBetter } from '../../src/domain/indicator.js';

describe('aggregation', () => {
  it('ratios aggregate as Σn/Σd, counts and amounts sum, values and indices do not aggregate', () => {
    expect(aggregation({ kind: 'ratio' })).toBe('ratio');
    expect(aggregation({ kind: 'count' })).toBe('sum');
    expect(aggregation({ kind: 'amount' })).toBe('sum');
    expect(aggregation({ kind: 'value' })).toBe('none');
    expect(aggregation({ kind: 'index' })).toBe('none');
  });
});

describe('isBetter', () => {
  it('follows the direction', () => {
    expect(isBetter('higher_is_better', 3.3)).toBe(true);
    expect(isBetter('higher_is_better', -1)).toBe(false);
    expect(isBetter('lower_is_better', -4.9)).toBe(true);
    expect(isBetter('lower_is_better', 3.3)).toBe(false);
  });

  it('is null for a neutral indicator or no change', () => {
    expect(isBetter('neutral', 5)).toBeNull();
    expect(isBetter('higher_is_better', 0)).toBeNull();
  });
});
