import { checklistDates } from '../../../src/domain/blockView.js';
import { TableWrap } from '../components/TableWrap.js';
import { useI18n } from '../i18n/I18n.js';
import { dayOrMonth } from '../lib/dates.js';
import type { ViewOf } from './types.js';

export function ChecklistBlock({ view }: { view: ViewOf<'checklist'> }) {
  const { t } = useI18n();
  const hasGroups = view.items.some((i) => i.group !== null);
  const dates = checklistDates(view.items);
  const counts = Object.entries(view.counts).filter(([, n]) => n > 0);
  return (
    <div className="block block-checklist">
      <h4>{view.title}</h4>
      <p>
        {counts
          .map(([status, n]) => `${n} ${view.items.find((i) => i.status === status)?.statusLabel.toLocaleLowerCase('sv-SE') ?? status}`)
          .join(' · ')}
      </p>
      <TableWrap label={view.title}>
        <table>
          <caption className="visually-hidden">{view.title}</caption>
          <thead>
            <tr>
              {hasGroups ? <th scope="col">{t('checklist.group')}</th> : null}
              <th scope="col">{t('checklist.item')}</th>
              <th scope="col">{t('checklist.party')}</th>
              <th scope="col">{t('checklist.status')}</th>
              {dates.heading !== null ? <th scope="col">{dates.heading}</th> : null}
            </tr>
          </thead>
          <tbody>
            {view.items.map((item, i) => (
              <tr key={i}>
                {hasGroups ? <td>{item.group ?? ''}</td> : null}
                <th scope="row">{item.label}</th>
                <td>{item.party}</td>
                <td className={`checklist-${item.status}`}>{item.statusLabel}</td>
                {dates.heading !== null ? <td>{item.due ? `${dates.prefixes[i] ?? ''}${dayOrMonth(item.due)}` : ''}</td> : null}
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
    </div>
  );
}
