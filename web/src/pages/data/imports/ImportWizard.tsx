import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { formatNumber } from '../../../../../src/domain/format.js';
import { ApiError, send } from '../../../api.js';
import { useI18n } from '../../../i18n/I18n.js';
import { ErrorSummary, Field } from '../form/Field.js';
import { MappingStep } from './MappingStep.js';
import { PreviewStep } from './PreviewStep.js';
import { percent, ProgressBar, WorkProgress } from './Progress.js';
import type { ImportSessionView, SessionStatus } from './types.js';
import { uploadImportFile } from './upload.js';
import { useImportSession } from './useImportSession.js';

/**
 * The import wizard: 1 choose a file (uploaded with progress; the server analyses it at once) →
 * 2 mapping (what the file was read as, the sheet, indicator and area for files without those
 * columns, names the server did not know mapped to indicators and areas and saved for next time)
 * → 3 preview (new, changed old → new, unchanged, every problem with row and column, paged) →
 * 4 saved as one import batch, all or nothing. Each step's heading takes focus when it opens.
 */
type Step = 'upload' | 'mapping' | 'preview' | 'done';
const STEPS: Step[] = ['upload', 'mapping', 'preview', 'done'];
const FILE_ID = 'import-file';

export function ImportWizard({ onCommitted }: { onCommitted: (batchId: number | null) => void }) {
  const { t, tn } = useI18n();
  const { session, busy, pollError, set } = useImportSession();
  const [view, setView] = useState<'mapping' | 'preview'>('mapping');
  const [upload, setUpload] = useState<{ name: string; sent: number; total: number } | null>(null);
  const [uploadError, setUploadError] = useState<ApiError | null>(null);
  const [generation, setGeneration] = useState(0);
  const [sheetNames, setSheetNames] = useState<string[]>([]);
  const fileInput = useRef<HTMLInputElement>(null);
  const headings = useRef<Partial<Record<Step, HTMLHeadingElement | null>>>({});

  const report = session?.report ?? null;
  const step: Step =
    session === null || (report === null && session.status !== 'committed') ? 'upload' : session.status === 'committed' ? 'done' : view;

  // each finished analysis is a new generation: tables of problems start from their first page
  const status = session?.status ?? null;
  const batchId = report?.batchId ?? null;
  const lastStatus = useRef<SessionStatus | null>(null);
  useEffect(() => {
    const previous = lastStatus.current;
    lastStatus.current = status;
    if (previous === status) return;
    if (status === 'ready') setGeneration((g) => g + 1);
    if (status === 'committed') onCommitted(batchId);
  }, [status, batchId, onCommitted]);

  // the sheets of a workbook as the analysis of all sheets found them (the list stays when one is chosen)
  useEffect(() => {
    if (report && session?.settings.sheet === null) setSheetNames(report.sheets.map((s) => s.sheet).filter((s): s is string => s !== null));
  }, [report, session?.settings.sheet]);

  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    headings.current[step]?.focus();
  }, [step]);

  // leaving the page with an upload that was not saved: the server may drop its copy at once
  const latest = useRef<ImportSessionView | null>(null);
  latest.current = session;
  useEffect(
    () => () => {
      const left = latest.current;
      if (left && left.status !== 'committed' && left.status !== 'analysing' && left.status !== 'committing') void send('DELETE', `/api/imports/${left.id}`).catch(() => undefined);
    },
    [],
  );

  const discard = async (current: ImportSessionView | null) => {
    if (current && current.status !== 'committed' && current.status !== 'analysing' && current.status !== 'committing') {
      await send('DELETE', `/api/imports/${current.id}`).catch(() => undefined);
    }
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const file = fileInput.current?.files?.[0];
    if (!file) {
      setUploadError(new ApiError(0, t('data.import.file.missing')));
      return;
    }
    await discard(session);
    set(null);
    setUploadError(null);
    setView('mapping');
    setUpload({ name: file.name, sent: 0, total: file.size });
    try {
      const created = await uploadImportFile(file, (sent, total) => setUpload({ name: file.name, sent, total }));
      setSheetNames([]);
      set(created);
    } catch (error) {
      if ((error as Error).name !== 'AbortError') setUploadError(error instanceof ApiError ? error : new ApiError(0, (error as Error).message));
    } finally {
      setUpload(null);
    }
  };

  const restart = async () => {
    await discard(session);
    set(null);
    setView('mapping');
    setUploadError(null);
    if (fileInput.current) fileInput.current.value = '';
    // the upload step opens; its heading takes focus (effect above)
  };

  // an analysis that failed before anything was read is a problem with the file: shown at the file field
  const failed = session?.status === 'failed' && report === null ? session.error : null;
  const failedError = useMemo(() => (failed ? new ApiError(0, failed.message, null, failed.code, failed.details) : null), [failed]);
  const fileProblem = uploadError ?? failedError ?? pollError;

  return (
    <section aria-labelledby="import-wizard-title" className="import-wizard">
      <h2 id="import-wizard-title">{t('data.import.wizard')}</h2>
      <ol className="steps" aria-label={t('data.import.steps')}>
        {STEPS.map((s, n) => {
          const passed = STEPS.indexOf(step) > n;
          return (
            <li key={s} aria-current={s === step ? 'step' : undefined} className={s === step ? 'current' : passed ? 'passed' : undefined}>
              <span className="step-number" aria-hidden="true">
                {passed ? '✓' : n + 1}
              </span>{' '}
              <span className="visually-hidden">{n + 1}. </span>
              {t(`data.import.step.${s}`)}
              {s === step ? <span className="visually-hidden"> {t('data.import.step.current')}</span> : null}
              {passed ? <span className="visually-hidden"> {t('data.import.step.passed')}</span> : null}
            </li>
          );
        })}
      </ol>

      {step === 'upload' ? (
        <div className="wizard-step">
          <h3 tabIndex={-1} ref={(el) => void (headings.current.upload = el)}>
            {t('data.import.step.upload')}
          </h3>
          <p>{t('data.import.file.intro')}</p>
          <form className="form" noValidate onSubmit={(e) => void submit(e)}>
            {fileProblem ? (
              <ErrorSummary
                id="import-file-problem"
                cause={fileProblem}
                title={t('data.import.file.failed')}
                items={[{ fieldId: FILE_ID, label: t('data.import.file.label'), message: fileProblem.message }]}
              />
            ) : null}
            <Field id={FILE_ID} label={t('data.import.file.label')} hint={t('data.import.file.hint')} error={fileProblem?.message ?? null}>
              {(props) => <input {...props} ref={fileInput} type="file" name="file" accept=".csv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" disabled={upload !== null || busy} />}
            </Field>
            <p>
              <button type="submit" disabled={upload !== null || busy}>
                {t('data.import.file.submit')}
              </button>
            </p>
          </form>
          {upload ? (
            <ProgressBar
              label={t('data.import.progress.upload', { file: upload.name })}
              done={upload.sent}
              total={upload.total}
              text={t('data.import.progress.uploadText', { file: upload.name, percent: percent(upload.sent, upload.total), sent: formatNumber(upload.sent / 1024, 0) })}
            />
          ) : null}
          {busy && session ? <WorkProgress progress={session.progress} committing={false} /> : null}
        </div>
      ) : null}

      {step === 'mapping' && session && report ? (
        <div className="wizard-step">
          <h3 tabIndex={-1} ref={(el) => void (headings.current.mapping = el)}>
            {t('data.import.step.mapping')}
          </h3>
          <MappingStep session={session} report={report} sheetNames={sheetNames} busy={busy} onSession={set} onContinue={() => setView('preview')} onRestart={() => void restart()} />
        </div>
      ) : null}

      {step === 'preview' && session && report ? (
        <div className="wizard-step">
          <h3 tabIndex={-1} ref={(el) => void (headings.current.preview = el)}>
            {t('data.import.step.preview')}
          </h3>
          <PreviewStep session={session} report={report} busy={busy} generation={generation} onSession={set} onBack={() => setView('mapping')} onRestart={() => void restart()} />
        </div>
      ) : null}

      {step === 'done' && session ? (
        <div className="wizard-step">
          <h3 tabIndex={-1} ref={(el) => void (headings.current.done = el)}>
            {t('data.import.step.done')}
          </h3>
          <div className="notice" role="status">
            <p>
              {t('data.import.done', {
                batch: String(report?.batchId ?? '–'),
                file: session.fileName,
                new: tn('data.import.count.new', report?.counts.new ?? 0),
                changed: tn('data.import.count.changed', report?.counts.changed ?? 0),
                unchanged: tn('data.import.count.unchanged', report?.counts.unchanged ?? 0),
              })}
            </p>
            {report && report.skipped > 0 ? <p>{t('data.import.doneSkipped', { count: formatNumber(report.skipped) })}</p> : null}
          </div>
          <p>
            <button type="button" onClick={() => void restart()}>
              {t('data.import.another')}
            </button>
          </p>
        </div>
      ) : null}
    </section>
  );
}
