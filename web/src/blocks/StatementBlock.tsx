import { TableWrap } from '../components/TableWrap.js';
import { useI18n } from '../i18n/I18n.js';
import { Sources } from './Sources.js';
import type { ViewOf } from './types.js';

/**
 * An income statement: computed subtotal rows in bold, one column per outcome/budget/forecast,
 * and the derived columns (avvikelse, förändring %) as the view computed them.
 */
export function StatementBlock({ view }: { view: ViewOf<'statement_table'> }) {
  const { t } = useI18n();
  return (
    <div className="block block-statement">
      <h4>{view.title}</h4>
      <TableWrap label={view.title}>
        <table>
          <caption>
            {view.area.name}
            {view.unit ? ` (${view.unit})` : ''}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('table.row')}</th>
              {view.columns.map((c) => (
                <th key={c.key} scope="col" className="num">
                  {c.label}
                  {/* a value column's period; a derived column's basis ("Prognos − Budget") */}
                  <span className="period"> {c.basis ?? c.periodLabel}</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {view.rows.map((r) => (
              <tr key={r.key} className={r.kind === 'formula' ? 'subtotal' : undefined}>
                <th scope="row">{r.label}</th>
                {r.cells.map((c, i) => (
                  <td key={i} className="num">
                    {c.display}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
      {view.issues.length > 0 ? (
        <ul className="issues">
          {view.issues.map((issue, i) => (
            <li key={i}>{issue.message}</li>
          ))}
        </ul>
      ) : null}
      <Sources sources={view.sources} preliminary={view.preliminary} />
    </div>
  );
}
