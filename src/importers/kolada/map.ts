import type { Indicator } from '../../domain/indicator.js';
import { checkMeasurement, type MeasurementRow } from '../../domain/measurementRules.js';
import type { ImportIssue } from '../tabular/issues.js';
import type { ResolvedMeasurement } from '../tabular/resolve.js';
import type { KoladaValue } from './parse.js';

/**
 * Kolada values as rows to store: the KPI's mapped indicator, the area whose Kolada id is the
 * municipality, the year as period; gender T is the total, K and M the kön breakdown (kept only
 * for indicators broken down by kön — otherwise skipped and counted). `value: null` is stored as
 * missing. Every row says where it came from: source "Kolada", the KPI id and when it was fetched.
 */
export interface KoladaMapContext {
  indicatorByKpi: ReadonlyMap<string, Indicator>;
  areaByKoladaId: ReadonlyMap<string, string>;
  /** ISO timestamp of the fetch. */
  fetchedAt: string;
}

export interface KoladaMapped {
  rows: ResolvedMeasurement[];
  issues: ImportIssue[];
  skippedGender: number;
  unknownMunicipalities: Map<string, number>;
}

export const KOLADA_SOURCE = 'Kolada';

export function koladaSourceRef(kpi: string, fetchedAt: string): string {
  return `Kolada ${kpi}, hämtad ${fetchedAt.slice(0, 16).replace('T', ' ')} UTC`;
}

export function mapKoladaValues(values: readonly KoladaValue[], ctx: KoladaMapContext): KoladaMapped {
  const out: KoladaMapped = { rows: [], issues: [], skippedGender: 0, unknownMunicipalities: new Map() };
  values.forEach((v, i) => {
    const indicator = ctx.indicatorByKpi.get(v.kpi);
    const label = `Kolada ${v.kpi}`;
    if (!indicator) {
      out.issues.push({ sheet: label, row: i + 1, column: 'kpi', value: v.kpi, rule: 'kpi', message: `KPI ${v.kpi} är inte kopplad till någon indikator` });
      return;
    }
    const areaId = ctx.areaByKoladaId.get(v.municipality);
    if (areaId === undefined) {
      out.unknownMunicipalities.set(v.municipality, (out.unknownMunicipalities.get(v.municipality) ?? 0) + 1);
      return;
    }
    let breakdown = '';
    if (v.gender !== 'T') {
      if (indicator.breakdown !== 'kon') {
        out.skippedGender += 1;
        return;
      }
      breakdown = v.gender;
    }
    const row: MeasurementRow = {
      indicatorId: indicator.id,
      areaId,
      period: String(v.year),
      breakdown,
      scenario: 'utfall',
      asOf: '',
      value: v.value,
      numerator: null,
      denominator: null,
    };
    const violations = checkMeasurement(indicator, row);
    if (violations.length > 0) {
      for (const violation of violations) {
        out.issues.push({ sheet: label, row: i + 1, column: `${v.municipality} ${v.year} ${v.gender}`, value: v.value === null ? null : String(v.value), rule: violation.rule, message: violation.message });
      }
      return;
    }
    out.rows.push({
      ...row,
      preliminary: false,
      comment: null,
      source: KOLADA_SOURCE,
      sourceRow: null,
      sourceRef: koladaSourceRef(v.kpi, ctx.fetchedAt),
      sheet: label,
      column: `${v.municipality} ${v.year} ${v.gender}`,
    });
  });
  return out;
}
