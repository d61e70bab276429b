import { lazy, Suspense, type ComponentProps } from 'react';
import { Loading } from '../components/LoadState.js';
import { useI18n } from '../i18n/I18n.js';

/** Charts load ECharts on first use, so pages without charts never download it. */
const SeriesChartLazy = lazy(() => import('./SeriesChart.js'));
const RankingChartLazy = lazy(() => import('./RankingChart.js'));

export function SeriesChart(props: ComponentProps<typeof SeriesChartLazy>) {
  const { t } = useI18n();
  return (
    <Suspense fallback={<Loading what={t('what.chart')} />}>
      <SeriesChartLazy {...props} />
    </Suspense>
  );
}

export function RankingChart(props: ComponentProps<typeof RankingChartLazy>) {
  const { t } = useI18n();
  return (
    <Suspense fallback={<Loading what={t('what.chart')} />}>
      <RankingChartLazy {...props} />
    </Suspense>
  );
}
