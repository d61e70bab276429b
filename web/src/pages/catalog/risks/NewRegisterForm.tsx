import { useState, type FormEvent } from 'react';
import type { Area } from '../../../../../src/domain/area.js';
import { send, type ApiError } from '../../../api.js';
import { useI18n } from '../../../i18n/I18n.js';
import { ErrorSummary, Field, fieldError, summaryItems } from '../../data/form/Field.js';
import { AreaOptions } from '../../data/form/Options.js';
import { integerInput, toApiError } from '../shared.js';
import type { RiskRegisterView } from '../types.js';

/** A new risk register: its title, the year it is for and, optionally, the area it covers. */
export function NewRegisterForm({ areas, onCreated }: { areas: readonly Area[]; onCreated: (register: RiskRegisterView) => void }) {
  const { t } = useI18n();
  const [draft, setDraft] = useState(() => ({ title: '', year: String(new Date().getFullYear()), areaId: '' }));
  const [error, setError] = useState<ApiError | null>(null);
  const [working, setWorking] = useState(false);
  const set = (key: keyof typeof draft, value: string) => setDraft((d) => ({ ...d, [key]: value }));
  const ID = (f: string) => `register-new-${f}`;
  const fields = [
    { name: 'title', label: t('catalog.register.title') },
    { name: 'year', label: t('catalog.register.year') },
    { name: 'areaId', label: t('catalog.register.area') },
  ].map((f) => ({ ...f, id: ID(f.name) }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (working) return;
    setError(null);
    setWorking(true);
    const body: Record<string, unknown> = { title: draft.title, areaId: draft.areaId === '' ? null : draft.areaId };
    const year = integerInput(draft.year);
    if (year !== null) body.year = year;
    try {
      onCreated(await send<RiskRegisterView>('POST', '/api/risk-registers', body));
    } catch (e) {
      setError(toApiError(e));
    } finally {
      setWorking(false);
    }
  };

  return (
    <form className="form form-wide" noValidate onSubmit={(e) => void submit(e)}>
      {error ? <ErrorSummary id={ID('problem')} cause={error} title={t('catalog.register.createFailed')} items={summaryItems(error, fields)} /> : null}
      <Field id={ID('title')} label={t('catalog.register.title')} hint={t('catalog.register.titleHint')} error={fieldError(error, 'title')}>
        {(p) => <input {...p} value={draft.title} onChange={(e) => set('title', e.target.value)} autoComplete="off" maxLength={300} aria-required="true" />}
      </Field>
      <div className="field-row">
        <Field id={ID('year')} label={t('catalog.register.year')} error={fieldError(error, 'year')}>
          {(p) => <input {...p} value={draft.year} onChange={(e) => set('year', e.target.value)} autoComplete="off" inputMode="numeric" maxLength={4} aria-required="true" />}
        </Field>
        <Field id={ID('areaId')} label={t('catalog.register.area')} hint={t('catalog.register.areaHint')} error={fieldError(error, 'areaId')}>
          {(p) => (
            <select {...p} value={draft.areaId} onChange={(e) => set('areaId', e.target.value)}>
              <option value="">{t('catalog.register.noArea')}</option>
              <AreaOptions areas={areas} />
            </select>
          )}
        </Field>
      </div>
      <div className="actions">
        <button type="submit" disabled={working}>
          {t('catalog.register.create')}
        </button>
      </div>
    </form>
  );
}
