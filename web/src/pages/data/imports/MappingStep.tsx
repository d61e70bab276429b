import { useState, type FormEvent } from 'react';
import { formatNumber } from '../../../../../src/domain/format.js';
import { ApiError, send, useApi } from '../../../api.js';
import { Async } from '../../../components/LoadState.js';
import { TableWrap } from '../../../components/TableWrap.js';
import { useI18n } from '../../../i18n/I18n.js';
import { ErrorSummary, Field, sentence } from '../form/Field.js';
import { AreaOptions, IndicatorOptions } from '../form/Options.js';
import { WorkProgress } from './Progress.js';
import type { ImportMapping, ImportReport, ImportSessionView, UnresolvedName } from './types.js';
import { useCatalog } from './useCatalog.js';

/**
 * Step 2: how the file was read (format, sheets, layout, heading row), the settings the server
 * analyses with (sheet; indicator and area for files without those columns; source), and the
 * names it did not know, each mapped to an indicator or area — saved, so the next file with the
 * same name is understood at once. Saving analyses the file again.
 */
const COLUMN_ROLES = ['indicator', 'area', 'period', 'value', 'numerator', 'denominator', 'breakdown', 'scenario', 'asOf', 'preliminary', 'comment', 'source'] as const;

const nameKey = (u: Pick<UnresolvedName, 'kind' | 'key'>) => `${u.kind}:${u.key}`;
const nameFieldId = (n: number) => `import-name-${n}`;

interface Problem {
  fieldId: string | null;
  label: string;
  error: ApiError;
}

export function MappingStep(props: {
  session: ImportSessionView;
  report: ImportReport;
  sheetNames: string[];
  busy: boolean;
  onSession: (session: ImportSessionView) => void;
  onContinue: () => void;
  onRestart: () => void;
}) {
  const { session, report, sheetNames, busy, onSession, onContinue, onRestart } = props;
  const { t, tn } = useI18n();
  const catalog = useCatalog();
  const saved = useApi<ImportMapping[]>('/api/import-mappings');
  const [choices, setChoices] = useState<Record<string, string>>({});
  const [settings, setSettings] = useState({
    sheet: session.settings.sheet ?? '',
    indicator: session.settings.indicator ?? '',
    area: session.settings.area ?? '',
    source: session.settings.source ?? '',
  });
  const [problem, setProblem] = useState<Problem | null>(null);
  const [working, setWorking] = useState(false);
  const [removed, setRemoved] = useState<string | null>(null);

  const changed =
    Object.values(choices).some((v) => v !== '') ||
    settings.sheet !== (session.settings.sheet ?? '') ||
    settings.indicator !== (session.settings.indicator ?? '') ||
    settings.area !== (session.settings.area ?? '') ||
    settings.source.trim() !== (session.settings.source ?? '');
  const disabled = busy || working;
  const labelOf = (u: UnresolvedName) => t(u.kind === 'indicator' ? 'data.import.name.indicatorFor' : 'data.import.name.areaFor', { name: u.text });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setProblem(null);
    setRemoved(null);
    setWorking(true);
    try {
      for (const [n, u] of report.unresolved.entries()) {
        const targetId = choices[nameKey(u)];
        if (!targetId) continue;
        try {
          await send('PUT', '/api/import-mappings', { kind: u.kind, text: u.text, targetId });
        } catch (error) {
          setProblem({ fieldId: nameFieldId(n), label: labelOf(u), error: error instanceof ApiError ? error : new ApiError(0, (error as Error).message) });
          return;
        }
      }
      const body = { sheet: settings.sheet || null, indicator: settings.indicator || null, area: settings.area || null, source: settings.source.trim() || null };
      const next = await send<ImportSessionView>('POST', `/api/imports/${session.id}/analyse`, body);
      setChoices({});
      saved.retry();
      onSession(next);
    } catch (error) {
      setProblem({ fieldId: null, label: '', error: error instanceof ApiError ? error : new ApiError(0, (error as Error).message) });
    } finally {
      setWorking(false);
    }
  };

  const remove = async (m: ImportMapping) => {
    setProblem(null);
    try {
      await send('DELETE', `/api/import-mappings/${m.kind}/${encodeURIComponent(m.sourceKey)}`);
      setRemoved(t('data.import.saved.removed', { name: m.sourceText }));
      saved.retry();
    } catch (error) {
      setProblem({ fieldId: null, label: '', error: error instanceof ApiError ? error : new ApiError(0, (error as Error).message) });
    }
  };

  const analysisError = session.status === 'failed' ? session.error : null;

  return (
    <>
      {analysisError ? (
        <div className="notice notice-error" role="alert">
          <p>
            <strong>{t('data.import.analysisFailed')}</strong> {analysisError.message}
          </p>
        </div>
      ) : null}
      <FileFacts session={session} report={report} />

      <Async value={catalog} what={t('data.what.catalog')}>
        {({ indicators, areas }) => (
          <form className="form form-wide" noValidate onSubmit={(e) => void submit(e)}>
            {problem ? (
              <ErrorSummary
                id="import-mapping-problem"
                cause={problem.error}
                title={t('data.import.mappingFailed')}
                items={[{ fieldId: problem.fieldId, label: problem.label, message: sentence(problem.error.message) }]}
              />
            ) : null}

            <fieldset>
              <legend>{t('data.import.names.title')}</legend>
              {report.unresolved.length === 0 ? (
                <p>{t('data.import.names.none')}</p>
              ) : (
                <>
                  <p className="hint">{tn('data.import.names.lead', report.unresolved.length)}</p>
                  {report.unresolved.map((u, n) => (
                    <Field
                      key={nameKey(u)}
                      id={nameFieldId(n)}
                      label={labelOf(u)}
                      hint={`${tn('data.import.name.rows', u.rows)} ${t('data.import.name.first', { where: placeText(t, u.first) })}${u.ambiguous ? ` ${t('data.import.name.ambiguous')}` : ''}`}
                      error={problem?.fieldId === nameFieldId(n) ? problem.error.message : null}
                    >
                      {(p) => (
                        <select {...p} value={choices[nameKey(u)] ?? ''} onChange={(e) => setChoices({ ...choices, [nameKey(u)]: e.target.value })} disabled={disabled}>
                          <option value="">{t('data.import.name.leave')}</option>
                          {u.suggestions.length > 0 ? (
                            <optgroup label={t('data.import.name.suggestions')}>
                              {u.suggestions.map((s) => (
                                <option key={s.id} value={s.id}>
                                  {s.label}
                                </option>
                              ))}
                            </optgroup>
                          ) : null}
                          {u.kind === 'indicator' ? (
                            <optgroup label={t('data.import.name.allIndicators')}>
                              <IndicatorOptions indicators={indicators} />
                            </optgroup>
                          ) : (
                            <AreaOptions areas={areas} />
                          )}
                        </select>
                      )}
                    </Field>
                  ))}
                </>
              )}
            </fieldset>

            <fieldset>
              <legend>{t('data.import.settings.title')}</legend>
              {report.format === 'xlsx' && sheetNames.length > 1 ? (
                <Field id="import-sheet" label={t('data.import.settings.sheet')} hint={t('data.import.settings.sheetHint')}>
                  {(p) => (
                    <select {...p} value={settings.sheet} onChange={(e) => setSettings({ ...settings, sheet: e.target.value })} disabled={disabled}>
                      <option value="">{t('data.import.settings.allSheets')}</option>
                      {sheetNames.map((s) => (
                        <option key={s} value={s}>
                          {s}
                        </option>
                      ))}
                    </select>
                  )}
                </Field>
              ) : null}
              <Field id="import-default-indicator" label={t('data.import.settings.indicator')} hint={t('data.import.settings.indicatorHint')}>
                {(p) => (
                  <select {...p} value={settings.indicator} onChange={(e) => setSettings({ ...settings, indicator: e.target.value })} disabled={disabled}>
                    <option value="">{t('data.import.settings.fromFile')}</option>
                    <IndicatorOptions indicators={indicators} />
                  </select>
                )}
              </Field>
              <Field id="import-default-area" label={t('data.import.settings.area')} hint={t('data.import.settings.areaHint')}>
                {(p) => (
                  <select {...p} value={settings.area} onChange={(e) => setSettings({ ...settings, area: e.target.value })} disabled={disabled}>
                    <option value="">{t('data.import.settings.fromFile')}</option>
                    <AreaOptions areas={areas} />
                  </select>
                )}
              </Field>
              <Field id="import-source" label={t('data.import.settings.source')} hint={t('data.import.settings.sourceHint')}>
                {(p) => <input {...p} value={settings.source} onChange={(e) => setSettings({ ...settings, source: e.target.value })} disabled={disabled} maxLength={200} />}
              </Field>
            </fieldset>

            <div className="actions">
              <button type="submit" disabled={disabled || !changed}>
                {t('data.import.analyseAgain')}
              </button>
              <button type="button" onClick={onContinue} disabled={disabled}>
                {t('data.import.toPreview')}
              </button>
              <button type="button" className="button-secondary" onClick={onRestart} disabled={disabled}>
                {t('data.import.restart')}
              </button>
            </div>
            {!changed && !disabled ? <p className="hint">{t('data.import.analyseHint')}</p> : null}
            {busy ? <WorkProgress progress={session.progress} committing={false} /> : null}
          </form>
        )}
      </Async>

      <ColumnHelp />

      <details className="saved-mappings">
        <summary>{t('data.import.saved.title', { count: saved.state === 'ok' ? formatNumber(saved.data.length) : '…' })}</summary>
        {removed ? (
          <p role="status" className="notice">
            {removed}
          </p>
        ) : null}
        <Async value={saved} what={t('data.what.mappings')}>
          {(mappings) =>
            mappings.length === 0 ? (
              <p>{t('data.import.saved.none')}</p>
            ) : (
              <TableWrap label={t('data.import.saved.caption')}>
                <table>
                  <caption>{t('data.import.saved.caption')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('data.import.saved.text')}</th>
                      <th scope="col">{t('data.import.saved.kind')}</th>
                      <th scope="col">{t('data.import.saved.target')}</th>
                      <th scope="col">{t('data.import.saved.by')}</th>
                      <th scope="col">{t('data.table.action')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {mappings.map((m) => (
                      <tr key={`${m.kind}:${m.sourceKey}`}>
                        <th scope="row">{m.sourceText}</th>
                        <td>{t(m.kind === 'indicator' ? 'data.import.kind.indicator' : 'data.import.kind.area')}</td>
                        <td>{targetName(catalog, m)}</td>
                        <td>{m.createdBy}</td>
                        <td>
                          <button type="button" className="link-button" onClick={() => void remove(m)}>
                            {t('data.import.saved.remove', { name: m.sourceText })}
                          </button>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableWrap>
            )
          }
        </Async>
      </details>
    </>
  );
}

function targetName(catalog: ReturnType<typeof useCatalog>, m: ImportMapping): string {
  if (catalog.state !== 'ok') return m.targetId;
  const list = m.kind === 'indicator' ? catalog.data.indicators : catalog.data.areas;
  return list.find((x) => x.id === m.targetId)?.name ?? m.targetId;
}

type T = ReturnType<typeof useI18n>['t'];

/** "rad 14, kolumn C" (with the sheet for workbooks). */
export function placeText(t: T, where: { sheet: string | null; row: number | null; column: string | null }): string {
  const place = where.row === null ? '' : where.column === null ? t('data.import.place.row', { row: String(where.row) }) : t('data.import.place.cell', { row: String(where.row), column: where.column });
  return where.sheet === null ? place : t('data.import.place.sheet', { sheet: where.sheet, place });
}

function FileFacts({ session, report }: { session: ImportSessionView; report: ImportReport }) {
  const { t, tn } = useI18n();
  const delimiter = report.delimiter === null ? null : (({ ';': t('data.import.delimiter.semicolon'), ',': t('data.import.delimiter.comma'), '\t': t('data.import.delimiter.tab') }) as Record<string, string>)[report.delimiter] ?? `"${report.delimiter}"`;
  const format =
    report.format === 'csv'
      ? t('data.import.format.csv', { encoding: report.encoding ?? '–', delimiter: delimiter ?? '–' })
      : t('data.import.format.xlsx');
  return (
    <>
      <dl className="facts facts-wide">
        <div>
          <dt>{t('data.import.facts.file')}</dt>
          <dd>
            {session.fileName} ({formatNumber(session.bytes / 1024, session.bytes < 10240 ? 1 : 0)}&nbsp;kB)
          </dd>
        </div>
        <div>
          <dt>{t('data.import.facts.format')}</dt>
          <dd>{format}</dd>
        </div>
        <div>
          <dt>{t('data.import.facts.rows')}</dt>
          <dd>
            {tn('data.import.facts.rowsRead', report.rowsRead)}, {tn('data.import.facts.valuesRead', report.valuesRead)}
          </dd>
        </div>
      </dl>
      <h4>{t('data.import.layout.title')}</h4>
      <ul>
        {report.sheets.map((s, n) => (
          <li key={n}>
            {s.sheet === null ? '' : `${t('data.import.layout.sheet', { sheet: s.sheet })}: `}
            {s.layout === null ? t('data.import.layout.none') : `${t(`data.import.layout.${s.layout}`)}, ${t('data.import.layout.header', { row: String(s.headerRow ?? '–') })}, ${tn('data.import.layout.dataRows', s.dataRows)}`}
          </li>
        ))}
      </ul>
    </>
  );
}

/** Which headings the server reads as which column (src/importers/tabular/headers.ts), in words. */
function ColumnHelp() {
  const { t } = useI18n();
  return (
    <details className="column-help">
      <summary>{t('data.import.columns.title')}</summary>
      <p>{t('data.import.columns.lead')}</p>
      <dl className="facts">
        {COLUMN_ROLES.map((role) => (
          <div key={role}>
            <dt>{t(`data.import.columns.role.${role}`)}</dt>
            <dd>{t(`data.import.columns.names.${role}`)}</dd>
          </div>
        ))}
      </dl>
      <p>{t('data.import.columns.wide')}</p>
    </details>
  );
}
