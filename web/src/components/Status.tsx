import type { StatusView } from '../../../src/domain/blockView.js';
import { STATUSES, type Status } from '../../../src/domain/status.js';
import { useI18n } from '../i18n/I18n.js';

/** Status as icon and word — never colour alone. */
export function StatusBadge({ status }: { status: StatusView }) {
  const { t } = useI18n();
  return (
    <span className={`status status-${status.status}`}>
      <span className="status-icon" aria-hidden="true">
        {status.icon}
      </span>{' '}
      {t(`status.${status.status}`)}
    </span>
  );
}

const ICONS: Record<Status, string> = { met: '✓', near: '◐', not_met: '✗', no_target: '–', no_data: '?' };

/** "2 ✓ Uppnått · 1 ✗ Ej uppnått …": the statuses that occur, in a fixed order. */
export function StatusCounts({ counts, label }: { counts: Record<Status, number>; label: string }) {
  const { t } = useI18n();
  const present = STATUSES.filter((s) => counts[s] > 0);
  if (present.length === 0) return null;
  return (
    <ul className="status-counts" aria-label={label}>
      {present.map((s) => (
        <li key={s} className={`status status-${s}`}>
          <span className="count">{counts[s]}</span>{' '}
          <span className="status-icon" aria-hidden="true">
            {ICONS[s]}
          </span>{' '}
          {t(`status.${s}`)}
        </li>
      ))}
    </ul>
  );
}
