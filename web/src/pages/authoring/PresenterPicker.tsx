import { useEffect, useId, useState } from 'react';
import { presenterLabel, titleAt } from '../../../../src/domain/person.js';
import { useI18n } from '../../i18n/I18n.js';
import type { PersonView } from './types.js';

export interface PresenterChoice {
  personId: string;
  titleOverride: string | null;
}

/** "Helen Persson, HR-direktör" as the agenda prints it at the meeting date. */
export function personLabel(people: readonly PersonView[], personId: string, date: string): string {
  const person = people.find((p) => p.id === personId);
  return person ? presenterLabel(person.name, titleAt(person, date)) : personId;
}

/** The title a person holds at the meeting date, or null. */
function heldTitle(people: readonly PersonView[], personId: string, date: string): string | null {
  const person = people.find((p) => p.id === personId);
  return person ? titleAt(person, date) : null;
}

/**
 * An item's presenters in order: each chosen person with the title the agenda prints for them
 * (empty: the title they hold at the meeting date; or as this item's pack words it, e.g.
 * "tf. regiondirektör") and a remove button, and a select to add one more. Keyboard only, no
 * drag; the list's order is the agenda's order.
 */
export function PresenterPicker({
  people,
  date,
  value,
  onChange,
  error,
  legend,
}: {
  people: readonly PersonView[];
  date: string;
  value: readonly PresenterChoice[];
  onChange: (next: PresenterChoice[]) => void;
  error: string | null;
  legend: string;
}) {
  const { t } = useI18n();
  const id = useId();
  const chosen = new Set(value.map((p) => p.personId));
  const available = people.filter((p) => !chosen.has(p.id)).sort((a, b) => a.name.localeCompare(b.name, 'sv'));
  const [pick, setPick] = useState('');
  const current = available.some((p) => p.id === pick) ? pick : (available[0]?.id ?? '');

  // after a change, focus goes where the next action is (the re-rendered list or the select)
  const [focus, setFocus] = useState<{ index: number } | 'select' | null>(null);
  useEffect(() => {
    if (focus === null) return;
    const buttons = document.querySelectorAll<HTMLElement>(`[id="${id}-list"] button`);
    const target = focus === 'select' ? null : (buttons[Math.min(focus.index, buttons.length - 1)] ?? null);
    (target ?? document.getElementById(`${id}-select`))?.focus();
    setFocus(null);
  }, [focus, value, id]);

  const add = () => {
    if (current === '') return;
    onChange([...value, { personId: current, titleOverride: null }]);
    setFocus('select');
  };
  const setTitle = (personId: string, text: string) => {
    onChange(value.map((p) => (p.personId === personId ? { ...p, titleOverride: text.trim() === '' ? null : text } : p)));
  };
  const remove = (personId: string, index: number) => {
    onChange(value.filter((p) => p.personId !== personId));
    setFocus({ index });
  };

  return (
    <fieldset className="presenter-picker" aria-describedby={error ? `${id}-error` : undefined}>
      <legend>{legend}</legend>
      {value.length === 0 ? (
        <p className="muted">{t('authoring.presenters.none')}</p>
      ) : (
        <ol id={`${id}-list`} className="presenter-list">
          {value.map((p, i) => (
            <li key={p.personId}>
              <span>{p.titleOverride ? presenterLabel(people.find((x) => x.id === p.personId)?.name ?? p.personId, p.titleOverride) : personLabel(people, p.personId, date)}</span>{' '}
              <button type="button" className="button-secondary button-small" onClick={() => remove(p.personId, i)}>
                {t('authoring.presenters.remove')}
                <span className="visually-hidden"> {personLabel(people, p.personId, date)}</span>
              </button>
              <div className="field presenter-title">
                <label htmlFor={`${id}-title-${i}`}>
                  {t('authoring.presenters.title')}
                  <span className="visually-hidden"> {t('authoring.presenters.titleFor', { name: people.find((x) => x.id === p.personId)?.name ?? p.personId })}</span>
                </label>
                <input
                  id={`${id}-title-${i}`}
                  type="text"
                  value={p.titleOverride ?? ''}
                  placeholder={heldTitle(people, p.personId, date) ?? ''}
                  aria-describedby={`${id}-title-${i}-hint`}
                  onChange={(e) => setTitle(p.personId, e.target.value)}
                />
                <p id={`${id}-title-${i}-hint`} className="hint">
                  {heldTitle(people, p.personId, date) ? t('authoring.presenters.titleHint', { title: heldTitle(people, p.personId, date) ?? '' }) : t('authoring.presenters.titleHintNone')}
                </p>
              </div>
            </li>
          ))}
        </ol>
      )}
      {error ? (
        <p id={`${id}-error`} className="field-error">
          <span lang="sv">{error}</span>
        </p>
      ) : null}
      {available.length > 0 ? (
        <div className="inline-fields">
          <div className="field">
            <label htmlFor={`${id}-select`}>{t('authoring.presenters.add')}</label>
            <select id={`${id}-select`} value={current} onChange={(e) => setPick(e.target.value)} aria-invalid={error ? true : undefined}>
              {available.map((p) => (
                <option key={p.id} value={p.id}>
                  {personLabel(people, p.id, date)}
                </option>
              ))}
            </select>
          </div>
          <button type="button" className="button-secondary" onClick={add}>
            {t('authoring.presenters.addButton')}
          </button>
        </div>
      ) : null}
    </fieldset>
  );
}
