import { formatFormula, type FormulaTerm } from '../../../../../src/domain/statement.js';
import { unitName } from '../../../../../src/domain/units.js';
import type { IndicatorBrief } from './catalog.js';
import { CellError, cellProps, type EditorUi } from './statementCells.js';
import { defaultTerms, formulaWords, freshKey, moved, nextTermKey, termsOf, withTerms, type StatementRow } from './statementDraft.js';

/**
 * The statement's rows as a grid, one line per row: its label, whether it shows an indicator or
 * is a formula over other rows, the indicator (from the catalog) or the formula's terms (a sign
 * and a row, chosen by their labels — no typed keys), and buttons to move or remove it.
 */
export function StatementRows({ ui }: { ui: EditorUi }) {
  const { block, t } = ui;
  const rows = block.rows;
  const n = (index: number) => String(index + 1);
  const setRows = (change: (rows: StatementRow[]) => StatementRow[]) => ui.update((b) => ({ ...b, rows: change(b.rows) }));
  const setRow = (index: number, change: (row: StatementRow) => StatementRow) => setRows((list) => list.map((r, i) => (i === index ? change(r) : r)));

  const add = () => {
    setRows((list) => [...list, { key: freshKey('rad', list), label: '', indicator: '' }]);
    ui.announce(t('statement.announce.rowAdded', { n: n(rows.length) }));
    ui.focus(ui.id(`rows[${rows.length}].label`));
  };
  const move = (index: number, delta: -1 | 1) => {
    const target = index + delta;
    if (target < 0 || target >= rows.length) {
      ui.announce(t(delta < 0 ? 'statement.announce.rowFirst' : 'statement.announce.rowLast', { n: n(index) }));
      return;
    }
    setRows((list) => moved(list, index, target));
    ui.announce(t('statement.announce.rowMoved', { from: n(index), to: n(target) }));
    ui.focus(`${ui.id(`rows[${target}]`)}-${delta < 0 ? 'up' : 'down'}`);
  };
  const remove = (index: number) => {
    setRows((list) => list.filter((_r, i) => i !== index));
    ui.announce(t('statement.announce.rowRemoved', { n: n(index) }));
    ui.focus(index < rows.length - 1 ? ui.id(`rows[${index}].label`) : ui.id('rows-add'));
  };

  return (
    <section className="statement-rows-part" aria-labelledby={ui.id('rows-title')}>
      <h4 id={ui.id('rows-title')}>{t('statement.rows.title')}</h4>
      <p className="field-hint">{t('statement.rows.intro')}</p>
      <CellError ui={ui} cell="rows" />
      {rows.length === 0 ? (
        <p className="muted">{t('statement.rows.none')}</p>
      ) : (
        <table className="statement-rows" aria-labelledby={ui.id('rows-title')}>
          <thead>
            <tr>
              <th scope="col">{t('statement.rows.number')}</th>
              <th scope="col" className="statement-label">
                {t('statement.rows.label')}
              </th>
              <th scope="col" className="statement-kind">
                {t('statement.rows.kind')}
              </th>
              <th scope="col">{t('statement.rows.source')}</th>
              <th scope="col">{t('statement.rows.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row, index) => (
              <tr key={index}>
                <th scope="row">{t('statement.rows.rowNumber', { n: n(index) })}</th>
                <td className="statement-label">
                  <input
                    id={ui.id(`rows[${index}].label`)}
                    aria-label={t('statement.row.label', { n: n(index) })}
                    value={row.label}
                    onChange={(e) => setRow(index, (r) => ({ ...r, label: e.target.value }))}
                    autoComplete="off"
                    {...cellProps(ui, `rows[${index}].label`)}
                  />
                  <CellError ui={ui} cell={`rows[${index}].label`} />
                </td>
                <td className="statement-kind">
                  <select
                    id={ui.id(`rows[${index}].kind`)}
                    aria-label={t('statement.row.kind', { n: n(index) })}
                    value={'formula' in row ? 'formula' : 'indicator'}
                    onChange={(e) => {
                      if (e.target.value !== 'formula') {
                        setRow(index, (r) => ({ key: r.key, label: r.label, indicator: 'indicator' in r ? r.indicator : '' }));
                        return;
                      }
                      // a new formula starts as the subtotal of the rows above; the author changes it from there
                      const terms = defaultTerms(rows, index);
                      setRow(index, (r) => ({ key: r.key, label: r.label, formula: 'formula' in r ? r.formula : formatFormula(terms) }));
                      if (terms.length > 0) ui.announce(t('statement.announce.formula', { n: n(index), formula: formulaWords(rows, terms) }));
                    }}
                  >
                    <option value="indicator">{t('statement.row.kind.indicator')}</option>
                    <option value="formula">{t('statement.row.kind.formula')}</option>
                  </select>
                </td>
                <td>{'formula' in row ? <FormulaCell ui={ui} index={index} setRow={setRow} /> : <IndicatorCell ui={ui} index={index} value={row.indicator} setRow={setRow} />}</td>
                <td>
                  <div className="statement-actions">
                    <button type="button" id={`${ui.id(`rows[${index}]`)}-up`} className="button-secondary button-small" aria-label={t('statement.row.upWhich', { n: n(index) })} aria-disabled={index === 0 ? true : undefined} onClick={() => move(index, -1)}>
                      {t('statement.row.up')}
                    </button>
                    <button type="button" id={`${ui.id(`rows[${index}]`)}-down`} className="button-secondary button-small" aria-label={t('statement.row.downWhich', { n: n(index) })} aria-disabled={index === rows.length - 1 ? true : undefined} onClick={() => move(index, 1)}>
                      {t('statement.row.down')}
                    </button>
                    <button type="button" className="button-danger button-small" aria-label={t('statement.row.removeWhich', { n: n(index) })} onClick={() => remove(index)}>
                      {t('statement.row.remove')}
                    </button>
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <button type="button" id={ui.id('rows-add')} className="button-secondary statement-add" onClick={add}>
        {t('statement.rows.add')}
      </button>
    </section>
  );
}

type SetRow = (index: number, change: (row: StatementRow) => StatementRow) => void;

/** The indicator of a row, from the catalog; those in the table's unit first. Its name becomes the label when there is none. */
function IndicatorCell({ ui, index, value, setRow }: { ui: EditorUi; index: number; value: string; setRow: SetRow }) {
  const { t, catalog, block } = ui;
  const cell = `rows[${index}].indicator`;
  const option = (i: IndicatorBrief) => (
    <option key={i.id} value={i.id}>
      {i.name}
    </option>
  );
  const same = block.unit === null ? [] : catalog.indicators.filter((i) => i.unit === block.unit);
  const other = catalog.indicators.filter((i) => !same.includes(i));
  const known = catalog.indicators.some((i) => i.id === value);
  return (
    <>
      <select
        id={ui.id(cell)}
        aria-label={t('statement.row.indicator', { n: String(index + 1) })}
        value={value}
        onChange={(e) => {
          const chosen = catalog.indicators.find((i) => i.id === e.target.value);
          setRow(index, (r) => ({ key: r.key, label: r.label.trim() === '' && chosen ? (chosen.shortName ?? chosen.name) : r.label, indicator: e.target.value }));
        }}
        {...cellProps(ui, cell)}
      >
        {value === '' ? <option value="">{t('authoring.block.choose')}</option> : null}
        {!known && value !== '' ? <option value={value}>{value}</option> : null}
        {same.length > 0 && block.unit !== null ? (
          <>
            <optgroup label={t('statement.indicator.sameUnit', { unit: unitName(block.unit) })}>{same.map(option)}</optgroup>
            <optgroup label={t('statement.indicator.other')}>{other.map(option)}</optgroup>
          </>
        ) : (
          other.map(option)
        )}
      </select>
      <CellError ui={ui} cell={cell} />
    </>
  );
}

/** A formula as terms: each a sign and a row (the other rows, by their labels); terms added and removed with buttons. */
function FormulaCell({ ui, index, setRow }: { ui: EditorUi; index: number; setRow: SetRow }) {
  const { t, block } = ui;
  const rows = block.rows;
  const row = rows[index];
  const cell = `rows[${index}].formula`;
  const terms = termsOf(row);
  const n = String(index + 1);
  const setTerms = (change: (terms: FormulaTerm[]) => FormulaTerm[]) => setRow(index, (r) => withTerms(r, change(termsOf(r))));
  const nameOf = (key: string) => {
    const at = rows.findIndex((r) => r.key === key);
    return at < 0 ? key : `${at + 1}. ${rows[at]?.label.trim() || t('statement.row.untitled')}`;
  };
  const next = nextTermKey(rows, index);
  const add = () => {
    if (next === null) {
      ui.announce(t('statement.term.noOther'));
      return;
    }
    setTerms((list) => [...list, { sign: 1, key: next }]);
    ui.announce(t('statement.announce.termAdded', { t: String(terms.length + 1), n }));
    ui.focus(`${ui.id(cell)}-${terms.length}-row`);
  };
  const remove = (k: number) => {
    setTerms((list) => list.filter((_x, i) => i !== k));
    ui.announce(t('statement.announce.termRemoved', { t: String(k + 1), n }));
    ui.focus(terms.length > 1 ? `${ui.id(cell)}-${Math.min(k, terms.length - 2)}-row` : ui.id(cell));
  };
  const errorId = ui.message(cell) === null ? undefined : `${ui.id(cell)}-error`;
  return (
    <fieldset className="statement-formula" aria-describedby={errorId}>
      <legend className="visually-hidden">{t('statement.row.formula', { n })}</legend>
      {terms.length === 0 ? <p className="muted">{t('statement.term.none')}</p> : null}
      {terms.length > 0 ? (
        <ol className="plain statement-terms">
          {terms.map((term, k) => {
            const options = rows.filter((r) => r.key !== row?.key || r.key === term.key);
            return (
              <li key={k}>
                <select
                  id={k === 0 ? ui.id(cell) : `${ui.id(cell)}-${k}-sign`}
                  aria-label={t('statement.term.sign', { n, t: String(k + 1) })}
                  value={term.sign === 1 ? '+' : '-'}
                  onChange={(e) => setTerms((list) => list.map((x, i) => (i === k ? { ...x, sign: e.target.value === '-' ? -1 : 1 } : x)))}
                >
                  <option value="+">{t('statement.term.plus')}</option>
                  <option value="-">{t('statement.term.minus')}</option>
                </select>
                <select
                  id={`${ui.id(cell)}-${k}-row`}
                  aria-label={t('statement.term.row', { n, t: String(k + 1) })}
                  value={term.key}
                  onChange={(e) => setTerms((list) => list.map((x, i) => (i === k ? { ...x, key: e.target.value } : x)))}
                  {...cellProps(ui, cell)}
                >
                  {rows.some((r) => r.key === term.key) ? null : <option value={term.key}>{term.key}</option>}
                  {options.map((r) => (
                    <option key={r.key} value={r.key}>
                      {nameOf(r.key)}
                      {r.key === row?.key ? ` ${t('statement.row.self')}` : ''}
                    </option>
                  ))}
                </select>
                <button type="button" className="button-secondary button-small" aria-label={t('statement.term.removeWhich', { n, t: String(k + 1) })} onClick={() => remove(k)}>
                  {t('statement.term.remove')}
                </button>
              </li>
            );
          })}
        </ol>
      ) : null}
      <div>
        <button
          type="button"
          id={terms.length === 0 ? ui.id(cell) : `${ui.id(cell)}-add`}
          className="button-secondary button-small"
          aria-label={t('statement.term.addWhich', { n })}
          aria-disabled={next === null ? true : undefined}
          aria-describedby={terms.length === 0 ? errorId : undefined}
          onClick={add}
        >
          {t('statement.term.add')}
        </button>
      </div>
      {terms.length > 0 ? <p className="field-hint">{t('statement.formula.reads', { formula: formulaWords(rows, terms) })}</p> : null}
      <CellError ui={ui} cell={cell} />
    </fieldset>
  );
}
