import { Link } from 'react-router';
import type { DatasetSummary } from '../../../../src/domain/datasetAuthoring.js';
import { useApi } from '../../api.js';
import { Async, Empty } from '../../components/LoadState.js';
import { PageHeading } from '../../components/Page.js';
import { TableWrap } from '../../components/TableWrap.js';
import { useI18n } from '../../i18n/I18n.js';
import { paths } from '../../lib/paths.js';
import { useSession } from '../../session/Session.js';
import { NotAllowed } from './form/NotAllowed.js';

/** /tabeller (permission `edit_indicators`): every dataset, to open in the editor or start a new one. */
export function DatasetListPage() {
  const { t, tn } = useI18n();
  const { can } = useSession();
  const allowed = can('edit_indicators');
  const list = useApi<{ datasets: DatasetSummary[] }>(allowed ? '/api/datasets' : null);
  if (!allowed) {
    return (
      <>
        <PageHeading title={t('datasets.list.title')} />
        <NotAllowed text={t('datasets.notAllowed')} />
      </>
    );
  }
  return (
    <div className="data-page">
      <PageHeading title={t('datasets.list.title')} />
      <p className="lead">{t('datasets.list.lead')}</p>
      <p>
        <Link className="button" to={paths.newDataset()}>
          {t('datasets.list.new')}
        </Link>
      </p>
      <Async value={list} what={t('datasets.what.list')}>
        {({ datasets }) =>
          datasets.length === 0 ? (
            <Empty>
              <p>{t('datasets.list.empty')}</p>
            </Empty>
          ) : (
            <>
              <p className="hint">{tn('datasets.list.count', datasets.length)}</p>
              <TableWrap label={t('datasets.list.caption')}>
                <table className="dataset-list">
                  <caption>{t('datasets.list.caption')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('datasets.list.name')}</th>
                      <th scope="col">{t('datasets.list.source')}</th>
                      <th scope="col">{t('datasets.list.columns')}</th>
                      <th scope="col" className="num">
                        {t('datasets.list.rows')}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {datasets.map((d) => (
                      <tr key={d.id}>
                        <th scope="row">
                          <Link to={paths.editDataset(d.id)}>{d.title}</Link>
                        </th>
                        <td>{d.source}</td>
                        <td>{d.columns.map((c) => c.label).join(' · ')}</td>
                        <td className="num">{d.rowCount}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableWrap>
            </>
          )
        }
      </Async>
    </div>
  );
}
