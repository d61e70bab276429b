import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Principal } from '../../src/domain/access.js';
import { rebuildFromAudit, type AuditEntry, type AuditOperation } from '../../src/domain/audit.js';
import { inActorTransaction, type Actor } from '../../src/db/actor.js';
import { createLocalUser, setPassword, updateUser, userForIdentity } from '../../src/services/accounts.js';
import { createArea, updateArea } from '../../src/services/authoring/areas.js';
import { addTitle, createPerson, deleteTitle, updateTitle } from '../../src/services/authoring/people.js';
import { createPlanPeriod, putFocusAreas, updatePlanPeriod } from '../../src/services/authoring/plan.js';
import { createRisk, createRiskRegister, deleteRisk, updateRisk } from '../../src/services/authoring/risks.js';
import { createIndicator, createTarget, deleteTarget, updateIndicator, updateTarget } from '../../src/services/authoring/indicators.js';
import { replaceBlocks, updateItem } from '../../src/services/authoring/items.js';
import { addItem, createMeeting, deleteItem, orderItems, setPresenters, updateMeeting } from '../../src/services/authoring/meetings.js';
import { loadDeckTheme } from '../../src/services/deckTheme.js';
import { undoImportBatch } from '../../src/services/importBatches.js';
import { commitMeasurementPlan, planMeasurementImport } from '../../src/services/measurementCommit.js';
import { publishMeeting, startCorrection, withdrawVersion } from '../../src/services/publishing.js';
import { demoDatabase } from '../support/demo.js';
import type { TestDatabase } from '../support/testDatabase.js';

/**
 * The audit trail alone rebuilds the data: random sequences of changes through the services —
 * indicators, targets, measurements through the one commit path (and undo), meetings, items,
 * presenters, blocks, ordering, ready flags, publishing, corrections, withdrawals, users, their
 * roles, passwords and login identities — and then every audited table, rebuilt from the trail's
 * entries in order, equals the table as stored (less what the trail leaves out: files' bytes and
 * password hashes, which never enter it).
 */
const AUDITED: Record<string, string[]> = {
  indicator: ['id'],
  indicator_goal_line: ['indicator_id', 'goal_line_id'],
  target: ['id'],
  measurement: ['id'],
  import_batch: ['id'],
  person: ['id'],
  person_title: ['id'],
  meeting: ['id'],
  agenda_item: ['id'],
  agenda_item_presenter: ['item_id', 'position'],
  content_block: ['id'],
  meeting_version: ['meeting_id', 'version'],
  meeting_artifact: ['meeting_id', 'version', 'format'],
  app_user: ['id'],
  user_role: ['user_id', 'role'],
  user_identity: ['issuer', 'subject'],
  local_credential: ['user_id'],
  plan_period: ['id'],
  goal: ['id'],
  goal_line: ['id'],
  focus_area_set: ['year'],
  focus_area: ['year', 'position'],
  area: ['id'],
  area_member: ['group_id', 'member_id'],
  risk_category: ['code'],
  risk_register: ['id'],
  risk: ['id'],
  dataset: ['id'],
  asset: ['id'],
};
/** Columns the trail leaves out (styrkort_audit_attach's leave_out). */
const LEFT_OUT = ['bytes', 'password_hash'];
const SECRETARY: Principal = { userId: 'u-sekr', roles: ['secretary', 'analyst'], personId: null };
const PEOPLE = ['helena-nilsson', 'carl-johan-adolfsson', 'sofia-hartz', 'lars-mattsson'];
const GOALS = ['2026-2028:nojda-invanare', '2026-2028:hallbar-utveckling', '2026-2028:kvalitet', '2026-2028:arbetsplats', '2026-2028:ekonomi'];
const AREAS = ['0008', '0001', '0003', 'bup'];

let t: TestDatabase;
let theme: Awaited<ReturnType<typeof loadDeckTheme>>;
beforeAll(async () => {
  t = await demoDatabase();
  theme = await loadDeckTheme(null);
});
afterAll(async () => t.drop());

type Op =
  | { kind: 'indicator'; n: number; text: string }
  | { kind: 'target'; n: number; m: number; value: number }
  | { kind: 'measurements'; n: number; values: Array<number | null> }
  | { kind: 'undo'; n: number }
  | { kind: 'meeting'; n: number; copy: boolean }
  | { kind: 'item'; n: number; m: number; text: string }
  | { kind: 'presenters'; n: number; people: number[] }
  | { kind: 'blocks'; n: number; texts: string[] }
  | { kind: 'ready'; n: number; flag: boolean }
  | { kind: 'order'; n: number; seed: number }
  | { kind: 'deleteItem'; n: number }
  | { kind: 'meetingTitle'; n: number; text: string }
  | { kind: 'publish'; n: number }
  | { kind: 'correction'; n: number }
  | { kind: 'withdraw'; n: number; text: string }
  | { kind: 'user'; n: number; text: string }
  | { kind: 'roles'; n: number; roles: number[] }
  | { kind: 'disable'; n: number; flag: boolean }
  | { kind: 'password'; n: number }
  | { kind: 'identity'; n: number }
  | { kind: 'person'; n: number; m: number; text: string }
  | { kind: 'area'; n: number; text: string }
  | { kind: 'risk'; n: number; m: number; text: string }
  | { kind: 'plan'; n: number; text: string };

const text = fc.string({ minLength: 1, maxLength: 12 }).map((s) => `T ${s.replace(/[<>\\]/g, '')}`.trim());
const nat = fc.nat({ max: 1000 });
const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('indicator' as const), n: nat, text }),
  fc.record({ kind: fc.constant('target' as const), n: nat, m: nat, value: fc.integer({ min: 0, max: 100 }) }),
  fc.record({ kind: fc.constant('measurements' as const), n: nat, values: fc.array(fc.option(fc.integer({ min: -50, max: 500 }), { nil: null }), { minLength: 1, maxLength: 6 }) }),
  fc.record({ kind: fc.constant('undo' as const), n: nat }),
  fc.record({ kind: fc.constant('meeting' as const), n: nat, copy: fc.boolean() }),
  fc.record({ kind: fc.constant('item' as const), n: nat, m: nat, text }),
  fc.record({ kind: fc.constant('presenters' as const), n: nat, people: fc.array(fc.nat({ max: PEOPLE.length - 1 }), { maxLength: 3 }) }),
  fc.record({ kind: fc.constant('blocks' as const), n: nat, texts: fc.array(text, { maxLength: 3 }) }),
  fc.record({ kind: fc.constant('ready' as const), n: nat, flag: fc.boolean() }),
  fc.record({ kind: fc.constant('order' as const), n: nat, seed: nat }),
  fc.record({ kind: fc.constant('deleteItem' as const), n: nat }),
  fc.record({ kind: fc.constant('meetingTitle' as const), n: nat, text }),
  fc.record({ kind: fc.constant('publish' as const), n: nat }),
  fc.record({ kind: fc.constant('correction' as const), n: nat }),
  fc.record({ kind: fc.constant('withdraw' as const), n: nat, text }),
  fc.record({ kind: fc.constant('user' as const), n: nat, text }),
  fc.record({ kind: fc.constant('roles' as const), n: nat, roles: fc.array(fc.nat({ max: ROLES.length - 1 }), { maxLength: 3 }) }),
  fc.record({ kind: fc.constant('disable' as const), n: nat, flag: fc.boolean() }),
  fc.record({ kind: fc.constant('password' as const), n: nat }),
  fc.record({ kind: fc.constant('identity' as const), n: nat }),
  fc.record({ kind: fc.constant('person' as const), n: nat, m: nat, text }),
  fc.record({ kind: fc.constant('area' as const), n: nat, text }),
  fc.record({ kind: fc.constant('risk' as const), n: nat, m: nat, text }),
  fc.record({ kind: fc.constant('plan' as const), n: nat, text }),
);

const pick = <T>(list: readonly T[], n: number): T | null => (list.length === 0 ? null : (list[n % list.length] as T));

async function ids(query: string): Promise<string[]> {
  const r = await sql<{ id: string }>`${sql.raw(query)}`.execute(t.db);
  return r.rows.map((x) => String(x.id));
}

let dateCounter = 0;
async function apply(o: Op, actor: Actor): Promise<void> {
  const drafts = () => ids(`select id from meeting where status = 'draft' and id like 'prop-%' order by id`);
  const draftItems = () => ids(`select i.id from agenda_item i join meeting m on m.id = i.meeting_id where m.status = 'draft' and m.id like 'prop-%' order by i.id`);
  switch (o.kind) {
    case 'indicator': {
      const id = `prop-ind-${o.n % 3}`;
      if ((await ids(`select id from indicator where id = '${id}'`)).length === 0) {
        await createIndicator(t.db, { id, name: o.text, unit: 'antal', decimals: 0, direction: 'neutral', periodType: 'month', kind: 'count', source: 'Test', goalLineIds: ['kvalitet'] }, actor);
      } else {
        await updateIndicator(t.db, id, { name: o.text, goalLineIds: o.n % 2 === 0 ? ['kvalitet', 'ekonomi'] : [] }, actor);
      }
      return;
    }
    case 'target': {
      const indicator = pick(await ids(`select id from indicator where id like 'prop-ind-%' order by id`), o.n);
      if (!indicator) return;
      const targets = await ids(`select id from target where indicator_id = '${indicator}' order by id`);
      const target = pick(targets, o.m);
      if (target && o.m % 3 === 0) await deleteTarget(t.db, target, actor);
      else if (target && o.m % 3 === 1) await updateTarget(t.db, target, { threshold: o.value, label: `Mål ${o.value}` }, actor);
      else await createTarget(t.db, indicator, { id: `prop-target-${o.n}-${o.m}`.slice(0, 40), comparator: 'gte', threshold: o.value, validFromYear: 2026, source: 'local', label: 'Mål' }, actor).catch(() => undefined);
      return;
    }
    case 'measurements': {
      const indicator = pick(await ids(`select id from indicator where id like 'prop-ind-%' order by id`), o.n);
      if (!indicator) return;
      const rows = o.values.map((value, i) => ({
        indicatorId: indicator,
        areaId: AREAS[(o.n + i) % AREAS.length] as string,
        period: `2026-0${(i % 6) + 1}`,
        breakdown: '',
        scenario: 'utfall' as const,
        asOf: '',
        value,
        numerator: null,
        denominator: null,
        preliminary: i % 2 === 0,
        comment: null,
        source: 'Test',
        sourceRow: i + 2,
        sourceRef: null,
      }));
      const unique = [...new Map(rows.map((r) => [`${r.areaId}|${r.period}`, r])).values()];
      await inActorTransaction(t.db, actor, async (trx) => {
        const plan = await planMeasurementImport(trx, unique);
        await commitMeasurementPlan(trx, plan, { kind: 'manual', fileName: null, fileSha256: null, createdBy: actor.name });
      });
      return;
    }
    case 'undo': {
      const batch = pick(await ids(`select id from import_batch where kind = 'manual' and undone_at is null order by id desc`), o.n);
      if (batch) await undoImportBatch(t.db, Number(batch), actor.name, actor).catch(() => undefined);
      return;
    }
    case 'meeting': {
      dateCounter += 1;
      const date = new Date(Date.UTC(2027, 0, 1) + (dateCounter + o.n) * 86_400_000).toISOString().slice(0, 10);
      await createMeeting(t.db, SECRETARY, { id: `prop-${date}`, body: 'Regionstyrelsen', date, planPeriodId: '2026-2028', focusYear: 2026, copyFrom: o.copy ? 'rs-2025-12-10' : null }, actor).catch(() => undefined);
      return;
    }
    case 'item': {
      const meeting = pick(await drafts(), o.n);
      if (meeting) await addItem(t.db, SECRETARY, meeting, { goalId: GOALS[o.m % GOALS.length], title: o.text, presenters: [{ personId: PEOPLE[o.m % PEOPLE.length] }] }, actor);
      return;
    }
    case 'presenters': {
      const item = pick(await draftItems(), o.n);
      if (item) await setPresenters(t.db, SECRETARY, item, { presenters: [...new Set(o.people)].map((p) => ({ personId: PEOPLE[p] })) }, actor);
      return;
    }
    case 'blocks': {
      const item = pick(await draftItems(), o.n);
      if (item) await replaceBlocks(t.db, SECRETARY, item, o.texts.map((markdown) => ({ type: 'text', markdown })), actor);
      return;
    }
    case 'ready': {
      const item = pick(await draftItems(), o.n);
      if (item) await updateItem(t.db, SECRETARY, item, { ready: o.flag }, actor);
      return;
    }
    case 'order': {
      const meeting = pick(await drafts(), o.n);
      if (!meeting) return;
      const items = await sql<{ id: string; goal_id: string }>`select id, goal_id from agenda_item where meeting_id = ${meeting} order by id`.execute(t.db);
      const shuffled = [...items.rows].sort((a, b) => ((a.id.length * 31 + o.seed) % 7) - ((b.id.length * 17 + o.seed) % 7));
      await orderItems(t.db, SECRETARY, meeting, { items: shuffled.map((i, k) => ({ id: i.id, goalId: k === 0 ? (GOALS[o.seed % GOALS.length] as string) : i.goal_id })) }, actor);
      return;
    }
    case 'deleteItem': {
      const item = pick(await draftItems(), o.n);
      if (item) await deleteItem(t.db, SECRETARY, item, actor);
      return;
    }
    case 'meetingTitle': {
      const meeting = pick(await drafts(), o.n);
      if (meeting) await updateMeeting(t.db, SECRETARY, meeting, { title: o.text }, actor);
      return;
    }
    case 'publish': {
      const meeting = pick(await drafts(), o.n);
      if (meeting) await publishMeeting(t.db, meeting, actor, { deck: { theme, chromiumPath: '/finns-inte/chromium' }, allowMissingPdf: true });
      return;
    }
    case 'correction': {
      const meeting = pick(await ids(`select id from meeting where status = 'published' and id like 'prop-%' order by id`), o.n);
      if (meeting) await startCorrection(t.db, meeting, actor);
      return;
    }
    case 'withdraw': {
      const version = pick(await ids(`select meeting_id || '#' || version as id from meeting_version where withdrawn_at is null and meeting_id like 'prop-%' order by 1`), o.n);
      if (!version) return;
      const [meeting, n] = version.split('#') as [string, string];
      await withdrawVersion(t.db, meeting, Number(n), `Skäl: ${o.text}`, actor);
      return;
    }
    case 'user': {
      const username = `prop-user-${o.n % 4}`;
      const found = await ids(`select user_id as id from local_credential where username = '${username}'`);
      if (found[0] === undefined) {
        await createLocalUser(t.db, actor, { username, displayName: o.text, password: `lösenord-${o.n}-för-test`, roles: [ROLES[o.n % ROLES.length] ?? 'reader'], personId: null, email: null }, new Date());
      } else {
        await updateUser(t.db, actor, found[0], { displayName: o.text, email: o.n % 2 === 0 ? `${username}@example.org` : null }, new Date());
      }
      return;
    }
    case 'roles':
    case 'disable':
    case 'password': {
      const user = pick(await ids(`select user_id as id from local_credential where username like 'prop-user-%' order by username`), o.n);
      if (!user) return;
      if (o.kind === 'roles') await updateUser(t.db, actor, user, { roles: o.roles.map((r) => ROLES[r] ?? 'reader') }, new Date());
      else if (o.kind === 'disable') await updateUser(t.db, actor, user, { disabled: o.flag }, new Date());
      else await setPassword(t.db, actor, user, `nytt-lösenord-${o.n}`, new Date());
      return;
    }
    case 'identity': {
      await userForIdentity(t.db, actor, { issuer: 'https://inloggning.example.org', subject: `subjekt-${o.n % 3}`, name: null, email: null });
      return;
    }
    case 'person': {
      const id = `prop-person-${o.n % 3}`;
      if ((await ids(`select id from person where id = '${id}'`)).length === 0) {
        await createPerson(t.db, { id, name: o.text, titles: [{ title: 'chef', validFrom: '2026-01-01' }] }, actor);
        return;
      }
      // each step adds a title, then ends up changing or deleting one, so every kind of change is reached
      await addTitle(t.db, id, { title: o.text, validFrom: `2026-${String((o.m % 12) + 1).padStart(2, '0')}-01` }, actor).catch(() => undefined);
      const title = pick(await ids(`select id from person_title where person_id = '${id}' order by id`), o.m);
      if (title && o.m % 2 === 0) await deleteTitle(t.db, Number(title), actor);
      else if (title) await updateTitle(t.db, Number(title), { validTo: '2027-12-31' }, actor).catch(() => undefined);
      return;
    }
    case 'area': {
      const id = `prop-area-${o.n % 3}`;
      if ((await ids(`select id from area where id = '${id}'`)).length === 0) await createArea(t.db, { id, kind: 'unit', name: o.text, parentId: 'bup' }, actor);
      else await updateArea(t.db, id, { name: o.text, memberIds: o.n % 2 === 0 ? ['0001', '0003'] : ['0003'] }, actor);
      return;
    }
    case 'risk': {
      const register = 'prop-register';
      if ((await ids(`select id from risk_register where id = '${register}'`)).length === 0) await createRiskRegister(t.db, { id: register, title: o.text, year: 2027 }, actor);
      const risk = pick(await ids(`select id from risk where register_id = '${register}' order by position`), o.m);
      if (risk && o.m % 3 === 0) await deleteRisk(t.db, risk, actor);
      else if (risk && o.m % 3 === 1) await updateRisk(t.db, risk, { title: o.text, position: 1, probability: (o.n % 4) + 1, consequence: 2 }, actor);
      else await createRisk(t.db, register, { categoryCode: '1', title: o.text, reportedScore: (o.n % 16) + 1 }, actor);
      return;
    }
    case 'plan': {
      const goals = [
        { lineId: 'ekonomi', name: o.text },
        { lineId: 'kvalitet', name: 'Sveriges bästa kvalitet, tillgänglighet och säkerhet' },
        ...(o.n % 2 === 0 ? [] : [{ lineId: 'arbetsplats', name: 'En av Sveriges bästa arbetsplatser' }]),
      ];
      if ((await ids(`select id from plan_period where id = '2040-2042'`)).length === 0) await createPlanPeriod(t.db, { startYear: 2040, endYear: 2042, goals }, actor);
      else await updatePlanPeriod(t.db, '2040-2042', { goals }, actor);
      await putFocusAreas(t.db, 2030, { lead: 'Tillsammans', areas: Array.from({ length: (o.n % 3) + 1 }, (_, i) => `${o.text} ${i}`) }, actor);
      return;
    }
  }
}

async function auditEntries(): Promise<AuditEntry[]> {
  const r = await sql<{ id: string; at: Date; actor_id: string | null; actor_name: string; db_role: string; request_id: string | null; table_name: string; row_key: Record<string, unknown>; operation: string; old_row: Record<string, unknown> | null; new_row: Record<string, unknown> | null }>`
    select * from audit_log order by id`.execute(t.db);
  return r.rows.map((x) => ({
    id: Number(x.id),
    at: new Date(x.at).toISOString(),
    actorId: x.actor_id,
    actorName: x.actor_name,
    dbRole: x.db_role,
    requestId: x.request_id,
    table: x.table_name,
    rowKey: x.row_key,
    operation: x.operation as AuditOperation,
    old: x.old_row,
    new: x.new_row,
  }));
}

function sorted(rows: ReadonlyArray<Record<string, unknown>>, key: readonly string[]): Array<Record<string, unknown>> {
  const k = (r: Record<string, unknown>) => JSON.stringify(key.map((c) => r[c]));
  return [...rows].sort((a, b) => (k(a) < k(b) ? -1 : k(a) > k(b) ? 1 : 0));
}

async function compareAll(): Promise<void> {
  const entries = await auditEntries();
  for (const [table, key] of Object.entries(AUDITED)) {
    const live = await sql<{ row: Record<string, unknown> }>`select to_jsonb(t) - ${LEFT_OUT}::text[] as row from ${sql.table(table)} t`.execute(t.db);
    const rebuilt = rebuildFromAudit(entries, table, key);
    expect(sorted(rebuilt, key), table).toEqual(sorted(live.rows.map((r) => r.row), key));
  }
}

describe('the audit trail', () => {
  it('rebuilds the demo load alone', async () => {
    await compareAll();
  });

  it('rebuilds every audited table after random sequences of changes through the services', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 4, maxLength: 36 }), async (ops) => {
        run += 1;
        const actor: Actor = { userId: `u-${run}`, name: `Testare ${run}`, requestId: `req-${run}` };
        for (const o of ops) await apply(o, actor);
        await compareAll();
        // the run's changes carry its actor and request id
        const mine = await sql<{ n: number; wrong: number }>`
          select count(*)::int as n, count(*) filter (where actor_name <> ${actor.name} and actor_name <> 'styrkort_app')::int as wrong
          from audit_log where request_id = ${actor.requestId}`.execute(t.db);
        expect(mine.rows[0]?.wrong).toBe(0);
      }),
      { numRuns: 40, seed: 20261122, endOnFailure: true },
    );
    // the sequences reached every kind of change
    const reached = await sql<{ table_name: string; operation: string }>`
      select distinct table_name, operation from audit_log where actor_name like 'Testare %' order by 1, 2`.execute(t.db);
    const seen = new Set(reached.rows.map((r) => `${r.table_name}:${r.operation}`));
    const expected = ['indicator:insert', 'indicator:update', 'indicator_goal_line:delete', 'target:insert', 'target:update', 'target:delete', 'measurement:insert', 'measurement:update', 'import_batch:insert', 'meeting:insert', 'meeting:update', 'agenda_item:insert', 'agenda_item:update', 'agenda_item:delete', 'agenda_item_presenter:insert', 'agenda_item_presenter:delete', 'content_block:insert', 'content_block:update', 'content_block:delete', 'meeting_version:insert', 'meeting_version:update', 'meeting_artifact:insert', 'app_user:insert', 'app_user:update', 'user_role:insert', 'user_role:delete', 'local_credential:insert', 'local_credential:update', 'user_identity:insert', 'person:insert', 'person_title:insert', 'person_title:update', 'person_title:delete', 'area:insert', 'area:update', 'area_member:insert', 'area_member:delete', 'risk_register:insert', 'risk:insert', 'risk:update', 'risk:delete', 'plan_period:insert', 'goal:insert', 'goal:update', 'goal:delete', 'focus_area:insert', 'focus_area:delete'];
    expect(expected.filter((e) => !seen.has(e))).toEqual([]);
  });
});
