import { RankingTable } from '../components/RankingTable.js';
import { useI18n } from '../i18n/I18n.js';
import { Sources } from './Sources.js';
import type { ViewOf } from './types.js';

export function RankingBlock({ view }: { view: ViewOf<'ranking_table'> }) {
  const { t } = useI18n();
  return (
    <div className="block block-ranking">
      <h4>{view.title}</h4>
      <RankingTable view={view} caption={t('ranking.caption', { title: view.indicator.name, period: view.periodLabel })} />
      <Sources sources={view.sources} preliminary={view.preliminary} />
    </div>
  );
}
