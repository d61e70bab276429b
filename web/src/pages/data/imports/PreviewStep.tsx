import { useState } from 'react';
import { formatDate, formatNumber } from '../../../../../src/domain/format.js';
import { ApiError, send } from '../../../api.js';
import { useI18n } from '../../../i18n/I18n.js';
import { ErrorSummary, sentence, type SummaryItem } from '../form/Field.js';
import { ChangeTable } from './ChangeTable.js';
import { IssueTable } from './IssueTable.js';
import { WorkProgress } from './Progress.js';
import type { ImportReport, ImportSessionView } from './types.js';

/**
 * Step 3: what saving would do — new, changed (old → new), unchanged — and every problem, paged;
 * then save it all as one import batch, or nothing. With problems left the file is not saved
 * unless the person chooses to leave those rows out. The server is told the counts that were
 * previewed and refuses if the stored values have changed since.
 */
const SKIP_ID = 'import-skip-invalid';

export function PreviewStep(props: {
  session: ImportSessionView;
  report: ImportReport;
  busy: boolean;
  generation: number;
  onSession: (session: ImportSessionView) => void;
  onBack: () => void;
  onRestart: () => void;
}) {
  const { session, report, busy, generation, onSession, onBack, onRestart } = props;
  const { t, tn } = useI18n();
  const [skipInvalid, setSkipInvalid] = useState(false);
  const [problem, setProblem] = useState<{ error: ApiError; items: SummaryItem[] } | null>(null);
  const c = report.counts;

  const commit = async () => {
    setProblem(null);
    if (c.errors > 0 && !skipInvalid) {
      const error = new ApiError(0, t('data.import.commit.hasErrors', { count: formatNumber(c.errors) }));
      setProblem({ error, items: [{ fieldId: SKIP_ID, label: t('data.import.commit.skip'), message: error.message }] });
      return;
    }
    try {
      const next = await send<ImportSessionView>('POST', `/api/imports/${session.id}/commit`, { skipInvalid, expect: { new: c.new, changed: c.changed, unchanged: c.unchanged } });
      onSession(next);
    } catch (e) {
      const error = e instanceof ApiError ? e : new ApiError(0, (e as Error).message);
      setProblem({ error, items: [{ fieldId: null, label: '', message: error.message }] });
    }
  };

  // the server's own refusal after a commit (stored values changed since the preview, or problems found)
  const refused = !busy && session.error ? session.error : null;

  return (
    <>
      <ul className="import-counts" aria-label={t('data.import.counts')}>
        <li>{tn('data.import.count.new', c.new)}</li>
        <li>{tn('data.import.count.changed', c.changed)}</li>
        <li>{tn('data.import.count.unchanged', c.unchanged)}</li>
        <li className={c.errors > 0 ? 'has-errors' : undefined}>
          {c.errors > 0 ? (
            <span aria-hidden="true" className="error-icon">
              ✗{' '}
            </span>
          ) : null}
          {tn('data.import.count.errors', c.errors)}
        </li>
      </ul>

      {report.previousImports.length > 0 ? (
        <div className="notice">
          <p>
            {t('data.import.previous', {
              list: report.previousImports.map((p) => t('data.import.previousOne', { batch: String(p.batchId), date: formatDate(p.createdAt), who: p.createdBy })).join(', '),
            })}
          </p>
        </div>
      ) : null}
      {report.notes.length > 0 ? (
        <ul className="import-notes">
          {report.notes.map((note, n) => (
            <li key={n}>{note}</li>
          ))}
        </ul>
      ) : null}

      {refused ? (
        <div className="notice notice-error" role="alert">
          <p>
            <strong>{t('data.import.commit.refused')}</strong> {refused.message}
          </p>
          {refused.details.length > 0 ? (
            <ul>
              {refused.details.map((d, n) => (
                <li key={n}>
                  {d.where ? `${d.where}: ` : ''}
                  {sentence(d.message)}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}

      {session.issuesTotal > 0 ? <IssueTable key={generation} sessionId={session.id} total={session.issuesTotal} truncated={report.issuesTruncated} /> : null}
      {report.unresolved.length > 0 ? (
        <p>
          {tn('data.import.unresolvedLeft', report.unresolved.length)}{' '}
          <button type="button" className="link-button" onClick={onBack}>
            {t('data.import.toMapping')}
          </button>
        </p>
      ) : null}

      <ChangeTable rows={report.changes} total={c.changed} caption={t('data.import.changesCaption')} withOld />
      <ChangeTable rows={report.inserts} total={c.new} caption={t('data.import.insertsCaption')} withOld={false} />
      {c.new + c.changed === 0 && c.errors === 0 ? <p className="notice">{t('data.import.nothing')}</p> : null}

      <form className="form form-wide commit-form" noValidate onSubmit={(e) => { e.preventDefault(); void commit(); }}>
        {problem ? <ErrorSummary id="import-commit-problem" cause={problem.error} title={t('data.import.commit.failed')} items={problem.items} /> : null}
        {c.errors > 0 ? (
          <div className="field field-check">
            <input
              id={SKIP_ID}
              type="checkbox"
              checked={skipInvalid}
              onChange={(e) => setSkipInvalid(e.target.checked)}
              disabled={busy}
              aria-describedby={`${SKIP_ID}-hint${problem?.items[0]?.fieldId === SKIP_ID ? ` ${SKIP_ID}-error` : ''}`}
              {...(problem?.items[0]?.fieldId === SKIP_ID ? { 'aria-invalid': true } : {})}
            />
            <label htmlFor={SKIP_ID}>{t('data.import.commit.skip')}</label>
            <p id={`${SKIP_ID}-hint`} className="hint">
              {t('data.import.commit.skipHint')}
            </p>
            {problem?.items[0]?.fieldId === SKIP_ID ? (
              <p id={`${SKIP_ID}-error`} className="field-error">
                {problem.error.message}
              </p>
            ) : null}
          </div>
        ) : null}
        <div className="actions">
          <button type="submit" disabled={busy}>
            {t('data.import.commit.submit')}
          </button>
          <button type="button" className="button-secondary" onClick={onBack} disabled={busy}>
            {t('data.import.toMapping')}
          </button>
          <button type="button" className="button-secondary" onClick={onRestart} disabled={busy}>
            {t('data.import.uploadFixed')}
          </button>
        </div>
        {busy ? <WorkProgress progress={session.progress} committing={session.status === 'committing'} /> : null}
      </form>
    </>
  );
}
