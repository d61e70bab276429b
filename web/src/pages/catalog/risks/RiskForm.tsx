import { useState, type FormEvent } from 'react';
import { bandOf, RISK_SCALE } from '../../../../../src/domain/risk.js';
import { send, type ApiError } from '../../../api.js';
import { useI18n } from '../../../i18n/I18n.js';
import { ErrorSummary, Field, fieldError, summaryItems } from '../../data/form/Field.js';
import { integerInput, toApiError } from '../shared.js';
import type { RiskCategory, RiskRegisterView, RiskRow } from '../types.js';

/**
 * One risk of a register: its category, what the risk is, how it is assessed — probability and
 * consequence 1–4 (the server computes score and band), or, when those are not known, the score
 * as reported — the planned control or action, and who answers for it. A new risk goes last.
 */
type Assessment = 'matrix' | 'reported';

interface Draft {
  categoryCode: string;
  title: string;
  assessment: Assessment;
  probability: string;
  consequence: string;
  reportedScore: string;
  control: string;
  owner: string;
}

function draftOf(risk: RiskRow | null): Draft {
  const reported = risk !== null && !risk.computed && risk.reportedScore !== null;
  return {
    categoryCode: risk?.categoryCode ?? '',
    title: risk?.title ?? '',
    assessment: reported ? 'reported' : 'matrix',
    probability: risk?.probability === null || risk?.probability === undefined ? '' : String(risk.probability),
    consequence: risk?.consequence === null || risk?.consequence === undefined ? '' : String(risk.consequence),
    reportedScore: risk?.reportedScore === null || risk?.reportedScore === undefined ? '' : String(risk.reportedScore),
    control: risk?.control ?? '',
    owner: risk?.owner ?? '',
  };
}

/** What is sent: the parts of the assessment not chosen are null; an empty category is left out, so the server says it is missing. */
function bodyOf(d: Draft): Record<string, unknown> {
  const matrix = d.assessment === 'matrix';
  const body: Record<string, unknown> = {
    title: d.title,
    probability: matrix ? integerInput(d.probability) : null,
    consequence: matrix ? integerInput(d.consequence) : null,
    reportedScore: matrix ? null : integerInput(d.reportedScore),
    control: d.control,
    owner: d.owner,
  };
  if (d.categoryCode !== '') body.categoryCode = d.categoryCode;
  return body;
}

const SCALE = Array.from({ length: RISK_SCALE }, (_, n) => String(n + 1));

export function RiskForm({ registerId, risk, categories, idPrefix, onSaved, onCancel }: { registerId: string; risk: RiskRow | null; categories: readonly RiskCategory[]; idPrefix: string; onSaved: (register: RiskRegisterView) => void; onCancel?: () => void }) {
  const { t } = useI18n();
  const [draft, setDraft] = useState<Draft>(() => draftOf(risk));
  const [error, setError] = useState<ApiError | null>(null);
  const [working, setWorking] = useState(false);
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const ID = (f: string) => `${idPrefix}-${f}`;
  const matrix = draft.assessment === 'matrix';

  // with probability × consequence chosen, "give one or the other" is about the two selects
  const fields = [
    { name: 'categoryCode', label: t('catalog.risk.category'), id: ID('categoryCode') },
    { name: 'title', label: t('catalog.risk.title'), id: ID('title') },
    ...(matrix
      ? [
          { name: 'probability', label: t('catalog.risk.probability'), id: ID('probability') },
          { name: 'consequence', label: t('catalog.risk.consequence'), id: ID('consequence') },
          { name: 'reportedScore', label: t('catalog.risk.probability'), id: ID('probability') },
        ]
      : [{ name: 'reportedScore', label: t('catalog.risk.reportedScore'), id: ID('reportedScore') }]),
    { name: 'control', label: t('catalog.risk.control'), id: ID('control') },
    { name: 'owner', label: t('catalog.risk.owner'), id: ID('owner') },
  ];
  const probabilityError = fieldError(error, 'probability') ?? (matrix ? fieldError(error, 'reportedScore') : null);

  const p = Number(draft.probability);
  const c = Number(draft.consequence);
  const preview = matrix && draft.probability !== '' && draft.consequence !== '' ? { score: p * c, band: bandOf(p * c) } : null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (working) return;
    setError(null);
    setWorking(true);
    try {
      const saved = risk
        ? await send<RiskRegisterView>('PATCH', `/api/risks/${encodeURIComponent(risk.id)}`, bodyOf(draft))
        : await send<RiskRegisterView>('POST', `/api/risk-registers/${encodeURIComponent(registerId)}/risks`, bodyOf(draft));
      if (!risk) setDraft(draftOf(null));
      onSaved(saved);
    } catch (e) {
      setError(toApiError(e));
    } finally {
      setWorking(false);
    }
  };

  const scaleSelect = (name: 'probability' | 'consequence', fieldErrorText: string | null) => (
    <Field id={ID(name)} label={t(`catalog.risk.${name}`)} hint={t(`catalog.risk.${name}Hint`)} error={fieldErrorText}>
      {(props) => (
        <select {...props} value={draft[name]} onChange={(e) => set(name, e.target.value)}>
          <option value="">{t('data.choose')}</option>
          {SCALE.map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
      )}
    </Field>
  );

  return (
    <form className="form form-wide risk-form" noValidate onSubmit={(e) => void submit(e)}>
      {error ? <ErrorSummary id={ID('problem')} cause={error} title={risk ? t('catalog.risk.saveFailed') : t('catalog.risk.addFailed')} items={summaryItems(error, fields)} /> : null}
      <Field id={ID('categoryCode')} label={t('catalog.risk.category')} error={fieldError(error, 'categoryCode')}>
        {(props) => (
          <select {...props} value={draft.categoryCode} onChange={(e) => set('categoryCode', e.target.value)} aria-required="true">
            <option value="">{t('data.choose')}</option>
            {categories.map((cat) => (
              <option key={cat.code} value={cat.code}>
                {cat.parentCode === null ? `${cat.code} ${cat.label}` : `\u00a0\u00a0${cat.code} ${cat.label}`}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id={ID('title')} label={t('catalog.risk.title')} hint={t('catalog.risk.titleHint')} error={fieldError(error, 'title')}>
        {(props) => <input {...props} value={draft.title} onChange={(e) => set('title', e.target.value)} autoComplete="off" maxLength={500} aria-required="true" />}
      </Field>
      <fieldset>
        <legend>{t('catalog.risk.assessment')}</legend>
        <div className="field-check">
          <input type="radio" id={ID('assessment-matrix')} name={ID('assessment')} value="matrix" checked={matrix} onChange={() => set('assessment', 'matrix')} />
          <label htmlFor={ID('assessment-matrix')}>{t('catalog.risk.assessment.matrix')}</label>
        </div>
        <div className="field-check">
          <input type="radio" id={ID('assessment-reported')} name={ID('assessment')} value="reported" checked={!matrix} onChange={() => set('assessment', 'reported')} aria-describedby={ID('assessment-reported-hint')} />
          <label htmlFor={ID('assessment-reported')}>{t('catalog.risk.assessment.reported')}</label>
          <p id={ID('assessment-reported-hint')} className="hint">
            {t('catalog.risk.assessment.reportedHint')}
          </p>
        </div>
        {matrix ? (
          <>
            <div className="field-row">
              {scaleSelect('probability', probabilityError)}
              {scaleSelect('consequence', fieldError(error, 'consequence'))}
            </div>
            <p>
              <output htmlFor={`${ID('probability')} ${ID('consequence')}`} className="risk-preview">
                {preview ? t('catalog.risk.preview', { score: String(preview.score), band: preview.band?.label ?? '' }) : t('catalog.risk.previewNone')}
              </output>
            </p>
          </>
        ) : (
          <Field id={ID('reportedScore')} label={t('catalog.risk.reportedScore')} hint={t('catalog.risk.reportedScoreHint')} error={fieldError(error, 'reportedScore')}>
            {(props) => <input {...props} value={draft.reportedScore} onChange={(e) => set('reportedScore', e.target.value)} autoComplete="off" inputMode="numeric" maxLength={2} />}
          </Field>
        )}
      </fieldset>
      <Field id={ID('control')} label={t('catalog.risk.control')} hint={t('catalog.risk.controlHint')} error={fieldError(error, 'control')}>
        {(props) => <textarea {...props} value={draft.control} onChange={(e) => set('control', e.target.value)} rows={3} maxLength={2000} />}
      </Field>
      <Field id={ID('owner')} label={t('catalog.risk.owner')} hint={t('catalog.risk.ownerHint')} error={fieldError(error, 'owner')}>
        {(props) => <input {...props} value={draft.owner} onChange={(e) => set('owner', e.target.value)} autoComplete="off" maxLength={200} />}
      </Field>
      <div className="actions">
        <button type="submit" disabled={working}>
          {risk ? t('catalog.risk.save') : t('catalog.risk.add')}
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
