import { useState, type FormEvent } from 'react';
import { COMPARATORS, TARGET_SOURCES, type Target } from '../../../../../src/domain/target.js';
import { unitSymbol, type Unit } from '../../../../../src/domain/units.js';
import { ApiError, send } from '../../../api.js';
import { useI18n } from '../../../i18n/I18n.js';
import type { IndicatorDetail } from '../../../lib/types.js';
import { ErrorSummary, Field, fieldError, numberInput, numberText, summaryItems } from '../form/Field.js';
import { AreaOptions } from '../form/Options.js';
import type { EditorChoices } from './useEditorData.js';

/**
 * One target (målvärde): comparator (≥ ≤ = or between), threshold(s), the "near" margin, the
 * years it is valid, optionally one area, where it comes from, and its label. Numbers are typed
 * the Swedish way ("12,5"); what the server cannot accept comes back next to the field.
 */
interface Draft {
  comparator: string;
  threshold: string;
  upper: string;
  nearMargin: string;
  validFromYear: string;
  validToYear: string;
  areaId: string;
  source: string;
  label: string;
}

function draftOf(t: Target | null, year: number): Draft {
  return {
    comparator: t?.comparator ?? 'gte',
    threshold: numberText(t?.threshold ?? null),
    upper: numberText(t?.upper ?? null),
    nearMargin: numberText(t?.nearMargin ?? null),
    validFromYear: String(t?.validFromYear ?? year),
    validToYear: t?.validToYear === null || t?.validToYear === undefined ? '' : String(t.validToYear),
    areaId: t?.areaId ?? '',
    source: t?.source ?? 'regionplan',
    label: t?.label ?? '',
  };
}

/** A year as typed: digits → a number; anything else as typed (the server says it is no year). */
function yearInput(text: string): number | string | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  return /^\d+$/.test(trimmed) ? Number(trimmed) : trimmed;
}

function bodyOf(d: Draft): Record<string, unknown> {
  const body: Record<string, unknown> = {
    comparator: d.comparator,
    upper: d.comparator === 'between' ? numberInput(d.upper) : null,
    nearMargin: numberInput(d.nearMargin),
    validToYear: yearInput(d.validToYear),
    areaId: d.areaId === '' ? null : d.areaId,
    source: d.source,
    label: d.label,
  };
  // a required number left empty is left out, so the server says it is missing
  const threshold = numberInput(d.threshold);
  if (threshold !== null) body.threshold = threshold;
  const from = yearInput(d.validFromYear);
  if (from !== null) body.validFromYear = from;
  return body;
}

export function TargetForm({ indicator, target, choices, idPrefix, onSaved, onCancel }: { indicator: IndicatorDetail; target: Target | null; choices: EditorChoices; idPrefix: string; onSaved: (saved: IndicatorDetail) => void; onCancel: () => void }) {
  const { t } = useI18n();
  const [draft, setDraft] = useState<Draft>(() => draftOf(target, new Date().getFullYear()));
  const [error, setError] = useState<ApiError | null>(null);
  const [working, setWorking] = useState(false);
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const ID = (f: string) => `${idPrefix}-${f}`;
  const between = draft.comparator === 'between';
  const unit = unitSymbol(indicator.unit as Unit);
  const unitHint = unit === '' ? null : t('data.target.inUnit', { unit });

  const fields = [
    { name: 'comparator', label: t('data.target.comparator') },
    { name: 'threshold', label: between ? t('data.target.lower') : t('data.target.threshold') },
    { name: 'upper', label: t('data.target.upper') },
    { name: 'nearMargin', label: t('data.target.nearMargin') },
    { name: 'validFromYear', label: t('data.target.from') },
    { name: 'validToYear', label: t('data.target.to') },
    { name: 'areaId', label: t('table.area') },
    { name: 'source', label: t('data.target.source') },
    { name: 'label', label: t('data.target.label') },
  ].map((f) => ({ ...f, id: ID(f.name) }));
  const label = (name: string) => fields.find((f) => f.name === name)?.label ?? name;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setWorking(true);
    try {
      const saved = target
        ? await send<IndicatorDetail>('PATCH', `/api/targets/${encodeURIComponent(target.id)}`, bodyOf(draft))
        : await send<IndicatorDetail>('POST', `/api/indicators/${encodeURIComponent(indicator.id)}/targets`, bodyOf(draft));
      onSaved(saved);
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, (e as Error).message));
    } finally {
      setWorking(false);
    }
  };

  const text = (name: 'threshold' | 'upper' | 'nearMargin' | 'validFromYear' | 'validToYear' | 'label', extra: { hint?: string | null; numeric?: 'decimal' | 'numeric'; max?: number } = {}) => (
    <Field id={ID(name)} label={label(name)} hint={extra.hint ?? null} error={fieldError(error, name)}>
      {(p) => <input {...p} value={draft[name]} onChange={(e) => set(name, e.target.value)} autoComplete="off" {...(extra.numeric ? { inputMode: extra.numeric } : {})} maxLength={extra.max ?? 40} />}
    </Field>
  );

  return (
    <form className="form form-wide target-form" noValidate onSubmit={(e) => void submit(e)}>
      {error ? <ErrorSummary id={ID('problem')} cause={error} title={target ? t('data.target.saveFailed') : t('data.target.createFailed')} items={summaryItems(error, fields)} /> : null}
      <Field id={ID('comparator')} label={label('comparator')} error={fieldError(error, 'comparator')}>
        {(p) => (
          <select {...p} value={draft.comparator} onChange={(e) => set('comparator', e.target.value)}>
            {COMPARATORS.map((c) => (
              <option key={c} value={c}>
                {t(`data.comparator.${c}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <div className="field-row">
        {text('threshold', { hint: unitHint, numeric: 'decimal' })}
        {between ? text('upper', { hint: unitHint, numeric: 'decimal' }) : null}
      </div>
      {text('nearMargin', { hint: t('data.target.nearMarginHint'), numeric: 'decimal' })}
      <div className="field-row">
        {text('validFromYear', { numeric: 'numeric', max: 4 })}
        {text('validToYear', { hint: t('data.target.toHint'), numeric: 'numeric', max: 4 })}
      </div>
      <Field id={ID('areaId')} label={label('areaId')} hint={t('data.target.areaHint')} error={fieldError(error, 'areaId')}>
        {(p) => (
          <select {...p} value={draft.areaId} onChange={(e) => set('areaId', e.target.value)}>
            <option value="">{t('data.target.allAreas')}</option>
            <AreaOptions areas={choices.areas} />
          </select>
        )}
      </Field>
      <Field id={ID('source')} label={label('source')} error={fieldError(error, 'source')}>
        {(p) => (
          <select {...p} value={draft.source} onChange={(e) => set('source', e.target.value)}>
            {TARGET_SOURCES.map((s) => (
              <option key={s} value={s}>
                {t(`targetSource.${s}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      {text('label', { hint: t('data.target.labelHint'), max: 300 })}
      <div className="actions">
        <button type="submit" disabled={working}>
          {target ? t('data.target.save') : t('data.target.create')}
        </button>
        <button type="button" className="button-secondary" onClick={onCancel} disabled={working}>
          {t('data.cancel')}
        </button>
      </div>
    </form>
  );
}
