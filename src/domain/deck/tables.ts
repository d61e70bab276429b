import { checklistDates, type BlockView, type FigureView } from '../blockView.js';
import type { CHECKLIST_STATUSES } from '../blocks.js';
import { formatDate, formatNumber } from '../format.js';
import { keyLabel } from '../period.js';
import { unitName } from '../units.js';
import { marked } from './note.js';
import { columnWeights } from './paginate.js';
import type { RowStyle, TableBody, TableColumn, TableRow } from './model.js';

/**
 * Ranking, statement, data, checklist and risk blocks as one table model: header, rows of
 * display strings and a style per row (own area, reference row, computed subtotal, total, group).
 * Renderers draw tables; they never see where a row came from.
 */
type View<T extends BlockView['type']> = Extract<BlockView, { type: T }>;

function row(cells: string[], style: RowStyle = 'normal', srNote: string | null = null): TableRow {
  return { cells, style, srNote };
}

function table(variant: TableBody['variant'], header: Array<[string, TableColumn['align']]>, rows: TableRow[], caption: string | null = null): TableBody {
  const weights = columnWeights(
    header.map(([label]) => label),
    rows.filter((r) => r.style !== 'group').map((r) => r.cells),
  );
  const columns = header.map(([label, align], i) => ({ label, align, weight: weights[i] ?? 6 }));
  return { kind: 'table', variant, columns, rows, caption };
}

function figureCell(figure: FigureView | null): string {
  return figure ? marked(figure.display, figure.preliminary) : '–';
}

function part(value: number | null): string {
  if (value === null) return '–';
  return formatNumber(value, Number.isInteger(value) ? 0 : 2);
}

export function rankingTable(view: View<'ranking_table'>): TableBody {
  const header: Array<[string, TableColumn['align']]> = [
    ['Plats', 'right'],
    ['Område', 'left'],
    [view.indicator.shortName ?? view.indicator.name, 'right'],
  ];
  if (view.showParts) header.push(['Täljare', 'right'], ['Nämnare', 'right']);
  for (const extra of view.extraIndicators) header.push([extra.shortName ?? extra.name, 'right']);
  const rows = view.rows.map((r) => {
    const rank = r.reference || r.rank === null ? '' : r.tied ? `${r.rank} (delad)` : String(r.rank);
    const cells = [rank, r.area.name, figureCell(r.figure)];
    if (view.showParts) cells.push(part(r.figure?.numerator ?? null), part(r.figure?.denominator ?? null));
    cells.push(...r.extra.map(figureCell));
    if (r.reference) return row(cells, 'reference', 'jämförelserad utan plats');
    return r.highlight ? row(cells, 'own', 'egen region') : row(cells);
  });
  return table('ranking', header, rows);
}

export function statementTable(view: View<'statement_table'>): TableBody {
  const header: Array<[string, TableColumn['align']]> = [
    [view.unit ? unitName(view.unit) : 'Nyckeltal', 'left'],
    ...view.columns.map((c): [string, TableColumn['align']] => [c.label, 'right']),
  ];
  const rows = view.rows.map((r) =>
    r.kind === 'formula' ? row([r.label, ...r.cells.map((c) => c.display)], 'formula', 'beräknad delsumma') : row([r.label, ...r.cells.map((c) => c.display)]),
  );
  const issues = view.issues.map((i) => i.message);
  return table('statement', header, rows, issues.length > 0 ? `Obs: ${issues.join(' ')}` : null);
}

export function dataTable(view: View<'data_table'>): TableBody {
  const header = view.columns.map((c): [string, TableColumn['align']] => [c.label, c.type === 'number' ? 'right' : 'left']);
  const rows = view.rows.map((cells) => row(cells.map((c) => c.display)));
  if (view.totals) {
    const cells = view.totals.map((t) => t.display);
    if (view.columns[0]?.type === 'text' && (cells[0] ?? '') === '') cells[0] = 'Summa';
    rows.push(row(cells, 'total', 'beräknad summa'));
  }
  return table('data', header, rows, view.summary);
}

type ChecklistStatus = (typeof CHECKLIST_STATUSES)[number];

/** Icons for a deliverable's status, always next to the word. */
export const CHECKLIST_ICONS: Record<ChecklistStatus, string> = {
  klar: '✓',
  pagar: '◐',
  ej_paborjad: '○',
  forsenad: '✗',
};

function dueLabel(due: string): string {
  return /^\d{4}-\d{2}$/.test(due) ? keyLabel(due) : formatDate(due);
}

export function checklistTable(view: View<'checklist'>): TableBody {
  const dates = checklistDates(view.items);
  const withDue = dates.heading !== null;
  const header: Array<[string, TableColumn['align']]> = [['Leverans', 'left'], ['Part', 'left'], ['Status', 'left']];
  if (dates.heading !== null) header.push([dates.heading, 'left']);
  const rows: TableRow[] = [];
  let group: string | null = null;
  view.items.forEach((item, i) => {
    if (item.group !== null && item.group !== group) rows.push(row([item.group], 'group'));
    group = item.group;
    const cells = [item.label, item.party, `${CHECKLIST_ICONS[item.status]} ${item.statusLabel}`];
    if (withDue) cells.push(item.due === null ? '' : `${dates.prefixes[i] ?? ''}${dueLabel(item.due)}`);
    rows.push(row(cells));
  });
  const order: ChecklistStatus[] = ['klar', 'pagar', 'ej_paborjad', 'forsenad'];
  const labels = new Map(view.items.map((i) => [i.status, i.statusLabel]));
  const counts = order.filter((s) => view.counts[s] > 0).map((s) => `${labels.get(s) ?? s}: ${view.counts[s]}`);
  return table('checklist', header, rows, counts.length > 0 ? counts.join(' · ') : null);
}

/** "R1", "R2" … in the order the register lists the risks: the matrix refers to them so. */
export function riskNumbers(view: View<'risk_list'>): Map<string, string> {
  return new Map(view.risks.map((r, i) => [r.id, `R${i + 1}`]));
}

export function riskScoreText(risk: View<'risk_list'>['risks'][number]): string {
  if (risk.score === null) return '–';
  const band = risk.band ? ` ${risk.band.label}` : '';
  const how = risk.computed ? ` (${risk.probability} × ${risk.consequence})` : ' (rapporterad poäng)';
  return `${risk.score}${band}${how}`;
}

export function riskTable(view: View<'risk_list'>): TableBody {
  const numbers = riskNumbers(view);
  const categories = new Set(view.risks.map((r) => r.categoryLabel));
  const header: Array<[string, TableColumn['align']]> = [['Nr', 'left'], ['Risk', 'left']];
  if (categories.size > 1) header.push(['Kategori', 'left']);
  header.push(['Riskpoäng', 'left'], ['Åtgärd', 'left']);
  const owners = view.risks.some((r) => (r.owner ?? null) !== null);
  if (owners) header.push(['Ansvarig', 'left']);
  const rows = view.risks.map((r) => {
    const cells = [numbers.get(r.id) ?? '', r.title];
    if (categories.size > 1) cells.push(r.categoryLabel);
    cells.push(riskScoreText(r), r.control ?? '–');
    if (owners) cells.push(r.owner ?? '–');
    return row(cells);
  });
  return table('risks', header, rows);
}
