import { slugify, uniqueId } from '../../domain/authoring.js';
import { riskCategoryInput, riskCategoryUpdateInput, riskCreateInput, riskRegisterCreateInput, riskRegisterUpdateInput, riskShape, riskUpdateInput } from '../../domain/catalogAuthoring.js';
import { StyrkortError, type ErrorDetail } from '../../domain/errors.js';
import { assessRisk, type AssessedRisk } from '../../domain/risk.js';
import { issuesToDetails } from '../../domain/validation.js';
import { inActorTransaction, type Actor } from '../../db/actor.js';
import { existingIds } from '../../db/repositories/authoring.js';
import {
  categoryExists,
  deleteRiskRow,
  findRisk,
  insertCategory,
  insertRegister,
  insertRisk,
  listRegisters,
  riskIds,
  updateCategoryRow,
  updateRegisterRow,
  updateRiskRow,
  type StoredCategory,
  type StoredRegister,
  type StoredRisk,
} from '../../db/repositories/catalogWrites.js';
import { listRiskCategories } from '../../db/repositories/content.js';
import type { Db } from '../../db/repositories/types.js';
import type { Store } from '../store.js';
import { invalid, parseInput } from './input.js';

/**
 * Internal-control risk registers as analysts keep them: categories (1–8, with sub-categories
 * such as 1b), a register per year, and its risks in order with probability × consequence (the
 * score and its band — "Hantera risk" — are computed, never typed), or the score as reported
 * where the parts are not known; the planned control or action and who answers for it. Each
 * risk's history is its entries in the audit trail.
 */
export type RegisterView = StoredRegister & { risks: Array<StoredRisk & Pick<AssessedRisk, 'score' | 'band' | 'computed'>> };

function view(register: StoredRegister): RegisterView {
  return {
    ...register,
    risks: register.risks.map((r) => {
      const { score, band, computed } = assessRisk(r);
      return { ...r, score, band, computed };
    }),
  };
}

async function register(db: Db, id: string): Promise<RegisterView> {
  const [found] = await listRegisters(db, id);
  if (!found) throw new StyrkortError('not_found', `Riskregistret "${id}" finns inte`);
  return view(found);
}

export async function riskRegisters(db: Store): Promise<RegisterView[]> {
  return (await listRegisters(db)).map(view);
}

export async function riskRegister(db: Store, id: string): Promise<RegisterView> {
  return register(db, id);
}

export async function riskCategories(db: Store): Promise<StoredCategory[]> {
  return listRiskCategories(db);
}

async function parentProblem(db: Db, code: string, parentCode: string | null): Promise<ErrorDetail[]> {
  if (parentCode === null) return [];
  if (parentCode === code) return [{ where: 'parentCode', message: 'en kategori kan inte ligga under sig själv' }];
  return (await categoryExists(db, parentCode)) ? [] : [{ where: 'parentCode', message: `kategorin ${parentCode} finns inte` }];
}

export async function createRiskCategory(db: Store, body: unknown, actor: Actor): Promise<StoredCategory[]> {
  const what = 'Riskkategorin kan inte läggas till';
  const input = parseInput(riskCategoryInput, body, what);
  return inActorTransaction(db, actor, async (trx) => {
    if (await categoryExists(trx, input.code)) throw new StyrkortError('conflict', `Riskkategori ${input.code} finns redan.`, [{ where: 'code', message: 'upptagen' }]);
    const details = await parentProblem(trx, input.code, input.parentCode);
    if (details.length > 0) throw invalid(what, details);
    await insertCategory(trx, input);
    return listRiskCategories(trx);
  });
}

export async function updateRiskCategory(db: Store, code: string, body: unknown, actor: Actor): Promise<StoredCategory[]> {
  const what = 'Riskkategorin kan inte ändras';
  const patch = parseInput(riskCategoryUpdateInput, body, what);
  return inActorTransaction(db, actor, async (trx) => {
    const before = (await listRiskCategories(trx)).find((c) => c.code === code);
    if (!before) throw new StyrkortError('not_found', `Riskkategori ${code} finns inte`);
    const after = { ...before, ...patch };
    const details = await parentProblem(trx, code, after.parentCode);
    if (details.length > 0) throw invalid(what, details);
    await updateCategoryRow(trx, before, after);
    return listRiskCategories(trx);
  });
}

async function areaProblem(db: Db, areaId: string | null): Promise<ErrorDetail[]> {
  if (areaId === null || (await existingIds(db, 'area', [areaId])).has(areaId)) return [];
  return [{ where: 'areaId', message: `området "${areaId}" finns inte` }];
}

export async function createRiskRegister(db: Store, body: unknown, actor: Actor): Promise<RegisterView> {
  const what = 'Riskregistret kan inte läggas till';
  const input = parseInput(riskRegisterCreateInput, body, what);
  return inActorTransaction(db, actor, async (trx) => {
    const taken = await existingIds(trx, 'risk_register');
    const id = input.id ?? uniqueId(slugify(`${input.title} ${input.year}`), taken);
    if (taken.has(id)) throw new StyrkortError('conflict', `Riskregistret "${id}" finns redan.`, [{ where: 'id', message: 'upptaget' }]);
    const details = await areaProblem(trx, input.areaId);
    if (details.length > 0) throw invalid(what, details);
    await insertRegister(trx, { ...input, id });
    return register(trx, id);
  });
}

export async function updateRiskRegister(db: Store, id: string, body: unknown, actor: Actor): Promise<RegisterView> {
  const what = 'Riskregistret kan inte ändras';
  const patch = parseInput(riskRegisterUpdateInput, body, what);
  return inActorTransaction(db, actor, async (trx) => {
    const before = await register(trx, id);
    const after = { ...before, ...patch };
    const details = await areaProblem(trx, after.areaId);
    if (details.length > 0) throw invalid(what, details);
    await updateRegisterRow(trx, before, after);
    return register(trx, id);
  });
}

async function categoryProblem(db: Db, code: string): Promise<ErrorDetail[]> {
  return (await categoryExists(db, code)) ? [] : [{ where: 'categoryCode', message: `riskkategori ${code} finns inte` }];
}

export async function createRisk(db: Store, registerId: string, body: unknown, actor: Actor): Promise<RegisterView> {
  const what = 'Risken kan inte läggas till';
  const input = parseInput(riskCreateInput, body, what);
  return inActorTransaction(db, actor, async (trx) => {
    const reg = await register(trx, registerId);
    const taken = await riskIds(trx);
    const id = input.id ?? uniqueId(`${registerId}-${slugify(input.title)}`.slice(0, 100), taken);
    if (taken.has(id)) throw new StyrkortError('conflict', `Risken "${id}" finns redan.`, [{ where: 'id', message: 'upptaget' }]);
    const details = await categoryProblem(trx, input.categoryCode);
    if (details.length > 0) throw invalid(what, details);
    await insertRisk(trx, { ...input, id, registerId, position: reg.risks.length + 1 });
    return register(trx, registerId);
  });
}

export async function updateRisk(db: Store, riskId: string, body: unknown, actor: Actor): Promise<RegisterView> {
  const what = 'Risken kan inte ändras';
  const patch = parseInput(riskUpdateInput, body, what);
  return inActorTransaction(db, actor, async (trx) => {
    const before = await findRisk(trx, riskId);
    if (!before) throw new StyrkortError('not_found', `Risken "${riskId}" finns inte`);
    const count = (await register(trx, before.registerId)).risks.length;
    const after: StoredRisk = { ...before, ...patch };
    const shape = riskShape.safeParse(after);
    const details: ErrorDetail[] = shape.success ? [] : issuesToDetails(shape.error.issues);
    if (after.position > count) details.push({ where: 'position', message: `registret har ${count} risker` });
    details.push(...(await categoryProblem(trx, after.categoryCode)));
    if (details.length > 0) throw invalid(what, details);
    await updateRiskRow(trx, before, after);
    return register(trx, before.registerId);
  });
}

export async function deleteRisk(db: Store, riskId: string, actor: Actor): Promise<RegisterView> {
  return inActorTransaction(db, actor, async (trx) => {
    const before = await findRisk(trx, riskId);
    if (!before) throw new StyrkortError('not_found', `Risken "${riskId}" finns inte`);
    await deleteRiskRow(trx, before);
    return register(trx, before.registerId);
  });
}
