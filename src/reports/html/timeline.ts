import type { TimelineBody } from '../../domain/deck/model.js';
import type { DeckTheme } from '../theme.js';
import { fitLabel } from '../labelFit.js';
import { esc } from './escape.js';

/**
 * A timeline as inline SVG: phases as bars over a month scale, milestones as diamonds, today as
 * a dashed line. Labels carry the months in words; the SVG is an image named by its text
 * alternative, and the slide lists the same rows as a table. Nothing is drawn outside the
 * picture: the axis ends half a diamond before its right edge, the today label stays inside,
 * and labels wrap (at most as many lines as fit the row) or shrink but are never cut.
 */
const W = 1210;
const LABEL_W = 380;
const X0 = LABEL_W + 20;
/** Half the largest diamond (0,3 × the largest row): room kept at the axis's right end. */
const END_ROOM = 16;
const BAR_W = W - X0 - 10 - END_ROOM;
const TOP = 60;

/** A label as SVG text in lines (tspans), centred on the row's middle. */
function labelSvg(text: string, x: number, mid: number, width: number, rowH: number, weight: number, fill: string): string {
  const fitted = fitLabel(text, width, rowH, [18, 16, 14, 12]);
  const lineH = fitted.size * 1.2;
  const first = mid - ((fitted.lines.length - 1) * lineH) / 2;
  const lines = fitted.lines.map((l, i) => `<tspan x="${x}" y="${(first + i * lineH).toFixed(1)}">${esc(l)}</tspan>`).join('');
  return `<text dominant-baseline="central" font-size="${fitted.size}" font-weight="${weight}" fill="${fill}">${lines}</text>`;
}

export function timelineSvg(body: TimelineBody, theme: DeckTheme, id: string): string {
  const c = theme.colors;
  const rowH = Math.min(52, 380 / Math.max(1, body.rows.length));
  const bottom = TOP + rowH * body.rows.length;
  const height = bottom + 50;
  const x = (at: number) => (X0 + at * BAR_W).toFixed(1);
  const font = `font-family="${esc(theme.fonts.body)}, DejaVu Sans, sans-serif"`;
  const parts: string[] = [];
  for (const m of body.months) {
    if (m.yearStart) parts.push(`<line x1="${x(m.at)}" x2="${x(m.at)}" y1="${TOP - 30}" y2="${bottom}" stroke="${c.rule}" stroke-width="1"/>`);
    if (m.label) parts.push(`<text x="${x(m.at)}" y="${TOP - 14}" font-size="17" fill="${c.muted}">${esc(m.label)}</text>`);
  }
  body.rows.forEach((row, i) => {
    const y = TOP + i * rowH;
    if (row.kind === 'phase') {
      const nested = row.depth === 0 && body.rows.some((r) => r.kind === 'phase' && r.depth > 0);
      // the label says when, as in PowerPoint: "Projekt (dec 2028–2030)"
      parts.push(labelSvg(`${row.label} (${row.range.replace(/ /g, '\u00a0')})`, row.depth * 24, y + rowH / 2, LABEL_W - row.depth * 24, rowH, row.depth === 0 ? 700 : 400, c.text));
      const from = X0 + row.from * BAR_W;
      const width = Math.max(4, (row.to - row.from) * BAR_W);
      parts.push(`<rect x="${from.toFixed(1)}" y="${(y + rowH * 0.2).toFixed(1)}" width="${width.toFixed(1)}" height="${(rowH * 0.6).toFixed(1)}" fill="${nested ? c.accentSoft : c.accent}" stroke="${c.accent}" stroke-width="1.5"><title>${esc(`${row.label}: ${row.range}`)}</title></rect>`);
    } else {
      parts.push(labelSvg(`◆ ${row.label} (${row.date.replace(/ /g, '\u00a0')})`, 0, y + rowH / 2, LABEL_W, rowH, 400, c.text));
      const cx = X0 + row.at * BAR_W;
      const r = rowH * 0.3;
      parts.push(`<path d="M${cx.toFixed(1)} ${(y + rowH / 2 - r).toFixed(1)}l${r.toFixed(1)} ${r.toFixed(1)}l${(-r).toFixed(1)} ${r.toFixed(1)}l${(-r).toFixed(1)} ${(-r).toFixed(1)}z" fill="${c.text}"><title>${esc(`${row.label}: ${row.date}`)}</title></path>`);
    }
  });
  if (body.today) {
    parts.push(`<line x1="${x(body.today.at)}" x2="${x(body.today.at)}" y1="${TOP - 6}" y2="${bottom + 6}" stroke="${c.text}" stroke-width="3" stroke-dasharray="8 6"/>`);
    // centred under the line, but kept inside the picture (estimated half width of the label)
    const half = (body.today.label.length * 18 * 0.55) / 2;
    const labelX = Math.min(Math.max(X0 + body.today.at * BAR_W, half), W - half);
    parts.push(`<text x="${labelX.toFixed(1)}" y="${bottom + 30}" text-anchor="middle" font-size="18" font-weight="700" fill="${c.text}">${esc(body.today.label)}</text>`);
  }
  return `<svg role="img" aria-labelledby="${id}-alt" focusable="false" viewBox="0 0 ${W} ${height.toFixed(0)}" xmlns="http://www.w3.org/2000/svg" ${font}><title id="${id}-alt">${esc(body.alt)}</title>${parts.join('')}</svg>`;
}
