import type { PlanPeriod } from '../../../../src/domain/plan.js';
import type { ApiError } from '../../api.js';
import type { Translate } from '../../i18n/I18n.js';
import { sentence, type SummaryItem } from '../data/form/Field.js';

/**
 * A plan period's goals as the page edits them: an ordered list of rows, each on an existing
 * goal line ('' = a new line) with its name. The server's problems name rows by their place in
 * the list that was sent ("goals[2].name"); they are kept by row, so a row moved afterwards keeps
 * its message.
 */
export interface GoalDraft {
  /** Stable across moves: the row's React key and the start of its controls' ids. */
  key: string;
  lineId: string;
  name: string;
}

let nextKey = 0;
export function newGoalKey(): string {
  nextKey += 1;
  return `mal-${nextKey}`;
}

export function draftsOf(period: PlanPeriod): GoalDraft[] {
  return [...period.goals].sort((a, b) => a.position - b.position).map((g) => ({ key: newGoalKey(), lineId: g.goalLineId, name: g.name }));
}

/** The goals as the API takes them (domain/catalogAuthoring.ts: goalInput). */
export function goalsBody(rows: readonly GoalDraft[]): Array<{ lineId: string | null; name: string }> {
  return rows.map((r) => ({ lineId: r.lineId === '' ? null : r.lineId, name: r.name }));
}

export type GoalField = 'lineId' | 'name';

/** A refused save's problems: per row (by key) and field, and those about the list as a whole. */
export interface GoalErrors {
  rows: ReadonlyMap<string, Partial<Record<GoalField, string>>>;
  list: readonly string[];
}

export const NO_GOAL_ERRORS: GoalErrors = { rows: new Map(), list: [] };

/** `keys`: the rows' keys in the order they were sent. Details of other fields (startYear …) are left to the form. */
export function goalErrors(error: ApiError | null, keys: readonly string[]): GoalErrors {
  if (!error) return NO_GOAL_ERRORS;
  const rows = new Map<string, Partial<Record<GoalField, string>>>();
  const list: string[] = [];
  for (const d of error.details) {
    if (d.where === null) continue;
    const match = /^goals\[(\d+)\](?:\.(lineId|name))?$/.exec(d.where);
    const key = match ? keys[Number(match[1])] : undefined;
    if (match && key !== undefined) {
      const field: GoalField = match[2] === 'lineId' ? 'lineId' : 'name';
      const found = rows.get(key) ?? {};
      found[field] = found[field] ? `${found[field]} ${sentence(d.message)}` : sentence(d.message);
      rows.set(key, found);
    } else if (d.where === 'goals' || d.where.startsWith('goals')) list.push(sentence(d.message));
  }
  return { rows, list };
}

export function goalControlId(idPrefix: string, key: string, field: GoalField): string {
  return `${idPrefix}-${key}-${field === 'lineId' ? 'line' : 'name'}`;
}

/** The error summary's lines for the goals, in list order; problems of the whole list first. */
export function goalSummaryItems(t: Translate, idPrefix: string, rows: readonly GoalDraft[], errors: GoalErrors): SummaryItem[] {
  const items: SummaryItem[] = errors.list.map((message) => ({ fieldId: null, label: '', message }));
  rows.forEach((row, index) => {
    const found = errors.rows.get(row.key);
    if (!found) return;
    for (const field of ['lineId', 'name'] as const) {
      const message = found[field];
      if (message) items.push({ fieldId: goalControlId(idPrefix, row.key, field), label: t('plan.goals.row', { n: String(index + 1), field: t(field === 'lineId' ? 'plan.goals.line' : 'plan.goals.name') }), message });
    }
  });
  return items;
}
