import { useMemo } from 'react';
import type { BlockView } from '../../../src/domain/blockView.js';
import EChart from './EChart.js';
import { seriesOption } from './options.js';

/** A series over periods (line or bar), with target line and preliminary values marked. */
export default function SeriesChart({ view, label }: { view: Extract<BlockView, { type: 'indicator_chart' }>; label: string }) {
  const option = useMemo(() => seriesOption(view), [view]);
  return <EChart option={option} label={label} height={320} />;
}
