import type { MdBlock } from '../markdown.js';
import type { StatusView } from '../blockView.js';
import type { ComposedLayout } from '../slideLayout.js';

/**
 * The deck: a meeting's board pack as slides, in the order the region's packs use — title,
 * overarching goals, focus areas, agenda, then per goal a section slide and its items' slides.
 * Built from a MeetingView by `buildDeck` (pure); PowerPoint, the web deck and the PDF are drawn
 * from it and add no figure of their own. Every string here is final Swedish text.
 */
export interface Deck {
  meetingId: string;
  /** "Regionstyrelsen 6 maj 2026 — Informationspunkter" */
  title: string;
  /** "Regionstyrelsen 2026-05-06 Informationspunkter": the file name without extension. */
  fileStem: string;
  date: string;
  language: 'sv-SE';
  slides: Slide[];
}

export interface Slide {
  /** 1-based; printed on the slide. */
  number: number;
  /** Anchor in the web deck: "bild-12". */
  id: string;
  title: string;
  /** Heading level in the web deck and the PDF outline: 1 title, 2 frame and section slides, 3 item slides. */
  level: 1 | 2 | 3;
  /** Line above the title on item slides: the item's title. */
  kicker: string | null;
  body: SlideBody;
  /** Period, source and preliminary mark of the figures on the slide; null where it shows none. */
  note: FigureNote | null;
}

export interface FigureNote {
  periods: string[];
  sources: string[];
  preliminary: boolean;
  /** "Period: mars 2026. Källa: TeleQ." and, when needed, "* Preliminärt värde." */
  text: string;
}

export interface Presenter {
  name: string;
  title: string | null;
  /** "Mattias Ask, trafikdirektör" */
  label: string;
}

export type SlideBody =
  | { kind: 'title'; heading: string; subtitle: string }
  | { kind: 'goals'; goals: string[] }
  | { kind: 'focus'; lead: string; areas: string[] }
  | { kind: 'agenda'; groups: Array<{ goal: string; items: Array<{ title: string; presenters: string }> }> }
  | { kind: 'section'; presenters: Presenter[] }
  | { kind: 'item'; presenters: Presenter[]; message: string }
  /** One column, or two where a text is a long run of short lines. */
  | { kind: 'text'; columns: MdBlock[][] }
  | KeyFigureBody
  | ChartBody
  | TableBody
  | TimelineBody
  | RiskMatrixBody
  | ImageBody
  | ComposedBody
  | { kind: 'error'; message: string };

export interface ImageBody {
  kind: 'image';
  assetId: string;
  mediaType: string;
  fileName: string;
  alt: string;
  caption: string | null;
}

/** A text part of a composed slide: one column. */
export interface TextPart {
  kind: 'text';
  columns: MdBlock[][];
}

export type PartContent = TextPart | KeyFigureBody | ChartBody | TableBody | ImageBody;

/** A block on a composed slide; `heading` is its own title where it is not the slide's. */
export interface ComposedPart {
  heading: string | null;
  content: PartContent;
}

/**
 * Several blocks on one slide (domain/slideLayout.ts), in the order the item lists them; the
 * layout says where each goes. Every part was measured for its region, so none overflows.
 */
export interface ComposedBody {
  kind: 'composed';
  layout: ComposedLayout;
  parts: ComposedPart[];
}

export interface KeyFigureBody {
  kind: 'key_figure';
  /** "25,3 dagar" (with "*" when preliminary) */
  value: string;
  /** "Minskning medelväntetid – första besök" */
  label: string;
  area: string;
  /** "mars 2026", "2025, prognos efter april 2025" */
  period: string;
  /** "−4,9 dagar jämfört med december 2024 (30,2 dagar)" */
  change: string | null;
  /** "Avvikelse mot budget: −123 mnkr (budget 364 mnkr)" */
  budget: string | null;
  /** "Mål: ≥ 100 % (Förstärkt vårdgaranti BUP …)" */
  target: string | null;
  /** Shown when there is a target or the value is missing: icon and word, never colour alone. */
  status: StatusView | null;
  preliminary: boolean;
}

export interface ChartSeries {
  name: string;
  /** The own area: drawn in the accent colour; the others greyed. */
  highlight: boolean;
  /** Values as stored or computed (null = no data, drawn as a gap). */
  values: Array<number | null>;
  /** The same values formatted: "48 %", "–". */
  displays: string[];
  preliminary: boolean[];
}

export interface ChartBody {
  kind: 'chart';
  chart: 'line' | 'bar';
  /** The unit for the axis title: "procent", "dagar". */
  unitName: string;
  /** Excel-style number format for native charts: `0" %"`, `#,##0.0" dagar"`. */
  numberFormat: string;
  decimals: number;
  categories: string[];
  series: ChartSeries[];
  target: { label: string; values: Array<number | null> } | null;
  /** Text alternative: what the chart shows, in words. */
  alt: string;
  /** The chart's data as a table (the web deck shows it under the chart). */
  table: TableBody;
}

export type RowStyle = 'normal' | 'own' | 'reference' | 'formula' | 'total' | 'group';

export interface TableColumn {
  label: string;
  align: 'left' | 'right' | 'center';
  /** Relative width. */
  weight: number;
}

export interface TableRow {
  cells: string[];
  style: RowStyle;
  /** Said to screen readers after the first cell ("egen region", "referensrad"). */
  srNote: string | null;
}

export interface TableBody {
  kind: 'table';
  variant: 'ranking' | 'statement' | 'data' | 'checklist' | 'risks' | 'chart_data';
  columns: TableColumn[];
  rows: TableRow[];
  /** A line shown with the table: totals in words, counts per status. */
  caption: string | null;
}

export interface TimelineBody {
  kind: 'timeline';
  /** Month ticks over the span: position 0–1 of the month's start and its label ("jan 2024" or "feb"). */
  months: Array<{ at: number; label: string; yearStart: boolean }>;
  rows: Array<
    | { kind: 'phase'; label: string; depth: number; from: number; to: number; range: string }
    | { kind: 'milestone'; label: string; at: number; date: string }
  >;
  today: { at: number; label: string } | null;
  alt: string;
  issues: string[];
}

export interface RiskMatrixBody {
  kind: 'risk_matrix';
  /** Rows from probability 4 (top) to 1; columns consequence 1–4. */
  cells: Array<Array<{ probability: number; consequence: number; score: number; band: string; bandId: string | null; risks: string[] }>>;
  legend: string[];
  /** Risks that report only a score: "R1 · 9 Hantera risk (rapporterad poäng)". */
  unplaced: string[];
  alt: string;
}

export type SlideBodyKind = SlideBody['kind'];
