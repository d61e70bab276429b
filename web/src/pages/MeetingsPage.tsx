import { Link, useLocation } from 'react-router';
import type { Meeting } from '../../../src/domain/meeting.js';
import { formatDate } from '../../../src/domain/format.js';
import { useApi } from '../api.js';
import { Async, Empty } from '../components/LoadState.js';
import { PageHeading } from '../components/Page.js';
import { useI18n } from '../i18n/I18n.js';
import { paths } from '../lib/paths.js';
import { authoringPaths } from '../lib/authoringPaths.js';
import { MeetingStatusTag } from './authoring/status.js';
import { useSession } from '../session/Session.js';

/**
 * Sammanträden: every meeting, newest first. Editors also see drafts (marked "Utkast" in words)
 * with a link to edit them; the secretary starts a new meeting here.
 */
export function MeetingsPage() {
  const { t } = useI18n();
  const { can } = useSession();
  const meetings = useApi<Meeting[]>('/api/meetings');
  // after a draft was deleted on its own page (authoring/Publishing.tsx)
  const deleted = (useLocation().state as { deletedMeeting?: unknown } | null)?.deletedMeeting;
  return (
    <>
      <PageHeading title={t('meetings.title')}>
        {typeof deleted === 'string' ? (
          <p className="notice" role="status">
            {t('authoring.deleteMeeting.done', { meeting: deleted })}
          </p>
        ) : null}
        {can('edit_meetings') ? (
          <p>
            <Link className="button" to={authoringPaths.newMeeting()}>
              {t('authoring.new.link')}
            </Link>
          </p>
        ) : null}
      </PageHeading>
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
                  {m.status === 'draft' ? (
                    <>
                      <MeetingStatusTag status={m.status} />{' '}
                    </>
                  ) : null}
                  <span className="muted">
                    · {m.title}
                    {m.status === 'draft' ? '' : ` · ${t(`meetingStatus.${m.status}`)}`} · {t('meetings.planPeriod', { plan: m.planPeriodId.replace('-', '–') })}
                  </span>
                  {can('read_drafts') && m.status === 'draft' ? (
                    <>
                      {' · '}
                      <Link to={authoringPaths.agenda(m.id)}>
                        {t('authoring.meetings.edit')}
                        <span className="visually-hidden"> {`${m.body} ${formatDate(m.date)}`}</span>
                      </Link>
                    </>
                  ) : null}
                </li>
              ))}
            </ul>
          )
        }
      </Async>
    </>
  );
}
