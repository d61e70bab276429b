import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_DIR } from '../../src/config/paths.js';
import { StyrkortError } from '../../src/domain/errors.js';
import { loadCatalog } from '../../src/services/catalog.js';
import { loadDemo } from '../../src/services/startup.js';
import { snapshotAll } from '../support/snapshot.js';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase.js';

async function copyDemo(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'styrkort-demo-'));
  await cp(DEMO_DIR, dir, { recursive: true });
  return dir;
}

async function loadError(t: TestDatabase, dir: string): Promise<StyrkortError> {
  try {
    await loadCatalog(t.db, { dir, root: dir, kind: 'demo', createdBy: 'test' });
  } catch (error) {
    if (error instanceof StyrkortError) return error;
    throw error;
  }
  throw new Error('the load should have failed');
}

describe('a malformed catalog', () => {
  let t: TestDatabase;
  const dirs: string[] = [];
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(async () => {
    await t.drop();
    for (const d of dirs) await rm(d, { recursive: true, force: true });
  });

  it('names the file, the entry and the field, and writes nothing', async () => {
    const dir = await copyDemo();
    dirs.push(dir);
    const file = path.join(dir, 'indicators.yaml');
    const text = await readFile(file, 'utf8');
    // break the unit of the BUP mean-wait indicator
    const broken = text.replace(/(id: (\S*medelvantetid\S*)[\s\S]*?unit: )dagar/, '$1dagarr');
    expect(broken).not.toBe(text);
    await writeFile(file, broken);
    const before = await snapshotAll(t.db as never);
    const error = await loadError(t, dir);
    expect(error.message).toMatch(/indicators\.yaml:\d+: indicators\[\d+\] \([a-z0-9-]*medelvantetid[a-z0-9-]*\)\.unit: ogiltigt värde/);
    expect(await snapshotAll(t.db as never)).toEqual(before);
  });

  it('reports a reference to a person that does not exist, with the meeting file and item', async () => {
    const dir = await copyDemo();
    dirs.push(dir);
    const file = path.join(dir, 'meetings', '2026-05-06.yaml');
    const text = await readFile(file, 'utf8');
    await writeFile(file, text.replace('person: helen-persson', 'person: helen-perzon'));
    const error = await loadError(t, dir);
    expect(error.details.some((d) => /meetings\/2026-05-06\.yaml/.test(d.where ?? '') && /items\[\d+\] \([^)]+\)\.presenters\[\d+\]\.person/.test(d.where ?? '') && /okänd person "helen-perzon"/.test(d.message))).toBe(true);
  });

  it('leaves stored data untouched when the broken file comes after a good load', async () => {
    const loaded = await createTestDatabase();
    try {
      await loadDemo(loaded.db, DEMO_DIR, path.dirname(DEMO_DIR));
      const dir = await copyDemo();
      dirs.push(dir);
      await writeFile(path.join(dir, 'measurements', 'zz-broken.yaml'), 'source: test\nseries:\n  - indicator: finns-inte\n    area: "0008"\n    values:\n      - { period: 2025, value: 1 }\n');
      const before = await snapshotAll(loaded.db as never);
      const error = await loadError(loaded, dir);
      expect(error.message).toMatch(/zz-broken\.yaml/);
      expect(error.details.some((d) => /series\[0\] \(finns-inte\)\.indicator/.test(d.where ?? '') && /okänd indikator/.test(d.message))).toBe(true);
      expect(await snapshotAll(loaded.db as never)).toEqual(before);
    } finally {
      await loaded.drop();
    }
  });
});
