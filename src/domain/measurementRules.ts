import type { Indicator } from './indicator.js';
import type { Scenario } from './measurement.js';
import { PERIOD_TYPE_LABELS, parsePeriodKey, periodMatchesType } from './period.js';

/** One row to be stored, before it is stored: what an importer hands over after parsing. */
export interface MeasurementRow {
  indicatorId: string;
  areaId: string;
  period: string;
  breakdown: string;
  scenario: Scenario;
  asOf: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
}

export interface RuleViolation {
  /** Which field of the row the problem is in, to point at a column. */
  field: 'period' | 'breakdown' | 'scenario' | 'value' | 'numerator' | 'denominator' | 'indicator';
  rule: string;
  message: string;
}

/**
 * The rules a measured value must meet before it is stored: a period of the indicator's type,
 * a breakdown only where the indicator has one, a share's parts (never above 100 %), no negative
 * counts, no stored values for derived indicators. Messages are Swedish.
 */
export function checkMeasurement(indicator: Indicator, row: MeasurementRow): RuleViolation[] {
  const issues: RuleViolation[] = [];
  const period = parsePeriodKey(row.period);
  if (!period) {
    issues.push({ field: 'period', rule: 'period', message: `"${row.period}" är ingen period` });
  } else if (!periodMatchesType(period, indicator.periodType)) {
    issues.push({
      field: 'period',
      rule: 'periodtyp',
      message: `perioden ${row.period} passar inte indikatorn, som mäts per ${PERIOD_TYPE_LABELS[indicator.periodType]}`,
    });
  }
  if (indicator.derivation !== null) {
    issues.push({ field: 'indicator', rule: 'härledd', message: `${indicator.name} beräknas ur andra indikatorer och kan inte ges egna värden` });
  }
  if (row.breakdown !== '' && indicator.breakdown === null) {
    issues.push({ field: 'breakdown', rule: 'uppdelning', message: `indikatorn har ingen uppdelning, men raden anger "${row.breakdown}"` });
  }
  if (row.scenario === 'prognos' && parsePeriodKey(row.asOf) === null) {
    issues.push({ field: 'scenario', rule: 'prognos', message: 'en prognos måste ange efter vilken period den gjordes (t.ex. 2025-04)' });
  }
  if (row.scenario !== 'prognos' && row.asOf !== '') {
    issues.push({ field: 'scenario', rule: 'prognos', message: 'bara prognoser anger en prognostidpunkt' });
  }

  const hasParts = row.numerator !== null || row.denominator !== null;
  if (hasParts) {
    if (indicator.kind !== 'ratio') {
      issues.push({ field: 'numerator', rule: 'täljare', message: 'täljare och nämnare hör bara till kvoter (andelar)' });
    } else if (row.numerator === null || row.denominator === null) {
      issues.push({ field: row.numerator === null ? 'numerator' : 'denominator', rule: 'täljare', message: 'både täljare och nämnare behövs' });
    } else {
      if (row.numerator < 0) issues.push({ field: 'numerator', rule: 'negativt', message: `täljaren kan inte vara negativ (${row.numerator})` });
      if (row.denominator <= 0) issues.push({ field: 'denominator', rule: 'nämnare', message: `nämnaren måste vara större än 0 (${row.denominator})` });
      if (indicator.unit === 'procent' && row.numerator > row.denominator) {
        issues.push({ field: 'numerator', rule: 'över 100 %', message: `en andel kan inte vara över 100 % (${row.numerator} av ${row.denominator})` });
      }
      if (row.value !== null) {
        issues.push({ field: 'value', rule: 'beräknat värde', message: 'ange antingen värde eller täljare och nämnare; andelen beräknas ur delarna' });
      }
    }
  }
  if (row.value !== null) {
    if (!Number.isFinite(row.value)) issues.push({ field: 'value', rule: 'tal', message: 'värdet är inte ett tal' });
    if (indicator.kind === 'ratio' && indicator.unit === 'procent' && (row.value < 0 || row.value > 100)) {
      issues.push({ field: 'value', rule: 'över 100 %', message: `en andel måste ligga mellan 0 och 100 % (${row.value})` });
    }
    if (indicator.kind === 'count' && row.value < 0) {
      issues.push({ field: 'value', rule: 'negativt antal', message: `ett antal kan inte vara negativt (${row.value})` });
    }
    if (indicator.kind === 'count' && !Number.isInteger(row.value)) {
      issues.push({ field: 'value', rule: 'heltal', message: `ett antal ska vara ett heltal (${row.value})` });
    }
  }
  return issues;
}
