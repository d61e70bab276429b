import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { PlanPeriod } from '../../../../src/domain/plan.js';
import { ApiError, send } from '../../api.js';
import { useI18n } from '../../i18n/I18n.js';
import { ErrorSummary, Field, fieldError, numberInput, sentence, type SummaryItem } from '../data/form/Field.js';
import { draftsOf, goalErrors, goalsBody, goalSummaryItems, type GoalDraft } from './goals.js';
import { GoalListEditor } from './GoalListEditor.js';
import { periodLabel, type LineChoice } from './usePlanCatalog.js';

/**
 * A new plan period (POST /api/plan-periods): its years and its goals in order, each continuing
 * a goal line of an earlier period (perhaps under a new name) or starting a new one. The newest
 * period's goals can be copied in as a start.
 */
const ID = 'new-period';
const YEAR_FIELDS = ['startYear', 'endYear'] as const;

export function NewPeriodForm({ periods, lines, onCreated }: { periods: readonly PlanPeriod[]; lines: readonly LineChoice[]; onCreated: (created: PlanPeriod) => Promise<void> }) {
  const { t, tn } = useI18n();
  const newest = [...periods].sort((a, b) => b.startYear - a.startYear)[0] ?? null;
  const firstYear = newest ? newest.startYear + 1 : new Date().getFullYear();
  const [years, setYears] = useState({ startYear: String(firstYear), endYear: String(firstYear + 2) });
  const [rows, setRows] = useState<GoalDraft[]>([]);
  const [failure, setFailure] = useState<{ error: ApiError; keys: string[] } | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [copied, setCopied] = useState('');
  const messageRef = useRef<HTMLParagraphElement>(null);

  useEffect(() => {
    if (message) messageRef.current?.focus();
  }, [message]);

  const copyFrom = (period: PlanPeriod) => {
    const drafts = draftsOf(period);
    setRows(drafts);
    setCopied(t('plan.new.copied', { period: periodLabel(period), count: tn('plan.goals.count', drafts.length) }));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setMessage(null);
    setCopied('');
    const keys = rows.map((r) => r.key);
    // an empty year is said here; anything else typed goes to the server, which says what is wrong
    const missing = YEAR_FIELDS.filter((f) => years[f].trim() === '').map((f) => ({ where: f, message: t('plan.new.yearMissing') }));
    if (missing.length > 0) {
      setFailure({ error: new ApiError(0, t('plan.new.failed'), null, 'invalid_input', missing), keys });
      return;
    }
    setBusy(true);
    setFailure(null);
    try {
      const created = await send<PlanPeriod>('POST', '/api/plan-periods', { startYear: numberInput(years.startYear), endYear: numberInput(years.endYear), goals: goalsBody(rows) });
      await onCreated(created);
      const next = created.startYear + 1;
      setYears({ startYear: String(next), endYear: String(next + 2) });
      setRows([]);
      setMessage(t('plan.new.created', { period: periodLabel(created), count: tn('plan.goals.count', created.goals.length) }));
    } catch (e) {
      setFailure({ error: e instanceof ApiError ? e : new ApiError(0, (e as Error).message), keys });
    } finally {
      setBusy(false);
    }
  };

  const error = failure?.error ?? null;
  const errors = goalErrors(error, failure?.keys ?? []);
  const labels = { startYear: t('plan.new.startYear'), endYear: t('plan.new.endYear') };
  // a refusal other than bad input says itself what happened ("Planperioden 2027-2029 finns redan.")
  const items: SummaryItem[] = error && error.code !== null && error.code !== 'invalid_input' ? [{ fieldId: null, label: '', message: error.message }] : [];
  for (const f of YEAR_FIELDS) {
    const m = fieldError(error, f);
    if (m) items.push({ fieldId: `${ID}-${f}`, label: labels[f], message: sentence(m) });
  }
  items.push(...goalSummaryItems(t, ID, rows, errors));
  if (error && items.length === 0) items.push({ fieldId: null, label: '', message: error.message });

  return (
    <>
      {message ? (
        <p ref={messageRef} tabIndex={-1} className="notice" role="status">
          {message}
        </p>
      ) : null}
      <form className="form form-wide new-period-form" noValidate onSubmit={(e) => void submit(e)} aria-labelledby="new-period-heading">
        {error ? <ErrorSummary id={`${ID}-problem`} cause={error} title={t('plan.new.failed')} items={items} /> : null}
        <p className="hint">{t('plan.new.hint')}</p>
        <div className="field-row">
          {YEAR_FIELDS.map((f) => (
            <Field key={f} id={`${ID}-${f}`} label={labels[f]} error={fieldError(error, f)}>
              {(p) => <input {...p} value={years[f]} inputMode="numeric" maxLength={4} autoComplete="off" onChange={(e) => setYears((y) => ({ ...y, [f]: e.target.value }))} />}
            </Field>
          ))}
        </div>
        {newest ? (
          <p>
            <button type="button" className="button-secondary" onClick={() => copyFrom(newest)}>
              {t('plan.new.copy', { period: periodLabel(newest) })}
            </button>
          </p>
        ) : null}
        <p role="status" className="live-status">
          {copied}
        </p>
        <GoalListEditor idPrefix={ID} rows={rows} onChange={setRows} lines={lines} errors={errors} />
        <p>
          <button type="submit" aria-disabled={busy ? true : undefined}>
            {t('plan.new.create')}
          </button>
        </p>
      </form>
    </>
  );
}
