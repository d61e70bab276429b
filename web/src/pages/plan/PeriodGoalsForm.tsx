import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { PlanPeriod } from '../../../../src/domain/plan.js';
import { ApiError, send } from '../../api.js';
import { useI18n } from '../../i18n/I18n.js';
import { ErrorSummary, summaryItems } from '../data/form/Field.js';
import { draftsOf, goalErrors, goalsBody, goalSummaryItems, type GoalDraft } from './goals.js';
import { GoalListEditor } from './GoalListEditor.js';
import { periodLabel, type LineChoice } from './usePlanCatalog.js';

/**
 * A plan period's goals changed as one ordered list (PATCH /api/plan-periods/:id): a renamed goal
 * keeps its line, a goal is added, removed or moved. A goal that agenda items are filed under is
 * never removed: the server's Swedish refusal names the item and the meeting, and nothing changes.
 */
export function PeriodGoalsForm({ period, lines, onSaved, onCancel }: { period: PlanPeriod; lines: readonly LineChoice[]; onSaved: (saved: PlanPeriod) => Promise<void>; onCancel: () => void }) {
  const { t } = useI18n();
  const label = periodLabel(period);
  const idPrefix = `period-${period.id}`;
  const [rows, setRows] = useState<GoalDraft[]>(() => draftsOf(period));
  const [failure, setFailure] = useState<{ error: ApiError; keys: string[] } | null>(null);
  const [busy, setBusy] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);

  // the form opens at its heading, so a screen reader hears where it is
  useEffect(() => headingRef.current?.focus(), []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const keys = rows.map((r) => r.key);
    setBusy(true);
    setFailure(null);
    try {
      const saved = await send<PlanPeriod>('PATCH', `/api/plan-periods/${encodeURIComponent(period.id)}`, { goals: goalsBody(rows) });
      await onSaved(saved);
    } catch (e) {
      setFailure({ error: e instanceof ApiError ? e : new ApiError(0, (e as Error).message), keys });
      setBusy(false);
    }
  };

  const errors = goalErrors(failure?.error ?? null, failure?.keys ?? []);
  const items = failure ? goalSummaryItems(t, idPrefix, rows, errors) : [];
  return (
    <form className="form form-wide period-goals-form" noValidate onSubmit={(e) => void submit(e)} aria-labelledby={`${idPrefix}-edit-heading`}>
      <h4 id={`${idPrefix}-edit-heading`} ref={headingRef} tabIndex={-1}>
        {t('plan.periods.editHeading', { period: label })}
      </h4>
      {failure ? <ErrorSummary id={`${idPrefix}-problem`} cause={failure.error} title={t('plan.periods.saveFailed', { period: label })} items={items.length > 0 ? items : summaryItems(failure.error, [])} /> : null}
      <GoalListEditor idPrefix={idPrefix} rows={rows} onChange={setRows} lines={lines} errors={errors} />
      <div className="actions">
        <button type="submit" aria-disabled={busy ? true : undefined}>
          {t('plan.periods.save')}
        </button>
        <button type="button" className="button-secondary" onClick={onCancel}>
          {t('plan.periods.cancel')}
        </button>
      </div>
    </form>
  );
}
