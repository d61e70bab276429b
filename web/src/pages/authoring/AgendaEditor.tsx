import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import type { Goal } from '../../../../src/domain/plan.js';
import { send } from '../../api.js';
import { useI18n } from '../../i18n/I18n.js';
import { authoringPaths } from '../../lib/authoringPaths.js';
import { paths } from '../../lib/paths.js';
import { AddItemForm } from './AddItemForm.js';
import { Dialog } from './Dialog.js';
import { FormError } from './fields.js';
import { PresenterEditor } from './PresenterEditor.js';
import { personLabelOf } from './presenters.js';
import { ReadyBadge } from './status.js';
import type { AuthoringItem, AuthoringMeeting, PersonView } from './types.js';

/** The items per goal in the plan's goal order, each goal's items in agenda order. */
function grouped(items: readonly AuthoringItem[], goals: readonly Goal[]): Array<{ goal: Goal; items: AuthoringItem[] }> {
  return goals.map((goal) => ({ goal, items: items.filter((i) => i.goalId === goal.id).sort((a, b) => a.position - b.position) }));
}

/** Items with positions 1…n in the order the groups give. */
function renumber(groups: ReadonlyArray<{ goal: Goal; items: AuthoringItem[] }>): AuthoringItem[] {
  return groups.flatMap((g) => g.items.map((i) => ({ ...i, goalId: g.goal.id }))).map((i, n) => ({ ...i, position: n + 1 }));
}

/**
 * The agenda as the secretary edits it: items under goals, moved up and down with buttons (the
 * new place is announced in a live region and focus stays on the button), moved to another goal,
 * presenters changed, items deleted after a confirmation. A presenter sees the same agenda with
 * a link to edit the items they present, and no other controls.
 */
export function AgendaEditor({
  data,
  goals,
  people,
  secretary,
  onChange,
}: {
  data: AuthoringMeeting;
  goals: readonly Goal[];
  people: readonly PersonView[] | null;
  secretary: boolean;
  onChange: (next: AuthoringMeeting) => void;
}) {
  const { t, tn } = useI18n();
  const meeting = data.meeting;
  const [announcement, setAnnouncement] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [focusTarget, setFocusTarget] = useState<string | null>(null);
  const [editingPresenters, setEditingPresenters] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<AuthoringItem | null>(null);
  const [deleteBusy, setDeleteBusy] = useState(false);
  const [deleteError, setDeleteError] = useState<unknown>(null);
  const [moveTargets, setMoveTargets] = useState<Record<string, string>>({});
  const latest = useRef(0);

  useEffect(() => {
    if (focusTarget === null) return;
    document.getElementById(focusTarget)?.focus();
    setFocusTarget(null);
  }, [focusTarget, data]);

  const groups = grouped(data.items, goals);
  const goalName = (goalId: string) => goals.find((g) => g.id === goalId)?.name ?? goalId;
  const presentersText = (item: AuthoringItem) =>
    item.presenters.length === 0 ? t('authoring.presenters.none') : item.presenters.map((p) => personLabelOf(people, p, meeting.date)).join('; ');

  /** Saves an order: shown at once, then the server's answer (a later move wins). */
  const saveOrder = async (items: AuthoringItem[], message: string, focus: string) => {
    const before = data;
    const seq = ++latest.current;
    onChange({ ...data, items });
    setAnnouncement(message);
    setFocusTarget(focus);
    setError(null);
    try {
      const entries = renumber(grouped(items, goals)).map((i) => ({ id: i.id, goalId: i.goalId }));
      const saved = await send<AuthoringMeeting>('PUT', `/api/meetings/${encodeURIComponent(meeting.id)}/order`, { items: entries });
      if (seq === latest.current) onChange(saved);
    } catch (e) {
      if (seq !== latest.current) return;
      onChange(before);
      setAnnouncement('');
      setError(e);
    }
  };

  const move = (item: AuthoringItem, delta: -1 | 1) => {
    const next = groups.map((g) => ({ goal: g.goal, items: [...g.items] }));
    const group = next.find((g) => g.goal.id === item.goalId);
    if (!group) return;
    const index = group.items.findIndex((i) => i.id === item.id);
    const target = index + delta;
    const buttonId = `${delta < 0 ? 'flytta-upp' : 'flytta-ned'}-${item.id}`;
    if (target < 0 || target >= group.items.length) {
      setAnnouncement(delta < 0 ? t('authoring.move.alreadyFirst', { title: item.title }) : t('authoring.move.alreadyLast', { title: item.title }));
      return;
    }
    [group.items[index], group.items[target]] = [group.items[target] as AuthoringItem, group.items[index] as AuthoringItem];
    const message = t('authoring.move.moved', { title: item.title, position: String(target + 1), count: String(group.items.length), goal: group.goal.name });
    void saveOrder(renumber(next), message, buttonId);
  };

  const moveToGoal = (item: AuthoringItem, goalId: string) => {
    if (goalId === item.goalId) return;
    const next = groups.map((g) => ({ goal: g.goal, items: g.items.filter((i) => i.id !== item.id) }));
    const group = next.find((g) => g.goal.id === goalId);
    if (!group) return;
    group.items.push({ ...item, goalId });
    const message = t('authoring.move.movedToGoal', { title: item.title, goal: group.goal.name, position: String(group.items.length), count: String(group.items.length) });
    void saveOrder(renumber(next), message, `flytta-till-${item.id}`);
  };

  const replaceItem = (saved: AuthoringItem) => onChange({ ...data, items: data.items.map((i) => (i.id === saved.id ? saved : i)) });

  const confirmDelete = async () => {
    if (!deleting) return;
    setDeleteBusy(true);
    setDeleteError(null);
    try {
      await send('DELETE', `/api/items/${encodeURIComponent(deleting.id)}`);
      const gone = deleting;
      const items = data.items.filter((i) => i.id !== gone.id);
      onChange({ ...data, items, readyCount: items.filter((i) => i.ready).length });
      setDeleting(null);
      setAnnouncement(t('authoring.delete.done', { title: gone.title }));
      setFocusTarget('dagordning');
    } catch (e) {
      setDeleteError(e);
    } finally {
      setDeleteBusy(false);
    }
  };

  return (
    <section aria-labelledby="dagordning" className="agenda-editor">
      <h2 id="dagordning" tabIndex={-1}>
        {t('meeting.agenda')}
      </h2>
      {secretary ? <p className="muted">{t('authoring.agenda.howTo')}</p> : null}
      <p role="status" className="live-status">
        {announcement}
      </p>
      <FormError title={t('authoring.move.failed')} error={error} />
      {groups.map(({ goal, items }) => (
        <section key={goal.id} className="agenda-goal-group" aria-labelledby={`mal-${goal.position}`}>
          <h3 id={`mal-${goal.position}`}>{goal.name}</h3>
          {items.length === 0 ? (
            <p className="muted">{t('authoring.agenda.goalEmpty')}</p>
          ) : (
            <ol className="agenda-items">
              {items.map((item, index) => (
                <li key={item.id} className="agenda-item" id={`punkt-${item.id}`}>
                  <div className="agenda-item-head">
                    <h4>{item.title}</h4>
                    <ReadyBadge ready={item.ready} />
                  </div>
                  <p className="muted">
                    {t('authoring.agenda.presenters', { names: presentersText(item) })} · {tn('authoring.agenda.blocks', item.blocks.length)}
                  </p>
                  <div className="item-actions">
                    {item.canEdit ? (
                      <Link className="button" to={authoringPaths.item(meeting.id, item.id)}>
                        {t('authoring.agenda.editItem')}
                        <span className="visually-hidden"> {item.title}</span>
                      </Link>
                    ) : null}
                    <Link to={paths.meeting(meeting.id, item.id)}>
                      {t('authoring.agenda.showItem')}
                      <span className="visually-hidden"> {item.title}</span>
                    </Link>
                  </div>
                  {secretary ? (
                    <>
                      <div className="item-actions">
                        <button type="button" id={`flytta-upp-${item.id}`} className="button-secondary" aria-disabled={index === 0 ? true : undefined} onClick={() => move(item, -1)}>
                          <span aria-hidden="true">↑ </span>
                          {t('authoring.move.up')}
                          <span className="visually-hidden"> {item.title}</span>
                        </button>
                        <button type="button" id={`flytta-ned-${item.id}`} className="button-secondary" aria-disabled={index === items.length - 1 ? true : undefined} onClick={() => move(item, 1)}>
                          <span aria-hidden="true">↓ </span>
                          {t('authoring.move.down')}
                          <span className="visually-hidden"> {item.title}</span>
                        </button>
                        <button
                          type="button"
                          id={`foredragande-${item.id}`}
                          className="button-secondary"
                          aria-expanded={editingPresenters === item.id}
                          aria-controls={`foredragande-panel-${item.id}`}
                          onClick={() => setEditingPresenters(editingPresenters === item.id ? null : item.id)}
                        >
                          {t('authoring.presenters.change')}
                          <span className="visually-hidden"> {item.title}</span>
                        </button>
                        <button type="button" className="button-danger" onClick={() => setDeleting(item)}>
                          {t('authoring.delete.button')}
                          <span className="visually-hidden"> {item.title}</span>
                        </button>
                      </div>
                      <div className="inline-fields">
                        <div className="field">
                          <label htmlFor={`flytta-mal-${item.id}`}>
                            {t('authoring.move.toGoal')}
                            <span className="visually-hidden"> {item.title}</span>
                          </label>
                          <select
                            id={`flytta-mal-${item.id}`}
                            value={moveTargets[item.id] ?? goals.find((g) => g.id !== item.goalId)?.id ?? ''}
                            onChange={(e) => setMoveTargets({ ...moveTargets, [item.id]: e.target.value })}
                          >
                            {goals
                              .filter((g) => g.id !== item.goalId)
                              .map((g) => (
                                <option key={g.id} value={g.id}>
                                  {g.name}
                                </option>
                              ))}
                          </select>
                        </div>
                        <button
                          type="button"
                          id={`flytta-till-${item.id}`}
                          className="button-secondary"
                          onClick={() => moveToGoal(item, moveTargets[item.id] ?? goals.find((g) => g.id !== item.goalId)?.id ?? item.goalId)}
                        >
                          {t('authoring.move.toGoalButton')}
                          <span className="visually-hidden"> {item.title}</span>
                        </button>
                      </div>
                      {editingPresenters === item.id ? (
                        <div id={`foredragande-panel-${item.id}`}>
                          <PresenterEditor
                            item={item}
                            people={people}
                            date={meeting.date}
                            onSaved={(saved) => {
                              replaceItem(saved);
                              setEditingPresenters(null);
                              setAnnouncement(t('authoring.presenters.saved', { title: saved.title }));
                              setFocusTarget(`foredragande-${item.id}`);
                            }}
                            onCancel={() => {
                              setEditingPresenters(null);
                              setFocusTarget(`foredragande-${item.id}`);
                            }}
                          />
                        </div>
                      ) : null}
                    </>
                  ) : null}
                </li>
              ))}
            </ol>
          )}
        </section>
      ))}
      {goals.length > 0 && data.items.some((i) => !goals.some((g) => g.id === i.goalId)) ? <p className="issues">{t('authoring.agenda.orphans')}</p> : null}

      {secretary ? (
        <AddItemForm
          meetingId={meeting.id}
          date={meeting.date}
          goals={goals}
          people={people}
          onAdded={(item) => {
            onChange({ ...data, items: [...data.items, item] });
            setAnnouncement(t('authoring.add.done', { title: item.title, goal: goalName(item.goalId) }));
          }}
        />
      ) : null}

      <Dialog open={deleting !== null} title={t('authoring.delete.title')} onClose={() => (deleteBusy ? undefined : (setDeleting(null), setDeleteError(null)))} describedBy="ta-bort-text">
        <p id="ta-bort-text">{deleting ? t('authoring.delete.text', { title: deleting.title, blocks: tn('authoring.agenda.blocks', deleting.blocks.length) }) : null}</p>
        <FormError title={t('authoring.delete.failed')} error={deleteError} />
        <div className="button-row">
          <button type="button" className="button-danger" onClick={() => void confirmDelete()} disabled={deleteBusy}>
            {t('authoring.delete.confirm')}
          </button>
          <button type="button" className="button-secondary" data-autofocus onClick={() => (setDeleting(null), setDeleteError(null))} disabled={deleteBusy}>
            {t('authoring.cancel')}
          </button>
        </div>
      </Dialog>
    </section>
  );
}
