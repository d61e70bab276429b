import { Link, useParams, useSearchParams } from 'react-router';
import type { Area } from '../../../src/domain/area.js';
import type { GoalDetail, MeetingCoverage } from '../../../src/domain/goalView.js';
import { presenterLabel } from '../../../src/domain/person.js';
import type { ScorecardView } from '../../../src/domain/scorecard.js';
import { useApi } from '../api.js';
import { AreaSelect } from '../components/AreaSelect.js';
import { ChangeText } from '../components/ChangeText.js';
import { Async, Empty } from '../components/LoadState.js';
import { PageHeading } from '../components/Page.js';
import { Sparkline } from '../components/Sparkline.js';
import { StatusBadge, StatusCounts } from '../components/Status.js';
import { TableWrap } from '../components/TableWrap.js';
import { useI18n } from '../i18n/I18n.js';
import { ownOrganisation } from '../lib/areas.js';
import { formValues } from '../lib/form.js';
import { paths } from '../lib/paths.js';
import { Tag } from '../components/Tag.js';

/** Mål: one goal's indicators in detail, the items that took it up, and coverage per meeting. */
export function GoalPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const goal = useApi<GoalDetail>(`/api/goals/${encodeURIComponent(id)}`);
  return (
    <>
      <PageHeading title={goal.state === 'ok' ? goal.data.goal.name : t('page.goal')} />
      <Async value={goal} what={t('what.goal')}>
        {(detail) => <Goal detail={detail} />}
      </Async>
    </>
  );
}

function Goal({ detail }: { detail: GoalDetail }) {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const areas = useApi<Area[]>('/api/areas');
  const groups = areas.state === 'ok' ? ownOrganisation(areas.data) : null;
  const area = params.get('omrade') ?? groups?.ownRegionId ?? null;
  const scorecard = useApi<ScorecardView>(area ? `/api/scorecard?planPeriod=${encodeURIComponent(detail.goal.planPeriodId)}&area=${encodeURIComponent(area)}` : null);
  const coverage = useApi<MeetingCoverage[]>('/api/coverage');
  const otherNames = detail.names.filter((n) => n.name !== detail.goal.name);

  return (
    <>
      <div className="page-lead">
        <p className="lead">
          {t('goal.lead', { plan: detail.planPeriod.label })}
          {detail.goalLine.aliases.length > 0 ? ` ${t('goal.aliases', { names: detail.goalLine.aliases.join(', ') })}` : ''}
        </p>
        {otherNames.length > 0 ? (
          <p>{t('goal.otherNames', { names: otherNames.map((n) => `”${n.name}” (${n.planPeriodId.replace('-', '–')})`).join(', ') })}</p>
        ) : null}
      </div>

      <section aria-labelledby="goal-indicators">
        <h2 id="goal-indicators">{t('goal.indicators')}</h2>
        {groups && area ? (
          <form className="filters" onSubmit={(e) => setParams(formValues(e))} aria-label={t('goal.filters')}>
            <AreaSelect id="omrade" groups={groups} value={area} />
            <button type="submit">{t('picker.show')}</button>
          </form>
        ) : null}
        <Async value={scorecard} what={t('what.indicators')}>
          {(view) => {
            const entries = view.goals.find((g) => g.goal.id === detail.goal.id);
            if (!entries || entries.indicators.length === 0) {
              return (
                <Empty>
                  <p>{t('goal.noIndicators')}</p>
                </Empty>
              );
            }
            return (
              <>
                <StatusCounts counts={entries.counts} label={t('overview.countsGoal', { goal: detail.goal.name })} />
                <TableWrap label={t('goal.indicatorsTable', { area: view.area.name })}>
                  <table>
                    <caption>{t('goal.indicatorsTable', { area: view.area.name })}</caption>
                    <thead>
                      <tr>
                        <th scope="col">{t('table.indicator')}</th>
                        <th scope="col">{t('table.latest')}</th>
                        <th scope="col">{t('table.target')}</th>
                        <th scope="col">{t('table.status')}</th>
                        <th scope="col">{t('table.change')}</th>
                        <th scope="col">{t('table.trend')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {/* indicators with a value first, in the scorecard's order */}
                      {[...entries.indicators].sort((a, b) => Number(a.latest === null) - Number(b.latest === null)).map((e) => (
                        <tr key={e.indicator.id}>
                          <th scope="row">
                            <Link to={paths.indicator(e.indicator.id, { area: view.area.id })}>{e.indicator.name}</Link>
                          </th>
                          <td>
                            {e.latest ? (
                              <>
                                <span className="num">{e.latest.display}</span> <span className="period">{e.latest.periodLabel}</span>
                                {e.latest.preliminary ? <Tag>{t('value.preliminary')}</Tag> : null}
                              </>
                            ) : (
                              <span className="muted">{t('value.missing')}</span>
                            )}
                          </td>
                          <td>{e.target ? `${e.target.text} (${e.target.source})` : <span className="muted">{t('card.noTarget')}</span>}</td>
                          <td>
                            <StatusBadge status={e.status} />
                          </td>
                          <td>
                            <ChangeText entry={e} />
                          </td>
                          <td>
                            <Sparkline points={e.sparkline} unit={e.indicator.unit} decimals={e.indicator.decimals} />
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </TableWrap>
              </>
            );
          }}
        </Async>
      </section>

      <section aria-labelledby="goal-items">
        <h2 id="goal-items">{t('goal.items')}</h2>
        {detail.items.length === 0 ? (
          <Empty>
            <p>{t('goal.noItems')}</p>
          </Empty>
        ) : (
          <ul className="item-list">
            {detail.items.map((i) => (
              <li key={i.item.id}>
                <Link to={paths.meeting(i.meeting.id, i.item.id)}>{i.item.title}</Link>
                <span className="muted">
                  {' '}
                  · {i.meeting.heading}
                  {i.goal.name !== detail.goal.name ? ` · ${i.goal.name}` : ''}
                </span>
                {i.item.presenters.length > 0 ? <p className="presenters">{i.item.presenters.map((p) => presenterLabel(p.name, p.title)).join('; ')}</p> : null}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="goal-coverage">
        <h2 id="goal-coverage">{t('goal.coverage')}</h2>
        <p>{t('goal.coverageLead')}</p>
        <Async value={coverage} what={t('what.coverage')}>
          {(meetings) =>
            meetings.length === 0 ? (
              <Empty>
                <p>{t('meetings.none')}</p>
              </Empty>
            ) : (
              <TableWrap label={t('goal.coverage')}>
                <table>
                  <caption>{t('goal.coverage')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('table.meeting')}</th>
                      <th scope="col">{t('goal.itemsOnThisGoal')}</th>
                      <th scope="col">{t('goal.unaddressed')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {meetings.map((m) => {
                      const own = m.goals.find((g) => g.goal.goalLineId === detail.goal.goalLineId);
                      return (
                        <tr key={m.meeting.id}>
                          <th scope="row">
                            <Link to={paths.meeting(m.meeting.id)}>{m.meeting.heading}</Link>
                          </th>
                          <td className="num">{own ? own.items : '–'}</td>
                          <td>{m.unaddressed.length === 0 ? t('goal.allAddressed') : m.unaddressed.map((g) => g.name).join('; ')}</td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              </TableWrap>
            )
          }
        </Async>
      </section>
    </>
  );
}
