import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { GoalLine } from '../../../../src/domain/plan.js';
import { ApiError, send } from '../../api.js';
import { useI18n } from '../../i18n/I18n.js';
import { ErrorSummary, Field, sentence } from '../data/form/Field.js';
import type { LineChoice } from './usePlanCatalog.js';

/**
 * The goal lines with the plan periods they run through and their short names (aliases: the
 * forms agendas and imported files write the goal in), one per line in a text box, saved per line
 * (PATCH /api/goal-lines/:id).
 */
export function GoalLinesSection({ lines, onSaved }: { lines: readonly LineChoice[]; onSaved: () => Promise<void> }) {
  const { t } = useI18n();
  return (
    <section aria-labelledby="goal-lines-heading" className="plan-section">
      <h2 id="goal-lines-heading">{t('plan.lines.heading')}</h2>
      <p className="hint">{t('plan.lines.hint')}</p>
      <ul className="plain goal-lines">
        {lines.map((line) => (
          <li key={line.id}>
            <LineForm line={line} onSaved={onSaved} />
          </li>
        ))}
      </ul>
    </section>
  );
}

/** "aliases[2]" → "Kortnamn 3: …" (counted from 1 for people). */
function aliasMessage(error: ApiError): string | null {
  const parts = error.details
    .filter((d) => d.where !== null && (d.where === 'aliases' || d.where.startsWith('aliases[')))
    .map((d) => {
      const n = /^aliases\[(\d+)\]/.exec(d.where ?? '');
      return n ? `${Number(n[1]) + 1}: ${sentence(d.message)}` : sentence(d.message);
    });
  return parts.length > 0 ? parts.join(' ') : null;
}

function LineForm({ line, onSaved }: { line: LineChoice; onSaved: () => Promise<void> }) {
  const { t } = useI18n();
  const id = `line-${line.id}`;
  const [text, setText] = useState(line.aliases.join('\n'));
  const [error, setError] = useState<ApiError | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const messageRef = useRef<HTMLParagraphElement>(null);

  useEffect(() => {
    if (message) messageRef.current?.focus();
  }, [message]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    setMessage(null);
    const aliases = text
      .split('\n')
      .map((a) => a.trim())
      .filter((a) => a !== '');
    try {
      const saved = await send<GoalLine>('PATCH', `/api/goal-lines/${encodeURIComponent(line.id)}`, { aliases });
      setText(saved.aliases.join('\n'));
      await onSaved();
      setMessage(t('plan.lines.saved', { name: line.name }));
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, (e as Error).message));
    } finally {
      setBusy(false);
    }
  };

  const fieldMessage = error ? aliasMessage(error) : null;
  const label = t('plan.lines.aliases', { name: line.name });
  return (
    <form className="form line-form" noValidate onSubmit={(e) => void submit(e)} aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{line.name}</h3>
      <p className="muted">
        {line.periods.length > 0 ? t('plan.lines.periods', { periods: line.periods.join(', ') }) : null}
        {line.formerNames.length > 0 ? ` ${t('plan.lines.formerly', { names: line.formerNames.map((n) => `”${n}”`).join(', ') })}` : null}
      </p>
      {message ? (
        <p ref={messageRef} tabIndex={-1} className="notice" role="status">
          {message}
        </p>
      ) : null}
      {error ? <ErrorSummary id={`${id}-problem`} cause={error} title={t('plan.lines.failed', { name: line.name })} items={[{ fieldId: fieldMessage ? `${id}-aliases` : null, label: fieldMessage ? label : '', message: fieldMessage ?? error.message }]} /> : null}
      <Field id={`${id}-aliases`} label={label} error={fieldMessage}>
        {(p) => <textarea {...p} rows={Math.max(2, text.split('\n').length)} value={text} onChange={(e) => setText(e.target.value)} />}
      </Field>
      <p>
        <button type="submit" className="button-secondary" aria-label={`${t('plan.lines.save')}: ${line.name}`} aria-disabled={busy ? true : undefined}>
          {t('plan.lines.save')}
        </button>
      </p>
    </form>
  );
}
