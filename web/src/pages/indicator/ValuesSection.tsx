import { formatDate } from '../../../../src/domain/format.js';
import { originLabel, type ValueTable } from '../../../../src/domain/valueTable.js';
import { query, useApi } from '../../api.js';
import { Async, Empty } from '../../components/LoadState.js';
import { TableWrap } from '../../components/TableWrap.js';
import { useI18n } from '../../i18n/I18n.js';
import { Tag } from '../../components/Tag.js';

/** Every value shown, newest first, with its source and provenance; CSV and XLSX downloads. */
export function ValuesSection({ indicatorId, areaIds, breakdown }: { indicatorId: string; areaIds: string[]; breakdown: string }) {
  const { t } = useI18n();
  const q = query({ areas: areaIds.join(','), breakdown });
  const base = `/api/indicators/${encodeURIComponent(indicatorId)}/values`;
  const table = useApi<ValueTable>(`${base}${q}`);
  return (
    <section aria-labelledby="values-heading">
      <h2 id="values-heading">{t('indicator.values')}</h2>
      <p className="downloads">
        <a className="button" href={`${base}.csv${q}`} download>
          {t('indicator.downloadCsv')}
        </a>{' '}
        <a className="button" href={`${base}.xlsx${q}`} download>
          {t('indicator.downloadXlsx')}
        </a>
      </p>
      <Async value={table} what={t('what.values')}>
        {(view) =>
          view.rows.length === 0 ? (
            <Empty>
              <p>{t('indicator.noValues')}</p>
            </Empty>
          ) : (
            <TableWrap label={t('indicator.valuesCaption', { name: view.indicator.name })}>
              <table className="values">
                <caption>{t('indicator.valuesCaption', { name: view.indicator.name })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('table.period')}</th>
                    <th scope="col">{t('table.area')}</th>
                    <th scope="col" className="num">
                      {t('table.value')}
                    </th>
                    <th scope="col">{t('table.origin')}</th>
                    <th scope="col">{t('table.source')}</th>
                    <th scope="col">{t('table.provenance')}</th>
                  </tr>
                </thead>
                <tbody>
                  {view.rows.map((row) => (
                    <tr key={`${row.area.id}-${row.figure.period}`}>
                      <th scope="row">{row.figure.periodLabel}</th>
                      <td>{row.area.name}</td>
                      <td className="num">
                        {row.figure.display}
                        {row.figure.preliminary ? <Tag>{t('value.preliminary')}</Tag> : null}
                      </td>
                      <td>{originLabel(row.figure)}</td>
                      <td>{row.figure.sources.join(', ')}</td>
                      <td>
                        <Provenance row={row} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableWrap>
          )
        }
      </Async>
    </section>
  );
}

function Provenance({ row }: { row: ValueTable['rows'][number] }) {
  const { t } = useI18n();
  const first = row.provenance[0];
  if (!first) return <span className="muted">–</span>;
  const batches = [...new Map(row.provenance.flatMap((p) => (p.batch ? [[p.batch.id, p.batch] as const] : []))).values()];
  const refs = [...new Set(row.provenance.map((p) => p.sourceRef).filter((r): r is string => r !== null))];
  return (
    <div className="provenance">
      {row.provenance.length > 1 ? <p>{t('provenance.rows', { count: String(row.provenance.length) })}</p> : null}
      {refs.map((r) => (
        <p key={r}>{t('provenance.ref', { ref: r })}</p>
      ))}
      {first.sourceRow !== null && row.provenance.length === 1 ? <p>{t('provenance.row', { row: String(first.sourceRow) })}</p> : null}
      {batches.map((b) => (
        <p key={b.id}>{t('provenance.batch', { id: String(b.id), kind: b.kind, file: b.fileName ?? '–', who: b.createdBy, when: formatDate(b.createdAt) })}</p>
      ))}
      {row.provenance.length === 1 ? <p>{t('provenance.recorded', { who: first.recordedBy, when: formatDate(first.recordedAt) })}</p> : null}
      {row.figure.comment ? <p className="muted">{row.figure.comment}</p> : null}
    </div>
  );
}
