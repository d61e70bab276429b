import { useId, useState, type Dispatch, type SetStateAction } from 'react';
import { useI18n } from '../../../i18n/I18n.js';
import type { DatasetDraft } from './draft.js';
import { isFresh, pasteIntoTable, type PasteOutcome } from './paste.js';

export type { PasteOutcome } from './paste.js';

/**
 * "Klistra in från Excel": a box to paste a selection of cells into, whether the rows replace the
 * table's or come after them, and what came of it — how many rows and what was noticed (a
 * status), or the problems by row and column (an alert) with nothing changed.
 */
export function PastePanel({ draft, setDraft, outcome, setOutcome }: { draft: DatasetDraft; setDraft: Dispatch<SetStateAction<DatasetDraft>>; outcome: PasteOutcome | null; setOutcome: (o: PasteOutcome | null) => void }) {
  const { t, tn } = useI18n();
  const [text, setText] = useState('');
  const [mode, setMode] = useState<'replace' | 'append'>('replace');
  const id = useId();
  const fresh = isFresh(draft);

  const read = () => {
    const result = pasteIntoTable(draft, text, mode);
    setOutcome(result.outcome);
    if (result.outcome.ok) {
      setDraft(result.draft);
      setText('');
    }
  };

  return (
    <section aria-labelledby={`${id}-heading`} className="dataset-paste">
      <h2 id={`${id}-heading`}>{t('datasets.paste.heading')}</h2>
      <div className="field">
        <label htmlFor={`${id}-text`}>{t('datasets.paste.label')}</label>
        <p id={`${id}-hint`} className="hint">
          {t('datasets.paste.hint')} {fresh ? t('datasets.paste.hintNew') : ''}
        </p>
        <textarea id={`${id}-text`} rows={6} value={text} spellCheck={false} aria-describedby={`${id}-hint${outcome && !outcome.ok ? ` ${id}-problems` : ''}`} onChange={(e) => setText(e.target.value)} />
      </div>
      {fresh ? null : (
        <fieldset className="paste-mode">
          <legend>{t('datasets.paste.mode')}</legend>
          {(['replace', 'append'] as const).map((m) => (
            <div className="field-check" key={m}>
              <input id={`${id}-${m}`} type="radio" name={`${id}-mode`} checked={mode === m} onChange={() => setMode(m)} />
              <label htmlFor={`${id}-${m}`}>{t(`datasets.paste.${m}`)}</label>
            </div>
          ))}
        </fieldset>
      )}
      <p>
        <button type="button" className="button-secondary" disabled={text.trim() === ''} onClick={read}>
          {t('datasets.paste.read')}
        </button>
      </p>
      <div role="status" className="paste-status">
        {outcome?.ok ? (
          <div className="notice">
            <p>
              <strong>{tn('datasets.paste.done', outcome.count)}</strong>
            </p>
            {outcome.columnsFromHeader ? <p>{t('datasets.paste.columnsFromHeader')}</p> : null}
            {outcome.notes.map((note, i) => (
              <p key={i} lang="sv">
                {note}
              </p>
            ))}
          </div>
        ) : null}
      </div>
      <div role="alert" id={`${id}-problems`}>
        {outcome && !outcome.ok ? (
          <div className="notice notice-error">
            <p>
              <strong>{t('datasets.paste.failed')}</strong>
            </p>
            {'noHeader' in outcome ? (
              <p>{t('datasets.paste.noHeader')}</p>
            ) : (
              <ul>
                {outcome.messages.map((m, i) => (
                  <li key={i} lang="sv">
                    {m}
                  </li>
                ))}
              </ul>
            )}
          </div>
        ) : null}
      </div>
    </section>
  );
}
