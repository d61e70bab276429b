import type { Area } from '../../domain/area.js';
import type { UnresolvedName } from '../../domain/importView.js';
import type { Indicator } from '../../domain/indicator.js';
import { checkMeasurement, type MeasurementRow, type RuleViolation } from '../../domain/measurementRules.js';
import { PERIOD_TYPE_LABELS, periodKey, periodLabel } from '../../domain/period.js';
import { matchKey } from '../../domain/text.js';
import type { ImportIssue } from './issues.js';
import { fitPeriod } from './periods.js';
import type { ParsedRow } from './sheet.js';
import { suggest, type Candidate } from './similarity.js';

/**
 * Turns parsed rows into rows to store: indicator and area names resolved to ids (by id, Kolada
 * id, name, short name, alias, or a mapping a user confirmed earlier), the period fitted to the
 * indicator's period type, the breakdown normalised (kön: K, M, '' for total), and the domain's
 * rules checked. Unknown names come back with suggestions, once per name, for the user to map.
 * Pure: the stored indicators, areas and mappings are passed in.
 */
export interface SavedMapping {
  kind: 'indicator' | 'area';
  /** matchKey of the text as files write it. */
  sourceKey: string;
  targetId: string;
}

export interface ResolveCatalog {
  indicators: readonly Indicator[];
  areas: readonly Area[];
  mappings: readonly SavedMapping[];
}

export interface ResolveOptions {
  /** Shown in each row's source reference: "utfall.xlsx". */
  fileName: string;
  /** Source to record when the file has no Källa column; default: the indicator's own source. */
  source: string | null;
}

/** A row ready for the one write path (services/measurementCommit.ts). */
export interface ResolvedMeasurement extends MeasurementRow {
  preliminary: boolean;
  comment: string | null;
  source: string;
  sourceRow: number | null;
  sourceRef: string | null;
  sheet: string | null;
  column: string;
}

export type { UnresolvedName };

type Lookup = { id: string } | { ambiguous: string[] } | null;

const TOTAL_WORDS = new Set(['', 't', 'tot', 'totalt', 'total', 'alla', 'samtliga', 'båda könen', 'bada konen', 'summa']);
const WOMEN = new Set(['k', 'kvinnor', 'kvinna', 'flickor', 'flicka', 'female', 'women', 'f']);
const MEN = new Set(['m', 'män', 'man', 'pojkar', 'pojke', 'male', 'men']);

function addKey(index: Map<string, Set<string>>, key: string, id: string): void {
  if (key === '') return;
  const set = index.get(key) ?? new Set<string>();
  set.add(id);
  index.set(key, set);
}

function lookupIn(index: Map<string, Set<string>>, key: string): Lookup {
  const set = index.get(key);
  if (!set) return null;
  if (set.size === 1) return { id: [...set][0] as string };
  return { ambiguous: [...set].sort() };
}

/**
 * Unknown names that get suggestions, per kind. Each is compared with every known name; a file
 * of 300 000 rows each naming a different unknown indicator kept the server busy for minutes.
 * Names past this many are listed without suggestions (a file like that is the wrong file, or
 * needs a mapping, not 300 000 guesses).
 */
export const MAX_SUGGESTED_NAMES = 200;

export class RowResolver {
  private readonly indicators = new Map<string, Indicator>();
  private readonly areaNames = new Map<string, Area>();
  private readonly indicatorIndex = new Map<string, Set<string>>();
  private readonly areaIndex = new Map<string, Set<string>>();
  private readonly indicatorMappings = new Map<string, string>();
  private readonly areaMappings = new Map<string, string>();
  private readonly indicatorCache = new Map<string, Lookup>();
  private readonly areaCache = new Map<string, Lookup>();
  private readonly unresolvedNames = new Map<string, UnresolvedName>();
  private readonly suggested = { indicator: 0, area: 0 };
  private readonly periodCache = new Map<string, string | null>();
  private readonly indicatorCandidates: Candidate[];
  private readonly areaCandidates: Candidate[];
  private lastUnknownPlace = '';

  constructor(
    catalog: ResolveCatalog,
    private readonly options: ResolveOptions,
  ) {
    for (const i of catalog.indicators) {
      this.indicators.set(i.id, i);
      addKey(this.indicatorIndex, matchKey(i.id), i.id);
      addKey(this.indicatorIndex, matchKey(i.name), i.id);
      if (i.shortName) addKey(this.indicatorIndex, matchKey(i.shortName), i.id);
      if (i.koladaKpi) addKey(this.indicatorIndex, matchKey(i.koladaKpi), i.id);
    }
    for (const a of catalog.areas) {
      this.areaNames.set(a.id, a);
      addKey(this.areaIndex, matchKey(a.id), a.id);
      addKey(this.areaIndex, matchKey(a.name), a.id);
      if (a.shortName) addKey(this.areaIndex, matchKey(a.shortName), a.id);
      if (a.koladaId) addKey(this.areaIndex, matchKey(a.koladaId), a.id);
      for (const alias of a.aliases) addKey(this.areaIndex, matchKey(alias), a.id);
    }
    for (const m of catalog.mappings) {
      if (m.kind === 'indicator' && this.indicators.has(m.targetId)) this.indicatorMappings.set(m.sourceKey, m.targetId);
      if (m.kind === 'area' && this.areaNames.has(m.targetId)) this.areaMappings.set(m.sourceKey, m.targetId);
    }
    this.indicatorCandidates = catalog.indicators.map((i) => ({ id: i.id, label: i.name, names: [i.id, i.name, ...(i.shortName ? [i.shortName] : []), ...(i.koladaKpi ? [i.koladaKpi] : [])] }));
    this.areaCandidates = catalog.areas.map((a) => ({ id: a.id, label: a.name, names: [a.id, a.name, ...(a.shortName ? [a.shortName] : []), ...a.aliases] }));
  }

  /** Names that could not be resolved, in the order first met. */
  unresolved(): UnresolvedName[] {
    return [...this.unresolvedNames.values()];
  }

  /** Resolves a name given outside the file (a default on the command line). */
  lookupName(kind: 'indicator' | 'area', text: string): { id: string } | { ambiguous: string[] } | null {
    return kind === 'indicator' ? this.findIndicator(text) : this.findArea(text);
  }

  private findIndicator(text: string): Lookup {
    let found = this.indicatorCache.get(text);
    if (found === undefined) {
      const key = matchKey(text);
      const mapped = this.indicatorMappings.get(key);
      found = mapped ? { id: mapped } : lookupIn(this.indicatorIndex, key);
      this.indicatorCache.set(text, found);
    }
    return found;
  }

  private findArea(text: string): Lookup {
    let found = this.areaCache.get(text);
    if (found === undefined) {
      const key = matchKey(text);
      const mapped = this.areaMappings.get(key);
      found = mapped ? { id: mapped } : lookupIn(this.areaIndex, key);
      if (found === null && /^\d{1,4}$/.test(text.trim())) found = lookupIn(this.areaIndex, text.trim().padStart(4, '0'));
      this.areaCache.set(text, found);
    }
    return found;
  }

  private unknown(kind: 'indicator' | 'area', text: string, found: Lookup, row: ParsedRow, column: string, onIssue: (i: ImportIssue) => void): void {
    const key = `${kind}\u001f${text}`;
    let entry = this.unresolvedNames.get(key);
    if (!entry) {
      const ambiguous = found !== null && 'ambiguous' in found;
      const suggestions = ambiguous
        ? found.ambiguous.map((id) => ({ id, label: (kind === 'indicator' ? this.indicators.get(id)?.name : this.areaNames.get(id)?.name) ?? id, score: 1 }))
        : this.suggested[kind] < MAX_SUGGESTED_NAMES
          ? suggest(text, kind === 'indicator' ? this.indicatorCandidates : this.areaCandidates)
          : [];
      if (!ambiguous) this.suggested[kind] += 1;
      entry = { kind, text, key: matchKey(text), rows: 0, first: { sheet: row.sheet, row: row.row, column }, ambiguous, suggestions };
      this.unresolvedNames.set(key, entry);
    }
    entry.rows += 1;
    // a wide row names its indicator once for many cells: say it once per row
    const place = `${row.sheet ?? ''}\u001f${row.row}\u001f${column}`;
    if (this.lastUnknownPlace === place) return;
    this.lastUnknownPlace = place;
    const unknownRule = kind === 'indicator' ? 'okänd indikator' : 'okänt område';
    const ambiguousRule = kind === 'indicator' ? 'tvetydig indikator' : 'tvetydigt område';
    const hint = entry.suggestions.length > 0 ? ` — menade du ${entry.suggestions.map((s) => `${s.id} (${s.label})`).join(' eller ')}?` : '';
    const message = entry.ambiguous ? `"${text}" kan vara flera ${kind === 'indicator' ? 'indikatorer' : 'områden'}; ange id${hint}` : `${unknownRule} "${text}"${hint}`;
    onIssue({ sheet: row.sheet, row: row.row, column, value: text, rule: entry.ambiguous ? ambiguousRule : unknownRule, message });
  }

  private breakdownOf(indicator: Indicator, text: string | null): string {
    if (text === null) return '';
    const key = matchKey(text);
    if (TOTAL_WORDS.has(key)) return '';
    if (indicator.breakdown === 'kon') {
      if (WOMEN.has(key)) return 'K';
      if (MEN.has(key)) return 'M';
    }
    return text.trim();
  }

  private sourceRef(row: ParsedRow, column: string): string {
    return `${this.options.fileName} · ${row.sheet === null ? '' : `${row.sheet}!`}${column}${row.row}`;
  }

  resolve(row: ParsedRow, onIssue: (issue: ImportIssue) => void): ResolvedMeasurement | null {
    const foundIndicator = this.findIndicator(row.indicator.value);
    const foundArea = this.findArea(row.area.value);
    let ok = true;
    if (foundIndicator === null || !('id' in foundIndicator)) {
      this.unknown('indicator', row.indicator.value, foundIndicator, row, row.indicator.column, onIssue);
      ok = false;
    }
    if (foundArea === null || !('id' in foundArea)) {
      this.unknown('area', row.area.value, foundArea, row, row.area.column, onIssue);
      ok = false;
    }
    if (!ok) return null;
    const indicator = this.indicators.get((foundIndicator as { id: string }).id) as Indicator;
    const areaId = (foundArea as { id: string }).id;

    // the text as read determines the period (cellText is unique per kind of cell), so it is the cache key
    const cacheKey = `${indicator.periodType}\u001f${row.period.text ?? periodKey(row.period.value.period)}`;
    let period = this.periodCache.get(cacheKey);
    if (period === undefined) {
      const fitted = fitPeriod(row.period.value, indicator.periodType);
      period = fitted === null ? null : periodKey(fitted);
      this.periodCache.set(cacheKey, period);
    }
    if (period === null) {
      onIssue({
        sheet: row.sheet,
        row: row.row,
        column: row.period.column,
        value: row.period.text,
        rule: 'periodtyp',
        message: `perioden ${periodLabel(row.period.value.period, { per: false })} passar inte ${indicator.id}, som mäts per ${PERIOD_TYPE_LABELS[indicator.periodType]}`,
      });
      return null;
    }
    // Built as one literal (no spread): this runs once per value, a million times for a big file.
    const measurement: ResolvedMeasurement = {
      indicatorId: indicator.id,
      areaId,
      period,
      breakdown: this.breakdownOf(indicator, row.breakdown?.value ?? null),
      scenario: row.scenario,
      asOf: row.asOf,
      value: row.value.value,
      numerator: row.numerator?.value ?? null,
      denominator: row.denominator?.value ?? null,
      preliminary: row.preliminary,
      comment: row.comment,
      source: row.source ?? this.options.source ?? indicator.source,
      sourceRow: row.row,
      sourceRef: this.sourceRef(row, row.value.column),
      sheet: row.sheet,
      column: row.value.column,
    };
    const violations = checkMeasurement(indicator, measurement);
    if (violations.length > 0) {
      for (const v of violations) onIssue(this.violationIssue(row, v));
      return null;
    }
    return measurement;
  }

  private violationIssue(row: ParsedRow, v: RuleViolation): ImportIssue {
    const located =
      v.field === 'period'
        ? row.period
        : v.field === 'breakdown'
          ? row.breakdown
          : v.field === 'numerator'
            ? row.numerator
            : v.field === 'denominator'
              ? row.denominator
              : v.field === 'indicator'
                ? row.indicator
                : v.field === 'scenario'
                  ? null
                  : row.value;
    const column = located?.column ?? (v.field === 'scenario' ? row.scenarioColumn : null) ?? row.value.column;
    return { sheet: row.sheet, row: row.row, column, value: located?.text ?? null, rule: v.rule, message: v.message };
  }
}
