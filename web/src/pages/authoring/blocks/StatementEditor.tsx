import { useCallback, useEffect, useId, useState, type MouseEvent } from 'react';
import { useI18n } from '../../../i18n/I18n.js';
import type { MessageKey } from '../../../i18n/messages.js';
import type { FieldErrors } from '../fields.js';
import type { Catalog } from './catalog.js';
import type { EditorUi } from './statementCells.js';
import { StatementColumns } from './StatementColumns.js';
import { cellOrder, presetColumns, problemsByCell, type Preset, type Statement } from './statementDraft.js';
import './statementEditor.css';
import { StatementRows } from './StatementRows.js';

/**
 * The rows and columns of a statement table (resultaträkning), edited as a grid: columns as
 * cards across the top (a period and scenario, or a deviation / change % from two of them), with
 * presets for the packs' layouts; below, one line per row (an indicator, or a formula over other
 * rows). Nothing is typed as code. Every problem is shown at its cell (aria-describedby) and in a
 * summary (role=alert) that links to the cells, naming the row or column.
 */
const PRESETS: ReadonlyArray<{ preset: Preset; label: MessageKey }> = [
  { preset: 'outcome', label: 'statement.preset.outcome' },
  { preset: 'forecast', label: 'statement.preset.forecast' },
];

const FIELD_WORDS: Record<string, MessageKey> = {
  label: 'statement.field.label',
  indicator: 'statement.field.indicator',
  formula: 'statement.field.formula',
  kind: 'statement.field.kind',
  period: 'statement.field.period',
  scenario: 'statement.field.scenario',
  asOf: 'statement.field.asOf',
  'of[0]': 'statement.field.a',
  'of[1]': 'statement.field.b',
};

export function StatementEditor({ block, update, errors, catalog }: { block: Statement; update: (change: (b: Statement) => Statement) => void; errors: FieldErrors; catalog: Catalog }) {
  const { t } = useI18n();
  const uid = useId();
  const [announcement, setAnnouncement] = useState('');
  const [focusTarget, setFocusTarget] = useState<string | null>(null);

  useEffect(() => {
    if (focusTarget === null) return;
    document.getElementById(focusTarget)?.focus();
    setFocusTarget(null);
  }, [focusTarget, block]);

  const id = useCallback((cell: string) => `${uid}-${cell.replace(/[[\].]+/g, '-').replace(/-$/, '')}`, [uid]);
  const problems = problemsByCell(block, errors);
  const ui: EditorUi = {
    block,
    catalog,
    t,
    update,
    id,
    message: (cell) => problems.get(cell) ?? null,
    announce: setAnnouncement,
    focus: setFocusTarget,
  };

  /** "Rad 3, formel", "Kolumn 2, period", "Rader". */
  const where = (cell: string): string => {
    if (cell === 'rows') return t('statement.problems.rows');
    if (cell === 'columns') return t('statement.problems.columns');
    const m = /^(rows|columns)\[(\d+)\]\.(.+)$/.exec(cell);
    const field = t(FIELD_WORDS[m?.[3] ?? ''] ?? 'statement.field.label');
    return t(m?.[1] === 'rows' ? 'statement.problems.row' : 'statement.problems.column', { n: String(Number(m?.[2] ?? 0) + 1), field });
  };
  const summary = cellOrder(block).flatMap((cell) => {
    const message = problems.get(cell);
    return message === undefined ? [] : [{ cell, message }];
  });
  // a list's own message (no rows at all) leads to its "add" button
  const target = (cell: string) => id(cell === 'rows' || cell === 'columns' ? `${cell}-add` : cell);
  const jump = (event: MouseEvent<HTMLAnchorElement>, cell: string) => {
    event.preventDefault();
    document.getElementById(target(cell))?.focus();
  };

  const applyPreset = (preset: Preset) => {
    const columns = presetColumns(preset, block.columns);
    update((b) => ({ ...b, columns }));
    setAnnouncement(t('statement.announce.preset', { labels: columns.map((c) => c.label).join(', ') }));
    // the period is what is left to fill in (or to check)
    setFocusTarget(id('columns[0].period'));
  };

  return (
    <fieldset className="statement-editor">
      <legend className="visually-hidden">{t('statement.legend')}</legend>
      {summary.length > 0 ? (
        <div className="notice notice-error statement-problems" role="alert">
          <p>
            <strong>{t('statement.problems.title')}</strong>
          </p>
          <ul>
            {summary.map((p) => (
              <li key={p.cell}>
                <a href={`#${target(p.cell)}`} onClick={(e) => jump(e, p.cell)}>
                  {where(p.cell)}: <span lang="sv">{p.message}</span>
                </a>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <p role="status" className="live-status">
        {announcement}
      </p>
      <fieldset className="statement-presets">
        <legend>{t('statement.presets.legend')}</legend>
        <p className="field-hint">{t('statement.presets.hint')}</p>
        {PRESETS.map(({ preset, label }) => (
          <button key={preset} type="button" className="button-secondary button-small" onClick={() => applyPreset(preset)}>
            {t(label)}
          </button>
        ))}
      </fieldset>
      <StatementColumns ui={ui} />
      <StatementRows ui={ui} />
    </fieldset>
  );
}
