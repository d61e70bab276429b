import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { formatDate, formatNumber } from '../../../../src/domain/format.js';
import { latestReadable, PUBLISHED_FORMATS, type ArtifactInfo, type VersionSummary } from '../../../../src/domain/publishing.js';
import { getJson, send } from '../../api.js';
import { TableWrap } from '../../components/TableWrap.js';
import { useI18n } from '../../i18n/I18n.js';
import { versionFileUrl } from '../../lib/authoringPaths.js';
import { paths } from '../../lib/paths.js';
import { useSession } from '../../session/Session.js';
import { ConfirmButtons, Dialog } from './Dialog.js';
import { Field, fieldErrors, FormError, messageFor, sentence } from './fields.js';
import { MeetingStatusTag, Readiness } from './status.js';
import type { AuthoringMeeting } from './types.js';
import { toVersionsData, versionsUrl, type VersionsData } from './versionsData.js';

/** "22 november 2026 kl. 07.56 UTC": the stored UTC time, as recorded. */
export function formatTimestamp(iso: string): string {
  const time = /T(\d{2}):(\d{2})/.exec(iso);
  return time ? `${formatDate(iso)} kl. ${time[1]}.${time[2]} UTC` : formatDate(iso);
}

function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const kb = bytes / 1024;
  return kb < 1024 ? `${formatNumber(kb, 0)} kB` : `${formatNumber(kb / 1024, 1)} MB`;
}

type Phase = { state: 'idle' } | { state: 'working'; message: string } | { state: 'done'; message: string } | { state: 'failed'; title: string; error: unknown };

/**
 * Publishing a draft (with a confirmation), the progress while the three formats are rendered,
 * the versions with their files and hashes, corrections and withdrawals (with a reason).
 */
export function Publishing({ initial, editor }: { initial: VersionsData; editor: boolean }) {
  const { t } = useI18n();
  const { can } = useSession();
  const [data, setData] = useState(initial);
  const [phase, setPhase] = useState<Phase>({ state: 'idle' });
  const [dialog, setDialog] = useState<'publish' | 'correction' | 'delete' | null>(null);
  const navigate = useNavigate();
  const [withdrawing, setWithdrawing] = useState<number | null>(null);
  const [focusTarget, setFocusTarget] = useState<string | null>(null);
  const statusRef = useRef<HTMLDivElement>(null);
  const meeting = data.meeting;
  const mayPublish = can('publish');
  const nextVersion = Math.max(0, ...data.versions.map((v) => v.version)) + 1;
  const current = latestReadable(data.versions);
  // a draft that was never published may be deleted; a meeting with a version never is
  const mayDelete = editor && can('edit_meetings') && meeting.status === 'draft' && data.versions.length === 0;

  useEffect(() => {
    if (focusTarget === null) return;
    document.getElementById(focusTarget)?.focus();
    setFocusTarget(null);
  }, [focusTarget, data, phase]);

  const refresh = async () => {
    const url = versionsUrl(meeting.id, editor);
    if (editor) setData(toVersionsData(await getJson<AuthoringMeeting>(url)));
    else setData({ ...data, versions: await getJson<VersionSummary[]>(url) });
  };

  /** Runs a change with its progress message, then shows the new state and moves focus. */
  const run = async (working: string, failedTitle: string, action: () => Promise<{ message: string; focus: string }>) => {
    setPhase({ state: 'working', message: working });
    requestAnimationFrame(() => statusRef.current?.focus());
    try {
      const { message, focus } = await action();
      await refresh();
      setPhase({ state: 'done', message });
      setFocusTarget(focus);
    } catch (error) {
      setPhase({ state: 'failed', title: failedTitle, error });
      setFocusTarget('publicering-status');
    }
  };

  const publish = () => {
    setDialog(null);
    void run(t('authoring.publish.working', { version: String(nextVersion) }), t('authoring.publish.failed'), async () => {
      const v = await send<VersionSummary>('POST', `/api/meetings/${encodeURIComponent(meeting.id)}/publish`);
      return { message: t('authoring.publish.done', { version: String(v.version) }), focus: `version-${v.version}` };
    });
  };

  const correct = () => {
    setDialog(null);
    void run(t('authoring.correction.working'), t('authoring.correction.failed'), async () => {
      await send('POST', `/api/meetings/${encodeURIComponent(meeting.id)}/correction`);
      return { message: t('authoring.correction.done', { version: String(nextVersion) }), focus: 'publicera' };
    });
  };

  const remove = () => {
    setDialog(null);
    setPhase({ state: 'working', message: t('authoring.deleteMeeting.working') });
    requestAnimationFrame(() => statusRef.current?.focus());
    send('DELETE', `/api/meetings/${encodeURIComponent(meeting.id)}`).then(
      () => navigate(paths.meetings(), { state: { deletedMeeting: `${meeting.body} ${formatDate(meeting.date)}` } }),
      (error: unknown) => {
        setPhase({ state: 'failed', title: t('authoring.deleteMeeting.failed'), error });
        setFocusTarget('publicering-status');
      },
    );
  };

  const working = phase.state === 'working';
  return (
    <>
      <p className="lead">
        <MeetingStatusTag status={meeting.status} /> · {t('meetings.planPeriod', { plan: meeting.planPeriodId.replace('-', '–') })}
      </p>

      <div id="publicering-status" ref={statusRef} tabIndex={-1} className="publish-status">
        <div role="status">
          {phase.state === 'working' ? (
            <p className="loading">
              <span className="spinner" aria-hidden="true" />
              {phase.message}
            </p>
          ) : null}
          {phase.state === 'done' ? <p className="notice">{phase.message}</p> : null}
        </div>
        {phase.state === 'failed' ? <FormError title={phase.title} error={phase.error} /> : null}
      </div>

      {mayPublish && meeting.status === 'draft' ? (
        <section aria-labelledby="publicera" className="publish-panel">
          <h2 id="publicera" tabIndex={-1}>
            {t('authoring.publish.title')}
          </h2>
          {data.readiness ? <Readiness ready={data.readiness.ready} total={data.readiness.total} /> : null}
          <p>{t('authoring.publish.intro', { version: String(nextVersion) })}</p>
          <button type="button" id="publicera-knapp" aria-disabled={working ? true : undefined} onClick={() => (working ? undefined : setDialog('publish'))}>
            {t('authoring.publish.button')}
          </button>
        </section>
      ) : null}
      {mayPublish && meeting.status === 'published' ? (
        <section aria-labelledby="ratta" className="publish-panel">
          <h2 id="ratta" tabIndex={-1}>
            {t('authoring.correction.title')}
          </h2>
          <p>{t('authoring.correction.intro', { version: String(nextVersion) })}</p>
          <button type="button" id="ratta-knapp" className="button-secondary" aria-disabled={working ? true : undefined} onClick={() => (working ? undefined : setDialog('correction'))}>
            {t('authoring.correction.button')}
          </button>
        </section>
      ) : null}

      {mayDelete ? (
        <section aria-labelledby="ta-bort" className="publish-panel">
          <h2 id="ta-bort" tabIndex={-1}>
            {t('authoring.deleteMeeting.title')}
          </h2>
          <p>{t('authoring.deleteMeeting.intro')}</p>
          <button type="button" id="ta-bort-knapp" className="button-secondary" aria-disabled={working ? true : undefined} onClick={() => (working ? undefined : setDialog('delete'))}>
            {t('authoring.deleteMeeting.button')}
          </button>
        </section>
      ) : null}

      <section aria-labelledby="versioner">
        <h2 id="versioner">{t('authoring.versions.heading')}</h2>
        {data.versions.length === 0 ? <p>{t('authoring.versions.none')}</p> : null}
        {data.versions.map((v) => (
          <VersionCard key={v.version} meetingId={meeting.id} version={v} current={current?.version === v.version} canWithdraw={mayPublish && v.withdrawal === null} readerView={!editor} onWithdraw={() => setWithdrawing(v.version)} />
        ))}
      </section>

      <Dialog open={dialog === 'publish'} title={t('authoring.publish.dialogTitle', { version: String(nextVersion) })} onClose={() => setDialog(null)} describedBy="publicera-text">
        <div id="publicera-text">
          <p>{t('authoring.publish.dialogText', { version: String(nextVersion) })}</p>
          {data.readiness && data.readiness.ready < data.readiness.total ? (
            <p className="notice">
              <strong>{t('authoring.publish.notAllReady', { ready: String(data.readiness.ready), total: String(data.readiness.total) })}</strong>
            </p>
          ) : null}
        </div>
        <ConfirmButtons confirm={t('authoring.publish.confirm', { version: String(nextVersion) })} onConfirm={publish} onCancel={() => setDialog(null)} cancel={t('authoring.cancel')} />
      </Dialog>

      <Dialog open={dialog === 'correction'} title={t('authoring.correction.dialogTitle')} onClose={() => setDialog(null)} describedBy="ratta-text">
        <p id="ratta-text">{t('authoring.correction.dialogText', { version: String(nextVersion), current: String(nextVersion - 1) })}</p>
        <ConfirmButtons confirm={t('authoring.correction.confirm')} onConfirm={correct} onCancel={() => setDialog(null)} cancel={t('authoring.cancel')} />
      </Dialog>

      <Dialog open={dialog === 'delete'} title={t('authoring.deleteMeeting.dialogTitle', { meeting: `${meeting.body} ${formatDate(meeting.date)}` })} onClose={() => setDialog(null)} describedBy="ta-bort-text">
        <p id="ta-bort-text">{t('authoring.deleteMeeting.dialogText')}</p>
        <ConfirmButtons confirm={t('authoring.deleteMeeting.confirm')} onConfirm={remove} onCancel={() => setDialog(null)} cancel={t('authoring.cancel')} />
      </Dialog>

      <WithdrawDialog
        meetingId={meeting.id}
        version={withdrawing}
        onClose={() => setWithdrawing(null)}
        onDone={async (v) => {
          setWithdrawing(null);
          await refresh();
          setPhase({ state: 'done', message: t('authoring.withdraw.done', { version: String(v.version) }) });
          setFocusTarget(`version-${v.version}`);
        }}
      />
    </>
  );
}

function VersionCard({ meetingId, version: v, current, canWithdraw, readerView, onWithdraw }: { meetingId: string; version: VersionSummary; current: boolean; canWithdraw: boolean; readerView: boolean; onWithdraw: () => void }) {
  const { t } = useI18n();
  const files = PUBLISHED_FORMATS.map((format) => ({ format, artifact: v.artifacts.find((a) => a.format === format) ?? null }));
  const snapshot = v.artifacts.find((a) => a.format === 'json') ?? null;
  const formatName = (f: ArtifactInfo['format']) => t(`authoring.versions.format.${f}`);
  return (
    <article className={v.withdrawal ? 'version version-withdrawn' : 'version'} aria-labelledby={`version-${v.version}`}>
      <h3 id={`version-${v.version}`} tabIndex={-1}>
        {t('authoring.versions.version', { version: String(v.version) })}{' '}
        <span className={v.withdrawal ? 'version-state version-state-withdrawn' : 'version-state'}>
          {v.withdrawal ? t('authoring.versions.withdrawn') : current ? t('authoring.versions.current') : t('authoring.versions.older')}
        </span>
      </h3>
      <dl className="facts facts-wide">
        <div>
          <dt>{t('authoring.versions.publishedAt')}</dt>
          <dd>{formatTimestamp(v.publishedAt)}</dd>
        </div>
        <div>
          <dt>{t('authoring.versions.publishedBy')}</dt>
          <dd>{v.publishedBy}</dd>
        </div>
        {v.withdrawal ? (
          <>
            <div>
              <dt>{t('authoring.versions.withdrawnAt')}</dt>
              <dd>{t('authoring.versions.withdrawnBy', { when: formatTimestamp(v.withdrawal.at), who: v.withdrawal.by })}</dd>
            </div>
            <div>
              <dt>{t('authoring.versions.reason')}</dt>
              <dd>{v.withdrawal.reason}</dd>
            </div>
          </>
        ) : null}
      </dl>
      {v.missingFormats.length > 0 ? <p className="notice">{t('authoring.versions.missing', { formats: v.missingFormats.map((f) => f.toUpperCase()).join(', ') })}</p> : null}
      <TableWrap label={t('authoring.versions.filesOf', { version: String(v.version) })}>
        <table className="version-files">
          <caption>{t('authoring.versions.filesOf', { version: String(v.version) })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('authoring.versions.format')}</th>
              <th scope="col">{t('authoring.versions.file')}</th>
              <th scope="col" className="num">
                {t('authoring.versions.size')}
              </th>
              <th scope="col">SHA-256</th>
            </tr>
          </thead>
          <tbody>
            {files.map(({ format, artifact }) => (
              <tr key={format}>
                <th scope="row">{formatName(format)}</th>
                <td>
                  {artifact === null ? (
                    t('authoring.versions.noFile')
                  ) : readerView && v.withdrawal ? (
                    artifact.fileName
                  ) : (
                    <a href={versionFileUrl(meetingId, v.version, format)} {...(format === 'pptx' ? { download: artifact.fileName } : {})}>
                      {artifact.fileName}
                      <span className="visually-hidden"> ({t('authoring.versions.version', { version: String(v.version) })})</span>
                    </a>
                  )}
                </td>
                <td className="num">{artifact ? formatSize(artifact.size) : '–'}</td>
                <td>{artifact ? <code className="sha">{artifact.sha256}</code> : '–'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
      {snapshot ? (
        <p className="muted">
          {t('authoring.versions.snapshot')} <code className="sha">{snapshot.sha256}</code>
        </p>
      ) : null}
      {canWithdraw ? (
        <button type="button" id={`aterkalla-${v.version}`} className="button-danger" onClick={onWithdraw}>
          {t('authoring.withdraw.button', { version: String(v.version) })}
        </button>
      ) : null}
    </article>
  );
}

/** Withdrawing a version needs a reason; the version and its files stay on record. */
function WithdrawDialog({ meetingId, version, onClose, onDone }: { meetingId: string; version: number | null; onClose: () => void; onDone: (v: VersionSummary) => Promise<void> }) {
  const { t } = useI18n();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const textId = useId();
  const fieldRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (version === null) {
      setReason('');
      setError(null);
      setFailure(null);
    }
  }, [version]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (version === null || busy) return;
    const focusField = () => requestAnimationFrame(() => fieldRef.current?.querySelector<HTMLElement>('textarea')?.focus());
    if (reason.trim() === '') {
      setError(t('authoring.withdraw.reasonMissing'));
      focusField();
      return;
    }
    setBusy(true);
    setFailure(null);
    try {
      const v = await send<VersionSummary>('POST', `/api/meetings/${encodeURIComponent(meetingId)}/versions/${version}/withdraw`, { reason: reason.trim() });
      await onDone(v);
    } catch (e) {
      const fieldMessage = messageFor(fieldErrors(e), 'reason');
      if (fieldMessage) {
        setError(sentence(fieldMessage));
        focusField();
      } else setFailure(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog open={version !== null} title={t('authoring.withdraw.title', { version: String(version ?? '') })} onClose={() => (busy ? undefined : onClose())} describedBy={textId}>
      <form noValidate onSubmit={(e) => void submit(e)} className="form">
        <p id={textId}>{t('authoring.withdraw.text')}</p>
        <FormError title={t('authoring.withdraw.failed')} error={failure} />
        <div ref={fieldRef}>
          <Field label={t('authoring.withdraw.reason')} hint={t('authoring.withdraw.reasonHint')} error={error}>
            {(p) => <textarea {...p} data-autofocus rows={4} value={reason} onChange={(e) => setReason(e.target.value)} maxLength={2000} />}
          </Field>
        </div>
        <div className="button-row">
          <button type="submit" className="button-danger" aria-disabled={busy ? true : undefined}>
            {t('authoring.withdraw.confirm', { version: String(version ?? '') })}
          </button>
          <button type="button" className="button-secondary" onClick={() => (busy ? undefined : onClose())}>
            {t('authoring.cancel')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
