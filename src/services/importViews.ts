import type { Area } from '../domain/area.js';
import { formatNumber, formatValue } from '../domain/format.js';
import type { Indicator } from '../domain/indicator.js';
import { keyLabel } from '../domain/period.js';
import type { ChangeView, ImportIssue, ValueView } from '../domain/importView.js';
import type { StagedChange } from '../db/repositories/measurementStaging.js';

/**
 * What an import shows a person before and after it writes: each new or changed value with its
 * indicator, area and period by name, and old → new formatted the Swedish way.
 */
export type { ChangeView, ImportCounts, ValueView } from '../domain/importView.js';

export function valueView(indicator: Indicator | undefined, v: { value: number | null; numerator: number | null; denominator: number | null }): ValueView {
  let text: string;
  if (v.numerator !== null || v.denominator !== null) {
    text = `${v.numerator === null ? '–' : formatNumber(v.numerator, 0)} / ${v.denominator === null ? '–' : formatNumber(v.denominator, 0)}`;
  } else if (v.value === null) text = '–';
  else text = indicator ? formatValue(v.value, indicator.unit, Math.max(indicator.decimals, decimalsOf(v.value))) : formatNumber(v.value, decimalsOf(v.value));
  return { value: v.value, numerator: v.numerator, denominator: v.denominator, text };
}

/** Show a value with the decimals it has (up to 4), so 25,25 is not rounded to 25,3 in a preview. */
function decimalsOf(value: number): number {
  const text = String(value);
  const dot = text.indexOf('.');
  return dot < 0 || text.includes('e') ? 0 : Math.min(4, text.length - dot - 1);
}

export function changeViews(changes: readonly StagedChange[], indicators: ReadonlyMap<string, Indicator>, areas: ReadonlyMap<string, Area>, withOld: boolean): ChangeView[] {
  return changes.map((c) => {
    const indicator = indicators.get(c.indicatorId);
    return {
      sheet: c.sheet,
      row: c.row,
      column: c.column,
      indicatorId: c.indicatorId,
      indicatorName: indicator?.name ?? c.indicatorId,
      areaId: c.areaId,
      areaName: areas.get(c.areaId)?.name ?? c.areaId,
      period: c.period,
      periodLabel: keyLabel(c.period, { per: false }),
      breakdown: c.breakdown,
      scenario: c.scenario,
      asOf: c.asOf,
      old: withOld ? valueView(indicator, c.old) : null,
      new: valueView(indicator, c.new),
    };
  });
}

/** Keeps the first `cap` issues and counts all of them. */
export class IssueCollector {
  readonly kept: ImportIssue[] = [];
  count = 0;
  constructor(private readonly cap: number) {}
  add = (issue: ImportIssue): void => {
    this.count += 1;
    if (this.kept.length < this.cap) this.kept.push(issue);
  };
  get truncated(): boolean {
    return this.count > this.kept.length;
  }
}
