import { createHash } from 'node:crypto';
import type { Principal } from '../../domain/access.js';
import { canEditItem } from '../../domain/access.js';
import { agendaOrderInput, itemCreateInput, meetingCreateInput, meetingUpdateInput, presentersInput, slugify, uniqueId, type PresenterInput } from '../../domain/authoring.js';
import type { AuthoringItem, AuthoringMeeting } from '../../domain/authoringView.js';
import { StyrkortError, type ErrorDetail } from '../../domain/errors.js';
import { inActorTransaction, type Actor } from '../../db/actor.js';
import {
  copyMeetingStructure,
  deferUniquePositions,
  deleteItemRow,
  deleteMeetingRow,
  existingIds,
  focusYearExists,
  insertItem,
  insertMeeting,
  meetingWithBodyAndDate,
  nextItemPosition,
  previousMeetingId,
  readyFlags,
  replacePresenters,
  updateItemRow,
  updateMeetingRow,
} from '../../db/repositories/authoring.js';
import { findMeeting, listItems } from '../../db/repositories/meetings.js';
import { listPeople } from '../../db/repositories/people.js';
import { listPlanPeriods } from '../../db/repositories/plan.js';
import type { Db } from '../../db/repositories/types.js';
import { listVersions } from '../../db/repositories/versions.js';
import type { Store } from '../store.js';
import { draftMeeting, frozen, visibleItem, visibleMeeting } from './access.js';
import { invalid, parseInput } from './input.js';

/**
 * The secretary's side of authoring: create a meeting (optionally copying the previous meeting's
 * structure), edit its metadata, add items under goals, order them, assign presenters, delete
 * items of a draft, and delete a draft that was never published. Every write runs in an actor transaction, so the audit trail has its author.
 */
export type { AuthoringItem, AuthoringMeeting } from '../../domain/authoringView.js';

/** An item's title and blocks as a token (AuthoringItem.version): the first 16 hex digits of their SHA-256. */
export function itemVersion(title: string, blocks: readonly unknown[]): string {
  return createHash('sha256').update(JSON.stringify([title, blocks])).digest('hex').slice(0, 16);
}

/** A meeting as its editors work on it: items with presenters, blocks, ready flags. */
export async function authoringMeeting(db: Db, principal: Principal, idOrDate: string): Promise<AuthoringMeeting> {
  const meeting = await visibleMeeting(db, principal, idOrDate);
  const [items, ready, people, versions] = await Promise.all([listItems(db, meeting.id), readyFlags(db, meeting.id), listPeople(db), listVersions(db, [meeting.id])]);
  const names = new Map(people.map((p) => [p.id, p.name]));
  const list = items.map((i) => ({
    id: i.id,
    goalId: i.goalId,
    position: i.position,
    title: i.title,
    ready: ready.get(i.id) ?? false,
    presenters: i.presenters.map((p) => ({ personId: p.personId, name: names.get(p.personId) ?? p.personId, titleOverride: p.titleOverride })),
    blocks: i.blocks,
    canEdit: canEditItem(principal, { presenterPersonIds: i.presenters.map((p) => p.personId) }, meeting).allowed,
    version: itemVersion(i.title, i.blocks.map((b) => b.block)),
  }));
  return { meeting, items: list, readyCount: list.filter((i) => i.ready).length, versions: versions.sort((a, b) => b.version - a.version) };
}

async function checkPresenters(db: Db, presenters: readonly PresenterInput[], where: string): Promise<ErrorDetail[]> {
  const found = await existingIds(db, 'person', presenters.map((p) => p.personId));
  return presenters.flatMap((p, i) => (found.has(p.personId) ? [] : [{ where: `${where}[${i}].personId`, message: `personen "${p.personId}" finns inte` }]));
}

async function goalsOf(db: Db, planPeriodId: string): Promise<Map<string, { id: string; goalLineId: string }> | null> {
  const period = (await listPlanPeriods(db)).find((p) => p.id === planPeriodId);
  return period ? new Map(period.goals.map((g) => [g.id, g])) : null;
}

export async function createMeeting(db: Store, principal: Principal, body: unknown, actor: Actor): Promise<AuthoringMeeting> {
  const input = parseInput(meetingCreateInput, body, 'Sammanträdet kan inte skapas');
  return inActorTransaction(db, actor, async (trx) => {
    const details: ErrorDetail[] = [];
    const goals = await goalsOf(trx, input.planPeriodId);
    if (!goals) details.push({ where: 'planPeriodId', message: `planperioden "${input.planPeriodId}" finns inte` });
    if (!(await focusYearExists(trx, input.focusYear))) details.push({ where: 'focusYear', message: `det finns inga fokusområden för ${input.focusYear}` });
    let sourceId: string | null = null;
    if (input.copyFrom === 'previous') {
      sourceId = await previousMeetingId(trx, input.body, input.date);
      if (sourceId === null) details.push({ where: 'copyFrom', message: `det finns inget tidigare sammanträde för ${input.body} före ${input.date}` });
    } else if (input.copyFrom !== null) {
      const source = await findMeeting(trx, input.copyFrom);
      if (!source) details.push({ where: 'copyFrom', message: `sammanträdet "${input.copyFrom}" finns inte` });
      else sourceId = source.id;
    }
    if (details.length > 0) throw invalid('Sammanträdet kan inte skapas', details);
    const clash = await meetingWithBodyAndDate(trx, input.body, input.date);
    if (clash) throw new StyrkortError('conflict', `${input.body} har redan ett sammanträde ${input.date} (${clash}).`, [{ where: 'date', message: 'det finns redan ett sammanträde den dagen' }]);
    const taken = await existingIds(trx, 'meeting');
    const id = input.id ?? uniqueId(`${slugify(input.body)}-${input.date}`, taken);
    if (taken.has(id)) throw new StyrkortError('conflict', `Id:t "${id}" är upptaget.`, [{ where: 'id', message: 'upptaget' }]);
    await insertMeeting(trx, { id, body: input.body, date: input.date, planPeriodId: input.planPeriodId, focusYear: input.focusYear, title: input.title });

    if (sourceId !== null && goals) {
      // items under the same goal line in the new plan period (a renamed goal continues its line)
      const sourceItems = await listItems(trx, sourceId);
      const allGoals = (await listPlanPeriods(trx)).flatMap((p) => p.goals);
      const lineOf = new Map(allGoals.map((g) => [g.id, g.goalLineId]));
      const byLine = new Map([...goals.values()].map((g) => [g.goalLineId, g.id]));
      const takenItems = await existingIds(trx, 'agenda_item');
      const missing: ErrorDetail[] = [];
      const copies = sourceItems.map((item, i) => {
        const goalId = byLine.get(lineOf.get(item.goalId) ?? '') ?? null;
        if (goalId === null) missing.push({ where: 'copyFrom', message: `punkten "${item.title}" hör till ett mål som inte finns i planperioden ${input.planPeriodId}` });
        const itemId = uniqueId(`${id}-${slugify(item.title)}`, takenItems);
        takenItems.add(itemId);
        return { id: itemId, meetingId: id, goalId: goalId ?? '', position: i + 1, title: item.title, presenters: item.presenters, blocks: item.blocks.map((b) => b.block) };
      });
      if (missing.length > 0) throw invalid('Sammanträdet kan inte skapas', missing);
      await copyMeetingStructure(trx, copies);
    }
    return authoringMeeting(trx, principal, id);
  });
}

export async function updateMeeting(db: Store, principal: Principal, idOrDate: string, body: unknown, actor: Actor): Promise<AuthoringMeeting> {
  const patch = parseInput(meetingUpdateInput, body, 'Sammanträdet kan inte ändras');
  return inActorTransaction(db, actor, async (trx) => {
    const meeting = await draftMeeting(trx, principal, idOrDate);
    const details: ErrorDetail[] = [];
    if (patch.focusYear !== undefined && !(await focusYearExists(trx, patch.focusYear))) details.push({ where: 'focusYear', message: `det finns inga fokusområden för ${patch.focusYear}` });
    const remap: Array<{ id: string; goalId: string }> = [];
    if (patch.planPeriodId !== undefined && patch.planPeriodId !== meeting.planPeriodId) {
      const goals = await goalsOf(trx, patch.planPeriodId);
      if (!goals) details.push({ where: 'planPeriodId', message: `planperioden "${patch.planPeriodId}" finns inte` });
      else {
        const lineOf = new Map((await listPlanPeriods(trx)).flatMap((p) => p.goals).map((g) => [g.id, g.goalLineId]));
        const byLine = new Map([...goals.values()].map((g) => [g.goalLineId, g.id]));
        for (const item of await listItems(trx, meeting.id)) {
          const goalId = byLine.get(lineOf.get(item.goalId) ?? '');
          if (goalId === undefined) details.push({ where: 'planPeriodId', message: `punkten "${item.title}" hör till ett mål som inte finns i planperioden ${patch.planPeriodId}` });
          else remap.push({ id: item.id, goalId });
        }
      }
    }
    if (details.length > 0) throw invalid('Sammanträdet kan inte ändras', details);
    const body2 = patch.body ?? meeting.body;
    const date2 = patch.date ?? meeting.date;
    const clash = await meetingWithBodyAndDate(trx, body2, date2);
    if (clash && clash !== meeting.id) throw new StyrkortError('conflict', `${body2} har redan ett sammanträde ${date2} (${clash}).`, [{ where: 'date', message: 'det finns redan ett sammanträde den dagen' }]);
    await updateMeetingRow(trx, meeting.id, patch);
    for (const r of remap) await updateItemRow(trx, r.id, { goalId: r.goalId });
    return authoringMeeting(trx, principal, meeting.id);
  });
}

export async function addItem(db: Store, principal: Principal, meetingId: string, body: unknown, actor: Actor): Promise<AuthoringItem> {
  const input = parseInput(itemCreateInput, body, 'Punkten kan inte läggas till');
  return inActorTransaction(db, actor, async (trx) => {
    const meeting = await draftMeeting(trx, principal, meetingId);
    const goals = await goalsOf(trx, meeting.planPeriodId);
    const details = await checkPresenters(trx, input.presenters, 'presenters');
    if (!goals?.has(input.goalId)) details.unshift({ where: 'goalId', message: `målet "${input.goalId}" finns inte i planperioden ${meeting.planPeriodId}` });
    if (details.length > 0) throw invalid('Punkten kan inte läggas till', details);
    const id = uniqueId(`${meeting.id}-${slugify(input.title)}`, await existingIds(trx, 'agenda_item'));
    await insertItem(trx, { id, meetingId: meeting.id, goalId: input.goalId, position: await nextItemPosition(trx, meeting.id), title: input.title });
    await replacePresenters(trx, id, input.presenters);
    const view = await authoringMeeting(trx, principal, meeting.id);
    return view.items.find((i) => i.id === id) as AuthoringItem;
  });
}

/** Orders a draft's items: every item once, in agenda order, each under a goal of the plan period. */
export async function orderItems(db: Store, principal: Principal, meetingId: string, body: unknown, actor: Actor): Promise<AuthoringMeeting> {
  const input = parseInput(agendaOrderInput, body, 'Ordningen kan inte sparas');
  return inActorTransaction(db, actor, async (trx) => {
    const meeting = await draftMeeting(trx, principal, meetingId);
    const goals = await goalsOf(trx, meeting.planPeriodId);
    const current = await listItems(trx, meeting.id);
    const ids = new Set(current.map((i) => i.id));
    const details: ErrorDetail[] = [];
    const seen = new Set<string>();
    input.items.forEach((entry, i) => {
      if (!ids.has(entry.id)) details.push({ where: `items[${i}].id`, message: `punkten "${entry.id}" hör inte till sammanträdet` });
      if (seen.has(entry.id)) details.push({ where: `items[${i}].id`, message: `punkten "${entry.id}" förekommer två gånger` });
      seen.add(entry.id);
      if (!goals?.has(entry.goalId)) details.push({ where: `items[${i}].goalId`, message: `målet "${entry.goalId}" finns inte i planperioden ${meeting.planPeriodId}` });
    });
    const left = current.filter((i) => !seen.has(i.id));
    if (left.length > 0) details.push({ where: 'items', message: `saknar ${left.map((i) => `"${i.id}"`).join(', ')}: ange varje punkt en gång` });
    if (details.length > 0) throw invalid('Ordningen kan inte sparas', details);
    // goals in the plan's order, items in the order given within each goal
    const goalOrder = [...(goals as Map<string, unknown>).keys()];
    const ordered = [...input.items].map((e, i) => ({ ...e, i })).sort((a, b) => goalOrder.indexOf(a.goalId) - goalOrder.indexOf(b.goalId) || a.i - b.i);
    await deferUniquePositions(trx);
    const before = new Map(current.map((i) => [i.id, i]));
    for (const [index, entry] of ordered.entries()) {
      const old = before.get(entry.id);
      if (old && (old.position !== index + 1 || old.goalId !== entry.goalId)) await updateItemRow(trx, entry.id, { position: index + 1, goalId: entry.goalId });
    }
    return authoringMeeting(trx, principal, meeting.id);
  });
}

export async function setPresenters(db: Store, principal: Principal, itemId: string, body: unknown, actor: Actor): Promise<AuthoringItem> {
  const input = parseInput(presentersInput, body, 'Föredragande kan inte sparas');
  return inActorTransaction(db, actor, async (trx) => {
    const { item, meeting } = await visibleItem(trx, principal, itemId);
    if (meeting.status !== 'draft') throw frozen(meeting);
    const details = await checkPresenters(trx, input.presenters, 'presenters');
    if (details.length > 0) throw invalid('Föredragande kan inte sparas', details);
    await replacePresenters(trx, item.id, input.presenters);
    const view = await authoringMeeting(trx, principal, meeting.id);
    return view.items.find((i) => i.id === item.id) as AuthoringItem;
  });
}

/** Deletes an item of a draft meeting (with its presenters and blocks). */
/**
 * Deletes a draft that was never published, with its items, presenters and blocks (each on record
 * in the audit trail). A meeting with a published version is never deleted — a correction's draft
 * included: its versions are the board's record.
 */
export async function deleteMeeting(db: Store, principal: Principal, idOrDate: string, actor: Actor): Promise<void> {
  await inActorTransaction(db, actor, async (trx) => {
    const meeting = await draftMeeting(trx, principal, idOrDate);
    const versions = await listVersions(trx, [meeting.id]);
    if (versions.length > 0) {
      const newest = Math.max(...versions.map((v) => v.version));
      throw new StyrkortError('conflict', `Sammanträdet ${meeting.id} har publicerats (senast version ${newest}) och kan inte tas bort; bara ett utkast som aldrig publicerats kan tas bort.`);
    }
    await deleteMeetingRow(trx, meeting.id);
  });
}

export async function deleteItem(db: Store, principal: Principal, itemId: string, actor: Actor): Promise<void> {
  await inActorTransaction(db, actor, async (trx) => {
    const { item, meeting } = await visibleItem(trx, principal, itemId);
    if (meeting.status !== 'draft') throw frozen(meeting);
    await deleteItemRow(trx, item.id);
  });
}

