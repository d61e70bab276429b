import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_DIR, PACKAGE_ROOT } from '../../src/config/paths.js';
import { loadDemo } from '../../src/services/startup.js';
import { snapshotAll } from '../support/snapshot.js';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase.js';

describe('demo data load', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(async () => t.drop());

  it('loads the four Region Kalmar län meetings, and loading again changes nothing', async () => {
    const first = await loadDemo(t.db, DEMO_DIR, PACKAGE_ROOT);
    expect(first.structure.inserted).toBeGreaterThan(100);
    expect(first.measurements.inserted).toBeGreaterThan(100);
    expect(first.measurements.batchId).not.toBeNull();

    const before = await snapshotAll(t.db as never);
    const second = await loadDemo(t.db, DEMO_DIR, PACKAGE_ROOT);
    expect(second.structure).toEqual({ inserted: 0, updated: 0, deleted: 0 });
    expect(second.measurements).toEqual({ batchId: null, inserted: 0, updated: 0, unchanged: first.measurements.inserted });
    expect(await snapshotAll(t.db as never)).toEqual(before);
  });

  it('holds the plan periods with their wording per period and the goal lineage', async () => {
    const goals = await t.db.selectFrom('goal').select(['plan_period_id', 'goal_line_id', 'position', 'name']).orderBy('plan_period_id').orderBy('position').execute();
    const of = (period: string) => goals.filter((g) => g.plan_period_id === period).map((g) => g.name);
    expect(of('2026-2028')).toEqual([
      'Nöjda invånare och samarbetspartners',
      'Hållbar utveckling i hela länet',
      'Sveriges bästa kvalitet, tillgänglighet och säkerhet',
      'En av Sveriges bästa arbetsplatser',
      'En långsiktigt hållbar ekonomi',
    ]);
    expect(of('2024-2026')[4]).toBe('God ekonomisk hushållning');
    const economy = goals.filter((g) => g.position === 5).map((g) => g.goal_line_id);
    expect(new Set(economy).size).toBe(1); // one line across the rename
  });

  it('stores every measurement with its provenance and the TeleQ counts as inputs, not shares', async () => {
    const missingSource = await t.db.selectFrom('measurement').select('id').where((eb) => eb.or([eb('source', '=', ''), eb('import_batch_id', 'is', null)])).execute();
    expect(missingSource).toEqual([]);
    const kalmar = await t.db.selectFrom('measurement').selectAll().where('indicator_id', '=', 'telefon-teleq-samma-dag').where('area_id', '=', '0008').executeTakeFirstOrThrow();
    expect(kalmar.numerator).toBe(29802);
    expect(kalmar.denominator).toBe(30448);
    expect(kalmar.value).toBeNull();
    const allRegions = await t.db.selectFrom('measurement').select('id').where('indicator_id', '=', 'telefon-teleq-samma-dag').where('area_id', '=', '0000').execute();
    expect(allRegions).toEqual([]);
  });
});
