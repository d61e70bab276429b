import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { AREA_KIND_LABELS, type AreaKind } from '../../../src/domain/area.js';
import { MIN_QUERY_LENGTH, type SearchResults } from '../../../src/domain/search.js';
import { query as qs, useApi } from '../api.js';
import { Async, Empty } from '../components/LoadState.js';
import { PageHeading } from '../components/Page.js';
import { useI18n } from '../i18n/I18n.js';
import { paths } from '../lib/paths.js';

/** Sök: indicators, information items and people by name; the query is in the URL. */
export function SearchPage() {
  const { t, tn } = useI18n();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const [text, setText] = useState(q);
  useEffect(() => setText(q), [q]);
  const searchable = q.trim().length >= MIN_QUERY_LENGTH;
  const results = useApi<SearchResults>(searchable ? `/api/search${qs({ q })}` : null);

  return (
    <>
      <PageHeading title={t('search.title')} />
      <form
        role="search"
        className="search-form"
        onSubmit={(e) => {
          e.preventDefault();
          setParams(text.trim() === '' ? {} : { q: text.trim() });
        }}
      >
        <label htmlFor="q">{t('search.label')}</label>
        <p id="q-hint" className="hint">
          {t('search.hint')}
        </p>
        <div className="search-row">
          <input id="q" name="q" type="search" value={text} onChange={(e) => setText(e.target.value)} aria-describedby="q-hint" autoComplete="off" />
          <button type="submit">{t('search.submit')}</button>
        </div>
      </form>
      <div aria-live="polite" className="search-status">
        {!searchable ? (
          q === '' ? null : (
            <p>{t('search.tooShort', { min: String(MIN_QUERY_LENGTH) })}</p>
          )
        ) : results.state === 'ok' ? (
          <p>{tn('search.count', results.data.indicators.length + results.data.items.length + results.data.people.length + results.data.areas.length, { q })}</p>
        ) : null}
      </div>
      {searchable ? (
        <Async value={results} what={t('what.search')}>
          {(r) =>
            r.indicators.length + r.items.length + r.people.length + r.areas.length === 0 ? (
              <Empty>
                <p>{t('search.none', { q })}</p>
              </Empty>
            ) : (
              <Results results={r} />
            )
          }
        </Async>
      ) : null}
    </>
  );
}

function Results({ results }: { results: SearchResults }) {
  const { t } = useI18n();
  return (
    <>
      {results.indicators.length > 0 ? (
        <section aria-labelledby="hits-indicators">
          <h2 id="hits-indicators">
            {t('search.indicators')} ({results.indicators.length})
          </h2>
          <ul className="item-list">
            {results.indicators.map((i) => (
              <li key={i.id}>
                <Link to={paths.indicator(i.id)}>{i.name}</Link> <span className="muted">· {i.source}</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {results.items.length > 0 ? (
        <section aria-labelledby="hits-items">
          <h2 id="hits-items">
            {t('search.items')} ({results.items.length})
          </h2>
          <ul className="item-list">
            {results.items.map((i) => (
              <li key={i.id}>
                <Link to={paths.meeting(i.meeting.id, i.id)}>{i.title}</Link>{' '}
                <span className="muted">
                  · {i.meeting.heading} · {i.goalName}
                </span>
                {i.fragment ? (
                  <p className="search-fragment">
                    <span className="visually-hidden">{t('search.fragment')} </span>
                    {i.fragment.map((part, n) => (part.match ? <mark key={n}>{part.text}</mark> : <span key={n}>{part.text}</span>))}
                  </p>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {results.people.length > 0 ? (
        <section aria-labelledby="hits-people">
          <h2 id="hits-people">
            {t('search.people')} ({results.people.length})
          </h2>
          <ul className="item-list">
            {results.people.map((p) => (
              <li key={p.id}>
                <strong>{p.name}</strong>
                {p.title ? `, ${p.title}` : ''}
                {p.items.length > 0 ? (
                  <ul>
                    {p.items.map((i) => (
                      <li key={i.id}>
                        <Link to={paths.meeting(i.meetingId, i.id)}>{i.title}</Link> <span className="muted">· {i.meetingHeading}</span>
                      </li>
                    ))}
                  </ul>
                ) : (
                  <p className="muted">{t('search.noItemsForPerson')}</p>
                )}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {results.areas.length > 0 ? (
        <section aria-labelledby="hits-areas">
          <h2 id="hits-areas">
            {t('search.areas')} ({results.areas.length})
          </h2>
          <ul className="item-list">
            {results.areas.map((a) => (
              <li key={a.id}>
                {a.name} <span className="muted">· {AREA_KIND_LABELS[a.kind as AreaKind] ?? a.kind}</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
