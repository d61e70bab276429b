import type { RiskMatrixBody, TableBody, TableRow } from '../../domain/deck/model.js';
import { esc } from './escape.js';

/**
 * Tables as HTML tables with column headers; row styles as classes (weight and rules, not
 * colour alone) and, for screen readers, the row's meaning in words ("egen region").
 */
function cell(text: string, tag: 'td' | 'th', align: string, extra = ''): string {
  const cls = align === 'left' ? '' : ` class="${align}"`;
  return `<${tag}${cls}${extra}>${esc(text)}</${tag}>`;
}

function row(r: TableRow, body: TableBody): string {
  if (r.style === 'group') return `<tr class="group"><th colspan="${body.columns.length}" scope="colgroup">${esc(r.cells[0] ?? '')}</th></tr>`;
  // the row's meaning is said after its label: the first non-empty left-aligned cell
  const label = Math.max(0, r.cells.findIndex((c, i) => c !== '' && (body.columns[i]?.align ?? 'left') === 'left'));
  const cells = r.cells.map((text, i) => {
    const align = body.columns[i]?.align ?? 'left';
    if (i === label && r.srNote) return `<td${align === 'left' ? '' : ` class="${align}"`}>${esc(text)}<span class="sr-only"> (${esc(r.srNote)})</span></td>`;
    return cell(text, 'td', align);
  });
  return `<tr class="${r.style}">${cells.join('')}</tr>`;
}

export function tableHtml(body: TableBody, caption: string | null = null): string {
  const total = body.columns.reduce((s, c) => s + c.weight, 0) || 1;
  const cols = body.columns.map((c) => `<col style="width:${((100 * c.weight) / total).toFixed(1)}%">`).join('');
  const head = body.columns.map((c) => cell(c.label, 'th', c.align, ' scope="col"')).join('');
  const cap = caption ? `<caption class="sr-only">${esc(caption)}</caption>` : '';
  return `<table class="t-${body.variant}">${cap}<colgroup>${cols}</colgroup><thead><tr>${head}</tr></thead><tbody>${body.rows.map((r) => row(r, body)).join('')}</tbody></table>`;
}

export function riskMatrixHtml(body: RiskMatrixBody): string {
  const head = `<tr><td></td>${[1, 2, 3, 4].map((k) => `<th scope="col">Konsekvens ${k}</th>`).join('')}</tr>`;
  const rows = body.cells
    .map(
      (r) =>
        `<tr><th scope="row">Sannolikhet ${r[0]?.probability ?? ''}</th>${r
          .map((c) => `<td class="band-${c.bandId ?? 'none'}"><span class="score">${c.score} ${esc(c.band)}</span><span class="risks">${esc(c.risks.join(', '))}</span></td>`)
          .join('')}</tr>`,
    )
    .join('');
  const side = [`Riskpoäng = sannolikhet × konsekvens.`, ...body.legend].map((t) => `<li>${esc(t)}</li>`).join('');
  const unplaced = body.unplaced.length > 0 ? `<p>Utan sannolikhet och konsekvens:</p><ul>${body.unplaced.map((u) => `<li>${esc(u)}</li>`).join('')}</ul>` : '';
  return `<div class="matrix"><table class="t-matrix"><caption class="sr-only">${esc(body.alt)}</caption><thead>${head}</thead><tbody>${rows}</tbody></table><div class="matrix-legend"><ul>${side}</ul>${unplaced}</div></div>`;
}
