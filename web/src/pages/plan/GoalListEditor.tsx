import { useEffect, useState } from 'react';
import { useI18n } from '../../i18n/I18n.js';
import { Field } from '../data/form/Field.js';
import { goalControlId, newGoalKey, type GoalDraft, type GoalErrors } from './goals.js';
import type { LineChoice } from './usePlanCatalog.js';

/**
 * A plan period's goals in order, to edit before saving: each on a goal line (an earlier goal
 * continued, perhaps renamed, or a new line) with its name; added, removed and moved up or down
 * with buttons, each change announced and focus kept on the button that made it. The list is
 * stored only when the form around it is saved.
 */
export function GoalListEditor({ idPrefix, rows, onChange, lines, errors }: { idPrefix: string; rows: readonly GoalDraft[]; onChange: (rows: GoalDraft[]) => void; lines: readonly LineChoice[]; errors: GoalErrors }) {
  const { t, tn } = useI18n();
  const [announcement, setAnnouncement] = useState('');
  const [focusTarget, setFocusTarget] = useState<string | null>(null);

  useEffect(() => {
    if (focusTarget === null) return;
    document.getElementById(focusTarget)?.focus();
    setFocusTarget(null);
  }, [focusTarget, rows]);

  const goalName = (row: GoalDraft, index: number) => (row.name.trim() === '' ? t('plan.goals.unnamed', { n: String(index + 1) }) : row.name.trim());
  const buttonId = (key: string, what: 'up' | 'down' | 'remove') => `${idPrefix}-${key}-${what}`;
  const listHeadingId = `${idPrefix}-goals-legend`;
  const listErrorId = `${idPrefix}-goals-error`;

  const setRow = (key: string, change: (row: GoalDraft) => GoalDraft) => onChange(rows.map((r) => (r.key === key ? change(r) : r)));

  const chooseLine = (row: GoalDraft, lineId: string) => {
    // continuing a line: its current name is filled in, unless a name of one's own is written
    const before = lines.find((l) => l.id === row.lineId)?.name ?? '';
    const after = lines.find((l) => l.id === lineId)?.name ?? '';
    setRow(row.key, (r) => ({ ...r, lineId, name: r.name.trim() === '' || r.name === before ? after : r.name }));
  };

  const move = (index: number, delta: -1 | 1) => {
    const row = rows[index];
    if (!row) return;
    const target = index + delta;
    if (target < 0 || target >= rows.length) {
      setAnnouncement(t(delta < 0 ? 'plan.goals.alreadyFirst' : 'plan.goals.alreadyLast', { goal: goalName(row, index) }));
      return;
    }
    const next = [...rows];
    [next[index], next[target]] = [next[target] as GoalDraft, row];
    onChange(next);
    setAnnouncement(t('plan.goals.moved', { goal: goalName(row, index), position: String(target + 1), count: String(next.length) }));
    setFocusTarget(buttonId(row.key, delta < 0 ? 'up' : 'down'));
  };

  const remove = (index: number) => {
    const row = rows[index];
    if (!row) return;
    const next = rows.filter((r) => r.key !== row.key);
    onChange(next);
    setAnnouncement(t('plan.goals.removed', { goal: goalName(row, index) }));
    // the row that takes its place, or the button that adds one
    const following = next[index] ?? next[index - 1];
    setFocusTarget(following ? goalControlId(idPrefix, following.key, 'name') : `${idPrefix}-add`);
  };

  const add = () => {
    const row: GoalDraft = { key: newGoalKey(), lineId: '', name: '' };
    onChange([...rows, row]);
    setAnnouncement(t('plan.goals.added', { n: String(rows.length + 1) }));
    setFocusTarget(goalControlId(idPrefix, row.key, 'lineId'));
  };

  return (
    <fieldset className="goal-list" aria-describedby={errors.list.length > 0 ? listErrorId : undefined}>
      <legend id={listHeadingId}>
        {t('plan.goals.legend')} <span className="muted">({tn('plan.goals.count', rows.length)})</span>
      </legend>
      <p className="hint">{t('plan.goals.lineHint')}</p>
      {errors.list.length > 0 ? (
        <div id={listErrorId} className="field-error">
          {errors.list.map((message, n) => (
            <p key={n}>
              <span lang="sv">{message}</span>
            </p>
          ))}
        </div>
      ) : null}
      {rows.length === 0 ? <p>{t('plan.goals.none')}</p> : null}
      <ol className="goal-rows">
        {rows.map((row, index) => {
          const rowErrors = errors.rows.get(row.key) ?? {};
          const label = goalName(row, index);
          const usedElsewhere = new Set(rows.filter((r) => r.key !== row.key && r.lineId !== '').map((r) => r.lineId));
          return (
            <li key={row.key}>
              <fieldset className="goal-row">
                <legend>{t('plan.goals.goal', { n: String(index + 1) })}</legend>
                <div className="field-row">
                  <Field id={goalControlId(idPrefix, row.key, 'lineId')} label={t('plan.goals.line')} error={rowErrors.lineId ?? null}>
                    {(p) => (
                      <select {...p} value={row.lineId} onChange={(e) => chooseLine(row, e.target.value)}>
                        <option value="">{t('plan.goals.newLine')}</option>
                        {lines.map((line) => (
                          <option key={line.id} value={line.id} disabled={usedElsewhere.has(line.id)}>
                            {line.name}
                          </option>
                        ))}
                      </select>
                    )}
                  </Field>
                  <Field id={goalControlId(idPrefix, row.key, 'name')} label={t('plan.goals.name')} error={rowErrors.name ?? null}>
                    {(p) => <input {...p} value={row.name} maxLength={300} autoComplete="off" onChange={(e) => setRow(row.key, (r) => ({ ...r, name: e.target.value }))} />}
                  </Field>
                </div>
                <div className="actions">
                  <button type="button" id={buttonId(row.key, 'up')} className="button-secondary button-small" aria-label={`${t('plan.goals.up')}: ${label}`} aria-disabled={index === 0 ? true : undefined} onClick={() => move(index, -1)}>
                    <span aria-hidden="true">↑ </span>
                    {t('plan.goals.up')}
                  </button>
                  <button type="button" id={buttonId(row.key, 'down')} className="button-secondary button-small" aria-label={`${t('plan.goals.down')}: ${label}`} aria-disabled={index === rows.length - 1 ? true : undefined} onClick={() => move(index, 1)}>
                    <span aria-hidden="true">↓ </span>
                    {t('plan.goals.down')}
                  </button>
                  <button type="button" id={buttonId(row.key, 'remove')} className="button-danger button-small" aria-label={`${t('plan.goals.remove')}: ${label}`} onClick={() => remove(index)}>
                    {t('plan.goals.remove')}
                  </button>
                </div>
              </fieldset>
            </li>
          );
        })}
      </ol>
      <p role="status" className="live-status">
        {announcement}
      </p>
      <p>
        <button type="button" id={`${idPrefix}-add`} className="button-secondary" onClick={add}>
          {t('plan.goals.add')}
        </button>
      </p>
    </fieldset>
  );
}
