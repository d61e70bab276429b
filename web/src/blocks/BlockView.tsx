import type { BlockViewOrError } from '../../../src/domain/meetingView.js';
import { ChartBlock } from './ChartBlock.js';
import { ChecklistBlock } from './ChecklistBlock.js';
import { DataTableBlock } from './DataTableBlock.js';
import { KeyFigureBlock } from './KeyFigureBlock.js';
import { RankingBlock } from './RankingBlock.js';
import { RiskListBlock } from './RiskListBlock.js';
import { StatementBlock } from './StatementBlock.js';
import { TextBlock } from './TextBlock.js';
import { TimelineBlock } from './TimelineBlock.js';
import { ImageBlock, ErrorBlock } from './SimpleBlocks.js';

/** One content block of an information item, drawn from its resolved view. Block titles are h4. */
export function BlockView({ view }: { view: BlockViewOrError }) {
  switch (view.type) {
    case 'text':
      return <TextBlock view={view} />;
    case 'key_figure':
      return <KeyFigureBlock view={view} />;
    case 'indicator_chart':
      return <ChartBlock view={view} />;
    case 'ranking_table':
      return <RankingBlock view={view} />;
    case 'statement_table':
      return <StatementBlock view={view} />;
    case 'timeline':
      return <TimelineBlock view={view} />;
    case 'checklist':
      return <ChecklistBlock view={view} />;
    case 'risk_list':
      return <RiskListBlock view={view} />;
    case 'data_table':
      return <DataTableBlock view={view} />;
    case 'image':
      return <ImageBlock view={view} />;
    case 'error':
      return <ErrorBlock message={view.message} />;
  }
}
