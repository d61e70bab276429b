import { useMemo } from 'react';
import type { BlockView } from '../../../src/domain/blockView.js';
import EChart from './EChart.js';
import { rankingOption } from './options.js';

/** Regions as horizontal bars, best first, own region in the accent colour, the reference as a line. */
export default function RankingChart({ view, label }: { view: Extract<BlockView, { type: 'ranking_table' }>; label: string }) {
  const option = useMemo(() => rankingOption(view), [view]);
  const rows = view.rows.filter((r) => !r.reference).length;
  return <EChart option={option} label={label} height={Math.max(160, rows * 26 + 40)} />;
}
