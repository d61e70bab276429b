import type { IndicatorStatus } from '../../../src/domain/meetingView.js';
import { useI18n } from '../i18n/I18n.js';

/** "−4,9 dagar sedan december 2024 (förbättring)": a change with its sign, unit, base and verdict. */
export function ChangeText({ entry }: { entry: Pick<IndicatorStatus, 'change' | 'previous'> }) {
  const { t } = useI18n();
  if (!entry.change || !entry.previous) return <span className="muted">{t('change.none')}</span>;
  const verdict = entry.change.improvement === null ? null : entry.change.improvement ? t('change.better') : t('change.worse');
  return (
    <span>
      {t('change.since', { change: entry.change.display, period: entry.previous.periodLabel })}
      {verdict ? <span className="verdict"> ({verdict})</span> : null}
    </span>
  );
}
