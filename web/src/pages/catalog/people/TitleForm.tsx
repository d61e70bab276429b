import { useState, type FormEvent } from 'react';
import { send, type ApiError } from '../../../api.js';
import { useI18n } from '../../../i18n/I18n.js';
import { ErrorSummary, Field, fieldError, summaryItems } from '../../data/form/Field.js';
import { toApiError } from '../shared.js';
import type { PersonDetail, PersonTitleRow } from '../types.js';

/**
 * A title a person holds from a date (and, when it has ended, to a date): a new one, or one to
 * end or correct. The role is optional: the id shared by everyone who has held it, so that the
 * holder on a date can be found. The server checks the dates; its messages come next to the fields.
 */
interface Draft {
  title: string;
  roleId: string;
  validFrom: string;
  validTo: string;
}

function draftOf(row: PersonTitleRow | null): Draft {
  return { title: row?.title ?? '', roleId: row?.roleId ?? '', validFrom: row?.validFrom ?? '', validTo: row?.validTo ?? '' };
}

/** Empty text and dates are left out or sent as null, so the server says what is missing. */
export function titleBody(d: Pick<Draft, 'title' | 'roleId' | 'validFrom'> & { validTo?: string }): Record<string, unknown> {
  const body: Record<string, unknown> = { title: d.title, roleId: d.roleId.trim() === '' ? null : d.roleId.trim() };
  if (d.validFrom !== '') body.validFrom = d.validFrom;
  if (d.validTo !== undefined) body.validTo = d.validTo === '' ? null : d.validTo;
  return body;
}

export function TitleForm({ personId, row, idPrefix, onSaved, onCancel }: { personId: string; row: PersonTitleRow | null; idPrefix: string; onSaved: (person: PersonDetail) => void; onCancel?: () => void }) {
  const { t } = useI18n();
  const [draft, setDraft] = useState<Draft>(() => draftOf(row));
  const [error, setError] = useState<ApiError | null>(null);
  const [working, setWorking] = useState(false);
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const ID = (f: string) => `${idPrefix}-${f}`;
  const fields = [
    { name: 'title', label: t('catalog.title.title') },
    { name: 'roleId', label: t('catalog.title.role') },
    { name: 'validFrom', label: t('catalog.title.from') },
    { name: 'validTo', label: t('catalog.title.to') },
  ].map((f) => ({ ...f, id: ID(f.name) }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (working) return;
    setError(null);
    setWorking(true);
    try {
      const saved = row
        ? await send<PersonDetail>('PATCH', `/api/person-titles/${row.id}`, titleBody(draft))
        : await send<PersonDetail>('POST', `/api/people/${encodeURIComponent(personId)}/titles`, titleBody(draft));
      if (!row) setDraft(draftOf(null));
      onSaved(saved);
    } catch (e) {
      setError(toApiError(e));
    } finally {
      setWorking(false);
    }
  };

  return (
    <form className="form form-wide" noValidate onSubmit={(e) => void submit(e)}>
      {error ? <ErrorSummary id={ID('problem')} cause={error} title={row ? t('catalog.title.saveFailed') : t('catalog.title.addFailed')} items={summaryItems(error, fields)} /> : null}
      <Field id={ID('title')} label={t('catalog.title.title')} hint={t('catalog.title.titleHint')} error={fieldError(error, 'title')}>
        {(p) => <input {...p} value={draft.title} onChange={(e) => set('title', e.target.value)} autoComplete="off" maxLength={200} aria-required="true" />}
      </Field>
      <Field id={ID('roleId')} label={t('catalog.title.role')} hint={t('catalog.title.roleHint')} error={fieldError(error, 'roleId')}>
        {(p) => <input {...p} value={draft.roleId} onChange={(e) => set('roleId', e.target.value)} autoComplete="off" maxLength={100} spellCheck={false} />}
      </Field>
      <div className="field-row">
        <Field id={ID('validFrom')} label={t('catalog.title.from')} error={fieldError(error, 'validFrom')}>
          {(p) => <input {...p} type="date" value={draft.validFrom} onChange={(e) => set('validFrom', e.target.value)} aria-required="true" />}
        </Field>
        <Field id={ID('validTo')} label={t('catalog.title.to')} hint={t('catalog.title.toHint')} error={fieldError(error, 'validTo')}>
          {(p) => <input {...p} type="date" value={draft.validTo} onChange={(e) => set('validTo', e.target.value)} />}
        </Field>
      </div>
      <div className="actions">
        <button type="submit" disabled={working}>
          {row ? t('catalog.title.save') : t('catalog.title.add')}
        </button>
        {onCancel ? (
          <button type="button" className="button-secondary" onClick={onCancel} disabled={working}>
            {t('data.cancel')}
          </button>
        ) : null}
      </div>
    </form>
  );
}
