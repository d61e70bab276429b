import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { formatDate, formatNumber } from '../../../../src/domain/format.js';
import { ApiError, getJson, send, useApi, type Loadable } from '../../api.js';
import { Async } from '../../components/LoadState.js';
import { PageHeading } from '../../components/Page.js';
import { TableWrap } from '../../components/TableWrap.js';
import { useI18n } from '../../i18n/I18n.js';
import { paths } from '../../lib/paths.js';
import { useSession } from '../../session/Session.js';
import { ErrorSummary, Field, fieldError, sentence, summaryItems } from './form/Field.js';
import { IndicatorOptions } from './form/Options.js';
import { ServerRefusal } from './form/ServerRefusal.js';
import { ChangeTable } from './imports/ChangeTable.js';
import { placeText } from './imports/MappingStep.js';
import type { IndicatorBrief, KoladaSyncReport, KpiMapping } from './imports/types.js';
import { useCatalog } from './imports/useCatalog.js';

/**
 * /inlasning/kolada (permission `import`): which Kolada KPI feeds which indicator, and a sync
 * for chosen KPIs, regions and years — a dry run by default, which shows what would be new and
 * what Kolada has revised (old → new); without it the values are saved as one import batch.
 */
export function KoladaPage() {
  const { t } = useI18n();
  const { can } = useSession();
  if (!can('import')) {
    return (
      <>
        <PageHeading title={t('data.kolada.title')} />
        <ServerRefusal url="/api/kolada/mappings" what={t('data.what.kolada')} />
      </>
    );
  }
  return <Kolada />;
}

function Kolada() {
  const { t } = useI18n();
  const catalog = useCatalog();
  const loaded = useApi<KpiMapping[]>('/api/kolada/mappings');
  // after a new mapping the list is read again in place, so the form and its message stay
  const [fresh, setFresh] = useState<KpiMapping[] | null>(null);
  const mappings: Loadable<KpiMapping[]> = fresh ? { state: 'ok', data: fresh } : loaded;
  const reload = () => void getJson<KpiMapping[]>('/api/kolada/mappings').then(setFresh, () => loaded.retry());
  return (
    <div className="data-page">
      <PageHeading title={t('data.kolada.title')} />
      <p className="lead">{t('data.kolada.lead')}</p>
      <p>
        <Link to={paths.imports()}>{t('data.kolada.back')}</Link>
      </p>
      <Async value={catalog} what={t('data.what.catalog')}>
        {({ indicators }) => (
          <Async value={mappings} what={t('data.what.kolada')}>
            {(list) => (
              <>
                <KpiMappings indicators={indicators} mappings={list} onSaved={reload} />
                <SyncForm mappings={list} indicators={indicators} />
              </>
            )}
          </Async>
        )}
      </Async>
    </div>
  );
}

function KpiMappings({ indicators, mappings, onSaved }: { indicators: IndicatorBrief[]; mappings: KpiMapping[]; onSaved: () => void }) {
  const { t } = useI18n();
  const [kpi, setKpi] = useState('');
  const [indicatorId, setIndicatorId] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [working, setWorking] = useState(false);
  const name = (id: string) => indicators.find((i) => i.id === id)?.name ?? id;
  const fromCatalog = indicators.filter((i) => i.koladaKpi !== null && !mappings.some((m) => m.kpiId === i.koladaKpi));
  const fields = [
    { name: 'kpi', id: 'kolada-map-kpi', label: t('data.kolada.kpi') },
    { name: 'indicatorId', id: 'kolada-map-indicator', label: t('data.kolada.indicator') },
  ];

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setSaved(null);
    setWorking(true);
    try {
      const result = await send<KpiMapping>('PUT', '/api/kolada/mappings', { kpi: kpi.trim(), indicatorId });
      setSaved(t('data.kolada.mapped', { kpi: result.kpiId, indicator: name(result.indicatorId) }));
      setKpi('');
      setIndicatorId('');
      onSaved();
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, (e as Error).message));
    } finally {
      setWorking(false);
    }
  };

  return (
    <section aria-labelledby="kolada-mappings">
      <h2 id="kolada-mappings">{t('data.kolada.mappings')}</h2>
      {mappings.length === 0 ? (
        <p>{t('data.kolada.noMappings')}</p>
      ) : (
        <TableWrap label={t('data.kolada.mappingsCaption')}>
          <table>
            <caption>{t('data.kolada.mappingsCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('data.kolada.kpi')}</th>
                <th scope="col">{t('data.kolada.kpiTitle')}</th>
                <th scope="col">{t('data.kolada.indicator')}</th>
                <th scope="col">{t('data.kolada.mappedBy')}</th>
              </tr>
            </thead>
            <tbody>
              {mappings.map((m) => (
                <tr key={m.kpiId}>
                  <th scope="row">{m.kpiId}</th>
                  <td>{m.kpiTitle ?? '–'}</td>
                  <td>{name(m.indicatorId)}</td>
                  <td>
                    {m.createdBy}, {formatDate(m.createdAt)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      {fromCatalog.length > 0 ? (
        <>
          <p>{t('data.kolada.fromCatalog')}</p>
          <ul>
            {fromCatalog.map((i) => (
              <li key={i.id}>
                {i.koladaKpi}: {i.name}
              </li>
            ))}
          </ul>
        </>
      ) : null}

      <h3>{t('data.kolada.mapTitle')}</h3>
      <form className="form" noValidate onSubmit={(e) => void submit(e)}>
        {error ? <ErrorSummary id="kolada-map-problem" cause={error} title={t('data.kolada.mapFailed')} items={summaryItems(error, fields)} /> : null}
        {saved ? (
          <p className="notice" role="status">
            {saved}
          </p>
        ) : null}
        <Field id="kolada-map-kpi" label={t('data.kolada.kpi')} hint={t('data.kolada.kpiHint')} error={fieldError(error, 'kpi')}>
          {(p) => <input {...p} value={kpi} onChange={(e) => setKpi(e.target.value)} maxLength={20} autoComplete="off" />}
        </Field>
        <Field id="kolada-map-indicator" label={t('data.kolada.indicator')} error={fieldError(error, 'indicatorId')}>
          {(p) => (
            <select {...p} value={indicatorId} onChange={(e) => setIndicatorId(e.target.value)}>
              <option value="">{t('data.choose')}</option>
              <IndicatorOptions indicators={indicators} />
            </select>
          )}
        </Field>
        <p>
          <button type="submit" disabled={working}>
            {t('data.kolada.mapSubmit')}
          </button>
        </p>
      </form>
    </section>
  );
}

function SyncForm({ mappings, indicators }: { mappings: KpiMapping[]; indicators: IndicatorBrief[] }) {
  const { t, tn } = useI18n();
  const known = [...new Set([...mappings.map((m) => m.kpiId), ...indicators.map((i) => i.koladaKpi).filter((k): k is string => k !== null)])];
  const [kpis, setKpis] = useState(known.join(', '));
  const [allRegions, setAllRegions] = useState(true);
  const [regions, setRegions] = useState('');
  const [years, setYears] = useState(`${new Date().getFullYear() - 3}-${new Date().getFullYear() - 1}`);
  const [dryRun, setDryRun] = useState(true);
  const [full, setFull] = useState(false);
  const [working, setWorking] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [report, setReport] = useState<KoladaSyncReport | null>(null);
  const fields = [
    { name: 'kpis', id: 'kolada-kpis', label: t('data.kolada.kpis') },
    { name: 'regions', id: 'kolada-regions', label: t('data.kolada.regionList') },
    { name: 'years', id: 'kolada-years', label: t('data.kolada.years') },
  ];
  // the server names a KPI without an indicator as `kpi`; it belongs to the KPI field here
  const kpiError = fieldError(error, 'kpis') ?? fieldError(error, 'kpi');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setReport(null);
    setWorking(true);
    try {
      const body = {
        kpis,
        regions: allRegions ? 'all' : regions.split(',').map((r) => r.trim()).filter(Boolean),
        years,
        dryRun,
        full,
      };
      setReport(await send<KoladaSyncReport>('POST', '/api/kolada/sync', body));
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, (e as Error).message));
    } finally {
      setWorking(false);
    }
  };

  return (
    <section aria-labelledby="kolada-sync">
      <h2 id="kolada-sync">{t('data.kolada.sync')}</h2>
      <form className="form" noValidate onSubmit={(e) => void submit(e)}>
        {error ? <ErrorSummary id="kolada-sync-problem" cause={error} title={t('data.kolada.syncFailed')} items={summaryItems(error, fields)} /> : null}
        <Field id="kolada-kpis" label={t('data.kolada.kpis')} hint={t('data.kolada.kpisHint')} error={kpiError}>
          {(p) => <input {...p} value={kpis} onChange={(e) => setKpis(e.target.value)} autoComplete="off" />}
        </Field>
        <fieldset>
          <legend>{t('data.kolada.regions')}</legend>
          <div className="field-check">
            <input id="kolada-regions-all" type="radio" name="kolada-regions" checked={allRegions} onChange={() => setAllRegions(true)} />
            <label htmlFor="kolada-regions-all">{t('data.kolada.regionsAll')}</label>
          </div>
          <div className="field-check">
            <input id="kolada-regions-some" type="radio" name="kolada-regions" checked={!allRegions} onChange={() => setAllRegions(false)} />
            <label htmlFor="kolada-regions-some">{t('data.kolada.regionsSome')}</label>
          </div>
          {!allRegions ? (
            <Field id="kolada-regions" label={t('data.kolada.regionList')} hint={t('data.kolada.regionListHint')} error={fieldError(error, 'regions')}>
              {(p) => <input {...p} value={regions} onChange={(e) => setRegions(e.target.value)} autoComplete="off" />}
            </Field>
          ) : null}
        </fieldset>
        <Field id="kolada-years" label={t('data.kolada.years')} hint={t('data.kolada.yearsHint')} error={fieldError(error, 'years')}>
          {(p) => <input {...p} value={years} onChange={(e) => setYears(e.target.value)} autoComplete="off" />}
        </Field>
        <div className="field-check">
          <input id="kolada-dry-run" type="checkbox" checked={dryRun} onChange={(e) => setDryRun(e.target.checked)} aria-describedby="kolada-dry-run-hint" />
          <label htmlFor="kolada-dry-run">{t('data.kolada.dryRun')}</label>
          <p id="kolada-dry-run-hint" className="hint">
            {t('data.kolada.dryRunHint')}
          </p>
        </div>
        <div className="field-check">
          <input id="kolada-full" type="checkbox" checked={full} onChange={(e) => setFull(e.target.checked)} />
          <label htmlFor="kolada-full">{t('data.kolada.full')}</label>
        </div>
        <p>
          <button type="submit" disabled={working}>
            {dryRun ? t('data.kolada.submitDry') : t('data.kolada.submit')}
          </button>
        </p>
        {working ? (
          <p role="status" className="loading">
            <span className="spinner" aria-hidden="true" />
            {t('data.kolada.working')}
          </p>
        ) : null}
      </form>

      {report ? (
        <div className="kolada-result" role="status">
          <p>
            <strong>
              {report.committed
                ? t('data.kolada.committed', { batch: String(report.batchId ?? '–') })
                : report.dryRun
                  ? t('data.kolada.dryDone')
                  : t('data.kolada.notCommitted')}
            </strong>{' '}
            {[tn('data.import.count.new', report.counts.new), tn('data.import.count.changed', report.counts.changed), tn('data.import.count.unchanged', report.counts.unchanged), tn('data.import.count.errors', report.counts.errors)].join(', ')}.
          </p>
        </div>
      ) : null}
      {report ? <SyncReport report={report} indicators={indicators} /> : null}
    </section>
  );
}

function SyncReport({ report, indicators }: { report: KoladaSyncReport; indicators: IndicatorBrief[] }) {
  const { t } = useI18n();
  const name = (id: string) => indicators.find((i) => i.id === id)?.name ?? id;
  return (
    <>
      <TableWrap label={t('data.kolada.perKpi')}>
        <table>
          <caption>{t('data.kolada.perKpi')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('data.kolada.kpi')}</th>
              <th scope="col">{t('data.kolada.indicator')}</th>
              <th scope="col">{t('data.kolada.fromDate')}</th>
              <th scope="col" className="num">
                {t('data.kolada.values')}
              </th>
              <th scope="col" className="num">
                {t('data.kolada.deleted')}
              </th>
            </tr>
          </thead>
          <tbody>
            {report.kpis.map((k) => (
              <tr key={k.kpi}>
                <th scope="row">
                  {k.kpi} <span className="muted">{k.title}</span>
                </th>
                <td>{name(k.indicatorId)}</td>
                <td>{k.fromDate ? formatDate(k.fromDate) : t('data.kolada.everything')}</td>
                <td className="num">{formatNumber(k.values)}</td>
                <td className="num">{formatNumber(k.deleted)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
      {report.notes.length > 0 ? (
        <ul className="import-notes">
          {report.notes.map((n, i) => (
            <li key={i}>{n}</li>
          ))}
        </ul>
      ) : null}
      {report.issues.length > 0 ? (
        <>
          <h3>{t('data.kolada.issues')}</h3>
          <ul>
            {report.issues.slice(0, 50).map((issue, i) => (
              <li key={i}>
                {placeText(t, issue)}: {sentence(issue.message)}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <ChangeTable rows={report.changes} total={report.counts.changed} caption={t('data.kolada.revised')} withOld />
      <ChangeTable rows={report.inserts} total={report.counts.new} caption={t('data.import.insertsCaption')} withOld={false} />
    </>
  );
}
