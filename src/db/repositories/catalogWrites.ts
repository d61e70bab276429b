import { sql } from 'kysely';
import type { Area } from '../../domain/area.js';
import type { Db } from './types.js';

/**
 * Writes of the catalog's own kinds as authors make them one at a time: people and titles,
 * areas and members, plan periods, goals and goal lines, focus areas, risk categories, registers
 * and risks. Callers hold an actor transaction, so the audit trigger records each row old → new;
 * only what differs is written. (A catalog load from files: services/catalog.ts.)
 */

// people -------------------------------------------------------------------------------------

export interface StoredTitle {
  id: number;
  personId: string;
  title: string;
  roleId: string | null;
  validFrom: string;
  validTo: string | null;
}

export interface StoredPerson {
  id: string;
  name: string;
  titles: StoredTitle[];
}

function toTitle(t: { id: string | number; person_id: string; title: string; role_id: string | null; valid_from: string; valid_to: string | null }): StoredTitle {
  return { id: Number(t.id), personId: t.person_id, title: t.title, roleId: t.role_id, validFrom: t.valid_from, validTo: t.valid_to };
}

export async function findPerson(db: Db, id: string): Promise<StoredPerson | null> {
  const person = await db.selectFrom('person').selectAll().where('id', '=', id).executeTakeFirst();
  if (!person) return null;
  const titles = await db.selectFrom('person_title').selectAll().where('person_id', '=', id).orderBy('valid_from').orderBy('id').execute();
  return { id: person.id, name: person.name, titles: titles.map(toTitle) };
}

export async function insertPerson(db: Db, id: string, name: string): Promise<void> {
  await db.insertInto('person').values({ id, name }).execute();
}

export async function renamePerson(db: Db, id: string, name: string): Promise<void> {
  await db.updateTable('person').set({ name }).where('id', '=', id).where('name', '<>', name).execute();
}

export async function findTitle(db: Db, id: number): Promise<StoredTitle | null> {
  const row = await db.selectFrom('person_title').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toTitle(row) : null;
}

function titleRow(t: Omit<StoredTitle, 'id'>) {
  return { person_id: t.personId, title: t.title, role_id: t.roleId, valid_from: t.validFrom, valid_to: t.validTo };
}

export async function insertTitle(db: Db, t: Omit<StoredTitle, 'id'>): Promise<void> {
  await db.insertInto('person_title').values(titleRow(t)).execute();
}

export async function updateTitleRow(db: Db, before: StoredTitle, after: StoredTitle): Promise<void> {
  const a = titleRow(before);
  const b = titleRow(after);
  const changed = Object.fromEntries(Object.entries(b).filter(([k, v]) => a[k as keyof typeof a] !== v));
  if (Object.keys(changed).length > 0) await db.updateTable('person_title').set(changed).where('id', '=', before.id).execute();
}

export async function deleteTitleRow(db: Db, id: number): Promise<void> {
  await db.deleteFrom('person_title').where('id', '=', id).execute();
}

// areas --------------------------------------------------------------------------------------

function areaRow(a: Area) {
  return { kind: a.kind, name: a.name, short_name: a.shortName, kolada_id: a.koladaId, parent_id: a.parentId, aliases: [...a.aliases] };
}

export async function insertArea(db: Db, a: Area): Promise<void> {
  await db.insertInto('area').values({ id: a.id, ...areaRow(a) }).execute();
  if (a.memberIds.length > 0) await db.insertInto('area_member').values(a.memberIds.map((m) => ({ group_id: a.id, member_id: m }))).execute();
}

export async function updateAreaRow(db: Db, before: Area, after: Area): Promise<void> {
  const a = areaRow(before);
  const b = areaRow(after);
  const changed = Object.fromEntries(Object.entries(b).filter(([k, v]) => JSON.stringify(a[k as keyof typeof a]) !== JSON.stringify(v)));
  if (Object.keys(changed).length > 0) await db.updateTable('area').set(changed).where('id', '=', after.id).execute();
  const gone = before.memberIds.filter((m) => !after.memberIds.includes(m));
  const added = after.memberIds.filter((m) => !before.memberIds.includes(m));
  if (gone.length > 0) await db.deleteFrom('area_member').where('group_id', '=', after.id).where('member_id', 'in', gone).execute();
  if (added.length > 0) await db.insertInto('area_member').values(added.map((m) => ({ group_id: after.id, member_id: m }))).execute();
}

export async function areaWithKoladaId(db: Db, koladaId: string): Promise<string | null> {
  return (await db.selectFrom('area').select('id').where('kolada_id', '=', koladaId).executeTakeFirst())?.id ?? null;
}

// plan ---------------------------------------------------------------------------------------

export async function insertGoalLine(db: Db, id: string): Promise<void> {
  await db.insertInto('goal_line').values({ id, aliases: [] }).execute();
}

export async function setGoalLineAliases(db: Db, id: string, aliases: readonly string[]): Promise<void> {
  await db.updateTable('goal_line').set({ aliases: [...aliases] }).where('id', '=', id).execute();
}

export async function insertPlanPeriod(db: Db, id: string, startYear: number, endYear: number): Promise<void> {
  await db.insertInto('plan_period').values({ id, start_year: startYear, end_year: endYear }).execute();
}

export interface GoalRow {
  id: string;
  lineId: string;
  position: number;
  name: string;
}

/**
 * Makes a plan period's goals exactly `goals`, in order: kept goals (same line) renamed or moved
 * in place, new ones inserted, the rest deleted. Positions are checked at commit (deferrable).
 */
export async function replaceGoals(db: Db, periodId: string, before: readonly GoalRow[], goals: readonly GoalRow[]): Promise<void> {
  await sql`set constraints all deferred`.execute(db);
  const kept = new Map(before.map((g) => [g.id, g]));
  const gone = before.filter((g) => !goals.some((n) => n.id === g.id)).map((g) => g.id);
  if (gone.length > 0) await db.deleteFrom('goal').where('id', 'in', gone).execute();
  for (const g of goals) {
    const old = kept.get(g.id);
    if (!old) await db.insertInto('goal').values({ id: g.id, plan_period_id: periodId, goal_line_id: g.lineId, position: g.position, name: g.name }).execute();
    else if (old.position !== g.position || old.name !== g.name) await db.updateTable('goal').set({ position: g.position, name: g.name }).where('id', '=', g.id).execute();
  }
}

/** Agenda items filed under any of these goals: goals in use cannot be removed. */
export async function itemsUnderGoals(db: Db, goalIds: readonly string[]): Promise<Array<{ goalId: string; itemTitle: string; meetingId: string }>> {
  if (goalIds.length === 0) return [];
  const rows = await db.selectFrom('agenda_item').select(['goal_id', 'title', 'meeting_id']).where('goal_id', 'in', [...goalIds]).orderBy('meeting_id').execute();
  return rows.map((r) => ({ goalId: r.goal_id, itemTitle: r.title, meetingId: r.meeting_id }));
}

/** Makes a year's focus areas exactly `areas`, in order, under `lead`. */
export async function replaceFocusAreas(db: Db, year: number, lead: string, areas: readonly string[]): Promise<void> {
  await db
    .insertInto('focus_area_set')
    .values({ year, lead })
    .onConflict((oc) => oc.column('year').doUpdateSet({ lead }).where('focus_area_set.lead', '<>', lead))
    .execute();
  const stored = await db.selectFrom('focus_area').selectAll().where('year', '=', year).orderBy('position').execute();
  for (const [i, text] of areas.entries()) {
    const old = stored[i];
    if (!old) await db.insertInto('focus_area').values({ year, position: i + 1, text }).execute();
    else if (old.text !== text) await db.updateTable('focus_area').set({ text }).where('year', '=', year).where('position', '=', i + 1).execute();
  }
  if (stored.length > areas.length) await db.deleteFrom('focus_area').where('year', '=', year).where('position', '>', areas.length).execute();
}

// risks --------------------------------------------------------------------------------------

export interface StoredRisk {
  id: string;
  registerId: string;
  position: number;
  categoryCode: string;
  title: string;
  probability: number | null;
  consequence: number | null;
  reportedScore: number | null;
  control: string | null;
  owner: string | null;
}

export interface StoredRegister {
  id: string;
  title: string;
  year: number;
  areaId: string | null;
  risks: StoredRisk[];
}

export interface StoredCategory {
  code: string;
  parentCode: string | null;
  label: string;
}

function toRisk(k: { id: string; register_id: string; position: number; category_code: string; title: string; probability: number | null; consequence: number | null; reported_score: number | null; control: string | null; owner: string | null }): StoredRisk {
  return {
    id: k.id,
    registerId: k.register_id,
    position: k.position,
    categoryCode: k.category_code,
    title: k.title,
    probability: k.probability,
    consequence: k.consequence,
    reportedScore: k.reported_score,
    control: k.control,
    owner: k.owner,
  };
}

export async function listRegisters(db: Db, id?: string): Promise<StoredRegister[]> {
  let registers = db.selectFrom('risk_register').selectAll().orderBy('year', 'desc').orderBy('id');
  if (id !== undefined) registers = registers.where('id', '=', id);
  const regs = await registers.execute();
  if (regs.length === 0) return [];
  const risks = await db.selectFrom('risk').selectAll().where('register_id', 'in', regs.map((r) => r.id)).orderBy('register_id').orderBy('position').execute();
  return regs.map((r) => ({ id: r.id, title: r.title, year: r.year, areaId: r.area_id, risks: risks.filter((k) => k.register_id === r.id).map(toRisk) }));
}

export async function insertCategory(db: Db, c: StoredCategory): Promise<void> {
  await db.insertInto('risk_category').values({ code: c.code, parent_code: c.parentCode, label: c.label }).execute();
}

export async function updateCategoryRow(db: Db, before: StoredCategory, after: StoredCategory): Promise<void> {
  if (before.parentCode === after.parentCode && before.label === after.label) return;
  await db.updateTable('risk_category').set({ parent_code: after.parentCode, label: after.label }).where('code', '=', after.code).execute();
}

export async function insertRegister(db: Db, r: Omit<StoredRegister, 'risks'>): Promise<void> {
  await db.insertInto('risk_register').values({ id: r.id, title: r.title, year: r.year, area_id: r.areaId }).execute();
}

export async function updateRegisterRow(db: Db, before: Omit<StoredRegister, 'risks'>, after: Omit<StoredRegister, 'risks'>): Promise<void> {
  const changed = Object.fromEntries(
    ([['title', after.title, before.title], ['year', after.year, before.year], ['area_id', after.areaId, before.areaId]] as const).filter(([, a, b]) => a !== b).map(([k, a]) => [k, a]),
  );
  if (Object.keys(changed).length > 0) await db.updateTable('risk_register').set(changed).where('id', '=', after.id).execute();
}

function riskRow(k: StoredRisk) {
  return {
    register_id: k.registerId,
    position: k.position,
    category_code: k.categoryCode,
    title: k.title,
    probability: k.probability,
    consequence: k.consequence,
    reported_score: k.reportedScore,
    control: k.control,
    owner: k.owner,
  };
}

export async function findRisk(db: Db, id: string): Promise<StoredRisk | null> {
  const row = await db.selectFrom('risk').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toRisk(row) : null;
}

export async function insertRisk(db: Db, k: StoredRisk): Promise<void> {
  await db.insertInto('risk').values({ id: k.id, ...riskRow(k) }).execute();
}

/** Writes a risk's changed fields; a new position moves the risks between its old and new place. */
export async function updateRiskRow(db: Db, before: StoredRisk, after: StoredRisk): Promise<void> {
  await sql`set constraints all deferred`.execute(db);
  if (after.position !== before.position) {
    if (after.position < before.position) {
      await db.updateTable('risk').set((eb) => ({ position: eb('position', '+', 1) })).where('register_id', '=', before.registerId).where('position', '>=', after.position).where('position', '<', before.position).execute();
    } else {
      await db.updateTable('risk').set((eb) => ({ position: eb('position', '-', 1) })).where('register_id', '=', before.registerId).where('position', '>', before.position).where('position', '<=', after.position).execute();
    }
  }
  const a = riskRow(before);
  const b = riskRow(after);
  const changed = Object.fromEntries(Object.entries(b).filter(([k, v]) => a[k as keyof typeof a] !== v));
  if (Object.keys(changed).length > 0) await db.updateTable('risk').set(changed).where('id', '=', after.id).execute();
}

export async function deleteRiskRow(db: Db, k: StoredRisk): Promise<void> {
  await sql`set constraints all deferred`.execute(db);
  await db.deleteFrom('risk').where('id', '=', k.id).execute();
  await db.updateTable('risk').set((eb) => ({ position: eb('position', '-', 1) })).where('register_id', '=', k.registerId).where('position', '>', k.position).execute();
}

export async function riskIds(db: Db): Promise<Set<string>> {
  return new Set((await db.selectFrom('risk').select('id').execute()).map((r) => r.id));
}

export async function categoryExists(db: Db, code: string): Promise<boolean> {
  return (await db.selectFrom('risk_category').select('code').where('code', '=', code).executeTakeFirst()) !== undefined;
}
