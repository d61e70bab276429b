import type { Block, BlockType } from '../../../../../src/domain/blocks.js';
import type { MessageKey } from '../../../i18n/messages.js';

export type BlockOf<T extends BlockType> = Extract<Block, { type: T }>;

/** A new block of a type, with the schema's defaults; the author fills in what it must name. */
export function newBlock(type: BlockType, ownRegionId: string): Block {
  switch (type) {
    case 'text':
      return { type, heading: null, markdown: '' };
    case 'key_figure':
      return { type, indicator: '', area: ownRegionId, period: '', breakdown: '', scenario: 'utfall', asOf: '', compareWith: null, compareWithBudget: false, showTarget: true, label: null };
    case 'indicator_chart':
      return { type, indicator: '', areas: [ownRegionId], from: null, to: null, chart: 'line', breakdown: '', showTarget: true, title: null };
    case 'ranking_table':
      return { type, indicator: '', period: '', areas: 'regions', references: ['0000'], highlight: ownRegionId, showParts: false, extraIndicators: [], limit: null, title: null };
    case 'statement_table':
      return { type, title: '', area: ownRegionId, unit: 'mnkr', rows: [], columns: [] };
    case 'timeline':
      return { type, title: '', phases: [], milestones: [], todayMarker: true };
    case 'checklist':
      return { type, title: '', items: [{ label: '', party: '', status: 'ej_paborjad', group: null, due: null, dateKind: 'deadline' }] };
    case 'risk_list':
      return { type, register: '', category: null, showMatrix: true, title: null };
    case 'data_table':
      return { type, dataset: '', columns: null, totals: false, title: null };
    case 'image':
      return { type, asset: '', alt: '', caption: null };
  }
}

/**
 * Whether a block names enough to be previewed; otherwise what to choose first. The server
 * checks the rest and says what is wrong, field by field.
 */
export function previewWaitsFor(block: Block): MessageKey | null {
  switch (block.type) {
    case 'key_figure':
      return block.indicator === '' || block.period === '' ? 'authoring.preview.needsIndicatorPeriod' : null;
    case 'ranking_table':
      return block.indicator === '' || block.period === '' ? 'authoring.preview.needsIndicatorPeriod' : null;
    case 'indicator_chart':
      return block.indicator === '' ? 'authoring.preview.needsIndicator' : null;
    case 'risk_list':
      return block.register === '' ? 'authoring.preview.needsRegister' : null;
    case 'data_table':
      return block.dataset === '' ? 'authoring.preview.needsDataset' : null;
    case 'image':
      return block.asset === '' ? 'authoring.preview.needsAsset' : null;
    case 'statement_table':
      return block.rows.length === 0 || block.columns.length === 0 ? 'authoring.preview.needsRows' : null;
    case 'text':
      return block.markdown.trim() === '' && (block.heading ?? '').trim() === '' ? 'authoring.preview.needsText' : null;
    case 'timeline':
    case 'checklist':
      return null;
  }
}
