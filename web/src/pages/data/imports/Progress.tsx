import { formatNumber } from '../../../../../src/domain/format.js';
import { useI18n } from '../../../i18n/I18n.js';
import type { ImportProgress } from './types.js';

/** How far an upload, an analysis or a commit has come: a progress bar and the same in words (role=status). */
export function ProgressBar({ label, done, total, text }: { label: string; done: number | null; total: number | null; text: string }) {
  const known = done !== null && total !== null && total > 0;
  return (
    <div className="import-progress">
      <progress aria-label={label} {...(known ? { value: Math.min(done, total), max: total } : {})} />
      <p role="status" className="muted">
        {text}
      </p>
    </div>
  );
}

export function percent(done: number, total: number): string {
  return total > 0 ? `${formatNumber(Math.min(100, Math.floor((done / total) * 100)))}\u00a0%` : '';
}

/** The server's progress of an analysis or a commit. */
export function WorkProgress({ progress, committing }: { progress: ImportProgress | null; committing: boolean }) {
  const { t } = useI18n();
  const label = committing ? t('data.import.progress.committing') : t('data.import.progress.analysing');
  if (progress === null) return <ProgressBar label={label} done={null} total={null} text={label} />;
  switch (progress.phase) {
    case 'read':
      return (
        <ProgressBar
          label={label}
          done={progress.bytes}
          total={progress.totalBytes}
          text={t('data.import.progress.read', { percent: percent(progress.bytes, progress.totalBytes), rows: formatNumber(progress.rows) })}
        />
      );
    case 'check':
      return <ProgressBar label={label} done={null} total={null} text={t('data.import.progress.check')} />;
    case 'plan':
      return <ProgressBar label={label} done={null} total={null} text={t('data.import.progress.plan')} />;
    case 'write':
      return (
        <ProgressBar
          label={label}
          done={progress.inserted + progress.updated}
          total={progress.total}
          text={t('data.import.progress.write', { done: formatNumber(progress.inserted + progress.updated), total: formatNumber(progress.total) })}
        />
      );
    case 'done':
      return <ProgressBar label={label} done={1} total={1} text={t('data.import.progress.done')} />;
  }
}
