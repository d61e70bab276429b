import type { MeetingStatus } from '../../../../src/domain/meeting.js';
import { useI18n } from '../../i18n/I18n.js';

/** "Utkast" / "Publicerad" / "Arkiverad" as a word in a frame — never colour alone. */
export function MeetingStatusTag({ status }: { status: MeetingStatus }) {
  const { t } = useI18n();
  return <span className={`meeting-status meeting-status-${status}`}>{t(`meetingStatus.${status}`)}</span>;
}

/** An item's ready flag: icon and word. */
export function ReadyBadge({ ready }: { ready: boolean }) {
  const { t } = useI18n();
  return (
    <span className={ready ? 'ready ready-yes' : 'ready ready-no'}>
      <span aria-hidden="true">{ready ? '✓' : '○'}</span> {ready ? t('authoring.ready.yes') : t('authoring.ready.no')}
    </span>
  );
}

/** "3 av 7 punkter klara", with a bar that repeats the same figure (decorative). */
export function Readiness({ ready, total }: { ready: number; total: number }) {
  const { tn } = useI18n();
  const share = total === 0 ? 0 : Math.round((ready / total) * 100);
  return (
    <div className="readiness">
      <p>
        <strong>{tn('authoring.readiness', total, { ready: String(ready) })}</strong>
      </p>
      <div className="readiness-bar" aria-hidden="true">
        <div style={{ width: `${share}%` }} />
      </div>
    </div>
  );
}
