import { SeriesChart } from '../charts/lazy.js';
import { SeriesTable } from '../components/SeriesTable.js';
import { useI18n } from '../i18n/I18n.js';
import { Sources } from './Sources.js';
import type { ViewOf } from './types.js';

export function ChartBlock({ view }: { view: ViewOf<'indicator_chart'> }) {
  const { t } = useI18n();
  const label = t('chart.seriesLabel', {
    title: view.title,
    areas: view.series.map((s) => s.area.name).join(', '),
    from: view.periods[0]?.label ?? '',
    to: view.periods.at(-1)?.label ?? '',
  });
  return (
    <figure className="block block-chart">
      <figcaption>
        <h4>{view.title}</h4>
      </figcaption>
      {view.periods.length === 0 ? (
        <p className="muted">{t('indicator.noSeries')}</p>
      ) : (
        <>
          <SeriesChart view={view} label={label} />
          <details>
            <summary>{t('chart.showTable')}</summary>
            <SeriesTable view={view} caption={view.title} />
          </details>
        </>
      )}
      <Sources sources={view.sources} preliminary={view.preliminary} />
    </figure>
  );
}
