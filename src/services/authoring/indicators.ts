import { indicatorCreateInput, indicatorUpdateInput, slugify, targetCreateInput, targetShape, targetUpdateInput, uniqueId } from '../../domain/authoring.js';
import { StyrkortError, type ErrorDetail } from '../../domain/errors.js';
import type { Indicator } from '../../domain/indicator.js';
import type { Target } from '../../domain/target.js';
import { issuesToDetails } from '../../domain/validation.js';
import { inActorTransaction, type Actor } from '../../db/actor.js';
import { existingIds } from '../../db/repositories/authoring.js';
import { deleteTargetRow, findTarget, hasMeasurements, insertIndicator, insertTarget, updateIndicatorRow, updateTargetRow } from '../../db/repositories/indicatorWrites.js';
import { listIndicators, listTargets } from '../../db/repositories/indicators.js';
import type { Db } from '../../db/repositories/types.js';
import type { Store } from '../store.js';
import { invalid, parseInput } from './input.js';

/**
 * Analysts define indicators and targets: validated per field in Swedish, references (goal lines,
 * owner, area, the parts of a derived indicator) checked against what is stored. An indicator
 * with stored values keeps its period type and kind (the values were checked against them).
 */
export type IndicatorWithTargets = Indicator & { targets: Target[] };

async function withTargets(db: Db, id: string): Promise<IndicatorWithTargets> {
  const [indicator] = await listIndicators(db, [id]);
  if (!indicator) throw new StyrkortError('not_found', `Indikatorn "${id}" finns inte`);
  return { ...indicator, targets: await listTargets(db, [id]) };
}

async function referenceProblems(db: Db, i: Indicator): Promise<ErrorDetail[]> {
  const details: ErrorDetail[] = [];
  const lines = await existingIds(db, 'goal_line', i.goalLineIds);
  i.goalLineIds.forEach((l, n) => {
    if (!lines.has(l)) details.push({ where: `goalLineIds[${n}]`, message: `mållinjen "${l}" finns inte` });
  });
  if (i.ownerPersonId !== null && !(await existingIds(db, 'person', [i.ownerPersonId])).has(i.ownerPersonId)) details.push({ where: 'ownerPersonId', message: `personen "${i.ownerPersonId}" finns inte` });
  if (i.ownerAreaId !== null && !(await existingIds(db, 'area', [i.ownerAreaId])).has(i.ownerAreaId)) details.push({ where: 'ownerAreaId', message: `området "${i.ownerAreaId}" finns inte` });
  if (i.derivation) {
    const parts = await existingIds(db, 'indicator', [i.derivation.numerator, i.derivation.denominator]);
    for (const part of ['numerator', 'denominator'] as const) {
      const id = i.derivation[part];
      if (id === i.id) details.push({ where: `derivation.${part}`, message: 'en indikator kan inte härledas ur sig själv' });
      else if (!parts.has(id)) details.push({ where: `derivation.${part}`, message: `indikatorn "${id}" finns inte` });
    }
  }
  return details;
}

export async function createIndicator(db: Store, body: unknown, actor: Actor): Promise<IndicatorWithTargets> {
  const input = parseInput(indicatorCreateInput, body, 'Indikatorn kan inte skapas');
  return inActorTransaction(db, actor, async (trx) => {
    if ((await existingIds(trx, 'indicator', [input.id])).has(input.id)) throw new StyrkortError('conflict', `Indikatorn "${input.id}" finns redan.`, [{ where: 'id', message: 'upptaget' }]);
    const indicator: Indicator = { ...input, goalLineIds: [...new Set(input.goalLineIds)] };
    const details = await referenceProblems(trx, indicator);
    if (details.length > 0) throw invalid('Indikatorn kan inte skapas', details);
    await insertIndicator(trx, indicator);
    return withTargets(trx, indicator.id);
  });
}

export async function updateIndicator(db: Store, id: string, body: unknown, actor: Actor): Promise<IndicatorWithTargets> {
  const patch = parseInput(indicatorUpdateInput, body, 'Indikatorn kan inte ändras');
  return inActorTransaction(db, actor, async (trx) => {
    const [before] = await listIndicators(trx, [id]);
    if (!before) throw new StyrkortError('not_found', `Indikatorn "${id}" finns inte`);
    const after: Indicator = { ...before, ...patch, goalLineIds: patch.goalLineIds ? [...new Set(patch.goalLineIds)] : before.goalLineIds };
    const details = await referenceProblems(trx, after);
    if ((after.periodType !== before.periodType || after.kind !== before.kind) && (await hasMeasurements(trx, id))) {
      if (after.periodType !== before.periodType) details.push({ where: 'periodType', message: 'kan inte ändras när indikatorn har lagrade utfall' });
      if (after.kind !== before.kind) details.push({ where: 'kind', message: 'kan inte ändras när indikatorn har lagrade utfall' });
    }
    if (details.length > 0) throw invalid('Indikatorn kan inte ändras', details);
    await updateIndicatorRow(trx, before, after);
    return withTargets(trx, id);
  });
}

function checkShape(t: Target, what: string): void {
  const r = targetShape.safeParse(t);
  if (!r.success) throw invalid(what, issuesToDetails(r.error.issues));
}

async function targetArea(db: Db, t: Target, what: string): Promise<void> {
  if (t.areaId !== null && !(await existingIds(db, 'area', [t.areaId])).has(t.areaId)) throw invalid(what, [{ where: 'areaId', message: `området "${t.areaId}" finns inte` }]);
}

export async function createTarget(db: Store, indicatorId: string, body: unknown, actor: Actor): Promise<IndicatorWithTargets> {
  const input = parseInput(targetCreateInput, body, 'Målvärdet kan inte skapas');
  return inActorTransaction(db, actor, async (trx) => {
    await withTargets(trx, indicatorId);
    const taken = await existingIds(trx, 'target');
    const id = input.id ?? uniqueId(`${indicatorId}-${slugify(`${input.validFromYear}`)}`, taken);
    if (taken.has(id)) throw new StyrkortError('conflict', `Målvärdet "${id}" finns redan.`, [{ where: 'id', message: 'upptaget' }]);
    const target: Target = { ...input, id, indicatorId };
    await targetArea(trx, target, 'Målvärdet kan inte skapas');
    await insertTarget(trx, target);
    return withTargets(trx, indicatorId);
  });
}

export async function updateTarget(db: Store, targetId: string, body: unknown, actor: Actor): Promise<IndicatorWithTargets> {
  const patch = parseInput(targetUpdateInput, body, 'Målvärdet kan inte ändras');
  return inActorTransaction(db, actor, async (trx) => {
    const before = await findTarget(trx, targetId);
    if (!before) throw new StyrkortError('not_found', `Målvärdet "${targetId}" finns inte`);
    const after: Target = { ...before, ...patch };
    checkShape(after, 'Målvärdet kan inte ändras');
    await targetArea(trx, after, 'Målvärdet kan inte ändras');
    await updateTargetRow(trx, before, after);
    return withTargets(trx, before.indicatorId);
  });
}

export async function deleteTarget(db: Store, targetId: string, actor: Actor): Promise<IndicatorWithTargets> {
  return inActorTransaction(db, actor, async (trx) => {
    const before = await findTarget(trx, targetId);
    if (!before) throw new StyrkortError('not_found', `Målvärdet "${targetId}" finns inte`);
    await deleteTargetRow(trx, targetId);
    return withTargets(trx, before.indicatorId);
  });
}
