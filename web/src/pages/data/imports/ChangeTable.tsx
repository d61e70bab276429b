import { formatNumber } from '../../../../../src/domain/format.js';
import { TableWrap } from '../../../components/TableWrap.js';
import { useI18n } from '../../../i18n/I18n.js';
import { placeText } from './MappingStep.js';
import type { ChangeView } from './types.js';

/** Values a file (or Kolada) would add or change: indicator, area, period, old → new, where in the file. */
export function ChangeTable({ rows, total, caption, withOld }: { rows: ChangeView[]; total: number; caption: string; withOld: boolean }) {
  const { t } = useI18n();
  if (rows.length === 0) return null;
  const full = rows.length >= total ? caption : `${caption} ${t('data.import.sample', { shown: formatNumber(rows.length), total: formatNumber(total) })}`;
  return (
    <TableWrap label={full}>
      <table className="import-changes">
        <caption>{full}</caption>
        <thead>
          <tr>
            <th scope="col">{t('table.indicator')}</th>
            <th scope="col">{t('table.area')}</th>
            <th scope="col">{t('table.period')}</th>
            {withOld ? (
              <th scope="col" className="num">
                {t('data.import.old')}
              </th>
            ) : null}
            <th scope="col" className="num">
              {withOld ? t('data.import.new') : t('table.value')}
            </th>
            <th scope="col">{t('data.import.where')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r, n) => (
            <tr key={n}>
              <th scope="row">
                {r.indicatorName}
                {r.breakdown ? <span className="muted"> ({r.breakdown})</span> : null}
                {r.scenario && r.scenario !== 'utfall' ? <span className="muted"> ({r.scenario})</span> : null}
              </th>
              <td>{r.areaName}</td>
              <td>{r.periodLabel}</td>
              {withOld ? <td className="num">{r.old?.text ?? '–'}</td> : null}
              <td className="num">
                {withOld ? <span className="visually-hidden">{t('data.import.arrow')} </span> : null}
                {r.new.text}
              </td>
              <td>{r.row === null ? '–' : placeText(t, r)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}
