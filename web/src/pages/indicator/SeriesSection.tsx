import type { BlockView } from '../../../../src/domain/blockView.js';
import { query, useApi } from '../../api.js';
import { SeriesChart } from '../../charts/lazy.js';
import { Async, Empty } from '../../components/LoadState.js';
import { SeriesTable } from '../../components/SeriesTable.js';
import { useI18n } from '../../i18n/I18n.js';

type ChartView = Extract<BlockView, { type: 'indicator_chart' }>;

/** The series over time for the chosen area (highlighted) and Riket, with the target line. */
export function SeriesSection({ indicatorId, areaIds, breakdown }: { indicatorId: string; areaIds: string[]; breakdown: string }) {
  const { t } = useI18n();
  const series = useApi<ChartView>(`/api/indicators/${encodeURIComponent(indicatorId)}/series${query({ areas: areaIds.join(','), breakdown })}`);
  return (
    <section aria-labelledby="series-heading">
      <h2 id="series-heading">{t('indicator.series')}</h2>
      <Async value={series} what={t('what.series')}>
        {(raw) => {
          const view: ChartView = { ...raw, series: raw.series.filter((s) => s.points.some((p) => p !== null)) };
          if (view.periods.length === 0 || view.series.length === 0) {
            return (
              <Empty>
                <p>{t('indicator.noSeries')}</p>
              </Empty>
            );
          }
          const own = view.series.find((s) => s.highlight) ?? view.series[0];
          const label = t('chart.seriesLabel', {
            title: view.title,
            areas: view.series.map((s) => s.area.name).join(', '),
            from: view.periods[0]?.label ?? '',
            to: view.periods.at(-1)?.label ?? '',
          });
          return (
            <>
              <SeriesChart view={view} label={label} />
              <ul className="chart-notes">
                {own ? <li>{t('chart.ownArea', { area: own.area.name })}</li> : null}
                {view.target ? <li>{t('chart.targetLine', { target: view.target.label })}</li> : null}
                {view.preliminary ? <li>{t('chart.preliminaryNote')}</li> : null}
                <li>{t('chart.sources', { sources: view.sources.join(', ') || '–' })}</li>
              </ul>
              <details>
                <summary>{t('chart.showTable')}</summary>
                <SeriesTable view={view} caption={t('chart.tableCaption', { title: view.title })} />
              </details>
            </>
          );
        }}
      </Async>
    </section>
  );
}
