import type { BlockView } from '../../../src/domain/blockView.js';
import { formatNumber } from '../../../src/domain/format.js';
import { useI18n } from '../i18n/I18n.js';
import { TableWrap } from './TableWrap.js';
import { Tag } from './Tag.js';

/** A ranking as a table: place, area, value (and its parts); the own region is marked in words too. */
export function RankingTable({ view, caption }: { view: Extract<BlockView, { type: 'ranking_table' }>; caption: string }) {
  const { t } = useI18n();
  return (
    <TableWrap label={caption}>
      <table className="ranking">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('ranking.rank')}</th>
            <th scope="col">{t('ranking.area')}</th>
            <th scope="col" className="num">
              {view.indicator.shortName ?? t('ranking.value')}
            </th>
            {view.showParts ? (
              <>
                <th scope="col" className="num">
                  {t('ranking.numerator')}
                </th>
                <th scope="col" className="num">
                  {t('ranking.denominator')}
                </th>
              </>
            ) : null}
            {view.extraIndicators.map((x) => (
              <th key={x.id} scope="col" className="num">
                {x.shortName ?? x.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {view.rows.map((r) => (
            <tr key={r.area.id} className={[r.highlight ? 'highlight' : '', r.reference ? 'reference' : ''].join(' ').trim() || undefined}>
              <td className="num">{r.rank === null ? '' : `${r.rank}${r.tied ? ' ' + t('ranking.tied') : ''}`}</td>
              <th scope="row">
                {r.area.name}
                {r.highlight ? <Tag>{t('ranking.own')}</Tag> : null}
                {r.reference ? <Tag>{t('ranking.reference')}</Tag> : null}
              </th>
              <td className="num">
                {r.figure?.display ?? '–'}
                {r.figure?.preliminary ? <Tag>{t('value.preliminary')}</Tag> : null}
              </td>
              {view.showParts ? (
                <>
                  <td className="num">{r.figure?.numerator != null ? formatNumber(r.figure.numerator) : '–'}</td>
                  <td className="num">{r.figure?.denominator != null ? formatNumber(r.figure.denominator) : '–'}</td>
                </>
              ) : null}
              {r.extra.map((x, i) => (
                <td key={i} className="num">
                  {x?.display ?? '–'}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}
