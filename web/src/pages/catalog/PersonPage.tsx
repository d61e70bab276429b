import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { titleAt } from '../../../../src/domain/person.js';
import { send, useApi, type ApiError } from '../../api.js';
import { Async } from '../../components/LoadState.js';
import { PageHeading } from '../../components/Page.js';
import { useI18n } from '../../i18n/I18n.js';
import { paths } from '../../lib/paths.js';
import { ErrorSummary, Field, fieldError, summaryItems } from '../data/form/Field.js';
import { TitlesSection } from './people/TitlesSection.js';
import { Permitted, toApiError, todayIso, useAnnouncement } from './shared.js';
import type { PersonDetail } from './types.js';

/**
 * /personer/:id (permission `edit_meetings`): a presenter's name and titles over time. The
 * secretary renames the person, adds a title from a date, ends or corrects a title, and removes
 * one entered by mistake. The agenda writes presenters with the title they held on the meeting's day.
 */
export function PersonPage() {
  const { t } = useI18n();
  return (
    <Permitted permission="edit_meetings" title={t('catalog.person.titleShort')} notAllowed={t('catalog.people.notAllowed')}>
      <Person />
    </Permitted>
  );
}

function Person() {
  const { t } = useI18n();
  const { id = '' } = useParams();
  const loaded = useApi<PersonDetail>(`/api/people/${encodeURIComponent(id)}`);
  // the answer to the last change is newer than the one loaded
  const [current, setCurrent] = useState<PersonDetail | null>(null);
  const person = loaded.state === 'ok' ? (current?.id === loaded.data.id ? current : loaded.data) : null;
  const now = person ? titleAt(person, todayIso()) : null;
  return (
    <>
      <PageHeading title={person?.name ?? t('catalog.person.titleShort')} />
      <p className="page-links">
        <Link to={paths.people()}>{t('catalog.people.all')}</Link>
      </p>
      {person ? (
        <>
          <p>{now ? t('catalog.person.titleToday', { title: now }) : t('catalog.person.noTitleToday')}</p>
          <Rename key={person.id} person={person} onSaved={setCurrent} />
          <TitlesSection key={person.id} person={person} onChanged={setCurrent} />
        </>
      ) : (
        <Async value={loaded} what={t('catalog.what.person')}>
          {() => null}
        </Async>
      )}
    </>
  );
}

function Rename({ person, onSaved }: { person: PersonDetail; onSaved: (next: PersonDetail) => void }) {
  const { t } = useI18n();
  const [name, setName] = useState(person.name);
  const [error, setError] = useState<ApiError | null>(null);
  const [working, setWorking] = useState(false);
  const status = useAnnouncement();
  const fields = [{ name: 'name', label: t('catalog.person.name'), id: 'person-name' }];

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (working) return;
    setError(null);
    setWorking(true);
    try {
      const saved = await send<PersonDetail>('PATCH', `/api/people/${encodeURIComponent(person.id)}`, { name });
      onSaved(saved);
      setName(saved.name);
      status.announce(t('catalog.person.renamed', { name: saved.name }));
    } catch (e) {
      setError(toApiError(e));
    } finally {
      setWorking(false);
    }
  };

  return (
    <section aria-labelledby="person-name-heading">
      <h2 id="person-name-heading">{t('catalog.person.nameTitle')}</h2>
      {status.element}
      <form className="form form-wide" noValidate onSubmit={(e) => void submit(e)}>
        {error ? <ErrorSummary id="person-name-problem" cause={error} title={t('catalog.person.renameFailed')} items={summaryItems(error, fields)} /> : null}
        <Field id="person-name" label={t('catalog.person.name')} hint={t('catalog.person.nameHint')} error={fieldError(error, 'name')}>
          {(p) => <input {...p} value={name} onChange={(e) => setName(e.target.value)} autoComplete="off" maxLength={200} aria-required="true" />}
        </Field>
        <div className="actions">
          <button type="submit" disabled={working}>
            {t('catalog.person.rename')}
          </button>
        </div>
      </form>
    </section>
  );
}
