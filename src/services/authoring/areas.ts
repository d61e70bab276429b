import { ancestorsOf, type Area } from '../../domain/area.js';
import { slugify, uniqueId } from '../../domain/authoring.js';
import { areaCreateInput, areaUpdateInput } from '../../domain/catalogAuthoring.js';
import { StyrkortError, type ErrorDetail } from '../../domain/errors.js';
import { inActorTransaction, type Actor } from '../../db/actor.js';
import { listAreas } from '../../db/repositories/areas.js';
import { areaWithKoladaId, insertArea, updateAreaRow } from '../../db/repositories/catalogWrites.js';
import type { Db } from '../../db/repositories/types.js';
import type { Store } from '../store.js';
import { invalid, parseInput } from './input.js';

/**
 * Analysts keep the areas values are measured for: the own organisation (region →
 * förvaltning → enhet), the comparison regions, and aggregates with their members. A parent
 * and members must exist; an area is never its own ancestor or member; a Kolada id names one
 * area only. Audited old → new; the scorecard's cached catalog follows at once.
 */
async function problems(db: Db, area: Area, stored: readonly Area[]): Promise<ErrorDetail[]> {
  const details: ErrorDetail[] = [];
  const byId = new Map(stored.map((a) => [a.id, a]));
  byId.set(area.id, area);
  if (area.parentId !== null) {
    if (!byId.has(area.parentId) || area.parentId === area.id) details.push({ where: 'parentId', message: area.parentId === area.id ? 'ett område kan inte ligga under sig självt' : `området "${area.parentId}" finns inte` });
    else if (ancestorsOf(area.parentId, byId).some((a) => a.id === area.id)) details.push({ where: 'parentId', message: `"${area.parentId}" ligger redan under ${area.name}` });
  }
  area.memberIds.forEach((m, n) => {
    if (m === area.id) details.push({ where: `memberIds[${n}]`, message: 'ett område kan inte vara medlem i sig självt' });
    else if (!byId.has(m)) details.push({ where: `memberIds[${n}]`, message: `området "${m}" finns inte` });
  });
  if (area.koladaId !== null) {
    const holder = await areaWithKoladaId(db, area.koladaId);
    if (holder !== null && holder !== area.id) details.push({ where: 'koladaId', message: `Kolada-id ${area.koladaId} hör redan till "${holder}"` });
  }
  return details;
}

async function areaById(db: Db, id: string): Promise<Area> {
  const found = (await listAreas(db)).find((a) => a.id === id);
  if (!found) throw new StyrkortError('not_found', `Området "${id}" finns inte`);
  return found;
}

export async function createArea(db: Store, body: unknown, actor: Actor): Promise<Area> {
  const what = 'Området kan inte läggas till';
  const input = parseInput(areaCreateInput, body, what);
  return inActorTransaction(db, actor, async (trx) => {
    const stored = await listAreas(trx);
    const taken = new Set(stored.map((a) => a.id));
    const id = input.id ?? uniqueId(slugify(input.name), taken);
    if (taken.has(id)) throw new StyrkortError('conflict', `Området "${id}" finns redan.`, [{ where: 'id', message: 'upptaget' }]);
    const area: Area = { ...input, id, memberIds: [...new Set(input.memberIds)], aliases: [...new Set(input.aliases)] };
    const details = await problems(trx, area, stored);
    if (details.length > 0) throw invalid(what, details);
    await insertArea(trx, area);
    return areaById(trx, id);
  });
}

export async function updateArea(db: Store, id: string, body: unknown, actor: Actor): Promise<Area> {
  const what = 'Området kan inte ändras';
  const patch = parseInput(areaUpdateInput, body, what);
  return inActorTransaction(db, actor, async (trx) => {
    const stored = await listAreas(trx);
    const before = stored.find((a) => a.id === id);
    if (!before) throw new StyrkortError('not_found', `Området "${id}" finns inte`);
    const after: Area = {
      ...before,
      ...patch,
      memberIds: patch.memberIds ? [...new Set(patch.memberIds)] : before.memberIds,
      aliases: patch.aliases ? [...new Set(patch.aliases)] : before.aliases,
    };
    const details = await problems(trx, after, stored);
    if (details.length > 0) throw invalid(what, details);
    await updateAreaRow(trx, before, after);
    return areaById(trx, id);
  });
}
