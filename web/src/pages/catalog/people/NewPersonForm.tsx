import { useState, type FormEvent } from 'react';
import { send, type ApiError } from '../../../api.js';
import { useI18n } from '../../../i18n/I18n.js';
import { ErrorSummary, Field, fieldError, summaryItems } from '../../data/form/Field.js';
import { toApiError } from '../shared.js';
import type { PersonDetail } from '../types.js';
import { titleBody } from './TitleForm.js';

/**
 * A new person with their first title from a date (title and date left empty: a person without a
 * title). The id is made from the name by the server.
 */
const EMPTY = { name: '', title: '', roleId: '', validFrom: '' };

export function NewPersonForm({ onCreated }: { onCreated: (person: PersonDetail) => void }) {
  const { t } = useI18n();
  const [draft, setDraft] = useState(EMPTY);
  const [error, setError] = useState<ApiError | null>(null);
  const [working, setWorking] = useState(false);
  const set = (key: keyof typeof EMPTY, value: string) => setDraft((d) => ({ ...d, [key]: value }));
  const ID = (f: string) => `person-new-${f}`;
  const fields = [
    { name: 'name', label: t('catalog.person.name') },
    { name: 'title', label: t('catalog.person.firstTitle') },
    { name: 'roleId', label: t('catalog.title.role') },
    { name: 'validFrom', label: t('catalog.title.from') },
  ].map((f) => ({ ...f, id: ID(f.name) }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (working) return;
    setError(null);
    setWorking(true);
    const withTitle = draft.title.trim() !== '' || draft.validFrom !== '' || draft.roleId.trim() !== '';
    try {
      const created = await send<PersonDetail>('POST', '/api/people', { name: draft.name, titles: withTitle ? [titleBody(draft)] : [] });
      setDraft(EMPTY);
      onCreated(created);
    } catch (e) {
      setError(toApiError(e));
    } finally {
      setWorking(false);
    }
  };

  return (
    <form className="form form-wide" noValidate onSubmit={(e) => void submit(e)}>
      {error ? <ErrorSummary id={ID('problem')} cause={error} title={t('catalog.people.createFailed')} items={summaryItems(error, fields)} /> : null}
      <Field id={ID('name')} label={t('catalog.person.name')} hint={t('catalog.person.nameHint')} error={fieldError(error, 'name')}>
        {(p) => <input {...p} value={draft.name} onChange={(e) => set('name', e.target.value)} autoComplete="off" maxLength={200} aria-required="true" />}
      </Field>
      <Field id={ID('title')} label={t('catalog.person.firstTitle')} hint={t('catalog.person.firstTitleHint')} error={fieldError(error, 'title')}>
        {(p) => <input {...p} value={draft.title} onChange={(e) => set('title', e.target.value)} autoComplete="off" maxLength={200} />}
      </Field>
      <Field id={ID('roleId')} label={t('catalog.title.role')} hint={t('catalog.title.roleHint')} error={fieldError(error, 'roleId')}>
        {(p) => <input {...p} value={draft.roleId} onChange={(e) => set('roleId', e.target.value)} autoComplete="off" maxLength={100} spellCheck={false} />}
      </Field>
      <Field id={ID('validFrom')} label={t('catalog.title.from')} error={fieldError(error, 'validFrom')}>
        {(p) => <input {...p} type="date" value={draft.validFrom} onChange={(e) => set('validFrom', e.target.value)} />}
      </Field>
      <div className="actions">
        <button type="submit" disabled={working}>
          {t('catalog.people.create')}
        </button>
      </div>
    </form>
  );
}
