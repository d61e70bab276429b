import { useEffect, useRef, useState } from 'react';
import { formatDate, formatNumber } from '../../../../../src/domain/format.js';
import { ApiError, send, useApi } from '../../../api.js';
import { Async, ErrorMessage } from '../../../components/LoadState.js';
import { TableWrap } from '../../../components/TableWrap.js';
import { useI18n } from '../../../i18n/I18n.js';
import type { BatchChangeView, ImportBatch } from './types.js';

/**
 * Earlier imports, newest first, a page at a time: who, when, which file, what they did; what one
 * changed (old → new); and undo as a unit, after a confirmation. The server refuses an undo
 * that a later import depends on and says which to undo first.
 */
const PAGE = 10;

function when(iso: string): string {
  return `${formatDate(iso)} ${iso.slice(11, 16)} UTC`;
}

export function BatchHistory({ version }: { version: number }) {
  const { t } = useI18n();
  const [offset, setOffset] = useState(0);
  const list = useApi<{ total: number; batches: ImportBatch[] }>(`/api/import-batches?limit=${PAGE}&offset=${offset}`);
  const [confirming, setConfirming] = useState<ImportBatch | null>(null);
  const [shown, setShown] = useState<ImportBatch | null>(null);
  const [outcome, setOutcome] = useState<{ kind: 'ok'; text: string } | { kind: 'error'; error: ApiError } | null>(null);
  const [working, setWorking] = useState(false);
  const confirmRef = useRef<HTMLDivElement>(null);
  const outcomeRef = useRef<HTMLDivElement>(null);
  const { retry } = list;

  // a new import elsewhere on the page: read the list again
  const seen = useRef(version);
  useEffect(() => {
    if (seen.current === version) return;
    seen.current = version;
    setOffset(0);
    retry();
  }, [version, retry]);

  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);
  useEffect(() => {
    if (outcome) outcomeRef.current?.focus();
  }, [outcome]);

  const undo = async (batch: ImportBatch) => {
    setWorking(true);
    try {
      const result = await send<{ deleted: number; restored: number }>('POST', `/api/import-batches/${batch.id}/undo`);
      setOutcome({ kind: 'ok', text: t('data.history.undone', { batch: String(batch.id), deleted: formatNumber(result.deleted), restored: formatNumber(result.restored) }) });
      if (shown?.id === batch.id) setShown(null);
      retry();
    } catch (error) {
      setOutcome({ kind: 'error', error: error instanceof ApiError ? error : new ApiError(0, (error as Error).message) });
    } finally {
      setWorking(false);
      setConfirming(null);
    }
  };

  return (
    <section aria-labelledby="import-history" className="import-history">
      <h2 id="import-history">{t('data.history.title')}</h2>
      {outcome ? (
        <div ref={outcomeRef} tabIndex={-1}>
          {outcome.kind === 'ok' ? (
            <p className="notice" role="status">
              {outcome.text}
            </p>
          ) : (
            <ErrorMessage error={outcome.error} what={t('data.what.undo')} />
          )}
        </div>
      ) : null}
      <Async value={list} what={t('data.what.batches')}>
        {({ total, batches }) =>
          batches.length === 0 ? (
            <p>{t('data.history.none')}</p>
          ) : (
            <>
              <TableWrap label={t('data.history.caption')}>
                <table className="import-batches">
                  <caption>{t('data.history.caption')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('data.history.number')}</th>
                      <th scope="col">{t('data.history.when')}</th>
                      <th scope="col">{t('data.history.who')}</th>
                      <th scope="col">{t('data.history.kind')}</th>
                      <th scope="col">{t('data.history.file')}</th>
                      <th scope="col" className="num">
                        {t('data.history.new')}
                      </th>
                      <th scope="col" className="num">
                        {t('data.history.changed')}
                      </th>
                      <th scope="col" className="num">
                        {t('data.history.unchanged')}
                      </th>
                      <th scope="col">{t('data.table.action')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {batches.map((b) => (
                      <tr key={b.id}>
                        <th scope="row">{b.id}</th>
                        <td>{when(b.createdAt)}</td>
                        <td>{b.createdBy}</td>
                        <td>{b.kind}</td>
                        <td>{b.fileName ?? '–'}</td>
                        <td className="num">{formatNumber(b.inserted)}</td>
                        <td className="num">{formatNumber(b.updated)}</td>
                        <td className="num">{formatNumber(b.unchanged)}</td>
                        <td>
                          <div className="row-actions">
                            <button type="button" className="link-button" onClick={() => setShown(shown?.id === b.id ? null : b)} aria-expanded={shown?.id === b.id}>
                              {t('data.history.show', { batch: String(b.id) })}
                            </button>
                            {b.undoneAt ? (
                              <span>{t('data.history.wasUndone', { when: when(b.undoneAt), who: b.undoneBy ?? '–' })}</span>
                            ) : (
                              <button type="button" className="link-button" onClick={() => { setOutcome(null); setConfirming(b); }} disabled={working}>
                                {t('data.history.undo', { batch: String(b.id) })}
                              </button>
                            )}
                          </div>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableWrap>
              {total > PAGE ? (
                <nav className="pager" aria-label={t('data.history.pages')}>
                  <button type="button" className="button-secondary" onClick={() => setOffset(Math.max(0, offset - PAGE))} disabled={offset === 0}>
                    {t('data.pager.previous')}
                  </button>
                  <span>{t('data.history.range', { from: formatNumber(offset + 1), to: formatNumber(Math.min(offset + PAGE, total)), total: formatNumber(total) })}</span>
                  <button type="button" className="button-secondary" onClick={() => setOffset(offset + PAGE)} disabled={offset + PAGE >= total}>
                    {t('data.pager.next')}
                  </button>
                </nav>
              ) : null}
            </>
          )
        }
      </Async>
      {confirming ? (
        <div ref={confirmRef} tabIndex={-1} className="notice confirm" role="group" aria-labelledby="undo-question">
          <p id="undo-question">
            <strong>{t('data.history.confirm', { batch: String(confirming.id), file: confirming.fileName ?? confirming.kind })}</strong>
          </p>
          <p>{t('data.history.confirmText', { deleted: formatNumber(confirming.inserted), restored: formatNumber(confirming.updated) })}</p>
          <div className="actions">
            <button type="button" onClick={() => void undo(confirming)} disabled={working}>
              {t('data.history.confirmYes', { batch: String(confirming.id) })}
            </button>
            <button type="button" className="button-secondary" onClick={() => setConfirming(null)} disabled={working}>
              {t('data.history.confirmNo')}
            </button>
          </div>
        </div>
      ) : null}
      {shown ? <BatchChanges batch={shown} /> : null}
    </section>
  );
}

function BatchChanges({ batch }: { batch: ImportBatch }) {
  const { t } = useI18n();
  const detail = useApi<{ batch: ImportBatch; changes: BatchChangeView[] }>(`/api/import-batches/${batch.id}?limit=100`);
  const caption = t('data.history.changesCaption', { batch: String(batch.id) });
  return (
    <section aria-label={caption} className="batch-changes">
      <Async value={detail} what={t('data.what.batch')}>
        {({ changes }) =>
          changes.length === 0 ? (
            <p>{t('data.history.noChanges', { batch: String(batch.id) })}</p>
          ) : (
            <TableWrap label={caption}>
              <table>
                <caption>{changes.length >= 100 ? `${caption} ${t('data.history.first100')}` : caption}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('table.indicator')}</th>
                    <th scope="col">{t('table.area')}</th>
                    <th scope="col">{t('table.period')}</th>
                    <th scope="col" className="num">
                      {t('data.import.old')}
                    </th>
                    <th scope="col" className="num">
                      {t('data.import.new')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {changes.map((c) => (
                    <tr key={c.measurementId}>
                      <th scope="row">
                        {c.indicatorName ?? '–'}
                        {c.breakdown ? <span className="muted"> ({c.breakdown})</span> : null}
                      </th>
                      <td>{c.areaName ?? '–'}</td>
                      <td>{c.periodLabel ?? '–'}</td>
                      <td className="num">{c.old.text}</td>
                      <td className="num">{c.new.text}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableWrap>
          )
        }
      </Async>
    </section>
  );
}
