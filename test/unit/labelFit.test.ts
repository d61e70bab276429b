import { describe, expect, it } from 'vitest';
import { fitLabel, wrapWords } from '../../src/reports/labelFit.js';

describe('a label fitted into its box', () => {
  it('wraps at ordinary spaces only, a long word on its own line', () => {
    expect(wrapWords('Dialog och förankring (apr\u00a02024–jan\u00a02025)', 22)).toEqual(['Dialog och förankring', '(apr\u00a02024–jan\u00a02025)']);
    expect(wrapWords('Överlämning', 4)).toEqual(['Överlämning']);
    expect(wrapWords('', 10)).toEqual(['']);
  });

  it('keeps the largest size that fits, else the smallest, never cutting the text', () => {
    // 100 wide, 30 high: at 18 a line holds 9 characters and one line fits; at 12, 13 and two lines
    expect(fitLabel('Flytt', 100, 30, [18, 12])).toEqual({ size: 18, lines: ['Flytt'] });
    expect(fitLabel('Byggnation och flytt', 100, 30, [18, 12])).toEqual({ size: 12, lines: ['Byggnation', 'och flytt'] });
    const long = fitLabel('Projektering upphandling och byggnation av den nya vårdbyggnaden', 100, 30, [18, 12]);
    expect(long.size).toBe(12);
    expect(long.lines.join(' ')).toBe('Projektering upphandling och byggnation av den nya vårdbyggnaden');
  });
});
