import { Link } from 'react-router';
import { titleAt, type Person } from '../../../../src/domain/person.js';
import { useApi } from '../../api.js';
import { Async, Empty } from '../../components/LoadState.js';
import { PageHeading } from '../../components/Page.js';
import { TableWrap } from '../../components/TableWrap.js';
import { useI18n } from '../../i18n/I18n.js';
import { paths } from '../../lib/paths.js';
import { NewPersonForm } from './people/NewPersonForm.js';
import { Permitted, todayIso, useAnnouncement } from './shared.js';

/**
 * /personer (permission `edit_meetings`): the people who present items, each with the title they
 * hold today (the one taken up last when several), to open and change; and a form for a new person with a first title.
 */
export function PeoplePage() {
  const { t } = useI18n();
  return (
    <Permitted permission="edit_meetings" title={t('catalog.people.title')} notAllowed={t('catalog.people.notAllowed')}>
      <People />
    </Permitted>
  );
}

function People() {
  const { t, tn } = useI18n();
  const people = useApi<Person[]>('/api/people');
  const status = useAnnouncement();
  const today = todayIso();
  return (
    <>
      <PageHeading title={t('catalog.people.title')} />
      <p className="lead">{t('catalog.people.lead')}</p>
      <section aria-labelledby="people-list">
        <h2 id="people-list">{t('catalog.people.listTitle')}</h2>
        <Async value={people} what={t('catalog.what.people')}>
          {(list) =>
            list.length === 0 ? (
              <Empty>
                <p>{t('catalog.people.none')}</p>
              </Empty>
            ) : (
              <>
                <p className="hint">{tn('catalog.people.count', list.length)}</p>
                <TableWrap label={t('catalog.people.caption')}>
                  <table className="catalog-people">
                    <caption>{t('catalog.people.caption')}</caption>
                    <thead>
                      <tr>
                        <th scope="col">{t('catalog.person.name')}</th>
                        <th scope="col">{t('catalog.people.titleToday')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {[...list]
                        .sort((a, b) => a.name.localeCompare(b.name, 'sv'))
                        .map((p) => {
                          const now = titleAt(p, today);
                          return (
                            <tr key={p.id}>
                              <th scope="row">
                                <Link to={paths.person(p.id)}>{p.name}</Link>
                              </th>
                              <td>{now ?? <span className="muted">{t('catalog.people.noTitle')}</span>}</td>
                            </tr>
                          );
                        })}
                    </tbody>
                  </table>
                </TableWrap>
              </>
            )
          }
        </Async>
      </section>
      <section aria-labelledby="person-new-heading">
        <h2 id="person-new-heading">{t('catalog.people.newTitle')}</h2>
        <p>{t('catalog.people.newLead')}</p>
        {status.element}
        <NewPersonForm
          onCreated={(person) => {
            status.announce(t('catalog.people.created', { name: person.name }));
            people.retry();
          }}
        />
      </section>
    </>
  );
}
