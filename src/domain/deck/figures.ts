import type { Block } from '../blocks.js';
import type { BlockView } from '../blockView.js';
import { formatValue } from '../format.js';
import { keyLabel } from '../period.js';
import { unitName, unitSymbol, type Unit } from '../units.js';
import { figureNote, marked, periodRange } from './note.js';
import { columnWeights } from './paginate.js';
import type { ChartBody, FigureNote, KeyFigureBody, TableBody } from './model.js';

/** Key figures and indicator charts as slide bodies, with their notes and text alternatives. */
type View<T extends BlockView['type']> = Extract<BlockView, { type: T }>;

function scenarioLabel(block: Extract<Block, { type: 'key_figure' }>): string {
  if (block.scenario === 'prognos') return block.asOf ? `prognos efter ${keyLabel(block.asOf)}` : 'prognos';
  if (block.scenario === 'budget') return 'budget';
  return '';
}

export function keyFigureBody(view: View<'key_figure'>, block: Extract<Block, { type: 'key_figure' }>): { body: KeyFigureBody; note: FigureNote } {
  const figure = view.figure;
  const scenario = scenarioLabel(block);
  const periodText = figure?.periodLabel ?? keyLabel(block.period);
  const period = scenario ? `${periodText}, ${scenario}` : periodText;
  const comparison = view.comparison;
  const preliminary = Boolean(figure?.preliminary || comparison?.figure.preliminary || view.budget?.figure.preliminary);
  const body: KeyFigureBody = {
    kind: 'key_figure',
    value: figure ? marked(figure.display, figure.preliminary) : '–',
    label: view.label,
    area: view.area.name,
    period,
    change: comparison
      ? `${comparison.display} jämfört med ${comparison.figure.periodLabel} (${marked(comparison.figure.display, comparison.figure.preliminary)})`
      : null,
    budget: view.budget ? `Avvikelse mot budget: ${view.budget.display} (budget ${marked(view.budget.figure.display, view.budget.figure.preliminary)})` : null,
    target: view.target ? `Mål: ${view.target.text} – ${view.target.label}` : null,
    status: view.target !== null || view.status.status === 'no_data' ? view.status : null,
    preliminary,
  };
  const sources = view.sources.length > 0 ? view.sources : [view.indicator.source];
  const periods = [period, ...(comparison ? [comparison.figure.periodLabel] : [])];
  return { body, note: figureNote(periods, sources, preliminary) };
}

/** The title of a key figure slide: a label written as the end of a sentence gets its value in front. */
export function keyFigureTitle(body: KeyFigureBody): string {
  const first = body.label.charAt(0);
  return first !== '' && first === first.toLocaleLowerCase('sv-SE') && first !== first.toLocaleUpperCase('sv-SE') ? `${body.value} ${body.label}` : body.label;
}

/** Number format of a native chart's values and axis: `#,##0.0" dagar"`. */
export function numberFormat(unit: Unit, decimals: number): string {
  const digits = decimals > 0 ? `.${'0'.repeat(decimals)}` : '';
  const symbol = unitSymbol(unit);
  return `#,##0${digits}${symbol ? `" ${symbol.replace(/"/g, '')}"` : ''}`;
}

function seriesAlt(name: string, categories: readonly string[], displays: readonly string[]): string {
  const pairs = categories.map((c, i) => `${c} ${displays[i] ?? '–'}`);
  if (pairs.length <= 12) return `${name}: ${pairs.join(', ')}`;
  return `${name}: ${pairs.slice(0, 3).join(', ')} … ${pairs.slice(-3).join(', ')}`;
}

export function chartBody(view: View<'indicator_chart'>): { body: ChartBody; note: FigureNote } {
  const unit = view.indicator.unit;
  const decimals = view.indicator.decimals;
  const categories = view.periods.map((p) => p.label);
  const series = view.series.map((s) => ({
    name: s.area.name,
    highlight: s.highlight,
    values: s.points.map((p) => p?.value ?? null),
    displays: s.points.map((p) => (p ? marked(p.display, p.preliminary) : '–')),
    preliminary: s.points.map((p) => p?.preliminary ?? false),
  }));
  const target = view.target;
  const targetDisplays = target ? target.values.map((v) => formatValue(v, unit, decimals)) : [];
  const kind = view.chart === 'bar' ? 'Stapeldiagram' : 'Linjediagram';
  const missing = series.flatMap((s) => s.values.flatMap((v, i) => (v === null ? [`${s.name} ${categories[i] ?? ''}`] : [])));
  const alt = [
    `${kind}: ${view.title}, ${unitName(unit)}.`,
    ...series.map((s) => `${seriesAlt(s.name, categories, s.displays)}.`),
    ...(target ? [`${target.label}.`] : []),
    ...(missing.length > 0 ? [`Uppgift saknas för ${missing.join(', ')}.`] : []),
  ].join(' ');

  const header = ['Period', ...series.map((s) => s.name), ...(target ? ['Mål'] : [])];
  const rows = categories.map((c, i) => [c, ...series.map((s) => s.displays[i] ?? '–'), ...(target ? [targetDisplays[i] ?? '–'] : [])]);
  const weights = columnWeights(header, rows);
  const table: TableBody = {
    kind: 'table',
    variant: 'chart_data',
    columns: header.map((label, i) => ({ label, align: i === 0 ? 'left' : 'right', weight: weights[i] ?? 6 })),
    rows: rows.map((cells) => ({ cells, style: 'normal', srNote: null })),
    caption: null,
  };
  const body: ChartBody = {
    kind: 'chart',
    chart: view.chart,
    unitName: unitName(unit),
    numberFormat: numberFormat(unit, decimals),
    decimals,
    categories,
    series,
    target,
    alt,
    table,
  };
  const sources = view.sources.length > 0 ? view.sources : [view.indicator.source];
  return { body, note: figureNote([periodRange(view.periods.map((p) => p.label))], sources, view.preliminary) };
}
