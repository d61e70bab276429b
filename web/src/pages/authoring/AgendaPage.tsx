import { useEffect, useState } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { formatDate } from '../../../../src/domain/format.js';
import type { Goal } from '../../../../src/domain/plan.js';
import { useApi } from '../../api.js';
import { Async } from '../../components/LoadState.js';
import { PageHeading } from '../../components/Page.js';
import { useI18n } from '../../i18n/I18n.js';
import { authoringPaths } from '../../lib/authoringPaths.js';
import { paths } from '../../lib/paths.js';
import type { PlanPeriodView } from '../../lib/types.js';
import { useSession } from '../../session/Session.js';
import { AgendaEditor } from './AgendaEditor.js';
import { MeetingStatusTag, Readiness } from './status.js';
import type { AuthoringMeeting, PersonView } from './types.js';

/**
 * /sammantraden/:id/redigera: a meeting as its editors work on it. The secretary orders the items
 * under the goals, moves them between goals, adds and deletes items and assigns presenters; a
 * presenter sees the agenda and opens the items they present. Both see which items are ready.
 */
export function AgendaPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const { can } = useSession();
  const allowed = can('read_drafts');
  const authoring = useApi<AuthoringMeeting>(allowed ? `/api/meetings/${encodeURIComponent(id)}/authoring` : null);
  const heading = authoring.state === 'ok' ? `${authoring.data.meeting.body} ${formatDate(authoring.data.meeting.date)}` : null;
  return (
    <>
      <PageHeading title={heading ? t('authoring.agenda.title', { meeting: heading }) : t('authoring.agenda.titleShort')} />
      {!allowed ? (
        <div className="notice">
          <p>{t('authoring.agenda.notAllowed')}</p>
        </div>
      ) : (
        <Async value={authoring} what={t('what.meeting')}>
          {(data) => <AgendaLoaded initial={data} />}
        </Async>
      )}
    </>
  );
}

function AgendaLoaded({ initial }: { initial: AuthoringMeeting }) {
  const { t } = useI18n();
  const { can } = useSession();
  const location = useLocation();
  const [data, setData] = useState(initial);
  useEffect(() => setData(initial), [initial]);
  const meeting = data.meeting;
  const plan = useApi<PlanPeriodView>(`/api/plan-periods/${encodeURIComponent(meeting.planPeriodId)}`);
  const secretary = can('edit_meetings') && meeting.status === 'draft';
  const people = useApi<PersonView[]>(secretary ? '/api/people' : null);
  const created = (location.state as { created?: boolean } | null)?.created === true;

  return (
    <>
      <p className="lead">
        <MeetingStatusTag status={meeting.status} /> · {t('meetings.planPeriod', { plan: meeting.planPeriodId.replace('-', '–') })} · {t('meeting.focus', { year: String(meeting.focusYear) })}
      </p>
      {created ? (
        <div className="notice" role="status">
          <p>{t('authoring.agenda.created', { count: String(data.items.length) })}</p>
        </div>
      ) : null}
      <Readiness ready={data.readyCount} total={data.items.length} />
      <ul className="action-links">
        <li>
          <Link to={paths.meeting(meeting.id)}>{t('authoring.agenda.view')}</Link>
        </li>
        <li>
          <Link to={authoringPaths.versions(meeting.id)}>{can('publish') && meeting.status === 'draft' ? t('authoring.agenda.toPublish') : t('authoring.versions.link')}</Link>
        </li>
      </ul>
      {meeting.status !== 'draft' ? (
        <div className="notice">
          <p>{t('authoring.agenda.frozen')}</p>
        </div>
      ) : null}
      <Async value={plan} what={t('authoring.what.goals')}>
        {(period) => <AgendaEditor data={data} goals={period.goals as Goal[]} people={people.state === 'ok' ? people.data : null} secretary={secretary} onChange={setData} />}
      </Async>
    </>
  );
}
