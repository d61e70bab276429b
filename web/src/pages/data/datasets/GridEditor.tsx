import { memo, useEffect, useMemo, useRef, useState, type ClipboardEvent, type Dispatch, type KeyboardEvent, type SetStateAction } from 'react';
import { datasetTotals, type DatasetColumn } from '../../../../../src/domain/dataset.js';
import { formatNumber, formatValue } from '../../../../../src/domain/format.js';
import { DATASET_MAX_ROWS } from '../../../../../src/domain/gridPaste.js';
import { TableWrap } from '../../../components/TableWrap.js';
import { useI18n } from '../../../i18n/I18n.js';
import { sentence } from '../form/Field.js';
import { cellId, readCells, type ColumnDraft, type DatasetDraft } from './draft.js';
import { pasteAtCell, type PasteOutcome } from './paste.js';

/**
 * The rows as a real table of inputs, each labelled "Rad 2, Antal". Arrow keys move between cells
 * (left and right once the caret is at the edge of the text), Tab moves on as everywhere, Enter
 * goes to the same column of the next row and adds a row after the last. Pasting several cells
 * into a cell fills the grid from there. The total row below is computed from the cells as they
 * are, read-only, with the same rules as the board pack.
 */
export function GridEditor({ draft, setDraft, columns, errors, onPasted }: { draft: DatasetDraft; setDraft: Dispatch<SetStateAction<DatasetDraft>>; columns: readonly DatasetColumn[]; errors: ReadonlyMap<string, string>; onPasted: (o: PasteOutcome) => void }) {
  const { t, tn } = useI18n();
  const [focus, setFocus] = useState<string | null>(null);
  useEffect(() => {
    if (focus === null) return;
    const target = document.getElementById(focus);
    target?.focus();
    if (target instanceof HTMLInputElement) target.select();
    setFocus(null);
  }, [focus]);

  const read = useMemo(() => readCells(draft, columns), [draft, columns]);
  const totals = useMemo(() => datasetTotals({ id: '', title: '', source: '', columns, rows: read.rows }), [columns, read.rows]);
  const rowCount = draft.cells.length;
  const uidAt = (col: number) => draft.columns[col]?.uid;
  const idAt = (row: number, col: number) => {
    const uid = uidAt(col);
    return uid === undefined ? null : cellId(row + 1, uid);
  };

  const setCell = (row: number, col: number, value: string) =>
    setDraft((d) => ({ ...d, cells: d.cells.map((r, i) => (i === row ? r.map((c, j) => (j === col ? value : c)) : r)) }));
  const addRow = (focusColumn: number) => {
    if (rowCount >= DATASET_MAX_ROWS) return;
    setDraft((d) => ({ ...d, cells: [...d.cells, d.columns.map(() => '')] }));
    setFocus(idAt(rowCount, focusColumn));
  };
  const removeRow = (row: number) => {
    setDraft((d) => ({ ...d, cells: d.cells.filter((_, i) => i !== row) }));
    setFocus(rowCount > 1 ? idAt(Math.min(row, rowCount - 2), 0) : 'dataset-add-row');
  };
  const moveTo = (row: number, col: number) => {
    const id = idAt(row, col);
    const target = row < 0 || row >= rowCount || id === null ? null : document.getElementById(id);
    if (!(target instanceof HTMLInputElement)) return false;
    target.focus();
    target.select();
    return true;
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>, row: number, col: number) => {
    const input = event.currentTarget;
    const start = input.selectionStart ?? 0;
    const end = input.selectionEnd ?? 0;
    const length = input.value.length;
    const all = start === 0 && end === length;
    let moved = false;
    switch (event.key) {
      case 'ArrowUp':
        moved = moveTo(row - 1, col);
        break;
      case 'ArrowDown':
        moved = moveTo(row + 1, col);
        break;
      case 'ArrowLeft':
        if (start === 0 && (end === 0 || all)) moved = moveTo(row, col - 1);
        break;
      case 'ArrowRight':
        if (end === length && (start === length || all)) moved = moveTo(row, col + 1);
        break;
      case 'Enter':
        // never submits the form from a cell: the next row, or a new one after the last
        event.preventDefault();
        if (!moveTo(row + 1, col)) addRow(col);
        return;
      default:
        return;
    }
    if (moved) event.preventDefault();
  };

  const onPaste = (event: ClipboardEvent<HTMLInputElement>, row: number, col: number) => {
    const text = event.clipboardData.getData('text/plain');
    if (!/[\t\r\n]/.test(text)) return; // one value: the input takes it as typed
    event.preventDefault();
    const result = pasteAtCell(draft, text, row, col);
    onPasted(result.outcome);
    if (result.outcome.ok) setDraft(result.draft);
  };

  // the rows are memoised: they get one handler object that stays the same and calls the latest code
  const latest = useRef({ setCell, onKeyDown, onPaste, removeRow });
  latest.current = { setCell, onKeyDown, onPaste, removeRow };
  const handlers = useMemo<RowHandlers>(
    () => ({
      setCell: (row, col, value) => latest.current.setCell(row, col, value),
      onKeyDown: (event, row, col) => latest.current.onKeyDown(event, row, col),
      onPaste: (event, row, col) => latest.current.onPaste(event, row, col),
      removeRow: (row) => latest.current.removeRow(row),
    }),
    [],
  );

  const totalText = (c: DatasetColumn): string => {
    const value = totals[c.key];
    if (value === null || value === undefined) return '';
    if (c.total === 'count') return formatNumber(value, 0);
    return c.unit ? formatValue(value, c.unit, c.decimals) : formatNumber(value, c.decimals);
  };

  return (
    <section aria-labelledby="dataset-grid-heading" className="dataset-grid">
      <h2 id="dataset-grid-heading">{t('datasets.grid.heading')}</h2>
      <p className="hint" id="dataset-grid-hint">
        {t('datasets.grid.hint')}
      </p>
      <p className="hint" role="status">
        {tn('datasets.grid.rowCount', read.rows.length)}
      </p>
      <TableWrap label={t('datasets.grid.caption')}>
        <table className="grid-table">
          <caption>{t('datasets.grid.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('datasets.grid.row')}</th>
              {draft.columns.map((c, j) => (
                <th key={c.uid} scope="col" className={c.type === 'number' ? 'num' : undefined}>
                  {c.label.trim() || `${t('datasets.columns.unnamed')} ${j + 1}`}
                </th>
              ))}
              <th scope="col">{t('datasets.grid.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {draft.cells.map((cells, i) => (
              <GridRow key={i} index={i} cells={cells} columns={draft.columns} errors={errors} handlers={handlers} />
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t('datasets.grid.totalRow')}</th>
              {draft.columns.map((c, j) => {
                const column = columns[j];
                const text = column ? totalText(column) : '';
                return (
                  <td key={c.uid} className={c.type === 'number' ? 'num' : undefined}>
                    {text === '' ? <span className="visually-hidden">{t('datasets.grid.noTotal')}</span> : text}
                  </td>
                );
              })}
              <td />
            </tr>
          </tfoot>
        </table>
      </TableWrap>
      <p>
        <button type="button" id="dataset-add-row" className="button-secondary" disabled={rowCount >= DATASET_MAX_ROWS} onClick={() => addRow(0)}>
          {t('datasets.grid.addRow')}
        </button>
      </p>
    </section>
  );
}

interface RowHandlers {
  setCell: (row: number, col: number, value: string) => void;
  onKeyDown: (event: KeyboardEvent<HTMLInputElement>, row: number, col: number) => void;
  onPaste: (event: ClipboardEvent<HTMLInputElement>, row: number, col: number) => void;
  removeRow: (row: number) => void;
}

/** One row of inputs; drawn again only when its cells, the columns or the problems change. */
const GridRow = memo(function GridRow({ index, cells, columns, errors, handlers }: { index: number; cells: readonly string[]; columns: readonly ColumnDraft[]; errors: ReadonlyMap<string, string>; handlers: RowHandlers }) {
  const { t } = useI18n();
  const row = String(index + 1);
  return (
    <tr>
      <th scope="row">{row}</th>
      {columns.map((c, j) => {
        const id = cellId(index + 1, c.uid);
        const error = errors.get(id) ?? null;
        const name = c.label.trim() || `${t('datasets.columns.unnamed')} ${j + 1}`;
        return (
          <td key={c.uid} className={c.type === 'number' ? 'num' : undefined}>
            <input
              id={id}
              className={c.type === 'number' ? 'cell-input num' : 'cell-input'}
              value={cells[j] ?? ''}
              aria-label={t('datasets.grid.cell', { row, column: name })}
              autoComplete="off"
              spellCheck={c.type === 'text'}
              onChange={(e) => handlers.setCell(index, j, e.target.value)}
              onKeyDown={(e) => handlers.onKeyDown(e, index, j)}
              onPaste={(e) => handlers.onPaste(e, index, j)}
              {...(error ? { 'aria-invalid': true, 'aria-describedby': `${id}-error` } : {})}
            />
            {error ? (
              <span id={`${id}-error`} className="cell-error" lang="sv">
                {sentence(error)}
              </span>
            ) : null}
          </td>
        );
      })}
      <td>
        <button type="button" className="button-secondary" aria-label={t('datasets.grid.removeRowNamed', { row })} onClick={() => handlers.removeRow(index)}>
          {t('datasets.grid.removeRow')}
        </button>
      </td>
    </tr>
  );
});
