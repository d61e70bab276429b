import { Link, useParams, useSearchParams } from 'react-router';
import type { Area } from '../../../src/domain/area.js';
import { unitName, type Unit } from '../../../src/domain/units.js';
import type { IndicatorFacets } from '../../../src/domain/valueTable.js';
import { useApi } from '../api.js';
import { AreaSelect } from '../components/AreaSelect.js';
import { Async } from '../components/LoadState.js';
import { PageHeading } from '../components/Page.js';
import { useI18n } from '../i18n/I18n.js';
import { ownOrganisation } from '../lib/areas.js';
import { formValues } from '../lib/form.js';
import { paths } from '../lib/paths.js';
import { useSession } from '../session/Session.js';
import type { IndicatorDetail, PlanPeriodView } from '../lib/types.js';
import { RankingSection } from './indicator/RankingSection.js';
import { SeriesSection } from './indicator/SeriesSection.js';
import { ValuesSection } from './indicator/ValuesSection.js';

/** Indikator: facts, series over time, comparison with the other regions, values with provenance. */
export function IndicatorPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const detail = useApi<IndicatorDetail>(`/api/indicators/${encodeURIComponent(id)}`);
  const facets = useApi<IndicatorFacets>(`/api/indicators/${encodeURIComponent(id)}/facets`);
  const areas = useApi<Area[]>('/api/areas');
  const periods = useApi<PlanPeriodView[]>('/api/plan-periods');
  const { can } = useSession();
  // the heading stays the same element while the data loads, so focus placed on it after navigation stays
  return (
    <>
      <PageHeading title={detail.state === 'ok' ? detail.data.name : t('page.indicator')}>
        {can('edit_indicators') && detail.state === 'ok' ? (
          <p className="data-edit-link">
            <Link to={paths.editIndicator(detail.data.id)}>{t('data.indicator.editLink')}</Link>
          </p>
        ) : null}
      </PageHeading>
      <Async value={detail} what={t('what.indicator')}>
        {(indicator) => (
          <Async value={facets} what={t('what.indicator')}>
            {(f) => (
              <Async value={areas} what={t('what.areas')}>
                {(allAreas) => <Indicator indicator={indicator} facets={f} areas={allAreas} planPeriods={periods.state === 'ok' ? periods.data : []} />}
              </Async>
            )}
          </Async>
        )}
      </Async>
    </>
  );
}

function Indicator({ indicator, facets, areas, planPeriods }: { indicator: IndicatorDetail; facets: IndicatorFacets; areas: Area[]; planPeriods: PlanPeriodView[] }) {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const groups = ownOrganisation(areas);
  const withData = new Set(facets.areaIds);
  // the area asked for; else the own region if it has values; else the first own area that has
  const ownAreas = [...groups.regions, ...groups.administrations, ...groups.units];
  const area = params.get('omrade') ?? (withData.has(groups.ownRegionId) ? groups.ownRegionId : (ownAreas.find((a) => withData.has(a.id))?.id ?? groups.ownRegionId));
  const breakdown = params.get('uppdelning') ?? '';
  const riket = areas.find((a) => a.kind === 'country') ?? null;
  const compareIds = riket && riket.id !== area ? [area, riket.id] : [area];
  const extraAreas = areas.filter((a) => withData.has(a.id) && !ownAreas.some((o) => o.id === a.id) && a.kind !== 'region');
  const goals = planPeriods
    .flatMap((p) => p.goals.map((g) => ({ goal: g, period: p })))
    .filter((g) => indicator.goalLineIds.includes(g.goal.goalLineId));
  const latestGoals = goals.filter((g) => g.period.startYear === Math.max(...goals.map((x) => x.period.startYear)));
  const rankingPeriods = facets.periods.filter((p) => p.regions >= 2);

  const update = (values: Record<string, string>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(values)) {
      if (v === '') next.delete(k);
      else next.set(k, v);
    }
    setParams(next);
  };

  return (
    <>
      {indicator.description ? <p className="lead">{indicator.description}</p> : null}
      <dl className="facts facts-wide">
        <div>
          <dt>{t('indicator.unit')}</dt>
          <dd>{unitName(indicator.unit as Unit)}</dd>
        </div>
        <div>
          <dt>{t('indicator.direction')}</dt>
          <dd>{t(`direction.${indicator.direction}`)}</dd>
        </div>
        <div>
          <dt>{t('indicator.periodType')}</dt>
          <dd>{t(`periodType.${indicator.periodType}`)}</dd>
        </div>
        <div>
          <dt>{t('indicator.source')}</dt>
          <dd>
            {indicator.source}
            {indicator.koladaKpi ? ` (Kolada ${indicator.koladaKpi})` : ''}
          </dd>
        </div>
        <div>
          <dt>{t('indicator.targets')}</dt>
          <dd>
            {indicator.targets.length === 0 ? (
              t('card.noTarget')
            ) : (
              <ul className="plain">
                {indicator.targets.map((target) => (
                  <li key={target.id}>
                    {target.label} ({t(`targetSource.${target.source}`)}, {target.validFromYear}
                    {target.validToYear === null ? '–' : target.validToYear === target.validFromYear ? '' : `–${target.validToYear}`})
                  </li>
                ))}
              </ul>
            )}
          </dd>
        </div>
        <div>
          <dt>{t('indicator.goals')}</dt>
          <dd>
            {latestGoals.length === 0 ? (
              '–'
            ) : (
              <ul className="plain">
                {latestGoals.map((g) => (
                  <li key={g.goal.id}>
                    <Link to={paths.goal(g.goal.id, { area })}>{g.goal.name}</Link> <span className="muted">({g.period.label})</span>
                  </li>
                ))}
              </ul>
            )}
          </dd>
        </div>
      </dl>

      <form className="filters" onSubmit={(e) => update(formValues(e))} aria-label={t('indicator.filters')}>
        <AreaSelect id="omrade" groups={groups} value={area} extra={extraAreas} />
        {facets.breakdowns.length > 1 ? (
          <div className="field">
            <label htmlFor="uppdelning">{t('indicator.breakdown')}</label>
            <select id="uppdelning" name="uppdelning" defaultValue={breakdown} key={breakdown}>
              {facets.breakdowns.map((b) => (
                <option key={b.value} value={b.value}>
                  {b.label}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        <button type="submit">{t('picker.show')}</button>
      </form>

      <SeriesSection indicatorId={indicator.id} areaIds={compareIds} breakdown={breakdown} />
      {rankingPeriods.length > 0 ? (
        <RankingSection
          indicatorId={indicator.id}
          periods={rankingPeriods}
          period={params.get('period')}
          highlight={groups.ownRegionId}
          referenceId={riket?.id ?? null}
          onPeriod={(period) => update({ period })}
        />
      ) : null}
      <ValuesSection indicatorId={indicator.id} areaIds={compareIds} breakdown={breakdown} />

      <section aria-labelledby="shown-in">
        <h2 id="shown-in">{t('indicator.meetings')}</h2>
        {facets.meetings.length === 0 ? (
          <p>{t('indicator.noMeetings')}</p>
        ) : (
          <ul className="item-list">
            {facets.meetings.map((m) => (
              <li key={m.itemId}>
                <Link to={paths.meeting(m.meeting.id, m.itemId)}>
                  {m.meeting.heading}: {m.itemTitle}
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
