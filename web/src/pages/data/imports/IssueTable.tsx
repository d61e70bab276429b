import { useEffect, useRef, useState } from 'react';
import { formatNumber } from '../../../../../src/domain/format.js';
import { useApi } from '../../../api.js';
import { Async } from '../../../components/LoadState.js';
import { TableWrap } from '../../../components/TableWrap.js';
import { useI18n } from '../../../i18n/I18n.js';
import { placeText } from './MappingStep.js';
import type { IssuePage } from './types.js';

/**
 * The problems in an uploaded file, a page at a time from GET /api/imports/:id/issues (a file
 * can have tens of thousands): where (sheet, row, column), the cell as read, the rule, the
 * message — all in Swedish from the server — and the whole list as XLSX or CSV.
 */
export const ISSUE_PAGE = 25;

export function IssueTable({ sessionId, total, truncated }: { sessionId: string; total: number; truncated: boolean }) {
  const { t } = useI18n();
  const [offset, setOffset] = useState(0);
  const page = useApi<IssuePage>(`/api/imports/${sessionId}/issues?limit=${ISSUE_PAGE}&offset=${offset}`);
  const caption = useRef<HTMLTableCaptionElement>(null);
  const moved = useRef(false);
  useEffect(() => {
    // after "next"/"previous" the new page's caption takes focus, so reading starts at the top of it
    if (moved.current && page.state === 'ok') {
      moved.current = false;
      caption.current?.focus();
    }
  }, [page.state, offset]);
  const go = (next: number) => {
    moved.current = true;
    setOffset(next);
  };
  const shownTo = Math.min(offset + ISSUE_PAGE, total);
  const range = t('data.import.issues.range', { from: formatNumber(offset + 1), to: formatNumber(shownTo), total: formatNumber(total) });
  return (
    <section aria-labelledby="import-issues" className="import-issues">
      <h4 id="import-issues">{t('data.import.issues.title', { count: formatNumber(total) })}</h4>
      <p className="downloads">
        <a className="button button-secondary" href={`/api/imports/${sessionId}/errors.xlsx`} download>
          {t('data.import.issues.xlsx')}
        </a>{' '}
        <a className="button button-secondary" href={`/api/imports/${sessionId}/errors.csv`} download>
          {t('data.import.issues.csv')}
        </a>
      </p>
      {truncated ? <p className="hint">{t('data.import.issues.truncated')}</p> : null}
      <Async value={page} what={t('data.what.issues')}>
        {(data) => (
          <>
            <TableWrap label={t('data.import.issues.caption', { range })}>
              <table className="import-issue-table">
                <caption ref={caption} tabIndex={-1}>
                  {t('data.import.issues.caption', { range })}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">{t('data.import.where')}</th>
                    <th scope="col">{t('data.import.issues.value')}</th>
                    <th scope="col">{t('data.import.issues.problem')}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.issues.map((issue, n) => (
                    <tr key={`${offset + n}`}>
                      <th scope="row">{placeText(t, issue)}</th>
                      <td>{issue.value === null ? <span className="muted">{t('data.import.issues.empty')}</span> : <code>{issue.value}</code>}</td>
                      <td>
                        {issue.message} <span className="muted">({issue.rule})</span>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableWrap>
            {total > ISSUE_PAGE ? (
              <nav className="pager" aria-label={t('data.import.issues.pages')}>
                <button type="button" className="button-secondary" onClick={() => go(Math.max(0, offset - ISSUE_PAGE))} disabled={offset === 0}>
                  {t('data.pager.previous')}
                </button>
                <span>{range}</span>
                <button type="button" className="button-secondary" onClick={() => go(offset + ISSUE_PAGE)} disabled={shownTo >= total}>
                  {t('data.pager.next')}
                </button>
              </nav>
            ) : null}
          </>
        )}
      </Async>
    </section>
  );
}
