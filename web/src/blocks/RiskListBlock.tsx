import { TableWrap } from '../components/TableWrap.js';
import { useI18n } from '../i18n/I18n.js';
import type { ViewOf } from './types.js';

/** Risks with category, probability × consequence = score, the band ("Hantera risk") and the action. */
export function RiskListBlock({ view }: { view: ViewOf<'risk_list'> }) {
  const { t } = useI18n();
  const owners = view.risks.some((r) => (r.owner ?? null) !== null);
  return (
    <div className="block block-risks">
      <h4>{view.title}</h4>
      <TableWrap label={view.title}>
        <table>
          <caption>{view.register.title}</caption>
          <thead>
            <tr>
              <th scope="col">{t('risk.risk')}</th>
              <th scope="col">{t('risk.category')}</th>
              <th scope="col" className="num">
                {t('risk.score')}
              </th>
              <th scope="col">{t('risk.band')}</th>
              <th scope="col">{t('risk.control')}</th>
              {owners ? <th scope="col">{t('risk.owner')}</th> : null}
            </tr>
          </thead>
          <tbody>
            {view.risks.map((r) => (
              <tr key={r.id}>
                <th scope="row">{r.title}</th>
                <td>
                  {r.categoryCode} {r.categoryLabel}
                </td>
                <td className="num">
                  {r.score ?? '–'}
                  {r.probability !== null && r.consequence !== null ? <span className="muted"> ({t('risk.product', { p: String(r.probability), c: String(r.consequence) })})</span> : null}
                </td>
                <td>{r.band?.label ?? '–'}</td>
                <td>{r.control ?? '–'}</td>
                {owners ? <td>{r.owner ?? '–'}</td> : null}
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
    </div>
  );
}
