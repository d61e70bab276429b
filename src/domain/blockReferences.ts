import { referenceArea, type Block } from './blocks.js';

/**
 * Every stored thing a block refers to, with the field it is named in (`areas[1]`,
 * `rows[3].indicator`), so a missing one is reported next to its field.
 */
export type ReferenceKind = 'indicator' | 'area' | 'dataset' | 'register' | 'asset';

export interface BlockReference {
  path: string;
  kind: ReferenceKind;
  id: string;
}

export const REFERENCE_LABELS: Record<ReferenceKind, string> = {
  indicator: 'indikatorn',
  area: 'området',
  dataset: 'tabellen (datamängden)',
  register: 'riskregistret',
  asset: 'bilden',
};

export function blockReferences(block: Block): BlockReference[] {
  const refs: BlockReference[] = [];
  const add = (path: string, kind: ReferenceKind, id: string) => refs.push({ path, kind, id });
  switch (block.type) {
    case 'key_figure':
      add('indicator', 'indicator', block.indicator);
      add('area', 'area', block.area);
      break;
    case 'indicator_chart':
      add('indicator', 'indicator', block.indicator);
      block.areas.forEach((a, i) => add(`areas[${i}]`, 'area', a));
      break;
    case 'ranking_table':
      add('indicator', 'indicator', block.indicator);
      block.extraIndicators.forEach((x, i) => add(`extraIndicators[${i}]`, 'indicator', x));
      if (block.areas !== 'regions') block.areas.forEach((a, i) => add(`areas[${i}]`, 'area', a));
      block.references.forEach((r, i) => add(typeof r === 'string' ? `references[${i}]` : `references[${i}].area`, 'area', referenceArea(r)));
      add('highlight', 'area', block.highlight);
      break;
    case 'statement_table':
      add('area', 'area', block.area);
      block.rows.forEach((r, i) => {
        if ('indicator' in r) add(`rows[${i}].indicator`, 'indicator', r.indicator);
      });
      break;
    case 'risk_list':
      add('register', 'register', block.register);
      break;
    case 'data_table':
      add('dataset', 'dataset', block.dataset);
      break;
    case 'image':
      add('asset', 'asset', block.asset);
      break;
    case 'text':
    case 'timeline':
    case 'checklist':
      break;
  }
  return refs;
}
