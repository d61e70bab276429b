import type { EChartsCoreOption } from 'echarts/core';
import type { BlockView, FigureView } from '../../../src/domain/blockView.js';
import { formatNumber } from '../../../src/domain/format.js';
import { unitName } from '../../../src/domain/units.js';

/**
 * Chart options from block views. The own area is drawn in the accent colour and thicker,
 * others in grey; the target is a dashed line; preliminary values are hollow points; a missing
 * value is a gap, never 0.
 */
export const ACCENT = '#0b5cad';
const GREY = '#6b7280';
const INK = '#1f2328';
const OTHER = ['#6b7280', '#8a5a00', '#5b3f8c', '#2f6b3b'];

type ChartView = Extract<BlockView, { type: 'indicator_chart' }>;
type RankingView = Extract<BlockView, { type: 'ranking_table' }>;

function displayOf(points: ReadonlyArray<FigureView | null>): Map<number, string> {
  return new Map(points.flatMap((p, i) => (p ? [[i, p.display] as const] : [])));
}

export function seriesOption(view: ChartView): EChartsCoreOption {
  const decimals = view.indicator.decimals;
  const series: object[] = view.series.map((s, index) => {
    const color = s.highlight ? ACCENT : (OTHER[index % OTHER.length] ?? GREY);
    const displays = displayOf(s.points);
    return {
      type: view.chart,
      name: s.area.shortName ?? s.area.name,
      color,
      connectNulls: false,
      symbolSize: s.highlight ? 8 : 6,
      lineStyle: { width: s.highlight ? 3 : 1.5 },
      barMaxWidth: 48,
      data: s.points.map((p) =>
        p === null || p.value === null
          ? null
          : { value: p.value, symbol: p.preliminary ? 'emptyCircle' : 'circle', itemStyle: p.preliminary ? { borderType: 'dashed', borderWidth: 2 } : {} },
      ),
      tooltip: { valueFormatter: (_v: unknown, i: number) => displays.get(i) ?? '–' },
    };
  });
  if (view.target) {
    series.push({
      type: 'line',
      name: view.target.label,
      color: INK,
      symbol: 'none',
      lineStyle: { type: 'dashed', width: 2 },
      data: view.target.values,
      tooltip: { valueFormatter: (v: unknown) => (typeof v === 'number' ? formatNumber(v, decimals) : '–') },
    });
  }
  return {
    grid: { left: 8, right: 24, top: 64, bottom: 8, containLabel: true },
    legend: { top: 0, left: 0, type: 'scroll' },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: view.periods.map((p) => p.label), axisLabel: { color: INK } },
    yAxis: { type: 'value', name: unitName(view.indicator.unit), nameTextStyle: { color: INK, align: 'left' }, axisLabel: { color: INK, formatter: (v: number) => formatNumber(v, decimals) } },
    series,
  };
}

export function rankingOption(view: RankingView): EChartsCoreOption {
  const ranked = view.rows.filter((r) => !r.reference && r.figure?.value != null);
  const reference = view.rows.find((r) => r.reference && r.figure?.value != null) ?? null;
  const decimals = view.indicator.decimals;
  // the table beside the chart has the full names; bars are labelled without "Region "
  const names = ranked.map((r) => (r.area.shortName ?? r.area.name).replace(/^Region /, '')).reverse();
  const labelWidth = Math.max(40, ...names.map((n) => n.length * 6.6)) + 12;
  const values = ranked
    .map((r) => ({ value: r.figure?.value ?? null, itemStyle: { color: r.highlight ? ACCENT : '#8c959f' }, display: r.figure?.display ?? '–' }))
    .reverse();
  return {
    grid: { left: labelWidth, right: 48, top: reference ? 28 : 8, bottom: 24, outerBoundsMode: 'none' },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v: unknown) => (typeof v === 'number' ? formatNumber(v, decimals) : '–') },
    xAxis: { type: 'value', axisLabel: { color: INK, formatter: (v: number) => formatNumber(v, decimals) } },
    yAxis: { type: 'category', data: names, axisLabel: { color: INK } },
    series: [
      {
        type: 'bar',
        data: values,
        barMaxWidth: 18,
        label: { show: true, position: 'right', color: INK, formatter: (p: { dataIndex: number }) => values[p.dataIndex]?.display ?? '' },
        markLine: reference
          ? {
              symbol: 'none',
              lineStyle: { color: INK, type: 'dashed', width: 2 },
              label: { formatter: `${reference.area.name} ${reference.figure?.display ?? ''}`, color: INK, position: 'end' },
              data: [{ xAxis: reference.figure?.value ?? 0 }],
            }
          : undefined,
      },
    ],
  };
}
