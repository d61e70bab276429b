import { useId, useState } from 'react';
import { Link } from 'react-router';
import { matchKey } from '../../../../src/domain/text.js';
import { unitName, type Unit } from '../../../../src/domain/units.js';
import { Async } from '../../components/LoadState.js';
import { PageHeading } from '../../components/Page.js';
import { TableWrap } from '../../components/TableWrap.js';
import { useI18n } from '../../i18n/I18n.js';
import { paths } from '../../lib/paths.js';
import { useSession } from '../../session/Session.js';
import { NotAllowed } from './form/NotAllowed.js';
import { useCatalog } from './imports/useCatalog.js';

/** /indikatorer (permission `edit_indicators`): every indicator, to open, edit or start a new one. */
export function IndicatorListPage() {
  const { t, tn } = useI18n();
  const { can } = useSession();
  const catalog = useCatalog();
  const [filter, setFilter] = useState('');
  const filterId = useId();
  if (!can('edit_indicators')) {
    return (
      <>
        <PageHeading title={t('data.indicators.title')} />
        <NotAllowed text={t('data.indicator.notAllowed')} />
      </>
    );
  }
  return (
    <div className="data-page">
      <PageHeading title={t('data.indicators.title')} />
      <p className="lead">{t('data.indicators.lead')}</p>
      <p>
        <Link className="button" to={paths.newIndicator()}>
          {t('data.indicators.new')}
        </Link>
      </p>
      <Async value={catalog} what={t('what.indicators')}>
        {({ indicators }) => {
          const key = matchKey(filter);
          const shown = key === '' ? indicators : indicators.filter((i) => matchKey(`${i.name} ${i.shortName ?? ''} ${i.id} ${i.source} ${i.koladaKpi ?? ''}`).includes(key));
          return (
            <>
              <div className="field filter-field">
                <label htmlFor={filterId}>{t('data.indicators.filter')}</label>
                <input id={filterId} type="search" value={filter} onChange={(e) => setFilter(e.target.value)} aria-describedby={`${filterId}-count`} />
                <p id={`${filterId}-count`} className="hint" role="status">
                  {tn('data.indicators.count', shown.length)}
                </p>
              </div>
              <TableWrap label={t('data.indicators.caption')}>
                <table className="indicator-list">
                  <caption>{t('data.indicators.caption')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('table.indicator')}</th>
                      <th scope="col">{t('indicator.unit')}</th>
                      <th scope="col">{t('indicator.periodType')}</th>
                      <th scope="col">{t('indicator.source')}</th>
                      <th scope="col">{t('data.table.action')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {shown.map((i) => (
                      <tr key={i.id}>
                        <th scope="row">
                          <Link to={paths.indicator(i.id)}>{i.name}</Link>
                        </th>
                        <td>{unitName(i.unit as Unit)}</td>
                        <td>{t(`periodType.${i.periodType as 'year'}`)}</td>
                        <td>
                          {i.source}
                          {i.koladaKpi ? ` (Kolada ${i.koladaKpi})` : ''}
                        </td>
                        <td>
                          <Link to={paths.editIndicator(i.id)} aria-label={`${t('data.indicators.edit')}: ${i.name}`}>
                            {t('data.indicators.edit')}
                          </Link>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableWrap>
            </>
          );
        }}
      </Async>
    </div>
  );
}
