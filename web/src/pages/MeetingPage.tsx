import { useEffect } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { presenterLabel } from '../../../src/domain/person.js';
import type { MeetingView } from '../../../src/domain/meetingView.js';
import { useApi } from '../api.js';
import { BlockView } from '../blocks/BlockView.js';
import { Async } from '../components/LoadState.js';
import { PageHeading } from '../components/Page.js';
import { useI18n } from '../i18n/I18n.js';
import { deckUrl, itemAnchor, paths } from '../lib/paths.js';
import { authoringPaths } from '../lib/authoringPaths.js';
import { useSession } from '../session/Session.js';
import { MeetingStatusTag } from './authoring/status.js';

/** A meeting: the pack downloads, the agenda grouped by goal, and every item with its blocks. */
export function MeetingPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const meeting = useApi<MeetingView>(`/api/meetings/${encodeURIComponent(id)}`);
  return (
    <>
      <PageHeading title={meeting.state === 'ok' ? `${meeting.data.heading} – ${meeting.data.meeting.title}` : t('page.meeting')} />
      <Async value={meeting} what={t('what.meeting')}>
        {(view) => <Meeting view={view} />}
      </Async>
    </>
  );
}

function Meeting({ view }: { view: MeetingView }) {
  const { t } = useI18n();
  const location = useLocation();
  const { can } = useSession();
  const id = view.meeting.id;
  const presenters = (list: MeetingView['groups'][number]['presenters']) => list.map((p) => presenterLabel(p.name, p.title)).join('; ');

  // a link to an item (#punkt-…) scrolls there once the meeting has loaded
  useEffect(() => {
    if (!location.hash) return;
    const target = document.getElementById(decodeURIComponent(location.hash.slice(1)));
    if (target) {
      target.scrollIntoView();
      target.focus({ preventScroll: true });
    }
  }, [location.hash]);

  return (
    <>
      <p className="lead">
        {view.meeting.status === 'draft' ? <MeetingStatusTag status="draft" /> : t(`meetingStatus.${view.meeting.status}`)} · {t('meetings.planPeriod', { plan: view.planPeriod.id.replace('-', '–') })}
      </p>
      <ul className="action-links">
        {can('read_drafts') && view.meeting.status === 'draft' ? (
          <li>
            <Link to={authoringPaths.agenda(id)}>{t('authoring.meetings.editLong')}</Link>
          </li>
        ) : null}
        <li>
          <Link to={authoringPaths.versions(id)}>{can('publish') ? t('authoring.versions.link') : t('authoring.versions.linkReader')}</Link>
        </li>
      </ul>

      <section aria-labelledby="pack-heading" className="pack">
        <h2 id="pack-heading">{t('meeting.pack')}</h2>
        <ul className="downloads">
          <li>
            <a className="button" href={deckUrl(id, 'pptx')} download>
              {t('meeting.pptx')}
            </a>
          </li>
          <li>
            <a className="button" href={deckUrl(id, 'pdf')} download>
              {t('meeting.pdf')}
            </a>
          </li>
          <li>
            <a className="button" href={deckUrl(id, 'html')}>
              {t('meeting.html')}
            </a>
          </li>
        </ul>
      </section>

      {view.focusAreas ? (
        <section aria-labelledby="focus-heading">
          <h2 id="focus-heading">{t('meeting.focus', { year: String(view.focusAreas.year) })}</h2>
          <p>{view.focusAreas.lead} …</p>
          <ul>
            {view.focusAreas.areas.map((a) => (
              <li key={a}>{a}</li>
            ))}
          </ul>
        </section>
      ) : null}

      <nav aria-labelledby="agenda-heading" className="agenda">
        <h2 id="agenda-heading">{t('meeting.agenda')}</h2>
        {view.groups.length === 0 ? (
          <p>{t('meeting.noItems')}</p>
        ) : (
          <ol>
            {view.groups.map((g) => (
              <li key={g.goal.id}>
                <span className="agenda-goal">{g.goal.name}</span>
                <ol>
                  {g.items.map((item) => (
                    <li key={item.id}>
                      <a href={`#${itemAnchor(item.id)}`}>{item.title}</a>
                      {item.presenters.length > 0 ? <span className="muted"> – {presenters(item.presenters)}</span> : null}
                    </li>
                  ))}
                </ol>
              </li>
            ))}
          </ol>
        )}
      </nav>

      {view.groups.map((g) => (
        <section key={g.goal.id} className="goal-group" aria-labelledby={`grupp-${g.goal.position}`}>
          <h2 id={`grupp-${g.goal.position}`}>
            <Link to={paths.goal(g.goal.id)}>{g.goal.name}</Link>
          </h2>
          {g.presenters.length > 0 ? <p className="presenters">{t('meeting.presenters', { names: presenters(g.presenters) })}</p> : null}
          {g.items.map((item) => (
            <article key={item.id} className="item" id={itemAnchor(item.id)} tabIndex={-1} aria-labelledby={`${itemAnchor(item.id)}-rubrik`}>
              <h3 id={`${itemAnchor(item.id)}-rubrik`}>{item.title}</h3>
              {item.presenters.length > 0 ? <p className="presenters">{t('meeting.presenters', { names: presenters(item.presenters) })}</p> : null}
              {item.blocks.map((b) => (
                <BlockView key={b.id} view={b.view} />
              ))}
            </article>
          ))}
        </section>
      ))}
    </>
  );
}
