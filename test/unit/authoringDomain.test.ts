import { describe, expect, it } from 'vitest';
import { auditCells, changedColumns, rebuildFromAudit, type AuditEntry } from '../../src/domain/audit.js';
import { meetingCreateInput, slugify, targetCreateInput, uniqueId } from '../../src/domain/authoring.js';
import { blockSchema } from '../../src/domain/blocks.js';
import { blockReferences } from '../../src/domain/blockReferences.js';
import { latestReadable } from '../../src/domain/publishing.js';
import { fieldPath, issuesToDetails, validate } from '../../src/domain/validation.js';

describe('validation messages', () => {
  it('name the field as a form does', () => {
    expect(fieldPath(['blocks', 2, 'period'])).toBe('blocks[2].period');
    expect(fieldPath(['areas', 0], 'block')).toBe('block.areas[0]');
    expect(fieldPath([])).toBe('(hela)');
  });

  it('are Swedish, and keep what a schema says itself', () => {
    const r = blockSchema.safeParse({ type: 'ranking_table', indicator: 5, period: '2025-13', highlight: '', limit: -1 });
    expect(r.success).toBe(false);
    if (r.success) return;
    expect(issuesToDetails(r.error.issues, 'blocks[0]')).toEqual([
      { where: 'blocks[0].indicator', message: 'ska vara text' },
      { where: 'blocks[0].period', message: 'ogiltig period (väntat t.ex. 2025, 2025-T1, 2025-Q3, 2025-03, 2026-01..2026-04, 2026-04-30)' },
      { where: 'blocks[0].highlight', message: 'får inte vara tom' },
      { where: 'blocks[0].limit', message: 'ska vara större än 0' },
    ]);
  });

  it('check a target across its fields', () => {
    const r = validate(targetCreateInput, { comparator: 'gte', threshold: 'åttio', upper: 90, validFromYear: 2026, source: 'egen', label: '' });
    expect(r).toEqual({
      ok: false,
      details: [
        { where: 'threshold', message: 'ska vara ett tal' },
        { where: 'source', message: 'ska vara en av: national, regionplan, budget, local' },
        { where: 'label', message: 'får inte vara tom' },
      ],
    });
    expect(validate(meetingCreateInput, { body: 'RS', date: '2026-09-16', planPeriodId: '2026-2028', focusYear: 2026, copyFrom: 'previous' })).toMatchObject({ ok: true, value: { title: 'Informationspunkter', id: null } });
  });
});

describe('ids for new meetings and items', () => {
  it('are readable and unique', () => {
    expect(slugify('Regionstyrelsen')).toBe('regionstyrelsen');
    expect(slugify('Vård & omsorg – Ärende 7')).toBe('vard-omsorg-arende-7');
    expect(slugify('!!!')).toBe('punkt');
    expect(uniqueId('a', new Set(['a', 'a-2']))).toBe('a-3');
    expect(uniqueId('b', new Set(['a']))).toBe('b');
  });
});

describe('block references', () => {
  it('name the field each stored thing is referred to in', () => {
    const block = blockSchema.parse({ type: 'ranking_table', indicator: 'i', period: '2025', areas: ['a', 'b'], references: ['c', { area: 'd', label: 'Riket' }], highlight: 'a', extraIndicators: ['j'] });
    expect(blockReferences(block).map((r) => `${r.path}=${r.kind}:${r.id}`)).toEqual([
      'indicator=indicator:i',
      'extraIndicators[0]=indicator:j',
      'areas[0]=area:a',
      'areas[1]=area:b',
      'references[0]=area:c',
      'references[1].area=area:d',
      'highlight=area:a',
    ]);
  });
});

describe('published versions', () => {
  it('board members read the newest version that is not withdrawn', () => {
    const w = { at: '2026-05-07T00:00:00.000Z', by: 'x', reason: 'fel' };
    expect(latestReadable([{ version: 1, withdrawal: null }, { version: 3, withdrawal: w }, { version: 2, withdrawal: null }])?.version).toBe(2);
    expect(latestReadable([{ version: 1, withdrawal: w }])).toBeNull();
    expect(latestReadable([])).toBeNull();
  });
});

describe('the audit trail', () => {
  const entry = (id: number, operation: AuditEntry['operation'], old: Record<string, unknown> | null, now: Record<string, unknown> | null, table = 'agenda_item_presenter'): AuditEntry => ({
    id,
    at: '2026-05-06T08:00:00.000Z',
    actorId: null,
    actorName: 'Sara',
    dbRole: 'styrkort_app',
    requestId: null,
    table,
    rowKey: {},
    operation,
    old,
    new: now,
  });

  it('rebuilds rows in order, following key changes, deletes and truncation', () => {
    const key = ['item_id', 'position'];
    const entries = [
      entry(1, 'insert', null, { item_id: 'a', position: 1, person_id: 'p' }),
      entry(2, 'insert', null, { item_id: 'a', position: 2, person_id: 'q' }),
      entry(4, 'update', { item_id: 'a', position: 1, person_id: 'p' }, { item_id: 'a', position: 3, person_id: 'p' }),
      entry(3, 'insert', null, { id: 'other' }, 'meeting'),
      entry(5, 'delete', { item_id: 'a', position: 2, person_id: 'q' }, null),
      entry(6, 'insert', null, { item_id: 'b', position: 1, person_id: 'r' }),
    ];
    expect(rebuildFromAudit(entries, 'agenda_item_presenter', key)).toEqual([
      { item_id: 'a', position: 3, person_id: 'p' },
      { item_id: 'b', position: 1, person_id: 'r' },
    ]);
    expect(rebuildFromAudit([...entries, entry(7, 'truncate', null, null)], 'agenda_item_presenter', key)).toEqual([]);
  });

  it('exports the changed fields only, and text that cannot become a formula', () => {
    const e = { ...entry(9, 'update', { id: 'x', title: 'A', ready: false }, { id: 'x', title: '=HYPERLINK("http://evil")', ready: false }, 'agenda_item'), rowKey: { id: 'x' } };
    expect(changedColumns(e)).toEqual(['title']);
    expect(auditCells(e)).toEqual([9, '2026-05-06T08:00:00.000Z', 'Sara', '', 'styrkort_app', '', 'agenda_item', '{"id":"x"}', 'ändrad', 'title', '{"title":"A"}', '{"title":"=HYPERLINK(\\"http://evil\\")"}']);
  });
});
