import { STATEMENT_DERIVED_KINDS } from '../../../../../src/domain/statement.js';
import { CellError, cellProps, type EditorUi } from './statementCells.js';
import { freshKey, isValueColumn, moved, withKind, type ColumnKind, type StatementColumn, type ValueColumn } from './statementDraft.js';

/**
 * The statement's columns as cards, in order, like the headers of the table: a heading, and
 * either a period with a scenario (utfall, budget, prognos after a period) or a deviation /
 * change computed from two value columns. Added, moved and removed with buttons.
 */
const SCENARIOS = ['utfall', 'budget', 'prognos'] as const;

export function StatementColumns({ ui }: { ui: EditorUi }) {
  const { block, t } = ui;
  const columns = block.columns;
  const setColumns = (change: (columns: StatementColumn[]) => StatementColumn[]) => ui.update((b) => ({ ...b, columns: change(b.columns) }));
  const setColumn = (index: number, change: (column: StatementColumn) => StatementColumn) => setColumns((list) => list.map((c, i) => (i === index ? change(c) : c)));
  const n = (index: number) => String(index + 1);

  const add = () => {
    setColumns((list) => [...list, { key: freshKey('kolumn', list), label: '', period: '', scenario: 'utfall', asOf: '' }]);
    ui.announce(t('statement.announce.columnAdded', { n: n(columns.length) }));
    ui.focus(ui.id(`columns[${columns.length}].label`));
  };
  const move = (index: number, delta: -1 | 1) => {
    const target = index + delta;
    if (target < 0 || target >= columns.length) {
      ui.announce(t(delta < 0 ? 'statement.announce.columnFirst' : 'statement.announce.columnLast', { n: n(index) }));
      return;
    }
    setColumns((list) => moved(list, index, target));
    ui.announce(t('statement.announce.columnMoved', { from: n(index), to: n(target) }));
    ui.focus(`${ui.id(`columns[${target}]`)}-${delta < 0 ? 'left' : 'right'}`);
  };
  const remove = (index: number) => {
    setColumns((list) => list.filter((_c, i) => i !== index));
    ui.announce(t('statement.announce.columnRemoved', { n: n(index) }));
    ui.focus(index < columns.length - 1 ? ui.id(`columns[${index}].label`) : ui.id('columns-add'));
  };

  return (
    <section className="statement-columns-part" aria-labelledby={ui.id('columns-title')}>
      <h4 id={ui.id('columns-title')}>{t('statement.columns.title')}</h4>
      <p className="field-hint">{t('statement.columns.intro')}</p>
      <CellError ui={ui} cell="columns" />
      {columns.length === 0 ? <p className="muted">{t('statement.columns.none')}</p> : null}
      <ol className="plain statement-columns">
        {columns.map((column, index) => (
          <li key={index}>
            <fieldset className="statement-column">
              <legend>{t('statement.column.legend', { n: n(index), label: column.label.trim() || t('statement.column.untitled') })}</legend>
              <ColumnText ui={ui} index={index} field="label" label={t('statement.column.heading')} value={column.label} onChange={(label) => setColumn(index, (c) => ({ ...c, label }))} />
              <div className="field">
                <label htmlFor={ui.id(`columns[${index}].kind`)}>
                  <span className="visually-hidden">{t('statement.column.prefix', { n: n(index) })} </span>
                  {t('statement.column.kind')}
                </label>
                <select
                  id={ui.id(`columns[${index}].kind`)}
                  value={isValueColumn(column) ? 'value' : column.derived}
                  onChange={(e) => setColumns((list) => withKind(list, index, e.target.value as ColumnKind))}
                  {...cellProps(ui, `columns[${index}].kind`)}
                >
                  {(['value', ...STATEMENT_DERIVED_KINDS] as const).map((kind) => (
                    <option key={kind} value={kind}>
                      {t(`statement.column.kind.${kind}`)}
                    </option>
                  ))}
                </select>
                <CellError ui={ui} cell={`columns[${index}].kind`} />
              </div>
              {isValueColumn(column) ? (
                <ValueFields ui={ui} index={index} column={column} setColumn={setColumn} />
              ) : (
                <>
                  {([0, 1] as const).map((side) => (
                    <SideField key={side} ui={ui} index={index} side={side} value={column.of[side]} onChange={(key) => setColumn(index, (c) => ('derived' in c ? { ...c, of: side === 0 ? [key, c.of[1]] : [c.of[0], key] } : c))} />
                  ))}
                  <p className="field-hint">{t(column.derived === 'difference' ? 'statement.column.differenceHint' : 'statement.column.changeHint')}</p>
                </>
              )}
              <div className="statement-actions">
                <button type="button" id={`${ui.id(`columns[${index}]`)}-left`} className="button-secondary button-small" aria-label={t('statement.column.leftWhich', { n: n(index) })} aria-disabled={index === 0 ? true : undefined} onClick={() => move(index, -1)}>
                  {t('statement.column.left')}
                </button>
                <button type="button" id={`${ui.id(`columns[${index}]`)}-right`} className="button-secondary button-small" aria-label={t('statement.column.rightWhich', { n: n(index) })} aria-disabled={index === columns.length - 1 ? true : undefined} onClick={() => move(index, 1)}>
                  {t('statement.column.right')}
                </button>
                <button type="button" className="button-danger button-small" aria-label={t('statement.column.removeWhich', { n: n(index) })} onClick={() => remove(index)}>
                  {t('statement.column.remove')}
                </button>
              </div>
            </fieldset>
          </li>
        ))}
      </ol>
      <button type="button" id={ui.id('columns-add')} className="button-secondary statement-add" onClick={add}>
        {t('statement.columns.add')}
      </button>
    </section>
  );
}

/** A text field of a column, its accessible name "Kolumn 2, Period". */
function ColumnText({ ui, index, field, label, value, onChange, hint = null }: { ui: EditorUi; index: number; field: 'label' | 'period' | 'asOf'; label: string; value: string; onChange: (value: string) => void; hint?: string | null }) {
  const cell = `columns[${index}].${field}`;
  const hintId = hint ? `${ui.id(cell)}-hint` : null;
  return (
    <div className="field">
      <label htmlFor={ui.id(cell)}>
        <span className="visually-hidden">{ui.t('statement.column.prefix', { n: String(index + 1) })} </span>
        {label}
      </label>
      {hint ? (
        <p id={hintId ?? undefined} className="field-hint">
          {hint}
        </p>
      ) : null}
      <input id={ui.id(cell)} value={value} onChange={(e) => onChange(e.target.value)} autoComplete="off" spellCheck={false} {...cellProps(ui, cell, hintId)} />
      <CellError ui={ui} cell={cell} />
    </div>
  );
}

function ValueFields({ ui, index, column, setColumn }: { ui: EditorUi; index: number; column: ValueColumn; setColumn: (index: number, change: (c: StatementColumn) => StatementColumn) => void }) {
  const { t } = ui;
  const cell = `columns[${index}].scenario`;
  return (
    <>
      <ColumnText ui={ui} index={index} field="period" label={t('statement.column.period')} hint={t('statement.column.periodHint')} value={column.period} onChange={(period) => setColumn(index, (c) => ({ ...c, period: period.trim() }))} />
      <div className="field">
        <label htmlFor={ui.id(cell)}>
          <span className="visually-hidden">{t('statement.column.prefix', { n: String(index + 1) })} </span>
          {t('statement.column.scenario')}
        </label>
        <select
          id={ui.id(cell)}
          value={column.scenario}
          onChange={(e) => {
            const scenario = e.target.value as ValueColumn['scenario'];
            setColumn(index, (c) => (isValueColumn(c) ? { ...c, scenario, asOf: scenario === 'prognos' ? c.asOf : '' } : c));
          }}
          {...cellProps(ui, cell)}
        >
          {SCENARIOS.map((s) => (
            <option key={s} value={s}>
              {t(`authoring.block.scenario.${s}`)}
            </option>
          ))}
        </select>
        <CellError ui={ui} cell={cell} />
      </div>
      {column.scenario === 'prognos' ? (
        <ColumnText ui={ui} index={index} field="asOf" label={t('statement.column.asOf')} hint={t('statement.column.asOfHint')} value={column.asOf} onChange={(asOf) => setColumn(index, (c) => ({ ...c, asOf: asOf.trim() }))} />
      ) : null}
    </>
  );
}

/** A or B of a derived column: one of the value columns, by its heading. */
function SideField({ ui, index, side, value, onChange }: { ui: EditorUi; index: number; side: 0 | 1; value: string; onChange: (key: string) => void }) {
  const { t, block } = ui;
  const cell = `columns[${index}].of[${side}]`;
  const own = block.columns[index]?.key;
  const options = block.columns
    .map((c, i) => ({ column: c, position: i + 1 }))
    .filter(({ column }) => isValueColumn(column) && column.key !== own)
    .map(({ column, position }) => ({ value: column.key, label: `${position}. ${column.label.trim() || t('statement.column.untitled')}` }));
  // a stored choice that is not a value column stays visible, with its message beside it
  const current = block.columns.findIndex((c) => c.key === value);
  const stray = value !== '' && !options.some((o) => o.value === value) ? [{ value, label: current >= 0 ? `${current + 1}. ${block.columns[current]?.label ?? value}` : value }] : [];
  return (
    <div className="field">
      <label htmlFor={ui.id(cell)}>
        <span className="visually-hidden">{t('statement.column.prefix', { n: String(index + 1) })} </span>
        {t(side === 0 ? 'statement.column.a' : 'statement.column.b')}
      </label>
      <select id={ui.id(cell)} value={value} onChange={(e) => onChange(e.target.value)} {...cellProps(ui, cell)}>
        {value === '' ? <option value="">{t('statement.column.choose')}</option> : null}
        {[...options, ...stray].map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <CellError ui={ui} cell={cell} />
    </div>
  );
}
