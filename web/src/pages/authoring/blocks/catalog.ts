import { useEffect, useState } from 'react';
import type { Area } from '../../../../../src/domain/area.js';
import type { Block } from '../../../../../src/domain/blocks.js';
import { getJson, useApi, type Loadable } from '../../../api.js';
import { ownOrganisation } from '../../../lib/areas.js';
import type { AuthoringMeeting, IndicatorFacets } from '../types.js';
import type { IndicatorBrief } from '../../../lib/types.js';

export type { IndicatorBrief };

/** What the block forms choose among: indicators, areas, and the ids of stored tables, risk registers and pictures. */
export interface Catalog {
  indicators: IndicatorBrief[];
  areas: Area[];
  ownRegionId: string;
  /** Ids of the stored tables and risk registers (and any the meeting's blocks use), and of the pictures the blocks use. */
  datasets: string[];
  registers: string[];
  assets: string[];
}

function usedIds(meeting: AuthoringMeeting, pick: (b: Block) => string | null): string[] {
  return [...new Set(meeting.items.flatMap((i) => i.blocks.map((b) => pick(b.block)).filter((v): v is string => v !== null)))].sort();
}

export function useCatalog(meeting: AuthoringMeeting | null): Loadable<Catalog> & { retry: () => void } {
  const areas = useApi<Area[]>('/api/areas');
  const indicators = useApi<Array<{ indicator: IndicatorBrief }>>('/api/indicators');
  const datasets = useApi<{ datasets: Array<{ id: string }> }>('/api/datasets');
  const registers = useApi<Array<{ id: string }>>('/api/risk-registers');
  const retry = () => {
    areas.retry();
    indicators.retry();
    datasets.retry();
    registers.retry();
  };
  if (areas.state === 'error') return { ...areas, retry };
  if (indicators.state === 'error') return { ...indicators, retry };
  if (datasets.state === 'error') return { ...datasets, retry };
  if (registers.state === 'error') return { ...registers, retry };
  if (areas.state !== 'ok' || indicators.state !== 'ok' || datasets.state !== 'ok' || registers.state !== 'ok' || meeting === null) return { state: 'loading', retry };
  const withStored = (used: string[], stored: Array<{ id: string }>) => [...new Set([...stored.map((x) => x.id), ...used])].sort();
  return {
    state: 'ok',
    data: {
      indicators: indicators.data.map((s) => s.indicator).sort((a, b) => a.name.localeCompare(b.name, 'sv')),
      areas: areas.data,
      ownRegionId: ownOrganisation(areas.data).ownRegionId,
      datasets: withStored(usedIds(meeting, (b) => (b.type === 'data_table' ? b.dataset : null)), datasets.data.datasets),
      registers: withStored(usedIds(meeting, (b) => (b.type === 'risk_list' ? b.register : null)), registers.data),
      assets: usedIds(meeting, (b) => (b.type === 'image' ? b.asset : null)),
    },
    retry,
  };
}

/* An indicator's periods, breakdowns and areas with values: asked once per indicator and page. */
const facetCache = new Map<string, Promise<IndicatorFacets>>();

export function loadFacets(indicatorId: string): Promise<IndicatorFacets> {
  let found = facetCache.get(indicatorId);
  if (!found) {
    found = getJson<IndicatorFacets>(`/api/indicators/${encodeURIComponent(indicatorId)}/facets`);
    found.catch(() => facetCache.delete(indicatorId));
    facetCache.set(indicatorId, found);
  }
  return found;
}

export function useFacets(indicatorId: string): IndicatorFacets | null {
  const [facets, setFacets] = useState<{ id: string; value: IndicatorFacets } | null>(null);
  useEffect(() => {
    if (indicatorId === '') return;
    let live = true;
    loadFacets(indicatorId).then(
      (value) => live && setFacets({ id: indicatorId, value }),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [indicatorId]);
  return facets !== null && facets.id === indicatorId ? facets.value : null;
}
