import type { LayoutKind, SheetSummary } from '../../domain/importView.js';
import { SCENARIOS, type Scenario } from '../../domain/measurement.js';
import { periodKey } from '../../domain/period.js';
import { matchKey } from '../../domain/text.js';
import { cellText, columnLetter, isEmptyCell, type Cell, type SourceRow } from './cells.js';
import { ROLE_LABELS, roleOfHeading, type ColumnRole } from './headers.js';
import type { ImportIssue } from './issues.js';
import { parseNumberCell } from './numbers.js';
import { periodFromCell, type CellPeriod } from './periods.js';

/**
 * Reads one sheet (or one CSV file) row by row: finds the heading row, decides the layout, and
 * turns each data row into parsed rows — still with indicator and area as the file names them —
 * and issues. Three layouts:
 *
 * - long: one value per row (Indikator, Område, Period, Värde, and optionally Täljare, Nämnare,
 *   Uppdelning, Scenario, Prognos efter, Preliminärt, Kommentar, Källa);
 * - wide by period: periods as column headings (2024, 2025 / "jan 2026", "feb 2026" / dates);
 * - wide by area: areas as column headings, with a Period column.
 *
 * An empty value cell is skipped; a marker of a missing value ("..", "saknas", "–") is stored as
 * missing. Nothing here knows the stored indicators: names are resolved later (resolve.ts).
 */
export interface Located<T> {
  value: T;
  column: string;
  text: string | null;
}

export interface ParsedRow {
  sheet: string | null;
  row: number;
  indicator: Located<string>;
  area: Located<string>;
  period: Located<CellPeriod>;
  breakdown: Located<string> | null;
  scenario: Scenario;
  scenarioColumn: string | null;
  asOf: string;
  value: Located<number | null>;
  numerator: Located<number | null> | null;
  denominator: Located<number | null> | null;
  preliminary: boolean;
  comment: string | null;
  source: string | null;
}

export type { LayoutKind, SheetSummary };

export interface SheetOptions {
  sheet: string | null;
  /** When false, a sheet without a heading row is skipped with a note rather than an issue. */
  headerRequired: boolean;
  defaults: { indicator: string | null; area: string | null };
}

export interface SheetSink {
  row(row: ParsedRow): void;
  issue(issue: ImportIssue): void;
  note(text: string): void;
}

interface DataColumn {
  index: number;
  letter: string;
  text: string;
  period: CellPeriod | null; // wide-period
}

interface Layout {
  kind: LayoutKind;
  roles: Map<ColumnRole, number>;
  data: DataColumn[];
  rowLabel: 'indicator' | 'area' | null;
  rowLabelIndex: number;
}

interface NumberAt {
  located: Located<number | null> | null;
  ok: boolean;
  empty: boolean;
}
const NO_NUMBER: NumberAt = Object.freeze({ located: null, ok: true, empty: true });
const BAD_NUMBER: NumberAt = Object.freeze({ located: null, ok: false, empty: false });

const HEADER_SCAN_ROWS = 30;
const TRUE_WORDS = new Set(['ja', 'j', 'x', '1', 'sant', 'true', 'prel', 'preliminär', 'preliminärt']);
const FALSE_WORDS = new Set(['nej', 'n', '0', 'falskt', 'false', 'slutlig', 'slutligt', 'definitiv']);
const SCENARIO_WORDS = new Map<string, Scenario>([...SCENARIOS.map((s) => [s, s] as [string, Scenario]), ['outcome', 'utfall'], ['forecast', 'prognos']]);

/** Longest indicator or area name read: a name is looked up and compared with every known one. */
export const MAX_NAME_CHARS = 300;
/** Longest text in any other cell of a data row (a comment, a source). */
export const MAX_CELL_CHARS = 5_000;

/** The first 60 characters of a long text, for an issue's value. */
function shortened(text: string): string {
  return text.length > 60 ? `${text.slice(0, 60)}…` : text;
}

export class SheetInterpreter {
  private layout: Layout | null = null;
  private scanned = 0;
  private firstNonEmptyRow: number | null = null;
  private headerRow: number | null = null;
  private dataRows = 0;
  private emptyCells = 0;
  private gaveUp = false;
  /** Periods already read from text: a file repeats a few dozen period texts a million times. */
  private readonly periods = new Map<string, CellPeriod | null>();
  private readonly letters: string[] = Array.from({ length: 64 }, (_, i) => columnLetter(i + 1));

  constructor(
    private readonly options: SheetOptions,
    private readonly sink: SheetSink,
  ) {}

  push(source: SourceRow): void {
    if (this.gaveUp) return;
    if (this.layout === null) {
      this.seekHeader(source);
      return;
    }
    if (source.cells.every(isEmptyCell)) return;
    this.dataRows += 1;
    if (this.tooLong(source)) return;
    if (this.layout.kind === 'long') this.longRow(this.layout, source);
    else this.wideRow(this.layout, source);
  }

  /** A data row with a cell longer than any real one is refused where it is, and not read further. */
  private tooLong(source: SourceRow): boolean {
    for (let i = 0; i < source.cells.length; i++) {
      const cell = source.cells[i];
      if (typeof cell !== 'string' || cell.length <= MAX_NAME_CHARS) continue;
      const layout = this.layout as Layout;
      const isName = (layout.rowLabel !== null && layout.rowLabelIndex === i) || layout.roles.get('indicator') === i || layout.roles.get('area') === i;
      const limit = isName ? MAX_NAME_CHARS : MAX_CELL_CHARS;
      if (cell.length <= limit) continue;
      const what = isName ? 'ett namn' : 'en cell';
      this.issue(source.row, this.letters[i] ?? columnLetter(i + 1), shortened(cell), 'för lång text', `${what} får vara högst ${limit.toLocaleString('sv-SE')} tecken; den här är ${cell.length.toLocaleString('sv-SE')}`);
      return true;
    }
    return false;
  }

  /** The rest of the sheet could not be read (a broken file): no further issues from here. */
  abort(): void {
    this.gaveUp = true;
  }

  finish(): SheetSummary {
    if (this.layout === null && !this.gaveUp) this.noHeader();
    if (this.emptyCells > 0) this.sink.note(`${this.where()}${this.emptyCells} ${this.emptyCells === 1 ? 'tom värdecell' : 'tomma värdeceller'} hoppades över`);
    return { sheet: this.options.sheet, layout: this.layout?.kind ?? null, headerRow: this.headerRow, dataRows: this.dataRows, emptyCells: this.emptyCells };
  }

  private where(): string {
    return this.options.sheet === null ? '' : `Bladet ${this.options.sheet}: `;
  }

  private issue(row: number, column: string, value: string | null, rule: string, message: string): void {
    this.sink.issue({ sheet: this.options.sheet, row, column, value, rule, message });
  }

  private noHeader(): void {
    this.gaveUp = true;
    const example = 'Indikator, Område, Period, Värde — eller perioder (2024, 2025 …) eller områden som kolumnrubriker';
    if (this.firstNonEmptyRow === null) {
      if (this.options.headerRequired) this.issue(1, 'A', null, 'rubrikrad', this.options.sheet === null ? 'filen är tom' : 'bladet är tomt');
      else this.sink.note(`${this.where()}bladet är tomt och hoppades över`);
      return;
    }
    if (this.options.headerRequired) {
      this.issue(this.firstNonEmptyRow, 'A', null, 'rubrikrad', `hittar ingen rubrikrad bland de första ${HEADER_SCAN_ROWS} raderna (väntat t.ex. ${example})`);
    } else {
      this.sink.note(`${this.where()}ingen rubrikrad (${example}); bladet hoppades över`);
    }
  }

  private seekHeader(source: SourceRow): void {
    if (source.cells.every(isEmptyCell)) return;
    this.firstNonEmptyRow ??= source.row;
    this.scanned += 1;
    const layout = this.decideLayout(source);
    if (layout) {
      this.layout = layout;
      this.headerRow = source.row;
      this.checkRequired(layout, source.row);
      return;
    }
    if (this.scanned >= HEADER_SCAN_ROWS) this.noHeader();
  }

  private decideLayout(source: SourceRow): Layout | null {
    const roles = new Map<ColumnRole, number>();
    const periods: DataColumn[] = [];
    const others: DataColumn[] = [];
    const blanks: number[] = [];
    const duplicates: string[] = [];
    source.cells.forEach((cell, index) => {
      const text = cellText(cell);
      const letter = columnLetter(index + 1);
      if (text === null) {
        blanks.push(index);
        return;
      }
      const role = typeof cell === 'string' ? roleOfHeading(text) : null;
      if (role !== null) {
        const first = roles.get(role);
        if (first === undefined) roles.set(role, index);
        else duplicates.push(`kolumn ${letter} ("${text}") används inte: ${ROLE_LABELS[role]} läses från kolumn ${columnLetter(first + 1)}`);
        return;
      }
      const period = periodFromCell(cell);
      if (period !== null) periods.push({ index, letter, text, period });
      else others.push({ index, letter, text, period: null });
    });
    const hasValue = roles.has('value') || roles.has('numerator') || roles.has('denominator');
    const defaults = this.options.defaults;
    let layout: Layout | null = null;
    if (hasValue && roles.size >= 2) {
      layout = { kind: 'long', roles, data: [], rowLabel: null, rowLabelIndex: -1 };
      for (const o of [...others, ...periods]) duplicates.push(`kolumn ${o.letter} ("${o.text}") används inte`);
    } else if (periods.length >= 2 || (periods.length >= 1 && roles.size >= 1)) {
      layout = { kind: 'wide-period', roles, data: periods, rowLabel: null, rowLabelIndex: -1 };
      const firstPeriod = Math.min(...periods.map((p) => p.index));
      const label = blanks.find((b) => b < firstPeriod);
      if (label !== undefined && !roles.has('area') && defaults.area === null) {
        layout.rowLabel = 'area';
        layout.rowLabelIndex = label;
      } else if (label !== undefined && !roles.has('indicator') && defaults.indicator === null) {
        layout.rowLabel = 'indicator';
        layout.rowLabelIndex = label;
      }
      for (const o of others) duplicates.push(`kolumn ${o.letter} ("${o.text}") används inte`);
    } else if (roles.has('period') && !hasValue && others.length >= 1 && (roles.has('indicator') || defaults.indicator !== null)) {
      layout = { kind: 'wide-area', roles, data: others, rowLabel: null, rowLabelIndex: -1 };
    }
    if (layout) for (const d of duplicates) this.sink.note(`${this.where()}${d}`);
    return layout;
  }

  private checkRequired(layout: Layout, row: number): void {
    const missing: string[] = [];
    const has = (role: ColumnRole) => layout.roles.has(role) || layout.rowLabel === role;
    if (!has('indicator') && this.options.defaults.indicator === null) missing.push('indikator');
    if (!has('area') && this.options.defaults.area === null && layout.kind !== 'wide-area') missing.push('område');
    if (!layout.roles.has('period') && layout.kind !== 'wide-period') missing.push('period');
    if (missing.length > 0) {
      this.issue(row, 'A', null, 'rubrikrad', `kolumn för ${missing.join(' och ')} saknas i rubrikraden (eller ange ${missing.join(' och ')} vid inläsningen)`);
      this.gaveUp = true;
    }
  }

  private textAt(cells: readonly Cell[], index: number | undefined): string | null {
    return index === undefined ? null : cellText(cells[index]);
  }

  /** The indicator or area a row names (or the default); undefined after an issue. */
  private named(layout: Layout, source: SourceRow, role: 'indicator' | 'area', fallbackColumn: string): Located<string> | null | undefined {
    const index = layout.rowLabel === role ? layout.rowLabelIndex : layout.roles.get(role);
    const fallback = this.options.defaults[role];
    if (index === undefined) return fallback === null ? null : { value: fallback, column: fallbackColumn, text: fallback };
    const letter = this.letters[index] ?? columnLetter(index + 1);
    const text = cellText(source.cells[index]);
    if (text === null) {
      if (fallback !== null) return { value: fallback, column: letter, text: null };
      this.issue(source.row, letter, null, `${ROLE_LABELS[role]} saknas`, `${ROLE_LABELS[role]} saknas på raden`);
      return undefined;
    }
    return { value: text, column: letter, text };
  }

  /** Indicator, area (unless given per column), breakdown, scenario and the rest; ok false on an issue. */
  private common(layout: Layout, source: SourceRow, fallbackColumn: string) {
    const { cells, row } = source;
    const roles = layout.roles;
    const namedIndicator = this.named(layout, source, 'indicator', fallbackColumn);
    const namedArea = layout.kind === 'wide-area' ? null : this.named(layout, source, 'area', fallbackColumn);
    let ok = namedIndicator !== undefined && namedArea !== undefined;
    const indicator = namedIndicator ?? null;
    const area = namedArea ?? null;

    let breakdown: Located<string> | null = null;
    const bIndex = roles.get('breakdown');
    if (bIndex !== undefined) {
      const text = cellText(cells[bIndex]);
      if (text !== null) breakdown = { value: text, column: columnLetter(bIndex + 1), text };
    }

    let scenario: Scenario = 'utfall';
    const sIndex = roles.get('scenario');
    const scenarioColumn = sIndex === undefined ? null : columnLetter(sIndex + 1);
    const sText = this.textAt(cells, sIndex);
    if (sText !== null) {
      const found = SCENARIO_WORDS.get(matchKey(sText));
      if (found === undefined) {
        this.issue(row, scenarioColumn as string, sText, 'scenario', `okänt scenario "${sText}" (väntat utfall, budget eller prognos)`);
        ok = false;
      } else scenario = found;
    }

    let asOf = '';
    const aIndex = roles.get('asOf');
    if (aIndex !== undefined && !isEmptyCell(cells[aIndex])) {
      const p = periodFromCell(cells[aIndex]);
      if (p === null) {
        this.issue(row, columnLetter(aIndex + 1), cellText(cells[aIndex]), 'prognos', `"${cellText(cells[aIndex])}" är ingen period (väntat t.ex. april 2025 eller 2025-04)`);
        ok = false;
      } else asOf = periodKey(p.period);
    }

    let preliminary = false;
    const pIndex = roles.get('preliminary');
    const pText = this.textAt(cells, pIndex);
    if (pText !== null) {
      const word = pText.toLocaleLowerCase('sv-SE');
      if (TRUE_WORDS.has(word)) preliminary = true;
      else if (!FALSE_WORDS.has(word)) {
        this.issue(row, columnLetter((pIndex as number) + 1), pText, 'preliminärt', `"${pText}" ska vara ja eller nej`);
        ok = false;
      }
    }
    const comment = this.textAt(cells, roles.get('comment'));
    const source_ = this.textAt(cells, roles.get('source'));
    return { ok, indicator, area, breakdown, scenario, scenarioColumn, asOf, preliminary, comment, source: source_ };
  }

  private number(source: SourceRow, index: number | undefined): NumberAt {
    if (index === undefined) return NO_NUMBER;
    const cell = source.cells[index];
    const letter = this.letters[index] ?? columnLetter(index + 1);
    if (isEmptyCell(cell)) return NO_NUMBER;
    const parsed = parseNumberCell(cell);
    const text = cellText(cell);
    if (!parsed.ok) {
      const error = typeof cell === 'object' && cell !== null && cell.kind === 'error' ? cell.code : null;
      const message =
        error === null
          ? `"${text}" är inget tal`
          : error.startsWith('=')
            ? 'formeln har inget sparat värde (formler räknas aldrig ut vid inläsning; öppna filen i Excel och spara den igen)'
            : `cellen innehåller felet ${error}`;
      this.issue(source.row, letter, text, 'tal', message);
      return BAD_NUMBER;
    }
    return { located: { value: parsed.value, column: letter, text }, ok: true, empty: false };
  }

  private periodOf(cell: Cell | undefined): CellPeriod | null {
    if (typeof cell !== 'string') return periodFromCell(cell);
    let found = this.periods.get(cell);
    if (found === undefined) {
      found = periodFromCell(cell);
      if (this.periods.size > 10_000) this.periods.clear();
      this.periods.set(cell, found);
    }
    return found;
  }

  private periodAt(source: SourceRow, index: number): Located<CellPeriod> | null {
    const cell = source.cells[index];
    const letter = this.letters[index] ?? columnLetter(index + 1);
    const text = cellText(cell);
    if (text === null) {
      this.issue(source.row, letter, null, 'period saknas', 'period saknas på raden');
      return null;
    }
    const period = this.periodOf(cell);
    if (period === null) {
      this.issue(source.row, letter, text, 'period', `"${text}" är ingen period (väntat t.ex. 2025, T1 2026, 2026-03, mars 2026, jan–apr 2026 eller 2026-04-30)`);
      return null;
    }
    return { value: period, column: letter, text };
  }

  private longRow(layout: Layout, source: SourceRow): void {
    const roles = layout.roles;
    const value = this.number(source, roles.get('value'));
    const numerator = this.number(source, roles.get('numerator'));
    const denominator = this.number(source, roles.get('denominator'));
    if (value.empty && numerator.empty && denominator.empty) {
      this.emptyCells += 1;
      return;
    }
    const valueColumn = columnLetter((roles.get('value') ?? roles.get('numerator') ?? roles.get('denominator') ?? 0) + 1);
    const common = this.common(layout, source, valueColumn);
    const period = this.periodAt(source, roles.get('period') as number);
    if (!common.ok || !value.ok || !numerator.ok || !denominator.ok || period === null || common.indicator === null || common.area === null) return;
    this.sink.row({
      sheet: this.options.sheet,
      row: source.row,
      indicator: common.indicator,
      area: common.area,
      period,
      breakdown: common.breakdown,
      scenario: common.scenario,
      scenarioColumn: common.scenarioColumn,
      asOf: common.asOf,
      value: value.located ?? { value: null, column: valueColumn, text: null },
      numerator: numerator.located,
      denominator: denominator.located,
      preliminary: common.preliminary,
      comment: common.comment,
      source: common.source,
    });
  }

  private wideRow(layout: Layout, source: SourceRow): void {
    const filled = layout.data.filter((d) => !isEmptyCell(source.cells[d.index]));
    this.emptyCells += layout.data.length - filled.length;
    if (filled.length === 0) return;
    const common = this.common(layout, source, (filled[0] as DataColumn).letter);
    if (!common.ok || common.indicator === null) return;
    const periodIndex = layout.roles.get('period');
    const rowPeriod = layout.kind === 'wide-area' ? this.periodAt(source, periodIndex as number) : null;
    if (layout.kind === 'wide-area' && rowPeriod === null) return;
    for (const column of filled) {
      const value = this.number(source, column.index);
      if (!value.ok || value.located === null) continue;
      const area = layout.kind === 'wide-area' ? { value: column.text, column: column.letter, text: column.text } : common.area;
      const period = layout.kind === 'wide-area' ? rowPeriod : { value: column.period as CellPeriod, column: column.letter, text: column.text };
      if (area === null || period === null) continue;
      this.sink.row({
        sheet: this.options.sheet,
        row: source.row,
        indicator: common.indicator,
        area,
        period,
        breakdown: common.breakdown,
        scenario: common.scenario,
        scenarioColumn: common.scenarioColumn,
        asOf: common.asOf,
        value: value.located,
        numerator: null,
        denominator: null,
        preliminary: common.preliminary,
        comment: common.comment,
        source: common.source,
      });
    }
  }
}
