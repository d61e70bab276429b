import { Link, useParams } from 'react-router';
import { formatDate } from '../../../../src/domain/format.js';
import type { MeetingView } from '../../../../src/domain/meetingView.js';
import type { VersionSummary } from '../../../../src/domain/publishing.js';
import { useApi, type Loadable } from '../../api.js';
import { Async } from '../../components/LoadState.js';
import { PageHeading } from '../../components/Page.js';
import { useI18n } from '../../i18n/I18n.js';
import { authoringPaths } from '../../lib/authoringPaths.js';
import { paths } from '../../lib/paths.js';
import { useSession } from '../../session/Session.js';
import { Publishing } from './Publishing.js';
import type { AuthoringMeeting } from './types.js';
import { toVersionsData, versionsUrl, type VersionsData } from './versionsData.js';

/**
 * /sammantraden/:id/versioner: the meeting's published versions — when and by whom, the three
 * files with their SHA-256 and download links, withdrawals with their reason — and, for those
 * who may publish, publishing a draft, starting a correction and withdrawing a version. Board
 * members see the versions and nothing to change.
 */
export function VersionsPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const { can } = useSession();
  const editor = can('read_drafts');
  const authoring = useApi<AuthoringMeeting>(editor ? versionsUrl(id, true) : null);
  const reader = useApi<MeetingView>(editor ? null : `/api/meetings/${encodeURIComponent(id)}`);
  const readerVersions = useApi<VersionSummary[]>(editor ? null : versionsUrl(id, false));

  let data: Loadable<VersionsData>;
  if (editor) data = authoring.state === 'ok' ? { state: 'ok', data: toVersionsData(authoring.data) } : authoring;
  else if (reader.state === 'error') data = reader;
  else if (readerVersions.state === 'error') data = readerVersions;
  else if (reader.state === 'ok' && readerVersions.state === 'ok') data = { state: 'ok', data: { meeting: reader.data.meeting, versions: readerVersions.data, readiness: null } };
  else data = { state: 'loading' };

  const heading = data.state === 'ok' ? `${data.data.meeting.body} ${formatDate(data.data.meeting.date)}` : null;
  const title = can('publish') ? 'authoring.versions.titlePublish' : 'authoring.versions.title';
  return (
    <>
      <PageHeading title={heading ? t(title, { meeting: heading }) : t('authoring.versions.titleShort')} />
      <Async value={{ ...data, retry: editor ? authoring.retry : reader.retry }} what={t('authoring.what.versions')}>
        {(loaded) => (
          <>
            <ul className="action-links">
              <li>
                <Link to={paths.meeting(loaded.meeting.id)}>{t('authoring.versions.toMeeting')}</Link>
              </li>
              {editor ? (
                <li>
                  <Link to={authoringPaths.agenda(loaded.meeting.id)}>{t('authoring.versions.toAgenda')}</Link>
                </li>
              ) : null}
            </ul>
            <Publishing initial={loaded} editor={editor} />
          </>
        )}
      </Async>
    </>
  );
}
