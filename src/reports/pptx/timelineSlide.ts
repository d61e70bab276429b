import type { Slide } from './pptxgen.js';
import type { TimelineBody } from '../../domain/deck/model.js';
import type { DeckTheme } from '../theme.js';
import { fitLabel } from '../labelFit.js';
import { BOX, hex, LANG, textBase } from './layout.js';

/**
 * A timeline drawn with shapes: phases as bars over a month scale, milestones as diamonds, a
 * dashed line for today. Every bar's label says its months in words, so nothing rests on colour.
 * Nothing is drawn outside the body box: a milestone at the end of the axis keeps its whole
 * diamond inside, the today label is kept within the box and has a line of its own above the
 * note on phases outside their parent, and labels wrap or shrink but are never cut.
 */

const LABEL_W = 3.7;
/** Half the largest diamond: room kept at the axis's right end. */
const END_ROOM = 0.16;
const TODAY_H = 0.4;
const PT = 1 / 72;

export function timelineSlide(slide: Slide, body: TimelineBody, theme: DeckTheme): void {
  const c = theme.colors;
  const x0 = BOX.body.x + LABEL_W + 0.2;
  const right = BOX.body.x + BOX.body.w;
  const width = right - x0 - END_ROOM;
  const top = BOX.body.y + 0.75;
  const issuesH = body.issues.length > 0 ? 0.5 : 0;
  const todayH = body.today ? TODAY_H : 0;
  const rowH = Math.min(0.55, (BOX.body.h - 0.8 - issuesH - todayH) / Math.max(1, body.rows.length));
  /** A row's label wrapped, or at a smaller size, to fit its box: never cut. */
  const label = (text: string, w: number) => {
    const fitted = fitLabel(text, w, rowH, [13, 12, 11, 10, 9].map((s) => s * PT));
    return { text: fitted.lines.join('\n'), fontSize: Math.round(fitted.size / PT) };
  };
  const bottom = top + rowH * body.rows.length;
  const xAt = (at: number) => x0 + at * width;

  for (const m of body.months) {
    if (m.yearStart) slide.addShape('line', { x: xAt(m.at), y: top - 0.3, w: 0, h: bottom - top + 0.3, line: { color: hex(c.rule), width: 0.75 } });
    if (m.label !== '') {
      const x = xAt(m.at) - 0.05;
      slide.addText(m.label, { x, y: top - 0.42, w: Math.min(1.1, right - x), h: 0.3, ...textBase(theme, 11), color: hex(c.muted), margin: 0, valign: 'bottom' });
    }
  }
  body.rows.forEach((row, i) => {
    const y = top + i * rowH;
    if (row.kind === 'phase') {
      const fitted = label(`${row.label} (${row.range.replace(/ /g, '\u00a0')})`, LABEL_W - row.depth * 0.25);
      slide.addText(fitted.text, {
        x: BOX.body.x + row.depth * 0.25,
        y,
        w: LABEL_W - row.depth * 0.25,
        h: rowH,
        ...textBase(theme, fitted.fontSize),
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
      const fitted = label(`\u25c6 ${row.label} (${row.date.replace(/ /g, '\u00a0')})`, LABEL_W);
      slide.addText(fitted.text, { x: BOX.body.x, y, w: LABEL_W, h: rowH, ...textBase(theme, fitted.fontSize), valign: 'middle', margin: 0, fit: 'shrink' });
      const size = rowH * 0.55;
      slide.addShape('diamond', { x: xAt(row.at) - size / 2, y: y + (rowH - size) / 2, w: size, h: size, fill: { color: hex(c.text) }, line: { color: hex(c.text), width: 0.5 } });
    }
  });
  if (body.today) {
    const x = xAt(body.today.at);
    slide.addShape('line', { x, y: top - 0.05, w: 0, h: bottom - top + 0.1, line: { color: hex(c.text), width: 2, dashType: 'dash' } });
    const labelX = Math.min(Math.max(x - 1.5, BOX.body.x), right - 3.0); // within the box, under the line where it can be
    slide.addText(body.today.label, { x: labelX, y: bottom + 0.06, w: 3.0, h: 0.3, ...textBase(theme, 12), bold: true, align: 'center', margin: 0 });
  }
  if (body.issues.length > 0) {
    slide.addText(`Obs: ${body.issues.join(' ')}`, { x: BOX.body.x, y: BOX.body.y + BOX.body.h - issuesH, w: BOX.body.w, h: issuesH, ...textBase(theme, 12), color: hex(c.muted), lang: LANG, margin: 0 });
  }
}
