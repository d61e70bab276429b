import { Link } from 'react-router';
import { useI18n } from '../../../i18n/I18n.js';
import type { RiskCategory, RiskRow } from '../types.js';

/**
 * A register's risks in order: number, category, the risk, probability, consequence, the score
 * and its band as the server computed them (a reported score says so), control or action, owner;
 * and per risk: change, move up or down, remove, and (for those who may read it) its history in
 * the change log.
 */
export interface RiskActions {
  edit: (risk: RiskRow) => void;
  move: (risk: RiskRow, to: number) => void;
  remove: (risk: RiskRow) => void;
  /** Null when the user may not read the change log. */
  historyOf: ((risk: RiskRow) => string) | null;
}

export function riskButtonId(risk: RiskRow, action: 'edit' | 'up' | 'down' | 'remove'): string {
  return `risk-${risk.id.replace(/[^a-zA-Z0-9_-]/g, '_')}-${action}`;
}

function Missing() {
  const { t } = useI18n();
  return (
    <>
      <span aria-hidden="true">–</span>
      <span className="visually-hidden">{t('catalog.risk.unknown')}</span>
    </>
  );
}

export function RiskTable({ caption, risks, categories, actions }: { caption: string; risks: readonly RiskRow[]; categories: readonly RiskCategory[]; actions: RiskActions }) {
  const { t } = useI18n();
  const category = (code: string) => categories.find((c) => c.code === code)?.label ?? null;
  const last = risks.length;
  return (
    <table className="risk-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col" className="num">
            {t('catalog.risk.number')}
          </th>
          <th scope="col">{t('catalog.risk.category')}</th>
          <th scope="col">{t('catalog.risk.title')}</th>
          <th scope="col" className="num">
            {t('catalog.risk.probability')}
          </th>
          <th scope="col" className="num">
            {t('catalog.risk.consequence')}
          </th>
          <th scope="col" className="num">
            {t('catalog.risk.score')}
          </th>
          <th scope="col">{t('catalog.risk.band')}</th>
          <th scope="col">{t('catalog.risk.control')}</th>
          <th scope="col">{t('catalog.risk.owner')}</th>
          <th scope="col">{t('data.table.action')}</th>
        </tr>
      </thead>
      <tbody>
        {risks.map((risk) => {
          const label = category(risk.categoryCode);
          const name = `${t('catalog.risk.numbered', { n: String(risk.position) })}, ${risk.title}`;
          return (
            <tr key={risk.id}>
              <td className="num">{risk.position}</td>
              <td>
                {risk.categoryCode}
                {label ? <span className="risk-category"> {label}</span> : null}
              </td>
              <th scope="row">{risk.title}</th>
              <td className="num">{risk.probability ?? <Missing />}</td>
              <td className="num">{risk.consequence ?? <Missing />}</td>
              <td className="num">
                {risk.score ?? <Missing />}
                {risk.score !== null && !risk.computed ? <span className="muted"> {t('catalog.risk.reported')}</span> : null}
              </td>
              <td>{risk.band ? <span className={`risk-band risk-band-${risk.band.id}`}>{risk.band.label}</span> : <Missing />}</td>
              <td className="risk-control">{risk.control ?? <Missing />}</td>
              <td>{risk.owner ?? <Missing />}</td>
              <td>
                <div className="row-actions">
                  <button type="button" id={riskButtonId(risk, 'edit')} className="button-secondary button-small" aria-label={`${t('catalog.risk.edit')}: ${name}`} onClick={() => actions.edit(risk)}>
                    {t('catalog.risk.edit')}
                  </button>
                  {risk.position > 1 ? (
                    <button type="button" id={riskButtonId(risk, 'up')} className="button-secondary button-small" aria-label={`${t('catalog.risk.up')}: ${name}`} onClick={() => actions.move(risk, risk.position - 1)}>
                      {t('catalog.risk.up')}
                    </button>
                  ) : null}
                  {risk.position < last ? (
                    <button type="button" id={riskButtonId(risk, 'down')} className="button-secondary button-small" aria-label={`${t('catalog.risk.down')}: ${name}`} onClick={() => actions.move(risk, risk.position + 1)}>
                      {t('catalog.risk.down')}
                    </button>
                  ) : null}
                  <button type="button" id={riskButtonId(risk, 'remove')} className="button-secondary button-small" aria-label={`${t('catalog.risk.remove')}: ${name}`} onClick={() => actions.remove(risk)}>
                    {t('catalog.risk.remove')}
                  </button>
                  {actions.historyOf ? (
                    <Link to={actions.historyOf(risk)} aria-label={`${t('catalog.risk.history')}: ${name}`}>
                      {t('catalog.risk.history')}
                    </Link>
                  ) : null}
                </div>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
