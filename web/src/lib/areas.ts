import { descendantsOf, type Area } from '../../../src/domain/area.js';

/**
 * The own organisation as the area pickers offer it: the region, its förvaltningar and their
 * enheter. The own region is a region with an organisation under it (Region Kalmar län in the
 * demo); without one, every region is offered.
 */
export interface AreaGroups {
  ownRegionId: string;
  regions: Area[];
  administrations: Area[];
  units: Area[];
}

export function ownOrganisation(areas: readonly Area[]): AreaGroups {
  const withChildren = new Set(areas.map((a) => a.parentId).filter((id): id is string => id !== null));
  const own = areas.filter((a) => a.kind === 'region' && withChildren.has(a.id));
  const regions = own.length > 0 ? own : areas.filter((a) => a.kind === 'region');
  const tree = regions.flatMap((r) => descendantsOf(r.id, areas));
  const byName = (a: Area, b: Area) => a.name.localeCompare(b.name, 'sv');
  return {
    ownRegionId: regions[0]?.id ?? '0008',
    regions,
    administrations: tree.filter((a) => a.kind === 'administration').sort(byName),
    units: tree.filter((a) => a.kind === 'unit').sort(byName),
  };
}

export function areaName(areas: readonly Area[], id: string): string {
  const area = areas.find((a) => a.id === id);
  return area ? area.name : id;
}
