import * as echarts from 'echarts';
import type { ChartBody } from '../../domain/deck/model.js';
import { formatNumber } from '../../domain/format.js';
import type { DeckTheme } from '../theme.js';
import { esc } from './escape.js';

/**
 * An indicator chart as inline SVG, drawn on the server by ECharts (no script in the page, so
 * the file works offline and in an archive). The own area in the accent colour with round
 * markers, the others grey with square ones; a missing value is a gap, never 0. The SVG is an
 * image with the chart's text alternative as its name.
 */
export const CHART_W = 1210;
export const CHART_H = 470;
const FONT = 19;

function seriesColors(body: ChartBody, theme: DeckTheme): string[] {
  let other = 0;
  return body.series.map((s) => (s.highlight ? theme.colors.accent : (theme.colors.others[other++ % theme.colors.others.length] ?? '#767676')));
}

function option(body: ChartBody, theme: DeckTheme): echarts.EChartsCoreOption {
  const text = theme.colors.text;
  const colors = seriesColors(body, theme);
  const values = body.series.flatMap((s) => s.values).filter((v): v is number => v !== null);
  const legend = body.series.length > 1 || body.target !== null;
  const labelled = body.chart === 'bar' && body.categories.length * body.series.length <= 24;
  const font = { fontSize: FONT, color: text, fontFamily: `${theme.fonts.body}, "DejaVu Sans", sans-serif` };
  return {
    animation: false,
    backgroundColor: 'transparent',
    textStyle: font,
    color: colors,
    grid: { left: 20, right: 30, top: 50, bottom: legend ? 60 : 20, containLabel: true },
    legend: { show: legend, bottom: 0, itemGap: 28, textStyle: font },
    xAxis: { type: 'category', data: body.categories, axisLabel: font, axisLine: { lineStyle: { color: theme.colors.rule } }, axisTick: { show: false } },
    yAxis: {
      type: 'value',
      name: body.unitName,
      nameTextStyle: { ...font, align: 'left' },
      min: values.length > 0 && Math.min(...values) >= 0 ? 0 : undefined,
      axisLabel: { ...font, formatter: (v: number) => formatNumber(v, Number.isInteger(v) ? 0 : Math.max(1, body.decimals)) },
      splitLine: { lineStyle: { color: '#D9D9D9' } },
    },
    series: [
      ...body.series.map((s, i) => ({
        type: body.chart,
        name: s.name,
        data: s.values.map((v) => (v === null ? '-' : v)),
        connectNulls: false,
        barMaxWidth: 120,
        itemStyle: { color: colors[i] },
        lineStyle: { width: s.highlight ? 5 : 3, color: colors[i] },
        symbol: s.highlight ? 'circle' : 'rect',
        symbolSize: s.highlight ? 12 : 9,
        label: { show: labelled, position: 'top', ...font, formatter: (p: { dataIndex: number }) => s.displays[p.dataIndex] ?? '' },
        z: s.highlight ? 3 : 2,
      })),
      ...(body.target
        ? [{ type: 'line', name: body.target.label, data: body.target.values.map((v) => (v === null ? '-' : v)), symbol: 'none', lineStyle: { type: 'dashed', width: 3, color: text }, itemStyle: { color: text }, z: 4 }]
        : []),
    ],
  };
}

export function chartSvg(body: ChartBody, theme: DeckTheme, id: string): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: CHART_W, height: CHART_H });
  try {
    chart.setOption(option(body, theme));
    const svg = chart
      .renderToSVGString()
      .replace(/ ecmeta_[a-z_]+="[^"]*"/g, '')
      .replace(/ class="zr\d+-cls-\d+"/g, '')
      // hover rules for the classes just removed; their numbers count charts per process, so
      // they would make the same deck render differently depending on what was rendered before
      .replace(/<style\s*><!\[CDATA\[[^\]]*\]\]>\s*<\/style>/g, '')
      .replace(/ pointer-events="visible"/g, '');
    return svg.replace(/^<svg /, `<svg role="img" aria-labelledby="${id}-alt" focusable="false" preserveAspectRatio="xMidYMid meet" `).replace(/(<svg[^>]*>)/, `$1<title id="${id}-alt">${esc(body.alt)}</title>`);
  } finally {
    chart.dispose();
  }
}
