import { useEffect, useRef, useState } from 'react';
import type { PlanPeriod } from '../../../../src/domain/plan.js';
import { Async } from '../../components/LoadState.js';
import { PageHeading } from '../../components/Page.js';
import { useI18n } from '../../i18n/I18n.js';
import { useSession } from '../../session/Session.js';
import { NotAllowed } from '../data/form/NotAllowed.js';
import { FocusAreasSection } from './FocusAreasSection.js';
import { GoalLinesSection } from './GoalLinesSection.js';
import { NewPeriodForm } from './NewPeriodForm.js';
import { PeriodGoalsForm } from './PeriodGoalsForm.js';
import { lineChoices, periodLabel, usePlanCatalog, type LineChoice } from './usePlanCatalog.js';
import './plan.css';

/**
 * /regionplan (permission `edit_meetings`, the board's office): the plan periods with their
 * overarching goals in order, a new plan period, the goal lines' short names and each year's
 * focus areas. Every change is checked and recorded by the server; its Swedish messages appear
 * next to the fields they are about.
 */
export function PlanPage() {
  const { t } = useI18n();
  const { can } = useSession();
  return (
    <div className="data-page plan-page">
      <PageHeading title={t('plan.title')} />
      {can('edit_meetings') ? <Plan /> : <NotAllowed text={t('plan.notAllowed')} />}
    </div>
  );
}

function Plan() {
  const { t } = useI18n();
  const { value, reload } = usePlanCatalog();
  return (
    <>
      <p className="lead">{t('plan.lead')}</p>
      <Async value={value} what={t('plan.what')}>
        {(catalog) => {
          const lines = lineChoices(catalog);
          const newestFirst = [...catalog.periods].sort((a, b) => b.startYear - a.startYear || b.endYear - a.endYear);
          return (
            <>
              <section aria-labelledby="periods-heading" className="plan-section">
                <h2 id="periods-heading">{t('plan.periods.heading')}</h2>
                {newestFirst.length === 0 ? <p>{t('plan.periods.none')}</p> : null}
                {newestFirst.map((period) => (
                  <PeriodSection key={period.id} period={period} lines={lines} onSaved={reload} />
                ))}
              </section>
              <section aria-labelledby="new-period-heading" className="plan-section">
                <h2 id="new-period-heading">{t('plan.new.heading')}</h2>
                <NewPeriodForm periods={catalog.periods} lines={lines} onCreated={reload} />
              </section>
              <GoalLinesSection lines={lines} onSaved={reload} />
              <FocusAreasSection sets={catalog.focusAreas} onSaved={reload} />
            </>
          );
        }}
      </Async>
    </>
  );
}

function PeriodSection({ period, lines, onSaved }: { period: PlanPeriod; lines: readonly LineChoice[]; onSaved: () => Promise<void> }) {
  const { t } = useI18n();
  const label = periodLabel(period);
  const [editing, setEditing] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [returnFocus, setReturnFocus] = useState(0);
  const messageRef = useRef<HTMLParagraphElement>(null);
  const editRef = useRef<HTMLButtonElement>(null);
  const headingId = `period-${period.id}-heading`;

  useEffect(() => {
    if (message) messageRef.current?.focus();
  }, [message]);
  useEffect(() => {
    if (returnFocus > 0) editRef.current?.focus();
  }, [returnFocus]);

  return (
    <section aria-labelledby={headingId} className="plan-period">
      <h3 id={headingId}>{t('plan.periods.label', { period: label })}</h3>
      {message ? (
        <p ref={messageRef} tabIndex={-1} className="notice" role="status">
          {message}
        </p>
      ) : null}
      {editing ? (
        <PeriodGoalsForm
          period={period}
          lines={lines}
          onSaved={async () => {
            await onSaved();
            setEditing(false);
            setMessage(t('plan.periods.saved', { period: label }));
          }}
          onCancel={() => {
            setEditing(false);
            setReturnFocus((n) => n + 1);
          }}
        />
      ) : (
        <>
          <ol className="plan-goals">
            {[...period.goals]
              .sort((a, b) => a.position - b.position)
              .map((goal) => (
                <li key={goal.id}>{goal.name}</li>
              ))}
          </ol>
          <p>
            <button
              type="button"
              ref={editRef}
              className="button-secondary"
              aria-label={t('plan.periods.editNamed', { period: label })}
              onClick={() => {
                setMessage(null);
                setEditing(true);
              }}
            >
              {t('plan.periods.edit')}
            </button>
          </p>
        </>
      )}
    </section>
  );
}
