import type { BlockView } from '../../../src/domain/blockView.js';
import { formatValue } from '../../../src/domain/format.js';
import { useI18n } from '../i18n/I18n.js';
import { TableWrap } from './TableWrap.js';
import { Tag } from './Tag.js';

/** A chart's figures as a table: one row per period, one column per area, and the target. */
export function SeriesTable({ view, caption }: { view: Extract<BlockView, { type: 'indicator_chart' }>; caption: string }) {
  const { t } = useI18n();
  return (
    <TableWrap label={caption}>
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('table.period')}</th>
            {view.series.map((s) => (
              <th key={s.area.id} scope="col" className="num">
                {s.area.name}
              </th>
            ))}
            {view.target ? (
              <th scope="col" className="num">
                {t('table.target')}
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {view.periods.map((p, i) => (
            <tr key={p.key}>
              <th scope="row">{p.label}</th>
              {view.series.map((s) => {
                const f = s.points[i] ?? null;
                return (
                  <td key={s.area.id} className="num">
                    {f ? f.display : '–'}
                    {f?.preliminary ? <Tag>{t('value.preliminary')}</Tag> : null}
                  </td>
                );
              })}
              {view.target ? <td className="num">{formatValue(view.target.values[i] ?? null, view.indicator.unit, view.indicator.decimals)}</td> : null}
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}
