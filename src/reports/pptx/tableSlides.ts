import type { BorderProps, Slide, TableCell, TableCellProps } from './pptxgen.js';
import type { RiskMatrixBody, RowStyle, TableBody } from '../../domain/deck/model.js';
import type { DeckTheme } from '../theme.js';
import { BOX, hex, LANG, textBase, TYPE, type Box } from './layout.js';

/**
 * Tables as real PowerPoint tables (editable cells, not pictures): rankings, statements, data
 * tables, checklists, risk lists and the risk matrix. Row styles are drawn with weight and
 * rules, not colour alone: the own area and computed subtotals are bold.
 */
type Cell = TableCell;

const CAPTION_H = 0.5;

function rule(color: string, pt: number): BorderProps {
  return { type: 'solid', color: hex(color), pt };
}

const NONE: BorderProps = { type: 'none' };

function rowOptions(style: RowStyle, theme: DeckTheme): TableCellProps {
  const c = theme.colors;
  switch (style) {
    case 'own':
      return { bold: true, fill: { color: hex(c.accentSoft) } };
    case 'reference':
      return { italic: true };
    case 'formula':
    case 'total':
      return { bold: true, border: [rule(c.text, 1), NONE, rule(c.rule, 0.5), NONE] };
    case 'group':
      return { bold: true, color: hex(c.accent) };
    case 'normal':
      return {};
  }
}

/** A table at the top of `box` (the slide's body unless a composed slide gives a region). */
export function tableSlide(slide: Slide, body: TableBody, theme: DeckTheme, box: Box = BOX.body): void {
  const c = theme.colors;
  let y = box.y;
  if (body.caption) {
    slide.addText(body.caption, { x: box.x, y, w: box.w, h: CAPTION_H - 0.08, ...textBase(theme, 18), bold: true, valign: 'top', margin: 0 });
    y += CAPTION_H;
  }
  const total = body.columns.reduce((s, col) => s + col.weight, 0) || 1;
  const colW = body.columns.map((col) => (box.w * col.weight) / total);
  const base: TableCellProps = { fontFace: theme.fonts.body, fontSize: TYPE.table, color: hex(c.text), valign: 'top', border: [NONE, NONE, rule(c.rule, 0.5), NONE] };
  const header: Cell[] = body.columns.map((col) => ({
    text: col.label,
    options: { ...base, bold: true, align: col.align, fill: { color: hex(c.accentSoft) }, border: [NONE, NONE, rule(c.accent, 1.5), NONE] },
  }));
  const rows: Cell[][] = body.rows.map((row) => {
    const options = { ...base, ...rowOptions(row.style, theme) };
    if (row.style === 'group') return [{ text: row.cells[0] ?? '', options: { ...options, colspan: body.columns.length } }];
    return row.cells.map((text, i) => ({ text, options: { ...options, align: body.columns[i]?.align ?? 'left' } }));
  });
  slide.addTable([header, ...rows], { x: box.x, y, w: box.w, colW, autoPage: false, fontFace: theme.fonts.body, fontSize: TYPE.table });
}

/** Band fills: light enough for black text at any band (contrast ≥ 4.5:1). */
const BAND_FILLS: Record<string, string> = { acceptera: 'DDEFD9', bevaka: 'FFF1C2', hantera: 'F8D3CF' };

export function riskMatrixSlide(slide: Slide, body: RiskMatrixBody, theme: DeckTheme): void {
  const c = theme.colors;
  const base: TableCellProps = { fontFace: theme.fonts.body, fontSize: TYPE.table, color: hex(c.text), valign: 'middle', align: 'center', border: rule(c.rule, 0.75) };
  const header: Cell[] = [
    { text: 'Sannolikhet \\ Konsekvens', options: { ...base, bold: true } },
    ...[1, 2, 3, 4].map((k) => ({ text: `Konsekvens ${k}`, options: { ...base, bold: true } })),
  ];
  const rows: Cell[][] = body.cells.map((row) => [
    { text: `Sannolikhet ${row[0]?.probability ?? ''}`, options: { ...base, bold: true } },
    ...row.map((cell) => ({
      text: [
        { text: `${cell.score} ${cell.band}`, options: { fontSize: 11, breakLine: true, lang: LANG } },
        { text: cell.risks.length > 0 ? cell.risks.join(', ') : '\u00a0', options: { bold: true, fontSize: 16, lang: LANG } },
      ],
      options: { ...base, fill: { color: BAND_FILLS[cell.bandId ?? ''] ?? 'FFFFFF' } },
    })),
  ]);
  slide.addTable([header, ...rows], { x: BOX.body.x, y: BOX.body.y, w: 8.4, colW: [2.0, 1.6, 1.6, 1.6, 1.6], rowH: 0.78, autoPage: false });
  const side = [`Riskpoäng = sannolikhet × konsekvens.`, ...body.legend, ...(body.unplaced.length > 0 ? ['Utan sannolikhet och konsekvens:', ...body.unplaced] : [])];
  slide.addText(
    side.map((text) => ({ text, options: { breakLine: true, paraSpaceAfter: 6, lang: LANG } })),
    { x: BOX.body.x + 8.7, y: BOX.body.y, w: BOX.body.w - 8.7, h: BOX.body.h, ...textBase(theme, 14), valign: 'top', margin: 0 },
  );
}
