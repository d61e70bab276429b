/**
 * Areas are whatever a value is measured for: the own organisation's tree (region →
 * förvaltning → enhet) and the comparison areas (the other regions, Riket / Alla regioner,
 * a sjukvårdsregion). Region Kalmar län is both the root of the own tree and a region among 21.
 */
export const AREA_KINDS = ['country', 'healthcare_region', 'region', 'administration', 'unit'] as const;
export type AreaKind = (typeof AREA_KINDS)[number];

export const AREA_KIND_LABELS: Record<AreaKind, string> = {
  country: 'riket',
  healthcare_region: 'sjukvårdsregion',
  region: 'region',
  administration: 'förvaltning',
  unit: 'enhet',
};

export interface Area {
  id: string;
  kind: AreaKind;
  name: string;
  shortName: string | null;
  koladaId: string | null;
  parentId: string | null;
  aliases: readonly string[];
  /** For aggregate areas (Riket, a sjukvårdsregion): the areas whose values sum to this one. */
  memberIds: readonly string[];
}

/** The 21 regions with their Kolada ids ("00" + county code) and Riket. */
export const SWEDISH_REGIONS: ReadonlyArray<{ koladaId: string; name: string }> = [
  { koladaId: '0001', name: 'Region Stockholm' },
  { koladaId: '0003', name: 'Region Uppsala' },
  { koladaId: '0004', name: 'Region Sörmland' },
  { koladaId: '0005', name: 'Region Östergötland' },
  { koladaId: '0006', name: 'Region Jönköpings län' },
  { koladaId: '0007', name: 'Region Kronoberg' },
  { koladaId: '0008', name: 'Region Kalmar län' },
  { koladaId: '0009', name: 'Region Gotland' },
  { koladaId: '0010', name: 'Region Blekinge' },
  { koladaId: '0012', name: 'Region Skåne' },
  { koladaId: '0013', name: 'Region Halland' },
  { koladaId: '0014', name: 'Västra Götalandsregionen' },
  { koladaId: '0017', name: 'Region Värmland' },
  { koladaId: '0018', name: 'Region Örebro län' },
  { koladaId: '0019', name: 'Region Västmanland' },
  { koladaId: '0020', name: 'Region Dalarna' },
  { koladaId: '0021', name: 'Region Gävleborg' },
  { koladaId: '0022', name: 'Region Västernorrland' },
  { koladaId: '0023', name: 'Region Jämtland Härjedalen' },
  { koladaId: '0024', name: 'Region Västerbotten' },
  { koladaId: '0025', name: 'Region Norrbotten' },
];

export const RIKET_KOLADA_ID = '0000';

/** Ancestors of an area, nearest first. Stops at a cycle rather than looping. */
export function ancestorsOf(areaId: string, byId: ReadonlyMap<string, Area>): Area[] {
  const result: Area[] = [];
  const seen = new Set<string>([areaId]);
  let current = byId.get(areaId)?.parentId ?? null;
  while (current !== null && !seen.has(current)) {
    const area = byId.get(current);
    if (!area) break;
    result.push(area);
    seen.add(current);
    current = area.parentId;
  }
  return result;
}

/** Direct and indirect children of an area in the own organisation tree. */
export function descendantsOf(areaId: string, areas: readonly Area[]): Area[] {
  const children = new Map<string, Area[]>();
  for (const a of areas) {
    if (a.parentId === null) continue;
    const list = children.get(a.parentId) ?? [];
    list.push(a);
    children.set(a.parentId, list);
  }
  const result: Area[] = [];
  const queue = [...(children.get(areaId) ?? [])];
  const seen = new Set<string>([areaId]);
  while (queue.length > 0) {
    const next = queue.shift() as Area;
    if (seen.has(next.id)) continue;
    seen.add(next.id);
    result.push(next);
    queue.push(...(children.get(next.id) ?? []));
  }
  return result;
}

export function isAggregate(area: Area): boolean {
  return area.memberIds.length > 0;
}
