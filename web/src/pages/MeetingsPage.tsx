import { Link } from 'react-router';
import type { Meeting } from '../../../src/domain/meeting.js';
import { formatDate } from '../../../src/domain/format.js';
import { useApi } from '../api.js';
import { Async, Empty } from '../components/LoadState.js';
import { PageHeading } from '../components/Page.js';
import { useI18n } from '../i18n/I18n.js';
import { paths } from '../lib/paths.js';

/** Sammanträden: every meeting, newest first. */
export function MeetingsPage() {
  const { t } = useI18n();
  const meetings = useApi<Meeting[]>('/api/meetings');
  return (
    <>
      <PageHeading title={t('meetings.title')} />
      <Async value={meetings} what={t('what.meetings')}>
        {(list) =>
          list.length === 0 ? (
            <Empty>
              <p>{t('meetings.none')}</p>
            </Empty>
          ) : (
            <ul className="meeting-list">
              {list.map((m) => (
                <li key={m.id}>
                  <Link to={paths.meeting(m.id)}>
                    {m.body} {formatDate(m.date)}
                  </Link>{' '}
                  <span className="muted">
                    · {m.title} · {t(`meetingStatus.${m.status}`)} · {t('meetings.planPeriod', { plan: m.planPeriodId.replace('-', '–') })}
                  </span>
                </li>
              ))}
            </ul>
          )
        }
      </Async>
    </>
  );
}
