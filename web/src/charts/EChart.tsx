import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import { init, use, type EChartsCoreOption } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

use([LineChart, BarChart, GridComponent, LegendComponent, TooltipComponent, MarkLineComponent, SVGRenderer]);

/**
 * An ECharts chart drawn as SVG (sharp at 200 % zoom and in print). The chart is an image to
 * assistive technology, named by `label`; the figures themselves are always in a table beside it.
 */
export default function EChart({ option, label, height }: { option: EChartsCoreOption; label: string; height: number }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const chart = init(element, null, { renderer: 'svg' });
    chart.setOption({ aria: { enabled: false }, animation: false, textStyle: { fontFamily: 'inherit' }, ...option });
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      chart.dispose();
    };
  }, [option]);
  return (
    <div className="chart" role="img" aria-label={label}>
      <div ref={ref} style={{ height, width: '100%' }} />
    </div>
  );
}
