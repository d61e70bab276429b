import { Link, useSearchParams } from 'react-router';
import type { Area } from '../../../src/domain/area.js';
import type { ScorecardEntry, ScorecardGoal, ScorecardView } from '../../../src/domain/scorecard.js';
import { useApi } from '../api.js';
import { AreaSelect } from '../components/AreaSelect.js';
import { ChangeText } from '../components/ChangeText.js';
import { Async, Empty } from '../components/LoadState.js';
import { PageHeading } from '../components/Page.js';
import { Sparkline } from '../components/Sparkline.js';
import { StatusBadge, StatusCounts } from '../components/Status.js';
import { useI18n } from '../i18n/I18n.js';
import { ownOrganisation } from '../lib/areas.js';
import { formValues } from '../lib/form.js';
import { paths } from '../lib/paths.js';
import { defaultPlanPeriod, type PlanPeriodView } from '../lib/types.js';
import { Tag } from '../components/Tag.js';

/** Översikt: the plan period's goals as a scorecard for the chosen area. */
export function OverviewPage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const periods = useApi<PlanPeriodView[]>('/api/plan-periods');
  const areas = useApi<Area[]>('/api/areas');
  const groups = areas.state === 'ok' ? ownOrganisation(areas.data) : null;
  const plan = params.get('plan') ?? (periods.state === 'ok' ? (defaultPlanPeriod(periods.data, new Date().getFullYear())?.id ?? null) : null);
  const area = params.get('omrade') ?? groups?.ownRegionId ?? null;
  const scorecard = useApi<ScorecardView>(plan && area ? `/api/scorecard?planPeriod=${encodeURIComponent(plan)}&area=${encodeURIComponent(area)}` : null);

  return (
    <>
      <PageHeading title={t('overview.title')}>
        <p className="lead">{t('overview.lead')}</p>
      </PageHeading>
      <Async value={periods} what={t('what.planPeriods')}>
        {(planPeriods) => (
          <Async value={areas} what={t('what.areas')}>
            {() =>
              planPeriods.length === 0 || !plan || !area || !groups ? (
                <Empty>
                  <p>{t('overview.noPlan')}</p>
                </Empty>
              ) : (
                <>
                  <form className="filters" onSubmit={(e) => setParams(formValues(e))} aria-label={t('overview.filters')}>
                    <div className="field">
                      <label htmlFor="plan">{t('picker.planPeriod')}</label>
                      <select id="plan" name="plan" defaultValue={plan} key={plan}>
                        {planPeriods.map((p) => (
                          <option key={p.id} value={p.id}>
                            {p.label}
                          </option>
                        ))}
                      </select>
                    </div>
                    <AreaSelect id="omrade" groups={groups} value={area} />
                    <button type="submit">{t('picker.show')}</button>
                  </form>
                  <Async value={scorecard} what={t('what.scorecard')}>
                    {(view) => <Scorecard view={view} />}
                  </Async>
                </>
              )
            }
          </Async>
        )}
      </Async>
    </>
  );
}

function Scorecard({ view }: { view: ScorecardView }) {
  const { t } = useI18n();
  const total = view.goals.reduce((n, g) => n + g.indicators.length, 0);
  return (
    <>
      <section className="summary" aria-labelledby="summary-heading">
        <h2 id="summary-heading">{t('overview.summary', { plan: view.planPeriod.label, area: view.area.name })}</h2>
        {total === 0 ? (
          <Empty>
            <p>{t('overview.noIndicators')}</p>
          </Empty>
        ) : (
          <StatusCounts counts={view.counts} label={t('overview.countsAll')} />
        )}
      </section>
      {view.goals.map((g) => (
        <GoalSection key={g.goal.id} goal={g} areaId={view.area.id} areaName={view.area.name} />
      ))}
    </>
  );
}

function GoalSection({ goal, areaId, areaName }: { goal: ScorecardGoal; areaId: string; areaName: string }) {
  const { t, tn } = useI18n();
  const withData = goal.indicators.filter((e) => e.latest !== null);
  const without = goal.indicators.filter((e) => e.latest === null);
  const headingId = `mal-${goal.goal.position}`;
  return (
    <section className="goal-section" aria-labelledby={headingId}>
      <h2 id={headingId}>
        <Link to={paths.goal(goal.goal.id, { area: areaId })}>{goal.goal.name}</Link>
      </h2>
      <StatusCounts counts={goal.counts} label={t('overview.countsGoal', { goal: goal.goal.name })} />
      {goal.indicators.length === 0 ? (
        <Empty>
          <p>{t('overview.goalNoIndicators')}</p>
        </Empty>
      ) : withData.length === 0 ? (
        <Empty>
          <p>{t('overview.goalNoData', { area: areaName })}</p>
        </Empty>
      ) : (
        <ul className="cards">
          {withData.map((e) => (
            <IndicatorCard key={e.indicator.id} entry={e} areaId={areaId} />
          ))}
        </ul>
      )}
      {without.length > 0 ? (
        <details className="without-data">
          <summary>{tn('overview.withoutData', without.length, { area: areaName })}</summary>
          <ul>
            {without.map((e) => (
              <li key={e.indicator.id}>
                <Link to={paths.indicator(e.indicator.id, { area: areaId })}>{e.indicator.name}</Link>
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </section>
  );
}

function IndicatorCard({ entry, areaId }: { entry: ScorecardEntry; areaId: string }) {
  const { t } = useI18n();
  const latest = entry.latest;
  if (!latest) return null;
  return (
    <li className="card">
      <h3 className="card-title">
        <Link to={paths.indicator(entry.indicator.id, { area: areaId })}>{entry.indicator.name}</Link>
      </h3>
      <p className="card-value">
        <span className="value">{latest.display}</span> <span className="period">{latest.periodLabel}</span>
        {latest.preliminary ? <Tag>{t('value.preliminary')}</Tag> : null}
      </p>
      <p className="card-status">
        <StatusBadge status={entry.status} />
      </p>
      <dl className="facts">
        <div>
          <dt>{t('card.target')}</dt>
          <dd>{entry.target ? entry.target.text : t('card.noTarget')}</dd>
        </div>
        <div>
          <dt>{t('card.change')}</dt>
          <dd>
            <ChangeText entry={entry} />
          </dd>
        </div>
      </dl>
      <Sparkline points={entry.sparkline} unit={entry.indicator.unit} decimals={entry.indicator.decimals} />
    </li>
  );
}
