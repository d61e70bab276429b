import { Link } from 'react-router';
import { StatusBadge } from '../components/Status.js';
import { useI18n } from '../i18n/I18n.js';
import { paths } from '../lib/paths.js';
import { Sources } from './Sources.js';
import type { ViewOf } from './types.js';
import { Tag } from '../components/Tag.js';

/** A big number with its period, area, change against an earlier period, budget and target. */
export function KeyFigureBlock({ view }: { view: ViewOf<'key_figure'> }) {
  const { t } = useI18n();
  const f = view.figure;
  return (
    <div className="block block-key-figure">
      <h4>{view.label}</h4>
      <p className="key-figure">
        <span className="value">{f ? f.display : t('value.missing')}</span>
        {f ? <span className="period"> {f.periodLabel}</span> : null}
        {f?.preliminary ? <Tag>{t('value.preliminary')}</Tag> : null}
      </p>
      <ul className="plain key-figure-facts">
        <li>
          {view.area.name} · <Link to={paths.indicator(view.indicator.id, { area: view.area.id })}>{view.indicator.name}</Link>
        </li>
        {view.comparison ? (
          <li>
            {t('change.since', { change: view.comparison.display, period: view.comparison.figure.periodLabel })} ({view.comparison.figure.display})
            {view.comparison.change.improvement === null ? '' : ` – ${view.comparison.change.improvement ? t('change.better') : t('change.worse')}`}
          </li>
        ) : null}
        {view.budget ? <li>{t('block.budget', { deviation: view.budget.display, budget: view.budget.figure.display })}</li> : null}
        {view.target ? (
          <li>
            {t('block.target', { target: view.target.text, label: view.target.label })} <StatusBadge status={view.status} />
          </li>
        ) : null}
      </ul>
      <Sources sources={view.sources} />
    </div>
  );
}
