import type { Area } from '../../../../../src/domain/area.js';
import { useApi, type Loadable } from '../../../api.js';
import { ownOrganisation } from '../../../lib/areas.js';
import type { IndicatorBrief } from './types.js';

/** Indicators and areas to choose among (mapping names, defaults, Kolada KPIs), sorted by name. */
export function useCatalog(): Loadable<{ indicators: IndicatorBrief[]; areas: Area[] }> & { retry: () => void } {
  const areas = useApi<Area[]>('/api/areas');
  const own = areas.state === 'ok' ? ownOrganisation(areas.data).ownRegionId : null;
  const indicators = useApi<Array<{ indicator: IndicatorBrief }>>(own === null ? null : `/api/indicators?area=${encodeURIComponent(own)}`);
  const retry = () => {
    areas.retry();
    indicators.retry();
  };
  if (areas.state === 'error') return { ...areas, retry };
  if (indicators.state === 'error') return { ...indicators, retry };
  if (areas.state !== 'ok' || indicators.state !== 'ok') return { state: 'loading', retry };
  const byName = <T extends { name: string }>(a: T, b: T) => a.name.localeCompare(b.name, 'sv');
  return { state: 'ok', data: { indicators: indicators.data.map((s) => s.indicator).sort(byName), areas: [...areas.data].sort(byName) }, retry };
}
