import { useEffect, useId, useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { AUDITED_TABLE_LABELS, changedColumns, type AuditEntry, type AuditOperation } from '../../../../src/domain/audit.js';
import { ApiError, getJson, query, useApi } from '../../api.js';
import { Async, Empty } from '../../components/LoadState.js';
import { PageHeading } from '../../components/Page.js';
import { TableWrap } from '../../components/TableWrap.js';
import { useI18n } from '../../i18n/I18n.js';
import { paths } from '../../lib/paths.js';
import { RequirePermission } from '../../session/RequirePermission.js';
import { ErrorSummary, firstError, TextField, useFocusRequest, type FieldErrors } from './fields.js';
import { endOfLocalDay, formatInstant, localZone, startOfLocalDay } from './time.js';

/**
 * Ändringslogg (read_audit): the audit trail, newest first, filtered by who, table, row, time
 * range and request; each entry with who, when (UTC and local time), what, the operation, the
 * changed fields old → new and the request id; more entries on request; CSV and XLSX exports
 * with the same filter. The filter is in the address (vem, tabell, rad, fran, till, forfragan).
 */
export function AuditPage() {
  return (
    <RequirePermission permission="read_audit">
      <Audit />
    </RequirePermission>
  );
}

const PAGE_SIZE = 50;
const FILTER_FIELDS = ['actor', 'table', 'rowKey', 'from', 'to', 'requestId'] as const;
type FilterField = (typeof FILTER_FIELDS)[number];
type Filter = Record<FilterField, string>;
/** The filter's names in the page's address. */
const PARAM: Record<FilterField, string> = { actor: 'vem', table: 'tabell', rowKey: 'rad', from: 'fran', to: 'till', requestId: 'forfragan' };

interface AuditPageAnswer {
  entries: AuditEntry[];
  nextBeforeId: number | null;
}

function filterOf(params: URLSearchParams): Filter {
  return Object.fromEntries(FILTER_FIELDS.map((f) => [f, params.get(PARAM[f]) ?? ''])) as Filter;
}

/** Problems with a filter, per field (Swedish through t); none when the filter can be asked. */
function filterProblems(filter: Filter, t: ReturnType<typeof useI18n>['t']): FieldErrors {
  const found: FieldErrors = {};
  const key = filter.rowKey.trim();
  if (key.startsWith('{')) {
    try {
      const parsed: unknown = JSON.parse(key);
      if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) found.rowKey = t('account.audit.rowKeyInvalid');
    } catch {
      found.rowKey = t('account.audit.rowKeyInvalid');
    }
  }
  if (filter.from !== '' && startOfLocalDay(filter.from) === null) found.from = t('account.audit.dateInvalid');
  if (filter.to !== '' && endOfLocalDay(filter.to) === null) found.to = t('account.audit.dateInvalid');
  if (!found.from && !found.to && filter.from !== '' && filter.to !== '' && filter.to < filter.from) found.to = t('account.audit.toBeforeFrom');
  return found;
}

/** The API's query for a filter (days in local time → instants; `to` includes its whole day). */
function apiQuery(filter: Filter): Record<string, string | null> {
  return {
    actor: filter.actor.trim(),
    table: filter.table,
    rowKey: filter.rowKey.trim(),
    from: filter.from === '' ? null : startOfLocalDay(filter.from),
    to: filter.to === '' ? null : endOfLocalDay(filter.to),
    requestId: filter.requestId.trim(),
  };
}

function Audit() {
  const { t, tn } = useI18n();
  const [params, setParams] = useSearchParams();
  const applied = filterOf(params);
  const problems = filterProblems(applied, t);
  const valid = Object.keys(problems).length === 0;
  const filterQuery = apiQuery(applied);
  const firstUrl = valid ? `/api/audit${query({ ...filterQuery, limit: String(PAGE_SIZE) })}` : null;
  const first = useApi<AuditPageAnswer>(firstUrl);
  const [more, setMore] = useState<{ url: string | null; entries: AuditEntry[]; next: number | null; error: ApiError | null; busy: boolean }>({ url: null, entries: [], next: null, error: null, busy: false });
  const focus = useFocusRequest();
  const base = useId();
  const ids = Object.fromEntries(FILTER_FIELDS.map((f) => [f, `${base}-${f}`])) as Record<FilterField, string>;
  const [form, setForm] = useState<Filter>(applied);
  const [formErrors, setFormErrors] = useState<FieldErrors>({});
  const paramsKey = params.toString();

  // the form follows the address (back button, a link to a row's history)
  useEffect(() => {
    const next = filterOf(new URLSearchParams(paramsKey));
    setForm(next);
    setFormErrors(filterProblems(next, t));
  }, [paramsKey, t]);

  const shown = first.state === 'ok' ? [...first.data.entries, ...(more.url === firstUrl ? more.entries : [])] : [];
  const next = first.state === 'ok' ? (more.url === firstUrl && more.entries.length > 0 ? more.next : first.data.nextBeforeId) : null;

  const loadMore = async () => {
    if (next === null || more.busy) return;
    setMore((m) => ({ ...(m.url === firstUrl ? m : { entries: [], next: null }), url: firstUrl, error: null, busy: true }));
    try {
      const page = await getJson<AuditPageAnswer>(`/api/audit${query({ ...filterQuery, limit: String(PAGE_SIZE), before: String(next) })}`);
      setMore((m) => ({ url: firstUrl, entries: [...(m.url === firstUrl ? m.entries : []), ...page.entries], next: page.nextBeforeId, error: null, busy: false }));
    } catch (error) {
      setMore((m) => ({ ...m, error: error instanceof ApiError ? error : new ApiError(0, String(error)), busy: false }));
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = filterProblems(form, t);
    setFormErrors(found);
    if (Object.keys(found).length > 0) return focus(firstError(found, ids, FILTER_FIELDS));
    const search: Record<string, string> = {};
    for (const f of FILTER_FIELDS) if (form[f].trim() !== '') search[PARAM[f]] = form[f].trim();
    setParams(search);
  };

  const exportQuery = query(filterQuery);
  const count = Object.keys(formErrors).length;
  const set = (field: FilterField) => (value: string) => setForm((f) => ({ ...f, [field]: value }));
  const tables = Object.entries(AUDITED_TABLE_LABELS).sort((a, b) => a[1].localeCompare(b[1], 'sv'));

  return (
    <>
      <PageHeading title={t('account.audit.title')} />
      <p className="lead">{t('account.audit.lead')}</p>
      <form className="filters audit-filters" noValidate onSubmit={submit} aria-label={t('account.audit.filter')}>
        {count > 0 ? <ErrorSummary id={`${base}-summary`} title={tn('account.form.problems', count)} /> : null}
        <TextField id={ids.actor} name="vem" type="search" label={t('account.audit.actor')} hint={t('account.audit.actorHint')} value={form.actor} onChange={set('actor')} error={formErrors.actor} />
        <div className="field">
          <label htmlFor={ids.table}>{t('account.audit.table')}</label>
          <select id={ids.table} name="tabell" value={form.table} onChange={(e) => set('table')(e.target.value)}>
            <option value="">{t('account.audit.allTables')}</option>
            {tables.map(([code, label]) => (
              <option key={code} value={code}>
                {label} ({code})
              </option>
            ))}
          </select>
        </div>
        <TextField id={ids.rowKey} name="rad" type="search" label={t('account.audit.rowKey')} hint={t('account.audit.rowKeyHint')} value={form.rowKey} onChange={set('rowKey')} error={formErrors.rowKey} />
        <TextField id={ids.from} name="fran" type="date" label={t('account.audit.from')} value={form.from} onChange={set('from')} error={formErrors.from} />
        <TextField id={ids.to} name="till" type="date" label={t('account.audit.to')} value={form.to} onChange={set('to')} error={formErrors.to} />
        <TextField id={ids.requestId} name="forfragan" type="search" label={t('account.audit.requestId')} value={form.requestId} onChange={set('requestId')} error={formErrors.requestId} />
        <div className="filter-actions">
          <button type="submit">{t('account.audit.apply')}</button>{' '}
          {paramsKey !== '' ? (
            <Link to={paths.audit()} className="button button-secondary">
              {t('account.audit.clear')}
            </Link>
          ) : null}
        </div>
      </form>
      <ul className="downloads" aria-label={t('account.audit.exports')}>
        <li>
          <a className="button button-secondary" href={`/api/audit.csv${exportQuery}`} download>
            {t('account.audit.csv')}
          </a>
        </li>
        <li>
          <a className="button button-secondary" href={`/api/audit.xlsx${exportQuery}`} download>
            {t('account.audit.xlsx')}
          </a>
        </li>
      </ul>
      {!valid ? null : (
        <Async value={first} what={t('account.what.audit')}>
          {() =>
            shown.length === 0 ? (
              <Empty>
                <p>{t('account.audit.none')}</p>
              </Empty>
            ) : (
              <>
                <p role="status" className="audit-count">
                  {next === null ? tn('account.audit.showingAll', shown.length) : tn('account.audit.showing', shown.length)}
                </p>
                <TableWrap label={t('account.audit.tableLabel')}>
                  <table className="audit">
                    <thead>
                      <tr>
                        <th scope="col">{t('account.audit.when', { zone: localZone() })}</th>
                        <th scope="col">{t('account.audit.who')}</th>
                        <th scope="col">{t('account.audit.what')}</th>
                        <th scope="col">{t('account.audit.operation')}</th>
                        <th scope="col">{t('account.audit.change')}</th>
                        <th scope="col">{t('account.audit.request')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {shown.map((entry) => (
                        <Entry key={entry.id} entry={entry} />
                      ))}
                    </tbody>
                  </table>
                </TableWrap>
                {more.error ? (
                  <div className="notice notice-error" role="alert">
                    <p>
                      <strong>{t('state.error', { what: t('account.what.audit') })}</strong> <span lang="sv">{more.error.message}</span>
                    </p>
                  </div>
                ) : null}
                {next !== null ? (
                  <button type="button" onClick={() => void loadMore()}>
                    {more.busy ? t('account.audit.loading') : t('account.audit.more', { count: String(PAGE_SIZE) })}
                  </button>
                ) : null}
              </>
            )
          }
        </Async>
      )}
    </>
  );
}

const OPERATION_KEYS: Record<AuditOperation, 'account.audit.op.insert' | 'account.audit.op.update' | 'account.audit.op.delete' | 'account.audit.op.truncate'> = {
  insert: 'account.audit.op.insert',
  update: 'account.audit.op.update',
  delete: 'account.audit.op.delete',
  truncate: 'account.audit.op.truncate',
};

const TIMESTAMP = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/;

/** A stored value as text: times in local time, strings as they are, others as JSON; empty as "–". */
function valueText(value: unknown): string {
  if (value === null || value === undefined) return '–';
  if (typeof value === 'string') return value === '' ? '""' : TIMESTAMP.test(value) ? formatInstant(value).local : value;
  return JSON.stringify(value);
}

function keyText(rowKey: Record<string, unknown>): string {
  return Object.entries(rowKey)
    .map(([k, v]) => `${k}: ${valueText(v)}`)
    .join(', ');
}

function Entry({ entry }: { entry: AuditEntry }) {
  const { t } = useI18n();
  const at = formatInstant(entry.at);
  const fields = changedColumns(entry);
  return (
    <tr>
      <td className="audit-when">
        <time dateTime={entry.at}>{at.local}</time>
        <br />
        <span className="muted">{at.utc}</span>
      </td>
      <td>
        {entry.actorName}
        {entry.actorId === null ? (
          <>
            <br />
            <span className="muted">{entry.actorName === entry.dbRole ? t('account.audit.direct') : t('account.audit.dbRole', { role: entry.dbRole })}</span>
          </>
        ) : null}
      </td>
      <td>
        <span lang="sv">{AUDITED_TABLE_LABELS[entry.table] ?? entry.table}</span>{' '}
        <span className="muted">
          (<code>{entry.table}</code>)
        </span>
        <br />
        <code>{keyText(entry.rowKey)}</code>
        <br />
        <Link to={paths.audit({ tabell: entry.table, rad: JSON.stringify(entry.rowKey) })}>{t('account.audit.history')}</Link>
      </td>
      <td>{t(OPERATION_KEYS[entry.operation])}</td>
      <td>
        {fields.length === 0 ? (
          <span className="muted">{t('account.audit.noFields')}</span>
        ) : (
          <ul className="plain audit-diff">
            {fields.map((field) => (
              <li key={field}>
                <code>{field}</code>:{' '}
                {entry.operation === 'insert' ? (
                  <span className="audit-new">{valueText(entry.new?.[field])}</span>
                ) : entry.operation === 'delete' ? (
                  <span className="audit-old">{valueText(entry.old?.[field])}</span>
                ) : (
                  <>
                    <span className="audit-old">{valueText(entry.old?.[field])}</span> <span aria-hidden="true">→</span>{' '}
                    <span className="visually-hidden">{t('account.audit.arrow')}</span> <span className="audit-new">{valueText(entry.new?.[field])}</span>
                  </>
                )}
              </li>
            ))}
          </ul>
        )}
      </td>
      <td>{entry.requestId ? <Link to={paths.audit({ forfragan: entry.requestId })}>{entry.requestId}</Link> : <span className="muted">–</span>}</td>
    </tr>
  );
}
