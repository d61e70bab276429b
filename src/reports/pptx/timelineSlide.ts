import type { Slide } from './pptxgen.js';
import type { TimelineBody } from '../../domain/deck/model.js';
import type { DeckTheme } from '../theme.js';
import { BOX, hex, LANG, textBase } from './layout.js';

/**
 * A timeline drawn with shapes: phases as bars over a month scale, milestones as diamonds, a
 * dashed line for today. Every bar's label says its months in words, so nothing rests on colour.
 */

const LABEL_W = 3.7;

export function timelineSlide(slide: Slide, body: TimelineBody, theme: DeckTheme): void {
  const c = theme.colors;
  const x0 = BOX.body.x + LABEL_W + 0.2;
  const width = BOX.body.x + BOX.body.w - x0;
  const top = BOX.body.y + 0.75;
  const issuesH = body.issues.length > 0 ? 0.5 : 0;
  const rowH = Math.min(0.55, (BOX.body.h - 0.8 - issuesH) / Math.max(1, body.rows.length));
  const bottom = top + rowH * body.rows.length;
  const xAt = (at: number) => x0 + at * width;

  for (const m of body.months) {
    if (m.yearStart) slide.addShape('line', { x: xAt(m.at), y: top - 0.3, w: 0, h: bottom - top + 0.3, line: { color: hex(c.rule), width: 0.75 } });
    if (m.label !== '') {
      slide.addText(m.label, { x: xAt(m.at) - 0.05, y: top - 0.42, w: 1.1, h: 0.3, ...textBase(theme, 11), color: hex(c.muted), margin: 0, valign: 'bottom' });
    }
  }
  body.rows.forEach((row, i) => {
    const y = top + i * rowH;
    if (row.kind === 'phase') {
      slide.addText(`${row.label} (${row.range})`, {
        x: BOX.body.x + row.depth * 0.25,
        y,
        w: LABEL_W - row.depth * 0.25,
        h: rowH,
        ...textBase(theme, 13),
        bold: row.depth === 0,
        valign: 'middle',
        margin: 0,
        fit: 'shrink',
      });
      const parent = row.depth === 0 && body.rows.some((r) => r.kind === 'phase' && r.depth > 0);
      slide.addShape('rect', {
        x: xAt(row.from),
        y: y + rowH * 0.2,
        w: Math.max(0.04, xAt(row.to) - xAt(row.from)),
        h: rowH * 0.6,
        fill: { color: hex(parent ? c.accentSoft : c.accent) },
        line: { color: hex(c.accent), width: 1 },
      });
    } else {
      slide.addText(`\u25c6 ${row.label} (${row.date})`, { x: BOX.body.x, y, w: LABEL_W, h: rowH, ...textBase(theme, 13), valign: 'middle', margin: 0, fit: 'shrink' });
      const size = rowH * 0.55;
      slide.addShape('diamond', { x: xAt(row.at) - size / 2, y: y + (rowH - size) / 2, w: size, h: size, fill: { color: hex(c.text) }, line: { color: hex(c.text), width: 0.5 } });
    }
  });
  if (body.today) {
    const x = xAt(body.today.at);
    slide.addShape('line', { x, y: top - 0.05, w: 0, h: bottom - top + 0.1, line: { color: hex(c.text), width: 2, dashType: 'dash' } });
    slide.addText(body.today.label, { x: x - 1.5, y: bottom + 0.06, w: 3.0, h: 0.3, ...textBase(theme, 12), bold: true, align: 'center', margin: 0 });
  }
  if (body.issues.length > 0) {
    slide.addText(`Obs: ${body.issues.join(' ')}`, { x: BOX.body.x, y: BOX.body.y + BOX.body.h - issuesH, w: BOX.body.w, h: issuesH, ...textBase(theme, 12), color: hex(c.muted), lang: LANG, margin: 0 });
  }
}
