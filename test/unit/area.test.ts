import { describe, expect, it } from 'vitest';
import { ancestorsOf, descendantsOf, isAggregate, RIKET_KOLADA_ID, SWEDISH_REGIONS, type Area } from '../../src/domain/area.js';
import { area } from './fixtures.js';

const TREE: Area[] = [
  area({ id: 'region', kind: 'region', name: 'Region Kalmar län' }),
  area({ id: 'pvf', kind: 'administration', name: 'Primärvårdsförvaltningen', parentId: 'region' }),
  area({ id: 'hc-berga', kind: 'unit', name: 'Hälsocentralen Berga', parentId: 'pvf' }),
  area({ id: 'hc-oxhagen', kind: 'unit', name: 'Hälsocentralen Oxhagen', parentId: 'pvf' }),
  area({ id: 'klt', kind: 'administration', name: 'Kalmar länstrafik', parentId: 'region' }),
];
const BY_ID = new Map(TREE.map((a) => [a.id, a]));

describe('areas', () => {
  it('lists the 21 regions with Kolada ids "00" + county code; Region Kalmar län is 0008', () => {
    expect(SWEDISH_REGIONS).toHaveLength(21);
    expect(SWEDISH_REGIONS.find((r) => r.name === 'Region Kalmar län')?.koladaId).toBe('0008');
    expect(SWEDISH_REGIONS.every((r) => /^00\d{2}$/.test(r.koladaId))).toBe(true);
    expect(new Set(SWEDISH_REGIONS.map((r) => r.koladaId)).size).toBe(21);
    expect(RIKET_KOLADA_ID).toBe('0000');
  });

  it('ancestorsOf lists the parents, nearest first', () => {
    expect(ancestorsOf('hc-berga', BY_ID).map((a) => a.id)).toEqual(['pvf', 'region']);
    expect(ancestorsOf('region', BY_ID)).toEqual([]);
  });

  it('ancestorsOf stops at a cycle', () => {
    const cyclic = new Map([
      ['a', area({ id: 'a', parentId: 'b' })],
      ['b', area({ id: 'b', parentId: 'a' })],
    ]);
    expect(ancestorsOf('a', cyclic).map((a) => a.id)).toEqual(['b']);
  });

  it('descendantsOf lists children and grandchildren', () => {
    expect(descendantsOf('region', TREE).map((a) => a.id)).toEqual(['pvf', 'klt', 'hc-berga', 'hc-oxhagen']);
    expect(descendantsOf('hc-berga', TREE)).toEqual([]);
  });

  it('an area with members is an aggregate', () => {
    expect(isAggregate(area({ id: 'riket', kind: 'country', memberIds: ['a', 'b'] }))).toBe(true);
    expect(isAggregate(area({ id: 'region' }))).toBe(false);
  });
});
