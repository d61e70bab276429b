import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { FocusAreaSet } from '../../../../src/domain/plan.js';
import { ApiError, send } from '../../api.js';
import { useI18n } from '../../i18n/I18n.js';
import { ErrorSummary, Field, sentence, type SummaryItem } from '../data/form/Field.js';

/**
 * Each year's focus areas as the pack prints them ("Tillsammans" · "möter vi människor där de
 * är" …), and a form that adds a year or replaces one (PUT /api/focus-areas/:year): the lead and
 * the areas, one per line.
 */
const ID = 'focus';
const FIELDS = ['year', 'lead', 'areas'] as const;
type FocusField = (typeof FIELDS)[number];

export function FocusAreasSection({ sets, onSaved }: { sets: readonly FocusAreaSet[]; onSaved: () => Promise<void> }) {
  const { t } = useI18n();
  const newestFirst = [...sets].sort((a, b) => b.year - a.year);
  const latest = newestFirst[0] ?? null;
  const [draft, setDraft] = useState({ year: String(latest ? latest.year + 1 : new Date().getFullYear()), lead: latest?.lead ?? '', areas: '' });
  const [errors, setErrors] = useState<Partial<Record<FocusField, string>>>({});
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [focusYear, setFocusYear] = useState(0);
  const messageRef = useRef<HTMLParagraphElement>(null);

  useEffect(() => {
    if (message) messageRef.current?.focus();
  }, [message]);
  useEffect(() => {
    if (focusYear > 0) document.getElementById(`${ID}-year`)?.focus();
  }, [focusYear]);

  const edit = (set: FocusAreaSet) => {
    setDraft({ year: String(set.year), lead: set.lead, areas: set.areas.join('\n') });
    setErrors({});
    setFailure(null);
    setMessage(null);
    setFocusYear((n) => n + 1);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setMessage(null);
    const year = draft.year.trim();
    const areas = draft.areas
      .split('\n')
      .map((a) => a.trim())
      .filter((a) => a !== '');
    if (!/^\d{4}$/.test(year)) {
      const found = { year: t('plan.new.yearMissing') };
      setErrors(found);
      setFailure(new ApiError(0, t('plan.focus.failed'), null, 'invalid_input', [{ where: 'year', message: found.year }]));
      return;
    }
    setBusy(true);
    setFailure(null);
    setErrors({});
    try {
      const saved = await send<FocusAreaSet>('PUT', `/api/focus-areas/${year}`, { lead: draft.lead, areas });
      await onSaved();
      setDraft({ year: String(saved.year), lead: saved.lead, areas: saved.areas.join('\n') });
      setMessage(t('plan.focus.saved', { year: String(saved.year) }));
    } catch (e) {
      const error = e instanceof ApiError ? e : new ApiError(0, (e as Error).message);
      const found: Partial<Record<FocusField, string>> = {};
      for (const d of error.details) {
        const where = (d.where ?? '').replace(/^(body|params)\./, '');
        const area = /^areas\[(\d+)\]/.exec(where);
        const field: FocusField | null = area ? 'areas' : FIELDS.find((f) => f === where) ?? null;
        if (field === null) continue;
        const text = area ? `${sentence(t('plan.focus.line', { n: String(Number(area[1]) + 1) }))}: ${d.message}` : sentence(d.message);
        found[field] = found[field] ? `${found[field]} ${text}` : text;
      }
      setErrors(found);
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };

  const labels: Record<FocusField, string> = { year: t('plan.focus.year'), lead: t('plan.focus.lead'), areas: t('plan.focus.areas') };
  const items: SummaryItem[] = FIELDS.filter((f) => errors[f]).map((f) => ({ fieldId: `${ID}-${f}`, label: labels[f], message: errors[f] ?? '' }));
  if (failure && items.length === 0) items.push({ fieldId: null, label: '', message: failure.message });

  return (
    <section aria-labelledby="focus-heading" className="plan-section">
      <h2 id="focus-heading">{t('plan.focus.heading')}</h2>
      <p className="hint">{t('plan.focus.hint')}</p>
      {newestFirst.length === 0 ? <p>{t('plan.focus.none')}</p> : null}
      <ul className="plain focus-years">
        {newestFirst.map((set) => (
          <li key={set.year}>
            <h3>{t('plan.focus.yearHeading', { year: String(set.year) })}</h3>
            <p>{set.lead}</p>
            <ul>
              {set.areas.map((area, n) => (
                <li key={n}>{area}</li>
              ))}
            </ul>
            <button type="button" className="button-secondary button-small" aria-label={t('plan.focus.editNamed', { year: String(set.year) })} onClick={() => edit(set)}>
              {t('plan.focus.edit')}
            </button>
          </li>
        ))}
      </ul>
      <h3 id="focus-form-heading">{t('plan.focus.formHeading')}</h3>
      {message ? (
        <p ref={messageRef} tabIndex={-1} className="notice" role="status">
          {message}
        </p>
      ) : null}
      <form className="form form-wide focus-form" noValidate onSubmit={(e) => void submit(e)} aria-labelledby="focus-form-heading">
        {failure ? <ErrorSummary id={`${ID}-problem`} cause={failure} title={t('plan.focus.failed')} items={items} /> : null}
        <Field id={`${ID}-year`} label={labels.year} hint={t('plan.focus.yearHint')} error={errors.year ?? null}>
          {(p) => <input {...p} value={draft.year} inputMode="numeric" maxLength={4} autoComplete="off" onChange={(e) => setDraft((d) => ({ ...d, year: e.target.value }))} />}
        </Field>
        <Field id={`${ID}-lead`} label={labels.lead} error={errors.lead ?? null}>
          {(p) => <input {...p} value={draft.lead} maxLength={100} autoComplete="off" onChange={(e) => setDraft((d) => ({ ...d, lead: e.target.value }))} />}
        </Field>
        <Field id={`${ID}-areas`} label={labels.areas} error={errors.areas ?? null}>
          {(p) => <textarea {...p} rows={4} value={draft.areas} onChange={(e) => setDraft((d) => ({ ...d, areas: e.target.value }))} />}
        </Field>
        <p>
          <button type="submit" aria-disabled={busy ? true : undefined}>
            {t('plan.focus.save')}
          </button>
        </p>
      </form>
    </section>
  );
}
