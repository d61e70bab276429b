import { slugify, uniqueId } from '../../domain/authoring.js';
import { personCreateInput, personTitleInput, personTitleShape, personTitleUpdateInput, personUpdateInput } from '../../domain/catalogAuthoring.js';
import { StyrkortError, type ErrorDetail } from '../../domain/errors.js';
import { issuesToDetails } from '../../domain/validation.js';
import { inActorTransaction, type Actor } from '../../db/actor.js';
import { existingIds } from '../../db/repositories/authoring.js';
import { deleteTitleRow, findPerson, findTitle, insertPerson, insertTitle, renamePerson, updateTitleRow, type StoredPerson, type StoredTitle } from '../../db/repositories/catalogWrites.js';
import type { Db } from '../../db/repositories/types.js';
import type { Store } from '../store.js';
import { invalid, parseInput } from './input.js';

/**
 * Secretaries keep the people who present items and the titles they hold over time: a new
 * presenter, a new title from a date, a title that ended. Every change is audited old → new.
 * A title held twice from the same day is refused; overlapping titles are allowed (a director
 * who is also acting head of another unit), and the agenda prints the one taken up last.
 */
async function person(db: Db, id: string): Promise<StoredPerson> {
  const found = await findPerson(db, id);
  if (!found) throw new StyrkortError('not_found', `Personen "${id}" finns inte`);
  return found;
}

function sameTitle(a: Omit<StoredTitle, 'id'>, b: Omit<StoredTitle, 'id'>): boolean {
  return a.title === b.title && a.validFrom === b.validFrom;
}

function duplicateTitle(p: StoredPerson, t: Omit<StoredTitle, 'id'>, except: number | null, what: string): void {
  if (p.titles.some((o) => o.id !== except && sameTitle(o, t))) {
    throw new StyrkortError('conflict', `${what}: ${p.name} har redan titeln "${t.title}" från ${t.validFrom}.`, [{ where: 'title', message: 'finns redan från samma dag' }]);
  }
}

export async function getPerson(db: Store, id: string): Promise<StoredPerson> {
  return person(db, id);
}

export async function createPerson(db: Store, body: unknown, actor: Actor): Promise<StoredPerson> {
  const what = 'Personen kan inte läggas till';
  const input = parseInput(personCreateInput, body, what);
  return inActorTransaction(db, actor, async (trx) => {
    const taken = await existingIds(trx, 'person');
    const id = input.id ?? uniqueId(slugify(input.name), taken);
    if (taken.has(id)) throw new StyrkortError('conflict', `Personen "${id}" finns redan.`, [{ where: 'id', message: 'upptaget' }]);
    const details: ErrorDetail[] = [];
    input.titles.forEach((t, n) => {
      if (input.titles.slice(0, n).some((o) => sameTitle({ ...o, personId: id }, { ...t, personId: id }))) details.push({ where: `titles[${n}]`, message: 'samma titel från samma dag två gånger' });
    });
    if (details.length > 0) throw invalid(what, details);
    await insertPerson(trx, id, input.name);
    for (const t of input.titles) await insertTitle(trx, { ...t, personId: id });
    return person(trx, id);
  });
}

export async function updatePerson(db: Store, id: string, body: unknown, actor: Actor): Promise<StoredPerson> {
  const patch = parseInput(personUpdateInput, body, 'Personen kan inte ändras');
  return inActorTransaction(db, actor, async (trx) => {
    await person(trx, id);
    if (patch.name !== undefined) await renamePerson(trx, id, patch.name);
    return person(trx, id);
  });
}

export async function addTitle(db: Store, personId: string, body: unknown, actor: Actor): Promise<StoredPerson> {
  const what = 'Titeln kan inte läggas till';
  const input = parseInput(personTitleInput, body, what);
  return inActorTransaction(db, actor, async (trx) => {
    const p = await person(trx, personId);
    const title = { ...input, personId };
    duplicateTitle(p, title, null, what);
    await insertTitle(trx, title);
    return person(trx, personId);
  });
}

export async function updateTitle(db: Store, titleId: number, body: unknown, actor: Actor): Promise<StoredPerson> {
  const what = 'Titeln kan inte ändras';
  const patch = parseInput(personTitleUpdateInput, body, what);
  return inActorTransaction(db, actor, async (trx) => {
    const before = await findTitle(trx, titleId);
    if (!before) throw new StyrkortError('not_found', `Titeln ${titleId} finns inte`);
    const after: StoredTitle = { ...before, ...patch };
    const shape = personTitleShape.safeParse(after);
    if (!shape.success) throw invalid(what, issuesToDetails(shape.error.issues));
    duplicateTitle(await person(trx, before.personId), after, before.id, what);
    await updateTitleRow(trx, before, after);
    return person(trx, before.personId);
  });
}

export async function deleteTitle(db: Store, titleId: number, actor: Actor): Promise<StoredPerson> {
  return inActorTransaction(db, actor, async (trx) => {
    const before = await findTitle(trx, titleId);
    if (!before) throw new StyrkortError('not_found', `Titeln ${titleId} finns inte`);
    await deleteTitleRow(trx, titleId);
    return person(trx, before.personId);
  });
}
