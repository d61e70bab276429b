import { useEffect, useId, useState } from 'react';
import { useI18n } from '../../../i18n/I18n.js';
import { messageFor, type FieldErrors } from '../fields.js';

/**
 * Rows of a block's own content (a checklist's deliverables, a timeline's phases): one line per
 * row with a labelled control per column, rows added and removed with buttons. Errors per cell
 * from the server (`items[2].due`) are shown next to the cell.
 */
export interface RowColumn<R> {
  key: keyof R & string;
  label: string;
  /** `optionalSelect`: a choice that may be none (stored as null), shown as `emptyLabel`. */
  kind: 'text' | 'optionalText' | 'select' | 'optionalSelect';
  /** The choices; a function gets the row's index (a phase's parent: the other phases). */
  options?: ReadonlyArray<{ value: string; label: string }> | ((index: number) => ReadonlyArray<{ value: string; label: string }>);
  emptyLabel?: string;
  hint?: string;
}

/** A column's choices for a row; a stored value that is not among them stays, so nothing is lost silently. */
function choices<R>(column: RowColumn<R>, index: number, current: string): ReadonlyArray<{ value: string; label: string }> {
  const options = typeof column.options === 'function' ? column.options(index) : (column.options ?? []);
  return current === '' || options.some((o) => o.value === current) ? options : [...options, { value: current, label: current }];
}

export function RowsEditor<R extends Record<string, unknown>>({
  legend,
  rows,
  columns,
  onChange,
  blank,
  errors,
  field,
}: {
  legend: string;
  rows: readonly R[];
  columns: ReadonlyArray<RowColumn<R>>;
  onChange: (rows: R[]) => void;
  blank: () => R;
  errors: FieldErrors;
  /** The rows' field in the block ("items", "phases"), for the server's error paths. */
  field: string;
}) {
  const { t } = useI18n();
  const id = useId();
  const [focusId, setFocusId] = useState<string | null>(null);
  useEffect(() => {
    if (focusId === null) return;
    document.getElementById(focusId)?.focus();
    setFocusId(null);
  }, [focusId, rows]);
  const set = (index: number, key: string, value: unknown) => onChange(rows.map((r, i) => (i === index ? { ...r, [key]: value } : r)));
  const remove = (index: number) => {
    onChange(rows.filter((_, i) => i !== index));
    setFocusId(`${id}-add`);
  };
  const add = () => {
    onChange([...rows, blank()]);
    setFocusId(`${id}-${rows.length}-${columns[0]?.key ?? ''}`);
  };
  const listError = messageFor(new Map([...errors].filter(([path]) => path === field)), field);
  return (
    <fieldset className="rows-editor">
      <legend>{legend}</legend>
      {listError ? (
        <p className="field-error">
          <span lang="sv">{listError}</span>
        </p>
      ) : null}
      {rows.length === 0 ? <p className="muted">{t('authoring.rows.none')}</p> : null}
      <ol className="rows">
        {rows.map((row, index) => (
          <li key={index} className="row-fields">
            {columns.map((c) => {
              const cellId = `${id}-${index}-${c.key}`;
              const error = messageFor(errors, `${field}[${index}].${c.key}`);
              const raw = row[c.key];
              const text = typeof raw === 'string' ? raw : '';
              const common = {
                id: cellId,
                'aria-invalid': error ? (true as const) : undefined,
                'aria-describedby': error ? `${cellId}-error` : undefined,
              };
              return (
                <div className="field" key={c.key}>
                  <label htmlFor={cellId}>
                    <span className="visually-hidden">{t('authoring.rows.row', { row: String(index + 1) })} </span>
                    {c.label}
                  </label>
                  {c.kind === 'select' || c.kind === 'optionalSelect' ? (
                    <select {...common} value={text} onChange={(e) => set(index, c.key, c.kind === 'optionalSelect' && e.target.value === '' ? null : e.target.value)}>
                      {c.kind === 'optionalSelect' ? <option value="">{c.emptyLabel ?? ''}</option> : null}
                      {choices(c, index, text).map((o) => (
                        <option key={o.value} value={o.value}>
                          {o.label}
                        </option>
                      ))}
                    </select>
                  ) : (
                    <input
                      {...common}
                      value={text}
                      placeholder={c.hint}
                      onChange={(e) => set(index, c.key, c.kind === 'optionalText' && e.target.value === '' ? null : e.target.value)}
                      autoComplete="off"
                    />
                  )}
                  {error ? (
                    <p id={`${cellId}-error`} className="field-error">
                      <span lang="sv">{error}</span>
                    </p>
                  ) : null}
                </div>
              );
            })}
            <button type="button" className="button-secondary button-small" onClick={() => remove(index)}>
              {t('authoring.rows.remove', { row: String(index + 1) })}
            </button>
          </li>
        ))}
      </ol>
      <button type="button" id={`${id}-add`} className="button-secondary" onClick={add}>
        {t('authoring.rows.add')}
      </button>
    </fieldset>
  );
}
