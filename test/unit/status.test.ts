import { describe, expect, it } from 'vitest';
import { countByStatus, STATUS_ICONS, STATUS_LABELS, statusOf, type Status } from '../../src/domain/status.js';
import type { Comparator, Target } from '../../src/domain/target.js';

function target(comparator: Comparator, threshold: number, options: { upper?: number | null; nearMargin?: number | null } = {}): Target {
  return {
    id: 't',
    indicatorId: 'i',
    comparator,
    threshold,
    upper: options.upper ?? null,
    nearMargin: options.nearMargin ?? null,
    validFromYear: 2024,
    validToYear: null,
    areaId: null,
    source: 'national',
    label: 'Mål',
  };
}

describe('statusOf: missing value or target', () => {
  it('is no_data without a value, whether or not there is a target', () => {
    expect(statusOf(null, target('gte', 90))).toBe('no_data');
    expect(statusOf(null, null)).toBe('no_data');
  });

  it('is no_target with a value but no target', () => {
    expect(statusOf(98, null)).toBe('no_target');
  });

  it('treats 0 as a value, not as missing', () => {
    expect(statusOf(0, target('lte', 0))).toBe('met');
    expect(statusOf(0, target('gte', 90))).toBe('not_met');
  });
});

describe('statusOf: gte (≥ 90)', () => {
  const noNear = target('gte', 90);
  const near5 = target('gte', 90, { nearMargin: 5 });

  it('is met at and above the threshold', () => {
    expect(statusOf(90, noNear)).toBe('met');
    expect(statusOf(97.9, noNear)).toBe('met');
  });

  it('compares exactly: 89,96 shows as "90 %" but is not met', () => {
    expect(statusOf(89.96, noNear)).toBe('not_met');
    expect(statusOf(89.9999999, noNear)).toBe('not_met');
    expect(statusOf(89.96, near5)).toBe('near');
  });

  it('without a near band everything below is not met', () => {
    expect(statusOf(85, noNear)).toBe('not_met');
  });

  it('with a near band of 5, 85 up to 90 is near and below 85 is not met', () => {
    expect(statusOf(87, near5)).toBe('near');
    expect(statusOf(85, near5)).toBe('near');
    expect(statusOf(84.99, near5)).toBe('not_met');
    expect(statusOf(90, near5)).toBe('met');
  });
});

describe('statusOf: lte (≤ 30 dagar)', () => {
  const noNear = target('lte', 30);
  const near5 = target('lte', 30, { nearMargin: 5 });

  it('is met at and below the threshold', () => {
    expect(statusOf(30, noNear)).toBe('met');
    expect(statusOf(25.3, noNear)).toBe('met');
    expect(statusOf(30.0001, noNear)).toBe('not_met');
  });

  it('with a near band of 5, above 30 up to 35 is near', () => {
    expect(statusOf(30.2, near5)).toBe('near');
    expect(statusOf(35, near5)).toBe('near');
    expect(statusOf(35.01, near5)).toBe('not_met');
    expect(statusOf(30.2, noNear)).toBe('not_met');
  });
});

describe('statusOf: eq (= 100)', () => {
  it('is met only at the exact value', () => {
    expect(statusOf(100, target('eq', 100))).toBe('met');
    expect(statusOf(99.99, target('eq', 100))).toBe('not_met');
    expect(statusOf(100.01, target('eq', 100))).toBe('not_met');
  });

  it('a near band applies on both sides', () => {
    const t = target('eq', 100, { nearMargin: 2 });
    expect(statusOf(98, t)).toBe('near');
    expect(statusOf(102, t)).toBe('near');
    expect(statusOf(97.9, t)).toBe('not_met');
    expect(statusOf(102.5, t)).toBe('not_met');
  });
});

describe('statusOf: between (40–60)', () => {
  const noNear = target('between', 40, { upper: 60 });
  const near5 = target('between', 40, { upper: 60, nearMargin: 5 });

  it('is met inside the range, bounds included', () => {
    expect(statusOf(40, noNear)).toBe('met');
    expect(statusOf(50, noNear)).toBe('met');
    expect(statusOf(60, noNear)).toBe('met');
  });

  it('is not met outside the range without a near band', () => {
    expect(statusOf(39.99, noNear)).toBe('not_met');
    expect(statusOf(60.01, noNear)).toBe('not_met');
  });

  it('is near within the band on either side', () => {
    expect(statusOf(35, near5)).toBe('near');
    expect(statusOf(65, near5)).toBe('near');
    expect(statusOf(34.9, near5)).toBe('not_met');
    expect(statusOf(65.1, near5)).toBe('not_met');
  });

  it('without an upper bound the range is the threshold alone', () => {
    const point = target('between', 40);
    expect(statusOf(40, point)).toBe('met');
    expect(statusOf(40.5, point)).toBe('not_met');
  });
});

describe('statusOf: the near edge with decimal values is compared exactly', () => {
  // These fail: status.ts `shortfall` subtracts in binary floating point (70 − 69,3 =
  // 0,7000000000000028 > 0,7), although the module promises an exact comparison.
  it('≥ 70 with near band 0,7: 69,3 is exactly on the near edge → near', () => {
    expect(statusOf(69.3, target('gte', 70, { nearMargin: 0.7 }))).toBe('near');
  });

  it('≤ 30 with near band 0,3: 30,3 is exactly on the near edge → near', () => {
    expect(statusOf(30.3, target('lte', 30, { nearMargin: 0.3 }))).toBe('near');
  });
});

describe('countByStatus', () => {
  it('counts every status, zero for the absent ones', () => {
    const statuses: Status[] = ['met', 'met', 'near', 'not_met', 'no_data', 'met'];
    expect(countByStatus(statuses)).toEqual({ met: 3, near: 1, not_met: 1, no_target: 0, no_data: 1 });
    expect(countByStatus([])).toEqual({ met: 0, near: 0, not_met: 0, no_target: 0, no_data: 0 });
  });
});

describe('labels and icons', () => {
  it('has a Swedish word and a text symbol for every status', () => {
    expect(STATUS_LABELS.met).toBe('Uppnått');
    expect(STATUS_LABELS.not_met).toBe('Ej uppnått');
    expect(STATUS_ICONS.met).toBe('✓');
    expect(STATUS_ICONS.not_met).toBe('✗');
  });
});
