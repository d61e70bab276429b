import { Link, useParams } from 'react-router';
import { formatDate } from '../../../../src/domain/format.js';
import type { MeetingView } from '../../../../src/domain/meetingView.js';
import { useApi } from '../../api.js';
import { Async } from '../../components/LoadState.js';
import { PageHeading } from '../../components/Page.js';
import { useI18n } from '../../i18n/I18n.js';
import { authoringPaths } from '../../lib/authoringPaths.js';
import { paths } from '../../lib/paths.js';
import { useSession } from '../../session/Session.js';
import { useCatalog } from './blocks/catalog.js';
import { ItemEditor } from './ItemEditor.js';
import type { AuthoringMeeting } from './types.js';

/**
 * /sammantraden/:id/punkter/:itemId: an information item's editor. A presenter edits the items
 * they present, the secretary any item of a draft; anyone else is told why not and gets no
 * controls (the server refuses the changes too).
 */
export function ItemEditorPage() {
  const { id = '', itemId = '' } = useParams();
  const { t } = useI18n();
  const { can } = useSession();
  const allowed = can('read_drafts');
  const authoring = useApi<AuthoringMeeting>(allowed ? `/api/meetings/${encodeURIComponent(id)}/authoring` : null);
  const item = authoring.state === 'ok' ? (authoring.data.items.find((i) => i.id === itemId) ?? null) : null;
  return (
    <>
      <PageHeading title={item ? t('authoring.item.title', { title: item.title }) : t('authoring.item.titleShort')} />
      {!allowed ? (
        <div className="notice">
          <p>{t('authoring.agenda.notAllowed')}</p>
        </div>
      ) : (
        <Async value={authoring} what={t('what.meeting')}>
          {(data) => <Loaded data={data} itemId={itemId} />}
        </Async>
      )}
    </>
  );
}

function Loaded({ data, itemId }: { data: AuthoringMeeting; itemId: string }) {
  const { t } = useI18n();
  const meeting = data.meeting;
  const item = data.items.find((i) => i.id === itemId) ?? null;
  const heading = `${meeting.body} ${formatDate(meeting.date)}`;
  const canEdit = item?.canEdit === true;
  const view = useApi<MeetingView>(canEdit ? `/api/meetings/${encodeURIComponent(meeting.id)}` : null);
  const catalog = useCatalog(canEdit ? data : null);

  const links = (
    <ul className="action-links">
      <li>
        <Link to={authoringPaths.agenda(meeting.id)}>{t('authoring.item.back', { meeting: heading })}</Link>
      </li>
      {item ? (
        <li>
          <Link to={paths.meeting(meeting.id, item.id)}>{t('authoring.agenda.showItem')}</Link>
        </li>
      ) : null}
    </ul>
  );

  if (!item) {
    return (
      <>
        <div className="notice notice-error" role="alert">
          <p>{t('authoring.item.notFound', { meeting: heading })}</p>
        </div>
        {links}
      </>
    );
  }
  if (!canEdit) {
    return (
      <>
        <div className="notice">
          <p>
            <strong>{t('authoring.item.readOnly')}</strong> {meeting.status !== 'draft' ? t('authoring.item.readOnlyPublished') : t('authoring.item.readOnlyNotYours')}
          </p>
        </div>
        {links}
      </>
    );
  }
  return (
    <>
      {links}
      <Async value={catalog} what={t('authoring.what.catalog')}>
        {(cat) => (
          <Async value={view} what={t('authoring.what.preview')}>
            {(meetingView) => {
              const views = new Map(meetingView.groups.flatMap((g) => g.items).find((i) => i.id === item.id)?.blocks.map((b) => [b.id, b.view] as const) ?? []);
              return <ItemEditor meeting={meeting} item={item} catalog={cat} initialViews={views} />;
            }}
          </Async>
        )}
      </Async>
    </>
  );
}
