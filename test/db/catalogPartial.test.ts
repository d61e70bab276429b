import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { DEMO_DIR, PACKAGE_ROOT } from '../../src/config/paths.js';
import { loadCatalog } from '../../src/services/catalog.js';
import { loadDemo } from '../../src/services/startup.js';
import { runCli, tempDir } from '../support/cli.js';
import { snapshotAll } from '../support/snapshot.js';
import { createTestDatabase, urlFor, type TestDatabase } from '../support/testDatabase.js';

/**
 * A partial catalog — a file with one new title of a person already stored, an area or an
 * indicator restated with less than is stored — adds and changes, and deletes nothing it does
 * not mention. Only `--prune` makes the stored catalog match the files' entries.
 */
let t: TestDatabase;
let dir: string;

beforeAll(async () => {
  t = await createTestDatabase();
  await loadDemo(t.db, DEMO_DIR, PACKAGE_ROOT);
  dir = await tempDir('styrkort-partial-');
  const demoIndicators = YAML.parse(await readFile(path.join(DEMO_DIR, 'indicators.yaml'), 'utf8')) as { indicators: Array<Record<string, unknown>> };
  const bup = demoIndicators.indicators.find((i) => i.id === 'bup-forsta-besok-inom-30-dagar');
  const teleq = demoIndicators.indicators.find((i) => i.id === 'telefon-teleq-samma-dag');
  await writeFile(
    path.join(dir, 'organisation.yaml'),
    YAML.stringify({
      areas: [{ id: 'sosr', kind: 'healthcare_region', name: 'Sydöstra sjukvårdsregionen', short_name: 'SÖSR', aliases: ['Sydöstra sjukvårdsregionen (SÖSR)'] }],
      people: [
        { id: 'helen-persson', name: 'Helen Persson', titles: [{ title: 'Personaldirektör', role: 'hr-direktor', from: '2027-01-01' }] },
        { id: 'ny-direktor', name: 'Ny Direktör', titles: [{ title: 'Digitaliseringsdirektör', from: '2026-09-01' }] },
      ],
    }),
  );
  // restated without targets, and with one goal line of two
  await writeFile(path.join(dir, 'indicators.yaml'), YAML.stringify({ indicators: [{ ...bup, targets: [] }, { ...teleq, goal_lines: ['kvalitet'] }] }));
});
afterAll(async () => {
  await t.drop();
  await rm(dir, { recursive: true, force: true });
});

const titles = (person: string) =>
  t.db.selectFrom('person_title').select(['title', 'valid_from']).where('person_id', '=', person).orderBy('valid_from').execute().then((r) => r.map((x) => `${x.title} från ${x.valid_from}`));
const members = (area: string) => t.db.selectFrom('area_member').select('member_id').where('group_id', '=', area).orderBy('member_id').execute().then((r) => r.map((x) => x.member_id));
const lines = (indicator: string) => t.db.selectFrom('indicator_goal_line').select('goal_line_id').where('indicator_id', '=', indicator).orderBy('goal_line_id').execute().then((r) => r.map((x) => x.goal_line_id));
const targets = (indicator: string) => t.db.selectFrom('target').select('id').where('indicator_id', '=', indicator).execute().then((r) => r.map((x) => x.id));

describe('a partial catalog', () => {
  it('adds and changes what it mentions and deletes nothing it does not', async () => {
    const before = { helen: await titles('helen-persson'), sosr: await members('sosr'), lines: await lines('telefon-teleq-samma-dag'), targets: await targets('bup-forsta-besok-inom-30-dagar') };
    expect(before.helen).toEqual(['HR-direktör från 2024-02-01']);
    expect(before.sosr).toEqual(['0005', '0006', '0008']);
    expect(before.lines).toEqual(['kvalitet', 'nojda-invanare']);
    expect(before.targets).toEqual(['bup-forsta-besok-30-forstarkt-vardgaranti']);

    const result = await loadCatalog(t.db, { dir, root: dir, kind: 'manual', createdBy: 'test' });
    expect(result.structure).toEqual({ inserted: 3, updated: 0, deleted: 0 }); // a person and two titles
    expect(await titles('helen-persson')).toEqual(['HR-direktör från 2024-02-01', 'Personaldirektör från 2027-01-01']);
    expect(await titles('ny-direktor')).toEqual(['Digitaliseringsdirektör från 2026-09-01']);
    expect(await members('sosr')).toEqual(before.sosr);
    expect(await lines('telefon-teleq-samma-dag')).toEqual(before.lines);
    expect(await targets('bup-forsta-besok-inom-30-dagar')).toEqual(before.targets);

    // and loading it again changes nothing at all
    const snapshot = await snapshotAll(t.db as never);
    const again = await loadCatalog(t.db, { dir, root: dir, kind: 'manual', createdBy: 'test' });
    expect(again.structure).toEqual({ inserted: 0, updated: 0, deleted: 0 });
    expect(await snapshotAll(t.db as never)).toEqual(snapshot);
  });

  it('with --prune, makes what the entries hold match the files: the rest of it is deleted', async () => {
    const r = await runCli(['demo', 'load', '--dir', dir, '--prune'], { DATABASE_URL: urlFor(t.name) });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    // Helen's old title, SÖSR's three members, one goal line and one target
    expect(r.stdout).toContain('Struktur: 0 nya, 0 ändrade, 6 borttagna.');
    expect(await titles('helen-persson')).toEqual(['Personaldirektör från 2027-01-01']);
    expect(await members('sosr')).toEqual([]);
    expect(await lines('telefon-teleq-samma-dag')).toEqual(['kvalitet']);
    expect(await targets('bup-forsta-besok-inom-30-dagar')).toEqual([]);
  });
});
