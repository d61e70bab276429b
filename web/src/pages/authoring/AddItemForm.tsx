import { useRef, useState, type FormEvent } from 'react';
import type { Goal } from '../../../../src/domain/plan.js';
import { send } from '../../api.js';
import { Loading } from '../../components/LoadState.js';
import { useI18n } from '../../i18n/I18n.js';
import { Field, fieldErrors, FormError, messageFor, NO_ERRORS, rowLabel, useFocusOnError, type FieldErrors } from './fields.js';
import { PresenterPicker, type PresenterChoice } from './PresenterPicker.js';
import type { AuthoringItem, PersonView } from './types.js';

/** A new information item under a goal, last in the agenda, with its presenters (POST /api/meetings/:id/items). */
export function AddItemForm({
  meetingId,
  date,
  goals,
  people,
  onAdded,
}: {
  meetingId: string;
  date: string;
  goals: readonly Goal[];
  people: readonly PersonView[] | null;
  onAdded: (item: AuthoringItem) => void;
}) {
  const { t } = useI18n();
  const form = useRef<HTMLFormElement>(null);
  const [title, setTitle] = useState('');
  const [goalId, setGoalId] = useState(goals[0]?.id ?? '');
  const [presenters, setPresenters] = useState<PresenterChoice[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [errors, setErrors] = useState<FieldErrors>(NO_ERRORS);

  useFocusOnError(form, error);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setErrors(NO_ERRORS);
    try {
      const item = await send<AuthoringItem>('POST', `/api/meetings/${encodeURIComponent(meetingId)}/items`, { title: title.trim(), goalId, presenters });
      setTitle('');
      setPresenters([]);
      onAdded(item);
      // ready for the next item
      form.current?.querySelector<HTMLInputElement>('input[name="title"]')?.focus();
    } catch (e) {
      setError(e);
      setErrors(fieldErrors(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="ny-punkt" className="add-item">
      <h2 id="ny-punkt">{t('authoring.add.title')}</h2>
      <form ref={form} className="form" noValidate onSubmit={(e) => void submit(e)}>
        <FormError title={t('authoring.add.failed')} error={error} />
        <Field label={t('authoring.add.itemTitle')} error={messageFor(errors, 'title')}>
          {(p) => <input {...p} name="title" value={title} onChange={(e) => setTitle(e.target.value)} autoComplete="off" />}
        </Field>
        <Field label={t('authoring.add.goal')} error={messageFor(errors, 'goalId')}>
          {(p) => (
            <select {...p} name="goalId" value={goalId} onChange={(e) => setGoalId(e.target.value)}>
              {goals.map((g) => (
                <option key={g.id} value={g.id}>
                  {g.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        {people === null ? (
          <Loading what={t('authoring.what.people')} />
        ) : (
          <PresenterPicker
            people={people}
            date={date}
            value={presenters}
            onChange={setPresenters}
            legend={t('authoring.add.presenters')}
            error={messageFor(errors, 'presenters', rowLabel(t('authoring.presenters.row')))}
          />
        )}
        <div className="button-row">
          <button type="submit" disabled={busy}>
            {t('authoring.add.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}
