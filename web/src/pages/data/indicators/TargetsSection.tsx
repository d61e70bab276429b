import { useEffect, useRef, useState } from 'react';
import { targetView } from '../../../../../src/domain/blockView.js';
import type { Target } from '../../../../../src/domain/target.js';
import { ApiError, send } from '../../../api.js';
import { ErrorMessage } from '../../../components/LoadState.js';
import { useI18n } from '../../../i18n/I18n.js';
import type { IndicatorDetail } from '../../../lib/types.js';
import { TargetForm } from './TargetForm.js';
import type { EditorChoices } from './useEditorData.js';

/** The indicator's targets: each as the scorecard will read it, to change or remove; and a new one. */
export function TargetsSection({ indicator, choices, onChanged }: { indicator: IndicatorDetail; choices: EditorChoices; onChanged: (next: IndicatorDetail) => void }) {
  const { t } = useI18n();
  const [editing, setEditing] = useState<string | null>(null);
  const [removing, setRemoving] = useState<Target | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const messageRef = useRef<HTMLParagraphElement>(null);
  const removeRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (message) messageRef.current?.focus();
  }, [message]);
  useEffect(() => {
    if (removing) removeRef.current?.focus();
  }, [removing]);
  useEffect(() => {
    // an opened form starts at its first field
    if (editing) document.getElementById(`${formId(editing)}-comparator`)?.focus();
  }, [editing]);

  const describe = (target: Target) => {
    // as the scorecard and the board pack write it (domain/blockView.ts)
    const rule = targetView(target, indicator).text;
    const years =
      target.validToYear === null
        ? t('data.target.fromYear', { year: String(target.validFromYear) })
        : target.validToYear === target.validFromYear
          ? String(target.validFromYear)
          : `${target.validFromYear}–${target.validToYear}`;
    const area = target.areaId === null ? t('data.target.allAreas') : (choices.areas.find((a) => a.id === target.areaId)?.name ?? target.areaId);
    return { rule, detail: `${years}, ${area}, ${t(`targetSource.${target.source}`)}` };
  };

  const saved = (next: IndicatorDetail, text: string) => {
    setEditing(null);
    setError(null);
    setMessage(text);
    onChanged(next);
  };

  const remove = async (target: Target) => {
    setError(null);
    try {
      const next = await send<IndicatorDetail>('DELETE', `/api/targets/${encodeURIComponent(target.id)}`);
      setRemoving(null);
      saved(next, t('data.target.removed', { label: target.label }));
    } catch (e) {
      setRemoving(null);
      setError(e instanceof ApiError ? e : new ApiError(0, (e as Error).message));
    }
  };

  return (
    <section aria-labelledby="targets-heading" className="targets-editor">
      <h2 id="targets-heading">{t('indicator.targets')}</h2>
      {message ? (
        <p ref={messageRef} tabIndex={-1} className="notice" role="status">
          {message}
        </p>
      ) : null}
      {error ? <ErrorMessage error={error} what={t('data.what.target')} /> : null}
      {indicator.targets.length === 0 ? <p>{t('card.noTarget')}</p> : null}
      <ul className="target-list">
        {indicator.targets.map((target) => {
          const d = describe(target);
          return (
            <li key={target.id} className="target-item">
              {editing === target.id ? (
                <>
                  <h3>{t('data.target.editTitle', { label: target.label })}</h3>
                  <TargetForm
                    indicator={indicator}
                    target={target}
                    choices={choices}
                    idPrefix={formId(target.id)}
                    onSaved={(next) => saved(next, t('data.target.saved', { label: target.label }))}
                    onCancel={() => setEditing(null)}
                  />
                </>
              ) : (
                <>
                  <p className="target-rule">
                    <strong>{d.rule}</strong> <span className="muted">({d.detail})</span>
                  </p>
                  <p>{target.label}</p>
                  <div className="actions">
                    <button type="button" className="button-secondary" onClick={() => { setMessage(null); setEditing(target.id); }} aria-label={`${t('data.target.edit')}: ${target.label}`}>
                      {t('data.target.edit')}
                    </button>
                    <button type="button" className="button-secondary" onClick={() => { setMessage(null); setRemoving(target); }} aria-label={`${t('data.target.remove')}: ${target.label}`}>
                      {t('data.target.remove')}
                    </button>
                  </div>
                  {removing?.id === target.id ? (
                    <div ref={removeRef} tabIndex={-1} className="notice confirm" role="group" aria-labelledby={`${formId(target.id)}-remove-q`}>
                      <p id={`${formId(target.id)}-remove-q`}>
                        <strong>{t('data.target.removeQuestion', { label: target.label })}</strong>
                      </p>
                      <div className="actions">
                        <button type="button" onClick={() => void remove(target)}>
                          {t('data.target.removeYes')}
                        </button>
                        <button type="button" className="button-secondary" onClick={() => setRemoving(null)}>
                          {t('data.cancel')}
                        </button>
                      </div>
                    </div>
                  ) : null}
                </>
              )}
            </li>
          );
        })}
      </ul>
      {editing === 'new' ? (
        <div className="target-item">
          <h3>{t('data.target.newTitle')}</h3>
          <TargetForm
            indicator={indicator}
            target={null}
            choices={choices}
            idPrefix={formId('new')}
            onSaved={(next) => saved(next, t('data.target.created'))}
            onCancel={() => setEditing(null)}
          />
        </div>
      ) : (
        <p>
          <button type="button" onClick={() => { setMessage(null); setEditing('new'); }}>
            {t('data.target.new')}
          </button>
        </p>
      )}
    </section>
  );
}

function formId(targetId: string): string {
  return `target-${targetId.replace(/[^a-zA-Z0-9_-]/g, '_')}`;
}
