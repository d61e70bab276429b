import { endDay, positionIn, startDay, timelineDateLabel } from '../../../src/domain/timeline.js';
import { formatDate } from '../../../src/domain/format.js';
import { TableWrap } from '../components/TableWrap.js';
import { useI18n } from '../i18n/I18n.js';
import type { ViewOf } from './types.js';

/** Phases as bars over the span (decorative) beside a table of the same dates; milestones; today. */
export function TimelineBlock({ view }: { view: ViewOf<'timeline'> }) {
  const { t } = useI18n();
  const span = view.span;
  const bar = (start: string, end: string) => {
    if (!span) return null;
    const from = positionIn(startDay(start), span) ?? 0;
    const to = positionIn(endDay(end), span) ?? 1;
    return { left: `${(from * 100).toFixed(2)}%`, width: `${Math.max(1, (to - from) * 100).toFixed(2)}%` };
  };
  return (
    <div className="block block-timeline">
      <h4>{view.title}</h4>
      {view.today ? <p>{t('timeline.today', { date: formatDate(view.today.date) })}</p> : null}
      <TableWrap label={view.title}>
        <table>
          <caption>{t('timeline.caption', { title: view.title })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('timeline.phase')}</th>
              <th scope="col">{t('timeline.from')}</th>
              <th scope="col">{t('timeline.to')}</th>
              <th scope="col" className="timeline-bar-col">
                <span className="visually-hidden">{t('timeline.bar')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {view.phases.map((p) => {
              const style = bar(p.start, p.end);
              return (
                <tr key={p.id}>
                  <th scope="row" className={p.parentId ? 'indent' : undefined}>
                    {p.label}
                  </th>
                  <td>{timelineDateLabel(p.start)}</td>
                  <td>{timelineDateLabel(p.end)}</td>
                  <td className="timeline-bar-col" aria-hidden="true">
                    <div className="timeline-track">
                      {style ? <div className="timeline-bar" style={style} /> : null}
                      {view.today ? <div className="timeline-today" style={{ left: `${(view.today.position * 100).toFixed(2)}%` }} /> : null}
                    </div>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableWrap>
      {view.milestones.length > 0 ? (
        <>
          <h5>{t('timeline.milestones')}</h5>
          <ul>
            {view.milestones.map((m) => (
              <li key={m.id}>
                {timelineDateLabel(m.date)}: {m.label}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {view.issues.length > 0 ? (
        <ul className="issues">
          {view.issues.map((i) => (
            <li key={i.id}>{i.message}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
