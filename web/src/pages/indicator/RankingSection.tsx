import type { BlockView } from '../../../../src/domain/blockView.js';
import { query, useApi } from '../../api.js';
import { RankingChart } from '../../charts/lazy.js';
import { Async } from '../../components/LoadState.js';
import { RankingTable } from '../../components/RankingTable.js';
import { useI18n } from '../../i18n/I18n.js';
import { formValues } from '../../lib/form.js';

type RankingView = Extract<BlockView, { type: 'ranking_table' }>;

/** The regions ranked for a chosen period, own region highlighted, Riket as a reference line. */
export function RankingSection(props: {
  indicatorId: string;
  periods: Array<{ key: string; label: string; regions: number }>;
  period: string | null;
  highlight: string;
  referenceId: string | null;
  onPeriod: (period: string) => void;
}) {
  const { t } = useI18n();
  const chosen = props.periods.find((p) => p.key === props.period) ?? props.periods.at(-1);
  const ranking = useApi<RankingView>(
    chosen
      ? `/api/indicators/${encodeURIComponent(props.indicatorId)}/ranking${query({ period: chosen.key, highlight: props.highlight, ...(props.referenceId ? { references: props.referenceId } : {}) })}`
      : null,
  );
  if (!chosen) return null;
  return (
    <section aria-labelledby="ranking-heading">
      <h2 id="ranking-heading">{t('indicator.ranking')}</h2>
      <form className="filters" onSubmit={(e) => props.onPeriod(formValues(e).period ?? chosen.key)} aria-label={t('indicator.rankingFilters')}>
        <div className="field">
          <label htmlFor="period">{t('picker.period')}</label>
          <select id="period" name="period" defaultValue={chosen.key} key={chosen.key}>
            {props.periods.map((p) => (
              <option key={p.key} value={p.key}>
                {p.label}
              </option>
            ))}
          </select>
        </div>
        <button type="submit">{t('picker.show')}</button>
      </form>
      <Async value={ranking} what={t('what.ranking')}>
        {(view) => {
          const own = view.rows.find((r) => r.highlight);
          const reference = view.rows.find((r) => r.reference);
          const label = t('chart.rankingLabel', {
            title: view.indicator.name,
            period: view.periodLabel,
            own: own ? `${own.area.name}: ${own.rank ?? '–'}, ${own.figure?.display ?? '–'}` : '–',
          });
          return (
            <>
              <p className="ranking-summary">
                {own && own.rank !== null
                  ? t('ranking.summary', { area: own.area.name, rank: String(own.rank), count: String(view.rows.filter((r) => !r.reference).length), value: own.figure?.display ?? '–', period: view.periodLabel })
                  : t('ranking.ownMissing', { period: view.periodLabel })}
                {reference?.figure ? ` ${t('ranking.referenceValue', { area: reference.area.name, value: reference.figure.display })}` : ''}
              </p>
              <RankingChart view={view} label={label} />
              <RankingTable view={view} caption={t('ranking.caption', { title: view.indicator.name, period: view.periodLabel })} />
              <p className="muted">{t('chart.sources', { sources: view.sources.join(', ') || '–' })}</p>
            </>
          );
        }}
      </Async>
    </section>
  );
}
