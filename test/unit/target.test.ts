import { describe, expect, it } from 'vitest';
import { applicableTarget, type Target } from '../../src/domain/target.js';

function target(id: string, validFromYear: number, validToYear: number | null, areaId: string | null, threshold = 90): Target {
  return {
    id,
    indicatorId: 'i',
    comparator: 'gte',
    threshold,
    upper: null,
    nearMargin: null,
    validFromYear,
    validToYear,
    areaId,
    source: areaId === null ? 'national' : 'regionplan',
    label: id,
  };
}

describe('applicableTarget', () => {
  const national2020 = target('national-2020', 2020, null, null, 80);
  const national2024 = target('national-2024', 2024, null, null, 90);
  const kalmar2023to2025 = target('kalmar', 2023, 2025, 'kalmar', 95);
  const targets = [national2020, kalmar2023to2025, national2024];

  it('an area\'s own target wins over a general one', () => {
    expect(applicableTarget(targets, 'kalmar', 2024)?.id).toBe('kalmar');
  });

  it('other areas get the general target', () => {
    expect(applicableTarget(targets, 'skane', 2024)?.id).toBe('national-2024');
  });

  it('among general targets the one that started most recently wins', () => {
    expect(applicableTarget(targets, 'skane', 2023)?.id).toBe('national-2020');
    expect(applicableTarget(targets, 'skane', 2030)?.id).toBe('national-2024');
  });

  it('respects the validity years, both inclusive', () => {
    expect(applicableTarget(targets, 'kalmar', 2023)?.id).toBe('kalmar');
    expect(applicableTarget(targets, 'kalmar', 2025)?.id).toBe('kalmar');
    expect(applicableTarget(targets, 'kalmar', 2026)?.id).toBe('national-2024');
    expect(applicableTarget(targets, 'kalmar', 2022)?.id).toBe('national-2020');
  });

  it('among area targets the one that started most recently wins', () => {
    const newer = target('kalmar-2024', 2024, null, 'kalmar', 97);
    expect(applicableTarget([...targets, newer], 'kalmar', 2024)?.id).toBe('kalmar-2024');
    expect(applicableTarget([...targets, newer], 'kalmar', 2023)?.id).toBe('kalmar');
  });

  it('is null when no target is valid', () => {
    expect(applicableTarget(targets, 'skane', 2019)).toBeNull();
    expect(applicableTarget([], 'kalmar', 2024)).toBeNull();
    expect(applicableTarget([kalmar2023to2025], 'skane', 2024)).toBeNull();
  });

  it('does not depend on the order of the list', () => {
    expect(applicableTarget([...targets].reverse(), 'kalmar', 2024)?.id).toBe('kalmar');
    expect(applicableTarget([...targets].reverse(), 'skane', 2024)?.id).toBe('national-2024');
  });
});
