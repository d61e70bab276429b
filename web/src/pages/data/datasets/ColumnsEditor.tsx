import { useEffect, useState, type Dispatch, type SetStateAction } from 'react';
import { DATASET_MAX_COLUMNS } from '../../../../../src/domain/gridPaste.js';
import { unitName, UNITS, type Unit } from '../../../../../src/domain/units.js';
import { useI18n } from '../../../i18n/I18n.js';
import { Field } from '../form/Field.js';
import { blankColumn, columnFieldId, type ColumnDraft, type DatasetDraft } from './draft.js';

/**
 * The columns: one group each with its heading, type, unit, decimals and what the total row does
 * with it; added, removed and moved with buttons. Every cell of a column moves with it.
 */
export function ColumnsEditor({ draft, setDraft, errors }: { draft: DatasetDraft; setDraft: Dispatch<SetStateAction<DatasetDraft>>; errors: ReadonlyMap<string, string> }) {
  const { t } = useI18n();
  const [focus, setFocus] = useState<string | null>(null);
  useEffect(() => {
    if (focus === null) return;
    document.getElementById(focus)?.focus();
    setFocus(null);
  }, [focus]);

  const update = (uid: number, change: Partial<ColumnDraft>) =>
    setDraft((d) => ({
      ...d,
      columns: d.columns.map((c) => {
        if (c.uid !== uid) return c;
        const next = { ...c, ...change };
        // a text column has no unit or decimals, and is counted, not summed
        return next.type === 'text' ? { ...next, unit: '', decimals: 0, total: next.total === 'sum' ? '' : next.total } : next;
      }),
    }));
  const add = () => {
    const column = blankColumn();
    setDraft((d) => ({ ...d, columns: [...d.columns, column], cells: d.cells.map((row) => [...row, '']) }));
    setFocus(columnFieldId(column.uid, 'label'));
  };
  const remove = (index: number) => {
    setDraft((d) => ({ ...d, columns: d.columns.filter((_, i) => i !== index), cells: d.cells.map((row) => row.filter((_, i) => i !== index)) }));
    setFocus('dataset-add-column');
  };
  const move = (index: number, by: -1 | 1, uid: number, side: 'left' | 'right') => {
    const swap = <T,>(list: readonly T[]): T[] => {
      const out = [...list];
      const [a, b] = [out[index], out[index + by]];
      if (a === undefined || b === undefined) return out;
      out[index] = b;
      out[index + by] = a;
      return out;
    };
    setDraft((d) => ({ ...d, columns: swap(d.columns), cells: d.cells.map((row) => swap(row)) }));
    setFocus(columnFieldId(uid, side));
  };

  return (
    <section aria-labelledby="dataset-columns-heading" className="dataset-columns">
      <h2 id="dataset-columns-heading">{t('datasets.columns.heading')}</h2>
      <p className="hint">{t('datasets.columns.hint')}</p>
      <div className="column-cards">
        {draft.columns.map((c, i) => {
          const n = String(i + 1);
          const label = c.label.trim() || t('datasets.columns.unnamed');
          const id = (field: string) => columnFieldId(c.uid, field);
          const err = (field: string) => errors.get(id(field)) ?? null;
          return (
            <fieldset key={c.uid} className="column-card">
              <legend>{t('datasets.columns.legend', { n, label })}</legend>
              <Field id={id('label')} label={t('datasets.columns.label')} error={err('label')}>
                {(p) => <input {...p} value={c.label} maxLength={200} onChange={(e) => update(c.uid, { label: e.target.value })} />}
              </Field>
              <Field id={id('type')} label={t('datasets.columns.type')} error={err('type')}>
                {(p) => (
                  <select {...p} value={c.type} onChange={(e) => update(c.uid, { type: e.target.value === 'number' ? 'number' : 'text' })}>
                    <option value="text">{t('datasets.columns.type.text')}</option>
                    <option value="number">{t('datasets.columns.type.number')}</option>
                  </select>
                )}
              </Field>
              {c.type === 'number' ? (
                <>
                  <Field id={id('unit')} label={t('datasets.columns.unit')} error={err('unit')}>
                    {(p) => (
                      <select {...p} value={c.unit} onChange={(e) => update(c.uid, { unit: e.target.value as Unit | '' })}>
                        <option value="">{t('datasets.columns.noUnit')}</option>
                        {UNITS.map((u) => (
                          <option key={u} value={u}>
                            {unitName(u)}
                          </option>
                        ))}
                      </select>
                    )}
                  </Field>
                  <Field id={id('decimals')} label={t('datasets.columns.decimals')} error={err('decimals')}>
                    {(p) => (
                      <select {...p} value={String(c.decimals)} onChange={(e) => update(c.uid, { decimals: Number(e.target.value) })}>
                        {[0, 1, 2, 3, 4].map((d) => (
                          <option key={d} value={d}>
                            {d}
                          </option>
                        ))}
                      </select>
                    )}
                  </Field>
                </>
              ) : null}
              <Field id={id('total')} label={t('datasets.columns.total')} error={err('total')}>
                {(p) => (
                  <select {...p} value={c.total} onChange={(e) => update(c.uid, { total: e.target.value === 'sum' || e.target.value === 'count' ? e.target.value : '' })}>
                    <option value="">{t('datasets.columns.total.none')}</option>
                    {c.type === 'number' ? <option value="sum">{t('datasets.columns.total.sum')}</option> : null}
                    <option value="count">{t('datasets.columns.total.count')}</option>
                  </select>
                )}
              </Field>
              <div className="row-actions">
                <button type="button" id={id('left')} className="button-secondary" disabled={i === 0} aria-label={t('datasets.columns.leftNamed', { n, label })} onClick={() => move(i, -1, c.uid, 'left')}>
                  {t('datasets.columns.left')}
                </button>
                <button type="button" id={id('right')} className="button-secondary" disabled={i === draft.columns.length - 1} aria-label={t('datasets.columns.rightNamed', { n, label })} onClick={() => move(i, 1, c.uid, 'right')}>
                  {t('datasets.columns.right')}
                </button>
                <button type="button" className="button-secondary" disabled={draft.columns.length === 1} aria-label={t('datasets.columns.removeNamed', { n, label })} onClick={() => remove(i)}>
                  {t('datasets.columns.remove')}
                </button>
              </div>
            </fieldset>
          );
        })}
      </div>
      <p>
        <button type="button" id="dataset-add-column" className="button-secondary" disabled={draft.columns.length >= DATASET_MAX_COLUMNS} onClick={add}>
          {t('datasets.columns.add')}
        </button>
      </p>
    </section>
  );
}
