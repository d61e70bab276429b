import { TableWrap } from '../components/TableWrap.js';
import { useI18n } from '../i18n/I18n.js';
import { Sources } from './Sources.js';
import type { ViewOf } from './types.js';

export function DataTableBlock({ view }: { view: ViewOf<'data_table'> }) {
  const { t } = useI18n();
  return (
    <div className="block block-data-table">
      <h4>{view.title}</h4>
      {view.summary ? <p>{view.summary}</p> : null}
      <TableWrap label={view.title}>
        <table>
          <caption className="visually-hidden">{view.title}</caption>
          <thead>
            <tr>
              {view.columns.map((c) => (
                <th key={c.key} scope="col" className={c.type === 'number' ? 'num' : undefined}>
                  {c.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {view.rows.map((row, i) => (
              <tr key={i}>
                {row.map((cell, j) => (
                  <td key={j} className={view.columns[j]?.type === 'number' ? 'num' : undefined}>
                    {cell.display}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
          {view.totals ? (
            <tfoot>
              <tr>
                {view.totals.map((cell, j) =>
                  j === 0 && cell.display === '' ? (
                    <th key={j} scope="row">
                      {t('table.total')}
                    </th>
                  ) : (
                    <td key={j} className={view.columns[j]?.type === 'number' ? 'num' : undefined}>
                      {cell.display}
                    </td>
                  ),
                )}
              </tr>
            </tfoot>
          ) : null}
        </table>
      </TableWrap>
      <Sources sources={view.source ? [view.source] : []} />
    </div>
  );
}
