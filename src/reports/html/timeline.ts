import type { TimelineBody } from '../../domain/deck/model.js';
import type { DeckTheme } from '../theme.js';
import { esc } from './escape.js';

/**
 * A timeline as inline SVG: phases as bars over a month scale, milestones as diamonds, today as
 * a dashed line. Labels carry the months in words; the SVG is an image named by its text
 * alternative, and the slide lists the same rows as a table.
 */
const W = 1210;
const LABEL_W = 380;
const X0 = LABEL_W + 20;
const BAR_W = W - X0 - 10;
const TOP = 60;

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
    const mid = (y + rowH / 2).toFixed(1);
    if (row.kind === 'phase') {
      const nested = row.depth === 0 && body.rows.some((r) => r.kind === 'phase' && r.depth > 0);
      parts.push(`<text x="${row.depth * 24}" y="${mid}" dominant-baseline="central" font-size="18" font-weight="${row.depth === 0 ? 700 : 400}" fill="${c.text}">${esc(row.label)}</text>`);
      const from = X0 + row.from * BAR_W;
      const width = Math.max(4, (row.to - row.from) * BAR_W);
      parts.push(`<rect x="${from.toFixed(1)}" y="${(y + rowH * 0.2).toFixed(1)}" width="${width.toFixed(1)}" height="${(rowH * 0.6).toFixed(1)}" fill="${nested ? c.accentSoft : c.accent}" stroke="${c.accent}" stroke-width="1.5"><title>${esc(`${row.label}: ${row.range}`)}</title></rect>`);
    } else {
      parts.push(`<text x="0" y="${mid}" dominant-baseline="central" font-size="18" fill="${c.text}">◆ ${esc(row.label)}</text>`);
      const cx = X0 + row.at * BAR_W;
      const r = rowH * 0.3;
      parts.push(`<path d="M${cx.toFixed(1)} ${(y + rowH / 2 - r).toFixed(1)}l${r.toFixed(1)} ${r.toFixed(1)}l${(-r).toFixed(1)} ${r.toFixed(1)}l${(-r).toFixed(1)} ${(-r).toFixed(1)}z" fill="${c.text}"><title>${esc(`${row.label}: ${row.date}`)}</title></path>`);
    }
  });
  if (body.today) {
    parts.push(`<line x1="${x(body.today.at)}" x2="${x(body.today.at)}" y1="${TOP - 6}" y2="${bottom + 6}" stroke="${c.text}" stroke-width="3" stroke-dasharray="8 6"/>`);
    parts.push(`<text x="${x(body.today.at)}" y="${bottom + 30}" text-anchor="middle" font-size="18" font-weight="700" fill="${c.text}">${esc(body.today.label)}</text>`);
  }
  return `<svg role="img" aria-labelledby="${id}-alt" focusable="false" viewBox="0 0 ${W} ${height.toFixed(0)}" xmlns="http://www.w3.org/2000/svg" ${font}><title id="${id}-alt">${esc(body.alt)}</title>${parts.join('')}</svg>`;
}
