import type { ChartOptions, Pptx, Slide, TextProps, TextPropsOptions } from './pptxgen.js';
import type { ChartBody, KeyFigureBody } from '../../domain/deck/model.js';
import type { DeckTheme } from '../theme.js';
import { BOX, hex, LANG, textBase, type Box } from './layout.js';

/**
 * A key figure as large type, and an indicator chart as a native, editable PowerPoint chart:
 * the data sits in the chart part (and its embedded workbook), not in a picture.
 */
type Run = TextProps;

export function keyFigureSlide(slide: Slide, body: KeyFigureBody, theme: DeckTheme): void {
  const c = theme.colors;
  const line = (text: string, options: TextPropsOptions): Run => ({ text, options: { lang: LANG, breakLine: true, ...options } });
  const runs: Run[] = [
    line(body.value, { fontSize: 66, bold: true, color: hex(c.accent), paraSpaceAfter: 4, fontFace: theme.fonts.heading }),
    line(body.label, { fontSize: 26, paraSpaceAfter: 8 }),
    line(`${body.area} \u00b7 ${body.period}`, { fontSize: 18, color: hex(c.muted), paraSpaceAfter: 14 }),
  ];
  if (body.change) runs.push(line(body.change, { fontSize: 24, paraSpaceAfter: 8 }));
  if (body.budget) runs.push(line(body.budget, { fontSize: 22, paraSpaceAfter: 8 }));
  if (body.target) runs.push(line(body.target, { fontSize: 18, paraSpaceAfter: 6 }));
  if (body.status) runs.push(line(`${body.status.icon} ${body.status.label}`, { fontSize: 24, bold: true }));
  slide.addText(runs, { ...BOX.body, ...textBase(theme, 24), valign: 'top', margin: 0 });
}

function chartColors(body: ChartBody, theme: DeckTheme): string[] {
  let other = 0;
  return body.series.map((s) => hex(s.highlight ? theme.colors.accent : (theme.colors.others[other++ % theme.colors.others.length] ?? '#767676')));
}

export function chartSlide(pptx: Pptx, slide: Slide, body: ChartBody, theme: DeckTheme, box: Box = BOX.body): void {
  const type = body.chart === 'bar' ? pptx.ChartType.bar : pptx.ChartType.line;
  const data = body.series.map((s) => ({ name: s.name, labels: body.categories, values: s.values as number[] }));
  const allValues = body.series.flatMap((s) => s.values).filter((v): v is number => v !== null);
  const text = hex(theme.colors.text);
  const common: ChartOptions = {
    ...box,
    altText: body.alt,
    lang: LANG,
    fontFace: theme.fonts.body,
    displayBlanksAs: 'gap',
    showLegend: body.series.length > 1 || body.target !== null,
    legendPos: 'b',
    legendFontSize: 14,
    legendColor: text,
    catAxisLabelFontSize: 14,
    catAxisLabelColor: text,
    valAxisLabelFontSize: 14,
    valAxisLabelColor: text,
    valAxisLabelFormatCode: body.numberFormat,
    showValAxisTitle: true,
    valAxisTitle: body.unitName,
    valAxisTitleFontSize: 14,
    valAxisTitleColor: text,
    valGridLine: { color: 'D9D9D9', size: 0.75 },
    catGridLine: { style: 'none' },
    ...(allValues.length > 0 && Math.min(...allValues) >= 0 ? { valAxisMinVal: 0 } : {}),
  };
  const seriesOptions: ChartOptions = {
    chartColors: chartColors(body, theme),
    barDir: 'col',
    barGrouping: 'clustered',
    barGapWidthPct: 60,
    lineSize: 3,
    lineDataSymbol: 'circle',
    lineDataSymbolSize: 9,
    showValue: body.chart === 'bar' && body.categories.length * body.series.length <= 24,
    dataLabelFormatCode: body.numberFormat,
    dataLabelFontSize: 14,
    dataLabelColor: text,
    dataLabelPosition: body.chart === 'bar' ? 'outEnd' : 't',
  };
  if (!body.target) {
    slide.addChart(type, data, { ...common, ...seriesOptions });
    return;
  }
  const target = { name: body.target.label, labels: body.categories, values: body.target.values as number[] };
  const types = [
    { type, data, options: seriesOptions },
    { type: pptx.ChartType.line, data: [target], options: { chartColors: [text], lineDash: 'dash', lineSize: 2, lineDataSymbol: 'none', showValue: false } },
  ];
  // a combined chart takes its shared options in the place of the data (pptxgenjs)
  slide.addChart(types as never, common as never);
}
